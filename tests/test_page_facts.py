"""Residents' journeys: the facts first on every service page, help that matches
the page, words that read right. Checked on the built default site; each checker is also
shown failing on a small page that breaks it."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from sitegen.base.languages import LANGUAGES
from sitegen.checks.loader import load_data_dir

from testsupport.data import DATA_DIR

ROOT = Path(__file__).resolve().parent.parent
DATA = load_data_dir(DATA_DIR).data
assert DATA is not None
CITY = "rezekne-city-social-service"
WEEK_LV = [
    "Pirmdiena",
    "Otrdiena",
    "Trešdiena",
    "Ceturtdiena",
    "Piektdiena",
    "Sestdiena",
    "Svētdiena",
]
WEEK_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@pytest.fixture(scope="module")
def site(default_site: Path) -> Path:
    return default_site


def page(site: Path, lang: str, path: str) -> str:
    prefix = "" if lang == "lv" else f"{lang}/"
    return (site / f"{prefix}{path}index.html").read_text(encoding="utf-8")


def content(html: str) -> str:
    """The page's own content: from the article to the help box."""
    start = html.index('<div class="sg-page')
    end = html.index('<aside class="sg-help"', start)
    return html[start:end]


def help_box(html: str) -> str:
    start = html.index('<aside class="sg-help"')
    return html[start : html.index("</aside>", start)]


def digits(html: str) -> set[str]:
    """Phone numbers dialled from a piece of HTML (tel: links), as +371…"""
    return set(re.findall(r'href="tel:(\+?\d+)"', html))


def provider_numbers(provider_id: str) -> set[str]:
    pf = DATA.providers[provider_id]
    p = pf.provider
    entries = list(p.contacts.phones)
    for person in ([p.head] if p.head else []) + p.people:
        entries += person.phones
    for unit in p.units:
        entries += unit.contacts.phones
        entries += unit.head.phones if unit.head else []
    for s in pf.services:
        entries += s.contacts.phones
    return {e.number for e in entries}


# --- checkers ------------------------------------------------------------------------


def facts_first_problems(html: str, ui: dict[str, str], benefit: bool = False) -> list[str]:
    """The price (or free / no-price words) and the first phone (or no-phone words) come
    before the page's first <h2>; a service that is a benefit (`benefit: true`: help the
    resident receives) has no price line at all."""
    body = content(html)
    first_h2 = body.find("<h2")
    head = body if first_h2 < 0 else body[:first_h2]
    problems = []
    price_words = (
        ui["keyfacts.free"],
        ui["keyfacts.no_price"],
        ui["keyfacts.no_price.no_phone"],
        "€",
    )
    priced = any(word in head for word in price_words) or "sg-keyfacts__price" in head
    if benefit and priced:
        problems.append("a price line for a benefit (nothing to pay)")
    elif not benefit and not priced:
        problems.append("no price, 'free' or 'no price given' before the first <h2>")
    if 'href="tel:' not in head and ui["keyfacts.no_phone"] not in head:
        problems.append("no phone (or 'no phone given') before the first <h2>")
    return problems


def _service(service_id: str) -> object:
    return DATA.services[service_id][0]


def foreign_numbers(html: str, forbidden: set[str]) -> set[str]:
    return digits(help_box(html)) & forbidden


def weekday_order_problems(html: str, week: list[str]) -> list[str]:
    problems = []
    for table in re.findall(r'<table class="sg-hours">.*?</table>', html, re.S):
        days = re.findall(r'<th scope="row">([^<]+)</th>', table)
        indexes = [week.index(d) for d in days if d in week]
        if indexes != sorted(indexes):
            problems.append(f"weekdays out of order: {days}")
    return problems


BAD_WORDS = [
    re.compile(r"(?<![\d,.])1 pakalpojumi\b"),
    re.compile(r"(?<![\d,.])1 services\b"),
    re.compile(r"\b(?:[02-9]|1\d) service\b"),
    re.compile(r"Dienas nav norādītas"),
    re.compile(r"Days not stated"),
]


def wrong_words(html: str) -> list[str]:
    text = re.sub(r"<[^>]+>", " ", html)
    return [m.group(0) for rx in BAD_WORDS for m in rx.finditer(text)]


# --- the checkers fail on pages that break them -----------------------------------------

UI_LV = {
    "keyfacts.free": "Bez maksas",
    "keyfacts.no_price": "Avotā cena nav norādīta — jautājiet",
    "keyfacts.no_price.no_phone": "Avotā cena nav norādīta.",
    "keyfacts.no_phone": "Avotā tālruņa",
}
FRAME = '<div class="sg-page">{}</div><aside class="sg-help">{}</aside>'


