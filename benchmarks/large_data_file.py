"""Benchmark: the default site, and the default site plus one data file of nearly 1 MiB.

The extra file is a provider whose sections hold ordinary-looking text (Latvian and
English sentences with prices, phones, times, abbreviations, bold text and links), each
text just below the 20,000-character limit, the file just below the 1 MiB limit. Before
issue 15 about 100 KB of such text in one field made a 1-second build take a minute;
the budget now is a few seconds more than the default build. Each build runs --repeat
times (fastest counts), in a throw-away copy of the project, without recordings.

    python benchmarks/large_data_file.py [--repeat 2] [--check]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from sitegen.data.yamlread import MAX_FILE_BYTES, MAX_TEXT_CHARS  # noqa: E402

BUDGET_S = 5.0  # at most this much more than the default build

LV = (
    "Sociālais dienests palīdz **trūcīgām ģimenēm**: maksa ir 8,80 € mēnesī, zvaniet "
    "64607194 darba dienās no 8:00 līdz 16:30 vai rakstiet [e-pastu](mailto:info@example.lv); "
    "GMI saņēmējiem pakalpojums ir bez maksas, skatiet [noteikumus](https://likumi.lv/ta/id/1). "
)
EN = (
    "The social service helps **families in need**: the fee is €8.80 a month, call "
    "64607194 on working days from 8:00 to 16:30 or write an [e-mail](mailto:info@example.lv); "
    "GMI recipients get it free of charge, see [the rules](https://likumi.lv/ta/id/1). "
)


def _text(unit: str) -> str:
    return (unit * (MAX_TEXT_CHARS // len(unit)))[: MAX_TEXT_CHARS - 100].rstrip()


def large_provider() -> str:
    head = (
        "provider:\n"
        "  id: large-provider\n"
        "  name: {lv: Liels dienests, en: Large service}\n"
        "  summary: {lv: Ļoti garš apraksts., en: A very long description.}\n"
        "  sections:\n"
    )
    section = "    - heading: {{lv: Sadaļa {i}, en: Section {i}}}\n      body:\n        lv: {lv}\n        en: {en}\n"
    lv, en = _text(LV), _text(EN)
    lv_q, en_q = f'"{lv}"', f'"{en}"'
    parts, size, i = [head], len(head.encode()), 0
    while True:
        piece = section.format(i=i, lv=lv_q, en=en_q)
        if size + len(piece.encode()) > MAX_FILE_BYTES - 1024:
            break
        parts.append(piece)
        size += len(piece.encode())
        i += 1
    return "".join(parts)


def project(target: Path, *, large: bool) -> Path:
    for name in ("mkdocs.yml",):
        shutil.copy2(ROOT / name, target / name)
    for folder in ("hooks", "overrides", "data", "content"):
        shutil.copytree(
            ROOT / folder, target / folder, ignore=shutil.ignore_patterns("__pycache__")
        )
    if large:
        (target / "data/providers/large-provider.yaml").write_text(
            large_provider(), encoding="utf-8"
        )
    return target


def build_time(folder: Path) -> float:
    env = {**os.environ, "PYTHONPATH": str(folder / "hooks"), "NO_MKDOCS_2_WARNING": "1"}
    env["LISTEN_AUDIO"] = "off"
    started = time.perf_counter()
    run = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(folder / "site")],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
    )
    elapsed = time.perf_counter() - started
    if run.returncode != 0:
        sys.exit(f"build failed in {folder}:\n{run.stdout}{run.stderr}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--check", action="store_true", help="exit 1 over the budget")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folders = {name: Path(tmp, name).resolve() for name in ("default", "large")}
        for folder in folders.values():
            folder.mkdir()
        default = project(folders["default"], large=False)
        large = project(folders["large"], large=True)
        size = (large / "data/providers/large-provider.yaml").stat().st_size
        times: dict[str, list[float]] = {"default": [], "large": []}
        for _ in range(args.repeat):
            times["default"].append(build_time(default))
            times["large"].append(build_time(large))
    best = {name: min(values) for name, values in times.items()}
    extra = best["large"] - best["default"]
    print(
        f"default data: {best['default']:.1f} s; plus one {size / 1024:.0f} KB data file "
        f"(texts of {MAX_TEXT_CHARS - 100:,} characters): {best['large']:.1f} s "
        f"(+{extra:.1f} s; budget +{BUDGET_S:.0f} s; fastest of {args.repeat})"
    )
    return 1 if args.check and extra > BUDGET_S else 0


if __name__ == "__main__":
    sys.exit(main())
