"""The finder's case table (cases.md beside the widget) against the build's matching
(``sitegen.finder.Finder``, which writes the ``data-`` attributes the widget filters by).
The same table is run in Chromium by tests/test_finder_browser.py."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sitegen.finder import Finder
from sitegen.loader import load_data_dir

WIDGET = Path(__file__).resolve().parents[1]
ROOT = WIDGET.parents[2]


def read_cases() -> list[dict[str, Any]]:
    """Rows of cases.md: answers, the entries shown, the count, whether it is relaxed."""
    rows = []
    for line in (WIDGET / "cases.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 5 or cells[0] in ("place", "---"):
            continue
        place, who, need, shows, count = cells
        rows.append(
            {
                "answers": {"place": place, "who": who, "need": need},
                "shows": set(shows.replace("(relaxed)", "").split()),
                "count": int(count),
                "relaxed": "(relaxed)" in shows,
            }
        )
    return rows


CASES = read_cases()


def test_case_table_covers_the_kinds_of_answer() -> None:
    assert len(CASES) >= 8
    assert any(c["relaxed"] for c in CASES)  # nothing for the group: the other answers
    assert any(c["count"] == 0 and not c["shows"] for c in CASES)  # nothing at all
    assert any(not c["answers"]["place"] for c in CASES)  # a question left unanswered


@pytest.mark.parametrize(
    "case", CASES, ids=lambda c: "-".join(v or "any" for v in c["answers"].values())
)
def test_case_matches_the_build(case: dict[str, Any]) -> None:
    finder = Finder(load_data_dir(ROOT / "data").data)
    answers = {k: v or None for k, v in case["answers"].items()}
    found = finder.matching(**answers)
    assert len(found) == case["count"]
    if not found and answers["who"]:  # as the widget does: what matches the other answers
        found = finder.matching(place=answers["place"], need=answers["need"])
    assert {f"{e.kind}:{e.id}" for e in found} == case["shows"]
