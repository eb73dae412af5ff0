"""Pydantic's validation errors in the words editors read, at the line they concern.

``model_errors`` turns a ``ValidationError`` of one data file into ``DataError``s: the
pydantic location becomes the path in the YAML (union members dropped), the error type a
plain sentence ("the required field `name` is missing", "unknown field `sumary`; did you
mean `summary`?"), Python's spelling of values (``Decimal('8.8')``, ``None``) the
editor's, and a decimal comma that YAML split in two is reported at the amount.
"""

from __future__ import annotations

import difflib
import re
from typing import Any

from pydantic import BaseModel, ValidationError

from . import model
from .errors import DataError
from .sitedata import SourceFile
from .types import models_in
from .yamlread import Path_, render_path

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

_PLAIN_MESSAGES = {
    "string_type": "must be text",
    "list_type": "must be a list (lines starting with '- ')",
    "dict_type": "must be a group of fields (lines of `name: value`)",
    "bool_type": "must be true or false",
    "bool_parsing": "must be true or false",
    "int_type": "must be a whole number",
    "int_parsing": "must be a whole number",
    "string_too_short": "must not be empty",
    "none_required": "must be left empty",
}


# Python's spelling of values, as repr() shows them, in the words editors read
_REPRS = re.compile(
    r"Decimal\('([^']*)'\)|datetime\.date\((\d+), (\d+), (\d+)\)|(?<![\w'])None(?![\w'])"
)


def _readable(match: re.Match[str]) -> str:
    if match[1] is not None:
        return match[1]
    if match[2] is not None:
        return f"{int(match[2]):04d}-{int(match[3]):02d}-{int(match[4]):02d}"
    return "an empty value"


def plain_message(err: dict[str, Any]) -> str:
    return _REPRS.sub(_readable, _message(err))


def _message(err: dict[str, Any]) -> str:
    kind = err["type"]
    ctx = err.get("ctx") or {}
    if kind == "missing":
        return f"the required field `{err['loc'][-1]}` is missing"
    if kind == "extra_forbidden":
        name = str(err["loc"][-1])
        if name.isdigit():
            return (
                f"unknown field `{name}`: a number with a decimal comma inside {{ }} is split "
                f"in two (8,{name} reads as 8 and {name}); write it with a point, e.g. 8.{name}"
            )
        close = difflib.get_close_matches(name, sorted(_ALL_FIELD_NAMES), n=1, cutoff=0.75)
        hint = f"; did you mean `{close[0]}`?" if close else "; check the spelling or remove it"
        return f"unknown field `{name}`{hint}"
    if kind in ("model_type", "model_attributes_type"):
        if ctx.get("class_name") == "Text":
            return (
                "must be a text in both languages: write `lv:` and `en:` on their own lines below"
            )
        return "must be a group of fields (lines of `name: value`), not a single value"
    if kind == "literal_error":
        return f"must be one of: {ctx.get('expected', '')} (got {err.get('input')!r})"
    if kind in ("union_tag_invalid",):
        return f"`kind` must be one of: {ctx.get('expected_tags', '')} (got {ctx.get('tag')!r})"
    if kind == "union_tag_not_found":
        return f"the field `{ctx.get('discriminator', 'kind').strip(chr(39))}` is missing"
    if kind == "too_short":
        need = ctx.get("min_length", 1)
        return f"must list at least {need} item{'s' if need != 1 else ''}"
    if kind in _PLAIN_MESSAGES:
        got = err.get("input")
        suffix = "" if isinstance(got, dict | list) or got is None else f" (got {got!r})"
        return _PLAIN_MESSAGES[kind] + suffix
    message = str(err.get("msg", "is not valid"))
    return message.removeprefix("Value error, ")


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
                DataError(source.name, line, column, render_path(path), plain_message(err))
            )
        elif (split := _split_decimal(path, data)) is not None:
            errors.append(source.where(*split))
        else:
            errors.append(
                source.where(path, plain_message(err), key=err["type"] == "extra_forbidden")
            )
    return errors


def _split_decimal(path: Path_, data: Any) -> tuple[Path_, str] | None:
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
        f"{name} '{whole},{cents}' uses a decimal comma, which splits it in two inside {{ }}; "
        f"write it with a point: {whole}.{cents}",
    )
