"""First-visit transfer of a few pages, gzip as GitHub Pages serves it (issue 11).

Serves a built site with scripts/gzip_server.py (gzip for the text types GitHub Pages compresses
as page_weight.py and lighthouse.py do), opens each page in a fresh Chromium context (an
empty cache: a first visit), waits until the network is idle and counts every request and
the bytes on the wire (Playwright's ``request.sizes()``: response headers + encoded body).
Optionally opens the search and types a query, to show what a search costs on top.

    .venv/bin/python benchmarks/first_visit.py SITE [SITE ...] [--page PATH ...] [--search WORD]

Prints a Markdown table. Nothing leaves the machine.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "scripts")]

from gzip_server import serve_gzip  # noqa: E402

from testsupport.browser import launch_chromium  # noqa: E402

PAGES = ["", "services/night-shelter/"]


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
            with serve_gzip(site) as (base, _):
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
