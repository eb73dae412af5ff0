"""Spoken-form annotation of residents' texts: what is wrapped, what is left alone.

Expected HTML is written by hand. The properties at the end check, for generated texts, that
annotation never changes what a reader sees and never breaks the markup.
"""

from __future__ import annotations

import html
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sitegen.speech.speech_markup import annotate_html, find_all

from testsupport.fuzzing import budget

ABBR_LV = {"GMI": "garantētais minimālais ienākumu līmenis", "SAC": "sociālās aprūpes centrs"}
ABBR_EN = {"GMI": "guaranteed minimum income"}


def span(speak: str, visible: str) -> str:
    return f'<span data-speak="{speak}">{visible}</span>'


LV_CASES = [
    # amounts
    ("<p>Cena 8,80&nbsp;€ dienā</p>",
     f"<p>Cena {span('astoņi eiro, astoņdesmit centi', '8,80&nbsp;€')} dienā</p>"),
    ("<p>0,85 eiro par km</p>", f"<p>{span('astoņdesmit pieci centi', '0,85 eiro')} par km</p>"),
    ("<p>maksa 54,00 eiro.</p>", f"<p>maksa {span('piecdesmit četri eiro', '54,00 eiro')}.</p>"),
    ("<p>0,15 eiro</p>", f"<p>{span('piecpadsmit centi', '0,15 eiro')}</p>"),
    ("<p>izlietoti 761 514 euro</p>",
     "<p>izlietoti " + span("septiņi simti sešdesmit viens tūkstotis pieci simti četrpadsmit eiro",
                            "761 514 euro") + "</p>"),
    ("<p>5 €</p>", f"<p>{span('pieci eiro', '5 €')}</p>"),
    # times
    ("<p>Darba laiks 8.00–16.30</p>",
     f"<p>Darba laiks {span('no astoņiem līdz sešpadsmitiem trīsdesmit', '8.00–16.30')}</p>"),
    ("<p>8.00 – 12.00 un 12.30 - 16.30</p>",
     f"<p>{span('no astoņiem līdz divpadsmitiem', '8.00 – 12.00')} un "
     f"{span('no divpadsmitiem trīsdesmit līdz sešpadsmitiem trīsdesmit', '12.30 - 16.30')}</p>"),
    ("<p>no plkst. 8.00 līdz plkst. 16.30</p>",
     f"<p>no {span('pulksten astoņiem', 'plkst. 8.00')} līdz "
     f"{span('pulksten sešpadsmitiem trīsdesmit', 'plkst. 16.30')}</p>"),
    ("<p>Sākums plkst. 15.00.</p>",
     f"<p>Sākums {span('pulksten piecpadsmitos', 'plkst. 15.00')}.</p>"),
    ("<p>līdz 16.30.</p>", f"<p>līdz {span('sešpadsmitiem trīsdesmit', '16.30')}.</p>"),
    ("<p>naktī 20.00–8.00</p>",
     f"<p>naktī {span('no divdesmitiem līdz astoņiem nākamajā rītā', '20.00–8.00')}</p>"),
    ("<p>8.00–24.00</p>", f"<p>{span('no astoņiem līdz pusnaktij', '8.00–24.00')}</p>"),
    # phones, postal codes, percentages
    ("<p>Tālrunis: 25638929, 26673599</p>",
     "<p>Tālrunis: "
     + span("divdesmit pieci, sešdesmit trīs, astoņdesmit deviņi, divdesmit deviņi", "25638929")
     + ", "
     + span("divdesmit seši, sešdesmit septiņi, trīsdesmit pieci, deviņdesmit deviņi", "26673599")
     + "</p>"),
    ("<p>64 60 71 94</p>",
     "<p>" + span("sešdesmit četri, sešdesmit, septiņdesmit viens, deviņdesmit četri",
                  "64 60 71 94") + "</p>"),
    ("<p>+371 64607194</p>",
     "<p>" + span("plus trīs septiņi viens, sešdesmit četri, sešdesmit, septiņdesmit viens, "
                  "deviņdesmit četri", "+371 64607194") + "</p>"),
    ("<p>Rēzekne, LV-4601</p>",
     f"<p>Rēzekne, {span('el vē četri seši nulle viens', 'LV-4601')}</p>"),
    ("<p>25% un 60,07 %</p>",
     f"<p>{span('divdesmit pieci procenti', '25%')} un "
     f"{span('sešdesmit komats nulle septiņi procenti', '60,07 %')}</p>"),
    # abbreviations
    ("<p>GMI pabalsts</p>",
     '<p><abbr title="garantētais minimālais ienākumu līmenis" '
     'data-speak="garantētais minimālais ienākumu līmenis">GMI</abbr> pabalsts</p>'),
]  # fmt: skip

