"""An officer's correct edits keep the tests green (issue 23 item 1).

``testsupport/edited_copy.py`` copies the default data and makes the everyday edits (a
price, a phone, a new service, the seasons' dates, office hours), each found by the data's
structure. Here: the copy holds exactly those edits; ``python -m sitegen validate`` accepts
it; and a representative set of the tests that read the default data passes on it, run in
a process of their own with ``SITEGEN_TEST_DATA`` naming the copy. These are the tests
that used to pin today's values (the fee amounts in the open data, the office's hours in
the JSON-LD holiday exceptions, the finder's counts, the night shelter's open-now line).

The first three are in the edit-test loop (no site build); the run of the other tests is a
new pytest (``rerun``: a few seconds), so it runs in ``make test``, not ``make test-fast``.
``make test-edited`` runs every test, the builds and browsers included, on such a copy.
"""

from __future__ import annotations

import difflib
import subprocess
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from sitegen.__main__ import main as cli_main
from sitegen.checks.loader import load_data_dir
from sitegen.data.sitedata import SiteData

from testsupport.data import DATA_DIR, ENV
from testsupport.edited_copy import (
    NEW_ID_SUFFIX,
    NEW_NAME_SUFFIX,
    PRICE_RISE,
    SEASON_DATES,
    Edit,
    edited_copy,
)

# tests that read the default data and, before issue 23, pinned its values
REPRESENTATIVE = [
    "tests/test_open_data.py",
    "tests/test_jsonld.py",
    "tests/test_page_facts.py",
    "overrides/widgets/finder/tests/test_finder_cases.py",
    "overrides/widgets/open-now/tests/test_open_now_cases.py",
]


@pytest.fixture(scope="module")
def edited(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Edit]]:
    target = tmp_path_factory.mktemp("edited") / "data"
    return target, edited_copy(DATA_DIR, target)


def _load(data: Path) -> SiteData:
    result = load_data_dir(data)
    assert result.errors == [] and result.data is not None, result.errors
    return result.data


def _phones(data: SiteData) -> list:
    return [
        phone
        for pf in data.providers.values()
        for unit in pf.provider.units
        for phone in unit.contacts.phones
    ]


def test_the_copy_holds_the_officers_edits_and_nothing_else(
    edited: tuple[Path, list[Edit]],
) -> None:
    data, edits = edited
    before, after = _load(DATA_DIR), _load(data)
    kinds = [e.what.split(" ")[0] for e in edits]
    assert kinds == ["price", "phone", "phone", "season", "season", "new", "closing"], edits
    phones = {e.new for e in edits if e.what.startswith("phone")}
    assert len(phones) == 2 and phones <= {p.number.removeprefix("+371") for p in _phones(after)}

    price = edits[0]
    fee_id, item_id = price.what.removeprefix("price ").split("/")
    amounts = [
        next(i.rule.amount for i in d.fees[fee_id][0].items if i.id == item_id)
        for d in (before, after)
    ]
    assert amounts[1] == amounts[0] + PRICE_RISE

    (new_id,) = set(after.services) - set(before.services)
    original, _ = before.services[new_id.removesuffix(NEW_ID_SUFFIX)]
    added, _ = after.services[new_id]
    assert added.name.lv == original.name.lv + NEW_NAME_SUFFIX["lv"]
    assert added.name.en == original.name.en + NEW_NAME_SUFFIX["en"]

    dated = [
        (s.season_dates.start, s.season_dates.end)
        for service, _ in after.services.values()
        for s in service.hours
        if s.season_dates is not None
    ]
    wanted = [tuple(e.new.split(" to ")) for e in edits if e.what.startswith("season")]
    assert len(wanted) == len(SEASON_DATES) and all(w in dated for w in wanted)

    # the text changed only on the lines the edits name (and the new service's block)
    changed = []
    for path in sorted(data.rglob("*.yaml")):
        old = (DATA_DIR / path.relative_to(data)).read_text(encoding="utf-8").splitlines()
        new = path.read_text(encoding="utf-8").splitlines()
        for line in difflib.unified_diff(old, new, n=0, lineterm=""):
            if line.startswith("+") and not line.startswith("+++"):
                changed.append(line[1:].strip())
    for edit in edits:
        if edit.what != "new service":
            assert any(edit.new in line or edit.new.split(" ")[0] in line for line in changed)
    assert f"- id: {new_id}" in changed


def test_make_validate_accepts_the_copy(
    edited: tuple[Path, list[Edit]],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    data, _ = edited
    monkeypatch.chdir(data.parent)
    for name in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY"):
        monkeypatch.delenv(name, raising=False)
    assert cli_main(["validate", "data"]) == 0, capsys.readouterr().err


def test_the_data_reading_tests_pass_on_the_copy(
    edited: tuple[Path, list[Edit]], rerun_tests: Callable[..., subprocess.CompletedProcess[str]]
) -> None:
    data, _ = edited
    run = rerun_tests(
        ["-m", "unit", "--hypothesis-profile=fast", *REPRESENTATIVE], **{ENV: str(data)}
    )
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert " passed" in run.stdout and "failed" not in run.stdout


def test_a_pinned_expectation_would_fail_on_the_copy(edited: tuple[Path, list[Edit]]) -> None:
    """What the copy is for: today's price list, written into a test, is wrong for it."""
    data, edits = edited
    fee_id = edits[0].what.removeprefix("price ").split("/")[0]
    pinned = [i.rule.amount for i in _load(DATA_DIR).fees[fee_id][0].items]
    assert [i.rule.amount for i in _load(data).fees[fee_id][0].items] != pinned
    assert all(isinstance(a, Decimal) for a in pinned)
