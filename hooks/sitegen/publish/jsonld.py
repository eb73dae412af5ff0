"""schema.org JSON-LD for search engines and other readers of the pages.

A provider page describes a ``GovernmentOffice`` with its address, phones and
``openingHoursSpecification`` (one entry per session: a lunch break splits the day); a
service page a ``GovernmentService`` with its ``provider``, ``areaServed``, ``audience``
and ``offers``, one ``Offer`` per fee item with a ``UnitPriceSpecification`` for each of its
amounts (the same amounts as the open data: ``open_data.price_parts``).

Holiday exceptions (``specialOpeningHoursSpecification``): from the same Latvian calendar as
the open-now widget (``calendar_lv``), every date in the window that differs from the weekly
hours gets its own entries with ``validFrom``/``validThrough`` that date: a public holiday or
moved day off on an open weekday is closed (schema.org: opens and closes "00:00"); the day
before a holiday closes one hour earlier where the provider follows Labour Law s. 135
(``shortened_days`` in data/calendar.yaml); a moved working Saturday has the hours of the
weekday it replaces. The window is the open-now window (``opening.window``: 13 months from
the build date), so a page stays right as long as its open-now data; on Rēzekne city's
page (the one provider whose hours give their days) that is 27 entries, about 4 KB of
HTML and 0.3 KB gzip-compressed (measured 2026-11-28). A schedule whose days are
not given, a season without dates, round-the-clock hours or hours open on holidays get no
exceptions: nothing is invented.

``script_json`` makes the text safe inside ``<script type="application/ld+json">``.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from ..base.languages import hhmm
from ..base.weekdays import WEEKDAYS
from ..data import model
from ..data.calendar_file import ShortenedRule
from ..data.provenance import resolve
from ..data.sitedata import SiteData
from ..hours.calendar_lv import LatvianCalendar
from ..hours.opening import build_date, window
from .open_data import UI, area_places, price_parts

SCHEMA_DAYS = {
    "mon": "Monday",
    "tue": "Tuesday",
    "wed": "Wednesday",
    "thu": "Thursday",
    "fri": "Friday",
    "sat": "Saturday",
    "sun": "Sunday",
}


def _t(text: model.Text | None, lang: str) -> str | None:
    return text.in_language(lang) if text is not None else None


def _clean(obj: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in obj.items() if v not in (None, "", [])}


def postal_address(loc: model.Location) -> dict[str, Any]:
    return _clean(
        {
            "@type": "PostalAddress",
            "streetAddress": loc.street,
            "addressLocality": loc.town,
            "addressRegion": loc.county,
            "postalCode": loc.postal_code,
            "addressCountry": "LV",
        }
    )


def opening_hours(schedule: model.Schedule) -> list[dict[str, Any]]:
    """One OpeningHoursSpecification per session of each day span (breaks split it);
    a span whose days the source does not give is left out (schema.org needs the days)."""
    if schedule.round_the_clock:
        days = [f"https://schema.org/{SCHEMA_DAYS[d]}" for d in WEEKDAYS]
        return [
            {
                "@type": "OpeningHoursSpecification",
                "dayOfWeek": days,
                "opens": "00:00",
                "closes": "23:59",
            }
        ]
    out = []
    for hours in schedule.hours:
        if not hours.days or hours.close is None:  # a start time only is not opening hours
            continue
        for opens, closes in hours.sessions():
            out.append(
                {
                    "@type": "OpeningHoursSpecification",
                    "dayOfWeek": [f"https://schema.org/{SCHEMA_DAYS[d]}" for d in hours.days],
                    "opens": hhmm(opens),
                    "closes": hhmm(closes),
                }
            )
    return out


def _minus_hour(time: dt.time) -> dt.time:
    return time.replace(hour=time.hour - 1)


def _sessions(
    schedule: model.Schedule, weekday: str, shortened: bool
) -> list[tuple[dt.time, dt.time]]:
    """The (opens, closes) sessions of one weekday; ``shortened`` closes an hour earlier
    (not an overnight span), and a break after the new closing time falls away."""
    out = []
    for hours in schedule.hours:
        if weekday not in (hours.days or ()) or hours.close is None:
            continue
        close = _minus_hour(hours.close) if shortened and not hours.overnight else hours.close
        out += hours.sessions(close)
    return out


def special_hours(
    schedule: model.Schedule,
    cal: LatvianCalendar,
    rule: ShortenedRule,
    first: dt.date,
    last: dt.date,
) -> list[dict[str, Any]]:
    """specialOpeningHoursSpecification: the dates from ``first`` to ``last`` whose hours
    differ from the weekly ones (see the module's docstring)."""
    if (
        schedule.round_the_clock
        or not schedule.closes_on_holidays
        or any(not hours.days for hours in schedule.hours)
        or (schedule.season is not None and schedule.season_dates is None)
    ):
        return []
    out = []
    day = first
    while day <= last:
        if schedule.season_dates is None or schedule.season_dates.contains(day):
            info = cal.day(day)
            usual = _sessions(schedule, WEEKDAYS[day.weekday()], shortened=False)
            if info.kind in ("holiday", "moved_off"):
                actual = []
            else:
                shortened = (
                    info.shortened
                    and rule == "one-hour-earlier"
                    and schedule.rule.shortened_before_holidays
                )
                actual = _sessions(schedule, WEEKDAYS[info.weekday], shortened)
            if actual != usual:
                for opens, closes in actual or [(dt.time(0), dt.time(0))]:
                    out.append(
                        {
                            "@type": "OpeningHoursSpecification",
                            "validFrom": day.isoformat(),
                            "validThrough": day.isoformat(),
                            "opens": hhmm(opens),
                            "closes": hhmm(closes),
                        }
                    )
        day += dt.timedelta(days=1)
    return out


def provider_jsonld(
    data: SiteData,
    provider_id: str,
    lang: str,
    url: str | None = None,
    today: dt.date | None = None,
) -> dict:
    """``today``: the first day of the holiday exceptions (default: the build date)."""
    pf = data.providers[provider_id]
    p = pf.provider
    locations = [data.locations[loc] for loc in p.locations]
    phones = [ph.number for ph in p.contacts.phones]
    # the provider's first schedule is its working hours; the others are receptions of people
    hours = opening_hours(p.hours[0]) if p.hours else []
    special = []
    if p.hours and data.calendar is not None:
        cal = LatvianCalendar(data.calendar)
        first, last = window(today or build_date())
        special = special_hours(p.hours[0], cal, cal.shortening(provider_id), first, last)
    return _clean(
        {
            "@context": "https://schema.org",
            "@type": "GovernmentOffice",
            "@id": url,
            "url": url,
            "name": _t(p.name, lang),
            "alternateName": _t(p.short_name, lang),
            "description": _t(p.summary, lang),
            "address": [postal_address(loc) for loc in locations] or None,
            "telephone": phones[0] if phones else None,
            "email": p.contacts.emails[0].address if p.contacts.emails else None,
            "areaServed": _area(provider_places(data, provider_id), lang),
            "openingHoursSpecification": hours,
            "specialOpeningHoursSpecification": special,
        }
    )


def provider_places(data: SiteData, provider_id: str) -> list[model.Place]:
    if data.places is None:
        return []
    by_id = {pl.id: pl for pl in data.places.places}
    return [by_id[pid] for pid in data.providers[provider_id].provider.area]


def _area(places: list[model.Place], lang: str) -> list[dict[str, Any]] | None:
    """schema.org areaServed: the places of data/places.yaml, by name."""
    return [{"@type": "AdministrativeArea", "name": _t(pl.name, lang)} for pl in places] or None


def service_jsonld(
    data: SiteData, service_id: str, lang: str, ui: UI, url: str | None = None
) -> dict:
    service, pid = data.services[service_id]
    pf = data.providers[pid]
    p = pf.provider
    # the number for the service as its page shows it (provenance.py): its own, else its
    # office's or its provider's; schema.org puts it on the provider, whose it is
    phones = [owned.value.number for owned in resolve(data, service_id).phones]
    offers = []
    for fee in (f for f in pf.fees if f.service == service_id):
        for item in fee.items:
            specs = [
                _clean(
                    {
                        "@type": "UnitPriceSpecification",
                        "price": format(amount, "f"),
                        "priceCurrency": "EUR",
                        "unitText": unit_text,
                    }
                )
                for price, amount, unit_text in price_parts(item, lang, ui, data.units)
                if price != "percent" and amount is not None
            ]
            conditions = [_t(c, lang) for c in [*fee.conditions, *item.conditions]]
            share = [
                f"{format(amount.normalize(), 'f')} % — {unit_text}"
                for price, amount, unit_text in price_parts(item, lang, ui, data.units)
                if price == "percent"
            ]
            offers.append(
                _clean(
                    {
                        "@type": "Offer",
                        "name": _t(item.label, lang),
                        "priceSpecification": specs,
                        "description": " ".join(c for c in [*share, *conditions] if c) or None,
                    }
                )
            )
    return _clean(
        {
            "@context": "https://schema.org",
            "@type": "GovernmentService",
            "@id": url,
            "url": url,
            "name": _t(service.name, lang),
            "description": _t(service.summary, lang),
            "serviceType": _t(data.categories[service.category].name, lang),
            "provider": _clean(
                {
                    "@type": "GovernmentOrganization",
                    "name": _t(p.name, lang),
                    "telephone": phones[0] if phones else None,
                }
            ),
            "areaServed": _area(area_places(data, service_id), lang),
            "audience": [
                {"@type": "Audience", "audienceType": _t(data.audiences[a].name, lang)}
                for a in service.audiences
            ],
            "offers": offers,
        }
    )


def script_json(value: Any) -> str:
    """JSON for a ``<script>`` element: ``<``, ``>`` and ``&`` escaped so no text in the data
    can end the element."""
    text = json.dumps(value, ensure_ascii=False, indent=1)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
