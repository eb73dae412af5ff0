"""What officers meet and the model now holds (issue 23): a price per kilometre, trip or visit
from the units of data/vocabulary.yaml, a fee whose decision has no published number yet,
season dates shown with the hours, and "checked on" in the Latvian locative.

The rules are shown failing on the fixture data (an unknown unit, a built-in unit removed, a
limit without a plural form, a fee with both or neither legal basis); one fixture build shows
the pages residents read.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest
from number_survival import page_text
from sitegen.checks.loader import load_data_dir
from sitegen.data.sitedata import SiteData
from sitegen.fees.fee_rules import rules_json
from sitegen.pages.page_context import PageContext

from conftest import ROOT, edit, line_of

PROVIDER = "providers/test-provider.yaml"
KM_PRICE = """      - id: transport
        label: {lv: Transports, en: Transport}
        rule: {kind: per_unit, amount: 0.30, unit: km, max_quantity: 100}
benefits:"""
PENDING = """    legal_basis_pending:
      lv: Domes 2026. gada 27. novembra lēmums
      en: The council's decision of 27 November 2026
    items:"""


def _errors(data: Path) -> list[tuple[int, str, str]]:
    return [
        (e.line, e.code, e.message) for e in load_data_dir(data, display_root=data.parent).errors
    ]


def _data(data: Path) -> SiteData:
    result = load_data_dir(data)
    assert result.data is not None, [str(e) for e in result.errors]
    return result.data


# --- units ------------------------------------------------------------------------------


def test_a_price_per_kilometre_carries_its_units_words(fixture_data: Path) -> None:
    edit(fixture_data / PROVIDER, "benefits:", KM_PRICE)
    data = _data(fixture_data)
    fee = data.fees["home-care-fee"][0]
    service = data.services[fee.service][0]
    for lang, per, spoken, quantity in (
        ("lv", "par km", "par kilometru", "Kilometru skaits"),
        ("en", "per km", "per kilometre", "Number of kilometres"),
    ):
        [item] = [
            i for i in rules_json(fee, service, lang, data.units)["items"] if i["id"] == "transport"
        ]
        assert (item["per"], item["per_spoken"], item["quantity"]) == (per, spoken, quantity)
        assert item["decimals"] == 2 and item["max_quantity"] == 100
        assert "{max}" in item["limit"]["other"]


def test_an_unknown_unit_is_refused_at_its_line(fixture_data: Path) -> None:
    edit(fixture_data / PROVIDER, "benefits:", KM_PRICE.replace("unit: km", "unit: kilometre"))
    line = line_of(fixture_data / PROVIDER, "unit: kilometre")
    found = _errors(fixture_data)
    assert (line, "id.unknown") in [(ln, code) for ln, code, _ in found], found
    assert any("there is no unit of measure with the id `kilometre`" in m for _, _, m in found)


def test_an_editor_adds_a_unit_in_the_vocabulary(fixture_data: Path) -> None:
    with (fixture_data / "vocabulary.yaml").open("a", encoding="utf-8") as handle:
        handle.write(
            "  - id: session\n"
            "    per: {lv: par nodarbību, en: a session}\n"
            "    quantity: {lv: Nodarbību skaits, en: Number of sessions}\n"
        )
    edit(fixture_data / PROVIDER, "benefits:", KM_PRICE.replace("unit: km", "unit: session"))
    data = _data(fixture_data)
    fee = data.fees["home-care-fee"][0]
    rules = rules_json(fee, data.services[fee.service][0], "lv", data.units)
    [item] = [i for i in rules["items"] if i["id"] == "transport"]
    assert (item["per"], item["limit"], item["decimals"]) == ("par nodarbību", None, 0)


def test_the_units_the_calculation_names_must_stay(fixture_data: Path) -> None:
    text = (fixture_data / "vocabulary.yaml").read_text(encoding="utf-8")
    start = text.index("  - id: day\n")
    end = text.index("  - id: ", start + 1)
    (fixture_data / "vocabulary.yaml").write_text(text[:start] + text[end:], encoding="utf-8")
    found = _errors(fixture_data)
    assert any(code == "unit.builtin" and "`day`" in m for _, code, m in found), found


def test_a_limit_needs_every_plural_form(fixture_data: Path) -> None:
    edit(
        fixture_data / "vocabulary.yaml",
        'lv: {zero: "līdz {max} km mēnesī", one: "līdz {max} km mēnesī", other',
        'lv: {one: "līdz {max} km mēnesī", other',
    )
    found = _errors(fixture_data)
    assert any(code == "counted.forms" and "zero, one, other" in m for _, code, m in found), found


# --- a fee whose decision has no published number yet ------------------------------------


def test_a_fee_with_its_decision_pending(fixture_data: Path) -> None:
    edit(fixture_data / PROVIDER, "    legal_basis: [decision-1]\n    items:", PENDING)
    data = _data(fixture_data)
    fee = data.fees["home-care-fee"][0]
    rules = rules_json(fee, data.services[fee.service][0], "en", data.units)
    assert rules["legal_basis"] == []
    assert rules["legal_basis_pending"] == "The council's decision of 27 November 2026"


def test_a_fee_has_one_legal_basis(fixture_data: Path) -> None:
    edit(
        fixture_data / PROVIDER,
        "    legal_basis: [decision-1]\n    items:",
        "    legal_basis: [decision-1]\n" + PENDING,
    )
    found = _errors(fixture_data)
    assert any(code == "legal_basis_both" for _, code, _ in found), found


# --- dates as sentences write them ---------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "start", "end", "expected"),
    [
        ("lv", "11-01", "03-31", "no 1. novembra līdz 31. martam"),
        ("en", "11-01", "03-31", "1 November to 31 March"),
        ("lv", "04-01", "10-31", "no 1. aprīļa līdz 31. oktobrim"),
    ],
)
def test_season_days(lang: str, start: str, end: str, expected: str) -> None:
    from sitegen.data.calendar_file import SeasonDates

    ctx = PageContext(_data(ROOT / "tests" / "fixtures" / "site" / "data"), lang, "", _ui())
    assert ctx.season_days(SeasonDates(start=start, end=end)) == expected


def test_checked_on_reads_in_the_locative() -> None:
    data = _data(ROOT / "tests" / "fixtures" / "site" / "data")
    assert PageContext(data, "lv", "", _ui()).date("2026-12-05", "loc") == "2026. gada 5. decembrī"
    assert PageContext(data, "en", "", _ui()).date("2026-12-05", "loc") == "5 December 2026"
    assert PageContext(data, "lv", "", _ui()).date("2026-12-05") == "2026. gada 5. decembris"


def _ui() -> dict[str, dict[str, str]]:
    import yaml

    return yaml.safe_load((ROOT / "overrides" / "sitegen" / "ui.yaml").read_text("utf-8"))


# --- the pages residents read --------------------------------------------------------------


def test_the_pages_show_the_new_facts(
    tmp_path: Path, fixture_data: Path, sites: ModuleType
) -> None:
    edit(fixture_data / PROVIDER, "benefits:", KM_PRICE)
    edit(fixture_data / PROVIDER, "    legal_basis: [decision-1]\n    items:", PENDING)
    edit(
        fixture_data / PROVIDER,
        "      season: {lv: ziemā, en: in winter}\n",
        '      season: {lv: ziemā, en: in winter}\n      season_dates: {start: "11-01", end: "03-31"}\n',
    )
    edit(
        fixture_data / PROVIDER,
        "  area: [test-city]\n",
        "  area: [test-city]\n  checked: 2026-11-30\n",
    )
    run = sites.build(sites.make_project(tmp_path / "project", fixture_data))
    assert run.returncode == 0, run.output
    lv = page_text(run.site / "services" / "home-care" / "index.html")
    en = page_text(run.site / "en" / "services" / "home-care" / "index.html")
    assert "0,30 € par km, līdz 100 km mēnesī" in lv
    assert "€0.30 per km, up to 100 km a month" in en
    assert "Domes 2026. gada 27. novembra lēmums (lēmuma numurs šeit vēl nav publicēts)" in lv
    assert (
        "The council's decision of 27 November 2026 (the decision's number is not yet published here)"
        in en
    )
    html = (run.site / "services" / "home-care" / "index.html").read_text(encoding="utf-8")
    assert 'data-speak="par kilometru">par km</span>' in html
    provider_lv = page_text(run.site / "providers" / "test-provider" / "index.html")
    provider_en = page_text(run.site / "en" / "providers" / "test-provider" / "index.html")
    assert "ziemā (no 1. novembra līdz 31. martam)" in provider_lv
    assert "in winter (1 November to 31 March)" in provider_en
    assert "Ar iestādi pārbaudīts 2026. gada 30. novembrī." in provider_lv
