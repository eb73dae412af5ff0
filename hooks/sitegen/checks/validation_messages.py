"""Pydantic's validation errors in the words editors read, at the line they concern.

``model_errors`` turns a ``ValidationError`` of one data file into ``DataError``s: the
pydantic location becomes the path in the YAML (union members dropped), the error type a
plain sentence ("the required field `name` is missing", "unknown field `sumary`; did you
mean `summary`?"), Python's spelling of values (``Decimal('8.8')``, ``None``) the
editor's, and a decimal comma that YAML split in two is reported at the amount.
"""

from __future__ import annotations

import difflib
from typing import Any

from pydantic import BaseModel, ValidationError

from ..base.errors import DataError
from ..base.messages import Message, message
from ..data import model
from ..data.field_types import models_in
from ..data.sitedata import SourceFile
from ..data.yamlread import Path_, render_path

_ALL_FIELD_NAMES: set[str] = set()


def _collect_field_names(cls: type[BaseModel], seen: set[type]) -> None:
    if cls in seen:
        return
    seen.add(cls)
    for name, info in cls.model_fields.items():
        _ALL_FIELD_NAMES.add(name)
        for sub in models_in(info.annotation):
            _collect_field_names(sub, seen)


for _cls in model.DATA_FILES.values():
    _collect_field_names(_cls, set())

# pydantic's own error types that take one plain sentence (messages.yaml: field.<type>)
_PLAIN_TYPES = {
    "string_type": "field.string_type",
    "list_type": "field.list_type",
    "dict_type": "field.dict_type",
    "bool_type": "field.bool_type",
    "bool_parsing": "field.bool_type",
    "int_type": "field.int_type",
    "int_parsing": "field.int_type",
    "string_too_short": "field.string_too_short",
    "none_required": "field.none_required",
    "string_pattern_mismatch": "field.string_pattern",
}


def plain_message(err: dict[str, Any]) -> Message:
    """One pydantic error in editors' words, Latvian and English."""
    kind = err["type"]
    ctx = err.get("ctx") or {}
    if isinstance(ctx.get("sitegen"), Message):  # our own checks (types._fail)
        return ctx["sitegen"]
    if kind == "missing":
        return message("field.missing", name=err["loc"][-1])
    if kind == "extra_forbidden":
        name = str(err["loc"][-1])
        if name.isdigit():
            return message("field.decimal_split", name=name)
        close = difflib.get_close_matches(name, sorted(_ALL_FIELD_NAMES), n=1, cutoff=0.75)
        if close:
            return message("field.unknown_close", name=name, close=close[0])
        return message("field.unknown", name=name)
    if kind in ("model_type", "model_attributes_type"):
        if ctx.get("class_name") == "Text":
            return message("field.text_not_group")
        return message("field.not_group")
    if kind == "literal_error":
        return message("field.literal", expected=ctx.get("expected", ""), value=err.get("input"))
    if kind == "union_tag_invalid":
        return message(
            "field.kind_unknown", expected=ctx.get("expected_tags", ""), value=ctx.get("tag")
        )
    if kind == "union_tag_not_found":
        return message("field.kind_missing", name=str(ctx.get("discriminator", "kind")).strip("'"))
    if kind == "too_short":
        return message("field.too_short", count=ctx.get("min_length", 1))
    if kind in _PLAIN_TYPES:
        got = err.get("input")
        shown = "" if isinstance(got, dict | list) or got is None else got
        suffix = message("field.got", value=shown) if shown != "" else ""
        return message(_PLAIN_TYPES[kind], got=suffix)
    detail = str(err.get("msg", "is not valid")).removeprefix("Value error, ")
    return message("field.other", detail=detail)


def data_path(loc: tuple[Any, ...], data: Any) -> tuple[Path_, bool]:
    """Turn a pydantic ``loc`` into the path in the YAML data (dropping union tags).

    Returns the path and whether the last element is a key that is absent from the data.
    """
    path: list[str | int] = []
    current = data
    for index, part in enumerate(loc):
        last = index == len(loc) - 1
        if (
            isinstance(current, dict)
            and isinstance(part, str)
            and part in current
            or isinstance(current, list)
            and isinstance(part, int)
            and 0 <= part < len(current)
        ):
            path.append(part)
            current = current[part]
        elif last and isinstance(part, str):
            return tuple(path) + (part,), True
        # else: a union member or model name that is not part of the data; skip it
    return tuple(path), False


def model_errors(source: SourceFile, exc: ValidationError) -> list[DataError]:
    """Every error of ``exc`` (raised validating ``source``) at its line, in plain words."""
    data = source.read.data
    errors = []
    for err in exc.errors(include_url=False):
        below = tuple((err.get("ctx") or {}).get("at") or ())
        path, absent = data_path(tuple(err["loc"]) + below, data)
        if absent and err["type"] == "missing":
            line, column = source.read.position(path[:-1])
            errors.append(
                DataError.of(source.name, line, column, render_path(path), plain_message(err))
            )
        elif (split := _split_decimal(path, data)) is not None:
            errors.append(source.where(*split))
        else:
            errors.append(
                source.where(path, plain_message(err), key=err["type"] == "extra_forbidden")
            )
    return errors


def _split_decimal(path: Path_, data: Any) -> tuple[Path_, Message] | None:
    """`{amount: 8,80}` reads as `amount: 8` and a field `80`: the error is given at
    `amount`, with the value as it was written."""
    if not path or not str(path[-1]).isdigit():
        return None
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    keys = list(parent) if isinstance(parent, dict) else []
    at = keys.index(path[-1]) if path[-1] in keys else 0
    if at == 0 or not str(parent[keys[at - 1]]).isdigit():
        return None
    name, whole, cents = keys[at - 1], parent[keys[at - 1]], path[-1]
    return (
        (*path[:-1], name),
        message("field.comma_split", name=name, whole=whole, cents=cents),
    )
