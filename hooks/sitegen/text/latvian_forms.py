"""Latvian word forms the site writes and speaks, each made one way: the locative ("in
March", "on Monday") of month and weekday names, from the nominative names CLDR gives
(Babel). Dates written and spoken in the locative ("2026. gada 5. decembrī"), the open-now
lines ("4. janvārī") and the moved working days ("kā pirmdienā") all come from here."""

from __future__ import annotations

from functools import cache

from babel import Locale

from ..base.languages import check_lang


def locative(nominative: str) -> str:
    """The locative singular of a month or weekday name (nouns of the 1st, 2nd and 4th
    declension): janvāris → janvārī, marts → martā, jūnijs → jūnijā, pirmdiena → pirmdienā."""
    if nominative.endswith("is"):
        return nominative[:-2] + "ī"
    if nominative.endswith(("s", "a")):
        return nominative[:-1] + "ā"
    raise ValueError(f"no locative rule for {nominative!r}")


@cache
def month_names(lang: str) -> tuple[str, ...]:
    """January … December as ``lang`` writes them in a date (Latvian: the nominative)."""
    names = Locale.parse(check_lang(lang)).months["format"]["wide"]
    return tuple(names[month] for month in range(1, 13))


def month_in(month: int, lang: str) -> str:
    """A month as "in …" needs it: lv "martā" (the locative), en "March"."""
    name = month_names(lang)[month - 1]
    return locative(name) if lang == "lv" else name
