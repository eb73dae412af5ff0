"""Tables of prices and figures on a phone (issue 22): at 390 px each table marked
``data-stack`` (fee tables, the report's and a benefit's figures) reads as a list of labelled
rows — the row's name, then each cell with its column's name before the value — with no word
broken inside; at 1280 px it stays a table. The cells and their order are the same in both, so
a screen reader reads the same words in the same order; the label comes first in the
accessibility tree too (checked with Chromium's accessibility snapshot, which includes the
CSS-generated label).

Shown to fail on the same pages with the phone layout taken away (``data-stack`` removed:
the table of before, whose words broke as "Pakalpojum-s").
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sitegen.base.languages import LANGUAGES

from testsupport.browser import serve_directory

PROBE = Path(__file__).with_name("phone_tables.js")
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}


def _pages(site: Path) -> list[str]:
    """The price list, the calculator, the report and one service and one benefit page with
    a stacked table, in each language (found in the built site, not named here)."""
    pages = []
    for lang in LANGUAGES:
        prefix = "" if lang == LANGUAGES[0] else f"{lang}/"
        pages += [f"{prefix}prices/", f"{prefix}prices/calculator/"]
        for folder in ("reports", "services", "benefits"):
            for page in sorted((site / prefix / folder).glob("*/index.html")):
                if re.search(r"<table[^>]* data-stack[ >]", page.read_text("utf-8")):
                    pages.append(page.parent.relative_to(site).as_posix() + "/")
                    break
            else:
                pytest.fail(f"no {prefix}{folder}/ page with a stacked table")
    return pages


@pytest.fixture(scope="module")
def measure(chromium: object) -> Iterator[object]:
    """A function: the probe's findings and the accessibility snapshots of the tables of a
    page at a width (tables[data-stack], or those a selector names)."""
    contexts = {}

    def run(
        url: str, viewport: dict[str, int], selector: str = "table[data-stack]"
    ) -> tuple[list[dict], list[str]]:
        key = viewport["width"]
        if key not in contexts:
            contexts[key] = chromium.new_context(viewport=viewport)
            contexts[key].add_init_script(path=str(PROBE))
        page = contexts[key].new_page()
        page.goto(url)
        tables = page.evaluate("s => window.__phoneTables(s)", selector)
        snapshots = [t.aria_snapshot() for t in page.locator(selector).all()]
        page.close()
        return tables, snapshots

    yield run
    for context in contexts.values():
        context.close()


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


# roles whose snapshot name is all the text inside them (a row, the table): their children
# are read instead, so each text is taken once, in order
_CONTAINERS = {"table", "rowgroup", "row"}
_LINE = re.compile(r'^([\w-]+)(?: "((?:[^"\\]|\\.)*)")?(?: \[[^\]]*\])*:?\s*(.*)$')


def _read_order(snapshot: str) -> str:
    """The words of an accessibility snapshot in reading order, as one line."""
    words = []
    for line in snapshot.splitlines():
        item = line.strip().removeprefix("- ").strip()
        if len(item) > 1 and item[0] == item[-1] == "'":
            item = item[1:-1].replace("''", "'")
        match = _LINE.match(item)
        if not match:
            words.append(item)
            continue
        role, name, value = match.groups()
        if role not in _CONTAINERS and name:
            words.append(name)
        if value:
            words.append(value.strip('"'))
    return _flat(" ".join(words).replace('\\"', '"'))


def _problems(tables: list[dict], snapshots: list[str]) -> list[str]:
    problems = []
    for table, snapshot in zip(tables, snapshots, strict=True):
        name = table["caption"] or "(a table)"
        if table["display"] != "block":
            problems.append(f"{name}: cells are laid out as {table['display']!r}, not as a list")
        if table["broken"]:
            problems.append(f"{name}: words broken inside: {table['broken']}")
        read = _read_order(snapshot)
        for cell in table["cells"]:
            if not cell["shown"] or not cell["text"]:
                continue
            if not cell["label"]:
                problems.append(f"{name}: a cell without a label: {cell['text'][:40]!r}")
                continue
            first_words = " ".join(_flat(cell["text"]).split()[:3])
            if f"{cell['label']}: {first_words}" not in read:
                problems.append(
                    f"{name}: “{cell['label']}” is not read right before “{first_words}”"
                )
    return problems


def test_price_and_figure_tables_read_as_labelled_rows_on_a_phone(
    default_site: Path, measure: object
) -> None:
    problems = []
    with serve_directory(default_site) as base:
        for rel in _pages(default_site):
            tables, snapshots = measure(base + rel, PHONE)
            assert tables, f"{rel}: no stacked table"
            problems += [f"{rel}: {p}" for p in _problems(tables, snapshots)]
    assert not problems, "\n".join(problems)


def test_wide_screens_keep_the_table(default_site: Path, measure: object) -> None:
    with serve_directory(default_site) as base:
        for rel in _pages(default_site):
            tables, _ = measure(base + rel, DESKTOP)
            assert all(t["display"] == "table-cell" for t in tables), (rel, tables)


def test_the_check_fails_on_the_table_of_before(
    default_site: Path, tmp_path: Path, measure: object
) -> None:
    # the same price list without the phone layout (data-stack renamed, so no phone rule
    # applies): cells squeezed into a table, words broken, no label read before a value
    site = tmp_path / "site"
    shutil.copytree(default_site, site, ignore=shutil.ignore_patterns("*.mp3", "pagefind"))
    page = site / "prices" / "index.html"
    page.write_text(page.read_text("utf-8").replace(" data-stack", " data-was-stacked"), "utf-8")
    with serve_directory(site) as base:
        tables, snapshots = measure(base + "prices/", PHONE, "table[data-was-stacked]")
    assert tables
    problems = _problems(tables, snapshots)
    assert any("words broken inside" in p for p in problems), problems
    assert any("not as a list" in p for p in problems), problems
    assert any("is not read right before" in p for p in problems), problems
