"""The import graph of the project's packages: no import cycle between modules, the layers in order,
and the product never reaching into its tests or its test tools.

Every module under ``ontology``, ``ingest``, ``graph``, ``viz``, ``testkit`` and ``api`` is parsed
with ``ast``; every ``import`` counts, at the top or inside a function or ``if TYPE_CHECKING:``
block. An edge goes from a module to the project module it names (``from graph import rdf`` names
``graph.rdf``; ``from graph.rdf import export`` names ``graph.rdf``). Importing a submodule
also runs its package's ``__init__``, but that implicit edge is left out: a package ``__init__``
that re-exports its submodules is not a cycle.

Layers, each importing only leftwards (and itself)::

    ontology ← ingest ← graph ← viz ← api
                          ↖ testkit ↙

``testkit`` (synthetic corpus, test servers, scanned pages) may import ``ontology``, ``ingest`` and
``graph``, and ``api`` may import it; nothing below ``api`` imports ``testkit``, and nothing in the
packages imports ``tests``.
"""

import ast
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("ontology", "ingest", "graph", "viz", "testkit", "api")

# What each package may import (besides itself and the standard library and third-party packages).
ALLOWED: dict[str, frozenset[str]] = {
    "ontology": frozenset(),
    "ingest": frozenset({"ontology"}),
    "graph": frozenset({"ontology", "ingest"}),
    "viz": frozenset({"ontology", "ingest", "graph"}),
    "testkit": frozenset({"ontology", "ingest", "graph"}),
    "api": frozenset({"ontology", "ingest", "graph", "viz", "testkit"}),
}
# Test-only code the packages below api must never import.
TEST_ONLY = ("tests", "testkit")

# Import cycles known and accepted for now: each entry is the set of modules of one cycle, with the
# reason. Empty: there is no cycle between modules. A cycle inside the files of the store refactor
# (graph/store.py, gaps.py, lineage.py, neo4j_store.py, build.py, api/app.py) would be listed here
# with the reason "being removed in #12 store refactor" rather than fixed outside that work.
ALLOWED_CYCLES: dict[frozenset[str], str] = {}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for pkg in PACKAGES for p in sorted((ROOT / pkg).rglob("*.py"))}


def _imported(module: str, path: Path, tree: ast.AST, known: set[str]) -> Iterator[tuple[str, int]]:
    """(imported name, line) for every import in the tree: project modules resolved to the module
    they name, anything else by its full dotted name."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base_parts = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*base_parts, *([node.module] if node.module else [])])
            else:
                base = node.module or ""
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                yield (sub if sub in known else base), node.lineno


def _project_target(name: str, known: set[str]) -> str | None:
    """The project module an imported name runs: itself, or the nearest known parent."""
    while name:
        if name in known:
            return name
        name = name.rpartition(".")[0]
    return None


def _graph() -> tuple[nx.DiGraph, list[tuple[str, str, int]]]:
    """The module import graph (edges carry the line numbers) and every import of ``tests`` or
    ``testkit`` made by a module, as (module, imported name, line)."""
    modules = _modules()
    known = set(modules)
    G = nx.DiGraph()
    G.add_nodes_from(known)
    test_imports: list[tuple[str, str, int]] = []
    for module, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for name, line in _imported(module, path, tree, known):
            if name.split(".")[0] in TEST_ONLY:
                test_imports.append((module, name, line))
            target = _project_target(name, known)
            if target is not None and target != module:
                G.add_edge(module, target)
                G.edges[module, target].setdefault("lines", []).append(line)
    return G, test_imports


def _where(G: nx.DiGraph, u: str, v: str) -> str:
    lines = ", ".join(str(n) for n in sorted(set(G.edges[u, v]["lines"])))
    return f"{u} -> {v} (line {lines})"


@pytest.fixture(scope="module")
def import_graph() -> tuple[nx.DiGraph, list[tuple[str, str, int]]]:
    return _graph()


def test_every_package_is_parsed(import_graph: tuple[nx.DiGraph, list[tuple[str, str, int]]]) -> None:
    G, _ = import_graph
    assert {n.split(".")[0] for n in G} == set(PACKAGES)
    assert G.number_of_edges() > 100  # the parser does find the imports


def test_no_import_cycle_between_modules(
    import_graph: tuple[nx.DiGraph, list[tuple[str, str, int]]],
) -> None:
    G, _ = import_graph
    offending = []
    for cycle in nx.simple_cycles(G):
        if frozenset(cycle) in ALLOWED_CYCLES:
            continue
        edges = [_where(G, u, v) for u, v in zip(cycle, [*cycle[1:], cycle[0]], strict=True)]
        offending.append("cycle: " + "; ".join(edges))
    print("\n".join(offending))
    assert not offending, "import cycles between modules:\n" + "\n".join(offending)


def test_allowed_cycles_still_exist(import_graph: tuple[nx.DiGraph, list[tuple[str, str, int]]]) -> None:
    """An allow-listed cycle that is gone must leave the list."""
    G, _ = import_graph
    cycles = {frozenset(c) for c in nx.simple_cycles(G)}
    assert set(ALLOWED_CYCLES) <= cycles, (
        f"cycles gone, remove them from ALLOWED_CYCLES: {set(ALLOWED_CYCLES) - cycles}"
    )


def test_packages_import_only_lower_layers(
    import_graph: tuple[nx.DiGraph, list[tuple[str, str, int]]],
) -> None:
    G, _ = import_graph
    offending = [
        _where(G, u, v)
        for u, v in sorted(G.edges)
        if (src := u.split(".")[0]) != (dst := v.split(".")[0]) and dst not in ALLOWED[src]
    ]
    print("\n".join(offending))
    assert not offending, "imports against the layers ontology ← ingest ← graph ← viz ← api:\n" + "\n".join(
        offending
    )


def test_the_product_never_imports_tests_or_testkit(
    import_graph: tuple[nx.DiGraph, list[tuple[str, str, int]]],
) -> None:
    """Nothing imports ``tests``; nothing under ontology, ingest, graph or viz imports ``testkit``."""
    _, test_imports = import_graph
    offending = [
        f"{module} -> {name} (line {line})"
        for module, name, line in test_imports
        if name.split(".")[0] == "tests" or module.split(".")[0] not in ("testkit", "api")
    ]
    print("\n".join(offending))
    assert not offending, "the product imports test code:\n" + "\n".join(offending)


def test_no_module_names_the_tests_folder() -> None:
    """A path built as ``ROOT / "tests" / …`` reads the test folder as data (the demo corpus lives in
    the top-level ``corpus/``)."""
    offending = [
        f"{module} (line {node.lineno})"
        for module, path in _modules().items()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Constant) and node.value == "tests"
    ]
    assert not offending, "modules that name the tests folder:\n" + "\n".join(offending)
