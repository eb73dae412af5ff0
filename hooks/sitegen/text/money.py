"""Money for people: euro amounts rounded half-up to cents, formatted per page language.

Latvian pages write ``8,80 €`` (no-break space before the sign), English pages ``€8.80``;
Babel's CLDR data decides the details. ``parse_number`` reads what a person types into a
calculator field; the fee calculator's JavaScript follows exactly the same rules.
"""

from __future__ import annotations

import re
from decimal import Decimal

from babel.numbers import format_currency, format_decimal, format_percent

from ..base.cents import round_cents

# the same character classes as the widget's JavaScript (only the digits 0-9)
_SPACES = re.compile("[ \t\n\r\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_EN_GROUPED = re.compile(r"[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?")
_PLAIN = re.compile(r"([0-9]+)(?:\.([0-9]+))?")


def format_money(amount: Decimal | str, lang: str) -> str:
    """``8,80 €`` in Latvian (with a no-break space), ``€8.80`` in English.

    ``amount`` may also be the text of an amount as the fee rules carry it ("8.80").
    """
    return format_currency(round_cents(Decimal(amount)), "EUR", locale=lang)


def format_number(value: Decimal | int, lang: str) -> str:
    """A quantity as people write it: ``12,5`` / ``1 000`` in Latvian, ``12.5`` / ``1,000`` in English."""
    return format_decimal(value, locale=lang)


# Latvian writes a (no-break) space before the per cent sign, as the report's "60,07 %" does;
# English writes none. Babel's Latvian pattern has no space, so the pattern is set here.
_PERCENT_PATTERN = {"lv": "#,##0.##\u00a0%", "en": "#,##0.##%"}


def format_percent_value(percent: Decimal | int, lang: str) -> str:
    """``25 %``, ``12,5 %`` (lv, no-break space) and ``25%`` (en): a percentage given as
    0..100 with up to two decimals."""
    return format_percent(Decimal(percent) / 100, format=_PERCENT_PATTERN[lang], locale=lang)


def money_symbols(lang: str) -> dict[str, str]:
    """How ``format_money`` writes amounts, as pieces the widget's JavaScript can reuse.

    Taken from Babel's own output for 1234.56, so the browser writes amounts exactly as
    the build does: ``{"before": "", "group": "\\u00a0", "decimal": ",", "after": "\\u00a0€"}``.
    """
    sample = format_money(Decimal("1234.56"), lang)
    m = re.fullmatch(r"(\D*)1(\D+)234(\D+)56(\D*)", sample)
    if not m:
        raise ValueError(f"unexpected money format for {lang}: {sample!r}")
    return {"before": m[1], "group": m[2], "decimal": m[3], "after": m[4]}


def parse_number(text: str, lang: str) -> tuple[Decimal | None, str | None]:
    """Read a typed number; return ``(value, None)`` or ``(None, error_code)``.

    Spaces (thousands) and a euro sign are ignored. Latvian accepts a decimal comma or
    point; English a decimal point and commas only as thousands separators (1,000.50).
    Error codes: ``required`` (empty), ``number`` (not a number), ``negative``,
    ``decimals`` (more than two decimals). The widget applies the same rules in this order.
    """
    s = _SPACES.sub("", text or "")
    s = s.removeprefix("€").removesuffix("€")
    if not s:
        return None, "required"
    negative = s[0] in "-\u2212"
    if negative:
        s = s[1:]
    if lang == "en":
        if _EN_GROUPED.fullmatch(s):
            s = s.replace(",", "")
    else:
        s = s.replace(",", ".")
    m = _PLAIN.fullmatch(s)
    if not m:
        return None, "number"
    if negative:
        return None, "negative"
    if m[2] and len(m[2]) > 2:
        return None, "decimals"
    return Decimal(s), None
