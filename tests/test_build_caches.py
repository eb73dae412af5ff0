"""What a build works out once and then reuses (issue 21) gives what working it out every time
gives: the open-now timelines (one per distinct schedule, not one per page), the calendar's
days, the editors' doubts, the links between pages."""

from __future__ import annotations

import datetime as dt
import posixpath
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sitegen.checks import doubts
from sitegen.checks.loader import load_data_dir
from sitegen.hours import opening
from sitegen.hours.calendar_lv import LatvianCalendar
from sitegen.sitemap.urls import relative_url
from sitegen.text.ui_strings import load_ui_strings

from conftest import ROOT
from testsupport.data import DATA_DIR

DATA = load_data_dir(DATA_DIR).data
UI = load_ui_strings(ROOT / "overrides/sitegen/ui.yaml")
FIRST, LAST = dt.date(2026, 12, 5), dt.date(2027, 1, 20)


def _groups() -> list[opening.Group]:
    return opening.all_groups(DATA)


def test_a_timeline_is_worked_out_once_per_schedule_and_window(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    opening._TIMELINES.clear()
    made: list[Any] = []
    real = opening._timeline
    monkeypatch.setattr(opening, "_timeline", lambda *a: made.append(a) or real(*a))
    cal = LatvianCalendar(DATA.calendar)
    groups = _groups()
    distinct = {g.key(cal.shortening(g.provider_id)) for g in groups}
    assert len(groups) > len(distinct) > 3  # services share schedules in the default data
    for _ in range(3):  # e.g. one page after another
        for group in groups:
            assert opening.timeline(group, cal, UI, FIRST, LAST) == real(
                group, cal, UI, FIRST, LAST
            )
    assert len(made) == len(distinct)
    opening.timeline(groups[0], cal, UI, FIRST, LAST + dt.timedelta(days=1))  # another window
    assert len(made) == len(distinct) + 1


def test_another_calendar_or_other_strings_get_their_own_timeline() -> None:
    """A calendar without the moved days (another object) must not be answered from the
    default one's timelines, nor other interface strings from these."""
    group = next(g for g in _groups() if g.weekly and "fri" in g.schedules[0].hours[0].days)
    cal = LatvianCalendar(DATA.calendar)
    other = LatvianCalendar(DATA.calendar.model_copy(update={"moved_days": []}))
    first, last = dt.date(2025, 12, 29), dt.date(2026, 1, 20)  # Friday 2 January is moved
    ours, theirs = (opening.timeline(group, c, UI, first, last) for c in (cal, other))
    assert ours != theirs
    assert theirs == opening._timeline(group, other, UI, first, last)
    renamed = {**UI, "open_now.closed": {"lv": "Slēgts!", "en": "Closed!"}}
    texts = [s.text[1] for s in opening.timeline(group, cal, renamed, first, last)]
    assert any("Closed!" in text for text in texts)
    assert not any("Closed!" in s.text[1] for s in ours)


def test_the_calendars_days_are_worked_out_once_and_stay_the_same() -> None:
    cal = LatvianCalendar(DATA.calendar)
    day = dt.date(2027, 6, 23)
    assert cal.day(day) is cal.day(day)
    assert cal.day(day) == LatvianCalendar(DATA.calendar)._day(day)
    assert cal.day(day).name == {"lv": "Līgo diena", "en": "Midsummer Eve"}


def test_a_file_without_verify_is_not_read_and_one_with_it_is(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("name: x\nitems: [1, 2]\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("x:\n  verify: ask the office\n", encoding="utf-8")
    (tmp_path / "c.yaml").write_text('x:\n  "ver\\x69fy": escaped\n', encoding="utf-8")
    found = doubts.find_doubts(tmp_path, tmp_path)
    assert [(d.file, d.line, d.text) for d in found] == [
        ("b.yaml", 2, "ask the office"),
        ("c.yaml", 2, "escaped"),
    ]


def test_the_default_datas_doubts_are_found_as_before() -> None:
    """Read afresh (the cache emptied) and from the cache: the same notes."""
    doubts._file_doubts.cache_clear()
    first = doubts.find_doubts(DATA_DIR, DATA_DIR.parent)
    assert first and first == doubts.find_doubts(DATA_DIR, DATA_DIR.parent)


@pytest.mark.parametrize(
    ("target", "current", "link"),
    [
        ("services/home-care/", "services/", "home-care/"),
        ("en/services/", "services/home-care/", "../../en/services/"),
        ("", "providers/x/", "../.."),
    ],
)
def test_links_between_pages(target: str, current: str, link: str) -> None:
    assert relative_url(target, current) == link
    assert relative_url(target, current) == link  # from the cache


def test_a_data_file_is_parsed_once_and_each_reader_gets_its_own_copy() -> None:
    from sitegen.data import yamlread

    raw = b"services:\n  - id: a\n    names: [x, y]\n  - id: b\n"
    yamlread._read_yaml.cache_clear()
    first = yamlread.read_yaml(raw, "data/x.yaml")
    first.data["services"][0]["names"].append("changed by a reader")
    first.data["services"].pop()
    second = yamlread.read_yaml(raw, "data/x.yaml")
    assert yamlread._read_yaml.cache_info().hits == 1  # parsed once
    assert second.data == {"services": [{"id": "a", "names": ["x", "y"]}, {"id": "b"}]}
    assert second.values == first.values and second.values is not first.values
    assert yamlread.read_yaml(raw, "data/y.yaml").data == second.data  # another file: its own
    assert yamlread._read_yaml.cache_info().misses == 2


_SEGMENT = st.sampled_from(["services", "en", "x", "a-b", ".", "..", "", "index.html", "#y"])


@settings(max_examples=400, deadline=None)
@given(st.lists(_SEGMENT, max_size=5), st.lists(_SEGMENT, max_size=5), st.booleans())
def test_the_links_are_posix_relpaths(path: list[str], start: list[str], rooted: bool) -> None:
    """urls._relpath (no working-folder lookup) gives what posixpath.relpath gives."""
    from sitegen.sitemap.urls import _relpath

    one, two = "/".join(path) or ".", "/".join(start) or "."
    if rooted:
        one, two = "/" + one, "/" + two
    assert _relpath(one, two) == posixpath.relpath(one, two)
