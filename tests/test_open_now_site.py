"""Open now on the default site: every schedule of the default data shows its state line in
both languages, every timeline a page points at was written by the build (one file), and
filling the lines in moves nothing (layout shift 0 at phone and desktop width)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sitegen.checks.loader import load_data_dir
from sitegen.hours.opening import all_groups

from testsupport.browser import layout_shift, serve_directory
from testsupport.data import DATA_DIR

ROOT = Path(__file__).resolve().parents[1]
LINE = re.compile(r'data-open-now="([^"]+)"')
# the pages with lines (a service's facts box, a provider's hours, the finder's results) and
# the directory's control, in both languages
SHIFT_PAGES = [
    lang + path
    for lang in ("", "en/")
    for path in (
        "services/home-care/",
        "services/",
        "providers/rezekne-city-social-service/",
        "finder/",
    )
]
WIDTHS = (390, 1280)


@pytest.fixture(scope="module")
def served(default_site: Path) -> Iterator[str]:
    with serve_directory(default_site) as base:
        yield base


def pages_with_lines(site: Path) -> dict[str, list[str]]:
    found = {}
    for path in sorted(site.rglob("*.html")):
        urls = LINE.findall(path.read_text(encoding="utf-8"))
        if urls:
            found[path.relative_to(site).as_posix()] = urls
    return found


def test_every_timeline_is_written_and_every_schedule_has_a_line(default_site: Path) -> None:
    pages = pages_with_lines(default_site)
    hours = json.loads((default_site / "widgets/open-now/hours.json").read_text("utf-8"))
    written = set(hours)
    assert not (default_site / "widgets/open-now/hours").exists()  # one file, not one per key
    pointed = {url.rsplit("#", 1)[-1] for urls in pages.values() for url in urls}
    assert {url.split("#")[0].rsplit("/", 1)[-1] for u in pages.values() for url in u} == {
        "hours.json"
    }
    assert pointed == written
    data = load_data_dir(DATA_DIR).data
    assert len(all_groups(data)) >= len(written) > 0  # identical schedules share a file
    assert "providers/rezekne-city-social-service/index.html" in pages
    assert "en/providers/rezekne-city-social-service/index.html" in pages
    assert len(pages["providers/rezekne-city-social-service/index.html"]) == 6
    # the finder's results: the services' lines (as in their facts boxes), no benefit's
    finder = (default_site / "finder/index.html").read_text("utf-8")
    entries = re.findall(r'<li class="sg-find__item" data-entry="(\w+):.*?</li>', finder, re.S)
    with_lines = re.findall(r'data-entry="(\w+):[^"]*"(?:(?!</li>).)*data-open-now=', finder, re.S)
    assert set(with_lines) == {"service"} and "benefit" in entries
    assert 0 < len(with_lines) <= entries.count("service")


def test_every_line_shows_a_state_in_both_languages(
    default_site: Path, served: str, chromium: Any
) -> None:
    context = chromium.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    empty = []
    pages = pages_with_lines(default_site)
    for rel in pages:
        if rel.endswith("services/index.html") or rel.endswith("finder/index.html"):
            continue  # the directory's are for its filter; the finder's show after a question
        page.goto(served + rel.removesuffix("index.html"))
        lines = page.locator("[data-open-now]")
        lines.first.wait_for(state="visible")
        page.wait_for_function(
            "[...document.querySelectorAll('[data-open-now]')].every(e => !e.hidden)"
        )
        for i in range(lines.count()):
            line = lines.nth(i)
            text = line.locator("[data-open-now-text]").inner_text()
            if not text or line.get_attribute("data-state") not in ("open", "closed", "unknown"):
                empty.append(f"{rel} line {i}")
    context.close()
    assert errors == []
    assert empty == []
    assert any(p.startswith("en/") for p in pages) and any(not p.startswith("en/") for p in pages)


def shift_of_loading(browser: Any, url: str, width: int) -> float:
    """CLS of loading ``url`` at ``width`` px until the lines are filled in."""
    context = browser.new_context(viewport={"width": width, "height": 844})
    page = context.new_page()
    page.goto(url, wait_until="load")
    page.wait_for_function(
        "[...document.querySelectorAll('[data-open-now]')].every(e => !e.hidden)"
        " && [...document.querySelectorAll('[data-open-now-count]')].every(e => e.textContent)"
    )
    shift = layout_shift(page, 500)
    context.close()
    return shift


def test_filling_the_lines_moves_nothing(served: str, chromium: Any) -> None:
    """Issue 16: CLS 0 on the pages with lines, at phone and desktop width, both languages
    (each line keeps room for its longest text; the directory's control its place)."""
    shifts = {
        f"{path} @{width}": shift_of_loading(chromium, served + path, width)
        for path in SHIFT_PAGES
        for width in WIDTHS
    }
    assert {k: v for k, v in shifts.items() if v > 0} == {}


def test_without_javascript_the_lines_take_no_room(served: str, chromium: Any) -> None:
    context = chromium.new_context(
        java_script_enabled=False, viewport={"width": 390, "height": 844}
    )
    page = context.new_page()
    boxes = {}
    for path in SHIFT_PAGES[:3]:
        page.goto(served + path)
        for sel in ("[data-open-now]", ".sg-open-filter"):
            for i, el in enumerate(page.locator(sel).all()):
                boxes[f"{path} {sel} {i}"] = el.bounding_box()
    context.close()
    assert boxes and all(box is None for box in boxes.values()), boxes


def test_a_state_line_names_whose_hours_it_answers(default_site: Path) -> None:
    """Each line of a service's facts box is labelled as the hours below it are titled: the
    home-care office's line says it is the office's, not a bare "Darba laiks" (two lines
    that look the same but answer for two places)."""
    from selectolax.lexbor import LexborHTMLParser as HTMLParser

    for page in ("services/home-care/index.html", "en/services/home-care/index.html"):
        tree = HTMLParser((default_site / page).read_text("utf-8"))
        box = tree.css_first(".sg-keyfacts__hours")
        labels = [n.text(strip=True) for n in box.css(".sg-open-now__label")]
        titles = [n.text(strip=True) for n in box.css(".sg-keyfacts__title")]
        assert labels == titles, page
        assert any(" — " in label for label in labels), labels
    # the finder's result entry for home care says the same
    finder = HTMLParser((default_site / "finder/index.html").read_text("utf-8"))
    found = [n.text(strip=True) for n in finder.css(".sg-open-now__label")]
    assert "Aprūpes mājās birojs — Darba laiks" in found
