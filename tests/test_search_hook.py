"""hooks/search_index.py without a site build: Pagefind runs once, after the last language,
and a failure stops the build with Pagefind's own words (a PluginError, never a traceback)."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))
import search_index

ROOT = Path(__file__).resolve().parent.parent


def config(site: Path, building: bool | None) -> SimpleNamespace:
    plugins = {} if building is None else {"i18n": SimpleNamespace(building=building)}
    return SimpleNamespace(site_dir=str(site), plugins=plugins)


def post_build(config: SimpleNamespace) -> None:
    """The hook's post-build steps as MkDocs runs them: Pagefind started, then waited for."""
    for step in search_index.on_post_build.methods:
        step(config)


def page(site: Path, rel: str, lang: str, text: str) -> None:
    path = site / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f'<!doctype html><html lang="{lang}"><head><title>t</title></head><body>'
        f"<nav>menu</nav><main data-pagefind-body><h1>{text}</h1><p>{text}</p></main></body></html>",
        encoding="utf-8",
    )


def test_indexes_every_language_of_the_site(tmp_path: Path) -> None:
    page(tmp_path, "index.html", "lv", "Naktspatversme")
    page(tmp_path, "en/index.html", "en", "Night shelter")
    post_build(config(tmp_path, building=False))
    entry = json.loads((tmp_path / "pagefind/pagefind-entry.json").read_text(encoding="utf-8"))
    assert {k: v["page_count"] for k, v in entry["languages"].items()} == {"lv": 1, "en": 1}


def test_does_nothing_inside_a_nested_language_build(tmp_path: Path) -> None:
    page(tmp_path, "index.html", "lv", "Naktspatversme")
    post_build(config(tmp_path, building=True))
    assert not (tmp_path / "pagefind").exists()


def test_runs_after_the_i18n_plugin_builds_the_other_languages() -> None:
    i18n_priority = -100  # mkdocs-static-i18n's on_post_build
    start, finish = search_index.on_post_build.methods
    assert start.mkdocs_priority < i18n_priority
    # it indexes while the other hooks finish, and is waited for after all of them
    others = [
        int(priority)
        for hook in ROOT.glob("hooks/*.py")
        for priority in re.findall(
            r"@event_priority\((-?\d+)\)[^\n]*\ndef on_post_build", hook.read_text("utf-8")
        )
    ]
    assert len(others) >= 3  # generate_pages, trim_theme_css, write_open_data
    assert all(finish.mkdocs_priority < priority for priority in others)


def test_a_failed_build_leaves_no_pagefind_running(tmp_path: Path) -> None:
    page(tmp_path, "index.html", "lv", "Naktspatversme")
    start, _ = search_index.on_post_build.methods
    start(config(tmp_path, building=False))
    (run,) = search_index._running
    process = run.process
    search_index.on_build_error(error=RuntimeError("a later hook failed"))
    assert search_index._running == [] and process is not None and process.poll() is not None


def test_a_failed_index_stops_the_build_with_pagefinds_words(tmp_path: Path) -> None:
    with pytest.raises(
        PluginError,
        match=r"Pagefind failed on .*: Error: Pagefind was not able to build an index\. Most likely",
    ):
        post_build(config(tmp_path, building=None))  # no HTML at all


def test_every_page_kind_has_a_search_kind() -> None:
    """A new page kind (page_kinds.PAGE_KINDS) must say how the search ranks it."""
    from sitegen.search.search_facets import KIND_OF, WEIGHT
    from sitegen.sitemap.page_kinds import PAGE_KINDS

    assert set(PAGE_KINDS) - set(KIND_OF) == set()
    assert set(KIND_OF.values()) <= set(WEIGHT)
