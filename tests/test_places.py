"""Territory and finder data (data/places.yaml, data/finder.yaml, provider and service
areas): every rule with a fixture that breaks it, the message and the line asserted; and
the look-ups the pages are made from."""

from __future__ import annotations

from pathlib import Path

import pytest
from sitegen.checks.loader import load_data_dir
from sitegen.places.finder import Finder
from sitegen.places.territory import Territory

from conftest import edit, line_of

PROVIDER = "providers/test-provider.yaml"
PLACES = "places.yaml"
FINDER = "finder.yaml"


def errors_for(data: Path) -> list[str]:
    return [e.english_line for e in load_data_dir(data, display_root=data.parent).errors]


# (name, file, old text, new text, expected words in the message, text on the reported line)
CASES = [
    (
        "place id twice",
        PLACES,
        "  - id: test-county\n",
        "  - id: test-city\n    kind: city\n    name: {lv: A, en: A}\n  - id: test-county\n",
        "the place id `test-city` is used twice",
        "  - id: test-city",
    ),
    (
        "unknown place kind",
        PLACES,
        "kind: city",
        "kind: town",
        "must be one of: 'city', 'county', 'parish' or 'former-municipality'",
        "kind: town",
    ),
    (
        "within an unknown place",
        PLACES,
        "    within: test-county\n    name: {lv: Testa pagasts",
        "    within: test-conty\n    name: {lv: Testa pagasts",
        "there is no place with the id `test-conty`; did you mean `test-county`?",
        "within: test-conty",
    ),
    (
        "parish without its county",
        PLACES,
        "    kind: parish\n    within: test-county\n",
        "    kind: parish\n",
        "a parish must say which county it lies in: add `within: <county id>`",
        "kind: parish",
    ),
    (
        "parish within a city",
        PLACES,
        "    kind: parish\n    within: test-county\n",
        "    kind: parish\n    within: test-city\n",
        "a parish lies within a county; `test-city` is a city",
        "within: test-city",
    ),
    (
        "place within itself",
        PLACES,
        "    kind: county\n",
        "    kind: county\n    within: test-parish\n",
        "`test-county` would lie within itself (through `test-parish`)",
        "within: test-parish",
    ),
    (
        "provider area missing",
        PROVIDER,
        "  area: [test-city]\n",
        "",
        "the required field `area` is missing",
        "  id: test-provider",
    ),
    (
        "provider area empty",
        PROVIDER,
        "  area: [test-city]",
        "  area: []",
        "must list at least 1 item",
        "area: []",
    ),
    (
        "provider area unknown place",
        PROVIDER,
        "  area: [test-city]",
        "  area: [test-cty]",
        "there is no place with the id `test-cty`; did you mean `test-city`?",
        "area: [test-cty]",
    ),
    (
        "service area unknown place",
        PROVIDER,
        "    category: food\n",
        "    category: food\n    area: [nowhere]\n",
        "there is no place with the id `nowhere`",
        "area: [nowhere]",
    ),
    (
        "service area outside the provider's",
        PROVIDER,
        "    category: food\n",
        "    category: food\n    area: [test-parish]\n",
        "`test-parish` is outside the provider's area (`test-city`)",
        "area: [test-parish]",
    ),
    (
        "transition for a city",
        PLACES,
        "    in_county: test-county",
        "    in_county: test-city",
        "`test-city` is a city, not a county",
        "in_county: test-city",
    ),
    (
        "transition names a parish",
        PLACES,
        "former_municipalities: [test-former]",
        "former_municipalities: [test-parish]",
        "`test-parish` must be a former-municipality within `test-county` (it is a parish "
        "within `test-county`)",
        "former_municipalities: [test-parish]",
    ),
    (
        "transition source unknown provider",
        PLACES,
        "      provider: test-provider",
        "      provider: test-provder",
        "there is no provider with the id `test-provder`",
        "provider: test-provder",
    ),
    (
        "transition without its source text",
        PLACES,
        "      text: {lv: Avota teksts., en: Source text.}\n",
        "",
        "the required field `text` is missing",
        "      provider: test-provider",
    ),
    (
        "who answer twice",
        FINDER,
        "  - id: anyone\n",
        "  - id: older-person\n    name: {lv: A, en: A}\n  - id: anyone\n",
        "the who answer id `older-person` is used twice",
        "  - id: older-person",
    ),
    (
        "who answer unknown audience",
        FINDER,
        "audiences: [older-people, residents]",
        "audiences: [old-people, residents]",
        "there is no audience with the id `old-people`; did you mean `older-people`?",
        "audiences: [old-people, residents]",
    ),
    (
        "need unknown category",
        FINDER,
        "categories: [care-at-home]",
        "categories: [care-at-hom]",
        "there is no category with the id `care-at-hom`",
        "categories: [care-at-hom]",
    ),
    (
        "category in no need",
        FINDER,
        "categories: [food]",
        "categories: [care-at-home]",
        "the category `food` is in no need's `categories`",
        "needs:",
    ),
    (
        "two needs list the benefits",
        FINDER,
        "    categories: [care-at-home]\n",
        "    categories: [care-at-home]\n    benefits: true\n",
        "only one need may list the benefits",
        "    benefits: true",
    ),
    (
        "no need lists the benefits",
        FINDER,
        "    benefits: true\n",
        "",
        "no need lists the benefits",
        "needs:",
    ),
    (
        "benefit group without audiences",
        PROVIDER,
        "group: social-assistance",
        "group: municipal",
        "the benefit group `municipal` has no audiences here",
        "benefit_audiences:",
    ),
    (
        "benefit group twice",
        FINDER,
        "benefit_audiences:\n",
        "benefit_audiences:\n  - group: social-assistance\n    audiences: [residents]\n",
        "the benefit group `social-assistance` is given twice",
        "  - group: social-assistance",
    ),
    (
        "benefit audiences unknown",
        FINDER,
        "  - group: social-assistance\n    audiences: [residents]",
        "  - group: social-assistance\n    audiences: [residnts]",
        "there is no audience with the id `residnts`",
        "audiences: [residnts]",
    ),
]


