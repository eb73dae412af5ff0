"""Fixture pages and a stubbed Web Speech API for the listen widget's browser tests."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import jinja2
import yaml

ROOT = Path(__file__).resolve().parents[4]
WIDGET = ROOT / "overrides/widgets/listen"
UI_FILE = ROOT / "overrides/sitegen/ui.yaml"

LV_VOICE = {"name": "Latvian (lv)", "lang": "lv-LV", "localService": True}
EN_VOICE = {"name": "English (GB)", "lang": "en-GB", "localService": True}
US_VOICE = {"name": "English (US)", "lang": "en-US", "localService": True, "default": True}
CLOUD_LV_VOICE = {"name": "Cloud Latvian", "lang": "lv-LV", "localService": False}

# The fixture articles. Visible text as people write it; spoken forms in data-speak.
ARTICLE = {
    "lv": """
<h1>Mājas aprūpe</h1>
<p>Mājas aprūpe palīdz cilvēkiem, kuri paši sevi aprūpēt nevar. Pakalpojumu sniedz
sociālais dienests! Vai jums tas vajadzīgs?</p>
<p id="price">Pirmā līmeņa cena ir <span data-speak="astoņi eiro, astoņdesmit centi">8,80&nbsp;€</span>
mēnesī. Zvaniet <a href="tel:+37164607194"><span data-speak="64 60 71 94">64607194</span></a>
darba dienās.</p>
<p>Maksu nosaka domes lēmums Nr. 1985, kas pieņemts 2017. gada 9. martā. Iesniegumu
izskata <abbr title="Garantētais minimālais ienākums" data-speak="garantētā minimālā ienākuma">GMI</abbr>
nodaļa.</p>
<p lang="en">Home care helps people at home.</p>
<p>Šis teikums ir redzams.<span aria-hidden="true"> Slēpts teksts.</span>
<span data-listen-skip> Izlaists teksts.</span> <span data-speak="">Tukšs runas teksts.</span></p>
<ul>
<li>Pase</li>
<li>Iesniegums</li>
</ul>
<table>
<caption>Cenas</caption>
<thead><tr><th scope="col">Līmenis</th><th scope="col">Cena mēnesī</th></tr></thead>
<tbody><tr><td>2. līmenis</td><td data-speak="trīspadsmit eiro, divdesmit centi">13,20&nbsp;€</td></tr></tbody>
</table>
<p>Aprūpētājs palīdz ģērbties, mazgāties, ēst, iepirkties, samaksāt rēķinus, sakopt mājokli,
nomazgāt veļu, pagatavot ēdienu, sagādāt kurināmo, iekurt krāsni, izsaukt ārstu, pavadīt pie
ārsta vai uz citām iestādēm un darīt vēl daudzus citus darbus, kas vajadzīgi ikdienā, ja cilvēks
pats tos vairs nevar paveikt.</p>
""",
    "en": """
