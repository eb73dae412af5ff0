"""The WIDGETS table (hooks/sitegen/sitemap/widgets.py) against the widget folders and the page kinds:
every folder under overrides/widgets/ is a row, every row's files exist, its page kinds are
kinds of page, and main.html loads what the table says (no widget found by its own rule)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sitegen.sitemap.page_kinds import PAGE_KINDS
from sitegen.sitemap.widgets import WIDGETS, Widget, page_widgets

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "overrides" / "widgets"


def table_problems(widgets: tuple[Widget, ...]) -> list[str]:
    problems = []
    folders = {p.name for p in FOLDER.iterdir() if p.is_dir()}
    names = [w.name for w in widgets]
    problems += [f"overrides/widgets/{n}/ is not in WIDGETS" for n in sorted(folders - set(names))]
    problems += [f"WIDGETS names {n}, which has no folder" for n in sorted(set(names) - folders)]
    for w in widgets:
        for ext, wanted in (("css", w.style), ("js", w.script)):
            if wanted and not (FOLDER / w.name / f"{w.name}.{ext}").is_file():
                problems.append(f"{w.name}: no {w.name}/{w.name}.{ext}")
        problems += [f"{w.name}: no page kind {k}" for k in sorted(w.kinds - set(PAGE_KINDS))]
        if not (w.every_page or w.kinds or w.marker):
            problems.append(f"{w.name}: loaded on no page")
    return problems


def test_the_table_matches_the_folders_and_page_kinds() -> None:
    assert table_problems(WIDGETS) == []


def test_a_wrong_row_is_named() -> None:
    broken = (*WIDGETS[1:], Widget("sparkles", kinds=frozenset({"gallery"})))
    problems = table_problems(broken)
    assert "overrides/widgets/site/ is not in WIDGETS" in problems
    assert "WIDGETS names sparkles, which has no folder" in problems
    assert "sparkles: no page kind gallery" in problems


def test_a_page_loads_what_the_table_says() -> None:
    plain = page_widgets(None, "<p>text</p>")
    assert plain.loaded == {w.name for w in WIDGETS if w.every_page}
    service = page_widgets("service", '<div data-open-now="x"></div>')
    assert {"print", "open-now"} <= service.loaded and "finder" not in service.loaded
    assert service.scripts.index("open-now/open-now.js") < service.scripts.index("print/print.js")
    assert "print/print.css" not in service.styles  # a media=print link, not inlined


def test_main_html_reads_the_table_only() -> None:
    main = (ROOT / "overrides" / "main.html").read_text(encoding="utf-8")
    assert "sitegen_widgets(" in main
    # no widget is found by a test of its own in the template
    assert not re.search(r'"data-[\w-]+" in page\.content|sitegen_page in \(', main)
