"""hooks/markup_fixes.py: each fix mends what Material writes, and stops the build with a
message when the markup it expects is not there (as after an upgrade that changes it)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import markup_fixes
import pytest
from mkdocs.exceptions import PluginError

# the markup of Material 9.8.1's base.html that the fixes mend, as mkdocs-static-i18n fills it
HEAD_LINKS = """      <link rel="alternate" href="/" hreflang="lv">
      <link rel="alternate" href="/en/" hreflang="en">
"""
TOGGLES = """    <input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">
    <input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">
"""
PAGE = f"""<!doctype html>
<html lang="lv">
  <head>
      <meta charset="utf-8">
{HEAD_LINKS}      <title>Aprūpe</title>
  </head>
  <body dir="ltr">
{TOGGLES}    <label class="md-overlay" for="__drawer"></label>
    <main><p>Teksts</p></main>
  </body>
</html>
"""
# the drawer toggle without autocomplete; the search toggle gone (the theme's search is off)
FIXED = (
    PAGE.replace(HEAD_LINKS, "")
    .replace(
        '    <input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search"'
        ' autocomplete="off">\n',
        "",
    )
    .replace(' autocomplete="off"', "")
)
ALTERNATES = [
    {"name": "Latviešu", "link": "/", "lang": "lv"},
    {"name": "English", "link": "/en/", "lang": "en"},
]


def config(language: str = "lv", alternates: list[dict[str, str]] | None = ALTERNATES) -> Any:
    extra = {} if alternates is None else {"alternate": alternates}
    return SimpleNamespace(
        theme={"language": language},
        plugins={"i18n": SimpleNamespace(default_language="lv")},
        extra=extra,
    )


def page(dest_uri: str = "services/home-care/index.html") -> Any:
    return SimpleNamespace(file=SimpleNamespace(dest_uri=dest_uri))


@pytest.fixture(autouse=True)
def fresh_state():
    markup_fixes._kept.clear()
    markup_fixes._rendered.clear()
    yield
    markup_fixes._kept.clear()
    markup_fixes._rendered.clear()


def test_a_page_from_materials_template_is_mended():
    fixed = markup_fixes.on_post_page(PAGE, page(), config())
    assert fixed == FIXED
    assert "autocomplete" not in fixed and "hreflang" not in fixed


@pytest.mark.parametrize(
    ("html", "left", "count"),
    [
        (HEAD_LINKS, "", 2),  # each whole line: its indent and its line end
        ('x \t<link rel="alternate" href="/" hreflang="lv">y', "xy", 1),  # a tab too
        ('<link rel="alternate" href="/" hreflang="lv"> <link rel="alternate" href="/en/" hreflang="en">', "", 2),
        ('  <link rel="alternate" href="/feed.xml">\n', '  <link rel="alternate" href="/feed.xml">\n', 0),
    ],
)  # fmt: skip
def test_the_language_links_go_with_the_space_before_them(html: str, left: str, count: int):
    assert markup_fixes._drop_lines(html, markup_fixes.HREFLANG_LINK) == (left, count)


def test_the_toggles_go_with_the_space_before_them():
    toc = '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">'
    html = f"<body>\n  {toc}\n  <p>{toc}</p>\n</body>"
    assert markup_fixes._drop_lines(html, markup_fixes.TOC_TOGGLE) == (
        "<body>\n  <p></p>\n</body>",
        2,
    )


def test_without_language_alternates_no_link_is_expected():
    page_without_links = PAGE.replace(HEAD_LINKS, "")
    assert markup_fixes.fix_page(page_without_links, "x.html", config(alternates=None)) == FIXED


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        # Material writes the attributes in another order: the toggle pattern finds nothing
        (
            ' type="checkbox" id="__drawer" autocomplete="off"',
            ' autocomplete="off" type="checkbox" id="__drawer"',
            "1 Material toggles",
        ),
        (TOGGLES, "", "0 Material toggles"),
        (TOGGLES, TOGGLES.replace(' autocomplete="off"', ""), "0 Material toggles"),
        # Material writes the links another way, or one language's link is missing
        (
            HEAD_LINKS,
            HEAD_LINKS.replace('href="/" hreflang="lv"', 'hreflang="lv" href="/"'),
            "1 <link",
        ),
        (HEAD_LINKS, "", "0 <link"),
    ],
)
def test_a_page_without_the_expected_markup_stops_the_build(old: str, new: str, message: str):
    assert old in PAGE
    with pytest.raises(PluginError) as raised:
        markup_fixes.on_post_page(PAGE.replace(old, new, 1), page(), config())
    text = str(raised.value)
    assert text.startswith("markup_fixes.py: services/home-care/index.html holds ")
    assert message in text and "expected 2" in text and "hooks/markup_fixes.py" in text


def test_the_first_languages_404_page_is_kept():
    lv, en = PAGE, PAGE.replace('lang="lv"', 'lang="en"')
    assert markup_fixes.on_post_template(lv, "404.html", config("lv")) == FIXED
    markup_fixes.on_post_build(config("lv"))
    markup_fixes.on_pre_build(config("en"))
    assert markup_fixes.on_post_template(en, "404.html", config("en")) == FIXED
    markup_fixes.on_post_build(config("en"))


def test_a_404_page_without_the_expected_markup_stops_the_build():
    with pytest.raises(PluginError, match="404.html holds 0 Material toggles"):
        markup_fixes.on_post_template(PAGE.replace(TOGGLES, ""), "404.html", config("lv"))


def test_a_404_page_of_another_language_first_stops_the_build():
    en = PAGE.replace('lang="lv"', 'lang="en"')
    with pytest.raises(PluginError, match="the en build rendered 404.html before the lv build"):
        markup_fixes.on_post_template(en, "404.html", config("en"))


def test_a_build_that_renders_no_404_page_stops():
    markup_fixes.on_pre_build(config("lv"))
    sitemap = "<urlset></urlset>"
    assert markup_fixes.on_post_template(sitemap, "sitemap.xml", config("lv")) == sitemap
    with pytest.raises(PluginError, match="the lv build rendered no 404.html"):
        markup_fixes.on_post_build(config("lv"))


def test_a_page_whose_search_toggle_changed_stops_the_build():
    # the search toggle is removed whole; one written another way is not left behind silently
    changed = PAGE.replace('id="__search"', 'id="__search-theme"', 1)
    with pytest.raises(PluginError) as raised:
        markup_fixes.on_post_page(changed, page(), config())
    text = str(raised.value)
    assert "holds 0 search toggles" in text and "expected 1" in text
    assert "update SEARCH_TOGGLE" in text


def test_the_mended_page_has_no_search_toggle():
    mended = markup_fixes.on_post_page(PAGE, page(), config())
    assert 'data-md-toggle="search"' not in mended
    assert (
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">' in mended
    )


def test_a_contents_toggle_without_its_label_is_removed_and_one_with_it_kept():
    toc = '        <input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">\n'
    alone = PAGE.replace("    <main>", toc + "    <main>")
    assert 'id="__toc"' not in markup_fixes.on_post_page(alone, page(), config())
    markup_fixes._rendered.clear()
    labelled = alone.replace("    <main>", '    <label for="__toc">Saturs</label>\n    <main>')
    assert 'id="__toc"' in markup_fixes.on_post_page(labelled, page(), config())
