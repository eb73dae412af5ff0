"""Every number in the data reaches the page that shows it, as written (tests/test_numbers.py).

Markdown once turned "2017. gadā Sociālais dienests …" into a numbered list that read
"1. gadā Sociālais dienests …": the year was gone and every test passed. This checker
reads the data and the built site and lists each number that is not on its page:

* in texts (every ``lv:``/``en:`` text, and the hand-written pages of ``content/``) each
  number is looked for together with the words next to it ("darbu 2017. gadā",
  "2017. gadā Sociālais"), so a number that is elsewhere on the page does not hide a loss;
* typed values (amounts, counts, years, phones, times, postal codes, registration and
  decision numbers, dates) are looked for as the page formats them for its language.

The text of a page is the text of its main column, with each item of a numbered list
preceded by the number a reader sees ("1. "), so a renumbered year is caught.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from htmltree import Element, parse_file
from pydantic import BaseModel
from sitegen.checks.loader import load_data_dir
from sitegen.data.calendar_file import SeasonDates
from sitegen.data.field_types import LANGUAGES, Text
from sitegen.data.sitedata import SiteData
from sitegen.pages.page_context import PageContext
from sitegen.sitemap.urls import page_url
from sitegen.text.ui_strings import load_ui_strings

UI_STRINGS = load_ui_strings(Path(__file__).resolve().parent.parent / "overrides/sitegen/ui.yaml")

BLOCK_TAGS = {
    "p", "li", "td", "th", "tr", "br", "div", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
    "caption", "address", "section", "table", "ul", "ol", "dl", "summary", "details",
}  # fmt: skip
SPACES = re.compile(r"[\s\u00a0\u202f\u2009\u2007]+")

# typed fields, by name, and how the page may write them
AMOUNT_FIELDS = {"amount", "first", "next", "daily", "monthly", "spent_eur", "value", "percent"}
COUNT_FIELDS = {"count", "min", "max", "max_hours_per_month", "days", "families", "persons",
                "max_quantity"}  # fmt: skip
TIME_FIELDS = {"open", "close", "start", "end"}
AS_WRITTEN_FIELDS = {
    "year",
    "postal_code",
    "registration_number",
    "holder_registration_number",
    "iban",
}
DATE_FIELDS = {"founded", "date"}


@dataclass(frozen=True)
class Loss:
    where: str  # file and field path, e.g. data/reports/x.yaml sections[0].body
    lang: str
    expected: str
    pages: tuple[str, ...]

    def __str__(self) -> str:
        return (
            f"{self.where} ({self.lang}): {self.expected!r} is not in the text of "
            f"{', '.join(self.pages)}"
        )


def normal(text: str) -> str:
    return SPACES.sub(" ", text).strip()


# --- the text a reader sees -------------------------------------------------


def _visible_text(element: Element, out: list[str]) -> None:
    number = int(element.get("start") or 1) if element.tag == "ol" else 0
    for child in element.children:
        if isinstance(child, str):
            out.append(child)
            continue
        if child.tag in ("script", "style", "template") or "hidden" in child.attrs:
            continue
        if child.tag in BLOCK_TAGS:
            out.append(" ")
        if element.tag == "ol" and child.tag == "li":
            out.append(f"{number}. ")
            number += 1
        _visible_text(child, out)
        if child.tag in BLOCK_TAGS:
            out.append(" ")


def page_text(html_file: Path) -> str:
    """The main column's text, numbered lists numbered as a browser shows them."""
    root = parse_file(html_file)
    main = root.find(lambda e: "md-content__inner" in e.classes()) or root
    out: list[str] = []
    _visible_text(main, out)
    return normal("".join(out))


# --- what the data says -------------------------------------------------------

_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_BULLET = re.compile(r"^[ \t]*[-*+][ \t]+", re.MULTILINE)
_TAG = re.compile(r"<[^>]+>")
_EMPHASIS = re.compile(r"\*\*|__|(?<=\S)\*|\*(?=\S)")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!])")


def plain(markdown_text: str) -> str:
    """The words of a Markdown text as a reader sees them (numbered list markers stay:
    the page text shows them too)."""
    text = _LINK.sub(r"\1", markdown_text)
    text = _BULLET.sub("", text)
    text = _TAG.sub("", text)
    text = _EMPHASIS.sub("", text)
    text = _ESCAPE.sub(r"\1", text)
    return normal(text)


def windows(text: str) -> Iterator[str]:
    """Each number with the words around it: one word before and one after, or two on the
    one side when the number is at the start or the end of the text."""
    tokens = text.split(" ")
    for index, token in enumerate(tokens):
        if not any(ch.isdigit() for ch in token):
            continue
        if len(tokens) <= 3:
            yield " ".join(tokens)
            continue
        start = max(0, min(index - 1, len(tokens) - 3))
        yield " ".join(tokens[start : start + 3])


