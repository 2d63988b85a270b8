"""Lineage up (what a document carries out, reports on or is urged by, up to the roots) and down."""

from typing import Any

import networkx as nx

from graph.errors import NodeNotFound

__all__ = ["LINEAGE_RELATIONS", "lineage", "node_json"]

LINEAGE_RELATIONS = ("implements", "reports_on", "urges")


def node_json(G: nx.MultiDiGraph, key: str) -> dict[str, Any]:
    """A node as JSON: its key and attributes."""
    return {"key": key, **dict(G.nodes[key])}


def lineage(G: nx.MultiDiGraph, key: str, direction: str = "up", depth: int | None = None) -> dict[str, Any]:
    """Documents reached from ``key`` following implements/reports_on/urges edges.

    ``up`` follows edges forward (towards the directives a document rests on), ``down`` backward
    (towards what carries it out, reports on it or urges it). Returns the root, the nodes with
    their distance, and the edges between them with evidence.
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
                edges.append({"source": u, "target": v, "relation": rel, "confidence": data["confidence"],
                              "status": data["status"], "evidence": data["evidence"]})  # fmt: skip
                if other not in dist:
                    dist[other] = dist[n] + 1
                    nxt.append(other)
        frontier = sorted(nxt)
    nodes = [
        {**node_json(G, n), "distance": d} for n, d in sorted(dist.items(), key=lambda kv: (kv[1], kv[0]))
    ]
    return {"root": key, "direction": direction, "nodes": nodes, "edges": edges}
