"""Invisible, control and look-alike characters in text written by hand or by strangers.

A zero-width space, a right-to-left override or a Cyrillic "а" in a Latin word cannot be
seen in an editor nor in an error message, so every message here names the character by
its code and Unicode name ("U+200B ZERO WIDTH SPACE"). Used by the data reader, the
checks of hand-written pages and the e-mail check. Everything is linear in the text.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterator

from .messages import Message, message

# Unicode categories that are never wanted in a text a resident reads: format characters
# (zero-width, bidi controls, BOM, soft hyphen), controls, line/paragraph separators,
# private use, surrogates, unassigned code points and noncharacters
_REFUSED_CATEGORIES = {"Cf", "Cc", "Zl", "Zp", "Co", "Cs", "Cn"}
_ALLOWED_CONTROLS = {"\t", "\n", "\r"}
_BIDI = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# names of controls, which have none in the Unicode database
_CONTROL_NAMES = {
    0x00: "NULL",
    0x07: "BELL",
    0x08: "BACKSPACE",
    0x0B: "LINE TABULATION",
    0x0C: "FORM FEED",
    0x1B: "ESCAPE",
    0x7F: "DELETE",
    0x85: "NEXT LINE",
}
_SCRIPTS = ("LATIN", "CYRILLIC", "GREEK", "ARMENIAN", "CHEROKEE")
_LETTERS = re.compile(r"[^\W\d_]+")
# a number a page reads aloud and formats: at most MAX_DIGITS digits in thousands groups
# ("1 000 000"), at most MAX_RUN digits in one run (an account number has 13, a 10^40
# percentage or a 4,400-digit ordinal would stop the build: decimal's and int()'s limits)
MAX_DIGITS = 15
MAX_RUN = 20
_GROUPED = re.compile(r"(?<![\d.,])\d{1,3}(?:[ \u00a0\u202f.,]\d{3})+(?![\d])")
_RUN = re.compile(rf"\d{{{MAX_RUN + 1},}}")
# combining marks on one letter: Latvian needs one (a + U+0304 = ā), Vietnamese two
MAX_MARKS = 3
_MARKS = re.compile(
    "[\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u0610-\u061a\u064b-\u065f\u1ab0-\u1aff"
    f"\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]{{{MAX_MARKS + 1},}}"
)
_ENTITY = re.compile(r"&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});")


def name_key(text: str) -> str:
    """What two names are compared by: the same letters in Unicode's composed form (NFC:
    "ā" written as one character or as a + U+0304 is one name), case ignored."""
    if text.isascii():
        return text.casefold()
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", text).casefold())


def describe(char: str) -> str:
    """``U+200B ZERO WIDTH SPACE``: the code and the Unicode name of one character."""
    code = ord(char)
    name = unicodedata.name(char, "") or _CONTROL_NAMES.get(code, "")
    if not name:
        category = unicodedata.category(char)
        name = {
            "Cc": "a control character",
            "Co": "a private-use character",
            "Cs": "a surrogate",
        }.get(category, "an unassigned code point")
    return f"U+{code:04X} {name}"


def is_refused(char: str) -> bool:
    if char in _ALLOWED_CONTROLS:
        return False
    return unicodedata.category(char) in _REFUSED_CATEGORIES


def _reason(char: str) -> Message:
    if char == "\x00":
        return message("char.nul")
    if char == "\ufeff":
        return message("char.bom")
    if char in _BIDI:
        return message("char.bidi", char=describe(char))
    if unicodedata.category(char) == "Cc":
        return message("char.control", char=describe(char))
    return message("char.invisible", char=describe(char))


def invisible_characters(text: str) -> Iterator[tuple[int, Message]]:
    """(index, reason) for every refused character of ``text``; linear, and fast on the
    common case of a text without any."""
    if text.isascii() and text.isprintable():
        return
    for index, char in enumerate(text):
        if (char >= "\x7f" or char < " ") and is_refused(char):
            yield index, _reason(char)


def _script(char: str) -> str | None:
    if char.isascii():
        return "LATIN"
    first = unicodedata.name(char, "").split(" ", 1)[0]
    return first if first in _SCRIPTS else None


def mixed_scripts(text: str) -> Iterator[tuple[int, Message]]:
    """(index, reason) for every word that mixes Latin, Cyrillic or Greek letters, e.g.
    "Rеzekne" with a Cyrillic е: it looks right and is not (links, search, e-mail)."""
    if text.isascii():
        return
    for match in _LETTERS.finditer(text):
        word = match[0]
        if word.isascii():
            continue
        scripts = [_script(char) for char in word]
        found = {s for s in scripts if s}
        if len(found) < 2:
            continue
        main = max(found, key=scripts.count) if "LATIN" not in found else "LATIN"
        odd = next(
            char for char, script in zip(word, scripts, strict=True) if script not in (main, None)
        )
        offset = word.index(odd)
        shown = word if len(word) <= 40 else word[:40] + "…"
        yield (
            match.start() + offset,
            message(
                "char.mixed_scripts",
                word=shown,
                main=message(f"word.script.{main}"),
                other=message(f"word.script.{_script(odd)}"),
                char=describe(odd),
            ),
        )


def non_ascii(text: str) -> list[str]:
    """The distinct non-ASCII characters of ``text``, described (for ids, keys, e-mail)."""
    seen: list[str] = []
    for char in text:
        if not char.isascii() and char not in seen:
            seen.append(char)
    return [describe(char) for char in seen]


def entity_characters(text: str) -> Iterator[tuple[int, Message]]:
    """(index, reason) for every HTML entity that stands for a refused character, e.g.
    ``&#x202e;`` or ``&zwj;``: the Markdown of a text or a page would turn it into one."""
    if "&" not in text:
        return
    for match in _ENTITY.finditer(text):
        decoded = html.unescape(match[0])
        if len(decoded) == 1 and decoded != match[0] and is_refused(decoded):
            yield (
                match.start(),
                message("char.entity", entity=match[0], char=describe(decoded)),
            )


def long_numbers(text: str) -> Iterator[tuple[int, Message]]:
    """(index, reason) for every number too long to be read aloud, formatted or parsed:
    a run of more than ``MAX_RUN`` digits, or thousands groups of more than ``MAX_DIGITS``
    digits in all. Linear: each pattern is one pass without backtracking into a run."""
    for match in _RUN.finditer(text):
        yield match.start(), message("char.long_number", digits=len(match[0]), most=MAX_RUN)
    for match in _GROUPED.finditer(text):
        digits = sum(char.isdigit() for char in match[0])
        if digits > MAX_DIGITS:
            yield match.start(), message("char.long_number", digits=digits, most=MAX_DIGITS)


def stacked_marks(text: str) -> Iterator[tuple[int, Message]]:
    """(index, reason) for every letter with more than ``MAX_MARKS`` combining marks (they
    draw over the lines above and below: "Zalgo" text). One pass of a regular expression
    over the blocks of combining marks."""
    if text.isascii():
        return
    for match in _MARKS.finditer(text):
        yield (
            max(match.start() - 1, 0),
            message("char.stacked_marks", marks=len(match[0]), most=MAX_MARKS),
        )
