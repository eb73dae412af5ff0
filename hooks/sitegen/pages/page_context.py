"""Template context for the generated pages: language-aware helpers over the validated data.

The templates in ``overrides/sitegen/`` receive one ``PageContext`` per page; its methods
are what the templates call (``t``, ``md``, ``money``, ``link`` …). Nothing here builds HTML
beyond escaping: the markup lives in the templates.
"""

from __future__ import annotations

import datetime as dt
import urllib.parse
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, cached_property, lru_cache
from typing import Any

from babel.dates import get_day_names
from markupsafe import Markup, escape

from ..base.languages import BABEL_LOCALE, OTHER_LANGUAGE, clock_time, hhmm, url_prefix
from ..base.phones import display_phone
from ..base.weekdays import WEEKDAYS, weekday_index
from ..data import model
from ..data.sitedata import SiteData
from ..fees.fee_rules import rules_json
from ..hours.opening import template_helpers
from ..places.finder import FinderView
from ..publish import jsonld, open_data
from ..sitemap.urls import page_url, relative_url
from ..speech import spoken
from ..speech.speech_markup import annotate_html
from ..text.dates import long_date
from ..text.money import format_money, format_percent_value
from ..text.richtext import render_inline, render_markdown
from . import chart
from .page_facts import PageFacts


@lru_cache(maxsize=16384)
def _annotated(html: str, lang: str, abbreviations: tuple[tuple[str, str], ...]) -> str:
    """Spoken forms marked up in a rendered text (pure; cached across pages)."""
    return annotate_html(html, lang, dict(abbreviations))


@lru_cache(maxsize=65536)
def _spoken(
    kind: str, args: tuple[Any, ...], lang: str, options: tuple[tuple[str, Any], ...]
) -> str:
    """Spoken forms are pure and repeat across pages (the same hours, phones, prices)."""
    func = getattr(spoken, f"speak_{kind}", None)
    if func is None:
        raise ValueError(f"there is no spoken form `{kind}` (no spoken.speak_{kind})")
    return func(*args, lang=lang, **dict(options))


