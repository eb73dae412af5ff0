"""The checks only ``make validate`` runs, besides the model and the rules: the YAML style
of each data file (``style.py``, yamllint's rules in ``.yamllint``) and the language of each
text (``language_check.py``, lingua). They need slower libraries than the build does, so
the build leaves them to the data check of the pull request; results are kept between runs
by content (``check_cache``), so an unchanged file costs nothing.
"""

from __future__ import annotations

from pathlib import Path

from ..base.errors import DataError
from ..data.yamlread import ReadResult
from .check_cache import ResultCache
from .language_check import MIN_CONFIDENCE, MIN_WORDS, language_problems, lingua_version
from .style import style_problems, yamllint_version

ROOT = Path(__file__).resolve().parents[3]  # the repository, whose .yamllint is the default
CACHE_FILE = Path("build") / "validate-cache.json"


def lint_data(
    reads: dict[str, tuple[bytes, ReadResult]], project: Path, *, cache_file: Path | None = None
) -> list[DataError]:
    """Style and language problems of the data files the reader could parse (shown name ->
    bytes and what was read: ``LoadResult.reads``); a file the reader refuses is left to the
    reader's own message."""
    config = project / ".yamllint"
    if not config.is_file():
        config = ROOT / ".yamllint"
    salt = (
        f"yamllint {yamllint_version()}; lingua {lingua_version()}; "
        f"language {MIN_WORDS} words, {MIN_CONFIDENCE}"
    )
    cache = ResultCache(project / CACHE_FILE if cache_file is None else cache_file, salt)
    files = sorted(reads.items())
    errors = style_problems([(name, raw) for name, (raw, _) in files], config, cache)
    errors += language_problems([(name, read) for name, (_, read) in files], cache)
    cache.save()
    return errors
