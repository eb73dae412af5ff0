"""MkDocs hook — the site search (issue 11): page facts for Pagefind, then Pagefind itself.

* ``on_page_context`` gives every page ``sitegen_search`` (``sitegen.search.search_facets``: kind,
  weight, provider and place, filters, the stems of its Latvian words), which the partial
  ``overrides/widgets/search/page.html`` writes as ``data-pagefind-*`` markup around the
  page content; and ``search_ui``, the dialog's strings in the page's language.
* ``on_post_build`` runs Pagefind (PyPI ``pagefind[bin]``, the binary inside the wheel) once
  over the whole built site, after the last language: mkdocs-static-i18n builds the other
  languages from inside its own ``on_post_build`` (priority -100), so Pagefind starts at
  -110 (``start_pagefind``; nothing in those nested builds) and indexes in its own process
  while the other hooks finish (the stylesheet trimmed, the open data written: no HTML
  changes after -100); ``finish_pagefind``, the build's last step (-1000), waits for it and
  stops the build with Pagefind's words if it failed. A build that fails in between stops
  it (``on_build_error``). The site folder is the one being built — the fresh folder of
  ``scripts/build_site.py`` or the temporary one of ``mkdocs serve`` — so the index is part
  of the atomic build. Pagefind writes one index per ``<html lang>``.
"""

from __future__ import annotations

import logging
import subprocess
import time
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from sitegen.base.languages import LANGUAGES
from sitegen.checks.site_config import project_root
from sitegen.search.search_facets import FILTERS, search_page
from sitegen.text.ui_strings import load_ui_strings

log = logging.getLogger("mkdocs.hooks.search_index")

BUNDLE_DIR = "pagefind"  # under the site root: pagefind/pagefind.js and the index
TIMEOUT_S = 120

_ui: dict[str, dict[str, str]] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _ui.clear()
    _ui.update(load_ui_strings(project_root(config) / "overrides/sitegen/ui.yaml"))
    return config


def search_ui(lang: str) -> dict[str, Any]:
    """The dialog's strings in one language, and the filters it offers (in order)."""
    strings = {
        k.removeprefix("search."): v[lang] for k, v in _ui.items() if k.startswith("search.")
    }
    return {"t": strings, "filters": list(FILTERS)}


def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any]:
    lang = context.get("page_lang") or LANGUAGES[0]
    helper = context.get("sitegen")
    context["search_ui"] = search_ui(lang)
    if helper is not None:
        meta = page.meta or {}
        context["sitegen_search"] = search_page(
            helper,
            lang,
            meta.get("sitegen_page"),
            meta.get("sitegen_id"),
            f"{page.title or ''} {page.content or ''}",
        )
    return context


def on_template_context(
    context: dict[str, Any], template_name: str, config: MkDocsConfig
) -> dict[str, Any]:
    if template_name == "404.html" and _ui:  # the 404 page is in the first language
        context["search_ui"] = search_ui(LANGUAGES[0])
    return context


def pagefind_command(site_dir: Path) -> list[str]:
    try:
        from pagefind_bin import get_executable
    except ImportError:
        raise PluginError(
            "search: Pagefind is not installed (pip install -r requirements.txt)"
        ) from None
    return [str(get_executable()), "--site", str(site_dir), "--output-subdir", BUNDLE_DIR]


class PagefindRun:
    """Pagefind indexing ``site_dir`` in its own process, started now; ``result`` waits for
    it and gives its summary, or raises PluginError with Pagefind's own words."""

    def __init__(self, site_dir: Path):
        self.site_dir = site_dir
        self.started = time.perf_counter()
        try:
            self.process: subprocess.Popen[str] | None = subprocess.Popen(
                pagefind_command(site_dir),
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        except OSError as err:
            raise PluginError(f"search: Pagefind did not run: {err}") from None

    def result(self) -> str:
        assert self.process is not None, "result() once"
        process, self.process = self.process, None
        try:
            out, err = process.communicate(timeout=TIMEOUT_S)
        except subprocess.TimeoutExpired as error:
            process.kill()
            process.communicate()
            raise PluginError(f"search: Pagefind did not run: {error}") from None
        if process.returncode != 0:
            lines = [line.strip() for line in (out + err).splitlines() if line.strip()]
            said = [x for x in lines if x.startswith(("Error", "Most likely"))] or lines[-3:]
            reason = " ".join(dict.fromkeys(said))  # Pagefind prints its error twice
            raise PluginError(f"search: Pagefind failed on {self.site_dir}: {reason}")
        return out

    def stop(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.communicate()
            self.process = None


def run_pagefind(site_dir: Path) -> str:
    """Index ``site_dir`` with Pagefind; return its summary. Raises PluginError on failure."""
    return PagefindRun(site_dir).result()


_running: list[PagefindRun] = []  # the outer build's run, between its start and its end


def _outer_build(config: MkDocsConfig) -> bool:
    i18n = config.plugins.get("i18n")
    # a nested build of one language does nothing: the outer build indexes the whole site
    return not (i18n is not None and getattr(i18n, "building", False))


@event_priority(-110)  # after mkdocs-static-i18n has built the other languages
def start_pagefind(config: MkDocsConfig) -> None:
    """Pagefind starts on the finished pages and indexes them in its own process while the
    other hooks' last steps (the stylesheet trimmed, the open data) run in this one."""
    if _outer_build(config):
        _stop_running()
        _running.append(PagefindRun(Path(config.site_dir)))


@event_priority(-1000)  # the build's last step: after every other hook's
def finish_pagefind(config: MkDocsConfig) -> None:
    if not _outer_build(config) or not _running:
        return
    run = _running.pop()
    out = run.result()
    pages = [line.strip() for line in out.splitlines() if "Indexed" in line and "page" in line]
    log.info(
        "search: Pagefind indexed %s in %.1f s",
        pages[-1].removeprefix("Indexed ") if pages else "the site",
        time.perf_counter() - run.started,
    )


on_post_build = CombinedEvent(start_pagefind, finish_pagefind)


def _stop_running() -> None:
    while _running:
        _running.pop().stop()


def on_build_error(error: Exception) -> None:
    _stop_running()  # a build that failed after Pagefind started leaves no process behind
