"""The data model: the one declarative description of everything under ``data/``.

Each ``*File`` class describes one data file. The JSON Schema for editors
(``schema/*.schema.json``) is generated from these classes, the validator checks the
files against them, and the pages are rendered from the validated objects.
Rules that span several objects or files live in ``rules.py``.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, Field, model_validator

from .types import (
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
    Weekday,
    _fail,
    _no_duplicates,
    minutes,
)

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
    """Opening hours that are the same on the listed weekdays."""

    days: Annotated[list[Weekday], AfterValidator(_no_duplicates)] | None = Field(
        default=None,
        min_length=1,
        description="Weekdays (mon..sun). Leave out only when the source does not say which days.",
    )
    open: Time
    close: Time
    overnight: bool = Field(
        default=False,
        description="True when the span passes midnight (e.g. 18:00 to 08:00 next morning)",
    )
    breaks: list[Break] = Field(default_factory=list, description="Lunch breaks inside the span")

    @model_validator(mode="after")
    def _span(self) -> DayHours:
        start, end = minutes(self.open), minutes(self.close)
        if self.overnight:
            if end >= start:
                raise _fail(
                    "overnight_not_needed",
                    "`overnight: true` but {close} is after {open} on the same day; remove "
                    "`overnight` or check the times",
                    open=self.open,
                    close=self.close,
                )
        elif end <= start:
            raise _fail(
                "span_backwards",
                "closing time {close} is not after opening time {open}; if the span passes "
                "midnight, add `overnight: true`",
                open=self.open,
                close=self.close,
            )
        span_end = end + (24 * 60 if self.overnight else 0)
        for index, brk in enumerate(self.breaks):
            b_start, b_end = minutes(brk.start), minutes(brk.end)
            if self.overnight and b_start < start:
                b_start += 24 * 60
                b_end += 24 * 60
            if not (start < b_start < b_end < span_end):
                raise _fail(
                    "break_outside",
                    "break {bs}-{be} is not inside the opening hours {open}-{close}",
                    at=("breaks", index),
                    bs=brk.start,
                    be=brk.end,
                    open=self.open,
                    close=self.close,
                )
        return self


class Schedule(Strict):
    """One set of hours: working hours, reception hours of a person, a season's hours."""

    label: Text | None = Field(
        default=None, description="e.g. Working hours, Head receives visitors"
    )
    person: NonEmptyStr | None = Field(default=None, description="Name of the person who receives")
    season: Text | None = Field(default=None, description="e.g. winter period")
    round_the_clock: bool = Field(default=False, description="Open 24 hours, every day")
    hours: list[DayHours] = Field(default_factory=list)
    note: Text | None = None

    @model_validator(mode="after")
    def _some_hours(self) -> Schedule:
        if self.round_the_clock and self.hours:
            raise _fail(
                "hours_both",
                "a schedule is either `round_the_clock: true` or has `hours`, not both",
            )
        if not self.round_the_clock and not self.hours:
            raise _fail("hours_missing", "give `hours` or set `round_the_clock: true`")
        seen: set[str] = set()
        for day_hours in self.hours:
            for day in day_hours.days or ():
                if day in seen:
                    raise _fail(
                        "day_twice", "{day} appears in two entries of the same schedule", day=day
                    )
                seen.add(day)
        return self


# --- places, people, organisations ------------------------------------------


class Location(Strict):
    id: Id
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


class Person(Strict):
    name: NonEmptyStr
    role: Text
    phones: list[PhoneEntry] = Field(default_factory=list)


class StaffCount(Strict):
    count: Count
    role: Text


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
    id: Id
    name: Text
    description: Text | None = None
    duties: list[Text] = Field(default_factory=list)
    head: Person | None = None
    locations: IdList = Field(default_factory=list)
    contacts: Contacts = Field(default_factory=Contacts)
    hours: list[Schedule] = Field(default_factory=list)


class Provider(Strict):
    id: Id
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
    locations: IdList = Field(default_factory=list)
    contacts: Contacts = Field(default_factory=Contacts)
    hours: list[Schedule] = Field(default_factory=list)
    staff: list[StaffCount] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
    units: list[Unit] = Field(default_factory=list)


# --- vocabularies ------------------------------------------------------------


class Category(Strict):
    id: Id
    name: Text
    description: Text | None = None


class Audience(Strict):
    id: Id
    name: Text


class Abbreviation(Strict):
    id: Id
    short: Text = Field(description="The abbreviation as written, e.g. GMI")
    full: Text = Field(description="What it stands for, used for <abbr> and for reading aloud")


