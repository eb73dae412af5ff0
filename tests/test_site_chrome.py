"""The page frame of issue 16 in the built HTML: header, breadcrumbs, call buttons, footer,
and which assets each page loads (what the browser then downloads is measured by
benchmarks/page_weight.py, a script, not a test)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from types import ModuleType

from sitegen.base.phones import display_phone
from sitegen.checks.loader import load_data_dir
from sitegen.data import provenance

from testsupport.data import DATA_DIR

SERVICE = "services/home-care/index.html"


def read(site: Path, page: str) -> str:
    return (site / page).read_text(encoding="utf-8")


def footer(html: str) -> str:
    return html[html.index('<footer class="md-footer sg-footer">') :]


def test_header_shows_the_name_as_text_and_no_logo(default_site: Path) -> None:
    html = read(default_site, "index.html")
    header = html[html.index("<header") : html.index("</header>")]
    assert re.search(r'class="sg-brand__name"[^>]*>Latgales sociālie pakalpojumi</a>', header)
    assert "md-logo" not in header
    assert '<link rel="icon" href="data:,">' in html  # no favicon request, no invented icon


def test_breadcrumbs_lead_from_home_through_the_section(default_site: Path) -> None:
    html = read(default_site, SERVICE)
    crumbs = html[html.index('<nav class="sg-crumbs"') :]
    crumbs = crumbs[: crumbs.index("</nav>")]
    texts = re.findall(r">([^<>]+)</(?:a|span)>", crumbs)
    assert texts == ["Sākums", "Pakalpojumi", "Aprūpe mājās — Rēzeknes pilsēta"]
    assert 'aria-current="page"' in crumbs
    assert 'class="sg-crumbs"' not in read(default_site, "index.html")  # not on the home page
    en = read(default_site, "en/prices/calculator/index.html")
    assert re.findall(r'<li><a href="[^"]*">([^<]+)</a>', en)[:2] == ["Home", "Prices"]


def test_phone_numbers_are_call_buttons(default_site: Path) -> None:
    lv = read(default_site, SERVICE)
    en = read(default_site, "en/" + SERVICE)
    # the page's first phone, whoever's it is (the service's own, its office's, its provider's)
    number = provenance.resolve(load_data_dir(DATA_DIR).data, "home-care").phones[0].value.number
    shown = re.escape(display_phone(number))
    tel = re.escape(f"tel:{number}")
    assert re.search(rf'<a class="sg-tel" href="{tel}">Zvanīt <span[^>]*>{shown}<', lv)
    assert re.search(rf'<a class="sg-tel" href="{tel}">Call <span[^>]*>{shown}<', en)


def test_footer_names_the_providers_and_the_statement(default_site: Path) -> None:
    foot = footer(read(default_site, SERVICE))
    for provider in ("rezekne-county-social-service", "rezekne-city-social-service"):
        assert f'href="../../providers/{provider}/"' in foot
    assert ">Piekļūstamības paziņojums</a>" in foot
    assert "Ziņot par kļūdu" not in foot  # no address in data/site.yaml: no link
    assert "Report a mistake" not in footer(read(default_site, "en/" + SERVICE))


def test_report_a_mistake_link_when_the_address_is_set(tmp_path: Path, sites: ModuleType) -> None:
    project = sites.make_project(tmp_path / "project")
    site_yaml = project / "data" / "site.yaml"
    address = "https://github.com/example/latgale/issues/new"
    site_yaml.write_text(site_yaml.read_text() + f'report_mistake_url: "{address}"\n')
    run = sites.build(project)
    assert run.returncode == 0, run.output
    pages = [p for p in run.site.rglob("index.html") if "sg-footer" in p.read_text()]
    assert pages
    for page in pages:
        want = "Report a mistake" if "/en/" in page.as_posix() else "Ziņot par kļūdu"
        assert f'<a href="{address}">{want}</a>' in footer(page.read_text())
    shutil.rmtree(project)


def test_one_stylesheet_and_the_calculator_only_where_used(default_site: Path) -> None:
    for page in sorted(default_site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        name = page.relative_to(default_site).as_posix()
        # one render-blocking stylesheet; the print sheet's is a media="print" link
        links = re.findall(r'<link rel="stylesheet"[^>]*>', html)
        assert len([link for link in links if 'media="print"' not in link]) == 1, name
        assert "bundle." not in html and "palette." not in html, name
        calculator = "data-fee-calculator" in html
        assert ("fee-calculator.js" in html) == calculator, name
        assert (".fee-calc__field" in html.split("</head>")[0]) == calculator, name
    assert "fee-calculator.js" in read(default_site, "prices/calculator/index.html")
    assert "fee-calculator.js" not in read(default_site, "index.html")
