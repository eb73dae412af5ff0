"""The facts ledger (hooks/sitegen/publish/facts_ledger.py, `make facts`): the committed tables
docs/facts/lv.tsv and en.tsv are what the built pages show, and a changed price, phone or
hours in the data changes the ledger — so the change shows in a pull request's diff for a
person to read.

The first test compares today's data with today's committed ledger on purpose: that is the
ledger's job. An editor's correct change does not turn the pull request red for it: the
pull-request workflow runs `make facts` and commits the new ledger to the branch (see
.github/workflows/), so the officer sees the changed lines, not a failure.
"""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path
from types import ModuleType

import pytest
from sitegen.checks.loader import load_data_dir
from sitegen.data.sitedata import SiteData
from sitegen.publish import facts_ledger
from sitegen.text.ui_strings import load_ui_strings

from testsupport.data import DATA_DIR

ROOT = Path(__file__).resolve().parent.parent
STRINGS = load_ui_strings(ROOT / "overrides/sitegen/ui.yaml")
FIXTURE_PROVIDER = ROOT / "tests" / "fixtures" / "provenance" / "town-social-service.yaml"


def ledger_differences(expected: dict[str, str], actual: dict[str, str]) -> list[str]:
    """The changed lines, file by file, as a unified diff (empty when they agree)."""
    out: list[str] = []
    for name in sorted(set(expected) | set(actual)):
        out += difflib.unified_diff(
            expected.get(name, "").splitlines(),
            actual.get(name, "").splitlines(),
            f"committed {name}",
            f"pages {name}",
            lineterm="",
            n=0,
        )
    return out


@pytest.mark.skipif(
    DATA_DIR != ROOT / "data",
    reason="SITEGEN_TEST_DATA names a copy of data/: the committed ledger is data/'s; for a "
    "changed copy, as for a pull request, `make facts` writes the new ledger",
)
def test_the_committed_ledger_is_what_the_pages_show(default_site: Path) -> None:
    data = load_data_dir(DATA_DIR).data
    assert data is not None
    committed = {
        p.name: p.read_text(encoding="utf-8") for p in (ROOT / facts_ledger.FOLDER).glob("*.tsv")
    }
    differences = ledger_differences(committed, facts_ledger.files(default_site, data, STRINGS))
    assert not differences, (
        "The facts ledger (docs/facts/) is not what the pages show. Run `make facts` and "
        "commit docs/facts/ with your change (a pull request does it for you); each changed "
        "line is a changed fact:\n" + "\n".join(differences[:60])
    )


# --- a fixture site, changed in one price, one phone and one hours value -----------------


def _build(sites: ModuleType, data: Path, target: Path) -> tuple[Path, SiteData]:
    project = sites.make_project(target / "project", data=data)
    # a build day whose 13 months hold the moments the tests look at
    run = sites.build(project, target / "site", today="2026-12-01")
    assert run.returncode == 0, run.output
    loaded = load_data_dir(project / "data").data
    assert loaded is not None
    return run.site, loaded


def _fixture_data(target: Path) -> Path:
    shutil.copytree(ROOT / "tests" / "fixtures" / "site" / "data", target)
    shutil.copy(FIXTURE_PROVIDER, target / "providers")
    return target


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_changed_price_phone_and_hours_each_change_the_ledger(
    sites: ModuleType, tmp_path: Path
) -> None:
    before_site, before_data = _build(sites, _fixture_data(tmp_path / "a"), tmp_path / "a-out")
    data = _fixture_data(tmp_path / "b")
    _edit(data / "providers/test-provider.yaml", "amount: 8.80", "amount: 9.10")
    _edit(data / "providers/town-social-service.yaml", '"29000002"', '"29000009"')
    _edit(data / "providers/town-social-service.yaml", 'open: "15:00"', 'open: "14:30"')
    after_site, after_data = _build(sites, data, tmp_path / "b-out")
    before = facts_ledger.files(before_site, before_data, STRINGS)
    after = facts_ledger.files(after_site, after_data, STRINGS)
    changed = "\n".join(ledger_differences(before, after))
    for gone, new in (("8,80 €", "9,10 €"), ("29 00 00 02", "29 00 00 09"), ("15.00", "14.30")):
        assert gone in changed and new in changed, (gone, new, changed)
    assert "€9.10" in changed and "29 00 00 09" in changed and "14:30" in changed  # English
    # and nothing else: every changed line is about one of the three facts
    lines = [ln for ln in changed.splitlines() if ln[:1] in "+-" and ln[:3] not in ("---", "+++")]
    facts = ("8,80", "9,10", "€8.80", "€9.10", "29 00 00 0", "15", "14", "3:00", "2:30")
    assert lines and all(any(f in ln for f in facts) for ln in lines), lines


def test_the_ledger_marks_whose_each_fact_is(sites: ModuleType, tmp_path: Path) -> None:
    site, data = _build(sites, _fixture_data(tmp_path / "data"), tmp_path / "out")
    rows = facts_ledger.ledger(site, data, STRINGS, "en")
    by_page = {}
    for row in rows:
        by_page.setdefault(row.page, []).append(row)
    laundry = {(r.kind, r.whose) for r in by_page["en/services/laundry/"]}
    assert ("phone", "unit: Shelter") in laundry and ("hours", "unit: Shelter") in laundry
    centre = by_page["en/services/centre/"]
    assert ("phone", "own") in {(r.kind, r.whose) for r in centre}  # "no phone": said so
    assert all(r.whose != "unit: Care office" for r in centre)
    night = [r for r in by_page["en/services/night-shelter/"] if r.kind.startswith("state")]
    at_22 = next(r for r in night if r.kind == "state Mon 2027-01-11 22:00" and r.whose == "own")
    assert at_22.value.startswith("Opening hours: Open in both seasons")


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_the_ledger_has_a_row_per_fact_kind(default_site: Path, lang: str) -> None:
    data = load_data_dir(DATA_DIR).data
    assert data is not None
    kinds = {r.kind.split(" ")[0] for r in facts_ledger.ledger(default_site, data, STRINGS, lang)}
    assert {"price", "eligibility", "hours", "phone", "address", "email", "state"} <= kinds
