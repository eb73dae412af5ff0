"""Editors' typical mistakes are red in `make validate`, at their line, in Latvian first, and
as GitHub annotations; the correct data stays green (issue 23).

Each case breaks the fixture data (tests/fixtures/site) one way and runs the real command
line, as the pull request's check does: a blank line or trailing spaces at the end of a file
(yamllint's rules), a forbidden variant of the termbase ("home help"), a `checked:` date in
the future, Latvian text in `en:` (and English in `lv:`), season dates given for one season
only, and seasons that overlap.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from sitegen.__main__ import main as cli_main
from sitegen.checks.check_cache import ResultCache
from sitegen.checks.data_lint import lint_data
from sitegen.checks.language_check import Detector, judged_words, texts, wrong_language
from sitegen.checks.loader import data_files, load_data_dir
from sitegen.data.yamlread import read_yaml

from conftest import FIXTURE_SITE, ROOT, edit, line_of
from testsupport.data import DATA_DIR

PROVIDER = "providers/test-provider.yaml"
TODAY = "2026-12-05"


def project(tmp_path: Path) -> Path:
    """The fixture site with the real termbase's entry for *aprūpe mājās* (the fixture's older
    texts drift from other entries, see test_terms.py) and the repository's yamllint settings."""
    root = tmp_path / "project"
    shutil.copytree(FIXTURE_SITE / "data", root / "data")
    termbase = (DATA_DIR / "terms.yaml").read_text(encoding="utf-8")
    entries = re.split(r"(?m)^(?=  - id: )", termbase)
    [home_care] = [e for e in entries if e.startswith("  - id: home-care\n")]
    assert "home help" in home_care
    (root / "data" / "terms.yaml").write_text("terms:\n" + home_care.rstrip() + "\n", "utf-8")
    shutil.copy2(ROOT / ".yamllint", root / ".yamllint")
    return root


