"""Open data: the site's data for reuse, as files written into the built site.

- **HSDS 3.0** (Open Referral's Human Services Data Specification), one file set per
  language under ``open-data/<lang>/hsds/``: one JSON array per table (organizations,
  services, locations, addresses, service_at_locations, schedules, phones, cost_options,
  required_documents, service_areas), linked by ids. Every id is a UUID v5 of our own id
  (``stable_id``), so it is the same in both languages and from build to build.
  Opening hours with a lunch break become one schedule row per session (08:00–12:00 and
  12:30–16:30), as HSDS asks. Times are Latvian wall-clock time (Europe/Riga), which is
  UTC+2 in winter and UTC+3 in summer; HSDS 3.0 gives a schedule only a fixed UTC offset
  (``timezone``, a number, and an offset on ``opens_at``/``closes_at``), so each session is
  one row per period of constant offset (``time_zone_periods``) from the build date to the
  end of the open-now window (13 months), with ``valid_from``/``valid_to`` the period's
  dates, ``timezone`` 2 or 3 and the times written "08:00+02:00". One row with +02:00
  all year would be an hour wrong from the end of March to the end of October. ``assured_date`` is left out: the data has no "checked on"
  date yet. Our JSON Schema of the exported objects is ``schema/hsds/`` (see the tests).
- **Fees** as CSV and JSON: one row per price (service, item, amount, unit, conditions,
  legal basis).
- **Reports**: each report's benefits table as CSV.

Every CSV cell that a spreadsheet would read as a formula (starting with =, +, -, @, a tab
or a carriage return) starts with an apostrophe (``csv_cell``, OWASP's CSV-injection rule);
the numbers we write ourselves into the numeric columns (``NUMERIC_COLUMNS``) stay numbers.
The JSON files carry the texts as they are (JSON is not opened as a spreadsheet).

``files(data, ui)`` gives every file as ``(path, bytes)``; ``manifest(...)`` describes them
for the "Open data" page and ``open-data/index.json``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import uuid
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..base.languages import LANGUAGES, hhmm
from ..base.memo import IdentityMemo
from ..data import model
from ..data.provenance import resolve
from ..data.sitedata import SiteData
from ..hours.opening import RIGA, build_date, window
from ..places.territory import Territory

# Fixed forever: changing it changes every published id.
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:sitegen:latgale-social-services:open-data")
ROOT = "open-data"
# our JSON Schema of the HSDS export, published by the theme from overrides/open-data/
SCHEMA = "hsds-3.0-export.schema.json"
HSDS_TABLES = (
    "organizations",
    "services",
    "locations",
    "addresses",
    "service_at_locations",
    "schedules",
    "phones",
    "cost_options",
    "required_documents",
    "service_areas",
)
BYDAY = {"mon": "MO", "tue": "TU", "wed": "WE", "thu": "TH", "fri": "FR", "sat": "SA", "sun": "SU"}
FEE_COLUMNS = (
    "service_id",
    "service",
    "fee_id",
    "fee",
    "item_id",
    "item",
    "price",
    "amount",
    "unit",
    "conditions",
    "legal_basis",
)
REPORT_COLUMNS = ("row", "label", "benefit_id", "spent_eur", "families", "persons")

UI = dict[str, dict[str, str]]


def stable_id(kind: str, *parts: str | int) -> str:
    """The UUID v5 of one of our objects, e.g. ``stable_id("service", "home-care")``."""
    return str(uuid.uuid5(NAMESPACE, "/".join([kind, *map(str, parts)])))


def _text(text: model.Text | None, lang: str) -> str | None:
    return text.in_language(lang) if text is not None else None


def _ui(ui: UI, key: str, lang: str, **values: Any) -> str:
    text = ui[key][lang]
    return text.format(**values) if values else text


# --- the effective facts of a service, as its page shows them ----------------


def area_places(data: SiteData, service_id: str) -> list[model.Place]:
    """The places a service serves (its own area, or its provider's; data/places.yaml)."""
    if data.places is None:
        return []
    territory = Territory(data)
    return [territory.place(pid) for pid in territory.service_area(service_id)]


# --- HSDS --------------------------------------------------------------------


def _schedule_rows(
    schedule: model.Schedule, owner: dict[str, str], key: str, lang: str, ui: UI
) -> list[dict[str, Any]]:
    """One HSDS schedule row per session: a day span with breaks is split at each break."""
    parts = [_text(schedule.label, lang), _text(schedule.season, lang)]
    if schedule.person:
        parts.append(_ui(ui, "hours.receives", lang, name=schedule.person))
    description = "; ".join(p for p in parts if p) or None
    note = _text(schedule.note, lang)
    base = {**owner, "description": description}
    if note:
        base["notes"] = note
    if schedule.round_the_clock:
        row = {
            "id": stable_id("schedule", key, "round-the-clock"),
            **base,
            "freq": "WEEKLY",
            "byday": ",".join(BYDAY.values()),
            "opens_at": "00:00",
            "closes_at": "23:59",
            "notes": "; ".join(p for p in (_ui(ui, "hours.round_the_clock", lang), note) if p),
        }
        return [_clean(row)]
    rows = []
    for h_index, hours in enumerate(schedule.hours):
        sessions = hours.sessions()
        for s_index, (opens, closes) in enumerate(sessions):
            row: dict[str, Any] = {
                "id": stable_id("schedule", key, h_index, s_index),
                **base,
                "opens_at": hhmm(opens),
                "closes_at": None if closes is None else hhmm(closes),
            }
            if hours.days:
                row.update(freq="WEEKLY", byday=",".join(BYDAY[d] for d in hours.days))
            else:
                row["notes"] = "; ".join(
                    p for p in (_ui(ui, "hours.days_not_given", lang), note) if p
                )
            if hours.overnight and s_index + 1 == len(sessions):
                row["notes"] = "; ".join(
                    p for p in (row.get("notes"), _ui(ui, "hours.next_day", lang)) if p
                )
            rows.append(_clean(row))
    return rows


def _clean(row: dict[str, Any]) -> dict[str, Any]:
    """Fields without a value are left out (HSDS: optional fields may be omitted)."""
    return {k: v for k, v in row.items() if v is not None and v != ""}


def _phone_rows(
    phones: Iterable[model.PhoneEntry], owner: dict[str, str], key: str, lang: str
) -> list[dict[str, Any]]:
    return [
        _clean(
            {
                "id": stable_id("phone", key, index),
                **owner,
                "number": phone.number,
                "type": "voice",
                "description": _text(phone.label, lang),
            }
        )
        for index, phone in enumerate(phones)
    ]


def cost_options(
    fee: model.Fee, lang: str, ui: UI, units: Mapping[str, model.MeasureUnit]
) -> Iterator[dict[str, Any]]:
    """The prices of one fee as HSDS cost options: one per amount (a first-and-next price
    gives two, a daily price capped a month gives two; an income share has no amount)."""
    for item in fee.items:
        option = "; ".join(
            [_text(item.label, lang) or "", *(_text(c, lang) for c in item.conditions)]
        )
        for price, amount, unit in price_parts(item, lang, ui, units):
            yield _clean(
                {
                    "id": stable_id("cost-option", fee.id, item.id, price),
                    "service_id": stable_id("service", fee.service),
                    "option": option,
                    "currency": "EUR" if amount is not None and price != "percent" else None,
                    "amount": float(amount) if amount is not None and price != "percent" else None,
                    "amount_description": unit,
                }
            )


def price_parts(
    item: model.FeeItem, lang: str, ui: UI, units: Mapping[str, model.MeasureUnit]
) -> list[tuple[str, Decimal | None, str]]:
    """(price, amount, unit) for each amount of a fee item, ``price`` naming which amount;
    the unit in the words of data/vocabulary.yaml ("mēnesī", "per km")."""
    rule = item.rule
    per = lambda unit: _text(units[unit].per, lang) or unit  # noqa: E731
    if isinstance(rule, model.PerUnitRule):
        return [("amount", rule.amount, per(rule.unit))]
    if isinstance(rule, model.FirstAndNextRule):
        return [
            ("first", rule.first, _ui(ui, "opendata.first", lang, unit=per(rule.unit))),
            ("next", rule.next, _ui(ui, "opendata.next", lang, unit=per(rule.unit))),
        ]
    if isinstance(rule, model.DailyCappedRule):
        return [
            ("daily", rule.daily, per("day")),
            ("monthly-cap", rule.monthly, _ui(ui, "opendata.monthly_cap", lang)),
        ]
    assert isinstance(rule, model.IncomeShareRule)
    base = _text(rule.base, lang) or ""
    return [("percent", rule.percent, _ui(ui, "opendata.percent_of", lang, base=base))]


def _offset_hours(day: dt.date) -> int:
    """Riga's UTC offset in hours at noon of a date (2 in winter, 3 in summer)."""
    moment = dt.datetime(day.year, day.month, day.day, 12, tzinfo=RIGA)
    offset = moment.utcoffset()
    assert offset is not None
    return int(offset.total_seconds() // 3600)


def time_zone_periods(today: dt.date) -> list[tuple[dt.date, dt.date, int]]:
    """``(first day, last day, UTC offset)`` of each period of constant Riga offset that
    meets the open-now window from ``today``. A period runs from the day of a change to or
    from summer time (a Sunday; the change is at 03:00/04:00, before any opening) to the day
    before the next, so its dates do not move from one build to the next."""
    first, last = window(today)
    start = first
    while _offset_hours(start - dt.timedelta(days=1)) == _offset_hours(first):
        start -= dt.timedelta(days=1)
    out = []
    while start <= last:
        end = start
        while _offset_hours(end + dt.timedelta(days=1)) == _offset_hours(start):
            end += dt.timedelta(days=1)
        out.append((start, end, _offset_hours(start)))
        start = end + dt.timedelta(days=1)
    return out


def _with_offset(hhmm: str, hours: int) -> str:
    return f"{hhmm}{'+' if hours >= 0 else '-'}{abs(hours):02d}:00"


def _zoned(
    rows: list[dict[str, Any]], periods: list[tuple[dt.date, dt.date, int]]
) -> list[dict[str, Any]]:
    """Each schedule row once per period of constant UTC offset (see the module docstring)."""
    out = []
    for row in rows:
        for first, last, hours in periods:
            zoned = {
                **row,
                "id": stable_id("schedule-zoned", row["id"], first.isoformat()),
                "valid_from": first.isoformat(),
                "valid_to": last.isoformat(),
                "timezone": hours,
                "opens_at": _with_offset(row["opens_at"], hours),
            }
            if "closes_at" in row:  # meal times give a start only
                zoned["closes_at"] = _with_offset(row["closes_at"], hours)
            out.append(zoned)
    return out


def hsds_tables(
    data: SiteData,
    lang: str,
    ui: UI,
    page_url: dict[str, str] | None = None,
    today: dt.date | None = None,
) -> dict[str, list[dict[str, Any]]]:
    """The HSDS tables of the data in one language. ``page_url`` maps a service id to its
    page's absolute address (given only when the site's address is known); ``today`` is
    the first day of the schedules' periods (default: the build date)."""
    tables: dict[str, list[dict[str, Any]]] = {name: [] for name in HSDS_TABLES}
    for pid, pf in data.providers.items():
        p = pf.provider
        org_id = stable_id("organization", pid)
        emails = [e.address for e in p.contacts.emails]
        tables["organizations"].append(
            _clean(
                {
                    "id": org_id,
                    "name": _text(p.name, lang),
                    "alternate_name": _text(p.short_name, lang),
                    "description": _text(p.summary, lang),
                    "email": emails[0] if emails else None,
                    "year_incorporated": int(p.founded[:4]) if p.founded else None,
                    "legal_status": _text(p.kind, lang),
                }
            )
        )
        people = [x for x in [p.head, *p.people] if x]
        org_phones = list(p.contacts.phones) + [
            model.PhoneEntry(number=ph.number, label=ph.label or person.role)
            for person in people
            for ph in person.phones
        ]
        tables["phones"] += _phone_rows(org_phones, {"organization_id": org_id}, pid, lang)
        for loc in pf.locations:
            loc_id = stable_id("location", loc.id)
            tables["locations"].append(
                _clean(
                    {
                        "id": loc_id,
                        "location_type": "physical",
                        "organization_id": org_id,
                        "name": _text(loc.name, lang),
                    }
                )
            )
            tables["addresses"].append(
                {
                    "id": stable_id("address", loc.id),
                    "location_id": loc_id,
                    "address_1": loc.street,
                    **({"address_2": loc.parish} if loc.parish else {}),
                    "city": loc.town,
                    # the data gives a county for some places and a postal code for most; HSDS
                    # asks for both: null where the data does not give them (none invented)
                    "state_province": loc.county,
                    "postal_code": loc.postal_code,
                    "country": "LV",
                    "address_type": "physical",
                }
            )
        for holder in [p, *p.units]:
            holder_key = holder.id
            for loc_ref in holder.locations:
                owner = {"location_id": stable_id("location", loc_ref)}
                for s_index, sched in enumerate(holder.hours):
                    tables["schedules"] += _schedule_rows(
                        sched, owner, f"{holder_key}/{loc_ref}/{s_index}", lang, ui
                    )
        for unit in p.units:
            for loc_ref in unit.locations[:1]:
                owner = {"location_id": stable_id("location", loc_ref)}
                tables["phones"] += _phone_rows(unit.contacts.phones, owner, unit.id, lang)
        for service in pf.services:
            _service_rows(tables, data, pf, service, lang, ui, page_url)
    tables["schedules"] = _zoned(tables["schedules"], time_zone_periods(today or build_date()))
    return tables


def _service_rows(
    tables: dict[str, list[dict[str, Any]]],
    data: SiteData,
    pf: model.ProviderFile,
    service: model.Service,
    lang: str,
    ui: UI,
    page_url: dict[str, str] | None,
) -> None:
    p = pf.provider
    sid = stable_id("service", service.id)
    fees = [f for f in pf.fees if f.service == service.id]
    resolved = resolve(data, service.id)
    # HSDS has no field for whose an e-mail is: the service's own, else its office's or
    # provider's (the contact for it, as its page shows it)
    emails = [owned.value.address for owned in resolved.emails]
    tables["services"].append(
        _clean(
            {
                "id": sid,
                "organization_id": stable_id("organization", p.id),
                "name": _text(service.name, lang),
                "description": _text(service.summary, lang),
                "url": (page_url or {}).get(service.id),
                "email": emails[0] if emails else None,
                "status": "active",
                "application_process": _text(service.how_to_apply, lang),
                "fees_description": "; ".join(_text(f.name, lang) or "" for f in fees) or None,
                "eligibility_description": _text(service.eligibility, lang),
            }
        )
    )
    # the service at each of its places: its own, or its office's (unit's), where it is
    # given; a provider's office is where one asks, not where the service is, and is
    # published as the organization's location only. Hours are the service's own only (an
    # office's are published with the office's location), at the places they are for when
    # they name them (a soup kitchen's meal times).
    at_place: dict[str, str] = {}
    for owned in resolved.locations:
        if owned.owner.source == "provider":
            continue
        loc_ref = owned.value.id
        at_place[loc_ref] = stable_id("service-at-location", service.id, loc_ref)
        tables["service_at_locations"].append(
            {
                "id": at_place[loc_ref],
                "service_id": sid,
                "location_id": stable_id("location", loc_ref),
            }
        )
    for s_index, sched in enumerate(service.hours):
        places = [at_place[ref] for ref in sched.locations if ref in at_place]
        owners = [{"service_at_location_id": sal} for sal in places] or [{"service_id": sid}]
        for o_index, owner in enumerate(owners):
            key = f"{service.id}/{s_index}" + (f"@{o_index}" if places else "")
            tables["schedules"] += _schedule_rows(sched, owner, key, lang, ui)
    # the service's own numbers (an office's are published with its location)
    tables["phones"] += _phone_rows(
        [o.value for o in resolved.phones if o.own],
        {"service_id": sid},
        f"service/{service.id}",
        lang,
    )
    for fee in fees:
        tables["cost_options"] += list(cost_options(fee, lang, ui, data.units))
    tables["required_documents"] += [
        {
            "id": stable_id("required-document", service.id, i),
            "service_id": sid,
            "document": _text(d, lang),
        }
        for i, d in enumerate(service.documents)
    ]
    tables["service_areas"] += [
        {
            "id": stable_id("service-area", service.id, place.id),
            "service_id": sid,
            "name": _text(place.name, lang),
            "extent_type": "text",
        }
        for place in area_places(data, service.id)
    ]


# --- fees and reports --------------------------------------------------------


def fee_rows(data: SiteData, lang: str, ui: UI) -> list[dict[str, str]]:
    """One row per price: every amount of every fee item, with its legal basis."""
    rows = []
    for fee, _pid in data.fees.values():
        service = data.services[fee.service][0]
        acts = "; ".join(_text(data.legal_acts[a].title, lang) or "" for a in fee.legal_basis)
        if fee.legal_basis_pending is not None:  # the decision as known, its number not yet
            decision = _text(fee.legal_basis_pending, lang)
            acts = _ui(ui, "fee.legal_basis_pending", lang, decision=decision)
        common = [_text(c, lang) or "" for c in fee.conditions]
        for item in fee.items:
            conditions = " ".join([*common, *(_text(c, lang) or "" for c in item.conditions)])
            for price, amount, unit in price_parts(item, lang, ui, data.units):
                rows.append(
                    {
                        "service_id": service.id,
                        "service": _text(service.name, lang) or "",
                        "fee_id": fee.id,
                        "fee": _text(fee.name, lang) or "",
                        "item_id": item.id,
                        "item": _text(item.label, lang) or "",
                        "price": price,
                        "amount": format(amount, "f") if amount is not None else "",
                        "unit": unit,
                        "conditions": conditions,
                        "legal_basis": acts,
                    }
                )
    return rows


def report_rows(report: model.ReportFile, lang: str) -> list[dict[str, str]]:
    return [
        {
            "row": str(index),
            "label": row.label.in_language(lang),
            "benefit_id": row.benefit or "",
            "spent_eur": format(row.spent_eur, "f"),
            "families": str(row.families),
            "persons": str(row.persons),
        }
        for index, row in enumerate(report.benefits_table, 1)
    ]


# columns whose cells we write ourselves from numbers (Decimal or int, ``format(x, "f")``)
NUMERIC_COLUMNS = frozenset({"amount", "row", "spent_eur", "families", "persons"})
# a spreadsheet reads a cell starting with one of these as a formula (OWASP, CSV injection)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?\Z")


def csv_cell(value: str, numeric: bool = False) -> str:
    """The cell as written: a text that a spreadsheet would read as a formula (it starts
    with =, +, -, @, a tab or a carriage return) gets a leading apostrophe, as OWASP
    recommends; a number we wrote ourselves into a numeric column (-5, 8.80) stays a number."""
    if numeric and PLAIN_NUMBER.match(value):
        return value
    if value.startswith(FORMULA_START):
        return "'" + value
    return value


def to_csv(rows: list[dict[str, str]], columns: Iterable[str]) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(
        {key: csv_cell(value, key in NUMERIC_COLUMNS) for key, value in row.items()} for row in rows
    )
    return out.getvalue().encode("utf-8")


def to_json(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


# --- the files ---------------------------------------------------------------


@dataclass(frozen=True)
class OpenDataFile:
    path: str  # under the site root
    kind: str  # the ui string opendata.file.<kind> says what it holds
    lang: str
    media_type: str
    payload: bytes


# files already made in this process: the open-data page of each language lists them and the
# hook writes them after each language's build, from the same data (the loader's object while
# the data is unchanged, kept alive by the entry) on the same day
_FILES: IdentityMemo[list[OpenDataFile]] = IdentityMemo(4)  # live reload must not grow memory


def files(
    data: SiteData, ui: UI, page_urls: dict[str, dict[str, str]] | None = None
) -> list[OpenDataFile]:
    """Every open-data file, both languages. ``page_urls[lang][service_id]`` are absolute
    service page addresses (only when the site's address is known)."""
    urls = tuple((lang, tuple(sorted(u.items()))) for lang, u in sorted((page_urls or {}).items()))
    key = (id(data), id(ui), urls, build_date())
    return list(_FILES.get(key, (data, ui), lambda: _files(data, ui, page_urls)))


def _files(
    data: SiteData, ui: UI, page_urls: dict[str, dict[str, str]] | None
) -> list[OpenDataFile]:
    out = []
    for lang in LANGUAGES:
        tables = hsds_tables(data, lang, ui, (page_urls or {}).get(lang))
        for name in HSDS_TABLES:
            out.append(
                OpenDataFile(
                    f"{ROOT}/{lang}/hsds/{name}.json",
                    f"hsds.{name}",
                    lang,
                    "application/json",
                    to_json(tables[name]),
                )
            )
        fees = fee_rows(data, lang, ui)
        out.append(
            OpenDataFile(
                f"{ROOT}/{lang}/fees.csv", "fees", lang, "text/csv", to_csv(fees, FEE_COLUMNS)
            )
        )
        out.append(
            OpenDataFile(
                f"{ROOT}/{lang}/fees.json", "fees", lang, "application/json", to_json(fees)
            )
        )
        for report in data.reports.values():
            out.append(
                OpenDataFile(
                    f"{ROOT}/{lang}/report-{report.id}.csv",
                    "report",
                    lang,
                    "text/csv",
                    to_csv(report_rows(report, lang), REPORT_COLUMNS),
                )
            )
    return out


def manifest(data: SiteData, built: str, found: list[OpenDataFile]) -> dict[str, Any]:
    """What ``open-data/index.json`` says: the licence field, the day the files were built
    (``built``, YYYY-MM-DD), each file with its size."""
    licence = data.site.licence
    return {
        "licence": {lang: licence.in_language(lang) for lang in LANGUAGES} if licence else None,
        "built": built,
        "files": [
            {
                "path": f.path,
                "kind": f.kind,
                "lang": f.lang,
                "media_type": f.media_type,
                "bytes": len(f.payload),
            }
            for f in found
        ],
    }


def built_on() -> str:
    """The day the files were built (ISO 8601 date, Europe/Riga): the same day as the
    open-now data (``opening.build_date``, ``SITEGEN_TODAY`` for a fixed day). A date, not
    a time, so two builds of the same data on the same day give the same files and pages."""
    return build_date().isoformat()
