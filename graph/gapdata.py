"""What the gap engine reads, and how a store hands it over without rebuilding the world.

The rules of ``graph.gaps`` read one small structure, :class:`GapGraph`: the documents they look
at, their edges by relation in both directions, deadlines, and the evidence of an edge on demand.
It is made in one of two ways:

* :func:`from_networkx`: over the whole networkx view (exports, tests, a graph already in memory);
* :func:`load_scope`: from a store through a :class:`ScopeReader`, a few batched reads that any
  backend answers from its indexes (SQLite tables, Cypher on Neo4j). For a province it reads that
  province's documents, every edge out of them and into them, the documents at their other ends,
  and the chain of bases above them up to the roots; the national answer reads everything.

Both hold the same facts for the documents of the scope, so the rules give the same rows either
way (``tests/graph/test_store_contract.py`` holds every backend to it).
"""

from collections.abc import Callable, Collection, Iterable, Mapping
from typing import Any, Protocol, cast

import networkx as nx

from graph.records import DeadlineJSON
from ingest.gazetteer import current_province_name, fold
from ontology.provinces import UNKNOWN_PROVINCE

__all__ = [
    "PLAN_TYPES",
    "REPORT_TYPE",
    "Deadline",
    "Edge",
    "GapGraph",
    "NodeAttrs",
    "ScopeCache",
    "ScopeReader",
    "from_networkx",
    "load_scope",
]

PLAN_TYPES = frozenset({"Kế hoạch", "Chương trình", "Đề án", "Phương án"})
REPORT_TYPE = "Báo cáo"

# A document as the graph holds it: ``graph.build.NODE_FIELDS`` plus status, catalog, ambiguous,
# sources, recipients, signer (``graph.build.ingested_node`` / ``cited_node``).
NodeAttrs = dict[str, Any]
# (source key, target key, relation): one per relation between two documents.
Edge = tuple[str, str, str]
# A report deadline read from a document: path, document, date, assignee, report_due, evidence.
Deadline = DeadlineJSON


class ScopeReader(Protocol):
    """The reads a store offers the gap engine: each takes a batch of keys, none the whole graph."""

    def scope_documents(self, province: str | None) -> list[str]:
        """Keys of the ingested documents of a current province (every one when ``None``; those
        whose province could not be read when ``""``)."""
        ...

    def node_attrs(self, keys: Collection[str]) -> dict[str, NodeAttrs]:
        """The nodes of ``keys`` (those that exist), as the networkx view would hold them."""
        ...

    def edges_from(self, keys: Collection[str], relations: Collection[str] | None = None) -> list[Edge]:
        """The edges out of ``keys`` (of ``relations``, or all)."""
        ...

    def edges_into(self, keys: Collection[str], relations: Collection[str] | None = None) -> list[Edge]:
        """The edges into ``keys`` (of ``relations``, or all)."""
        ...

    def edge_evidence(self, source: str, target: str, relation: str) -> list[dict[str, Any]]:
        """The evidence of one edge, in path order."""
        ...

    def deadlines_of(self, keys: Collection[str]) -> list[Deadline]:
        """The report deadlines read from the documents ``keys``."""
        ...

    def central_nodes(self) -> dict[str, NodeAttrs]:
        """Every central document, ingested or cited (a few thousand at most)."""
        ...

    def implemented_keys(self, keys: Collection[str]) -> set[str]:
        """Those of ``keys`` that some document implements."""
        ...


class GapGraph:
    """The facts the gap rules read, in dictionaries built once: node attributes, edges by
    relation both ways, plans and reports, documents by province, deadlines by document, and
    lazily the per-relation lookups of ``graph.gaps`` (kept here so that they live as long as
    the facts they were computed from)."""

    def __init__(
        self,
        node: dict[str, NodeAttrs],
        edges: Iterable[Edge],
        deadlines: Iterable[Deadline],
        evidence: Callable[[str, str, str], list[dict[str, Any]]],
        central: Mapping[str, NodeAttrs] | None = None,
        implemented: Collection[str] | None = None,
    ) -> None:
        self.node = node
        self.out: dict[str, dict[str, list[str]]] = {}
        self.into: dict[str, dict[str, list[str]]] = {}
        for u, v, rel in edges:  # one edge per (u, v, relation): no duplicates
            self.out.setdefault(rel, {}).setdefault(u, []).append(v)
            self.into.setdefault(rel, {}).setdefault(v, []).append(u)
        for by_node in (*self.out.values(), *self.into.values()):
            for ends in by_node.values():
                ends.sort()
        self.by_province: dict[str, list[str]] = {}
        self.plans: set[str] = set()
        self.reports: set[str] = set()
        for n, a in self.node.items():
            if a["status"] != "ingested":
                continue
            self.by_province.setdefault(fold(a.get("province") or ""), []).append(n)
            if a.get("doc_type") in PLAN_TYPES and a.get("level") != "central":
                self.plans.add(n)
            elif a.get("doc_type") == REPORT_TYPE:
                self.reports.add(n)
        self.deadlines: dict[str, list[Deadline]] = {}
        for d in deadlines:
            self.deadlines.setdefault(d["document"], []).append(d)
        self._evidence = evidence
        self.central: dict[str, NodeAttrs] = (
            dict(central)
            if central is not None
            else {n: a for n, a in self.node.items() if a.get("level") == "central"}
        )
        self.implemented: Collection[str] = (
            implemented if implemented is not None else self.into.get("implements", {}).keys()
        )
        # Filled by the rules on first use.
        self.units: dict[str, tuple[str, str]] = {}
        self.sources: dict[tuple[str, str], dict[tuple[str, Any], set[str]]] = {}
        self.reaching_central: set[str] | None = None
        self.coverage: dict[str, list[Any]] = {}

    def documents_of(self, province: str) -> list[tuple[str, NodeAttrs]]:
        """The ingested documents whose folded province is ``province`` ("" : unknown), with attributes."""
        return [(n, self.node[n]) for n in self.by_province.get(province, [])]

    def out_degree(self, n: str) -> int:
        """Edges out of ``n``, of every relation."""
        return sum(len(by_node.get(n, ())) for by_node in self.out.values())

    def successors(self, n: str) -> set[str]:
        """The documents ``n`` has an edge to, of any relation."""
        return {v for by_node in self.out.values() for v in by_node.get(n, ())}

    def evidence(self, u: str, v: str, rel: str) -> list[dict[str, Any]]:
        """The first three pieces of evidence of the edge (what a gap row shows)."""
        return list(self._evidence(u, v, rel)[:3])


