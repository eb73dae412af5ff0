"""What the hostile rounds share for cases that change a whole project folder (data,
hand-written pages, mkdocs.yml): the case, the project copy, the page under test, what
`python -m sitegen validate` reports in process, the check that a case is refused at its
``file:line`` in plain words (Latvian from the catalogue first), and the command line's
problem lines read as one text each."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sitegen.base.errors import DataError
from sitegen.checks.content_pages import check_content
from sitegen.checks.loader import load_data_dir
from sitegen.checks.site_config import check_config_file

from conftest import FIXTURE_SITE, ROOT

NOT_PLAIN = re.compile(
    r"Traceback|Error\b|pydantic|Decimal\(|datetime\.|<class|object at 0x|\bNone\b|\n|/etc/"
)
CODE_AND_NAME = re.compile(r"U\+[0-9A-F]{4,6} [A-Z][A-Z -]+")
PAGE = "content/lv/hostile.md"
FRONT = "---\ntitle: Naidīgs\n---\n\n# Naidīgs\n\n"


def error_line(*roots: str) -> re.Pattern[str]:
    """``file:line:column field: reason`` for a file under one of ``roots``."""
    names = "|".join(re.escape(root) for root in roots)
    return re.compile(rf"^({names})(/[^:]+)?:\d+:\d+: (?:[\w.\[\]-]+: )?\S.*$")


@dataclass(frozen=True)
class Case:
    id: str
    category: str
    file: str  # the name the message must carry, e.g. data/site.yaml or content/lv/x.md
    words: tuple[str, ...]
    line: int
    change: Callable[[Path], None]  # changes the project folder
    invisible: bool = False  # the message must name the character by code and name


def project(tmp_path: Path, *, config: bool = False) -> Path:
    """The fixture data and the real pages (and, with ``config``, the real mkdocs.yml)."""
    root = tmp_path / "project"
    shutil.copytree(FIXTURE_SITE / "data", root / "data")
    shutil.copytree(ROOT / "content", root / "content")
    if config:
        shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    return root


def page(text: str | bytes) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        raw = text.encode("utf-8") if isinstance(text, str) else text
        (root / PAGE).write_bytes(raw)

    return change


def errors_of(root: Path) -> list[DataError]:
    """What `python -m sitegen validate data` reports for the project, in process."""
    result = load_data_dir(root / "data", display_root=root)
    errors = [*result.errors, *check_content(root / "content", "content")]
    if (root / "mkdocs.yml").exists():
        errors += check_config_file(root / "mkdocs.yml", "mkdocs.yml")
    return errors


def check_refused(case: Case, errors: list[DataError], line_form: re.Pattern[str]) -> None:
    shown = [e.english_line for e in errors]
    assert shown, f"{case.id}: accepted"
    for text in shown:
        assert line_form.match(text), f"{case.id}: not `file:line:col: reason`: {text!r}"
        assert not NOT_PLAIN.search(text), f"{case.id}: not plain: {text!r}"
    matching = [
        e for e in errors if e.file == case.file and all(w in e.message for w in case.words)
    ]
    assert matching, f"{case.id}: no message with {case.words} about {case.file}: {shown}"
    assert any(e.line == case.line for e in matching), f"{case.id}: line {case.line}: {shown}"
    assert all(e.lv and e.lv != e.message for e in matching), "Latvian first, from the catalogue"
    if case.invisible:
        assert any(CODE_AND_NAME.search(e.message) for e in matching), shown


def reported(stderr: str, where: str) -> list[str]:
    """The command line's problems at ``where`` ("data/x.yaml:12:"), each its Latvian line and
    the English line under it joined into one text."""
    lines = [text.strip() for text in stderr.splitlines()]
    return [
        f"{text} {english}"
        for text, english in zip(lines, lines[1:], strict=False)
        if text.startswith(where)
    ]
