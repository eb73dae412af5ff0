"""The data model: the one declarative description of everything under ``data/``.

Each ``*File`` class describes one data file. The JSON Schema for editors
(``schema/*.schema.json``) is generated from these classes, the validator checks the
files against them, and the pages are rendered from the validated objects.
Rules that span several objects or files live in ``cross_checks.py``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, WithJsonSchema, model_validator

from ..base.languages import LANGUAGES, PLURAL_CATEGORIES, hhmm
from ..base.messages import message
from ..base.weekdays import Weekday
from .calendar_file import CalendarFile, SeasonDates
from .field_types import (
    Amount,
    Count,
    Email,
    Euros,
    Iban,
    Id,
    IdList,
    IsoDate,
    NonEmptyStr,
    Percent,
    Phone,
    PostalCode,
    RegistrationNumber,
    Strict,
    Text,
    Time,
    WebAddress,
    Year,
    _fail,
    _no_duplicates,
    minutes,
)
from .ids import IdOf, RefTo

# an editor's doubt about a fact, kept in the data and listed by `make doubts`; never shown
# to residents (they see the fact as published)
Verify = Annotated[
    NonEmptyStr | None,
    Field(
        default=None,
        description="An editor's doubt to check with the institution (listed by `make "
        "doubts`, not shown on the site), e.g. 'LV-4061 or LV-4601?'",
    ),
]

# --- contacts and people -----------------------------------------------------


class PhoneEntry(Strict):
    number: Phone = Field(description="Latvian number, e.g. 64607194 or +371 64607194")
    label: Text | None = Field(default=None, description="Whose or which line, e.g. Director")


class EmailEntry(Strict):
    address: Email
    label: Text | None = None


class Contacts(Strict):
    phones: list[PhoneEntry] = Field(default_factory=list)
    emails: list[EmailEntry] = Field(default_factory=list)


# --- opening hours -----------------------------------------------------------


class Break(Strict):
    start: Time
    end: Time


class DayHours(Strict):
    """Opening hours that are the same on the listed weekdays (or, for meal and hand-out
    times, a start time only: ``open`` without ``close``)."""

    days: Annotated[list[Weekday], AfterValidator(_no_duplicates)] | None = Field(
        default=None,
        min_length=1,
        description="Weekdays (mon..sun). Leave out only when the source does not say which days.",
    )
    open: Time = Field(description='Opening time, or the time something starts, "HH:MM"')
    close: Time | None = Field(
        default=None,
        description="Closing time. Leave out only in a `kind: meals` schedule whose source "
        "gives a start time only ('at 15.00'): no end is invented",
    )
    overnight: bool = Field(
        default=False,
        description="True when the span passes midnight (e.g. 18:00 to 08:00 next morning)",
    )
    breaks: list[Break] = Field(default_factory=list, description="Lunch breaks inside the span")

    def sessions(self, close: dt.time | None = None) -> list[tuple[dt.time, dt.time | None]]:
        """The (opens, closes) sessions of the span, split at each break: the one owner of
        the split (HSDS rows, JSON-LD, its special hours). ``close`` is a closing time moved
        earlier (a shortened day): a break from it on falls away, one across it ends there,
        and a session of no length (a break that would start at the new closing time) is
        not a session. A start time only gives one session without an end."""
        end = close or self.close
        edges: list[dt.time | None] = [self.open]
        for brk in self.breaks:
            if end is None or self.overnight or brk.start < end:
                edges += [
                    brk.start,
                    brk.end if end is None or self.overnight else min(brk.end, end),
                ]
        edges.append(end)
        pairs = [(edges[i], edges[i + 1]) for i in range(0, len(edges), 2)]
        return [(opens, closes) for opens, closes in pairs if opens != closes]  # type: ignore[misc]

    @model_validator(mode="after")
    def _span(self) -> DayHours:
        if self.close is None:
            if self.overnight or self.breaks:
                raise _fail("start_only_span")
            return self
        start, end = minutes(self.open), minutes(self.close)
        if self.overnight:
            if end >= start:
                raise _fail(
                    "overnight_not_needed",
                    open=hhmm(self.open),
                    close=hhmm(self.close),
                )
        elif end <= start:
            raise _fail(
                "span_backwards",
                open=hhmm(self.open),
                close=hhmm(self.close),
            )
        span_end = end + (24 * 60 if self.overnight else 0)
        previous: tuple[int, int, Break] | None = None
        for index, brk in enumerate(self.breaks):
            b_start, b_end = minutes(brk.start), minutes(brk.end)
            if self.overnight:  # times before the opening time are on the next day
                if b_start < start:
                    b_start += 24 * 60
                if b_end < start:  # a break may itself cross midnight: 23:30-00:30
                    b_end += 24 * 60
            if not (start < b_start < b_end < span_end):
                raise _fail(
                    "break_outside",
                    at=("breaks", index),
                    bs=hhmm(brk.start),
                    be=hhmm(brk.end),
                    open=hhmm(self.open),
                    close=hhmm(self.close),
                )
            # in the order of the day and apart: the timeline, HSDS and JSON-LD cut the span
            # at each break in turn (an overlap would make a session that ends before it starts)
            if previous is not None:
                p_start, p_end, p_brk = previous
                if b_start < p_end:
                    raise _fail(
                        "break_overlap" if b_start >= p_start else "break_order",
                        at=("breaks", index),
                        bs=hhmm(brk.start),
                        be=hhmm(brk.end),
                        ps=hhmm(p_brk.start),
                        pe=hhmm(p_brk.end),
                    )
            previous = (b_start, b_end, brk)
        return self


ScheduleKind = Literal["office", "reception", "service", "distribution", "meals", "operation"]


@dataclass(frozen=True)
class KindRule:
    """What a kind of schedule is, and how the Latvian calendar changes it."""

    closes_on_holidays: bool  # no hours on public holidays and moved days off
    shortened_before_holidays: bool  # one hour shorter the day before (the provider's rule)
    start_times: bool  # may give a start time only ("at 15.00"), no closing time
    open_state: bool  # "open"/"closed" can be said of it (the directory's "open now" filter)


# The one table of schedule kinds (opening.py, the resolver, the pages and the open data read
# it). Office and reception hours are a working day: closed on holidays, one hour shorter the
# day before. A service given on working days (home care), a hand-out (food parcels) and meal
# times follow the working days; only office hours shorten. Operation (a shelter round the
# clock, a night shelter's nights) goes on through holidays.
SCHEDULE_KINDS: dict[str, KindRule] = {
    "office": KindRule(True, True, False, True),
    "reception": KindRule(True, True, False, True),
    "service": KindRule(True, True, False, True),
    "distribution": KindRule(True, False, False, True),
    "meals": KindRule(True, False, True, False),
    "operation": KindRule(False, False, False, True),
}


class Schedule(Strict):
    """One set of hours: working hours, reception hours of a person, a season's hours, the
    times meals are served."""

    kind: ScheduleKind | None = Field(
        default=None,
        description="What these hours are: office (working hours of an office, the default), "
        "reception (a person or department receives visitors), service (when the service is "
        "given, on working days), distribution (hand-outs, e.g. food parcels), meals (meal "
        "times; a start time only is allowed), operation (the place itself is open, e.g. a "
        "shelter round the clock or a night shelter's nights; the default with "
        "`round_the_clock`). Office, reception and service hours close on public holidays "
        "and are one hour shorter the day before; distribution and meals follow the working "
        "days; operation goes on through holidays",
    )
    label: Text | None = Field(
        default=None, description="e.g. Working hours, Head receives visitors"
    )
    person: NonEmptyStr | None = Field(default=None, description="Name of the person who receives")
    season: Text | None = Field(default=None, description="e.g. winter period")
    season_dates: SeasonDates | None = Field(
        default=None,
        description="The days of the season; leave out when the source does not give them "
        "(the page then shows every season's hours)",
    )
    public_holidays: Literal["closed", "open"] | None = Field(
        default=None,
        description="Leave out: the kind decides. closed: no hours on public holidays and "
        "moved days off; open: the usual hours on those days too",
    )
    round_the_clock: bool = Field(default=False, description="Open 24 hours, every day")
    locations: Annotated[IdList, RefTo("location")] = Field(
        default_factory=list,
        description="Where these hours apply, when the service is at several places with "
        "different times (e.g. a soup kitchen's meal times at each kitchen)",
    )
    hours: list[DayHours] = Field(default_factory=list)
    note: Text | None = None

    @property
    def what(self) -> str:
        """The schedule's kind (``SCHEDULE_KINDS``): as given, else operation for a
        round-the-clock schedule and office hours for any other."""
        return self.kind or ("operation" if self.round_the_clock else "office")

    @property
    def rule(self) -> KindRule:
        return SCHEDULE_KINDS[self.what]

    @property
    def closes_on_holidays(self) -> bool:
        if self.public_holidays is not None:
            return self.public_holidays == "closed"
        return self.rule.closes_on_holidays

    @property
    def start_times_only(self) -> bool:
        """Every entry gives a start time only ("at 15.00")."""
        return bool(self.hours) and all(h.close is None for h in self.hours)

    @model_validator(mode="after")
    def _some_hours(self) -> Schedule:
        if self.round_the_clock and self.hours:
            raise _fail(
                "hours_both",
            )
        if not self.round_the_clock and not self.hours:
            raise _fail("hours_missing")
        for index, day_hours in enumerate(self.hours):
            if day_hours.close is None and not self.rule.start_times:
                raise _fail("close_missing", at=("hours", index, "close"))
        if self.hours and not self.start_times_only and any(h.close is None for h in self.hours):
            raise _fail(
                "close_mixed",
            )
        seen: set[str] = set()
        for day_hours in self.hours:
            for day in day_hours.days or ():
                if day in seen:
                    raise _fail("day_twice", day=day)
                seen.add(day)
        return self


# --- places, people, organisations ------------------------------------------


class Location(Strict):
    id: Annotated[Id, IdOf("location")]
    name: Text | None = Field(default=None, description="Name of the place, e.g. Shelter")
    street: NonEmptyStr = Field(
        description="Street and number as written in Latvian, e.g. Ezera iela 23A"
    )
    town: NonEmptyStr = Field(description="Town or village, e.g. Rēzekne")
    parish: NonEmptyStr | None = Field(
        default=None, description="Parish (pagasts), e.g. Silmalas pagasts"
    )
    county: NonEmptyStr | None = Field(
        default=None, description="County (novads), e.g. Rēzeknes novads"
    )
    postal_code: PostalCode | None = None
    verify: Verify = None


class Person(Strict):
    name: NonEmptyStr
    role: Text
    phones: list[PhoneEntry] = Field(default_factory=list)


class StaffCount(Strict):
    count: Count
    role: Text
    source: Annotated[Id | None, RefTo("source")] = Field(
        default=None, description="The source (data/sources.yaml) that gives this figure"
    )
    verify: Verify = None


class Section(Strict):
    heading: Text
    body: Text = Field(
        description="Text in the small Markdown subset described in docs/data-format.md"
    )


class Account(Strict):
    iban: Iban
    label: Text
    holder: Text | None = None
    holder_registration_number: RegistrationNumber | None = None


class Unit(Strict):
    id: Annotated[Id, IdOf("unit", per_file=True)]
    name: Text
    description: Text | None = None
    duties: list[Text] = Field(default_factory=list)
    head: Person | None = None
    locations: Annotated[IdList, RefTo("location")] = Field(default_factory=list)
    contacts: Contacts = Field(default_factory=Contacts)
    hours: list[Schedule] = Field(default_factory=list)


class Provider(Strict):
    id: Annotated[Id, IdOf("provider")]
    name: Text
    short_name: Text | None = None
    kind: Text | None = Field(
        default=None, description="What sort of body, e.g. municipal institution"
    )
    summary: Text
    founded: IsoDate | None = None
    registration_number: RegistrationNumber | None = None
    accounts: list[Account] = Field(default_factory=list)
    head: Person | None = None
    people: list[Person] = Field(default_factory=list)
    area: Annotated[IdList, RefTo("place")] = Field(
        min_length=1, description="Places it serves (data/places.yaml), e.g. [rezekne-city]"
    )
    locations: Annotated[IdList, RefTo("location")] = Field(default_factory=list)
    contacts: Contacts = Field(default_factory=Contacts)
    hours: list[Schedule] = Field(default_factory=list)
    staff: list[StaffCount] = Field(default_factory=list)
    where_to_ask: Text | None = Field(
        default=None,
        description="Where residents turn for a service, as the source says (e.g. the "
        "social worker of their parish); shown on the pages of its services",
    )
    sections: list[Section] = Field(default_factory=list)
    units: list[Unit] = Field(default_factory=list)
    sources: Annotated[IdList, RefTo("source")] = Field(
        default_factory=list,
        description="Where the provider's facts come from (ids in data/sources.yaml)",
    )
    checked: IsoDate | None = Field(
        default=None,
        description="The day the facts were last checked with the institution; leave out "
        "until they have been (the page then says so)",
    )
    verify: Verify = None


# --- vocabularies ------------------------------------------------------------


class Category(Strict):
    id: Annotated[Id, IdOf("category")]
    name: Text
    description: Text | None = None


class Audience(Strict):
    id: Annotated[Id, IdOf("audience")]
    name: Text
    named_by: list[NonEmptyStr] = Field(
        default_factory=list,
        description="Latvian words (a * at the end: any ending) that must all be in a "
        "service's `eligibility` for the service to carry this audience: a tag never says "
        "more than the source (sitegen/checks/editorial.py)",
    )


class Abbreviation(Strict):
    id: Annotated[Id, IdOf("abbreviation")]
    short: Text = Field(description="The abbreviation as written, e.g. GMI")
    full: Text = Field(description="What it stands for, used for <abbr> and for reading aloud")


class CountedText(Strict):
    """A text with a number in it, one form per plural category of each language (Latvian:
    zero — 0, 10–20, 30 …; one — 1, 21, 31 …; other — 2–9, 22 …; English: one, other)."""

    lv: dict[str, NonEmptyStr] = Field(
        description="zero, one and other, e.g. {zero: 'līdz {max} stundām mēnesī', …}"
    )
    en: dict[str, NonEmptyStr] = Field(description="one and other")

    @model_validator(mode="after")
    def _forms(self) -> CountedText:
        for lang in LANGUAGES:
            forms, wanted = getattr(self, lang), PLURAL_CATEGORIES[lang]
            if set(forms) != set(wanted):
                raise _fail(
                    "counted.forms",
                    at=(lang,),
                    lang=message(f"word.{lang}"),
                    wanted=", ".join(wanted),
                    got=", ".join(forms) or message("word.none"),
                )
        return self


class MeasureUnit(Strict):
    """What a price is per: a month, an hour, a kilometre (``units`` in data/vocabulary.yaml)."""

    id: Annotated[Id, IdOf("unit of measure")] = Field(
        description="Used in a price's `unit:`, e.g. km (small Latin letters, digits, hyphens)"
    )
    per: Text = Field(
        description="The words after the amount: '8,80 € mēnesī' / '€8.80 a month' -> "
        "{lv: mēnesī, en: a month}"
    )
    spoken: Text | None = Field(
        default=None,
        description="`per` as it is read aloud, when it is written short: "
        "{lv: par kilometru, en: per kilometre} for {lv: par km, en: per km}",
    )
    quantity: Text = Field(
        description="The calculator's question, e.g. {lv: Kilometru skaits, en: Number of kilometres}"
    )
    limit: CountedText | None = Field(
        default=None,
        description="A price's monthly limit (max_quantity) in words, with {max}; leave out "
        "for the plain 'ne vairāk kā {max} mēnesī' / 'at most {max} a month'",
    )
    fractional: bool = Field(
        default=False, description="True when a person may type a part, e.g. 12.5 hours"
    )


# the units the calculation itself names: care levels are priced per month or per hour, and a
# daily price capped a month counts days
BUILT_IN_UNITS = ("month", "hour", "day")


class VocabularyFile(Strict):
    categories: list[Category]
    audiences: list[Audience]
    abbreviations: list[Abbreviation] = Field(default_factory=list)
    units: list[MeasureUnit] = Field(
        min_length=1,
        description="What prices are per (month, hour, km …); add a unit at the end of the list",
    )

    @model_validator(mode="after")
    def _built_in_units(self) -> VocabularyFile:
        ids = {unit.id for unit in self.units}
        for unit_id in BUILT_IN_UNITS:
            if unit_id not in ids:
                raise _fail("unit.builtin", at=("units",), id=unit_id)
        return self


class LegalAct(Strict):
    id: Annotated[Id, IdOf("legal act")]
    title: Text
    issuer: Text | None = None
    number: NonEmptyStr | None = None
    date: IsoDate | None = None


class LegalActsFile(Strict):
    legal_acts: list[LegalAct]


# --- services ----------------------------------------------------------------


class VisitsPerWeek(Strict):
    min: Count
    max: Count

    @model_validator(mode="after")
    def _order(self) -> VisitsPerWeek:
        if self.min > self.max or self.max == 0:
            raise _fail(
                "visits_order",
                lo=self.min,
                hi=self.max,
            )
        return self


class CareLevel(Strict):
    level: Count
    name: Text
    visits_per_week: VisitsPerWeek
    max_hours_per_month: Count
    includes_previous_level: bool = False
    includes: list[Text] = Field(default_factory=list)


class Limit(Strict):
    text: Text
    days: Count | None = Field(
        default=None, description="Number of days, when the limit is a number of days"
    )
    per: Literal["stay", "year", "calendar-year", "month"] | None = None
    free: bool = Field(
        default=False,
        description="True when the source says the service is free of charge within this limit",
    )


class ServiceLink(Strict):
    service: Annotated[Id, RefTo("service")] = Field(
        description="Another service (any provider) to point to"
    )
    text: Text = Field(description="When to go there instead, e.g. Tonight – the night shelter")
    lead: bool = Field(
        default=True,
        description="Shown before the price and hours (false: after them, e.g. for a longer stay)",
    )


class Service(Strict):
    id: Annotated[Id, IdOf("service")]
    unit: Annotated[Id | None, RefTo("unit")] = None
    category: Annotated[Id, RefTo("category")]
    audiences: Annotated[IdList, RefTo("audience")] = Field(min_length=1)
    name: Text
    summary: Text
    eligibility: Text | None = Field(default=None, description="Who may get the service")
    benefit: bool = Field(
        default=False,
        description="The service is a benefit: help in money or in kind that the resident receives "
        "(social assistance, food parcels): it has no fee and no price line",
    )
    includes: list[Text] = Field(default_factory=list)
    levels: list[CareLevel] = Field(default_factory=list)
    documents: list[Text] = Field(default_factory=list, description="Documents to bring")
    how_to_apply: Text | None = None
    area: Annotated[IdList, RefTo("place")] = Field(
        default_factory=list,
        description="Places it serves (data/places.yaml); leave out when it is its provider's area",
    )
    locations: Annotated[IdList, RefTo("location")] = Field(default_factory=list)
    contacts: Contacts = Field(default_factory=Contacts)
    hours: list[Schedule] = Field(default_factory=list)
    times: list[Text] = Field(
        default_factory=list,
        description="When something happens at a set time (meals, hand-outs), e.g. "
        "'On working days at 15.00 at the Shelter'; shown before the opening hours",
    )
    limits: list[Limit] = Field(default_factory=list)
    legal_basis: Annotated[IdList, RefTo("legal act")] = Field(default_factory=list)
    notes: list[Text] = Field(default_factory=list)
    sources: Annotated[IdList, RefTo("source")] = Field(
        default_factory=list,
        description="Where the service's facts come from, when not the provider's sources",
    )
    verify: Verify = None
    lead_note: Text | None = Field(
        default=None,
        description="One line shown first on the page, e.g. Tonight – here: a bed without a contract",
    )
    see_also: list[ServiceLink] = Field(
        default_factory=list,
        description="Services to go to instead, shown first on the page (which one for tonight)",
    )

    @property
    def free_limits(self) -> list[Limit]:
        """What the service gives free ("up to 2 hours a week"), before any price."""
        return [limit for limit in self.limits if limit.free]


# --- fees --------------------------------------------------------------------

# a price's unit: one of the `units` of data/vocabulary.yaml
UnitOfMeasure = Annotated[Id, RefTo("unit of measure")]


class PerUnitRule(Strict):
    kind: Literal["per_unit"]
    amount: Amount
    unit: UnitOfMeasure = Field(description="What the price is per, e.g. month, hour, km")
    max_quantity: Count | None = Field(
        default=None,
        description="Most units a month (leave out for care levels: taken from the level)",
    )


class FirstAndNextRule(Strict):
    kind: Literal["first_and_next"]
    first: Amount
    next: Amount
    unit: UnitOfMeasure = Field(description="What the price is per, e.g. injection, trip")


class IncomeShareRule(Strict):
    kind: Literal["income_share"]
    percent: Percent
    base: Text = Field(description="Whose income and for which period")


class DailyCappedRule(Strict):
    kind: Literal["daily_capped"]
    daily: Amount
    monthly: Amount


Rule = Annotated[
    PerUnitRule | FirstAndNextRule | IncomeShareRule | DailyCappedRule,
    Field(discriminator="kind"),
]


class ExemptionTest(Strict):
    """When an exemption applies, in terms of the calculator's questions (all given must hold)."""

    months_at_most: Count | None = Field(
        default=None,
        description="Applies while the months stayed this year are at most this many",
    )
    none_in_previous_months: Count | None = Field(
        default=None,
        description="Applies only if the service was not received in this many previous months",
    )
    justified_absence: bool = Field(
        default=False,
        description="Applies while the client is away for a justified reason (with documents)",
    )

    @model_validator(mode="after")
    def _some_test(self) -> ExemptionTest:
        if (
            self.months_at_most is None
            and self.none_in_previous_months is None
            and not self.justified_absence
        ):
            raise _fail(
                "exemption_test_empty",
            )
        return self


