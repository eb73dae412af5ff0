"""First-visit weight of each page kind, served gzip-compressed as GitHub Pages serves it.

A script, not a timed test. The built site is served on 127.0.0.1 by scripts/gzip_server.py
(text compressed with gzip); each page kind, in both languages, is loaded in a fresh Chromium
context (empty cache, like a resident's first visit) at phone size, and the script prints the
requests, the bytes on the wire (compressed) and uncompressed, the layout shift (CLS) while
loading, any request that left 127.0.0.1, and — when scripts/lighthouse.py can run —
Lighthouse's mobile scores with the same compressing server. Budget (issue 16): at most
80 KB compressed in at most 10 requests, CLS 0, no third-party request; `--check` exits 1
when a page kind is over it.

    .venv/bin/python benchmarks/page_weight.py                  # builds the default site first
    .venv/bin/python benchmarks/page_weight.py --site site      # a site already built
    .venv/bin/python benchmarks/page_weight.py --no-lighthouse  # weights only (quick)
    .venv/bin/python benchmarks/page_weight.py --markdown       # the table as Markdown
    .venv/bin/python benchmarks/page_weight.py --site site --page services/night-shelter/ \
        --search patversme --files   # these pages only, also after a search (issue 11)
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from gzip_server import Response, serve_gzip  # noqa: E402

from testsupport.browser import layout_shift  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run"]
CHROMIUM_ARGS += ["--disable-background-networking", "--disable-component-update"]
BUDGET_BYTES = 80 * 1024
BUDGET_REQUESTS = 10

# one page of each kind (Latvian paths; the English page is the same under en/)
PAGE_KINDS = {
    "home": "",
    "directory": "services/",
    "service": "services/home-care/",
    "provider": "providers/rezekne-county-social-service/",
    "prices": "prices/",
    "calculator": "prices/calculator/",
    "report": "reports/rezekne-county-2017/",
    "statement": "accessibility/",
    "finder": "finder/",
    "place": "places/rezekne-county/",
    "need": "needs/care-at-home/",
}


def pages() -> list[tuple[str, str]]:
    """(label, site-relative path) of every page kind in both languages."""
    return [
        (f"{kind} ({lang})", ("en/" if lang == "en" else "") + path)
        for lang in ("lv", "en")
        for kind, path in PAGE_KINDS.items()
    ]


def first_visit(
    browser: object, base: str, path: str, log: list[Response], search: str | None = None
) -> dict:
    """Load one page in a fresh context; what went over the wire until the network was idle.

    With ``search``, the site search is then opened and the word typed, so the figures include
    what a search costs on top (the index is fetched only then, issue 11).
    """
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2)
    page = context.new_page()
    outside: list[str] = []
    page.on("request", lambda r: None if r.url.startswith(base) else outside.append(r.url))
    start = len(log)
    page.goto(base + path, wait_until="networkidle")
    cls = layout_shift(page, 1000)
    page.wait_for_load_state("networkidle")
    if search:
        page.click("button[data-sg-search]")
        page.fill("#sg-search-input", search)
        page.wait_for_selector(".sg-search__link", state="attached")
        page.wait_for_load_state("networkidle")
    context.close()
    served = log[start:]
    return {
        "requests": len(served) + len(outside),
        "sent": sum(r.sent for r in served),
        "raw": sum(r.raw for r in served),
        "cls": cls,
        "outside": outside,
        "files": [(r.path, r.sent) for r in served],
    }


def lighthouse_scores(base: str, paths: list[str]) -> dict[str, dict] | str:
    """Lighthouse's mobile scores per path, or the reason it cannot run."""
    try:
        import lighthouse
    except ImportError as error:  # pragma: no cover - the script sits beside this one
        return f"scripts/lighthouse.py not importable: {error}"
    try:
        binary = lighthouse.lighthouse_binary()
    except SystemExit as reason:
        return str(reason)
    found = {}
    for path in paths:
        report = lighthouse.audit(binary, base + path, CHROMIUM, desktop=False)
        scores = lighthouse.scores(report)
        scores["cls"] = report["audits"]["cumulative-layout-shift"]["numericValue"]
        scores["lost"] = lighthouse.losses(report, "performance")
        found[path] = scores
    return found


def kb(size: int) -> str:
    return f"{size / 1024:.1f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build the default data)")
    parser.add_argument("--no-lighthouse", action="store_true", help="weights only")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    parser.add_argument("--files", action="store_true", help="list each page's requests")
    parser.add_argument("--check", action="store_true", help="exit 1 when over the budget")
    parser.add_argument(
        "--page", action="append", dest="paths", help="measure this site path instead (repeatable)"
    )
    parser.add_argument("--search", help="also measure each page after searching for this word")
    args = parser.parse_args()
    chosen = pages() if not args.paths else [(p or "/", p.lstrip("/")) for p in args.paths]

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as temp:
        from sitebuild import given_or_built

        site = given_or_built(args.site, ROOT, Path(temp))
        with serve_gzip(site) as (base, log):
            rows = []
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                for label, path in chosen:
                    rows.append((label, path, first_visit(browser, base, path, log)))
                    if args.search:
                        searched = first_visit(browser, base, path, log, args.search)
                        rows.append((f"{label} + search “{args.search}”", path, searched))
                browser.close()
            paths = list(dict.fromkeys(p for _, p, _ in rows))
            scores = {} if args.no_lighthouse else lighthouse_scores(base, paths)

    over = False
    lh = isinstance(scores, dict) and scores
    head = ["page kind", "path", "requests", "KB gzip", "KB raw", "CLS"]
    head += ["LH perf", "LH a11y", "LH CLS"] if lh else []
    lines = []
    for label, path, got in rows:
        cells = [label, "/" + path, str(got["requests"]), kb(got["sent"]), kb(got["raw"])]
        cells.append(f"{got['cls']:.3f}")
        if lh and "+ search" in label:  # Lighthouse measured the page, not the search
            cells += ["—", "—", "—"]
        elif lh:
            s = scores[path]
            cells += [f"{s['performance']:.2f}", f"{s['accessibility']:.2f}", f"{s['cls']:.3f}"]
        lines.append(cells)
        over |= got["requests"] > BUDGET_REQUESTS or got["sent"] > BUDGET_BYTES
        over |= got["cls"] > 0 or bool(got["outside"])
    if args.markdown:
        print("| " + " | ".join(head) + " |")
        print("| " + " | ".join(["---"] * 2 + ["---:"] * (len(head) - 2)) + " |")
        for cells in lines:
            print("| " + " | ".join(cells) + " |")
    else:
        widths = [max(len(row[i]) for row in [head, *lines]) for i in range(len(head))]
        for cells in [head, *lines]:
            print(
                "  ".join(
                    c.ljust(w) if i < 2 else c.rjust(w)
                    for i, (c, w) in enumerate(zip(cells, widths, strict=True))
                )
            )
    if isinstance(scores, str):
        print(f"Lighthouse not run: {scores}")
    for label, path, got in rows:
        for item in scores.get(path, {}).get("lost", []) if lh else []:
            print(f"Lighthouse performance on {label}: {item}")
        for url in got["outside"]:
            print(f"THIRD-PARTY request on {label}: {url}")
        if args.files:
            print(f"{label}:")
            for name, sent in got["files"]:
                print(f"    {kb(sent):>7} KB  {name}")
    print(f"budget: <= {BUDGET_REQUESTS} requests, <= {BUDGET_BYTES // 1024} KB gzip, CLS 0")
    return 1 if over and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
