"""The site search (issue 11) in Chromium, on the built default site, in both languages.

The search widget (overrides/widgets/search/) is driven like a resident would: the header's
button, the field, the results. Each query of the issue finds its page in the top three;
no result comes from the other language; the help box is not searched; filters narrow;
everything works from the keyboard; axe finds nothing with the results open; a first visit
loads nothing of the index; without JavaScript a link to the services takes its place.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.base import AXE_SCRIPT
from sitegen.checks.loader import load_data_dir
from test_accessibility import AXE_OPTIONS

from testsupport.browser import serve_directory
from testsupport.data import DATA_DIR

STATUS = "[data-sg-search-status]"
LINKS = ".sg-search__link"

# "pabalsts" in any form: the money-and-benefits need page, a benefit (any of the data's
# benefit pages), or social assistance
_DATA = load_data_dir(DATA_DIR).data
MONEY = (
    "needs/money/",
    "benefits/",
    *(f"benefits/{benefit_id}/" for benefit_id in sorted(_DATA.benefits)),
    "services/kraslava-social-assistance/",
)
# (language, query, pages any of which must be in the top three)
QUERIES: list[tuple[str, str, tuple[str, ...]]] = [
    ("lv", "aprūpe", ("services/home-care/", "services/rezekne-county-home-care/")),
    ("lv", "aprupe", ("services/home-care/", "services/rezekne-county-home-care/")),
    ("lv", "aprūpei", ("services/home-care/", "services/rezekne-county-home-care/")),
    ("lv", "aprupe majas", ("services/home-care/", "services/rezekne-county-home-care/")),
    ("lv", "naktspatversme", ("services/night-shelter/",)),
    ("lv", "naktspatversmi", ("services/night-shelter/",)),
    ("lv", "naktspatversmē", ("services/night-shelter/",)),
    ("lv", "patversmē", ("services/shelter/",)),
    ("lv", "pabalsts", MONEY),
    ("lv", "pabalstu", MONEY),
    ("lv", "pabalstus", MONEY),
    ("lv", "pensionāriem", ("services/kraslava-social-care/",)),
    ("lv", "pensionariem", ("services/kraslava-social-care/",)),
    (
        "lv",
        "bērniem",
        (
            "services/childrens-social-services-centre/",
            "services/kraslava-social-work-with-families/",
            "services/vecruzina-long-term-care-for-children/",
        ),
    ),
    ("lv", "zupas virtuve", ("services/soup-kitchen/",)),
    ("lv", "velas mazgasana", ("services/laundry/",)),
    ("lv", "krizes centrs", ("services/vecruzina-crisis-centre/",)),
    ("en", "home care", ("en/services/home-care/", "en/services/rezekne-county-home-care/")),
    ("en", "night shelter", ("en/services/night-shelter/",)),
    ("en", "soup kitchen", ("en/services/soup-kitchen/",)),
    ("en", "psychologist", ("en/services/rezekne-county-psychologist/",)),
    ("en", "pensioners", ("en/services/pensioners-social-services-centre/",)),
]


@pytest.fixture(scope="module")
def served(default_site: Path) -> Iterator[str]:
    with serve_directory(default_site) as base:
        yield base


@pytest.fixture
def page(chromium: Any) -> Iterator[Any]:
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.js_errors = errors
    yield page
    context.close()
    assert errors == []


def open_search(page: Any, url: str) -> None:
    page.goto(url, wait_until="load")
    page.click("button[data-sg-search]")
    page.wait_for_selector("dialog[data-sg-search-dialog][open]")


def search(page: Any, text: str) -> list[str]:
    """Type a query; the result addresses (site-relative) once the status has settled."""
    page.fill("#sg-search-input", text)
    page.wait_for_function(
        "(q) => { const s = document.querySelector('[data-sg-search-status]').textContent;"
        " return s && !s.endsWith('…') && document.querySelector('#sg-search-input').value === q; }",
        arg=text,
    )
    page.wait_for_timeout(300)  # a later keystroke's results may still replace these
    hrefs = page.eval_on_selector_all(LINKS, "links => links.map(a => a.getAttribute('href'))")
    return [h.lstrip("/") for h in hrefs]


def home(base: str, lang: str) -> str:
    return base + ("" if lang == "lv" else "en/")


@pytest.mark.parametrize(("lang", "query", "pages"), QUERIES, ids=[q[1] for q in QUERIES])
def test_each_query_finds_its_page_in_the_top_three(
    served: str, page: Any, lang: str, query: str, pages: tuple[str, ...]
) -> None:
    open_search(page, home(served, lang) + "services/")
    top = search(page, query)[:3]
    assert set(top) & set(pages), f"{query!r}: top three {top}"


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_no_result_from_the_other_language(served: str, page: Any, lang: str) -> None:
    open_search(page, home(served, lang))
    seen = 0
    for query in ("Dagda", "Rēzekne", "aprūpe", "Vecružina", "2017", "shelter", "sociālais"):
        for href in search(page, query):
            seen += 1
            assert href.startswith("en/") == (lang == "en"), f"{query!r} in {lang}: {href}"
    assert seen > 10


def _body_text(html: str) -> str:
    start = html.find("data-pagefind-body")
    end = html.find('class="sg-help"', start)
    return re.sub(r"<[^>]+>", " ", html[start:end]) if start >= 0 else ""


@pytest.mark.parametrize(("lang", "query"), [("lv", "Vajadzīga palīdzība"), ("en", "Need help")])
def test_the_help_box_is_not_a_hit(
    default_site: Path, served: str, page: Any, lang: str, query: str
) -> None:
    """The help box is on every page: only pages that say the words elsewhere may come up."""
    first = query.split()[0][:6].lower()
    folder = default_site / "en" if lang == "en" else default_site
    saying = {
        p.parent.relative_to(default_site).as_posix() + "/"
        for p in folder.rglob("index.html")
        if first in _body_text(p.read_text(encoding="utf-8")).lower()
    }
    pages = sum(1 for _ in folder.rglob("index.html"))
    open_search(page, home(served, lang))
    found = search(page, query)
    assert len(found) < pages / 4
    assert set(found) <= {s.removeprefix("./") for s in saying}


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_filters_narrow_the_results(served: str, page: Any, lang: str) -> None:
    open_search(page, home(served, lang))
    page.wait_for_selector("#sg-search-filter-kind")
    everything = search(page, "aprūpe" if lang == "lv" else "care")
    total = page.text_content(STATUS)
    kind = page.eval_on_selector(
        "#sg-search-filter-kind",
        "s => [...s.options].find(o => /Pakalpojums|Service/.test(o.text)).value",
    )
    page.select_option("#sg-search-filter-kind", kind)
    page.wait_for_function(
        "(t) => document.querySelector('[data-sg-search-status]').textContent !== t", arg=total
    )
    page.wait_for_timeout(300)
    services = page.eval_on_selector_all(LINKS, "ls => ls.map(a => a.getAttribute('href'))")
    assert services and all("/services/" in h and not h.endswith("/services/") for h in services)
    assert page.text_content(STATUS) != total
    assert set(everything) != set(h.lstrip("/") for h in services)
    provider = page.eval_on_selector("#sg-search-filter-provider", "s => s.options[1].value")
    page.select_option("#sg-search-filter-provider", provider)
    page.wait_for_timeout(500)
    wheres = page.eval_on_selector_all(".sg-search__where", "ws => ws.map(w => w.textContent)")
    assert wheres and all(w.startswith(provider) for w in wheres), (provider, wheres)


@pytest.mark.parametrize(
    ("lang", "query", "target"),
    [
        ("lv", "naktspatversmi", "services/night-shelter/"),
        ("en", "night shelter", "en/services/night-shelter/"),
    ],
)
def test_keyboard_only(served: str, page: Any, lang: str, query: str, target: str) -> None:
    """Tab to the button, Enter opens, type, arrow to the result, Enter follows it; Escape
    closes and gives the focus back to the button."""
    page.goto(home(served, lang), wait_until="load")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.matches('button[data-sg-search]')"):
            break
    else:
        pytest.fail("Tab never reaches the search button")
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "sg-search-input"
    page.keyboard.press("Escape")
    assert page.evaluate("() => document.activeElement.matches('button[data-sg-search]')")
    page.keyboard.press("Enter")
    page.keyboard.type(query, delay=30)
    page.wait_for_function(
        "(t) => [...document.querySelectorAll('.sg-search__link')].slice(0, 3)"
        ".some(a => a.getAttribute('href') === '/' + t)",
        arg=target,
    )
    page.wait_for_timeout(300)
    page.keyboard.press("ArrowDown")
    while page.evaluate("() => document.activeElement.getAttribute('href')") != "/" + target:
        page.keyboard.press("ArrowDown")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == served + target


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_axe_finds_nothing_with_the_results_open(served: str, chromium: Any, lang: str) -> None:
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(script=AXE_SCRIPT)
    page = context.new_page()
    try:
        open_search(page, home(served, lang))
        page.wait_for_selector("#sg-search-filter-kind")
        assert search(page, "aprūpe" if lang == "lv" else "home care")
        report = page.evaluate("opts => axe.run(document, opts)", AXE_OPTIONS)
        problems = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in report["violations"]]
        assert problems == []
        page.set_viewport_size({"width": 390, "height": 844})  # a phone
        report = page.evaluate("opts => axe.run(document, opts)", AXE_OPTIONS)
        assert [v["id"] for v in report["violations"]] == []
    finally:
        context.close()


def test_a_first_visit_loads_nothing_of_the_index(served: str, page: Any) -> None:
    """Nothing under pagefind/ until the search is opened; then the script and this
    language's index only."""
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(served + "services/night-shelter/", wait_until="networkidle")
    assert requests and not [u for u in requests if "/pagefind/" in u]
    page.click("button[data-sg-search]")
    search(page, "naktspatversme")
    fetched = [u.removeprefix(served) for u in requests if "/pagefind/" in u]
    assert "pagefind/pagefind.js" in fetched
    assert any(".pf_index" in u or "/index/" in u for u in fetched)
    assert not [u for u in fetched if "wasm.en" in u or "pagefind.en_" in u]


