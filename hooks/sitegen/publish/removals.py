"""What a change takes off the site, said out loud (issue 25).

A provider file cut at a point where it still parses (a half-saved file, a slip of the
cursor) validates and builds: its services, fees and phones simply disappear. Here two
states of the site are compared and every service, fee item, phone number and page that is
in the old one and not in the new one is listed, in Latvian and English:

- ``python -m sitegen removed OLD NEW``: each side is a data folder (``data/`` of main, of
  a pull request) or a built site (``site/``); the pull-request workflow compares the
  branch's data with main's;
- ``scripts/build_site.py`` compares the new build with the site it replaces;
- ``make serve`` (``note_rebuild``, called after each build): a rebuild with fewer pages than
  the one before says so, and which.

An inventory is made the same way from either side where it can be: services by id, fee
items by ``fee/item`` id (from the open-data fee rows, which a built site publishes as
``open-data/lv/fees.json``), phones as +371 numbers, pages as paths below the language root
(``services/home-care/``; a built site's pages in both languages, data's generated pages).
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..base.messages import Message, message

_TEL = re.compile(r'href="tel:(\+\d{6,15})"')
_H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)
_TAGS = re.compile(r"<[^>]+>")
LANG_FOLDERS = ("en",)  # the other languages' folders below the site root (lv is the root)


@dataclass
class Inventory:
    services: dict[str, str] = field(default_factory=dict)  # id -> name
    fees: dict[str, str] = field(default_factory=dict)  # fee/item -> "service: fee — item"
    phones: dict[str, str] = field(default_factory=dict)  # +371… -> where
    pages: set[str] = field(default_factory=set)  # services/home-care/
    lists_fees: bool = True  # a site built without open data has no fee list to compare
    problem: Message | None = None  # why no inventory could be made


@dataclass
class Removed:
    services: list[tuple[str, str]]
    fees: list[tuple[str, str]]
    phones: list[tuple[str, str]]
    pages: list[str]

    def __bool__(self) -> bool:
        return bool(self.services or self.fees or self.phones or self.pages)

    def messages(self) -> list[Message]:
        return [
            *(message("removed.service", id=i, name=n) for i, n in self.services),
            *(message("removed.fee", id=i, name=n) for i, n in self.fees),
            *(message("removed.phone", number=p, where=w) for p, w in self.phones),
            *(message("removed.page", path=p) for p in self.pages),
        ]


def is_site(folder: Path) -> bool:
    return (folder / "index.html").is_file() or (folder / "sitemap.xml").is_file()


def inventory(folder: Path) -> Inventory:
    """The inventory of a built site or of a data folder (or of a project holding ``data/``)."""
    if is_site(folder):
        return site_inventory(folder)
    if not (folder / "site.yaml").is_file() and (folder / "data" / "site.yaml").is_file():
        folder = folder / "data"
    return data_inventory(folder)


def data_inventory(data_dir: Path) -> Inventory:
    from ..checks.loader import load_data_dir
    from ..sitemap.page_kinds import PAGE_KINDS
    from ..text.ui_strings import UI_STRINGS, load_ui_strings
    from .open_data import fee_rows

    result = load_data_dir(data_dir, display_root=data_dir.parent)
    if result.data is None:
        return Inventory(problem=message("removed.unreadable", folder=data_dir.as_posix()))
    data = result.data
    found = Inventory()
    found.services = {sid: s.name.in_language("lv") for sid, (s, _) in data.services.items()}
    for row in fee_rows(data, "lv", load_ui_strings(UI_STRINGS)):
        found.fees[f"{row['fee_id']}/{row['item_id']}"] = _fee_label(row)
    for pid, provider_file in data.providers.items():
        for number in _phones(provider_file):
            found.phones.setdefault(number, f"data/providers/{pid}.yaml")
    for page in PAGE_KINDS.values():
        if page.items is None:
            found.pages.add(page.url())
        else:
            found.pages.update(page.url(item_id) for item_id, _, _ in page.items(data))
    return found


def _fee_label(row: dict[str, str]) -> str:
    return f"{row['service']}: {row['fee']} — {row['item']}"


def _phones(node: Any) -> list[str]:
    """Every phone number (``PhoneEntry.number``, already +371…) in a data object."""
    found: list[str] = []
    if isinstance(node, BaseModel):
        number = getattr(node, "number", None)
        if type(node).__name__ == "PhoneEntry" and isinstance(number, str):
            found.append(number)
        for name in type(node).model_fields:
            found += _phones(getattr(node, name))
    elif isinstance(node, list | tuple):
        for item in node:
            found += _phones(item)
    elif isinstance(node, dict):
        for item in node.values():
            found += _phones(item)
    return found


def site_inventory(site: Path) -> Inventory:
    found = Inventory()
    for page in sorted(site.rglob("index.html")):
        rel = page.parent.relative_to(site).as_posix()
        first, _, below = rel.partition("/")
        other_language = first in LANG_FOLDERS
        lang_free = (below or ".") if other_language else rel
        path = "" if lang_free == "." else f"{lang_free}/"
        found.pages.add(path)
        if other_language:
            continue  # names and phones from the first language's pages
        text = page.read_text(encoding="utf-8", errors="replace")
        if path.startswith("services/") and path.count("/") == 2:
            heading = _H1.search(text)
            name = html.unescape(_TAGS.sub("", heading[1])).strip() if heading else ""
            found.services[path.split("/")[1]] = name
        for number in _TEL.findall(text):
            found.phones.setdefault(number, f"/{path}")
    fees = site / "open-data" / "lv" / "fees.json"
    found.lists_fees = fees.is_file()
    if fees.is_file():
        for row in json.loads(fees.read_text(encoding="utf-8")):
            found.fees[f"{row['fee_id']}/{row['item_id']}"] = _fee_label(row)
    return found


def compare(old: Inventory, new: Inventory) -> Removed:
    """What ``old`` has and ``new`` lacks. Phones and fees are compared only when both
    sides are of a kind that lists them (a site without open data lists no fees)."""
    return Removed(
        services=sorted((i, n) for i, n in old.services.items() if i not in new.services),
        fees=sorted((i, n) for i, n in old.fees.items() if i not in new.fees)
        if old.lists_fees and new.lists_fees
        else [],
        phones=sorted((p, w) for p, w in old.phones.items() if p not in new.phones),
        pages=sorted(p for p in old.pages if p not in new.pages),
    )


def report(old: Inventory, new: Inventory) -> list[Message]:
    """The lines to print: a head and one line per removal, or that nothing is removed."""
    for side in (old, new):
        if side.problem is not None:
            return [side.problem]
    removed = compare(old, new)
    if not removed:
        return [message("removed.none")]
    return [message("removed.head"), *removed.messages()]


def text(lines: list[Message]) -> str:
    """Latvian first, then English, each line as its own."""
    head, *rest = lines
    out = [head.lv, head.en]
    for line in rest:
        out += [f"  - {line.lv}", f"    {line.en}"]
    return "\n".join(out)


def markdown(lines: list[Message]) -> str:
    head, *rest = lines
    items = "".join(f"- {line.lv}<br>{line.en}\n" for line in rest)
    return f"### {head.lv}\n\n{head.en}\n\n{items}\n"


# --- make serve: a rebuild with fewer pages than the one before -----------------------------

# the pages of the last build of each site folder in this process (the hooks are loaded
# again for every rebuild of `mkdocs serve`; this package is not)
_LAST_PAGES: dict[str, set[str]] = {}


def site_pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("index.html")}


def note_rebuild(site: Path) -> Message | None:
    """After a build of ``site``: the message to show when it has fewer pages than the
    build before it in this process (None on the first build and when none is missing)."""
    pages = site_pages(site)
    key = str(site.resolve())
    before = _LAST_PAGES.get(key)
    _LAST_PAGES[key] = pages
    if before is None or not (before - pages):
        return None
    missing = sorted(before - pages)
    shown = ", ".join("/" + p.removesuffix("index.html") for p in missing[:10])
    if len(missing) > 10:
        shown += ", …"
    return message(
        "removed.fewer_pages", now=len(pages), before=len(before), count=len(missing), pages=shown
    )
