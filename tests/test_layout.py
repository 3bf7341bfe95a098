"""The package's layout: no import cycles between its modules, and no oversized class or function."""

from __future__ import annotations

import ast
import importlib.util
from pathlib import Path

import nzus_analysis

PACKAGE = Path(nzus_analysis.__file__).parent
MAX_CLASS_LINES = 250
MAX_FUNCTION_LINES = 80


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, ast.Module]:
    return {module_name(path): ast.parse(path.read_text(encoding="utf-8")) for path in PACKAGE.rglob("*.py")}


def imported_modules(name: str, tree: ast.Module, known: set[str], is_package: bool = False) -> set[str]:
    """The package's modules that `tree` (module `name`) imports when it runs, relative imports
    resolved; imports under `if TYPE_CHECKING:` are left out."""
    found: set[str] = set()
    type_checking = {
        id(inner)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING"
        for inner in ast.walk(node)
    }
    package = name if is_package else name.rpartition(".")[0]
    for node in ast.walk(tree):
        if id(node) in type_checking:
            continue
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = importlib.util.resolve_name("." * node.level + (node.module or ""), package)
            for alias in node.names:  # "from pkg import submodule" imports the submodule
                submodule = f"{base}.{alias.name}"
                found.add(submodule if submodule in known else base)
    return {module for module in found if module in known and module != name}


def import_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The cycles a depth-first walk of `graph` (module -> modules it imports) meets."""
    state: dict[str, int] = {}  # 1 visiting, 2 done
    cycles: list[list[str]] = []

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append([*path[path.index(nxt) :], nxt])
            elif nxt not in state:
                visit(nxt, [*path, nxt])
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    return cycles


def test_no_import_cycles():
    trees = modules()
    known = set(trees)
    packages = {module_name(path) for path in PACKAGE.rglob("__init__.py")}
    graph = {name: imported_modules(name, tree, known, name in packages) for name, tree in trees.items()}
    assert graph["nzus_analysis.quotes.rules"] >= {"nzus_analysis.quotes.rules.according"}  # imports are seen
    cycles = import_cycles(graph)
    assert not cycles, "import cycles: " + "; ".join(" -> ".join(cycle) for cycle in cycles)


def test_cycle_finder_sees_a_cycle():
    known = {"nzus_analysis.a", "nzus_analysis.b", "nzus_analysis.pkg", "nzus_analysis.pkg.c"}
    a = ast.parse("from nzus_analysis.b import f")
    b = ast.parse("from .a import g")
    assert imported_modules("nzus_analysis.a", a, known) == {"nzus_analysis.b"}
    assert imported_modules("nzus_analysis.b", b, known) == {"nzus_analysis.a"}
    assert imported_modules("nzus_analysis.pkg", ast.parse("from . import c"), known, True) == {
        "nzus_analysis.pkg.c"
    }
    graph = {"nzus_analysis.a": {"nzus_analysis.b"}, "nzus_analysis.b": {"nzus_analysis.a"}}
    assert import_cycles(graph) == [["nzus_analysis.a", "nzus_analysis.b", "nzus_analysis.a"]]
    assert import_cycles({"nzus_analysis.a": {"nzus_analysis.b"}, "nzus_analysis.b": set()}) == []


def test_no_oversized_class_or_function():
    too_long = []
    for name, tree in modules().items():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
                limit = MAX_CLASS_LINES if isinstance(node, ast.ClassDef) else MAX_FUNCTION_LINES
                lines = node.end_lineno - node.lineno + 1
                if lines > limit:
                    too_long.append(f"{name}.{node.name}: {lines} lines (limit {limit})")
    assert not too_long, too_long


def test_every_subpackage_says_what_it_holds():
    for init in PACKAGE.rglob("__init__.py"):
        assert ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))), init