class Exemption(Strict):
    id: Id
    text: Text
    applies: ExemptionTest | None = Field(
        default=None,
        description="When it applies, so the calculator can ask and decide; leave out if unsure",
    )


class FeeItem(Strict):
    id: Id
    label: Text
    level: Count | None = Field(default=None, description="Care level this price is for")
    rule: Rule
    conditions: list[Text] = Field(default_factory=list)
    reading: Text | None = Field(
        default=None,
        description="Where the source can be read two ways: which reading the calculator "
        "follows, and the other; shown with the price and the calculator",
    )
    verify: Verify = None


class Fee(Strict):
    id: Annotated[Id, IdOf("fee")]
    service: Annotated[
        Id, RefTo("service", same_file="a fee belongs to a service in the same provider file")
    ] = Field(description="The service (in the same provider file) this fee is for")
    name: Text
    legal_basis: Annotated[IdList, RefTo("legal act")] = Field(
        default_factory=list,
        description="Every fee needs its legal basis: the legal acts (data/legal-acts.yaml) "
        "that set the prices. A new decision that changes the prices replaces the old one here",
    )
    legal_basis_pending: Text | None = Field(
        default=None,
        description="While the decision that sets the prices is not yet published with its "
        "number: the decision as known, e.g. the council's decision of 27 November 2026 "
        "(the page says its number is not yet published here). Remove it once the act is in "
        "data/legal-acts.yaml and named in legal_basis",
    )
    items: list[FeeItem] = Field(min_length=1)
    conditions: list[Text] = Field(default_factory=list)
    exemptions: list[Exemption] = Field(default_factory=list)

    @model_validator(mode="after")
    def _one_legal_basis(self) -> Fee:
        if self.legal_basis and self.legal_basis_pending is not None:
            raise _fail("legal_basis_both", at=("legal_basis_pending",))
        if not self.legal_basis and self.legal_basis_pending is None:
            raise _fail("legal_basis_missing", at=("legal_basis",))
        return self


