"""Editors' messages in Latvian and English, from one catalogue (``messages.yaml``).

``message("amount_comma", what=message("word.amount"), value="8,80", fixed="8.80")`` gives a
``Message`` with the Latvian and the English text filled in. A placeholder whose value is a
``Message`` takes that message's text in the same language (``word.…``, ``kind.…``); a
counted entry (one text per plural category) is chosen for ``count`` by Babel's rules
(``plurals.py``, imported only then). Python's spelling of values in ``{value!r}``
(``Decimal('8.8')``, ``None``) becomes the editor's.

An unknown code is a programming mistake, not an editor's: it raises ``KeyError`` (and
tests/test_messages.py finds every code the code uses in the catalogue).
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

CATALOGUE = Path(__file__).with_name("messages.yaml")
LANGS = ("lv", "en")  # Latvian first: the editors are Latvian


@dataclass(frozen=True, order=True)
class Message:
    code: str
    lv: str
    en: str

    def text(self, lang: str) -> str:
        return self.lv if lang == "lv" else self.en

    def __str__(self) -> str:
        return f"{self.lv} / {self.en}"


@lru_cache(maxsize=1)
def catalogue() -> dict[str, dict[str, Any]]:
    """The catalogue, read from ``messages.yaml``. Parsing YAML costs about 30 ms on every
    `make validate`, so the parsed catalogue is kept as JSON in ``__pycache__`` (as Python
    keeps its bytecode), named by the YAML's hash: a changed catalogue is read again."""
    raw = CATALOGUE.read_bytes()
    kept = (
        CATALOGUE.parent / "__pycache__" / f"messages-{hashlib.sha256(raw).hexdigest()[:16]}.json"
    )
    try:
        return json.loads(kept.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    entries = yaml.load(raw.decode("utf-8"), Loader=loader)  # a safe loader: plain values only
    try:
        kept.parent.mkdir(exist_ok=True)
        kept.write_text(json.dumps(entries, ensure_ascii=False), encoding="utf-8")
    except OSError:
        pass
    return entries


# Python's spelling of values, as repr() shows them, in the words editors read
_REPRS = re.compile(
    r"Decimal\('([^']*)'\)|datetime\.date\((\d+), (\d+), (\d+)\)|(?<![\w'])None(?![\w'])"
)


def readable(text: str, lang: str) -> str:
    def one(match: re.Match[str]) -> str:
        if match[1] is not None:
            return match[1]
        if match[2] is not None:
            return f"{int(match[2]):04d}-{int(match[3]):02d}-{int(match[4]):02d}"
        return message("word.empty").text(lang)

    return _REPRS.sub(one, text)


def _fill(template: Any, lang: str, params: dict[str, Any]) -> str:
    if isinstance(template, dict):  # a counted text: one form per plural category
        from .plurals import pick

        template = pick(template, params["count"], lang)
    values = {k: v.text(lang) if isinstance(v, Message) else v for k, v in params.items()}
    return readable(str(template).format(**values), lang)


def message(code: str, /, **params: Any) -> Message:
    """The message ``code`` of the catalogue, filled in, in both languages."""
    entry = catalogue()[code]
    return Message(code, *(_fill(entry[lang], lang, params) for lang in LANGS))


def placeholders(template: Any) -> set[str]:
    """The names a template (or each form of a counted one) fills in."""
    import string

    texts = template.values() if isinstance(template, dict) else [template]
    return {
        name.split("!")[0].split(".")[0]
        for text in texts
        for _, name, _, _ in string.Formatter().parse(str(text))
        if name
    }
