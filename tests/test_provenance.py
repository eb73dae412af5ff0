"""Whose fact (hooks/sitegen/data/provenance.py): a service shows its own hours, places, phones
and e-mails, or says whose they are; only its own operating hours answer "open now".

Checked on a fixture provider shaped like a city's social service
(tests/fixtures/provenance/), at fixed moments in Europe/Riga, so no expectation depends on
today's data. The rule that no other module walks the fallback is checked over the code,
and shown failing on a snippet that does.
"""

from __future__ import annotations

import ast
import datetime as dt
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from sitegen.checks.loader import load_data_dir
from sitegen.data import model
from sitegen.data.provenance import provider_phones, resolve
from sitegen.data.sitedata import SiteData
from sitegen.hours.calendar_lv import LatvianCalendar
from sitegen.hours.opening import schedule_groups, state_at
from sitegen.text.ui_strings import load_ui_strings

from testsupport.data import DATA_DIR

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_SITE = ROOT / "tests" / "fixtures" / "site" / "data"
FIXTURE_PROVIDER = ROOT / "tests" / "fixtures" / "provenance" / "town-social-service.yaml"
RIGA = dt.timezone(dt.timedelta(hours=2))  # the moments below are all in winter time
STRINGS = load_ui_strings(ROOT / "overrides/sitegen/ui.yaml")

MONDAY_22 = dt.datetime(2027, 1, 11, 22, 0, tzinfo=RIGA)
MONDAY_10 = dt.datetime(2027, 1, 11, 10, 0, tzinfo=RIGA)
TUESDAY_19 = dt.datetime(2027, 1, 12, 19, 0, tzinfo=RIGA)
CHRISTMAS_EVE_10 = dt.datetime(2026, 12, 24, 10, 0, tzinfo=RIGA)


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> SiteData:
    target = tmp_path_factory.mktemp("provenance") / "data"
    shutil.copytree(FIXTURE_SITE, target)
    shutil.copy(FIXTURE_PROVIDER, target / "providers")
    result = load_data_dir(target)
    assert not result.errors, result.errors
    assert result.data is not None
    return result.data


def _states(data: SiteData, schedules: Any, provider_id: str, at: dt.datetime) -> list[Any]:
    cal = LatvianCalendar(data.calendar)
    return [state_at(g, cal, STRINGS, at) for g in schedule_groups(schedules, provider_id)]


# --- the rule --------------------------------------------------------------------------


def test_a_units_round_the_clock_operation_is_not_its_services_hours(data: SiteData) -> None:
    laundry = resolve(data, "laundry")
    assert [(o.owner.source, o.value.what) for o in laundry.schedules] == [("unit", "office")]
    assert laundry.operating == ()
    kitchen = resolve(data, "soup-kitchen")
    assert [o.value.what for o in kitchen.schedules] == ["meals", "meals", "office"]
    assert kitchen.operating == ()  # meal times say when, not "open"


def test_own_hours_come_first_and_the_office_after_them(data: SiteData) -> None:
    night = resolve(data, "night-shelter")
    assert [o.owner.source for o in night.schedules] == ["own", "own", "unit"]
    assert [s.what for s in night.operating] == ["operation", "operation"]
    # the state lines keep that order: the night shelter's own line is announced first
    groups = schedule_groups([o.value for o in night.schedules], "town-social-service")
    assert groups[0].schedules == night.operating


def test_a_service_never_gets_another_offices_phone(data: SiteData) -> None:
    centre = resolve(data, "centre")
    assert centre.phones == ()  # the care office's and shelter's numbers are not the centre's
    assert [(o.owner.source, o.owner.id) for o in centre.locations] == [
        ("provider", "town-social-service")
    ]
    assert [o.owner.source for o in centre.schedules] == ["provider", "provider"]
    # the provider's own help box may list its offices' numbers, each labelled by office
    provider = data.providers["town-social-service"].provider
    assert [(o.owner.id, o.value.number) for o in provider_phones(provider)] == [
        ("care-office", "+37129000001"),
        ("shelter-unit", "+37129000002"),
    ]


def test_own_contacts_win_and_borrowed_ones_name_their_owner(data: SiteData) -> None:
    kitchen = resolve(data, "soup-kitchen")
    assert {o.owner.source for o in kitchen.locations} == {"own"}
    assert [(o.owner.source, o.owner.id) for o in kitchen.phones] == [("unit", "shelter-unit")]
    assert [o.value.address for o in kitchen.emails] == ["shelter@example.lv"]
    assert kitchen.phones[0].owner.name.get("en") == "Shelter"


# --- open now from the service's own hours ----------------------------------------------


