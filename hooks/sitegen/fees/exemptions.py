"""Which exemption from a share-of-income charge applies, from answers a person can give.

An exemption in the data may say when it applies (``model.ExemptionTest``): while the
months stayed in the last 12 are at most N, only if the service was not received in the
previous M months, or while the client is away for a justified reason. The calculator asks
only the questions these tests use:

* ``absent`` — were you away for a justified reason (and handed in the application and the
  documents)? ``yes`` / ``no``
* ``months`` — how many months have you stayed in the last 12, this month included? 0–12
* ``previous`` — did you receive the service in the previous M months? ``yes`` / ``no``

``decide`` checks each exemption in data order, its conditions in the order above, and
stops at the first condition that fails or is unanswered; so ``previous`` is asked for only
when the months are few enough to matter. The first exemption whose conditions all hold
applies. When none applies but one could not be decided, the missing answers are errors.
The widget (``fee-calculator.js``) follows the same steps; ``tests/fee_cases.json`` holds
both to the same answers.
"""

from __future__ import annotations

from typing import Any

from ..data.model import Exemption
from ..text.money import parse_number

MONTHS = 12  # the period the months are counted in
YES_NO = ("yes", "no")
QUESTIONS = ("absent", "months", "previous")


def tests_json(exemption: Exemption) -> dict[str, Any] | None:
    """The exemption's test as plain JSON for the page, or None when the data gives none."""
    test = exemption.applies
    if test is None:
        return None
    return {
        "justified_absence": test.justified_absence,
        "months_at_most": test.months_at_most,
        "none_in_previous_months": test.none_in_previous_months,
    }


def questions(exemptions: list[dict[str, Any]]) -> list[str]:
    """The questions the exemptions' tests need, in asking order."""
    asked = set()
    for e in exemptions:
        test = e.get("applies")
        if not test:
            continue
        if test["justified_absence"]:
            asked.add("absent")
        if test["months_at_most"] is not None:
            asked.add("months")
        if test["none_in_previous_months"] is not None:
            asked.add("previous")
    return [q for q in QUESTIONS if q in asked]


def previous_months(exemptions: list[dict[str, Any]]) -> int | None:
    """The M of "in the previous M months" for the question's wording."""
    return next(
        (
            e["applies"]["none_in_previous_months"]
            for e in exemptions
            if e.get("applies") and e["applies"]["none_in_previous_months"] is not None
        ),
        None,
    )


def _months(text: Any, lang: str) -> tuple[int | None, str]:
    value, error = parse_number("" if text is None else str(text), lang)
    if value is None:
        return None, error or "number"
    if value != value.to_integral_value():
        return None, "whole"
    if value > MONTHS:
        return None, "max"
    return int(value), ""


def _condition(
    name: str, test: dict[str, Any], inputs: dict[str, Any], lang: str
) -> tuple[bool | None, str]:
    """(holds, error) of one condition: holds is None when the answer is missing or bad."""
    if name == "absent":
        answer = inputs.get("absent")
        return (answer == "yes", "") if answer in YES_NO else (None, "choose")
    if name == "months":
        months, error = _months(inputs.get("months"), lang)
        return (months <= test["months_at_most"], "") if months is not None else (None, error)
    answer = inputs.get("previous")
    return (answer == "no", "") if answer in YES_NO else (None, "choose")


def decide(
    exemptions: list[dict[str, Any]], inputs: dict[str, Any], lang: str
) -> tuple[dict[str, Any] | None, dict[str, str]]:
    """(the exemption that applies or None, errors {question: code} that kept one undecided)."""
    errors: dict[str, str] = {}
    for e in exemptions:
        test = e.get("applies")
        if not test:
            continue
        wanted = {
            "absent": test["justified_absence"],
            "months": test["months_at_most"] is not None,
            "previous": test["none_in_previous_months"] is not None,
        }
        holds = True
        for name in QUESTIONS:
            if not wanted[name]:
                continue
            ok, error = _condition(name, test, inputs, lang)
            if ok is None:
                errors.setdefault(name, error)
                holds = False
                break
            if not ok:
                holds = False
                break
        if holds:
            return e, {}
    return None, errors
