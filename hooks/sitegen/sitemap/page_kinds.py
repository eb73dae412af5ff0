"""The kinds of generated page, declared once: template, path, nav, and what makes the pages.

Each kind is rendered from its template in ``overrides/sitegen/``; its stub file has the
same path under ``lv/`` and ``en/`` so the language switcher pairs them, and its URL is that
path as MkDocs serves it (``services/index.md`` → ``services/``, ``services/home-care.md``
→ ``services/home-care/``). A kind with ``items`` makes one page per item of the data, titled
and described by the item; a kind without makes one page titled by the UI strings
``page.<kind>`` and ``page.<kind>.description``. ``in_nav`` says whether ``mkdocs.yml``'s
``nav`` lists the page (the item pages' folders are under its ``not_in_nav``);
``tests/test_page_kinds.py`` checks both against this table.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..data.field_types import Text
from ..data.sitedata import SiteData
from ..places.finder import finder_for

Item = tuple[str, Text, Text]  # id, title, description


@dataclass(frozen=True)
class PageKind:
    kind: str  # the page's name in links (``link('service', id)``) and in its stub's front matter
    template: str  # under overrides/
    path: str  # the stub file under the language folder; ``{id}`` for the item's id
    in_nav: bool
    items: Callable[[SiteData], Iterable[Item]] | None = None  # one page per item

    @property
    def section(self) -> str:
        """The top folder, which is the same in both languages: ``services``, ``prices``."""
        return self.path.split("/", 1)[0]

    def stub_path(self, item_id: str | None = None) -> str:
        """Path of a page's stub under the language folder, e.g. ``services/home-care.md``."""
        if (item_id is None) != (self.items is None):
            raise ValueError(f"a `{self.kind}` page {'needs' if self.items else 'has no'} id")
        return self.path.format(id=item_id)

    def url(self, item_id: str | None = None) -> str:
        """The page's URL below the language root, e.g. ``services/home-care/``."""
        path = self.stub_path(item_id).removesuffix(".md")
        return path.removesuffix("index") if path.endswith("/index") else f"{path}/"


def reserved_ids(kind: str) -> set[str]:
    """Ids an item of ``kind`` may not have, because its page would take the path of another
    page in the same folder: ``index`` (the folder's own page) and every fixed page there
    (``prices/calculator.md`` reserves ``calculator`` for any kind paged under prices/)."""
    page = PAGE_KINDS.get(kind)
    if page is None or page.items is None:
        return set()
    folder = page.path.rsplit("/", 1)[0]
    names = {"index"}
    for other in PAGE_KINDS.values():
        if other.items is None and other.path.rsplit("/", 1)[0] == folder:
            names.add(other.path.rsplit("/", 1)[1].removesuffix(".md"))
    return names


def _services(data: SiteData) -> Iterable[Item]:
    # a name another service shares carries the place (finder.py), as links to it do
    titles = finder_for(data).service_title if data.places and data.finder else None
    return (
        (s.id, titles(s.id) if titles else s.name, s.summary) for s, _ in data.services.values()
    )


def _providers(data: SiteData) -> Iterable[Item]:
    return ((f.provider.id, f.provider.name, f.provider.summary) for f in data.providers.values())


def _reports(data: SiteData) -> Iterable[Item]:
    return ((r.id, r.title, r.summary) for r in data.reports.values())


def _places(data: SiteData) -> Iterable[Item]:
    places = data.places.places if data.places else []
    return ((p.id, p.name, p.name) for p in places)


def _needs(data: SiteData) -> Iterable[Item]:
    needs = data.finder.needs if data.finder else []
    return ((n.id, n.name, n.name) for n in needs)


def _benefits(data: SiteData) -> Iterable[Item]:
    return ((b.id, b.name, b.description or b.name) for b, _ in data.benefits.values())


PAGE_KINDS: dict[str, PageKind] = {
    page.kind: page
    for page in (
        PageKind("services", "sitegen/services.html", "services/index.md", in_nav=True),
        PageKind("providers", "sitegen/providers.html", "providers/index.md", in_nav=True),
        PageKind("prices", "sitegen/prices.html", "prices/index.md", in_nav=True),
        PageKind("calculator", "sitegen/calculator.html", "prices/calculator.md", in_nav=True),
        PageKind("reports", "sitegen/reports.html", "reports/index.md", in_nav=True),
        PageKind("open-data", "sitegen/open-data.html", "open-data/index.md", in_nav=True),
        PageKind("service", "sitegen/service.html", "services/{id}.md", False, _services),
        PageKind("provider", "sitegen/provider.html", "providers/{id}.md", False, _providers),
        PageKind("report", "sitegen/report.html", "reports/{id}.md", False, _reports),
        # the finder and what it links to (places/finder.py, places/territory.py)
        PageKind("finder", "sitegen/finder.html", "finder/index.md", in_nav=True),
        PageKind("benefits", "sitegen/benefits.html", "benefits/index.md", in_nav=True),
        PageKind("place", "sitegen/place.html", "places/{id}.md", False, _places),
        PageKind("need", "sitegen/need.html", "needs/{id}.md", False, _needs),
        PageKind("benefit", "sitegen/benefit.html", "benefits/{id}.md", False, _benefits),
    )
}
