"""Phone numbers (hooks/sitegen/base/phones.py) and a text's language fallback (types.Text)."""

from __future__ import annotations

import pytest
from sitegen.base.phones import PHONE_IN_TEXT, display_phone, national_number, pairs, to_e164
from sitegen.data.field_types import Text


@pytest.mark.parametrize(
    ("written", "e164"),
    [
        ("64607194", "+37164607194"),
        ("+371 64607194", "+37164607194"),
        ("29 12 34 56", "+37129123456"),
        ("6460719", None),  # seven digits
        ("+49 30 1234567", None),  # valid, but not Latvian
        ("phone", None),
    ],
)
def test_to_e164(written: str, e164: str | None) -> None:
    assert to_e164(written) == e164


def test_display_and_spoken_groups_are_the_same_pairs() -> None:
    assert display_phone("+37164607194") == "64 60 71 94"
    assert national_number("+37164607194") == ("371", "64607194")
    assert pairs("64607194") == ["64", "60", "71", "94"]
    assert display_phone("+371112") == "112"  # not eight digits: shown as it is
    with pytest.raises(ValueError):
        national_number("not a number")


def test_phones_are_found_in_text() -> None:
    text = "Zvaniet 64607194 vai +371 29 12 34 56; konts 1234567890, LV-4601, 2017. gadā."
    assert [m.group() for m in PHONE_IN_TEXT.finditer(text)] == [
        "64607194",
        "+371 29 12 34 56",
    ]


def test_a_pending_text_falls_back_to_the_other_language() -> None:
    both = Text(lv="Aprūpe", en="Care")
    waiting = Text(lv="Aprūpe", pending="en")
    assert (both.in_language("lv"), both.in_language("en")) == ("Aprūpe", "Care")
    assert waiting.in_language("en") == "Aprūpe"
    assert Text(en="Care", pending="lv").in_language("lv") == "Care"
