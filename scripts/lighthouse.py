"""Print Lighthouse scores for a few pages of the built site (a script, not a test).

    .venv/bin/python scripts/lighthouse.py              # builds the default site first
    .venv/bin/python scripts/lighthouse.py --site site  # or uses a site already built
    .venv/bin/python scripts/lighthouse.py --desktop    # Lighthouse's desktop preset

Lighthouse runs Debian's chromium (CHROME_PATH) against the site served on 127.0.0.1, so
nothing leaves the machine, gzip-compressed as GitHub Pages serves it (scripts/gzip_server.py;
an uncompressed server understated the scores residents get). Lighthouse itself (about 185 MB of npm packages, too big for
package.json) is installed on first use into build/tools/lighthouse with npm, pinned below;
its 12.x line is the last that runs on Node 20. Lists the audits that cost points, and exits 1
when a page's accessibility score is below 1.0 (the site aims for a perfect score).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "scripts")]

from gzip_server import serve_gzip  # noqa: E402
from sitebuild import given_or_built  # noqa: E402

from testsupport.browser import CHROMIUM_ARGS  # noqa: E402

LIGHTHOUSE_VERSION = "12.8.2"
TOOLS = ROOT / "build" / "tools" / "lighthouse"
CATEGORIES = ["accessibility", "performance", "best-practices", "seo"]
PAGES = [
    "",
    "en/",
    "services/",
    "services/home-care/",
    "en/services/home-care/",
    "providers/rezekne-county-social-service/",
    "prices/calculator/",
    "reports/rezekne-county-2017/",
    "accessibility/",
]


def lighthouse_binary() -> Path:
    """Lighthouse's command, installed on first use."""
    binary = TOOLS / "node_modules" / ".bin" / "lighthouse"
    installed = TOOLS / "node_modules" / "lighthouse" / "package.json"
    if installed.is_file() and json.loads(installed.read_text())["version"] == LIGHTHOUSE_VERSION:
        return binary
    npm = shutil.which("npm")
    if npm is None:
        sys.exit("Lighthouse cannot run: npm is not installed (Node 18.16 or later is needed).")
    print(
        f"installing lighthouse@{LIGHTHOUSE_VERSION} into {TOOLS.relative_to(ROOT)} …", flush=True
    )
    TOOLS.mkdir(parents=True, exist_ok=True)
    command = [npm, "install", "--no-audit", "--no-fund", "--silent", "--prefix", str(TOOLS)]
    run = subprocess.run(
        command + [f"lighthouse@{LIGHTHOUSE_VERSION}"], capture_output=True, text=True
    )
    if run.returncode != 0 or not binary.exists():
        sys.exit(
            "Lighthouse cannot run: `npm install lighthouse` failed (is the npm registry "
            f"reachable?):\n{run.stdout}{run.stderr}"
        )
    return binary


def audit(binary: Path, url: str, chrome: str, desktop: bool) -> dict:
    flags = " ".join([*CHROMIUM_ARGS, "--disable-dev-shm-usage"])
    command = [str(binary), url, "--output=json", "--output-path=stdout", "--quiet"]
    command += [f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={flags}"]
    command += ["--preset=desktop"] if desktop else []
    env = {**os.environ, "CHROME_PATH": chrome}
    run = subprocess.run(command, capture_output=True, text=True, env=env)
    if run.returncode != 0:
        raise RuntimeError(f"lighthouse failed on {url}:\n{run.stderr[-2000:]}")
    return json.loads(run.stdout)


def scores(report: dict) -> dict[str, float | None]:
    """The report's score per category of ``CATEGORIES`` (None where Lighthouse gave none)."""
    return {c: report["categories"][c]["score"] for c in CATEGORIES}


def losses(report: dict, category: str) -> list[str]:
    """The weighted audits of a category that did not score full marks."""
    found = []
    for ref in report["categories"][category]["auditRefs"]:
        result = report["audits"][ref["id"]]
        if ref.get("weight") and result.get("score") is not None and result["score"] < 1:
            found.append(f"{result['id']} ({result['score']:.2f}): {result['title']}")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build the default data)")
    parser.add_argument("--desktop", action="store_true", help="Lighthouse's desktop preset")
    parser.add_argument("pages", nargs="*", default=PAGES, help="site-relative page paths")
    args = parser.parse_args()

    chrome = shutil.which("chromium") or shutil.which("chromium-browser")
    if chrome is None:
        sys.exit("Lighthouse cannot run: Debian's chromium is not installed (make install-test).")
    binary = lighthouse_binary()
    with tempfile.TemporaryDirectory() as temp:
        site = given_or_built(args.site, ROOT, Path(temp))
        rows, lost, failed = [], {}, False
        with serve_gzip(site) as (base, _):
            for page in args.pages:
                report = audit(binary, base + page, chrome, args.desktop)
                found = scores(report)
                rows.append((page or "(home, lv)", found))
                for category in CATEGORIES:
                    for item in losses(report, category):
                        lost.setdefault((category, item), []).append(page or "(home)")
                failed |= found["accessibility"] is None or found["accessibility"] < 1

    mode = "desktop" if args.desktop else "mobile (Lighthouse's default throttling)"
    mode += ", served gzip-compressed"
    print(f"Lighthouse {LIGHTHOUSE_VERSION}, {mode}, Debian chromium at {chrome}")
    print(f"{'page':45} " + " ".join(f"{c:>14}" for c in CATEGORIES))
    for page, found in rows:
        cells = " ".join(f"{'-' if s is None else f'{s:.2f}':>14}" for s in found.values())
        print(f"{page:45} {cells}")
    if lost:
        print("audits that cost points (audit id (score): title — pages):")
    for (category, item), pages in sorted(lost.items()):
        shown = "all pages" if len(pages) == len(rows) else ", ".join(pages)
        print(f"  {category}: {item} — {shown}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
