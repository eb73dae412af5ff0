"""Material's stylesheet cut down to the rules some built page can use (issue 16).

Material ships one stylesheet for every feature of the theme (search, tabs, code blocks,
admonitions, tooltips, …); this site uses a fraction of it, and the theme has no option to
leave parts out. ``trim_stylesheet`` keeps a rule when one of its selectors, with every
pseudo-class and pseudo-element taken off (``a:hover`` → ``a``, ``:not(.x)`` → nothing), matches
an element of some page; everything else of the stylesheet (``@font-face``, ``@keyframes``,
``@page``, …) is kept as it is, and a ``@media`` or ``@supports`` block keeps the rules of its
own that match (it goes when none do). Taking pseudo-classes off only widens what a selector
matches, so a rule that could apply is never dropped; a selector the matcher cannot read keeps
its rule. ``KEEP`` lists what the site's scripts add after the page has loaded.

Reading: tinycss2 (Kozea; the CSS Syntax Level 3 parser), matching: selectolax (lexbor).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import tinycss2
from selectolax.lexbor import LexborHTMLParser, SelectolaxError

# classes and attributes set by the site's own scripts after the page has loaded, which no
# built page carries: a rule that names one of them is kept. (Material's own bundle, which
# would add many more, is not loaded: overrides/main.html.)
KEEP: tuple[str, ...] = ()

# block at-rules whose contents are rules to trim; any other at-rule is kept whole
_NESTED = {"media", "supports", "layer", "container"}


# the class, id and attribute names a selector requires (".md-nav", "#x", "[data-md-state")
_NAMES = re.compile(r"[.#][A-Za-z_-][\w-]*|\[[A-Za-z_-][\w-]*")
_ATTRIBUTE_VALUE = re.compile(r"\[\s*([A-Za-z_-][\w-]*)[^\]]*\]")
_SOURCE_MAP = re.compile(r"/\*# sourceMappingURL=[^*]*\*/\s*$")


@dataclass
class TrimReport:
    rules_before: int = 0
    rules_after: int = 0
    bytes_before: int = 0
    bytes_after: int = 0


def _strip_pseudo(tokens: Sequence[tinycss2.ast.Node]) -> str:
    """The selector's text without pseudo-classes and pseudo-elements; a compound left
    empty (``:root``, ``::selection``) becomes ``*``."""
    out: list[str] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.type == "literal" and tok.value == ":":
            # ':' or '::' then an ident or a function: drop it
            j = i + 1
            if j < len(tokens) and tokens[j].type == "literal" and tokens[j].value == ":":
                j += 1
            if j < len(tokens) and tokens[j].type in ("ident", "function"):
                j += 1
            prev = "".join(out)
            if not prev or prev[-1] in " >+~(,":
                out.append("*")
            i = j
            continue
        out.append(tok.serialize())
        i += 1
    return "".join(out).strip()


def _selectors(prelude: Sequence[tinycss2.ast.Node]) -> list[str] | None:
    """The rule's selector list, pseudo-classes taken off; None when it cannot be read."""
    parts: list[list[tinycss2.ast.Node]] = [[]]
    for tok in prelude:
        if tok.type == "literal" and tok.value == ",":
            parts.append([])
        elif tok.type == "comment":
            continue
        else:
            parts[-1].append(tok)
    found = []
    for part in parts:
        text = _strip_pseudo(part)
        if not text:
            return None
        found.append(text)
    return found


class PageSet:
    """The built pages, parsed once; ``matches`` asks whether any of them has an element a
    selector selects (None: the matcher could not read the selector)."""

    def __init__(self, pages: Iterable[str]):
        self.trees = [LexborHTMLParser(html) for html in pages]
        self._seen: dict[str, bool | None] = {}
        # the classes, ids and attribute names of every element: a selector naming one that
        # no page has cannot match, and most of the theme's rules are ruled out so, quickly
        self.names: set[str] = set()
        for tree in self.trees:
            for node in tree.css("*"):
                for name, value in node.attributes.items():
                    self.names.add(f"[{name}")
                    if name == "class" and value:
                        self.names.update(f".{word}" for word in value.split())
                    elif name == "id" and value:
                        self.names.add(f"#{value}")

    def matches(self, selector: str) -> bool | None:
        bare = _ATTRIBUTE_VALUE.sub(r"[\1", selector)  # '[href$=".pdf"]' names no class
        if any(name not in self.names for name in _NAMES.findall(bare)):
            return False
        if selector not in self._seen:
            try:
                self._seen[selector] = any(t.css_first(selector) is not None for t in self.trees)
            except SelectolaxError:  # a selector lexbor cannot read keeps its rule
                self._seen[selector] = None
        return self._seen[selector]


def _keep_rule(rule: tinycss2.ast.QualifiedRule, pages: PageSet, keep: Sequence[str]) -> bool:
    prelude_text = tinycss2.serialize(rule.prelude)
    if any(word in prelude_text for word in keep):
        return True
    selectors = _selectors(rule.prelude)
    if selectors is None:
        return True
    return any(pages.matches(s) is not False for s in selectors)


class _Source:
    """The stylesheet's text, so that kept rules are copied byte for byte (tinycss2's own
    serialisation would rewrite escapes such as ``\\3c`` inside strings)."""

    def __init__(self, text: str):
        self.text = text
        self.line_starts = [0]
        for i, char in enumerate(text):
            if char == "\n":
                self.line_starts.append(i + 1)

    def offset(self, node: tinycss2.ast.Node) -> int:
        return self.line_starts[node.source_line - 1] + node.source_column - 1


def _trim(
    nodes: Sequence[tinycss2.ast.Node],
    end: int,
    src: _Source,
    pages: PageSet,
    keep: Sequence[str],
    report: TrimReport,
) -> list[str]:
    """The kept parts of ``nodes`` as their original text; ``end`` is where the last ends."""
    nodes = [n for n in nodes if n.type not in ("whitespace", "comment")]
    starts = [src.offset(n) for n in nodes] + [end]
    kept: list[str] = []
    for i, node in enumerate(nodes):
        text = src.text[starts[i] : starts[i + 1]]
        if node.type == "qualified-rule":
            report.rules_before += 1
            if _keep_rule(node, pages, keep):
                report.rules_after += 1
                kept.append(text)
        elif node.type == "at-rule" and node.lower_at_keyword in _NESTED and node.content:
            inner = tinycss2.parse_rule_list(node.content, skip_comments=True)
            body = text.rstrip()
            if any(n.type == "error" for n in inner) or not body.endswith("}"):
                kept.append(text)  # not read: kept whole
                continue
            open_at = starts[i] + body.index("{") + 1
            close_at = starts[i] + len(body) - 1
            inner_kept = _trim(inner, close_at, src, pages, keep, report)
            if inner_kept:
                kept.append(src.text[starts[i] : open_at] + "".join(inner_kept) + "}")
        else:
            kept.append(text)  # @font-face, @keyframes, @page, @charset, errors: as they are
    return kept


def trim_stylesheet(
    css: str, pages: Iterable[str], keep: Sequence[str] = KEEP
) -> tuple[str, TrimReport]:
    """The stylesheet with only the rules the pages can use, and what was removed. The
    source-map comment goes: the map would no longer fit."""
    css = _SOURCE_MAP.sub("", css)
    report = TrimReport(bytes_before=len(css.encode()))
    nodes = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    out = "".join(_trim(nodes, len(css), _Source(css), PageSet(pages), keep, report))
    report.bytes_after = len(out.encode())
    return out, report
