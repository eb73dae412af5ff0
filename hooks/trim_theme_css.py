"""MkDocs hook — Material's stylesheet with only the rules the built pages can use (issue 16).

``on_post_build`` runs once over the whole site, after mkdocs-static-i18n has built the other
languages (priority -110, as the search index; it does nothing in those nested builds), and
rewrites ``assets/stylesheets/main.<hash>.min.css`` in the folder being built with
``sitegen.theme.css_trim.trim_stylesheet`` over every built page. The file keeps its name, so every
page's link stays as the theme wrote it. When the stylesheet is not there (a new Material
release renamed it) the build stops with a PluginError rather than publish a site whose
styles it did not check. ``SITEGEN_FULL_THEME_CSS=1`` leaves the stylesheet whole (the
tests compare the two).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from sitegen.theme.css_trim import trim_stylesheet

log = logging.getLogger("mkdocs.hooks.trim_theme_css")

STYLESHEET_GLOB = "assets/stylesheets/main.*.min.css"


@event_priority(-110)  # after mkdocs-static-i18n has built the other languages
def on_post_build(config: MkDocsConfig) -> None:
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return  # a nested build of one language: the outer build trims for the whole site
    if os.environ.get("SITEGEN_FULL_THEME_CSS") == "1":
        return
    site = Path(config.site_dir)
    found = sorted(site.glob(STYLESHEET_GLOB))
    if len(found) != 1:
        raise PluginError(
            f"trim_theme_css: expected one Material stylesheet {STYLESHEET_GLOB} in the built "
            f"site, found {len(found)}; check the theme's version before publishing"
        )
    sheet = found[0]
    pages = [p.read_text("utf-8") for p in sorted(site.rglob("*.html"))]
    trimmed, report = trim_stylesheet(sheet.read_text("utf-8"), pages)
    sheet.write_text(trimmed, "utf-8")
    log.info(
        f"theme stylesheet: {report.rules_after} of {report.rules_before} rules kept "
        f"({report.bytes_before // 1024} KB -> {report.bytes_after // 1024} KB)"
    )
