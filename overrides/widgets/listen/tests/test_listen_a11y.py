"""Accessibility of the listen widget in Debian's Chromium: keyboard-only use, focus, target
size, announced states, reduced motion, no JavaScript, axe-core (WCAG 2.0/2.1/2.2 A+AA),
and Material's instant navigation (document$)."""

from __future__ import annotations

from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from listen_support import EN_VOICE, LV_VOICE, US_VOICE, render_partial, ui_text

START = "[data-listen-action=start]"
PAUSE = "[data-listen-action=pause]"
STOP = "[data-listen-action=stop]"
SPEED = "[data-listen-speed]"
VOICES = [US_VOICE, EN_VOICE, LV_VOICE]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


def focused(page: Any) -> str:
    return page.evaluate(
        """() => { const el = document.activeElement;
          return el.getAttribute("data-listen-action") || (el.matches("[data-listen-speed]")
            ? "speed" : el.tagName.toLowerCase()); }"""
    )


def status(page: Any) -> str:
    return page.inner_text("[data-listen-status]")


def count_spoken(page: Any) -> int:
    return page.evaluate("window.__tts.spoken.length")


def assert_focus_visible(page: Any) -> None:
    style = page.evaluate(
        """() => { const s = getComputedStyle(document.activeElement);
          return [s.outlineStyle, parseFloat(s.outlineWidth)]; }"""
    )
    assert style[0] != "none" and style[1] >= 2, style


def test_keyboard_only_walk(open_page):
    page = open_page("lv", voices=VOICES)
    page.keyboard.press("Tab")
    assert focused(page) == "start"
    assert_focus_visible(page)
    page.keyboard.press("Enter")
    assert count_spoken(page) == 1
    assert status(page) == ui_text("listen.status.playing", "lv")
    page.keyboard.press("Tab")
    assert focused(page) == "pause"
    assert_focus_visible(page)
    page.keyboard.press("Space")
    assert status(page) == ui_text("listen.status.paused", "lv")
    page.keyboard.press("Enter")
    assert status(page) == ui_text("listen.status.playing", "lv")
    page.keyboard.press("Tab")
    assert focused(page) == "stop"
    page.keyboard.press("Tab")
    assert focused(page) == "speed"
    assert_focus_visible(page)
    page.keyboard.press("ArrowDown")
    assert page.input_value(SPEED) == "1.25"
    assert page.evaluate("window.__tts.spoken.at(-1).rate") == 1.25
    page.keyboard.press("Shift+Tab")
    assert focused(page) == "stop"
    page.keyboard.press("Enter")
    assert status(page) == ui_text("listen.status.stopped", "lv")
    assert focused(page) == "start"  # focus is not lost when the controls hide
    page.keyboard.press("Space")
    assert count_spoken(page) > 1 and status(page) == ui_text("listen.status.playing", "lv")


def test_escape_stops_reading(open_page):
    page = open_page("en", voices=VOICES)
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    page.keyboard.press("Escape")
    assert status(page) == ui_text("listen.status.stopped", "en")
    assert focused(page) == "start"


def test_the_finished_state_returns_focus_to_the_listen_button(open_page):
    page = open_page("en", voices=VOICES)
    page.click(START)
    page.focus(PAUSE)
    while page.evaluate("window.__tts.finish()"):
        pass
    assert status(page) == ui_text("listen.status.finished", "en")
    assert focused(page) == "start"


def test_controls_are_real_buttons_at_least_24_px(open_page):
    page = open_page("lv", voices=VOICES)
    page.click(START)
    for selector in (START, PAUSE, STOP, SPEED):
        tag = page.eval_on_selector(selector, "el => el.tagName.toLowerCase()")
        assert tag in ("button", "select")
        box = page.locator(selector).bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24, (selector, box)
    assert page.get_attribute("[data-listen-status]", "aria-live") == "polite"
    assert page.get_attribute("[data-listen-status]", "role") == "status"
    speed = page.get_by_role("combobox", name=ui_text("listen.speed", "lv"), exact=True)
    assert speed.count() == 1
    for name in ("listen.pause", "listen.stop", "listen.start"):
        assert page.get_by_role("button", name=ui_text(name, "lv"), exact=True).count() == 1


