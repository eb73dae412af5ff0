"""The fee rules that need more than one field, checked when the data is validated.

Each problem comes back as (path inside the fee, plain words); ``cross_checks.py`` turns it into a
``DataError`` on the right line. Prices of care levels rise with the level, a daily price
capped at a monthly one makes sense (``daily ≤ monthly ≤ 31 × daily``), exemptions belong
to a share of income, and so on. Nothing here formats for people (no Babel).
"""

from __future__ import annotations

from ..base.cents import plain_amount
from ..base.messages import Message, message
from ..data.model import (
    DailyCappedRule,
    Fee,
    FeeItem,
    FirstAndNextRule,
    IncomeShareRule,
    PerUnitRule,
    Service,
)

MAX_DAYS = 31  # days in the longest month

Path = tuple[str | int, ...]
Problems = list[tuple[Path, Message]]


def check_fee(fee: Fee, service: Service | None) -> Problems:
    """Cross-field rules of one fee; each problem as (path inside the fee, plain words).

    ``service`` is the fee's service, or None when it is missing (reported elsewhere; the
    checks that need the service are then skipped). The service's own level rules (numbered
    in order, hours rising) are checked with the service.
    """
    problems: Problems = []
    problems += _unique_ids(fee)
    problems += _check_levels(fee, service)
    for i, item in enumerate(fee.items):
        problems += _check_rule(i, item)
    if fee.exemptions and not any(isinstance(it.rule, IncomeShareRule) for it in fee.items):
        problems.append((("exemptions",), message("fee.exemptions_without_share")))
    return problems


def _unique_ids(fee: Fee) -> Problems:
    problems: Problems = []
    for key, entries in (("items", fee.items), ("exemptions", fee.exemptions)):
        seen: set[str] = set()
        for i, entry in enumerate(entries):
            if entry.id in seen:
                problems.append(((key, i, "id"), message("fee.id_twice", id=entry.id, key=key)))
            seen.add(entry.id)
    return problems


def _check_levels(fee: Fee, service: Service | None) -> Problems:
    problems: Problems = []
    leveled = [(i, it) for i, it in enumerate(fee.items) if it.level is not None]
    if not leveled:
        return problems
    seen: dict[int, int] = {}
    for i, item in leveled:
        rule = item.rule
        if not (isinstance(rule, PerUnitRule) and rule.unit in ("month", "hour")):
            problems.append((("items", i, "level"), message("fee.level_unit")))
        if item.level in seen:
            problems.append((("items", i, "level"), message("fee.level_twice", level=item.level)))
        seen.setdefault(item.level, i)  # type: ignore[arg-type]
        if isinstance(rule, PerUnitRule) and rule.unit == "hour" and rule.max_quantity is not None:
            problems.append(
                (
                    ("items", i, "rule", "max_quantity"),
                    message("fee.level_max_quantity", level=item.level),
                )
            )
    if service is None:
        return problems
    levels = {lvl.level for lvl in service.levels}
    for i, item in leveled:
        if item.level not in levels:
            known = ", ".join(str(n) for n in sorted(levels)) or message("word.none")
            problems.append(
                (
                    ("items", i, "level"),
                    message("fee.level_unknown", level=item.level, service=service.id, known=known),
                )
            )
    missing = sorted(levels - set(seen))
    if missing:
        problems.append(
            (
                ("items",),
                message(
                    "fee.levels_missing",
                    service=service.id,
                    levels=", ".join(map(str, missing)),
                    count=len(missing),
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
                    message(
                        "fee.levels_rise",
                        hi=hi,
                        hi_amount=plain_amount(hi_amount),
                        lo=lo,
                        lo_amount=plain_amount(lo_amount),
                    ),
                )
            )
    return problems


def _check_rule(i: int, item: FeeItem) -> Problems:
    rule = item.rule
    path: Path = ("items", i, "rule")
    if isinstance(rule, FirstAndNextRule) and rule.next > rule.first:
        return [
            (
                path + ("next",),
                message(
                    "fee.next_more",
                    unit=rule.unit,
                    next=plain_amount(rule.next),
                    first=plain_amount(rule.first),
                ),
            )
        ]
    if isinstance(rule, DailyCappedRule):
        if rule.monthly < rule.daily:
            return [
                (
                    path + ("monthly",),
                    message(
                        "fee.monthly_less",
                        monthly=plain_amount(rule.monthly),
                        daily=plain_amount(rule.daily),
                    ),
                )
            ]
        full_month = rule.daily * MAX_DAYS
        if rule.monthly > full_month:
            return [
                (
                    path + ("monthly",),
                    message(
                        "fee.monthly_more",
                        monthly=plain_amount(rule.monthly),
                        days=MAX_DAYS,
                        daily=plain_amount(rule.daily),
                        full=plain_amount(full_month),
                    ),
                )
            ]
    if isinstance(rule, PerUnitRule) and rule.max_quantity == 0:
        return [
            (
                path + ("max_quantity",),
                message("fee.max_quantity_zero"),
            )
        ]
    return []
