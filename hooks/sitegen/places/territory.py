"""Territory as data: the places residents live in (``data/places.yaml``), the area each
provider and service serves, and the transition rules of merged municipalities.

A place lies ``within`` at most one other place (a parish within a county, a former
municipality within the county it merged into). An area is a list of places; it covers a
place when it names that place or a place that contains it. A service's area defaults to
its provider's. The checks here report through ``SourceFile.where`` like ``cross_checks.py``.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cached_property
from typing import TYPE_CHECKING

from ..base.messages import message
from ..data.model import Place, PlacesFile, Transition

if TYPE_CHECKING:
    from ..base.errors import DataError
    from ..data.sitedata import SiteData, SourceFile

# kinds that lie inside another place and must say which
_INSIDE: dict[str, str] = {"parish": "county", "former-municipality": "county"}
# how many places deep a chain of `within` may go (a parish within a county is 2; the real
# data has at most 2): checked first, so no later walk (the finder's list of places, the
# areas) meets a chain of a thousand, and nothing recurses that deep
MAX_PLACE_DEPTH = 6


def place_depths(places: dict[str, Place]) -> dict[str, int]:
    """How deep each place lies (1: within nothing), without recursion; a loop counts its
    places once (the loop itself is reported by ``check_places``)."""
    depth: dict[str, int] = {}
    for start in places:
        path: list[str] = []
        seen: set[str] = set()
        place_id: str | None = start
        while place_id is not None and place_id in places and place_id not in depth:
            if place_id in seen:
                break
            seen.add(place_id)
            path.append(place_id)
            place_id = places[place_id].within
        base = depth.get(place_id, 0) if place_id is not None and place_id not in seen else 0
        for found in reversed(path):
            base += 1
            depth[found] = base
    return depth


# --- validation ----------------------------------------------------------------


def check_places(valid: dict[str, list[SourceFile]]) -> list[DataError]:
    """What a place may lie within, transition rules, and service areas inside their
    provider's. (Ids and references are declared on the model's fields and checked by
    ``cross_checks.py``: an unknown place id is reported there.)"""
    errors: list[DataError] = []
    files = valid.get("places.yaml", [])
    places: dict[str, Place] = {}
    for source in files:
        for place in source.obj.places:
            places.setdefault(place.id, place)
    if not files:
        return errors  # the file is missing or broken: the loader has said so already

    depths = place_depths(places)
    for source in files:
        for i, place in enumerate(source.obj.places):
            path = ("places", i)
            depth = depths.get(place.id, 0)
            if depth > MAX_PLACE_DEPTH:  # the first place too deep in its chain is reported
                if depth == MAX_PLACE_DEPTH + 1:
                    errors.append(
                        source.where(
                            path + ("within",),
                            message("places.too_deep", id=place.id, most=MAX_PLACE_DEPTH),
                        )
                    )
                continue
            needs = _INSIDE.get(place.kind)
            if place.within is None:
                if needs:
                    errors.append(
                        source.where(
                            path + ("kind",),
                            message("places.within_missing", kind=place.kind, needs=needs),
                        )
                    )
                continue
            outer = places.get(place.within)
            if outer is not None and needs and outer.kind != needs:
                errors.append(
                    source.where(
                        path + ("within",),
                        message(
                            "places.within_kind",
                            kind=place.kind,
                            needs=needs,
                            within=place.within,
                            outer=outer.kind,
                        ),
                    )
                )
            if place.id in _chain(place.within, places):
                errors.append(
                    source.where(
                        path + ("within",),
                        message("places.within_itself", id=place.id, within=place.within),
                    )
                )
        for i, rule in enumerate(source.obj.transitions):
            path = ("transitions", i)
            county = places.get(rule.in_county)
            if county is not None and county.kind != "county":
                errors.append(
                    source.where(
                        path + ("in_county",),
                        message("places.not_county", id=rule.in_county, kind=county.kind),
                    )
                )
            for j, former in enumerate(rule.former_municipalities):
                at = path + ("former_municipalities", j)
                place = places.get(former)
                if place is None:
                    continue  # reported by cross_checks.py
                if place.kind != "former-municipality" or place.within != rule.in_county:
                    errors.append(
                        source.where(
                            at,
                            message(
                                "places.former",
                                id=former,
                                county=rule.in_county,
                                kind=place.kind,
                                within=message("places.former_within", within=place.within)
                                if place.within
                                else "",
                            ),
                        )
                    )

    for source in valid.get("providers/*.yaml", []):
        pf = source.obj
        for i, service in enumerate(pf.services):
            if not service.area:
                continue
            path = ("services", i, "area")
            for j, place_id in enumerate(service.area):
                if place_id in places and not covers(pf.provider.area, place_id, places):
                    names = ", ".join(f"`{p}`" for p in pf.provider.area)
                    errors.append(
                        source.where(
                            path + (j,),
                            message("places.outside_area", id=place_id, names=names),
                        )
                    )
    return errors


# --- look-ups ------------------------------------------------------------------


def _chain(place_id: str | None, places: dict[str, Place]) -> list[str]:
    """``place_id`` and the places that contain it, innermost first (stops at a loop)."""
    chain: list[str] = []
    seen: set[str] = set()
    while place_id is not None and place_id in places and place_id not in seen:
        chain.append(place_id)
        seen.add(place_id)
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
