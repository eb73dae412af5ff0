"""A small element tree for built pages, made with the standard library's ``html.parser``.

Enough for structural checks (headings, tables, landmarks, ``lang``): elements keep their
attributes, children and parent; end tags close the nearest open element of that name, and
void elements never open. The Nu HTML Checker (tests/test_html_validity.py) judges whether
the markup itself is valid; this tree only has to follow it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
     "wbr"}
)  # fmt: skip
# elements whose end tag may be left out: a new one of these closes the open one
AUTO_CLOSE = {
    "p": {"p"},
    "li": {"li"},
    "dt": {"dt", "dd"},
    "dd": {"dt", "dd"},
    "option": {"option"},
}


@dataclass(eq=False)
class Element:
    tag: str
    attrs: dict[str, str]
    parent: Element | None = None
    children: list[Element | str] = field(default_factory=list)
    line: int = 0

    def __repr__(self) -> str:
        shown = " ".join(f'{k}="{v}"' for k, v in self.attrs.items() if k in ("id", "class"))
        return f"<{self.tag}{' ' + shown if shown else ''}> (line {self.line})"

    def get(self, name: str, default: str | None = None) -> str | None:
        return self.attrs.get(name, default)

    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())

    def iter(self) -> Iterator[Element]:
        """This element and every element inside it, in document order."""
        yield self
        for child in self.children:
            if isinstance(child, Element):
                yield from child.iter()

    def find_all(self, match: str | Callable[[Element], bool]) -> list[Element]:
        test = match if callable(match) else (lambda e: e.tag == match)
        return [e for e in self.iter() if test(e)]

    def find(self, match: str | Callable[[Element], bool]) -> Element | None:
        found = self.find_all(match)
        return found[0] if found else None

    def ancestors(self) -> Iterator[Element]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def closest(self, match: str | Callable[[Element], bool]) -> Element | None:
        test = match if callable(match) else (lambda e: e.tag == match)
        for node in (self, *self.ancestors()):
            if test(node):
                return node
        return None

    def lang(self) -> str | None:
        """The language in force here: the nearest ``lang`` attribute."""
        owner = self.closest(lambda e: "lang" in e.attrs)
        return owner.attrs["lang"] if owner else None

    def text(self, skip: Callable[[Element], bool] | None = None) -> str:
        """The text inside, leaving out the elements ``skip`` matches (and scripts)."""
        parts: list[str] = []
        for child in self.children:
            if isinstance(child, str):
                parts.append(child)
            elif child.tag not in ("script", "style", "template") and not (skip and skip(child)):
                parts.append(child.text(skip))
        return "".join(parts)

    def texts(self) -> Iterator[tuple[str, Element]]:
        """Each text node with the element that holds it (scripts left out)."""
        for child in self.children:
            if isinstance(child, str):
                yield child, self
            elif child.tag not in ("script", "style", "template"):
                yield from child.texts()


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        closes = AUTO_CLOSE.get(tag)
        if closes and self.stack[-1].tag in closes:
            self.stack.pop()
        element = Element(tag, {k: v or "" for k, v in attrs}, self.stack[-1])
        element.line = self.getpos()[0]
        self.stack[-1].children.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(markup: str) -> Element:
    builder = _Builder()
    builder.feed(markup)
    builder.close()
    return builder.root


def parse_file(path: Path) -> Element:
    return parse(path.read_text(encoding="utf-8"))
