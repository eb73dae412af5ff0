"""``data/calendar.yaml``'s records: moved working days, shortened pre-holiday days, and the
month-day dates of seasons. The calendar that reads them is ``hours/calendar_lv.py``; here
they are data types, so the model can hold them without importing the engine.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, WithJsonSchema, model_validator

from ..base.messages import message
from .field_types import Id, IsoDate, NonEmptyStr, Strict, Text, _fail
from .ids import RefTo

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
