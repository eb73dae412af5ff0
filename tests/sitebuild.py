"""Build whole sites in tests: the default site once per session, or a small project.

``make_project`` lays out a throw-away project (mkdocs.yml, hooks, overrides copied from
the repository; data and content from the caller) so a test can build a site from its own
data without touching the repository's data/, site/ or build/.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_SITE = ROOT / "tests" / "fixtures" / "site"


@dataclass
class BuildRun:
    returncode: int
    output: str  # stdout + stderr
    site: Path


def make_project(target: Path, data: Path | None = None, content: Path | None = None) -> Path:
    """A project folder at ``target`` with the repository's code and the given data/content."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy2(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    for folder in ("hooks", "overrides"):
        shutil.copytree(
            ROOT / folder, target / folder, ignore=shutil.ignore_patterns("__pycache__", "tests")
        )
    shutil.copytree(data or FIXTURE_SITE / "data", target / "data")
    shutil.copytree(content or ROOT / "content", target / "content")
    return target


def build(
    project: Path,
    site: Path | None = None,
    *,
    strict: bool = True,
    atomic: bool = False,
    audio: bool = False,
    today: str | None = None,
) -> BuildRun:
    """Run a real build of ``project`` in a subprocess (as `make site` does). The listen
    recordings (hooks/render_audio.py) are made only when ``audio`` is asked for: fixture
    sites are about data and markup, and the default site's build covers the recordings.
    ``today`` (YYYY-MM-DD): the build day of this build only, instead of the session's."""
    site = site or project / "site"
    env = {**os.environ, "PYTHONPATH": str(project / "hooks"), "NO_MKDOCS_2_WARNING": "1"}
    if today is not None:
        env["SITEGEN_TODAY"] = today
    env["LISTEN_AUDIO"] = "on" if audio else "off"
    if audio:  # one cache of clips for every project, the repository's own
        env.setdefault("LISTEN_AUDIO_CACHE", str(ROOT / "build" / "listen-audio"))
    if atomic:
        command = [sys.executable, str(ROOT / "scripts" / "build_site.py"), "--out", str(site)]
        command += ["--config", str(project / "mkdocs.yml")]
    else:
        command = [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--clean",
            "-f",
            str(project / "mkdocs.yml"),
        ]
        command += ["-d", str(site)] + (["--strict"] if strict else [])
    run = subprocess.run(command, capture_output=True, text=True, cwd=project, env=env)
    return BuildRun(run.returncode, run.stdout + run.stderr, site)


def built_pages(site: Path) -> set[str]:
    """Every HTML page of a built site, as site-relative paths."""
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


def given_or_built(site: Path | None, project: Path, temp: Path) -> Path:
    """For the measuring scripts: the built site they were given, else the default data
    built into ``temp``; a failed build ends the script with the build's output."""
    if site is not None:
        return site
    run = build(project, temp / "site")
    if run.returncode != 0:
        sys.exit(f"the site did not build:\n{run.output}")
    return run.site
