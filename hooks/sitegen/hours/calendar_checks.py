"""Checks of ``data/calendar.yaml`` that span its entries: a date listed twice, a move
whose day off or worked Saturday is already a public holiday, and moves that disagree with the ``holidays`` library for the years it knows. Every problem is
reported in one pass, at its line (``rules.check_site`` calls ``check_calendar``)."""

from __future__ import annotations

import datetime as dt

import holidays

from ..base.errors import DataError
from ..base.messages import Message, message
from ..data.calendar_file import CalendarFile
from ..data.sitedata import SourceFile
from .calendar_lv import library_holidays, library_moves

LIBRARY_VERSION = holidays.__version__


def check_calendar(source: SourceFile) -> list[DataError]:
    """Dates listed twice and disagreement with the holidays library for the years it knows
    (a year is known when the library lists a move in it). The providers named in
    ``shortened_days`` are references (``RefTo``), checked with all the others."""
    errors: list[DataError] = []
    cal: CalendarFile = source.obj
    seen: dict[str, int] = {}
    for i, move in enumerate(cal.moved_days):
        for name in ("day_off", "work_on"):
            value = getattr(move, name)
            path = ("moved_days", i, name)
            if value in seen:
                errors.append(
                    source.where(
                        path,
                        message("calendar.date_twice", value=value, line=seen[value]),
                    )
                )
            else:
                seen[value] = source.read.position(path)[0]
    for i, move in enumerate(cal.moved_days):  # a move onto or away from a public holiday
        for name in ("day_off", "work_on"):
            day = dt.date.fromisoformat(getattr(move, name))
            names = library_holidays(day.year)
            if day in names["en"]:
                holiday = Message("", names["lv"].get(day, names["en"][day]), names["en"][day])
                errors.append(
                    source.where(
                        ("moved_days", i, name),
                        message(f"calendar.{name}_holiday", day=day, holiday=holiday),
                    )
                )
    years = sorted({dt.date.fromisoformat(m.day_off).year for m in cal.moved_days})
    for year in years:
        known = library_moves(year)
        if not known:
            continue
        ours = {
            dt.date.fromisoformat(m.day_off): (i, dt.date.fromisoformat(m.work_on))
            for i, m in enumerate(cal.moved_days)
        }
        for day_off, (i, work_on) in ours.items():
            if day_off.year != year:
                continue
            if day_off not in known:
                errors.append(
                    source.where(
                        ("moved_days", i, "day_off"),
                        message(
                            "calendar.library_no_move",
                            version=LIBRARY_VERSION,
                            day=day_off,
                            year=year,
                            known=_moves_text(known),
                        ),
                    )
                )
            elif known[day_off] != work_on:
                errors.append(
                    source.where(
                        ("moved_days", i, "work_on"),
                        message(
                            "calendar.library_other_day",
                            version=LIBRARY_VERSION,
                            day=day_off,
                            theirs=known[day_off],
                            ours=work_on,
                        ),
                    )
                )
        for day_off, work_on in sorted(known.items()):
            if day_off not in ours:
                errors.append(
                    source.where(
                        ("moved_days",),
                        message(
                            "calendar.library_missing",
                            version=LIBRARY_VERSION,
                            year=year,
                            day=day_off,
                            work_on=work_on,
                        ),
                        key=True,
                    )
                )
    return errors


def years_without_moves(cal: CalendarFile | None, first: dt.date, last: dt.date) -> list[int]:
    """The years from ``first`` to ``last`` for which neither ``data/calendar.yaml`` nor the
    holidays library lists a moved working day: the Cabinet order for such a year may not be
    out yet, or not entered. Not an error (a year may have no moves): the build reminds staff."""
    listed = {dt.date.fromisoformat(m.day_off).year for m in (cal.moved_days if cal else [])}
    return [
        year
        for year in range(first.year, last.year + 1)
        if year not in listed and not library_moves(year)
    ]


def _moves_text(known: dict[dt.date, dt.date]) -> Message:
    moves = [message("calendar.move", day_off=off, work_on=on) for off, on in sorted(known.items())]
    return Message("", ", ".join(m.lv for m in moves), ", ".join(m.en for m in moves))
