"""Write a copy of data/ with a communications officer's everyday edits in it, and say what
changed where (testsupport/edited_copy.py: a price, a phone, a new service, the seasons'
dates, office hours; each found by the data's structure).

    .venv/bin/python scripts/edited_copy.py build/edited          # writes build/edited/data
    SITEGEN_TEST_DATA=build/edited/data .venv/bin/pytest ...      # the tests on the copy

`make test-edited` does both and runs every test on the copy.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from testsupport.edited_copy import edited_copy  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder to write; the copy goes to OUT/data")
    parser.add_argument("--data", type=Path, default=ROOT / "data", help="the data to copy")
    args = parser.parse_args(argv)
    target = args.out / "data"
    if target.exists():
        shutil.rmtree(target)
    args.out.mkdir(parents=True, exist_ok=True)
    for edit in edited_copy(args.data, target):
        print(edit)
    print(f"SITEGEN_TEST_DATA={target.resolve()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
