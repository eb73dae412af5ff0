"""The Latvian working calendar: public holidays, moved working days, shortened days.

- Public holidays come from the ``holidays`` library (Latvia), in Latvian and English.
- Moved working days (*pārceltās darba dienas*) come from ``data/calendar.yaml``: the
  library names the moved Saturday only inside its label and does not know a year whose
  Cabinet order it has not yet taken in, so staff keep the moves there. Where the library
  knows a year, the file must agree with it (``calendar_checks.py``).
- Shortened pre-holiday days: Labour Law section 135 shortens the working day before a
  public holiday by one hour. Whether a provider's hours follow it is data too
  (``shortened_days`` in ``data/calendar.yaml``; default: closes one hour earlier).

``LatvianCalendar.day(date)`` answers what kind of day a date is; ``opening.py`` turns a
schedule and this calendar into opening intervals.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Literal

import holidays

from ..data.calendar_file import CalendarFile, ShortenedRule
from ..data.field_types import Text

# --- what kind of day a date is -----------------------------------------------

DayKind = Literal["workday", "weekend", "holiday", "moved_off", "moved_work"]


@dataclass(frozen=True)
class DayInfo:
    date: dt.date
    kind: DayKind
    name: dict[str, str] | None = None  # holiday name, lv and en
    works_as: int | None = None  # weekday (0 = Monday) whose hours a moved working day keeps
    moved_with: dt.date | None = None  # the other day of a move
    shortened: bool = False  # the day before a public holiday (Labour Law s. 135)

    @property
    def is_working(self) -> bool:
        return self.kind in ("workday", "moved_work")

    @property
    def weekday(self) -> int:
        """The weekday whose hours apply (a moved working Saturday works as the day off)."""
        return self.works_as if self.works_as is not None else self.date.weekday()


class LatvianCalendar:
    """Holidays from the library plus the moves and shortening rule of calendar.yaml."""

    def __init__(self, data: CalendarFile):
        self.data = data
        self.moved_off = {
            dt.date.fromisoformat(m.day_off): dt.date.fromisoformat(m.work_on)
            for m in data.moved_days
        }
        self.moved_work = {on: off for off, on in self.moved_off.items()}
        self.moves = {dt.date.fromisoformat(m.day_off): m for m in data.moved_days}
        self._days: dict[dt.date, DayInfo] = {}  # each date worked out once (opening.py asks
        # for the same dates for every schedule)

    def holiday(self, day: dt.date) -> dict[str, str] | None:
        names = library_holidays(day.year)
        if day in names["lv"]:
            return {"lv": names["lv"][day], "en": names["en"].get(day, names["lv"][day])}
        return None

    def day(self, day: dt.date) -> DayInfo:
        info = self._days.get(day)
        if info is None:
            info = self._days[day] = self._day(day)
        return info

    def _day(self, day: dt.date) -> DayInfo:
        name = self.holiday(day)
        if name:
            return DayInfo(day, "holiday", name=name)
        if day in self.moved_off:
            return DayInfo(day, "moved_off", moved_with=self.moved_off[day])
        shortened = self.holiday(day + dt.timedelta(days=1)) is not None
        if day in self.moved_work:
            off = self.moved_work[day]
            return DayInfo(
                day, "moved_work", works_as=off.weekday(), moved_with=off, shortened=shortened
            )
        if day.weekday() >= 5:
            return DayInfo(day, "weekend")
        return DayInfo(day, "workday", shortened=shortened)

    def shortening(self, provider_id: str | None) -> ShortenedRule:
        for entry in self.data.shortened_days.providers:
            if entry.provider == provider_id:
                return entry.rule
        return self.data.shortened_days.default

    @cached_property
    def legal_basis(self) -> Text:
        return self.data.shortened_days.legal_basis


# the holidays library's label for a day off moved to a Saturday ("… (substituted from
# 06/10/2023)", month/day/year in its en_US names): read here only, one way
_MOVED_LABEL = re.compile(r"\(substituted from (\d\d)/(\d\d)/(\d{4})\)")


@lru_cache(maxsize=64)
def _library(year: int) -> dict[str, dict[dt.date, list[str]]]:
    """The holidays library's names of a year's days by language (each day's labels)."""
    return {
        lang: {
            day: name.split("; ")
            for day, name in holidays.country_holidays("LV", years=year, language=code).items()
        }
        for lang, code in (("lv", "lv"), ("en", "en_US"))
    }


def _moved_from(label_en: str) -> dt.date | None:
    match = _MOVED_LABEL.search(label_en)
    return dt.date(int(match[3]), int(match[1]), int(match[2])) if match else None


def library_moves(year: int) -> dict[dt.date, dt.date]:
    """Moves the holidays library lists for ``year``: day off -> worked Saturday."""
    return {
        day: on
        for day, labels in _library(year)["en"].items()
        for on in map(_moved_from, labels)
        if on is not None
    }


@lru_cache(maxsize=64)
def library_holidays(year: int) -> dict[str, dict[dt.date, str]]:
    """The library's public holidays of a year by language, without its own moved days off
    (calendar.yaml's replace them); the same for every calendar, so made once a year."""
    library = _library(year)
    names: dict[str, dict[dt.date, str]] = {"lv": {}, "en": {}}
    for day, labels_en in library["en"].items():
        moved = [_moved_from(label) is not None for label in labels_en]
        for lang in names:
            # the languages list a day's labels in the same order
            kept = [n for n, m in zip(library[lang][day], moved, strict=True) if not m]
            if kept:
                names[lang][day] = "; ".join(kept)
    return names
