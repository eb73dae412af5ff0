"""Sentence splitting and text collection: the rules, and the Python mirror
(hooks/sitegen/speech/listen_text.py, used to pre-render recordings) against listen.js itself."""

from __future__ import annotations

import random

import pytest
from listen_support import EXPECTED, fixture_page
from sitegen.speech.listen_text import MAX_PIECE, document_language, page_pieces, split_sentences


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Viens. Divi.", ["Viens.", "Divi."]),
        ("Vai tā? Jā! Labi…", ["Vai tā?", "Jā!", "Labi…"]),
        ("Lēmums Nr. 1985 pieņemts 2017. gada 9. martā.", None),
        ("Lēmums Nr. Sešpadsmit.", None),  # abbreviation before a capital
        (
            "Sazinieties ar A. Kalniņu. Viņa palīdzēs.",
            ["Sazinieties ar A. Kalniņu.", "Viņa palīdzēs."],
        ),
        ("Pakalpojumi (t.sk. Aprūpe) ir bez maksas.", None),
        ("Viņš teica: „Nāciet.” Mēs nācām.", ["Viņš teica: „Nāciet.”", "Mēs nācām."]),
        ("Ziņa (skat. iepriekš.) Tālāk teksts.", ["Ziņa (skat. iepriekš.)", "Tālāk teksts."]),
        ("e.g. Home care is free. It helps.", ["e.g. Home care is free.", "It helps."]),
        ("Cena ir 8.80. 9 eiro nav.", None),  # a digit does not start a new sentence here
        ("   ", []),
        ("Bez punkta", ["Bez punkta"]),
    ],
)
def test_split_sentences(text, sentences):
    assert split_sentences(text) == (sentences if sentences is not None else [text])


def test_long_sentences_are_cut_at_a_comma_then_a_space():
    words = " ".join(f"vārds{i}" for i in range(80))
    pieces = split_sentences(words)
    assert all(len(p) <= MAX_PIECE for p in pieces) and len(pieces) > 1
    assert " ".join(pieces) == words
    with_commas = ", ".join(f"daļa {i}" for i in range(60)) + "."
    pieces = split_sentences(with_commas)
    assert all(p.endswith(",") for p in pieces[:-1]) and pieces[-1].endswith(".")
    assert " ".join(pieces) == with_commas


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_python_mirror_collects_the_expected_pieces(lang):
    found = page_pieces(fixture_page(lang))
    assert found is not None
    page_lang, pieces = found
    assert page_lang == lang
    assert [(p.lang, p.text) for p in pieces] == EXPECTED[lang]


def test_python_mirror_needs_a_widget_and_a_target():
    assert (
        page_pieces("<html lang=lv><body><article class=md-content__inner>Teksts.</article>")
        is None
    )
    assert page_pieces("<html lang=lv><body><div data-listen></div><p>Teksts.</p>") is None
    found = page_pieces(
        "<html lang=lv><body><div data-listen data-listen-target='#x'></div>"
        "<article class=md-content__inner>Ne šis.</article><section id=x>Šis.</section>"
    )
    assert found is not None and [p.text for p in found[1]] == ["Šis."]


def test_python_mirror_parses_the_page_as_a_browser_does():
    # HTML5 ends a <p> where a <div> starts: the div is not inside the English paragraph
    found = page_pieces(
        "<html lang=lv><body><div data-listen></div><main>"
        "<p lang=en>Hello.<div>Labdien.</div></main>"
    )
    assert found is not None and [(p.lang, p.text) for p in found[1]] == [
        ("en", "Hello."),
        ("lv", "Labdien."),
    ]
    # a target that is not a selector at all: the mirror reads <main>
    found = page_pieces(
        "<html lang=lv><body><div data-listen data-listen-target='a[['></div><main>Šis.</main>"
    )
    assert found is not None and [p.text for p in found[1]] == ["Šis."]
    assert document_language("<html lang=' LV '><body>") == "lv"
    assert document_language("<p>Bez valodas</p>") == ""


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_python_mirror_matches_the_browser(open_page, lang):
    page = open_page(lang)
    in_browser = [tuple(p) for p in page.evaluate("listenWidget.pieces()")]
    found = page_pieces(fixture_page(lang))
    assert found is not None
    assert [(p.lang, p.text) for p in found[1]] == in_browser


def random_texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    words = ["Māja", "aprūpe", "Nr", "t.sk", "A", "e.g", "2017", "iela", "ĒRTI", "cena", "ok"]
    marks = [".", "!", "?", "…", ",", ";", ":", ")", "(", "«", "»", "„", "”", '"', "'", ". ", "  "]
    texts = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(0, 120)):
            parts.append(rng.choice(words) if rng.random() < 0.6 else rng.choice(marks))
            if rng.random() < 0.5:
                parts.append(" ")
        texts.append("".join(parts).strip())
    return texts


def test_sentence_splitting_matches_the_browser_on_random_text(open_page):
    texts = random_texts(600, seed=20240501)
    page = open_page("en")
    in_browser = page.evaluate("texts => texts.map(t => listenWidget.splitSentences(t))", texts)
    mismatches = [
        (t, js, split_sentences(t))
        for t, js in zip(texts, in_browser, strict=True)
        if js != split_sentences(t)
    ]
    assert mismatches == []
