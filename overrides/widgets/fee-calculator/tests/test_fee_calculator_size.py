"""The widget stays within its 8 KB gzipped budget, and the size script catches an overrun."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from fee_page import WIDGET

from scripts.widget_size import BUDGETS, main, measure


def test_fee_calculator_within_budget(capsys: pytest.CaptureFixture[str]) -> None:
    total = sum(gz for _, _, gz in measure(WIDGET))
    assert total <= BUDGETS["fee-calculator"] == 8 * 1024
    assert main([str(WIDGET.parent)], {"fee-calculator": BUDGETS["fee-calculator"]}) == 0
    assert f"fee-calculator: {total} bytes gzipped (budget 8.0 KB)" in capsys.readouterr().out


def test_size_script_fails_over_budget(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    widget = tmp_path / "fee-calculator"
    widget.mkdir()
    (widget / "fee-calculator.js").write_bytes(os.urandom(9 * 1024))  # does not compress
    (widget / "README.md").write_text("not shipped, not counted")
    assert main([str(tmp_path)]) == 1
    captured = capsys.readouterr()
    assert "README" not in captured.out
    assert "FAIL: fee-calculator is" in captured.err
