"""Markup that reads well, checked on every page of the default site.

The rules live in tests/markup_rules.py; here they run over each built page (Latvian at /,
English at /en/) and, to show each can fail, over small pages that break them.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import markup_rules as rules
import pytest
import yaml
from htmltree import Element, parse, parse_file
from pydantic import BaseModel
from sitegen.checks.loader import load_data_dir
from sitegen.data.field_types import Text
from sitegen.text.richtext import render_markdown

from testsupport.data import DATA_DIR

ROOT = Path(__file__).resolve().parent.parent
MIN_PHRASE = 20  # shorter pieces (names, "GMI", "Nr.") may rightly be the same in both


def page_lang(rel: str) -> str:
    return "en" if rel.startswith("en/") else "lv"


@pytest.fixture(scope="module")
def pages(default_site: Path) -> dict[str, Element]:
    found = {
        p.relative_to(default_site).as_posix(): parse_file(p) for p in default_site.rglob("*.html")
    }
    assert len(found) > 20 and any(rel.startswith("en/") for rel in found), sorted(found)
    return found


def check_site(pages: dict[str, Element], rule: Callable[..., list[str]], *args: object) -> None:
    problems = [
        f"{rel}: {problem}"
        for rel, doc in sorted(pages.items())
        for problem in rule(doc, page_lang(rel), *args)
    ]
    assert not problems, f"{len(problems)} problem(s):\n" + "\n".join(problems[:60])


# --- the whole site ------------------------------------------------------------------------


def test_every_page_declares_its_language(pages: dict[str, Element]) -> None:
    assert {page_lang(rel) for rel in pages} == {"lv", "en"}
    check_site(pages, rules.page_language)


def test_links_to_the_other_language_carry_lang(pages: dict[str, Element]) -> None:
    check_site(pages, rules.language_links)


def test_text_in_the_other_language_carries_lang(pages: dict[str, Element]) -> None:
    phrases = other_language_phrases()
    assert len(phrases["lv"]) > 100 and len(phrases["en"]) > 100
    # the phrases are as the pages show them: most are found on the pages of their own language
    for lang, other in (("lv", "en"), ("en", "lv")):
        own_text = " ".join(
            " ".join(doc.find("body").text().split())
            for rel, doc in pages.items()
            if page_lang(rel) == other
        )
        found = sum(phrase in own_text for phrase in phrases[lang])
        assert found > len(phrases[lang]) / 2, (lang, found, len(phrases[lang]))
    problems = [
        f"{rel}: {problem}"
        for rel, doc in sorted(pages.items())
        for problem in rules.other_language_text(doc, page_lang(rel), phrases[page_lang(rel)])
    ]
    assert not problems, "\n".join(problems[:60])


def test_headings_in_order(pages: dict[str, Element]) -> None:
    check_site(pages, rules.headings)


def test_tables_have_captions_and_header_scopes(pages: dict[str, Element]) -> None:
    assert any(doc.find("table") for doc in pages.values())
    check_site(pages, rules.tables)


def test_times_and_dates_are_time_elements(pages: dict[str, Element]) -> None:
    assert any(doc.find("time") for doc in pages.values())
    check_site(pages, rules.times)


def test_abbreviations_are_explained(pages: dict[str, Element]) -> None:
    known = vocabulary_abbreviations()
    assert known["lv"] and known["en"]
    problems = [
        f"{rel}: {problem}"
        for rel, doc in sorted(pages.items())
        for problem in rules.abbreviations(doc, page_lang(rel), known[page_lang(rel)])
    ]
    assert not problems, "\n".join(problems[:60])
    assert any(doc.find("abbr") for doc in pages.values())


def test_landmarks_and_skip_link(pages: dict[str, Element]) -> None:
    check_site(pages, rules.landmarks_and_skip_link)


def test_phone_numbers_are_tel_links(pages: dict[str, Element]) -> None:
    assert any(
        doc.find(lambda e: (e.get("href") or "").startswith("tel:")) for doc in pages.values()
    )
    check_site(pages, rules.phones)


def test_prices_in_the_page_language_format(pages: dict[str, Element]) -> None:
    check_site(pages, rules.prices)
    shown = {
        lang: sum(
            len(rules.MONEY_NEAR_SIGN.findall(doc.find("body").text()))
            for rel, doc in pages.items()
            if page_lang(rel) == lang
        )
        for lang in ("lv", "en")
    }
    assert shown["lv"] > 10 and shown["en"] > 10, shown


def test_ids_are_unique(pages: dict[str, Element]) -> None:
    check_site(pages, rules.duplicate_ids)


def test_help_box_once_after_the_content(pages: dict[str, Element]) -> None:
    assert "404.html" in pages  # the not-found page too: its links start from the site root
    check_site(pages, rules.help_box)


# --- what the rules are given --------------------------------------------------------------


def _texts(node: object) -> Iterator[Text]:
    if isinstance(node, Text):
        yield node
    elif isinstance(node, BaseModel):
        for name in type(node).model_fields:
            yield from _texts(getattr(node, name))
    elif isinstance(node, dict):
        for value in node.values():
            yield from _texts(value)
    elif isinstance(node, list | tuple):
        for value in node:
            yield from _texts(value)


def _plain(markdown_text: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", render_markdown(markdown_text))).split())


def _pieces(text: str) -> list[str]:
    """Sentences and clauses long enough to belong to one language only."""
    return [
        p.strip()
        for p in re.split(r"\{[^}]*\}|[.;:!?](?:\s|$)|\n", text)
        if len(p.strip()) >= MIN_PHRASE
    ]


def other_language_phrases() -> dict[str, set[str]]:
    """For each page language, phrases that exist only in the other language's texts."""
    data = load_data_dir(DATA_DIR).data
    assert data is not None
    pairs = [
        (t.lv, t.en)
        for t in _texts([data.site, data.vocabulary, data.legal_acts, data.providers, data.reports])
    ]
    ui = yaml.safe_load((ROOT / "overrides" / "sitegen" / "ui.yaml").read_text(encoding="utf-8"))
    for v in ui.values():  # a counted string has a text per plural form: pair the `other` forms
        lv, en = v.get("lv"), v.get("en")
        pairs.append((lv.get("other"), en.get("other")) if isinstance(lv, dict) else (lv, en))
    plain = {"lv": [], "en": []}
    for lv, en in pairs:
        if lv and en and lv != en:
            plain["lv"].append(_plain(lv))
            plain["en"].append(_plain(en))
    everything = {lang: "\n".join(texts) for lang, texts in plain.items()}
    phrases: dict[str, set[str]] = {}
    for lang, other in (("lv", "en"), ("en", "lv")):
        phrases[lang] = {
            piece
            for text in plain[other]
            for piece in _pieces(text)
            if piece not in everything[lang]
        }
    return phrases


