"""Keyboard walks: Tab through a page from the top, measuring every stop, on a sample of the
built site's pages — one page per page kind and language, walked at each width.

The page kinds are the rows of ``sitegen.sitemap.page_kinds.PAGE_KINDS`` plus the hand-written pages
(home, accessibility statement) and the 404 page. Pages of one kind share a template, so
what a walk proves (each stop visible, outlined, not under the header, no trap, the content
and the menu reachable) holds for the kind; of each kind the sample takes the page with the
most things to focus, then adds any page holding a kind of focusable element (tag, classes,
the landmarks around it) that no sampled page of its language has, so every kind of stop the
site has is walked at least once. axe-core still runs on every page (test_accessibility.py).

One walk measures for both test modules at once: ``__a11y.focus()`` (tests/a11y_probe.js:
visible, in view, not under the sticky header) and ``__focusProbe.focus()``
(tests/focus_probe.js: the outline's width and contrast); on the Latvian desktop and English
phone walks also a picture of each kind of stop, focused and blurred.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from selectolax.lexbor import LexborHTMLParser
from sitegen.sitemap.page_kinds import PAGE_KINDS

HERE = Path(__file__).resolve().parent
PROBES = (HERE / "a11y_probe.js", HERE / "focus_probe.js")
WIDTHS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
# the walks that also take pictures of each kind of stop, focused and blurred
PICTURES = {("lv", "desktop"), ("en", "phone")}
MAX_TABS = 400  # more focusable elements than any page has: a longer walk is a trap
FOCUSABLE = (
    "a[href], button, input:not([type=hidden]), select, textarea, summary, iframe,"
    " [contenteditable], [tabindex]"
)
LANDMARKS = ("header", "nav", "main", "aside", "footer", "form", "dialog", "details", "table")
STEP = """async () => {
  await __a11y.settle();
  const a11y = __a11y.focus();
  return a11y && {a11y, focus: __focusProbe.focus()};
}"""
PICTURE_BOX = """() => { const r = document.activeElement.getBoundingClientRect();
  const x = Math.max(0, r.left - 8), y = Math.max(0, r.top - 8);
  return {x, y, width: Math.max(1, Math.min(innerWidth, r.right + 8) - x),
          height: Math.max(1, Math.min(innerHeight, r.bottom + 8) - y)}; }"""


# --- which pages ----------------------------------------------------------------------


def lang_of(rel: str) -> str:
    return "en" if rel.startswith("en/") else "lv"


def url_path(rel: str) -> str:
    """The address of a built page below the site's root (``services/home-care/``)."""
    return rel.removesuffix("index.html")


def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    fixed = [(k.kind, re.escape(k.url())) for k in PAGE_KINDS.values() if k.items is None]
    items = [
        (k.kind, re.escape(k.url("ID")).replace("ID", "[^/]+"))
        for k in PAGE_KINDS.values()
        if k.items is not None
    ]
    return [(kind, re.compile(pattern)) for kind, pattern in fixed + items]


def kind_of(rel: str) -> str:
    """The page kind of a built page: a row of PAGE_KINDS, else the hand-written page's own
    name (``home``, ``accessibility``) or ``404``."""
    path = url_path(rel.removeprefix("en/"))
    if path == "404.html":
        return "404"
    for kind, pattern in _patterns():
        if pattern.fullmatch(path):
            return kind
    return path.strip("/") or "home"


def focusables(html: str) -> list[tuple[str, ...]]:
    """Each element a Tab can reach, as its kind: the landmarks around it, tag, classes,
    type (the things the focus styles depend on)."""
    found = []
    for el in LexborHTMLParser(html).css(FOCUSABLE):
        if (el.attributes.get("tabindex") or "").strip() == "-1":
            continue
        around, node = [], el.parent
        while node is not None and len(around) < 2:
            if node.tag in LANDMARKS:
                around.append(node.tag)
            node = node.parent
        classes = " ".join(sorted((el.attributes.get("class") or "").split()))
        found.append((*around[::-1], el.tag, classes, el.attributes.get("type") or ""))
    return found


def richest_per_kind(scores: dict[str, int]) -> set[str]:
    """Of pages scored by how much they hold: per page kind and language the page with the
    highest score (the first by path on a tie)."""
    chosen: dict[tuple[str, str], str] = {}
    for rel in sorted(scores, key=lambda r: (-scores[r], r)):
        chosen.setdefault((kind_of(rel), lang_of(rel)), rel)
    return set(chosen.values())


