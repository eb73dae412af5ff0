"""The interface strings (``overrides/sitegen/ui.yaml``): every label a page shows, by key and
language, read once per change of the file."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

# the file, from the repository's root
UI_STRINGS = Path(__file__).resolve().parents[3] / "overrides" / "sitegen" / "ui.yaml"


def load_ui_strings(path: Path) -> dict[str, dict[str, str]]:
    stat = path.stat()
    return _ui_strings(str(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=4)
def _ui_strings(path: str, mtime_ns: int, size: int) -> dict[str, dict[str, str]]:
    """ui.yaml, read again only when it changes (each build reads it once per language)."""
    with open(path, encoding="utf-8") as handle:
        return yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
