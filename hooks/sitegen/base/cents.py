"""Exact euro amounts: ``Decimal`` rounded half-up to whole cents.

Validation needs these and nothing of Babel; ``money.py`` formats amounts for people.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
MAX_AMOUNT = Decimal("1000000")  # the largest amount the data may give


def round_cents(amount: Decimal) -> Decimal:
    """Round to whole cents, halves away from zero (0.005 -> 0.01)."""
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def plain_amount(value: Decimal) -> str:
    """An amount as the fee rules and messages carry it: ``"8.80"``."""
    return format(round_cents(value), "f")
