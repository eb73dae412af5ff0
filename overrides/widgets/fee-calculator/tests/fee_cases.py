"""The fee calculator's case table (``fee_cases.json`` beside this module) as models and rules.

The same cases run through the Python reference engine (``tests/test_fees.py``) and through
the widget in Chromium (``test_fee_calculator_browser.py``); they must agree to the cent.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from sitegen.data.model import Fee, LegalAct, MeasureUnit, Service
from sitegen.fees.fee_calculator import breakdown, calculate, error_message
from sitegen.fees.fee_rules import rules_json

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[3]
CASES_PATH = HERE / "fee_cases.json"
UI_PATH = ROOT / "overrides" / "sitegen" / "ui.yaml"


@cache
def raw() -> dict[str, Any]:
    return json.loads(CASES_PATH.read_text(encoding="utf-8"))


def cases() -> list[dict[str, Any]]:
    return raw()["cases"]


@cache
def services() -> dict[str, Service]:
    return {s["id"]: Service.model_validate(s) for s in raw()["services"]}


@cache
def fees() -> dict[str, Fee]:
    return {f["id"]: Fee.model_validate(f) for f in raw()["fees"]}


@cache
def units() -> dict[str, MeasureUnit]:
    """What the fixture's prices are per (as ``units`` in data/vocabulary.yaml)."""
    return {u["id"]: MeasureUnit.model_validate(u) for u in raw()["units"]}


@cache
def legal_acts() -> dict[str, LegalAct]:
    return {a["id"]: LegalAct.model_validate(a) for a in raw()["legal_acts"]}


def rules(fee_id: str, lang: str) -> dict[str, Any]:
    fee = fees()[fee_id]
    return rules_json(fee, services()[fee.service], lang, units())


def item(fee_id: str, item_id: str, lang: str) -> dict[str, Any]:
    return next(i for i in rules(fee_id, lang)["items"] if i["id"] == item_id)


@cache
def ui_strings() -> dict[str, dict[str, str]]:
    return yaml.safe_load(UI_PATH.read_text(encoding="utf-8"))


def messages(lang: str) -> dict[str, str]:
    return {key: value[lang] for key, value in ui_strings().items() if key.startswith("fee.")}


def python_result(case: dict[str, Any]) -> dict[str, Any]:
    """What the reference engine says for a case, in the shape the browser test compares."""
    lang = case["lang"]
    it = item(case["fee"], case["item"], lang)
    calc = calculate(it, case["inputs"], lang)
    msgs = messages(lang)
    return {
        "total": None if calc.total is None else format(calc.total, "f"),
        "errors": calc.errors,
        "messages": {f: error_message(code, f, it, lang, msgs) for f, code in calc.errors.items()},
        "breakdown": breakdown(calc, it, lang, msgs),
    }
