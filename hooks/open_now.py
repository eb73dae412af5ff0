"""MkDocs hook — the "open now" timelines: one JSON file for the whole site.

on_post_build writes ``widgets/open-now/hours.json`` (``{key: timeline}``, 13 months of
states from the build date, see ``sitegen.hours.opening``) into the site folder; the pages point
at one timeline in it as ``hours.json#<key>`` from ``overrides/widgets/open-now/open-now.html``,
so a page fetches it once and the browser keeps it across pages. The weekly scheduled build in
``.github/workflows/ci.yml`` keeps the window from running out.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from sitegen.checks.loader import load_data_dir
from sitegen.checks.site_config import data_dir, project_root
from sitegen.hours.opening import HOURS_FILE, build_date, write_timelines
from sitegen.text.ui_strings import load_ui_strings


def on_files(files: Files, config: MkDocsConfig) -> Files:
    # the widget's README, partials and tests are sources, not site files
    for theme_file in list(files):
        uri = theme_file.src_uri
        if uri.startswith("widgets/open-now/") and not uri.endswith((".js", ".css")):
            files.remove(theme_file)
    return files


def on_post_build(config: MkDocsConfig) -> None:
    root = project_root(config)
    data = load_data_dir(data_dir(config), display_root=root).data
    if data is None:
        return
    strings = load_ui_strings(root / "overrides/sitegen/ui.yaml")
    write_timelines(data, strings, Path(config.site_dir) / "widgets" / HOURS_FILE, build_date())
