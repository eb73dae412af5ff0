"""The page kinds (hooks/sitegen/sitemap/page_kinds.py): templates exist, URLs follow the paths, and
mkdocs.yml's nav and not_in_nav agree with the table."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml
from sitegen.base.languages import LANGUAGES
from sitegen.sitemap.page_kinds import PAGE_KINDS
from sitegen.sitemap.urls import page_url

ROOT = Path(__file__).resolve().parents[1]


def mkdocs_config() -> dict[str, Any]:
    return yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))


def nav_mismatches(config: dict[str, Any]) -> list[str]:
    """Where ``nav`` and ``not_in_nav`` of ``config`` disagree with ``PAGE_KINDS``."""
    nav = [
        entry if isinstance(entry, str) else next(iter(entry.values())) for entry in config["nav"]
    ]
    hidden = set(config.get("not_in_nav", "").split())
    problems = []
    for page in PAGE_KINDS.values():
        if page.in_nav and page.path not in nav:
            problems.append(f"nav lacks {page.path} ({page.kind})")
        if not page.in_nav and page.items is None:
            problems.append(f"{page.kind}: one page that is not in the nav would be unreachable")
        if page.items is not None:
            folder = page.path.rsplit("/", 1)[0]
            problems += [
                f"not_in_nav lacks /{lang}/{folder}/*.md ({page.kind})"
                for lang in LANGUAGES
                if f"/{lang}/{folder}/*.md" not in hidden
            ]
    return problems


def test_mkdocs_nav_agrees_with_the_table() -> None:
    assert nav_mismatches(mkdocs_config()) == []


@pytest.mark.parametrize("breakage", ["nav", "not_in_nav"])
def test_the_check_fails_on_a_config_that_disagrees(breakage: str) -> None:
    config = copy.deepcopy(mkdocs_config())
    if breakage == "nav":
        config["nav"].remove("prices/calculator.md")
    else:
        config["not_in_nav"] = config["not_in_nav"].replace("/en/providers/*.md", "")
    assert nav_mismatches(config)


def test_every_kind_has_its_template() -> None:
    for page in PAGE_KINDS.values():
        assert (ROOT / "overrides" / page.template).is_file(), page.template


@pytest.mark.parametrize(
    ("kind", "lang", "item_id", "url"),
    [
        ("services", "lv", None, "services/"),
        ("calculator", "lv", None, "prices/calculator/"),
        ("service", "en", "home-care", "en/services/home-care/"),
        ("report", "lv", "rezekne-county-2017", "reports/rezekne-county-2017/"),
    ],
)
def test_urls_follow_the_stub_paths(kind: str, lang: str, item_id: str | None, url: str) -> None:
    assert page_url(kind, lang, item_id) == url


def test_an_item_page_needs_its_id() -> None:
    with pytest.raises(ValueError, match="needs"):
        PAGE_KINDS["service"].stub_path()
    with pytest.raises(ValueError, match="has no"):
        PAGE_KINDS["prices"].stub_path("home-care")
