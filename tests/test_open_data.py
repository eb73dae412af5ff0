"""Open data (sitegen/publish/open_data.py): the HSDS 3.0 export validates against our JSON Schema
of the spec's field tables and holds every service, location and price of the default data;
ids are the same in both languages; CSVs round-trip; the built site publishes the files."""

from __future__ import annotations

import copy
import csv
import datetime as dt
import io
import json
import re
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from jsonschema import Draft202012Validator
from sitegen.base.languages import hhmm
from sitegen.checks.loader import load_data_dir
from sitegen.hours import opening
from sitegen.publish import open_data
from sitegen.text.ui_strings import load_ui_strings

from testsupport.data import DATA_DIR

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "overrides/open-data" / open_data.SCHEMA).read_text("utf-8"))
DATA = load_data_dir(DATA_DIR).data
UI = load_ui_strings(ROOT / "overrides/sitegen/ui.yaml")
LANGS = ("lv", "en")


def schema_errors(tables: dict[str, list[dict]]) -> list[str]:
    """Every object of every table checked against its table's definition."""
    Draft202012Validator.check_schema(SCHEMA)
    problems = []
    for table, ref in SCHEMA["x-files"].items():
        definition = {"$ref": ref, "$defs": SCHEMA["$defs"]}
        validator = Draft202012Validator(
            definition, format_checker=Draft202012Validator.FORMAT_CHECKER
        )
        for index, obj in enumerate(tables[table]):
            for err in validator.iter_errors(obj):
                problems.append(f"{table}[{index}] {list(err.path)}: {err.message}")
    return problems


def dangling_ids(tables: dict[str, list[dict]]) -> list[str]:
    """References (``*_id``) that point at no object of their table."""
    known = {
        "organization_id": {o["id"] for o in tables["organizations"]},
        "service_id": {o["id"] for o in tables["services"]},
        "location_id": {o["id"] for o in tables["locations"]},
        "service_at_location_id": {o["id"] for o in tables["service_at_locations"]},
    }
    return [
        f"{table}: {key}={obj[key]}"
        for table, objs in tables.items()
        for obj in objs
        for key, ids in known.items()
        if key in obj and obj[key] not in ids
    ]


TODAY = dt.date(2026, 11, 28)  # a fixed build day: the schedules' periods follow from it


@pytest.fixture(scope="module")
def hsds() -> dict[str, dict[str, list[dict]]]:
    return {lang: open_data.hsds_tables(DATA, lang, UI, today=TODAY) for lang in LANGS}


@pytest.mark.parametrize("lang", LANGS)
def test_hsds_export_validates_against_the_schema(hsds, lang):
    assert schema_errors(hsds[lang]) == []
    assert dangling_ids(hsds[lang]) == []
    ids = [o["id"] for objs in hsds[lang].values() for o in objs]
    assert len(ids) == len(set(ids)), "ids must be unique across the tables"


def test_the_schema_check_fails_on_a_broken_export(hsds):
    broken = copy.deepcopy(hsds["en"])
    broken["services"][0]["eligibility"] = "misspelt field"  # HSDS calls it eligibility_description
    del broken["phones"][0]["number"]
    broken["schedules"][0]["byday"] = "Monday"
    broken["cost_options"][0]["amount"] = "8.80"  # a number in HSDS
    broken["services"][1]["id"] = "home-care"  # not a UUID
    broken["schedules"][1]["opens_at"] = "08:00"  # no UTC offset: whose 08:00?
    del broken["schedules"][2]["timezone"]
    problems = schema_errors(broken)
    assert len(problems) == 7, problems
    dangling = copy.deepcopy(hsds["en"])
    dangling["service_at_locations"][0]["service_id"] = open_data.stable_id("service", "nowhere")
    assert len(dangling_ids(dangling)) == 1


