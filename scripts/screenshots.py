"""Screenshots of each page kind at phone and desktop width, for people to look at.

Not compared pixel by pixel: the pictures are for review (issue 16). The built site is
served gzip-compressed on 127.0.0.1 (scripts/gzip_server.py) and each page kind of
benchmarks/page_weight.py is shot in Chromium at 390 px (whole page) and 1280 px (the first
screen), both languages, into build/screenshots/<kind>-<lang>-<width>.png.

    .venv/bin/python scripts/screenshots.py                  # site/ (run `make site` first)
    .venv/bin/python scripts/screenshots.py --site DIR --out DIR --only home service
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from gzip_server import serve_gzip  # noqa: E402
from page_weight import CHROMIUM, CHROMIUM_ARGS, PAGE_KINDS  # noqa: E402

WIDTHS = (390, 1280)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "screenshots")
    parser.add_argument("--prefix", default="", help="prefix of the file names")
    parser.add_argument("--only", nargs="*", choices=list(PAGE_KINDS), help="page kinds")
    parser.add_argument("--lang", nargs="*", default=["lv", "en"], choices=["lv", "en"])
    parser.add_argument("--widths", nargs="*", type=int, default=list(WIDTHS))
    args = parser.parse_args()
    if not (args.site / "index.html").is_file():
        sys.exit(f"no built site in {args.site}: run `make site` first")
    args.out.mkdir(parents=True, exist_ok=True)

    from playwright.sync_api import sync_playwright

    kinds = {k: v for k, v in PAGE_KINDS.items() if not args.only or k in args.only}
    with serve_gzip(args.site) as (base, _), sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for width in args.widths:
            context = browser.new_context(viewport={"width": width, "height": 900})
            page = context.new_page()
            for lang in args.lang:
                for kind, path in kinds.items():
                    page.goto(base + ("en/" if lang == "en" else "") + path)
                    page.wait_for_load_state("networkidle")
                    name = args.out / f"{args.prefix}{kind}-{lang}-{width}.png"
                    page.screenshot(path=str(name), full_page=width < 600)
                    print(name)
            context.close()
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
