"""The whole suite on two processes (``make test``: pytest-xdist, ``--dist loadfile``).

Tests go to the two workers file by file, so each file's module fixtures (a fixture site, a
served folder, the axe survey) are made once. What several files share is made once per run
whatever the number of workers: the first worker to need it makes it under a file lock, the
other waits and reads the same result (``made_once``, as pytest-xdist's documentation
shows), e.g. the default site and the keyboard walks; a file that reads what another file
makes first runs at the end (``RUN_LAST``), so its worker finds it made. The files go out in
the order collected (``--no-loadscope-reorder``: pytest-xdist would otherwise send the files
with the most tests first, and the walks' second reader came third and waited 23 s). (pytest-xdist's ``loadgroup`` would
send chosen files to one worker, but 3.8.0 renames nodes in a way pytest 9 no longer reads.)
"""

from __future__ import annotations

import os
import pickle
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest
from filelock import FileLock

T = TypeVar("T")

# files that read what another file makes first (the keyboard walks: test_accessibility.py
# walks before its axe survey), collected last so that the other worker does not wait for it
RUN_LAST = ("tests/test_focus_contrast.py",)


def run_last_at_the_end(items: list[pytest.Item]) -> None:
    """Move the tests of ``RUN_LAST`` to the end of the run, keeping every other order."""
    items.sort(key=lambda item: item.nodeid.split("::", 1)[0] in RUN_LAST)


def _shared_folder(factory: pytest.TempPathFactory) -> Path | None:
    """The folder all workers of this run share (the parent of their temporary folders),
    or None when the run has one process."""
    if os.environ.get("PYTEST_XDIST_WORKER") is None:
        return None
    return factory.getbasetemp().parent


def made_once(factory: pytest.TempPathFactory, name: str, make: Callable[[Path], Path]) -> Path:
    """``make(folder)`` once per run, returning the path of what it made below ``folder``:
    alone, in a fresh temporary folder; on several workers, in the shared folder, by the
    first worker that asks while the others wait on a file lock. A failed ``make`` leaves
    nothing for the others, who try again (and fail with the same message)."""
    shared = _shared_folder(factory)
    if shared is None:
        return make(factory.mktemp(name))
    folder, done = shared / name, shared / f"{name}.done"
    with FileLock(f"{folder}.lock"):
        if not done.is_file():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            made = make(folder)
            done.write_text(made.relative_to(folder).as_posix(), encoding="utf-8")
    return folder / done.read_text(encoding="utf-8")


def computed_once(factory: pytest.TempPathFactory, name: str, compute: Callable[[], T]) -> T:
    """``compute()`` once per run: on several workers the first that asks computes it and
    the others read its result (pickled) from the shared folder."""
    shared = _shared_folder(factory)
    if shared is None:
        return compute()
    stored = shared / f"{name}.pickle"
    with FileLock(f"{stored}.lock"):
        if not stored.is_file():
            stored.write_bytes(pickle.dumps(compute()))
    return pickle.loads(stored.read_bytes())
