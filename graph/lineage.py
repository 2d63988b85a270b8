"""Lineage up (what a document carries out, reports on or is urged by, up to the roots) and down."""

from typing import Any

import networkx as nx

from graph.errors import NodeNotFound

__all__ = ["DEFAULT_LIMIT", "LINEAGE_RELATIONS", "lineage", "lineage_answer", "node_json"]

LINEAGE_RELATIONS = ("implements", "reports_on", "urges")
DEFAULT_LIMIT = 1000  # documents in a lineage answer of the API unless asked otherwise (as /graph)


def node_json(G: nx.MultiDiGraph, key: str) -> dict[str, Any]:
    """A node as JSON: its key and attributes."""
    return {"key": key, **dict(G.nodes[key])}


def lineage_answer(
    root: str, direction: str, nodes: list[dict[str, Any]], edges: list[dict[str, Any]], *, truncated: bool
) -> dict[str, Any]:
    """A lineage answer as every backend and the API give it."""
    return {"root": root, "direction": direction, "nodes": nodes, "edges": edges, "truncated": truncated}


def lineage(
    G: nx.MultiDiGraph, key: str, direction: str = "up", depth: int | None = None, limit: int | None = None
) -> dict[str, Any]:
    """Documents reached from ``key`` following implements/reports_on/urges edges.

    ``up`` follows edges forward (towards the directives a document rests on), ``down`` backward
    (towards what carries it out, reports on it or urges it). Returns the root, the nodes with
    their distance, the edges between them with evidence, and ``truncated``.

    ``limit`` caps the nodes (a national directive three levels down is a third of a national
    corpus): the answer keeps the first ``limit`` documents the walk reaches (level by level, each
    level's documents in key order, each one's edges in graph order) and every edge between them,
    and says ``truncated: true`` when the walk reached more. The walk stops discovering at the
    first document over the limit, so a capped answer costs about what it holds.
    """
    if key not in G:
        msg = f"document {key!r} is not in the graph"
        raise NodeNotFound(msg)
    if direction not in ("up", "down"):
        msg = f"direction must be 'up' or 'down', not {direction!r}"
        raise ValueError(msg)
    dist = {key: 0}
    frontier = [key]
    walked: list[tuple[str, str, str, dict[str, Any]]] = []  # made into JSON once the cut is known
    kept: set[str] | None = None  # the documents of a capped answer, once one more was reached
    while frontier:
        nxt = []
        for n in frontier:
            if depth is not None and dist[n] >= depth:
                continue
            # The adjacency in graph order (neighbour, then relation), as out_edges/in_edges give it.
            adjacency = G.succ[n] if direction == "up" else G.pred[n]
            if kept is not None and kept.isdisjoint(adjacency):
                continue  # nothing kept around it: skipped at C speed
            for other, by_relation in adjacency.items():
                if kept is not None and other not in kept:
                    continue
                for rel, data in by_relation.items():
                    if rel not in LINEAGE_RELATIONS:
                        continue
                    if kept is None and limit is not None and other not in dist and len(dist) >= limit:
                        # One document over the limit: from here on only edges between the documents
                        # kept are walked (the rest of this level and the kept documents of the next).
                        kept = set(dist)
                        break
                    walked.append((n, other, rel, data) if direction == "up" else (other, n, rel, data))
                    if other not in dist:
                        dist[other] = dist[n] + 1
                        nxt.append(other)
        frontier = sorted(nxt)
    nodes = [
        {**node_json(G, n), "distance": d} for n, d in sorted(dist.items(), key=lambda kv: (kv[1], kv[0]))
    ]
    edges = [
        {"source": u, "target": v, "relation": rel, "confidence": data["confidence"], "status": data["status"],
         "evidence": data["evidence"]}
        for u, v, rel, data in walked
    ]  # fmt: skip
    return lineage_answer(key, direction, nodes, edges, truncated=kept is not None)
