"""The build-time fallback (hooks/render_audio.py, sitegen/speech/recordings.py): Latvian pages get sentence recordings made
with espeak-ng; a real `mkdocs build --strict` with Material; the widget playing them in
Chromium when the browser has no Latvian voice; and the hook staying harmless without tools."""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
import render_audio  # the build hook
from listen_support import ROOT, UI_FILE, US_VOICE, WIDGET, fixture_page, ui_text
from sitegen.speech import recordings
from sitegen.speech.listen_text import page_pieces

from testsupport.browser import serve_directory

MKDOCS = Path(sys.executable).with_name("mkdocs")


# --- small functions -------------------------------------------------------------------------


def test_audio_attribute_goes_on_the_widget_only():
    html = '<p data-listen-target="x">a</p><div class="listen" data-listen data-listen-ui hidden>'
    out = recordings.add_audio_attribute(html, "listen-audio/a.json")
    assert out == (
        '<p data-listen-target="x">a</p>'
        '<div data-listen-audio="listen-audio/a.json" class="listen" data-listen data-listen-ui hidden>'
    )
    assert recordings.add_audio_attribute(out, "other.json") == out
    assert recordings.add_audio_attribute("<p>nothing</p>", "a.json") == "<p>nothing</p>"


@pytest.mark.parametrize(
    ("dest", "url"),
    [
        ("index.html", "listen-audio/m.json"),
        ("services/home-care/index.html", "../../listen-audio/m.json"),
        ("404.html", "listen-audio/m.json"),
    ],
)
def test_manifest_url_is_relative_to_the_page(dest, url):
    assert recordings.manifest_url(dest, "m.json") == url


def test_clip_names_depend_on_text_and_voice():
    name = recordings.clip_name("Labdien.", "lv")
    assert name == recordings.clip_name("Labdien.", "lv")
    assert name != recordings.clip_name("Labdien!", "lv")
    assert name != recordings.clip_name("Labdien.", "en-gb")
    assert name.endswith(".mp3")


def test_only_latvian_pages_are_planned():
    assert recordings.plan_page(fixture_page("en")) is None
    planned = recordings.plan_page(fixture_page("lv"))
    assert planned is not None
    name, manifest, clips = planned
    pieces = page_pieces(fixture_page("lv"))[1]
    assert manifest["lang"] == "lv"
    assert list(manifest["clips"]) == list(dict.fromkeys(p.text for p in pieces))
    english = manifest["clips"]["Home care helps people at home."]
    assert clips[english].voice == "en-gb"
    assert clips[manifest["clips"]["Mājas aprūpe"]].voice == "lv"
    assert name == recordings.plan_page(fixture_page("lv"))[0]  # same page, same manifest


# --- rendering ---------------------------------------------------------------------------


def plan_of(html: str) -> recordings.Plan:
    plan = recordings.Plan()
    name, manifest, clips = recordings.plan_page(html)
    plan.manifests[name] = manifest
    plan.clips.update(clips)
    plan.pages = 1
    return plan


def test_rendering_is_cached_and_idempotent(tmp_path, espeak_ng):
    tools = espeak_ng
    plan = plan_of(fixture_page("lv"))
    first = recordings.write_audio(plan, tmp_path / "site", tmp_path / "cache", tools)
    assert (first.clips, first.new, first.failed) == (len(plan.clips), len(plan.clips), 0)
    out = tmp_path / "site" / recordings.AUDIO_DIR
    for name in plan.clips:
        data = (out / name).read_bytes()
        assert len(data) > 500 and (data[:3] == b"ID3" or data[0] == 0xFF)
    (manifest_name,) = plan.manifests
    written = json.loads((out / manifest_name).read_text(encoding="utf-8"))
    assert written == plan.manifests[manifest_name]
    stamp = {p.name: p.stat().st_mtime_ns for p in (tmp_path / "cache").iterdir()}
    shutil.rmtree(tmp_path / "site")  # as `mkdocs build` cleans site/
    second = recordings.write_audio(plan, tmp_path / "site", tmp_path / "cache", tools)
    assert (second.clips, second.new) == (len(plan.clips), 0)
    assert {p.name: p.stat().st_mtime_ns for p in (tmp_path / "cache").iterdir()} == stamp
    assert sorted(p.name for p in out.iterdir()) == sorted([*plan.clips, manifest_name])


