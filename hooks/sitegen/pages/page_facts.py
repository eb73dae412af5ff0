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

from ..base.plurals import count_text
from ..base.weekdays import WEEKDAYS
from ..data import model
from ..data.provenance import Owned, ServiceFacts, provider_phones, resolve

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
    owner: str  # whose hours, in the page language: "" for the service's own
    source: str = "own"  # own, unit or provider (provenance.Owner.source)
    whose: str = "own"  # provenance.Owner.key: the page's data-whose


@dataclass(frozen=True)
class OwnedLocation:
    location: model.Location
    owner: str  # whose address, in the page language: "" for the service's own
    source: str = "own"
    whose: str = "own"


@dataclass(frozen=True)
class CallLine:
    entry: model.PhoneEntry
    who: str  # whom the number reaches, in the page language
    whose: str = "own"  # provenance.Owner.key: the page's data-whose


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

    # --- one service: its facts, each with whose it is (provenance.py) ------------
    def of(self, service_id: str) -> ServiceFacts:
        return resolve(self.ctx.data, service_id)

    def _name(self, provider: model.Provider) -> str:
        return self.ctx.t(provider.short_name or provider.name)

    def _owner(self, owned: Owned[Any]) -> str:
        return "" if owned.own else self.ctx.t(owned.owner.name)

    def schedules(self, service_id: str, *, brief: bool = False) -> list[OwnedSchedule]:
        """The service's own hours first, then the office hours where one asks about it,
        each with whose they are (``brief``: of a provider's office hours only the first,
        its working hours)."""
        found: list[OwnedSchedule] = []
        for owned in self.of(service_id).schedules:
            lent = owned.owner.source == "provider"
            if brief and lent and any(f.source == "provider" for f in found):
                continue
            found.append(
                OwnedSchedule(owned.value, self._owner(owned), owned.owner.source, owned.owner.key)
            )
        return found

    @staticmethod
    def days_not_given(schedules: list[OwnedSchedule]) -> bool:
        """Whether the source leaves out the weekdays of any span of these hours."""
        return any(not hours.days for owned in schedules for hours in owned.schedule.hours)

    def calls(self, service_id: str) -> list[CallLine]:
        """Phone numbers for the service, each with whom it reaches: its own, else its
        office's, else its provider's (or the people the provider names); never another
        office's."""
        return [self._call(owned) for owned in self.of(service_id).phones]

    def addresses(self, service_id: str) -> list[OwnedLocation]:
        return [
            OwnedLocation(owned.value, self._owner(owned), owned.owner.source, owned.owner.key)
            for owned in self.of(service_id).locations
        ]

    def lent_by_provider(self, service_id: str, what: str) -> str:
        """The provider's name when every fact of this kind (hours, phone, address) shown for
        the service is its provider's, not its own nor its office's: the page then says the
        source gives none for the service and where to ask. "" otherwise."""
        facts = self.of(service_id)
        shown = {"hours": facts.schedules, "phone": facts.phones, "address": facts.locations}
        values: tuple[Owned[Any], ...] = shown[what]
        if values and all(o.owner.source == "provider" for o in values):
            return self.ctx.t(values[0].owner.name)
        return ""

    def emails(self, service_id: str) -> list[tuple[model.EmailEntry, str, str]]:
        """(e-mail, whose in words or "" for the service's own, ``Owner.key``)."""
        return [
            (owned.value, self._owner(owned), owned.owner.key)
            for owned in self.of(service_id).emails
        ]

    def provider_calls(self, provider: model.Provider) -> list[CallLine]:
        """A provider's main numbers: its own, else its head's and people's, else its offices'
        (``provenance.provider_phones``), each with whom it reaches."""
        return [self._call(owned) for owned in provider_phones(provider)]

    def _call(self, owned: Owned[model.PhoneEntry]) -> CallLine:
        who = self.ctx.t(owned.owner.name)
        if owned.person is not None:
            who = f"{who}: {self.ctx.t(owned.person.role)}"
        return CallLine(owned.value, self._who(owned.value, who), owned.owner.key)

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
                lines.append(CallLine(line.entry, who, line.whose))
        return lines

    def _who(self, entry: model.PhoneEntry, owner: str) -> str:
        return f"{owner}: {self.ctx.t(entry.label)}" if entry.label else owner

    def free_limits(self, service_id: str) -> list[model.Limit]:
        return self.ctx.service(service_id).free_limits

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
        from ..places.territory import Territory

        territory = Territory(self.ctx.data)
        return tuple(
            pid for pid in self.ctx.data.providers if territory.provider_covers(pid, place_id)
        )
