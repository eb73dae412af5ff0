"""Build-time benchmark: synthetic data with N services vs N plain Markdown pages.

Each site is built --repeat times (default 3), data and plain in turn, and the fastest
build counts: on a shared machine single builds vary by 10-20 %. Prints a table of
seconds, the ratio data/plain, the mean page size, the time to validate the default data,
and where the time of the largest data build went, hook by hook and event by event
(benchmarks/hook_times.py), so that a slower build names its cause. Budget (2 cores):
N=1000 in <= 10 s, t(1000)/t(200) <= 5 (issue 21), ratio <= 1.10, validation of the default
data <= 0.5 s. It prints figures and exits 0; `--check` makes it exit 1 when a budget is
exceeded. tests/test_benchmark.py runs it at a tiny N, so that it keeps working.

The plain pages carry the generated service pages' HTML (the ``sg-page`` block, as raw
HTML in Markdown), page i the i-th service page's, so the ratio compares like with like.

    make benchmark            # or: python benchmarks/build_time.py [--sizes 50 200 1000]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tests"))  # sitebuild.make_project

import hook_times  # noqa: E402

TIME_BUDGET = 10  # seconds for N = 1000 (issue 21)
GROWTH_BUDGET = 5  # t(1000)/t(200): linear (issue 21)

SERVICE = """  - id: svc-{i}
    category: food
    audiences: [residents]
    name: {{lv: "Pakalpojums {i}", en: "Service {i}"}}
    summary: {{lv: "Pakalpojuma {i} apraksts: pārtikas pakas trūcīgajām ģimenēm.", en: "About service {i}: food packages for families in need."}}
    eligibility: {{lv: "Trūcīgas personas un ģimenes ar izziņu.", en: "Needy persons and families with a certificate."}}
    includes:
      - {{lv: "Pārtikas paka", en: "A food package"}}
      - {{lv: "Konsultācija", en: "Advice"}}
    hours:
      - hours:
          - days: [mon, tue, wed, thu, fri]
            open: "08:30"
            close: "12:00"
"""


def _run_build(project: Path, hook_times: Path | None = None) -> float:
    """Seconds of one ``mkdocs build`` of ``project`` (a fresh Python, as `make site` runs
    it); with ``hook_times``, built through benchmarks/hook_times.py, which writes there how
    long each hook took."""
    # the Latvian audio recordings (hooks/render_audio.py) are a separate, cached cost:
    # measured here without them, see overrides/widgets/listen/README.md for their figures
    env = {**os.environ, "PYTHONPATH": str(project / "hooks"), "NO_MKDOCS_2_WARNING": "1"}
    env["LISTEN_AUDIO"] = "off"
    runner = ["-m", "mkdocs", "build"]
    if hook_times is not None:
        runner = [str(ROOT / "benchmarks" / "hook_times.py"), "--json", str(hook_times)]
    command = [sys.executable, *runner, "-q", "--clean", "-f", str(project / "mkdocs.yml")]
    start = time.perf_counter()
    run = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if run.returncode != 0:
        raise SystemExit(f"build failed in {project}:\n{run.stdout}{run.stderr}")
    return elapsed


def _timed_data_build(project: Path, json_file: Path) -> tuple[float, dict[str, Any]]:
    """One build of a data project through hook_times.py: seconds, and each hook's time."""
    elapsed = _run_build(project, json_file)
    return elapsed, json.loads(json_file.read_text(encoding="utf-8"))


def _site_stats(site: Path) -> tuple[int, float]:
    pages = list(site.rglob("*.html"))
    return len(pages), sum(p.stat().st_size for p in pages) / max(len(pages), 1) / 1024


def data_project(base: Path, n: int) -> Path:
    """The fixture data with N services (the fixture has 2; the others alike), in a project
    laid out as the tests lay one out (tests/sitebuild.py)."""
    from sitebuild import make_project

    project = make_project(base / f"data-{n}")
    provider = project / "data/providers/test-provider.yaml"
    text = provider.read_text(encoding="utf-8")
    extra = "".join(SERVICE.format(i=i) for i in range(n - 2))
    provider.write_text(text.replace("\nfees:\n", "\n" + extra + "fees:\n", 1), encoding="utf-8")
    return project


BODY = "div.sg-page"  # what generate_pages.on_page_content wraps a page's HTML in


def page_bodies(site: Path, lang: str) -> list[str]:
    """The generated service pages' content (the ``sg-page`` block the page template
    renders, as lexbor serialises it), to give the plain pages the same HTML. A page
    without it stops the benchmark: the plain pages would compare unlike pages."""
    from selectolax.lexbor import LexborHTMLParser

    folder = site / ("services" if lang == "lv" else "en/services")
    bodies = []
    for page in sorted(folder.glob("*/index.html")):
        node = LexborHTMLParser(page.read_text(encoding="utf-8")).css_first(BODY)
        if node is None:
            raise SystemExit(f"{page}: no {BODY} block; benchmarks/build_time.py must follow")
        bodies.append(node.html or "")
    if not bodies:
        raise SystemExit(f"{folder}: no service pages were built")
    return bodies