def test_monday_22_only_round_the_clock_and_night_hours_are_open(data: SiteData) -> None:
    pid = "town-social-service"
    open_now = {
        service_id: [
            s.open for s in _states(data, resolve(data, service_id).operating, pid, MONDAY_22)
        ]
        for service_id in ("shelter", "night-shelter", "soup-kitchen", "laundry", "centre")
    }
    assert open_now == {
        "shelter": [True],
        "night-shelter": [True],  # 22.00 is inside both seasons' nights
        "soup-kitchen": [],
        "laundry": [],
        "centre": [],
    }


def test_seasons_that_agree_are_answered_and_those_that_differ_give_both(data: SiteData) -> None:
    night = resolve(data, "night-shelter").operating
    (at_22,) = _states(data, night, "town-social-service", MONDAY_22)
    assert at_22.text["en"].startswith("Open in both seasons (")
    assert at_22.text["lv"].startswith("Atvērts abos periodos (")
    (at_19,) = _states(data, night, "town-social-service", TUESDAY_19)
    assert at_19.open is None
    assert at_19.text["en"].startswith("It depends on the season — winter period: open until")
    assert "summer period: closed; opens today at 20:00" in at_19.text["en"]


def test_meal_times_give_the_next_time_and_no_open_state(data: SiteData) -> None:
    kitchen = resolve(data, "soup-kitchen")
    meals = [o.value for o in kitchen.schedules if o.own]
    at_10, mobile_10 = _states(data, meals, "town-social-service", MONDAY_10)
    assert (at_10.open, at_10.text["en"]) == (None, "Next: today at 15:00")
    assert mobile_10.text["lv"] == "Nākamreiz: šodien 13.30"
    at_22, _ = _states(data, meals, "town-social-service", MONDAY_22)
    assert (at_22.open, at_22.text["en"]) == (None, "Next: tomorrow at 15:00")
    # no closing time is invented: the schedule gives a start only
    assert all(h.close is None for s in meals for h in s.hours)


def test_round_the_clock_stays_open_on_christmas_eve_while_the_office_closes(
    data: SiteData,
) -> None:
    shelter = resolve(data, "shelter")
    own, office = _states(
        data, [o.value for o in shelter.schedules], "town-social-service", CHRISTMAS_EVE_10
    )
    assert (own.open, own.text["en"]) == (True, "Open 24 hours")
    assert office.open is False and office.text["en"].startswith("Closed today: Christmas Eve")
    (meal, _, _) = _states(
        data,
        [o.value for o in resolve(data, "soup-kitchen").schedules],
        "town-social-service",
        CHRISTMAS_EVE_10,
    )
    assert "today" not in meal.text["en"]  # no meal on a public holiday (working days only)


def test_the_kinds_decide_holidays_and_shortening() -> None:
    kinds = model.SCHEDULE_KINDS
    assert not kinds["operation"].closes_on_holidays
    assert kinds["office"].closes_on_holidays and kinds["office"].shortened_before_holidays
    assert kinds["meals"].start_times and not kinds["meals"].open_state
    shelter = model.Schedule(round_the_clock=True)
    assert shelter.what == "operation" and not shelter.closes_on_holidays


def test_a_start_time_without_an_end_is_only_for_meal_times() -> None:
    with pytest.raises(ValueError, match="close_missing|only meal times"):
        model.Schedule.model_validate({"hours": [{"days": ["mon"], "open": "15:00"}]})
    meals = model.Schedule.model_validate(
        {"kind": "meals", "hours": [{"days": ["mon"], "open": "15:00"}]}
    )
    assert meals.start_times_only


# --- no other module walks the fallback -------------------------------------------------

FACT_FIELDS = ("hours", "locations", "phones", "emails")
# the one module that may combine a service's facts with its unit's or provider's
RESOLVER = ROOT / "hooks" / "sitegen" / "data" / "provenance.py"
FACT_READ = re.compile(r"([\w.\]\[()'\"]+?)\.(" + "|".join(FACT_FIELDS) + r")\b")


def _walks(reads: list[tuple[str, str]]) -> bool:
    """Reads of the same fact field of two different objects, joined by ``or``: a fallback
    (``s.locations or pf.provider.locations``); ``p.contacts.phones or p.contacts.emails``
    is not one."""
    owners: dict[str, set[str]] = {}
    for obj, name in reads:
        owners.setdefault(name, set()).add(obj.removesuffix(".contacts"))
    return any(len(objs) > 1 for objs in owners.values())


def _python_fallbacks(source: str) -> list[int]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.BoolOp) and isinstance(node.op, ast.Or):
            reads = [
                (ast.unparse(sub.value), sub.attr)
                for value in node.values
                for sub in ast.walk(value)
                if isinstance(sub, ast.Attribute) and sub.attr in FACT_FIELDS
            ]
            if _walks(reads):
                found.append(node.lineno)
    return found


def _template_fallbacks(source: str) -> list[int]:
    found = []
    for n, line in enumerate(source.splitlines(), 1):
        for expression in re.findall(r"{[{%](.*?)[%}]}", line):
            parts = re.split(r"\bor\b", expression)
            if len(parts) > 1 and _walks(FACT_READ.findall(expression)):
                found.append(n)
                break
    return found


