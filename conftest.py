"""Root conftest: what every test of the project shares, in tests/ and in the widgets' folders.

Markers by where a test runs, set here from the fixtures it uses (directly or through other
fixtures), never by hand:

- ``browser``: uses ``chromium`` (the one Chromium of the session, below);
- ``build``: runs MkDocs on a whole site, through one of ``BUILD_FIXTURES``
  (testsupport/markers.py);
- ``unit``: neither (validation, the hostile corpus, the engines, the partials...);
  ``make test-fast`` runs these.

A test (or fixture) that builds a site asks for ``sites`` (tests/conftest.py: ``make_project``
and ``build``) instead of importing them, or ``make test-fast`` would run it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import settings

from testsupport.browser import launch_chromium
from testsupport.markers import markers_of

# Property tests check what is true, not how fast: a busy 2-core runner once took 281 ms for an
# example Hypothesis had timed at 21 ms and failed it as "flaky". Speed goals live in benchmarks/.
settings.register_profile("project", deadline=None)
settings.load_profile("project")


def pytest_configure(config: pytest.Config) -> None:
    """One build day for the whole session: every site a test builds, and every expectation
    computed from ``opening.build_date()``, use the day the session started (Riga), so a run
    that crosses midnight compares like with like. A day already given is kept."""
    if not os.environ.get("SITEGEN_TODAY"):
        from sitegen.opening import build_date

        os.environ["SITEGEN_TODAY"] = build_date().isoformat()


def pytest_report_header() -> str:
    return f"build day of every site built here: {os.environ['SITEGEN_TODAY']} (SITEGEN_TODAY)"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        for name in markers_of(getattr(item, "fixturenames", ())):
            item.add_marker(name)


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """One headless Chromium (Debian's, through Playwright) for every browser test of the
    session; each test opens its own context (cookies, storage, viewport) in it."""
    with launch_chromium() as browser:
        yield browser