def _walk(node: Any, path: str) -> Iterator[tuple[str, str, Any]]:
    """(field path, field name, value) for every value in a model object."""
    if isinstance(node, Text):
        yield path, "", node
    elif isinstance(node, SeasonDates):  # "MM-DD" twice: shown as one phrase of days
        yield path, "season_dates", node
    elif isinstance(node, BaseModel):
        for name in type(node).model_fields:
            value = getattr(node, name)
            sub = f"{path}.{name}" if path else name
            if isinstance(value, BaseModel | list):
                yield from _walk(value, sub)
            elif value is not None:
                yield sub, name, value
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _walk(item, f"{path}[{index}]")


def _shown_text(text: Text, lang: str) -> str:
    if text.is_pending(lang) or not text.get(lang):
        return text.get("en" if lang == "lv" else "lv")
    return text.get(lang)


def _formats(name: str, value: Any, ctx: PageContext) -> list[str]:
    if name in AMOUNT_FIELDS and isinstance(value, Decimal | int):
        return [ctx.money(Decimal(value)), ctx.number(value)]
    if name in COUNT_FIELDS and isinstance(value, int):
        return [ctx.number(value), str(value)]
    if isinstance(value, SeasonDates):
        return [ctx.season_days(value)]
    if name in TIME_FIELDS and isinstance(value, str):
        return [ctx.time(value)]
    if name == "number" and isinstance(value, str) and value.startswith("+"):
        return [ctx.phone_display(value)]
    if name == "number" or name in AS_WRITTEN_FIELDS:
        return [str(value)]
    if name in DATE_FIELDS and isinstance(value, str):
        return [ctx.date(value)]
    return []


def expectations(
    obj: BaseModel, lang: str, ctx: PageContext, skip: tuple[str, ...] = ()
) -> Iterator[tuple[str, list[str]]]:
    """(field path, acceptable renderings) for every number ``obj`` holds."""
    for path, name, value in _walk(obj, ""):
        if any(path.startswith(prefix) for prefix in skip):
            continue
        if isinstance(value, Text):
            for window in windows(plain(_shown_text(value, lang))):
                yield path, [window]
        elif formats := _formats(name, value, ctx):
            yield path, formats


# --- which pages show which data ------------------------------------------


def _page_file(site: Path, url: str) -> Path:
    return site / url / "index.html" if url else site / "index.html"


def _data_pages(data: SiteData, lang: str) -> Iterator[tuple[str, BaseModel, list[str]]]:
    """(data file, object, the pages that show it) for every object with numbers."""
    for pid, pf in data.providers.items():
        name = f"data/providers/{pid}.yaml"
        pages = [page_url("provider", lang, pid), page_url("prices", lang)]
        pages += [page_url("service", lang, s.id) for s in pf.services]
        yield name, pf, pages
    for rid, report in data.reports.items():
        yield f"data/reports/{rid}.yaml", report, [page_url("report", lang, rid)]
    for act in data.legal_acts.values():
        users = [s.id for s, _ in data.services.values() if act.id in s.legal_basis]
        users += [f.service for f, _ in data.fees.values() if act.id in f.legal_basis]
        if users:
            pages = [page_url("service", lang, sid) for sid in dict.fromkeys(users)]
            yield f"data/legal-acts.yaml ({act.id})", act, pages


def lost_numbers(data_dir: Path, content_dir: Path, site: Path) -> list[Loss]:
    """Every number of ``data_dir`` and ``content_dir`` missing from the built ``site``."""
    result = load_data_dir(data_dir)
    assert result.data is not None, result.errors
    data = result.data
    losses: list[Loss] = []
    texts: dict[str, str] = {}

    def text_of(url: str) -> str:
        if url not in texts:
            path = _page_file(site, url)
            texts[url] = page_text(path) if path.exists() else ""
        return texts[url]

    for lang in LANGUAGES:
        ctx = PageContext(data, lang, "", UI_STRINGS)
        for name, obj, pages in _data_pages(data, lang):
            shown = " ".join(text_of(url) for url in pages)
            for path, formats in expectations(obj, lang, ctx):
                if not any(normal(f) in shown for f in formats):
                    losses.append(Loss(f"{name} {path}", lang, normal(formats[0]), tuple(pages)))
        for source in sorted((content_dir / lang).rglob("*.md")):
            relative = source.relative_to(content_dir / lang).with_suffix("").as_posix()
            stem = relative.removesuffix("index").rstrip("/")
            url = ("" if lang == "lv" else f"{lang}/") + (f"{stem}/" if stem else "")
            body = source.read_text(encoding="utf-8")
            body = re.sub(r"\A---\n.*?\n---\n", "", body, flags=re.DOTALL)
            body = re.sub(r"<!--.*?-->", " ", body, flags=re.DOTALL)
            body = re.sub(r"^#+[ \t]+", "", body, flags=re.MULTILINE)
            shown = text_of(url)
            for window in windows(plain(body)):
                if window not in shown:
                    losses.append(Loss(source.as_posix(), lang, window, (url or "/",)))
    return losses
