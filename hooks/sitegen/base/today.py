"""The build's "today": the date in Riga, or ``SITEGEN_TODAY`` (YYYY-MM-DD) for a
reproducible build. The "open now" timelines, the open data and the data check (a
`checked:` date may not lie in the future) all count from it."""

from __future__ import annotations

import datetime as dt
import os
from zoneinfo import ZoneInfo

RIGA = ZoneInfo("Europe/Riga")


def build_date() -> dt.date:
    """Today in Riga, or ``SITEGEN_TODAY`` (YYYY-MM-DD) for a reproducible build."""
    fixed = os.environ.get("SITEGEN_TODAY")
    return dt.date.fromisoformat(fixed) if fixed else dt.datetime.now(RIGA).date()
