"""The fee partial as HTML: an accessible table without JavaScript, a labelled form, the data."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from typing import Any

import fee_cases as fx
import pytest
from fee_page import WIDGET, render_fragment, render_page
from sitegen.data.model import Fee

NBSP = "\u00a0"


class Tags(HTMLParser):
    """Start tags with their attributes, and the text inside each element id."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, Any]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def tags(source: str) -> list[tuple[str, dict[str, Any]]]:
    parser = Tags()
    parser.feed(source)
    return parser.tags


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_table_has_caption_headers_prices_and_legal_basis(lang: str) -> None:
    out = render_fragment("fee_table", "home-care-fee", lang)
    assert "<caption>" + ("Aprūpes mājās cena" if lang == "lv" else "Price of home care") in out
    assert out.count('<th scope="col">') == 3
    assert out.count('<th scope="row">') == 4
    prices = (
        [
            f"8,80{NBSP}€ mēnesī",
            f"17,60{NBSP}€ mēnesī",
            f"2,50{NBSP}€ par stundu, līdz 60 stundām mēnesī",
        ]
        if lang == "lv"
        else ["€8.80 a month", "€17.60 a month", "€2.50 an hour, up to 60 hours a month"]
    )
    for price in prices:
        assert price in out
    assert (
        "Aprūpe līdz 16 stundām mēnesī." if lang == "lv" else "Care for up to 16 hours a month."
    ) in out
    legal = (
        "Juridiskais pamats: <cite>Par maksas pakalpojumu cenrādi</cite>"
        if lang == "lv"
        else "Legal basis: <cite>On the price list of paid services</cite> (City Council, "
    )
    assert legal in out
    # the act's date is a <time>, its number abbreviation an <abbr>, each with a spoken form
    date, number = ("2017. gada 9. marts", "Nr.") if lang == "lv" else ("9 March 2017", "No.")
    assert re.search(rf'<time datetime="2017-03-09" data-speak="[^"]+">{date}</time>, ', out)
    assert re.search(
        rf'<abbr title="[^"]+" data-speak="[^"]+">{re.escape(number)}</abbr> 1985\)', out
    )


def test_table_every_kind_in_words() -> None:
    shelter = render_fragment("fee_table", "shelter-fee", "en")
    assert "25% of the client&#39;s income in the previous month" in shelter or (
        "25% of the client's income in the previous month" in shelter
    )
    assert "€9.23 a day, €280.59 a month" in shelter  # as the price list says it
    # the exemptions in the row of the price they exempt from, under a whole label
    stay_row = shelter.split('id="fee-shelter-fee-stay"')[1].split("</tr>")[0]
    assert '<p class="fee__label"><strong>No charge:</strong></p>' in stay_row
    assert "<li>A justified absence.</li>" in stay_row
    injections = render_fragment("fee_table", "injections-fee", "lv")
    assert f"0,50{NBSP}€ par pirmo reizi, 0,15{NBSP}€ par katru nākamo" in injections
    assert "Ārsta nozīmēta kursa laikā." in injections
    laundry = render_fragment("fee_table", "laundry-fee", "en")
    assert "€0.85 a wash" in laundry and "Up to 5 kg of laundry." in laundry
    sobering = render_fragment("fee_table", "sobering-up-fee", "en")
    assert "€54.00 a time" in sobering
    assert "Conditions</th>" not in sobering, "no empty conditions column"


def test_calculator_fields_all_have_visible_labels() -> None:
    out = render_fragment("fee_calculator", "shelter-fee", "lv")
    found = tags(out)
    labels = {a["for"] for t, a in found if t == "label"}
    controls = [a for t, a in found if t in ("input", "select") and a.get("type") != "hidden"]
    # price, quantity, months, income, and yes/no for the previous months and for an absence
    assert len(controls) == 8
    for attrs in controls:
        assert attrs["id"] in labels, attrs
    assert any(t == "fieldset" for t, _ in found) and "<legend>" in out
    status = [a for t, a in found if a.get("role") == "status"]
    assert status and status[0]["aria-live"] == "polite"


def test_calculator_carries_the_rules_and_every_message_the_script_uses() -> None:
    out = render_fragment("fee_calculator", "home-care-fee", "en")
    root = next(a for t, a in tags(out) if "data-fee-calculator" in a)
    assert "hidden" in root, "the form stays hidden until the script starts it"
    assert json.loads(root["data-fee-rules"]) == fx.rules("home-care-fee", "en")
    messages = json.loads(root["data-fee-messages"])
    script = (WIDGET / "fee-calculator.js").read_text(encoding="utf-8")
    used = set(re.findall(r'"(fee\.[a-z_.]+[a-z])"', script))
    used |= {
        f"fee.error.{c}" for c in ("required", "number", "negative", "decimals", "whole", "max")
    }
    assert used <= set(messages), used - set(messages)
    assert messages == {k: fx.messages("en")[k] for k in messages}
    assert "<script" not in out, "main.html loads the widget once for every page"


def test_single_price_needs_no_choice() -> None:
    out = render_fragment("fee_calculator", "laundry-fee", "en")
    assert "<select" not in out
    assert '<input type="hidden" name="item" value="wash">' in out


def test_data_text_is_escaped() -> None:
    """MkDocs' Jinja does not autoescape: the partial escapes data text itself."""
    data = json.loads(json.dumps(fx.raw()["fees"][2]))
    data["items"][0]["label"] = {"lv": "Veļa <b>&</b> 'x'", "en": "Wash <b>&</b> 'x'"}
    fee = Fee.model_validate(data)
    table = render_fragment("fee_table", fee, "en")
    form = render_fragment("fee_calculator", fee, "en")
    assert "<b>" not in table and "<b>" not in form
    assert "Wash &lt;b&gt;&amp;&lt;/b&gt;" in table
    root = next(a for t, a in tags(form) if "data-fee-calculator" in a)
    assert json.loads(root["data-fee-rules"])["items"][0]["label"] == "Wash <b>&</b> 'x'"


def test_markup_has_no_blank_lines() -> None:
    """Python-Markdown ends a raw HTML block at a blank line; the partial must not make one."""
    for macro in ("fee_table", "fee_calculator"):
        for fee_id in fx.fees():
            out = render_fragment(macro, fee_id, "lv").strip()
            assert "\n\n" not in re.sub(r"\n[ \t]+\n", "\n\n", out), (macro, fee_id)


def test_whole_page_renders_in_both_languages() -> None:
    for lang in ("lv", "en"):
        page = render_page(lang)
        assert page.count("data-fee-calculator") == len(fx.fees())
        assert f'<html lang="{lang}">' in page
