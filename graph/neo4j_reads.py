"""Reading the Neo4j backend a batch of keys at a time: the reads of ``graph.sqlite_reads``, in Cypher.

:class:`Neo4jReader` answers the gap engine's reads (``graph.gapdata.ScopeReader``) and the
document view's and lineage walk's (``graph.lineage.DocumentReader``) with a few generic,
parameterised queries over the ``Document`` nodes and their relationships (model in
``docs/neo4j.md``). Rows come collected in one record per query: ArcadeDB's Bolt server spends
more per record than per value. Keys go in chunks, so no query grows with the store.
"""

import json
from collections.abc import Callable, Collection, Iterator
from typing import Any, Final

from graph.gapdata import Deadline, Edge, NodeAttrs

__all__ = ["Neo4jReader"]

CHUNK: Final = 500
Row = dict[str, Any]

# Patterns start from the node a key binds: ArcadeDB plans ``(a)-[e]->(b {key: k})`` as a scan of
# every ``a`` (no disjunction on an indexed property either: two queries instead).
Q_SCOPE: Final = "MATCH (d:Document) WHERE d.province_fold = $province AND d.status = 'ingested' RETURN collect(d.key) AS rows"
Q_ALL_INGESTED: Final = "MATCH (d:Document) WHERE d.status = 'ingested' RETURN collect(d.key) AS rows"
Q_NODES: Final = "UNWIND $keys AS k MATCH (d:Document {key: k}) RETURN collect(properties(d)) AS rows"
Q_OUT: Final = (
    "UNWIND $keys AS k MATCH (a:Document {key: k})-[e]->(b:Document)"
    " WHERE $relations IS NULL OR e.relation IN $relations"
    " RETURN collect([a.key, b.key, e.relation]) AS rows"
)
Q_IN: Final = (
    "UNWIND $keys AS k MATCH (b:Document {key: k})<-[e]-(a:Document)"
    " WHERE $relations IS NULL OR e.relation IN $relations"
    " RETURN collect([a.key, b.key, e.relation]) AS rows"
)
Q_EVIDENCE: Final = (
    "MATCH (a:Document {key: $source})-[e]->(b:Document {key: $target}) WHERE e.relation = $relation"
    " RETURN collect(e.evidence_json) AS rows"
)
Q_ADJACENT_UP: Final = (
    "UNWIND $keys AS k MATCH (a:Document {key: k})-[e]->(b:Document)"
    " RETURN collect({origin: k, other: b.key, e: properties(e)}) AS rows"
)
Q_ADJACENT_DOWN: Final = (
    "UNWIND $keys AS k MATCH (b:Document {key: k})<-[e]-(a:Document)"
    " RETURN collect({origin: k, other: a.key, e: properties(e)}) AS rows"
)
Q_OUT_OF: Final = (
    "UNWIND $keys AS k MATCH (a:Document {key: k})-[e]->(b:Document)"
    " RETURN collect({source: a.key, target: b.key, e: properties(e)}) AS rows"
)
Q_FILE_NUMBER: Final = "MATCH (f:File {number_key: $nk}) RETURN collect(f.key) AS rows"
Q_MENTION_NUMBER: Final = "MATCH (m:Mention {number_key: $nk}) RETURN collect(m.target_key) AS rows"
Q_KEYS_LIKE: Final = (
    "MATCH (d:Document) WHERE d.key STARTS WITH $prefix WITH d.key AS k ORDER BY k LIMIT $limit"
    " RETURN collect(k) AS rows"
)
Q_DEADLINES: Final = (
    "UNWIND $keys AS k MATCH (d:Deadline {document: k}) RETURN collect(properties(d)) AS rows"
)
Q_CENTRAL: Final = "MATCH (d:Document) WHERE d.level = 'central' RETURN collect(properties(d)) AS rows"
Q_IMPLEMENTED: Final = "UNWIND $keys AS k MATCH (d:Document {key: k})<-[:IMPLEMENTS]-(:Document) RETURN collect(DISTINCT k) AS rows"


def _chunks(keys: Collection[str]) -> Iterator[list[str]]:
    items = sorted(keys)
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


def _place(e: Row) -> tuple[str, int, int]:
    """Where the reference that first made an edge sits: the order the networkx view adds edges in."""
    return str(e.get("first_path") or ""), int(e.get("first_pos") or 0), int(e.get("first_idx") or 0)


