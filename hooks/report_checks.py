"""MkDocs hook — list, on every build, the pages whose facts are not checked with the
institution (or not in the last 12 months), how many editors' doubts are open, and the
years the open-now hours reach for which no moved working days are listed (a reminder to
enter the Cabinet's order for the year in ``data/calendar.yaml``).

Only informational lines: a strict build does not fail on them. ``make doubts`` lists the
doubts themselves (hooks/sitegen/checks/doubts.py).
"""

from __future__ import annotations

import datetime as dt

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from sitegen.checks.doubts import find_doubts, stale_pages
from sitegen.checks.loader import load_data_dir
from sitegen.checks.site_config import data_dir, project_root
from sitegen.hours.calendar_checks import LIBRARY_VERSION, years_without_moves
from sitegen.hours.opening import WINDOW_MONTHS, add_months, build_date

log = get_plugin_logger("sitegen")
_reported: set[str] = set()  # the second language build reports nothing new


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    result = load_data_dir(data_dir(config), display_root=project_root(config))
    if result.data is None:
        return config  # load_data.py has stopped the build with the errors
    lines = stale_pages(result.data, dt.date.today())
    doubts = find_doubts(data_dir(config), project_root(config))
    today = build_date()
    years = years_without_moves(result.data.calendar, today, add_months(today, WINDOW_MONTHS))
    key = "\n".join(lines) + f"\n{len(doubts)}\n{years}"
    if key in _reported:
        return config
    _reported.add(key)
    for line in lines:
        log.info(f"facts not checked: {line}")
    if doubts:
        log.info(f"{len(doubts)} editors' doubts (verify: notes) are open; run `make doubts`")
    for year in years:
        log.info(
            f"calendar: no moved working days are listed for {year} (data/calendar.yaml, "
            f"holidays {LIBRARY_VERSION}); when the Cabinet's order on moving working days "
            f"in {year} is out, add its moves to data/calendar.yaml"
        )
    return config
