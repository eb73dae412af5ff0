"""The theme stylesheet trimmer (hooks/sitegen/css_trim.py, issue 16): a rule stays when one
of its selectors, pseudo-classes taken off, matches an element of some page; a rule the
matcher cannot read stays; kept rules are copied byte for byte."""

from __future__ import annotations

from pathlib import Path

import pytest
from sitegen.css_trim import trim_stylesheet

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
