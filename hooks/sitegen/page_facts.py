"""The facts a resident acts on, gathered for one page: price (or free, or none given),
hours in week order, phones labelled by whom they reach, addresses, and the provider a
page belongs to (for the help box).

Templates reach these through ``facts`` (a ``PageFacts`` over the page's ``PageContext``);
the markup stays in ``overrides/sitegen/partials/keyfacts.html`` and ``facts.html``.

Weekdays are put in week order here, when rendering, rather than required in the data: an
editor groups days that share the same hours (``[mon, thu]`` then ``[wed]``, as the source
lists them), and forcing another grouping would only make the data harder to check
against the source.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from . import model
from .plurals import count_text
from .weekdays import WEEKDAYS

WEEK = WEEKDAYS  # week order, Monday first


@dataclass(frozen=True)
class DayGroup:
    """Weekdays in a row (or one day) that share the same hours."""

    days: list[str]
    hours: model.DayHours


@dataclass(frozen=True)
class Week:
    """One schedule laid out for reading: day groups in week order, per-day rows in week
    order, and the hours whose weekdays the source does not give."""

    groups: list[DayGroup]
    rows: list[tuple[str, model.DayHours]]
    undated: list[model.DayHours]

    @property
    def by_day(self) -> dict[str, model.DayHours]:
        return dict(self.rows)


@dataclass(frozen=True)
class OwnedSchedule:
    schedule: model.Schedule
    owner: str  # whose hours: the service, its office (unit) or the provider ("" = the service)


@dataclass(frozen=True)
class CallLine:
    entry: model.PhoneEntry
    who: str  # whom the number reaches, in the page language


def week(schedule: model.Schedule) -> Week:
    rows = sorted(
        ((day, h) for h in schedule.hours for day in (h.days or ())),
        key=lambda row: WEEK.index(row[0]),
    )
    groups: list[DayGroup] = []
    for day, hours in rows:
        last = groups[-1] if groups else None
        if (
            last is not None
            and last.hours is hours
            and WEEK.index(last.days[-1]) + 1 == WEEK.index(day)
        ):
            last.days.append(day)
        else:
            groups.append(DayGroup([day], hours))
    undated = [h for h in schedule.hours if not h.days]
    return Week(groups, rows, undated)


class PageFacts:
    WEEK = WEEK

    def __init__(self, ctx: Any):  # the page's PageContext (it builds this: no import back)
        self.ctx = ctx

    # --- words --------------------------------------------------------------
    def ui_count(self, key: str, count: int | Decimal, **values: Any) -> str:
        """A counted UI string in the right plural form (see ``plurals.py``)."""
        entry = self.ctx.ui_strings.get(key)
        if entry is None:
            raise KeyError(f"overrides/sitegen/ui.yaml has no string `{key}`")
        forms = entry.get(self.ctx.lang)
        if not isinstance(forms, dict):
            raise TypeError(f"ui.yaml `{key}` is not a counted string (zero/one/other forms)")
        return count_text(forms, count, self.ctx.lang, **values)

    def week(self, schedule: model.Schedule) -> Week:
        return week(schedule)

    # --- one service ----------------------------------------------------------
    def _owners(self, service_id: str) -> tuple[model.Service, model.Provider, model.Unit | None]:
        pf = self.ctx.service_provider(service_id)
        service = self.ctx.service(service_id)
        return service, pf.provider, self.ctx.unit(pf.provider.id, service.unit)

    def _name(self, provider: model.Provider) -> str:
        return self.ctx.t(provider.short_name or provider.name)

    def schedules(self, service_id: str, *, brief: bool = False) -> list[OwnedSchedule]:
        """The service's own hours and, when it belongs to an office (unit), the office's
        hours as well: the office's breaks are shown wherever its hours are. Without either,
        the provider's hours (``brief``: only its first schedule, its working hours)."""
        service, provider, unit = self._owners(service_id)
        found = [OwnedSchedule(s, "") for s in service.hours]
        if unit is not None:
            # beside the service's own hours, the office's round-the-clock opening is not the
            # service's (the night shelter is open at night in a shelter open all day)
            found += [
                OwnedSchedule(s, self.ctx.t(unit.name))
                for s in unit.hours
                if not (service.hours and s.round_the_clock)
            ]
        if not found:
            chosen = provider.hours[:1] if brief else provider.hours
            found = [OwnedSchedule(s, self._name(provider)) for s in chosen]
        return found

    def calls(self, service_id: str) -> list[CallLine]:
        """Phone numbers for the service, each with whom it reaches: the service's own, else
        its office's, else the provider's (and the people the provider names)."""
        service, provider, unit = self._owners(service_id)
        lines = [
            CallLine(e, self._who(e, self.ctx.t(service.name))) for e in service.contacts.phones
        ]
        if not lines and unit is not None:
            lines = [CallLine(e, self._who(e, self.ctx.t(unit.name))) for e in unit.contacts.phones]
        if not lines:
            lines = self.provider_calls(provider)
        return lines

    def provider_calls(self, provider: model.Provider) -> list[CallLine]:
        """A provider's main numbers: its own, else its head's and people's, else its offices'."""
        name = self._name(provider)
        lines = [CallLine(e, self._who(e, name)) for e in provider.contacts.phones]
        if not lines:
            for person in ([provider.head] if provider.head else []) + provider.people:
                who = f"{name}: {self.ctx.t(person.role)}"
                lines += [CallLine(e, who) for e in person.phones]
        if not lines:
            for unit in provider.units:
                lines += [
                    CallLine(e, self._who(e, self.ctx.t(unit.name))) for e in unit.contacts.phones
                ]
        return lines

    def main_calls(self, provider: model.Provider) -> list[CallLine]:
        """A provider's main contact for a list of every provider: the first number of each
        office or person its numbers reach."""
        seen: set[str] = set()
        lines = []
        name = self._name(provider)
        for line in self.provider_calls(provider):
            if line.who not in seen:
                seen.add(line.who)
                # the list names the provider already: keep only the office or role
                who = line.who.removeprefix(name).removeprefix(": ")
                lines.append(CallLine(line.entry, who))
        return lines

    def _who(self, entry: model.PhoneEntry, owner: str) -> str:
        return f"{owner}: {self.ctx.t(entry.label)}" if entry.label else owner

    def addresses(self, service_id: str) -> list[model.Location]:
        service, provider, unit = self._owners(service_id)
        ids = service.locations or (unit.locations if unit else []) or provider.locations
        return [self.ctx.location(i) for i in ids]

    def free_limits(self, service_id: str) -> list[model.Limit]:
        return [limit for limit in self.ctx.service(service_id).limits if limit.free]

    # --- which providers a page belongs to (the help box) ------------------------
    def page_providers(self, kind: str | None, item_id: str | None) -> tuple[str, ...]:
        """The providers of a page about one service, provider, report or benefit (one),
        or about one place (those serving it); () for pages about everything."""
        data = self.ctx.data
        if not kind or not item_id:
            return ()
        if kind == "provider" and item_id in data.providers:
            return (item_id,)
        if kind == "service" and item_id in data.services:
            return (data.services[item_id][1],)
        if kind == "report" and item_id in data.reports:
            return (data.reports[item_id].provider,)
        if kind == "benefit":
            return tuple(
                pid
                for pid, pf in data.providers.items()
                if any(b.id == item_id for b in pf.benefits)
            )
        if kind == "place":
            return self._serving(item_id)
        return ()

    def _serving(self, place_id: str) -> tuple[str, ...]:
        try:
            from .places import Territory
        except ImportError:  # no territory data in this build
            return ()
        territory = Territory(self.ctx.data)
        return tuple(
            pid for pid in self.ctx.data.providers if territory.provider_covers(pid, place_id)
        )
