"""Which pages load which widget, declared once (as ``page_kinds.PAGE_KINDS`` declares pages).

Each widget lives in ``overrides/widgets/<name>/`` with its script, style, partial, README,
case table and tests. A widget is loaded on every page, on the pages of some kinds (a page's
``sitegen_page``), or on the pages whose HTML carries its ``data-`` attribute, from which its
script starts. ``overrides/main.html`` inlines the styles this table gives, in the table's
order, and defers the scripts; ``tests/test_widgets.py`` checks the table against the folders.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Widget:
    name: str  # its folder under overrides/widgets/
    style: bool = True  # <name>/<name>.css, inlined on the page (print's is a media=print link)
    script: bool = True  # <name>/<name>.js, deferred
    every_page: bool = False
    kinds: frozenset[str] = frozenset()  # page kinds (page_kinds.PAGE_KINDS) that load it
    marker: str = ""  # text in the page's HTML that says the widget is on it

    def on(self, kind: str | None, html: str) -> bool:
        return self.every_page or kind in self.kinds or bool(self.marker and self.marker in html)


LISTS = frozenset({"finder", "place", "need"})  # lists of services and benefits

WIDGETS: tuple[Widget, ...] = (
    Widget("site", every_page=True),
    Widget("listen", every_page=True),
    Widget("search", every_page=True),
    Widget("fee-calculator", marker="data-fee-calculator"),
    Widget("open-now", marker="data-open-now"),
    Widget("report-chart", script=False, marker="sg-chart"),  # no script: an SVG chart
    # finder.js is loaded by its partial (widgets/finder/finder.html), on the finder page only
    Widget("finder", script=False, kinds=LISTS),
    # a service's or benefit's sheet, and the lists' shortlist sheet (widgets/print/)
    Widget("print", style=False, kinds=frozenset({"service", "benefit"}) | LISTS),
)


@dataclass(frozen=True)
class PageWidgets:
    """What ``main.html`` loads for one page."""

    loaded: frozenset[str]
    styles: tuple[str, ...]  # paths under overrides/widgets/
    scripts: tuple[str, ...]
    list_page: bool  # a list of services and benefits: it prints as a shortlist (widgets/print/)


def page_widgets(kind: str | None, html: str) -> PageWidgets:
    """The widgets of a page of ``kind`` (None: a content page or the 404 page) whose
    rendered content is ``html``."""
    on = [w for w in WIDGETS if w.on(kind, html)]
    return PageWidgets(
        loaded=frozenset(w.name for w in on),
        styles=tuple(f"{w.name}/{w.name}.css" for w in on if w.style),
        scripts=tuple(f"{w.name}/{w.name}.js" for w in on if w.script),
        list_page=kind in LISTS,
    )
