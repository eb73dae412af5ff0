"""The listen widget against a stubbed speechSynthesis in Debian's Chromium: what is spoken,
in which language and voice, the highlight, pause/resume/stop, speed, and the no-voice path."""

from __future__ import annotations

from typing import Any

import pytest
from listen_support import CLOUD_LV_VOICE, EN_VOICE, EXPECTED, LV_VOICE, US_VOICE, ui_text

START = "[data-listen-action=start]"
PAUSE = "[data-listen-action=pause]"
STOP = "[data-listen-action=stop]"
STATUS = "[data-listen-status]"
VOICES = [US_VOICE, EN_VOICE, LV_VOICE]


def spoken(page: Any) -> list[dict[str, Any]]:
    return page.evaluate("window.__tts.spoken")


def finish(page: Any) -> bool:
    return page.evaluate("window.__tts.finish()")


def finish_all(page: Any, limit: int = 100) -> None:
    for _ in range(limit):
        if not finish(page):
            return
    pytest.fail("the widget never stopped reading")


def highlighted(page: Any) -> str | None:
    return page.evaluate(
        """() => {
          const h = CSS.highlights.get("listen-sentence");
          return h ? [...h][0].toString() : null;
        }"""
    )


def status(page: Any) -> str:
    return page.locator(STATUS).inner_text()


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_reads_the_article_sentence_by_sentence_in_the_page_language(open_page, lang):
    page = open_page(lang, voices=VOICES)
    page.click(START)
    finish_all(page)
    got = [(s["lang"].split("-")[0], s["text"]) for s in spoken(page)]
    assert got == EXPECTED[lang]
    assert status(page) == ui_text("listen.status.finished", lang)
    assert page.js_errors == []


def test_latvian_page_uses_the_latvian_voice_and_english_parts_an_english_one(open_page):
    page = open_page("lv", voices=VOICES)
    page.click(START)
    finish_all(page)
    voices = {(s["lang"], s["voice"]) for s in spoken(page)}
    assert voices == {("lv-LV", LV_VOICE["name"]), ("en-US", US_VOICE["name"])}


def test_english_page_prefers_an_exact_then_the_default_english_voice(open_page):
    page = open_page("en", voices=[LV_VOICE, EN_VOICE, US_VOICE])
    page.click(START)
    first = spoken(page)[0]
    assert (first["lang"], first["voice"]) == ("en-US", US_VOICE["name"])
    assert first["text"] == "Home care"


def test_pieces_stay_sentence_sized(open_page):
    page = open_page("lv", voices=VOICES)
    page.click(START)
    finish_all(page)
    assert max(len(s["text"]) for s in spoken(page)) <= 200


def test_data_speak_is_read_instead_of_the_visible_text(open_page):
    page = open_page("lv", voices=VOICES)
    page.click(START)
    finish_all(page)
    texts = [s["text"] for s in spoken(page)]
    assert "Pirmā līmeņa cena ir astoņi eiro, astoņdesmit centi mēnesī." in texts
    assert not any("8,80" in t or "64607194" in t or "GMI" in t for t in texts)
    # the visible text is untouched
    assert "8,80\u00a0€" in page.inner_text("#price")


def test_skipped_and_hidden_text_and_the_widget_itself_are_not_read(open_page):
    page = open_page("lv", voices=VOICES)
    page.click(START)
    finish_all(page)
    joined = " ".join(s["text"] for s in spoken(page))
    for never in ("Slēpts", "Izlaists", "Klausīties", "Pauze", "Ātrums"):
        assert never not in joined


def test_reads_only_the_selected_text(open_page):
    page = open_page("lv", voices=VOICES)
    page.evaluate(
        """() => {
          const p = document.querySelector("#price");
          const first = p.firstChild;             // "Pirmā līmeņa cena ir "
          const last = p.lastChild;               // "\\ndarba dienās."
          const range = document.createRange();
          range.setStart(first, first.data.indexOf("cena"));
          range.setEnd(last, last.data.indexOf("."));
          getSelection().removeAllRanges();
          getSelection().addRange(range);
        }"""
    )
    page.click(START)
    finish_all(page)
    assert [s["text"] for s in spoken(page)] == [
        "cena ir astoņi eiro, astoņdesmit centi mēnesī.",
        "Zvaniet 64 60 71 94 darba dienās",
    ]
    assert status(page) == ui_text("listen.status.finished", "lv")