def test_nothing_shows_without_javascript(open_page):
    page = open_page("lv", context={"java_script_enabled": False})
    assert page.locator("[data-listen]").count() == 1
    assert page.locator("[data-listen]").is_hidden()
    assert page.locator("button:visible, select:visible").count() == 0


def test_the_widget_shows_with_javascript(open_page):
    page = open_page("lv", voices=VOICES)
    assert page.locator(START).is_visible()
    assert page.locator(PAUSE).is_hidden()
    assert page.inner_text(START).strip() == ui_text("listen.start", "lv")


@pytest.mark.parametrize(("motion", "behavior"), [("reduce", "auto"), ("no-preference", "smooth")])
def test_scrolling_follows_reduced_motion(open_page, motion, behavior):
    page = open_page(
        "lv",
        voices=VOICES,
        scrollLog=True,
        context={"reduced_motion": motion, "viewport": {"width": 700, "height": 320}},
    )
    page.click(START)
    while page.evaluate("window.__tts.finish()"):
        pass
    scrolls = page.evaluate("window.__scrolls")
    assert scrolls and set(scrolls) == {behavior}
    duration = page.eval_on_selector(START, "el => getComputedStyle(el).transitionDuration")
    assert (duration == "0s") == (motion == "reduce")


def run_axe(page: Any) -> list[dict[str, Any]]:
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    return [
        {"id": v["id"], "nodes": [n["target"] for n in v["nodes"]]}
        for v in results.response["violations"]
    ]


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_axe_reports_no_violations_with_the_widget_open(open_page, lang):
    page = open_page(lang, voices=VOICES)
    assert run_axe(page) == []
    page.click(START)
    page.evaluate("window.__tts.finish()")
    page.focus(PAUSE)
    assert run_axe(page) == []
    page.click(PAUSE)
    assert run_axe(page) == []


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_axe_reports_no_violations_on_the_no_voice_message(open_page, lang):
    page = open_page(lang, voices=[])
    page.click(START)
    page.wait_for_function("document.querySelector('[data-listen-status]').textContent !== ''")
    page.wait_for_function(
        "text => !document.querySelector('[data-listen-status]').textContent.startsWith(text)",
        arg=ui_text("listen.status.loading", lang),
    )
    assert run_axe(page) == []


NEXT_PAGE = """html => {
  document.querySelector("article").innerHTML = html;
  window.document$.next(document);
}"""


def test_instant_navigation_stops_speech_and_starts_the_new_page(open_page):
    page = open_page("lv", voices=VOICES, documentSubject=True)
    page.click(START)
    cancels = page.evaluate("window.__tts.cancels")
    article = render_partial("lv") + "<h1>Cita lapa</h1><p>Otrs teksts.</p>"
    page.evaluate(NEXT_PAGE, article)
    assert page.evaluate("window.__tts.cancels") > cancels
    assert page.evaluate("window.__tts.current") is None
    assert page.evaluate("CSS.highlights.size") == 0
    count = count_spoken(page)
    page.click(START)
    spoken = page.evaluate("window.__tts.spoken")[count:]
    assert [s["text"] for s in spoken] == ["Cita lapa"]


def test_loading_the_script_twice_does_not_double_the_widget(open_page):
    page = open_page("en", voices=VOICES, documentSubject=True)
    page.evaluate(
        """() => new Promise((resolve) => {
          const s = document.createElement("script");
          s.src = "widgets/listen/listen.js";
          s.onload = resolve;
          document.body.append(s);
        })"""
    )
    page.evaluate("window.document$.next(document)")
    page.click(START)
    assert count_spoken(page) == 1
    page.evaluate("window.__tts.finish()")
    assert count_spoken(page) == 2