@pytest.mark.parametrize(
    ("name", "file", "old", "new", "words", "line_text"), CASES, ids=[c[0] for c in CASES]
)
def test_rule(
    fixture_data: Path, name: str, file: str, old: str, new: str, words: str, line_text: str
) -> None:
    assert errors_for(fixture_data) == []  # the fixture is valid before the edit
    edit(fixture_data / file, old, new)
    errors = errors_for(fixture_data)
    matching = [e for e in errors if words in e]
    assert matching, f"expected an error with {words!r}, got {errors}"
    line = line_of(fixture_data / (FINDER if "benefit_audiences" in line_text else file), line_text)
    target = FINDER if line_text == "benefit_audiences:" else file
    assert any(e.startswith(f"data/{target}:{line}:") for e in matching), (errors, line)
    assert "Traceback" not in "\n".join(errors)


def test_missing_places_file_is_reported(fixture_data: Path) -> None:
    (fixture_data / PLACES).unlink()
    errors = errors_for(fixture_data)
    assert "data/places.yaml:1:1: this data file is missing" in errors


def test_every_problem_in_one_pass(fixture_data: Path) -> None:
    edit(fixture_data / PROVIDER, "  area: [test-city]", "  area: [nowhere]")
    edit(fixture_data / PLACES, "    in_county: test-county", "    in_county: test-city")
    edit(fixture_data / FINDER, "categories: [care-at-home]", "categories: [care]")
    errors = errors_for(fixture_data)
    files = {e.split(":", 1)[0] for e in errors}
    assert files == {f"data/{PROVIDER}", f"data/{PLACES}", f"data/{FINDER}"}, errors


# --- the look-ups ----------------------------------------------------------------------


def _loaded(data: Path):
    result = load_data_dir(data)
    assert result.errors == [] and result.data is not None, result.errors
    return result.data


def test_areas_cover_what_lies_inside(fixture_data: Path) -> None:
    edit(fixture_data / PROVIDER, "  area: [test-city]", "  area: [test-county]")
    edit(
        fixture_data / PROVIDER,
        "    category: food\n",
        "    category: food\n    area: [test-parish]\n",
    )
    territory = Territory(_loaded(fixture_data))
    # the service without an area serves its provider's, with all that lies inside
    assert territory.service_area("home-care") == ["test-county"]
    assert {p for p in territory.places if territory.service_covers("home-care", p)} == {
        "test-county",
        "test-parish",
        "test-former",
    }
    # a service of one parish serves that parish only, not the county around it
    assert {p for p in territory.places if territory.service_covers("food-packages", p)} == {
        "test-parish"
    }


def test_transition_rule_applies_in_the_county_and_its_former_municipalities(
    fixture_data: Path,
) -> None:
    territory = Territory(_loaded(fixture_data))
    applies = {p for p in territory.places if territory.transitions_for(p)}
    assert applies == {"test-county", "test-former", "test-parish"}
    assert territory.transitions_for("test-city") == []


def test_finder_matches_by_each_answer(fixture_data: Path) -> None:
    finder = Finder(_loaded(fixture_data))
    ids = lambda entries: {(e.kind, e.id) for e in entries}  # noqa: E731
    everything = {
        ("service", "home-care"),
        ("service", "food-packages"),
        ("benefit", "gmi-benefit"),
    }
    assert ids(finder.matching()) == everything
    assert ids(finder.matching(place="test-city")) == everything
    assert ids(finder.matching(place="test-county")) == set()
    assert ids(finder.matching(need="care")) == {("service", "home-care")}
    assert ids(finder.matching(need="food")) == {
        ("service", "food-packages"),
        ("benefit", "gmi-benefit"),
    }
    # home care is for older people; food packages and the benefit for all residents
    assert ids(finder.matching(who="older-person")) == everything
    edit(
        fixture_data / "finder.yaml",
        "audiences: [older-people, residents]",
        "audiences: [older-people]",
    )
    finder = Finder(_loaded(fixture_data))
    assert ids(finder.matching(who="older-person")) == {("service", "home-care")}
    assert ids(finder.matching(who="anyone")) == everything
