"""Open now on the default site: every schedule of the default data shows its state line in
both languages, and every timeline a page points at was written by the build."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sitegen.loader import load_data_dir
from sitegen.opening import all_groups

from testsupport.browser import serve_directory

ROOT = Path(__file__).resolve().parents[1]
LINE = re.compile(r'data-open-now="([^"]+)"')


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
    written = {p.name for p in (default_site / "widgets/open-now/hours").glob("*.json")}
    pointed = {url.rsplit("/", 1)[-1] for urls in pages.values() for url in urls}
    assert pointed == written
    data = load_data_dir(ROOT / "data").data
    assert len(all_groups(data)) >= len(written) > 0  # identical schedules share a file
    assert "providers/rezekne-city-social-service/index.html" in pages
    assert "en/providers/rezekne-city-social-service/index.html" in pages
    assert len(pages["providers/rezekne-city-social-service/index.html"]) == 6


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
        if rel.endswith("services/index.html"):
            continue  # the directory points at timelines for its filter, it shows no lines
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
