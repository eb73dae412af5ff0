"""Hand-written pages (``content/``) held to the data's rules, before anything is staged.

Every problem is a ``DataError`` (file:line:column, plain reason), all in one pass:
- only ordinary files (no links, no pipes: ``source_files``), at most ``MAX_PAGE_BYTES``;
- UTF-8 text without invisible or look-alike characters (named by code and name);
- front matter that opens with ``---`` is closed, is YAML read by the data reader (no
  tags, no aliases), and has only the keys MkDocs and the theme use here;
  ``sitegen_page``/``sitegen_id`` are for generated pages only;
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

from .characters import entity_characters, invisible_characters, mixed_scripts
from .errors import DataError
from .source_files import NotRegular, read_regular, regular_files
from .yamlread import read_yaml, wide_encoding

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
_ACTIVE_TAG = re.compile(
    r"<\s*/?\s*(script|iframe|frame|frameset|object|embed|applet|style|link|meta|base|form|"
    r"svg|math|template|noscript|portal|input|button|textarea|select)\b",
    re.IGNORECASE,
)
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


def _active(line: str) -> str | None:
    """Why ``line`` holds active content, or None."""
    if match := _ACTIVE_TAG.search(line):
        return f"the HTML element <{match[1].lower()}> is not allowed in a page; remove it"
    for tag in _TAG.finditer(line):
        if _HANDLER.search(tag[0]):
            return "an event handler (on…=) in HTML runs a script; remove it"
        if _TAG_URL.search(tag[0]):
            return (
                "an address in HTML must start with https:, http:, mailto:, tel: or be a "
                "page of this site; remove the script, data or scheme-less address"
            )
    if _MD_URL.search(line) or _MD_REF.match(line):
        return (
            "a link must start with https:, http:, mailto:, tel: or be a page of this site "
            "(javascript:, data: and //host addresses are not allowed)"
        )
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
        return len(lines), [
            DataError(
                name,
                1,
                1,
                "",
                "the front matter opened with --- on line 1 is never closed with a line ---",
            )
        ]
    read = read_yaml("\n".join(lines[1:end]).encode(), name)
    errors = [
        DataError(e.file, e.line + 1, e.column, e.path, e.message)
        for e in read.errors
        if "the file is empty" not in e.message
    ]
    meta: Any = read.data
    if errors or meta is None:
        return end + 1, errors
    if not isinstance(meta, dict):
        return end + 1, [
            DataError(name, 2, 1, "", "the front matter must be lines of `key: value`")
        ]

    def at(key: str) -> int:
        return read.position((key,), key=True)[0] + 1

    for key, value in meta.items():
        if key in RESERVED_KEYS:
            errors.append(
                DataError(name, at(key), 1, key, f"`{key}` is for generated pages only; remove it")
            )
        elif key not in FRONT_MATTER_KEYS:
            known = "; ".join(f"`{k}` ({why})" for k, why in FRONT_MATTER_KEYS.items())
            errors.append(
                DataError(
                    name, at(key), 1, key, f"unknown front-matter key `{key}`; known: {known}"
                )
            )
        elif key in ("title", "description") and (not isinstance(value, str) or not value):
            errors.append(DataError(name, at(key), 1, key, f"`{key}` must be a text"))
        elif key == "hide" and (
            not isinstance(value, list) or any(item not in HIDE for item in value)
        ):
            errors.append(
                DataError(name, at(key), 1, key, f"`hide` must be a list of: {', '.join(HIDE)}")
            )
        elif key == "search" and not (
            isinstance(value, dict)
            and set(value) <= {"exclude", "boost"}
            and isinstance(value.get("exclude", False), bool)
        ):
            errors.append(
                DataError(name, at(key), 1, key, "`search` may hold `exclude: true` or `boost`")
            )
    return end + 1, errors


def check_page(raw: bytes, name: str, blocks: set[str]) -> list[DataError]:
    """Every problem of one hand-written Markdown page ``name`` (e.g. content/lv/x.md)."""
    if len(raw) > MAX_PAGE_BYTES:
        return [
            DataError(
                name,
                1,
                1,
                "",
                f"the page is too large (more than {MAX_PAGE_BYTES // 1024} KB); split it",
            )
        ]
    if (wide := wide_encoding(raw)) is not None:
        return [DataError(name, 1, 1, "", f"the page is saved as {wide}; save it as UTF-8")]
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        return [DataError(name, line, 1, "", "the page is not saved as UTF-8; save it as UTF-8")]
    errors: list[DataError] = []
    for index, reason in sorted(
        [*invisible_characters(text), *mixed_scripts(text), *entity_characters(text)]
    )[:20]:
        before = text[:index]
        errors.append(
            DataError(name, before.count("\n") + 1, index - before.rfind("\n"), "", reason)
        )
    lines = text.split("\n")
    skip, problems = _front_matter(lines, name)
    errors += problems
    for number, line in enumerate(lines[skip:], skip + 1):
        if _MARKER_LIKE.search(line):
            marker = BLOCK_MARKER.match(line.strip())
            if marker is None:
                errors.append(
                    DataError(
                        name,
                        number,
                        1,
                        "",
                        "a block marker must be a line of its own, written exactly "
                        "<!-- sitegen:NAME -->",
                    )
                )
            elif marker[1] not in blocks:
                errors.append(
                    DataError(
                        name,
                        number,
                        1,
                        "",
                        f"there is no block `{marker[1]}`; known blocks: {', '.join(sorted(blocks))}",
                    )
                )
        elif (why := _active(line)) is not None:
            errors.append(DataError(name, number, 1, "", why))
    return errors


PARTIALS = Path(__file__).resolve().parents[2] / "overrides" / "sitegen" / "partials"


def check_content(
    content_dir: Path, display: str = "content", partials_dir: Path = PARTIALS
) -> list[DataError]:
    """Every problem of every hand-written page, in one pass."""
    if content_dir.is_symlink():
        message = "the folder of the pages is a symbolic link; it must be an ordinary folder"
        return [DataError(display, 1, 1, "", message)]
    blocks = {p.stem for p in partials_dir.glob("*.html")}
    files, errors = regular_files(content_dir, display)
    for path in files:
        name = f"{display}/{path.relative_to(content_dir).as_posix()}"
        limit = MAX_PAGE_BYTES if path.suffix == ".md" else MAX_PAGE_BYTES * 8
        try:
            raw = read_regular(path, limit, display.rsplit("/", 1)[-1])
        except NotRegular as err:
            errors.append(DataError(name, 1, 1, "", err.reason))
            continue
        if path.suffix == ".md":
            errors += check_page(raw, name, blocks)
        elif len(raw) > limit:
            errors.append(DataError(name, 1, 1, "", "the file is too large (over 2 MB)"))
    return sorted(set(errors))
