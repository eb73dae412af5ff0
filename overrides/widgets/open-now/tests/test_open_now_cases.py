"""The case table in Python: the reference computation (``sitegen.hours.opening.state_at``) gives
every expected state line, in both languages, and the next change."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from open_now_cases import calendar_for, group_for, load_table, moment, strings
from sitegen.hours.opening import State, riga, state_at

TABLE = load_table()


def test_the_table_is_big_enough_and_covers_the_kinds() -> None:
    cases = TABLE["cases"]
    assert len(cases) >= 40
    assert {c["schedule"] for c in cases} == set(TABLE["schedules"])
    words = " ".join(c["lv"] for c in cases)
    for needle in (
        "pusdienu pārtraukums līdz",
        "Līgo diena",
        "saīsināta darba diena",
        "pārcelta darba diena",
        "pārcelta brīvdiena",
        "(brīvdiena)",
        "visu diennakti",
        "nav norādīts, kurās dienās",
        "Sezonu datumi avotā nav norādīti",
    ):
        assert needle in words, needle


def _answer(case: dict[str, Any]) -> State:
    group = group_for(TABLE, case["schedule"])
    return state_at(group, calendar_for(TABLE), strings(), moment(case))


@pytest.mark.parametrize("case", TABLE["cases"], ids=lambda c: f"{c['at']} {c['schedule']}")
def test_reference_answer(case: dict[str, Any]) -> None:
    state = _answer(case)
    assert state.text == {"lv": case["lv"], "en": case["en"]}, case["why"]
    expected = dt.datetime.fromisoformat(case["next"]) if case["next"] else None
    assert state.next_change == expected, case["why"]
    if expected is not None:  # the offset written in the table is Riga's at that moment
        assert riga(expected).utcoffset() == expected.utcoffset()


def test_a_wrong_expectation_fails() -> None:
    """The comparison can fail: Līgo day is not an ordinary Wednesday."""
    case = next(c for c in TABLE["cases"] if "Līgo day 2027" in c["why"])
    assert _answer(case).text["lv"] != "Slēgts; atver rīt 8.00"
    assert _answer(dict(case, at="2027-06-16T10:00+03:00")).text["lv"].startswith("Atvērts")
