"""Fixture pages for the fee calculator tests, rendered from the real partial.

The widget's partial ``fee-calculator.html`` and the fee table of
``overrides/sitegen/partials/fees.html`` are rendered with the fees of the case table
(``fee_cases.json``) in a plain Jinja environment, with the same helpers the page
templates get (lang, t, plain, ui, ui_count, money, speak, legal_act, date). The widget's assets are
loaded in the head, as ``overrides/main.html`` does for every page.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import fee_cases as fx
from babel.dates import format_date
from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup, escape
from sitegen.base.plurals import count_text
from sitegen.data.model import Fee
from sitegen.fees.fee_rules import rules_json
from sitegen.speech import spoken
from sitegen.speech.speech_markup import annotate_html
from sitegen.text.money import format_money

WIDGET = Path(__file__).resolve().parents[1]
ROOT = WIDGET.parents[2]
LOCALES = {"lv": "lv_LV", "en": "en_GB"}  # as the site's page helpers format dates
ABBREVIATIONS = {"lv": {"Nr.": "numurs"}, "en": {"No.": "number"}}  # as data/vocabulary.yaml

PAGE = """<!doctype html>
<html lang="{{ lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="widgets/fee-calculator/fee-calculator.css">
{{ head }}
<script src="widgets/fee-calculator/fee-calculator.js" defer></script>
</head>
<body>
<main>
<h1>{{ title }}</h1>
{% import "sitegen/partials/fees.html" as feeparts with context %}
{% import "widgets/fee-calculator/fee-calculator.html" as calc with context %}
{%- for fee in fees %}
{%- set r = rules(fee) %}
<section aria-labelledby="h-{{ fee.id }}">
<h2 id="h-{{ fee.id }}">{{ t(fee.name) }}</h2>
{{ feeparts.fee_table(fee, r) }}
{%- if calculators %}
{{ calc.fee_calculator(fee, r) }}
{%- endif %}
</section>
{%- endfor %}
</main>
</body>
</html>
"""


def template_context(lang: str) -> dict[str, Any]:
    strings = fx.ui_strings()

    def ui(key: str, **values: Any) -> str:  # as sitegen.pages.page_context.PageContext.ui
        text = strings[key][lang]
        return text.format(**values) if values else text

    return {
        "lang": lang,
        "t": lambda text: text.get(lang) or text.get("en" if lang == "lv" else "lv"),
        "ui": ui,
        "ui_count": lambda key, count, **values: count_text(
            strings[key][lang], count, lang, **values
        ),
        "plural_text": lambda forms, count, **values: count_text(forms, count, lang, **values),
        "plain": lambda text: Markup(annotate_html(str(escape(text)), lang, ABBREVIATIONS[lang])),
        "money": lambda amount: format_money(amount, lang),
        "speak": lambda kind, *args, **options: getattr(spoken, f"speak_{kind}")(
            *args, lang=lang, **options
        ),
        "legal_act": lambda act_id: fx.legal_acts()[act_id],
        "date": lambda iso: format_date(dt.date.fromisoformat(iso), "long", locale=LOCALES[lang]),
        "rules": lambda fee: rules_json(fee, fx.services()[fee.service], lang, fx.units()),
    }


def environment() -> Environment:
    return Environment(loader=FileSystemLoader(ROOT / "overrides"), auto_reload=False)


def render_page(
    lang: str, fee_ids: list[str] | None = None, *, calculators: bool = True, head: str = ""
) -> str:
    fees = [fx.fees()[f] for f in fee_ids] if fee_ids else list(fx.fees().values())
    template = environment().from_string(PAGE)
    title = "Maksas" if lang == "lv" else "Charges"
    return template.render(
        **template_context(lang), fees=fees, calculators=calculators, head=head, title=title
    )


def render_fragment(macro: str, fee: str | Fee, lang: str) -> str:
    """One macro's output, e.g. ``render_fragment("fee_table", "shelter-fee", "en")``."""
    if isinstance(fee, str):
        fee = fx.fees()[fee]
    partial = (
        "widgets/fee-calculator/fee-calculator.html"
        if macro == "fee_calculator"
        else "sitegen/partials/fees.html"
    )
    source = '{% import "' + partial + '" as parts with context %}'
    source += "{{ parts." + macro + "(fee, rules(fee)) }}"
    return environment().from_string(source).render(**template_context(lang), fee=fee)


def build_site(root: Path, pages: dict[str, str]) -> Path:
    """Write ``pages`` (file name -> HTML) and the widget's assets under ``root``."""
    assets = root / "widgets" / "fee-calculator"
    assets.mkdir(parents=True, exist_ok=True)
    for name in ("fee-calculator.js", "fee-calculator.css"):
        shutil.copy(WIDGET / name, assets / name)
    for name, html in pages.items():
        (root / name).write_text(html, encoding="utf-8")
    return root