def test_a_failing_synthesiser_drops_the_clips_and_never_raises(tmp_path, caplog):
    false = shutil.which("false")
    plan = plan_of(fixture_page("lv"))
    with caplog.at_level(logging.INFO, logger="mkdocs.hooks.render_audio"):
        result = recordings.write_audio(plan, tmp_path / "site", tmp_path / "cache", (false, false))
    assert (result.clips, result.new, result.failed) == (0, 0, len(plan.clips))
    (manifest_name,) = plan.manifests
    written = json.loads((tmp_path / "site/listen-audio" / manifest_name).read_text("utf-8"))
    assert written["clips"] == {}
    assert "could not render" in caplog.text
    assert all(r.levelno == logging.INFO for r in caplog.records)


def fake_page(dest_uri: str) -> Any:
    return SimpleNamespace(file=SimpleNamespace(dest_uri=dest_uri, src_uri="lv/x.md"))


def test_hook_events_without_tools_leave_pages_alone(tmp_path, caplog, monkeypatch):
    monkeypatch.setattr(recordings, "_tools", {})
    monkeypatch.setenv("PATH", str(tmp_path))  # no espeak-ng, no lame
    config = SimpleNamespace(site_dir=str(tmp_path / "site"), config_file_path=None)
    html = fixture_page("lv")
    with caplog.at_level(logging.INFO, logger="mkdocs.hooks.render_audio"):
        render_audio.on_pre_build(config)
        assert render_audio.on_post_page(html, fake_page("index.html"), config) == html
        render_audio.on_post_build(config)
    assert "espeak-ng and lame not installed" in caplog.text
    assert [r.levelname for r in caplog.records] == ["INFO"]
    assert not (tmp_path / "site").exists()


def test_hook_events_with_tools(tmp_path, monkeypatch, espeak_ng):
    recordings._tools.clear()  # looked up afresh, as in a new build's process
    monkeypatch.setenv("LISTEN_AUDIO_CACHE", str(tmp_path / "cache"))
    config = SimpleNamespace(site_dir=str(tmp_path / "site"), config_file_path=None)
    render_audio.on_pre_build(config)
    lv = render_audio.on_post_page(fixture_page("lv"), fake_page("a/b/index.html"), config)
    en = render_audio.on_post_page(fixture_page("en"), fake_page("en/index.html"), config)
    render_audio.on_post_build(config)
    assert en == fixture_page("en")
    assert 'data-listen-audio="../../listen-audio/' in lv
    assert len(list((tmp_path / "site/listen-audio").glob("*.json"))) == 1
    render_audio.on_post_build(config)  # a second post_build (i18n's other language): no-op


# --- a real MkDocs + Material build with the real partial -------------------------------

MINI_HOOK = f"""
import yaml
STRINGS = yaml.safe_load(open({str(UI_FILE)!r}, encoding="utf-8"))

def on_page_context(context, page, config, nav):
    context["page_lang"] = "lv"
    context["ui"] = lambda key: STRINGS[key]["lv"]
    return context
"""

MINI_MAIN = """{% extends "base.html" %}
{% block content %}{% include "widgets/listen/listen.html" %}{{ super() }}{% endblock %}
"""

MINI_PAGES = {
    "index.md": (
        "# Mājas aprūpe\n\nMājas aprūpe palīdz cilvēkiem mājās. Cena ir "
        '<span data-speak="astoņi eiro, astoņdesmit centi">8,80 €</span> mēnesī.\n\n'
        "- Pase\n- Iesniegums\n\n[Otra lapa](otra.md)\n"
    ),
    "otra.md": "# Otra lapa\n\nŠī ir otrā lapa. Tā ir īsa.\n",
}


