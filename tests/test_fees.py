"""The fee engine in Python: the shared case table, the breakdown, the build's fee rules, money."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import fee_cases as fx
import pytest
from sitegen.base.cents import round_cents
from sitegen.data.model import Fee
from sitegen.fees.fee_calculator import calculate
from sitegen.fees.fee_checks import MAX_DAYS, check_fee
from sitegen.fees.fee_rules import rules_json
from sitegen.text.money import format_money, money_symbols, parse_number

NBSP = "\u00a0"


# --- the case table ------------------------------------------------------------------


@pytest.mark.parametrize("case", fx.cases(), ids=lambda c: c["name"])
def test_case_table_in_python(case: dict[str, Any]) -> None:
    result = fx.python_result(case)
    assert result["total"] == case.get("total")
    assert result["errors"] == case.get("errors", {})
    if case.get("errors"):
        assert result["breakdown"] == []
    else:
        assert result["breakdown"], "a result always shows its working"


def test_case_table_covers_every_kind_language_and_error() -> None:
    cases = fx.cases()
    assert len(cases) >= 30
    assert len({c["name"] for c in cases}) == len(cases), "case names must be unique"
    kinds = {fx.item(c["fee"], c["item"], "lv")["kind"] for c in cases}
    assert kinds == {"per_unit", "first_and_next", "income_share", "daily_capped"}
    assert {c["lang"] for c in cases} == {"lv", "en"}
    codes = {code for c in cases for code in c.get("errors", {}).values()}
    assert codes == {"required", "number", "negative", "decimals", "whole", "max", "choose"}


# --- the working shown to people -------------------------------------------------------


@pytest.mark.parametrize(
    ("fee", "item", "lang", "inputs", "lines"),
    [
        (
            "injections-fee",
            "subcutaneous",
            "lv",
            {"quantity": "10"},
            [f"0,50{NBSP}€ + 9 × 0,15{NBSP}€ = 1,85{NBSP}€"],
        ),
        ("injections-fee", "intravenous", "en", {"quantity": "1"}, ["1 × €0.80 = €0.80"]),
        (
            "home-care-fee",
            "level-4",
            "lv",
            {"quantity": "12,5"},
            [f"12,5 × 2,50{NBSP}€ = 31,25{NBSP}€"],
        ),
        ("laundry-fee", "wash", "en", {"quantity": "1000"}, ["1,000 × €0.85 = €850.00"]),
        (
            "shelter-fee",
            "stay",
            "lv",
            {"income": "333,33", "absent": "no", "months": "5"},
            [f"25{NBSP}% × 333,33{NBSP}€ = 83,33{NBSP}€"],
        ),
        (
            "shelter-fee",
            "other-municipality",
            "en",
            {"quantity": "31"},
            ["31 × €9.23 = €286.13", "€286.13 is more than the monthly price, so you pay €280.59"],
        ),
        (
            "shelter-fee",
            "stay",
            "lv",
            # a justified absence frees the time away, not the month: the month's charge, at most
            {"absent": "yes", "months": "5", "income": "100"},
            [
                f"25{NBSP}% × 100,00{NBSP}€ = 25,00{NBSP}€",
                f"25,00{NBSP}€ ir maksa par visu mēnesi; par attaisnotās prombūtnes laiku nav "
                "jāmaksā, tāpēc maksa ir mazāka. Par cik, cenrādis nenosaka: jautājiet "
                "pakalpojuma sniedzējam.",
            ],
        ),
        (
            "shelter-fee",
            "stay",
            "en",
            {"absent": "no", "months": "2", "previous": "no"},
            [
                "Free of charge: Three months in a 12-month period, if the service was not "
                "received in the previous nine months."
            ],
        ),
    ],
)
def test_breakdown_lines(fee: str, item: str, lang: str, inputs: dict, lines: list[str]) -> None:
    case = {"fee": fee, "item": item, "lang": lang, "inputs": inputs}
    assert fx.python_result(case)["breakdown"] == lines


@pytest.mark.parametrize(
    ("fee", "item", "lang", "inputs", "message"),
    [
        ("home-care-fee", "level-4", "lv", {"quantity": "61"}, "Ne vairāk kā 60."),
        ("home-care-fee", "level-4", "en", {"quantity": "61"}, "Enter no more than 60."),
        ("laundry-fee", "wash", "en", {"quantity": "1001"}, "Enter no more than 1,000."),
        (
            "shelter-fee",
            "stay",
            "en",
            {"income": "2000000", "absent": "no", "months": "5"},
            "Enter no more than €1,000,000.00.",
        ),
        (
            "shelter-fee",
            "stay",
            "lv",
            {"income": "1", "absent": "no", "months": "13"},
            "Ne vairāk kā 12.",
        ),
        ("shelter-fee", "stay", "en", {"income": "1", "months": "5"}, "Choose an answer."),
        ("shelter-fee", "other-municipality", "lv", {"quantity": "40"}, "Ne vairāk kā 31."),
        ("home-care-fee", "level-4", "lv", {"quantity": "-1"}, "Skaitlis nevar būt negatīvs."),
        ("home-care-fee", "level-4", "en", {"quantity": "x"}, "Enter a number, like 12 or 12.5."),
        (
            "laundry-fee",
            "wash",
            "lv",
            {"quantity": "1,5"},
            "Ierakstiet veselu skaitli, piemēram, 3.",
        ),
    ],
)
def test_error_messages(fee: str, item: str, lang: str, inputs: dict, message: str) -> None:
    case = {"fee": fee, "item": item, "lang": lang, "inputs": inputs}
    result = fx.python_result(case)
    assert result["total"] is None
    assert list(result["messages"].values()) == [message]


# --- the rules the page carries ------------------------------------------------------------


def test_rules_json_resolves_care_levels_and_is_plain_json() -> None:
    rules = fx.rules("home-care-fee", "en")
    items = {i["id"]: i for i in rules["items"]}
    assert items["level-4"]["max_quantity"] == 60  # from the service's level 4
    assert items["level-4"]["input_max"] == 60
    assert items["level-4"]["decimals"] == 2
    assert items["level-1"]["level_hours"] == 16
    assert items["level-1"]["max_quantity"] is None
    assert items["level-2"]["amount"] == "13.20"
    assert items["level-3"]["label"] == "Level 3 care"
    assert rules["legal_basis"] == ["test-price-list"]
    assert rules["money"] == {"before": "€", "group": ",", "decimal": ".", "after": ""}
    assert json.loads(json.dumps(rules)) == rules


def test_rules_json_income_share_carries_exemptions_in_the_page_language() -> None:
    lv = {i["id"]: i for i in fx.rules("shelter-fee", "lv")["items"]}
    stay = lv["stay"]
    assert stay["percent"] == "25"
    assert stay["percent_text"] == "25\u00a0%"  # no-break space in Latvian
    assert stay["max_income"] == "1000000.00"
    assert [e["id"] for e in stay["exemptions"]] == ["three-months", "justified-absence"]
    assert stay["exemptions"][0]["label"].startswith("Trīs mēneši 12 mēnešu periodā")
    assert stay["exemptions"][0]["applies"] == {
        "justified_absence": False,
        "months_at_most": 3,
        "none_in_previous_months": 9,
    }
    assert stay["questions"] == ["absent", "months", "previous"]
    assert (stay["previous_months"], stay["months_max"]) == (9, 12)
    capped = lv["other-municipality"]
    assert (capped["daily"], capped["monthly"], capped["input_max"]) == ("9.23", "280.59", MAX_DAYS)


def test_rules_json_pending_text_falls_back_to_the_other_language() -> None:
    data = fx.raw()["fees"][2] | {"name": {"lv": "Veļas mazgāšana", "pending": "en"}}
    fee = Fee.model_validate(data)
    assert rules_json(fee, fx.services()["laundry"], "en", fx.units())["name"] == "Veļas mazgāšana"


def test_calculate_gives_exact_decimals() -> None:
    item = fx.item("shelter-fee", "stay", "lv")
    calc = calculate(item, {"income": "333,33", "absent": "no", "months": "4"}, "lv")
    assert calc.total == Decimal("83.33")
    assert calc.steps[0]["income"] == Decimal("333.33")


# --- check_fee: every rule with a fee that breaks it ----------------------------------------


def _fee(fee_id: str, **changes: Any) -> dict[str, Any]:
    return json.loads(
        json.dumps(fx.raw()["fees"][[f["id"] for f in fx.raw()["fees"]].index(fee_id)] | changes)
    )


def _check(data: dict[str, Any], service: str | None = "default") -> list[tuple[tuple, str]]:
    fee = Fee.model_validate(data)
    svc = (
        None if service is None else fx.services()[fee.service if service == "default" else service]
    )
    return [(path, msg.en) for path, msg in check_fee(fee, svc)]


def test_fixture_fees_pass() -> None:
    for fee in fx.fees().values():
        assert check_fee(fee, fx.services()[fee.service]) == [], fee.id


def test_item_ids_unique() -> None:
    data = _fee("injections-fee")
    data["items"][1]["id"] = "subcutaneous"
    assert _check(data) == [
        (("items", 1, "id"), "the id `subcutaneous` is used twice in this fee's items")
    ]


def test_exemption_ids_unique() -> None:
    data = _fee("shelter-fee")
    data["exemptions"][1]["id"] = "three-months"
    assert _check(data) == [
        (("exemptions", 1, "id"), "the id `three-months` is used twice in this fee's exemptions")
    ]


def test_care_level_must_exist_in_the_service() -> None:
    data = _fee("home-care-fee")
    data["items"][3]["level"] = 5
    problems = dict(_check(data))
    assert problems[("items", 3, "level")] == (
        "care level 5 is not one of the levels of the service `home-care` (its levels: 1, 2, 3, 4)"
    )
    assert problems[("items",)] == (
        "the service `home-care` has care level 4 but this fee has no price for it"
    )


def test_every_service_level_needs_a_price() -> None:
    data = _fee("home-care-fee")
    del data["items"][1:3]
    assert _check(data) == [
        (
            ("items",),
            "the service `home-care` has care levels 2, 3 but this fee has no price for them",
        )
    ]


def test_care_level_priced_once() -> None:
    data = _fee("home-care-fee")
    data["items"][2]["level"] = 2
    problems = dict(_check(data))
    assert problems[("items", 2, "level")] == "care level 2 has two prices in this fee"


def test_care_level_only_on_monthly_or_hourly_prices() -> None:
    data = _fee("home-care-fee")
    data["items"][0]["rule"] = {
        "kind": "first_and_next",
        "first": "8.80",
        "next": "1.00",
        "unit": "use",
    }
    assert _check(data) == [
        (
            ("items", 0, "level"),
            "a care level can only be set on a price per month or per hour "
            "(kind: per_unit, unit: month or hour)",
        )
    ]


def test_monthly_prices_rise_with_the_level() -> None:
    data = _fee("home-care-fee")
    data["items"][2]["rule"]["amount"] = "13.20"
    assert _check(data) == [
        (
            ("items", 2, "rule", "amount"),
            "prices must rise with the care level: level 3 costs 13.20 a month, level 2 already 13.20",
        )
    ]


def test_hourly_care_level_takes_its_limit_from_the_service() -> None:
    data = _fee("home-care-fee")
    data["items"][3]["rule"]["max_quantity"] = 60
    assert _check(data) == [
        (
            ("items", 3, "rule", "max_quantity"),
            "leave out max_quantity: the monthly hours limit of care level 4 is taken from the "
            "service's levels (max_hours_per_month)",
        )
    ]


def test_daily_capped_monthly_not_below_a_day() -> None:
    data = _fee("shelter-fee")
    data["items"][1]["rule"] = {"kind": "daily_capped", "daily": "280.59", "monthly": "9.23"}
    assert _check(data) == [
        (
            ("items", 1, "rule", "monthly"),
            "the monthly price 9.23 is less than one day (280.59); check that the two amounts "
            "are not swapped",
        )
    ]


def test_daily_capped_monthly_reached_within_a_month() -> None:
    data = _fee("shelter-fee")
    data["items"][1]["rule"]["monthly"] = "286.14"  # 31 × 9.23 = 286.13
    assert _check(data) == [
        (
            ("items", 1, "rule", "monthly"),
            "the monthly price 286.14 is more than a full month at the daily rate "
            "(31 × 9.23 = 286.13), so it could never apply; check the amounts",
        )
    ]
    data["items"][1]["rule"]["monthly"] = "286.13"
    assert _check(data) == []


def test_first_and_next_next_not_above_first() -> None:
    data = _fee("injections-fee")
    data["items"][0]["rule"]["next"] = "0.51"
    assert _check(data) == [
        (
            ("items", 0, "rule", "next"),
            "each next injection (0.51) must not cost more than the first (0.50); check that the "
            "two amounts are not swapped",
        )
    ]


def test_exemptions_only_with_a_share_of_income() -> None:
    data = _fee(
        "laundry-fee", exemptions=[{"id": "free", "text": {"lv": "Bez maksas", "en": "Free"}}]
    )
    assert _check(data) == [
        (
            ("exemptions",),
            "exemptions make a share of income free, but this fee has no price that is a share of "
            "income (kind: income_share); move the exemptions or remove them",
        )
    ]


def test_max_quantity_zero() -> None:
    data = _fee("laundry-fee")
    data["items"][0]["rule"]["max_quantity"] = 0
    assert _check(data) == [
        (
            ("items", 0, "rule", "max_quantity"),
            "max_quantity 0 would allow no use at all; leave it out when there is no limit",
        )
    ]


def test_without_the_service_only_service_free_rules_run() -> None:
    data = _fee("home-care-fee")
    data["items"][3]["level"] = 9  # needs the service to be found wrong
    data["items"][3]["rule"]["max_quantity"] = 60  # wrong whatever the service
    assert [path for path, _ in _check(data, service=None)] == [
        ("items", 3, "rule", "max_quantity")
    ]


# --- money -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "lv", "en"),
    [
        ("8.80", f"8,80{NBSP}€", "€8.80"),
        ("0", f"0,00{NBSP}€", "€0.00"),
        ("280.59", f"280,59{NBSP}€", "€280.59"),
        ("1234.5", f"1{NBSP}234,50{NBSP}€", "€1,234.50"),
        ("0.005", f"0,01{NBSP}€", "€0.01"),
    ],
)
def test_format_money(amount: str, lv: str, en: str) -> None:
    assert format_money(Decimal(amount), "lv") == lv
    assert format_money(Decimal(amount), "en") == en
    assert format_money(amount, "en") == en  # the rules carry amounts as text


def test_money_symbols_rebuild_format_money() -> None:
    for lang in ("lv", "en"):
        s = money_symbols(lang)
        assert f"{s['before']}12{s['group']}345{s['decimal']}67{s['after']}" == format_money(
            Decimal("12345.67"), lang
        )


@pytest.mark.parametrize(
    ("value", "rounded"),
    [
        ("0.005", "0.01"),
        ("0.0049", "0.00"),
        ("2.675", "2.68"),
        ("83.3325", "83.33"),
        ("1.995", "2.00"),
    ],
)
def test_round_cents_half_up(value: str, rounded: str) -> None:
    assert round_cents(Decimal(value)) == Decimal(rounded)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("12,5", "lv", (Decimal("12.5"), None)),
        ("12.5", "lv", (Decimal("12.5"), None)),
        (f"1{NBSP}000,50 €", "lv", (Decimal("1000.50"), None)),
        ("1,000.50", "en", (Decimal("1000.50"), None)),
        ("12,5", "en", (None, "number")),
        ("1,00", "en", (None, "number")),
        ("", "lv", (None, "required")),
        ("€", "en", (None, "required")),
        ("-0,5", "lv", (None, "negative")),
        ("-x", "lv", (None, "number")),
        ("0,125", "lv", (None, "decimals")),
        ("1e3", "en", (None, "number")),
        ("١٢", "en", (None, "number")),  # only the digits 0-9, as in the widget
    ],
)
def test_parse_number(text: str, lang: str, expected: tuple) -> None:
    assert parse_number(text, lang) == expected