class Neo4jReader:
    """Batched reads over a Neo4j store (``collected(query, params)`` runs one read query and
    returns the rows collected in its single record); ``node`` turns a ``Document`` node's
    properties into the networkx view's attributes."""

    def __init__(self, collected: Callable[[str, Row], list[Any]], node: Callable[[Row], NodeAttrs]) -> None:
        self.collected = collected
        self.node = node

    def _each(self, query: str, keys: Collection[str], **params: Any) -> Iterator[Any]:
        for chunk in _chunks(keys):
            yield from self.collected(query, {"keys": chunk, **params})

    # -- graph.gapdata.ScopeReader ----------------------------------------------------------------

    def scope_documents(self, province: str | None) -> list[str]:
        from ingest.gazetteer import fold

        if province is None:
            return [str(k) for k in self.collected(Q_ALL_INGESTED, {})]
        return [str(k) for k in self.collected(Q_SCOPE, {"province": fold(province)})]

    def node_attrs(self, keys: Collection[str]) -> dict[str, NodeAttrs]:
        return {p["key"]: self.node(p) for p in self._each(Q_NODES, keys)}

    def has_node(self, key: str) -> bool:
        return bool(self.node_attrs([key]))

    def edges_from(self, keys: Collection[str], relations: Collection[str] | None = None) -> list[Edge]:
        rels = sorted(relations) if relations is not None else None
        return [(u, v, rel) for u, v, rel in self._each(Q_OUT, keys, relations=rels)]

    def edges_into(self, keys: Collection[str], relations: Collection[str] | None = None) -> list[Edge]:
        rels = sorted(relations) if relations is not None else None
        return [(u, v, rel) for u, v, rel in self._each(Q_IN, keys, relations=rels)]

    def edge_evidence(self, source: str, target: str, relation: str) -> list[dict[str, Any]]:
        rows = self.collected(Q_EVIDENCE, {"source": source, "target": target, "relation": relation})
        return [e for text in rows for e in json.loads(text or "[]")]

    def deadlines_of(self, keys: Collection[str]) -> list[Deadline]:
        rows = sorted(self._each(Q_DEADLINES, keys), key=lambda d: (d["path"], d["date"], d["idx"]))
        return [
            {"path": d["path"], "document": d["document"], "date": d["date"], "assignee": d.get("assignee"),
             "report_due": bool(d["report_due"]), "evidence": json.loads(d["evidence_json"])}
            for d in rows
        ]  # fmt: skip

    def central_nodes(self) -> dict[str, NodeAttrs]:
        return {p["key"]: self.node(p) for p in self.collected(Q_CENTRAL, {})}

    def implemented_keys(self, keys: Collection[str]) -> set[str]:
        return {str(k) for k in self._each(Q_IMPLEMENTED, keys)}

    # -- graph.lineage.DocumentReader ---------------------------------------------------------------

    def adjacency(
        self, keys: Collection[str], direction: str
    ) -> dict[str, dict[str, dict[str, dict[str, Any]]]]:
        """Per key, the documents at the other end and the edges by relation, in the networkx
        view's order: neighbours by the first reference between the two, edges by their own."""
        rows = [
            (r["origin"], r["other"], r["e"])
            for r in self._each(Q_ADJACENT_UP if direction == "up" else Q_ADJACENT_DOWN, keys)
        ]
        return _ordered(keys, rows)

    def edges_between(
        self, kept: Collection[str], origins: Collection[str], direction: str
    ) -> dict[str, dict[str, dict[str, dict[str, Any]]]]:
        """The adjacency of each of ``origins`` restricted to ``kept`` documents, read from the edges
        out of ``kept`` (what each rests on: few) instead of every edge of ``origins`` (below a
        national directive, thousands): how a capped lineage walk finishes."""
        wanted = set(origins)
        rows = []
        for r in self._each(Q_OUT_OF, kept):
            origin, other = (r["source"], r["target"]) if direction == "up" else (r["target"], r["source"])
            if origin in wanted and other in kept:
                rows.append((origin, other, r["e"]))
        return _ordered(origins, rows)

    # -- graph.search.KeyLookup ---------------------------------------------------------------------

    def number_matches(self, symbol: str) -> list[str]:
        """Keys of the documents whose number is ``symbol``, ingested first, then by key."""
        from graph.identity import number_key

        wanted = number_key(symbol)
        keys = {str(k) for k in self.collected(Q_FILE_NUMBER, {"nk": wanted})}
        keys |= {str(k) for k in self.collected(Q_MENTION_NUMBER, {"nk": wanted}) if k is not None}
        nodes = self.node_attrs(keys)
        found = [k for k, a in nodes.items() if a.get("number") and number_key(a["number"]) == wanted]
        return sorted(found, key=lambda k: (nodes[k]["status"] != "ingested", k))

    def keys_like(self, prefix: str, limit: int) -> list[str]:
        """Keys starting with ``prefix``, for "did you mean"."""
        return [str(k) for k in self.collected(Q_KEYS_LIKE, {"prefix": prefix, "limit": limit})]


def _ordered(
    keys: Collection[str], rows: list[tuple[str, str, Row]]
) -> dict[str, dict[str, dict[str, dict[str, Any]]]]:
    """Rows (origin, other, edge properties) as adjacency dictionaries in the networkx view's order."""
    first: dict[tuple[str, str], tuple[str, int, int]] = {}
    for origin, other, e in rows:
        place = _place(e)
        if (origin, other) not in first or place < first[origin, other]:
            first[origin, other] = place
    rows.sort(key=lambda r: (first[r[0], r[1]], _place(r[2])))
    out: dict[str, dict[str, dict[str, dict[str, Any]]]] = {k: {} for k in keys}
    for origin, other, e in rows:
        out[origin].setdefault(other, {})[e["relation"]] = {
            "confidence": e["confidence"],
            "status": e["status"],
            "evidence": json.loads(e.get("evidence_json") or "[]"),
        }
    return out
