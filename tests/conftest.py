"""Shared fixtures: a small valid data folder and helpers to break it one rule at a time."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from testsupport.browser import serve_directory
from testsupport.data import DATA_DIR
from testsupport.workers import computed_once, made_once

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_SITE = ROOT / "tests" / "fixtures" / "site"


@pytest.fixture
def fixture_data(tmp_path: Path) -> Path:
    """A fresh copy of the fixture data folder (tests/fixtures/site/data)."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURE_SITE / "data", target)
    return target


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    """Replace ``old`` by ``new`` in a data file; fail loudly if ``old`` is not there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found in {path.name}: {old!r}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    """Line number of the last line containing ``needle`` (a duplicate is the later one)."""
    found = [
        n
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if needle in line
    ]
    assert found, f"{needle!r} not in {path}"
    return found[-1]


@pytest.fixture(scope="session")
def rerun_tests() -> Callable[..., subprocess.CompletedProcess[str]]:
    """Runs pytest on the given test files in a process of its own, from the repository, with
    ``env`` added to the environment (e.g. ``SITEGEN_TEST_DATA``: the module-level data the
    tests read is read again). Asking for it marks the test ``rerun`` (testsupport/markers.py):
    ``make test`` runs it, ``make test-fast`` leaves it out (a new pytest costs seconds)."""

    def run(args: list[str], **env: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT / "hooks"), **env},
            timeout=600,
        )

    return run


@pytest.fixture(scope="session")
def sites() -> ModuleType:
    """tests/sitebuild.py (``make_project``, ``build``) for a test or fixture that builds a
    whole site. Build through this fixture, not by importing them: asking for it is what marks
    the test ``build`` (root conftest.py), so that ``make test-fast`` leaves it out."""
    import sitebuild

    return sitebuild


@pytest.fixture(scope="session")
def default_project(tmp_path_factory: pytest.TempPathFactory, sites: ModuleType) -> Path:
    """The project the default site is built from: the repository itself (as `make site`
    builds it), or a copy with the data ``SITEGEN_TEST_DATA`` names (testsupport/data.py)."""
    if DATA_DIR == ROOT / "data":
        return ROOT
    return sites.make_project(tmp_path_factory.mktemp("default-project"), data=DATA_DIR)


@pytest.fixture(scope="session")
def default_site(
    tmp_path_factory: pytest.TempPathFactory, sites: ModuleType, default_project: Path
) -> Path:
    """The default data built once per test session, on the session's build day
    (``SITEGEN_TODAY``, root conftest.py), strict, with the listen recordings (kept between
    sessions in build/listen-audio); returns the site folder. Every test that only reads the
    default site uses this one build; a test that needs the default data built differently
    (another ``site_url``, a second build to compare) builds its own and says why."""

    def build(folder: Path) -> Path:
        run = sites.build(default_project, folder / "site", audio=True)
        assert run.returncode == 0, run.output
        return folder / "site"

    # one build per run, also on two workers (testsupport/workers.py)
    return made_once(tmp_path_factory, "default-site", build)


@pytest.fixture(scope="session")
def walks(default_site: Path, chromium: Any, tmp_path_factory: pytest.TempPathFactory) -> list[Any]:
    """The keyboard walks of the default site (tests/keyboard_walk.py): one page per page
    kind and language, each at a desktop size and at a phone's width, walked once for
    test_accessibility.py and test_focus_contrast.py together."""
    from keyboard_walk import WIDTHS, site_sample, walk_page

    def walk() -> list[Any]:
        with serve_directory(default_site) as base:
            return [
                walk_page(chromium, base, rel, width)
                for rel in site_sample(default_site)
                for width in WIDTHS
            ]

    # walked once per run, also when the two files run on two workers (testsupport/workers.py)
    return computed_once(tmp_path_factory, "keyboard-walks", walk)
