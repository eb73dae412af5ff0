"""The editors' guides (docs/editing-guide.lv.md, .en.md) can be found one's way around:
the contents list names every section, every link inside a guide goes to a heading that
exists (as GitHub makes its anchors) and every link to a file goes to a file that exists,
every data file of the model (calendar.yaml too) is in the table of files and in the table
"where does this go", and every data file's header says the pull request runs the check.

Each check is a function, run on the guides and on a broken copy, so it is seen to fail.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from sitegen.data import model

ROOT = Path(__file__).resolve().parents[1]
GUIDES = [ROOT / "docs" / "editing-guide.lv.md", ROOT / "docs" / "editing-guide.en.md"]
WHERE = {
    "editing-guide.lv.md": "### Kur ko mainīt",
    "editing-guide.en.md": "### Where does this go?",
}
LINK = re.compile(r"(?<!!)\[[^\]]*\]\(([^)\s]+)\)")
CODE_BLOCK = re.compile(r"^[ \t]*```.*?^[ \t]*```", re.S | re.M)


def slug(heading: str) -> str:
    """GitHub's anchor of a heading (github-slugger): lower case, punctuation dropped,
    letters of any script kept, each space a hyphen."""
    text = heading.strip().lower()
    kept = "".join(
        c
        for c in text
        if c in " -_" or unicodedata.category(c)[0] in "LNM"  # letters, digits, marks
    )
    return kept.replace(" ", "-")


def headings(text: str) -> list[tuple[int, str]]:
    text = CODE_BLOCK.sub("", text)
    return [(len(m[1]), m[2]) for m in re.finditer(r"^(#{1,6}) (.+)$", text, re.M)]


def anchors(text: str) -> set[str]:
    found: set[str] = set()
    for _, heading in headings(text):
        base, n = slug(heading), 0
        while (name := base if n == 0 else f"{base}-{n}") in found:
            n += 1
        found.add(name)
    return found


def link_problems(guide: Path, text: str) -> list[str]:
    problems = []
    known = anchors(text)
    for target in LINK.findall(CODE_BLOCK.sub("", text)):
        if target.startswith(("http://", "https://", "mailto:")):
            continue
        path, _, anchor = target.partition("#")
        if path:
            if not (guide.parent / path).exists():
                problems.append(f"{guide.name}: the link {target} goes to no file")
            continue
        if anchor not in known:
            problems.append(f"{guide.name}: the link #{anchor} goes to no heading")
    return problems


def contents_problems(guide: Path, text: str) -> list[str]:
    """The contents list links every numbered section, in order, with its own title."""
    start = text.index("\n1. [")
    listed = re.findall(r"^\d+\. \[([^\]]+)\]\(#([^)]+)\)", text[start:], re.M)
    sections = [h for level, h in headings(text) if level == 2]
    problems = []
    if [title for title, _ in listed] != [re.sub(r"^\d+\. ", "", s) for s in sections]:
        problems.append(f"{guide.name}: the contents list {[t for t, _ in listed]} != {sections}")
    for (_, anchor), section in zip(listed, sections, strict=False):
        if anchor != slug(section):
            problems.append(f"{guide.name}: the contents link #{anchor} is not {slug(section)}")
    return problems


def table_rows(text: str, heading: str) -> str:
    start = text.index(heading)
    table = text.index("\n|", start)
    return text[table : text.index("\n\n", table)]


def data_file_problems(guide: Path, text: str) -> list[str]:
    files_table = table_rows(text, "## 1. ")
    where_table = table_rows(text, WHERE[guide.name])
    problems = []
    for pattern in model.DATA_FILES:
        shown = "data/" + pattern.replace("*", "<")
        for name, table in (("files", files_table), ("where", where_table)):
            if shown.split("<")[0] not in table:
                problems.append(f"{guide.name}: data/{pattern} is not in the table of {name}")
    return problems


# --- the guides --------------------------------------------------------------------------


@pytest.mark.parametrize("guide", GUIDES, ids=lambda p: p.name)
def test_every_link_of_the_guide_works(guide: Path) -> None:
    assert link_problems(guide, guide.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("guide", GUIDES, ids=lambda p: p.name)
def test_the_contents_list_is_complete(guide: Path) -> None:
    assert contents_problems(guide, guide.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("guide", GUIDES, ids=lambda p: p.name)
def test_every_data_file_is_in_the_tables(guide: Path) -> None:
    assert data_file_problems(guide, guide.read_text(encoding="utf-8")) == []


def test_the_guides_have_the_same_sections() -> None:
    lv, en = ([lvl for lvl, _ in headings(g.read_text(encoding="utf-8"))] for g in GUIDES)
    assert lv == en


@pytest.mark.parametrize(
    "path", sorted((ROOT / "data").rglob("*.yaml")), ids=lambda p: p.relative_to(ROOT).as_posix()
)
def test_every_data_file_header_says_the_pull_request_checks_it(path: Path) -> None:
    header = path.read_text(encoding="utf-8").split("\n\n", 1)[0]
    assert "Izmaiņu pieprasījums (pull request) datus pārbauda pats" in header
    assert "The pull request checks the data itself" in header


# --- each check fails on a guide that breaks it --------------------------------------------


def test_slug_is_githubs() -> None:
    assert slug("1. Kur atrodas informācija") == "1-kur-atrodas-informācija"
    assert (
        slug('14. Bez maksas, "ejiet turp", atbrīvojumi') == "14-bez-maksas-ejiet-turp-atbrīvojumi"
    )
    assert (
        slug("13. Avoti, šaubas un “pārbaudīts ar iestādi”")
        == "13-avoti-šaubas-un-pārbaudīts-ar-iestādi"
    )


def test_the_checks_find_a_broken_link_a_short_contents_list_and_a_missing_file() -> None:
    guide = GUIDES[1]
    text = guide.read_text(encoding="utf-8")
    broken = text.replace("](#9-when-a-check-fails)", "](#9-when-the-check-fails)", 1)
    assert any(
        "#9-when-the-check-fails goes to no heading" in p for p in link_problems(guide, broken)
    )
    broken = text.replace("](data-format.md)", "](data-formats.md)", 1)
    assert any("data-formats.md goes to no file" in p for p in link_problems(guide, broken))
    broken = re.sub(r"^16\. \[.*\n", "", text, count=1, flags=re.M)
    assert contents_problems(guide, broken)
    broken = re.sub(r"^\| `data/calendar.yaml` .*\n", "", text, count=1, flags=re.M)
    assert any(
        "calendar.yaml is not in the table of files" in p for p in data_file_problems(guide, broken)
    )
