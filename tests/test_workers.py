"""The suite's two workers share what is made once per run (testsupport/workers.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from testsupport.workers import computed_once, made_once, run_last_at_the_end


class Factory:
    """A worker's temporary-path factory: its own folder below the run's shared one."""

    def __init__(self, run: Path, worker: str) -> None:
        self.base = run / f"popen-{worker}"
        self.base.mkdir(parents=True, exist_ok=True)

    def getbasetemp(self) -> Path:
        return self.base

    def mktemp(self, name: str) -> Path:
        folder = self.base / name
        folder.mkdir()
        return folder


def test_two_workers_make_it_once_and_see_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made: list[Path] = []

    def make(folder: Path) -> Path:
        made.append(folder)
        (folder / "site").mkdir()
        return folder / "site"

    monkeypatch.setenv("PYTEST_XDIST_WORKER", "gw0")
    first = made_once(Factory(tmp_path, "gw0"), "default-site", make)  # type: ignore[arg-type]
    monkeypatch.setenv("PYTEST_XDIST_WORKER", "gw1")
    second = made_once(Factory(tmp_path, "gw1"), "default-site", make)  # type: ignore[arg-type]
    assert first == second == tmp_path / "default-site" / "site"
    assert made == [tmp_path / "default-site"]
    counted = [computed_once(Factory(tmp_path, "gw1"), "n", lambda: len(made)) for _ in "ab"]
    assert counted == [1, 1]


def test_a_failed_make_leaves_nothing_for_the_other_worker(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(folder: Path) -> Path:
        raise AssertionError("the build failed")

    monkeypatch.setenv("PYTEST_XDIST_WORKER", "gw0")
    with pytest.raises(AssertionError, match="the build failed"):
        made_once(Factory(tmp_path, "gw0"), "default-site", fail)  # type: ignore[arg-type]
    monkeypatch.setenv("PYTEST_XDIST_WORKER", "gw1")
    made = made_once(Factory(tmp_path, "gw1"), "default-site", lambda f: f)  # type: ignore[arg-type]
    assert made == tmp_path / "default-site"


def test_alone_each_call_makes_its_own(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PYTEST_XDIST_WORKER", raising=False)
    factory = Factory(tmp_path, "alone")
    one = made_once(factory, "a", lambda f: f)  # type: ignore[arg-type]
    assert one == tmp_path / "popen-alone" / "a"


def test_the_files_that_read_the_walks_run_last() -> None:
    class Item:
        def __init__(self, nodeid: str) -> None:
            self.nodeid = nodeid

    ids = ["tests/test_focus_contrast.py::a", "tests/test_a.py::b", "tests/test_z.py::c"]
    items = [Item(i) for i in ids]
    run_last_at_the_end(items)  # type: ignore[arg-type]
    assert [i.nodeid for i in items] == [ids[1], ids[2], ids[0]]
