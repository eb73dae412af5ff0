"""Structural rules for a built page: markup that reads well.

Each rule takes a parsed page (``htmltree.Element``) and the page language and returns the
problems it finds, as short readable lines; an empty list means the page keeps the rule.
tests/test_markup.py applies them to every page of the default site and, to show that each
rule can fail, to small pages that break it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from htmltree import Element

LANDMARKS = ("header", "nav", "main", "footer")
SCOPING = {"article", "aside", "main", "nav", "section"}
HEADING = re.compile(r"h[1-6]")
SCOPES = {"col", "row", "colgroup", "rowgroup"}
SPACE = "[ \u00a0\u202f]"
# a price: a number next to the euro sign, on either side
MONEY_NEAR_SIGN = re.compile(
    rf"€{SPACE}?\d[\d.,\u00a0\u202f ]*\d|\d(?:[\d.,\u00a0\u202f ]*\d)?{SPACE}?€"
)
PRICE_FORMAT = {
    "lv": re.compile(r"\d{1,3}(?:[\u00a0\u202f ]\d{3})*,\d{2}[\u00a0 ]€"),  # 1 234,50 €
    "en": re.compile(r"€\d{1,3}(?:,\d{3})*\.\d{2}"),  # €1,234.50
}
# a Latvian phone number as people write it: 8 digits from 2 or 6, maybe after +371
PHONE_TEXT = re.compile(
    rf"(?<![\w+])(?:\+371{SPACE}?)?(?:[26]\d{{7}}|[26]\d(?:{SPACE}\d\d){{3}})(?!\w)"
)
TEL_HREF = re.compile(r"tel:(?:\+371\d{8}|112)")  # a Latvian number, or the emergency number
DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}|\d{2}:\d{2}|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}|\d{4}")
# dates and clock times as the site writes them, which must be inside <time>
LV_MONTHS = "janvār|februār|mart|aprīl|maij|jūnij|jūlij|august|septembr|oktobr|novembr|decembr"
EN_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
DATE_TEXT = {
    "lv": re.compile(rf"\d{{4}}\.{SPACE}gada{SPACE}\d{{1,2}}\.{SPACE}(?:{LV_MONTHS})\w*"),
    "en": re.compile(rf"\b\d{{1,2}}{SPACE}(?:{EN_MONTHS}){SPACE}\d{{4}}\b"),
}
CLOCK_TEXT = re.compile(
    r"(?<![\d.,€])\b(?:[01]?\d|2[0-4])[.:][0-5]\d\b(?![.,]\d|\d|[\u00a0 ]?[€%])"
)


def landmarks_and_skip_link(doc: Element, lang: str) -> list[str]:
    """One banner, main and contentinfo, a nav, and a skip link first into the main content."""
    problems = []
    body = doc.find("body")
    if body is None:
        return ["no <body>"]
    for tag in LANDMARKS:
        found = body.find_all(tag)
        if tag in ("header", "footer"):  # inside these they are not the page's banner/footer
            found = [e for e in found if not any(a.tag in SCOPING for a in e.ancestors())]
        if not found:
            problems.append(f"no <{tag}> landmark")
        elif tag != "nav" and len(found) > 1:
            problems.append(f"{len(found)} <{tag}> landmarks, expected one")
    first = body.find(
        lambda e: e.tag in ("a", "button", "input", "select", "textarea") and _focusable(e)
    )
    href = (first.get("href") or "") if first is not None else ""
    if first is None or first.tag != "a" or not href.startswith("#") or len(href) < 2:
        problems.append(f"the first focusable element is not a skip link: {first!r}")
        return problems
    target = doc.find(lambda e: e.get("id") == href[1:])
    if target is None:
        problems.append(f"the skip link's target {href} does not exist")
    elif target.closest("main") is None:
        problems.append(f"the skip link's target {href} is not inside <main>")
    elif not first.text().strip():
        problems.append("the skip link has no text")
    return problems


def _focusable(e: Element) -> bool:
    if e.tag == "input" and e.get("type") == "hidden":
        return False
    if "hidden" in e.attrs or e.closest(lambda a: "hidden" in a.attrs or a.tag == "template"):
        return False
    if e.get("tabindex", "0").lstrip("-").isdigit() and int(e.get("tabindex", "0")) < 0:
        return False
    # Material's toggles are checkboxes styled display:none
    return not (e.tag == "input" and "md-toggle" in e.classes())


def page_language(doc: Element, lang: str) -> list[str]:
    html = doc.find("html")
    got = html.get("lang") if html is not None else None
    return [] if got == lang else [f'<html lang="{got}">, expected "{lang}"']


def language_links(doc: Element, lang: str) -> list[str]:
    """A link to a page in another language is named in that language and says so."""
    return [
        f"{a!r} ({a.text().strip()!r}): hreflang={a.get('hreflang')!r} but lang={a.lang()!r}"
        for a in doc.find_all(lambda e: e.tag == "a" and e.get("hreflang"))
        if a.lang() != a.get("hreflang")
    ]


def other_language_text(doc: Element, lang: str, other_phrases: Iterable[str]) -> list[str]:
    """No phrase of the other language in text whose language is this page's language."""
    body = doc.find("body")
    text = " ".join(body.text(skip=lambda e: e.get("lang") not in (None, lang)).split())
    return [f"text in the other language without lang: {p!r}" for p in other_phrases if p in text]


