"""First-visit transfer of a few pages, gzip as GitHub Pages serves it (issue 11).

Serves a built site on 127.0.0.1 with gzip for the text types GitHub Pages compresses
(HTML, CSS, JavaScript, JSON, SVG, XML), opens each page in a fresh Chromium context (an
empty cache: a first visit), waits until the network is idle and counts every request and
the bytes on the wire (Playwright's ``request.sizes()``: response headers + encoded body).
Optionally opens the search and types a query, to show what a search costs on top.

    .venv/bin/python benchmarks/first_visit.py SITE [SITE ...] [--page PATH ...] [--search WORD]

Prints a Markdown table. Nothing leaves the machine.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import http.server
import io
import socketserver
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browser import launch_chromium  # noqa: E402

GZIP_TYPES = (
    "text/",
    "application/javascript",
    "application/json",
    "image/svg+xml",
    "application/xml",
)
PAGES = ["", "services/night-shelter/"]


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files; text types gzipped (level 6) when the browser accepts gzip."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the redirect to the folder's slash
            path = path / "index.html"
        ctype = self.guess_type(str(path))
        gzip_ok = "gzip" in self.headers.get("Accept-Encoding", "")
        if not path.is_file() or not gzip_ok or not ctype.startswith(GZIP_TYPES):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)


class _Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


@contextlib.contextmanager
def serve_gzip(root: Path) -> Iterator[str]:
    server = _Server(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class Visit:
    requests: int = 0
    bytes: int = 0
    search_files: list[str] = field(default_factory=list)
    biggest: tuple[str, int] = ("", 0)


def visit(browser: object, base: str, path: str, search: str | None = None) -> Visit:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    seen: list[object] = []
    page.on("requestfinished", lambda request: seen.append(request))
    page.goto(base + path, wait_until="networkidle")
    if search:
        if page.locator("button[data-sg-search]").count():  # the site search (issue 11)
            page.click("button[data-sg-search]")
            page.fill("#sg-search-input", search)
            page.wait_for_selector(".sg-search__link", state="attached")
        else:  # Material's search
            page.click("button.sg-header-button--search")
            page.locator("input.md-search__input").press_sequentially(search, delay=30)
            page.wait_for_selector(".md-search-result__item", state="attached")
        page.wait_for_load_state("networkidle")
    result = Visit()
    for request in seen:
        sizes = request.sizes()
        size = sizes["responseHeadersSize"] + sizes["responseBodySize"]
        result.requests += 1
        result.bytes += size
        name = request.url.removeprefix(base)
        if name.startswith(("pagefind/", "search/")):  # the index and its engine
            result.search_files.append(f"{name} ({size} B)")
        if size > result.biggest[1]:
            result.biggest = (name, size)
    context.close()
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sites", nargs="+", type=Path)
    parser.add_argument("--page", action="append", dest="pages")
    parser.add_argument("--search", help="also open the search and type this word")
    args = parser.parse_args(argv)
    print("| site | page | requests | bytes (gzip) | largest file | search files |")
    print("| --- | --- | ---: | ---: | --- | --- |")
    with launch_chromium() as browser:
        for site in args.sites:
            with serve_gzip(site) as base:
                for path in args.pages or PAGES:
                    for search in [None, args.search] if args.search else [None]:
                        v = visit(browser, base, path, search)
                        label = f"/{path}" + (f" + search “{search}”" if search else "")
                        files = "; ".join(v.search_files) or "none"
                        print(
                            f"| {site.name} | {label} | {v.requests} | {v.bytes:,} "
                            f"| {v.biggest[0]} ({v.biggest[1]:,} B) | {files} |"
                        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
