"""Weekdays as the data writes them (``mon`` … ``sun``), Monday first as Babel numbers them."""

from __future__ import annotations

from typing import Literal, get_args

Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WEEKDAYS: tuple[str, ...] = get_args(Weekday)


def weekday_index(day: str) -> int:
    """0 for ``mon`` … 6 for ``sun`` (Babel's index of day names); ValueError otherwise."""
    if day not in WEEKDAYS:
        raise ValueError(f"weekday must be one of {', '.join(WEEKDAYS)}, got {day!r}")
    return WEEKDAYS.index(day)
