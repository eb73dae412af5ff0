"""The reference fee calculator: one item of ``fee_rules.rules_json`` evaluated exactly.

The page's calculator is the widget's JavaScript; this engine is what the tests hold it to
(the case table ``overrides/widgets/fee-calculator/tests/fee_cases.json`` runs through
both and they must agree to the cent). It computes
with ``Decimal``, rounds half-up to cents, and writes the working and the error messages
from the same ``fee.*`` UI strings the widget uses.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ..base.cents import round_cents
from ..base.languages import DEFAULT_LANGUAGE
from ..text.money import format_money, format_number, parse_number
from .exemptions import decide


@dataclass
class Calculation:
    total: Decimal | None
    steps: list[dict[str, Any]] = field(default_factory=list)
    errors: dict[str, str] = field(default_factory=dict)


def _read(text: Any, lang: str, *, decimals: int, limit: Decimal) -> tuple[Decimal | None, str]:
    value, error = parse_number("" if text is None else str(text), lang)
    if value is None:
        return None, error or "number"
    if decimals == 0 and value != value.to_integral_value():
        return None, "whole"
    if value > limit:
        return None, "max"
    return value, ""


def calculate(
    item: dict[str, Any], inputs: dict[str, Any], lang: str = DEFAULT_LANGUAGE
) -> Calculation:
    """Evaluate one item of ``rules_json`` for the typed ``inputs``.

    ``inputs``: ``quantity``, ``income`` and ``months`` as typed (text), ``absent`` and
    ``previous`` as "yes"/"no" (see ``exemptions.py``), ``exempt`` the ids of ticked
    exemptions that have no test. Bad input gives ``errors`` {field: code} and no total.
    Codes: required, number, negative, decimals, whole, max, choose.
    """
    kind = item["kind"]
    if kind == "income_share":
        # exemptions with a test are decided from the answers; one without (the data cannot
        # say when it applies) is a box the person ticks
        exemption, errors = decide(item["exemptions"], inputs, lang)
        if exemption is None:
            ticked = set(inputs.get("exempt") or [])
            exemption = next(
                (e for e in item["exemptions"] if not e.get("applies") and e["id"] in ticked),
                None,
            )
        absence = None
        if exemption is not None and (exemption.get("applies") or {}).get("justified_absence"):
            # a justified absence frees the time away, not the month (seed 001: "… īslaicīgi
            # nesaņēma patversmes pakalpojumu"): the other exemptions decide the month, and
            # its charge is the most a month with an absence can cost
            absence = exemption
            others = [e for e in item["exemptions"] if e is not absence]
            exemption, errors = decide(others, inputs, lang)
        if exemption is not None:
            step = {"op": "exempt", "id": exemption["id"], "label": exemption["label"]}
            return Calculation(Decimal("0.00"), [step | {"result": Decimal("0.00")}])
        income, error = _read(
            inputs.get("income"), lang, decimals=2, limit=Decimal(item["max_income"])
        )
        if income is None:
            errors["income"] = error
        if errors:
            return Calculation(None, errors=errors)
        percent = Decimal(item["percent"])
        total = round_cents(income * percent / 100)
        step = {"op": "percent", "percent": percent, "income": income, "result": total}
        steps = [step]
        if absence is not None:
            steps.append({"op": "absence", "id": absence["id"], "result": total})
        return Calculation(total, steps)

    quantity, error = _read(
        inputs.get("quantity"), lang, decimals=item["decimals"], limit=Decimal(item["input_max"])
    )
    if quantity is None:
        return Calculation(None, errors={"quantity": error})
    if kind == "per_unit":
        amount = Decimal(item["amount"])
        total = round_cents(quantity * amount)
        return Calculation(total, [_times(quantity, amount, total)])
    if kind == "first_and_next":
        first, nxt = Decimal(item["first"]), Decimal(item["next"])
        if quantity <= 1:
            total = round_cents(quantity * first)
            return Calculation(total, [_times(quantity, first, total)])
        total = round_cents(first + (quantity - 1) * nxt)
        step = {"op": "first_next", "first": first, "count": quantity - 1, "next": nxt}
        return Calculation(total, [step | {"result": total}])
    if kind == "daily_capped":
        daily, monthly = Decimal(item["daily"]), Decimal(item["monthly"])
        raw = round_cents(quantity * daily)
        steps = [_times(quantity, daily, raw)]
        if raw <= monthly:
            return Calculation(raw, steps)
        steps.append({"op": "cap", "amount": raw, "monthly": monthly, "result": monthly})
        return Calculation(monthly, steps)
    raise ValueError(f"unknown fee rule kind {kind!r}")


def _times(quantity: Decimal, amount: Decimal, total: Decimal) -> dict[str, Any]:
    return {"op": "times", "quantity": quantity, "amount": amount, "result": total}


def _fill(template: str, **values: str) -> str:
    for key, value in values.items():
        template = template.replace("{" + key + "}", value)
    return template


def breakdown(
    calc: Calculation, item: dict[str, Any], lang: str, messages: dict[str, str]
) -> list[str]:
    """The working, one line a step: ``0,50 € + 9 × 0,15 € = 1,85 €``.

    ``messages`` are the ``fee.*`` UI strings of the page language; the widget writes the
    same lines from the same strings.
    """

    def m(value: Decimal) -> str:
        return format_money(value, lang)

    lines = []
    for step in calc.steps:
        op = step["op"]
        if op == "times":
            q = format_number(step["quantity"], lang)
            lines.append(f"{q} × {m(step['amount'])} = {m(step['result'])}")
        elif op == "first_next":
            n = format_number(step["count"], lang)
            lines.append(f"{m(step['first'])} + {n} × {m(step['next'])} = {m(step['result'])}")
        elif op == "percent":
            lines.append(f"{item['percent_text']} × {m(step['income'])} = {m(step['result'])}")
        elif op == "cap":
            lines.append(
                _fill(
                    messages["fee.result.capped"],
                    amount=m(step["amount"]),
                    monthly=m(step["monthly"]),
                )
            )
        elif op == "exempt":
            lines.append(_fill(messages["fee.result.exempt"], reason=step["label"]))
        elif op == "absence":
            lines.append(_fill(messages["fee.result.absence"], amount=m(step["result"])))
    return lines


def error_message(
    code: str, field_name: str, item: dict[str, Any], lang: str, messages: dict[str, str]
) -> str:
    """The message shown next to a field for an error code, in the page language."""
    text = messages[f"fee.error.{code}"]
    if code == "max":
        if field_name == "income":
            limit = format_money(Decimal(item["max_income"]), lang)
        elif field_name == "months":
            limit = format_number(item["months_max"], lang)
        else:
            limit = format_number(item["input_max"], lang)
        text = _fill(text, max=limit)
    return text
