"""Lineage up (what a document carries out, reports on or is urged by, up to the roots) and down."""

from typing import Any

import networkx as nx

from graph.errors import NodeNotFound

__all__ = ["DEFAULT_LIMIT", "LINEAGE_RELATIONS", "cut", "lineage", "node_json"]

LINEAGE_RELATIONS = ("implements", "reports_on", "urges")
DEFAULT_LIMIT = 5000  # documents in a lineage answer of the API unless asked otherwise


def cut(dist: dict[str, int], limit: int | None) -> set[str] | None:
    """The nodes kept when a walk has found more than ``limit``: the first ``limit`` by (distance,
    key). None when nothing is cut. Both backends call it after each level of their walk, so a
    capped answer is the same whichever store gives it."""
    if limit is None or len(dist) <= limit:
        return None
    return set(sorted(dist, key=lambda n: (dist[n], n))[:limit])


def node_json(G: nx.MultiDiGraph, key: str) -> dict[str, Any]:
    """A node as JSON: its key and attributes."""
    return {"key": key, **dict(G.nodes[key])}


def lineage(
    G: nx.MultiDiGraph, key: str, direction: str = "up", depth: int | None = None, limit: int | None = None
) -> dict[str, Any]:
    """Documents reached from ``key`` following implements/reports_on/urges edges.

    ``up`` follows edges forward (towards the directives a document rests on), ``down`` backward
    (towards what carries it out, reports on it or urges it). Returns the root, the nodes with
    their distance, the edges between them with evidence, and ``truncated``.

    ``limit`` caps the nodes (a national directive three levels down is a third of a national
    corpus): at the level where the walk passes ``limit`` it keeps the first ``limit`` nodes by
    (distance, key), goes no further than the edges between them, and says ``truncated: true``.
    """
    if key not in G:
        msg = f"document {key!r} is not in the graph"
        raise NodeNotFound(msg)
    if direction not in ("up", "down"):
        msg = f"direction must be 'up' or 'down', not {direction!r}"
        raise ValueError(msg)
    dist = {key: 0}
    frontier = [key]
    edges = []
    kept = None
    while frontier:
        nxt = []
        for n in frontier:
            if depth is not None and dist[n] >= depth:
                continue
            pairs = (
                G.out_edges(n, keys=True, data=True)
                if direction == "up"
                else G.in_edges(n, keys=True, data=True)
            )
            for u, v, rel, data in pairs:
                if rel not in LINEAGE_RELATIONS:
                    continue
                other = v if direction == "up" else u
                if kept is not None and other not in kept:
                    continue
                edges.append({"source": u, "target": v, "relation": rel, "confidence": data["confidence"],
                              "status": data["status"], "evidence": data["evidence"]})  # fmt: skip
                if other not in dist:
                    dist[other] = dist[n] + 1
                    nxt.append(other)
        frontier = sorted(nxt)
        if kept is None and (kept := cut(dist, limit)) is not None:
            # The edges between the nodes kept, as the whole walk has them: the last level kept is
            # still walked, towards kept nodes only, and the walk then ends.
            dist = {n: d for n, d in dist.items() if n in kept}
            edges = [e for e in edges if e["source"] in kept and e["target"] in kept]
            frontier = [n for n in frontier if n in kept]
    nodes = [
        {**node_json(G, n), "distance": d} for n, d in sorted(dist.items(), key=lambda kv: (kv[1], kv[0]))
    ]
    return {
        "root": key,
        "direction": direction,
        "nodes": nodes,
        "edges": edges,
        "truncated": kept is not None,
    }
