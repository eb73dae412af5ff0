"""The finder widget (overrides/widgets/finder/) in the session's Chromium on the default data:
the case table (its cases.md) against what the widget shows; each answer narrows; the
address keeps the answers and reopens them; keyboard only; axe at 390 and 1280 px; and
without JavaScript the links lead to the generated place and need pages. (The case table
against the build's matching is the widget's own unit test, test_finder_cases.py.)"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.base import AXE_SCRIPT
from sitegen.checks.loader import load_data_dir

from testsupport.browser import serve_directory
from testsupport.data import DATA_DIR
from testsupport.finder_cases import expected, read_cases

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    "resultTypes": ["violations"],
}


DATA = load_data_dir(DATA_DIR).data
CASES = read_cases()


def case_id(case: dict[str, Any]) -> str:
    return "-".join(v or "any" for v in case["answers"].values())


def query(answers: dict[str, str]) -> str:
    parts = [f"{k}={v}" for k, v in answers.items() if v]
    return "?" + "&".join(parts) if parts else ""


@pytest.fixture(scope="module")
def base(default_site: Path) -> Iterator[str]:
    with serve_directory(default_site) as url:
        yield url


def open_page(browser: Any, url: str, *, viewport: dict[str, int] = PHONE, js: bool = True) -> Any:
    context = browser.new_context(viewport=viewport, java_script_enabled=js)
    context.add_init_script(script=AXE_SCRIPT)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(url)
    page.sg_errors = errors  # type: ignore[attr-defined]
    return page


def shown(page: Any) -> set[str]:
    return set(
        page.eval_on_selector_all(
            "[data-finder] [data-entry]",
            "els => els.filter(e => e.offsetParent !== null).map(e => e.dataset.entry)",
        )
    )


def checked(page: Any, name: str) -> str:
    """The chosen answer of a question ("" when none is)."""
    script = "n => (document.querySelector(`input[name='${n}']:checked`) || {value: ''}).value"
    return page.evaluate(script, name)


def in_address(page: Any, text: str) -> bool:
    """Whether the address comes to hold ``text`` (a key's change event may come a task later)."""
    try:
        page.wait_for_function("t => location.href.includes(t)", arg=text, timeout=2000)
    except Exception:
        return False
    return True


def status(page: Any) -> str:
    return page.inner_text("[data-finder-status]")


# --- the case table ----------------------------------------------------------------------


def test_case_table_is_not_empty() -> None:
    assert len(CASES) >= 8
    outcomes = [expected(DATA, c["answers"]) for c in CASES]
    assert any(relaxed for _, _, relaxed in outcomes) and any(not s for s, _, _ in outcomes)


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_case_in_chromium(chromium: Any, base: str, case: dict[str, Any]) -> None:
    shows, count, relaxed = expected(DATA, case["answers"])  # from the data (testsupport)
    page = open_page(chromium, base + "finder/" + query(case["answers"]))
    assert case["shows"] <= shown(page) == shows
    assert status(page) == f"Atbilst: {count}"
    assert page.is_visible("[data-finder-relaxed]") == relaxed
    assert page.is_visible("[data-finder-none]") == (not shows)
    for name, value in case["answers"].items():  # the radios show the answers of the address
        chosen = checked(page, name)
        assert chosen == value
    assert page.sg_errors == []
    page.context.close()


# --- narrowing, the address, the keyboard ---------------------------------------------


def test_each_answer_narrows_and_the_address_keeps_it(chromium: Any, base: str) -> None:
    page = open_page(chromium, base + "en/finder/")
    total = page.locator("[data-finder] [data-entry]").count()
    assert shown(page) == set()  # nothing until a question is answered
    previous = total
    for name, value in (
        ("place", "rezekne-county"),
        ("who", "child-or-family"),
        ("need", "rehabilitation"),
    ):
        page.check(f'input[name="{name}"][value="{value}"]')
        now = shown(page)
        assert 0 < len(now) < previous, (name, len(now), previous)
        attribute = {"place": "places", "who": "who", "need": "needs"}[name]
        for entry in now:  # every entry shown carries the answer
            words = page.get_attribute(f'[data-entry="{entry}"]', f"data-{attribute}").split()
            assert value in words
        assert f"{name}={value}" in page.url
        assert status(page) == f"Matches: {len(now)}"
        previous = len(now)
    assert page.url.endswith(
        "en/finder/?place=rezekne-county&who=child-or-family&need=rehabilitation"
    )
    # the address reopens the same answers and the same list
    again = open_page(chromium, page.url)
    assert shown(again) == shown(page)
    assert checked(again, "need") == "rehabilitation"
    # clearing the answers clears the address
    page.click("[data-finder-reset]")
    assert page.url.endswith("en/finder/") and shown(page) == set()
    page.context.close()
    again.context.close()


def test_each_answer_alone_narrows(chromium: Any, base: str) -> None:
    page = open_page(chromium, base + "finder/")
    total = page.locator("[data-finder] [data-entry]").count()
    for name in ("place", "who", "need"):
        values = page.eval_on_selector_all(
            f'input[name="{name}"]', "els => els.map(e => e.value).filter(Boolean)"
        )
        narrowed = False
        for value in values:
            page.goto(base + f"finder/?{name}={value}")
            count = len(shown(page))
            assert count <= total
            narrowed |= count < total
        assert narrowed, name
    page.context.close()


def test_unknown_answers_in_the_address_are_ignored(chromium: Any, base: str) -> None:
    page = open_page(chromium, base + "finder/?place=atlantis&need=care-at-home&who=%3Cscript%3E")
    assert checked(page, "place") == ""
    assert shown(page) and all(
        "care-at-home" in page.get_attribute(f'[data-entry="{e}"]', "data-needs")
        for e in shown(page)
    )
    assert page.sg_errors == []
    page.context.close()


@pytest.mark.parametrize("lang", ["", "en/"])
def test_the_finder_opened_at_a_double_slash_path(chromium: Any, base: str, lang: str) -> None:
    """Opened at //finder/?… (issue 25): the answers of the address apply, a change keeps
    the answers in the address on the same host, and no script error (before: replaceState
    read "//finder/?…" as another host and threw, and the answers were forgotten)."""
    host = base.rstrip("/")
    page = open_page(chromium, f"{host}//{lang}finder/?place=rezekne-county")
    assert checked(page, "place") == "rezekne-county" and shown(page)
    page.check('input[name="need"][value="rehabilitation"]')
    assert in_address(page, "need=rehabilitation")
    assert page.url == f"{host}//{lang}finder/?place=rezekne-county&need=rehabilitation"
    page.click("[data-finder-reset]")
    assert page.url == f"{host}//{lang}finder/"
    assert page.sg_errors == []
    again = open_page(chromium, f"{host}//{lang}finder/?place=rezekne-county&need=rehabilitation")
    assert checked(again, "need") == "rehabilitation"
    page.context.close()
    again.context.close()


def test_keyboard_only(chromium: Any, base: str) -> None:
    page = open_page(chromium, base + "finder/")
    page.focus('input[name="place"][value="rezekne-city"]')
    page.keyboard.press("Space")  # choose Rēzekne city
    assert in_address(page, "place=rezekne-city")
    page.keyboard.press("ArrowDown")  # arrows move within a question and choose
    assert in_address(page, "place=rezekne-county")
    page.keyboard.press("ArrowUp")
    assert in_address(page, "place=rezekne-city")
    page.keyboard.press("Tab")  # to the next question
    assert page.evaluate("document.activeElement.name") == "who"
    page.keyboard.press("Space")
    assert in_address(page, "who=older-person")
    page.keyboard.press("Tab")  # lands on the chosen answer, "Anything"
    assert page.evaluate("document.activeElement.name") == "need"
    assert page.evaluate("document.activeElement.value") == ""
    page.keyboard.press("ArrowDown")
    assert in_address(page, "need=care-at-home")
    assert shown(page) == {"service:home-care"}
    # Tab reaches the link to the answer, Enter moves the focus to the results
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.hasAttribute('data-finder-jump')"):
            break
    assert page.evaluate("document.activeElement.hasAttribute('data-finder-jump')")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "sg-finder-results"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent").startswith("Aprūpe mājās")
    page.context.close()


# --- accessibility -----------------------------------------------------------------------

AXE_PAGES = [
    "finder/?place=rezekne-city&who=older-person&need=care-at-home",
    "en/finder/?place=rezekne-city&who=older-person&need=place-to-sleep",
    "finder/",
    "places/rezekne-city/",
    "en/places/dagda/",
    "needs/rehabilitation/",
    "en/benefits/rezekne-county-gmi-benefit/",
    "benefits/",
    "services/",
    "",
]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390", "1280"])
@pytest.mark.parametrize("path", AXE_PAGES)
def test_axe_reports_nothing(chromium: Any, base: str, path: str, viewport: dict[str, int]) -> None:
    page = open_page(chromium, base + path, viewport=viewport)
    result = page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
    problems = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]
    assert problems == []
    assert page.sg_errors == []
    page.context.close()


