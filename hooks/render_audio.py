"""MkDocs hook — recordings of the Latvian pages for browsers that have no Latvian voice.

Most desktop and iOS browsers have no Latvian voice, so the listen widget
(``overrides/widgets/listen/``) offers a recording made here at build time with Debian's
espeak-ng. Each sentence the widget would read (``sitegen.listen_text``, a mirror of the
widget's text rules) becomes one small MP3 clip named by a hash of its text, voice and
encoder settings; each page gets a JSON manifest {sentence: clip} and its widget a
``data-listen-audio`` attribute pointing to it. English pages get none: every common
browser has an English voice.

Cheap and idempotent: clips are kept in a cache (``build/listen-audio/``, or
``$LISTEN_AUDIO_CACHE``) and only sentences never rendered before are synthesised; the
cache is then linked or copied into ``site/listen-audio/``. Without espeak-ng or lame the
hook logs one INFO line and the pages simply get no recording (``LISTEN_AUDIO=off`` in the
environment turns it off on purpose, as the build-time benchmark does). It never fails the build:
problems are reported at INFO, as a warning would fail ``mkdocs build --strict``.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import posixpath
import re
import shutil
import subprocess
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitegen.listen_text import document_language, page_pieces

log = logging.getLogger("mkdocs.hooks.render_audio")

AUDIO_DIR = "listen-audio"
RENDER_LANGS = frozenset({"lv"})  # page languages that get recordings
ESPEAK_VOICES = {"lv": "lv", "en": "en-gb"}  # sentence language -> espeak-ng voice
LAME_ARGS = ["-m", "m", "-b", "24", "--resample", "16"]  # mono 16 kHz, 24 kbit/s: ~3 kB/s
SETTINGS = "espeak-ng -b 1 -v {voice} | lame " + " ".join(LAME_ARGS)  # in every clip's name
TIMEOUT_S = 60


@dataclass(frozen=True)
class Clip:
    text: str
    voice: str


@dataclass
class Plan:
    """What the pages of one build need: manifests by file name, clips by file name."""

    manifests: dict[str, dict[str, Any]] = field(default_factory=dict)
    clips: dict[str, Clip] = field(default_factory=dict)
    pages: int = 0


@dataclass(frozen=True)
class Result:
    clips: int
    new: int
    failed: int
    manifests: int
    deferred: int = 0  # new sentences over MAX_NEW_CLIPS, left for the next builds


MAX_NEW_CLIPS = 2000
_plan = Plan()
_tools: dict[str, str | None] = {}


def primary(lang: str) -> str:
    return lang.strip().lower().replace("_", "-").split("-")[0]


def find_tools() -> tuple[str, str] | None:
    """Paths of espeak-ng and lame, or None (logged once per process) if either is missing."""
    if not _tools:
        _tools["espeak"] = shutil.which("espeak-ng")
        _tools["lame"] = shutil.which("lame")
        missing = [
            name for name, key in (("espeak-ng", "espeak"), ("lame", "lame")) if not _tools[key]
        ]
        if missing:
            log.info(
                "listen audio: %s not installed, so Latvian pages get no recording "
                "(install the Debian packages espeak-ng and lame)",
                " and ".join(missing),
            )
    espeak, lame = _tools.get("espeak"), _tools.get("lame")
    return (espeak, lame) if espeak and lame else None


def clip_name(text: str, voice: str) -> str:
    key = f"{SETTINGS.format(voice=voice)}\n{text}".encode()
    return hashlib.sha256(key).hexdigest()[:20] + ".mp3"


def plan_page(html: str) -> tuple[str, dict[str, Any], dict[str, Clip]] | None:
    """(manifest file name, manifest, clips) for a page, or None if it gets no recording."""
    found = page_pieces(html)
    if found is None or primary(found[0]) not in RENDER_LANGS:
        return None
    lang, pieces = found
    index: dict[str, str] = {}
    clips: dict[str, Clip] = {}
    for piece in pieces:
        voice = ESPEAK_VOICES.get(primary(piece.lang))
        if voice is None:
            continue
        name = clip_name(piece.text, voice)
        index[piece.text] = name
        clips[name] = Clip(piece.text, voice)
    if not index:
        return None
    manifest = {"lang": lang, "clips": index}
    digest = hashlib.sha256(_dump(manifest).encode()).hexdigest()[:16]
    return f"{digest}.json", manifest, clips


def _dump(manifest: dict[str, Any]) -> str:
    return json.dumps(manifest, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


_LISTEN_TAG = re.compile(r"<([a-zA-Z][\w-]*)(\s[^<>]*?)?\sdata-listen(?=[\s=/>])[^<>]*>")


def add_audio_attribute(html: str, url: str) -> str:
    """Add data-listen-audio="url" to the first element carrying data-listen. An edit of the
    text, not of a parsed tree: every other byte of the page stays as the theme wrote it."""
    found = _LISTEN_TAG.search(html)
    if not found or "data-listen-audio=" in found.group(0):
        return html
    at = found.start() + 1 + len(found.group(1))
    return f'{html[:at]} data-listen-audio="{url}"{html[at:]}'


def manifest_url(dest_uri: str, name: str) -> str:
    """URL of a manifest relative to the page written at ``dest_uri`` (in site_dir)."""
    return posixpath.relpath(f"{AUDIO_DIR}/{name}", posixpath.dirname(dest_uri) or ".")


def render_clip(clip: Clip, dest: Path, tools: tuple[str, str]) -> bool:
    """Synthesise one sentence into ``dest`` (atomically). False, logged, on failure."""
    espeak, lame = tools
    try:
        wav = subprocess.run(
            [espeak, "-b", "1", "-v", clip.voice, "--stdout"],
            input=clip.text.encode(),
            capture_output=True,
            check=True,
            timeout=TIMEOUT_S,
        ).stdout
        fd, tmp = tempfile.mkstemp(suffix=".mp3", dir=dest.parent)
        os.close(fd)
        try:
            subprocess.run(
                [lame, "--quiet", *LAME_ARGS, "-", tmp],
                input=wav,
                capture_output=True,
                check=True,
                timeout=TIMEOUT_S,
            )
            os.replace(tmp, dest)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    except (OSError, subprocess.SubprocessError) as err:
        log.info("listen audio: could not render %r: %s", clip.text[:60], err)
        return False
    return True


def _place(source: Path, dest: Path) -> None:
    if dest.exists() and dest.stat().st_size == source.stat().st_size:
        return
    dest.unlink(missing_ok=True)
    try:
        os.link(source, dest)
    except OSError:
        shutil.copyfile(source, dest)


def write_audio(plan: Plan, site_dir: Path, cache: Path, tools: tuple[str, str]) -> Result:
    """Render the clips missing from ``cache``; put clips and manifests in site_dir."""
    cache.mkdir(parents=True, exist_ok=True)
    missing = sorted(name for name in plan.clips if not (cache / name).is_file())
    # bounded work: a pull request that adds a megabyte of text must not keep CI busy for
    # hours of speech synthesis; the rest is recorded by the next builds (the widget reads
    # a sentence without a clip with the browser's own voice meanwhile)
    limit = max_new_clips()
    deferred = set(missing[limit:])
    missing = missing[:limit]
    workers = max(1, min(4, os.cpu_count() or 1))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        done = list(pool.map(lambda n: render_clip(plan.clips[n], cache / n, tools), missing))
    failed = {name for name, ok in zip(missing, done, strict=True) if not ok}
    not_there = failed | deferred
    out = site_dir / AUDIO_DIR
    out.mkdir(parents=True, exist_ok=True)
    for name in plan.clips:
        if name not in not_there:
            _place(cache / name, out / name)
    for name, manifest in plan.manifests.items():
        clips = {t: c for t, c in manifest["clips"].items() if c not in not_there}
        (out / name).write_text(_dump({**manifest, "clips": clips}), encoding="utf-8")
    return Result(
        len(plan.clips) - len(not_there),
        len(missing) - len(failed),
        len(failed),
        len(plan.manifests),
        len(deferred),
    )


def max_new_clips() -> int:
    """New sentence clips one build may record (``LISTEN_AUDIO_MAX_NEW``, default
    ``MAX_NEW_CLIPS``): the whole default site has about 850."""
    try:
        return max(0, int(os.environ.get("LISTEN_AUDIO_MAX_NEW", MAX_NEW_CLIPS)))
    except ValueError:
        return MAX_NEW_CLIPS


def cache_dir(config: Any) -> Path:
    if os.environ.get("LISTEN_AUDIO_CACHE"):
        return Path(os.environ["LISTEN_AUDIO_CACHE"])
    root = Path(config.config_file_path or ".").resolve().parent
    return root / "build" / AUDIO_DIR


# --- MkDocs events -------------------------------------------------------------------------


def on_pre_build(config: Any) -> None:
    global _plan
    _plan = Plan()


def on_post_page(output: str, page: Any, config: Any) -> str:
    if os.environ.get("LISTEN_AUDIO") == "off":  # e.g. the build-time benchmark
        return output
    if "data-listen" not in output or primary(document_language(output)) not in RENDER_LANGS:
        return output
    if find_tools() is None:
        return output
    try:
        planned = plan_page(output)
        if planned is None:
            return output
        name, manifest, clips = planned
        _plan.manifests[name] = manifest
        _plan.clips.update(clips)
        _plan.pages += 1
        return add_audio_attribute(output, manifest_url(page.file.dest_uri, name))
    except Exception as err:  # a recording must never break the site
        log.info("listen audio: skipped %s: %s", page.file.src_uri, err)
        return output


def on_post_build(config: Any) -> None:
    global _plan
    plan, _plan = _plan, Plan()
    tools = find_tools()
    if not plan.manifests or tools is None:
        return
    started = time.perf_counter()
    try:
        result = write_audio(plan, Path(config.site_dir), cache_dir(config), tools)
    except Exception as err:  # a recording must never break the site
        log.info("listen audio: not written: %s", err)
        return
    log.info(
        "listen audio: %d pages, %d sentence clips (%d new, %d failed) in %s/ (%.1f s)",
        plan.pages,
        result.clips,
        result.new,
        result.failed,
        AUDIO_DIR,
        time.perf_counter() - started,
    )
    if result.deferred:
        log.info(
            "listen audio: %d new sentences were not recorded: at most %d new clips per "
            "build (LISTEN_AUDIO_MAX_NEW); the next builds record them",
            result.deferred,
            max_new_clips(),
        )
