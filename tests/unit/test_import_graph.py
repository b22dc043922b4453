"""The dependency rule, checked on the source: no import cycle among the project's modules, core never
imports tasks, ui, pages, infra or Streamlit, benches never import a test module (what they share with the
tests lives in testkit/), and the product never imports testkit or tests.

Read with `ast`, nothing is imported. Every import counts, also one inside a function (a lazy import is
still a cycle when it runs); only imports under `if TYPE_CHECKING:` are left out, as they never run.
"""

from __future__ import annotations

import ast
from collections.abc import Collection, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SKIP_DIRS = {".venv", ".data", ".git", "node_modules", "__pycache__", ".mypy_cache", ".pytest_cache", ".ruff_cache"}
CORE_MAY_NOT_IMPORT = ("tasks", "ui", "pages", "infra", "streamlit", "Home", "asgi")
PRODUCT = ("core", "db", "tasks", "ui", "pages", "infra", "Home", "asgi")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def project_modules() -> dict[str, Path]:
    modules: dict[str, Path] = {}
    for path in ROOT.rglob("*.py"):
        if SKIP_DIRS.intersection(path.relative_to(ROOT).parts):
            continue
        modules[module_name(path)] = path
    return modules


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _dynamic_import(node: ast.AST) -> str | None:
    """The module of `importlib.import_module("x")` or `__import__("x")` with a literal name."""
    if not isinstance(node, ast.Call) or not node.args or not isinstance(node.args[0], ast.Constant):
        return None
    func = node.func
    called = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    target = node.args[0].value
    return target if called in {"import_module", "__import__"} and isinstance(target, str) else None


def _import_nodes(node: ast.AST) -> Iterator[ast.Import | ast.ImportFrom | str]:
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.If) and _is_type_checking(child.test):
            for orelse in child.orelse:
                yield from _import_nodes(orelse)
            continue
        if isinstance(child, ast.Import | ast.ImportFrom):
            yield child
        elif (dynamic := _dynamic_import(child)) is not None:
            yield dynamic
        yield from _import_nodes(child)


def imported_names(name: str, path: Path, known: Collection[str] = ()) -> set[str]:
    """Every module this file imports, absolute (relative imports resolved), project or not.

    With `known` (the project's modules), `from pkg import submodule` names the submodule only: the package
    is merely its parent, whose `__init__` is already under way when one of its submodules is imported.
    """
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in _import_nodes(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, str):
            found.add(node)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        else:
            base = node.module or ""
            if node.level:
                parts = package.split(".") if package else []
                anchor = parts[: len(parts) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                found.add(sub)
                if sub not in known:
                    found.add(base)
    return found


def import_graph() -> dict[str, set[str]]:
    """Edges between the project's own modules (a name that is not a module, e.g. a function, drops out)."""
    modules = project_modules()
    return {
        name: imported_names(name, path, modules.keys()) & modules.keys() - {name} for name, path in modules.items()
    }


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle as a path that returns to its start, or None (iterative DFS: the graph has ~300 nodes)."""
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    for start in sorted(graph):
        if state.get(start):
            continue
        path = [start]
        stack = [iter(sorted(graph[start]))]
        state[start] = 1
        while stack:
            nxt = next(stack[-1], None)
            if nxt is None:
                state[path.pop()] = 2
                stack.pop()
            elif state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            elif not state.get(nxt):
                state[nxt] = 1
                path.append(nxt)
                stack.append(iter(sorted(graph.get(nxt, ()))))
    return None


def _top(name: str) -> str:
    return name.partition(".")[0]


def test_the_project_has_no_import_cycle() -> None:
    cycle = find_cycle(import_graph())
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_core_imports_no_process_or_interface_module() -> None:
    modules = project_modules()
    offending = sorted(
        f"{name} imports {imported}"
        for name, path in modules.items()
        if _top(name) == "core"
        for imported in imported_names(name, path)
        if _top(imported) in CORE_MAY_NOT_IMPORT
    )
    assert offending == []


def reaches_into_test_code(modules: dict[str, Path]) -> list[str]:
    """Benches importing a test module, and product modules importing testkit or tests."""
    return sorted(
        f"{name} imports {imported}"
        for name, path in modules.items()
        for imported in imported_names(name, path)
        if (_top(name) == "bench" and _top(imported) == "tests")
        or (_top(name) in PRODUCT and _top(imported) in ("testkit", "tests"))
    )


def test_benches_import_no_test_module_and_the_product_no_test_code() -> None:
    assert reaches_into_test_code(project_modules()) == []


def test_the_test_code_rule_finds_a_bench_or_product_import_of_test_code(tmp_path: Path) -> None:
    files = {
        "bench.probe": "def run():\n    from tests.integration.workbench_support import responder\n",
        "core.thing": "import testkit.fakes.upstream\n",
        "pages.9_Admin": "from tests import conftest\n",
        "bench.fine": "from testkit.support import reset_caches\n",
        "tests.unit.fine": "from testkit import workbench\n",
    }
    modules: dict[str, Path] = {}
    for name, source in files.items():
        path = tmp_path / f"{name}.py"
        path.write_text(source)
        modules[name] = path
    assert reaches_into_test_code(modules) == [
        "bench.probe imports tests.integration.workbench_support",
        "bench.probe imports tests.integration.workbench_support.responder",
        "core.thing imports testkit.fakes.upstream",
        "pages.9_Admin imports tests",
        "pages.9_Admin imports tests.conftest",
    ]


def test_the_cycle_check_finds_the_lazy_import_core_once_made() -> None:
    """Core's dispatcher once imported tasks.queues on first use: put that edge back and the check fails."""
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == ["a", "b", "c", "a"]
    graph = import_graph()
    graph["core.dispatch"].add("tasks.queues")
    cycle = find_cycle(graph)
    assert cycle is not None and "core.dispatch" in cycle and "tasks.queues" in cycle


def test_lazy_relative_and_type_checking_imports_are_read(tmp_path: Path) -> None:
    source = (
        "from typing import TYPE_CHECKING\n"
        "from . import sibling\n"
        "from ..other import thing\n"
        "def f():\n    import streamlit as st\n"
        "def g():\n    importlib.import_module('tasks.queues')\n"
    )
    path = tmp_path / "mod.py"
    path.write_text(source)
    names = imported_names("core.pkg.mod", path)
    assert {"core.pkg", "core.pkg.sibling", "core.other", "core.other.thing", "streamlit", "tasks.queues"} <= names
    type_checking_only = "if TYPE_CHECKING:\n    import tasks.queues\n"
    path.write_text(type_checking_only)
    assert "tasks.queues" not in imported_names("core.pkg.mod", path)
