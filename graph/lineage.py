"""Lineage up (what a document carries out, reports on or is urged by, up to the roots) and down."""

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any, Protocol, TypedDict, cast

import networkx as nx

from graph.errors import NodeNotFound
from graph.records import DeadlineJSON, DocumentNode, EdgeJSON

__all__ = [
    "DEFAULT_LIMIT",
    "LINEAGE_RELATIONS",
    "DocumentDetail",
    "DocumentReader",
    "GraphReader",
    "LineageAnswer",
    "LineageNode",
    "NeighbourReader",
    "document_detail",
    "edge_json",
    "lineage",
    "lineage_answer",
    "node_json",
]

LINEAGE_RELATIONS = ("implements", "reports_on", "urges")
DEFAULT_LIMIT = 1000
FIRST_CHUNK = 8  # documents of a level read at first, doubling up to MAX_CHUNK per read
MAX_CHUNK = 500  # documents in a lineage answer of the API unless asked otherwise (as /graph)


class LineageNode(DocumentNode):
    """A document of a lineage answer: its key, its node, and how many steps from the root."""

    key: str
    distance: int


class LineageAnswer(TypedDict):
    """A lineage answer as every backend and the API give it."""

    root: str
    direction: str  # up | down
    nodes: list[LineageNode]  # nearest first, then by key
    edges: list[EdgeJSON]
    truncated: bool  # the walk reached more than ``limit`` documents


def node_json(G: nx.MultiDiGraph, key: str) -> dict[str, Any]:
    """A node as JSON: its key and attributes."""
    return {"key": key, **dict(G.nodes[key])}


def lineage_answer(
    root: str, direction: str, nodes: list[LineageNode], edges: list[EdgeJSON], *, truncated: bool
) -> LineageAnswer:
    """A lineage answer as every backend and the API give it."""
    return {"root": root, "direction": direction, "nodes": nodes, "edges": edges, "truncated": truncated}


class NeighbourReader(Protocol):
    """What the lineage walk reads from a store: a level's neighbours at a time, then the nodes."""

    def has_node(self, key: str) -> bool: ...

    def adjacency(
        self, keys: Collection[str], direction: str
    ) -> Mapping[str, Mapping[str, Mapping[str, Mapping[str, Any]]]]:
        """Per key: the documents at the other end (out of it ``up``, into it ``down``), each with
        its edges by relation (``confidence``, ``status``, ``evidence``), in the view's order."""
        ...

    def node_attrs(self, keys: Collection[str]) -> Mapping[str, Mapping[str, Any]]: ...

    # Optional: ``edges_between(kept, origins, direction)``, the adjacency of each of ``origins``
    # restricted to ``kept`` documents, read from the side of ``kept`` (a server backend offers it
    # where reading the rest of a national level costs seconds).


class GraphReader:
    """The neighbour reader of a networkx view held in memory."""

    def __init__(self, G: nx.MultiDiGraph) -> None:
        self.G = G

    def has_node(self, key: str) -> bool:
        return key in self.G

    def adjacency(
        self, keys: Collection[str], direction: str
    ) -> Mapping[str, Mapping[str, Mapping[str, Mapping[str, Any]]]]:
        adj = self.G.succ if direction == "up" else self.G.pred
        return {k: adj[k] for k in keys}

    def node_attrs(self, keys: Collection[str]) -> Mapping[str, Mapping[str, Any]]:
        return {k: self.G.nodes[k] for k in keys}


class DocumentReader(NeighbourReader, Protocol):
    """A neighbour reader that also reads the report deadlines of documents."""

    def deadlines_of(self, keys: Collection[str]) -> list[DeadlineJSON]: ...


@dataclass(frozen=True, slots=True)
class DocumentDetail:
    """One document with its edges both ways (as the graph orders them) and its deadlines."""

    key: str
    attrs: Mapping[str, Any]
    edges_out: list[EdgeJSON]
    edges_in: list[EdgeJSON]
    deadlines: list[DeadlineJSON]


def edge_json(source: str, target: str, relation: str, data: Mapping[str, Any]) -> EdgeJSON:
    """An edge as every answer gives it."""
    return {"source": source, "target": target, "relation": relation, "confidence": data["confidence"],
            "status": data["status"], "evidence": data["evidence"]}  # fmt: skip


