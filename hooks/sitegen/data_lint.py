"""The checks only ``make validate`` runs, besides the model and the rules: the YAML style
of each data file (``style.py``, yamllint's rules in ``.yamllint``) and the language of each
text (``language_check.py``, lingua). They need slower libraries than the build does, so
the build leaves them to the data check of the pull request; results are kept between runs
by content (``check_cache``), so an unchanged file costs nothing.
"""

from __future__ import annotations

from pathlib import Path

from .check_cache import ResultCache
from .errors import DataError
from .language_check import MIN_CONFIDENCE, MIN_WORDS, language_problems, lingua_version
from .source_files import NotRegular, read_regular
from .style import style_problems, yamllint_version
from .yamlread import MAX_FILE_BYTES, ReadResult, read_yaml

ROOT = Path(__file__).resolve().parents[2]  # the repository, whose .yamllint is the default
CACHE_FILE = Path("build") / "validate-cache.json"


def lint_data(
    files: list[Path], names: list[str], project: Path, *, cache_file: Path | None = None
) -> list[DataError]:
    """Style and language problems of the data files (``files`` shown as ``names``); a file
    the data reader refuses is left to the reader's own message."""
    config = project / ".yamllint"
    if not config.is_file():
        config = ROOT / ".yamllint"
    salt = (
        f"yamllint {yamllint_version()}; lingua {lingua_version()}; "
        f"language {MIN_WORDS} words, {MIN_CONFIDENCE}"
    )
    cache = ResultCache(project / CACHE_FILE if cache_file is None else cache_file, salt)
    readable: list[tuple[str, bytes]] = []
    parsed: list[tuple[str, ReadResult]] = []
    for path, name in zip(files, names, strict=True):
        try:
            raw = read_regular(path, MAX_FILE_BYTES)
        except NotRegular:
            continue
        read = read_yaml(raw, name)
        if read.errors or read.data is None:
            continue
        readable.append((name, raw))
        parsed.append((name, read))
    errors = style_problems(readable, config, cache) + language_problems(parsed, cache)
    cache.save()
    return errors
