"""Editors' doubts and "checked on": the ``verify:`` notes, and the pages whose facts are not
checked with the institution (the sources themselves are ``data/sources.yaml``, read by the
model; "source" alone means those documents).

* (every ``source``/``sources`` id must name a source of ``data/sources.yaml``: declared
  with ``RefTo("source")`` on the model's fields and checked by ``cross_checks.py`` like every id)
* ``find_doubts`` — every ``verify:`` note in the data, for ``make doubts``;
* ``stale_pages`` — pages whose facts were never checked with the institution, or not
  in the last 12 months (listed by ``make doubts`` and on every build).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..data.yamlread import Path_, read_yaml, render_path

SOURCES_FILE = "sources.yaml"
MAX_AGE = dt.timedelta(days=365)


@dataclass(frozen=True)
class Doubt:
    file: str
    line: int
    path: str
    text: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.path}: {self.text}"


def find_doubts(data_dir: Path, display_root: Path) -> list[Doubt]:
    """Every ``verify:`` note under ``data_dir``, in file and line order."""
    found: list[Doubt] = []
    for path in sorted(data_dir.rglob("*.yaml")):
        try:
            name = path.resolve().relative_to(display_root.resolve()).as_posix()
        except ValueError:
            name = path.as_posix()
        found += _file_doubts(name, path.read_bytes())
    return found


@lru_cache(maxsize=256)
def _file_doubts(name: str, raw: bytes) -> tuple[Doubt, ...]:
    """The ``verify:`` notes of one file (each build of each language asks again: read once
    while the file is unchanged). A key is spelt ``verify`` in the file's bytes, or escaped
    in a double-quoted key (a backslash): a file with neither has none, and is not read."""
    if b"verify" not in raw and b"\\" not in raw:
        return ()
    found: list[Doubt] = []
    read = read_yaml(raw, name)

    def walk(node: Any, at: Path_) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "verify" and isinstance(value, str):
                    line, _ = read.position(at + (key,), key=True)
                    found.append(Doubt(name, line, render_path(at) or "(file)", value))
                else:
                    walk(value, at + (key,))
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, at + (index,))

    walk(read.data, ())
    return tuple(found)


def stale_pages(data: Any, today: dt.date) -> list[str]:
    """Providers whose facts are unchecked or older than 12 months, with their pages."""
    lines = []
    for pid, pf in data.providers.items():
        pages = f"providers/{pid}/ and {len(pf.services)} service page(s)"
        checked = pf.provider.checked
        if checked is None:
            lines.append(f"{pages}: not yet checked with the institution")
        elif today - dt.date.fromisoformat(checked) > MAX_AGE:
            lines.append(f"{pages}: last checked with the institution on {checked}")
    return lines
