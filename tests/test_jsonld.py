"""schema.org JSON-LD (sitegen/publish/jsonld.py): every provider and service page of the built
site carries JSON-LD that parses (extruct) and says what the data says: the provider's
opening hours session by session and its holiday exceptions (compared with an independent
reading of the calendar), the service's provider, area, audience and every price."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import extruct
import pytest
from sitegen.base.languages import hhmm
from sitegen.checks.loader import load_data_dir
from sitegen.data import model
from sitegen.hours import opening
from sitegen.hours.calendar_lv import LatvianCalendar
from sitegen.publish import jsonld
from sitegen.text.ui_strings import load_ui_strings

from testsupport.data import DATA_DIR

ROOT = Path(__file__).resolve().parent.parent
DATA = load_data_dir(DATA_DIR).data
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
    assert sessions == office_sessions()  # the lunch break splits the day
    assert city["openingHoursSpecification"][0]["dayOfWeek"][0] == "https://schema.org/Monday"


def test_the_price_check_fails_on_a_wrong_price():
    obj = jsonld.service_jsonld(DATA, "home-care", "en", UI)
    assert ld_prices(obj) == data_prices("home-care")
    obj["offers"][0]["priceSpecification"][0]["price"] = "8.81"
    assert ld_prices(obj) != data_prices("home-care")


def test_script_json_cannot_end_its_script_element():
    text = jsonld.script_json({"name": "</script><script>alert(1)</script> & more"})
    assert "<" not in text and ">" not in text and "&" not in text


# --- holiday exceptions (specialOpeningHoursSpecification) -------------------------------

CITY = "rezekne-city-social-service"  # a Mon–Fri office with a lunch break; holidays closed


def office_sessions(provider_id: str = CITY) -> list[tuple[str, str]]:
    """The office's working day as the data gives it (its first hours, one lunch break):
    [(open, break start), (break end, close)]."""
    (day,) = DATA.providers[provider_id].provider.hours[0].hours
    assert day.days == ["mon", "tue", "wed", "thu", "fri"] and len(day.breaks) == 1, (
        "the reading below is for a Mon–Fri office with one lunch break"
    )
    (lunch,) = day.breaks
    return [(hhmm(day.open), hhmm(lunch.start)), (hhmm(lunch.end), hhmm(day.close))]


def hour_earlier(time: str) -> str:
    hours, minutes = map(int, time.split(":"))
    return f"{hours - 1:02d}:{minutes:02d}"


def expected_exceptions(provider_id: str, first: dt.date, last: dt.date) -> dict[str, list]:
    """An independent reading of the calendar for a Mon–Fri office with a lunch break: a
    holiday or moved day off on a weekday is closed, the day before a holiday closes an hour
    earlier (unless the provider's rule says not), a moved working Saturday keeps the
    weekday's hours."""
    cal = LatvianCalendar(DATA.calendar)
    shorten = cal.shortening(provider_id) == "one-hour-earlier"
    usual = office_sessions(provider_id)
    shorter = [usual[0], (usual[1][0], hour_earlier(usual[1][1]))]
    out: dict[str, list] = {}
    day = first
    while day <= last:
        info = cal.day(day)
        weekday = day.weekday() < 5
        if info.kind in ("holiday", "moved_off") and weekday:
            out[day.isoformat()] = [("00:00", "00:00")]
        elif info.kind == "moved_work":
            out[day.isoformat()] = shorter if info.shortened and shorten else usual
        elif info.shortened and shorten and weekday:
            out[day.isoformat()] = shorter
        day += dt.timedelta(days=1)
    return out


def by_date(special: list[dict]) -> dict[str, list]:
    out: dict[str, list] = {}
    for entry in special:
        assert entry["@type"] == "OpeningHoursSpecification"
        assert entry["validFrom"] == entry["validThrough"]
        out.setdefault(entry["validFrom"], []).append((entry["opens"], entry["closes"]))
    return out


@pytest.mark.parametrize("today", ["2024-12-01", "2026-11-28", "2027-06-15"])
def test_holiday_exceptions_equal_the_calendar(today):
    first, last = opening.window(dt.date.fromisoformat(today))
    obj = jsonld.provider_jsonld(DATA, CITY, "en", today=first)
    found = by_date(obj["specialOpeningHoursSpecification"])
    assert found == expected_exceptions(CITY, first, last)
    if today == "2024-12-01":  # the Saturday worked instead of Monday 23 December
        assert found["2024-12-14"] == office_sessions()
        assert found["2024-12-23"] == [("00:00", "00:00")]


def test_a_holiday_on_an_open_weekday_is_closed():
    # Thursday 24 December 2026 (Christmas Eve) and Tuesday 4 May 2027 are public holidays
    obj = jsonld.provider_jsonld(DATA, CITY, "en", today=dt.date(2026, 11, 28))
    found = by_date(obj["specialOpeningHoursSpecification"])
    assert found["2026-12-24"] == [("00:00", "00:00")]
    assert found["2027-05-04"] == [("00:00", "00:00")]
    # the day before closes an hour earlier (Labour Law s. 135), the lunch break kept
    (morning, afternoon) = office_sessions()
    assert found["2026-12-23"] == [morning, (afternoon[0], hour_earlier(afternoon[1]))]
    # a holiday on a Sunday changes nothing for a Mon–Fri office: no entry
    assert "2027-06-20" not in found or dt.date(2027, 6, 20).weekday() < 5
    # the check fails when the page forgets a holiday
    broken = [e for e in obj["specialOpeningHoursSpecification"] if e["validFrom"] != "2026-12-24"]
    first, last = opening.window(dt.date(2026, 11, 28))
    assert by_date(broken) != expected_exceptions(CITY, first, last)


def test_not_shortened_providers_and_unknown_days_get_no_invented_exceptions():
    schedule = DATA.providers[CITY].provider.hours[0]
    cal = LatvianCalendar(DATA.calendar)
    first, last = opening.window(dt.date(2026, 11, 28))
    found = by_date(jsonld.special_hours(schedule, cal, "not-shortened", first, last))
    assert "2026-12-23" not in found and found["2026-12-24"] == [("00:00", "00:00")]
    # Rēzekne county's hours do not say on which days: no exceptions at all
    county = jsonld.provider_jsonld(
        DATA, "rezekne-county-social-service", "en", today=dt.date(2026, 11, 28)
    )
    assert "specialOpeningHoursSpecification" not in county
    undated = schedule.model_copy(update={"season": schedule.label})
    assert jsonld.special_hours(undated, cal, "one-hour-earlier", first, last) == []
    shelter = schedule.model_copy(update={"public_holidays": "open"})
    assert jsonld.special_hours(shelter, cal, "one-hour-earlier", first, last) == []


@pytest.mark.parametrize("lang", LANGS)
def test_provider_pages_carry_the_holiday_exceptions_of_their_build_day(default_site, lang):
    built = json.loads((default_site / "open-data/index.json").read_text("utf-8"))["built"]
    today = dt.date.fromisoformat(built)
    (city,) = page_jsonld(default_site, f"{LANGS[lang]}providers/{CITY}")
    first, last = opening.window(today)
    assert by_date(city["specialOpeningHoursSpecification"]) == expected_exceptions(
        CITY, first, last
    )


T = dt.time.fromisoformat  # a time of the model, from its "HH:MM"


def test_a_shortened_day_has_no_session_of_no_length():
    """A break that ends at the shortened day's new closing time (15:00-15:30, closing 16:30
    moved to 15:30) leaves no ('15:30', '15:30') session; one owner splits every span."""
    hours = model.DayHours(
        days=["mon"], open="08:00", close="16:30", breaks=[model.Break(start="15:00", end="15:30")]
    )
    assert hours.sessions() == [(T("08:00"), T("15:00")), (T("15:30"), T("16:30"))]
    assert hours.sessions(T("15:30")) == [(T("08:00"), T("15:00"))]
    assert hours.sessions(T("14:30")) == [(T("08:00"), T("14:30"))]  # a break after it falls away
    overnight = model.DayHours(
        days=["mon"], open="18:00", close="08:00", overnight=True,
        breaks=[model.Break(start="23:00", end="23:30")],
    )  # fmt: skip
    # an overnight break keeps its own end (a comparison with 08:00 would cut it)
    assert overnight.sessions() == [(T("18:00"), T("23:00")), (T("23:30"), T("08:00"))]
    starts_only = model.DayHours(days=["mon"], open="15:00")
    assert starts_only.sessions() == [(T("15:00"), None)]
