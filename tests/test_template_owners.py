"""Markup with one owner in the templates: the phone link is written once, as the tel_link
macro in overrides/sitegen/partials/facts.html (the emergency number 112, spoken from the
UI strings, aside); every other template calls it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.unit

OVERRIDES = Path(__file__).resolve().parent.parent / "overrides"
TEL = re.compile(r'href="tel:(?!112")')


def tel_owners(root: Path) -> list[str]:
    return sorted(
        f"{p.relative_to(root)}:{n}"
        for p in root.rglob("*.html")
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if TEL.search(line)
    )


def test_the_phone_link_has_one_owner() -> None:
    owners = tel_owners(OVERRIDES)
    assert len(owners) == 1 and owners[0].startswith("sitegen/partials/facts.html:"), owners


def test_a_second_phone_link_is_found(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text('<a href="tel:{{ n }}">{{ n }}</a>\n', encoding="utf-8")
    (tmp_path / "b.html").write_text('<a href="tel:112">112</a>\n', encoding="utf-8")
    assert tel_owners(tmp_path) == ["a.html:1"]
