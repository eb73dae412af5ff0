"""schema.org JSON-LD (sitegen/jsonld.py): every provider and service page of the built
site carries JSON-LD that parses (extruct) and says what the data says: the provider's
opening hours session by session, the service's provider, area, audience and every price."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import extruct
import pytest
from sitegen import jsonld
from sitegen.loader import load_data_dir
from sitegen.page_context import load_ui_strings

ROOT = Path(__file__).resolve().parent.parent
DATA = load_data_dir(ROOT / "data").data
UI = load_ui_strings(ROOT / "overrides/sitegen/ui.yaml")
LANGS = {"lv": "", "en": "en/"}


def page_jsonld(site: Path, path: str) -> list[dict]:
    html = (site / path / "index.html").read_text("utf-8")
    return extruct.extract(html, syntaxes=["json-ld"], uniform=True)["json-ld"]


def data_prices(service_id: str) -> list[Decimal]:
    prices = []
    for fee, _ in DATA.fees.values():
        if fee.service == service_id:
            for item in fee.items:
                for field in ("amount", "first", "next", "daily", "monthly"):
                    if hasattr(item.rule, field):
                        prices.append(getattr(item.rule, field))
    return sorted(prices)


def ld_prices(obj: dict) -> list[Decimal]:
    return sorted(
        Decimal(spec["price"])
        for offer in obj.get("offers", [])
        for spec in offer.get("priceSpecification", [])
    )


@pytest.mark.parametrize("lang", LANGS)
def test_service_pages_jsonld_equals_the_data(default_site, lang):
    for sid, (service, pid) in DATA.services.items():
        found = page_jsonld(default_site, f"{LANGS[lang]}services/{sid}")
        assert len(found) == 1, sid
        obj = found[0]
        assert obj["@type"] == "GovernmentService"
        assert obj["name"] == service.name.in_language(lang)
        provider = DATA.providers[pid].provider
        assert obj["provider"]["name"] == provider.name.in_language(lang)
        assert [a["audienceType"] for a in obj["audience"]] == [
            DATA.audiences[a].name.in_language(lang) for a in service.audiences
        ]
        # the places of data/places.yaml the service serves (its own area or its provider's)
        area = service.area or provider.area
        names = {pl.id: pl.name.in_language(lang) for pl in DATA.places.places}
        assert [a["name"] for a in obj["areaServed"]] == [names[pl] for pl in area], sid
        assert ld_prices(obj) == data_prices(sid), sid
        for offer in obj.get("offers", []):
            for spec in offer.get("priceSpecification", []):
                assert spec["@type"] == "UnitPriceSpecification"
                assert spec["priceCurrency"] == "EUR"


@pytest.mark.parametrize("lang", LANGS)
def test_provider_pages_jsonld_has_the_opening_hours(default_site, lang):
    for pid, pf in DATA.providers.items():
        (obj,) = page_jsonld(default_site, f"{LANGS[lang]}providers/{pid}")
        assert obj["@type"] == "GovernmentOffice"
        assert obj["name"] == pf.provider.name.in_language(lang)
        expected = jsonld.opening_hours(pf.provider.hours[0]) if pf.provider.hours else []
        assert obj.get("openingHoursSpecification", []) == expected
    (city,) = page_jsonld(default_site, f"{LANGS[lang]}providers/rezekne-city-social-service")
    sessions = [(h["opens"], h["closes"]) for h in city["openingHoursSpecification"]]
    assert sessions == [("08:00", "12:00"), ("12:30", "16:30")]  # the lunch break splits the day
    assert city["openingHoursSpecification"][0]["dayOfWeek"][0] == "https://schema.org/Monday"


def test_the_price_check_fails_on_a_wrong_price():
    obj = jsonld.service_jsonld(DATA, "home-care", "en", UI)
    assert ld_prices(obj) == data_prices("home-care")
    obj["offers"][0]["priceSpecification"][0]["price"] = "8.81"
    assert ld_prices(obj) != data_prices("home-care")


def test_script_json_cannot_end_its_script_element():
    text = jsonld.script_json({"name": "</script><script>alert(1)</script> & more"})
    assert "<" not in text and ">" not in text and "&" not in text
