"""The Markdown subset of data texts (hooks/sitegen/text/richtext.py): what it keeps, what it removes,
and that a one-line text shown inside a sentence never becomes a block."""

from __future__ import annotations

import pytest
from sitegen.text.richtext import render_inline, render_markdown


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2017. gadā sniegti pakalpojumi", "2017. gadā sniegti pakalpojumi"),
        ("- ne saraksts", "- ne saraksts"),
        ("* ne saraksts", "* ne saraksts"),
        ("+ ne saraksts", "+ ne saraksts"),
        ("**Svarīgi:** 3. stāvā", "<strong>Svarīgi:</strong> 3. stāvā"),
        ("Cena 8.80 €", "Cena 8.80 €"),
    ],
)
def test_inline_text_that_starts_like_a_list_stays_text(text: str, expected: str) -> None:
    assert render_inline(text) == expected


def test_block_text_keeps_its_lists() -> None:
    assert render_markdown("1. viens\n2. divi").count("<li>") == 2
    assert render_markdown("- viens\n- divi").startswith("<ul>")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<b onclick=x()>a</b>", "a"),
        ("<script>alert(1)</script>b", "b"),
        ("[a](javascript:alert(1))", '<a rel="noopener noreferrer">a</a>'),
        ("[a](tel:+37164607194)", '<a href="tel:+37164607194" rel="noopener noreferrer">a</a>'),
    ],
)
def test_markup_outside_the_subset_is_removed(text: str, expected: str) -> None:
    assert render_inline(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2017. gadā Sociālais dienests sniedzis palīdzību.",
        "1. janvārī sākas jauns gads.",
        "9. martā pieņemts lēmums.\n10. martā tas stājās spēkā.",
        "I grupa un II grupa",
        "1. viens\n3. trīs",
    ],
)
def test_a_block_that_begins_with_an_ordinal_is_text(text: str) -> None:
    html = render_markdown(text)
    assert "<ol>" not in html
    assert html == "<p>" + text + "</p>"


def test_an_ordinal_inside_a_bullet_stays_text() -> None:
    assert render_markdown("- 2017. gadā\n- 2018. gadā") == (
        "<ul>\n<li>2017. gadā</li>\n<li>2018. gadā</li>\n</ul>"
    )