def make_mini_site(root: Path) -> Path:
    (root / "docs").mkdir(parents=True)
    overrides = root / "overrides"
    shutil.copytree(WIDGET, overrides / "widgets/listen", ignore=shutil.ignore_patterns("tests"))
    (overrides / "main.html").write_text(MINI_MAIN, encoding="utf-8")
    (root / "context_hook.py").write_text(MINI_HOOK, encoding="utf-8")
    for name, text in MINI_PAGES.items():
        (root / "docs" / name).write_text(text, encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        f"""site_name: Pārbaude
site_url: http://127.0.0.1/
strict: true
theme:
  name: material
  custom_dir: overrides
  language: lv
  font: false
  features: [navigation.instant]
extra_css: [widgets/listen/listen.css]
extra_javascript: [widgets/listen/listen.js]
hooks:
  - context_hook.py
  - {ROOT / "hooks/render_audio.py"}
""",
        encoding="utf-8",
    )
    return root


def mkdocs_build(
    root: Path, env: dict[str, str], config: str = "mkdocs.yml"
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(MKDOCS), "build", "--strict", "-f", config],
        cwd=root,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture(scope="module")
def mini_site(tmp_path_factory: pytest.TempPathFactory, espeak_ng: Any) -> dict[str, Any]:
    root = make_mini_site(tmp_path_factory.mktemp("mini"))
    env = {"LISTEN_AUDIO_CACHE": str(root / "cache")}
    first = mkdocs_build(root, env)
    second = mkdocs_build(root, env)
    return {"root": root, "first": first, "second": second}


def test_strict_build_renders_once_then_reuses(mini_site):
    first, second = mini_site["first"], mini_site["second"]
    assert first.returncode == 0, first.stderr
    assert second.returncode == 0, second.stderr
    assert "listen audio: 2 pages, 8 sentence clips (8 new, 0 failed)" in first.stderr
    assert "listen audio: 2 pages, 8 sentence clips (0 new, 0 failed)" in second.stderr
    site = mini_site["root"] / "site"
    index = (site / "index.html").read_text(encoding="utf-8")
    other = (site / "otra/index.html").read_text(encoding="utf-8")
    assert 'data-listen-audio="listen-audio/' in index
    assert 'data-listen-audio="../listen-audio/' in other


