"""Data errors shown on GitHub: annotations on the changed line, and a full list in the job summary.

Under GitHub Actions every ``DataError`` becomes a workflow command
``::error file=…,line=…,col=…,title=…::message`` that GitHub turns into an annotation on that
line of the pull request. GitHub shows at most 10 error annotations per step, so the full
list also goes to the job summary (the Markdown file named by ``$GITHUB_STEP_SUMMARY``).

Each message says the problem in Latvian first and English second (two lines of one
annotation), from the catalogue ``messages.yaml``.

Escaping follows GitHub's toolkit (``@actions/core`` ``command.ts``): in the message ``%``,
CR and LF are escaped; in properties also ``:`` and ``,``.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import PurePosixPath
from typing import TextIO

from ..base.errors import DataError
from ..base.messages import message

GITHUB_ANNOTATION_LIMIT = 10  # error annotations GitHub shows per step


def escape_data(text: str) -> str:
    """Escape a workflow command's message (the part after ``::``)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a workflow command's property value (``file=…``, ``title=…``)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def repo_path(file: str, workspace: str | None = None) -> str:
    """The file path as GitHub expects it: relative to the repository root, with ``/``."""
    path = file.replace("\\", "/")
    if workspace:
        root = workspace.replace("\\", "/").rstrip("/") + "/"
        if path.startswith(root):
            path = path[len(root) :]
    return str(PurePosixPath(path)) if path else path


def _title(error: DataError) -> str:
    title = (
        message("github.title_field", field=error.path) if error.path else message("github.title")
    )
    return f"{title.lv} / {title.en}"


def github_annotations(errors: list[DataError], workspace: str | None = None) -> str:
    """One ``::error`` workflow command per error, in file/line order, newline-terminated."""
    lines = []
    for error in sorted(errors):
        props = ",".join(
            f"{key}={escape_property(str(value))}"
            for key, value in (
                ("file", repo_path(error.file, workspace)),
                ("line", error.line),
                ("col", error.column),
                ("title", _title(error)),
            )
        )
        lines.append(f"::error {props}::{escape_data(error.text)}\n")
    return "".join(lines)


def _cell(text: str) -> str:
    """Text made safe for one cell of a Markdown table (no HTML, no column breaks)."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = text.replace("|", "\\|")
    return text.replace("\r\n", "<br>").replace("\n", "<br>").replace("\r", "<br>")


def job_summary(
    errors: list[DataError], link_base: str | None = None, workspace: str | None = None
) -> str:
    """A Markdown report of ALL errors for ``$GITHUB_STEP_SUMMARY``.

    ``link_base`` (e.g. ``https://github.com/owner/repo/blob/<sha>/``) turns each file into a
    link to the line on GitHub.
    """
    if not errors:
        none = message("github.summary_none")
        return f"{none.lv}\n\n{none.en}\n"
    count = len(errors)
    head = message("github.summary_head", count=count)
    out = [f"{head.lv}\n\n{head.en}\n", "\n"]
    if count > GITHUB_ANNOTATION_LIMIT:
        limit = message("github.summary_limit", limit=GITHUB_ANNOTATION_LIMIT, count=count)
        out.append(f"{limit.lv}<br>\n{limit.en}\n\n")
    columns = message("github.columns")
    heads = [
        f"{lv} / {en}"
        for lv, en in zip(columns.lv.split(" | "), columns.en.split(" | "), strict=True)
    ]
    out.append(f"| {' | '.join(heads)} |\n")
    out.append("| --- | ---: | ---: | --- | --- |\n")
    for error in sorted(errors):
        path = repo_path(error.file, workspace)
        where = _cell(path)
        if link_base:
            where = f"[{where}]({link_base}{path}#L{error.line})"
        field = f"`{_cell(error.path)}`" if error.path else "—"
        out.append(f"| {where} | {error.line} | {error.column} | {field} | {_cell(error.text)} |\n")
    return "".join(out)


def _link_base(env: Mapping[str, str]) -> str | None:
    server, repo, sha = (
        env.get(k) for k in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_SHA")
    )
    if server and repo and sha:
        return f"{server.rstrip('/')}/{repo}/blob/{sha}/"
    return None


def emit_for_github(
    errors: list[DataError],
    env: Mapping[str, str] = os.environ,
    stream: TextIO | None = None,
) -> bool:
    """Under GitHub Actions, print the annotations and append the summary; else do nothing.

    Returns True when it ran (``GITHUB_ACTIONS`` is ``"true"``).
    """
    if env.get("GITHUB_ACTIONS") != "true":
        return False
    workspace = env.get("GITHUB_WORKSPACE")
    out = stream if stream is not None else sys.stdout
    out.write(github_annotations(errors, workspace))
    out.flush()
    append_job_summary(job_summary(errors, _link_base(env), workspace), env)
    return True


def append_job_summary(markdown: str, env: Mapping[str, str] = os.environ) -> None:
    """Add ``markdown`` to the job summary (the file ``$GITHUB_STEP_SUMMARY`` names), if any."""
    summary_file = env.get("GITHUB_STEP_SUMMARY")
    if env.get("GITHUB_ACTIONS") == "true" and summary_file:
        with open(summary_file, "a", encoding="utf-8") as handle:
            handle.write(markdown)