# --- benefits and the 2017 report -------------------------------------------

BenefitGroup = Literal["social-assistance", "municipal", "orphans-and-foster-families"]


class Benefit(Strict):
    id: Annotated[Id, IdOf("benefit")]
    group: BenefitGroup
    name: Text
    description: Text | None = None
    eligibility: Text | None = Field(default=None, description="Who may get it, as the source says")
    how_to_apply: Text | None = Field(default=None, description="How to apply, as the source says")
    legal_basis: Annotated[IdList, RefTo("legal act")] = Field(default_factory=list)


class KeyFigure(Strict):
    id: Id
    value: Euros
    unit: Literal["eur", "percent", "people", "families", "count"]
    label: Text
    note: Text | None = Field(
        default=None, description="Shown with the figure, e.g. where the sources differ"
    )
    verify: Verify = None


class BenefitRow(Strict):
    label: Text
    benefit: Annotated[Id | None, RefTo("benefit")] = Field(
        default=None, description="The benefit in benefits.yaml, if listed there"
    )
    spent_eur: Euros
    families: Count
    persons: Count
    verify: Verify = None


class ReportFile(Strict):
    id: Annotated[Id, IdOf("report")]
    provider: Annotated[Id, RefTo("provider")]
    year: Year
    title: Text
    summary: Text
    key_figures: list[KeyFigure] = Field(default_factory=list)
    benefits_table_caption: Text
    benefits_table: list[BenefitRow] = Field(min_length=1)
    sections: list[Section] = Field(default_factory=list)
    source: Annotated[Id | None, RefTo("source")] = Field(
        default=None, description="The source in data/sources.yaml"
    )
    verify: Verify = None