class VocabularyFile(Strict):
    categories: list[Category]
    audiences: list[Audience]
    abbreviations: list[Abbreviation] = Field(default_factory=list)


class LegalAct(Strict):
    id: Id
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
                "visits per week: min {lo} must not be more than max {hi}",
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


class Service(Strict):
    id: Id
    unit: Id | None = None
    category: Id
    audiences: IdList = Field(min_length=1)
    name: Text
    summary: Text
    eligibility: Text | None = Field(default=None, description="Who may get the service")
    includes: list[Text] = Field(default_factory=list)
    levels: list[CareLevel] = Field(default_factory=list)
    documents: list[Text] = Field(default_factory=list, description="Documents to bring")
    how_to_apply: Text | None = None
    locations: IdList = Field(default_factory=list)
    contacts: Contacts = Field(default_factory=Contacts)
    hours: list[Schedule] = Field(default_factory=list)
    limits: list[Limit] = Field(default_factory=list)
    legal_basis: IdList = Field(default_factory=list)
    notes: list[Text] = Field(default_factory=list)


# --- fees --------------------------------------------------------------------

Unit_ = Literal["month", "hour", "use", "wash", "day", "injection"]


class PerUnitRule(Strict):
    kind: Literal["per_unit"]
    amount: Amount
    unit: Unit_
    max_quantity: Count | None = Field(
        default=None,
        description="Most units a month (leave out for care levels: taken from the level)",
    )


class FirstAndNextRule(Strict):
    kind: Literal["first_and_next"]
    first: Amount
    next: Amount
    unit: Unit_


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


class Exemption(Strict):
    id: Id
    text: Text


class FeeItem(Strict):
    id: Id
    label: Text
    level: Count | None = Field(default=None, description="Care level this price is for")
    rule: Rule
    conditions: list[Text] = Field(default_factory=list)


class Fee(Strict):
    id: Id
    service: Id = Field(description="The service (in the same provider file) this fee is for")
    name: Text
    legal_basis: IdList = Field(min_length=1, description="Every fee needs its legal basis")
    items: list[FeeItem] = Field(min_length=1)
    conditions: list[Text] = Field(default_factory=list)
    exemptions: list[Exemption] = Field(default_factory=list)


# --- benefits and the 2017 report -------------------------------------------

BenefitGroup = Literal["social-assistance", "municipal", "orphans-and-foster-families"]


class Benefit(Strict):
    id: Id
    group: BenefitGroup
    name: Text
    description: Text | None = None
    legal_basis: IdList = Field(default_factory=list)


class KeyFigure(Strict):
    id: Id
    value: Euros
    unit: Literal["eur", "percent", "people", "families", "count"]
    label: Text


class BenefitRow(Strict):
    label: Text
    benefit: Id | None = Field(
        default=None, description="The benefit in benefits.yaml, if listed there"
    )
    spent_eur: Euros
    families: Count
    persons: Count


class ReportFile(Strict):
    id: Id
    provider: Id
    year: Count
    title: Text
    summary: Text
    key_figures: list[KeyFigure] = Field(default_factory=list)
    benefits_table_caption: Text
    benefits_table: list[BenefitRow] = Field(min_length=1)
    sections: list[Section] = Field(default_factory=list)


class SiteFile(Strict):
    """Site-wide texts: ``data/site.yaml``."""

    name: Text
    description: Text
    help_contact: Id = Field(
        description="Provider whose contacts are shown in the help box on every page"
    )
    report_mistake_url: WebAddress | None = Field(
        default=None,
        description="Address where residents report a mistake (e.g. the repository's issue "
        "form), an https:// address; the footer shows the link only when it is set",
    )


# --- the whole data directory ------------------------------------------------


class ProviderFile(Strict):
    """Everything one provider offers: ``data/providers/<provider-id>.yaml``."""

    provider: Provider
    locations: list[Location] = Field(default_factory=list)
    services: list[Service] = Field(default_factory=list)
    fees: list[Fee] = Field(default_factory=list)
    benefits: list[Benefit] = Field(default_factory=list)


# file name (or glob) -> model; the one list of data files the build reads.
DATA_FILES: dict[str, type[Strict]] = {
    "site.yaml": SiteFile,
    "vocabulary.yaml": VocabularyFile,
    "legal-acts.yaml": LegalActsFile,
    "providers/*.yaml": ProviderFile,
    "reports/*.yaml": ReportFile,
}
