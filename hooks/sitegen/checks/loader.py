"""Load and validate the whole ``data/`` directory in one pass.

``load_data_dir(path)`` reads every data file, checks it against the model, then checks
the rules that span files, and returns either the validated ``SiteData`` or every problem
as a ``DataError`` (file:line:column, field path, plain reason). It never raises for bad
data. Results are cached by the bytes of the files, so the two language builds and the
live-reload rebuilds do not validate twice.
"""

from __future__ import annotations

import hashlib
from fnmatch import fnmatch
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from ..base.errors import DataError
from ..base.languages import LANGUAGES
from ..base.messages import message
from ..base.today import build_date
from ..data import model
from ..data.sitedata import LoadResult, PendingText, SiteData, SourceFile
from ..data.source_files import NotRegular, read_regular, regular_files
from ..data.yamlread import MAX_FILE_BYTES, Path_, ReadResult, read_yaml, render_path
from .cross_checks import check_site
from .validation_messages import model_errors


def _validate_file(source: SourceFile, cls: type[BaseModel]) -> list[DataError]:
    data = source.read.data
    if not isinstance(data, dict):
        return [source.where((), message("load.not_a_group"))]
    try:
        source.obj = cls.model_validate(data)
    except ValidationError as exc:
        return model_errors(source, exc)
    return []


def _fingerprint(paths: list[Path], refused: list[DataError]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(str(path).encode())
        try:
            digest.update(read_regular(path, MAX_FILE_BYTES))
        except NotRegular as err:
            digest.update(err.reason.en.encode())
    for problem in refused:
        digest.update(str(problem).encode())
    return digest.hexdigest()


def data_files(data_dir: Path) -> list[Path]:
    """The regular files of ``data_dir`` (links and special files are refused by ``_load``)."""
    return regular_files(data_dir, "data")[0]


_CACHE: dict[str, LoadResult] = {}


def load_data_dir(data_dir: Path | str, *, display_root: Path | None = None) -> LoadResult:
    data_dir = Path(data_dir)
    if data_dir.is_symlink():  # nothing from outside the repository
        shown = _display_name(data_dir.parent, data_dir, display_root)
        name = f"{shown}/{data_dir.name}" if shown not in (".", "") else data_dir.name
        return LoadResult(None, [DataError.of(name, 1, 1, "", message("load.data_symlink"))], [])
    shown = _display_name(data_dir, data_dir, display_root)
    files, refused = regular_files(data_dir, shown) if data_dir.is_dir() else ([], [])
    # the result depends on the files, the names errors are shown by and the build day
    # (a `checked:` date may not lie in the future: data_checks.py)
    key = f"{data_dir.resolve()}|{display_root}|{build_date()}|{_fingerprint(files, refused)}"
    if key in _CACHE:
        return _CACHE[key]
    result = _load(data_dir, files, display_root, refused)
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


def _load(
    data_dir: Path, files: list[Path], display_root: Path | None, refused: list[DataError]
) -> LoadResult:
    errors: list[DataError] = list(refused)
    # names from the folder's own path: a file is never shown as what a link points to
    shown = _display_name(data_dir, data_dir, display_root)
    names = [f"{shown}/{p.relative_to(data_dir).as_posix()}" for p in files]
    if not data_dir.is_dir():
        return LoadResult(
            None, [DataError.of(str(data_dir), 1, 1, "", message("load.no_data_folder"))], []
        )

    by_pattern: dict[str, list[SourceFile]] = {pattern: [] for pattern in model.DATA_FILES}
    reads: dict[str, tuple[bytes, ReadResult]] = {}
    for path, name in zip(files, names, strict=True):
        relative = path.relative_to(data_dir).as_posix()
        pattern = _pattern_for(relative)
        if pattern is None:
            expected = ", ".join(model.DATA_FILES)
            errors.append(
                DataError.of(name, 1, 1, "", message("load.unknown_file", known=expected))
            )
            continue
        try:
            raw = read_regular(path, MAX_FILE_BYTES)
        except NotRegular as err:  # replaced by a link or a pipe since the listing
            errors.append(DataError.of(name, 1, 1, "", err.reason))
            continue
        source = SourceFile(name, read_yaml(raw, name))
        errors.extend(source.read.errors)
        if not source.read.errors and source.read.data is not None:
            reads[name] = (raw, source.read)
        by_pattern[pattern].append(source)
        if source.read.data is None:
            continue
        # a file with read errors (e.g. a duplicate key) is still checked, so that one
        # pass reports everything; it can never be published because the errors remain
        errors.extend(_validate_file(source, model.DATA_FILES[pattern]))

    for pattern, sources in by_pattern.items():
        if (
            "*" not in pattern
            and pattern not in model.OPTIONAL_DATA_FILES
            and not sources
            and not any(e.file.endswith("/" + pattern) or e.file == pattern for e in errors)
        ):
            errors.append(
                DataError.of(
                    f"{_display_name(data_dir, data_dir, display_root)}/{pattern}",
                    1,
                    1,
                    "",
                    message("load.missing_file"),
                )
            )

    valid = {
        pattern: [s for s in sources if s.obj is not None]
        for pattern, sources in by_pattern.items()
    }
    invalid = {
        pattern: [s for s in sources if s.obj is None] for pattern, sources in by_pattern.items()
    }
    errors.extend(check_site(valid, invalid))
    pending = _pending_texts([s for group in by_pattern.values() for s in group])
    if errors:
        return LoadResult(None, sorted(set(errors)), names, pending, reads)

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
        calendar=one("calendar.yaml"),
        pending=pending,
        terms=[t for s in valid["terms.yaml"] for t in s.obj.terms],
        source_docs={d.id: d for s in valid["sources.yaml"] for d in s.obj.sources},
        places=one("places.yaml"),
        finder=one("finder.yaml"),
    )
    return LoadResult(data, [], names, pending, reads)


def _pending_texts(sources: list[SourceFile]) -> list[PendingText]:
    found: list[PendingText] = []

    def walk(node: Any, path: Path_, source: SourceFile) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("pending"), str) and any(lang in node for lang in LANGUAGES):
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
