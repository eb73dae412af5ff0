"""Material's partials the site keeps edited copies of (overrides/partials/header.html, toc.html)
name the Material version they were copied from; a test fails when the installed Material is
another version, saying which copies to compare with which upstream files. And a script set in
mkdocs.yml's extra_javascript, which main.html's scripts block would drop, stops the build."""

from __future__ import annotations

import re
from importlib.metadata import version
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parent.parent
COPIED = re.compile(r"\(partials/(?P<file>[\w.-]+) of mkdocs-material (?P<version>[\d.]+)\)")


def copies() -> dict[str, tuple[str, str]]:
    """overrides/partials file -> (upstream partial, Material version it was copied from)."""
    found = {}
    for path in sorted((ROOT / "overrides" / "partials").glob("*.html")):
        match = COPIED.search(path.read_text(encoding="utf-8")[:600])
        if match:
            found[path.name] = (match["file"], match["version"])
    return found


def stale_copies(installed: str) -> list[str]:
    return [
        f"overrides/partials/{name} is an edited copy of Material {made}'s partials/{upstream};"
        f" Material {installed} is installed: compare it with material/templates/partials/"
        f"{upstream} of {installed}, carry the site's changes over and update its version line"
        for name, (upstream, made) in copies().items()
        if made != installed
    ]


def test_the_copied_partials_are_known() -> None:
    assert set(copies()) == {"header.html", "toc.html"}


def test_the_copies_match_the_installed_material() -> None:
    assert stale_copies(version("mkdocs-material")) == []


def test_another_material_version_names_each_copy_to_compare() -> None:
    problems = stale_copies("9.9.0")
    assert len(problems) == 2 and all("Material 9.9.0 is installed" in p for p in problems)


def test_extra_javascript_would_be_dropped_so_the_build_refuses_it() -> None:
    import markup_fixes
    from mkdocs.config.defaults import MkDocsConfig

    config = MkDocsConfig()
    config.load_dict({"site_name": "t", "extra_javascript": ["x.js"]})
    config.validate()
    with pytest.raises(PluginError, match="extra_javascript"):
        markup_fixes.on_config(config)
    config.load_dict({"site_name": "t", "extra_javascript": []})
    config.validate()
    assert markup_fixes.on_config(config) is config