class SiteFile(Strict):
    """Site-wide texts: ``data/site.yaml``."""

    name: Text
    description: Text
    help_contact: Annotated[Id, RefTo("provider")] = Field(
        description="Provider whose contacts are shown in the help box on every page"
    )
    licence: Text | None = Field(
        default=None,
        description="The licence of the open data files, as the source states it; leave out "
        "while no licence is stated (the Open data page then says so)",
    )

    report_mistake_url: WebAddress | None = Field(
        default=None,
        description="Address where residents report a mistake (e.g. the repository's issue "
        "form), an https:// address; the footer shows the link only when it is set",
    )


# --- the termbase -------------------------------------------------------------

# a term pattern: words, each may end in * for "any ending" (Latvian cases: pabalst*)
TERM_PATTERN_RE = r"^[^\s*]+\*?(?: [^\s*]+\*?)*$"
# every form becomes a regular expression (terms.pattern): literal words, `\w*` after a
# star, `\s+` between words; a word is never empty, so no two quantifiers meet and matching
# stays linear. A form is short besides: at most this many words and characters
TERM_MAX_WORDS = 8
TERM_MAX_CHARS = 80


def _check_term_form(value: object) -> object:
    if isinstance(value, str) and not (
        len(value) <= TERM_MAX_CHARS
        and len(value.split()) <= TERM_MAX_WORDS
        and re.fullmatch(TERM_PATTERN_RE, value)
    ):
        raise _fail("term_form", value=value, words=TERM_MAX_WORDS, most=TERM_MAX_CHARS)
    return value


