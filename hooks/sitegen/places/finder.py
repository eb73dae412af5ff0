"""The finder: three questions (where do you live, who is it for, what do you need) and
the services and benefits that answer them.

The questions are data (``data/finder.yaml``): each "who" answer names audiences of
``vocabulary.yaml``, each "need" names categories, and each benefit group names the
audiences its benefits are for. Which entry matches which answers is worked out here once,
at build time; the pages list the results and the finder widget only filters by the
``data-`` attributes these give (overrides/widgets/finder/).

Its pages (rows of ``page_kinds.PAGE_KINDS``, the same paths in both languages):
``finder/``, ``places/<id>/``, ``needs/<id>/``, ``benefits/`` and ``benefits/<id>/``.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from typing import TYPE_CHECKING, Any

from ..base.characters import name_key
from ..base.languages import LANGUAGES
from ..base.memo import IdentityMemo
from ..base.messages import message
from ..data.field_types import Text
from ..data.model import NeedAnswer, WhoAnswer
from ..data.provenance import resolve
from .territory import Territory

if TYPE_CHECKING:
    from ..base.errors import DataError
    from ..data import model
    from ..data.sitedata import SiteData, SourceFile


# --- validation ----------------------------------------------------------------


def check_finder(valid: dict[str, list[SourceFile]]) -> list[DataError]:
    """Every category is some need's (or its services could not be found); one need lists
    the benefits; each benefit group of the data has its audiences, once. (Answer ids and
    their audiences and categories are checked by ``cross_checks.py`` from the model's fields.)"""
    errors: list[DataError] = []
    used_groups = {
        ben.group for source in valid.get("providers/*.yaml", []) for ben in source.obj.benefits
    }
    categories = [
        c.id for source in valid.get("vocabulary.yaml", []) for c in source.obj.categories
    ]
    for source in valid.get("finder.yaml", []):
        finder = source.obj
        claimed = {c for need in finder.needs for c in need.categories}
        for category in categories:
            if category not in claimed:
                errors.append(
                    source.where(
                        ("needs",),
                        message("finder.category_unclaimed", category=category),
                        key=True,
                    )
                )
        with_benefits = [i for i, need in enumerate(finder.needs) if need.benefits]
        for i in with_benefits[1:]:
            errors.append(
                source.where(
                    ("needs", i, "benefits"),
                    message("finder.benefits_twice"),
                )
            )
        if used_groups and not with_benefits:
            errors.append(source.where(("needs",), message("finder.benefits_none"), key=True))
        groups: set[str] = set()
        for i, entry in enumerate(finder.benefit_audiences):
            if entry.group in groups:
                errors.append(
                    source.where(
                        ("benefit_audiences", i, "group"),
                        message("finder.group_twice", group=entry.group),
                    )
                )
            groups.add(entry.group)
        for group in sorted(used_groups - groups):
            errors.append(
                source.where(
                    ("benefit_audiences",),
                    message("finder.group_missing", group=group),
                    key=True,
                )
            )
    return errors


# --- the entries the finder lists ----------------------------------------------


@dataclass(frozen=True)
class Entry:
    kind: str  # "service" or "benefit"
    id: str
    provider: str
    places: frozenset[str]  # every place the entry serves (areas with what lies inside)
    needs: frozenset[str]
    who: frozenset[str]


class Finder:
    """Matching over the validated data, made once per loaded data."""

    def __init__(self, data: SiteData):
        self.data = data
        self.file: model.FinderFile = data.finder  # type: ignore[assignment]
        self.territory = Territory(data)
        self._name_counts: dict[str, dict[str, int]] = {}

    @cached_property
    def entries(self) -> list[Entry]:
        entries: list[Entry] = []
        for service, provider_id in self.data.services.values():
            entries.append(
                Entry(
                    "service",
                    service.id,
                    provider_id,
                    frozenset(self.territory.covered(self.territory.service_area(service.id))),
                    frozenset(n.id for n in self.file.needs if service.category in n.categories),
                    self._who(service.audiences),
                )
            )
        money = [n.id for n in self.file.needs if n.benefits]
        audiences = {b.group: b.audiences for b in self.file.benefit_audiences}
        for provider_id, pf in self.data.providers.items():
            area = frozenset(self.territory.covered(pf.provider.area))
            for benefit in pf.benefits:
                who = self._who(audiences.get(benefit.group, []))
                entries.append(
                    Entry("benefit", benefit.id, provider_id, area, frozenset(money), who)
                )
        return entries

    def _who(self, audiences: list[str]) -> frozenset[str]:
        return frozenset(
            w.id for w in self.file.who if not w.audiences or set(audiences) & set(w.audiences)
        )

    def matching(
        self, place: str | None = None, need: str | None = None, who: str | None = None
    ) -> list[Entry]:
        return [
            e
            for e in self.entries
            if (place is None or place in e.places)
            and (need is None or need in e.needs)
            and (who is None or who in e.who)
        ]

    @property
    def benefits(self) -> dict[str, tuple[model.Benefit, str]]:
        return self.data.benefits

    def need(self, need_id: str) -> NeedAnswer:
        return next(n for n in self.file.needs if n.id == need_id)

    def name_counts(self, lang: str) -> dict[str, int]:
        """How many services and benefits bear each name (``name_key``: NFC, casefolded) in a language; made
        once per language, as every list of links asks it for every name."""
        if lang not in self._name_counts:
            counts: dict[str, int] = {}
            texts = [s.name for s, _ in self.data.services.values()]
            texts += [b.name for b, _ in self.benefits.values()]
            for text in texts:
                key = name_key(text.in_language(lang))
                counts[key] = counts.get(key, 0) + 1
            self._name_counts[lang] = counts
        return self._name_counts[lang]

    def shared_name(self, name: Text) -> bool:
        """Whether another service or benefit bears ``name`` too, in either language: then
        its title, and every link to it, adds its place ("Aprūpe mājās — Rēzeknes pilsēta")
        so that search results, browser tabs and lists of links tell them apart."""
        return any(
            self.name_counts(lang).get(name_key(name.in_language(lang)), 0) >= 2
            for lang in LANGUAGES
        )

    def service_title(self, service_id: str) -> Text:
        """A service's name as the title of its page and its links, with its place when the
        name is shared (``shared_name``)."""
        service = self.data.services[service_id][0]
        if not self.shared_name(service.name):
            return service.name
        area = self.territory.service_area(service_id)
        texts = {
            lang: f"{service.name.in_language(lang)} — "
            + ", ".join(self.territory.place(p).name.in_language(lang) for p in area)
            for lang in LANGUAGES
        }
        return Text(**texts, pending=service.name.pending)


_FINDERS: IdentityMemo[Finder] = IdentityMemo(1)
_QUOTES = "“”„\"'«»‘’"


def finder_for(data: SiteData) -> Finder:
    """One Finder per loaded data (the loader keeps the latest data only; so does this)."""
    return _FINDERS.get(id(data), (data,), lambda: Finder(data))


# --- what the templates call ---------------------------------------------------------


SHOWN_PRICES = 3  # prices of one entry in a list of answers; the rest behind "more prices"


@dataclass(frozen=True)
class PriceLine:
    """One entry's price as a list of answers shows it (``FinderView.price_line``)."""

    free: list[Any]  # model.Limit: what is free ("up to 2 hours a week")
    shown: list[tuple[dict[str, Any], bool]]  # (price item, is free)
    priced: bool  # the data gives a price
    labelled: bool  # several prices: each with its label
    more: bool  # prices beyond the shown ones
    conditions: list[Any]  # every fee's conditions


class FinderView:
    """The finder's helpers for one page (its language and links): ``finder`` in templates."""

    def __init__(self, ctx: Any):
        self.ctx = ctx  # the page's page_context.PageContext (which makes this view)

    @cached_property
    def core(self) -> Finder:
        return finder_for(self.ctx.data)

    @property
    def territory(self) -> Territory:
        return self.core.territory

    @property
    def who_answers(self) -> list[WhoAnswer]:
        return self.core.file.who

    @property
    def needs(self) -> list[NeedAnswer]:
        return self.core.file.needs

    def need(self, need_id: str) -> NeedAnswer:
        return self.core.need(need_id)

    def answers(self, question: str) -> list[tuple[str, str, int]]:
        """(value, label, depth) of each answer to "place", "who" or "need"; a place
        inside another comes right after it, one level deeper."""
        if question == "who":
            return [(w.id, self.ctx.t(w.name), 0) for w in self.core.file.who]
        if question == "need":
            return [(n.id, self.ctx.t(n.name), 0) for n in self.core.file.needs]
        found: list[tuple[str, str, int]] = []

        def walk(places: list[Any], depth: int) -> None:
            for place in places:
                found.append((place.id, self.ctx.t(place.name), depth))
                walk(self.territory.inside(place.id), depth + 1)

        walk(self.territory.top_level(), 0)
        return found

    def benefits_need(self) -> NeedAnswer | None:
        return next((n for n in self.core.file.needs if n.benefits), None)

    def matching(self, place: str | None = None, need: str | None = None) -> list[Entry]:
        return self._sorted(self.core.matching(place=place, need=need))

    def by_need(self, entries: list[Entry]) -> list[tuple[NeedAnswer, list[Entry]]]:
        """Entries grouped under the needs, in the needs' order (an entry may stand under
        more than one need when its category is in several)."""
        groups = []
        for need in self.core.file.needs:
            members = [e for e in entries if need.id in e.needs]
            if members:
                groups.append((need, members))
        return groups

    def by_place(self, entries: list[Entry]) -> list[tuple[model.Provider, list[Entry]]]:
        """Entries grouped by provider (each provider serves one territory)."""
        groups = []
        for pid, pf in self.ctx.data.providers.items():
            members = [e for e in entries if e.provider == pid]
            if members:
                groups.append((pf.provider, members))
        return groups

    def _sorted(self, entries: list[Entry]) -> list[Entry]:
        """Services, then benefits, each by name; a name in quotes (“Atelpas brīdis”) sorts
        by its first letter."""

        def key(entry: Entry) -> tuple[bool, str]:
            return (entry.kind != "service", self.label(entry).lstrip(_QUOTES).casefold())

        return sorted(entries, key=key)

    # --- one entry ---------------------------------------------------------------------
    def item(self, entry: Entry) -> Any:
        if entry.kind == "service":
            return self.ctx.service(entry.id)
        return self.core.benefits[entry.id][0]

    def link(self, entry: Entry) -> str:
        return self.ctx.link(entry.kind, entry.id)

    def label(self, entry: Entry) -> str:
        if entry.kind == "service":
            return self.service_label(entry.id)
        return self.benefit_label(entry.id)

    def service_label(self, service_id: str) -> str:
        """The service's title (``Finder.service_title``) in the page's language."""
        return self.ctx.t(self.core.service_title(service_id))

    def benefit_label(self, benefit_id: str) -> str:
        """A benefit's name, with its provider's area when the name is shared."""
        benefit, provider_id = self.core.benefits[benefit_id]
        name = self.ctx.t(benefit.name)
        if not self.core.shared_name(benefit.name):
            return name
        return f"{name} — {self.area_name(self.territory.provider_area(provider_id))}"

    def area_name(self, area: list[str]) -> str:
        return ", ".join(self.ctx.t(self.territory.place(p).name) for p in area)

    def provider_of(self, entry: Entry) -> model.Provider:
        return self.ctx.data.providers[entry.provider].provider

    def locations(self, entry: Entry) -> list[tuple[Any, str]]:
        """Where a resident goes for an entry (the shortlist sheet prints the first), each
        with whose place it is ("" for the service's own): a service's places as resolved
        (provenance.py: its own, else its office's, else its provider's); a benefit's
        provider's."""
        data = self.ctx.data
        if entry.kind == "service":
            return [
                (owned.value, "" if owned.own else self.ctx.t(owned.owner.name))
                for owned in resolve(data, entry.id).locations
            ]
        ids = data.providers[entry.provider].provider.locations
        return [(data.locations[loc], "") for loc in ids]

    def fees(self, entry: Entry) -> list[dict[str, Any]]:
        """The fee rules (fees.rules_json) of a service; empty when the data gives none."""
        if entry.kind != "service":
            return []
        return [self.ctx.rules(fee) for fee in self.ctx.fees_for(entry.id)]

    def price_line(self, entry: Entry) -> PriceLine:
        """An entry's price in a list of answers (partials/finder-entry.html): its free
        limits, its first ``SHOWN_PRICES`` prices (each with whether it is free: a price per
        unit of 0), whether there are more, and every fee's conditions."""
        free = self.ctx.service(entry.id).free_limits if entry.kind == "service" else []
        rules = self.fees(entry)
        items = [item for rule in rules for item in rule["items"]]
        return PriceLine(
            free=free,
            shown=[
                (item, item["kind"] == "per_unit" and Decimal(item["amount"]) == 0)
                for item in items[:SHOWN_PRICES]
            ],
            priced=bool(items),
            labelled=len(items) > 1,
            more=len(items) > SHOWN_PRICES,
            conditions=[c for rule in rules for c in rule["conditions"]],
        )

    def report_rows(self, benefit_id: str) -> list[tuple[model.ReportFile, model.BenefitRow]]:
        """Rows of the reports that give figures for a benefit."""
        return [
            (report, row)
            for report in self.ctx.data.reports.values()
            for row in report.benefits_table
            if row.benefit == benefit_id
        ]

    def benefit_provider(self, benefit_id: str) -> model.ProviderFile:
        return self.ctx.data.providers[self.core.benefits[benefit_id][1]]

    def benefit(self, benefit_id: str) -> model.Benefit:
        return self.core.benefits[benefit_id][0]

    def data_attributes(self, entry: Entry) -> dict[str, str]:
        """What the widget filters by: the places, needs and who answers an entry matches."""
        return {
            "data-places": " ".join(sorted(entry.places)),
            "data-needs": " ".join(sorted(entry.needs)),
            "data-who": " ".join(sorted(entry.who)),
        }
