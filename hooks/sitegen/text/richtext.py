"""The small Markdown subset allowed in data texts, rendered to safe HTML.

Allowed: paragraphs, line breaks, **bold**, *italic*, bullet and numbered lists, and links
whose address starts with https:, http:, mailto: or tel:. Any raw HTML an editor (or an
attacker) writes is removed by nh3 (the Ammonia sanitiser): tags outside the list are
dropped, <script>/<style> with their content, every attribute except a link's href.
A numbered list is only one the editor numbered 1, 2, 3 …; "2017. gadā …" at the start of
a paragraph stays text (``ordinals.py``).
"""

from __future__ import annotations

import re
from functools import lru_cache

import markdown
import nh3

from .ordinals import OrdinalsExtension

ALLOWED_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"https", "http", "mailto", "tel"}


# "2017. " or "- " at the start of a line, which Markdown would read as a list item
LIST_START = re.compile(r"^(\s*\d+|\s*)([.)\-*+]\s)", re.MULTILINE)

_PARSER = markdown.Markdown(extensions=[OrdinalsExtension()], output_format="html")


_KEPT_LINK = re.compile(r"^(?:https?://[^/\\]|mailto:|tel:)", re.IGNORECASE)


def _absolute_links_only(element: str, attribute: str, value: str) -> str | None:
    """Only https:, http:, mailto: and tel: addresses are kept (docs/data-format.md):
    a relative ``//host/x`` or ``/\\host/x`` is an external link in a browser and is dropped,
    like any other address without one of these schemes."""
    if element == "a" and attribute == "href":
        return value if _KEPT_LINK.match(value.strip()) else None
    return value


# A link of the subset, [text](address), and the characters that start anything beyond the
# subset (images, reference links, code spans). Python-Markdown is quadratic or worse on
# long runs of unclosed "[", "![a](" or "<a " (20 KB of "[a " took two minutes): raw HTML
# is removed and these characters escaped first, in one linear pass each, so the parser
# never searches for a closing bracket that is not there.
_LINK = r"\[[^\[\]\n]{0,1000}\]\((?:[^()\s]|\([^()\s]{0,200}\)){1,2000}\)"
_SUBSET = re.compile(rf"(?P<image>!{_LINK})|(?P<link>{_LINK})|(?P<other>[\[\]`!])")


# Characters the parser must take as text are swapped for private-use characters (which
# the data reader refuses, so no text has them) and swapped back after sanitising: each
# backslash escape or entity would otherwise be one more inline match, and Python-Markdown
# rebuilds the paragraph's string for every match.
_AS_TEXT = {"[": "\ue000", "]": "\ue001", "`": "\ue002", "!": "\ue003"}
_ENTITIES = {
    "&lt;": "\ue004",
    "&gt;": "\ue005",
    "&amp;": "\ue006",
    "&quot;": "\ue007",
    "&#39;": "\ue008",
}
_ENTITY = re.compile("|".join(map(re.escape, _ENTITIES)))
_BACK = {
    **{place: char for char, place in _AS_TEXT.items()},
    **{place: entity for entity, place in _ENTITIES.items()},
}
_PLACEHOLDER = re.compile("[\ue000-\ue008]")


def _escape_beyond_subset(text: str) -> str:
    text = nh3.clean(text, tags=set(), strip_comments=True)  # raw HTML out, its text kept
    text = _ENTITY.sub(lambda m: _ENTITIES[m[0]], text)
    return _SUBSET.sub(_subset_or_text, text)


def _subset_or_text(match: re.Match[str]) -> str:
    if match["image"]:
        return ""  # images are removed completely: nothing is loaded from another website
    return match["link"] or _AS_TEXT[match["other"]]


@lru_cache(maxsize=8192)
def render_markdown(text: str) -> str:
    """Markdown subset -> sanitised HTML (pure; cached, since texts repeat across pages)."""
    html = _PARSER.reset().convert(_escape_beyond_subset(text or ""))
    html = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        attribute_filter=_absolute_links_only,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
    return _PLACEHOLDER.sub(lambda m: _BACK[m[0]], html)


@lru_cache(maxsize=8192)
def render_inline(text: str) -> str:
    """Like ``render_markdown`` for one line: the outer paragraph is removed. A line that
    starts like a list item ("2017. gadā …", "- …") is text here, not a list."""
    html = render_markdown(LIST_START.sub(r"\1\\\2", text or "")).strip()
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return html


# --- hand-written pages (content/) ---------------------------------------------------------

PAGE_TAGS = ALLOWED_TAGS | {
    *("h1", "h2", "h3", "h4", "h5", "h6", "hr", "blockquote", "code", "pre", "kbd"),
    *("table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td"),
    *("abbr", "div", "span", "img", "dl", "dt", "dd", "details", "summary", "figure"),
    *("figcaption", "sup", "sub", "small", "b", "i", "s", "del", "ins", "mark", "time"),
}
PAGE_ATTRIBUTES = {
    "*": {"id", "class", "title", "lang"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "details": {"open"},
    "time": {"datetime"},
}
_LEAVES_SITE = re.compile(r"^\s*(?://|/\\|\\)")
_EXTERNAL = re.compile(r"^\s*[a-z][a-z0-9+.-]*:", re.IGNORECASE)


def _page_address(element: str, attribute: str, value: str) -> str | None:
    """Links: the data's schemes or a page of this site (not ``//host``); images: files of
    this site only (no request to a third party)."""
    if attribute == "href":
        return None if _LEAVES_SITE.match(value) else value
    if attribute == "src":
        return None if _LEAVES_SITE.match(value) or _EXTERNAL.match(value) else value
    return value


def clean_page_html(html: str) -> str:
    """A hand-written page's HTML with the data texts' rules: no script, no handler, no
    style, links with https:, http:, mailto:, tel: or to this site (defence in depth:
    ``content_pages`` refuses such pages with file and line before this runs)."""
    return nh3.clean(
        html,
        tags=PAGE_TAGS,
        attributes=PAGE_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        attribute_filter=_page_address,
        link_rel=None,
        strip_comments=True,
    )
