"""MkDocs hook 3 of 3 — what every page's theme template needs for the widgets.

Adds to the template context of every page the helpers of the page's ``PageContext``
(``t``, ``ui``, ``widget_url``, ``speak`` …), ``sitegen`` (the PageContext itself) and
``page_lang`` ("lv"/"en"): ``lang`` itself is taken by Material's translation macros.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from sitegen.loader import load_data_dir
from sitegen.render import PageContext, load_ui_strings
from sitegen.site_config import data_dir, project_root
from sitegen.types import LANGUAGES

_build: dict[str, Any] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = project_root(config)
    _build.clear()
    _build["data"] = load_data_dir(data_dir(config), display_root=root).data
    _build["ui"] = load_ui_strings(root / "overrides/sitegen/ui.yaml")
    return config


def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any]:
    first = page.file.src_uri.split("/", 1)[0]
    lang = first if first in LANGUAGES else LANGUAGES[0]
    helper = PageContext(_build["data"], lang, page.url, _build["ui"])
    helpers = helper.as_template_context()
    del helpers["lang"]  # taken by Material's translation macros
    context.update(helpers, sitegen=helper, page_lang=lang)
    return context
