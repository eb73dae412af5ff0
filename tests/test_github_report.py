"""GitHub annotations and the job summary for data errors (hooks/sitegen/checks/github_report.py)."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sitegen.base.errors import DataError
from sitegen.checks.github_report import (
    GITHUB_ANNOTATION_LIMIT,
    emit_for_github,
    escape_data,
    escape_property,
    github_annotations,
    job_summary,
    repo_path,
)

ROOT = Path(__file__).resolve().parents[1]


def err(
    message: str = "amount must have at most two decimals (got 8.805)",
    file: str = "data/providers/rezekne-city.yaml",
    line: int = 12,
    column: int = 17,
    path: str = "fees[0].items[2].rule.amount",
) -> DataError:
    return DataError(file=file, line=line, column=column, path=path, message=message)


def unescape(text: str) -> str:
    """GitHub's reading of an escaped value (the inverse of the toolkit's escaping)."""
    codes = {"%25": "%", "%0D": "\r", "%0A": "\n", "%3A": ":", "%2C": ","}
    return re.sub(r"%(25|0D|0A|3A|2C)", lambda m: codes[m.group(0)], text)


ANNOTATION_RE = re.compile(r"^::error (?P<props>[^:]*)::(?P<message>.*)$")


def parse_annotation(line: str) -> tuple[dict[str, str], str]:
    """Split one ``::error k=v,…::message`` line the way the runner does."""
    match = ANNOTATION_RE.match(line)
    assert match, f"not a workflow command: {line!r}"
    props = {}
    for pair in match["props"].split(","):
        key, _, value = pair.partition("=")
        props[key] = unescape(value)
    return props, unescape(match["message"])


# --- escaping, one special character at a time -------------------------------


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [("%", "%25"), ("\r", "%0D"), ("\n", "%0A"), (":", ":"), (",", ",")],
)
def test_message_escaping_of_each_character(raw: str, escaped: str) -> None:
    assert escape_data(f"a{raw}b") == f"a{escaped}b"


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [("%", "%25"), ("\r", "%0D"), ("\n", "%0A"), (":", "%3A"), (",", "%2C")],
)
def test_property_escaping_of_each_character(raw: str, escaped: str) -> None:
    assert escape_property(f"a{raw}b") == f"a{escaped}b"


def test_percent_is_escaped_first_so_escapes_in_the_text_survive() -> None:
    # A message that already contains "%0A" must not turn into a line break on GitHub.
    assert escape_data("50%0A") == "50%250A"
    assert unescape(escape_data("50%0A")) == "50%0A"
    assert escape_property("%3A") == "%253A"


@given(st.text())
def test_escaping_round_trips_and_leaves_no_raw_separator(text: str) -> None:
    data, prop = escape_data(text), escape_property(text)
    assert unescape(data) == text
    assert unescape(prop) == text
    assert "\n" not in data and "\r" not in data
    assert not set(prop) & {"\n", "\r", ":", ","}


# --- annotation lines ---------------------------------------------------------


def test_annotation_line_for_one_error() -> None:
    out = github_annotations([err()])
    assert out == (
        "::error file=data/providers/rezekne-city.yaml,line=12,col=17,"
        "title=Kļūda laukā fees[0].items[2].rule.amount / Data error in fees[0].items[2].rule.amount"
        "::amount must have at most two decimals (got 8.805)\n"
    )


def test_annotation_escapes_message_and_properties() -> None:
    tricky = err(
        message="line one\nline two: 100% sure, really\r",
        file="data/odd:name,x.yaml",
        path="a:b,c",
    )
    [line] = github_annotations([tricky]).splitlines()
    assert "\n" not in line.rstrip("\n")
    props, message = parse_annotation(line)
    assert props == {
        "file": "data/odd:name,x.yaml",
        "line": "12",
        "col": "17",
        "title": "Kļūda laukā a:b,c / Data error in a:b,c",
    }
    assert message == tricky.message
    assert "%0A" in line and "%25" in line and "%0D" in line
    assert "file=data/odd%3Aname%2Cx.yaml" in line


def test_whole_file_error_has_plain_title() -> None:
    props, _ = parse_annotation(github_annotations([err(path="")]).strip())
    assert props["title"] == "Kļūda datos / Data error"


def test_annotations_are_sorted_by_file_and_line() -> None:
    errors = [
        err(file="data/b.yaml", line=3),
        err(file="data/a.yaml", line=9),
        err(line=1, file="data/a.yaml"),
    ]
    files_lines = [
        (p["file"], p["line"])
        for p, _ in map(parse_annotation, github_annotations(errors).splitlines())
    ]
    assert files_lines == [("data/a.yaml", "1"), ("data/a.yaml", "9"), ("data/b.yaml", "3")]


def test_paths_are_made_relative_to_the_workspace() -> None:
    assert repo_path(
        "/home/runner/work/site/site/data/site.yaml", "/home/runner/work/site/site"
    ) == ("data/site.yaml")
    assert repo_path("./data/site.yaml") == "data/site.yaml"
    assert repo_path("data\\providers\\x.yaml") == "data/providers/x.yaml"
    line = github_annotations([err(file="/ws/data/site.yaml")], workspace="/ws/")
    assert line.startswith("::error file=data/site.yaml,")


# --- the job summary ------------------------------------------------------------


def table_rows(summary: str) -> list[list[str]]:
    rows = [ln for ln in summary.splitlines() if ln.startswith("| ") and not ln.startswith("| ---")]
    # split on unescaped pipes only
    return [[c.strip() for c in re.split(r"(?<!\\)\|", row)[1:-1]] for row in rows[1:]]


def test_summary_lists_every_error_beyond_githubs_limit() -> None:
    count = GITHUB_ANNOTATION_LIMIT + 5
    errors = [err(line=n, message=f"problem number {n}") for n in range(1, count + 1)]
    summary = job_summary(errors)
    rows = table_rows(summary)
    assert len(rows) == count
    assert [row[4] for row in rows] == [f"problem number {n}" for n in range(1, count + 1)]
    assert f"{count} problems" in summary
    assert f"first {GITHUB_ANNOTATION_LIMIT}" in summary
    # and all of them are annotated too (GitHub, not we, cuts the display at 10)
    assert len(github_annotations(errors).splitlines()) == count


def test_summary_without_the_limit_note_when_few_errors() -> None:
    summary = job_summary([err()])
    assert "1 problem," in summary
    assert "first 10" not in summary


def test_summary_cells_cannot_break_the_table_or_inject_html() -> None:
    nasty = err(message="a | b\nc <script>x</script> & d", path="x|y")
    [row] = table_rows(job_summary([nasty]))
    assert len(row) == 5
    assert row[3] == "`x\\|y`"
    assert "<script>" not in row[4]
    assert "&lt;script&gt;" in row[4] and "&amp;" in row[4] and "<br>" in row[4]


def test_summary_links_files_to_the_line() -> None:
    summary = job_summary([err()], link_base="https://github.com/o/r/blob/abc/")
    assert (
        "[data/providers/rezekne-city.yaml](https://github.com/o/r/blob/abc/data/providers/rezekne-city.yaml#L12)"
        in summary
    )


def test_summary_when_everything_is_valid() -> None:
    assert "no problems" in job_summary([])
    assert "|" not in job_summary([])


# --- emitting only under GitHub Actions ----------------------------------------


@pytest.mark.parametrize("value", [None, "", "false", "1", "True"])
def test_nothing_is_emitted_outside_github_actions(tmp_path: Path, value: str | None) -> None:
    summary = tmp_path / "summary.md"
    env = {"GITHUB_STEP_SUMMARY": str(summary)}
    if value is not None:
        env["GITHUB_ACTIONS"] = value
    stream = io.StringIO()
    assert emit_for_github([err()], env=env, stream=stream) is False
    assert stream.getvalue() == ""
    assert not summary.exists()


def test_under_github_actions_annotations_are_printed_and_summary_appended(tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("### Earlier step\n", encoding="utf-8")
    env = {
        "GITHUB_ACTIONS": "true",
        "GITHUB_STEP_SUMMARY": str(summary),
        "GITHUB_WORKSPACE": "/ws",
        "GITHUB_SERVER_URL": "https://github.com",
        "GITHUB_REPOSITORY": "o/r",
        "GITHUB_SHA": "abc123",
    }
    errors = [err(file="/ws/data/site.yaml", line=n, message=f"bad {n}") for n in range(1, 13)]
    stream = io.StringIO()
    assert emit_for_github(errors, env=env, stream=stream) is True
    lines = stream.getvalue().splitlines()
    assert len(lines) == 12
    assert all(line.startswith("::error file=data/site.yaml,") for line in lines)
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("### Earlier step\n")
    assert len(table_rows(text)) == 12
    assert "https://github.com/o/r/blob/abc123/data/site.yaml#L12" in text


def test_missing_summary_file_variable_still_prints_annotations() -> None:
    stream = io.StringIO()
    assert emit_for_github([err()], env={"GITHUB_ACTIONS": "true"}, stream=stream) is True
    assert stream.getvalue().startswith("::error ")


# --- the real validator under GITHUB_ACTIONS=true --------------------------------

BROKEN_SITE = """\
name:
  lv: Sociālie pakalpojumi
  en: Social services
