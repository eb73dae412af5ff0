"""Property-based fuzzing of loading and validation over mutated copies of the real data/.

Every example changes one file of the default data, either as text (lines deleted,
duplicated, swapped, re-indented or cut off; values replaced by random text, numbers,
Unicode or YAML syntax; tabs inserted) or as parsed structure (keys removed or renamed,
values replaced by values of other types, list items dropped, doubled or swapped) and
loads the whole folder. Whatever the change, the loader must answer with valid data or
with ``DataError``s naming a file, line and column — never with an exception.

The runs are bounded and derandomised, so CI sees the same examples every time:
``TEXT_EXAMPLES`` text mutations and ``STRUCTURE_EXAMPLES`` structure mutations (a few of
each in ``make test-fast``, the fast Hypothesis profile of testsupport/fuzzing.py).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sitegen.base.errors import DataError
from sitegen.base.languages import LANGUAGES
from sitegen.checks.loader import load_data_dir
from sitegen.data.sitedata import LoadResult
from sitegen.data.yamlread import read_yaml
from sitegen.pages.stub_files import page_specs, stub_markdown
from sitegen.text.ui_strings import load_ui_strings

from conftest import ROOT
from testsupport.data import DATA_DIR
from testsupport.fuzzing import budget

# each test's full budget (make test); make test-fast runs three of each (testsupport/
# fuzzing.py): every example validates the whole default data (about 0.12 s)
TEXT_EXAMPLES = budget(200, fast=3)
STRUCTURE_EXAMPLES = budget(100, fast=3)
REFUSED_CHARACTER_EXAMPLES = budget(60, fast=3)

DATA = DATA_DIR
FILES = sorted(p.relative_to(DATA).as_posix() for p in DATA.rglob("*.yaml"))
TEXTS = {name: (DATA / name).read_text(encoding="utf-8") for name in FILES}
UI = load_ui_strings(ROOT / "overrides" / "sitegen" / "ui.yaml")

FUZZ = settings(
    deadline=None,
    derandomize=True,
    database=None,
    print_blob=False,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# values an editor (or an attacker) might type where a value belongs
YAML_TOKENS = [
    "", "~", "null", "true", "yes", "no", ".nan", ".inf", "-.inf", "1e309", "1.0e+309",
    "8,80", "-8.80", "8.805", "0x10", "010", "25:00", "24:30", "8:00", "[", "]", "{", "}",
    "[a, b]", "{a: 1}", "*alias", "&anchor x", "!!python/object:os.system", "!!binary AAAA",
    "!custom x", "<<: *x", '"', "'", "- item", "a: b", "|", ">", "#", "%TAG", "---", "...",
    "<script>alert(1)</script>", "\u202e", "\ufeff", "\x00", "\x07", "\u2028", "é" * 50,
    # round 2 (issue 15): tags PyYAML would construct, silent changes, look-alikes
    "!!timestamp x", "!!int x", "!!float x", "!!bool maybe", "!!null x", "! 8", "!!str 8",
    "!!map x", "!!omap [a]", "!!set {a}", "!!python/name:os.system", "1_50", "8_0.80", "-0.00",
    "-0", "1e30", "1.0e+30", "9" * 5000, "1" + "0" * 40, "\uff18.\uff18\uff10", "R\u0435zekne",
    "[a " * 50, "<a " * 50, "100 200 300 400 500 600 700", "//evil.example/x", "index",
    # round 3 (issue 25): the clock's edges, seasons, formulas, sizes, spellings, patterns
    "03:30", "03:00", "00:00", "23:59", "24:00", "12:15", "02-29", "13-01", "11-01", "03-31",
    "=HYPERLINK(1)", "+1", "-5", "@SUM(A1)", "\t=1", "123 456 789 012 345 678 €",
    "9" * 4400 + ". vietā", "1" + "0" * 40 + " %", "a" + "\u0301" * 300, "Pa\u0304rtikas",
    "* * * * x", "(a+)+$", "javascript:alert(1)", "https://rēzekne.lv/", "https://x/ y",
]  # fmt: skip

# characters of the Unicode categories that are refused anywhere in a data file
REFUSED_CATEGORIES = ("Cf", "Cc", "Zl", "Zp", "Co", "Cn")
refused_characters = st.characters(categories=REFUSED_CATEGORIES, exclude_characters="\t\n\r")

scalars = st.one_of(
    st.sampled_from(YAML_TOKENS),
    st.text(max_size=40),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.integers(min_value=10**15, max_value=10**4000).map(str),  # huge numbers
    st.text(st.characters(categories=("Lu", "Ll", "Cf", "Mn", "Nd", "Zs", "So")), max_size=20),
    st.decimals(allow_nan=True, allow_infinity=True, places=3).map(str),
    st.floats().map(repr),
)


@st.composite
def mutated_text(draw: st.DrawFn) -> tuple[str, str]:
    """(file name, text) with one to three line-level mutations."""
    name = draw(st.sampled_from(FILES))
    lines = TEXTS[name].split("\n")
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        if not lines:
            break
        i = draw(st.integers(min_value=0, max_value=len(lines) - 1))
        kind = draw(
            st.sampled_from(
                ["delete", "duplicate", "swap", "indent", "scalar", "tab", "truncate", "insert"]
            )
        )
        if kind == "delete":
            del lines[i]
        elif kind == "duplicate":
            lines.insert(i, lines[i])
        elif kind == "swap":
            j = draw(st.integers(min_value=0, max_value=len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif kind == "indent":
            stripped = lines[i].lstrip(" ")
            lines[i] = " " * draw(st.integers(min_value=0, max_value=12)) + stripped
        elif kind == "scalar":
            key, sep, _ = lines[i].partition(": ")
            value = draw(scalars)
            lines[i] = f"{key}{sep}{value}" if sep else f"{lines[i]} {value}"
        elif kind == "tab":
            at = draw(st.integers(min_value=0, max_value=len(lines[i])))
            lines[i] = lines[i][:at] + "\t" + lines[i][at:]
        elif kind == "truncate":
            text = "\n".join(lines)
            cut = draw(st.integers(min_value=0, max_value=len(text)))
            lines = text[:cut].split("\n")
        else:
            lines.insert(i, draw(scalars))
    return name, "\n".join(lines)


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(
    Decimal, lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:float", str(value))
)

values = st.one_of(
    scalars,
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=10**15, max_value=10**4000),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.dates(min_value=dt.date(1900, 1, 1)),
    st.lists(st.text(max_size=10), max_size=3),
    st.dictionaries(st.sampled_from(["lv", "en", "id", "pending", "x"]), scalars, max_size=3),
)


def _paths(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, path + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, path + (index,))
    return found


def _get(node: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        node = node[part]
    return node


@st.composite
def mutated_structure(draw: st.DrawFn) -> tuple[str, str]:
    """(file name, text) of a file whose parsed data was changed, then written as YAML."""
    name = draw(st.sampled_from(FILES))
    data = read_yaml(TEXTS[name].encode(), name).data
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        paths = [p for p in _paths(data) if p]
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent, last = _get(data, path[:-1]), path[-1]
        kind = draw(st.sampled_from(["delete", "replace", "rename", "double", "swap"]))
        if kind == "delete":
            del parent[last]
        elif kind == "replace":
            parent[last] = draw(values)
        elif kind == "rename" and isinstance(parent, dict):
            parent[draw(st.text(min_size=1, max_size=12))] = parent.pop(last)
        elif kind == "double" and isinstance(parent, list):
            parent.insert(last, parent[last])
        elif kind == "swap" and isinstance(parent, list):
            other = draw(st.integers(min_value=0, max_value=len(parent) - 1))
            parent[last], parent[other] = parent[other], parent[last]
    text = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False)
    return name, text


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of data/ that each example changes one file of (and restores afterwards)."""
    root = tmp_path_factory.mktemp("fuzz")
    shutil.copytree(DATA, root / "data")
    return root


