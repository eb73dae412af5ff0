"""The text the listen widget reads from a built page, as the browser would collect it.

A Python mirror of the text rules of ``overrides/widgets/listen/listen.js`` (which elements
are read, ``data-speak`` substitution, block and language boundaries, sentence splitting),
so the build can pre-render exactly the sentences the widget will ask for. Change both
together: ``overrides/widgets/listen/tests`` compares them in a real browser.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser


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
VOID = _words("area base br col embed hr img input link meta param source track wbr")


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    parent: Element | None = None
    children: list[Element | str] = field(default_factory=list)

    def has(self, name: str) -> bool:
        return name in self.attrs

    def classes(self) -> list[str]:
        return self.attrs.get("class", "").split()

    def iter(self) -> Iterator[Element]:
        """This element and every element inside it, in document order."""
        yield self
        for child in self.children:
            if isinstance(child, Element):
                yield from child.iter()


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        el = Element(tag, {k: v or "" for k, v in attrs}, self.stack[-1])
        self.stack[-1].children.append(el)
        if tag not in VOID:
            self.stack.append(el)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        el = Element(tag, {k: v or "" for k, v in attrs}, self.stack[-1])
        self.stack[-1].children.append(el)

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        children = self.stack[-1].children
        if children and isinstance(children[-1], str):
            children[-1] += data
        else:
            children.append(data)


def parse_html(html: str) -> Element:
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


_SIMPLE = re.compile(r"^([a-zA-Z][\w-]*)?((?:[.#][\w-]+)*)$")


def matches(el: Element, selector: str) -> bool:
    """A compound selector such as ``article.md-content__inner`` or ``#main``."""
    found = _SIMPLE.match(selector.strip())
    if not found:
        return False
    tag, rest = found.group(1), found.group(2)
    if tag and el.tag != tag.lower():
        return False
    for kind, name in re.findall(r"([.#])([\w-]+)", rest):
        if kind == "." and name not in el.classes():
            return False
        if kind == "#" and el.attrs.get("id") != name:
            return False
    return True


def find(root: Element, selector: str) -> Element | None:
    return next((el for el in root.iter() if matches(el, selector)), None)


def is_skipped(el: Element) -> bool:
    return (
        el.tag in SKIP
        or el.has("hidden")
        or el.has("data-listen-skip")
        or el.has("data-listen-ui")
        or el.attrs.get("aria-hidden", "").lower() == "true"
        or "headerlink" in el.classes()
    )


def lang_of(el: Element, document_lang: str) -> str:
    node: Element | None = el
    while node is not None:
        if "lang" in node.attrs:
            return (node.attrs["lang"] or document_lang).strip().lower()
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


def collect_segments(target: Element, document_lang: str) -> list[tuple[str, str]]:
    """(lang, text) runs the widget reads from ``target``: one block, one language each."""
    segments = _Segments()

    def walk(parent: Element, lang: str) -> None:
        for child in parent.children:
            if isinstance(child, str):
                segments.add(child, lang)
                continue
            if is_skipped(child):
                continue
            child_lang = lang
            if "lang" in child.attrs:
                child_lang = (child.attrs["lang"] or document_lang).strip().lower()
            block = child.tag in BLOCK
            if block:
                segments.flush()
            speak = child.attrs.get("data-speak", "")
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


def pieces_of(target: Element, document_lang: str) -> list[Piece]:
    return [
        Piece(lang, sentence)
        for lang, text in collect_segments(target, document_lang)
        for sentence in split_sentences(text)
        if _wordy(sentence)
    ]


def page_pieces(html: str) -> tuple[str, list[Piece]] | None:
    """(page language, pieces) the widget on this page reads, or None if it has no widget."""
    doc = parse_html(html)
    widget = next((el for el in doc.iter() if el.has("data-listen")), None)
    if widget is None:
        return None
    html_el = find(doc, "html")
    document_lang = (html_el.attrs.get("lang", "") if html_el else "").strip().lower()
    selector = widget.attrs.get("data-listen-target") or DEFAULT_TARGET
    target = find(doc, selector) or find(doc, "main")
    if target is None:
        return None
    return lang_of(target, document_lang), pieces_of(target, document_lang)