def test_without_javascript_a_link_to_the_services_takes_its_place(
    served: str, chromium: Any
) -> None:
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        for lang, services in (("lv", "services/"), ("en", "en/services/")):
            page.goto(home(served, lang) + "prices/")
            assert not page.is_visible("button[data-sg-search]")
            link = page.locator("a[data-sg-search-fallback]")
            assert link.is_visible()
            assert link.evaluate("a => a.href") == served + services
    finally:
        context.close()


def test_one_index_per_language_over_the_whole_site(default_site: Path) -> None:
    """Pagefind ran once after the last language, over both; Material's index is gone."""
    entry = json.loads((default_site / "pagefind/pagefind-entry.json").read_text(encoding="utf-8"))
    bodies = {"lv": 0, "en": 0}
    for p in default_site.rglob("*.html"):
        if "data-pagefind-body" in p.read_text(encoding="utf-8"):
            bodies["en" if p.relative_to(default_site).parts[0] == "en" else "lv"] += 1
    assert {k: v["page_count"] for k, v in entry["languages"].items()} == bodies
    assert bodies["lv"] > 40
    assert not (default_site / "search/search_index.json").exists()
    assert "data-pagefind-body" not in (default_site / "404.html").read_text(encoding="utf-8")


def test_a_service_page_tells_the_index_its_kind_provider_place_and_stems(
    default_site: Path,
) -> None:
    html = (default_site / "services/night-shelter/index.html").read_text(encoding="utf-8")
    body = html[html.index("data-pagefind-body") : html.index('class="sg-help"')]
    assert 'data-pagefind-filter="kind:Pakalpojums"' in body
    assert re.search(r'data-pagefind-filter="provider:Rēzeknes pilsētas[^"]*"', body)
    assert 'data-pagefind-meta="place:Rēzekne"' in body
    assert 'data-pagefind-meta="weight:2.0"' in body
    stems = re.search(r'<div hidden data-pagefind-weight="0.5">sgstems ([^<]*)</div>', body)
    assert stems and "naktspatversm" in stems.group(1).split()
    english = (default_site / "en/services/night-shelter/index.html").read_text(encoding="utf-8")
    assert 'data-pagefind-filter="kind:Service"' in english
    assert "sgstems" not in english  # Pagefind stems English itself
