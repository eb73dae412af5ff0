"""Broken and hostile data: every case stops with file:line and a plain reason.

Each case of ``hostile_cases.CASES`` changes one file of the fixture data. The whole
corpus goes through ``load_data_dir``; the first case of every category also goes through
the command line's ``main`` (``python -m sitegen validate``: exit code, what it prints, no
traceback), called in this process: a new interpreter for each case cost 0.35 s of the
edit-test loop. The command line in a process of its own is tested by
tests/test_validation.py and, with the hostile cases of round 2, tests/hostile/test_round2.py.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import time
import tracemalloc
from pathlib import Path

import pytest
from hostile_cases import CASES, CATEGORIES, MIB, Case, counts
from project_cases import reported
from sitegen.__main__ import main as cli_main
from sitegen.base.errors import DataError
from sitegen.checks.loader import load_data_dir
from sitegen.data.yamlread import read_yaml

from conftest import FIXTURE_SITE

FILES = Path(__file__).parent / "files"

# a message in plain words: one line, no Python spelling of values or internals
NOT_PLAIN = re.compile(
    r"Traceback|Error\b|pydantic|Decimal\(|datetime\.|<class|object at 0x|input_value|"
    r"<unicode string>|\bNone\b|\n"
)
ERROR_LINE = re.compile(r"^data/[\w./-]+\.yaml:\d+:\d+: (?:[\w.\[\]-]+: )?\S.*$")


def apply(case: Case, data: Path) -> Path:
    """Change the fixture copy at ``data`` as the case says; return the changed file."""
    target = data / case.file
    if case.corpus is not None:
        target.write_bytes((FILES / case.corpus).read_bytes())
    elif case.content is not None:
        content = case.content
        target.write_bytes(content.encode() if isinstance(content, str) else content)
    elif case.raw is not None:
        target.write_bytes(case.raw(target.read_bytes()))
    else:
        assert case.old is not None, case.id
        text = target.read_text(encoding="utf-8")
        assert case.old in text, f"{case.id}: fixture text not found: {case.old!r}"
        target.write_text(text.replace(case.old, case.new, 1), encoding="utf-8")
    return target


def expected_line(case: Case, target: Path) -> int:
    if isinstance(case.line, int):
        return case.line
    assert isinstance(case.line, str), case.id
    lines = target.read_bytes().decode("utf-8", errors="replace").splitlines()
    found = [number for number, text in enumerate(lines, 1) if case.line in text]
    assert found, f"{case.id}: {case.line!r} is on no line of {target.name}"
    return found[-1]


def fresh_data(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_SITE / "data", data)
    return data


def check_refused(case: Case, errors: list[DataError], line: int) -> None:
    shown = [e.english_line for e in errors]
    assert shown, f"{case.id}: the broken data was accepted"
    for text in shown:
        assert ERROR_LINE.match(text), f"{case.id}: not `file:line:col: reason`: {text!r}"
        assert not NOT_PLAIN.search(text), f"{case.id}: not in plain words: {text!r}"
    about = [e for e in errors if e.file == f"data/{case.file}"]
    matching = [e for e in about if all(word in e.message for word in case.words)]
    assert matching, f"{case.id}: no message with {case.words} about data/{case.file}: {shown}"
    assert any(e.line == line for e in matching), (
        f"{case.id}: expected line {line}, got {[e.english_line for e in matching]}"
    )


BROKEN = [c for c in CASES if not c.accepted]
ACCEPTED = [c for c in CASES if c.accepted]


@pytest.mark.parametrize("case", BROKEN, ids=[f"{c.category}:{c.id}" for c in BROKEN])
def test_broken_data_is_refused_with_file_line_and_reason(tmp_path: Path, case: Case) -> None:
    data = fresh_data(tmp_path)
    target = apply(case, data)
    result = load_data_dir(data, display_root=tmp_path)  # must not raise
    assert result.data is None, f"{case.id}: nothing may be published from broken data"
    check_refused(case, result.errors, expected_line(case, target))


@pytest.mark.parametrize("case", ACCEPTED, ids=[f"{c.category}:{c.id}" for c in ACCEPTED])
def test_accepted_variant_loads_the_same_data(tmp_path: Path, case: Case) -> None:
    """A BOM, CRLF line ends, +371 … are accepted and change nothing in the loaded data."""
    original = load_data_dir(FIXTURE_SITE / "data", display_root=FIXTURE_SITE)
    data = fresh_data(tmp_path)
    target = apply(case, data)
    assert target.read_bytes() != (FIXTURE_SITE / "data" / case.file).read_bytes()
    result = load_data_dir(data, display_root=tmp_path)
    assert [e.english_line for e in result.errors] == []
    assert result.data is not None and original.data is not None
    assert result.data == original.data


def _first_of_each_category() -> list[Case]:
    seen: dict[str, Case] = {}
    for case in BROKEN:
        seen.setdefault(case.category, case)
    return list(seen.values()) + ACCEPTED[:1]


CLI_SAMPLE = _first_of_each_category()


@pytest.mark.parametrize("case", CLI_SAMPLE, ids=[f"{c.category}:{c.id}" for c in CLI_SAMPLE])
def test_command_line(
    tmp_path: Path, case: Case, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    """`python -m sitegen validate data` (its ``main``): exit code, stderr, no traceback."""
    data = fresh_data(tmp_path)
    target = apply(case, data)
    monkeypatch.chdir(tmp_path)
    for name in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY"):  # no annotations here
        monkeypatch.delenv(name, raising=False)
    returncode = cli_main(["validate", "data"])
    out, err = capsys.readouterr()
    run = subprocess.CompletedProcess(["python", "-m", "sitegen"], returncode, out, err)
    assert "Traceback" not in run.stdout + run.stderr
    if case.accepted:
        assert (run.returncode, run.stderr) == (0, "")
        return
    assert run.returncode == 1
    assert "nothing was published" in run.stderr
    line = expected_line(case, target)
    # each problem: file:line:column field: the Latvian reason, then the English on the next line
    wanted = reported(run.stderr, f"data/{case.file}:{line}:")
    assert any(all(word in text for word in case.words) for text in wanted), run.stderr


def test_corpus_covers_every_category() -> None:
    table = counts()
    assert len(CASES) >= 60
    assert len({c.id for c in CASES}) == len(CASES), "case ids must be unique"
    assert {c.category for c in CASES} == set(CATEGORIES)
    for category, count in table.items():
        assert count["refused"] >= 3, f"{category} has too few broken cases"
    for category in ("encoding", "time", "phone"):  # BOM/CRLF, unquoted time, +371
        assert table[category]["accepted"] >= 1


def test_billion_laughs_is_refused_fast_with_bounded_memory() -> None:
    """Expanded, the bomb would be 10^9 strings; refused before any expansion."""
    raw = (FILES / "billion-laughs.yaml").read_bytes()
    tracemalloc.start()
    started = time.perf_counter()
    try:
        result = read_yaml(raw, "data/site.yaml")
        elapsed = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result.data is None
    assert [e.message for e in result.errors] == [
        "anchors (&a0) are not allowed in data files; write each value out in full"
    ]
    # generous bounds: the refusal costs kilobytes and milliseconds, the expansion gigabytes
    assert peak < 5 * MIB, f"peak memory {peak} bytes"
    assert elapsed < 10, f"took {elapsed:.1f} s"


def test_bomb_in_a_whole_data_folder_is_refused_with_bounded_memory(tmp_path: Path) -> None:
    data = fresh_data(tmp_path)
    shutil.copy(FILES / "alias-bomb-late.yaml", data / "site.yaml")
    tracemalloc.start()
    try:
        result = load_data_dir(data, display_root=tmp_path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result.data is None
    assert any("anchors (&a)" in e.message for e in result.errors)
    assert peak < 50 * MIB, f"peak memory {peak} bytes"


def test_large_file_is_refused_before_it_is_parsed() -> None:
    raw = b"name: {lv: a, en: b}\n" + b"# padding\n" * (MIB // 10 + 1)
    tracemalloc.start()
    try:
        result = read_yaml(raw, "data/site.yaml")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [e.message for e in result.errors] == [
        "the file is too large (1025 KB; a data file may be at most 1024 KB)"
    ]
    assert peak < MIB  # not decoded, not parsed


def test_custom_tags_run_nothing(tmp_path: Path) -> None:
    """The tags name os.system and subprocess.Popen with `touch`: no file may appear."""
    marker = Path("/tmp/pwned")
    existed = marker.exists()
    for name in ("python-object.yaml", "python-apply.yaml", "tag-directive.yaml"):
        result = read_yaml((FILES / name).read_bytes(), "data/site.yaml")
        assert result.errors
    assert marker.exists() == existed