TermForm = Annotated[
    str,
    AfterValidator(_check_term_form),
    WithJsonSchema({"type": "string", "pattern": TERM_PATTERN_RE, "maxLength": TERM_MAX_CHARS}),
]


class Term(Strict):
    """One Latvian term and the one English term chosen for it (``data/terms.yaml``)."""

    id: Id
    lv: NonEmptyStr = Field(description="The Latvian term in its base form, as the law writes it")
    en: TermForm = Field(description="The one English term used for it on every page")
    lv_forms: list[TermForm] = Field(
        min_length=1,
        description="How the Latvian term is found in texts, with * for any ending, "
        "e.g. 'dzīvokļa pabalst*'",
    )
    en_forms: list[TermForm] = Field(
        default_factory=list,
        description="Other accepted forms of the English term (e.g. a plural); "
        "the English term itself is always accepted",
    )
    forbidden: list[TermForm] = Field(
        default_factory=list, description="English renderings that must not be used"
    )
    forbidden_lv: list[TermForm] = Field(
        default_factory=list,
        description="Latvian words that are wrong for this term, e.g. 'līdzdalīb*'",
    )
    basis: NonEmptyStr | None = Field(
        default=None, description="Where the Latvian term comes from, e.g. the law's title"
    )
    note: NonEmptyStr | None = None

    @model_validator(mode="after")
    def _forbidden_is_not_chosen(self) -> Term:
        chosen = {self.en.casefold(), *(f.casefold() for f in self.en_forms)}
        for index, variant in enumerate(self.forbidden):
            if variant.casefold() in chosen:
                raise _fail(
                    "term_forbids_itself",
                    at=("forbidden", index),
                    variant=variant,
                )
        return self


