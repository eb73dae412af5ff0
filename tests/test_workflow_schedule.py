"""The weekly scheduled build: the "open now" timelines cover 13 months from the build date
(sitegen.hours.opening.WINDOW_MONTHS), so main is rebuilt and published every week."""

from __future__ import annotations

import re
from typing import Any

import yaml
from sitegen.hours.opening import WINDOW_MONTHS

from conftest import ROOT

CI = ROOT / ".github/workflows/ci.yml"


def load(text: str) -> dict[str, Any]:
    doc = yaml.safe_load(text)
    if True in doc:  # YAML 1.1 reads the key `on` as true
        doc["on"] = doc.pop(True)
    return doc


def schedule_problems(doc: dict[str, Any]) -> list[str]:
    crons = [entry.get("cron", "") for entry in (doc["on"].get("schedule") or [])]
    weekly = [c for c in crons if re.fullmatch(r"\d+ \d+ \* \* [0-6]", c)]
    problems = [] if weekly else [f"no weekly `schedule:` cron (found {crons})"]
    for name, job in doc["jobs"].items():
        if "deploy" in name and "github.event_name == 'schedule'" not in str(job.get("if")):
            problems.append(f"job {name} does not publish the scheduled build")
    return problems


def test_ci_is_rebuilt_every_week() -> None:
    assert WINDOW_MONTHS >= 1  # a week's gap is far inside the window
    assert schedule_problems(load(CI.read_text(encoding="utf-8"))) == []


def test_check_fails_without_the_schedule() -> None:
    text = CI.read_text(encoding="utf-8")
    broken = re.sub(r"  schedule:\n    - cron: [^\n]*\n", "", text)
    assert broken != text
    assert "no weekly `schedule:` cron" in schedule_problems(load(broken))[0]
