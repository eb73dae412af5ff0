"""A text in the wrong language: Latvian pasted into ``en:``, or English into ``lv:``.

The language is told by lingua (``lingua-language-detector``), limited to Latvian and
English, in its low-accuracy mode (trigrams only: its models load in about 0.1 s instead of
0.5 s). Names are no evidence of a language ("Rēzekne City Social Service" is English), so
before a text is judged, quoted names (“Atelpas brīdis”), placeholders, addresses, e-mail
addresses, words written with a capital letter and the Latvian words of a street address
(iela, aleja …) are taken out. A text is reported only when at least ``MIN_WORDS`` words
remain and lingua is at least ``MIN_CONFIDENCE`` sure of the other language; a ``lv:`` text
is never called English while it has a Latvian letter (ā, č, ē …) outside names.

Measured on the project's own 876 Latvian–English pairs (the data and the interface
strings, tests/test_language_check.py keeps the figures true): no correct text is reported,
and of the texts long enough to judge, 99 % of the Latvian ones are reported when put into
``en:`` and 98 % of the English ones when put into ``lv:``. Shorter texts are not judged.

Results are kept by text (``check_cache``), so lingua is imported only when a text changed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..base.errors import DataError
from ..base.messages import message
from ..data.yamlread import Path_, ReadResult, render_path
from .check_cache import ResultCache

MIN_WORDS = 3
MIN_CONFIDENCE = 0.9
LANGS = ("lv", "en")

_QUOTED = re.compile(
    r"“[^”]*”|\"[^\"]*\"|‘[^’]*’|«[^»]*»|„[^“”]*[“”]|\{[^}]*\}|\]\([^)]*\)|https?://\S+|\S+@\S+"
)
_NAME = re.compile(r"\b[^\W\d_]*[A-ZĀČĒĢĪĶĻŅŠŪŽ][^\W\d_]*\b")
_ADDRESS = re.compile(
    r"\b(?:iela|ielā|aleja|alejā|prospekts|laukums|šoseja|gatve|bulvāris|pagasts|pagastā|"
    r"novads|novadā)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_]{2,}")
_LATVIAN_LETTERS = re.compile(r"[āčēģīķļņšūž]", re.IGNORECASE)


def lingua_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("lingua-language-detector")
    except PackageNotFoundError:
        return "missing"


def judged_words(text: str) -> str:
    """The words of ``text`` that tell its language (names, quotes, addresses taken out)."""
    text = _QUOTED.sub(" ", text)
    text = _ADDRESS.sub(" ", text)
    return " ".join(_WORD.findall(_NAME.sub(" ", text)))


class Detector:
    """lingua for Latvian and English, built on first use."""

    def __init__(self) -> None:
        self._detector: Any = None

    def confidence(self, text: str, lang: str) -> float:
        from lingua import Language, LanguageDetectorBuilder

        if self._detector is None:
            self._detector = (
                LanguageDetectorBuilder.from_languages(Language.LATVIAN, Language.ENGLISH)
                .with_low_accuracy_mode()
                .build()
            )
        language = Language.LATVIAN if lang == "lv" else Language.ENGLISH
        return float(self._detector.compute_language_confidence(text, language))


def wrong_language(text: str, field: str, detector: Detector) -> tuple[int, int] | None:
    """(words judged, confidence in %) when the ``field`` text (lv or en) is in the other
    language, else None."""
    words = judged_words(text)
    count = len(words.split())
    if count < MIN_WORDS:
        return None
    if field == "lv" and _LATVIAN_LETTERS.search(words):
        return None
    other = "en" if field == "lv" else "lv"
    confidence = detector.confidence(words, other)
    return (count, round(confidence * 100)) if confidence >= MIN_CONFIDENCE else None


def texts(node: Any, path: Path_ = ()) -> Iterator[tuple[Path_, dict[str, Any]]]:
    """Every bilingual text of a data file as read (a group with `lv` and `en`)."""
    if isinstance(node, dict):
        if all(isinstance(node.get(lang), str) for lang in LANGS) and not node.get("pending"):
            yield path, node
        for key, value in node.items():
            yield from texts(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from texts(value, (*path, index))


def language_problems(
    files: list[tuple[str, ReadResult]], cache: ResultCache, detector: Detector | None = None
) -> list[DataError]:
    detector = detector or Detector()
    errors = []
    for name, read in files:
        for path, node in texts(read.data):
            for field in LANGS:
                key = cache.key(b"language", field, node[field])
                found = cache.get(key)
                if found is None:
                    found = list(wrong_language(node[field], field, detector) or ())
                    cache.put(key, found)
                if not found:
                    continue
                other = "en" if field == "lv" else "lv"
                line, column = read.position((*path, field))
                errors.append(
                    DataError.of(
                        name,
                        line,
                        column,
                        render_path((*path, field)),
                        message(
                            "language.wrong",
                            field=field,
                            found=message(f"word.language.{other}"),
                            expected=message(f"word.language.{field}"),
                            words=found[0],
                            confidence=found[1],
                        ),
                    )
                )
    return errors
