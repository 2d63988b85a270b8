"""Low-level Cypher helpers shared by the Neo4j backend's modules: running a query in a managed
transaction and reading its rows, and a ``Document`` node's properties as the networkx view's
attributes."""

import json
from typing import Any

import neo4j

from graph.build import NODE_FIELDS

__all__ = ["Row", "_collected", "_node_attrs", "_rows", "_run", "_single"]

Row = dict[str, Any]


def _rows(tx: neo4j.ManagedTransaction, query: str, params: Row) -> list[Row]:
    return [r.data() for r in tx.run(query, params)]


def _collected(tx: neo4j.ManagedTransaction, query: str, params: Row) -> list[Row]:
    """The rows a query returns collected in its one record's ``rows``."""
    rec = tx.run(query, params).single()
    return [] if rec is None else list(rec["rows"])


def _single(tx: neo4j.ManagedTransaction, query: str, params: Row) -> Any:
    """The first column of the first row, or None."""
    rec = tx.run(query, params).single()
    return None if rec is None else rec[0]


def _run(tx: neo4j.ManagedTransaction, query: str, params: Row) -> None:
    tx.run(query, params).consume()


def _node_attrs(p: Row) -> dict[str, Any]:
    """The networkx attributes of a ``Document`` node (as ``build_graph`` makes them)."""
    a: dict[str, Any] = {f: p.get(f) for f in NODE_FIELDS}
    a.update(
        signer=p.get("signer"), recipients=json.loads(p.get("recipients_json") or "[]"), status=p["status"],
        catalog=bool(p.get("catalog")), ambiguous=bool(p.get("ambiguous")),
        sources=json.loads(p.get("sources_json") or "[]"),
    )  # fmt: skip
    if p.get("candidates_json") is not None:
        a["candidates"] = json.loads(p["candidates_json"])
    return a
