"""A copy of ``data/`` with a communications officer's everyday edits in it (issue 23 item 1).

The tests never pin today's values of ``data/``: a correct edit must keep ``make test`` green.
``edited_copy(source, target)`` copies a data folder and makes the edits an officer makes
with the editors' guide in hand, each found by the data's structure (the first fee with an
amount, the phone of the office a seasonal service belongs to, ...), not by today's values,
so the copy stays an edit of whatever ``data/`` holds:

- a price rises (the first ``amount`` of the first fee, by 0.80);
- phone numbers change (the first phone of the office of the service that has seasons, and
  of the office of the first service that belongs to one);
- a new service (the last service of the first provider that has one, not a benefit, copied
  with a new id and new names);
- the seasons get their dates (``season_dates`` on every season of that service: winter
  1 October to 30 April, summer 1 May to 30 September);
- office hours change (the first working hours of the first provider that gives its own
  close half an hour later).

The edits change the text where the value stands (positions from PyYAML's composer), so
comments, quoting and layout stay as the editor would leave them. ``scripts/edited_copy.py``
writes such a copy from the command line; ``SITEGEN_TEST_DATA=<copy>/data`` runs the tests
on it (testsupport/data.py, ``make test-edited``); tests/test_edited_copy.py checks it.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

PRICE_RISE = Decimal("0.80")
HOURS_LATER = dt.timedelta(minutes=30)
# two seasons that cover the year without overlapping (the guide's example)
SEASON_DATES = (("10-01", "04-30"), ("05-01", "09-30"))
OTHER_SEASON_DATES = (("11-01", "03-31"), ("04-01", "10-31"))  # when those are there already
NEW_ID_SUFFIX = "-new"
NEW_NAME_SUFFIX = {"lv": " (jauns)", "en": " (new)"}


@dataclass(frozen=True)
class Edit:
    """One change: the file (relative to the data folder), its line, what and how."""

    file: str
    line: int
    what: str
    old: str
    new: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.what}: {self.old} -> {self.new}"


# --- reading positions --------------------------------------------------------------------


def _compose(text: str) -> MappingNode:
    node = yaml.compose(text, Loader=yaml.SafeLoader)
    assert isinstance(node, MappingNode), "a data file is a mapping"
    return node


def _get(node: Node | None, key: str) -> Node | None:
    if not isinstance(node, MappingNode):
        return None
    for k, v in node.value:
        if isinstance(k, ScalarNode) and k.value == key:
            return v
    return None


def _key(node: MappingNode, key: str) -> ScalarNode | None:
    for k, _ in node.value:
        if isinstance(k, ScalarNode) and k.value == key:
            return k
    return None


def _items(node: Node | None) -> list[Node]:
    return list(node.value) if isinstance(node, SequenceNode) else []


def _scalar(node: Node | None) -> str | None:
    return node.value if isinstance(node, ScalarNode) else None


def _line_end(text: str, index: int) -> int:
    """Where the lines of a node ending at ``index`` end: the start of the line ``index`` is
    on when only indentation precedes it there (a block node ends where the next token
    starts), else the start of the next line."""
    start = text.rfind("\n", 0, index) + 1
    if text[start:index].strip() == "":
        return start
    newline = text.find("\n", index)
    return len(text) if newline < 0 else newline + 1


def _replace(text: str, node: Node, literal: str) -> str:
    return text[: node.start_mark.index] + literal + text[node.end_mark.index :]


def _plain(value: str) -> str:
    """``value`` as a YAML scalar: plain where YAML reads it back as the same text, else
    double-quoted."""
    if yaml.safe_load(value) == value and "\n" not in value and not value.startswith(" "):
        return value
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _literal_like(node: ScalarNode, value: str) -> str:
    """``value`` written as ``node`` was: in the same quotes, or plain."""
    if node.style == '"':
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if node.style == "'":
        return "'" + value.replace("'", "''") + "'"
    return _plain(value)


class _Files:
    """The copy's provider files, read and written back as text."""

    def __init__(self, data: Path) -> None:
        self.data = data
        self.paths = sorted((data / "providers").glob("*.yaml"))

    def read(self, path: Path) -> tuple[str, MappingNode]:
        text = path.read_text(encoding="utf-8")
        return text, _compose(text)

    def write(self, path: Path, text: str) -> None:
        path.write_text(text, encoding="utf-8")
        _compose(text)  # still YAML

    def rel(self, path: Path) -> str:
        return path.relative_to(self.data).as_posix()

    def each(self) -> Iterator[tuple[Path, str, MappingNode]]:
        for path in self.paths:
            text, root = self.read(path)
            yield path, text, root