class ScopeCache:
    """The last few scopes a store read, for one state of the store (its generation)."""

    def __init__(self, size: int = 4) -> None:
        self.size = size
        self.state: str | None = None
        self.scopes: dict[str | None, GapGraph] = {}

    def get(self, state: str, province: str | None, load: Callable[[], GapGraph]) -> GapGraph:
        if state != self.state:
            self.state, self.scopes = state, {}
        hit = self.scopes.get(province)
        if hit is None:
            hit = load()
            if len(self.scopes) >= self.size:
                self.scopes.pop(next(iter(self.scopes)))
            self.scopes[province] = hit
        return hit


def from_networkx(G: nx.MultiDiGraph, deadlines: Iterable[Deadline] | None = None) -> GapGraph:
    """The gap facts of a whole networkx view and its ``deadlines`` (``None``: whatever deadlines
    were given before, for questions that do not read them). Kept on the graph
    (``G.graph["_gap_index"]``) for the same deadlines object: the store builds a new graph when it
    changes, so they never outlive it."""
    cached = G.graph.get("_gap_index")
    if cached is not None and (deadlines is None or cached[0] is deadlines):
        return cast(GapGraph, cached[1])
    made = GapGraph(
        dict(G.nodes(data=True)),
        G.edges(keys=True),
        deadlines if deadlines is not None else (),
        lambda u, v, rel: list(G.edges[u, v, rel]["evidence"]),
    )
    G.graph["_gap_index"] = (deadlines, made)
    return made


def load_scope(reader: ScopeReader, province: str | None) -> GapGraph:
    """The gap facts of one province (current or old name), or of the whole store, read through
    ``reader`` in batches: the province's documents; every edge out of them and into them; the
    documents at the other ends; the bases above, followed up to the roots (the chain rules and
    coverage look that far); the central documents and which of them are implemented."""
    unknown = province == UNKNOWN_PROVINCE
    # The documents of a current province, of every one (None), or whose province is unknown ("").
    scope = reader.scope_documents(
        "" if unknown else current_province_name(province) or province if province else None
    )
    node = reader.node_attrs(scope)
    edges: set[Edge] = set(reader.edges_from(scope))
    if province is not None:  # nationally every edge is already out of a document of the scope
        edges |= set(reader.edges_into(scope, ("implements", "reports_on")))
    node.update(reader.node_attrs({k for u, v, _ in edges for k in (u, v)} - node.keys()))
    if unknown:
        # A letter whose province is unknown is answered from anywhere: read who answers what it urges.
        urged = {v for _, v, rel in edges if rel == "urges"}
        answering = set(reader.edges_into(urged, ("implements", "reports_on")))
        edges |= answering
        node.update(reader.node_attrs({u for u, _, _ in answering} - node.keys()))
    if province is not None:
        # Upward along ``implements``: the bases of the bases, to the roots.
        seen = set(scope)
        frontier = {v for _, v, rel in edges if rel == "implements"} - seen
        while frontier:
            seen |= frontier
            step = reader.edges_from(frontier, ("implements",))
            edges.update(step)
            frontier = {v for _, v, _ in step} - seen
            node.update(reader.node_attrs(frontier - node.keys()))
    central = reader.central_nodes()
    for k, a in central.items():
        node.setdefault(k, a)
    return GapGraph(
        node,
        sorted(edges),
        reader.deadlines_of(scope),
        reader.edge_evidence,
        central=central,
        implemented=reader.implemented_keys(central.keys()),
    )
