"""The case table ``cases.json``: schedules, moments and the expected state lines.

Shared by the Python test (the reference computation in ``sitegen.hours.opening``) and the
Chromium test (the widget with a fixed clock): the same moments, the same expected words.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from pathlib import Path
from typing import Any

from sitegen.checks.loader import load_data_dir
from sitegen.data import model
from sitegen.data.calendar_file import CalendarFile, ProviderShortening
from sitegen.hours.calendar_lv import LatvianCalendar
from sitegen.hours.opening import Group, schedule_groups
from sitegen.text.ui_strings import load_ui_strings

from testsupport.data import DATA_DIR

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[3]
CASES = HERE / "cases.json"


def load_table() -> dict[str, Any]:
    return json.loads(CASES.read_text(encoding="utf-8"))


@cache
def strings() -> dict[str, dict[str, str]]:
    return load_ui_strings(ROOT / "overrides/sitegen/ui.yaml")


@cache
def default_data() -> Any:
    return load_data_dir(DATA_DIR).data


def calendar_for(table: dict[str, Any]) -> LatvianCalendar:
    """The default data's calendar, plus the providers the table gives their own rule."""
    data: CalendarFile = default_data().calendar
    extra = [ProviderShortening.model_validate(p) for p in table["shortening"]]
    shortened = data.shortened_days.model_copy(
        update={"providers": [*data.shortened_days.providers, *extra]}
    )
    return LatvianCalendar(data.model_copy(update={"shortened_days": shortened}))


def group_for(table: dict[str, Any], name: str) -> Group:
    entry = table["schedules"][name]  # written in the table, never read from data/
    schedules = [model.Schedule.model_validate(s) for s in entry["schedules"]]
    (group,) = schedule_groups(schedules, entry.get("provider"))
    return group


def moment(case: dict[str, Any]) -> dt.datetime:
    return dt.datetime.fromisoformat(case["at"])
