"""WCAG 2.2 AA in a real browser, on the default site.

Debian's chromium (testsupport/browser.py) loads every built page over http once, at a desktop
size: axe-core (bundled with axe-playwright-python) runs with the WCAG 2.0, 2.1 and 2.2 A and
AA rules, and the skip link, the targets' size, the help box and the listen button are
measured. The keyboard is walked with Tab from the top of one page per page kind and language
(tests/keyboard_walk.py, the session's ``walks``), at a desktop size and at a phone's width,
where Material's menu and search are off screen: pages of one kind share their template, and
the sample holds every kind of focusable element the site has. Measurements made in the page
live in tests/a11y_probe.js. Pages run with reduced motion (site.css then ends transitions at
once), so each focus is measured where it comes to rest, without waiting on a clock.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from axe_playwright_python.base import AXE_SCRIPT
from keyboard_walk import PROBES, Walk, kind_of, lang_of, tab_walk, url_path
from sitegen.sitemap.page_kinds import PAGE_KINDS

from testsupport.browser import serve_directory

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    "resultTypes": ["violations"],
}
LANGS = ("lv", "en")
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}


@dataclass
class PageReport:
    path: str
    violations: list[dict] = field(default_factory=list)
    skip: dict = field(default_factory=dict)
    small_targets: list[str] = field(default_factory=list)
    help: dict = field(default_factory=dict)
    listen_shown: bool = False


@dataclass
class Survey:
    pages: dict[str, PageReport]
    foreign_requests: list[str]
    errors: list[str] = field(default_factory=list)  # console errors, failed requests


@pytest.fixture(scope="module")
def served(default_site: Path) -> Iterator[tuple[str, list[str]]]:
    pages = sorted(p.relative_to(default_site).as_posix() for p in default_site.rglob("*.html"))
    with serve_directory(default_site) as base:
        yield base, pages


def new_page(
    browser: object,
    viewport: dict[str, int],
    base: str,
    foreign: list[str],
    errors: list[str] | None = None,
) -> object:
    context = browser.new_context(viewport=viewport, reduced_motion="reduce")
    context.add_init_script(script=AXE_SCRIPT)
    for probe in PROBES:
        context.add_init_script(path=str(probe))
    page = context.new_page()

    def record(request: object) -> None:
        if not request.url.startswith((base, "data:", "blob:", "about:")):
            foreign.append(request.url)

    page.on("request", record)
    if errors is not None:
        page.on(
            "console",
            lambda m: errors.append(f"{page.url}: console {m.text}") if m.type == "error" else None,
        )
        page.on("pageerror", lambda e: errors.append(f"{page.url}: script error {e}"))
        page.on(
            "response",
            lambda r: errors.append(f"{page.url}: {r.status} {r.url}") if r.status >= 400 else None,
        )
    return page


def skip_link(page: object) -> dict:
    """First Tab, Enter on it, then one more Tab: where does the focus go?"""
    page.evaluate("() => __a11y.restart()")
    page.keyboard.press("Tab")
    page.evaluate("() => __a11y.settle()")
    first = page.evaluate("() => __a11y.focus()")
    if not first or not first["skipLink"]:
        return {"first": first}
    page.keyboard.press("Enter")
    page.evaluate("() => __a11y.settle()")
    target = page.evaluate("() => document.activeElement.id")
    page.keyboard.press("Tab")
    page.evaluate("() => __a11y.settle()")
    return {"first": first, "target": target, "next": page.evaluate("() => __a11y.focus()")}


@pytest.fixture(scope="module", autouse=True)
def walked_first(walks: list[Walk]) -> None:
    """The keyboard walks before the axe survey: test_focus_contrast.py, on the other
    worker of ``make test``, then finds them made (tests/conftest.py, testsupport/workers.py)
    instead of waiting for them."""


@pytest.fixture(scope="module")
def survey(served: tuple[str, list[str]], chromium: object) -> Survey:
    """Every page once at desktop size: axe, the skip link, targets, help box, listen button."""
    base, pages = served
    foreign: list[str] = []
    errors: list[str] = []
    page = new_page(chromium, DESKTOP, base, foreign, errors)
    reports: dict[str, PageReport] = {}
    for rel in pages:
        page.goto(base + url_path(rel), wait_until="load")
        report = PageReport(rel)
        report.violations = page.evaluate("opts => axe.run(document, opts)", AXE_OPTIONS)[
            "violations"
        ]
        report.small_targets = page.evaluate("() => __a11y.targets('article')")
        report.help = page.evaluate("() => __a11y.help()")
        report.listen_shown = page.evaluate(
            "() => !!document.querySelector('[data-listen]:not([hidden]) [data-listen-action=start]')"
        )
        report.skip = skip_link(page)
        reports[rel] = report
    page.context.close()
    assert len(reports) > 20 and any(rel.startswith("en/") for rel in reports)
    return Survey(reports, foreign, errors)


def _axe_lines(report: PageReport) -> list[str]:
    lines = []
    for v in report.violations:
        lines.append(f"{report.path}: {v['id']} ({v['impact']}) {v['help']}")
        for node in v["nodes"][:5]:
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    {json.dumps(node['target'])} {summary[:300]}")
    return lines


def test_axe_finds_no_violation_on_any_page(survey: Survey) -> None:
    lines = [line for report in survey.pages.values() for line in _axe_lines(report)]
    assert not lines, "axe-core (WCAG 2.0/2.1/2.2 A and AA):\n" + "\n".join(lines)


def test_nothing_is_loaded_from_another_site(survey: Survey) -> None:
    assert not survey.foreign_requests, sorted(set(survey.foreign_requests))


def test_no_page_logs_an_error_or_asks_for_a_missing_file(survey: Survey) -> None:
    """No console error, script error or failed request (Material's script once fetched
    sitemap.xml beside each head hreflang link: two 404s a page)."""
    assert not survey.errors, "\n".join(survey.errors[:40])


def test_skip_link_comes_first_and_moves_focus_to_the_content(survey: Survey) -> None:
    problems = []
    for rel, report in survey.pages.items():
        skip = report.skip
        first = skip.get("first")
        if not first or not first["skipLink"]:
            problems.append(
                f"{rel}: the first Tab reaches {first and first['element']}, not the skip link"
            )
            continue
        if first["problems"]:
            problems.append(f"{rel}: the skip link: {first['problems']}")
        if skip["target"] != "sg-content":
            problems.append(f"{rel}: after the skip link the focus is on #{skip['target']}")
        nxt = skip["next"]
        if not nxt or not nxt["inContent"] or nxt["problems"]:
            problems.append(f"{rel}: the Tab after the skip link reaches {nxt}")
    assert not problems, "\n".join(problems)


def _walk_problems(walk: Walk) -> list[str]:
    stops = [stop["a11y"] for stop in walk.stops]
    problems = [
        f"{walk.label}: Tab {n}: {s['element']}: {p}"
        for n, s in enumerate(stops, 1)
        for p in s["problems"]
    ]
    if walk.end.startswith("still"):
        problems.append(f"{walk.label}: {walk.end}")
    if not any(s["inContent"] for s in stops):
        problems.append(f"{walk.label}: Tab never reaches the content")
    return problems


def test_the_walks_cover_every_page_kind_in_both_languages(
    survey: Survey, walks: list[Walk]
) -> None:
    """One walk per page kind, language and width at least: every kind that has a page in
    the site (the rows of PAGE_KINDS, the hand-written pages, the 404 page)."""
    built = {(kind_of(rel), lang_of(rel)) for rel in survey.pages}
    expected = {(kind, lang) for kind in [*PAGE_KINDS, "home", "accessibility"] for lang in LANGS}
    assert built == expected | {("404", "lv")}, "a page of no known kind, or a kind not built"
    for width in ("desktop", "phone"):
        walked = {(w.kind, w.lang) for w in walks if w.width == width}
        assert walked == built, (width, built ^ walked)


def test_focus_is_always_visible_and_never_under_the_header(walks: list[Walk]) -> None:
    problems = [line for w in walks if w.width == "desktop" for line in _walk_problems(w)]
    assert not problems, "\n".join(problems[:80])


def test_focus_at_phone_width(walks: list[Walk]) -> None:
    problems = []
    for walk in (w for w in walks if w.width == "phone"):
        problems += _walk_problems(walk)
        if not any("sg-header-button--drawer" in s["a11y"]["element"] for s in walk.stops):
            problems.append(f"{walk.label}: Tab never reaches the menu button")
    assert not problems, "\n".join(problems[:80])


def test_menu_opens_and_closes_from_the_keyboard_at_phone_width(
    served: tuple[str, list[str]], chromium: object
) -> None:
    base, _ = served
    page = new_page(chromium, PHONE, base, [])
    for lang_root in ("", "en/"):
        page.goto(base + lang_root + "services/", wait_until="load")
        page.focus("button.sg-header-button--drawer")
        assert page.get_attribute("button.sg-header-button--drawer", "aria-expanded") == "false"
        page.keyboard.press("Enter")
        page.evaluate("() => __a11y.settle()")
        assert page.is_checked("#__drawer")
        inside = page.evaluate("() => __a11y.focus()")
        assert ".md-nav" in inside["element"] or "md-nav" in inside["element"], inside
        assert inside["problems"] == []
        page.keyboard.press("Tab")
        page.evaluate("() => __a11y.settle()")
        assert page.evaluate("() => __a11y.focus()")["problems"] == []
        page.keyboard.press("Escape")
        page.evaluate("() => __a11y.settle()")
        assert not page.is_checked("#__drawer")
        assert page.evaluate("() => document.activeElement.matches('.sg-header-button--drawer')")
        page.keyboard.press(" ")  # Space opens it too
        assert page.is_checked("#__drawer")
        page.keyboard.press("Escape")
        page.focus("button[data-sg-search]")  # the site search (overrides/widgets/search/)
        page.keyboard.press("Enter")
        page.evaluate("() => __a11y.settle()")
        assert page.is_visible("dialog[data-sg-search-dialog][open]")
        assert page.evaluate("() => document.activeElement.matches('#sg-search-input')")
        page.keyboard.press("Escape")  # closes, and the focus is back on the button
        page.evaluate("() => __a11y.settle()")
        assert not page.is_visible("dialog[data-sg-search-dialog]")
        assert page.evaluate("() => document.activeElement.matches('button[data-sg-search]')")
    page.context.close()


def test_targets_in_the_content_are_at_least_24px_or_spaced(survey: Survey) -> None:
    problems = [f"{rel}: {p}" for rel, r in survey.pages.items() for p in r.small_targets]
    assert not problems, "\n".join(problems[:60])


def test_help_box_in_the_same_place_on_every_page(survey: Survey) -> None:
    """WCAG 3.2.6: the help box is last in the page content, in the same column, and has
    the same title on every page of a language (the 404 page is in Latvian, with English
    below); its contacts are the page's provider's (tests/test_page_facts.py)."""
    reports = survey.pages
    assert "404.html" in reports
    problems = []
    for rel, r in reports.items():
        h = r.help
        if h.get("count") != 1:
            problems.append(f"{rel}: {h.get('count')} help boxes")
        elif not h["inArticle"] or h["below"] or h["focusableAfter"]:
            problems.append(
                f"{rel}: content after the help box: {h['below']} {h['focusableAfter']}"
            )
    assert not problems, "\n".join(problems)
    places = {(r.help["left"], r.help["width"]) for r in reports.values()}
    assert len(places) == 1, f"the help box moves: {places}"
    for lang in ("lv", "en"):
        titles = {r.help["title"] for rel, r in reports.items() if lang_of(rel) == lang}
        assert len(titles) == 1, f"the help box's title differs between {lang} pages: {titles}"


def test_listen_button_on_every_page(survey: Survey) -> None:
    missing = [rel for rel, r in survey.pages.items() if not r.listen_shown and rel != "404.html"]
    assert not missing, missing


# --- the measurements can fail ----------------------------------------------------------

BROKEN_PAGE = """<!doctype html><html lang="lv"><head><meta charset="utf-8"><title>x</title>
<style>
  body { margin: 0; font: 16px sans-serif; }
  header.md-header { position: fixed; top: 0; left: 0; right: 0; height: 48px; background: #3f51b5; z-index: 4; }
  main { padding-top: 10px; }
  .tiny { display: inline-block; width: 10px; height: 10px; }
  #nofocus:focus { outline: none; }
</style></head>
<body><header class="md-header"><a href="#a">Galvene</a></header>
<main><article>
  <p><img src="data:,"></p>
  <p><a id="hidden" href="#b" style="position: absolute; top: 20px">Zem galvenes</a></p>
  <p><button class="tiny">a</button><button class="tiny">b</button></p>
  <p style="margin-top: 900px"><a id="nofocus" href="#c">Bez fokusa</a></p>
  <aside class="sg-help"><h2>Palīdzība</h2></aside>
  <p><a href="#d">Pēc palīdzības</a></p>
</article></main></body></html>"""


def test_the_measurements_find_what_is_wrong(tmp_path: Path, chromium: object) -> None:
    (tmp_path / "index.html").write_text(BROKEN_PAGE, encoding="utf-8")
    with serve_directory(tmp_path) as base:
        foreign: list[str] = []
        page = new_page(chromium, DESKTOP, base, foreign)
        page.goto(base, wait_until="load")
        rules = {
            v["id"]
            for v in page.evaluate("opts => axe.run(document, opts)", AXE_OPTIONS)["violations"]
        }
        assert {"image-alt", "target-size"} <= rules, rules
        assert any("too close" in p for p in page.evaluate("() => __a11y.targets('article')"))
        help_box = page.evaluate("() => __a11y.help()")
        assert help_box["focusableAfter"] and help_box["below"]
        page.evaluate(
            "() => { scrollTo(0, 0); document.getElementById('hidden').focus({preventScroll: true}); }"
        )
        assert any("sticky header" in p for p in page.evaluate("() => __a11y.focus()")["problems"])
        page.keyboard.press("Tab")  # keyboard focus on a link drawn without an outline
        page.evaluate("() => document.getElementById('nofocus').focus()")
        assert any(
            "no focus indicator" in p for p in page.evaluate("() => __a11y.focus()")["problems"]
        )
        walk = Walk("index.html", "desktop")
        tab_walk(page, walk, pictures=False)
        assert walk.end == "left the page" and len(walk.stops) == 6, walk.stops
        assert _walk_problems(walk)
        page.context.close()
