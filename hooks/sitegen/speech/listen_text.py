"""The text the listen widget reads from a built page, as the browser would collect it.

A Python mirror of the text rules of ``overrides/widgets/listen/listen.js`` (which elements
are read, ``data-speak`` substitution, block and language boundaries, sentence splitting),
so the build can pre-render exactly the sentences the widget will ask for. Change both
together: ``overrides/widgets/listen/tests`` compares them in a real browser. Pages are
parsed with selectolax (the lexbor HTML5 parser), so the tree is the one the browser builds.
"""

from __future__ import annotations

from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode, SelectolaxError


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


DEFAULT_TARGET = "article.md-content__inner"
MAX_PIECE = 200  # characters: Chrome cuts utterances after about 15 s
WS = " \t\n\r\f\v\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
ENDERS = ".!?\u2026"
CLOSERS = ".!?\u2026)]\"'\u00bb\u201d\u2019"
OPENERS = "(\"'\u00ab\u201e\u201c"
ABBREVIATIONS = _words(
    "nr t.sk u.c utt u.tml t.i piem g gs pag nov iel tel mob plkst apm sk sek min st "
    "e.g i.e no mr mrs ms dr vs approx"
)
BLOCK = _words(
    "address article aside blockquote br caption dd details dialog div dl dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre "
    "section summary table tbody td tfoot th thead tr ul"
)
SKIP = _words(
    "audio button canvas head iframe img input math noscript object script select style svg "
    "template textarea video"
)


Node = LexborNode  # an element (or the document) of a page parsed by selectolax


def attrs_of(el: Node) -> dict[str, str]:
    """The element's attributes; one written without a value (``hidden``) has ``""``."""
    return {name: value or "" for name, value in el.attributes.items()}


def parse_html(html: str) -> Node:
    """The document node of ``html``, parsed as a browser would (HTML5, by lexbor)."""
    document = LexborHTMLParser(html).root.parent
    assert document is not None  # the parser always creates <html> inside the document
    return document


def find(root: Node, selector: str) -> Node | None:
    """The first element ``selector`` (CSS, as ``document.querySelector``) matches, or None
    if it matches none or is not a selector selectolax reads."""
    try:
        return root.css_first(selector)
    except SelectolaxError:
        return None


def is_skipped(el: Node, attrs: dict[str, str]) -> bool:
    return (
        el.tag in SKIP
        or "hidden" in attrs
        or "data-listen-skip" in attrs
        or "data-listen-ui" in attrs
        or attrs.get("aria-hidden", "").lower() == "true"
        or "headerlink" in attrs.get("class", "").split()
    )


def lang_of(el: Node, document_lang: str) -> str:
    node: Node | None = el
    while node is not None:
        attrs = attrs_of(node)
        if "lang" in attrs:
            return (attrs["lang"] or document_lang).strip().lower()
        node = node.parent
    return document_lang.strip().lower()


class _Segments:
    """Runs of text in one block and one language, whitespace collapsed (as listen.js)."""

    def __init__(self) -> None:
        self.done: list[tuple[str, str]] = []
        self.lang: str | None = None
        self.text = ""

    def flush(self) -> None:
        if self.lang is not None:
            text = self.text.rstrip(" ")
            if text:
                self.done.append((self.lang, text))
        self.lang, self.text = None, ""

    def add(self, text: str, lang: str) -> None:
        if all(ch in WS for ch in text):
            if self.lang is not None and not self.text.endswith(" "):
                self.text += " "
            return
        if self.lang is None or self.lang != lang:
            self.flush()
            self.lang = lang
        out = [self.text]
        last_space = self.text == "" or self.text.endswith(" ")
        for ch in text:
            if ch in WS:
                if last_space:
                    continue
                ch = " "
            out.append(ch)
            last_space = ch == " "
        self.text = "".join(out)


