"""The finder's case table (cases.md beside the widget) against the build's matching
(``sitegen.places.finder.Finder``, which writes the ``data-`` attributes the widget filters by).
The same table is run in Chromium by tests/test_finder_browser.py."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
from sitegen.checks.loader import load_data_dir
from sitegen.places.finder import Finder

from testsupport.data import DATA_DIR
from testsupport.finder_cases import expected, read_cases

WIDGET = Path(__file__).resolve().parents[1]
ROOT = WIDGET.parents[2]


DATA = load_data_dir(DATA_DIR).data
CASES = read_cases()


def test_case_table_covers_the_kinds_of_answer() -> None:
    assert len(CASES) >= 8
    outcomes = [expected(DATA, c["answers"]) for c in CASES]
    assert any(relaxed for _, _, relaxed in outcomes)  # nothing for the group: the others
    assert any(not shown for shown, _, _ in outcomes)  # nothing at all
    assert any(not c["answers"]["place"] for c in CASES)  # a question left unanswered


@pytest.mark.parametrize(
    "case", CASES, ids=lambda c: "-".join(v or "any" for v in c["answers"].values())
)
def test_case_matches_the_build(case: dict[str, Any]) -> None:
    shows, count, relaxed = expected(DATA, case["answers"])
    assert case["shows"] <= shows and case["relaxed"] == relaxed  # the table's entries
    finder = Finder(DATA)
    answers = {k: v or None for k, v in case["answers"].items()}
    found = finder.matching(**answers)
    assert len(found) == count
    if not found and answers["who"]:  # as the widget does: what matches the other answers
        found = finder.matching(place=answers["place"], need=answers["need"])
    assert {f"{e.kind}:{e.id}" for e in found} == shows


def test_the_independent_reading_sees_a_wrong_answer() -> None:
    """The reading is no copy of the finder's answer: a service whose category changes
    drops out of the need that asked for it, and the finder's count no longer equals it."""
    answers = {"place": "", "who": "", "need": "place-to-sleep"}
    before, _, _ = expected(DATA, answers)
    service_id = sorted(before)[0].split(":", 1)[1]
    service, provider_id = DATA.services[service_id]
    pf = DATA.providers[provider_id]
    services = [
        s.model_copy(update={"category": "money-and-benefits"}) if s.id == service_id else s
        for s in pf.services
    ]
    changed = dataclasses.replace(
        DATA,
        providers={**DATA.providers, provider_id: pf.model_copy(update={"services": services})},
    )
    after, count, _ = expected(changed, answers)
    assert f"service:{service_id}" in before and f"service:{service_id}" not in after
    assert count != len(Finder(DATA).matching(need="place-to-sleep"))
