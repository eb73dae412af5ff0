"""Fees: the one rule set behind the price tables, the build's checks and the calculator.

``rules_json`` turns a validated ``Fee`` into the plain JSON the page carries (amounts as
strings such as ``"8.80"``); ``calculate`` is the reference engine over one item of it,
exact with ``Decimal`` and rounded half-up to cents. The calculator widget
(``overrides/widgets/fee-calculator/fee-calculator.js``) evaluates the same JSON with
integer cents; ``tests/fee_cases.json`` runs through both and they must agree to the cent.
``check_fee`` holds the rules that need more than one field (prices rise with the level …).

Rule kinds and what the calculator asks for:

* ``per_unit``: quantity × amount (months, hours, uses, washes …). Hours may have two
  decimals (12.5 hours); other units are whole numbers. The limit is ``max_quantity`` or,
  for a care level, the level's ``max_hours_per_month`` (hourly prices only).
* ``first_and_next``: n units cost first + (n − 1) × next; 0 units cost nothing.
* ``income_share``: percent × income; free when an exemption applies, decided from the
  answers to the questions its test needs (``exemptions.py``), or ticked by the person
  when the data gives the exemption no test.
* ``daily_capped``: days × daily, but never more than the monthly price: a full month
  (up to 31 days) at the daily rate is charged at most the monthly price. The build checks
  that the cap makes sense: ``daily ≤ monthly ≤ 31 × daily``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from .exemptions import MONTHS, decide, previous_months, questions, tests_json
from .model import (
    DailyCappedRule,
    Fee,
    FeeItem,
    FirstAndNextRule,
    IncomeShareRule,
    PerUnitRule,
    Service,
    Text,
)
from .money import (
    format_money,
    format_number,
    format_percent_value,
    money_symbols,
    parse_number,
    round_cents,
)
from .types import MAX_AMOUNT

MAX_COUNT = 1000  # units a month when the data sets no limit: more is surely a typing slip
MAX_DAYS = 31  # days in the longest month
DECIMAL_UNITS = {"hour"}  # units that may be fractional (two decimals); the rest are whole

Path = tuple[str | int, ...]


def _text(text: Text | None, lang: str) -> str:
    if text is None:
        return ""
    return text.get(lang) or text.get("en" if lang == "lv" else "lv")


def _amount(value: Decimal) -> str:
    return format(round_cents(value), "f")


def _level(service: Service | None, number: int | None) -> Any:
    if service is None or number is None:
        return None
    return next((lvl for lvl in service.levels if lvl.level == number), None)


# --- the rule set the page carries ------------------------------------------------


def item_json(item: FeeItem, fee: Fee, service: Service | None, lang: str) -> dict[str, Any]:
    rule = item.rule
    out: dict[str, Any] = {
        "id": item.id,
        "label": _text(item.label, lang),
        "kind": rule.kind,
        "level": item.level,
        "conditions": [_text(c, lang) for c in item.conditions],
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
        out.update(amount=_amount(rule.amount), unit=rule.unit, max_quantity=limit)
        if level is not None and rule.unit == "month":
            out["level_hours"] = level.max_hours_per_month
    elif isinstance(rule, FirstAndNextRule):
        out.update(first=_amount(rule.first), next=_amount(rule.next), unit=rule.unit)
    elif isinstance(rule, DailyCappedRule):
        out.update(daily=_amount(rule.daily), monthly=_amount(rule.monthly), unit="day")
    elif isinstance(rule, IncomeShareRule):
        out.update(
            percent=format(rule.percent.normalize(), "f"),
            percent_text=format_percent_value(rule.percent, lang),
            base=_text(rule.base, lang),
            max_income=_amount(MAX_AMOUNT),
            exemptions=[
                {"id": e.id, "label": _text(e.text, lang), "applies": tests_json(e)}
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
    out["decimals"] = 2 if out["unit"] in DECIMAL_UNITS else 0
    return out


def rules_json(fee: Fee, service: Service | None, lang: str) -> dict[str, Any]:
    """The JSON-serialisable rules of one fee in one page language (see module doc)."""
    return {
        "fee": fee.id,
        "service": fee.service,
        "lang": lang,
        "name": _text(fee.name, lang),
        "legal_basis": list(fee.legal_basis),
        "conditions": [_text(c, lang) for c in fee.conditions],
        "exemptions": [{"id": e.id, "label": _text(e.text, lang)} for e in fee.exemptions],
        "money": money_symbols(lang),
        "items": [item_json(item, fee, service, lang) for item in fee.items],
    }


# --- the reference engine -----------------------------------------------------------


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


def calculate(item: dict[str, Any], inputs: dict[str, Any], lang: str = "lv") -> Calculation:
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
        return Calculation(total, [step])

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


# --- rules the build checks ------------------------------------------------------------


def check_fee(fee: Fee, service: Service | None) -> list[tuple[Path, str]]:
    """Cross-field rules of one fee; each problem as (path inside the fee, plain words).

    ``service`` is the fee's service, or None when it is missing (reported elsewhere; the
    checks that need the service are then skipped). The service's own level rules (numbered
    in order, hours rising) are checked with the service.
    """
    problems: list[tuple[Path, str]] = []
    problems += _unique_ids(fee)
    problems += _check_levels(fee, service)
    for i, item in enumerate(fee.items):
        problems += _check_rule(i, item)
    if fee.exemptions and not any(isinstance(it.rule, IncomeShareRule) for it in fee.items):
        problems.append(
            (
                ("exemptions",),
                "exemptions make a share of income free, but this fee has no price that is a "
                "share of income (kind: income_share); move the exemptions or remove them",
            )
        )
    return problems


def _unique_ids(fee: Fee) -> list[tuple[Path, str]]:
    problems: list[tuple[Path, str]] = []
    for key, entries in (("items", fee.items), ("exemptions", fee.exemptions)):
        seen: set[str] = set()
        for i, entry in enumerate(entries):
            if entry.id in seen:
                problems.append(
                    ((key, i, "id"), f"the id `{entry.id}` is used twice in this fee's {key}")
                )
            seen.add(entry.id)
    return problems


def _check_levels(fee: Fee, service: Service | None) -> list[tuple[Path, str]]:
    problems: list[tuple[Path, str]] = []
    leveled = [(i, it) for i, it in enumerate(fee.items) if it.level is not None]
    if not leveled:
        return problems
    seen: dict[int, int] = {}
    for i, item in leveled:
        rule = item.rule
        if not (isinstance(rule, PerUnitRule) and rule.unit in ("month", "hour")):
            problems.append(
                (
                    ("items", i, "level"),
                    "a care level can only be set on a price per month or per hour "
                    "(kind: per_unit, unit: month or hour)",
                )
            )
        if item.level in seen:
            problems.append(
                (("items", i, "level"), f"care level {item.level} has two prices in this fee")
            )
        seen.setdefault(item.level, i)  # type: ignore[arg-type]
        if isinstance(rule, PerUnitRule) and rule.unit == "hour" and rule.max_quantity is not None:
            problems.append(
                (
                    ("items", i, "rule", "max_quantity"),
                    f"leave out max_quantity: the monthly hours limit of care level {item.level} "
                    "is taken from the service's levels (max_hours_per_month)",
                )
            )
    if service is None:
        return problems
    levels = {lvl.level for lvl in service.levels}
    for i, item in leveled:
        if item.level not in levels:
            known = ", ".join(str(n) for n in sorted(levels)) or "none"
            problems.append(
                (
                    ("items", i, "level"),
                    f"care level {item.level} is not one of the levels of the service "
                    f"`{service.id}` (its levels: {known})",
                )
            )
    missing = sorted(levels - set(seen))
    if missing:
        problems.append(
            (
                ("items",),
                "the service `{}` has care level{} {} but this fee has no price for {}".format(
                    service.id,
                    "s" if len(missing) > 1 else "",
                    ", ".join(map(str, missing)),
                    "them" if len(missing) > 1 else "it",
                ),
            )
        )
    monthly = sorted(
        (it.level, i, it.rule.amount)
        for i, it in leveled
        if isinstance(it.rule, PerUnitRule) and it.rule.unit == "month"
    )
    for (lo, _, lo_amount), (hi, i, hi_amount) in zip(monthly, monthly[1:], strict=False):
        if hi_amount <= lo_amount:
            problems.append(
                (
                    ("items", i, "rule", "amount"),
                    f"prices must rise with the care level: level {hi} costs "
                    f"{_amount(hi_amount)} a month, level {lo} already {_amount(lo_amount)}",
                )
            )
    return problems


def _check_rule(i: int, item: FeeItem) -> list[tuple[Path, str]]:
    rule = item.rule
    path: Path = ("items", i, "rule")
    if isinstance(rule, FirstAndNextRule) and rule.next > rule.first:
        return [
            (
                path + ("next",),
                f"each next {rule.unit} ({_amount(rule.next)}) must not cost more than the "
                f"first ({_amount(rule.first)}); check that the two amounts are not swapped",
            )
        ]
    if isinstance(rule, DailyCappedRule):
        if rule.monthly < rule.daily:
            return [
                (
                    path + ("monthly",),
                    f"the monthly price {_amount(rule.monthly)} is less than one day "
                    f"({_amount(rule.daily)}); check that the two amounts are not swapped",
                )
            ]
        full_month = rule.daily * MAX_DAYS
        if rule.monthly > full_month:
            return [
                (
                    path + ("monthly",),
                    f"the monthly price {_amount(rule.monthly)} is more than a full month at the "
                    f"daily rate ({MAX_DAYS} × {_amount(rule.daily)} = {_amount(full_month)}), "
                    "so it could never apply; check the amounts",
                )
            ]
    if isinstance(rule, PerUnitRule) and rule.max_quantity == 0:
        return [
            (
                path + ("max_quantity",),
                "max_quantity 0 would allow no use at all; leave it out when there is no limit",
            )
        ]
    return []
