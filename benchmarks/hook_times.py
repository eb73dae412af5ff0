"""Where a build's time goes: one MkDocs build with every event handler of every hook and
plugin timed.

MkDocs runs a plugin's or hook's ``on_<event>`` functions through
``PluginCollection.run_event``; this script wraps that method before it starts MkDocs, so each
handler's time is added to its ``(hook, event)`` row. A handler's time is its own: time spent
in handlers it runs itself (mkdocs-static-i18n's ``on_post_build`` builds the other language,
firing every event again) counts for those, and what is left of it is MkDocs and the theme
building that language. The rest of the build (reading files, Markdown, writing pages) is the
wall time less every handler. Nothing of the project is changed or needed for this.

    python benchmarks/hook_times.py -f mkdocs.yml            # prints the table
    python benchmarks/hook_times.py --json times.json -f mkdocs.yml -q --clean

Any other arguments are passed to ``mkdocs build``. ``benchmarks/build_time.py`` builds the
data sites through this script and prints the table of its largest build.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

Row = tuple[str, str]  # (hook or plugin, event)


class HookTimer:
    """Seconds and calls per ``(hook, event)``, each handler's own time (nested handlers not
    counted twice)."""

    def __init__(self) -> None:
        self.seconds: dict[Row, float] = {}
        self.calls: dict[Row, int] = {}
        self._stack: list[float] = []  # time taken by nested handlers, per running handler

    def timed(self, row: Row, call: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        self._stack.append(0.0)
        start = time.perf_counter()
        try:
            return call(*args, **kwargs)
        finally:
            elapsed = time.perf_counter() - start
            nested = self._stack.pop()
            if self._stack:
                self._stack[-1] += elapsed
            self.seconds[row] = self.seconds.get(row, 0.0) + elapsed - nested
            self.calls[row] = self.calls.get(row, 0) + 1

    def as_json(self) -> list[dict[str, Any]]:
        return [
            {"hook": hook, "event": event, "seconds": seconds, "calls": self.calls[(hook, event)]}
            for (hook, event), seconds in sorted(self.seconds.items(), key=lambda kv: -kv[1])
        ]


@contextmanager
def timing(timer: HookTimer) -> Iterator[None]:
    """MkDocs' ``PluginCollection.run_event`` with every handler timed, inside the block."""
    from mkdocs.plugins import PluginCollection

    original = PluginCollection.run_event

    def run_event(self: PluginCollection, name: str, item: Any = None, **kwargs: Any) -> Any:
        pass_item = item is not None
        for method in self.events[name]:
            origin = self._event_origins.get(method, "<unknown>")
            self._current_plugin = origin
            args = (item,) if pass_item else ()
            result = timer.timed((origin, name), method, *args, **kwargs)
            if result is not None:
                item = result
        self._current_plugin = None
        return item

    PluginCollection.run_event = run_event  # type: ignore[method-assign]
    try:
        yield
    finally:
        PluginCollection.run_event = original  # type: ignore[method-assign]


def table(rows: list[dict[str, Any]], wall: float, limit: int = 25) -> str:
    """The hooks' times, slowest first: one line per hook (its events summed) with its
    slowest events, and the rest of the build."""
    by_hook: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_hook.setdefault(row["hook"], []).append(row)
    totals = sorted(by_hook.items(), key=lambda kv: -sum(r["seconds"] for r in kv[1]))
    lines = [f"{'hook / plugin':<32} | {'s':>6} | events (s, calls)", "-" * 78]
    handled = 0.0
    for hook, events in totals[:limit]:
        total = sum(r["seconds"] for r in events)
        handled += total
        parts = ", ".join(
            f"{r['event']} {r['seconds']:.2f} ({r['calls']})"
            for r in sorted(events, key=lambda r: -r["seconds"])[:3]
            if r["seconds"] >= 0.005
        )
        lines.append(f"{hook:<32} | {total:6.2f} | {parts}")
    handled += sum(r["seconds"] for _, events in totals[limit:] for r in events)
    lines.append(f"{'MkDocs, Markdown, theme (rest)':<32} | {wall - handled:6.2f} |")
    lines.append(f"{'whole build':<32} | {wall:6.2f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="write the times here instead of printing")
    args, build_args = parser.parse_known_args(argv)
    from mkdocs.__main__ import cli

    timer = HookTimer()
    start = time.perf_counter()
    code: Any = 0
    with timing(timer):
        try:
            cli.main(["build", *build_args], prog_name="mkdocs")
        except SystemExit as stop:  # click ends with it, 0 or the failed build's code
            code = stop.code or 0
    if code:
        return int(code) if isinstance(code, int) else 1
    wall = time.perf_counter() - start
    if args.json:
        args.json.write_text(json.dumps({"wall": wall, "rows": timer.as_json()}, indent=1))
    else:
        print(table(timer.as_json(), wall))
    return 0


if __name__ == "__main__":
    sys.exit(main())