def validate(root: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """The real command line in a process of its own (as the pull request runs it)."""
    return subprocess.run(
        [sys.executable, "-m", "sitegen", "validate", "data"],
        capture_output=True,
        text=True,
        cwd=root,
        env={
            "PYTHONPATH": str(ROOT / "hooks"),
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "SITEGEN_TODAY": TODAY,
            **env,
        },
        timeout=120,
    )


@pytest.fixture
def run_main(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Callable[..., subprocess.CompletedProcess[str]]:
    """The command line's ``main`` (``python -m sitegen validate data``) called in this
    process, in ``root``, on the day ``TODAY``: the same exit code and output as ``validate``
    without a new interpreter for each run (0.45 s each). ``validate`` itself runs in
    test_the_fixture_and_the_real_data_pass_every_check and tests/test_validation.py."""

    def run(root: Path, **env: str) -> subprocess.CompletedProcess[str]:
        monkeypatch.chdir(root)
        for name in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY"):
            monkeypatch.delenv(name, raising=False)
        for name, value in {"SITEGEN_TODAY": TODAY, **env}.items():
            monkeypatch.setenv(name, value)
        capsys.readouterr()
        returncode = cli_main(["validate", "data"])
        out, err = capsys.readouterr()
        return subprocess.CompletedProcess(["python", "-m", "sitegen"], returncode, out, err)

    return run


@dataclass
class Mistake:
    id: str
    file: str
    change: Callable[[Path], None]
    needle: str  # the line the problem is on contains this (after the change)
    latvian: str  # words of the Latvian message
    english: str  # words of the English message


def _append(text: str) -> Callable[[Path], None]:
    def change(data: Path) -> None:
        with (data / "site.yaml").open("a", encoding="utf-8") as handle:
            handle.write(text)

    return change


def _replace(file: str, old: str, new: str) -> Callable[[Path], None]:
    return lambda data: edit(data / file, old, new)


SECOND_SEASON = """    - label: {lv: Naktspatversme, en: Night shelter}
      season: {lv: vasarā, en: in summer}
      season_dates: {start: "04-01", end: "10-31"}
      hours:
        - open: "20:00"
          close: "07:00"
          overnight: true
  units:"""

MISTAKES = [
    Mistake(
        "blank-line-at-the-end",
        "site.yaml",
        _append("\n"),
        "",
        "par daudz tukšu rindu pēc kārtas",
        "too many blank lines",
    ),
    Mistake(
        "trailing-spaces",
        PROVIDER,
        _replace(PROVIDER, "  id: test-provider\n", "  id: test-provider   \n"),
        "id: test-provider",
        "rindas beigās ir atstarpes",
        "spaces at the end of the line",
    ),
    Mistake(
        "termbase-home-help",
        PROVIDER,
        _replace(PROVIDER, "en: Help at home.}", "en: Home help for older people.}"),
        "Home help for older people",
        "„Home help” ir aizliegts variants; rakstiet „home care”",
        "“Home help” is a forbidden variant",
    ),
    Mistake(
        "checked-in-the-future",
        PROVIDER,
        _replace(PROVIDER, "  area: [test-city]\n", "  area: [test-city]\n  checked: 2027-01-15\n"),
        "checked: 2027-01-15",
        f"datums 2027-01-15 vēl nav pienācis (šodien ir {TODAY}); `checked` ir diena",
        "has not come yet",
    ),
    Mistake(
        "latvian-in-en",
        PROVIDER,
        _replace(
            PROVIDER,
            "en: A test social service.}",
            "en: Sociālais dienests palīdz cilvēkiem grūtās dzīves situācijās.}",
        ),
        "Sociālais dienests palīdz",
        "šis `en:` teksts izskatās rakstīts latviešu valodā, nevis angļu",
        "this `en:` text looks Latvian, not English",
    ),
    Mistake(
        "english-in-lv",
        PROVIDER,
        _replace(
            PROVIDER,
            "summary: {lv: Testa sociālais dienests.,",
            "summary: {lv: The social service helps people in a crisis.,",
        ),
        "The social service helps people",
        "šis `lv:` teksts izskatās rakstīts angļu valodā, nevis latviešu",
        "this `lv:` text looks English, not Latvian",
    ),
    Mistake(
        "one-season-dated",
        PROVIDER,
        _replace(PROVIDER, "  units:", SECOND_SEASON),
        "season: {lv: ziemā, en: in winter}",
        "sezonai „ziemā” nav `season_dates`, bet citām šīs vietas sezonām ir",
        "the season “in winter” has no `season_dates`",
    ),
    Mistake(
        "seasons-overlap",
        PROVIDER,
        lambda data: (
            _replace(PROVIDER, "  units:", SECOND_SEASON)(data),
            _replace(
                PROVIDER,
                "      season: {lv: ziemā, en: in winter}\n",
                "      season: {lv: ziemā, en: in winter}\n"
                '      season_dates: {start: "10-15", end: "04-15"}\n',
            )(data),
        ),
        'season_dates: {start: "04-01", end: "10-31"}',
        "sezonas „vasarā” datumi (04-01–10-31) pārklājas ar sezonu „ziemā” (10-15–04-15)",
        "overlap the season “in winter”",
    ),
]


@pytest.mark.parametrize("mistake", MISTAKES, ids=lambda m: m.id)
def test_a_mistake_is_red_at_its_line_in_latvian_and_as_an_annotation(
    tmp_path: Path, mistake: Mistake, run_main: Callable[..., subprocess.CompletedProcess[str]]
) -> None:
    # the same project without the mistake is green:
    # test_the_fixture_and_the_real_data_pass_every_check
    root = project(tmp_path)
    mistake.change(root / "data")
    target = root / "data" / mistake.file
    if mistake.needle:
        line = line_of(target, mistake.needle)
    else:  # the blank line: the last line of the file
        line = len(target.read_text(encoding="utf-8").split("\n")) - 1
    run = run_main(root)
    assert run.returncode == 1, run.stdout + run.stderr
    assert "Traceback" not in run.stdout + run.stderr
    lines = run.stderr.splitlines()
    at = [
        i for i, text in enumerate(lines) if text.strip().startswith(f"data/{mistake.file}:{line}:")
    ]
    assert any(mistake.latvian in lines[i] for i in at), run.stderr
    assert any(mistake.english in lines[i + 1] for i in at), run.stderr  # English below it
    assert lines[0].startswith("Datos ir ")  # the count, in Latvian first

    summary = tmp_path / "summary.md"
    github = run_main(root, GITHUB_ACTIONS="true", GITHUB_STEP_SUMMARY=str(summary))
    annotation = re.compile(
        rf"^::error file=data/{re.escape(mistake.file)},line={line},col=\d+,title=[^:]*::(.*)$"
    )
    messages = [m[1] for text in github.stdout.splitlines() if (m := annotation.match(text))]
    assert any(mistake.latvian.replace("%", "%25") in m and "%0A" in m for m in messages), (
        github.stdout
    )
    assert mistake.latvian in summary.read_text(encoding="utf-8")


def test_the_fixture_and_the_real_data_pass_every_check(tmp_path: Path) -> None:
    root = project(tmp_path)
    run = validate(root)
    assert run.returncode == 0, run.stderr
    reads = load_data_dir(DATA_DIR, display_root=DATA_DIR.parent).reads
    assert len(reads) == len(data_files(DATA_DIR))
    assert lint_data(reads, ROOT, cache_file=tmp_path / "cache.json") == []


def test_the_check_counts_from_the_build_date(
    tmp_path: Path, run_main: Callable[..., subprocess.CompletedProcess[str]]
) -> None:
    """The same `checked:` date is fine once its day has come."""
    root = project(tmp_path)
    MISTAKES[3].change(root / "data")
    assert run_main(root).returncode == 1
    assert run_main(root, SITEGEN_TODAY="2027-01-15").returncode == 0


def test_the_cache_keeps_results_and_sees_a_change(tmp_path: Path) -> None:
    root = project(tmp_path)
    cache_file = tmp_path / "cache.json"

    def lint() -> list:
        return lint_data(
            load_data_dir(root / "data", display_root=root).reads, root, cache_file=cache_file
        )

    assert lint() == []
    stored = cache_file.read_text(encoding="utf-8")
    assert lint() == []
    assert cache_file.read_text(encoding="utf-8") == stored  # nothing new to keep
    MISTAKES[1].change(root / "data")
    found = lint()
    assert [(e.file, e.code) for e in found] == [(f"data/{PROVIDER}", "style.trailing-spaces")]


def test_a_cache_of_another_version_is_not_used(tmp_path: Path) -> None:
    cache = ResultCache(tmp_path / "c.json", "v1")
    cache.put("k", [1])
    cache.save()
    assert ResultCache(tmp_path / "c.json", "v1").get("k") == [1]
    assert ResultCache(tmp_path / "c.json", "v2").get("k") is None


# --- the language check, and how reliable it is on this project's own texts --------------


def _pairs() -> list[tuple[str, str]]:
    import yaml

    found = []
    for path in sorted(DATA_DIR.rglob("*.yaml")):
        read = read_yaml(path.read_bytes(), path.name)
        found += [(node["lv"], node["en"]) for _, node in texts(read.data)]
    ui = yaml.safe_load((ROOT / "overrides" / "sitegen" / "ui.yaml").read_text("utf-8"))
    found += [
        (e["lv"], e["en"])
        for e in ui.values()
        if isinstance(e["lv"], str) and isinstance(e["en"], str)
    ]
    return found


def test_names_quotes_and_addresses_are_no_evidence() -> None:
    assert judged_words("Rēzekne City Social Service") == ""
    assert judged_words("at Atbrīvošanas aleja 151-3A and Rēznas iela 41: at 13:30") == "at and at"
    assert judged_words("“Atelpas brīdis” (respite care)") == "respite care"


def test_short_texts_are_not_judged() -> None:
    detector = Detector()
    assert wrong_language("Aprūpe mājās", "en", detector) is None  # two words
    assert wrong_language("Aprūpe mājās vientuļiem pensionāriem", "en", detector) is not None


def test_reliability_on_the_projects_own_texts() -> None:
    """No correct text of the data or the interface is reported, and nearly every text
    long enough to judge is reported when put in the other language's field (the README's
    figures)."""
    detector = Detector()
    pairs = _pairs()
    assert len(pairs) > 500
    false_alarms = [
        text
        for lv, en in pairs
        for text, field in ((lv, "lv"), (en, "en"))
        if wrong_language(text, field, detector)
    ]
    assert false_alarms == []
    for field, index in (("en", 0), ("lv", 1)):  # Latvian put into en:, English into lv:
        judged = [p[index] for p in pairs if len(judged_words(p[index]).split()) >= 3]
        caught = [t for t in judged if wrong_language(t, field, detector)]
        assert len(caught) / len(judged) >= 0.95, (field, len(caught), len(judged))


def test_the_build_date_is_todays_without_a_fixed_day(monkeypatch: pytest.MonkeyPatch) -> None:
    from sitegen.base.today import build_date

    monkeypatch.delenv("SITEGEN_TODAY", raising=False)
    assert abs((build_date() - dt.date.today()).days) <= 1
    monkeypatch.setenv("SITEGEN_TODAY", "2027-05-03")
    assert build_date() == dt.date(2027, 5, 3)