# --- the edits ----------------------------------------------------------------------------


def raise_a_price(files: _Files) -> Edit:
    """The first ``amount`` of the first fee that has one, 0.80 higher."""
    for path, text, root in files.each():
        for fee in _items(_get(root, "fees")):
            for item in _items(_get(fee, "items")):
                amount = _get(_get(item, "rule"), "amount")
                if isinstance(amount, ScalarNode):
                    old = Decimal(amount.value)
                    new = f"{old + PRICE_RISE:.2f}"
                    files.write(path, _replace(text, amount, new))
                    fee_id = _scalar(_get(fee, "id"))
                    item_id = _scalar(_get(item, "id"))
                    return Edit(
                        files.rel(path),
                        amount.start_mark.line + 1,
                        f"price {fee_id}/{item_id}",
                        amount.value,
                        new,
                    )
    raise AssertionError("no fee with an amount in data/providers")


def _seasonal_service(root: MappingNode) -> MappingNode | None:
    for service in _items(_get(root, "services")):
        schedules = _items(_get(service, "hours"))
        seasons = [s for s in schedules if _get(s, "season") is not None]
        if len(seasons) == len(SEASON_DATES):
            assert isinstance(service, MappingNode)
            return service
    return None


def _seasonal(files: _Files) -> tuple[Path, str, MappingNode, MappingNode]:
    for path, text, root in files.each():
        service = _seasonal_service(root)
        if service is not None:
            return path, text, root, service
    raise AssertionError("no service with two seasons in data/providers")


def _unit_phone(files: _Files, path: Path, text: str, root: MappingNode, unit_id: str) -> Edit:
    """The first phone of the unit ``unit_id``: the next number no data file holds yet."""
    units = _items(_get(_get(root, "provider"), "units"))
    [unit] = [u for u in units if _scalar(_get(u, "id")) == unit_id]
    number = _get(_items(_get(_get(unit, "contacts"), "phones"))[0], "number")
    assert isinstance(number, ScalarNode)
    everything = "".join(p.read_text(encoding="utf-8") for p in files.data.rglob("*.yaml"))
    new = str(int(number.value) + 1)
    while new in everything:
        new = str(int(new) + 1)
    files.write(path, _replace(text, number, _literal_like(number, new)))
    return Edit(
        files.rel(path), number.start_mark.line + 1, f"phone of {unit_id}", number.value, new
    )


def change_phones(files: _Files) -> list[Edit]:
    """The first phone of the office (unit) of the service with seasons (a night shelter's
    new phone), and of the office of the first service that belongs to one."""
    path, _, root, service = _seasonal(files)
    seasonal_unit = _scalar(_get(service, "unit"))
    assert seasonal_unit, "the service with seasons belongs to an office (unit)"
    edits = [_unit_phone(files, path, *files.read(path), seasonal_unit)]
    for path, text, root in files.each():
        for other in _items(_get(root, "services")):
            unit_id = _scalar(_get(other, "unit"))
            if unit_id:
                if unit_id != seasonal_unit:
                    edits.append(_unit_phone(files, path, text, root, unit_id))
                return edits
    return edits


