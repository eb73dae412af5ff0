"""MkDocs hook — list, on every build, the pages whose facts are not checked with the
institution (or not in the last 12 months), and how many editors' doubts are open.

Only informational lines: a strict build does not fail on them. ``make doubts`` lists the
doubts themselves (hooks/sitegen/sources.py).
"""

from __future__ import annotations

import datetime as dt

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from sitegen.loader import load_data_dir
from sitegen.site_config import data_dir, project_root
from sitegen.sources import find_doubts, stale_pages

log = get_plugin_logger("sitegen")
_reported: set[str] = set()  # the second language build reports nothing new


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    result = load_data_dir(data_dir(config), display_root=project_root(config))
    if result.data is None:
        return config  # load_data.py has stopped the build with the errors
    lines = stale_pages(result.data, dt.date.today())
    doubts = find_doubts(data_dir(config), project_root(config))
    key = "\n".join(lines) + f"\n{len(doubts)}"
    if key in _reported:
        return config
    _reported.add(key)
    for line in lines:
        log.info(f"facts not checked: {line}")
    if doubts:
        log.info(f"{len(doubts)} editors' doubts (verify: notes) are open; run `make doubts`")
    return config
