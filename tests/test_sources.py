"""Sources, editors' doubts and "checked on" (data/sources.yaml, hooks/sitegen/checks/doubts.py).

Every page names where its facts come from and says plainly that they are not yet checked
with the institution; where the seeds disagree both figures are shown, each with its
source; `verify:` notes are listed by `make doubts`; an unknown source id is a data error.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
from number_survival import page_text
from sitebuild import FIXTURE_SITE
from sitegen.__main__ import main as cli_main
from sitegen.checks.doubts import find_doubts, stale_pages
from sitegen.checks.loader import load_data_dir

from conftest import edit, line_of
from testsupport.data import DATA_DIR


def _data(data_dir: Path):
    result = load_data_dir(data_dir)
    assert result.data is not None, result.errors
    return result.data


def _with_sources(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_SITE / "data", data)
    shutil.copy2(DATA_DIR / "sources.yaml", data / "sources.yaml")
    return data


def test_an_unknown_source_is_a_data_error_with_its_line(tmp_path: Path) -> None:
    data = _with_sources(tmp_path)
    provider = data / "providers" / "test-provider.yaml"
    edit(
        provider,
        "  locations: [test-office]\n",
        "  sources: [no-such-page]\n  locations: [test-office]\n",
    )
    errors = [e.english_line for e in load_data_dir(data, display_root=tmp_path).errors]
    line = line_of(provider, "no-such-page")
    assert any(
        e.startswith(f"data/providers/test-provider.yaml:{line}:")
        and "there is no source with the id `no-such-page`" in e
        for e in errors
    ), errors


def test_make_doubts_lists_every_verify_note(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`make doubts` (``python -m sitegen doubts data``, its ``main`` in this process) on the
    default data: each `verify:` note a plain reading of the files finds, at its line, and
    the count of providers not checked in the last 12 months."""
    monkeypatch.chdir(DATA_DIR.parent)
    assert cli_main(["doubts", DATA_DIR.name]) == 0
    out = capsys.readouterr().out
    notes = [
        (path.relative_to(DATA_DIR.parent).as_posix(), number)
        for path in sorted(DATA_DIR.rglob("*.yaml"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.match(r"\s*(- )?verify:", line)
    ]
    assert notes, "the default data has editors' doubts to list"
    listed = re.findall(r"^  ([^:\n]+\.yaml):(\d+): ", out, re.MULTILINE)
    assert [(file, int(number)) for file, number in listed] == notes
    assert f"Editors' doubts (`verify:` notes): {len(notes)}" in out
    # each note's text, as the data has it, after its place
    for doubt in find_doubts(DATA_DIR, DATA_DIR.parent):
        assert f"{doubt.file}:{doubt.line}: {doubt.path}: {doubt.text}" in out
    stale = stale_pages(_data(DATA_DIR), dt.date.today())
    assert f"in the last 12 months: {len(stale)}" in out
    assert all(f"  {line}" in out for line in stale)


def test_pages_unchecked_or_older_than_a_year_are_listed(tmp_path: Path) -> None:
    data = _with_sources(tmp_path)
    provider = data / "providers" / "test-provider.yaml"
    today = dt.date(2026, 11, 28)
    assert stale_pages(_data(data), today) == [
        "providers/test-provider/ and 2 service page(s): not yet checked with the institution"
    ]
    edit(
        provider,
        "  locations: [test-office]\n",
        "  checked: 2025-11-01\n  locations: [test-office]\n",
    )
    assert stale_pages(_data(data), today) == [
        "providers/test-provider/ and 2 service page(s): last checked with the institution on "
        "2025-11-01"
    ]
    edit(provider, "  checked: 2025-11-01\n", "  checked: 2026-06-01\n")
    assert stale_pages(_data(data), today) == []


def test_every_page_says_its_facts_are_not_yet_checked_and_names_its_source(
    default_site: Path,
) -> None:
    data = _data(DATA_DIR)
    for lang, prefix, words in (("lv", "", "Ar iestādi vēl nav pārbaudīts."), ("en", "en/", "Not yet checked with the institution.")):  # fmt: skip
        pages = [f"{prefix}providers/{pid}/index.html" for pid in data.providers]
        pages += [f"{prefix}services/{sid}/index.html" for sid in data.services]
        for page in pages:
            text = page_text(default_site / page)
            assert words in text, page
            assert ("Avot" if lang == "lv" else "Source") in text.split(words, 1)[1], page


def test_disagreeing_figures_are_shown_each_with_its_source(default_site: Path) -> None:
    text = page_text(
        default_site / "en" / "providers" / "rezekne-county-social-service" / "index.html"
    )
    web, report = text.split("According to:")[1:3]
    assert "(Rēzekne County Municipality, undated)" in web and "35 — social workers" in web
    assert "20 — carers" in web
    assert ", 2017)" in report and "34 — social workers" in report and "16 — carers" in report
    report_page = page_text(default_site / "reports" / "rezekne-county-2017" / "index.html")
    assert "761 514,00 €" in report_page and "909 194,00 €" in report_page
    assert "Kopā (tabulas rindu summa) 909 194" in report_page
