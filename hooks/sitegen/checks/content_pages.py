"""Hand-written pages (``content/``) held to the data's rules, before anything is staged.

Every problem is a ``DataError`` (file:line:column, plain reason), all in one pass:
- only ordinary files (no links, no pipes: ``source_files``), at most ``MAX_PAGE_BYTES``;
- UTF-8 text without invisible or look-alike characters (named by code and name);
- front matter that opens with ``---`` is closed, is YAML read by the data reader (no
  tags, no aliases), and has only the keys MkDocs and the theme use here;
  ``sitegen_page``/``sitegen_id`` are for generated pages only; ``title`` and
  ``description`` are plain text (no ``<`` or ``>``; the build escapes them besides);
- a block marker ``<!-- sitegen:NAME -->`` names an existing partial;
- no active content: ``<script>``, ``<iframe>``, ``<style>``, ``on…=`` handlers,
  ``javascript:``/``data:`` addresses or links that leave the site without a scheme
  (``//host``, ``/\\host``). The hook also sanitises the rendered HTML (defence in depth).
Each check reads each line once: the work is linear in the page's size.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..base.characters import (
    entity_characters,
    invisible_characters,
    long_numbers,
    mixed_scripts,
    stacked_marks,
)
from ..base.errors import DataError
from ..base.messages import Message, message
from ..data.source_files import NotRegular, read_regular, regular_files
from ..data.yamlread import read_yaml, wide_encoding

# the largest hand-written page has 2.2 KB (2026); a hundred times that
MAX_PAGE_BYTES = 256 * 1024
HIDE = ("navigation", "toc", "footer", "path", "tags", "feedback")
FRONT_MATTER_KEYS = {
    "title": "the page title",
    "description": "the summary for search engines",
    "hide": f"parts of the page to hide: {', '.join(HIDE)}",
    "search": "search settings: exclude: true, or boost: a number",
}
RESERVED_KEYS = ("sitegen_page", "sitegen_id")

BLOCK_MARKER = re.compile(r"^<!-- sitegen:([a-z-]+) -->$")
_MARKER_LIKE = re.compile(r"<!--\s*sitegen", re.IGNORECASE)
# the title and the summary go into <title>, the menu, the breadcrumb and <meta content="…">:
# plain text (the build escapes &, " and ' besides, generate_pages.on_page_content)
_FRONT_MARKUP = re.compile(r"[<>]")
_ACTIVE_TAG = re.compile(
    r"<\s*/?\s*(script|iframe|frame|frameset|object|embed|applet|style|link|meta|base|form|"
    r"svg|math|template|noscript|portal|input|button|textarea|select)\b",
    re.IGNORECASE,
)
# the title and the summary go into <title>, the menu, the breadcrumb and <meta content="…">:
# plain text (the build escapes &, " and ' besides, generate_pages.on_page_content)
_FRONT_MARKUP = re.compile(r"[<>]")
_TAG = re.compile(r"<[A-Za-z][^<>]*>?")
_HANDLER = re.compile(r"[\s/\"']on[a-z]+\s*=", re.IGNORECASE)
_BAD_SCHEME = r"(?:j\s*a\s*v\s*a\s*s\s*c\s*r\s*i\s*p\s*t|vbscript|data|file|&#)"
_TAG_URL = re.compile(
    r"(?:href|src|action|formaction|srcdoc|poster|background|xlink:href)\s*=\s*[\"']?\s*"
    rf"(?:{_BAD_SCHEME}|//|/\\|\\)",
    re.IGNORECASE,
)
_MD_URL = re.compile(rf"\]\(\s*<?\s*(?:{_BAD_SCHEME}|//|/\\|\\)", re.IGNORECASE)
_MD_REF = re.compile(rf"^\s{{0,3}}\[[^\]]+\]:\s*<?\s*(?:{_BAD_SCHEME}|//|/\\|\\)", re.IGNORECASE)


def _active(line: str) -> Message | None:
    """Why ``line`` holds active content, or None."""
    if match := _ACTIVE_TAG.search(line):
        return message("page.html_element", tag=match[1].lower())
    for tag in _TAG.finditer(line):
        if _HANDLER.search(tag[0]):
            return message("page.handler")
        if _TAG_URL.search(tag[0]):
            return message("page.html_address")
    if _MD_URL.search(line) or _MD_REF.match(line):
        return message("page.link")
    return None


def _front_matter(lines: list[str], name: str) -> tuple[int, list[DataError]]:
    """Check the front matter; return the number of its lines (0 when there is none)."""
    if not lines or lines[0].rstrip() != "---":
        return 0, []
    end = next(
        (i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")),
        None,
    )
    if end is None:
        return len(lines), [DataError.of(name, 1, 1, "", message("page.front_matter_open"))]
    read = read_yaml("\n".join(lines[1:end]).encode(), name)
    errors = [e.moved(line=e.line + 1) for e in read.errors if e.code != "read.empty"]
    meta: Any = read.data
    if errors or meta is None:
        return end + 1, errors
    if not isinstance(meta, dict):
        return end + 1, [DataError.of(name, 2, 1, "", message("page.front_matter_lines"))]

    def at(key: str) -> int:
        return read.position((key,), key=True)[0] + 1

    for key, value in meta.items():
        if key in RESERVED_KEYS:
            errors.append(
                DataError.of(name, at(key), 1, key, message("page.reserved_key", key=key))
            )
        elif key not in FRONT_MATTER_KEYS:
            known = ", ".join(f"`{k}`" for k in FRONT_MATTER_KEYS)
            errors.append(
                DataError.of(
                    name, at(key), 1, key, message("page.unknown_key", key=key, known=known)
                )
            )
        elif key in ("title", "description") and (not isinstance(value, str) or not value):
            errors.append(DataError.of(name, at(key), 1, key, message("page.key_text", key=key)))
        elif key in ("title", "description") and _FRONT_MARKUP.search(value):
            errors.append(DataError.of(name, at(key), 1, key, message("page.key_markup", key=key)))
        elif key == "hide" and (
            not isinstance(value, list) or any(item not in HIDE for item in value)
        ):
            errors.append(
                DataError.of(name, at(key), 1, key, message("page.hide", allowed=", ".join(HIDE)))
            )
        elif key == "search" and not (
            isinstance(value, dict)
            and set(value) <= {"exclude", "boost"}
            and isinstance(value.get("exclude", False), bool)
        ):
            errors.append(DataError.of(name, at(key), 1, key, message("page.search")))
    return end + 1, errors


def check_page(raw: bytes, name: str, blocks: set[str]) -> list[DataError]:
    """Every problem of one hand-written Markdown page ``name`` (e.g. content/lv/x.md)."""
    if len(raw) > MAX_PAGE_BYTES:
        return [
            DataError.of(name, 1, 1, "", message("page.too_large", most=MAX_PAGE_BYTES // 1024))
        ]
    if (wide := wide_encoding(raw)) is not None:
        return [DataError.of(name, 1, 1, "", message("page.wide_encoding", encoding=wide))]
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        return [DataError.of(name, line, 1, "", message("page.not_utf8"))]
    errors: list[DataError] = []
    for index, reason in sorted(
        [
            *invisible_characters(text),
            *mixed_scripts(text),
            *entity_characters(text),
            *long_numbers(text),
            *stacked_marks(text),
        ]
    )[:20]:
        before = text[:index]
        errors.append(
            DataError.of(name, before.count("\n") + 1, index - before.rfind("\n"), "", reason)
        )
    lines = text.split("\n")
    skip, problems = _front_matter(lines, name)
    errors += problems
    for number, line in enumerate(lines[skip:], skip + 1):
        if _MARKER_LIKE.search(line):
            marker = BLOCK_MARKER.match(line.strip())
            if marker is None:
                errors.append(DataError.of(name, number, 1, "", message("page.marker_form")))
            elif marker[1] not in blocks:
                errors.append(
                    DataError.of(
                        name,
                        number,
                        1,
                        "",
                        message(
                            "page.marker_unknown", name=marker[1], known=", ".join(sorted(blocks))
                        ),
                    )
                )
        elif (why := _active(line)) is not None:
            errors.append(DataError.of(name, number, 1, "", why))
    return errors


PARTIALS = Path(__file__).resolve().parents[3] / "overrides" / "sitegen" / "partials"


def check_content(
    content_dir: Path, display: str = "content", partials_dir: Path = PARTIALS
) -> list[DataError]:
    """Every problem of every hand-written page, in one pass."""
    if content_dir.is_symlink():
        return [DataError.of(display, 1, 1, "", message("page.folder_symlink"))]
    blocks = {p.stem for p in partials_dir.glob("*.html")}
    files, errors = regular_files(content_dir, display)
    for path in files:
        name = f"{display}/{path.relative_to(content_dir).as_posix()}"
        limit = MAX_PAGE_BYTES if path.suffix == ".md" else MAX_PAGE_BYTES * 8
        try:
            raw = read_regular(path, limit, display.rsplit("/", 1)[-1])
        except NotRegular as err:
            errors.append(DataError.of(name, 1, 1, "", err.reason))
            continue
        if path.suffix == ".md":
            errors += check_page(raw, name, blocks)
        elif len(raw) > limit:
            errors.append(DataError.of(name, 1, 1, "", message("page.file_too_large")))
    return sorted(set(errors))