def load_mutated(workspace: Path, name: str, payload: bytes) -> LoadResult:
    target = workspace / "data" / name
    target.write_bytes(payload)
    try:
        return load_data_dir(workspace / "data", display_root=workspace)
    finally:
        target.write_text(TEXTS[name], encoding="utf-8")


def check_outcome(result: LoadResult, name: str, payload: bytes) -> None:
    assert (result.data is None) == bool(result.errors)
    line_count = payload.count(b"\n") + 1
    for error in result.errors:
        assert isinstance(error, DataError)
        text = error.english_line
        assert "\n" not in text and "Traceback" not in text, text
        assert error.file.startswith("data/") and error.line >= 1 and error.column >= 1, text
        if error.file == f"data/{name}":
            assert error.line <= line_count + 1, text
    if result.data is not None:  # valid data must also make its pages
        for spec in page_specs(result.data, UI):
            for lang in LANGUAGES:
                assert stub_markdown(spec, lang).startswith("---\n")


@settings(FUZZ, max_examples=TEXT_EXAMPLES)
@given(case=mutated_text())
def test_text_mutations_validate_or_give_data_errors(
    workspace: Path, case: tuple[str, str]
) -> None:
    name, text = case
    payload = text.encode("utf-8", errors="surrogatepass")
    check_outcome(load_mutated(workspace, name, payload), name, payload)