def vocabulary_abbreviations() -> dict[str, dict[str, str]]:
    data = load_data_dir(DATA_DIR).data
    assert data is not None
    return {
        lang: {a.short.get(lang): a.full.get(lang) for a in data.vocabulary.abbreviations}
        for lang in ("lv", "en")
    }


# --- each rule can fail --------------------------------------------------------------------

GOOD_PAGE = """<!doctype html><html lang="lv"><head><title>x</title></head><body>
<a class="md-skip" href="#c">Pāriet uz saturu</a>
<header><nav aria-label="Galvene"><a href="../en/" hreflang="en" lang="en">English</a></nav></header>
<main><div id="c" tabindex="-1"><h1>Aprūpe</h1>
<h2>Cena</h2><p>Maksā <span>8,80 €</span> mēnesī; <abbr title="garantētais minimālais ienākumu līmenis">GMI</abbr>.</p>
<table><caption>Darba laiks</caption><tr><th scope="row">Pirmdiena</th>
<td><time datetime="08:00">8.00</time>–<time datetime="16:30">16.30</time></td></tr></table>
<p>Zvaniet <a href="tel:+37164607194">64607194</a>. <span lang="en">Opening hours</span></p>
<aside class="sg-help"><h2>Vajadzīga palīdzība?</h2></aside></div></main>
<footer></footer></body></html>"""

ABBR = {"GMI": "garantētais minimālais ienākumu līmenis"}


def _broken(old: str, new: str) -> Element:
    assert old in GOOD_PAGE, old
    return parse(GOOD_PAGE.replace(old, new, 1))


