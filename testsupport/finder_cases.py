"""The finder's case table (overrides/widgets/finder/cases.md) and what the finder must show
for each case, read independently from the data (not from ``sitegen.places.finder``), so the tests
derive their expectations from whatever data they run on (issue 23 item 1).

The table names the answers and entries that must be among those shown; the full list, its
count and whether the finder relaxes the group of people come from ``expected``: a service
answers a need when its category is one of the need's, a benefit answers the needs marked
``benefits``; it is meant for a group of people when one of its audiences (a benefit: its
group's, ``benefit_audiences``) is one of the group's, or the group names none; it serves a
place inside its area (its own, else its provider's). Which places lie inside an area is
``places.Territory`` (tested by tests/test_places.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sitegen.data.sitedata import SiteData
from sitegen.places.territory import Territory

CASES_FILE = Path(__file__).resolve().parent.parent / "overrides/widgets/finder/cases.md"


def read_cases() -> list[dict[str, Any]]:
    """Rows of cases.md: the answers, the entries that must be shown, whether relaxed."""
    rows = []
    for line in CASES_FILE.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 4 or cells[0] in ("place", "---"):
            continue
        place, who, need, shows = cells
        rows.append(
            {
                "answers": {"place": place, "who": who, "need": need},
                "shows": set(shows.replace("(relaxed)", "").split()),
                "relaxed": "(relaxed)" in shows,
            }
        )
    return rows


def matching(data: SiteData, place: str = "", who: str = "", need: str = "") -> set[str]:
    """``kind:id`` of every entry that matches the answers given (empty: not answered)."""
    finder = data.finder
    assert finder is not None
    territory = Territory(data)
    groups = {w.id: set(w.audiences) for w in finder.who}

    def fits(area: list[str], audiences: list[str], needs: set[str]) -> bool:
        return (
            (not place or place in territory.covered(area))
            and (not need or need in needs)
            and (not who or not groups[who] or bool(groups[who] & set(audiences)))
        )

    found = set()
    for service, provider_id in data.services.values():
        needs = {n.id for n in finder.needs if service.category in n.categories}
        area = list(service.area) or list(data.providers[provider_id].provider.area)
        if fits(area, service.audiences, needs):
            found.add(f"service:{service.id}")
    money = {n.id for n in finder.needs if n.benefits}
    audiences = {b.group: b.audiences for b in finder.benefit_audiences}
    for pf in data.providers.values():
        for benefit in pf.benefits:
            if fits(list(pf.provider.area), audiences.get(benefit.group, []), money):
                found.add(f"benefit:{benefit.id}")
    return found


def expected(data: SiteData, answers: dict[str, str]) -> tuple[set[str], int, bool]:
    """What the finder shows for ``answers``: the entries, the count its status line says,
    and whether it relaxed the group of people (nothing for exactly that group: the entries
    that match the other answers, and the count 0)."""
    found = matching(data, **answers)
    if found or not answers["who"]:
        return found, len(found), False
    return matching(data, answers["place"], "", answers["need"]), 0, True