@settings(FUZZ, max_examples=STRUCTURE_EXAMPLES)
@given(case=mutated_structure())
def test_structure_mutations_validate_or_give_data_errors(
    workspace: Path, case: tuple[str, str]
) -> None:
    name, text = case
    payload = text.encode("utf-8", errors="surrogatepass")
    check_outcome(load_mutated(workspace, name, payload), name, payload)


def test_unchanged_workspace_is_valid(workspace: Path) -> None:
    """The mutations are what fails, not the copy (so the fuzz tests can fail)."""
    result = load_data_dir(workspace / "data", display_root=workspace)
    assert result.errors == [] and result.data is not None


@settings(FUZZ, max_examples=REFUSED_CHARACTER_EXAMPLES)
@given(
    name=st.sampled_from(FILES),
    where=st.floats(min_value=0, max_value=1),
    char=refused_characters,
)
def test_refused_characters_are_named_at_their_line(
    workspace: Path, name: str, where: float, char: str
) -> None:
    """A character of a refused Unicode category anywhere in a data file is refused, the
    message naming it by code (and name, where Unicode has one) at its line."""
    text = TEXTS[name]
    at = int(where * len(text))
    changed = text[:at] + char + text[at:]
    payload = changed.encode("utf-8")
    result = load_mutated(workspace, name, payload)
    check_outcome(result, name, payload)
    line = changed[:at].count("\n") + 1
    code = f"U+{ord(char):04X}"
    named = [e for e in result.errors if e.file == f"data/{name}" and code in e.message]
    assert named and named[0].line == line, (code, [e.english_line for e in result.errors][:3])


# --- now and then a whole build ---------------------------------------------------------

FIXTURE_DATA = ROOT / "tests" / "fixtures" / "site" / "data"
FIXTURE_FILES = sorted(p.relative_to(FIXTURE_DATA).as_posix() for p in FIXTURE_DATA.rglob("*.yaml"))
TEXT_VALUE = re.compile(r"(?<=\b(?:lv|en): )[^,}\n]+")
BUILD_EXAMPLES = 3


@st.composite
def fixture_with_new_text(draw: st.DrawFn) -> tuple[str, str]:
    """(file, text) of the fixture data with one Latvian or English text replaced by random
    Unicode, written as a YAML double-quoted string (which may validate, or be refused)."""
    name = draw(st.sampled_from(FIXTURE_FILES))
    text = (FIXTURE_DATA / name).read_text(encoding="utf-8")
    spots = list(TEXT_VALUE.finditer(text))
    spot = draw(st.sampled_from(spots))
    value = draw(st.one_of(st.text(min_size=1, max_size=60), st.sampled_from(YAML_TOKENS)))
    quoted = json.dumps(value, ensure_ascii=draw(st.booleans()))
    return name, text[: spot.start()] + quoted + text[spot.end() :]


