"""The shortlist sheet (overrides/widgets/print/): the finder with answers, a place page and
a need page printed by Chromium (print media, A4). Paper shows exactly the entries the
screen shows, each with its price line, provider, phone as text and address; no form,
button, navigation or help box; the page's address at the foot. Page counts are printed
for the closing note (at most 2 A4 where the data allow)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from testsupport.browser import serve_directory

ROOT = Path(__file__).resolve().parent.parent
FINDER_ANSWERS = "?place=rezekne-county&who=older-person"
HIDDEN_IN_PRINT = (
    "button, input, select, textarea, form, fieldset, .sg-help, .listen, nav, "
    ".md-header, .md-tabs, .md-sidebar, .md-footer, .md-search, .sg-crumbs"
)
SHOWN = """mode => [...document.querySelectorAll('[data-entry]')]
  .filter(el => el.checkVisibility())
  .map(el => el.dataset.entry)"""
VISIBLE = """selector => [...document.querySelectorAll(selector)]
  .filter(el => el.checkVisibility())
  .map(el => el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ')[0] : ''))"""
# each printed entry: its name, price or benefit line, provider, phone (or "no phone") and
# address are visible
ENTRY_FACTS = """() => [...document.querySelectorAll('[data-entry]')]
  .filter(el => el.checkVisibility())
  .map(el => ({
    entry: el.dataset.entry,
    name: !!el.querySelector('.sg-find__name')?.checkVisibility(),
    facts: [...el.querySelectorAll('.sg-find__facts dd')].filter(d => d.checkVisibility()).length,
    phone: (el.querySelector('.sg-tel') || el.querySelector('.sg-find__unknown:last-child'))?.checkVisibility() ?? false,
    tel: el.querySelector('.sg-tel')?.innerText || '',
    address: el.querySelector('.sg-shortlist__address')?.checkVisibility() ?? false,
  }))"""


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b", pdf))


@pytest.fixture(scope="module")
def base(default_site: Path) -> Iterator[str]:
    with serve_directory(default_site) as url:
        yield url


@pytest.fixture()
def page(chromium: Any) -> Iterator[Any]:
    context = chromium.new_context()
    page = context.new_page()
    try:
        yield page
    finally:
        context.close()


def printed(page: Any) -> dict[str, Any]:
    """What the page shows on screen, then on paper."""
    screen = page.evaluate(SHOWN, "screen")
    page.emulate_media(media="print")
    return {
        "screen": screen,
        "paper": page.evaluate(SHOWN, "print"),
        "facts": page.evaluate(ENTRY_FACTS),
        "stray": page.evaluate(VISIBLE, HIDDEN_IN_PRINT),
        "foot": page.evaluate(VISIBLE, ".sg-print-sheet .sg-print-sheet__url"),
        "pages": pdf_pages(page.pdf(format="A4", print_background=True)),
    }


def check_entries(sheet: dict[str, Any]) -> list[str]:
    problems = []
    if sheet["paper"] != sheet["screen"]:
        problems.append(f"paper {sheet['paper']} is not the screen's {sheet['screen']}")
    for facts in sheet["facts"]:
        # provider and phone, and the price or benefit line — except for help the resident
        # receives (a service with `benefit: true`), which has no price line
        if not (facts["name"] and facts["facts"] >= 2 and facts["phone"] and facts["address"]):
            problems.append(f"incomplete on paper: {facts}")
    if sheet["stray"]:
        problems.append(f"screen-only things on paper: {sheet['stray']}")
    if not sheet["foot"]:
        problems.append("no page address at the foot")
    return problems


@pytest.mark.parametrize("lang", ["", "en/"])
def test_the_finder_prints_exactly_the_entries_its_answers_show(base, page, lang):
    page.goto(f"{base}/{lang}finder/{FINDER_ANSWERS}")
    button = page.locator("[data-sg-print]")
    assert button.is_visible()
    assert button.inner_text() in ("Print this list", "Drukāt šo sarakstu")
    total = page.locator("[data-entry]").count()
    sheet = printed(page)
    assert 0 < len(sheet["screen"]) < total, sheet["screen"]
    assert check_entries(sheet) == []
    # the printed address carries the answers
    assert page.locator(".sg-print-sheet__url").inner_text().endswith(FINDER_ANSWERS)
    print(f"{lang}finder/{FINDER_ANSWERS}: {len(sheet['paper'])} entries, {sheet['pages']} A4")
    assert sheet["pages"] <= 2


def test_the_check_fails_when_a_filtered_out_entry_prints(base, page):
    page.goto(f"{base}/en/finder/{FINDER_ANSWERS}")
    screen = page.evaluate(SHOWN, "screen")
    page.evaluate(
        "() => document.querySelector('[data-entry][hidden]')"
        ".style.setProperty('display', 'block', 'important')"
    )
    sheet = printed(page)
    sheet["screen"] = screen
    assert any("is not the screen's" in p for p in check_entries(sheet))


@pytest.mark.parametrize(
    "path", ["places/rezekne-city/", "en/places/rezekne-city/", "en/needs/care-at-home/"]
)
def test_place_and_need_pages_print_their_entries_with_phones(base, page, path):
    page.goto(f"{base}/{path}")
    assert page.locator("[data-sg-print]").is_visible()
    sheet = printed(page)
    assert sheet["paper"], path
    assert check_entries(sheet) == []
    phones = [f["tel"] for f in sheet["facts"] if f["tel"]]
    assert phones and all(re.fullmatch(r"[\d ]+", t.strip()) for t in phones), phones
    print(f"{path}: {len(sheet['paper'])} entries, {sheet['pages']} A4")


def test_without_javascript_there_is_no_print_button(base, chromium):
    context = chromium.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{base}/en/places/rezekne-city/")
        assert not page.locator("[data-sg-print]").is_visible()
    finally:
        context.close()
