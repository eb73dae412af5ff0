"""Built sites (issue 10, items 1, 2, 4): the place, need, benefit and finder pages exist in
both languages; each place page lists exactly the services whose area contains the place
(worked out here from the YAML, independently of hooks/sitegen/places/territory.py); every benefit
has its page; shared service names carry their place in link text; the home page and the
directory ask where you live. Checked on a fixture site with a second provider and on the
default data."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from types import ModuleType

import pytest
import yaml
from sitebuild import FIXTURE_SITE, built_pages

from testsupport.data import DATA_DIR

OTHER_PROVIDER = """\
provider:
  id: other-provider
  name: {lv: Otrs dienests, en: Other service}
  summary: {lv: Otrs testa dienests., en: Another test service.}
  area: [test-county]
services:
  - id: county-care
    category: care-at-home
    audiences: [older-people]
    name: {lv: Aprūpe mājās, en: Home care}
    summary: {lv: Aprūpe novadā., en: Care in the county.}
  - id: parish-food
    area: [test-parish]
    category: food
    audiences: [residents]
    name: {lv: Pagasta zupa, en: Parish soup}
    summary: {lv: Zupa pagastā., en: Soup in the parish.}
benefits:
  - id: county-allowance
    group: social-assistance
    name: {lv: Novada pabalsts, en: County allowance}
"""

FIXTURE_PAGES = {
    "index.html",
    "accessibility/index.html",
    "finder/index.html",
    "services/index.html",
    "services/home-care/index.html",
    "services/food-packages/index.html",
    "services/county-care/index.html",
    "services/parish-food/index.html",
    "providers/index.html",
    "providers/test-provider/index.html",
    "providers/other-provider/index.html",
    "prices/index.html",
    "prices/calculator/index.html",
    "reports/index.html",
    "reports/test-report/index.html",
    "places/test-city/index.html",
    "places/test-county/index.html",
    "places/test-parish/index.html",
    "places/test-former/index.html",
    "needs/care/index.html",
    "needs/food/index.html",
    "benefits/index.html",
    "benefits/gmi-benefit/index.html",
    "benefits/county-allowance/index.html",
    "open-data/index.html",
}


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory: pytest.TempPathFactory, sites: ModuleType) -> Path:
    root = tmp_path_factory.mktemp("places-fixture")
    data = root / "data"
    import shutil

    shutil.copytree(FIXTURE_SITE / "data", data)
    (data / "providers/other-provider.yaml").write_text(OTHER_PROVIDER, encoding="utf-8")
    run = sites.build(sites.make_project(root / "project", data=data))
    assert run.returncode == 0, run.output
    return run.site


@pytest.fixture(scope="module")
def real_site(default_site: Path) -> Path:
    """The session's default site (tests/conftest.py)."""
    return default_site


@pytest.fixture(scope="module")
def both_sites(fixture_site: Path, real_site: Path) -> dict[str, Path]:
    """Both sites by name, for the tests run on each: asked for as a fixture (not through
    ``request.getfixturevalue``), so the root conftest.py sees the builds and marks the
    tests ``build``, and ``make test-fast`` leaves them out."""
    return {"fixture_site": fixture_site, "real_site": real_site}


# --- what the YAML says, worked out independently -------------------------------------


