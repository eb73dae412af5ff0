"""Rules that span objects and files: unique ids, references, care levels, fee rules.

Each rule reports through ``SourceFile.where(path, message)`` so the message points at
the exact line of the offending value.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .errors import DataError

if TYPE_CHECKING:
    from .loader import SourceFile

Group = dict[str, list["SourceFile"]]


class _Ids:
    """Registry of ids of one kind, reporting duplicates where the second one stands."""

    def __init__(self, kind: str, errors: list[DataError]):
        self.kind = kind
        self.errors = errors
        self.first: dict[str, tuple[str, int]] = {}

    def add(self, source: SourceFile, path: tuple[Any, ...], value: str) -> None:
        if value in self.first:
            file, line = self.first[value]
            where = f"line {line}" if file == source.name else f"{file}:{line}"
            self.errors.append(
                source.where(
                    path,
                    f"the {self.kind} id `{value}` is used twice (first at {where}); ids must be unique",
                )
            )
            return
        self.first[value] = (source.name, source.read.position(path)[0])

    def __contains__(self, value: object) -> bool:
        return value in self.first

    def check(self, source: SourceFile, path: tuple[Any, ...], value: str | None) -> None:
        if value is None or value in self.first:
            return
        import difflib

        close = difflib.get_close_matches(value, list(self.first), n=1, cutoff=0.7)
        hint = f"; did you mean `{close[0]}`?" if close else ""
        self.errors.append(
            source.where(path, f"there is no {self.kind} with the id `{value}`{hint}")
        )

    def check_all(self, source: SourceFile, path: tuple[Any, ...], values: Iterable[str]) -> None:
        for index, value in enumerate(values):
            self.check(source, path + (index,), value)


# where the ids of each kind stand in the raw data of a file that did not validate
_RAW_ID_PLACES = {
    "category": "categories",
    "audience": "audiences",
    "abbreviation": "abbreviations",
    "legal act": "legal_acts",
    "location": "locations",
    "service": "services",
    "fee": "fees",
    "benefit": "benefits",
}


def _raw_ids(data: Any, kind: str) -> list[str]:
    """Ids of ``kind`` in a file that failed validation (best effort, for references only)."""
    if not isinstance(data, dict):
        return []
    if kind == "provider":
        provider = data.get("provider")
        if isinstance(provider, dict) and isinstance(provider.get("id"), str):
            return [provider["id"]]
        return []
    if kind == "report":
        return [data["id"]] if isinstance(data.get("id"), str) and "benefits_table" in data else []
    items = data.get(_RAW_ID_PLACES.get(kind, ""))
    if not isinstance(items, list):
        return []
    return [i["id"] for i in items if isinstance(i, dict) and isinstance(i.get("id"), str)]


def check_site(valid: Group, invalid: list[SourceFile] | None = None) -> list[DataError]:
    """Check ids and references. Files in ``invalid`` (which already have errors) only
    lend their ids, so that one broken file does not make every reference to it an error."""
    errors: list[DataError] = []
    ids = {
        kind: _Ids(kind, errors)
        for kind in (
            "category",
            "audience",
            "abbreviation",
            "legal act",
            "provider",
            "location",
            "service",
            "fee",
            "benefit",
            "report",
        )
    }

    for source in valid.get("vocabulary.yaml", []):
        vocab = source.obj
        for i, c in enumerate(vocab.categories):
            ids["category"].add(source, ("categories", i, "id"), c.id)
        for i, a in enumerate(vocab.audiences):
            ids["audience"].add(source, ("audiences", i, "id"), a.id)
        for i, a in enumerate(vocab.abbreviations):
            ids["abbreviation"].add(source, ("abbreviations", i, "id"), a.id)
    for source in valid.get("legal-acts.yaml", []):
        for i, act in enumerate(source.obj.legal_acts):
            ids["legal act"].add(source, ("legal_acts", i, "id"), act.id)

    providers = valid.get("providers/*.yaml", [])
    # first pass: register every id so references may point forwards and across files
    for source in providers:
        pf = source.obj
        stem = source.name.rsplit("/", 1)[-1].removesuffix(".yaml")
        if pf.provider.id != stem:
            errors.append(
                source.where(
                    ("provider", "id"),
                    f"the provider id `{pf.provider.id}` must match the file name `{stem}.yaml`",
                )
            )
        ids["provider"].add(source, ("provider", "id"), pf.provider.id)
        for i, loc in enumerate(pf.locations):
            ids["location"].add(source, ("locations", i, "id"), loc.id)
        for i, svc in enumerate(pf.services):
            ids["service"].add(source, ("services", i, "id"), svc.id)
        for i, fee in enumerate(pf.fees):
            ids["fee"].add(source, ("fees", i, "id"), fee.id)
        for i, ben in enumerate(pf.benefits):
            ids["benefit"].add(source, ("benefits", i, "id"), ben.id)
        units = _Ids("unit", errors)
        for i, unit in enumerate(pf.provider.units):
            units.add(source, ("provider", "units", i, "id"), unit.id)
        source.units = units  # type: ignore[attr-defined]
    for source in valid.get("reports/*.yaml", []):
        ids["report"].add(source, ("id",), source.obj.id)

    for source in invalid or []:
        for kind, registry in ids.items():
            for value in _raw_ids(source.read.data, kind):
                registry.first.setdefault(value, (source.name, 1))

    # second pass: references
    for source in providers:
        pf = source.obj
        prov = pf.provider
        ids["location"].check_all(source, ("provider", "locations"), prov.locations)
        for i, unit in enumerate(prov.units):
            ids["location"].check_all(source, ("provider", "units", i, "locations"), unit.locations)
        services_here = {s.id: s for s in pf.services}
        for i, svc in enumerate(pf.services):
            base = ("services", i)
            source.units.check(source, base + ("unit",), svc.unit)  # type: ignore[attr-defined]
            ids["category"].check(source, base + ("category",), svc.category)
            ids["audience"].check_all(source, base + ("audiences",), svc.audiences)
            ids["location"].check_all(source, base + ("locations",), svc.locations)
            ids["legal act"].check_all(source, base + ("legal_basis",), svc.legal_basis)
            for j, link in enumerate(svc.see_also):
                ids["service"].check(source, base + ("see_also", j, "service"), link.service)
            errors.extend(_check_levels(source, base, svc))
        for i, fee in enumerate(pf.fees):
            base = ("fees", i)
            ids["legal act"].check_all(source, base + ("legal_basis",), fee.legal_basis)
            service = services_here.get(fee.service)
            if service is None:
                hint = (
                    " (a fee belongs to a service in the same provider file)"
                    if fee.service in ids["service"]
                    else ""
                )
                errors.append(
                    source.where(
                        base + ("service",),
                        f"there is no service with the id `{fee.service}` in this file{hint}",
                    )
                )
            errors.extend(_check_fee(source, base, fee, service))
        for i, ben in enumerate(pf.benefits):
            ids["legal act"].check_all(source, ("benefits", i, "legal_basis"), ben.legal_basis)

    for source in valid.get("reports/*.yaml", []):
        report = source.obj
        ids["provider"].check(source, ("provider",), report.provider)
        for i, row in enumerate(report.benefits_table):
            ids["benefit"].check(source, ("benefits_table", i, "benefit"), row.benefit)
    for source in valid.get("site.yaml", []):
        ids["provider"].check(source, ("help_contact",), source.obj.help_contact)
    errors.extend(_check_territory(valid, ids))
    return errors


def _check_territory(valid: Group, ids: dict[str, _Ids]) -> list[DataError]:
    """Places, areas and the finder's answers (places.py, finder.py)."""
    from .finder import check_finder
    from .places import check_places

    return check_places(valid, ids) + check_finder(valid, ids)


