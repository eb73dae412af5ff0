"""The widget (script and style) stays within its 2 KB gzipped budget; over it, the size
script fails."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from open_now_cases import HERE

from scripts.widget_size import BUDGETS, main, measure

WIDGET = HERE.parent


def test_open_now_within_budget(capsys: pytest.CaptureFixture[str]) -> None:
    total = sum(gz for _, _, gz in measure(WIDGET))
    assert total <= BUDGETS["open-now"] == 2 * 1024
    assert main([str(WIDGET.parent)], {"open-now": BUDGETS["open-now"]}) == 0
    assert f"open-now: {total} bytes gzipped (budget 2.0 KB)" in capsys.readouterr().out


def test_size_script_fails_over_budget(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    widget = tmp_path / "open-now"
    widget.mkdir()
    (widget / "open-now.js").write_bytes(os.urandom(3 * 1024))  # does not compress
    assert main([str(tmp_path)]) == 1
    assert "FAIL: open-now is" in capsys.readouterr().err
