"""The theme stylesheet trimmer (hooks/sitegen/theme/css_trim.py, issue 16): a rule stays when one
of its selectors, pseudo-classes taken off, matches an element of some page; a rule the
matcher cannot read stays; kept rules are copied byte for byte."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser
from sitegen.theme.css_trim import VARYING, PageSet, shape_key, trim_stylesheet, untested

from testsupport.fuzzing import budget

PAGES = [
    '<html><body><main class="md-main"><a class="md-button" href="/guide.pdf">x</a>'
    "<table><tr><td>1</td></tr></table></main></body></html>",
    '<html><body data-md-color-scheme="default"><nav class="md-nav"><ul><li>y</li></ul>'
    "</nav></body></html>",
]


def trimmed(css: str, keep: tuple[str, ...] = ()) -> str:
    return trim_stylesheet(css, PAGES, keep)[0]


@pytest.mark.parametrize(
    ("css", "kept"),
    [
        (".md-button{color:red}", True),
        (".md-search{color:red}", False),
        (".md-button:hover{color:red}", True),  # the state of an element that is there
        (".md-button:focus-visible::after{content:''}", True),
        (".md-tabs:hover{color:red}", False),
        (".md-main :not(.md-typeset){color:red}", True),  # :not() only widens
        ("[data-md-color-scheme=default]{--md-x:1}", True),
        ("[data-md-color-scheme=slate]{--md-x:1}", False),
        (":root{--md-y:2}", True),  # a compound left empty is "*"
        (".md-search,.md-nav li{color:red}", True),  # one selector of the list is enough
        ("table td{padding:0}", True),
        ("table th{padding:0}", False),
        (".md-nav>ul>li{margin:0}", True),
        (".md-nav+ul{margin:0}", False),
        ('.md-button[href$=".pdf"]{margin:0}', True),  # a dot in a value names no class
        (".md-button[download]{margin:0}", False),
    ],
)
def test_a_rule_is_kept_when_a_selector_can_match(css: str, kept: bool) -> None:
    assert (trimmed(css) == css) is kept
    assert trimmed(css) in (css, "")


def test_media_blocks_keep_their_matching_rules_and_go_when_empty() -> None:
    css = "@media screen and (min-width:60em){.md-search{a:b}.md-button{c:d}}@media print{.md-tabs{e:f}}"
    assert trimmed(css) == "@media screen and (min-width:60em){.md-button{c:d}}"


def test_other_at_rules_are_kept_as_they_are() -> None:
    css = '@charset "UTF-8";@keyframes spin{0%{x:0}to{x:1}}@font-face{font-family:x}@page{margin:0}'
    assert trimmed(css) == css


def test_kept_rules_are_copied_byte_for_byte() -> None:
    # tinycss2 would serialise the escape "\3c " inside the string as "<"
    css = ':root{--md-icon:url("data:image/svg+xml,\\3c svg/>")}.md-search{x:y}'
    assert trimmed(css) == ':root{--md-icon:url("data:image/svg+xml,\\3c svg/>")}'


def test_an_unreadable_selector_keeps_its_rule() -> None:
    css = ".md-button!!{x:y}.md-tabs{z:w}"
    assert trimmed(css) == ".md-button!!{x:y}"


def test_the_keep_list_keeps_what_scripts_add_later() -> None:
    css = ".md-search--active{x:y}.md-tabs{z:w}"
    assert trimmed(css, keep=("md-search--active",)) == ".md-search--active{x:y}"


def test_the_source_map_comment_goes_and_the_report_counts() -> None:
    css = ".md-button{a:b}.md-tabs{c:d}\n/*# sourceMappingURL=main.min.css.map*/"
    out, report = trim_stylesheet(css, PAGES)
    assert out == ".md-button{a:b}"
    assert (report.rules_before, report.rules_after) == (2, 1)
    assert report.bytes_after < report.bytes_before


def test_the_default_site_ships_a_trimmed_theme_stylesheet(default_site: Path) -> None:
    """The built site's Material stylesheet is the trimmed one, much smaller than the
    theme's, and every page still links it (one stylesheet request)."""
    import material

    theme = Path(material.__file__).parent / "templates/assets/stylesheets"
    (full,) = theme.glob("main.*.min.css")
    shipped = default_site / "assets/stylesheets" / full.name
    assert shipped.stat().st_size < full.stat().st_size / 2
    assert ".md-header{" in shipped.read_text("utf-8")
    assert ".md-search__suggest" not in shipped.read_text("utf-8")  # the theme's search
    for page in ("index.html", "en/services/home-care/index.html", "404.html"):
        assert f"stylesheets/{full.name}" in (default_site / page).read_text("utf-8")


# --- pages of one shape are matched once (issue 21) ---------------------------------------

SERVICE = (
    '<!doctype html><html lang="lv"><head><meta name="description" content="{text}">'
    "<title>{text}</title><style>.a > .b {{ color: red }}</style>"
    '<script type="application/ld+json">{{"name": "{text}", "x": 1 < 2}}</script></head>'
    '<body><main class="md-main"><a class="md-button" href="/{path}/">{text}</a>'
    "<!-- {text} --><p>{text} &amp; co</p><table><tr><td>{text}</td></tr></table></main>"
    "</body></html>"
)


