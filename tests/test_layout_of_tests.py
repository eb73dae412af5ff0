"""How the tests are laid out: markers follow the fixtures, a whole-site build goes through the
``sites`` fixture (so ``make test-fast`` leaves it out), and a widget's tests import nothing
from tests/ (each widget folder holds its own tests; what they share is in testsupport/)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from testsupport.markers import (
    BROWSER_FIXTURES,
    BUILD_FIXTURES,
    RERUN_FIXTURES,
    TOOL_FIXTURES,
    left_out,
    markers_of,
)

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"
WIDGET_TESTS = sorted((ROOT / "overrides" / "widgets").glob("*/tests"))
# modules that live in tests/ (importable there by name), and the folder as a package
TESTS_MODULES = {p.stem for p in TESTS.glob("*.py")} | {"tests"}


def layout_problems(name: str, source: str, *, widget: bool) -> list[str]:
    """What is wrong with the imports of one test module (``name`` is for the messages)."""
    problems = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module:
            modules = [node.module]
            if node.module == "sitebuild" and {a.name for a in node.names} & {
                "build",
                "make_project",
            }:
                problems.append(
                    f"{name}:{node.lineno}: builds a site without the `sites` fixture, "
                    "so it is not marked `build` and make test-fast would run it"
                )
        elif isinstance(node, ast.Import):
            modules = [a.name for a in node.names]
        elif isinstance(node, ast.Attribute) and node.attr == "getfixturevalue":
            problems.append(
                f"{name}:{node.lineno}: asks for a fixture through getfixturevalue, which the "
                "markers do not see (a build or a browser would run in make test-fast)"
            )
            continue
        else:
            continue
        for module in modules:
            if widget and module.split(".")[0] in TESTS_MODULES:
                problems.append(f"{name}:{node.lineno}: a widget test imports {module} from tests/")
    return problems


def _test_modules() -> list[tuple[Path, bool]]:
    found = [(p, False) for p in TESTS.rglob("*.py")]
    found += [(p, True) for folder in WIDGET_TESTS for p in folder.rglob("*.py")]
    return sorted(found)


def test_every_test_module_is_laid_out_right() -> None:
    assert len(WIDGET_TESTS) >= 2  # fee-calculator and listen
    problems = [
        problem
        for path, widget in _test_modules()
        for problem in layout_problems(
            path.relative_to(ROOT).as_posix(), path.read_text(encoding="utf-8"), widget=widget
        )
    ]
    assert problems == []


@pytest.mark.parametrize(
    ("source", "widget", "wrong"),
    [
        ("from sitebuild import build, built_pages\n", False, "without the `sites` fixture"),
        ("from sitebuild import make_project\n", False, "without the `sites` fixture"),
        ("from sitebuild import built_pages\n", True, "imports sitebuild from tests/"),
        ("from tests.browser import serve_directory\n", True, "imports tests.browser"),
        ("from tests import fee_fixture as fx\n", True, "imports tests from tests/"),
        ("import htmltree\n", True, "imports htmltree"),
        ("from conftest import edit\n", True, "imports conftest"),
        ("site = request.getfixturevalue('default_site')\n", False, "getfixturevalue"),
    ],
)
def test_the_layout_check_finds_what_is_wrong(source: str, widget: bool, wrong: str) -> None:
    problems = layout_problems("x.py", source, widget=widget)
    assert len(problems) == 1 and wrong in problems[0], problems


def test_what_is_allowed() -> None:
    widget = "from testsupport.browser import serve_directory\nimport fee_cases\n"
    assert layout_problems("x.py", widget, widget=True) == []
    tests = "from sitebuild import built_pages\nfrom conftest import edit\n"
    assert layout_problems("x.py", tests, widget=False) == []


def test_markers_follow_the_fixtures() -> None:
    assert markers_of(["tmp_path", "fixture_data"]) == ["unit"]
    assert markers_of(["default_site", "sites", "tmp_path_factory"]) == ["build"]
    assert markers_of(["open_page", "chromium"]) == ["browser", "chromium"]
    assert markers_of(["mini_site", "chromium", "espeak_ng"]) == [
        "build",
        "browser",
        "chromium",
        "espeak_ng",
    ]
    assert markers_of(["tmp_path", "actionlint"]) == ["actionlint"]
    assert markers_of(["default_site", "sites", "vnu"]) == ["build", "vnu"]
    assert markers_of(["tmp_path_factory", "rerun_tests"]) == ["rerun"]


def test_what_a_run_left_out_is_counted_by_marker() -> None:
    assert left_out([]) == "left out: nothing"
    line = left_out([["build"], ["browser", "chromium"], ["actionlint"], ["build", "vnu"]])
    assert line == "left out: 4 tests (build 2, browser 1, chromium 1, actionlint 1, vnu 1)"


def test_the_marking_fixtures_exist() -> None:
    """A renamed fixture would silently turn its tests into `unit` ones: each name the markers
    look for is a fixture defined in a conftest or test module."""
    defined = set()
    for path, _ in _test_modules() + [(ROOT / "conftest.py", False)]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef) and any(
                "fixture" in ast.unparse(d) for d in node.decorator_list
            ):
                defined.add(node.name)
    wanted = BUILD_FIXTURES | BROWSER_FIXTURES | RERUN_FIXTURES | set(TOOL_FIXTURES)
    assert defined >= wanted, wanted - defined