@pytest.fixture(scope="module")
def build_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz-builds")


@settings(FUZZ, max_examples=BUILD_EXAMPLES)
@given(case=fixture_with_new_text())
def test_now_and_then_a_whole_site_is_built(
    build_root: Path, sites: ModuleType, case: tuple[str, str]
) -> None:
    """Valid data builds strictly; refused data fails the build with file:line and no
    traceback. A few examples only: each is a real build."""
    name, text = case
    data = build_root / f"data-{len(list(build_root.iterdir()))}"
    shutil.copytree(FIXTURE_DATA, data)
    (data / name).write_text(text, encoding="utf-8", errors="surrogatepass")
    result = load_data_dir(data, display_root=data.parent)
    project = sites.make_project(build_root / f"project-{data.name}", data=data)
    run = sites.build(project)
    assert "Traceback" not in run.output, run.output[-3000:]
    if result.data is not None:
        assert run.returncode == 0, run.output[-3000:]
    else:
        assert run.returncode != 0
        assert f"data/{name}:" in run.output, run.output[-3000:]


# --- round 3 (issue 25): hours, seasons, places, front matter, site_url ------------------

times = st.one_of(
    st.builds(
        lambda h, m: f"{h:02d}:{m:02d}", st.integers(0, 24), st.sampled_from([0, 15, 30, 59])
    ),
    st.sampled_from(YAML_TOKENS),
)
month_days = st.one_of(
    st.builds(lambda m, d: f"{m:02d}-{d:02d}", st.integers(1, 13), st.integers(0, 31)),
    st.sampled_from(YAML_TOKENS),
)
breaks = st.lists(st.fixed_dictionaries({"start": times, "end": times}), max_size=4)


def _schedules(node: Any) -> list[dict[str, Any]]:
    """Every schedule (a mapping with a list of day hours) in a parsed data file."""
    found = []
    if isinstance(node, dict):
        if isinstance(node.get("hours"), list) and any(
            isinstance(h, dict) and "open" in h for h in node["hours"]
        ):
            found.append(node)
        for value in node.values():
            found += _schedules(value)
    elif isinstance(node, list):
        for item in node:
            found += _schedules(item)
    return found


PROVIDERS = [
    name
    for name in FILES
    if name.startswith("providers/") and _schedules(read_yaml(TEXTS[name].encode(), name).data)
]


@st.composite
def mutated_hours(draw: st.DrawFn) -> tuple[str, str]:
    """(provider file, text) with one schedule's times, breaks, seasons or nights changed."""
    name = draw(st.sampled_from(PROVIDERS))
    data = read_yaml(TEXTS[name].encode(), name).data
    schedules = _schedules(data)
    schedule = draw(st.sampled_from(schedules))
    hours = draw(st.sampled_from([h for h in schedule["hours"] if isinstance(h, dict)]))
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        kind = draw(st.sampled_from(["breaks", "open", "close", "overnight", "season"]))
        if kind == "breaks":
            hours["breaks"] = draw(breaks)
        elif kind in ("open", "close"):
            hours[kind] = draw(times)
        elif kind == "overnight":
            hours["overnight"] = draw(st.booleans())
        else:
            schedule["season"] = {"lv": "sezona", "en": "season"}
            schedule["season_dates"] = {"start": draw(month_days), "end": draw(month_days)}
    return name, yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False)


@settings(FUZZ, max_examples=STRUCTURE_EXAMPLES)
@given(case=mutated_hours())
def test_hours_and_seasons_validate_or_give_data_errors(
    workspace: Path, case: tuple[str, str]
) -> None:
    """Valid hours also make timelines that never run backwards, at both changes of the
    clock (the last Sundays of March and October) and on any other day."""
    from sitegen.hours import opening
    from sitegen.hours.calendar_lv import LatvianCalendar

    name, text = case
    payload = text.encode("utf-8", errors="surrogatepass")
    result = load_mutated(workspace, name, payload)
    check_outcome(result, name, payload)
    if result.data is None:
        return
    cal = LatvianCalendar(result.data.calendar)
    provider = name.removeprefix("providers/").removesuffix(".yaml")
    for group in opening.all_groups(result.data):
        if group.provider_id != provider:
            continue
        for first in (dt.date(2026, 3, 28), dt.date(2026, 10, 24), dt.date(2026, 6, 1)):
            segments = opening.timeline(group, cal, UI, first, first + dt.timedelta(days=2))
            starts = [seg.start for seg in segments]
            assert starts == sorted(starts), group.label


