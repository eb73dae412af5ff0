"""data/calendar.yaml: moved working days and shortened days, validated like the rest of the
data (file:line, plain reason, every problem in one pass) and checked against the holidays
library for the years it knows."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sitegen.checks.loader import load_data_dir
from sitegen.hours.calendar_checks import years_without_moves
from sitegen.hours.calendar_lv import LatvianCalendar, library_moves

from conftest import edit, line_of
from testsupport.data import DATA_DIR

CAL = "calendar.yaml"


def errors_for(data: Path) -> list[str]:
    return [e.english_line for e in load_data_dir(data, display_root=data.parent).errors]


def test_default_calendar_is_valid_and_agrees_with_the_library() -> None:
    result = load_data_dir(DATA_DIR, display_root=DATA_DIR.parent)
    assert result.errors == []
    cal = LatvianCalendar(result.data.calendar)
    # the example, as holidays 0.108 labels it
    assert library_moves(2026)[dt.date(2026, 1, 2)] == dt.date(2026, 1, 17)
    assert cal.day(dt.date(2026, 1, 2)).kind == "moved_off"
    saturday = cal.day(dt.date(2026, 1, 17))
    assert saturday.kind == "moved_work" and saturday.works_as == 4  # works as a Friday
    # the library's own "day off (substituted …)" entries are not taken as holidays
    assert cal.holiday(dt.date(2026, 1, 2)) is None
    assert cal.day(dt.date(2027, 6, 23)).name == {"lv": "Līgo diena", "en": "Midsummer Eve"}
    assert cal.day(dt.date(2027, 6, 22)).shortened
    assert not cal.day(dt.date(2026, 6, 19)).shortened  # Friday; Monday 22 is a day off


def test_a_moved_day_that_is_not_a_saturday(fixture_data: Path) -> None:
    path = fixture_data / CAL
    edit(path, "work_on: 2026-01-17", "work_on: 2026-01-16")
    line = line_of(path, "work_on: 2026-01-16")
    errors = errors_for(fixture_data)
    assert any(
        e.startswith(f"data/{CAL}:{line}:") and "2026-01-16 is a Friday, not a Saturday" in e
        for e in errors
    ), errors


def test_a_date_twice(fixture_data: Path) -> None:
    path = fixture_data / CAL
    edit(path, "work_on: 2024-12-28", "work_on: 2024-12-14")
    line = line_of(path, "work_on: 2024-12-14")
    first = line_of(path, "day_off: 2024-12-23") + 1
    errors = errors_for(fixture_data)
    assert (
        f"data/{CAL}:{line}:14: moved_days[1].work_on: the date 2024-12-14 is listed twice "
        f"(first at line {first}); each date may be moved once" in errors
    ), errors


def test_an_order_without_a_date(fixture_data: Path) -> None:
    path = fixture_data / CAL
    edit(
        path,
        "  - day_off: 2026-01-02\n    work_on: 2026-01-17\n",
        '  - day_off: 2026-01-02\n    work_on: 2026-01-17\n    order:\n      number: "1"\n',
    )
    line = line_of(path, '      number: "1"')  # the order's first line
    errors = errors_for(fixture_data)
    assert any(
        e.startswith(f"data/{CAL}:{line}:") and "the required field `date` is missing" in e
        for e in errors
    ), errors


def test_every_problem_in_one_pass_and_the_library_check(fixture_data: Path) -> None:
    path = fixture_data / CAL
    edit(path, "work_on: 2026-01-17", "work_on: 2026-01-10")  # the library says 17 January
    edit(path, "day_off: 2026-06-22", "day_off: 2026-06-18")  # not a move the library knows
    edit(
        path,
        "  providers: []",
        "  providers:\n    - provider: no-such-provider\n      rule: not-shortened",
    )
    errors = errors_for(fixture_data)
    joined = "\n".join(errors)
    assert "says 2026-01-02 is worked on 2026-01-17, not 2026-01-10" in joined
    assert "lists no move of 2026-06-18 in 2026" in joined
    assert "lists a move for 2026 that is missing here: day off 2026-06-22" in joined
    assert "there is no provider with the id `no-such-provider`" in joined
    assert all(e.startswith(f"data/{CAL}:") for e in errors), errors
    assert len(errors) == 4, errors


def test_a_move_needs_an_order_or_a_source(fixture_data: Path) -> None:
    path = fixture_data / CAL
    text = path.read_text(encoding="utf-8")
    start = text.index("  - day_off: 2026-06-22")
    end = text.index("shortened_days:")
    path.write_text(
        text[:start] + "  - day_off: 2026-06-22\n    work_on: 2026-06-27\n\n" + text[end:],
        encoding="utf-8",
    )
    errors = errors_for(fixture_data)
    assert any("give the Cabinet `order` that set this move" in e for e in errors), errors


def test_a_year_the_library_does_not_know_is_not_checked(fixture_data: Path) -> None:
    assert library_moves(2027) == {}
    path = fixture_data / CAL
    edit(
        path,
        "shortened_days:",
        "  - day_off: 2027-12-27\n    work_on: 2027-12-18\n    source: {lv: pārbaude, en: test}\n\n"
        "shortened_days:",
    )
    assert errors_for(fixture_data) == []


def test_years_without_moves_are_named_for_the_build_reminder() -> None:
    """The build reminds staff of a year the open-now hours reach that lists no moves."""
    cal = load_data_dir(DATA_DIR, display_root=DATA_DIR.parent).data.calendar
    assert years_without_moves(cal, dt.date(2025, 1, 1), dt.date(2026, 12, 31)) == []
    assert library_moves(2031) == {}  # no order of 2031 in holidays 0.108
    assert years_without_moves(cal, dt.date(2026, 11, 28), dt.date(2031, 12, 28))[-1] == 2031
    assert years_without_moves(None, dt.date(2026, 1, 1), dt.date(2026, 2, 1)) == []
