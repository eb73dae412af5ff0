"""The modules of hooks/ import each other as a tree: no cycle, the library never imports a hook.

Every import statement counts, wherever it stands: at the top, inside a function, or under
``if TYPE_CHECKING:``, since each is a dependency a reader has to follow.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HOOKS = ROOT / "hooks"

Graph = dict[str, set[str]]


def module_names(root: Path) -> dict[str, Path]:
    """Dotted name -> file of every module below ``root`` (``sitegen.loader``)."""
    names = {}
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        if parts:
            names[".".join(parts)] = path
    return names


def _imported(node: ast.Import | ast.ImportFrom, module: str, is_package: bool) -> list[str]:
    """The dotted names an import statement may refer to (modules or names in them)."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if node.level:
        package = module.split(".") if is_package else module.split(".")[:-1]
        base = package[: len(package) - node.level + 1]
        prefix = ".".join([*base, node.module] if node.module else base)
    else:
        prefix = node.module or ""
    return [prefix] + [f"{prefix}.{alias.name}" if prefix else alias.name for alias in node.names]


def import_graph(root: Path) -> Graph:
    """Module -> the modules below ``root`` that it imports, from every import statement."""
    modules = module_names(root)
    graph: Graph = {}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        edges = graph.setdefault(name, set())
        for node in ast.walk(tree):  # every statement: top level, in functions, TYPE_CHECKING
            if isinstance(node, ast.Import | ast.ImportFrom):
                found = _imported(node, name, path.name == "__init__.py")
                edges.update(target for target in found if target in modules and target != name)
    return graph


def find_cycle(graph: Graph) -> list[str] | None:
    """One import cycle as a list of modules (the first repeated at the end), or None."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                return path[path.index(target) :] + [target]
            if target not in state and (cycle := visit(target)):
                return cycle
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_hooks_have_no_import_cycle() -> None:
    graph = import_graph(HOOKS)
    assert "sitegen.cross_checks" in graph["sitegen.loader"]  # the walk sees the imports at all
    assert "sitegen.sitedata" in graph["sitegen.cross_checks"]
    assert find_cycle(graph) is None, " -> ".join(find_cycle(graph) or [])


def test_the_library_never_imports_a_hook() -> None:
    graph = import_graph(HOOKS)
    hooks = {name for name in graph if "." not in name and name != "sitegen"}
    assert hooks >= {"load_data", "generate_pages", "theme_context"}
    wrong = {(name, target) for name, targets in graph.items() for target in targets & hooks}
    assert {(n, t) for n, t in wrong if n.startswith("sitegen.")} == set()


def test_a_cycle_is_found_wherever_its_imports_stand(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "data.py").write_text(
        "from __future__ import annotations\n"
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    from .rules import Rule\n"
    )
    (package / "rules.py").write_text("def check():\n    from pkg import loader\n")
    (package / "loader.py").write_text("import pkg.data\n")
    (package / "leaf.py").write_text("from . import data\n")
    graph = import_graph(tmp_path)
    assert graph["pkg.leaf"] == {"pkg", "pkg.data"}  # the package runs first
    assert find_cycle(graph) == ["pkg.data", "pkg.rules", "pkg.loader", "pkg.data"]
    (package / "loader.py").write_text("import json\n")
    assert find_cycle(import_graph(tmp_path)) is None


def _modules_loaded_by(code: str) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys; print(' '.join(sys.modules))"],
        cwd=ROOT,
        env={"PYTHONPATH": str(HOOKS)},
        capture_output=True,
        text=True,
        check=True,
    )
    return set(result.stdout.split())


def test_validation_needs_no_babel() -> None:
    """Checking the data (the pre-commit hook, CI's first step) loads no formatting library."""
    loaded = _modules_loaded_by("from sitegen.loader import load_data_dir; load_data_dir('data')")
    assert "sitegen.fee_checks" in loaded
    assert "babel" not in loaded
    assert "babel" in _modules_loaded_by("import sitegen.money")  # the check can fail