LEFT_ALONE = [
    "<p>2017. gada 9.marta lēmums Nr. 1985</p>",  # a date and a decision number
    "<p>saskaņā ar 2.10. punktu; no 2.10. apakšpunkta</p>",  # clause numbers, not times
    "<p>datums 09.03.2017</p>",
    "<p>reģ. Nr. 90000078104</p>",  # 11 digits: a registration number, not a phone
    "<p>LV12HABA0551026781234</p>",  # an IBAN
    "<p>12345678</p>",  # 8 digits that are not a Latvian phone number
    "<p>GMIX un XGMI</p>",  # not the abbreviation
    "<p>852 ģimenes jeb 1590 personas</p>",
    "<p>8.30</p>",  # a bare number with a point: nothing says it is a time
]


@pytest.mark.parametrize(("source", "expected"), LV_CASES)
def test_latvian_values_are_wrapped(source: str, expected: str) -> None:
    assert annotate_html(source, "lv", ABBR_LV) == expected


@pytest.mark.parametrize("source", LEFT_ALONE)
def test_other_numbers_are_left_alone(source: str) -> None:
    assert annotate_html(source, "lv", ABBR_LV) == source


EN_CASES = [
    ("<p>€8.80 a day</p>", f"<p>{span('eight euros and eighty cents', '€8.80')} a day</p>"),
    ("<p>9.23 euros</p>", f"<p>{span('nine euros and twenty-three cents', '9.23 euros')}</p>"),
    ("<p>1,500 euros</p>", f"<p>{span('one thousand, five hundred euros', '1,500 euros')}</p>"),
    ("<p>0,85 EUR</p>", f"<p>{span('eighty-five cents', '0,85 EUR')}</p>"),
    ("<p>from 8:00 to 16:30</p>",
     f"<p>from {span('eight in the morning', '8:00')} to "
     f"{span('four thirty in the afternoon', '16:30')}</p>"),
    ("<p>8.00–16.30</p>",
     f"<p>{span('from eight in the morning to four thirty in the afternoon', '8.00–16.30')}</p>"),
    ("<p>Phone: 64607194</p>",
     f"<p>Phone: {span('six four, six zero, seven one, nine four', '64607194')}</p>"),
    ("<p>3.4 %</p>", f"<p>{span('three point four percent', '3.4 %')}</p>"),
    ("<p>GMI</p>",
     '<p><abbr title="guaranteed minimum income" data-speak="guaranteed minimum income">'
     "GMI</abbr></p>"),
]  # fmt: skip


@pytest.mark.parametrize(("source", "expected"), EN_CASES)
def test_english_values_are_wrapped(source: str, expected: str) -> None:
    assert annotate_html(source, "en", ABBR_EN) == expected


def test_an_amount_is_not_also_a_time() -> None:
    found = find_all("9.23 euros", "en", {})
    assert [(f.start, f.end) for f in found] == [(0, 10)]


# --- markup that must survive -------------------------------------------------


def test_attributes_are_never_touched() -> None:
    source = '<p title="8,80 € 64607194 GMI" data-x="8.00–16.30">text</p>'
    assert annotate_html(source, "lv", ABBR_LV) == source


@pytest.mark.parametrize(
    "source",
    [
        '<a href="tel:+37164607194">64607194</a>',
        '<p><a href="/x">8,80 € <strong>GMI</strong></a></p>',
        '<abbr title="x">GMI</abbr>',
        '<span data-speak="already">8,80 €</span>',
        '<div data-speak="already"><p>8.00–16.30</p></div>',
        "<code>8,80 €</code><pre>LV-4601</pre>",
        "<!-- 8,80 € -->",
    ],
)
def test_protected_places_are_left_alone(source: str) -> None:
    assert annotate_html(source, "lv", ABBR_LV) == source


def test_text_after_a_closed_link_is_annotated() -> None:
    source = '<p><a href="/x">link</a> 5 €</p>'
    assert (
        annotate_html(source, "lv", {})
        == f'<p><a href="/x">link</a> {span("pieci eiro", "5 €")}</p>'
    )


def test_escaped_markup_in_text_stays_escaped() -> None:
    source = "<p>&lt;script&gt;alert(1)&lt;/script&gt; 5 € &amp; a &lt; b</p>"
    expected = (
        f"<p>&lt;script&gt;alert(1)&lt;/script&gt; {span('pieci eiro', '5 €')} &amp; a &lt; b</p>"
    )
    assert annotate_html(source, "lv", {}) == expected


