"""The fee rules that need more than one field, checked when the data is validated.

Each problem comes back as (path inside the fee, plain words); ``rules.py`` turns it into a
``DataError`` on the right line. Prices of care levels rise with the level, a daily price
capped at a monthly one makes sense (``daily ≤ monthly ≤ 31 × daily``), exemptions belong
to a share of income, and so on. Nothing here formats for people (no Babel).
"""

from __future__ import annotations

from .cents import plain_amount
from .model import (
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
                    f"{plain_amount(hi_amount)} a month, level {lo} already {plain_amount(lo_amount)}",
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
                f"each next {rule.unit} ({plain_amount(rule.next)}) must not cost more than the "
                f"first ({plain_amount(rule.first)}); check that the two amounts are not swapped",
            )
        ]
    if isinstance(rule, DailyCappedRule):
        if rule.monthly < rule.daily:
            return [
                (
                    path + ("monthly",),
                    f"the monthly price {plain_amount(rule.monthly)} is less than one day "
                    f"({plain_amount(rule.daily)}); check that the two amounts are not swapped",
                )
            ]
        full_month = rule.daily * MAX_DAYS
        if rule.monthly > full_month:
            return [
                (
                    path + ("monthly",),
                    f"the monthly price {plain_amount(rule.monthly)} is more than a full month at the "
                    f"daily rate ({MAX_DAYS} × {plain_amount(rule.daily)} = {plain_amount(full_month)}), "
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
