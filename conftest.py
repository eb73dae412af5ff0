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

from collections.abc import Iterator
from typing import Any

import pytest

from testsupport.browser import launch_chromium
from testsupport.markers import markers_of


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
