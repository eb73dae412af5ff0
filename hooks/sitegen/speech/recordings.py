"""Recordings of the Latvian pages for browsers that have no Latvian voice: which sentences a
page needs (``listen_text``), clips named by a hash of text, voice and encoder settings, made
with Debian's espeak-ng and lame into a cache and linked into the site. The build hook
``hooks/render_audio.py`` calls it; see there for when it runs and what it never does (fail
the build)."""

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
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .listen_text import page_pieces

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