ALL_RULES: list[Callable[[Element, str], list[str]]] = [
    rules.page_language,
    rules.language_links,
    rules.headings,
    rules.tables,
    rules.times,
    lambda doc, lang: rules.abbreviations(doc, lang, ABBR),
    rules.landmarks_and_skip_link,
    rules.phones,
    rules.prices,
    rules.duplicate_ids,
    rules.help_box,
    lambda doc, lang: rules.other_language_text(doc, lang, {"Work out what a service will cost"}),
]


def test_the_good_page_keeps_every_rule() -> None:
    doc = parse(GOOD_PAGE)
    for rule in ALL_RULES:
        assert rule(doc, "lv") == [], rule


@pytest.mark.parametrize(
    ("rule", "old", "new", "expected"),
    [
        (rules.page_language, '<html lang="lv">', '<html lang="en">', "expected"),
        (rules.language_links, 'hreflang="en" lang="en"', 'hreflang="en"', "hreflang"),
        (rules.headings, "<h2>Cena</h2>", "<h3>Cena</h3>", "skipped"),
        (rules.headings, "<h2>Cena</h2>", "<h1>Cena</h1>", "2 <h1>"),
        (rules.headings, "<h2>Cena</h2>", "<h2> </h2>", "empty heading"),
        (rules.tables, "<caption>Darba laiks</caption>", "", "no caption"),
        (rules.tables, '<th scope="row">', "<th>", "no scope"),
        (rules.times, '<time datetime="08:00">8.00</time>', "8.00", "clock time outside"),
        (rules.times, 'datetime="16:30"', 'datetime="16.30"', "datetime="),
        (rules.times, "<p>Maksā", "<p>2017. gada 5. decembrī. Maksā", "date outside"),
        (
            rules.landmarks_and_skip_link,
            '<a class="md-skip" href="#c">Pāriet uz saturu</a>',
            "",
            "skip",
        ),
        (rules.landmarks_and_skip_link, 'href="#c"', 'href="#nowhere"', "does not exist"),
        (rules.landmarks_and_skip_link, "<footer></footer>", "", "no <footer>"),
        (rules.landmarks_and_skip_link, "<main>", "<main><main>", "2 <main>"),
        (rules.phones, 'href="tel:+37164607194"', 'href="tel:64607194"', "href="),
        (rules.phones, '<a href="tel:+37164607194">64607194</a>', "64607194", "not a tel:"),
        (rules.prices, "8,80 €", "€8.80", "not in the lv format"),
        (rules.prices, "8,80 €", "8.80 €", "not in the lv format"),
        (rules.duplicate_ids, 'id="c"', 'id="c"><span id="c"></span', "used 2 times"),
        (rules.help_box, "</aside></div>", "</aside><p>Vēl teksts</p></div>", "followed by"),
        (
            rules.help_box,
            '<aside class="sg-help"><h2>Vajadzīga palīdzība?</h2></aside>',
            "",
            "0 help",
        ),
    ],
)
def test_each_rule_fails_on_a_page_that_breaks_it(
    rule: Callable[[Element, str], list[str]], old: str, new: str, expected: str | None
) -> None:
    problems = rule(_broken(old, new), "lv")
    if expected is None:  # a harmless change: still no problem
        assert problems == []
    else:
        assert any(expected in p for p in problems), problems


def test_abbreviation_rule_fails() -> None:
    doc = _broken('<abbr title="garantētais minimālais ienākumu līmenis">GMI</abbr>', "GMI")
    assert rules.abbreviations(doc, "lv", ABBR)
    wrong = _broken('title="garantētais minimālais ienākumu līmenis"', 'title="GMI"')
    assert rules.abbreviations(wrong, "lv", ABBR)


def test_other_language_rule_fails() -> None:
    phrase = "Work out what a service will cost"
    doc = _broken('<span lang="en">Opening hours</span>', f"<span>{phrase}</span>")
    assert rules.other_language_text(doc, "lv", {phrase})
    marked = _broken('<span lang="en">Opening hours</span>', f'<span lang="en">{phrase}</span>')
    assert rules.other_language_text(marked, "lv", {phrase}) == []


def test_english_prices() -> None:
    doc = parse('<html lang="en"><body><p>Costs €8.80 a month, €1,234.50 a year</p></body></html>')
    assert rules.prices(doc, "en") == []
    assert rules.prices(parse("<html><body><p>Costs 8,80 € a month</p></body></html>"), "en")
