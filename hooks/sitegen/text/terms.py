r"""The termbase (``data/terms.yaml``): one English term for each Latvian term.

Two checks use it (tests/test_terms.py):

* ``renderings`` — in every Latvian–English pair of texts (data, hand-written pages, the
  interface strings) where the Latvian term occurs, the English text uses the chosen
  English term: one Latvian term never appears with two English renderings;
* ``forbidden_in`` — a forbidden English variant ("housing allowance") or a wrong Latvian
  word ("līdzdalība") in the text of a page.

A term pattern is a few words; a word may end in ``*`` for "any ending", so that
``dzīvokļa pabalst*`` finds every case of *dzīvokļa pabalsts*. Nothing else in a form is a
pattern: each word is literal text (``re.escape``), words are apart by ``\s+``, so the
compiled expression has no two quantifiers side by side and matching is linear in the text
(tests/hostile/test_round3.py checks the shape of every compiled pattern).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from pydantic import BaseModel

from ..base.messages import Message, message
from ..data.field_types import Text
from ..data.model import Term


@lru_cache(maxsize=1024)
def pattern(form: str, *, open_end: bool = False, plural: bool = False) -> re.Pattern[str]:
    """A term pattern as a regular expression (case-insensitive, whole words; with
    ``open_end`` the last word may go on: "housing benefit" finds "housing benefits"; with
    ``plural`` only a plural ending: "food package" finds "food packages")."""
    words = []
    for word in form.split():
        stem = word.rstrip("*")
        # a word is matched as literal text; `*` after a letter is the one wildcard (`\w*`).
        # A star with nothing before it stays literal: two quantifiers never meet (`\w*\s+
        # \w*` over a run of spaces would backtrack exponentially); model.TermForm refuses it
        words.append(re.escape(stem) + r"\w*" if stem and stem != word else re.escape(word))
    tail = r"\w*" if open_end else (r"(?:s|es)?(?!\w)" if plural else r"(?!\w)")
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + tail, re.IGNORECASE)


def has_latvian(term: Term, text: str) -> bool:
    return any(pattern(form).search(text) for form in term.lv_forms)


def has_english(term: Term, text: str) -> bool:
    """The chosen English term, in any of its accepted forms (a plural ending is fine)."""
    return any(pattern(form, open_end=True).search(text) for form in (term.en, *term.en_forms))


@dataclass(frozen=True)
class Finding:
    where: str
    term: Term
    message: Message
    found: str = ""  # the words as the text has them

    def __str__(self) -> str:
        return f"{self.where}: {self.message.en}"


def renderings(terms: list[Term], pairs: Iterator[tuple[str, str, str]]) -> list[Finding]:
    """Pairs (where, Latvian, English) whose Latvian text has a term that the English text
    renders otherwise."""
    found = []
    for where, lv, en in pairs:
        for term in terms:
            if has_latvian(term, lv) and not has_english(term, en):
                found.append(
                    Finding(
                        where,
                        term,
                        message("term.rendering", lv_term=term.lv, en_term=term.en, id=term.id),
                    )
                )
    return found


def forbidden_in(terms: list[Term], where: str, text: str, lang: str) -> list[Finding]:
    """Forbidden variants in a text of the given language."""
    found = []
    for term in terms:
        variants = term.forbidden if lang == "en" else term.forbidden_lv
        for variant in variants:
            match = pattern(variant, plural=lang == "en").search(text)
            if match:
                instead = term.en if lang == "en" else term.lv
                found.append(
                    Finding(
                        where,
                        term,
                        message("term.forbidden", found=match[0], instead=instead, id=term.id),
                        match[0],
                    )
                )
    return found


def text_pairs(node: Any, where: str) -> Iterator[tuple[str, str, str]]:
    """(field path, Latvian, English) for every text in a data object."""
    if isinstance(node, Text):
        if not node.pending:
            yield where, node.get("lv"), node.get("en")
    elif isinstance(node, BaseModel):
        for name in type(node).model_fields:
            yield from text_pairs(getattr(node, name), f"{where}.{name}")
    elif isinstance(node, list | tuple):
        for index, item in enumerate(node):
            yield from text_pairs(item, f"{where}[{index}]")
    elif isinstance(node, dict):
        for key, item in node.items():
            yield from text_pairs(item, f"{where}[{key}]")
