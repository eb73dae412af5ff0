"""Territory as data: the places residents live in (``data/places.yaml``), the area each
provider and service serves, and the transition rules of merged municipalities.

A place lies ``within`` at most one other place (a parish within a county, a former
municipality within the county it merged into). An area is a list of places; it covers a
place when it names that place or a place that contains it. A service's area defaults to
its provider's. The checks here report through ``SourceFile.where`` like ``rules.py``.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal

from pydantic import Field

from .types import Id, IdList, Strict, Text

if TYPE_CHECKING:
    from .errors import DataError
    from .loader import SiteData, SourceFile

PlaceKind = Literal["city", "county", "parish", "former-municipality"]
# kinds that lie inside another place and must say which
_INSIDE: dict[str, str] = {"parish": "county", "former-municipality": "county"}


class Place(Strict):
    id: Id
    kind: PlaceKind = Field(description="city, county, parish or former-municipality")
    name: Text = Field(description="The place's name as residents say it")
    within: Id | None = Field(
        default=None, description="The place this one lies in (a parish's county), by id"
    )


class TransitionSource(Strict):
    provider: Id = Field(description="The provider whose published text states the rule")
    text: Text = Field(description="The rule as the source words it (Latvian as published)")


class Transition(Strict):
    """While a merged county has no common rules, the former municipalities' rules apply."""

    id: Id
    in_county: Id = Field(description="The county (a place of kind county) the rule is for")
    former_municipalities: IdList = Field(
        min_length=1, description="Places of kind former-municipality within that county"
    )
    rule: Text = Field(description="The rule in plain words for residents")
    source: TransitionSource


class PlacesFile(Strict):
    """``data/places.yaml``: the places and the transition rules."""

    places: list[Place] = Field(min_length=1)
    transitions: list[Transition] = Field(default_factory=list)


# --- validation ----------------------------------------------------------------


def check_places(valid: dict[str, list[SourceFile]], ids: dict[str, Any]) -> list[DataError]:
    """Place ids, ``within``, provider and service areas, transition rules.

    ``ids`` are the registries of ``rules.check_site`` (its provider ids are used); the
    place registry is made here and added to it.
    """
    from .rules import _Ids

    errors: list[DataError] = []
    places_ids = _Ids("place", errors)
    ids["place"] = places_ids
    files = valid.get("places.yaml", [])
    places: dict[str, Place] = {}
    for source in files:
        for i, place in enumerate(source.obj.places):
            places_ids.add(source, ("places", i, "id"), place.id)
            places.setdefault(place.id, place)
    if not files:
        return errors  # the file is missing or broken: the loader has said so already

    for source in files:
        for i, place in enumerate(source.obj.places):
            path = ("places", i)
            needs = _INSIDE.get(place.kind)
            if place.within is None:
                if needs:
                    errors.append(
                        source.where(
                            path + ("kind",),
                            f"a {place.kind} must say which {needs} it lies in: add "
                            f"`within: <{needs} id>`",
                        )
                    )
                continue
            places_ids.check(source, path + ("within",), place.within)
            outer = places.get(place.within)
            if outer is not None and needs and outer.kind != needs:
                errors.append(
                    source.where(
                        path + ("within",),
                        f"a {place.kind} lies within a {needs}; `{place.within}` is a {outer.kind}",
                    )
                )
            if place.id in _chain(place.within, places):
                errors.append(
                    source.where(
                        path + ("within",),
                        f"`{place.id}` would lie within itself (through `{place.within}`)",
                    )
                )
        for i, rule in enumerate(source.obj.transitions):
            path = ("transitions", i)
            county = places.get(rule.in_county)
            places_ids.check(source, path + ("in_county",), rule.in_county)
            if county is not None and county.kind != "county":
                errors.append(
                    source.where(
                        path + ("in_county",),
                        f"`{rule.in_county}` is a {county.kind}, not a county",
                    )
                )
            for j, former in enumerate(rule.former_municipalities):
                at = path + ("former_municipalities", j)
                place = places.get(former)
                if place is None:
                    places_ids.check(source, at, former)
                elif place.kind != "former-municipality" or place.within != rule.in_county:
                    errors.append(
                        source.where(
                            at,
                            f"`{former}` must be a former-municipality within `{rule.in_county}` "
                            f"(it is a {place.kind}"
                            + (f" within `{place.within}`)" if place.within else ")"),
                        )
                    )
            ids["provider"].check(source, path + ("source", "provider"), rule.source.provider)

    for source in valid.get("providers/*.yaml", []):
        pf = source.obj
        places_ids.check_all(source, ("provider", "area"), pf.provider.area)
        for i, service in enumerate(pf.services):
            if not service.area:
                continue
            path = ("services", i, "area")
            places_ids.check_all(source, path, service.area)
            for j, place_id in enumerate(service.area):
                if place_id in places and not covers(pf.provider.area, place_id, places):
                    names = ", ".join(f"`{p}`" for p in pf.provider.area)
                    errors.append(
                        source.where(
                            path + (j,),
                            f"`{place_id}` is outside the provider's area ({names}); a service "
                            "serves part or all of its provider's area",
                        )
                    )
    return errors


# --- look-ups ------------------------------------------------------------------


def _chain(place_id: str | None, places: dict[str, Place]) -> list[str]:
    """``place_id`` and the places that contain it, innermost first (stops at a loop)."""
    chain: list[str] = []
    while place_id is not None and place_id in places and place_id not in chain:
        chain.append(place_id)
        place_id = places[place_id].within
    return chain


def covers(area: Iterable[str], place_id: str, places: dict[str, Place]) -> bool:
    """An area covers a place when it names the place or a place that contains it."""
    return bool(set(area) & set(_chain(place_id, places)))


class Territory:
    """The places of the validated data and the areas of providers and services."""

    def __init__(self, data: SiteData):
        self.data = data
        self.file: PlacesFile = data.places  # type: ignore[assignment]

    @cached_property
    def places(self) -> dict[str, Place]:
        return {p.id: p for p in self.file.places}

    def place(self, place_id: str) -> Place:
        return self.places[place_id]

    def top_level(self) -> list[Place]:
        return [p for p in self.file.places if p.within is None]

    def inside(self, place_id: str) -> list[Place]:
        return [p for p in self.file.places if p.within == place_id]

    def chain(self, place_id: str) -> list[Place]:
        """The place and the places that contain it, innermost first."""
        return [self.places[p] for p in _chain(place_id, self.places)]

    def provider_area(self, provider_id: str) -> list[str]:
        return list(self.data.providers[provider_id].provider.area)

    def service_area(self, service_id: str) -> list[str]:
        service, provider_id = self.data.services[service_id]
        return list(service.area) or self.provider_area(provider_id)

    def covered(self, area: Iterable[str]) -> set[str]:
        """Every place an area covers (the named places and all places inside them)."""
        return {p for p in self.places if covers(area, p, self.places)}

    def service_covers(self, service_id: str, place_id: str) -> bool:
        return covers(self.service_area(service_id), place_id, self.places)

    def provider_covers(self, provider_id: str, place_id: str) -> bool:
        return covers(self.provider_area(provider_id), place_id, self.places)

    def transitions_for(self, place_id: str) -> list[Transition]:
        """Transition rules that apply to residents of a place: the county's rule applies
        in the county and in each of its former municipalities."""
        chain = set(_chain(place_id, self.places))
        return [
            rule
            for rule in self.file.transitions
            if rule.in_county in chain or place_id in rule.former_municipalities
        ]