def collect_segments(target: Node, document_lang: str) -> list[tuple[str, str]]:
    """(lang, text) runs the widget reads from ``target``: one block, one language each."""
    segments = _Segments()

    def walk(parent: Node, lang: str) -> None:
        for child in parent.iter(include_text=True):
            if child.is_text_node:
                segments.add(child.text_content or "", lang)
                continue
            if not child.is_element_node:  # a comment
                continue
            attrs = attrs_of(child)
            if is_skipped(child, attrs):
                continue
            child_lang = lang
            if "lang" in attrs:
                child_lang = (attrs["lang"] or document_lang).strip().lower()
            block = child.tag in BLOCK
            if block:
                segments.flush()
            speak = attrs.get("data-speak", "")
            if speak.strip():
                segments.add(speak, child_lang)
            else:
                walk(child, child_lang)
            if block:
                segments.flush()

    walk(target, lang_of(target, document_lang))
    segments.flush()
    return segments.done


def _is_upper(ch: str) -> bool:
    return ch != ch.lower() and ch == ch.upper()


def _is_abbreviation(text: str, dot: int) -> bool:
    start = dot
    while start > 0 and text[start - 1] != " ":
        start -= 1
    while start < dot and text[start] in OPENERS:
        start += 1
    word = text[start:dot].lower()
    if not word:
        return False
    if len(word) == 1 and _is_upper(text[start]):
        return True  # an initial: "A. Kalniņa"
    return word in ABBREVIATIONS


def _cut_point(text: str, a: int, limit: int) -> int:
    floor = a + MAX_PIECE / 4
    i = limit - 1
    while i > floor:
        if text[i] in ",;:" and i + 1 < len(text) and text[i + 1] == " ":
            return i + 1
        i -= 1
    i = limit
    while i > floor:
        if i < len(text) and text[i] == " ":
            return i
        i -= 1
    return limit


def split_sentences(text: str) -> list[str]:
    """Sentences (at most MAX_PIECE characters each) of a whitespace-collapsed text."""
    bounds: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    i = 0
    while i < n:
        if text[i] in ENDERS:
            j = i + 1
            while j < n and text[j] in CLOSERS:
                j += 1
            if j < n and text[j] == " ":
                k = j + 1
                while k < n and text[k] in OPENERS:
                    k += 1
                if (
                    k < n
                    and _is_upper(text[k])
                    and not (text[i] == "." and _is_abbreviation(text, i))
                ):
                    bounds.append((start, j))
                    start = j + 1
                    i = j
        i += 1
    bounds.append((start, n))
    out: list[str] = []
    for a, z in bounds:
        while a < z and text[a] == " ":
            a += 1
        while z > a and text[z - 1] == " ":
            z -= 1
        while z - a > MAX_PIECE:
            cut = _cut_point(text, a, a + MAX_PIECE)
            out.append(text[a:cut])
            a = cut
            while a < z and text[a] == " ":
                a += 1
        if z > a:
            out.append(text[a:z])
    return out


def _wordy(text: str) -> bool:
    return any(ch.isalpha() or ch.isnumeric() for ch in text)


@dataclass(frozen=True)
class Piece:
    lang: str
    text: str


def pieces_of(target: Node, document_lang: str) -> list[Piece]:
    return [
        Piece(lang, sentence)
        for lang, text in collect_segments(target, document_lang)
        for sentence in split_sentences(text)
        if _wordy(sentence)
    ]


def _document_lang(doc: Node) -> str:
    html_el = find(doc, "html")
    return (attrs_of(html_el).get("lang", "") if html_el else "").strip().lower()


def document_language(html: str) -> str:
    """The page's language: the ``lang`` of its ``<html>`` element, lower case ("" if none)."""
    return _document_lang(parse_html(html))


def page_pieces(html: str) -> tuple[str, list[Piece]] | None:
    """(page language, pieces) the widget on this page reads, or None if it has no widget."""
    doc = parse_html(html)
    widget = find(doc, "[data-listen]")
    if widget is None:
        return None
    document_lang = _document_lang(doc)
    selector = attrs_of(widget).get("data-listen-target") or DEFAULT_TARGET
    target = find(doc, selector) or find(doc, "main")
    if target is None:
        return None
    return lang_of(target, document_lang), pieces_of(target, document_lang)
