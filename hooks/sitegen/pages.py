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

from .finder import page_specs as finder_page_specs
from .loader import SiteData
from .render import SECTIONS
from .types import LANGUAGES


@dataclass(frozen=True)
class PageSpec:
    kind: str  # service, provider, report, services, providers, prices, calculator, reports
    item_id: str | None
    titles: dict[str, str]
    descriptions: dict[str, str]

    @property
    def path(self) -> str:
        """Path under the language folder, e.g. services/home-care.md."""
        section = SECTIONS[self.kind]
        if self.item_id:
            return f"{section}/{self.item_id}.md"
        return f"{section}.md" if self.kind == "calculator" else f"{section}/index.md"


def page_specs(data: SiteData, ui: dict[str, dict[str, str]]) -> list[PageSpec]:
    def both(text) -> dict[str, str]:  # noqa: ANN001 - Text
        return {lang: text.get(lang) or text.get("lv") for lang in LANGUAGES}

    def ui_both(key: str) -> dict[str, str]:
        return {lang: ui[key][lang] for lang in LANGUAGES}

    specs = [
        PageSpec("services", None, ui_both("page.services"), ui_both("page.services.description")),
        PageSpec(
            "providers", None, ui_both("page.providers"), ui_both("page.providers.description")
        ),
        PageSpec("prices", None, ui_both("page.prices"), ui_both("page.prices.description")),
        PageSpec(
            "calculator", None, ui_both("page.calculator"), ui_both("page.calculator.description")
        ),
        PageSpec("reports", None, ui_both("page.reports"), ui_both("page.reports.description")),
    ]
    for service, _ in data.services.values():
        specs.append(PageSpec("service", service.id, both(service.name), both(service.summary)))
    for provider_file in data.providers.values():
        prov = provider_file.provider
        specs.append(PageSpec("provider", prov.id, both(prov.name), both(prov.summary)))
    for report in data.reports.values():
        specs.append(PageSpec("report", report.id, both(report.title), both(report.summary)))
    specs += [PageSpec(*spec) for spec in finder_page_specs(data, ui)]
    return specs


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
    for source in sorted(content_dir.rglob("*")):
        if source.is_file() and not source.name.startswith("."):
            wanted[source.relative_to(content_dir).as_posix()] = source.read_bytes()
    for rel, text in generated.items():
        if rel in wanted:
            raise ValueError(f"content/{rel} has the same path as a generated page; rename it")
        wanted[rel] = text.encode("utf-8")

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
