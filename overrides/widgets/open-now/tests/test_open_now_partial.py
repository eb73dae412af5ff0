"""The partial as HTML, as the pages get it: state lines hidden until the widget fills them,
and, without JavaScript, the holidays and changes of the next 60 days as of the build."""

from __future__ import annotations

import re

import pytest
import yaml
from jinja2 import Environment, FileSystemLoader
from open_now_cases import ROOT, default_data, strings
from sitegen.data import model
from sitegen.pages.page_context import PageContext


def render(template: str, lang: str, **values: object) -> str:
    env = Environment(loader=FileSystemLoader(ROOT / "overrides"), autoescape=True)
    page = PageContext(default_data(), lang, "providers/x/", strings())
    return env.get_template(template).render(**page.as_template_context(), **values)


# A provider's three schedules, written here (the Rēzekne City Social Service's in 2026), so
# that the expected lines below do not change when an editor changes data/: its office hours
# with a lunch break, the head's reception on Wednesdays, a department's hours.
SCHEDULES = yaml.safe_load("""
- label: {lv: Darba laiks, en: Opening hours}
  hours:
    - {days: [mon, tue, wed, thu, fri], open: "08:00", close: "16:30",
       breaks: [{start: "12:00", end: "12:30"}]}
- label: {lv: Apmeklētāju pieņemšana pie vadītāja, en: The head's hours for visitors}
  person: Gunārs Arbidāns
  hours:
    - {days: [wed], open: "08:00", close: "12:00"}
- label: {lv: Apmeklētāju pieņemšana nodaļā, en: Hours for visitors at the department}
  hours:
    - {days: [mon, thu], open: "08:00", close: "16:30", breaks: [{start: "12:00", end: "12:30"}]}
    - {days: [wed], open: "08:00", close: "12:00"}
""")
# a provider of the default data whose calendar rule (the day before a holiday one hour
# shorter) the lines follow
PROVIDER = "rezekne-city-social-service"


def provider_block(lang: str, **values: object) -> str:
    return render(
        "widgets/open-now/open-now.html",
        lang,
        schedules=[model.Schedule.model_validate(s) for s in SCHEDULES],
        provider_id=PROVIDER,
        **values,
    )


@pytest.fixture
def june_2026(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITEGEN_TODAY", "2026-06-01")


@pytest.mark.usefixtures("june_2026")
def test_lines_are_hidden_until_filled_and_point_at_the_json() -> None:
    out = provider_block("lv")
    lines = re.findall(
        r'<p class="sg-open-now__state" data-open-now="([^"]+)" data-whose="[^"]*" data-pagefind-ignore hidden>',
        out,
    )
    assert len(lines) == 3  # working hours, the head's reception, the benefits department
    # one file for the whole site, a timeline in it by key
    assert all(
        re.fullmatch(r"\.\./\.\./widgets/open-now/hours\.json#[0-9a-f]{16}", u) for u in lines
    )
    assert out.count("data-open-now-text") == 3


@pytest.mark.usefixtures("june_2026")
def test_each_line_keeps_room_for_its_longest_text_of_two_weeks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """data-reserve: the longest line from the build date to two weeks after it (the weekly
    build renews it). From 1 June 2026 an ordinary day's line; from 15 June the moved day
    off (22 June) and Līgo are within the two weeks."""
    office = "Atvērts līdz 16.30 (pusdienu pārtraukums 12.00–12.30)"
    reserves = re.findall(r'data-reserve="([^"]+)"', provider_block("lv"))
    assert reserves == [office, "Slēgts; atver 10. jūnijā 8.00", office]
    english = re.findall(r'data-reserve="([^"]+)"', provider_block("en"))
    assert english[0] == "Open until 16:30 (lunch break 12:00–12:30)"
    monkeypatch.setenv("SITEGEN_TODAY", "2026-06-15")
    reserves = re.findall(r'data-reserve="([^"]+)"', provider_block("lv"))
    assert reserves[0] == f"Šodien pārcelta darba diena: {office[:1].lower()}{office[1:]}"
    assert reserves[1].startswith("Šodien slēgts: pārcelta brīvdiena (strādā 27. jūnijā)")


@pytest.mark.usefixtures("june_2026")
def test_the_next_60_days_without_javascript_lv() -> None:
    out = provider_block("lv")
    assert '(aprēķināts <time datetime="2026-06-01">2026. gada 1. jūnijā</time>)' in out
    items = re.findall(r'<li><time datetime="([\d-]+)">([^<]+)</time> — ([^<]+)</li>', out)
    assert items == [
        ("2026-06-22", "Pirmdiena, 22. jūnijs", "brīvdiena (tās vietā strādā 27. jūnijā)"),
        ("2026-06-23", "Otrdiena, 23. jūnijs", "Līgo diena — svētku diena, slēgts"),
        ("2026-06-24", "Trešdiena, 24. jūnijs", "Jāņu diena — svētku diena, slēgts"),
        (
            "2026-06-27",
            "Sestdiena, 27. jūnijs",
            "pārcelta darba diena (brīvdiena ir 22. jūnijā), darba laiks kā pirmdienā",
        ),
    ]
    assert "Pamats: Darba likuma 135. pants" in out


@pytest.mark.usefixtures("june_2026")
def test_the_next_60_days_without_javascript_en(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITEGEN_TODAY", "2027-06-01")
    out = provider_block("en")
    assert '(as of <time datetime="2027-06-01">1 June 2027</time>)' in out
    assert (
        "Tuesday 22 June</time> — day before a public holiday: opening hours one hour shorter"
        in out
    )
    assert "Wednesday 23 June</time> — Midsummer Eve — public holiday, closed" in out
    assert "Legal basis: Labour Law, section 135" in out


def test_no_list_where_the_calendar_cannot_apply() -> None:
    county = default_data().providers["rezekne-county-social-service"].provider
    out = render(
        "widgets/open-now/open-now.html", "lv", schedules=county.hours, provider_id=county.id
    )
    assert "data-open-now=" in out  # the line still says it cannot tell
    assert "sg-open-now__list" not in out and "aprēķināts" not in out
    assert "sg-open-now__list" not in provider_block("lv", exceptions=False)


def test_directory_control_is_hidden_without_javascript() -> None:
    out = render("widgets/open-now/filter.html", "en")
    assert re.search(r'<p class="sg-open-filter" hidden>', out)
    assert '<input type="checkbox" data-open-now-filter> Show only those open now' in out
