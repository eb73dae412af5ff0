"""The one catalogue of editors' messages (hooks/sitegen/base/messages.yaml): every message in
Latvian and English, and the code uses only messages that are in it.

Each check is a function run on the real catalogue and code, and on a small broken one, so
it is seen to fail: an entry without English, placeholders that differ between the
languages, a counted text that lacks a Latvian plural form, code that uses a code not in the
catalogue, and an error built from a bare string instead of a message.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from sitegen.base import plurals
from sitegen.base.errors import DataError, format_errors
from sitegen.base.messages import CATALOGUE, LANGS, catalogue, message, placeholders

ROOT = Path(__file__).resolve().parents[1]
CODE = sorted((ROOT / "hooks" / "sitegen").rglob("*.py"))
CALLS = {"message", "_fail"}  # functions whose first argument is a message code


def catalogue_problems(entries: dict[str, Any]) -> list[str]:
    problems = []
    for code, entry in entries.items():
        if not isinstance(entry, dict):
            problems.append(f"{code}: not a group of lv and en")
            continue
        for lang in LANGS:
            text = entry.get(lang)
            if not text:
                problems.append(f"{code}: no {lang} text")
            elif isinstance(text, dict):
                missing = plurals.missing_forms(text, lang)
                if missing:
                    problems.append(f"{code}: the {lang} text lacks the plural forms {missing}")
        if all(entry.get(lang) for lang in LANGS):
            lv, en = (placeholders(entry[lang]) for lang in LANGS)
            if lv != en:
                problems.append(f"{code}: lv fills in {sorted(lv)}, en {sorted(en)}")
        extra = set(entry) - set(LANGS)
        if extra:
            problems.append(f"{code}: unknown keys {sorted(extra)}")
    return problems


def used_codes(source: str) -> tuple[set[str], set[str]]:
    """The codes a module passes to ``message``/``_fail``: literal ones, and the constant
    start of those built with an f-string (``f"kind.{kind}"`` -> ``kind.``)."""
    literal, prefixes = set(), set()
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and node.args):
            continue
        name = getattr(node.func, "id", getattr(node.func, "attr", None))
        if name not in CALLS:
            continue
        first = node.args[0]
        if isinstance(first, ast.Constant) and isinstance(first.value, str):
            literal.add(first.value)
        elif isinstance(first, ast.JoinedStr) and isinstance(first.values[0], ast.Constant):
            prefixes.add(str(first.values[0].value))
        else:
            prefixes.add("")  # a code from a variable: named in a table of literal codes
    return literal, prefixes


def code_problems(sources: dict[str, str], entries: dict[str, Any]) -> list[str]:
    problems = []
    for name, source in sources.items():
        literal, prefixes = used_codes(source)
        for code in sorted(literal):
            if code not in entries:
                problems.append(f"{name}: uses the message `{code}`, which is not in the catalogue")
        for prefix in sorted(prefixes - {""}):
            if not any(code.startswith(prefix) for code in entries):
                problems.append(f"{name}: builds codes `{prefix}…`; the catalogue has none")
        for node in ast.walk(ast.parse(source)):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", None) == "DataError"
                and name != "errors.py"
            ):
                problems.append(
                    f"{name}:{node.lineno}: DataError(…) from a bare string; use "
                    "DataError.of(…, message(code, …)) or SourceFile.where"
                )
    return problems


def unused_codes(sources: dict[str, str], entries: dict[str, Any]) -> list[str]:
    """Catalogue entries no code can reach (neither by name nor by a built code's start,
    nor named as a string in a table of codes)."""
    text = "\n".join(sources.values())
    reachable: set[str] = set()
    for source in sources.values():
        literal, prefixes = used_codes(source)
        reachable |= literal
        reachable |= {c for c in entries for p in prefixes - {""} if c.startswith(p)}
    return sorted(c for c in entries if c not in reachable and f'"{c}"' not in text)


def _sources() -> dict[str, str]:
    return {path.name: path.read_text(encoding="utf-8") for path in CODE}


# --- the real catalogue and code ------------------------------------------------------


def test_every_message_has_latvian_and_english() -> None:
    entries = catalogue()
    assert len(entries) >= 150
    assert catalogue_problems(entries) == []


def test_every_message_fills_in() -> None:
    for code, entry in catalogue().items():
        names = placeholders(entry["lv"])
        params: dict[str, Any] = dict.fromkeys(names, "X")
        if "count" in names or any(isinstance(entry[lang], dict) for lang in LANGS):
            params["count"] = 3
        filled = message(code, **params)
        assert filled.lv and filled.en, code


def test_the_code_uses_only_messages_of_the_catalogue() -> None:
    assert code_problems(_sources(), catalogue()) == []


def test_every_message_of_the_catalogue_is_used() -> None:
    assert unused_codes(_sources(), catalogue()) == []


def test_a_problem_reads_latvian_first_then_english() -> None:
    problem = DataError.of(
        "data/site.yaml", 3, 5, "checked", message("date_format", value="3.05.2027", hint="")
    )
    first, second = str(problem).splitlines()
    assert first.startswith("data/site.yaml:3:5: checked: datums jāraksta kā GGGG-MM-DD")
    assert second.strip().startswith("date must be written as YYYY-MM-DD")
    head = format_errors([problem]).splitlines()
    assert head[:2] == [
        "Datos ir 1 problēma; nekas netika publicēts:",
        "The data has 1 problem; nothing was published:",
    ]
    assert format_errors([problem] * 11).splitlines()[0].startswith("Datos ir 11 problēmu")


# --- each check fails on a catalogue or code that breaks its rule ------------------------


def test_the_catalogue_check_finds_a_missing_language_and_differing_placeholders() -> None:
    broken = yaml.safe_load(CATALOGUE.read_text(encoding="utf-8"))
    del broken["amount_comma"]["en"]
    broken["amount_negative"]["lv"] = "summa nedrīkst būt negatīva"  # {value} left out
    broken["run.problems"]["lv"].pop("zero")
    found = catalogue_problems(broken)
    assert "amount_comma: no en text" in found
    assert any(p.startswith("amount_negative: lv fills in []") for p in found)
    assert any(
        p.startswith("run.problems: the lv text lacks the plural forms ['zero']") for p in found
    )


def test_the_code_check_finds_an_unknown_code_and_a_bare_string() -> None:
    sources = {
        "rules.py": 'x = message("no.such.code")\ny = message(f"nokind.{k}")\n',
        "loader.py": 'e = DataError("f", 1, 1, "", "a bare English string")\n',
    }
    found = code_problems(sources, catalogue())
    assert "rules.py: uses the message `no.such.code`, which is not in the catalogue" in found
    assert "rules.py: builds codes `nokind.…`; the catalogue has none" in found
    assert any(p.startswith("loader.py:1: DataError(…) from a bare string") for p in found)


def test_the_unused_check_finds_a_message_no_code_uses() -> None:
    entries = dict(catalogue()) | {"never.used": {"lv": "x", "en": "x"}}
    assert unused_codes(_sources(), entries) == ["never.used"]


@pytest.mark.parametrize("lang", LANGS)
def test_no_message_is_left_in_english_in_the_latvian_text(lang: str) -> None:
    """The Latvian text of a message is not a copy of the English one (a forgotten
    translation), except where both are only names or symbols."""
    same = [
        code
        for code, entry in catalogue().items()
        if lang == "lv"
        and entry["lv"] == entry["en"]
        and re.search(r"[a-z]{4,}", str(entry["en"]).replace("data", "").replace("content", ""))
    ]
    assert same == []
