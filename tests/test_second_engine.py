"""A second accessibility engine: HTML_CodeSniffer (npm ``html_codesniffer``, pinned in
package.json), WCAG 2 AA, in Chromium, on one page of each page kind in each language.

axe-core (tests/test_accessibility.py) runs on every page; engines disagree, and this one
found what axe did not: Material's search toggle (``input#__search``) left in every page with
no name although the theme's search is off (hooks/markup_fixes.py now removes it), and the
site's search form without a submit button (widgets/search), and the contents toggle
(``input#__toc``) Material writes for a page with no contents to list. Shown to fail on a
small page that has both faults.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sitegen.base.languages import LANGUAGES
from sitegen.sitemap.page_kinds import PAGE_KINDS

from conftest import ROOT
from testsupport.browser import serve_directory

HTMLCS = ROOT / "node_modules" / "html_codesniffer" / "build" / "HTMLCS.js"

# Runs the WCAG2AA standard on the whole document; the errors (not warnings or notices), each
# with a short description of the element it is about.
RUN = """() => new Promise(resolve => {
  HTMLCS.process('WCAG2AA', document, () => {
    resolve(HTMLCS.getMessages().filter(m => m.type === HTMLCS.ERROR).map(m => {
      const e = m.element;
      const html = e && e.outerHTML ? e.outerHTML.slice(0, 200) : String(e);
      return m.code + ' | ' + html;
    }));
  });
})"""


def _pages(site: Path) -> list[str]:
    """One built page of each kind in each language (the first item of an item kind), the
    home page, the hand-written accessibility statement and the 404 page."""
    found: list[str] = ["404.html"]
    for lang in LANGUAGES:
        prefix = "" if lang == LANGUAGES[0] else f"{lang}/"
        found.append(f"{prefix}index.html")
        found.append(f"{prefix}accessibility/index.html")
        for kind in PAGE_KINDS.values():
            if "{id}" in kind.path:
                folder = kind.path.split("{id}")[0]
                items = sorted((site / prefix / folder).glob("*/index.html"))
                assert items, f"no built {kind.kind} page under {prefix}{folder}"
                found.append(items[0].relative_to(site).as_posix())
            else:
                page = kind.path.removesuffix(".md").removesuffix("index")
                found.append(f"{prefix}{page.rstrip('/')}/index.html".replace("//", "/"))
    for rel in found:
        assert (site / rel).is_file(), rel
    return found


@pytest.fixture(scope="module")
def sniff(chromium: object) -> Iterator[object]:
    """A function: the HTML_CodeSniffer errors of the page at a URL, or of given markup."""
    assert HTMLCS.is_file(), "npm install (package.json pins html_codesniffer)"
    script = HTMLCS.read_text("utf-8")
    context = chromium.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()

    def run(url: str | None = None, html: str | None = None) -> list[str]:
        if url is not None:
            page.goto(url)
        else:
            page.set_content(html or "")
        page.add_script_tag(content=script)
        return page.evaluate(RUN)

    yield run
    context.close()


def test_every_page_kind_passes_html_codesniffer(default_site: Path, sniff: object) -> None:
    pages = _pages(default_site)
    kinds = len(PAGE_KINDS) + 2  # and the home page and the accessibility statement
    assert len(pages) == kinds * len(LANGUAGES) + 1  # and the 404 page
    errors: dict[str, list[str]] = {}
    with serve_directory(default_site) as base:
        for rel in pages:
            found = sniff(url=base + rel.removesuffix("index.html"))
            if found:
                errors[rel] = found
    assert not errors, "\n".join(f"{rel}:\n  " + "\n  ".join(e) for rel, e in errors.items())


def test_the_engine_reports_what_it_found_on_the_site(sniff: object) -> None:
    # the two faults it found: a checkbox with no name (Material's search toggle) and a form
    # without a submit button (the site's search form before it had one)
    page = """<!doctype html><html lang="en"><head><title>t</title></head><body>
      <input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search">
      <main><h1>t</h1>
      <form role="search"><label for="q">What are you looking for?</label>
      <input id="q" type="search"></form></main></body></html>"""
    found = sniff(html=page)
    assert any("H91.InputCheckbox.Name" in e and "__search" in e for e in found), found
    assert any("H32.2" in e for e in found), found
    fixed = page.replace(
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search">', ""
    ).replace('<input id="q" type="search">', '<input id="q" type="search"><button>Search</button>')
    assert sniff(html=fixed) == []