def test_every_service_location_and_price_is_exported(hsds):
    for lang in LANGS:
        tables = hsds[lang]
        services = {o["id"]: o for o in tables["services"]}
        assert set(services) == {open_data.stable_id("service", sid) for sid in DATA.services}
        for sid, (service, _) in DATA.services.items():
            assert services[open_data.stable_id("service", sid)][
                "name"
            ] == service.name.in_language(lang)
        assert {o["id"] for o in tables["locations"]} == {
            open_data.stable_id("location", lid) for lid in DATA.locations
        }
        exported = sorted(
            (o["service_id"], Decimal(str(o["amount"])))
            for o in tables["cost_options"]
            if "amount" in o
        )
        expected = []
        for fee, _ in DATA.fees.values():
            for item in fee.items:
                rule = item.rule
                amounts = [
                    getattr(rule, f)
                    for f in ("amount", "first", "next", "daily", "monthly")
                    if hasattr(rule, f)
                ]
                expected += [(open_data.stable_id("service", fee.service), a) for a in amounts]
        assert exported == sorted(expected)
        # the income share (25 % of income) is a cost option without an amount
        assert any("amount" not in o for o in tables["cost_options"])


def test_ids_are_the_same_in_both_languages(hsds):
    for table in open_data.HSDS_TABLES:
        assert [o["id"] for o in hsds["lv"][table]] == [o["id"] for o in hsds["en"][table]], table
    assert hsds["lv"]["services"][0]["name"] != hsds["en"]["services"][0]["name"]


def test_lunch_breaks_are_separate_sessions_and_no_assured_date(hsds):
    city = DATA.providers["rezekne-city-social-service"].provider
    schedule = city.hours[0]  # its office hours: one span on Mon–Fri with one lunch break
    (day,) = schedule.hours
    (lunch,) = day.breaks
    office = open_data.stable_id("location", city.locations[0])
    sessions = [
        (s["opens_at"], s["closes_at"], s["byday"])
        for s in hsds["en"]["schedules"]
        if s.get("location_id") == office
        and s.get("description") == schedule.label.en
        and s["valid_from"] == "2026-10-25"  # winter time in Riga: UTC+02:00
    ]
    byday = ",".join(d[:2].upper() for d in day.days)
    assert sessions == [
        (f"{hhmm(day.open)}+02:00", f"{hhmm(lunch.start)}+02:00", byday),
        (f"{hhmm(lunch.end)}+02:00", f"{hhmm(day.close)}+02:00", byday),
    ]
    # no "checked on" date in the data yet: assured_date is left out, not invented
    assert all("assured_date" not in s for s in hsds["en"]["services"])


def test_required_documents_and_service_areas(hsds):
    home = open_data.stable_id("service", "home-care")
    docs = [d["document"] for d in hsds["en"]["required_documents"] if d["service_id"] == home]
    assert docs == [d.en for d in DATA.services["home-care"][0].documents]
    areas: dict[str, list[str]] = {}
    for a in hsds["en"]["service_areas"]:
        areas.setdefault(a["service_id"], []).append(a["name"])
    assert areas[home] == ["Rēzekne city"]
    # every service: the places of data/places.yaml it serves, its own area or its provider's
    names = {pl.id: pl.name.en for pl in DATA.places.places}
    for service, pid in DATA.services.values():
        area = service.area or DATA.providers[pid].provider.area
        sid = open_data.stable_id("service", service.id)
        assert areas.get(sid, []) == [names[pl] for pl in area], service.id


def _read_csv(payload: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(payload.decode("utf-8"), newline="")))


@pytest.mark.parametrize("lang", LANGS)
def test_fee_csv_and_json_round_trip(lang):
    rows = open_data.fee_rows(DATA, lang, UI)
    assert _read_csv(open_data.to_csv(rows, open_data.FEE_COLUMNS)) == rows
    assert json.loads(open_data.to_json(rows)) == rows
    home = [r for r in rows if r["service_id"] == "home-care"]
    (fee,) = [f for f, _ in DATA.fees.values() if f.service == "home-care"]
    assert [r["amount"] for r in home] == [f"{item.rule.amount:.2f}" for item in fee.items]
    assert all(r["legal_basis"] for r in rows), "every price has its legal basis"


