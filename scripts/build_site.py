"""Build the site atomically: a failed build leaves the published folder exactly as it was.

The site is built with ``mkdocs build --strict`` into a fresh folder beside the target,
and only when that succeeds is it swapped in (the old site is kept as ``<out>.previous``
until the swap is complete, then removed). When a site was there before, the build's summary
lists what the new one removes from it: services, fees, phones and pages
(``sitegen/publish/removals.py``), so a half-saved data file cannot take a page off unseen.

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
        if out.is_dir():
            try:
                print(removals_summary(out, fresh, config))
            except Exception as err:  # the summary must never stop a good build
                print(f"(the list of removals could not be made: {err!r})", file=sys.stderr)
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


def removals_summary(old: Path, new: Path, config: Path) -> str:
    """What the new build lacks of the old one, in Latvian and English."""
    hooks = str(config.resolve().parent / "hooks")
    if hooks not in sys.path:
        sys.path.insert(0, hooks)
    from sitegen.publish import removals

    lines = removals.report(removals.inventory(old), removals.inventory(new))
    return removals.text(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("site"))
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"))
    args = parser.parse_args(argv)
    return build(args.out, args.config)


if __name__ == "__main__":
    sys.exit(main())
