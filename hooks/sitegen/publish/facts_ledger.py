"""The facts ledger: every fact a resident sees on a service, benefit and provider page, one
row each, read back from the built pages, for a person to review in a pull request's diff.

``make facts`` builds the site and writes ``docs/facts/lv.tsv`` and ``docs/facts/en.tsv``
(tab-separated: GitHub shows them as tables); ``tests/test_facts_ledger.py`` builds the site
and fails when the pages and the committed ledger differ, so a changed price, phone or hour
shows up as a changed line of the ledger.

A row is: the page, the fact's kind, the value as the page shows it, whose it is (the
page's ``data-whose``: the service's own, its office's (unit), its provider's — named) and
the sources the page names. The pages mark their facts with ``data-fact`` (price,
eligibility, hours, phone, e-mail, address, ask); the "open now" lines are given as the state
at fixed reference moments (``MOMENTS``, Europe/Riga), computed by the same reference as the
widget (``opening.state_at``), so the ledger does not change with the build date.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from ..base.languages import DEFAULT_LANGUAGE, LANGUAGES
from ..data.sitedata import SiteData
from ..hours.calendar_lv import LatvianCalendar
from ..hours.opening import RIGA, groups_by_key, state_at

COLUMNS = ("page", "kind", "value", "whose", "sources")
# page kinds the ledger covers: (URL folder, item look-up in the data)
PAGES = ("services", "benefits", "providers")
# moments the "open now" lines are answered at: an ordinary Monday morning, its lunch
# break and night, a Saturday, and Christmas Eve (a public holiday)
MOMENTS: tuple[tuple[str, dt.datetime], ...] = tuple(
    (label, dt.datetime.fromisoformat(at).replace(tzinfo=RIGA))
    for label, at in (
        ("Mon 2027-01-11 10:00", "2027-01-11T10:00"),
        ("Mon 2027-01-11 12:15", "2027-01-11T12:15"),
        ("Mon 2027-01-11 22:00", "2027-01-11T22:00"),
        ("Sat 2027-01-16 12:00", "2027-01-16T12:00"),
        ("Thu 2026-12-24 10:00", "2026-12-24T10:00"),
    )
)
FOLDER = Path("docs/facts")


@dataclass(frozen=True)
class Row:
    page: str
    kind: str
    value: str
    whose: str
    sources: str


def _text(node: Any) -> str:
    return re.sub(r"\s+", " ", node.text(separator=" ", strip=True)).strip()


def _whose(key: str, data: SiteData, lang: str) -> str:
    """ "own", "unit: Patversme", "provider: Rēzeknes pilsētas Sociālais dienests"."""
    if not key or key == "own":
        return "own"
    source, _, item = key.partition(":")
    if source == "provider" and item in data.providers:
        p = data.providers[item].provider
        return f"provider: {(p.short_name or p.name).get(lang)}"
    if source == "unit":
        for pf in data.providers.values():
            for unit in pf.provider.units:
                if unit.id == item:
                    return f"unit: {unit.name.get(lang)}"
    return key


def _sources(data: SiteData, folder: str, item: str) -> str:
    if folder == "services":
        service, pid = data.services[item]
        ids = service.sources or data.providers[pid].provider.sources
    elif folder == "providers":
        ids = data.providers[item].provider.sources
    else:
        ids = data.providers[data.benefits[item][1]].provider.sources
    return ", ".join(ids)


def _items(data: SiteData, folder: str) -> list[str]:
    if folder == "services":
        return list(data.services)
    if folder == "benefits":
        return list(data.benefits)
    return list(data.providers)


def page_rows(
    html: str, page: str, sources: str, data: SiteData, strings: Any, lang: str
) -> Iterator[Row]:
    tree = LexborHTMLParser(html)
    article = tree.css_first("article") or tree.body
    for skip in article.css(".sg-help, script, noscript"):
        skip.decompose()
    for node in article.css("[data-fact]"):
        kind = node.attributes.get("data-fact") or ""
        whose = _whose(node.attributes.get("data-whose") or "", data, lang)
        yield Row(page, kind, _text(node), whose, sources)
    groups = groups_by_key(data)
    cal = LatvianCalendar(data.calendar)
    for node in article.css("[data-open-now]"):
        key = (node.attributes.get("data-open-now") or "").rpartition("#")[2]
        label = node.css_first(".sg-open-now__label")
        name = _text(label) if label else ""
        whose = _whose(node.attributes.get("data-whose") or "", data, lang)
        for moment_label, at in MOMENTS:
            state = state_at(groups[key], cal, strings, at)
            value = f"{name}: {state.text[lang]}" if name else state.text[lang]
            yield Row(page, f"state {moment_label}", value, whose, sources)


def ledger(site: Path, data: SiteData, strings: Any, lang: str) -> list[Row]:
    rows: list[Row] = []
    prefix = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
    for folder in PAGES:
        for item in _items(data, folder):
            page = f"{prefix}{folder}/{item}/"
            html = (site / page / "index.html").read_text(encoding="utf-8")
            rows += page_rows(html, page, _sources(data, folder, item), data, strings, lang)
    return rows


def as_tsv(rows: list[Row]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([row.page, row.kind, row.value, row.whose, row.sources])
    return out.getvalue()


def files(site: Path, data: SiteData, strings: Any) -> dict[str, str]:
    """The ledger files by name (``lv.tsv``, ``en.tsv``)."""
    return {f"{lang}.tsv": as_tsv(ledger(site, data, strings, lang)) for lang in LANGUAGES}


def write(site: Path, data: SiteData, strings: Any, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in files(site, data, strings).items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
