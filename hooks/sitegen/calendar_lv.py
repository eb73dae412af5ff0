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
from typing import Annotated, Any, Literal

import holidays
from pydantic import BeforeValidator, Field, WithJsonSchema, model_validator

from .field_types import Id, IsoDate, NonEmptyStr, Strict, Text, _fail
from .ids import RefTo
from .messages import message

# --- the data file ------------------------------------------------------------

_MONTH_DAY = re.compile(r"^(\d\d)-(\d\d)$")


def _check_month_day(value: Any) -> str:
    match = _MONTH_DAY.match(value.strip()) if isinstance(value, str) else None
    try:
        if match:
            dt.date(2024, int(match[1]), int(match[2]))  # a leap year: 02-29 exists
            return value.strip()
    except ValueError:
        pass
    raise _fail("month_day", value=value, hint=_month_day_hint(value))


def _month_day_hint(value: Any) -> Any:
    """ "1.11", "01.11." or "11-1" -> "11-01" where the day can be told (Latvian order in a
    date with a point: day, month)."""
    text = str(value).strip().rstrip(".")
    match = re.fullmatch(r"([0-9]{1,2})\.\s*([0-9]{1,2})", text)
    parts = (match[2], match[1]) if match else None
    if (match := re.fullmatch(r"([0-9]{1,2})[-/]([0-9]{1,2})", text)) is not None:
        parts = (match[1], match[2])
    if parts is None:
        return ""
    try:
        dt.date(2024, int(parts[0]), int(parts[1]))
    except ValueError:
        return ""
    return message("month_day.hint", fixed=f"{int(parts[0]):02d}-{int(parts[1]):02d}")


MonthDay = Annotated[
    str,
    BeforeValidator(_check_month_day),
    WithJsonSchema({"type": "string", "pattern": r"^\d\d-\d\d$"}),
]


class SeasonDates(Strict):
    """The days of the year a season's hours apply, e.g. from "11-01" to "03-31"."""

    start: MonthDay = Field(description='First day, "MM-DD"')
    end: MonthDay = Field(description='Last day, "MM-DD" (may be in the next year)')

    def contains(self, day: dt.date) -> bool:
        key = f"{day.month:02d}-{day.day:02d}"
        if self.start <= self.end:
            return self.start <= key <= self.end
        return key >= self.start or key <= self.end


class CabinetOrder(Strict):
    """The Cabinet of Ministers order that moved a working day (rīkojums)."""

    number: NonEmptyStr = Field(description="Number of the order, as published, e.g. 123")
    date: IsoDate = Field(description="Date of the order, YYYY-MM-DD")
    title: Text | None = Field(default=None, description="Title of the order")
    url: NonEmptyStr | None = Field(default=None, description="Address of the order on likumi.lv")


class MovedDay(Strict):
    """One working day moved to a Saturday: ``day_off`` is free, ``work_on`` is worked."""

    day_off: IsoDate = Field(description="The weekday that becomes a day off, YYYY-MM-DD")
    work_on: IsoDate = Field(description="The Saturday worked instead, YYYY-MM-DD")
    order: CabinetOrder | None = Field(
        default=None,
        description="The Cabinet order that set the move; leave out until its number and "
        "date are checked, and say in `source` where the move was taken from",
    )
    source: Text | None = Field(
        default=None, description="Where the move was taken from, when `order` is not given"
    )

    @model_validator(mode="after")
    def _days(self) -> MovedDay:
        work_on = dt.date.fromisoformat(self.work_on)
        day_off = dt.date.fromisoformat(self.day_off)
        if work_on.weekday() != 5:
            raise _fail(
                "moved_not_saturday",
                at=("work_on",),
                day=self.work_on,
                weekday=message(f"word.weekday.{work_on.weekday()}"),
            )
        if day_off.weekday() > 4:
            raise _fail(
                "moved_off_weekend",
                at=("day_off",),
                day=self.day_off,
                weekday=message(f"word.weekday.{day_off.weekday()}"),
            )
        if self.order is None and self.source is None:
            raise _fail(
                "moved_no_source",
            )
        return self


ShortenedRule = Literal["one-hour-earlier", "not-shortened"]


class ProviderShortening(Strict):
    provider: Annotated[Id, RefTo("provider")] = Field(
        description="Provider id (the file name in data/providers/)"
    )
    rule: ShortenedRule
    note: Text | None = Field(default=None, description="Why, or where this was said")


class ShortenedDays(Strict):
    legal_basis: Text = Field(description="The law that shortens the day, shown on the pages")
    default: ShortenedRule = Field(
        default="one-hour-earlier",
        description="one-hour-earlier: the day before a public holiday closes one hour "
        "earlier; not-shortened: the hours stay as usual",
    )
    providers: list[ProviderShortening] = Field(
        default_factory=list, description="Providers that follow another rule than the default"
    )


class CalendarFile(Strict):
    """``data/calendar.yaml``: moved working days and the shortened pre-holiday days."""

    moved_days: list[MovedDay] = Field(default_factory=list)
    shortened_days: ShortenedDays


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
