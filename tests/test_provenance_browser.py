"""Only the service's own hours answer "open now", in Chromium with the clock fixed
(Europe/Riga), on a fixture site shaped like a city's social service
(tests/fixtures/provenance/): on a Monday at 22.00 the directory's filter keeps the shelter
and the night shelter, not the soup kitchen or the laundry (whose office, the Shelter, is open
round the clock); on Christmas Eve the shelter is open and only its administration closed;
the soup kitchen says when the next meal is, never "open"."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from testsupport.browser import serve_directory

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_PROVIDER = ROOT / "tests" / "fixtures" / "provenance" / "town-social-service.yaml"
MONDAY_22 = dt.datetime.fromisoformat("2027-01-11T22:00+02:00")
CHRISTMAS_EVE_10 = dt.datetime.fromisoformat("2026-12-24T10:00+02:00")


@pytest.fixture(scope="module")
def served(sites: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("provenance-site")
    data = root / "data"
    shutil.copytree(ROOT / "tests" / "fixtures" / "site" / "data", data)
    shutil.copy(FIXTURE_PROVIDER, data / "providers")
    project = sites.make_project(root / "project", data=data)
    # a build day whose 13 months hold the moments the tests look at
    run = sites.build(project, root / "site", today="2026-12-01")
    assert run.returncode == 0, run.output
    with serve_directory(run.site) as base:
        yield base


@pytest.fixture
def page(chromium: Any) -> Iterator[Any]:
    context = chromium.new_context(viewport={"width": 390, "height": 900})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    yield pg
    context.close()
    assert errors == []


def _lines(page: Any) -> list[tuple[str, str]]:
    lines = page.locator(".sg-keyfacts [data-open-now]")
    lines.first.wait_for(state="visible")
    page.wait_for_function(
        "[...document.querySelectorAll('.sg-keyfacts [data-open-now]')]"
        ".every(e => e.getAttribute('data-state'))"
    )
    return [
        (" ".join(line.inner_text().split()), line.get_attribute("data-state") or "")
        for line in lines.all()
    ]


@pytest.mark.parametrize("lang", ["", "en/"])
def test_monday_22_the_filter_keeps_only_services_open_by_their_own_hours(
    served: str, page: Any, lang: str
) -> None:
    page.clock.set_fixed_time(MONDAY_22)
    page.goto(f"{served}{lang}services/")
    box = page.locator("[data-open-now-filter]")
    box.wait_for(state="visible")
    page.wait_for_function("document.querySelector('[data-open-now-count]').textContent")
    box.check()
    page.wait_for_timeout(200)
    shown = {
        card.locator("a").first.get_attribute("href").rstrip("/").rsplit("/", 1)[-1]
        for card in page.locator(".sg-card:visible").all()
    }
    assert shown == {"shelter", "night-shelter"}


def test_christmas_eve_the_shelter_is_open_and_only_its_administration_closed(
    served: str, page: Any
) -> None:
    page.clock.set_fixed_time(CHRISTMAS_EVE_10)
    page.goto(f"{served}en/services/shelter/")
    (own, office) = _lines(page)
    assert own == ("Opening hours Open 24 hours", "open")  # the shelter's own, announced first
    assert office[0].startswith("Shelter — Administration working hours Closed today: Christmas")
    assert office[1] == "closed"


@pytest.mark.parametrize(
    ("lang", "first", "mobile"),
    [
        ("", "Nākamreiz: rīt 15.00", "Nākamreiz: rīt 13.30"),
        ("en/", "Next: tomorrow at 15:00", "Next: tomorrow at 13:30"),
    ],
)
def test_the_soup_kitchen_says_the_next_meal_and_is_never_open(
    served: str, page: Any, lang: str, first: str, mobile: str
) -> None:
    page.clock.set_fixed_time(MONDAY_22)
    page.goto(f"{served}{lang}services/soup-kitchen/")
    lines = _lines(page)
    assert [state for _, state in lines][:2] == ["unknown", "unknown"]
    assert lines[0][0].endswith(first) and lines[1][0].endswith(mobile)
