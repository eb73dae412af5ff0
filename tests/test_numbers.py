"""No number is lost between the data and the page (tests/number_survival.py).

The default site keeps every number of data/ and content/; and the checker is shown to
catch the two ways a number was lost: Markdown reading "2017. gadā" at a line start as a
numbered list (hooks/sitegen/text/ordinals.py switched off in a copy of the project), and a
template that leaves a figure out.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from types import ModuleType

import pytest
from number_survival import lost_numbers, page_text
from sitebuild import FIXTURE_SITE

from conftest import ROOT, edit
from testsupport.data import DATA_DIR

ORDINAL_TEXTS = {
    # a data text whose paragraphs begin with a year and a date
    "lv": "2017. gadā Sociālais dienests sniedza palīdzību.\n\n"
    "1. janvārī sākās jauns gads.\n\nI grupa ir invaliditātes grupa.",
    "en": "In 2017 the Social Service gave help.\n\n1 January began a new year.",
}
CONTENT_LINE = {"lv": "2017. gadā pārbaudīts.", "en": "Checked in 2017."}


def test_the_default_site_loses_no_number(default_site: Path) -> None:
    losses = lost_numbers(DATA_DIR, ROOT / "content", default_site)
    assert not losses, "\n".join(map(str, losses))


def _ordinal_project(target: Path, sites: ModuleType) -> Path:
    """The fixture site with a report section and a hand-written paragraph that begin
    with an ordinal."""
    data = target / "data-src"
    content = target / "content-src"
    shutil.copytree(FIXTURE_SITE / "data", data)
    shutil.copytree(ROOT / "content", content)
    body = json.dumps(ORDINAL_TEXTS, ensure_ascii=False)  # JSON is YAML
    with (data / "reports" / "test-report.yaml").open("a", encoding="utf-8") as handle:
        handle.write(f"sections:\n  - heading: {{lv: Gads, en: Year}}\n    body: {body}\n")
    for lang, line in CONTENT_LINE.items():
        with (content / lang / "index.md").open("a", encoding="utf-8") as handle:
            handle.write(f"\n{line}\n")
    return sites.make_project(target / "project", data, content)


def _without_ordinals(project: Path) -> None:
    """Switch the fix off in the project's copy: Markdown's own numbered lists again."""
    edit(project / "mkdocs.yml", "  - sitegen.text.ordinals", "")
    edit(
        project / "hooks" / "sitegen" / "text" / "richtext.py",
        "extensions=[OrdinalsExtension()]",
        "extensions=[]",
    )


@pytest.fixture(scope="module")
def ordinal_sites(tmp_path_factory: pytest.TempPathFactory, sites: ModuleType) -> dict[str, Path]:
    built = {}
    for variant in ("fixed", "broken"):
        project = _ordinal_project(tmp_path_factory.mktemp(f"ordinals-{variant}"), sites)
        if variant == "broken":
            _without_ordinals(project)
        run = sites.build(project)
        assert run.returncode == 0, run.output
        built[variant] = run.site
    return built


def test_a_paragraph_that_begins_with_a_year_keeps_it(ordinal_sites: dict[str, Path]) -> None:
    site = ordinal_sites["fixed"]
    text = page_text(site / "reports" / "test-report" / "index.html")
    assert "2017. gadā Sociālais dienests" in text
    assert "1. janvārī sākās" in text
    assert "I grupa ir" in text
    assert "2017. gadā pārbaudīts." in page_text(site / "index.html")
    project = site.parent
    assert not lost_numbers(project / "data", project / "content", site)


def test_the_checker_catches_markdown_eating_the_year(ordinal_sites: dict[str, Path]) -> None:
    site = ordinal_sites["broken"]
    project = site.parent
    losses = lost_numbers(project / "data", project / "content", site)
    found = {(loss.lang, loss.expected) for loss in losses}
    assert ("lv", "2017. gadā Sociālais") in found  # the data text, shown as "1. gadā …"
    assert ("lv", "palīdzību. 1. janvārī") in found  # joins that list, shown as "2. janvārī"
    # and the hand-written page, where "2017. gadā pārbaudīts." became "1. pārbaudīts."
    assert any(
        loss.where.endswith("content/lv/index.md") and "2017. gadā" in loss.expected
        for loss in losses
    ), "\n".join(map(str, losses))


def test_the_checker_catches_a_figure_a_template_leaves_out(
    tmp_path: Path, sites: ModuleType
) -> None:
    project = sites.make_project(tmp_path / "project")
    edit(
        project / "overrides" / "sitegen" / "report.html",
        '<td class="sg-num" data-label="{{ ui(\'report.persons\') }}">{{ number(row.persons) }}</td>',
        "<td></td>",
    )
    run = sites.build(project)
    assert run.returncode == 0, run.output
    losses = lost_numbers(project / "data", project / "content", run.site)
    assert {(loss.where, loss.expected) for loss in losses} >= {
        ("data/reports/test-report.yaml benefits_table[0].persons", "1 590"),
    }, "\n".join(map(str, losses))