def headings(doc: Element, lang: str) -> list[str]:
    """One h1; no heading skips a level on the way down; none is empty."""
    problems = []
    found = doc.find_all(lambda e: bool(HEADING.fullmatch(e.tag)))
    h1 = [h for h in found if h.tag == "h1"]
    if len(h1) != 1:
        problems.append(f"{len(h1)} <h1> elements, expected one")
    level = 0
    for h in found:
        text = " ".join(h.text().split())
        if not text:
            problems.append(f"empty heading {h!r}")
        if int(h.tag[1]) > level + 1:
            problems.append(f"{h!r} {text!r} comes after h{level}: a level is skipped")
        level = int(h.tag[1])
    return problems


def tables(doc: Element, lang: str) -> list[str]:
    """Every table has a caption with text; every header cell has a scope."""
    problems = []
    for table in doc.find_all("table"):
        caption = next(
            (c for c in table.children if isinstance(c, Element) and c.tag == "caption"), None
        )
        if caption is None or not caption.text().strip():
            problems.append(f"{table!r} has no caption")
        for th in table.find_all("th"):
            if th.get("scope") not in SCOPES:
                problems.append(f"{th!r} {th.text().strip()!r} in {table!r} has no scope")
    return problems


def times(doc: Element, lang: str) -> list[str]:
    """Every <time> has a machine-readable datetime, and the dates and clock times in a table
    or in the content's own lines are inside <time>."""
    problems = [
        f"{t!r} {t.text().strip()!r} has datetime={t.get('datetime')!r}"
        for t in doc.find_all("time")
        if not DATETIME.fullmatch(t.get("datetime") or "")
    ]
    main = doc.find("main")
    for text, holder in main.texts() if main is not None else ():
        if holder.closest("time"):
            continue
        for m in DATE_TEXT[lang].finditer(text):
            problems.append(f"date outside <time>: {m.group()!r} in {holder!r}")
        if holder.closest("table"):
            for m in CLOCK_TEXT.finditer(text):
                problems.append(f"clock time outside <time>: {m.group()!r} in {holder!r}")
    return problems


