"""Dates as the pages write them, one formatter per form and language (a time of day:
``base/languages.clock``; how a date is said aloud: ``speech/spoken.speak_date``).

- ``long_date``: "2026. gada 5. decembris" / "5 December 2026"; in Latvian ``case="loc"``
  gives "on …": "2026. gada 5. decembrī" (legal acts, reports, "as of" the build day);
- ``day_month``: "5. decembrī" / "5 December", the year understood (the open-now lines,
  the moved working days);
- ``weekday_date``: "Pirmdiena, 7. decembris" / "Monday 7 December" (the list of changes to
  the usual hours).
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from babel.dates import format_date

from ..base.languages import BABEL_LOCALE
from .latvian_forms import month_in


def long_date(day: dt.date, lang: str, case: str = "nom") -> str:
    if case == "loc" and lang == "lv":
        return f"{day.year}. gada {day_month(day, lang)}"
    return format_date(day, "long", locale=BABEL_LOCALE[lang])


def day_month(day: dt.date, lang: str) -> str:
    month = month_in(day.month, lang)
    return f"{day.day}. {month}" if lang == "lv" else f"{day.day} {month}"


@lru_cache(maxsize=4096)
def weekday_date(day: dt.date, lang: str) -> str:
    text = format_date(
        day, "EEEE, d. MMMM" if lang == "lv" else "EEEE d MMMM", locale=BABEL_LOCALE[lang]
    )
    return text[:1].upper() + text[1:]
