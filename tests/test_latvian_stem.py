"""The Latvian stemmer of the search (hooks/sitegen/search/latvian_stem.py) against its case table.

The table (tests/stem_cases.json) is shared with the JS port's
test (overrides/widgets/search/tests/test_search_stem_js.py): both must give the same stems.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sitegen.search.latvian_stem import ENDINGS, MIN_STEM, stem, stems

CASES = json.loads(
    (Path(__file__).resolve().parent.parent / "tests/stem_cases.json").read_text(encoding="utf-8")
)


@pytest.mark.parametrize("group", CASES["meet"], ids=lambda g: g[0])
def test_forms_of_one_word_meet(group: list[str]) -> None:
    assert {w: stem(w) for w in group} == dict.fromkeys(group, stem(group[0]))


@pytest.mark.parametrize("pair", CASES["apart"], ids=lambda p: "-".join(p))
def test_different_words_stay_apart(pair: list[str]) -> None:
    assert stem(pair[0]) != stem(pair[1])


@pytest.mark.parametrize(("word", "expected"), sorted(CASES["stems"].items()))
def test_exact_stems(word: str, expected: str) -> None:
    assert stem(word) == expected


def test_endings_longest_first() -> None:
    """A shorter ending listed before a longer one it ends would hide it ("s" before "as")."""
    for i, ending in enumerate(ENDINGS):
        later = [e for e in ENDINGS[i + 1 :] if e.endswith(ending) and len(e) > len(ending)]
        assert not later, f"{ending!r} comes before {later}"
    assert len(set(ENDINGS)) == len(ENDINGS)


def test_a_stem_is_never_shorter_than_the_minimum() -> None:
    for word in ("lasa", "osas", "ajiem", "mamas", "iemiem"):
        assert len(stem(word)) >= min(MIN_STEM, len(word))


def test_stems_of_a_text_are_distinct_and_only_new_forms() -> None:
    text = "Naktspatversme un naktspatversmē; bērniem, bērni. 2017 par"
    assert stems(text) == ["naktspatversm", "bern"]


def test_the_table_catches_a_broken_stemmer(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the dative plural ending "iem", the table reports the pairs that no longer meet."""
    import sitegen.search.latvian_stem as module

    monkeypatch.setattr(module, "ENDINGS", tuple(e for e in ENDINGS if e != "iem"))
    broken = [g for g in CASES["meet"] if len({module.stem(w) for w in g}) > 1]
    assert any("bērniem" in g for g in broken)
