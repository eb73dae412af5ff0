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

Pages of one shape are matched once (``shape_key``): what a selector without pseudo-classes
matches depends only on the elements (names, attributes, where they stand), not on the text
or on the values of attributes it never tests, and 1,000 service pages have a handful of
shapes between them. A page the key cannot read safely is matched on its own.

Reading: tinycss2 (Kozea; the CSS Syntax Level 3 parser), matching: selectolax (lexbor).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
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


# --- pages of one shape --------------------------------------------------------------------
#
# ``shape_key`` reads a page's source with regular expressions, never a parser: it is the
# cheap step, and only one page of each shape is parsed. It is exact because it reads only
# pages it can split into tokens exactly as an HTML tokenizer would (``_PAGE`` must match the
# whole page): text holding no "<"; comments, a doctype and end tags holding no "<" or ">";
# start tags whose attribute values hold no "<" or ">"; the elements whose content is raw text
# (script, style, title, ...) holding text only: no "<" before a letter, "/", "!" or "?", so
# the content ends at the first "</" whatever the element's namespace. On such a page every
# ">" ends a token or stands in text, and the key keeps every token but
#   - the content of raw-text elements (a text node whatever it says),
#   - comments (each becomes an empty one),
#   - text holding a character other than white space and NUL outside anything that might
#     be a character reference (becomes "x"; other text is kept as it is: a reference may
#     stand for white space, and NUL counts as text in some places, not in others),
#   - the values of the attributes in ``varying`` (no selector tests their value; each
#     becomes ""),
# and white-space-only text as it is. The tree an HTML parser builds depends on text only
# through whether it is white space (in every insertion mode, white space before other text
# changes no element; a new line first in <pre> or <textarea> is dropped, and white space
# alone is kept as it is), and on attribute values only through input@type and
# annotation-xml@encoding (never in ``varying``): two pages with one key have the same
# elements, with the same names and tested values, in the same places.

_WS = "\t\n\f\r "  # HTML's white space
_RAW_TEXT = "script|style|textarea|title|xmp|iframe|noembed|noframes"
_TAG_NAME = r"[a-zA-Z][a-zA-Z0-9-]*+"
_ATTRIBUTE = (
    rf"[^{_WS}\"'<>/=]++"
    rf"(?:[{_WS}]*+=[{_WS}]*+(?:\"[^\"<>]*+\"|'[^'<>]*+'|[^{_WS}\"'=<>`]++))?+"
)
_TAG_REST = rf"(?:[{_WS}]++{_ATTRIBUTE})*+[{_WS}]*+/?>"
_RAW_BODY = r"[^<]*+(?:<(?![a-zA-Z/!?])[^<]*+)*+"
_COMMENT = r"<!--(?!-?>)[^<>]*?-->"
_PAGE = re.compile(
    "(?:"
    r"[^<]++"  # text
    rf"|<(?!(?i:{_RAW_TEXT}|plaintext)[{_WS}/>]){_TAG_NAME}{_TAG_REST}"  # a start tag
    rf"|</{_TAG_NAME}[{_WS}]*+>"  # an end tag
    + "".join(  # an element of raw text, to its own end tag (no backreference: re's
        # possessive repeats mishandle groups in Python 3.11)
        rf"|<(?i:{name})(?=[{_WS}/>]){_TAG_REST}{_RAW_BODY}</(?i:{name})[{_WS}]*+>"
        for name in _RAW_TEXT.split("|")
    )
    + rf"|{_COMMENT}"
    rf"|<!(?i:doctype)[^<>=]*+>"
    ")*+"
)
_RAW_CONTENT = re.compile(rf"(<(?i:{_RAW_TEXT})(?=[{_WS}/>]){_TAG_REST}){_RAW_BODY}(?=</)")
_COMMENTS = re.compile(_COMMENT)
_REFERENCE = r"&[#\w]*+;?"  # all a character reference can take, and more
_TEXT = re.compile(rf">(?:{_REFERENCE}|[{_WS}\0])*+[^<&\0{_WS}][^<]*+(?=<)")
# attributes whose values differ from page to page (links, the description): blanked in the
# key unless a selector tests their value. Only how many pages share a key depends on this.
VARYING = ("href", "content")


