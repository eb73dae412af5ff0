"""MkDocs hook 4 of 5 — three fixes to markup that no theme block reaches.

* Material writes its drawer and search toggles as ``<input type="checkbox"
  autocomplete="off">``; HTML allows ``autocomplete`` on text-like inputs only, so the Nu HTML
  Checker reports it on every page. The attribute is removed from those two toggles.
* Material's ``site_meta`` block writes mkdocs-static-i18n's per-page language alternates as
  ``<link rel="alternate" hreflang>`` in the head; Material's script then fetches
  ``sitemap.xml`` beside each of them (it expects language roots), and every page logs two
  404 errors in the console. Without a ``site_url`` the links are relative, which hreflang
  does not allow either. They are removed: the language switcher links each page to its
  counterpart, and ``sitemap.xml`` carries the same pairs for search engines.
* mkdocs-static-i18n builds every language into the same site folder, so the last language
  built (English) overwrites the single ``404.html`` (ultrabug/mkdocs-static-i18n#284, #349).
  The site's first language is Latvian: the 404 page rendered by the Latvian build is kept.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

TOGGLE = re.compile(r'(<input class="md-toggle"[^>]*?type="checkbox"[^>]*?) autocomplete="off"')

_kept: dict[str, str] = {}


HREFLANG_LINK = re.compile(r'[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">\n?')


def _fix(html: str) -> str:
    return HREFLANG_LINK.sub("", TOGGLE.sub(r"\1", html))


def _build_language(config: MkDocsConfig) -> str:
    return str(config.theme["language"])


def _default_language(config: MkDocsConfig) -> str:
    i18n = config.plugins.get("i18n")
    return str(i18n.default_language) if i18n is not None else _build_language(config)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return _fix(output)


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    output = _fix(output)
    if template_name != "404.html":
        return output
    if _build_language(config) == _default_language(config):  # built first, every build
        _kept["404.html"] = output
        return output
    return _kept.get("404.html", output)
