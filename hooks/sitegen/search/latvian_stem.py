"""A light stemmer for Latvian nouns and adjectives, for the site search (issue 11).

Pagefind has no Latvian stemmer, so the Latvian pages are indexed with the stems of their
words as well (``hooks/search_index.py``) and the search widget stems the resident's query
with the same rules (``overrides/widgets/search/search.js``, a port of this module). A query
"naktspatversmi" thus meets a page that says "naktspatversmē".

The rules, in this order (``stem``):

1. lower case, then fold diacritics (ā→a, ē→e, ī→i, ū→u, č→c, ģ→g, ķ→k, ļ→l, ņ→n, š→s,
   ž→z): residents type on phones without the long vowels, and Pagefind folds them too;
2. a word of fewer than ``MIN_WORD`` letters, or with a character that is not a letter,
   is kept whole;
3. the longest ending of ``ENDINGS`` that leaves at least ``MIN_STEM`` letters is cut.

Only inflection endings are cut, never derivation (-tājs, -šana, -ība): "aprūpe" and
"aprūpētājs" keep different stems. The pairs that must and must not meet are in
``tests/stem_cases.json``, shared by the Python and the JS tests.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

MIN_WORD = 4  # shorter words ("par", "ar", "un") are kept whole
MIN_STEM = 3  # an ending is cut only if at least this much of the word is left

# Noun and adjective endings (declensions 1-6, definite adjectives), diacritics folded.
# Longest first; the JS port keeps the same list (search.js, ENDINGS).
ENDINGS: tuple[str, ...] = (
    "ajiem",
    "ajam",
    "ajai",
    "ajos",
    "ajas",
    "iem",
    "ais",
    "ajo",
    "am",
    "im",
    "um",
    "ai",
    "ei",
    "em",
    "ie",
    "as",
    "es",
    "is",
    "us",
    "os",
    "a",
    "e",
    "i",
    "u",
    "o",
    "s",
)

_LETTERS = re.compile(r"^[a-z]+$")
_WORD = re.compile(r"[^\W\d_]+")


def fold(text: str) -> str:
    """Lower case without diacritics: "Aprūpē" -> "aprupe"."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def stem(word: str) -> str:
    """The stem of one word: "naktspatversmē" -> "naktspatversm"."""
    folded = fold(word)
    if len(folded) < MIN_WORD or not _LETTERS.match(folded):
        return folded
    for ending in ENDINGS:
        if folded.endswith(ending) and len(folded) - len(ending) >= MIN_STEM:
            return folded[: -len(ending)]
    return folded


def stems(text: str) -> list[str]:
    """The distinct stems of a text's words that differ from the words, in order of
    first appearance (the words themselves are indexed already)."""
    seen: dict[str, None] = {}
    for word in _WORD.findall(text):
        stemmed = _new_stem(word)
        if stemmed is not None and stemmed not in seen:
            seen[stemmed] = None
    return list(seen)


@lru_cache(maxsize=65536)
def _new_stem(word: str) -> str | None:
    """The word's stem when it differs from the folded word (pages repeat their words:
    each is stemmed once)."""
    stemmed = stem(word)
    return None if stemmed == fold(word) else stemmed