class TermsFile(Strict):
    """The termbase: ``data/terms.yaml``."""

    terms: list[Term]

    @model_validator(mode="after")
    def _one_english_term_each(self) -> TermsFile:
        seen: dict[str, str] = {}
        for index, term in enumerate(self.terms):
            key = term.lv.casefold()
            if key in seen and seen[key] != term.en:
                raise _fail(
                    "term_twice",
                    at=("terms", index, "lv"),
                    lv=term.lv,
                    first=seen[key],
                    second=term.en,
                )
            seen[key] = term.en
        return self


# --- sources -------------------------------------------------------------------


class Source(Strict):
    """Where facts come from: ``data/sources.yaml``."""

    id: Annotated[Id, IdOf("source")]
    title: Text
    publisher: Text | None = Field(default=None, description="Leave out if the source does not say")
    year: Count | None = Field(default=None, description="Year of the source, if no exact date")
    date: IsoDate | None = None
    covers: Text = Field(
        description="What the source covers, e.g. the Social Service's work in 2017"
    )
    verify: Verify = None


class SourcesFile(Strict):
    sources: list[Source]


# --- the whole data directory ------------------------------------------------


class ProviderFile(Strict):
    """Everything one provider offers: ``data/providers/<provider-id>.yaml``."""

    provider: Provider
    locations: list[Location] = Field(default_factory=list)
    services: list[Service] = Field(default_factory=list)
    fees: list[Fee] = Field(default_factory=list)
    benefits: list[Benefit] = Field(default_factory=list)


