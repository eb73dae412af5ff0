"""The trimmed theme stylesheet changes nothing a resident sees (issue 16): every element of
each page kind, with its ::before and ::after, has the same computed style — every property,
custom properties included — under the trimmed stylesheet as under Material's whole one (every
page kind at 390 px in Latvian; 1280 px, print and English on the pages with the most parts).
And the check can fail: with one
rule the pages use taken out, it finds the difference."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from testsupport.browser import serve_directory

# element, pseudo-element -> a hash of its computed style (property names sorted: Chromium
# lists custom properties in no fixed order). A ::before or ::after whose `content` is none
# or normal generates no box, so nothing else of its style can be seen: it is recorded by its
# `content` alone (a stylesheet that gives it content, or takes it away, still differs), which
# spares reading some 600 properties of each of the two absent pseudo-elements of every
# element (two thirds of the time).
STYLES = """() => {
  const hash = s => { let x = 2166136261; for (let i = 0; i < s.length; i++) {
    x ^= s.charCodeAt(i); x = Math.imul(x, 16777619); } return x >>> 0; };
  const out = [];
  document.querySelectorAll('*').forEach((el, n) => {
    for (const pseudo of [null, '::before', '::after']) {
      const cs = getComputedStyle(el, pseudo), names = [];
      const name = n + ' ' + el.tagName + '.' + el.className + (pseudo || '');
      if (pseudo && (cs.content === 'none' || cs.content === 'normal')) {
        out.push([name, 'content:' + cs.content]);
        continue;
      }
      for (let i = 0; i < cs.length; i++) names.push(cs[i]);
      names.sort();
      out.push([name, hash(names.map(p => p + ':' + cs.getPropertyValue(p)).join(';'))]);
    }
  });
  return out;
}"""

# the open-now lines (and the directory's count) are filled in from hours.json
FILLED = (
    "[...document.querySelectorAll('[data-open-now]')].every(e => !e.hidden)"
    " && [...document.querySelectorAll('[data-open-now-count]')].every(e => e.textContent)"
)
PAGES = [
    "",
    "services/",
    "services/home-care/",
    "services/night-shelter/",
    "providers/rezekne-city-social-service/",
    "prices/",
    "prices/calculator/",
    "reports/rezekne-county-2017/",
    "accessibility/",
    "finder/",
    "places/rezekne-county/",
    "benefits/rezekne-county-birth-allowance/",
    "open-data/",
    "404.html",
]
# every page kind on a phone in Latvian; the wide screen, print and English on the pages
# with the most parts (a full matrix took minutes per view on this machine)
VIEWS = [("lv", "screen", 390, PAGES)]
VIEWS += [("lv", "screen", 1280, ["", "services/home-care/", "prices/calculator/", "finder/"])]
VIEWS += [("lv", "print", 1280, ["services/home-care/", "places/rezekne-county/"])]
VIEWS += [("en", "screen", 390, ["", "services/night-shelter/", "prices/calculator/"])]


def full_stylesheet() -> tuple[str, str]:
    import material

    theme = Path(material.__file__).parent / "templates/assets/stylesheets"
    (path,) = theme.glob("main.*.min.css")
    return path.name, path.read_text("utf-8")


@pytest.fixture(scope="module")
def served(default_site: Path) -> Iterator[str]:
    with serve_directory(default_site) as base:
        yield base


def styles(chromium: Any, url: str, media: str, width: int, css: str | None) -> list:
    """The computed styles of a page; ``css``: serve this as Material's stylesheet."""
    context = chromium.new_context(viewport={"width": width, "height": 900})
    if css is not None:
        name, _ = full_stylesheet()
        context.route(
            f"**/assets/stylesheets/{name}",
            lambda route: route.fulfill(body=css, content_type="text/css"),
        )
    page = context.new_page()
    page.emulate_media(media=media)
    page.goto(url, wait_until="load")
    page.wait_for_function(FILLED)  # the one thing a page loads late: the open-now hours
    found = page.evaluate(STYLES)
    context.close()
    return found


def differences(a: list, b: list) -> list[str]:
    if len(a) != len(b):
        return [f"{len(a)} elements against {len(b)}"]
    return [x[0] for x, y in zip(a, b, strict=True) if x != y]


@pytest.mark.parametrize(("lang", "media", "width", "paths"), VIEWS)
def test_the_trimmed_stylesheet_styles_every_element_as_the_whole_one(
    served: str, chromium: Any, lang: str, media: str, width: int, paths: list[str]
) -> None:
    _, whole = full_stylesheet()
    prefix = "en/" if lang == "en" else ""
    for path in paths:
        url = served + prefix + path
        trimmed_styles = styles(chromium, url, media, width, None)
        whole_styles = styles(chromium, url, media, width, whole)
        assert differences(trimmed_styles, whole_styles) == [], (path, media, width)


def test_the_comparison_finds_a_rule_the_pages_need(
    served: str, chromium: Any, default_site: Path
) -> None:
    """The same check, the trimmed stylesheet without the header's rule: it must differ."""
    name, _ = full_stylesheet()
    shipped = (default_site / "assets/stylesheets" / name).read_text("utf-8")
    start = shipped.index(".md-header{")
    broken = shipped[:start] + shipped[shipped.index("}", start) + 1 :]
    url = served + "services/home-care/"
    found = differences(
        styles(chromium, url, "screen", 390, broken), styles(chromium, url, "screen", 390, None)
    )
    assert any("HEADER" in item for item in found)