def test_selection_announced_while_reading(open_page):
    page = open_page("en", voices=VOICES)
    page.evaluate(
        """() => {
          const range = document.createRange();
          range.selectNodeContents(document.querySelector("li"));
          getSelection().removeAllRanges();
          getSelection().addRange(range);
        }"""
    )
    page.click(START)
    assert [s["text"] for s in spoken(page)] == ["Passport"]
    assert status(page) == ui_text("listen.status.playing_selection", "en")


def test_a_selection_outside_the_article_reads_the_whole_article(open_page):
    page = open_page("en", voices=VOICES)
    page.evaluate(
        """() => {
          const range = document.createRange();
          range.selectNodeContents(document.querySelector("#outside"));
          getSelection().removeAllRanges();
          getSelection().addRange(range);
        }"""
    )
    page.click(START)
    assert spoken(page)[0]["text"] == "Home care"


def test_the_highlight_follows_the_sentence_being_read(open_page):
    page = open_page("lv", voices=VOICES)
    page.click(START)
    assert highlighted(page) == "Mājas aprūpe"
    finish(page)
    assert highlighted(page) == "Mājas aprūpe palīdz cilvēkiem, kuri paši sevi aprūpēt nevar."
    for _ in range(3):
        finish(page)
    # a sentence with a data-speak part highlights the visible text of that part
    assert spoken(page)[-1]["text"] == "Pirmā līmeņa cena ir astoņi eiro, astoņdesmit centi mēnesī."
    assert highlighted(page) == "Pirmā līmeņa cena ir 8,80\u00a0€\nmēnesī."
    page.click(STOP)
    assert highlighted(page) is None


ARTICLE_WITHOUT_WIDGET = """() => {
  const copy = document.querySelector("article").cloneNode(true);
  copy.querySelector("[data-listen]").remove();
  return copy.innerHTML;
}"""


def test_fallback_highlight_marks_the_block_and_leaves_the_dom_as_it_was(open_page):
    page = open_page("lv", voices=VOICES, noHighlightApi=True)
    before = page.evaluate(ARTICLE_WITHOUT_WIDGET)
    page.click(START)
    for _ in range(4):
        finish(page)
    assert spoken(page)[-1]["text"].startswith("Pirmā līmeņa cena")
    assert page.eval_on_selector(".listen-current", "el => el.id") == "price"
    assert page.locator(".listen-current").count() == 1
    page.click(STOP)
    assert page.locator(".listen-current").count() == 0
    assert page.evaluate(ARTICLE_WITHOUT_WIDGET) == before


def test_the_article_is_unchanged_after_reading(open_page):
    page = open_page("lv", voices=VOICES)
    before = page.evaluate(ARTICLE_WITHOUT_WIDGET)
    page.click(START)
    finish_all(page)
    assert page.evaluate(ARTICLE_WITHOUT_WIDGET) == before


def test_pause_and_resume(open_page):
    page = open_page("lv", voices=VOICES)
    page.click(START)
    finish(page)
    current = spoken(page)[-1]["text"]
    page.click(PAUSE)
    assert status(page) == ui_text("listen.status.paused", "lv")
    assert page.inner_text(PAUSE) == ui_text("listen.resume", "lv")
    assert page.evaluate("window.__tts.current") is None  # speech was stopped
    count = len(spoken(page))
    assert finish(page) is False and len(spoken(page)) == count  # nothing goes on
    page.click(PAUSE)
    assert status(page) == ui_text("listen.status.playing", "lv")
    assert page.inner_text(PAUSE) == ui_text("listen.pause", "lv")
    assert spoken(page)[-1]["text"] == current  # the sentence again, from its start
    finish(page)
    assert spoken(page)[-1]["text"] == EXPECTED["lv"][2][1]


