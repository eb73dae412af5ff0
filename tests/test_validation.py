"""Every data rule, each with a fixture that breaks it, and the message asserted."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sitegen.checks.loader import load_data_dir

from conftest import ROOT, edit, line_of
from testsupport.data import DATA_DIR

PROVIDER = "providers/test-provider.yaml"


def errors_for(data: Path) -> list[str]:
    return [e.english_line for e in load_data_dir(data, display_root=data.parent).errors]


def test_fixture_is_valid(fixture_data: Path) -> None:
    result = load_data_dir(fixture_data)
    assert result.errors == []
    assert result.data is not None
    assert set(result.data.services) == {"home-care", "food-packages"}


# (file, old text, new text, expected words in the message, text on the reported line)
CASES = [
    (
        "unknown key",
        PROVIDER,
        "  summary: {lv: Testa",
        "  sumary: {lv: Testa",
        "unknown field `sumary`; did you mean `summary`?",
        "sumary",
    ),
    (
        "wrong type",
        PROVIDER,
        "max_hours_per_month: 16",
        "max_hours_per_month: many",
        "must be a whole number",
        "max_hours_per_month: many",
    ),
    (
        "duplicate key",
        PROVIDER,
        "    category: food\n",
        "    category: food\n    category: care-at-home\n",
        "appears twice",
        "    category: care-at-home",
    ),
    (
        "duplicate id",
        PROVIDER,
        "locations:\n  - id: test-office\n",
        "locations:\n  - id: test-office\n    street: Iela 1\n    town: Rēzekne\n  - id: test-office\n",
        "location id `test-office` is used twice",
        "- id: test-office",
    ),
    (
        "unknown provider",
        "site.yaml",
        "help_contact: test-provider",
        "help_contact: no-such",
        "there is no provider with the id `no-such`",
        "help_contact",
    ),
    (
        "unknown location",
        PROVIDER,
        "locations: [test-office]",
        "locations: [test-ofice]",
        "no location with the id `test-ofice`; did you mean `test-office`?",
        "locations: [test-ofice]",
    ),
    (
        "unknown fee service",
        PROVIDER,
        "    service: home-care",
        "    service: home-kare",
        "no service with the id `home-kare`",
        "service: home-kare",
    ),
    (
        "unknown legal act",
        PROVIDER,
        "    legal_basis: [decision-1]\n    items",
        "    legal_basis: [decision-2]\n    items",
        "no legal act with the id `decision-2`",
        "legal_basis: [decision-2]",
    ),
    (
        "unknown category",
        PROVIDER,
        "category: food",
        "category: fod",
        "no category with the id `fod`",
        "category: fod",
    ),
    (
        "unknown unit",
        PROVIDER,
        "unit: home-care-office",
        "unit: office",
        "no unit with the id `office`",
        "unit: office",
    ),
    (
        "negative amount",
        PROVIDER,
        "amount: 8.80",
        "amount: -8.80",
        "must not be negative",
        "amount: -8.80",
    ),
    (
        "three decimals",
        PROVIDER,
        "amount: 8.80",
        "amount: 8.805",
        "at most two decimals",
        "amount: 8.805",
    ),
    (
        "decimal comma",
        PROVIDER,
        "amount: 8.80",
        'amount: "8,80"',
        "uses a decimal comma; write it with a point: 8.80",
        "8,80",
    ),
    (
        "decimal comma inside { }",  # YAML reads {amount: 8,80} as amount: 8 and a field 80
        PROVIDER,
        "amount: 8.80",
        "amount: 8,80",
        "amount '8,80' uses a decimal comma, which splits it in two inside { }; write it with "
        "a point: 8.80",
        "amount: 8,80",
    ),
    (
        "amount as text",
        PROVIDER,
        "amount: 8.80",
        "amount: eight",
        "must be a number such as 8.80",
        "amount: eight",
    ),
    ("nan amount", PROVIDER, "amount: 8.80", "amount: .nan", "ordinary number", "amount: .nan"),
    ("bad time", PROVIDER, 'close: "16:30"', 'close: "25:00"', "does not exist", "25:00"),
    ("time 24:30", PROVIDER, 'close: "16:30"', 'close: "24:30"', "does not exist", "24:30"),
    (
        "time with a point",
        PROVIDER,
        'close: "16:30"',
        "close: 16.30",
        "HH:MM with a colon",
        "close: 16.30",
    ),
    (
        "break outside",
        PROVIDER,
        '{start: "12:00", end: "12:30"}',
        '{start: "17:00", end: "17:30"}',
        "break 17:00-17:30 is not inside the opening hours 08:00-16:30",
        "17:00",
    ),
    (
        "overnight not explicit",
        PROVIDER,
        "          overnight: true\n",
        "",
        "add `overnight: true`",
        'open: "18:00"',
    ),
    (
        "phone seven digits",
        PROVIDER,
        "number: 64607194",
        "number: 6460719",
        "phone 6460719 is not a valid Latvian number",
        "number: 6460719",
    ),
    (
        "phone foreign",
        PROVIDER,
        "number: 64607194",
        'number: "+44 20 7946 0958"',
        "not a valid Latvian number",
        "+44",
    ),
    (
        "email",
        PROVIDER,
        "address: info@example.lv",
        "address: info@@example",
        "e-mail address 'info@@example' is not valid",
        "info@@example",
    ),
    (
        "iban checksum",
        PROVIDER,
        "iban: LV43TREL980257003900B",
        "iban: LV44TREL980257003900B",
        "IBAN LV44TREL980257003900B is not valid",
        "LV44",
    ),
    (
        "postal code",
        PROVIDER,
        "postal_code: LV-4601",
        "postal_code: LV 4601",
        "must be written as LV- and four digits",
        "LV 4601",
    ),
    (
        "missing legal basis",
        PROVIDER,
        "    legal_basis: [decision-1]\n    items",
        "    legal_basis: []\n    items",
        "every fee needs its legal basis",
        "legal_basis: []",
    ),
    (
        "missing english",
        PROVIDER,
        "name: {lv: Pārtikas pakas, en: Food packages}",
        "name: {lv: Pārtikas pakas}",
        "the English (en) text is missing",
        "name: {lv: Pārtikas pakas}",
    ),
    (
        "text not bilingual",
        PROVIDER,
        "name: {lv: Pārtikas pakas, en: Food packages}",
        "name: Pārtikas pakas",
        "must be a text in both languages",
        "name: Pārtikas pakas",
    ),
    (
        "hours rise with level",
        PROVIDER,
        "max_hours_per_month: 60",
        "max_hours_per_month: 10",
        "hours a month must rise with the level",
        "max_hours_per_month: 10",
    ),
    (
        "level numbering",
        PROVIDER,
        "      - level: 2\n        name",
        "      - level: 3\n        name",
        "numbered 1, 2, 3",
        "- level: 3",
    ),
    (
        "percent range",
        PROVIDER,
        "rule: {kind: per_unit, amount: 2.50, unit: hour}",
        "rule: {kind: income_share, percent: 125, base: {lv: ienākumi, en: income}}",
        "between 0 and 100",
        "percent: 125",
    ),
    (
        "unknown fee kind",
        PROVIDER,
        "kind: per_unit, amount: 2.50",
        "kind: weekly, amount: 2.50",
        "`kind` must be one of",
        "kind: weekly",
    ),
    (
        "provider id and file name",
        PROVIDER,
        "  id: test-provider",
        "  id: other-provider",
        "must match the file name `test-provider.yaml`",
        "id: other-provider",
    ),
    (
        "unknown language",
        PROVIDER,
        "name: {lv: Pārtikas pakas, en: Food packages}",
        "name: {lv: Pārtikas pakas, en: Food packages, ru: Продукты}",
        "unknown field `ru`",
        "ru:",
    ),
    (
        "report benefit",
        "reports/test-report.yaml",
        "benefit: gmi-benefit",
        "benefit: gmi",
        "no benefit with the id `gmi`",
        "benefit: gmi",
    ),
    (
        "count negative",
        "reports/test-report.yaml",
        "families: 852",
        "families: -852",
        "must not be negative",
        "families: -852",
    ),
]


@pytest.mark.parametrize(
    ("name", "file", "old", "new", "words", "line_text"), CASES, ids=[c[0] for c in CASES]
)
def test_rule(
    fixture_data: Path, name: str, file: str, old: str, new: str, words: str, line_text: str
) -> None:
    edit(fixture_data / file, old, new)
    errors = errors_for(fixture_data)
    matching = [e for e in errors if words in e]
    assert matching, f"expected an error with {words!r}, got {errors}"
    line = line_of(fixture_data / file, line_text)
    assert any(e.startswith(f"data/{file}:{line}:") for e in matching), (errors, line)


def test_every_problem_in_one_pass(fixture_data: Path) -> None:
    edit(fixture_data / PROVIDER, "amount: 8.80", "amount: 8.805")
    edit(fixture_data / PROVIDER, "number: 64607194", "number: 6460719")
    edit(fixture_data / "site.yaml", "help_contact: test-provider", "help_contact: nobody")
    edit(fixture_data / "vocabulary.yaml", "  - id: food\n", "  - id: food\n    id: food\n")
    errors = errors_for(fixture_data)
    assert len(errors) >= 4
    files = {e.split(":", 1)[0] for e in errors}
    assert files == {"data/providers/test-provider.yaml", "data/site.yaml", "data/vocabulary.yaml"}


def test_error_format_names_file_line_column_field(fixture_data: Path) -> None:
    edit(fixture_data / PROVIDER, "amount: 8.80", "amount: 8.805")
    (error,) = load_data_dir(fixture_data, display_root=fixture_data.parent).errors
    line = line_of(fixture_data / PROVIDER, "8.805")
    assert (error.file, error.line) == ("data/providers/test-provider.yaml", line)
    assert (
        error.column
        == (fixture_data / PROVIDER).read_text().splitlines()[line - 1].index("8.805") + 1
    )
    assert error.path == "fees[0].items[0].rule.amount"


def test_cli_exit_code_and_no_traceback(fixture_data: Path) -> None:
    edit(fixture_data / PROVIDER, "amount: 8.80", "amount: -1")
    run = subprocess.run(
        [sys.executable, "-m", "sitegen", "validate", str(fixture_data)],
        capture_output=True, text=True, cwd=fixture_data.parent,
        env={"PYTHONPATH": str(ROOT / "hooks"), "PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    assert run.returncode == 1
    assert "Traceback" not in run.stderr + run.stdout
    assert "data/providers/test-provider.yaml:" in run.stderr
    assert "must not be negative" in run.stderr


def test_missing_file_and_unknown_file(fixture_data: Path) -> None:
    (fixture_data / "legal-acts.yaml").unlink()
    (fixture_data / "notes.yaml").write_text("a: 1\n")
    errors = errors_for(fixture_data)
    assert any("legal-acts.yaml:1:1: this data file is missing" in e for e in errors)
    assert any("notes.yaml:1:1: this file is not a known data file" in e for e in errors)


def test_pending_translation_is_reported_not_an_error(fixture_data: Path) -> None:
    edit(
        fixture_data / PROVIDER,
        "name: {lv: Pārtikas pakas, en: Food packages}",
        "name: {lv: Pārtikas pakas, pending: en}",
    )
    result = load_data_dir(fixture_data, display_root=fixture_data.parent)
    assert result.errors == []
    (pending,) = result.pending
    assert (pending.file, pending.language) == ("data/providers/test-provider.yaml", "en")
    assert pending.path == "services[1].name"


def test_cache_sees_edits(fixture_data: Path) -> None:
    assert load_data_dir(fixture_data).errors == []
    edit(fixture_data / PROVIDER, "amount: 8.80", "amount: -1")
    assert load_data_dir(fixture_data).errors != []


def test_default_data_is_valid() -> None:
    result = load_data_dir(DATA_DIR, display_root=DATA_DIR.parent)
    assert [e.english_line for e in result.errors] == []
    assert result.pending == []


@pytest.mark.parametrize(
    ("value", "code"),
    [("-5", "sum_negative"), ("1000000000000", "sum_large"), ("9e99", "amount_type")],
)
def test_a_report_sum_out_of_range_says_which_end(value: str, code: str) -> None:
    """A too large sum is called too large (it was reported as 'not negative and below')."""
    from pydantic import TypeAdapter, ValidationError
    from sitegen.data.field_types import Euros

    with pytest.raises(ValidationError) as caught:
        TypeAdapter(Euros).validate_python(value)
    assert caught.value.errors()[0]["type"] == code
    assert TypeAdapter(Euros).validate_python("999999999999.99") > 0
