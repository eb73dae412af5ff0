"""Load and validate the whole ``data/`` directory in one pass.

``load_data_dir(path)`` reads every data file, checks it against the model, then checks
the rules that span files, and returns either the validated ``SiteData`` or every problem
as a ``DataError`` (file:line:column, field path, plain reason). It never raises for bad
data. Results are cached by the bytes of the files, so the two language builds and the
live-reload rebuilds do not validate twice.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from dataclasses import dataclass, field
from fnmatch import fnmatch
from functools import cached_property
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from . import model
from .errors import DataError
from .yamlread import Path_, ReadResult, read_yaml, render_path

_ALL_FIELD_NAMES: set[str] = set()


def _collect_field_names(cls: type[BaseModel], seen: set[type]) -> None:
    if cls in seen:
        return
    seen.add(cls)
    for name, info in cls.model_fields.items():
        _ALL_FIELD_NAMES.add(name)
        for sub in _model_classes(info.annotation):
            _collect_field_names(sub, seen)


def _model_classes(annotation: Any) -> list[type[BaseModel]]:
    import typing

    found: list[type[BaseModel]] = []
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    for arg in typing.get_args(annotation):
        found.extend(_model_classes(arg))
    return found


for _cls in model.DATA_FILES.values():
    _collect_field_names(_cls, set())


@dataclass
class SourceFile:
    name: str  # e.g. data/providers/vecruzina-centre.yaml
    read: ReadResult
    obj: Any = None  # the validated model object

    def where(self, path: Path_, message: str, *, key: bool = False) -> DataError:
        line, column = self.read.position(path, key=key)
        return DataError(self.name, line, column, render_path(path), message)


@dataclass
class PendingText:
    file: str
    line: int
    path: str
    language: str


@dataclass
class SiteData:
    site: model.SiteFile
    vocabulary: model.VocabularyFile
    legal_acts: dict[str, model.LegalAct]
    providers: dict[str, model.ProviderFile]
    reports: dict[str, model.ReportFile]
    pending: list[PendingText] = field(default_factory=list)
    places: model.PlacesFile | None = None  # data/places.yaml (hooks/sitegen/places.py)
    finder: model.FinderFile | None = None  # data/finder.yaml (hooks/sitegen/finder.py)
    sources: dict[str, str] = field(default_factory=dict)  # object key -> file name

    # derived look-ups, made once: the loaded data is never changed afterwards
    @cached_property
    def services(self) -> dict[str, tuple[model.Service, str]]:
        return {s.id: (s, pid) for pid, pf in self.providers.items() for s in pf.services}

    @cached_property
    def fees(self) -> dict[str, tuple[model.Fee, str]]:
        return {f.id: (f, pid) for pid, pf in self.providers.items() for f in pf.fees}

    @cached_property
    def locations(self) -> dict[str, model.Location]:
        return {loc.id: loc for pf in self.providers.values() for loc in pf.locations}

    @cached_property
    def categories(self) -> dict[str, model.Category]:
        return {c.id: c for c in self.vocabulary.categories}

    @cached_property
    def audiences(self) -> dict[str, model.Audience]:
        return {a.id: a for a in self.vocabulary.audiences}


@dataclass
class LoadResult:
    data: SiteData | None
    errors: list[DataError]
    files: list[str]
    pending: list[PendingText] = field(default_factory=list)


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


def _plain_message(err: dict[str, Any]) -> str:
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


def _data_path(loc: tuple[Any, ...], data: Any) -> tuple[Path_, bool]:
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


def _validate_file(source: SourceFile, cls: type[BaseModel]) -> list[DataError]:
    data = source.read.data
    if not isinstance(data, dict):
        return [source.where((), "the file must be a group of fields (lines of `name: value`)")]
    try:
        source.obj = cls.model_validate(data)
    except ValidationError as exc:
        errors = []
        for err in exc.errors(include_url=False):
            below = tuple((err.get("ctx") or {}).get("at") or ())
            path, absent = _data_path(tuple(err["loc"]) + below, data)
            if absent and err["type"] == "missing":
                line, column = source.read.position(path[:-1])
                errors.append(
                    DataError(source.name, line, column, render_path(path), _plain_message(err))
                )
            elif (split := _split_decimal(path, data)) is not None:
                errors.append(source.where(*split))
            else:
                errors.append(
                    source.where(path, _plain_message(err), key=err["type"] == "extra_forbidden")
                )
        return errors
    return []


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


def _fingerprint(paths: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(str(path).encode())
        try:
            digest.update(path.read_bytes())
        except OSError as err:
            digest.update(repr(err).encode())
    return digest.hexdigest()


def data_files(data_dir: Path) -> list[Path]:
    return sorted(p for p in data_dir.rglob("*") if p.is_file() and not p.name.startswith("."))


_CACHE: dict[str, LoadResult] = {}


def load_data_dir(data_dir: Path | str, *, display_root: Path | None = None) -> LoadResult:
    data_dir = Path(data_dir)
    files = data_files(data_dir) if data_dir.is_dir() else []
    key = f"{data_dir.resolve()}|{_fingerprint(files)}"
    if key in _CACHE:
        return _CACHE[key]
    result = _load(data_dir, files, display_root)
    _CACHE.clear()  # keep only the latest: live reload must not grow memory
    _CACHE[key] = result
    return result


def _pattern_for(relative: str) -> str | None:
    """Which entry of ``model.DATA_FILES`` a file (relative to data/) belongs to."""
    for pattern in model.DATA_FILES:
        if relative.count("/") == pattern.count("/") and fnmatch(relative, pattern):
            return pattern
    return None


def _display_name(path: Path, data_dir: Path, display_root: Path | None) -> str:
    root = display_root if display_root is not None else data_dir.parent
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _load(data_dir: Path, files: list[Path], display_root: Path | None) -> LoadResult:
    from .rules import check_site

    errors: list[DataError] = []
    names = [_display_name(p, data_dir, display_root) for p in files]
    if not data_dir.is_dir():
        return LoadResult(
            None, [DataError(str(data_dir), 1, 1, "", "the data folder does not exist")], []
        )

    by_pattern: dict[str, list[SourceFile]] = {pattern: [] for pattern in model.DATA_FILES}
    for path, name in zip(files, names, strict=True):
        relative = path.relative_to(data_dir).as_posix()
        pattern = _pattern_for(relative)
        if pattern is None:
            expected = ", ".join(model.DATA_FILES)
            errors.append(
                DataError(name, 1, 1, "", f"this file is not a known data file (known: {expected})")
            )
            continue
        source = SourceFile(name, read_yaml(path.read_bytes(), name))
        errors.extend(source.read.errors)
        by_pattern[pattern].append(source)
        if source.read.data is None:
            continue
        # a file with read errors (e.g. a duplicate key) is still checked, so that one
        # pass reports everything; it can never be published because the errors remain
        errors.extend(_validate_file(source, model.DATA_FILES[pattern]))

    for pattern, sources in by_pattern.items():
        if (
            "*" not in pattern
            and not sources
            and not any(e.file.endswith("/" + pattern) or e.file == pattern for e in errors)
        ):
            errors.append(
                DataError(
                    f"{_display_name(data_dir, data_dir, display_root)}/{pattern}",
                    1,
                    1,
                    "",
                    "this data file is missing",
                )
            )

    valid = {
        pattern: [s for s in sources if s.obj is not None]
        for pattern, sources in by_pattern.items()
    }
    invalid = [s for sources in by_pattern.values() for s in sources if s.obj is None]
    errors.extend(check_site(valid, invalid))
    pending = _pending_texts([s for group in by_pattern.values() for s in group])
    if errors:
        return LoadResult(None, sorted(set(errors)), names, pending)

    def one(pattern: str) -> Any:
        return valid[pattern][0].obj

    providers = {s.obj.provider.id: s.obj for s in valid["providers/*.yaml"]}
    reports = {s.obj.id: s.obj for s in valid["reports/*.yaml"]}
    data = SiteData(
        site=one("site.yaml"),
        vocabulary=one("vocabulary.yaml"),
        legal_acts={a.id: a for a in one("legal-acts.yaml").legal_acts},
        providers=providers,
        reports=reports,
        pending=pending,
        places=one("places.yaml"),
        finder=one("finder.yaml"),
    )
    return LoadResult(data, [], names, pending)


def _pending_texts(sources: list[SourceFile]) -> list[PendingText]:
    found: list[PendingText] = []

    def walk(node: Any, path: Path_, source: SourceFile) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("pending"), str) and ("lv" in node or "en" in node):
                line, _ = source.read.position(path + ("pending",), key=True)
                found.append(PendingText(source.name, line, render_path(path), node["pending"]))
            for key, value in node.items():
                walk(value, path + (key,), source)
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, path + (index,), source)

    for source in sources:
        walk(source.read.data, (), source)
    return sorted(found, key=lambda p: (p.file, p.line))