# --- places and the finder (the rules beyond ids: places/territory.py, places/finder.py) -------

PlaceKind = Literal["city", "county", "parish", "former-municipality"]


class Place(Strict):
    id: Annotated[Id, IdOf("place")]
    kind: PlaceKind = Field(description="city, county, parish or former-municipality")
    name: Text = Field(description="The place's name as residents say it")
    within: Annotated[Id | None, RefTo("place")] = Field(
        default=None, description="The place this one lies in (a parish's county), by id"
    )


class TransitionSource(Strict):
    provider: Annotated[Id, RefTo("provider")] = Field(
        description="The provider whose published text states the rule"
    )
    text: Text = Field(description="The rule as the source words it (Latvian as published)")


class Transition(Strict):
    """While a merged county has no common rules, the former municipalities' rules apply."""

    id: Annotated[Id, IdOf("transition")]
    in_county: Annotated[Id, RefTo("place")] = Field(
        description="The county (a place of kind county) the rule is for"
    )
    former_municipalities: Annotated[IdList, RefTo("place")] = Field(
        min_length=1, description="Places of kind former-municipality within that county"
    )
    rule: Text = Field(description="The rule in plain words for residents")
    source: TransitionSource


class PlacesFile(Strict):
    """``data/places.yaml``: the places residents live in and the transition rules."""

    places: list[Place] = Field(min_length=1)
    transitions: list[Transition] = Field(default_factory=list)