def test_checkers_find_what_is_wrong() -> None:
    late = FRAME.format('<h2>Cena</h2><p>8,80 €</p><a href="tel:+37129469720">29</a>', "")
    assert len(facts_first_problems(late, UI_LV)) == 2
    early = FRAME.format('<p>8,80 €</p><a href="tel:+37129469720">29</a><h2>Cena</h2>', "")
    assert facts_first_problems(early, UI_LV) == []
    # a benefit (food parcels, social assistance): a price line is wrong, none is right
    asked = FRAME.format('<p>Avotā cena nav norādīta.</p><a href="tel:+37129469720">29</a>', "")
    assert facts_first_problems(asked, UI_LV, benefit=True) == [
        "a price line for a benefit (nothing to pay)"
    ]
    none = FRAME.format('<a href="tel:+37129469720">29</a><h2>Kas var saņemt</h2>', "")
    assert facts_first_problems(none, UI_LV, benefit=True) == []
    wrong_help = FRAME.format("", '<a href="tel:+37129469720">29 46 97 20</a>')
    assert foreign_numbers(wrong_help, {"+37129469720"}) == {"+37129469720"}
    shuffled = '<table class="sg-hours"><tr><th scope="row">Pirmdiena</th></tr><tr><th scope="row">Ceturtdiena</th></tr><tr><th scope="row">Trešdiena</th></tr></table>'
    assert weekday_order_problems(shuffled, WEEK_LV)
    assert wrong_words("<p>Nauda (1 pakalpojumi)</p><p>3 service</p><th>Days not stated</th>") == [
        "1 pakalpojumi",
        "3 service",
        "Days not stated",
    ]
    assert wrong_words("<p>21 pakalpojums, 11 pakalpojumu, 1 service</p>") == []


# --- the built site ---------------------------------------------------------------------


def _ui(lang: str) -> dict[str, str]:
    import yaml

    ui = yaml.safe_load((ROOT / "overrides/sitegen/ui.yaml").read_text(encoding="utf-8"))
    return {k: v[lang] for k, v in ui.items() if k.startswith("keyfacts.")}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_price_and_first_phone_before_the_first_heading(site: Path, lang: str) -> None:
    ui = _ui(lang)
    problems = {
        sid: facts_first_problems(
            page(site, lang, f"services/{sid}/"), ui, benefit=_service(sid).benefit
        )
        for sid in DATA.services
    }
    problems = {k: v for k, v in problems.items() if v}
    assert not problems, problems
    assert len(DATA.services) > 20


def _pages_of(site: Path, provider_id: str) -> list[str]:
    """Site paths (below the language root) of the pages that belong to one provider."""
    pf = DATA.providers[provider_id]
    paths = [f"providers/{provider_id}/"] + [f"services/{s.id}/" for s in pf.services]
    paths += [f"reports/{r.id}/" for r in DATA.reports.values() if r.provider == provider_id]
    paths += [f"benefits/{b.id}/" for b in pf.benefits if (site / f"benefits/{b.id}").is_dir()]
    # the pages of the places it serves (a parish or a former municipality within its area)
    # that Rēzekne city does not serve
    from sitegen.places.territory import Territory

    territory = Territory(DATA)
    for place in sorted(p.name for p in (site / "places").glob("*/")):
        if territory.provider_covers(provider_id, place) and not territory.provider_covers(
            CITY, place
        ):
            paths.append(f"places/{place}/")
    return paths


@pytest.mark.parametrize(
    "provider_id",
    ["kraslava-county-social-service", "rezekne-county-social-service", "vecruzina-centre"],
)
def test_help_box_shows_no_rezekne_city_number_on_other_providers_pages(
    site: Path, provider_id: str
) -> None:
    city = provider_numbers(CITY)
    assert len(city) >= 5
    own = provider_numbers(provider_id)
    checked = 0
    for lang in LANGUAGES:
        for path in _pages_of(site, provider_id):
            html = page(site, lang, path)
            assert not foreign_numbers(html, city), f"{lang} {path}"
            box = help_box(html)
            if not path.startswith("places/"):  # a place page: every provider serving it
                assert digits(box) - {"112"} <= own, f"{lang} {path}: another provider's number"
            if not own:  # the source gives this provider no phone: said so, in words
                assert ("Avotā tālruņa numura nav" if lang == "lv" else "gives no phone") in box
            checked += 1
    assert checked >= 8


