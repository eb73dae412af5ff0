"""Hostile input, round 3 (issue 25): the rooms added since round 2.

The data cases of round 3 are in ``hostile_cases.CASES`` (categories ``ROUND_3``) and run
through ``test_corpus.py``; the cases here change something else (a content page, the
configuration) or show a harm made harmless (a CSV cell neutralised, a text escaped).
"""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest
from sitegen import open_data
from sitegen.loader import load_data_dir
from sitegen.page_context import load_ui_strings

from conftest import FIXTURE_SITE, ROOT

UI = load_ui_strings(ROOT / "overrides/sitegen/ui.yaml")


def fixture_copy(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_SITE / "data", data)
    return data


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# --- export injection: every CSV the site publishes ----------------------------------

FORMULAS = ['=HYPERLINK("https://evil.example")', "+1+1", "-2+3", "@SUM(A1)"]


def _cells(payload: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(payload.decode("utf-8"), newline="")))


@pytest.mark.parametrize("formula", FORMULAS)
def test_a_formula_in_a_label_is_neutralised_in_every_csv(tmp_path: Path, formula: str) -> None:
    data = fixture_copy(tmp_path)
    quoted = formula.replace('"', '\\"')
    edit(data / "reports/test-report.yaml", "label: {lv: GMI pabalsts, en: GMI benefit}",
         f'label: {{lv: "{quoted}", en: "{quoted}"}}')  # fmt: skip
    edit(data / "providers/test-provider.yaml", "label: {lv: 1. līmenis, en: Level 1}",
         f'label: {{lv: "{quoted}", en: "{quoted}"}}')  # fmt: skip
    result = load_data_dir(data, display_root=tmp_path)
    assert result.errors == [] and result.data is not None
    found = open_data.files(result.data, UI)
    csvs = [f for f in found if f.media_type == "text/csv"]
    assert {f.kind for f in csvs} == {"fees", "report"}
    for f in csvs:
        cells = [cell for row in _cells(f.payload) for cell in row]
        assert formula not in cells, f.path  # never as a cell of its own
        assert "'" + formula in cells, f.path
        assert not any(c.startswith(open_data.FORMULA_START) and not
                       open_data.PLAIN_NUMBER.match(c) for c in cells), f.path  # fmt: skip
    # the JSON keeps the text as it is (it is not opened as a spreadsheet)
    fees_json = next(f for f in found if f.path.endswith("lv/fees.json"))
    assert formula.encode() in fees_json.payload.replace(b'\\"', b'"')


@pytest.mark.parametrize(
    ("value", "numeric", "written"),
    [
        ("=1+1", False, "'=1+1"),
        ("+37164607194", False, "'+37164607194"),
        ("-5", False, "'-5"),  # a text that looks like a number: a text
        ("-5", True, "-5"),  # a number we wrote into a numeric column stays a number
        ("-5.25", True, "-5.25"),
        ("-5+A1", True, "'-5+A1"),  # not a plain number, even in a numeric column
        ("=1", True, "'=1"),
        ("@x", False, "'@x"),
        ("\tx", False, "'\tx"),
        ("\rx", False, "'\rx"),
        ("Aprūpe = palīdzība", False, "Aprūpe = palīdzība"),  # only a cell's start counts
        ("8.80", True, "8.80"),
        ("", False, ""),
    ],
)
def test_csv_cell(value: str, numeric: bool, written: str) -> None:
    assert open_data.csv_cell(value, numeric) == written


def test_numbers_in_the_csv_stay_numbers(tmp_path: Path) -> None:
    result = load_data_dir(FIXTURE_SITE / "data", display_root=FIXTURE_SITE)
    assert result.data is not None
    report = next(iter(result.data.reports.values()))
    rows = open_data.report_rows(report, "lv")
    rows[0]["spent_eur"] = "-5"  # a negative sum, as we would write it
    cells = _cells(open_data.to_csv(rows, open_data.REPORT_COLUMNS))
    assert cells[1][open_data.REPORT_COLUMNS.index("spent_eur")] == "-5"
