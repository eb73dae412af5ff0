"""`make benchmark` keeps working (issue 21): benchmarks/build_time.py at a tiny N builds the
data site and the plain-pages site, the plain pages carry the generated pages' HTML, and the
time of every hook of mkdocs.yml is printed. The figures themselves are not asserted (a
shared machine), only that they are there."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from types import ModuleType

import pytest
from selectolax.lexbor import LexborHTMLParser

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import build_time  # noqa: E402
import hook_times  # noqa: E402

N = 3  # the fixture's 2 services and one more


def _block(page: Path) -> str:
    node = LexborHTMLParser(page.read_text(encoding="utf-8")).css_first(build_time.BODY)
    assert node is not None, page
    return node.html or ""


@pytest.fixture(scope="module")
def benchmark_run(tmp_path_factory: pytest.TempPathFactory, sites: ModuleType) -> tuple[Path, str]:
    """One run of the benchmark at N = 3 (``sites``: it builds whole sites), its projects
    kept, and what it printed."""
    import contextlib
    import io

    work = tmp_path_factory.mktemp("benchmark")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = build_time.main(["--sizes", str(N), "--repeat", "1", "--work", str(work)])
    assert status == 0, out.getvalue()
    return work, out.getvalue()


def test_it_prints_a_row_per_size_and_the_time_of_every_hook(benchmark_run: tuple[Path, str]):
    _, printed = benchmark_run
    row = re.search(rf"^\s*{N} \|\s*([\d.]+) \|\s*(\d+) \|.*\|\s*([\d.]+)$", printed, re.M)
    assert row, printed
    assert float(row[1]) > 0 and int(row[2]) > 2 * N
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    hooks = re.findall(r"^  - (hooks/\w+\.py)", config, re.M)
    assert len(hooks) >= 10
    for hook in hooks:
        assert re.search(rf"^{re.escape(hook)}\s+\|\s+[\d.]+ \|", printed, re.M), hook
    assert "page_content" in printed and "whole build" in printed


def test_the_plain_pages_carry_the_generated_pages_html(benchmark_run: tuple[Path, str]):
    work, _ = benchmark_run
    for prefix in ("", "en/"):
        generated = sorted((work / f"data-{N}/site/{prefix}services").glob("*/index.html"))
        plain = [work / f"plain-{N}/site/{prefix}pages/page-{i}/index.html" for i in range(N)]
        assert len(generated) == N
        for made, written in zip(generated, plain, strict=True):
            body = _block(made)
            assert "sg-keyfacts" in body  # the service page's content, not an empty shell
            assert _block(written) == body, (made, written)


def test_a_page_without_the_content_block_stops_the_benchmark(tmp_path: Path) -> None:
    """A change of the page wrapper must not leave the plain pages empty again."""
    page = tmp_path / "services/x/index.html"
    page.parent.mkdir(parents=True)
    page.write_text('<main><div class="sg-content">x</div></main>', encoding="utf-8")
    with pytest.raises(SystemExit, match="no div.sg-page block"):
        build_time.page_bodies(tmp_path, "lv")


def test_a_handler_counts_its_own_time_not_the_handlers_it_runs() -> None:
    import time

    timer = hook_times.HookTimer()

    def inner() -> None:
        time.sleep(0.2)

    def outer() -> None:
        timer.timed(("i18n", "page_content"), inner)
        time.sleep(0.01)

    timer.timed(("i18n", "post_build"), outer)
    own = timer.seconds
    assert own[("i18n", "page_content")] >= 0.2
    assert 0.01 <= own[("i18n", "post_build")] < 0.15
    assert timer.calls == {("i18n", "page_content"): 1, ("i18n", "post_build"): 1}
