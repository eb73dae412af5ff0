"""The translation report: every text whose other language is missing or pending."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..data.sitedata import LoadResult

MISSING_MARK = "text is missing"


@dataclass
class TranslationReport:
    rows: list[tuple[str, int, str, str]]  # file, line, field path, what
    text: str
    markdown: str


def translation_report(result: LoadResult) -> TranslationReport:
    rows = [(p.file, p.line, p.path, f"{p.language} translation pending") for p in result.pending]
    rows += [
        (e.file, e.line, e.path, e.message) for e in result.errors if MISSING_MARK in e.message
    ]
    rows.sort()
    counts = Counter(row[0] for row in rows)
    lines = [f"{file}:{line}: {path}: {what}" for file, line, path, what in rows]
    lines.append("")
    if rows:
        lines.append(f"{len(rows)} text(s) need translation:")
        lines += [f"  {file}: {count}" for file, count in sorted(counts.items())]
    else:
        lines.append("Every text is in both languages; no translation is pending.")
    md = ["## Translation report", ""]
    if rows:
        md += ["| File | Line | Field | What |", "| --- | --- | --- | --- |"]
        md += [f"| {f} | {ln} | `{p}` | {w} |" for f, ln, p, w in rows]
        md += ["", "| File | Texts |", "| --- | --- |"]
        md += [f"| {f} | {c} |" for f, c in sorted(counts.items())]
    else:
        md.append("Every text is in both languages; no translation is pending.")
    return TranslationReport(rows, "\n".join(lines).strip(), "\n".join(md))
