"""Where a test runs, from the fixtures it uses: the ``unit``, ``build`` and ``browser`` markers.

The root conftest.py gives every collected test the markers of its fixture closure (the
fixtures it asks for, directly or through other fixtures); nobody writes them by hand.
"""

from __future__ import annotations

from collections.abc import Iterable

# the session's Chromium (root conftest.py)
BROWSER_FIXTURES = frozenset({"chromium"})
# fixtures that run MkDocs on a whole site
BUILD_FIXTURES = frozenset(
    {
        "sites",  # tests/conftest.py: make_project + build (default_site and others use it)
        "mini_site",  # overrides/widgets/listen/tests: a small Material site with recordings
    }
)


def markers_of(fixturenames: Iterable[str]) -> list[str]:
    """``build`` and/or ``browser`` when the fixtures include one of theirs, else ``unit``."""
    used = set(fixturenames)
    found = [
        name
        for name, fixtures in (("build", BUILD_FIXTURES), ("browser", BROWSER_FIXTURES))
        if used & fixtures
    ]
    return found or ["unit"]
