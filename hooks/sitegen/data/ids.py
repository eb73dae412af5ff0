"""Ids and the references between objects, declared on the model's fields.

``id: Annotated[Id, IdOf("service")]`` says the field is the id of a service;
``category: Annotated[Id, RefTo("category")]`` says the field (an id, a list of ids or
nothing) must name an existing category. ``cross_checks.py`` checks every declaration with one
walk over the validated data, so a new kind of object or reference is one annotation in
``model.py``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any, get_args, get_origin

from pydantic import BaseModel

from .field_types import models_in


@dataclass(frozen=True)
class IdOf:
    """The field is the id of an object of ``kind``, unique among all objects of that kind
    (``per_file``: unique within its file only, and referred to from that file only)."""

    kind: str
    per_file: bool = False


@dataclass(frozen=True)
class RefTo:
    """The field refers to objects of ``kind`` by id. ``same_file``: the object must be in the
    same file, and these words say so when it is elsewhere."""

    kind: str
    same_file: str | None = None


Marker = IdOf | RefTo
Path = tuple[str | int, ...]


def _markers_in(annotation: Any) -> list[Marker]:
    found: list[Marker] = []
    if get_origin(annotation) is Annotated:
        found += [m for m in annotation.__metadata__ if isinstance(m, IdOf | RefTo)]
    for arg in get_args(annotation):
        found += _markers_in(arg)
    return found


@cache
def _plan(cls: type[BaseModel]) -> tuple[tuple[str, tuple[Marker, ...], bool], ...]:
    """For each field that matters: (name, its markers, whether objects below have markers)."""
    plan = []
    for name, info in cls.model_fields.items():
        markers = [m for m in info.metadata if isinstance(m, IdOf | RefTo)]
        markers += _markers_in(info.annotation)
        below = any(_plan(model) for model in models_in(info.annotation))
        if markers or below:
            plan.append((name, tuple(markers), below))
    return tuple(plan)


def marked_values(obj: BaseModel, path: Path = ()) -> Iterator[tuple[Marker, Path, str]]:
    """Every (marker, path, id) in a validated object, in field order; a list of ids gives
    one entry per id (its path ends with the index), an absent id none."""
    for name, markers, below in _plan(type(obj)):
        value = getattr(obj, name)
        here = (*path, name)
        for marker in markers:
            if isinstance(value, str):
                yield marker, here, value
            elif isinstance(value, list):
                yield from ((marker, (*here, i), v) for i, v in enumerate(value))
        if below:
            if isinstance(value, BaseModel):
                yield from marked_values(value, here)
            elif isinstance(value, list):
                for i, item in enumerate(value):
                    if isinstance(item, BaseModel):
                        yield from marked_values(item, (*here, i))


def raw_ids(cls: type[BaseModel], data: Any) -> Iterator[tuple[IdOf, str]]:
    """The ids declared in the raw data of a file that did not validate (best effort, so its
    objects can still be referred to)."""
    if isinstance(data, list):
        for item in data:
            yield from raw_ids(cls, item)
        return
    if not isinstance(data, dict):
        return
    for name, markers, below in _plan(cls):
        value = data.get(name)
        for marker in markers:
            if isinstance(marker, IdOf) and isinstance(value, str):
                yield marker, value
        if below:
            for model in models_in(cls.model_fields[name].annotation):
                yield from raw_ids(model, value)
