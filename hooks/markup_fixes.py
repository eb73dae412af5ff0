"""MkDocs hook — three fixes to markup that no theme block reaches.

* Material writes its drawer and search toggles as ``<input type="checkbox"
  autocomplete="off">``; HTML allows ``autocomplete`` on text-like inputs only, so the Nu HTML
  Checker reports it on every page. The attribute is removed from the drawer's toggle. The
  search toggle (``#__search``) is removed whole: the theme's search is off (the site's own
  search is widgets/search), so nothing names, shows or uses it, and a second accessibility
  engine (HTML_CodeSniffer) reports it on every page as a form control without a name.
  Material's navigation also writes a table-of-contents toggle (``#__toc``) for the current
  page even when the page has no contents to list and so no ``<label for="__toc">``: that
  unnamed checkbox is removed too (the toggle stays where its label is).
* Material's ``site_meta`` block writes mkdocs-static-i18n's per-page language alternates as
  ``<link rel="alternate" hreflang>`` in the head; Material's script then fetches
  ``sitemap.xml`` beside each of them (it expects language roots), and every page logs two
  404 errors in the console. Without a ``site_url`` the links are relative, which hreflang
  does not allow either. They are removed: the language switcher links each page to its
  counterpart, and ``sitemap.xml`` carries the same pairs for search engines.
* mkdocs-static-i18n builds every language into the same site folder, so the last language
  built (English) overwrites the single ``404.html`` (ultrabug/mkdocs-static-i18n#284, #349).
  The site's first language is Latvian: the 404 page rendered by the Latvian build is kept.

Each fix fails loudly: an HTML page rendered from Material's main template (every page, and
the 404 page) that does not hold exactly the markup a fix expects — two toggles, one link per
language alternate — stops the build with a message, as does a build that renders no 404 page
or a 404 page of another language before the first language's. After a Material or
mkdocs-static-i18n upgrade that changes this markup, the fix has to be looked at again.
"""

from __future__ import annotations

import re
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

TOGGLE = re.compile(r'(<input class="md-toggle"[^>]*?type="checkbox"[^>]*?) autocomplete="off"')
TOGGLES = 2  # Material's base.html: the drawer toggle and the search toggle
# each with its line end; the spaces and tabs before it go too (_drop_lines)
TOC_TOGGLE = re.compile(r'<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">\n?')
SEARCH_TOGGLE = re.compile(
    r'<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search">\n?'
)
HREFLANG_LINK = re.compile(r'<link rel="alternate" href="[^"]*" hreflang="[^"]*">\n?')
NOT_FOUND = "404.html"

_kept: dict[str, str] = {}  # the first language's 404 page, kept for the later builds
_rendered: set[str] = set()  # templates rendered in the build under way


def _mismatch(where: str, what: str, found: int, expected: int, fix: str) -> PluginError:
    return PluginError(
        f"markup_fixes.py: {where} holds {found} {what}, expected {expected}. The markup "
        f"that Material (or mkdocs-static-i18n) writes has changed, perhaps after an upgrade: "
        f"{fix} in hooks/markup_fixes.py."
    )


def _alternates(config: MkDocsConfig) -> int:
    """How many ``<link rel="alternate" hreflang>`` Material writes: one per language
    alternate, when ``extra.alternate`` is a list (mkdocs-static-i18n sets it)."""
    alternate: Any = config.extra.get("alternate")
    return len(alternate) if isinstance(alternate, list | tuple) else 0


def fix_page(html: str, where: str, config: MkDocsConfig) -> str:
    """Both fixes to a page rendered from Material's main template; ``where`` (its file in
    the site) names it in the error when the markup to fix is not all there."""
    html, toggles = TOGGLE.subn(r"\1", html)
    if toggles != TOGGLES:
        raise _mismatch(
            where,
            'Material toggles <input class="md-toggle" type="checkbox" autocomplete="off">',
            toggles,
            TOGGLES,
            "update TOGGLE (or TOGGLES)",
        )
    html, searches = _drop_lines(html, SEARCH_TOGGLE)
    if searches != 1:
        raise _mismatch(
            where,
            'search toggles <input class="md-toggle" data-md-toggle="search" id="__search">',
            searches,
            1,
            "update SEARCH_TOGGLE",
        )
    if 'for="__toc"' not in html:  # nothing opens it: an unnamed control
        html, _ = _drop_lines(html, TOC_TOGGLE)
    html, links = _drop_lines(html, HREFLANG_LINK)
    expected = _alternates(config)
    if links != expected:
        raise _mismatch(
            where,
            '<link rel="alternate" href hreflang> links',
            links,
            expected,
            "update HREFLANG_LINK",
        )
    return html


def _drop_lines(html: str, pattern: re.Pattern[str]) -> tuple[str, int]:
    """Every match of ``pattern`` removed with the spaces and tabs before it on its line, and
    how many. (A pattern starting ``[ \t]*`` did the same, but tried every position of a
    long page, 0.5 ms a page each; these start with the literal ``<``.)"""
    parts, last, count = [], 0, 0
    for match in pattern.finditer(html):
        start = match.start()
        while start > last and html[start - 1] in " \t":
            start -= 1
        parts.append(html[last:start])
        last = match.end()
        count += 1
    parts.append(html[last:])
    return "".join(parts), count


def _build_language(config: MkDocsConfig) -> str:
    return str(config.theme["language"])


def _default_language(config: MkDocsConfig) -> str:
    i18n = config.plugins.get("i18n")
    return str(i18n.default_language) if i18n is not None else _build_language(config)


def keep_first_404(html: str, config: MkDocsConfig) -> str:
    """The 404 page of the first (default) language, whichever language is being built."""
    language, first = _build_language(config), _default_language(config)
    if language == first:  # mkdocs-static-i18n builds it first, every build
        _kept[NOT_FOUND] = html
        return html
    if NOT_FOUND not in _kept:
        raise PluginError(
            f"markup_fixes.py: the {language} build rendered {NOT_FOUND} before the {first} "
            f"build did, so there is no {first} 404 page to keep (has mkdocs-static-i18n "
            "changed the order it builds the languages in?)."
        )
    return _kept[NOT_FOUND]


# --- MkDocs events -------------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """overrides/main.html's scripts block loads only the site's own widgets' scripts (the
    WIDGETS table, sitegen/sitemap/widgets.py), not Material's nor ``extra_javascript``: a script set
    there would be dropped without a word, so the build refuses it."""
    if config.extra_javascript:
        raise PluginError(
            "mkdocs.yml sets extra_javascript, but overrides/main.html's scripts block loads "
            "only the site's own widgets (WIDGETS in hooks/sitegen/sitemap/widgets.py), so the script "
            "would be dropped: add it as a widget under overrides/widgets/ and to WIDGETS."
        )
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    _rendered.clear()


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return fix_page(output, page.file.dest_uri, config)


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    _rendered.add(template_name)
    if template_name != NOT_FOUND:  # sitemap.xml: not a page of Material's main template
        return output
    return keep_first_404(fix_page(output, template_name, config), config)


def on_post_build(config: MkDocsConfig) -> None:
    if NOT_FOUND not in _rendered:
        raise PluginError(
            f"markup_fixes.py: the {_build_language(config)} build rendered no {NOT_FOUND} "
            "(is it still among Material's static templates?), so there is no 404 page to "
            "keep for every language."
        )