def abbreviations(doc: Element, lang: str, known: Mapping[str, str]) -> list[str]:
    """Each abbreviation of the vocabulary is marked <abbr title="its full form"> where it
    appears in the main content (inside a link it is part of the link's name)."""
    problems = []
    main = doc.find("main")
    if main is None or not known:
        return problems
    pattern = re.compile(
        r"(?<!\w)("
        + "|".join(re.escape(s) for s in sorted(known, key=len, reverse=True))
        + r")(?!\w)"
    )
    for text, holder in main.texts():
        if holder.closest("svg") is not None:
            continue  # SVG text cannot hold <abbr>; a chart's figures are in a table beside it
        if holder.closest(lambda e: "sg-crumbs" in (e.attrs.get("class") or "").split()):
            continue  # the breadcrumbs end with the page's title, which the <h1> explains
        abbr = holder.closest("abbr")
        here = holder.lang() or lang
        for m in pattern.finditer(text):
            if here != lang:
                continue
            if abbr is not None:
                if abbr.get("title") != known[m.group()]:
                    problems.append(f"<abbr>{m.group()}</abbr> has title={abbr.get('title')!r}")
            elif holder.closest("a") is None:
                context = " ".join(text[max(0, m.start() - 30) : m.end() + 30].split())
                problems.append(f"{m.group()!r} without <abbr> in {holder!r}: …{context}…")
    return problems


def phones(doc: Element, lang: str) -> list[str]:
    """Every phone link is tel:+371 and eight digits (or 112, the single emergency number);
    every phone number shown is a link."""
    problems = [
        f"{a!r} href={a.get('href')!r}"
        for a in doc.find_all(lambda e: e.tag == "a" and (e.get("href") or "").startswith("tel:"))
        if not TEL_HREF.fullmatch(a.get("href"))
    ]
    body = doc.find("body")
    for text, holder in body.texts() if body is not None else ():
        link = holder.closest("a")
        for m in PHONE_TEXT.finditer(text):
            if link is None or not (link.get("href") or "").startswith("tel:"):
                problems.append(f"phone number {m.group()!r} is not a tel: link ({holder!r})")
    return problems


def prices(doc: Element, lang: str) -> list[str]:
    """Every amount next to the euro sign is written as the page's language writes money."""
    problems = []
    body = doc.find("body")
    for text, holder in body.texts() if body is not None else ():
        here = holder.lang() or lang
        fmt = PRICE_FORMAT.get(here)
        if fmt is None:
            continue
        for m in MONEY_NEAR_SIGN.finditer(text):
            if not fmt.fullmatch(m.group().strip()):
                problems.append(f"price {m.group()!r} is not in the {here} format ({holder!r})")
    return problems


def duplicate_ids(doc: Element, lang: str) -> list[str]:
    seen: dict[str, int] = {}
    for e in doc.iter():
        if "id" in e.attrs:
            seen[e.attrs["id"]] = seen.get(e.attrs["id"], 0) + 1
    return [f'id="{i}" is used {n} times' for i, n in seen.items() if n > 1]


def help_box(doc: Element, lang: str) -> list[str]:
    """The "Need help?" box: once, inside <main>, after the page's own content."""
    boxes = doc.find_all(lambda e: e.tag == "aside" and "sg-help" in e.classes())
    if len(boxes) != 1:
        return [f"{len(boxes)} help boxes (aside.sg-help), expected one"]
    box = boxes[0]
    if box.closest("main") is None:
        return ["the help box is not inside <main>"]
    after = _following(box, stop=box.closest("main"))
    content_after = [
        e for e in after if e.tag not in ("script", "template") and _visible_content(e)
    ]
    return (
        [f"the help box is followed by page content: {content_after[0]!r}"] if content_after else []
    )


def _following(e: Element, stop: Element | None) -> list[Element]:
    out: list[Element] = []
    node: Element | None = e
    while node is not None and node is not stop:
        parent = node.parent
        if parent is None:
            break
        siblings = [c for c in parent.children if isinstance(c, Element)]
        out.extend(siblings[siblings.index(node) + 1 :])
        node = parent
    return out


def _visible_content(e: Element) -> bool:
    if "hidden" in e.attrs:
        return False
    return bool(e.text().strip()) or e.tag in ("img", "iframe", "video", "input", "button")