def test_help_box_of_the_404_page_lists_every_provider(site: Path) -> None:
    box = help_box((site / "404.html").read_text(encoding="utf-8"))
    for pid in DATA.providers:
        assert f"providers/{pid}/" in box
    assert 'href="tel:112"' in box
    # each provider's main contact, not the Rēzekne city offices alone
    assert digits(box) & provider_numbers("rezekne-county-social-service")


def test_service_page_help_box_is_its_providers(site: Path) -> None:
    box = help_box(page(site, "lv", "services/vecruzina-respite-care/"))
    assert digits(box) - {"112"} == provider_numbers("vecruzina-centre")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_words_read_right_on_every_page(site: Path, lang: str) -> None:
    root = site if lang == "lv" else site / "en"
    problems = {}
    for path in root.rglob("*.html"):
        if lang == "lv" and path.is_relative_to(site / "en"):
            continue
        html = path.read_text(encoding="utf-8")
        found = wrong_words(html) + weekday_order_problems(
            html, WEEK_LV if lang == "lv" else WEEK_EN
        )
        if found:
            problems[str(path.relative_to(site))] = found
    assert not problems, problems


def test_benefits_reception_hours_in_week_order(site: Path) -> None:
    html = page(site, "lv", f"providers/{CITY}/")
    table = re.search(
        r"<caption>Apmeklētāju pieņemšana sociālo pabalstu nodaļā.*?</table>", html, re.S
    )
    assert table, "the benefits reception hours table"
    days = re.findall(r'<th scope="row">([^<]+)</th>', table.group(0))
    assert days == ["Pirmdiena", "Trešdiena", "Ceturtdiena"]


def test_service_with_an_office_shows_the_office_breaks(site: Path) -> None:
    """Home care is given 8.00–16.30; its office has a lunch break 12.00–12.30: the page
    shows the office's hours with that break, in the facts box and under Opening hours."""
    for lang, brk in (("lv", "pārtraukums"), ("en", "break")):
        body = content(page(site, lang, "services/home-care/"))
        box = body[: body.find("<h2")]
        assert brk in box and 'datetime="12:00"' in box
        hours = body[body.index('id="hours"') :]
        assert 'datetime="12:30"' in hours


@pytest.mark.parametrize("lang", LANGUAGES)
def test_night_shelter_facts(site: Path, lang: str) -> None:
    body = content(page(site, lang, "services/night-shelter/"))
    box = body[: body.find("<h2")]
    free = "Bez maksas" if lang == "lv" else "Free of charge"
    assert free in box and "7" in box and "30" in box
    assert 'datetime="18:00"' in box and 'datetime="20:00"' in box  # winter and summer
    assert 'href="../shelter/"' in box  # which one for a longer stay
    assert ("Šonakt – šeit" if lang == "lv" else "Tonight – here") in box
    shelter = content(page(site, lang, "services/shelter/"))
    assert 'href="../night-shelter/"' in shelter[: shelter.find("<h2")]  # which one tonight


# --- in a real browser: axe, tap targets and today's line on service pages -----------------

A11Y_PAGES = [
    "services/home-care/",
    "services/night-shelter/",
    "services/shelter/",
    "services/kraslava-social-care/",
    "en/services/home-care/",
    "en/services/night-shelter/",
]


def test_service_pages_pass_axe_with_large_phone_targets_and_today(
    site: Path, chromium: Any
) -> None:
    from test_accessibility import AXE_OPTIONS, PHONE, new_page

    from testsupport.browser import serve_directory

    problems: list[str] = []
    foreign: list[str] = []
    errors: list[str] = []
    browser = chromium
    with serve_directory(site) as base:
        for viewport in (PHONE, {"width": 1280, "height": 800}):
            pg = new_page(browser, viewport, base, foreign, errors)
            for path in A11Y_PAGES:
                pg.goto(base + path, wait_until="load")
                result = pg.evaluate("opts => axe.run(document, opts)", AXE_OPTIONS)
                problems += [f"{path} {viewport['width']}: {v['id']}" for v in result["violations"]]
                problems += [
                    f"{path}: small target {t}"
                    for t in pg.evaluate("() => __a11y.targets('article')")
                ]
                for call in pg.locator(".sg-keyfacts a.sg-call").all():
                    if call.bounding_box()["height"] < 44:
                        problems.append(f"{path}: phone target under 44 px")
                # today's state (widgets/open-now) in the box, each line filled in
                for line in pg.locator(".sg-keyfacts [data-open-now]").all():
                    line.wait_for(state="visible")
                    if not line.locator("[data-open-now-text]").inner_text().strip():
                        problems.append(f"{path}: an empty state line in the facts box")
            pg.context.close()
    assert not problems, "\n".join(problems)
    assert not foreign and not errors, (foreign, errors)
