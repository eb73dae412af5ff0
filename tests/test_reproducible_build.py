"""Two builds of the same data on the same day give the same site, byte for byte (issue 14:
the Open data page prints the build's date, not its time). The one known exception is
Pagefind's filter and metadata indexes (and the entry file naming them): Pagefind writes a
filter's values in an order that changes from run to run (upstream: Pagefind/pagefind#638,
"other files will still change, such as the filter/metadata indexes"); the page fragments
and the word index are stable."""

from __future__ import annotations

import os
import re
from pathlib import Path
from types import ModuleType

# Pagefind's unstable files (see the docstring)
UNSTABLE = re.compile(
    r"^pagefind/(filter/.*\.pf_filter|pagefind\..*\.pf_meta|pagefind-entry\.json)$"
)


def differences(one: Path, two: Path) -> list[str]:
    """Files only in one site, or with other bytes, except Pagefind's unstable ones."""
    files_one = {p.relative_to(one).as_posix() for p in one.rglob("*") if p.is_file()}
    files_two = {p.relative_to(two).as_posix() for p in two.rglob("*") if p.is_file()}
    out = [f"only in one build: {f}" for f in sorted(files_one ^ files_two)]
    out += [
        f"differs: {f}"
        for f in sorted(files_one & files_two)
        if (one / f).read_bytes() != (two / f).read_bytes()
    ]
    return [d for d in out if not UNSTABLE.match(d.split(": ", 1)[1])]


def test_two_builds_on_one_day_are_the_same(
    tmp_path: Path, sites: ModuleType, default_project: Path, default_site: Path
) -> None:
    """The session's default site against a second build of the same project on the same
    day (``SITEGEN_TODAY``, pinned for the whole session by the root conftest.py): the one
    build this test adds, as a comparison needs two."""
    again = sites.build(default_project, tmp_path / "site", audio=True)
    assert again.returncode == 0, again.output
    assert differences(default_site, again.site) == []
    page = (default_site / "en/open-data/index.html").read_text("utf-8")
    assert f'<time datetime="{os.environ["SITEGEN_TODAY"]}">' in page
    assert not re.search(r'datetime="\d\d:\d\d"', page)  # no time of day


def test_the_comparison_sees_a_changed_file(tmp_path):
    for name in ("a", "b"):
        (tmp_path / name / "pagefind/filter").mkdir(parents=True)
        (tmp_path / name / "index.html").write_text("same")
        (tmp_path / name / "pagefind/filter" / f"en_{name}.pf_filter").write_text(name)
    assert differences(tmp_path / "a", tmp_path / "b") == []
    (tmp_path / "b/index.html").write_text("built at 07:12")
    (tmp_path / "b/extra.json").write_text("{}")
    assert differences(tmp_path / "a", tmp_path / "b") == [
        "only in one build: extra.json",
        "differs: index.html",
    ]
