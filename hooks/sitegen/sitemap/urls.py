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
    rel = _relpath(target or ".", base or ".")
    if target.endswith("/") and not rel.endswith("/"):
        rel += "/"
    return rel


def _relpath(path: str, start: str) -> str:
    """``posixpath.relpath`` for two site-relative paths, without asking the system for the
    working folder (relpath does, for every link of every page); a path that climbs ("..")
    or starts at the root goes to relpath itself."""
    if path.startswith("/") or start.startswith("/") or ".." in path or ".." in start:
        return posixpath.relpath(path, start)
    path_parts = [p for p in path.split("/") if p and p != "."]
    start_parts = [p for p in start.split("/") if p and p != "."]
    common = 0
    for one, two in zip(path_parts, start_parts, strict=False):
        if one != two:
            break
        common += 1
    parts = [".."] * (len(start_parts) - common) + path_parts[common:]
    return "/".join(parts) if parts else "."
