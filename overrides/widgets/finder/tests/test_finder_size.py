"""The finder widget's script and style stay within 3 KB gzipped."""

from __future__ import annotations

from pathlib import Path

from scripts.widget_size import BUDGETS, measure

WIDGET = Path(__file__).resolve().parent.parent


def test_finder_within_budget() -> None:
    files = measure(WIDGET)
    assert {name for name, _, _ in files} == {"finder.js", "finder.css"}
    assert sum(gz for _, _, gz in files) <= BUDGETS["finder"] == 3 * 1024