def test_stop_cancels_hides_the_controls_and_reads_no_further(open_page):
    page = open_page("en", voices=VOICES)
    page.click(START)
    finish(page)
    cancels = page.evaluate("window.__tts.cancels")
    page.click(STOP)
    assert page.evaluate("window.__tts.cancels") > cancels
    assert status(page) == ui_text("listen.status.stopped", "en")
    assert page.locator(PAUSE).is_hidden() and page.locator(STOP).is_hidden()
    count = len(spoken(page))
    assert finish(page) is False
    assert len(spoken(page)) == count
    # listening again starts from the top
    page.click(START)
    assert spoken(page)[-1]["text"] == "Home care"


def test_speed_change_applies_now_and_is_remembered(open_page):
    page = open_page("en", voices=VOICES)
    page.click(START)
    assert spoken(page)[-1]["rate"] == 1
    page.select_option("[data-listen-speed]", "1.5")
    last = spoken(page)[-1]
    assert (last["text"], last["rate"]) == ("Home care", 1.5)  # said again, faster
    finish(page)
    assert spoken(page)[-1]["rate"] == 1.5
    page.select_option("[data-listen-speed]", "0.75")
    assert spoken(page)[-1]["rate"] == 0.75
    page.reload()
    assert page.input_value("[data-listen-speed]") == "0.75"


def test_speed_change_while_paused_is_used_on_resume(open_page):
    page = open_page("en", voices=VOICES)
    page.click(START)
    page.click(PAUSE)
    count = len(spoken(page))
    page.select_option("[data-listen-speed]", "2")
    assert len(spoken(page)) == count  # paused stays silent
    page.click(PAUSE)
    assert spoken(page)[-1]["rate"] == 2


def test_a_speech_error_stops_and_says_so(open_page):
    page = open_page("en", voices=VOICES)
    page.click(START)
    page.evaluate("window.__tts.fail('synthesis-failed')")
    assert status(page) == ui_text("listen.status.error", "en")
    assert page.locator(PAUSE).is_hidden()


@pytest.mark.parametrize(
    ("lang", "voices"),
    [
        ("lv", [US_VOICE, EN_VOICE]),
        ("lv", [CLOUD_LV_VOICE, US_VOICE]),  # a cloud voice would send the text away
        ("en", [LV_VOICE]),
        ("en", []),
    ],
)
def test_no_voice_for_the_language_is_said_plainly(open_page, lang, voices):
    page = open_page(lang, voices=voices)
    page.click(START)
    expected = (
        ui_text("listen.status.no_voice", lang) + " " + ui_text("listen.status.no_voice_hint", lang)
    )
    page.wait_for_function(
        "text => document.querySelector('[data-listen-status]').textContent === text", arg=expected
    )
    assert spoken(page) == []
    assert page.locator("[data-listen-action=recording]").is_hidden()  # no recording here


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_no_speech_api_at_all(open_page, lang):
    page = open_page(lang, noSpeechApi=True)
    page.click(START)
    assert status(page).startswith(ui_text("listen.status.no_voice", lang))
    assert page.js_errors == []


def test_voices_that_load_late_are_waited_for(open_page):
    page = open_page("lv", voices=VOICES, voicesLater=True)
    page.click(START)
    assert status(page) == ui_text("listen.status.loading", "lv")
    assert spoken(page) == []
    page.evaluate("window.__tts.loadVoices()")
    page.wait_for_function("window.__tts.spoken.length > 0")
    assert spoken(page)[0]["voice"] == LV_VOICE["name"]


def test_speech_starts_only_after_a_user_action(open_page):
    page = open_page("lv", voices=VOICES)
    page.evaluate("window.__tts.loadVoices && window.__tts.loadVoices()")
    assert spoken(page) == []
    assert page.locator(START).is_visible()
