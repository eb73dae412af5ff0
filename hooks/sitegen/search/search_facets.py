"""What the search index learns about each page (issue 11): its kind, weight, meta, filters.

``search_page`` describes one page for Pagefind; the template partial
``overrides/widgets/search/page.html`` writes it as ``data-pagefind-*`` attributes and
``hooks/search_index.py`` passes it to the template. Everything about the index is declared
here once:

* ``KIND_OF`` — the search kind of each generated page kind (hand-written pages are "page");
* ``WEIGHT`` — service, benefit and provider pages rank above lists and reports (the widget
  multiplies Pagefind's score of the first results by the page's meta "weight");
* ``META`` — what each result shows besides its title (provider, place);
* ``FILTERS`` — the filters offered in the search dialog, each a function of the page.
  Adding a filter (place, need — with the finder, issue 10) is one line here and its label
  ``search.filter.<name>`` in ``overrides/sitegen/ui.yaml``.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..data.provenance import resolve
from .latvian_stem import stems

KIND_OF: dict[str, str] = {
    "service": "service",
    "benefit": "benefit",
    "provider": "provider",
    "report": "report",
    "services": "list",
    "providers": "list",
    "reports": "list",
    "prices": "list",
    "calculator": "list",
    "benefits": "list",
    "finder": "list",
    "place": "list",
    "need": "list",
    "open-data": "list",
}
DEFAULT_KIND = "page"  # home, accessibility statement
WEIGHT: dict[str, float] = {
    "service": 2.0,
    "benefit": 2.0,
    "provider": 1.5,
    "list": 1.0,
    "page": 0.8,
    "report": 0.5,
}
STEM_WEIGHT = 0.5  # the hidden stems count less than the words as written
STEM_LANGS = frozenset({"lv"})  # Pagefind stems English itself
# first word of the hidden stems block: the widget cuts a page's text there for its excerpts
# (search.js, STEM_MARKER); Pagefind's own excerpt would often show the stems
STEM_MARKER = "sgstems"


TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Facts:
    """The page as the facets see it: its kind, item and language, and the data helpers."""

    kind: str  # search kind: service, provider, report, list, page
    page_kind: str | None  # the generated page kind (sitegen_page), None for hand-written
    item_id: str | None
    helper: Any  # the page's PageContext: t(), service(), service_provider(), location(), data


def _provider_name(f: Facts) -> str:
    h = f.helper
    if f.page_kind == "service" and f.item_id:
        return h.t(h.service_provider(f.item_id).provider.name)
    if f.page_kind == "provider" and f.item_id:
        return h.t(h.provider(f.item_id).provider.name)
    if f.page_kind == "benefit" and f.item_id:
        return h.t(h.provider(h.data.benefits[f.item_id][1]).provider.name)
    if f.page_kind == "report" and f.item_id:
        return h.t(h.provider(h.data.reports[f.item_id].provider).provider.name)
    return ""


def _place(f: Facts) -> str:
    h = f.helper
    places: list[Any] = []
    if f.page_kind == "service" and f.item_id:
        # where the service is given (provenance.py): its own places or its office's; a
        # provider's office is where one asks, not the service's town
        places = [
            o.value for o in resolve(h.data, f.item_id).locations if o.owner.source != "provider"
        ]
    elif f.page_kind == "provider" and f.item_id:
        places = [h.location(i) for i in h.provider(f.item_id).provider.locations]
    towns = dict.fromkeys(loc.town for loc in places)
    return " · ".join(towns)


def _kind_label(f: Facts) -> str:
    return f.helper.ui(f"search.kind.{f.kind}")


META: dict[str, Callable[[Facts], str]] = {"provider": _provider_name, "place": _place}
FILTERS: dict[str, Callable[[Facts], str]] = {
    "kind": _kind_label,
    "provider": _provider_name,
}


@dataclass(frozen=True)
class SearchPage:
    kind: str
    weight: float
    meta: dict[str, str]
    filters: dict[str, str]
    stems: str  # space-separated stems of the page's words (Latvian pages), else ""
    stem_weight: float = STEM_WEIGHT
    stem_marker: str = STEM_MARKER


def _clean(value: str) -> str:
    """Pagefind reads ``key:value`` attributes; a comma would start another pair."""
    return " ".join(value.replace(",", " ").split())


def search_page(
    helper: Any, lang: str, page_kind: str | None, item_id: str | None, text: str
) -> SearchPage:
    """The search facts of one page; ``text`` is the page's title and content (HTML ok)."""
    kind = KIND_OF.get(page_kind or "", DEFAULT_KIND)
    facts = Facts(kind, page_kind, item_id, helper)
    meta = {k: _clean(v) for k, fn in META.items() if (v := fn(facts))}
    filters = {k: _clean(v) for k, fn in FILTERS.items() if (v := fn(facts))}
    words = " ".join(stems(html.unescape(TAG.sub(" ", text)))) if lang in STEM_LANGS else ""
    return SearchPage(kind, WEIGHT[kind], meta, filters, words)
