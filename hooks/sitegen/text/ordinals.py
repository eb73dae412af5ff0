"""Markdown that cannot eat a number: a numbered list is only a list the editor numbered.

Python-Markdown reads any line that starts with digits and a dot ("2017. gadā …",
"1. janvārī …", "9. martā …") as an item of a numbered list, renumbers it from 1 and the
number is lost ("2017. gadā" is shown as "1. gadā"). Latvian writes ordinals exactly
that way, so a paragraph that begins with a year or a date lost a fact.

Here a block is a numbered list only when its items are numbered 1, 2, 3 … on
consecutive lines, starting at 1, with at least two items. Anything else that starts
with a number and a dot — one line, a list that starts at 2017 or at 7, numbers out of
order — is text, shown exactly as written. Roman numerals ("I grupa") were never a list.

The same extension is used for the texts in ``data/`` (``richtext.py``) and for the
hand-written pages in ``content/`` (``mkdocs.yml``: ``markdown_extensions``), so both
follow the rule described in docs/data-format.md.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.blockprocessors import OListProcessor
from markdown.extensions import Extension

# an item line at the top level of a block: up to 3 spaces, digits, a dot, a space
# (a list is numbered with at most 9 digits: a longer "number" is text, never int()'s limit)
_ITEM = re.compile(r"^ {0,3}(\d{1,9})\.[ \t]+\S", re.MULTILINE)


def is_numbered_list(block: str) -> bool:
    """True when the item lines of ``block`` are numbered 1, 2, 3 … (at least two)."""
    numbers = [int(match[1]) for match in _ITEM.finditer(block)]
    return len(numbers) >= 2 and numbers == list(range(1, len(numbers) + 1))


class EditorNumberedListProcessor(OListProcessor):
    """Python-Markdown's numbered-list parser, taking only the lists an editor numbered."""

    def test(self, parent: etree.Element, block: str) -> bool:
        return super().test(parent, block) and is_numbered_list(block)


class OrdinalsExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # the same name and priority as the processor it replaces
        md.parser.blockprocessors.register(EditorNumberedListProcessor(md.parser), "olist", 40)


def makeExtension(**kwargs: object) -> OrdinalsExtension:
    """Entry point for ``markdown_extensions: [sitegen.text.ordinals]`` in mkdocs.yml."""
    return OrdinalsExtension(**kwargs)