def plain_project(base: Path, n: int, bodies: dict[str, list[str]]) -> Path:
    """The same MkDocs + Material + i18n set-up with N plain Markdown pages carrying the
    same HTML as the generated service pages (raw HTML in Markdown, left as it is), without
    the data hooks and the project's Markdown extension (both live in hooks/)."""
    project = base / f"plain-{n}"
    shutil.copytree(ROOT / "content", project / "content")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"\nhooks:\n(  - .*\n)+", "\n", config)
    config = re.sub(r"\nnav:\n(  - .*\n)+", "\n", config)
    config = re.sub(r"\nwatch:\n(  - .*\n)+", "\n", config)
    config = re.sub(r"\n  - sitegen\..*", "", config)  # markdown_extensions from hooks/
    config = config.replace("  custom_dir: overrides\n", "").replace(
        "extra_css:\n  - widgets/site/site.css\n", ""
    )
    config = re.sub(
        r"not_in_nav: \|\n(  .*\n)+", "not_in_nav: |\n  /lv/pages/*.md\n  /en/pages/*.md\n", config
    )
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    titles = {"lv": "Pakalpojums", "en": "Service"}
    for lang, title in titles.items():
        folder = project / "content" / lang / "pages"
        folder.mkdir(parents=True)
        for i in range(n):
            body = bodies[lang][i % len(bodies[lang])]
            page = f'---\ntitle: "{title} {i}"\n---\n\n{body}\n'
            (folder / f"page-{i}.md").write_text(page, encoding="utf-8")
    for lang in ("lv", "en"):
        (project / "content" / lang / "accessibility.md").write_text("# A\n\nx\n", encoding="utf-8")
    return project


def validation_time(runs: int = 5) -> float:
    from sitegen.checks import loader

    best = float("inf")
    for _ in range(runs):
        loader._CACHE.clear()
        start = time.perf_counter()
        result = loader.load_data_dir(ROOT / "data", display_root=ROOT)
        best = min(best, time.perf_counter() - start)
        assert not result.errors, result.errors
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 200, 1000])
    parser.add_argument("--check", action="store_true", help="exit 1 when a budget is exceeded")
    parser.add_argument(
        "--repeat", type=int, default=3, help="builds of each site; the fastest counts"
    )
    parser.add_argument(
        "--work", type=Path, help="build the projects in this folder and keep them (a test looks)"
    )
    args = parser.parse_args(argv)

    rows = []
    hooks: dict[str, Any] = {}  # the fastest data build of the largest N, by hook_times.py
    with tempfile.TemporaryDirectory(prefix="sitegen-bench-") as tmp:
        base = args.work or Path(tmp)
        for n in args.sizes:
            data = data_project(base, n)
            t_data, times = _timed_data_build(data, base / f"hooks-{n}.json")
            bodies = {lang: page_bodies(data / "site", lang) for lang in ("lv", "en")}
            plain = plain_project(base, n, bodies)
            t_plain = _run_build(plain)
            for _ in range(args.repeat - 1):  # alternate, so a busy moment hits both alike
                again, again_times = _timed_data_build(data, base / f"hooks-{n}.json")
                if again < t_data:
                    t_data, times = again, again_times
                t_plain = min(t_plain, _run_build(plain))
            pages_d, size_d = _site_stats(data / "site")
            pages_p, size_p = _site_stats(plain / "site")
            rows.append((n, t_data, pages_d, size_d, t_plain, pages_p, size_p))
            if n == max(args.sizes):
                hooks = times
    validate = validation_time()

    print(
        f"{'N':>5} | {'data s':>7} | {'pages':>5} | {'KB/page':>7} | {'plain s':>7} | {'pages':>5} | {'KB/page':>7} | {'ratio':>5}"
    )
    print("-" * 72)
    for n, t_d, p_d, s_d, t_p, p_p, s_p in rows:
        print(
            f"{n:>5} | {t_d:7.2f} | {p_d:>5} | {s_d:7.1f} | {t_p:7.2f} | {p_p:>5} | {s_p:7.1f} | {t_d / t_p:5.2f}"
        )
    times = {n: t for n, t, *_ in rows}
    problems = []
    if 1000 in times and 200 in times:
        growth = times[1000] / times[200]
        print(f"t(1000)/t(200) = {growth:.2f} (budget <= {GROWTH_BUDGET})")
        problems += [f"growth {growth:.2f} > {GROWTH_BUDGET}"] if growth > GROWTH_BUDGET else []
    if 1000 in times and times[1000] > TIME_BUDGET:
        problems += [f"t(1000) {times[1000]:.1f} s > {TIME_BUDGET} s"]
    ratios = [t_d / t_p for _, t_d, _, _, t_p, _, _ in rows]
    problems += [f"ratio {r:.2f} > 1.10" for r in ratios if r > 1.10]
    print(f"validating the default data: {validate * 1000:.0f} ms (budget <= 500 ms)")
    problems += [f"validation {validate:.2f} s > 0.5 s"] if validate > 0.5 else []
    print("over budget: " + "; ".join(problems) if problems else "all within budget")
    print(f"\nwhere the time of the fastest N = {max(args.sizes)} build went (its own process):")
    print(hook_times.table(hooks["rows"], hooks["wall"]))
    return 1 if (problems and args.check) else 0


if __name__ == "__main__":
    sys.exit(main())