description:
  lv: "Apraksts: 100% skaidrs"
help_contact: Rezekne_City
"""


def test_validator_cli_emits_annotations_under_github_actions(tmp_path: Path) -> None:
    if not (ROOT / "hooks" / "sitegen" / "__main__.py").exists():
        pytest.skip("the validator CLI (python -m sitegen validate) is not there yet")
    data = tmp_path / "data"
    data.mkdir()
    (data / "site.yaml").write_text(BROKEN_SITE, encoding="utf-8")
    summary = tmp_path / "summary.md"
    env = {
        "PATH": "/usr/bin:/bin",
        "PYTHONPATH": f"{ROOT / 'hooks'}",
        "GITHUB_ACTIONS": "true",
        "GITHUB_STEP_SUMMARY": str(summary),
        "GITHUB_WORKSPACE": str(tmp_path),
    }
    run = subprocess.run(
        [sys.executable, "-m", "sitegen", "validate", "data"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode != 0
    assert "Traceback" not in run.stderr + run.stdout
    annotations = [ln for ln in run.stdout.splitlines() if ln.startswith("::error ")]
    parsed = [parse_annotation(ln) for ln in annotations]
    site = [(p, m) for p, m in parsed if p["file"] == "data/site.yaml"]
    assert any(p["line"] == "6" and "help_contact" in p["title"] for p, _ in site), annotations
    assert any("English" in m for _, m in site), annotations  # description.en is missing
    text = summary.read_text(encoding="utf-8")
    assert len(table_rows(text)) == len(annotations)
