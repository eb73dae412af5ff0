"""What loading ``data/`` gives: the files as read, the validated data, the problems found.

``SourceFile`` is one data file as read (with every value's position) and, once valid, its
model object; ``SiteData`` is the whole validated data with its look-ups; ``LoadResult``
is what ``loader.load_data_dir`` returns; ``PendingText`` is one text waiting for a
translation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from ..base.errors import DataError
from ..base.messages import Message
from . import model
from .yamlread import Path_, ReadResult, render_path


@dataclass
class SourceFile:
    name: str  # e.g. data/providers/vecruzina-centre.yaml
    read: ReadResult
    obj: Any = None  # the validated model object

    def where(self, path: Path_, msg: Message, *, key: bool = False) -> DataError:
        line, column = self.read.position(path, key=key)
        return DataError.of(self.name, line, column, render_path(path), msg)


@dataclass
class PendingText:
    file: str
    line: int
    path: str
    language: str


@dataclass
class SiteData:
    site: model.SiteFile
    vocabulary: model.VocabularyFile
    legal_acts: dict[str, model.LegalAct]
    providers: dict[str, model.ProviderFile]
    reports: dict[str, model.ReportFile]
    calendar: model.CalendarFile | None = None  # data/calendar.yaml (calendar_lv.py)
    pending: list[PendingText] = field(default_factory=list)
    terms: list[model.Term] = field(default_factory=list)  # data/terms.yaml, if present
    source_docs: dict[str, model.Source] = field(default_factory=dict)  # data/sources.yaml
    places: model.PlacesFile | None = None  # data/places.yaml (look-ups: places.Territory)
    finder: model.FinderFile | None = None  # data/finder.yaml (matching: finder.Finder)

    # derived look-ups, made once: the loaded data is never changed afterwards
    @cached_property
    def services(self) -> dict[str, tuple[model.Service, str]]:
        return {s.id: (s, pid) for pid, pf in self.providers.items() for s in pf.services}

    @cached_property
    def benefits(self) -> dict[str, tuple[model.Benefit, str]]:
        return {b.id: (b, pid) for pid, pf in self.providers.items() for b in pf.benefits}

    @cached_property
    def fees(self) -> dict[str, tuple[model.Fee, str]]:
        return {f.id: (f, pid) for pid, pf in self.providers.items() for f in pf.fees}

    @cached_property
    def locations(self) -> dict[str, model.Location]:
        return {loc.id: loc for pf in self.providers.values() for loc in pf.locations}

    @cached_property
    def categories(self) -> dict[str, model.Category]:
        return {c.id: c for c in self.vocabulary.categories}

    @cached_property
    def audiences(self) -> dict[str, model.Audience]:
        return {a.id: a for a in self.vocabulary.audiences}

    @cached_property
    def units(self) -> dict[str, model.MeasureUnit]:
        """What prices are per (``units`` in data/vocabulary.yaml), by id."""
        return {u.id: u for u in self.vocabulary.units}


@dataclass
class LoadResult:
    data: SiteData | None
    errors: list[DataError]
    files: list[str]
    pending: list[PendingText] = field(default_factory=list)
    # every data file the reader could parse: shown name -> (its bytes, what was read), for
    # the checks that only `make validate` runs (data_lint.py)
    reads: dict[str, tuple[bytes, ReadResult]] = field(default_factory=dict)
