"""Command line: ``python -m sitegen validate|translations|schema|doubts``.

validate DIR       check the data; print every problem as file:line:column field: reason
translations DIR   list texts whose translation is missing or pending, with counts per file
schema DIR         write the JSON Schema files for editors into DIR
doubts DIR         list the editors' `verify:` notes, and pages not checked with the institution
facts SITE OUT     write the facts ledger of the built site SITE (data from ./data) into OUT
removed OLD NEW    list the services, fees, phones and pages OLD has and NEW lacks (each a
                   data folder or a built site)
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .base.errors import format_errors
from .base.messages import message
from .checks.content_pages import check_content
from .checks.data_lint import lint_data
from .checks.github_report import append_job_summary, emit_for_github
from .checks.loader import load_data_dir
from .checks.site_config import check_config_file
from .checks.translations import translation_report
from .data.schema import write_schemas
from .data.source_files import regular_files
from .pages.stub_files import content_collisions


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sitegen", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    for name in ("validate", "translations", "doubts"):
        cmd = sub.add_parser(name)
        cmd.add_argument("data_dir", type=Path)
    cmd = sub.add_parser("facts")
    cmd.add_argument("site_dir", type=Path)
    cmd.add_argument("out_dir", type=Path)
    cmd = sub.add_parser("removed")
    cmd.add_argument("old", type=Path)
    cmd.add_argument("new", type=Path)
    cmd = sub.add_parser("schema")
    cmd.add_argument("out_dir", type=Path)
    cmd.add_argument("--check", action="store_true", help="fail if the files are not up to date")
    args = parser.parse_args(argv)

    if args.command == "schema":
        stale = write_schemas(args.out_dir, check=args.check)
        if stale:
            print("JSON Schema files are out of date; run `make schema`:", *stale, sep="\n  ")
            return 1
        return 0

    if args.command == "doubts":
        return _doubts(args.data_dir)

    if args.command == "facts":
        return _facts(args.site_dir, args.out_dir)

    if args.command == "removed":
        return _removed(args.old, args.new)

    result = load_data_dir(args.data_dir, display_root=Path.cwd())
    if args.command == "translations":
        report = translation_report(result)
        print(report.text)
        append_job_summary(report.markdown + "\n")
        return 0

    errors = list(result.errors)
    if result.reads:
        errors = sorted(set(errors + lint_data(result.reads, args.data_dir.parent)))
    config_file = args.data_dir.parent / "mkdocs.yml"  # the configuration next to the data
    if config_file.is_file():
        errors += check_config_file(config_file, Path(os.path.relpath(config_file)).as_posix())
    content = args.data_dir.parent / "content"  # the hand-written pages next to the data
    if content.is_dir():
        shown = Path(os.path.relpath(content)).as_posix()
        errors += check_content(content, shown)
        if result.data is not None and not content.is_symlink():
            files = regular_files(content, shown)[0]
            names = [f"{shown}/{p.relative_to(content).as_posix()}" for p in files]
            errors += content_collisions(names, result.data)
    if errors:
        print(format_errors(errors), file=sys.stderr)
        emit_for_github(errors)  # annotations and job summary under GitHub Actions
        return 1
    valid = message("run.valid", count=len(result.files))
    print(valid.lv, valid.en, sep="\n")
    return 0


def _facts(site_dir: Path, out_dir: Path) -> int:
    from .publish.facts_ledger import write
    from .text.ui_strings import UI_STRINGS, load_ui_strings

    data = load_data_dir(Path("data")).data
    if data is None:
        print("The data is not valid: run `make validate`.", file=sys.stderr)
        return 1
    strings = load_ui_strings(UI_STRINGS)
    for path in write(site_dir, data, strings, out_dir):
        print(f"wrote {path}")
    return 0


def _doubts(data_dir: Path) -> int:
    import datetime as dt

    from .checks.doubts import find_doubts, stale_pages

    doubts = find_doubts(data_dir, Path.cwd())
    print(f"Editors' doubts (`verify:` notes): {len(doubts)}")
    for doubt in doubts:
        print(f"  {doubt}")
    result = load_data_dir(data_dir, display_root=Path.cwd())
    if result.data is None:
        print(format_errors(result.errors), file=sys.stderr)
        return 1
    stale = stale_pages(result.data, dt.date.today())
    print(f"Pages not checked with the institution in the last 12 months: {len(stale)}")
    for line in stale:
        print(f"  {line}")
    return 0


def _removed(old: Path, new: Path) -> int:
    """Print what NEW lacks of OLD; under GitHub Actions, a warning and the job summary.
    Exit 0: a removal may be meant; the list is for the people who review the change."""
    from .publish.removals import compare, inventory, markdown, report, text

    before, after = inventory(old), inventory(new)
    lines = report(before, after)
    print(text(lines))
    if os.environ.get("GITHUB_ACTIONS") == "true":
        if before.problem is None and after.problem is None and compare(before, after):
            count = len(lines) - 1
            print(
                f"::warning title=Removed from the site::{count} item(s) removed; see the summary"
            )
        append_job_summary(markdown(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
