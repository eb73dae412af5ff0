"""Print each widget's size, raw and gzipped, and fail when a widget is over its budget.

Usage: python scripts/widget_size.py [WIDGETS_DIR]   (default: overrides/widgets)

Counts the files the site ships (.js and .css) of each widget folder; the budget is for the
gzipped total of a widget. Exit status 1 when any widget is over its budget.
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KB = 1024
# gzipped bytes; widgets not listed are only reported
BUDGETS = {"fee-calculator": 8 * KB, "search": 6 * KB}
SHIPPED = (".js", ".css")


def gzipped_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def measure(widget: Path) -> list[tuple[str, int, int]]:
    """(file name, raw bytes, gzipped bytes) for each shipped file of one widget."""
    files = sorted(p for p in widget.iterdir() if p.is_file() and p.suffix in SHIPPED)
    return [(p.name, len(p.read_bytes()), gzipped_size(p.read_bytes())) for p in files]


def main(argv: list[str] | None = None, budgets: dict[str, int] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    root = Path(args[0]) if args else ROOT / "overrides" / "widgets"
    budgets = BUDGETS if budgets is None else budgets
    over = []
    for widget in sorted(p for p in root.iterdir() if p.is_dir()):
        rows = measure(widget)
        if not rows:
            continue
        total = sum(gz for _, _, gz in rows)
        budget = budgets.get(widget.name)
        limit = f" (budget {budget / KB:.1f} KB)" if budget else ""
        print(f"{widget.name}: {total} bytes gzipped{limit}")
        for name, raw, gz in rows:
            print(f"  {name}: {raw} bytes raw, {gz} bytes gzipped")
        if budget and total > budget:
            over.append(f"{widget.name} is {total} bytes gzipped, over its {budget} byte budget")
    for line in over:
        print(f"FAIL: {line}", file=sys.stderr)
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