# --- without JavaScript ---------------------------------------------------------------


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_without_javascript_links_lead_to_the_generated_pages(
    chromium: Any, base: str, default_site: Path, lang: str
) -> None:
    prefix = "" if lang == "lv" else "en/"
    page = open_page(chromium, base + prefix + "finder/", js=False)
    assert not page.is_visible("[data-finder-form]")
    assert not page.is_visible("[data-finder-results]")
    hrefs = page.eval_on_selector_all(
        "[data-finder-links] a", "els => els.map(a => a.getAttribute('href'))"
    )
    places = {h for h in hrefs if re.fullmatch(r"\.\./places/[a-z0-9-]+/", h)}
    needs = {h for h in hrefs if re.fullmatch(r"\.\./needs/[a-z0-9-]+/", h)}
    assert len(places) == len(DATA.places.places) and len(needs) == len(DATA.finder.needs)
    for href in sorted(places | needs):
        target = default_site / prefix / href.removeprefix("../") / "index.html"
        assert target.is_file(), href
        assert f'<html lang="{lang}"' in target.read_text(encoding="utf-8")
    page.click("[data-finder-links] a[href='../places/dagda/']")
    assert page.url == base + prefix + "places/dagda/"
    dagda, count, _ = expected(DATA, {"place": "dagda", "who": "", "need": ""})
    assert page.locator("[data-entry]").count() == count == len(dagda)
    page.context.close()