def fallbacks_in(paths: list[Path]) -> list[str]:
    """``file:line`` of every fallback walked outside the resolver."""
    out = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        lines = _python_fallbacks(text) if path.suffix == ".py" else _template_fallbacks(text)
        name = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path.name
        out += [f"{name}:{n}" for n in lines]
    return out


def _code() -> list[Path]:
    python = [p for p in (ROOT / "hooks").rglob("*.py") if p != RESOLVER]
    return python + sorted((ROOT / "overrides").rglob("*.html"))


def test_no_module_but_the_resolver_walks_the_fallback() -> None:
    assert fallbacks_in(_code()) == []


def test_the_fallback_check_finds_a_module_that_walks_it(tmp_path: Path) -> None:
    module = tmp_path / "walker.py"
    module.write_text(
        "def hours(service, unit, provider):\n"
        "    return service.hours or (unit.hours if unit else []) or provider.hours\n"
    )
    template = tmp_path / "page.html"
    template.write_text("{%- set locs = s.locations or pf.provider.locations %}\n")
    assert fallbacks_in([module, template]) == ["walker.py:2", "page.html:1"]


# --- every service page of the built default site -----------------------------------------


def _service_pages(site: Path) -> list[tuple[str, str, Path]]:
    from sitegen.base.languages import LANGUAGES
    from sitegen.checks.loader import load_data_dir as load

    data = load(DATA_DIR).data
    assert data is not None
    return [
        (lang, sid, site / ("" if lang == "lv" else f"{lang}/") / "services" / sid / "index.html")
        for sid in data.services
        for lang in LANGUAGES
    ]


def contact_problems(html: str, facts: Any, lang: str) -> list[str]:
    """Each phone, e-mail and address shown on a service page (outside the help box, which
    is about the provider) is one the resolver gives the service, and one that is not the
    service's own is shown with its owner's name beside it."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    article = tree.css_first("article") or tree.body
    for skip in article.css(".sg-help, script"):
        skip.decompose()
    problems = []
    phones = {o.value.number: o for o in facts.phones}
    emails = {o.value.address: o for o in facts.emails}
    places = {o.value.street: o for o in facts.locations}

    def labelled(node: Any, owned: Any) -> bool:
        if owned.own:
            return True
        name = " ".join(owned.owner.name.get(lang).split())
        holder = node.parent
        return bool(holder) and name in " ".join(holder.text(separator=" ").split())

    for link in article.css('a[href^="tel:"]'):
        number = link.attributes["href"].removeprefix("tel:")
        owned = phones.get(number)
        if owned is None:
            problems.append(f"phone {number} is not the service's, nor its office's")
        elif not labelled(link, owned):
            problems.append(f"phone {number} without whose it is ({owned.owner.id})")
    for link in article.css('a[href^="mailto:"]'):
        address = link.attributes["href"].removeprefix("mailto:")
        owned = emails.get(address)
        if owned is None:
            problems.append(f"e-mail {address} is not the service's, nor its office's")
        elif not labelled(link, owned):
            problems.append(f"e-mail {address} without whose it is ({owned.owner.id})")
    for node in article.css("address"):
        text = " ".join(node.text(separator=" ").split())
        owned = next((o for street, o in places.items() if street in text), None)
        if owned is None:
            problems.append(f"address {text.strip()[:40]!r} is not the service's")
        elif not owned.own and " ".join(owned.owner.name.get(lang).split()) not in text:
            problems.append(f"address {owned.value.street} without whose it is")
    return problems


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_every_service_page_shows_only_contacts_it_may_and_says_whose(
    default_site: Path, lang: str
) -> None:
    from sitegen.checks.loader import load_data_dir as load

    data = load(DATA_DIR).data
    assert data is not None
    found = {}
    for page_lang, sid, path in _service_pages(default_site):
        if page_lang == lang:
            problems = contact_problems(path.read_text("utf-8"), resolve(data, sid), lang)
            if problems:
                found[sid] = problems
    assert found == {}


def test_the_contact_check_fails_on_a_borrowed_number_without_its_owner(data: SiteData) -> None:
    facts = resolve(data, "laundry")  # the Shelter unit's number
    bare = '<article><a href="tel:+37129000002">29 00 00 02</a></article>'
    assert contact_problems(bare, facts, "en") == [
        "phone +37129000002 without whose it is (shelter-unit)"
    ]
    named = '<article><p><a href="tel:+37129000002">29 00 00 02</a> Shelter</p></article>'
    assert contact_problems(named, facts, "en") == []
    other = '<article><p><a href="tel:+37129000001">29 00 00 01</a> Care office</p></article>'
    assert contact_problems(other, resolve(data, "centre"), "en") == [
        "phone +37129000001 is not the service's, nor its office's"
    ]
