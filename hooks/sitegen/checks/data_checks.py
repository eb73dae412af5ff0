"""What the guide asks of editors, checked where the data is validated (``rules.check_site``):

- a provider's ``checked:`` date is a day that has come (``today.build_date``);
- the seasons of one list of hours are all dated or none is, and dated seasons do not
  overlap (a day belongs to one season);
- the termbase (``data/terms.yaml``, ``terms.py``): where a Latvian text has a term, its
  English text says the chosen English term, and no text uses a forbidden variant
  ("home help" for *aprūpe mājās*).

Each problem is reported at the line of the value, in Latvian and English.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from ..base.errors import DataError
from ..base.messages import Message, message
from ..base.today import build_date
from ..data.calendar_file import SeasonDates
from ..data.field_types import Text
from ..data.model import Schedule, Term
from ..data.sitedata import SourceFile
from ..data.yamlread import Path_
from ..text.terms import forbidden_in, renderings

Group = dict[str, list[SourceFile]]


def check_editorial(valid: Group, today: dt.date | None = None) -> list[DataError]:
    today = today or build_date()
    terms = [term for source in valid.get("terms.yaml", []) for term in source.obj.terms]
    termbase = _Termbase(terms) if terms else None
    errors: list[DataError] = []
    for kind, sources in valid.items():
        for source in sources:
            if kind == "providers/*.yaml":
                errors += _checked_dates(source, today)
            for path, node in _walk(source.obj, ()):
                if isinstance(node, list) and node and isinstance(node[0], Schedule):
                    errors += _seasons(source, path, node)
                elif isinstance(node, Text) and termbase and kind != "terms.yaml":
                    errors += termbase.check(source, path, node)
    return errors


def _walk(node: Any, path: Path_) -> Iterator[tuple[Path_, Any]]:
    """Every value of a data object with its path in the file."""
    yield path, node
    if isinstance(node, Text):
        return
    if isinstance(node, BaseModel):
        for name in type(node).model_fields:
            value = getattr(node, name)
            if value is not None:
                yield from _walk(value, (*path, name))
    elif isinstance(node, list | tuple):
        for index, item in enumerate(node):
            yield from _walk(item, (*path, index))


def _checked_dates(source: SourceFile, today: dt.date) -> list[DataError]:
    checked = source.obj.provider.checked
    if checked is None or dt.date.fromisoformat(checked) <= today:
        return []
    return [
        source.where(
            ("provider", "checked"),
            message("checked.future", value=checked, today=today.isoformat()),
        )
    ]


def _days(dates: SeasonDates) -> set[str]:
    """The days of a season as "MM-DD" (a leap year, so that 02-29 counts)."""
    day, days = dt.date(2024, 1, 1), set()
    while day.year == 2024:
        if dates.contains(day):
            days.add(f"{day.month:02d}-{day.day:02d}")
        day += dt.timedelta(days=1)
    return days


def _seasons(source: SourceFile, path: Path_, schedules: list[Schedule]) -> list[DataError]:
    seasonal = [(i, s) for i, s in enumerate(schedules) if s.season is not None]
    dated = [(i, s) for i, s in seasonal if s.season_dates is not None]
    errors = []
    if dated and len(dated) < len(seasonal):
        for i, schedule in seasonal:
            if schedule.season_dates is None:
                name = schedule.season
                errors.append(
                    source.where(
                        (*path, i, "season"),
                        message("season.some_dated", season=_both(name)),
                    )
                )
    for n, (i, schedule) in enumerate(dated):
        for _, other in dated[:n]:
            if _days(schedule.season_dates) & _days(other.season_dates):
                a, b = schedule.season_dates, other.season_dates
                errors.append(
                    source.where(
                        (*path, i, "season_dates"),
                        message(
                            "season.overlap",
                            season=_both(schedule.season),
                            start=a.start,
                            end=a.end,
                            other=_both(other.season),
                            other_start=b.start,
                            other_end=b.end,
                        ),
                    )
                )
    return errors


def _both(text: Text | None) -> Any:
    """A data text as a message parameter: its Latvian in the Latvian message, English in
    the English one."""
    if text is None:
        return ""
    return Message("", text.in_language("lv"), text.in_language("en"))


class _Termbase:
    """The termbase, with the first word of every form as plain text in one pattern per
    language: a text in which none occurs (most texts) is passed by one search."""

    def __init__(self, terms: list[Term]):
        self.terms = terms
        self.lv = self._stems({t.id: [*t.lv_forms, *t.forbidden_lv] for t in terms})
        self.en = self._stems({t.id: t.forbidden for t in terms})

    @staticmethod
    def _stems(forms: dict[str, list[str]]) -> tuple[re.Pattern[str], dict[str, set[str]]]:
        by_stem: dict[str, set[str]] = {}
        for term_id, term_forms in forms.items():
            for form in term_forms:
                by_stem.setdefault(form.split()[0].rstrip("*").casefold(), set()).add(term_id)
        stems = sorted(by_stem, key=len, reverse=True)
        return re.compile("|".join(map(re.escape, stems)) or "(?!)"), by_stem

    def _found(self, text: str, stems: tuple[re.Pattern[str], dict[str, set[str]]]) -> list[Term]:
        ids = {i for stem in set(stems[0].findall(text.casefold())) for i in stems[1][stem]}
        return [t for t in self.terms if t.id in ids]

    def check(self, source: SourceFile, path: Path_, text: Text) -> list[DataError]:
        lv, en = text.get("lv"), text.get("en")
        in_lv, in_en = self._found(lv, self.lv), self._found(en, self.en)
        errors = []
        if in_lv and not text.pending:
            found = renderings(in_lv, iter([("", lv, en)]))
            errors += [source.where((*path, "en"), f.message) for f in found]
        for lang, value, terms in (("lv", lv, in_lv), ("en", en, in_en)):
            found = forbidden_in(terms, "", value, lang) if terms else []
            errors += [source.where((*path, lang), f.message) for f in found]
        return errors
