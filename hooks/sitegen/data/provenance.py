"""Whose fact: a service's hours, places, phones and e-mails, each tagged with its owner.

The one place the rule "the service's own, else its office's (its unit), else its
provider's" is written. Every page kind, the facts box, the finder, the help box, the
search facets, JSON-LD and the open data ask here (``resolve``); no other module walks the
fallback (``tests/test_provenance.py`` fails on one that does).

What a resident may be shown, by kind of fact:

- **hours**: the service's own schedules, each saying what it is (``model.SCHEDULE_KINDS``:
  office or reception hours, the service's own working hours, hand-out or meal times,
  round-the-clock operation); then the office hours where one asks about it, labelled
  with whose they are: its unit's office and reception hours, else its provider's. A
  unit's *operation* (the Shelter open round the clock) is never a service's hours: the
  soup kitchen in the Shelter is not open at night.
- **places, phones, e-mails**: the service's own, else its unit's, else its provider's
  (for phones: the provider's own numbers, else the numbers of the people it names), each
  labelled. Never another unit's: the Home Care Office's number is not the Children's
  Centre's.

Only the service's own hours answer "is it open now?" in the directory's filter
(``ServiceFacts.operating``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, Literal, TypeVar

from . import model
from .field_types import Text
from .sitedata import SiteData

T = TypeVar("T")

Source = Literal["own", "unit", "provider"]

# the office hours where a resident asks about a service (a unit's or provider's)
CONTACT_KINDS = frozenset({"office", "reception"})


@dataclass(frozen=True)
class Owner:
    """Whose a fact is: the service itself, its unit (office) or its provider."""

    source: Source
    id: str
    name: Text  # the service's, unit's or provider's (short) name

    @property
    def own(self) -> bool:
        return self.source == "own"

    @property
    def key(self) -> str:
        """ "own", "unit:<id>" or "provider:<id>": the pages' ``data-whose`` (the facts ledger
        reads it)."""
        return "own" if self.own else f"{self.source}:{self.id}"


@dataclass(frozen=True)
class Owned(Generic[T]):
    value: T
    owner: Owner
    person: model.Person | None = None  # a phone of a person the provider names (its head)

    @property
    def own(self) -> bool:
        return self.owner.own


@dataclass(frozen=True)
class ServiceFacts:
    service: model.Service
    provider: model.Provider
    unit: model.Unit | None
    schedules: tuple[Owned[model.Schedule], ...]
    locations: tuple[Owned[model.Location], ...]
    phones: tuple[Owned[model.PhoneEntry], ...]
    emails: tuple[Owned[model.EmailEntry], ...]

    @property
    def own_schedules(self) -> tuple[model.Schedule, ...]:
        return tuple(o.value for o in self.schedules if o.own)

    @property
    def operating(self) -> tuple[model.Schedule, ...]:
        """The hours that say whether the service itself is open now: its own, of a kind
        that is open or closed (not meal times)."""
        return tuple(s for s in self.own_schedules if s.rule.open_state)

    @property
    def where_to_ask(self) -> Text | None:
        """Where residents turn, as the provider's source says (e.g. the parish's social
        worker), when it says."""
        return self.provider.where_to_ask

    @property
    def no_own_contact(self) -> bool:
        """The source gives the service no phone, address or e-mail of its own."""
        return not any(o.own for o in (*self.phones, *self.locations, *self.emails))


def _provider_owner(provider: model.Provider) -> Owner:
    return Owner("provider", provider.id, provider.short_name or provider.name)


def _first(*candidates: tuple[Owned[T], ...]) -> tuple[Owned[T], ...]:
    """The rule: the first non-empty of the service's own, its unit's, its provider's."""
    return next((c for c in candidates if c), ())


def _owned(values: list[T], owner: Owner | None) -> tuple[Owned[T], ...]:
    return tuple(Owned(v, owner) for v in values) if owner else ()


def provider_phones(
    provider: model.Provider, *, offices: bool = True
) -> tuple[Owned[model.PhoneEntry], ...]:
    """A provider's numbers: its own, else its head's and people's, else (``offices``) each
    of its offices' (units'), labelled with the office: for the help box of a provider's
    pages. A service is never given another office's number (``offices=False``)."""
    by_provider = _provider_owner(provider)
    people = ([provider.head] if provider.head else []) + provider.people
    return _first(
        _owned(provider.contacts.phones, by_provider),
        tuple(Owned(e, by_provider, p) for p in people for e in p.phones),
        tuple(
            Owned(e, Owner("unit", u.id, u.name)) for u in provider.units for e in u.contacts.phones
        )
        if offices
        else (),
    )


def _resolve(data: SiteData, service_id: str) -> ServiceFacts:
    service, provider_id = data.services[service_id]
    provider = data.providers[provider_id].provider
    unit = next((u for u in provider.units if u.id == service.unit), None)
    own = Owner("own", service.id, service.name)
    by_unit = Owner("unit", unit.id, unit.name) if unit else None
    by_provider = _provider_owner(provider)

    def places(ids: list[str], owner: Owner | None) -> tuple[Owned[model.Location], ...]:
        return _owned([data.locations[i] for i in ids], owner)

    contact_hours = _first(
        _owned([s for s in unit.hours if s.what in CONTACT_KINDS] if unit else [], by_unit),
        _owned([s for s in provider.hours if s.what in CONTACT_KINDS], by_provider),
    )
    return ServiceFacts(
        service=service,
        provider=provider,
        unit=unit,
        schedules=_owned(service.hours, own) + contact_hours,
        locations=_first(
            places(service.locations, own),
            places(unit.locations if unit else [], by_unit),
            places(provider.locations, by_provider),
        ),
        phones=_first(
            _owned(service.contacts.phones, own),
            _owned(unit.contacts.phones if unit else [], by_unit),
            provider_phones(provider, offices=False),
        ),
        emails=_first(
            _owned(service.contacts.emails, own),
            _owned(unit.contacts.emails if unit else [], by_unit),
            _owned(provider.contacts.emails, by_provider),
        ),
    )


def resolve(data: SiteData, service_id: str) -> ServiceFacts:
    """The facts of one service, each with its owner (the loaded data never changes, so
    the answer is kept on the data object, as its ``cached_property`` look-ups are)."""
    memo: dict[str, ServiceFacts] = data.__dict__.setdefault("_service_facts", {})
    if service_id not in memo:
        memo[service_id] = _resolve(data, service_id)
    return memo[service_id]
