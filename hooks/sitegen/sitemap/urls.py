"""Addresses of the generated pages: a page kind's URL in a language, and a link from one page
to another (relative, so the site works from any folder)."""

from __future__ import annotations

import posixpath
from functools import lru_cache

from ..base.languages import url_prefix
from .page_kinds import PAGE_KINDS


def page_url(kind: str, lang: str, item_id: str | None = None) -> str:
    """Site-relative URL of a generated page, e.g. en/services/home-care/."""
    return url_prefix(lang) + PAGE_KINDS[kind].url(item_id)


@lru_cache(maxsize=65536)  # pure, and every page links the same few dozen targets
def relative_url(target: str, current: str) -> str:
    """Link from the page at ``current`` (directory URL) to ``target``."""
    base = current if current.endswith("/") or not current else posixpath.dirname(current) + "/"
    rel = posixpath.relpath(target or ".", base or ".")
    if target.endswith("/") and not rel.endswith("/"):
        rel += "/"
    return rel
