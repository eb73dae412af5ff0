"""The editorial rules (hooks/sitegen/checks/editorial.py): the default data keeps every one, and a
fixture that breaks a rule is caught, saying where and what to write instead.

The fixtures are the small fixture site's data (tests/fixtures/site/data) with one text
changed the way the content review of issue 22 found it in the real data: a soup kitchen
tagged "needy and low-income" while its eligibility says "needy persons", a benefit with a
price, "aizvadītajā gadā" copied from the 2017 report, "Direktors" for a woman, and a need
named otherwise than its category.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sitegen.checks import editorial
from sitegen.checks.loader import load_data_dir
from sitegen.data.sitedata import SiteData

from conftest import edit
from testsupport.data import DATA_DIR

PROVIDER = Path("providers") / "test-provider.yaml"


def _load(data_dir: Path) -> SiteData:
    result = load_data_dir(data_dir)
    assert result.data is not None, result.errors
    return result.data


def test_the_default_data_keeps_every_editorial_rule() -> None:
    assert editorial.check(_load(DATA_DIR)) == []


def test_the_fixture_data_keeps_the_rules_it_is_not_made_to_break(fixture_data: Path) -> None:
    # the fixture's need "Aprūpe" is one category "Aprūpe mājās": named to match it here, so
    # each test below starts from data that keeps every rule
    edit(
        fixture_data / "finder.yaml",
        "{lv: Aprūpe, en: Care}",
        "{lv: Aprūpe mājās, en: Care at home}",
    )
    edit(
        fixture_data / "finder.yaml",
        "{lv: Pārtika un pabalsti, en: Food and benefits}",
        "{lv: Pārtika, en: Food}",
    )
    assert editorial.check(_load(fixture_data)) == []


@pytest.fixture
def clean(fixture_data: Path) -> Path:
    edit(
        fixture_data / "finder.yaml",
        "{lv: Aprūpe, en: Care}",
        "{lv: Aprūpe mājās, en: Care at home}",
    )
    edit(
        fixture_data / "finder.yaml",
        "{lv: Pārtika un pabalsti, en: Food and benefits}",
        "{lv: Pārtika, en: Food}",
    )
    return fixture_data


def _tag_food_packages_needy_and_low_income(data: Path, eligibility: str) -> None:
    edit(
        data / "vocabulary.yaml",
        "abbreviations:",
        "  - id: low-income-households\n"
        "    name: {lv: Trūcīgas un maznodrošinātas ģimenes, en: Needy and low-income families}\n"
        '    named_by: ["trūcīg*", "maznodrošināt*"]\n'
        "abbreviations:",
    )
    edit(
        data / PROVIDER,
        "    audiences: [residents]\n    name: {lv: Pārtikas pakas, en: Food packages}",
        "    audiences: [low-income-households]\n"
        "    name: {lv: Pārtikas pakas, en: Food packages}\n"
        f"    eligibility: {eligibility}",
    )


def test_an_audience_wider_than_who_may_get_it_is_caught(clean: Path) -> None:
    # the seed gives "needy persons" (trūcīgās personas); the tag says needy AND low-income
    _tag_food_packages_needy_and_low_income(clean, "{lv: Trūcīgās personas., en: Needy persons.}")
    found = editorial.audience_wider_than_eligibility(_load(clean))
    assert len(found) == 1, found
    where, reason = found[0]
    assert where == "data/providers/test-provider.yaml services[1] (food-packages) audiences"
    assert "low-income-households" in reason and "maznodrošināt*" in reason
    assert "trūcīg*" not in reason.split("does not name")[1]  # that one the text does name


def test_an_audience_the_eligibility_names_passes(clean: Path) -> None:
    _tag_food_packages_needy_and_low_income(
        clean,
        "{lv: Trūcīgas un maznodrošinātas ģimenes., en: Needy and low-income families.}",
    )
    assert editorial.audience_wider_than_eligibility(_load(clean)) == []


def test_a_benefit_with_a_price_is_caught(clean: Path) -> None:
    edit(
        clean / PROVIDER,
        "    audiences: [older-people]\n",
        "    audiences: [older-people]\n    benefit: true\n",
    )
    found = editorial.benefit_with_a_fee(_load(clean))
    assert found == [
        (
            "data/providers/test-provider.yaml fees[0] (home-care-fee)",
            "the service “home-care” is a benefit (benefit: true) and has no price: remove the "
            "fee or the flag",
        )
    ]


@pytest.mark.parametrize(
    ("lv", "en", "caught"),
    [
        (
            "Aizvadītajā gadā pabalstu saņēma 10 ģimenes.",
            "In 2017, 10 families got it.",
            "Aizvadītajā gadā (lv)",
        ),
        (
            "2017. gadā pabalstu saņēma 10 ģimenes.",
            "Last year 10 families got it.",
            "Last year (en)",
        ),
        (
            "Pagājušajā gadā pieteikti 3 iedzīvotāji.",
            "In 2017, 3 residents applied.",
            "Pagājušajā gadā (lv)",
        ),
    ],
)
def test_a_relative_year_from_a_dated_report_is_caught(
    clean: Path, lv: str, en: str, caught: str
) -> None:
    with (clean / "reports" / "test-report.yaml").open("a", encoding="utf-8") as handle:
        handle.write(
            f'sections:\n  - heading: {{lv: Pabalsti, en: Benefits}}\n    body: {{lv: "{lv}", en: "{en}"}}\n'
        )
    found = editorial.relative_time_words(_load(clean))
    assert len(found) == 1, found
    where, reason = found[0]
    word, lang = caught.rsplit(" ", 1)
    assert where == f"data/reports/test-report.yaml sections[0].body {lang}"  # lang: "(lv)"
    assert f"“{word}”" in reason and "write the year" in reason


def test_the_year_written_out_passes(clean: Path) -> None:
    with (clean / "reports" / "test-report.yaml").open("a", encoding="utf-8") as handle:
        handle.write(
            "sections:\n  - heading: {lv: Pabalsti, en: Benefits}\n"
            "    body: {lv: 2017. gadā to saņēma 10 ģimenes., en: In 2017 10 families got it.}\n"
        )
    assert editorial.relative_time_words(_load(clean)) == []


def _head(data: Path, name: str, role: str, label: str) -> None:
    edit(
        data / PROVIDER,
        "  locations: [test-office]\n  contacts:\n    phones:\n      - number: 64607194\n",
        f"  head:\n    name: {name}\n    role: {{lv: {role}, en: Director}}\n"
        "  locations: [test-office]\n  contacts:\n    phones:\n      - number: 64607194\n"
        f"        label: {{lv: {label}, en: Director}}\n",
    )


def test_a_masculine_title_for_a_named_woman_is_caught(clean: Path) -> None:
    _head(clean, "Liana Teirumnieks", "Direktors", "Direktors")
    found = editorial.masculine_title_of_a_woman(_load(clean))
    assert found == [
        (
            "data/providers/test-provider.yaml provider.head role",
            "Liana Teirumnieks is a woman: write “Direktore”, not “Direktors”",
        ),
        (
            "data/providers/test-provider.yaml provider.head phone label",
            "Liana Teirumnieks is a woman: write “Direktore”, not “Direktors”",
        ),
    ]


@pytest.mark.parametrize(
    ("name", "role", "label"),
    [
        ("Liana Teirumnieks", "Direktore", "Direktore"),
        ("Rita Germa", "Aprūpes mājās biroja vadītāja", "Vadītāja"),
        ("Gunārs Arbidāns", "Sociālā dienesta vadītājs", "Vadītājs"),  # a man: masculine
    ],
)
def test_a_title_that_agrees_with_the_name_passes(
    clean: Path, name: str, role: str, label: str
) -> None:
    _head(clean, name, role, label)
    assert editorial.masculine_title_of_a_woman(_load(clean)) == []


def test_a_need_named_otherwise_than_its_category_is_caught(fixture_data: Path) -> None:
    # the fixture as it is: need "care" (one category, care-at-home) is "Aprūpe" / "Care",
    # the directory's category "Aprūpe mājās" / "Care at home"
    edit(
        fixture_data / "finder.yaml",
        "{lv: Pārtika un pabalsti, en: Food and benefits}",
        "{lv: Pārtika, en: Food}",
    )
    found = editorial.need_names_differ_from_categories(_load(fixture_data))
    assert [where for where, _ in found] == [
        "data/finder.yaml needs[0] (care) name.lv",
        "data/finder.yaml needs[0] (care) name.en",
    ]
    assert (
        "“Aprūpe” is the category “care-at-home”, which the directory calls “Aprūpe mājās”"
        in found[0][1]
    )