<h1>Home care</h1>
<p>Home care helps people who cannot look after themselves. The social service provides it!
Do you need it?</p>
<p id="price">The level 1 price is <span data-speak="eight euros eighty cents">€8.80</span> a
month. Call <a href="tel:+37164607194"><span data-speak="64 60 71 94">64607194</span></a> on
working days.</p>
<p>The fee is set by council decision No. 1985 of 9 March 2017, e.g. for home care.</p>
<p lang="lv">Mājas aprūpe.</p>
<ul>
<li>Passport</li>
<li>Application</li>
</ul>
""",
}

# Pieces the widget must read from the fixture articles, in order: (language, text).
EXPECTED = {
    "lv": [
        ("lv", "Mājas aprūpe"),
        ("lv", "Mājas aprūpe palīdz cilvēkiem, kuri paši sevi aprūpēt nevar."),
        ("lv", "Pakalpojumu sniedz sociālais dienests!"),
        ("lv", "Vai jums tas vajadzīgs?"),
        (
            "lv",
            "Pirmā līmeņa cena ir astoņi eiro, astoņdesmit centi mēnesī.",
        ),
        ("lv", "Zvaniet 64 60 71 94 darba dienās."),
        (
            "lv",
            "Maksu nosaka domes lēmums Nr. 1985, kas pieņemts 2017. gada 9. martā.",
        ),
        ("lv", "Iesniegumu izskata garantētā minimālā ienākuma nodaļa."),
        ("en", "Home care helps people at home."),
        ("lv", "Šis teikums ir redzams."),
        ("lv", "Tukšs runas teksts."),
        ("lv", "Pase"),
        ("lv", "Iesniegums"),
        ("lv", "Cenas"),
        ("lv", "Līmenis"),
        ("lv", "Cena mēnesī"),
        ("lv", "2. līmenis"),
        ("lv", "trīspadsmit eiro, divdesmit centi"),
        (
            "lv",
            # 309 characters: cut after the last comma within 200
            "Aprūpētājs palīdz ģērbties, mazgāties, ēst, iepirkties, samaksāt rēķinus, sakopt "
            "mājokli, nomazgāt veļu, pagatavot ēdienu, sagādāt kurināmo, iekurt krāsni, izsaukt "
            "ārstu,",
        ),
        (
            "lv",
            "pavadīt pie ārsta vai uz citām iestādēm un darīt vēl daudzus citus darbus, kas "
            "vajadzīgi ikdienā, ja cilvēks pats tos vairs nevar paveikt.",
        ),
    ],
    "en": [
        ("en", "Home care"),
        ("en", "Home care helps people who cannot look after themselves."),
        ("en", "The social service provides it!"),
        ("en", "Do you need it?"),
        ("en", "The level 1 price is eight euros eighty cents a month."),
        ("en", "Call 64 60 71 94 on working days."),
        ("en", "The fee is set by council decision No. 1985 of 9 March 2017, e.g. for home care."),
        ("lv", "Mājas aprūpe."),
        ("en", "Passport"),
        ("en", "Application"),
    ],
}

# A stand-in for window.speechSynthesis: records every utterance and lets the test decide
# when each one ends (window.__tts.finish()), so nothing depends on timing.
SPEECH_STUB = r"""
(() => {
  const cfg = window.__ttsConfig || {};
  if (cfg.noHighlightApi) window.Highlight = undefined;
  if (cfg.documentSubject) {
    const subs = [];
    window.document$ = {
      subscribe(fn) { subs.push(fn); if (document.readyState !== "loading") fn(document);
        else document.addEventListener("DOMContentLoaded", () => fn(document)); },
      next(doc) { subs.forEach((fn) => fn(doc)); },
    };
  }
  if (cfg.scrollLog) {
    window.__scrolls = [];
    const scrollBy = window.scrollBy.bind(window);
    window.scrollBy = (opts) => { window.__scrolls.push(opts && opts.behavior); scrollBy(opts); };
  }
  if (cfg.audioLog) {
    window.__audio = { played: [], paused: 0 };
    HTMLMediaElement.prototype.play = function () {
      window.__audio.played.push({ src: this.src, rate: this.playbackRate });
      window.__audio.current = this;
      return Promise.resolve();
    };
    HTMLMediaElement.prototype.pause = function () { window.__audio.paused++; };
    window.__audio.finish = () => {
      const el = window.__audio.current;
      window.__audio.current = null;
      if (el) el.dispatchEvent(new Event("ended"));
      return !!el;
    };
  }
  if (cfg.noSpeechApi) {
    Object.defineProperty(window, "speechSynthesis", { value: undefined, configurable: true });
    window.SpeechSynthesisUtterance = undefined;
    return;
  }
  const log = (window.__tts = { spoken: [], cancels: 0, current: null });
  let voices = cfg.voicesLater ? [] : cfg.voices || [];
  class Utterance {
    constructor(text) {
      Object.assign(this, { text, lang: "", voice: null, rate: 1, pitch: 1, volume: 1 });
      this.onstart = this.onend = this.onerror = null;
    }
  }
  const synth = new EventTarget();
  Object.assign(synth, {
    speaking: false, pending: false, paused: false, onvoiceschanged: null,
    getVoices() { return voices.map((v) => ({ default: false, voiceURI: v.name, ...v })); },
    speak(u) {
      log.spoken.push({ text: u.text, lang: u.lang, voice: u.voice && u.voice.name, rate: u.rate });
      log.current = u;
      this.speaking = true;
      if (u.onstart) u.onstart({ type: "start", utterance: u });
    },
    cancel() {
      // Like browsers, the cancelled utterance still gets an event: the widget must ignore it.
      log.cancels++;
      const u = log.current;
      log.current = null;
      this.speaking = false;
      if (u && u.onend) u.onend({ type: "end", utterance: u });
    },
    pause() { this.paused = true; },
    resume() { this.paused = false; },
  });
  log.finish = () => {
    const u = log.current;
    log.current = null;
    synth.speaking = false;
    if (u && u.onend) u.onend({ type: "end", utterance: u });
    return !!u;
  };
  log.fail = (error) => {
    const u = log.current;
    log.current = null;
    if (u && u.onerror) u.onerror({ type: "error", error, utterance: u });
  };
  log.loadVoices = () => {
    voices = cfg.voices || [];
    const event = new Event("voiceschanged");
    synth.dispatchEvent(event);
    if (synth.onvoiceschanged) synth.onvoiceschanged(event);
  };
  Object.defineProperty(window, "speechSynthesis", { value: synth, configurable: true });
  window.SpeechSynthesisUtterance = Utterance;
})();
"""


def ui_strings() -> dict[str, dict[str, str]]:
    return yaml.safe_load(UI_FILE.read_text(encoding="utf-8"))


def ui_text(key: str, lang: str) -> str:
    return ui_strings()[key][lang]


def render_partial(lang: str) -> str:
    """The real partial, rendered as MkDocs renders theme templates (no autoescape)."""
    strings = ui_strings()
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(ROOT / "overrides")),
        undefined=jinja2.StrictUndefined,
        auto_reload=False,
    )
    template = env.get_template("widgets/listen/listen.html")
    return template.render(page_lang=lang, ui=lambda key: strings[key][lang])


def fixture_page(lang: str, article: str | None = None, title: str = "Listen") -> str:
    return f"""<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<link rel="stylesheet" href="widgets/listen/listen.css">
</head>
<body>
<main>
<article class="md-content__inner md-typeset">
{render_partial(lang)}
{ARTICLE[lang] if article is None else article}
</article>
</main>
<footer><p id="outside">{"Kājene." if lang == "lv" else "Footer."}</p></footer>
<script src="widgets/listen/listen.js"></script>
</body>
</html>
"""


def write_site(root: Path) -> Path:
    """Fixture pages lv.html and en.html with the widget's assets next to them."""
    assets = root / "widgets/listen"
    assets.mkdir(parents=True, exist_ok=True)
    for name in ("listen.js", "listen.css"):
        shutil.copyfile(WIDGET / name, assets / name)
    for lang in ("lv", "en"):
        (root / f"{lang}.html").write_text(fixture_page(lang), encoding="utf-8")
    return root


def stub_script(**config: Any) -> str:
    return f"window.__ttsConfig = {json.dumps(config)};\n{SPEECH_STUB}"
