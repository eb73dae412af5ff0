"""Rules that span objects and files: unique ids, references, care levels, fee rules.

Ids and references are declared on the model's fields (``ids.IdOf``, ``ids.RefTo``) and
checked here in one walk. Each rule reports through ``SourceFile.where(path, message)`` so
the message points at the exact line of the offending value.
"""

from __future__ import annotations

import difflib
from typing import Any

from ..base.errors import DataError
from ..base.messages import message
from ..data import model
from ..data.ids import IdOf, RefTo, marked_values, raw_ids
from ..data.sitedata import SourceFile
from ..fees.fee_checks import check_fee
from ..hours.calendar_checks import check_calendar
from ..places.finder import check_finder
from ..places.territory import check_places
from ..sitemap.page_kinds import PAGE_KINDS, reserved_ids
from .data_checks import check_editorial

Group = dict[str, list[SourceFile]]


class _Ids:
    """Registry of ids of one kind, reporting duplicates where the second one stands."""

    def __init__(self, kind: str, errors: list[DataError]):
        self.kind = kind
        self.errors = errors
        self.first: dict[str, tuple[str, int]] = {}

    def add(self, source: SourceFile, path: tuple[Any, ...], value: str) -> None:
        if value in self.first:
            file, line = self.first[value]
            where = (
                message("id.twice_where_line", line=line)
                if file == source.name
                else f"{file}:{line}"
            )
            self.errors.append(
                source.where(
                    path,
                    message(
                        "id.twice", kind=message(f"kind.{self.kind}"), value=value, where=where
                    ),
                )
            )
            return
        self.first[value] = (source.name, source.read.position(path)[0])

    def __contains__(self, value: object) -> bool:
        return value in self.first

    def check(self, source: SourceFile, path: tuple[Any, ...], value: str | None) -> None:
        if value is None or value in self.first:
            return
        close = difflib.get_close_matches(value, list(self.first), n=1, cutoff=0.7)
        hint = message("id.unknown_hint", close=close[0]) if close else ""
        self.errors.append(
            source.where(
                path,
                message("id.unknown", kind=message(f"kind.{self.kind}"), value=value, hint=hint),
            )
        )


def check_site(valid: Group, invalid: Group | None = None) -> list[DataError]:
    """Check ids and references (declared on the model's fields with ``IdOf`` and ``RefTo``)
    and the rules of care levels and fees. Files in ``invalid`` (which already have errors)
    only lend their ids, so that one broken file does not make every reference to it an
    error."""
    errors: list[DataError] = []
    ids: dict[str, _Ids] = {}  # kind -> the ids of every file
    local_kinds: set[str] = set()  # kinds whose ids are unique per file (a provider's units)
    per_file: dict[tuple[str, str], _Ids] = {}  # (file, kind) -> the ids of a local kind
    in_file: dict[tuple[str, str], set[str]] = {}  # (file, kind) -> the ids that file declares
    sources = [source for group in valid.values() for source in group]

    def registry(kind: str, source: SourceFile) -> _Ids:
        if kind in local_kinds:
            return per_file.setdefault((source.name, kind), _Ids(kind, errors))
        return ids.setdefault(kind, _Ids(kind, errors))

    # first pass: register every id so references may point forwards and across files
    for source in sources:
        for marker, path, value in marked_values(source.obj):
            if isinstance(marker, IdOf):
                if value in reserved_ids(marker.kind):
                    errors.append(
                        source.where(
                            path,
                            message(
                                "id.reserved",
                                value=value,
                                kind=message(f"kind.{marker.kind}"),
                                page=PAGE_KINDS[marker.kind].stub_path(value),
                            ),
                        )
                    )
                if marker.per_file:
                    local_kinds.add(marker.kind)
                registry(marker.kind, source).add(source, path, value)
                in_file.setdefault((source.name, marker.kind), set()).add(value)
    for pattern, group in (invalid or {}).items():
        for source in group:
            for marker, value in raw_ids(model.DATA_FILES[pattern], source.read.data):
                if not marker.per_file:
                    registry(marker.kind, source).first.setdefault(value, (source.name, 1))

    # second pass: references
    for source in sources:
        for marker, path, value in marked_values(source.obj):
            if not isinstance(marker, RefTo):
                continue
            known = registry(marker.kind, source)
            if marker.same_file is None:
                known.check(source, path, value)
            elif value not in in_file.get((source.name, marker.kind), ()):
                hint = message("id.not_in_file_hint") if value in known else ""
                errors.append(
                    source.where(
                        path,
                        message(
                            "id.not_in_file",
                            kind=message(f"kind.{marker.kind}"),
                            value=value,
                            hint=hint,
                        ),
                    )
                )

    for source in valid.get("providers/*.yaml", []):
        pf = source.obj
        stem = source.name.rsplit("/", 1)[-1].removesuffix(".yaml")
        if pf.provider.id != stem:
            errors.append(
                source.where(
                    ("provider", "id"),
                    message("provider.id_file", id=pf.provider.id, stem=stem),
                )
            )
        services_here = {s.id: s for s in pf.services}
        for i, svc in enumerate(pf.services):
            errors.extend(_check_levels(source, ("services", i), svc))
        for i, fee in enumerate(pf.fees):
            errors.extend(_check_fee(source, ("fees", i), fee, services_here.get(fee.service)))
    for source in valid.get("calendar.yaml", []):
        errors.extend(check_calendar(source))
    errors.extend(check_places(valid))
    errors.extend(check_finder(valid))
    errors.extend(check_editorial(valid))
    return errors


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
                    message("levels.order", expected=i + 1, got=level.level),
                )
            )
        if previous is not None and level.max_hours_per_month <= previous.max_hours_per_month:
            errors.append(
                source.where(
                    path + ("max_hours_per_month",),
                    message(
                        "levels.hours",
                        level=level.level,
                        hours=level.max_hours_per_month,
                        prev=previous.level,
                        prev_hours=previous.max_hours_per_month,
                    ),
                )
            )
        if level.includes_previous_level and i == 0:
            errors.append(
                source.where(
                    path + ("includes_previous_level",),
                    message("levels.first_includes"),
                )
            )
        previous = level
    return errors


def _check_fee(
    source: SourceFile, base: tuple[Any, ...], fee: Any, service: Any
) -> list[DataError]:
    return [source.where(base + tuple(path), msg) for path, msg in check_fee(fee, service)]
