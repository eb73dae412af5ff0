"""An element tree of a built page for structural checks (headings, tables, landmarks, ``lang``).

The page is parsed by selectolax (the lexbor HTML5 parser, as ``hooks/sitegen/speech/listen_text.py``
uses), so the tree is the one a browser builds: implied end tags, ``<tbody>`` and all. This
module only copies that tree into plain objects the rules in ``tests/markup_rules.py`` walk:
each element keeps its tag, attributes, parent and children (elements and text), and a
``<template>`` holds its content as children. The Nu HTML Checker
(tests/test_html_validity.py) judges whether the markup itself is valid.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser, LexborNode

SKIPPED_TEXT = ("script", "style", "template")


@dataclass(eq=False)
class Element:
    tag: str
    attrs: dict[str, str]
    parent: Element | None = None
    children: list[Element | str] = field(default_factory=list)

    def __repr__(self) -> str:
        where = " > ".join(a.label() for a in reversed(list(self.ancestors())) if a.parent)
        return f"{self.label()}" + (f" (in {where})" if where else "")

    def label(self) -> str:
        """``tag#id.class`` (at most the first two classes): short, and enough to find it."""
        name = self.tag + (f"#{self.attrs['id']}" if self.attrs.get("id") else "")
        return name + "".join(f".{c}" for c in (self.attrs.get("class") or "").split()[:2])

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
            elif child.tag not in SKIPPED_TEXT and not (skip and skip(child)):
                parts.append(child.text(skip))
        return "".join(parts)

    def texts(self) -> Iterator[tuple[str, Element]]:
        """Each text node with the element that holds it (scripts left out)."""
        for child in self.children:
            if isinstance(child, str):
                yield child, self
            elif child.tag not in SKIPPED_TEXT:
                yield from child.texts()


def _copy(node: LexborNode, into: Element) -> None:
    """Copy the children of ``node`` (text and elements; comments are left out) into ``into``."""
    for child in node.iter(include_text=True):
        if child.is_text_node:
            into.children.append(child.text_content or "")
        elif child.is_element_node:
            element = Element(
                child.tag or "",
                {name: value or "" for name, value in child.attributes.items()},
                into,
            )
            into.children.append(element)
            content = child.template_fragments()[:1] if child.tag == "template" else [child]
            for holder in content:
                _copy(holder, element)


def parse(markup: str) -> Element:
    """The document (tag ``#document``) that holds the ``<html>`` element of ``markup``."""
    html = LexborHTMLParser(markup).root  # the parser always makes one, as a browser does
    assert html is not None and html.parent is not None
    root = Element("#document", {})
    _copy(html.parent, root)
    return root


def parse_file(path: Path) -> Element:
    return parse(path.read_text(encoding="utf-8"))
