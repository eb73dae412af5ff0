"""The modules of hooks/ import each other as a tree: no cycle, the library never imports a hook,
and the subpackages of ``hooks/sitegen/`` import in one direction only, by their layers.

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

# The subpackages of hooks/sitegen/, lowest layer first (the README's "Layout" is the map): a
# module imports its own subpackage and the layers below its own, never a layer above it nor
# another subpackage of its layer. Only ``__main__`` and the hooks above the package import
# anything, so nothing but they import ``pages``.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("base",),
    ("data",),
    ("text",),
    ("hours", "fees", "places", "speech", "search"),
    ("sitemap",),
    ("checks",),
    ("publish",),
    ("pages", "theme"),
)


def module_names(root: Path) -> dict[str, Path]:
    """Dotted name -> file of every module below ``root`` (``sitegen.checks.loader``)."""
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
    # the walk sees the imports at all
    assert "sitegen.checks.cross_checks" in graph["sitegen.checks.loader"]
    assert "sitegen.data.sitedata" in graph["sitegen.checks.cross_checks"]
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
    loaded = _modules_loaded_by(
        "from sitegen.checks.loader import load_data_dir; load_data_dir('data')"
    )
    assert "sitegen.fees.fee_checks" in loaded
    assert "babel" not in loaded
    assert "babel" in _modules_loaded_by("import sitegen.text.money")  # the check can fail


def layer_violations(
    graph: Graph, layers: tuple[tuple[str, ...], ...], package: str
) -> set[tuple[str, str]]:
    """(module, imported module) for every import that runs against the layers: into a higher
    layer, into another subpackage of the same layer, or from/to a subpackage not declared."""
    rank = {name: i for i, layer in enumerate(layers) for name in layer}
    wrong = set()
    for module, targets in graph.items():
        parts = module.split(".")
        if parts[0] != package or len(parts) < 3:  # hooks, the package, __main__: free
            continue
        for target in targets:
            below = target.split(".")
            if below[0] != package or len(below) < 2 or below[1] == parts[1]:
                continue
            if rank.get(parts[1], -1) <= rank.get(below[1], len(layers)):
                wrong.add((module, target))
    return wrong


def test_subpackages_import_only_from_lower_layers() -> None:
    graph = import_graph(HOOKS)
    assert "sitegen.sitemap.page_kinds" in graph["sitegen.checks.cross_checks"]  # seen at all
    wrong = layer_violations(graph, LAYERS, "sitegen")
    assert wrong == set(), "imports against the layers (tests/test_import_graph.py LAYERS)"


def test_every_module_lives_in_a_declared_layer() -> None:
    package = HOOKS / "sitegen"
    declared = {name for layer in LAYERS for name in layer}
    folders = {p.name for p in package.iterdir() if p.is_dir() and p.name != "__pycache__"}
    assert folders == declared
    assert {p.name for p in package.glob("*.py")} == {"__main__.py"}
    assert all((package / name / "__init__.py").is_file() for name in declared)


def test_a_layer_violation_is_found(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    for name in ("base", "text", "hours", "fees", "pages"):
        (package / name).mkdir(parents=True)
        (package / name / "__init__.py").write_text("")
    layers = (("base",), ("text",), ("hours", "fees"), ("pages",))
    (package / "__main__.py").write_text("from .pages import view\n")
    (package / "base" / "words.py").write_text("import json\n")
    (package / "text" / "money.py").write_text("from ..base import words\n")
    (package / "hours" / "opening.py").write_text("from ..text.money import x\n")
    (package / "pages" / "view.py").write_text("from ..hours import opening\n")
    assert layer_violations(import_graph(tmp_path), layers, "pkg") == set()
    (package / "base" / "words.py").write_text("def f():\n    from ..pages.view import v\n")
    (package / "hours" / "opening.py").write_text("from ..fees import rules\n")
    (package / "fees" / "rules.py").write_text("")
    (package / "text" / "money.py").write_text("from pkg.extra import thing\n")
    (package / "extra.py").write_text("")
    assert layer_violations(import_graph(tmp_path), layers, "pkg") == {
        ("pkg.base.words", "pkg.pages.view"),
        ("pkg.hours.opening", "pkg.fees"),
        ("pkg.hours.opening", "pkg.fees.rules"),
        ("pkg.text.money", "pkg.extra"),
    }


def test_the_readme_maps_every_layer_in_order() -> None:
    """The README's "Layout" lists the subpackages, one line each, lowest first."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Layout", 1)[1].split("\n## ", 1)[0]
    listed = [
        line.split("`")[1].removeprefix("sitegen/").rstrip("/")
        for line in section.splitlines()
        if line.startswith("| `sitegen/")
    ]
    assert listed == [name for layer in LAYERS for name in layer]