def test_strict_build_without_espeak_passes_with_an_info_line(mini_site, tmp_path):
    root = mini_site["root"]
    result = mkdocs_build(root, {"PATH": str(tmp_path), "LISTEN_AUDIO_CACHE": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    assert "INFO    -  listen audio: espeak-ng and lame not installed" in result.stderr
    assert "data-listen-audio" not in (root / "site/index.html").read_text(encoding="utf-8")
    # put the recordings back for the browser tests below
    assert mkdocs_build(root, {"LISTEN_AUDIO_CACHE": str(root / "cache")}).returncode == 0


@pytest.fixture
def mini_url(mini_site: dict[str, Any]) -> Any:
    with serve_directory(mini_site["root"] / "site") as url:
        yield url


def test_python_and_browser_agree_on_a_material_page(open_page, mini_site, mini_url):
    page = open_page("index", base=mini_url, voices=[US_VOICE])
    html = (mini_site["root"] / "site/index.html").read_text(encoding="utf-8")
    expected = [(p.lang, p.text) for p in page_pieces(html)[1]]
    assert expected[:2] == [("lv", "Mājas aprūpe"), ("lv", "Mājas aprūpe palīdz cilvēkiem mājās.")]
    assert [tuple(p) for p in page.evaluate("listenWidget.pieces()")] == expected


def test_no_latvian_voice_offers_and_plays_the_recording(open_page, mini_site, mini_url):
    page = open_page("index", base=mini_url, voices=[US_VOICE], audioLog=True)
    page.click("[data-listen-action=start]")
    expected = (
        ui_text("listen.status.no_voice", "lv")
        + " "
        + ui_text("listen.status.no_voice_recording", "lv")
    )
    assert page.inner_text("[data-listen-status]") == expected
    recording = page.get_by_role("button", name=ui_text("listen.recording", "lv"), exact=True)
    recording.click()
    page.wait_for_function("window.__audio.played.length > 0")
    assert page.inner_text("[data-listen-status]") == ui_text("listen.status.recording", "lv")
    page.click("[data-listen-action=pause]")
    assert page.evaluate("window.__audio.paused") >= 1
    assert page.inner_text("[data-listen-status]") == ui_text("listen.status.paused", "lv")
    page.click("[data-listen-action=pause]")
    assert page.inner_text("[data-listen-status]") == ui_text("listen.status.recording", "lv")
    page.select_option("[data-listen-speed]", "1.5")
    while page.evaluate("window.__audio.finish()"):
        pass
    assert page.inner_text("[data-listen-status]") == ui_text("listen.status.finished", "lv")
    html = (mini_site["root"] / "site/index.html").read_text(encoding="utf-8")
    manifest_url = html.split('data-listen-audio="', 1)[1].split('"', 1)[0]
    manifest = json.loads((mini_site["root"] / "site" / manifest_url).read_text("utf-8"))
    played = page.evaluate("window.__audio.played")
    names = [p["src"].rsplit("/", 1)[1] for p in played]
    texts = [p.text for p in page_pieces(html)[1]]
    # every sentence once, in order; the paused one played again on resume
    assert list(dict.fromkeys(names)) == [manifest["clips"][t] for t in texts]
    assert played[-1]["rate"] == 1.5
    assert page.js_errors == []


def test_recordings_decode_in_chromium(open_page, mini_site, mini_url):
    page = open_page("index", base=mini_url)
    clips = sorted(p.name for p in (mini_site["root"] / "site/listen-audio").glob("*.mp3"))
    durations = page.evaluate(
        """names => Promise.all(names.map((n) => new Promise((resolve) => {
          const a = new Audio("listen-audio/" + n);
          a.onloadedmetadata = () => resolve(a.duration);
          a.onerror = () => resolve(-1);
        })))""",
        clips,
    )
    assert len(durations) == 8 and all(d > 0.3 for d in durations), durations


@pytest.fixture
def instant_url(mini_site: dict[str, Any]) -> Any:
    """The mini site built for the address it is served at (instant navigation needs it)."""
    root = mini_site["root"]
    (root / "instant").mkdir(exist_ok=True)
    with serve_directory(root / "instant") as url:
        (root / "mkdocs-instant.yml").write_text(
            f"INHERIT: mkdocs.yml\nsite_url: {url}\nsite_dir: instant\n", encoding="utf-8"
        )
        result = mkdocs_build(
            root, {"LISTEN_AUDIO_CACHE": str(root / "cache")}, "mkdocs-instant.yml"
        )
        assert result.returncode == 0, result.stderr
        yield url


def test_material_instant_navigation_stops_speech_and_reinitialises(open_page, instant_url):
    page = open_page("index", base=instant_url, voices=[US_VOICE, {"name": "lv", "lang": "lv"}])
    page.evaluate("window.__notReloaded = true")
    page.click("[data-listen-action=start]")
    assert page.evaluate("window.__tts.current") is not None
    page.click("article a[href*=otra]")
    page.wait_for_function("document.querySelector('h1').textContent.includes('Otra lapa')")
    assert page.evaluate("window.__notReloaded") is True  # instant navigation, no reload
    assert page.evaluate("window.__tts.current") is None
    count = page.evaluate("window.__tts.spoken.length")
    page.click("[data-listen-action=start]")
    assert page.evaluate("window.__tts.spoken")[count]["text"] == "Otra lapa"
