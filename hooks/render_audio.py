"""MkDocs hook — recordings of the Latvian pages for browsers that have no Latvian voice.

Most desktop and iOS browsers have no Latvian voice, so the listen widget
(``overrides/widgets/listen/``) offers a recording made here at build time with Debian's
espeak-ng (the work is in ``sitegen/speech/recordings.py``). Each sentence the widget would read (``sitegen.speech.listen_text``, a mirror of the
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

import os
import time
from pathlib import Path
from typing import Any

from sitegen.speech.listen_text import document_language
from sitegen.speech.recordings import (
    AUDIO_DIR,
    RENDER_LANGS,
    Plan,
    add_audio_attribute,
    cache_dir,
    find_tools,
    log,
    manifest_url,
    max_new_clips,
    plan_page,
    primary,
    write_audio,
)

_plan = Plan()


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