def test_pages_differing_in_text_and_links_only_are_parsed_once() -> None:
    pages = [SERVICE.format(text=f"Pakalpojums {i}", path=f"svc-{i}") for i in range(50)]
    assert len(PageSet(pages, VARYING).trees) == 1
    assert len(PageSet(pages).trees) == 50  # the links differ: kept apart without VARYING
    other = pages[0].replace('class="md-button"', 'class="md-button md-x"')
    assert len(PageSet([*pages, other], VARYING).trees) == 2
    unread = pages[0].replace("<p>", "<p>1 < 2 ")  # text with "<": not read, its own shape
    assert len(PageSet([*pages, unread], VARYING).trees) == 2
    assert trim_stylesheet(".md-button{a:b}.md-x{c:d}", pages)[0] == ".md-button{a:b}"


def test_only_values_no_selector_tests_are_left_out_of_the_shape() -> None:
    assert untested(("href", "content"), ["a[href]", ".md-nav"]) == ("href", "content")
    assert untested(("href", "content"), ['a[href$=".pdf"]']) == ("content",)
    assert untested(("href",), ["[xlink|href]"]) == ()  # a namespace: might be any
    assert untested(("href",), [r".md-\31 x"]) == ()  # an escape: might spell anything
    assert shape_key('<a href="x">1</a>', ("href",)) == shape_key('<a href="y">2</a>', ("href",))
    assert shape_key('<a href="x"></a>') != shape_key('<a href="y"></a>')
    assert shape_key("<input type=hidden>", ("href",)) != shape_key("<input type=text>")


# The shapes must never join pages a selector tells apart: checked against every page parsed
# on its own, for pages made of the constructs whose text or attribute values change the
# tree an HTML parser builds (text in a table or the head, a new line first in <pre>, a
# hidden input in a table, misnested formatting elements, raw text, foreign content...).
_TAGS = [
    "<p>", "</p>", "<b>", "</b>", "<i>", "<div>", "</div>", "<table>", "</table>", "<tr>",
    "<td>", "</td>", "<pre>", "</pre>", "<colgroup>", "<col>", "<select>", "</select>",
    '<input type="hidden">', '<input type="text">', '<a href="/x/">', "</a>",
    '<span class="c">', '<span class="d">', "</span>", "<svg>", "</svg>", "<head>", "</head>",
    "<body>", "<template>", "</template>", '<meta content="m">', "<li>", "<ul>", "<frameset>",
    "<textarea>", "</textarea>", "<title>t</title>", "<style>a > b</style>",
    "<script>if (a<b) x()</script>", "<noscript>", "</noscript>", "<!-- c -->", "<br/>",
]  # fmt: skip
# what a page may hold between two tags: nothing, white space (a new line, for <pre>), text,
# references (to white space, or not), NUL, and text a tokenizer reads otherwise
_TEXTS = ["", " ", "\n", "\n\n", "x", "y z", "&#32;", "&#x20;x", "&amp;", "\x00", "\x00x", "a < b"]
_SELECTORS = [
    "b", "i", "p b", "p > b", "b + i", "b ~ i", "b i", "table b", "td b", "tr > td", "td + td",
    "pre b", "head meta", "body meta", "head + body", "colgroup col", "table > input",
    "table input", "body > input", "[type=hidden]", "[type=text]", "a[href]", "a b", ".c",
    ".c + .d", ".c ~ .d", ".c .d", "select b", "option", "svg b", "svg p", "template b",
    "textarea b", "html > b", "html > p", "frameset", "body > div", "ul > li", "li li",
    "noscript b", "p p", "div > p", "p > div", "title", "body > b", "b > b", "p + b", "p ~ b",
    "p + i", "div + b", "b b", "td + b", "table + b", "table ~ b", "i + b", "b + b",
]  # fmt: skip


@st.composite
def _similar_pages(draw: st.DrawFn) -> list[str]:
    """A few pages of one skeleton of tags whose texts and link targets may differ."""
    tags = draw(st.lists(st.sampled_from(_TAGS), min_size=1, max_size=8))
    pages = []
    for _ in range(draw(st.integers(2, 4))):
        parts = []
        for tag in tags:
            parts.append(draw(st.sampled_from(_TEXTS)))
            parts.append(tag.replace('"/x/"', draw(st.sampled_from(['"/x/"', '"/y/"']))))
        pages.append(draw(st.sampled_from(["", "<!doctype html>"])) + "".join(parts))
    return pages


@given(_similar_pages())
# the page that matches less first: it would be the one parsed, were the two joined
@example(["<p><b>x</p></b>", "<p><b>x</p> </b>"])  # white space makes a <b> again
@example(["<svg><title>x</title></svg>", "<svg><title>x<b>y</b></title></svg>"])  # not raw
@example(["<table> <input type=hidden>", "<table>x<input type=hidden>"])  # x goes before
@example(["<table><input type=text>", "<table><input type=hidden>"])  # only hidden stays
@settings(max_examples=budget(500), derandomize=True)  # 500 in make test; a few in test-fast
def test_one_tree_per_shape_answers_as_every_page_would(pages: list[str]) -> None:
    varying = untested(VARYING, _SELECTORS)
    assert varying == VARYING  # the links are left out of the shapes here
    page_set = PageSet(pages, varying)
    page_set.decide(_SELECTORS)
    trees = [LexborHTMLParser(html) for html in pages]
    for selector in _SELECTORS:
        expected = any(tree.css_first(selector) is not None for tree in trees)
        assert page_set.matches(selector) is expected, (selector, pages)
