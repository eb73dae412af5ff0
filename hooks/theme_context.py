"""MkDocs hook — what every page's theme template gets: its helpers, its widgets, the help box.

Adds to the template context of every page: ``sitegen`` (the page's PageContext),
``page_lang`` ("lv"/"en"; ``lang`` is taken by Material's translation macros), ``ui(key)``,
``widget_url(path)`` and ``sitegen_help`` (the "Need help?" box, in the same place on every
page, the 404 page included, with the contacts of the page's provider); and to the theme's
environment ``sitegen_widgets(kind, html)``, the widgets a page loads (sitegen/sitemap/widgets.py).
"""

from __future__ import annotations

from typing import Any

from jinja2 import Environment
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from sitegen.base.languages import LANGUAGES
from sitegen.checks.loader import load_data_dir
from sitegen.checks.site_config import data_dir, project_root
from sitegen.pages.page_context import PageContext
from sitegen.sitemap.widgets import page_widgets
from sitegen.text.ui_strings import load_ui_strings
from sitegen.theme.compiled_templates import share

_build: dict[str, Any] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = project_root(config)
    _build.clear()
    _build["data"] = load_data_dir(data_dir(config), display_root=root).data
    _build["ui"] = load_ui_strings(root / "overrides/sitegen/ui.yaml")
    _build["help"] = {}
    return config


def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any]:
    first = page.file.src_uri.split("/", 1)[0]
    lang = first if first in LANGUAGES else LANGUAGES[0]
    helper = PageContext(_build["data"], lang, page.url, _build["ui"])
    # the help box is rendered with the page helpers; only a few names join Material's
    # context, since Material itself uses names such as `lang` and `provider`
    # the box differs by language, by how deep the page is (its relative links) and by
    # the providers the page belongs to (their contacts; none: each provider's main one)
    providers = _page_providers(helper, page)
    key = (lang, page.url.count("/"), providers)
    if key not in _build["help"]:
        _build["help"][key] = _help_box(helper, providers)
    context.update(
        sitegen=helper,
        page_lang=lang,
        ui=helper.ui,
        widget_url=helper.widget_url,
        sitegen_help=_build["help"][key],
    )
    return context


def on_template_context(
    context: dict[str, Any], template_name: str, config: MkDocsConfig
) -> dict[str, Any]:
    """The 404 page gets the help box and the footer too (in the site's first language): a
    resident who followed a broken link needs the phone numbers most, and a footer with
    nothing in it is an empty landmark. It is served at any address, so its links start
    from the site's base path, as MkDocs' own links on that page do."""
    if template_name != "404.html" or _build.get("data") is None:
        return context
    lang = LANGUAGES[0]
    helper = PageContext(_build["data"], lang, "", _build["ui"], base=context["base_url"])
    context["sitegen_help"] = _help_box(helper)
    context["sitegen"] = helper  # for the footer (partials/footer.html)
    return context


def _page_providers(helper: PageContext, page: Page) -> tuple[str, ...]:
    from sitegen.pages.page_facts import PageFacts

    return PageFacts(helper).page_providers(
        page.meta.get("sitegen_page"), page.meta.get("sitegen_id")
    )


def _help_box(helper: PageContext, providers: tuple[str, ...] = ()) -> Markup:
    """The "Need help?" box rendered with a page's helpers (its language and its links)
    for the page's providers (none: a page about everything, and the 404 page)."""
    template = _build["env"].get_template("sitegen/partials/help.html")
    return Markup(template.render(**helper.as_template_context(), help_providers=providers))


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    share(env)  # templates compiled once per run (sitegen/theme/compiled_templates.py)
    env.globals["sitegen_widgets"] = page_widgets  # main.html: the page's widgets' assets
    _build["env"] = share(env.overlay(autoescape=True))  # the help box shows data: escape it
    return env
