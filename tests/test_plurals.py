"""Counts in words: Babel's plural rules pick the form, and every counted
string of ui.yaml has a text for each plural category of its language."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from sitegen.base import plurals
from sitegen.base.plurals import count_text, missing_forms, plural_category

ROOT = Path(__file__).resolve().parent.parent
UI = yaml.safe_load((ROOT / "overrides/sitegen/ui.yaml").read_text(encoding="utf-8"))
COUNTED = {key: value for key, value in UI.items() if isinstance(value.get("lv"), dict)}


@pytest.mark.parametrize(
    ("count", "lv", "en"),
    [
        (0, "0 pakalpojumu", "0 services"),
        (1, "1 pakalpojums", "1 service"),
        (2, "2 pakalpojumi", "2 services"),
        (9, "9 pakalpojumi", "9 services"),
        (10, "10 pakalpojumu", "10 services"),
        (11, "11 pakalpojumu", "11 services"),
        (15, "15 pakalpojumu", "15 services"),
        (21, "21 pakalpojums", "21 services"),
        (22, "22 pakalpojumi", "22 services"),
        (111, "111 pakalpojumu", "111 services"),
    ],
)
def test_service_count_reads_right(count: int, lv: str, en: str) -> None:
    forms = COUNTED["service_count"]
    assert count_text(forms["lv"], count, "lv") == lv
    assert count_text(forms["en"], count, "en") == en


def test_latvian_categories_come_from_babel() -> None:
    assert [plural_category(n, "lv") for n in (0, 1, 2, 11, 21, 30)] == [
        "zero",
        "one",
        "other",
        "zero",
        "one",
        "zero",
    ]


def test_counted_strings_are_used_and_have_every_form() -> None:
    assert {"service_count", "level.hours", "level.visits.exact", "fee.level_hours"} <= set(COUNTED)
    problems = {
        (key, lang): missing
        for key, value in COUNTED.items()
        for lang in ("lv", "en")
        if (missing := missing_forms(value[lang], lang))
    }
    assert not problems, problems


def test_the_check_finds_a_missing_form() -> None:
    assert missing_forms({"one": "{count} pakalpojums", "other": "{count} pakalpojumi"}, "lv") == [
        "zero"
    ]
    assert missing_forms({"other": "{count} services"}, "en") == ["one"]
    with pytest.raises(KeyError):
        count_text({"one": "x", "other": "y"}, 10, "lv")


@pytest.mark.parametrize(
    ("count", "lv", "en"),
    [
        (1, "(un vēl 1 citā vietā)", "(and 1 other place)"),
        (2, "(un vēl 2 citās vietās)", "(and 2 other places)"),
        (10, "(un vēl 10 citās vietās)", "(and 10 other places)"),
        (21, "(un vēl 21 citā vietā)", "(and 21 other places)"),
    ],
)
def test_the_shortlist_counts_other_places_by_the_plural_rules(
    count: int, lv: str, en: str
) -> None:
    """The shortlist sheet's "and N other places" (widgets/print/shortlist-entry.html)."""
    forms = COUNTED["print.list.more_places"]
    assert count_text(forms["lv"], count, "lv") == lv
    assert count_text(forms["en"], count, "en") == en


def test_the_data_models_table_of_plural_categories_is_babels() -> None:
    """languages.PLURAL_CATEGORIES (counted texts in the data, validated without Babel)."""
    from sitegen.base.languages import PLURAL_CATEGORIES

    for lang, table in PLURAL_CATEGORIES.items():
        assert set(table) == plurals.categories(lang), lang