def expected_by_place(data: Path) -> dict[str, set[str]]:
    """place id -> ids of the services whose area (or, without one, their provider's)
    names the place or a place that contains it."""
    places = yaml.safe_load((data / "places.yaml").read_text(encoding="utf-8"))["places"]
    within = {p["id"]: p.get("within") for p in places}

    def outward(place: str | None) -> set[str]:
        found = set()
        while place is not None:
            found.add(place)
            place = within[place]
        return found

    result: dict[str, set[str]] = {p: set() for p in within}
    for path in sorted((data / "providers").glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        for service in doc.get("services", []):
            area = set(service.get("area") or doc["provider"]["area"])
            for place in within:
                if area & outward(place):
                    result[place].add(service["id"])
    return result


def benefit_ids(data: Path) -> set[str]:
    ids = set()
    for path in (data / "providers").glob("*.yaml"):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        ids |= {b["id"] for b in doc.get("benefits", [])}
    return ids


class _Links(HTMLParser):
    """(href, text) of every link inside the page's article (not the nav or the help box)."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self._href: str | None = None
        self._text: list[str] = []
        self._in_page = 0
        self._label: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "article":
            self._in_page += 1
        if tag == "a" and self._in_page and found.get("href"):
            self._href, self._text = found["href"], []
            self._label = found.get("aria-label")

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self._in_page -= 1
        if tag == "a" and self._href is not None:
            name = self._label or "".join(self._text)  # the accessible name
            self.links.append((self._href, " ".join(name.split())))
            self._href = None

    def handle_data(self, data: str) -> None:
        if self._href is not None:
            self._text.append(data)


def links(html: str) -> list[tuple[str, str]]:
    parser = _Links()
    parser.feed(html)
    return parser.links


def listed_services(html: str) -> set[str]:
    return set(re.findall(r'data-entry="service:([a-z0-9-]+)"', html))


def read(site: Path, rel: str) -> str:
    return (site / rel).read_text(encoding="utf-8")


# --- the fixture site ------------------------------------------------------------------


def test_exact_pages_in_both_languages(fixture_site: Path) -> None:
    expected = FIXTURE_PAGES | {f"en/{p}" for p in FIXTURE_PAGES} | {"404.html"}
    assert built_pages(fixture_site) == expected


@pytest.mark.parametrize("site_name", ["fixture_site", "real_site"])
def test_each_place_page_lists_exactly_the_services_of_its_area(
    both_sites: dict[str, Path], site_name: str
) -> None:
    site = both_sites[site_name]
    data = FIXTURE_SITE / "data" if site_name == "fixture_site" else DATA_DIR
    expected = expected_by_place(data)
    if site_name == "fixture_site":
        doc = yaml.safe_load(OTHER_PROVIDER)
        expected["test-county"] |= {"county-care"}
        expected["test-parish"] |= {"county-care", "parish-food"}
        expected["test-former"] |= {"county-care"}
    assert any(expected.values())
    for place, services in expected.items():
        for prefix in ("", "en/"):
            html = read(site, f"{prefix}places/{place}/index.html")
            assert listed_services(html) == services, (prefix, place)
    if site_name == "fixture_site":
        assert doc["services"][1]["area"] == ["test-parish"]
        # the parish service is not on the county's page: the county is not inside its area
        assert "parish-food" not in listed_services(read(site, "places/test-county/index.html"))


@pytest.mark.parametrize("site_name", ["fixture_site", "real_site"])
def test_every_benefit_has_a_page_in_both_languages(
    both_sites: dict[str, Path], site_name: str
) -> None:
    site = both_sites[site_name]
    ids = benefit_ids(FIXTURE_SITE / "data") | {"county-allowance"}
    if site_name == "real_site":
        ids = benefit_ids(DATA_DIR)
        assert len(ids) == 14
    for benefit in ids:
        for prefix, lang in (("", "lv"), ("en/", "en")):
            html = read(site, f"{prefix}benefits/{benefit}/index.html")
            assert f'<html lang="{lang}"' in html
            for heading in ("what", "who", "legal-basis", "provider", "apply"):
                assert f'id="{heading}"' in html, (benefit, heading)
        # reachable from the directory, the benefits list and the provider page
        for page, href in (
            ("services/index.html", f"../benefits/{benefit}/"),
            ("benefits/index.html", f"{benefit}/"),
        ):
            assert f'href="{href}"' in read(site, page), (page, benefit)


def test_benefit_page_says_plainly_what_the_source_does_not(fixture_site: Path) -> None:
    lv = read(fixture_site, "benefits/county-allowance/index.html")
    en = read(fixture_site, "en/benefits/county-allowance/index.html")
    assert lv.count("Avots to nenorāda.") == 4  # what, who, legal basis, how to apply
    assert en.count("The source does not say.") == 4
    assert "avotā tālruņa numura nav" in lv  # the provider has no phone in the data
    assert 'id="figures"' not in lv  # no report row names it


def test_benefit_page_shows_its_report_figures_with_year_and_source(real_site: Path) -> None:
    en = read(real_site, "en/benefits/rezekne-county-gmi-benefit/index.html")
    figures = en[en.index('id="figures"') :]
    assert "In 2017 – source:" in figures
    assert 'href="../../reports/rezekne-county-2017/#benefits-paid"' in figures
    cells = re.findall(r'<td class="sg-num"[^>]*>(?:<span[^>]*>)?([^<]+)', figures)
    assert cells[:3] == ["457,425", "852", "1,590"]
    lv = read(real_site, "benefits/rezekne-county-gmi-benefit/index.html")
    assert "457\xa0425" in lv or "457 425" in lv
    # the report's row links to the benefit's page
    report = read(real_site, "reports/rezekne-county-2017/index.html")
    assert 'href="../../benefits/rezekne-county-gmi-benefit/"' in report


def test_shared_service_names_carry_their_place(fixture_site: Path) -> None:
    for prefix, names in (
        ("", ("Aprūpe mājās — Testa pilsēta", "Aprūpe mājās — Testa novads")),
        ("en/", ("Home care — Test city", "Home care — Test county")),
    ):
        for page in ("services/index.html", "places/test-parish/index.html", "finder/index.html"):
            texts = [text for _, text in links(read(fixture_site, prefix + page))]
            # only the county's home care serves the parish
            expected = names[1:] if page.startswith("places/") else names
            for name in expected:
                assert name in texts, (prefix, page, name)
        # the pages' own titles (h1, <title>, search results) carry the place too
        for page, name in (("services/home-care/", names[0]), ("services/county-care/", names[-1])):
            html = read(fixture_site, prefix + page + "index.html")
            assert f"<h1>{name}</h1>" in html and f"<title>{name} - " in html, (prefix, page)
        # a name no other service has stays as it is
        texts = [t for _, t in links(read(fixture_site, prefix + "services/index.html"))]
        assert ("Pārtikas pakas" if not prefix else "Food packages") in texts


@pytest.mark.parametrize("site_name", ["fixture_site", "real_site"])
def test_no_two_links_to_different_pages_read_the_same(
    both_sites: dict[str, Path], site_name: str
) -> None:
    """A screen reader's list of links tells every service apart (the directory, the
    price list, place, need and finder pages)."""
    site = both_sites[site_name]
    pages = ["services/index.html", "prices/index.html", "finder/index.html"]
    pages += [p.relative_to(site).as_posix() for p in site.glob("places/*/index.html")]
    pages += [p.relative_to(site).as_posix() for p in site.glob("needs/*/index.html")]
    for prefix in ("", "en/"):
        for page in pages:
            targets: dict[str, set[str]] = {}
            for href, text in links(read(site, prefix + page)):
                if not href.startswith(("#", "tel:", "http")):
                    targets.setdefault(text, set()).add(href.split("#")[0])
            clashes = {t: h for t, h in targets.items() if len(h) > 1}
            assert clashes == {}, (prefix, page, clashes)


def test_home_and_directory_ask_where_you_live(fixture_site: Path) -> None:
    for prefix, question in (("", "Kur jūs dzīvojat?"), ("en/", "Where do you live?")):
        for page, up in (("index.html", ""), ("services/index.html", "../")):
            html = read(fixture_site, prefix + page)
            assert question in html
            for place in ("test-city", "test-county", "test-parish", "test-former"):
                assert f'href="{up}places/{place}/"' in html, (prefix, page, place)
            assert f'href="{up}finder/"' in html
        # the directory's question comes before its first service
        html = read(fixture_site, prefix + "services/index.html")
        assert html.index(question) < html.index('href="home-care/"')


def test_transition_rule_on_the_county_and_former_municipality_pages(
    real_site: Path,
) -> None:
    source = "pārejas periodā atbalsts iedzīvotājiem tiks piešķirts pēc deklarētās dzīvesvietas"
    for place, has_rule in (
        ("kraslava-county", True),
        ("dagda", True),
        ("rezekne-city", False),
        ("rezekne-county", False),
    ):
        for prefix in ("", "en/"):
            html = read(real_site, f"{prefix}places/{place}/index.html")
            assert ('class="sg-rule"' in html) == has_rule, (prefix, place)
            assert (source in " ".join(html.split())) == has_rule, (prefix, place)
    dagda = read(real_site, "en/places/dagda/index.html")
    assert "Former Dagda municipality" in dagda
    assert "the source gives no phone number" in dagda  # Krāslava: no number, none invented
    assert "64607194" not in dagda.split('class="sg-help"')[0]  # no Rēzekne number in the page


def test_provider_page_links_to_its_benefits(real_site: Path) -> None:
    html = read(real_site, "providers/rezekne-county-social-service/index.html")
    for benefit in benefit_ids(DATA_DIR):
        assert f'href="../../benefits/{benefit}/"' in html


def test_no_other_office_number_for_a_service_without_one(real_site: Path) -> None:
    """The Children's Social Services Centre has no phone in the data: its entry says so, and
    does not give the Home Care Office's number, which is the same provider's."""
    html = read(real_site, "places/rezekne-city/index.html")
    start = html.index('data-entry="service:childrens-social-services-centre"')
    entry = html[start : html.index("</li>", start)]
    assert "avotā tālruņa numura nav" in entry
    assert "tel:" not in entry