class WhoAnswer(Strict):
    id: Annotated[Id, IdOf("who answer")]
    name: Text = Field(description="The answer as the finder shows it, e.g. An older person")
    audiences: Annotated[IdList, RefTo("audience")] = Field(
        default_factory=list,
        description="Audiences (vocabulary.yaml) this answer matches; leave empty for anyone",
    )


class NeedAnswer(Strict):
    id: Annotated[Id, IdOf("need answer")]
    name: Text = Field(description="The need in a resident's words, e.g. Care at home")
    categories: Annotated[IdList, RefTo("category")] = Field(
        min_length=1, description="Service categories (vocabulary.yaml)"
    )
    benefits: bool = Field(default=False, description="True for the need that lists benefits")


class BenefitAudiences(Strict):
    group: BenefitGroup
    audiences: Annotated[IdList, RefTo("audience")] = Field(
        min_length=1, description="Whom this group's benefits are for"
    )


class FinderFile(Strict):
    """``data/finder.yaml``: the answers of the finder's "who" and "need" questions."""

    who: list[WhoAnswer] = Field(min_length=1)
    needs: list[NeedAnswer] = Field(min_length=1)
    benefit_audiences: list[BenefitAudiences] = Field(default_factory=list)


# file name (or glob) -> model; the one list of data files the build reads.
DATA_FILES: dict[str, type[Strict]] = {
    "site.yaml": SiteFile,
    "vocabulary.yaml": VocabularyFile,
    "legal-acts.yaml": LegalActsFile,
    "providers/*.yaml": ProviderFile,
    "reports/*.yaml": ReportFile,
    "terms.yaml": TermsFile,
    "sources.yaml": SourcesFile,
    "calendar.yaml": CalendarFile,
    "places.yaml": PlacesFile,
    "finder.yaml": FinderFile,
}
# data files a data folder may leave out (no termbase to check, no sources to name)
OPTIONAL_DATA_FILES = {"terms.yaml", "sources.yaml"}
