"""The translation report lists every missing or pending translation with file:line, and
counts per file; a pending text shows a visible notice on the page, in the other language."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest
from sitegen.__main__ import main as cli_main
from sitegen.checks.loader import load_data_dir
from sitegen.checks.translations import translation_report

from conftest import edit, line_of

PROVIDER = "providers/test-provider.yaml"


def test_report_lists_pending_and_missing_with_lines(fixture_data: Path) -> None:
    edit(
        fixture_data / PROVIDER,
        "name: {lv: Pārtikas pakas, en: Food packages}",
        "name: {lv: Pārtikas pakas, pending: en}",
    )
    edit(
        fixture_data / PROVIDER,
        "summary: {lv: Palīdzība mājās., en: Help at home.}",
        "summary: {lv: Palīdzība mājās.}",
    )
    report = translation_report(load_data_dir(fixture_data, display_root=fixture_data.parent))
    pending_line = line_of(fixture_data / PROVIDER, "pending: en")
    missing_line = line_of(fixture_data / PROVIDER, "summary: {lv: Palīdzība mājās.}")
    assert (
        f"data/{PROVIDER}:{pending_line}: services[1].name: en translation pending" in report.text
    )
    assert f"data/{PROVIDER}:{missing_line}: services[0].summary:" in report.text
    assert f"data/{PROVIDER}: 2" in report.text
    assert "| File | Texts |" in report.markdown


def test_report_when_everything_is_translated(fixture_data: Path) -> None:
    report = translation_report(load_data_dir(fixture_data))
    assert report.rows == []
    assert "no translation is pending" in report.text


def test_cli_writes_the_job_summary(
    fixture_data: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`make translations` (``python -m sitegen translations``, its ``main`` in this process)
    under GitHub Actions: the report on stdout and in the job summary."""
    edit(
        fixture_data / PROVIDER,
        "name: {lv: Pārtikas pakas, en: Food packages}",
        "name: {lv: Pārtikas pakas, pending: en}",
    )
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    monkeypatch.chdir(fixture_data.parent)
    assert cli_main(["translations", str(fixture_data)]) == 0
    assert "en translation pending" in capsys.readouterr().out
    assert "## Translation report" in summary.read_text(encoding="utf-8")


def test_pending_text_is_shown_with_a_visible_notice(tmp_path: Path, sites: ModuleType) -> None:
    project = sites.make_project(tmp_path / "p")
    edit(
        project / "data" / PROVIDER,
        "summary: {lv: Palīdzība mājās., en: Help at home.}",
        "summary: {lv: Palīdzība mājās., pending: en}",
    )
    run = sites.build(project)
    assert run.returncode == 0, run.output
    assert "en translation pending" in run.output
    html = (run.site / "en/services/home-care/index.html").read_text(encoding="utf-8")
    assert "Translation pending" in html
    assert '<span lang="lv">Palīdzība mājās.</span>' in html
