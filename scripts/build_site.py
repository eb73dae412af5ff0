"""Build the site atomically: a failed build leaves the published folder exactly as it was.

The site is built with ``mkdocs build --strict`` into a fresh folder beside the target,
and only when that succeeds is it swapped in (the old site is kept as ``<out>.previous``
until the swap is complete, then removed).

    python scripts/build_site.py --out site [--config mkdocs.yml]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def build(out: Path, config: Path) -> int:
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=f".{out.name}.building-", dir=out.parent))
    try:
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean"]
        command += ["--config-file", str(config), "--site-dir", str(fresh)]
        if subprocess.run(command).returncode != 0:
            print(f"Build failed: {out} was left exactly as it was.", file=sys.stderr)
            return 1
        previous = out.with_name(out.name + ".previous")
        shutil.rmtree(previous, ignore_errors=True)
        if out.exists():
            out.rename(previous)
        fresh.rename(out)
        shutil.rmtree(previous, ignore_errors=True)
        print(f"Site written to {out}")
        return 0
    finally:
        shutil.rmtree(fresh, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("site"))
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"))
    args = parser.parse_args(argv)
    return build(args.out, args.config)


if __name__ == "__main__":
    sys.exit(main())