@st.composite
def mutated_places(draw: st.DrawFn) -> str:
    """places.yaml with `within` pointed anywhere (loops, itself, nothing, unknown ids) and
    now and then a long chain of places added."""
    data = read_yaml(TEXTS["places.yaml"].encode(), "places.yaml").data
    ids = [p["id"] for p in data["places"]]
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        place = draw(st.sampled_from(data["places"]))
        place["within"] = draw(
            st.one_of(st.sampled_from(ids), st.none(), st.sampled_from(YAML_TOKENS))
        )
    depth = draw(st.sampled_from([0, 0, 7, 300]))
    for i in range(depth):
        within = f"chain-{i - 1}" if i else draw(st.sampled_from(ids))
        data["places"].append(
            {"id": f"chain-{i}", "kind": "city", "within": within, "name": {"lv": "V", "en": "P"}}
        )
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False)


@settings(FUZZ, max_examples=STRUCTURE_EXAMPLES)
@given(text=mutated_places())
def test_places_validate_or_give_data_errors(workspace: Path, text: str) -> None:
    payload = text.encode("utf-8", errors="surrogatepass")
    result = load_mutated(workspace, "places.yaml", payload)
    check_outcome(result, "places.yaml", payload)
    if result.data is not None:  # every walk over the places ends
        from sitegen.places.territory import Territory

        territory = Territory(result.data)
        for place_id in territory.places:
            assert len(territory.chain(place_id)) <= len(territory.places)


front_text = st.one_of(st.sampled_from(YAML_TOKENS), st.text(max_size=60), scalars)


@settings(FUZZ, max_examples=TEXT_EXAMPLES)
@given(title=front_text, description=front_text, body=front_text)
def test_front_matter_is_checked_without_an_exception(
    title: str, description: str, body: str
) -> None:
    """Any title, description or text of a hand-written page: DataErrors at file:line, or
    a page whose front matter holds no markup."""
    from sitegen.checks.content_pages import check_page

    front = yaml.safe_dump({"title": title, "description": description}, allow_unicode=True)
    page = f"---\n{front}---\n\n# X\n\n{body}\n"
    errors = check_page(page.encode("utf-8", errors="surrogatepass"), "content/lv/x.md", set())
    for error in errors:
        assert error.file == "content/lv/x.md" and error.line >= 1, error.english_line
        assert "\n" not in error.english_line
    if not errors:
        assert not {"<", ">"} & set(title + description)


urls = st.one_of(
    st.sampled_from(YAML_TOKENS),
    st.text(max_size=80),
    st.builds(
        lambda scheme, host, path: f"{scheme}{host}/{path}",
        st.sampled_from(["https://", "http://", "javascript:", "ftp://", "//", "HTTPS://", ""]),
        st.one_of(st.from_regex(r"[a-z0-9.-]{1,30}", fullmatch=True), st.text(max_size=20)),
        st.text(max_size=40),
    ),
)


@settings(FUZZ, max_examples=TEXT_EXAMPLES)
@given(url=urls)
def test_site_url_is_refused_or_a_plain_web_address(url: str) -> None:
    from urllib.parse import urlsplit

    from sitegen.checks.site_config import MAX_SITE_URL, site_url_problem

    problem = site_url_problem(url)  # never raises
    if problem is None and url:
        parts = urlsplit(url)
        assert parts.scheme in ("http", "https") and parts.hostname
        assert url.isascii() and url.isprintable() and " " not in url
        assert not set("<>\"'`") & set(url) and len(url) <= MAX_SITE_URL
    elif problem is not None:
        assert problem.lv and problem.en and "\n" not in problem.en