@pytest.mark.parametrize("lang", LANGS)
def test_report_csv_round_trips_and_equals_the_table(lang):
    report = DATA.reports["rezekne-county-2017"]
    rows = _read_csv(
        open_data.to_csv(open_data.report_rows(report, lang), open_data.REPORT_COLUMNS)
    )
    assert [Decimal(r["spent_eur"]) for r in rows] == [r.spent_eur for r in report.benefits_table]
    assert [int(r["persons"]) for r in rows] == [r.persons for r in report.benefits_table]
    assert rows[0]["label"] == report.benefits_table[0].label.in_language(lang)


def test_the_built_site_publishes_the_files_and_the_page(default_site):
    index = json.loads((default_site / "open-data/index.json").read_text("utf-8"))
    assert index["licence"] is None  # the seeds state no licence
    assert len(index["files"]) == len(open_data.files(DATA, UI))
    for entry in index["files"]:
        assert (default_site / entry["path"]).stat().st_size == entry["bytes"]
    for lang in LANGS:
        tables = {
            name: json.loads(
                (default_site / f"open-data/{lang}/hsds/{name}.json").read_text("utf-8")
            )
            for name in open_data.HSDS_TABLES
        }
        assert schema_errors(tables) == []
    assert (default_site / "open-data" / open_data.SCHEMA).is_file()
    lv = (default_site / "open-data/index.html").read_text("utf-8")
    en = (default_site / "en/open-data/index.html").read_text("utf-8")
    assert "Licence nav norādīta" in lv and "The licence is not stated" in en
    # the build's day only (no time): two builds on one day give the same page
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", index["built"]), index["built"]
    assert f'datetime="{index["built"]}"' in en
    assert 'href="../../open-data/en/fees.csv"' in en and 'href="lv/fees.csv"' in lv


@pytest.mark.parametrize("today", ["2026-11-28", "2027-03-28", "2027-07-01"])
def test_schedule_times_carry_riga_offset_of_their_dates(today):
    """Every schedule row's offset is Riga's (zoneinfo) on every date it is valid for, and
    each session's rows cover the open-now window without a gap or an overlap."""
    day = dt.date.fromisoformat(today)
    rows = open_data.hsds_tables(DATA, "en", UI, today=day)["schedules"]
    riga = ZoneInfo("Europe/Riga")
    sessions: dict[tuple, list[tuple[str, str]]] = {}
    for row in rows:
        first, last = (dt.date.fromisoformat(row[k]) for k in ("valid_from", "valid_to"))
        suffix = f"+{row['timezone']:02d}:00"
        # a meal time gives a start only (no closes_at)
        assert row["opens_at"].endswith(suffix), row
        assert row.get("closes_at", suffix).endswith(suffix), row
        d = first
        while d <= last:
            noon = dt.datetime(d.year, d.month, d.day, 12, tzinfo=riga)
            assert noon.utcoffset() == dt.timedelta(hours=row["timezone"]), (row, d)
            d += dt.timedelta(days=1)
        key = tuple(
            v
            for k, v in row.items()
            if k not in ("id", "valid_from", "valid_to", "timezone", "opens_at", "closes_at")
        )
        key += (row["opens_at"][:5], row.get("closes_at", "")[:5])
        sessions.setdefault(key, []).append((row["valid_from"], row["valid_to"]))
    end = opening.window(day)[1]
    for periods in sessions.values():
        periods.sort()
        assert periods[0][0] <= today and periods[-1][1] >= end.isoformat()
        for (_, last), (first, _) in zip(periods, periods[1:], strict=False):
            assert dt.date.fromisoformat(last) + dt.timedelta(days=1) == dt.date.fromisoformat(
                first
            )
    # both offsets appear: a fixed +02:00 would be an hour wrong in summer
    assert {row["timezone"] for row in rows} == {2, 3}


def test_schedule_ids_stay_from_one_build_day_to_the_next():
    one = open_data.hsds_tables(DATA, "en", UI, today=dt.date(2026, 11, 28))["schedules"]
    two = open_data.hsds_tables(DATA, "en", UI, today=dt.date(2026, 11, 29))["schedules"]
    assert one == two