@dataclass
class PageContext:
    data: SiteData
    lang: str
    url: str  # this page's site-relative URL
    ui_strings: dict[str, dict[str, str]]
    # links from a page served at any address (the 404 page): absolute, from this base path
    base: str | None = None

    # --- text ---------------------------------------------------------------
    def t(self, text: model.Text | None) -> str:
        """The text in the page language (plain, for attributes and headings)."""
        return "" if text is None else text.in_language(self.lang)

    def tx(self, text: model.Text | None, *, block: bool = False) -> Markup:
        """The text as safe HTML; a pending translation is shown in the other language,
        marked with its ``lang`` and a visible notice (never passed off silently)."""
        if text is None:
            return Markup("")
        render = render_markdown if block else render_inline
        if text.is_pending(self.lang) or not text.get(self.lang):
            other = OTHER_LANGUAGE[self.lang]
            tag = "div" if block else "span"
            notice = escape(self.ui("translation_pending"))
            body = self.annotate(render(text.get(other)), other)
            return Markup(
                f'<{tag} class="sg-pending"><span class="sg-pending__note">{notice}</span> '
                f'<{tag} lang="{other}">{body}</{tag}></{tag}>'
            )
        return Markup(self.annotate(render(text.get(self.lang)), self.lang))

    def md(self, text: model.Text | None) -> Markup:
        return self.tx(text, block=True)

    def plain(self, text: str | None) -> Markup:
        """Plain text in the page language (a UI string, a fee condition) as escaped HTML,
        with its abbreviations, prices and phone numbers annotated like data texts."""
        return Markup(self.annotate(str(escape(text or "")), self.lang))

    def annotate(self, html: str, lang: str) -> str:
        abbreviations = tuple(sorted(self.abbreviations(lang).items()))
        return _annotated(html, lang, abbreviations)

    def abbreviations(self, lang: str) -> dict[str, str]:
        return {
            abbr.short.get(lang): abbr.full.get(lang)
            for abbr in self.data.vocabulary.abbreviations
            if abbr.short.get(lang) and abbr.full.get(lang)
        }

    def ui(self, key: str, **values: Any) -> str:
        entry = self.ui_strings.get(key)
        if entry is None:
            raise KeyError(f"overrides/sitegen/ui.yaml has no string `{key}`")
        text = entry.get(self.lang) or ""
        return text.format(**values) if values else text

    # --- formatting ---------------------------------------------------------
    def money(self, amount: Decimal) -> str:
        return format_money(amount, self.lang)

    def number(self, value: Decimal | int) -> str:
        from babel.numbers import format_decimal

        return format_decimal(value, locale=BABEL_LOCALE[self.lang], group_separator=True)

    def percent(self, value: Decimal | int) -> str:
        """``60,07 %`` / ``60.07%`` (sitegen/text/money.py)."""
        return format_percent_value(value, self.lang)

    def speak(self, kind: str, *args: Any, **options: Any) -> str:
        """Spoken form for the listen widget (``data-speak``): ``spoken.speak_<kind>``."""
        return _spoken(kind, args, self.lang, tuple(sorted(options.items())))

    def time(self, time: dt.time) -> str:
        """A time of the data as the page's language writes it: "8.00" / "8:00"."""
        return clock_time(time, self.lang)

    @staticmethod
    def hhmm(time: dt.time) -> str:
        """A time of the data in machine form ("08:00"), for ``<time datetime>``."""
        return hhmm(time)

    def date(self, iso: str, case: str = "nom") -> str:
        """A date as a sentence writes it: "2026. gada 5. decembris" / "5 December 2026";
        ``case="loc"`` for "on …" in Latvian: "2026. gada 5. decembrī"."""
        return long_date(dt.date.fromisoformat(iso), self.lang, case)

    def plural_text(self, forms: dict[str, str], count: int | Decimal, **values: Any) -> str:
        """A counted text of the data (a unit's limit) in its plural form for ``count``."""
        from ..base.plurals import count_text

        return count_text(forms, count, self.lang, **values)

    def season_days(self, dates: Any) -> str:
        """The days of a season (``SeasonDates``): "no 1. novembra līdz 31. martam" /
        "1 November to 31 March"."""
        genitive = self.ui("months.genitive").split(",")
        dative = self.ui("months.dative").split(",")

        def day(month_day: str, names: list[str]) -> str:
            month, number = (int(part) for part in month_day.split("-"))
            name = names[month - 1]
            return f"{number}. {name}" if self.lang == "lv" else f"{number} {name}"

        return self.ui(
            "hours.season_dates", start=day(dates.start, genitive), end=day(dates.end, dative)
        )

    def weekday(self, day: str, width: str = "wide") -> str:
        return _weekday_name(self.lang, day, width)

    def weekdays(self, days: list[str] | None) -> str:
        """mon..fri -> 'Pirmdiena–Piektdiena'; a non-contiguous list is joined with commas."""
        if not days:
            return ""
        idx = sorted(weekday_index(d) for d in days)
        if len(idx) > 2 and idx == list(range(idx[0], idx[-1] + 1)):
            return f"{self.weekday(WEEKDAYS[idx[0]])}–{self.weekday(WEEKDAYS[idx[-1]])}"
        return ", ".join(self.weekday(WEEKDAYS[i]) for i in idx)

    def phone_display(self, e164: str) -> str:
        return display_phone(e164)

    def osm_url(self, location: model.Location) -> str:
        parts = [location.street, location.town, location.parish, location.county, "Latvija"]
        query = ", ".join(p for p in parts if p)
        return "https://www.openstreetmap.org/search?query=" + urllib.parse.quote(query)

    # --- look-ups -----------------------------------------------------------
    def location(self, loc_id: str) -> model.Location:
        return self.data.locations[loc_id]

    def legal_act(self, act_id: str) -> model.LegalAct:
        return self.data.legal_acts[act_id]

    def category(self, cat_id: str) -> model.Category:
        return self.data.categories[cat_id]

    def audience(self, aud_id: str) -> model.Audience:
        return self.data.audiences[aud_id]

    def provider(self, provider_id: str) -> model.ProviderFile:
        return self.data.providers[provider_id]

    def service(self, service_id: str) -> model.Service:
        return self.data.services[service_id][0]

    def service_provider(self, service_id: str) -> model.ProviderFile:
        return self.data.providers[self.data.services[service_id][1]]

    def unit(self, provider_id: str, unit_id: str | None) -> model.Unit | None:
        if unit_id is None:
            return None
        return next(u for u in self.data.providers[provider_id].provider.units if u.id == unit_id)

    def fees_for(self, service_id: str) -> list[model.Fee]:
        provider = self.service_provider(service_id)
        return [fee for fee in provider.fees if fee.service == service_id]

    def rules(self, fee: model.Fee) -> dict[str, Any]:
        service = self.data.services[fee.service][0]
        return rules_json(fee, service, self.lang, self.data.units)

    @cached_property
    def services_by_category(self) -> list[tuple[model.Category, list[model.Service]]]:
        groups = []
        services = [s for s, _ in self.data.services.values()]
        for category in self.data.vocabulary.categories:
            members = [s for s in services if s.category == category.id]
            if members:
                members.sort(key=lambda s: self.t(s.name).casefold())
                groups.append((category, members))
        return groups

    # --- links --------------------------------------------------------------
    def _href(self, target: str) -> str:
        if self.base is not None:
            return self.base.rstrip("/") + "/" + target
        return relative_url(target, self.url)

    def link(self, kind: str, item_id: str | None = None) -> str:
        return self._href(page_url(kind, self.lang, item_id))

    def link_page(self, path: str) -> str:
        """Link to a hand-written page of ``content/<lang>/``, e.g. ``accessibility``."""
        return self._href(f"{url_prefix(self.lang)}{path}/")

    def widget_url(self, path: str) -> str:
        """URL of a widget asset; theme assets exist once, at the site root."""
        return self._href(f"widgets/{path}")

    def open_data(self) -> dict[str, Any]:
        """The open-data files for the Open data page: each with its link, and the licence
        field and build time (``open_data.py``)."""
        found = open_data.files(self.data, self.ui_strings)
        return {
            "files": [
                {"href": self._href(f.path), "path": f.path, "kind": f.kind, "lang": f.lang}
                for f in found
            ],
            "index": self._href(f"{open_data.ROOT}/index.json"),
            "schema": self._href(f"{open_data.ROOT}/{open_data.SCHEMA}"),
            "licence": self.data.site.licence,
            "built": open_data.built_on(),
        }

    def jsonld(self, kind: str, item_id: str) -> Markup:
        """schema.org JSON-LD of a provider or service page, safe inside its ``<script>``."""
        if kind == "provider":
            value = jsonld.provider_jsonld(self.data, item_id, self.lang)
        elif kind == "service":
            value = jsonld.service_jsonld(self.data, item_id, self.lang, self.ui_strings)
        else:
            raise ValueError(f"no JSON-LD for a `{kind}` page")
        return Markup(jsonld.script_json(value))

    def bar_chart(self, report: model.ReportFile) -> chart.Chart:
        """The report's benefits table as a bar chart (``report-chart.html``)."""
        rows = [
            (row.label.in_language(self.lang), row.spent_eur, self.number(row.spent_eur))
            for row in report.benefits_table
        ]
        return chart.bar_chart(rows)

    def as_template_context(self) -> dict[str, Any]:
        names = [
            "t", "tx", "md", "plain", "ui", "money", "number", "percent", "speak", "time", "hhmm", "date", "season_days", "plural_text",
            "weekday", "weekdays",
            "phone_display", "osm_url", "location", "legal_act", "category", "audience",
            "provider", "service", "service_provider", "unit", "fees_for", "rules", "link", "link_page",
            "widget_url", "open_data", "jsonld", "bar_chart",
        ]  # fmt: skip
        context: dict[str, Any] = {name: getattr(self, name) for name in names}
        facts = PageFacts(self)  # price, hours, phones of a page; plural counts
        context.update(lang=self.lang, data=self.data, ctx=self, finder=FinderView(self))
        context.update(facts=facts, ui_count=facts.ui_count)
        context.update(template_helpers(self))  # open_now (opening.py)
        return context


@cache  # 7 days x 2 languages x the widths: babel's lookup, once each
def _weekday_name(lang: str, day: str, width: str) -> str:
    name = get_day_names(width, locale=BABEL_LOCALE[lang])[weekday_index(day)]
    return name[:1].upper() + name[1:]
