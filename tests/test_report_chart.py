"""The report's bar chart (sitegen/pages/chart.py, partials/report-chart.html): inline SVG whose
bars equal the figures of the table beside it, with a text alternative; axe reports nothing
on the report page."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from axe_playwright_python.base import AXE_SCRIPT
from selectolax.lexbor import LexborHTMLParser
from sitegen.checks.loader import load_data_dir
from sitegen.pages.chart import bar_chart

from testsupport.browser import serve_directory
from testsupport.data import DATA_DIR

ROOT = Path(__file__).resolve().parent.parent
REPORT = load_data_dir(DATA_DIR).data.reports["rezekne-county-2017"]
PAGES = {"lv": "reports/rezekne-county-2017", "en": "en/reports/rezekne-county-2017"}
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    "resultTypes": ["violations"],
}


def chart_against_table(html: str) -> list[str]:
    """Differences between the chart's bars and the table's "spent" column (empty: none)."""
    tree = LexborHTMLParser(html)
    table = [
        Decimal(re.sub(r"\D", "", row.css("td")[0].text()))
        for row in tree.css("table.sg-report tbody tr")
    ]
    rects = tree.css("figure.sg-chart svg rect")
    bars = [Decimal(r.attributes["data-value"]) for r in rects]
    problems = [] if bars == table else [f"bars {bars} != table {table}"]
    lengths = [float(r.attributes["width"]) for r in rects]
    longest = max(lengths)
    for value, length in zip(bars, lengths, strict=False):
        if abs(length / longest - float(value / max(bars))) > 0.001:
            problems.append(f"bar {value} is {length} long")
    return problems


@pytest.mark.parametrize("lang", PAGES)
def test_bars_equal_the_table(default_site, lang):
    html = (default_site / PAGES[lang] / "index.html").read_text("utf-8")
    assert chart_against_table(html) == []
    assert len(LexborHTMLParser(html).css("figure.sg-chart svg rect")) == len(REPORT.benefits_table)
    svg = LexborHTMLParser(html).css_first("figure.sg-chart svg")
    assert svg.attributes["role"] == "img"
    title = svg.css_first("title").text()
    desc = svg.css_first("desc").text()
    assert title and all(r.label.in_language(lang)[:20] in desc for r in REPORT.benefits_table)
    caption = LexborHTMLParser(html).css_first("figure.sg-chart figcaption").text()
    assert "2017" in caption and REPORT.title.in_language(lang) in caption


def test_the_check_fails_when_a_bar_is_wrong(default_site):
    html = (default_site / PAGES["en"] / "index.html").read_text("utf-8")
    broken = html.replace('data-value="188980"', 'data-value="188981"', 1)
    assert broken != html and chart_against_table(broken)
    shorter = re.sub(r'(data-value="457425")', r"\1", html)
    shorter = shorter.replace('width="630.0"', 'width="600.0"', 1)
    assert chart_against_table(shorter)


def test_bar_lengths_are_proportional():
    chart = bar_chart(
        [("a", Decimal(200), "200"), ("b", Decimal(50), "50"), ("c", Decimal(0), "0")]
    )
    assert [b.length for b in chart.bars] == [chart.bars[0].length, chart.bars[0].length / 4, 0]
    assert chart.bars[1].bar_y > chart.bars[0].bar_y


def test_axe_reports_nothing_on_the_report_page(default_site, chromium):
    with serve_directory(default_site) as base:
        context = chromium.new_context(viewport={"width": 1280, "height": 800})
        context.add_init_script(script=AXE_SCRIPT)
        page = context.new_page()
        try:
            for path in PAGES.values():
                page.goto(f"{base}/{path}/")
                result = page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
                assert [v["id"] for v in result["violations"]] == [], path
        finally:
            context.close()
