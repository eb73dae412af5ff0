"""End-to-end builds of a small fixture site: the exact set of pages in both languages,
language switchers that lead to the same page, and no page in one language only."""

from __future__ import annotations

import json
import re
from pathlib import Path
from types import ModuleType

import pytest
from sitebuild import built_pages

EXPECTED_PAGES = {
    "index.html",
    "accessibility/index.html",
    "services/index.html",
    "services/home-care/index.html",
    "services/food-packages/index.html",
    "providers/index.html",
    "providers/test-provider/index.html",
    "prices/index.html",
    "prices/calculator/index.html",
    "reports/index.html",
    "reports/test-report/index.html",
    # issue 10: the finder, one page per place, need and benefit, and the list of benefits
    "finder/index.html",
    "places/test-city/index.html",
    "places/test-county/index.html",
    "places/test-parish/index.html",
    "places/test-former/index.html",
    "needs/care/index.html",
    "needs/food/index.html",
    "benefits/index.html",
    "benefits/gmi-benefit/index.html",
    "open-data/index.html",
}


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory: pytest.TempPathFactory, sites: ModuleType) -> Path:
    project = sites.make_project(tmp_path_factory.mktemp("fixture-project"))
    run = sites.build(project)
    assert run.returncode == 0, run.output
    return run.site


def test_exact_pages_in_both_languages(fixture_site: Path) -> None:
    pages = built_pages(fixture_site)
    expected = EXPECTED_PAGES | {f"en/{p}" for p in EXPECTED_PAGES} | {"404.html"}
    assert pages == expected


def _switcher_links(html: str) -> dict[str, str]:
    """hreflang -> href of the language switcher (attributes in any order)."""
    links = {}
    for tag in re.findall(r"<a\s[^>]*hreflang=[^>]*>", html):
        lang = re.search(r'hreflang="([a-z]+)"', tag)
        href = re.search(r'\shref="([^"]+)"', tag)
        if lang and href:
            links[lang[1]] = href[1]
    return links


@pytest.mark.parametrize("page", sorted(EXPECTED_PAGES))
def test_switcher_links_counterpart(fixture_site: Path, page: str) -> None:
    for lang, path, other, other_path in (
        ("lv", page, "en", f"en/{page}"),
        ("en", f"en/{page}", "lv", page),
    ):
        html = (fixture_site / path).read_text(encoding="utf-8")
        assert f'<html lang="{lang}"' in html
        links = _switcher_links(html)
        href = links[other]
        base = fixture_site if href.startswith("/") else (fixture_site / path).parent
        target = base / href.lstrip("/")
        target = target / "index.html" if not target.suffix else target
        assert target.resolve() == (fixture_site / other_path).resolve(), (path, links)


def test_generated_page_carries_the_data(fixture_site: Path) -> None:
    lv = (fixture_site / "services/home-care/index.html").read_text(encoding="utf-8")
    en = (fixture_site / "en/services/home-care/index.html").read_text(encoding="utf-8")
    assert "8,80\xa0€" in lv and "€8.80" in en
    assert 'href="tel:+37129469720"' in lv
    assert "Aprūpe mājās" in lv and "Home care" in en


def test_unpaired_page_is_refused(tmp_path: Path, sites: ModuleType) -> None:
    project = sites.make_project(tmp_path / "p")
    (project / "content/lv/only-latvian.md").write_text("# Tikai latviski\n", encoding="utf-8")
    run = sites.build(project)
    assert run.returncode != 0
    assert "lv/only-latvian.md (no en/only-latvian.md)" in run.output
    assert "Traceback" not in run.output
    assert not (run.site / "en/only-latvian/index.html").exists()


def test_broken_data_stops_the_build_with_file_and_line(tmp_path: Path, sites: ModuleType) -> None:
    project = sites.make_project(tmp_path / "p")
    path = project / "data/providers/test-provider.yaml"
    path.write_text(path.read_text().replace("amount: 8.80", "amount: 8,80"), encoding="utf-8")
    run = sites.build(project)
    assert run.returncode != 0
    assert re.search(  # the Latvian reason on the line, the English below it
        r"data/providers/test-provider\.yaml:\d+:\d+: fees\[0\]\.items\[0\]\.rule\.amount: "
        r"[^\n]*'8,80' rakstīt. ar decimālkomatu.*8\.80\n\s+amount '8,80' .*decimal comma.*8\.80",
        run.output,
    )
    assert "Traceback" not in run.output


def test_default_site_has_recordings_for_every_latvian_page(default_site: Path) -> None:
    """hooks/render_audio.py: each Latvian page's widget points to a manifest of MP3 clips
    in the site (for browsers with no Latvian voice); English pages get none."""
    audio = re.compile(r'data-listen-audio="([^"]+)"')
    checked = 0
    for page in sorted(default_site.rglob("*.html")):
        rel = page.relative_to(default_site).as_posix()
        html = page.read_text(encoding="utf-8")
        if "data-listen " not in html or rel == "404.html":
            continue
        found = audio.search(html)
        if rel.startswith("en/"):
            assert found is None, rel
            continue
        assert found, f"{rel}: no recording"
        manifest = json.loads((page.parent / found[1]).resolve().read_text(encoding="utf-8"))
        assert manifest["lang"] == "lv" and len(manifest["clips"]) >= 3, rel
        for clip in manifest["clips"].values():
            data = (default_site / "listen-audio" / clip).read_bytes()
            assert len(data) > 500 and (data[:3] == b"ID3" or data[0] == 0xFF), (rel, clip)
        checked += 1
    assert checked > 30
