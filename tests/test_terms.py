"""The termbase (data/terms.yaml, hooks/sitegen/text/terms.py): one Latvian term has one English
term on every page, and no page uses a forbidden variant.

Checked on the default data and site, and shown to fail on a fixture that breaks each rule:
a text that renders dzīvokļa pabalsts as “housing allowance”, and the same text on a built
page.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
import yaml
from number_survival import page_text
from sitebuild import FIXTURE_SITE
from sitegen.checks.loader import load_data_dir
from sitegen.data.model import TermsFile
from sitegen.data.sitedata import SiteData
from sitegen.text.terms import forbidden_in, renderings, text_pairs

from conftest import ROOT, edit
from testsupport.data import DATA_DIR

CONTENT_BLOCK = "<!--"  # generated blocks are checked on the built pages, not here


def _data(data_dir: Path) -> SiteData:
    result = load_data_dir(data_dir)
    assert result.data is not None, result.errors
    return result.data


def _pairs(data: SiteData, root: Path) -> Iterator[tuple[str, str, str]]:
    """Every Latvian–English pair a resident reads: data texts, the interface strings, and
    the hand-written pages (paragraph by paragraph, which line up in content/lv and /en)."""
    for pid, pf in data.providers.items():
        yield from text_pairs(pf, f"data/providers/{pid}.yaml")
    for rid, report in data.reports.items():
        yield from text_pairs(report, f"data/reports/{rid}.yaml")
    yield from text_pairs(data.vocabulary, "data/vocabulary.yaml")
    yield from text_pairs(data.site, "data/site.yaml")
    yield from text_pairs(list(data.legal_acts.values()), "data/legal-acts.yaml")
    ui = yaml.safe_load((root / "overrides" / "sitegen" / "ui.yaml").read_text("utf-8"))
    for key, entry in ui.items():
        lv, en = entry["lv"], entry["en"]
        if isinstance(lv, dict):  # a counted string: one text per plural form (plurals.py)
            for form, text in lv.items():
                yield f"overrides/sitegen/ui.yaml {key}.{form}", text, en.get(form, en["other"])
        else:
            yield f"overrides/sitegen/ui.yaml {key}", lv, en
    for lv_page in sorted((root / "content" / "lv").rglob("*.md")):
        en_page = root / "content" / "en" / lv_page.relative_to(root / "content" / "lv")
        lv_parts = lv_page.read_text("utf-8").split("\n\n")
        en_parts = en_page.read_text("utf-8").split("\n\n")
        for index, (lv, en) in enumerate(zip(lv_parts, en_parts, strict=False)):
            yield f"{lv_page.relative_to(root)} paragraph {index + 1}", lv, en


def _forbidden_on_pages(data: SiteData, site: Path) -> list[str]:
    found = []
    for page in sorted(site.rglob("*.html")):
        relative = page.relative_to(site).as_posix()
        lang = "en" if relative.startswith("en/") else "lv"
        found += forbidden_in(data.terms, relative, page_text(page), lang)
    return [str(f) for f in found]


def test_the_termbase_is_loaded() -> None:
    data = _data(DATA_DIR)
    assert len(data.terms) >= 30
    assert {"housing-benefit", "food-parcel", "needy-person", "cooperation"} <= {
        t.id for t in data.terms
    }


def test_one_latvian_term_has_one_english_term() -> None:
    data = _data(DATA_DIR)
    found = renderings(data.terms, _pairs(data, ROOT))
    assert not found, "\n".join(map(str, found))


def test_no_page_uses_a_forbidden_variant(default_site: Path) -> None:
    found = _forbidden_on_pages(_data(DATA_DIR), default_site)
    assert not found, "\n".join(found)


def _termbase(*ids: str) -> str:
    """Entries of the real termbase, as data/terms.yaml writes them."""
    entries = re.split(r"(?m)^(?=  - id: )", (DATA_DIR / "terms.yaml").read_text("utf-8"))
    chosen = [e for e in entries if any(e.startswith(f"  - id: {i}\n") for i in ids)]
    assert len(chosen) == len(ids)
    return "terms:\n" + "".join(e.rstrip() + "\n" for e in chosen)


DRIFT = (
    "sections:\n  - heading: {lv: Pabalsti, en: Benefits}\n"
    "    body: {lv: Dzīvokļa pabalstu saņēma 10 ģimenes ar līdzdalību.,"
    " en: 10 families received the housing allowance.}\n"
)


def test_the_data_check_catches_two_renderings_of_one_term(tmp_path: Path) -> None:
    """A data text is checked when the data is validated, at its line (data_checks.py)."""
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_SITE / "data", data)
    (data / "terms.yaml").write_text(_termbase("housing-benefit", "cooperation"), "utf-8")
    with (data / "reports" / "test-report.yaml").open("a", encoding="utf-8") as handle:
        handle.write(DRIFT)
    found = {(e.path, e.code) for e in load_data_dir(data).errors}
    assert ("sections[0].body.en", "term.rendering") in found
    assert ("sections[0].body.en", "term.forbidden") in found
    assert ("sections[0].body.lv", "term.forbidden") in found  # līdzdalību
    terms = TermsFile.model_validate(yaml.safe_load(_termbase("housing-benefit"))).terms
    pair = ("x", "Dzīvokļa pabalstu saņēma 10 ģimenes.", "10 families received the allowance.")
    assert [f.term.id for f in renderings(terms, iter([pair]))] == ["housing-benefit"]
    pair = ("x", "Dzīvokļa pabalstu saņēma 10 ģimenes.", "10 got the housing benefit.")
    assert renderings(terms, iter([pair])) == []


@pytest.fixture(scope="module")
def drifting_project(tmp_path_factory: pytest.TempPathFactory, sites: ModuleType) -> Path:
    """The fixture site with two entries of the real termbase and a hand-written page (which
    the data check does not read) translated the old way."""
    root = tmp_path_factory.mktemp("terms")
    data, content = root / "data", root / "content"
    shutil.copytree(FIXTURE_SITE / "data", data)
    (data / "terms.yaml").write_text(_termbase("housing-benefit", "cooperation"), "utf-8")
    shutil.copytree(ROOT / "content", content)
    for lang, text in (
        ("lv", "Dzīvokļa pabalstu saņēma 10 ģimenes ar līdzdalību."),
        ("en", "10 families received the housing allowance."),
    ):
        with (content / lang / "index.md").open("a", encoding="utf-8") as handle:
            handle.write(f"\n{text}\n")
    return sites.make_project(root / "project", data, content)


def test_the_check_catches_a_forbidden_variant_on_a_page(
    drifting_project: Path, sites: ModuleType
) -> None:
    run = sites.build(drifting_project)
    assert run.returncode == 0, run.output
    found = _forbidden_on_pages(_data(drifting_project / "data"), run.site)
    assert any(f.startswith("en/index.html: “housing allowance”") for f in found), found
    assert any(f.startswith("index.html: “līdzdalību”") for f in found), found


def test_a_latvian_term_listed_twice_is_a_data_error(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_SITE / "data", data)
    shutil.copy2(DATA_DIR / "terms.yaml", data / "terms.yaml")
    edit(
        data / "terms.yaml",
        "  - id: food-parcel\n    lv: pārtikas paka\n    en: food parcel",
        "  - id: food-parcel\n    lv: dzīvokļa pabalsts\n    en: food parcel",
    )
    errors = [e.english_line for e in load_data_dir(data).errors]
    assert any("terms.yaml" in e and "listed twice" in e for e in errors), errors
