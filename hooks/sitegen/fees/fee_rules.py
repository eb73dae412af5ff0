"""The rules of a fee as the page carries them: plain JSON for the price table and the calculator.

``rules_json`` turns a validated ``Fee`` into JSON in one page language, amounts as strings
such as ``"8.80"``. The calculator widget
(``overrides/widgets/fee-calculator/fee-calculator.js``) evaluates it with integer cents,
and ``fee_calculator.calculate`` with exact ``Decimal``; the widget's case table
(``tests/fee_cases.json`` in its folder) runs through both and they must agree to the cent.

Rule kinds and what the calculator asks for:

* ``per_unit``: quantity × amount (months, hours, uses, washes, kilometres …). A unit marked
  ``fractional`` in data/vocabulary.yaml may have two decimals (12.5 hours); other units are
  whole numbers. Each item carries its unit's words in the page language (``per``, its spoken
  form, the calculator's question, the limit's plural forms). The limit is ``max_quantity`` or,
  for a care level, the level's ``max_hours_per_month`` (hourly prices only).
* ``first_and_next``: n units cost first + (n − 1) × next; 0 units cost nothing.
* ``income_share``: percent × income; free when an exemption applies, decided from the
  answers to the questions its test needs (``exemptions.py``), or ticked by the person
  when the data gives the exemption no test.
* ``daily_capped``: days × daily, but never more than the monthly price: a full month
  (up to 31 days) at the daily rate is charged at most the monthly price (``fee_checks``
  makes sure the cap makes sense).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..base.cents import MAX_AMOUNT, plain_amount
from ..data.model import (
    DailyCappedRule,
    Fee,
    FeeItem,
    FirstAndNextRule,
    IncomeShareRule,
    MeasureUnit,
    PerUnitRule,
    Service,
)
from ..text.money import format_percent_value, money_symbols
from .exemptions import MONTHS, previous_months, questions, tests_json
from .fee_checks import MAX_DAYS

MAX_COUNT = 1000  # units a month when the data sets no limit: more is surely a typing slip


def _level(service: Service | None, number: int | None) -> Any:
    if service is None or number is None:
        return None
    return next((lvl for lvl in service.levels if lvl.level == number), None)


def unit_json(unit: MeasureUnit, lang: str) -> dict[str, Any]:
    """A unit's words in the page language, for the price table and the calculator."""
    return {
        "per": unit.per.in_language(lang),
        "per_spoken": unit.spoken.in_language(lang) if unit.spoken else None,
        "quantity": unit.quantity.in_language(lang),
        "limit": dict(getattr(unit.limit, lang)) if unit.limit else None,
        "decimals": 2 if unit.fractional else 0,
    }


def item_json(
    item: FeeItem,
    fee: Fee,
    service: Service | None,
    lang: str,
    units: Mapping[str, MeasureUnit],
) -> dict[str, Any]:
    rule = item.rule
    out: dict[str, Any] = {
        "id": item.id,
        "label": item.label.in_language(lang),
        "kind": rule.kind,
        "level": item.level,
        "conditions": [c.in_language(lang) for c in item.conditions],
        "reading": item.reading.in_language(lang) if item.reading else None,
        "unit": None,
        "max_quantity": None,  # the limit a month shown to people (from the data)
        "level_hours": None,  # hours a month included in a monthly care-level price
    }
    if isinstance(rule, PerUnitRule):
        limit = rule.max_quantity
        level = _level(service, item.level)
        if limit is None and rule.unit == "hour" and item.level is not None:
            if level is None:
                raise ValueError(f"fee {fee.id}: no care level {item.level} in the service")
            limit = level.max_hours_per_month
        out.update(amount=plain_amount(rule.amount), unit=rule.unit, max_quantity=limit)
        if level is not None and rule.unit == "month":
            out["level_hours"] = level.max_hours_per_month
    elif isinstance(rule, FirstAndNextRule):
        out.update(first=plain_amount(rule.first), next=plain_amount(rule.next), unit=rule.unit)
    elif isinstance(rule, DailyCappedRule):
        out.update(daily=plain_amount(rule.daily), monthly=plain_amount(rule.monthly), unit="day")
    elif isinstance(rule, IncomeShareRule):
        out.update(
            percent=format(rule.percent.normalize(), "f"),
            percent_text=format_percent_value(rule.percent, lang),
            base=rule.base.in_language(lang),
            max_income=plain_amount(MAX_AMOUNT),
            exemptions=[
                {"id": e.id, "label": e.text.in_language(lang), "applies": tests_json(e)}
                for e in fee.exemptions
            ],
        )
        # the questions that decide the exemptions (exemptions.py)
        out.update(
            questions=questions(out["exemptions"]),
            previous_months=previous_months(out["exemptions"]),
            months_max=MONTHS,
        )
        return out
    # the limit the engine enforces: the data's limit, else a month's days or a sanity cap
    out["input_max"] = out["max_quantity"] or (MAX_DAYS if out["unit"] == "day" else MAX_COUNT)
    out.update(unit_json(units[out["unit"]], lang))
    return out


def rules_json(
    fee: Fee, service: Service | None, lang: str, units: Mapping[str, MeasureUnit]
) -> dict[str, Any]:
    """The JSON-serialisable rules of one fee in one page language (see module doc)."""
    return {
        "fee": fee.id,
        "service": fee.service,
        "lang": lang,
        "name": fee.name.in_language(lang),
        "legal_basis": list(fee.legal_basis),
        "legal_basis_pending": (
            fee.legal_basis_pending.in_language(lang) if fee.legal_basis_pending else None
        ),
        "conditions": [c.in_language(lang) for c in fee.conditions],
        "exemptions": [{"id": e.id, "label": e.text.in_language(lang)} for e in fee.exemptions],
        "money": money_symbols(lang),
        "items": [item_json(item, fee, service, lang, units) for item in fee.items],
    }