def test_spoken_text_is_escaped_in_the_attribute() -> None:
    abbreviations = {"XY": 'a "quoted" <name> & more'}
    out = annotate_html("<p>XY</p>", "lv", abbreviations)
    assert out == (
        '<p><abbr title="a &quot;quoted&quot; &lt;name&gt; &amp; more" '
        'data-speak="a &quot;quoted&quot; &lt;name&gt; &amp; more">XY</abbr></p>'
    )


def test_nested_tags_and_lines() -> None:
    source = "<ul>\n<li><strong>Cena:</strong> 8,80 €</li>\n<li>Tālr.\n64607194</li>\n</ul>"
    expected = (
        "<ul>\n<li><strong>Cena:</strong> "
        + span("astoņi eiro, astoņdesmit centi", "8,80 €")
        + "</li>\n<li>Tālr.\n"
        + span("sešdesmit četri, sešdesmit, septiņdesmit viens, deviņdesmit četri", "64607194")
        + "</li>\n</ul>"
    )
    assert annotate_html(source, "lv", {}) == expected


def test_element_language_decides() -> None:
    source = '<p>5 € <span lang="en">€5.00</span></p>'
    expected = (
        f'<p>{span("pieci eiro", "5 €")} <span lang="en">{span("five euros", "€5.00")}</span></p>'
    )
    assert annotate_html(source, "lv", ABBR_LV) == expected


def test_void_elements_do_not_open_a_scope() -> None:
    source = "<p>a<br>5 €<img src=x alt=''>GMI</p>"
    out = annotate_html(source, "lv", ABBR_LV)
    assert span("pieci eiro", "5 €") in out
    assert ">GMI</abbr>" in out


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError):
        annotate_html("<p>5 €</p>", "de", {})


# --- properties ---------------------------------------------------------------


class _Reader(HTMLParser):
    """Collects the visible text and the tag sequence apart from the added wrappers."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.tags: list[str] = []
        self.depth = 0
        self.added = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if ("data-speak" in dict(attrs)) and tag in ("span", "abbr"):
            self.added += 1
            return
        self.tags.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("span", "abbr") and self.tags[-1:] != [tag]:
            return
        self.tags.append("/" + tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _read(source: str) -> _Reader:
    reader = _Reader()
    reader.feed(source)
    reader.close()
    return reader


PIECES = st.sampled_from(
    ["8,80 €", "0,85 eiro", "€8.80", "9.23 euros", "8.00–16.30", "plkst. 12.00", "no ", "līdz ",
     "64607194", "+371 25638929", "LV-4601", "25%", "60,07 %", "GMI", "2017. gada", "Nr. 54",
     " ", ", ", ". ", "<", ">", "&", '"', "a", "ā", "\u00a0", "\n", "12", "3.4", ":"]
)  # fmt: skip


@settings(max_examples=budget(300))
@given(st.lists(PIECES, max_size=12), st.lists(PIECES, max_size=6), st.sampled_from(["lv", "en"]))
def test_annotation_keeps_text_and_markup(first: list[str], second: list[str], lang: str) -> None:
    a, b = "".join(first), "".join(second)
    source = (
        f'<p title="{html.escape(a)}">{html.escape(a, quote=False)}'
        f"<em>{html.escape(b, quote=False)}</em></p>"
    )
    out = annotate_html(source, lang, ABBR_LV if lang == "lv" else ABBR_EN)
    before, after = _read(source), _read(out)
    assert "".join(after.text) == "".join(before.text)
    assert after.tags == before.tags
    assert out.startswith(f'<p title="{html.escape(a)}">')


@settings(max_examples=budget(300))
@given(st.lists(PIECES, max_size=12), st.sampled_from(["lv", "en"]))
def test_annotating_twice_changes_nothing(pieces: list[str], lang: str) -> None:
    # words separated by spaces, as in real texts (glued pieces such as "16.30plkst." read
    # differently once a wrapper splits the text)
    source = f"<p>{html.escape(' '.join(pieces), quote=False)}</p>"
    abbreviations = ABBR_LV if lang == "lv" else ABBR_EN
    out = annotate_html(source, lang, abbreviations)
    assert annotate_html(out, lang, abbreviations) == out


@pytest.mark.parametrize(
    "source", ["<p>8.00–24.30</p>", "<p>24.30–8.00</p>", "<p>plkst. 24.15</p>"]
)
def test_impossible_times_are_left_alone(source: str) -> None:
    assert annotate_html(source, "lv", {}) == source


def test_one_impossible_time_does_not_hide_the_others() -> None:
    out = annotate_html("<p>8.00–24.30; 8.00–16.30</p>", "lv", {})
    assert out == (
        "<p>8.00–24.30; " + span("no astoņiem līdz sešpadsmitiem trīsdesmit", "8.00–16.30") + "</p>"
    )
