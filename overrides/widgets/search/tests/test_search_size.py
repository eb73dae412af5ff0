"""The search widget's own script and style, loaded on every page, stay within 6 KB gzipped
(Pagefind's script and index are loaded only when a resident searches)."""

from __future__ import annotations

from pathlib import Path

from scripts.widget_size import BUDGETS, measure

WIDGET = Path(__file__).resolve().parent.parent


def test_search_widget_within_budget() -> None:
    sizes = {name: gz for name, _, gz in measure(WIDGET)}
    assert set(sizes) == {"search.js", "search.css"}  # the partials are templates, not shipped
    assert sum(sizes.values()) <= BUDGETS["search"] == 6 * 1024