def sample(pages: Iterable[tuple[str, str]]) -> list[str]:
    """Of ``(rel, html)`` pages: per kind and language the page with the most things to
    focus (the first by path on a tie), then, richest first, any page with a kind of
    focusable element no chosen page of its language has."""
    found = {rel: focusables(html) for rel, html in sorted(pages)}
    picked = richest_per_kind({rel: len(stops) for rel, stops in found.items()})
    for lang in ("lv", "en"):
        mine = {rel: set(stops) for rel, stops in found.items() if lang_of(rel) == lang}
        covered = set().union(*(mine[rel] for rel in picked if rel in mine))
        for rel in sorted(mine, key=lambda r: (-len(mine[r] - covered), r)):
            if mine[rel] - covered:
                picked.add(rel)
                covered |= mine[rel]
    return sorted(picked)


def site_sample(site: Path) -> list[str]:
    return sample(
        (p.relative_to(site).as_posix(), p.read_text(encoding="utf-8"))
        for p in site.rglob("*.html")
    )


# --- the walk -------------------------------------------------------------------------


@dataclass
class Walk:
    path: str  # site-relative html file
    width: str  # a key of WIDTHS
    stops: list[dict[str, Any]] = field(default_factory=list)  # {"a11y": …, "focus": …}
    end: str = ""
    unchanged: list[str] = field(default_factory=list)  # kinds of stop a focus leaves unseen
    pictures: int = 0  # kinds of stop pictured focused and blurred
    landmarks: list[str] = field(default_factory=list)  # landmarks with nothing in them
    drawer: dict[str, Any] | None = None  # phone: the first stop in the opened menu drawer

    @property
    def kind(self) -> str:
        return kind_of(self.path)

    @property
    def lang(self) -> str:
        return lang_of(self.path)

    @property
    def label(self) -> str:
        return f"{self.path} at {self.width}"


def open_page(browser: Any, url: str, width: str) -> Any:
    """A page of its own context at ``width``, with both probes, reduced motion (site.css then
    ends transitions at once: each focus is measured where it comes to rest)."""
    context = browser.new_context(viewport=WIDTHS[width], reduced_motion="reduce")
    for probe in PROBES:
        context.add_init_script(path=str(probe))
    page = context.new_page()
    page.goto(url, wait_until="load")
    return page


def _picture_unchanged(page: Any) -> bool:
    box = page.evaluate(PICTURE_BOX)
    focused = page.screenshot(clip=box)
    page.evaluate("() => document.activeElement.blur()")
    return page.screenshot(clip=box) == focused


def tab_walk(page: Any, walk: Walk, pictures: bool) -> None:
    """Tab from the top of the page until the focus leaves it or comes back to the start."""
    page.evaluate("() => __a11y.restart()")
    seen: set[str] = set()
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        stop = page.evaluate(STEP)
        if stop is None:
            walk.end = "left the page"
            return
        if walk.stops and stop["a11y"]["key"] == walk.stops[0]["a11y"]["key"]:
            walk.end = "came back to the start"
            return
        walk.stops.append(stop)
        kind = stop["focus"]["element"].split(" ")[0].split("#")[0]
        if pictures and kind not in seen:
            seen.add(kind)
            walk.pictures += 1
            if _picture_unchanged(page):
                walk.unchanged.append(stop["focus"]["element"])
    walk.end = f"still in the page after {MAX_TABS} presses of Tab"


def walk_page(browser: Any, base: str, rel: str, width: str) -> Walk:
    walk = Walk(rel, width)
    page = open_page(browser, base + url_path(rel), width)
    try:
        walk.landmarks = page.evaluate("() => __focusProbe.landmarks()")
        tab_walk(page, walk, pictures=(walk.lang, width) in PICTURES)
        if width == "phone" and page.locator(".sg-header-button--drawer").count():
            # the menu drawer's links sit on other backgrounds: its first stop
            page.click(".sg-header-button--drawer")
            page.keyboard.press("Tab")
            walk.drawer = page.evaluate(
                "() => ({stop: __focusProbe.focus(),"
                " inDrawer: !!document.activeElement.closest('.md-sidebar, .md-nav')})"
            )
    finally:
        page.context.close()
    return walk
