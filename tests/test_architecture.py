"""The shape of the package, guarded: imports point one way, and only one way.

Built on :mod:`ast` (nothing is imported to find the edges). Every ``import`` and
``from … import`` of ``kmp_analysis`` inside the package is an edge, of one of three
kinds: at module top, deferred into a function, or under ``if TYPE_CHECKING:``.

- no import cycle, counting runtime edges (top and deferred) and, separately, all
  edges including the type-only ones;
- no ``from kmp_analysis.x import _private`` across modules (a private module of a
  package may be imported by its siblings only);
- package edges follow the rule core <- io <- report <- batch <- cli, and sample
  depends on core only (type-only edges included: a name in a signature is a
  dependency too);
- every module the warm engine imports into its kernels exists (a stale name there
  would make every kernel cold without any test noticing).
"""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

import kmp_analysis

PACKAGE = Path(kmp_analysis.__file__).parent
ROOT = "kmp_analysis"

#: Which package may import which (besides itself). Modules at the top level are
#: the core, except the command line.
ALLOWED = {
    "core": {"core"},
    "io": {"core"},
    "sample": {"core"},
    "report": {"core", "io"},
    "batch": {"core", "io", "report"},
    "cli": {"core", "io", "sample", "report", "batch"},
}
#: Modules at the top level that are not the core.
FLAT_LAYER = {
    "cli": "cli",
    "__main__": "cli",
}


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    kind: str  # "top", "deferred" or "type"
    names: tuple[str, ...]  # what a ``from`` import takes (empty for ``import``)
    line: int

    @property
    def runtime(self) -> bool:
        return self.kind != "type"


def module_name(path: Path) -> str:
    parts = [ROOT, *path.relative_to(PACKAGE).with_suffix("").parts]
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}
PACKAGES = {name for name, p in MODULES.items() if p.name == "__init__.py"}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(tree: ast.AST):
    """(node, kind) for every import statement, with where it stands."""

    def walk(node: ast.AST, kind: str):
        for child in ast.iter_child_nodes(node):
            here = kind
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                here = "deferred" if kind == "top" else kind
            elif isinstance(child, ast.If) and _is_type_checking(child):
                for grandchild in child.body:
                    yield from _one(grandchild, "type")
                for grandchild in child.orelse:
                    yield from _one(grandchild, kind)
                continue
            yield from _one(child, here)

    def _one(node: ast.AST, kind: str):
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node, kind
        else:
            yield from walk(node, kind)

    yield from walk(tree, "top")


