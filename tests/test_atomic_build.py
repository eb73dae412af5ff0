"""Atomic output: a failed build leaves the published site/ exactly as it was.

``scripts/build_site.py`` builds into a fresh folder beside ``site/`` and swaps it in only
on success. Each test builds the fixture project once (site A), breaks it in one way —
bad data, a page in one language only, a template that fails halfway through the pages —
builds again, and compares every file of site/ byte for byte with site A. Nothing may be
left beside site/ (no half-written build folder, no ``site.previous``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from conftest import edit


def snapshot(site: Path) -> dict[str, str]:
    """Every file and folder under ``site`` -> sha256 of its bytes ("dir" for folders)."""
    return {
        path.relative_to(site).as_posix(): (
            "dir" if path.is_dir() else hashlib.sha256(path.read_bytes()).hexdigest()
        )
        for path in sorted(site.rglob("*"))
    }


def break_data(project: Path) -> str:
    edit(project / "data/providers/test-provider.yaml", "amount: 8.80", "amount: 8,80")
    return "decimal comma"


def break_pairing(project: Path) -> str:
    (project / "content/lv/only-latvian.md").write_text("# Tikai latviski\n", encoding="utf-8")
    return "Missing counterparts"


def break_template(project: Path) -> str:
    """A template that fails while pages are being written (after others were)."""
    template = project / "overrides/sitegen/service.html"
    text = template.read_text(encoding="utf-8")
    template.write_text(text + "\n{{ data.no_such_thing.name }}\n", encoding="utf-8")
    return "no_such_thing"


BREAKS: dict[str, Callable[[Path], str]] = {
    "broken data": break_data,
    "page in one language": break_pairing,
    "template fails halfway": break_template,
}


@pytest.fixture
def published(tmp_path: Path, sites: ModuleType) -> tuple[Path, Path, dict[str, str]]:
    """The fixture project built atomically into out/site: (project, site, snapshot)."""
    project = sites.make_project(tmp_path / "project")
    site = tmp_path / "out" / "site"
    run = sites.build(project, site, atomic=True)
    assert run.returncode == 0, run.output
    assert (site / "index.html").is_file() and (site / "en/index.html").is_file()
    return project, site, snapshot(site)


@pytest.mark.parametrize("breakage", list(BREAKS), ids=list(BREAKS))
def test_failed_build_leaves_site_exactly_as_it_was(
    published: tuple[Path, Path, dict[str, str]], breakage: str, sites: ModuleType
) -> None:
    project, site, before = published
    words = BREAKS[breakage](project)
    run = sites.build(project, site, atomic=True)
    assert run.returncode != 0
    assert words in run.output
    assert f"Build failed: {site} was left exactly as it was." in run.output
    assert snapshot(site) == before
    assert sorted(p.name for p in site.parent.iterdir()) == ["site"]


def test_successful_rebuild_replaces_the_site(
    published: tuple[Path, Path, dict[str, str]], sites: ModuleType
) -> None:
    """The check above can fail: a good change does reach site/, with nothing left over."""
    project, site, before = published
    edit(project / "data/providers/test-provider.yaml", "amount: 8.80", "amount: 9.10")
    run = sites.build(project, site, atomic=True)
    assert run.returncode == 0, run.output
    after = snapshot(site)
    assert after != before
    assert "9,10" in (site / "services/home-care/index.html").read_text(encoding="utf-8")
    assert sorted(p.name for p in site.parent.iterdir()) == ["site"]


def test_failed_first_build_publishes_nothing(tmp_path: Path, sites: ModuleType) -> None:
    project = sites.make_project(tmp_path / "project")
    break_data(project)
    site = tmp_path / "out" / "site"
    run = sites.build(project, site, atomic=True)
    assert run.returncode != 0
    assert not site.exists()
    assert list(site.parent.iterdir()) == []
