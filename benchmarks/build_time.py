"""Build-time benchmark: synthetic data with N services vs N plain Markdown pages.

Each site is built --repeat times (default 3), data and plain in turn, and the fastest
build counts: on a shared machine single builds vary by 10-20 %. Prints a table of
seconds, the ratio data/plain, the mean page size, and the time to
validate the default data. Budget (2 cores): N=1000 in <= 15 s, ratio <= 1.10,
t(1000)/t(200) <= 5.5, validation of the default data <= 0.5 s. A script, not a test:
it prints figures and exits 0; `--check` makes it exit 1 when a budget is exceeded.

    make benchmark            # or: python benchmarks/build_time.py [--sizes 50 200 1000]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

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

PLAIN = """---
title: "{title} {i}"
---

{body} {i}.

- {item}
- {item2}

| {day} | {time} |
| --- | --- |
| 1 | 08:30–12:00 |
"""


def _run_build(project: Path) -> float:
    # the Latvian audio recordings (hooks/render_audio.py) are a separate, cached cost:
    # measured here without them, see overrides/widgets/listen/README.md for their figures
    env = {**os.environ, "PYTHONPATH": str(project / "hooks"), "NO_MKDOCS_2_WARNING": "1"}
    env["LISTEN_AUDIO"] = "off"
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "-q",
        "--clean",
        "-f",
        str(project / "mkdocs.yml"),
    ]
    start = time.perf_counter()
    run = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if run.returncode != 0:
        raise SystemExit(f"build failed in {project}:\n{run.stdout}{run.stderr}")
    return elapsed


def _site_stats(site: Path) -> tuple[int, float]:
    pages = list(site.rglob("*.html"))
    return len(pages), sum(p.stat().st_size for p in pages) / max(len(pages), 1) / 1024


def data_project(base: Path, n: int) -> Path:
    project = base / f"data-{n}"
    shutil.copytree(ROOT / "tests/fixtures/site/data", project / "data")
    shutil.copytree(ROOT / "content", project / "content")
    for folder in ("hooks", "overrides"):
        shutil.copytree(
            ROOT / folder, project / folder, ignore=shutil.ignore_patterns("__pycache__", "tests")
        )
    shutil.copy2(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    provider = project / "data/providers/test-provider.yaml"
    text = provider.read_text(encoding="utf-8")
    extra = "".join(SERVICE.format(i=i) for i in range(n - 2))  # the fixture has 2 services
    provider.write_text(text.replace("\nfees:\n", "\n" + extra + "fees:\n", 1), encoding="utf-8")
    return project


BODY = re.compile(r'(<div class="sg-page.*?</div>)\s*<aside class="sg-help"', re.DOTALL)


def page_bodies(site: Path, lang: str) -> list[str]:
    """The generated service pages' content, to give the plain pages the same text."""
    folder = site / ("services" if lang == "lv" else "en/services")
    bodies = []
    for page in sorted(folder.glob("*/index.html")):
        match = BODY.search(page.read_text(encoding="utf-8"))
        if match:
            bodies.append(match[1])
    return bodies


def plain_project(base: Path, n: int, bodies: dict[str, list[str]]) -> Path:
    """The same MkDocs + Material + i18n set-up with N plain Markdown pages carrying the
    same content as the generated service pages (raw HTML in Markdown), no data hooks."""
    project = base / f"plain-{n}"
    shutil.copytree(ROOT / "content", project / "content")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"\nhooks:\n(  - .*\n)+", "\n", config)
    config = re.sub(r"\nnav:\n(  - .*\n)+", "\n", config)
    config = re.sub(r"\nwatch:\n(  - .*\n)+", "\n", config)
    config = config.replace("  custom_dir: overrides\n", "").replace(
        "extra_css:\n  - widgets/site/site.css\n", ""
    )
    config = re.sub(
        r"not_in_nav: \|\n(  .*\n)+", "not_in_nav: |\n  /lv/pages/*.md\n  /en/pages/*.md\n", config
    )
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    words = {
        "lv": dict(title="Pakalpojums", body="Pakalpojuma apraksts: pārtikas pakas trūcīgajām ģimenēm", item="Pārtikas paka", item2="Konsultācija", day="Diena", time="Laiks"),
        "en": dict(title="Service", body="About the service: food packages for families in need", item="A food package", item2="Advice", day="Day", time="Time"),
    }  # fmt: skip
    for lang, fill in words.items():
        folder = project / "content" / lang / "pages"
        folder.mkdir(parents=True)
        for i in range(n):
            body = (
                bodies[lang][i % len(bodies[lang])] if bodies[lang] else PLAIN.format(i=i, **fill)
            )
            page = f'---\ntitle: "{fill["title"]} {i}"\n---\n\n{body}\n'
            (folder / f"page-{i}.md").write_text(page, encoding="utf-8")
    for lang in ("lv", "en"):
        (project / "content" / lang / "accessibility.md").write_text("# A\n\nx\n", encoding="utf-8")
    return project


def validation_time(runs: int = 5) -> float:
    from sitegen import loader

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
    args = parser.parse_args(argv)

    rows = []
    with tempfile.TemporaryDirectory(prefix="sitegen-bench-") as tmp:
        base = Path(tmp)
        for n in args.sizes:
            data = data_project(base, n)
            t_data = _run_build(data)
            bodies = {lang: page_bodies(data / "site", lang) for lang in ("lv", "en")}
            plain = plain_project(base, n, bodies)
            t_plain = _run_build(plain)
            for _ in range(args.repeat - 1):  # alternate, so a busy moment hits both alike
                t_data = min(t_data, _run_build(data))
                t_plain = min(t_plain, _run_build(plain))
            pages_d, size_d = _site_stats(data / "site")
            pages_p, size_p = _site_stats(plain / "site")
            rows.append((n, t_data, pages_d, size_d, t_plain, pages_p, size_p))
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
        print(f"t(1000)/t(200) = {growth:.2f} (budget <= 5.5)")
        problems += [f"growth {growth:.2f} > 5.5"] if growth > 5.5 else []
    if 1000 in times:
        problems += [f"t(1000) {times[1000]:.1f} s > 15 s"] if times[1000] > 15 else []
    ratios = [t_d / t_p for _, t_d, _, _, t_p, _, _ in rows]
    problems += [f"ratio {r:.2f} > 1.10" for r in ratios if r > 1.10]
    print(f"validating the default data: {validate * 1000:.0f} ms (budget <= 500 ms)")
    problems += [f"validation {validate:.2f} s > 0.5 s"] if validate > 0.5 else []
    print("over budget: " + "; ".join(problems) if problems else "all within budget")
    return 1 if (problems and args.check) else 0


if __name__ == "__main__":
    sys.exit(main())
