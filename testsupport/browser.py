"""Shared helpers for tests that run in a real browser.

Debian's ``chromium`` is driven by Playwright through ``executable_path`` (Playwright's own
browser download is not used: it cannot be fetched here). ``serve_directory`` serves a
built site or a fixture folder on 127.0.0.1 so pages load over http like in production.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import shutil
import socketserver
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

# Cumulative layout shift of the page so far (shifts right after an input do not count, as in
# CLS), read after the page has been left to settle for the given milliseconds.
_LAYOUT_SHIFT = """ms => new Promise(resolve => {
  let total = 0;
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
  }).observe({type: "layout-shift", buffered: true});
  setTimeout(() => resolve(total), ms);
})"""


def layout_shift(page: object, settle_ms: int) -> float:
    """The page's layout shift (CLS) after ``settle_ms`` more milliseconds of settling."""
    return float(page.evaluate(_LAYOUT_SHIFT, settle_ms))


CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        pytest.fail("Debian's chromium is not installed: run `make install-test` (as root)")
    return path


@contextlib.contextmanager
def launch_chromium(extra_args: list[str] | None = None) -> Iterator[object]:
    """Yield a Playwright ``Browser`` running Debian's chromium headless."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path(), args=CHROMIUM_ARGS + (extra_args or [])
        )
        try:
            yield browser
        finally:
            browser.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class _Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


@contextlib.contextmanager
def serve_directory(root: Path) -> Iterator[str]:
    """Serve ``root`` on 127.0.0.1 on a free port; yield the base URL ending in '/'."""
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