def _absolute(source: str, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    base = source.split(".")
    if source not in PACKAGES:  # a module: relative to its package
        base = base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def _with_parents(source: str, target: str) -> list[str]:
    """``target`` and the packages Python imports first to reach it (the root's
    lazy ``__init__`` and packages ``source`` itself lies in are left out)."""
    parts = target.split(".")
    found = []
    for i in range(2, len(parts)):
        parent = ".".join(parts[:i])
        if parent in PACKAGES and not (
            source == parent or source.startswith(parent + ".")
        ):
            found.append(parent)
    found.append(target)
    return found


def edges() -> list[Edge]:
    out = []
    for source, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node, kind in _imports(tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name.split(".")[0] == ROOT and alias.name != ROOT:
                        for target in _with_parents(source, alias.name):
                            out.append(Edge(source, target, kind, (), node.lineno))
                continue
            base = _absolute(source, node)
            if base.split(".")[0] != ROOT:
                continue
            names = tuple(a.name for a in node.names)
            targets = []
            for name in names:
                sub = f"{base}.{name}"
                targets.append(sub if sub in MODULES else base)
            for target in dict.fromkeys(targets):
                if target == ROOT:
                    continue
                for t in _with_parents(source, target):
                    out.append(Edge(source, t, kind, names, node.lineno))
    return [e for e in out if e.target != e.source and e.target in MODULES]


EDGES = edges()


def cycles(edge_list: list[Edge]) -> set[frozenset[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    graph: dict[str, set[str]] = {}
    for e in edge_list:
        graph.setdefault(e.source, set()).add(e.target)
        graph.setdefault(e.target, set())
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: set[frozenset[str]] = set()
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = set()
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.add(w)
                if w == v:
                    break
            if len(component) > 1:
                found.add(frozenset(component))

    for v in graph:
        if v not in index:
            visit(v)
    return found


def layer(module: str) -> str | None:
    parts = module.split(".")
    if len(parts) == 1:
        return None  # the root's lazy face: no import edges of its own
    if len(parts) == 2 and module not in PACKAGES:
        return FLAT_LAYER.get(parts[1], "core")
    top = parts[1]
    return top if top in ALLOWED else "core"


def _describe(found: set[frozenset[str]]) -> list[list[str]]:
    return sorted(sorted(c) for c in found)


def test_the_edges_are_found():
    """The finder sees imports of every kind (a finder that sees nothing would let
    every other test here pass)."""
    kinds = {e.kind for e in EDGES}
    assert kinds == {"top", "deferred", "type"}
    assert len({e.source for e in EDGES}) > 20


def test_no_runtime_import_cycle():
    assert _describe(cycles([e for e in EDGES if e.runtime])) == []


def test_no_import_cycle_counting_type_only_imports():
    assert _describe(cycles(EDGES)) == []


def test_no_private_name_imported_across_modules():
    found = set()
    for e in EDGES:
        for name in e.names:
            if not name.startswith("_") or name.startswith("__"):
                continue
            if e.target == e.source:
                continue
            own_package = e.source.rsplit(".", 1)[0]
            if f"{e.target}.{name}" in MODULES and (
                e.target == own_package or e.source == e.target
            ):
                continue  # a package's private module, from a sibling
            found.add((e.source, f"{e.target}.{name}"))
    for e in EDGES:  # import kmp_analysis.pkg._private from outside pkg
        private = [p for p in e.target.split(".") if p.startswith("_")]
        package = e.target.rsplit(".", 1)[0]
        inside = e.source == package or e.source.startswith(package + ".")
        if private and not private[0].startswith("__") and not inside:
            found.add((e.source, e.target))
    assert sorted(found) == []


def test_package_edges_point_one_way():
    found = set()
    for e in EDGES:
        source, target = layer(e.source), layer(e.target)
        if source is None or target is None or source == target:
            continue
        if target not in ALLOWED[source]:
            found.add((e.source, e.target))
    assert sorted(found) == []


def test_every_warm_import_imports():
    from kmp_analysis.batch import engine

    assert engine.WARM_IMPORTS
    for name in engine.WARM_IMPORTS:
        assert importlib.util.find_spec(name) is not None, name
        importlib.import_module(name)


def test_the_finder_on_planted_code():
    """Its own rules on made-up code: the kind of each import, and a planted cycle
    found as one component while a dangling edge is not."""
    code = (
        "import os\n"
        "from typing import TYPE_CHECKING\n"
        "from kmp_analysis.x import a\n"
        "if TYPE_CHECKING:\n"
        "    from kmp_analysis.y import b\n"
        "def f():\n"
        "    from kmp_analysis.z import c\n"
    )
    kinds = [(getattr(n, "module", None), k) for n, k in _imports(ast.parse(code))]
    assert kinds == [
        (None, "top"),
        ("typing", "top"),
        ("kmp_analysis.x", "top"),
        ("kmp_analysis.y", "type"),
        ("kmp_analysis.z", "deferred"),
    ]
    planted = [
        Edge("a", "b", "top", (), 1),
        Edge("b", "a", "deferred", (), 1),
        Edge("b", "c", "top", (), 1),
    ]
    assert cycles(planted) == {frozenset({"a", "b"})}


@pytest.mark.parametrize(
    ("modules", "absent"),
    [
        # what a brief and the summary say: numbers without a display
        (
            [
                "kmp_analysis.report.brief_content",
                "kmp_analysis.report.summary_content",
            ],
            ["IPython", "matplotlib", "folium", "ipywidgets"],
        ),
        # the batch answers an unchanged rerun before any data library loads
        (["kmp_analysis.batch", "kmp_analysis.cli"], ["pandas", "geopandas", "numpy"]),
    ],
)
def test_light_modules_stay_light(modules, absent):
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in modules)
        + f"print([m for m in {absent!r} if m in sys.modules])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