def _check_levels(source: SourceFile, base: tuple[Any, ...], svc: Any) -> list[DataError]:
    """Care levels are numbered 1, 2, 3 … and their hour limits rise with the level."""
    errors: list[DataError] = []
    previous = None
    for i, level in enumerate(svc.levels):
        path = base + ("levels", i)
        if level.level != i + 1:
            errors.append(
                source.where(
                    path + ("level",),
                    f"care levels must be numbered 1, 2, 3 … in order; expected {i + 1}, got {level.level}",
                )
            )
        if previous is not None and level.max_hours_per_month <= previous.max_hours_per_month:
            errors.append(
                source.where(
                    path + ("max_hours_per_month",),
                    f"hours a month must rise with the level: level {level.level} has "
                    f"{level.max_hours_per_month}, level {previous.level} already has {previous.max_hours_per_month}",
                )
            )
        if level.includes_previous_level and i == 0:
            errors.append(
                source.where(
                    path + ("includes_previous_level",),
                    "the first level has no previous level to include",
                )
            )
        previous = level
    return errors


def _check_fee(
    source: SourceFile, base: tuple[Any, ...], fee: Any, service: Any
) -> list[DataError]:
    try:
        from .fees import check_fee
    except ImportError:  # the fee engine is optional while it is being written
        return []
    return [source.where(base + tuple(path), message) for path, message in check_fee(fee, service)]
