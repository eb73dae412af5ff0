"""Which pages the data makes, and the Markdown stub files that stand for them.

mkdocs-static-i18n 1.3.1 cannot take in-memory pages (``File.generated``), so every
generated page is a small real file in the staging docs folder: front matter naming the
page kind and id, rendered from the Jinja templates when MkDocs reads it. The same
relative path is written under ``lv/`` and ``en/`` so the language switcher pairs them.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

from markupsafe import escape

from ..base.errors import DataError
from ..base.languages import LANGUAGES
from ..base.messages import Message, message
from ..data.field_types import Text
from ..data.sitedata import SiteData
from ..data.source_files import read_regular, regular_files
from ..sitemap.page_kinds import PAGE_KINDS

MAX_CONTENT_BYTES = 8 * 1024 * 1024  # a file of content/ (pages are checked to 256 KB)


@dataclass(frozen=True)
class PageSpec:
    kind: str  # a key of page_kinds.PAGE_KINDS
    item_id: str | None
    titles: dict[str, str]
    descriptions: dict[str, str]

    @property
    def path(self) -> str:
        """Path under the language folder, e.g. services/home-care.md."""
        return PAGE_KINDS[self.kind].stub_path(self.item_id)


def page_specs(data: SiteData, ui: dict[str, dict[str, str]]) -> list[PageSpec]:
    """Every generated page, in the order of ``PAGE_KINDS``."""

    def both(text: Text) -> dict[str, str]:
        return {lang: text.in_language(lang) for lang in LANGUAGES}

    def ui_both(key: str) -> dict[str, str]:
        return {lang: ui[key][lang] for lang in LANGUAGES}

    specs = []
    for page in PAGE_KINDS.values():
        if page.items is None:
            titles, descriptions = (
                ui_both(f"page.{page.kind}"),
                ui_both(f"page.{page.kind}.description"),
            )
            specs.append(PageSpec(page.kind, None, titles, descriptions))
            continue
        for item_id, title, description in page.items(data):
            specs.append(PageSpec(page.kind, item_id, both(title), both(description)))
    return specs


def page_owners(data: SiteData) -> dict[str, Message]:
    """Path under the language folder -> which page it is ("the service `home-care`"), for
    every generated page (no UI strings needed: for checks before a build)."""
    owners: dict[str, Message] = {}
    for page in PAGE_KINDS.values():
        if page.items is None:
            owners[page.stub_path()] = message("word.page_kind", kind=page.kind)
            continue
        for item_id, _, _ in page.items(data):
            owners[page.stub_path(item_id)] = message(
                "word.page_item", kind=message(f"kind.{page.kind}"), id=item_id
            )
    return owners


def content_collisions(content_files: list[str], data: SiteData) -> list[DataError]:
    """A hand-written page (``content/lv/services/x.md``) on the path of a generated page."""
    owners = page_owners(data)
    errors = []
    for name in content_files:
        lang, _, rest = name.removeprefix("content/").partition("/")
        if lang in LANGUAGES and rest in owners:
            errors.append(
                DataError.of(name, 1, 1, "", message("page.collision", owner=owners[rest]))
            )
    return errors


def generated_pages(specs: list[PageSpec]) -> dict[str, str]:
    """Path under the staging folder -> stub text, for every page in both languages.
    Two pages for one path are refused: the second would silently replace the first."""
    pages: dict[str, str] = {}
    owner: dict[str, PageSpec] = {}
    for spec in specs:
        if spec.path in owner:
            first = owner[spec.path]
            raise ValueError(
                f"two pages have the path {spec.path}: the {first.kind} `{first.item_id}` and "
                f"the {spec.kind} `{spec.item_id}`; rename one of the ids"
            )
        owner[spec.path] = spec
        for lang in LANGUAGES:
            pages[f"{lang}/{spec.path}"] = stub_markdown(spec, lang)
    return pages


def stub_markdown(spec: PageSpec, lang: str) -> str:
    # Material prints the title and description without escaping (the description inside
    # an attribute): they are escaped here, once
    meta = {
        "title": str(escape(spec.titles[lang])),
        "description": str(escape(" ".join(spec.descriptions[lang].split())[:300])),
        "sitegen_page": spec.kind,
        "sitegen_id": spec.item_id,
    }
    lines = [
        "---",
        *(f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in meta.items()),
        "---",
        "",
    ]
    return "\n".join(lines)


def stage_docs(content_dir: Path, staging_dir: Path, generated: dict[str, str]) -> int:
    """Make ``staging_dir`` = ``content_dir`` + ``generated`` (relative path -> text).

    Writes only files whose bytes change and removes files that no longer belong, so a
    rebuild with unchanged data touches nothing. Returns the number of files written.
    """
    wanted: dict[str, bytes] = {}
    sources, refused = regular_files(content_dir, "content")
    if refused:  # links and special files are never followed nor copied
        raise ValueError("\n".join(str(problem) for problem in refused))
    for source in sources:
        wanted[source.relative_to(content_dir).as_posix()] = read_regular(
            source, MAX_CONTENT_BYTES, "content"
        )
    for rel, text in generated.items():
        if rel in wanted:
            raise ValueError(f"content/{rel} has the same path as a generated page; rename it")
        wanted[rel] = text.encode("utf-8")
    folded: dict[str, str] = {}
    for rel in wanted:  # one page per path on a case-insensitive disk too (macOS, Windows)
        if rel.casefold() in folded:
            raise ValueError(
                f"{folded[rel.casefold()]} and {rel} differ only in capital letters; "
                "they would be one page on some computers: rename one"
            )
        folded[rel.casefold()] = rel

    written = 0
    staging_dir.mkdir(parents=True, exist_ok=True)
    for rel, payload in wanted.items():
        target = staging_dir / rel
        if target.is_file() and target.read_bytes() == payload:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(payload)
        written += 1
    for existing in sorted(staging_dir.rglob("*"), reverse=True):
        rel = existing.relative_to(staging_dir).as_posix()
        if existing.is_file() and rel not in wanted:
            existing.unlink()
        elif existing.is_dir() and not any(existing.iterdir()):
            shutil.rmtree(existing)
    return written


def unpaired_pages(paths: list[str]) -> list[str]:
    """Markdown pages under lv/ or en/ that have no counterpart in the other language."""
    per_lang: dict[str, set[str]] = {lang: set() for lang in LANGUAGES}
    for path in paths:
        lang, _, rest = path.partition("/")
        if lang in per_lang and rest.endswith(".md"):
            per_lang[lang].add(rest)
    missing = []
    for lang in LANGUAGES:
        for other in LANGUAGES:
            if other != lang:
                missing += [
                    f"{lang}/{rest} (no {other}/{rest})"
                    for rest in sorted(per_lang[lang] - per_lang[other])
                ]
    return missing
