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


@lru_cache(maxsize=8192)
def render_markdown(text: str) -> str:
    """Markdown subset -> sanitised HTML (pure; cached, since texts repeat across pages)."""
    html = _PARSER.reset().convert(text or "")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


@lru_cache(maxsize=8192)
def render_inline(text: str) -> str:
    """Like ``render_markdown`` for one line: the outer paragraph is removed. A line that
    starts like a list item ("2017. gadā …", "- …") is text here, not a list."""
    html = render_markdown(LIST_START.sub(r"\1\\\2", text or "")).strip()
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return html
