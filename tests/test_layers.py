"""The code's layers: a ground floor for text that imports nothing above it, and no import cycle.

A cycle that works only because of import order (it once ran ingest → extract.dates → the extract
package → segment → ingest) breaks as soon as someone imports a module first that nobody did
before; a function-level import that hides one is still one. The graph is read from the source
(every import statement, at any depth), so nothing has to be imported to check it.
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"
PACKAGE = SRC / "factcheck"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}
PACKAGES = {name for name, p in MODULES.items() if p.name == "__init__.py"}


def imported(name: str) -> set[str]:
    """The factcheck modules `name` imports, with the subpackages that importing them runs first
    (importing factcheck.extract.dates runs factcheck/extract/__init__.py)."""
    path = MODULES[name]
    base = name if path.name == "__init__.py" else name.rpartition(".")[0]
    targets: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                anchor = base.split(".")[: len(base.split(".")) - node.level + 1]
                module = ".".join([*anchor, node.module] if node.module else anchor)
            else:
                module = node.module or ""
            targets.add(module)
            targets.update(f"{module}.{a.name}" for a in node.names if f"{module}.{a.name}" in MODULES)
    out: set[str] = set()
    for target in targets:
        if not target.startswith("factcheck"):
            continue
        parts = target.split(".")
        # Every enclosing package but the root one runs first (the root package's __init__ is where
        # the public API is gathered; it is always loaded before any submodule), unless the importer
        # is inside that package, which is then already loading.
        for i in range(2, len(parts) + 1):
            module = ".".join(parts[:i])
            inside = name == module or name.startswith(module + ".")
            if module in MODULES and (i == len(parts) or not inside):
                out.add(module)
    out.discard(name)
    return out


GRAPH = {name: imported(name) for name in MODULES}


def test_the_ground_floor_imports_nothing_above_it() -> None:
    floor = {name for name in MODULES if name == "factcheck.text" or name.startswith("factcheck.text.")}
    assert floor, "factcheck.text is the ground floor"
    above = {name: sorted(GRAPH[name] - floor) for name in floor if GRAPH[name] - floor}
    assert above == {}


def test_no_import_cycle() -> None:
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    cycles: list[list[str]] = []

    def visit(name: str, path: list[str]) -> None:
        state[name] = 1
        for nxt in sorted(GRAPH[name]):
            if nxt == "factcheck":
                continue
            if state.get(nxt) == 1:
                cycles.append([*path[path.index(nxt) :], nxt])
            elif nxt not in state:
                visit(nxt, [*path, nxt])
        state[name] = 2

    for name in sorted(GRAPH):
        if name not in state:
            visit(name, [name])
    assert cycles == []


def test_the_graph_sees_imports() -> None:
    # The check above is only as good as the graph: an import the reader missed would hide a cycle.
    assert "factcheck.text.dates" in GRAPH["factcheck.ingest"]
    assert (
        "factcheck.extract" in GRAPH["factcheck.extract.dates"]
        or "factcheck.extract.context" in GRAPH["factcheck.extract.dates"]
    )
    assert "factcheck.text.frontmatter" in GRAPH["factcheck.segment"]
    assert "factcheck.compare.align" in GRAPH["factcheck.compare.open_facts"]
    assert "factcheck.compare" in GRAPH["factcheck.pipeline"]