def document_detail(reader: DocumentReader, key: str) -> DocumentDetail:
    """A document read through a store's reader: attributes, edges out and in, deadlines."""
    attrs = reader.node_attrs([key]).get(key)
    if attrs is None:
        msg = f"document {key!r} is not in the graph"
        raise NodeNotFound(msg)
    up = reader.adjacency([key], "up")[key]
    down = reader.adjacency([key], "down")[key]
    return DocumentDetail(
        key,
        attrs,
        [edge_json(key, v, rel, d) for v, by_rel in up.items() for rel, d in by_rel.items()],
        [edge_json(u, key, rel, d) for u, by_rel in down.items() for rel, d in by_rel.items()],
        reader.deadlines_of([key]),
    )


def lineage(
    G: nx.MultiDiGraph | NeighbourReader,
    key: str,
    direction: str = "up",
    depth: int | None = None,
    limit: int | None = None,
) -> LineageAnswer:
    """Documents reached from ``key`` following implements/reports_on/urges edges, in a networkx
    view or through a store's ``NeighbourReader`` (one level's neighbours per read).

    ``up`` follows edges forward (towards the directives a document rests on), ``down`` backward
    (towards what carries it out, reports on it or urges it). Returns the root, the nodes with
    their distance, the edges between them with evidence, and ``truncated``.

    ``limit`` caps the nodes (a national directive three levels down is a third of a national
    corpus): the answer keeps the first ``limit`` documents the walk reaches (level by level, each
    level's documents in key order, each one's edges in graph order) and every edge between them,
    and says ``truncated: true`` when the walk reached more. The walk stops discovering at the
    first document over the limit, so a capped answer costs about what it holds.
    """
    reader = GraphReader(G) if isinstance(G, nx.MultiDiGraph) else G
    if not reader.has_node(key):
        msg = f"document {key!r} is not in the graph"
        raise NodeNotFound(msg)
    if direction not in ("up", "down"):
        msg = f"direction must be 'up' or 'down', not {direction!r}"
        raise ValueError(msg)
    dist = {key: 0}
    frontier = [key]
    walked: list[tuple[str, str, str, Mapping[str, Any]]] = []  # made into JSON once the cut is known
    kept: set[str] | None = None  # the documents of a capped answer, once one more was reached
    between = getattr(reader, "edges_between", None)
    while frontier:
        nxt: list[str] = []
        asked = [n for n in frontier if depth is None or dist[n] < depth]
        # A level is read in chunks (8 documents, doubling up to 500) so that a capped walk stops
        # reading soon after its limit; once the documents are known, a reader that can find the
        # edges between them from their side (``edges_between``: few, where a national level has
        # thousands) gives the rest of the walk in one read.
        start, size = 0, FIRST_CHUNK
        while start < len(asked):
            if kept is not None and between is not None:
                chunk = asked[start:]
                adjacencies = between(kept, chunk, direction)
                start = len(asked)
            else:
                chunk = asked[start : start + size]
                start, size = start + size, min(size * 2, MAX_CHUNK)
                adjacencies = reader.adjacency(chunk, direction)
            for n in chunk:
                # The adjacency in graph order (neighbour, then relation), as out_edges/in_edges give it.
                adjacency = adjacencies[n]
                if kept is not None and kept.isdisjoint(adjacency):
                    continue  # nothing kept around it: skipped at C speed
                for other, by_relation in adjacency.items():
                    if kept is not None and other not in kept:
                        continue
                    for rel, data in by_relation.items():
                        if rel not in LINEAGE_RELATIONS:
                            continue
                        if kept is None and limit is not None and other not in dist and len(dist) >= limit:
                            # One document over the limit: from here on only edges between the
                            # documents kept are walked (the rest of this level and the next's).
                            kept = set(dist)
                            break
                        walked.append((n, other, rel, data) if direction == "up" else (other, n, rel, data))
                        if other not in dist:
                            dist[other] = dist[n] + 1
                            nxt.append(other)
        frontier = sorted(nxt)
    attrs = reader.node_attrs(dist.keys())
    nodes = [
        cast(LineageNode, {"key": n, **attrs[n], "distance": d})  # the reader's nodes are DocumentNodes
        for n, d in sorted(dist.items(), key=lambda kv: (kv[1], kv[0]))
    ]
    edges = [edge_json(u, v, rel, data) for u, v, rel, data in walked]
    return lineage_answer(key, direction, nodes, edges, truncated=kept is not None)