def shape_key(html: str, varying: Sequence[str] = ()) -> str:
    """A key equal for two pages only when every selector without pseudo-classes (none
    testing the value of a ``varying`` attribute) matches in both or in neither."""
    if _PAGE.fullmatch(html) is None:
        return "page\0" + html  # not read: the page is its own shape
    key = _RAW_CONTENT.sub(r"\1", html)
    key = _COMMENTS.sub("<!---->", key)
    key = _TEXT.sub(">x", key)
    if varying:
        names = "|".join(re.escape(name) for name in varying)
        values = rf"(?:\"[^\"<]*+\"|'[^'<]*+'|[^{_WS}\"'=<>`]++)"
        key = re.sub(rf"([{_WS}](?:{names})[{_WS}]*+=[{_WS}]*+){values}", r'\1""', key)
    return "shape\0" + key


_EMPTY = LexborHTMLParser("")  # to ask lexbor whether it can read a selector
_ATTRIBUTE_SELECTOR = re.compile(r"\[([^\]]*)\]")
_TESTED = re.compile(r"\s*([A-Za-z_-][\w-]*)\s*(?:[~|^$*]?=.*)?", re.DOTALL)


def untested(names: Sequence[str], selectors: Iterable[str]) -> tuple[str, ...]:
    """The ``names`` whose values no selector tests; none when a selector escapes a
    character or names an attribute in a namespace (it might test any of them)."""
    tested: set[str] = set()
    for selector in selectors:
        if "\\" in selector:
            return ()
        for inside in _ATTRIBUTE_SELECTOR.findall(selector):
            read = _TESTED.fullmatch(inside)
            if read is None:
                return ()
            if "=" in inside:
                tested.add(read[1].lower())
    return tuple(name for name in names if name not in tested)


class PageSet:
    """The built pages, one of each shape parsed; ``matches`` asks whether any of them has an
    element a selector selects (None: the matcher could not read the selector)."""

    def __init__(self, pages: Iterable[str], varying: Sequence[str] = ()):
        shapes: dict[str, str] = {}
        for html in pages:
            shapes.setdefault(shape_key(html, varying), html)
        # the smallest first: most selectors that match at all match there, cheaply
        self.trees = [LexborHTMLParser(html) for html in sorted(shapes.values(), key=len)]
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

    def _named(self, selector: str) -> bool:
        """Whether every class, id and attribute the selector names is on some page."""
        bare = _ATTRIBUTE_VALUE.sub(r"[\1", selector)  # '[href$=".pdf"]' names no class
        return all(name in self.names for name in _NAMES.findall(bare))

    def decide(self, selectors: Iterable[str]) -> None:
        """Match many selectors at once (``matches`` then looks them up): lexbor goes through
        a page once for a list of selectors, several times faster than once for each. A list
        finding nothing on a page rules all of them out there; when it finds something, each
        is asked on that page."""
        pending = []
        for selector in dict.fromkeys(selectors):
            if selector in self._seen or not self._named(selector):
                continue
            try:  # one unreadable selector would spoil the list: asked alone
                _EMPTY.css_first(selector)
            except SelectolaxError:
                continue
            pending.append(selector)
        for tree in self.trees:
            if not pending:
                break
            if tree.css_first(",".join(pending)) is None:
                continue
            found = {s for s in pending if tree.css_first(s) is not None}
            self._seen.update(dict.fromkeys(found, True))
            pending = [s for s in pending if s not in found]
        self._seen.update(dict.fromkeys(pending, False))

    def matches(self, selector: str) -> bool | None:
        if not self._named(selector):
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


def _all_selectors(nodes: Sequence[tinycss2.ast.Node]) -> Iterator[str]:
    """Every selector the trimmer will match, in nested blocks too."""
    for node in nodes:
        if node.type == "qualified-rule":
            yield from _selectors(node.prelude) or []
        elif node.type == "at-rule" and node.lower_at_keyword in _NESTED and node.content:
            yield from _all_selectors(tinycss2.parse_rule_list(node.content, skip_comments=True))


def trim_stylesheet(
    css: str, pages: Iterable[str], keep: Sequence[str] = KEEP
) -> tuple[str, TrimReport]:
    """The stylesheet with only the rules the pages can use, and what was removed. The
    source-map comment goes: the map would no longer fit."""
    css = _SOURCE_MAP.sub("", css)
    report = TrimReport(bytes_before=len(css.encode()))
    nodes = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    selectors = list(_all_selectors(nodes))
    page_set = PageSet(pages, untested(VARYING, selectors))
    page_set.decide(selectors)
    out = "".join(_trim(nodes, len(css), _Source(css), page_set, keep, report))
    report.bytes_after = len(out.encode())
    return out, report