def date_the_seasons(files: _Files) -> list[Edit]:
    """``season_dates`` under each season of the service with seasons, in the order the
    seasons stand (the first gets the winter's dates); seasons already dated get other
    dates (a copy of a copy, or once the data has them)."""
    path, text, _, service = _seasonal(files)
    service_id = _scalar(_get(service, "id"))
    seasons = [s for s in _items(_get(service, "hours")) if _get(s, "season") is not None]
    given = [_get(s, "season_dates") for s in seasons]
    wanted = SEASON_DATES
    if [(_scalar(_get(g, "start")), _scalar(_get(g, "end"))) for g in given] == list(wanted):
        wanted = OTHER_SEASON_DATES
    edits, changes = [], []
    for schedule, dates, (start, end) in zip(seasons, given, wanted, strict=True):
        assert isinstance(schedule, MappingNode)
        flow = f'{{start: "{start}", end: "{end}"}}'
        if dates is not None:
            at, old = dates.start_mark.index, dates.end_mark.index
            changes.append((at, old, flow))
            shown = f"{_scalar(_get(dates, 'start'))} to {_scalar(_get(dates, 'end'))}"
        else:
            key = _key(schedule, "season")
            value = _get(schedule, "season")
            assert key is not None and value is not None
            # after the season's text (a block node ends where the next key starts)
            at = _line_end(text, value.end_mark.index)
            changes.append((at, at, f"{' ' * key.start_mark.column}season_dates: {flow}\n"))
            shown = "none"
        season = _scalar(_get(_get(schedule, "season"), "en")) or ""
        edits.append(
            Edit(
                files.rel(path),
                text.count("\n", 0, at) + 1 + sum(1 for c in changes[:-1] if c[0] == c[1]),
                f"season dates of {service_id} ({season})",
                shown,
                f"{start} to {end}",
            )
        )
    for at, old, new in reversed(changes):
        text = text[:at] + new + text[old:]
    files.write(path, text)
    return edits


def add_a_service(files: _Files) -> Edit:
    """The last service (not a benefit) of the first provider that has one, copied with a
    new id and new names, after it."""
    for path, text, root in files.each():
        services = [s for s in _items(_get(root, "services")) if _get(s, "benefit") is None]
        if not services:
            continue
        original = services[-1]
        assert isinstance(original, MappingNode)
        start = text.rindex("\n", 0, original.start_mark.index) + 1  # the "  - id:" line
        lines = text[start : _line_end(text, original.end_mark.index)].splitlines(True)
        while lines and (not lines[-1].strip() or lines[-1].lstrip().startswith("#")):
            lines.pop()  # blank lines, and comments that stand before the next entry
        block = "".join(lines)
        end = start + len(block)
        offset = start
        # the new id and names, replaced from the end of the block backwards
        targets: list[tuple[Node, str]] = []
        old_id = _scalar(_get(original, "id")) or ""
        targets.append((_get(original, "id"), old_id + NEW_ID_SUFFIX))
        name = _get(original, "name")
        for lang, suffix in NEW_NAME_SUFFIX.items():
            node = _get(name, lang)
            assert isinstance(node, ScalarNode)
            targets.append((node, node.value + suffix))
        for node, value in sorted(targets, key=lambda t: -t[0].start_mark.index):
            assert isinstance(node, ScalarNode)
            a, b = node.start_mark.index - offset, node.end_mark.index - offset
            block = block[:a] + _literal_like(node, value) + block[b:]
        insert_at = end
        text = text[:insert_at] + "\n" + block + text[insert_at:]
        files.write(path, text)
        return Edit(
            files.rel(path),
            text.count("\n", 0, insert_at) + 2,
            "new service",
            old_id,
            old_id + NEW_ID_SUFFIX,
        )
    raise AssertionError("no service in data/providers")


def change_office_hours(files: _Files) -> Edit:
    """The first working hours a provider gives itself close half an hour later."""
    for path, text, root in files.each():
        for schedule in _items(_get(_get(root, "provider"), "hours")):
            for day in _items(_get(schedule, "hours")):
                close = _get(day, "close")
                if isinstance(close, ScalarNode) and _get(day, "overnight") is None:
                    hours, minutes = map(int, close.value.split(":"))
                    later = dt.datetime(2000, 1, 1, hours, minutes) + HOURS_LATER
                    if later.day != 1:
                        continue
                    new = later.strftime("%H:%M")
                    files.write(path, _replace(text, close, _literal_like(close, new)))
                    provider = _scalar(_get(_get(root, "provider"), "id"))
                    return Edit(
                        files.rel(path),
                        close.start_mark.line + 1,
                        f"closing time of {provider}'s office",
                        close.value,
                        new,
                    )
    raise AssertionError("no provider gives its own hours in data/providers")


def edited_copy(source: Path, target: Path) -> list[Edit]:
    """Copy the data folder ``source`` to ``target`` (which must not exist) and make the
    officer's edits in the copy; returns what was changed where."""
    shutil.copytree(source, target)
    files = _Files(target)
    edits = [raise_a_price(files), *change_phones(files)]
    edits += date_the_seasons(files)  # before the new service: a copy of it would be dated too
    edits += [add_a_service(files), change_office_hours(files)]
    return edits
