"""Reading the embedded store a batch of keys at a time: what queries need, without a graph view.

:class:`SQLiteReader` answers the gap engine's reads (``graph.gapdata.ScopeReader``), the lineage
walk's (``graph.lineage.NeighbourReader``) and key lookups (``graph.search.KeyLookup``) from the
store's indexed tables. Every answer is the one the networkx view (``graph.build.build_graph``)
would give for the same keys: nodes are made by the same functions (``ingested_node``,
``cited_node``, ``fold_citation``) from the same rows in the same order (path, then position),
and references from files that are no official document are left out as the view leaves them.
"""

import json
import sqlite3
from collections.abc import Callable, Collection, Iterable, Iterator
from typing import Any

from graph.build import NODE_FIELDS, cited_node, fold_citation, ingested_node
from graph.gapdata import Deadline, Edge, NodeAttrs
from graph.identity import Scope, number_key
from graph.records import DocumentRow, ReferenceRow
from ingest.gazetteer import fold
from ingest.records import NOT_A_DOCUMENT
from ontology.catalog import Catalog

__all__ = ["LEFT_OUT", "SQLiteReader"]

CHUNK = 900  # keys per IN (...) list: well under SQLite's limit on bound parameters
WHOLE_TABLE = 50_000  # from this many keys on, one scan of the table beats lists of keys
_NOT_A_DOCUMENT_JSON = json.dumps(NOT_A_DOCUMENT, ensure_ascii=False)
# The test that a stored document is no official document (kept out of lineage), written the
# same way in the partial index and the queries that use it (SQLite matches them by their text).
LEFT_OUT = "instr(warnings, '" + _NOT_A_DOCUMENT_JSON.replace("'", "''") + "') > 0"
_DOCUMENT_COLUMNS = (
    "path, key, number, doc_type, issuer, level, locality, province, province_at_issue, date, title, signer,"
    " recipients, warnings"
)
_CITATION_COLUMNS = (
    "path, position, source_key, number, doc_type, date, issuer, level, scope_province, scope_locality,"
    " scope_national, target_key, status, confidence, candidates"
)


def _chunks(keys: Collection[str]) -> Iterator[list[str]]:
    items = sorted(keys)
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


class SQLiteReader:
    """Batched reads over one SQLite connection; ``generation`` tells when cached sets go stale."""

    def __init__(self, db: sqlite3.Connection, catalog: Catalog, generation: Callable[[], str]) -> None:
        self.db = db
        self.catalog = catalog
        self.generation = generation
        self._cache: dict[str, tuple[str, Any]] = {}
        self._relations: dict[str, tuple[str, ...]] = {}

    # -- helpers -------------------------------------------------------------------------------

    def _cached[T](self, name: str, compute: Callable[[], T]) -> T:
        state = self.generation()
        hit = self._cache.get(name)
        if hit is not None and hit[0] == state:
            return hit[1]  # type: ignore[no-any-return]
        value = compute()
        self._cache[name] = (state, value)
        return value

    def left_out(self) -> frozenset[str]:
        """Keys of files that are no official document: no node, and their references are no edges."""
        return self._cached(
            "left_out",
            lambda: frozenset(
                str(k) for (k,) in self.db.execute(f"SELECT DISTINCT key FROM documents WHERE {LEFT_OUT}")
            ),
        )

    def _rels(self, text: str) -> tuple[str, ...]:
        rels = self._relations.get(text)
        if rels is None:
            rels = self._relations[text] = tuple(json.loads(text))
        return rels

    def _rows(
        self, table: str, columns: str, column: str, keys: Collection[str], order: str
    ) -> Iterator[tuple[Any, ...]]:
        """``columns`` of the rows of ``table`` whose ``column`` is one of ``keys``, chunk by chunk
        (or the whole table, filtered, for very many keys), each chunk in ``order``."""
        if not keys:
            return
        sql = f"SELECT {columns} FROM {table}"
        if len(keys) >= WHOLE_TABLE:
            wanted = keys if isinstance(keys, set | frozenset | dict) else set(keys)
            index = [c.strip() for c in columns.split(",")].index(column)
            for row in self.db.execute(f"{sql} ORDER BY {order}"):
                if row[index] in wanted:
                    yield row
            return
        for chunk in _chunks(keys):
            marks = ",".join("?" * len(chunk))
            yield from self.db.execute(f"{sql} WHERE {column} IN ({marks}) ORDER BY {order}", chunk)

    # -- nodes ---------------------------------------------------------------------------------

    def node_attrs(self, keys: Collection[str]) -> dict[str, NodeAttrs]:
        """The nodes of ``keys`` as the networkx view holds them (those that exist)."""
        out: dict[str, NodeAttrs] = {}
        for r in self._rows("documents", _DOCUMENT_COLUMNS, "key", keys, "path"):
            if _NOT_A_DOCUMENT_JSON in r[13]:
                continue
            key = r[1]
            if key in out:
                out[key]["sources"].append(r[0])
                continue
            path, _, number, doc_type, issuer, level, locality, province, at_issue, date, title, signer = r[
                :12
            ]
            out[key] = ingested_node(
                DocumentRow(path, key, number, doc_type, issuer, level, locality, province, at_issue, date, title,
                            signer, json.loads(r[12]), json.loads(r[13]))
            )  # fmt: skip
        cited = [k for k in keys if k not in out] if len(keys) < WHOLE_TABLE else set(keys) - out.keys()
        if cited:
            left_out = self.left_out()
            for r in self._rows("refs", _CITATION_COLUMNS, "target_key", cited, "path, position"):
                if r[2] in left_out:
                    continue
                node = out.get(r[11])
                if node is None:
                    node = out[r[11]] = cited_node()
                fold_citation(node, _citation(r), self.catalog)
        return out

    def has_node(self, key: str) -> bool:
        return bool(self.node_attrs([key]))

    def central_nodes(self) -> dict[str, NodeAttrs]:
        """Every central document: ingested ones of level central, cited ones referred to as national."""

        def compute() -> dict[str, NodeAttrs]:
            keys = {
                str(k) for (k,) in self.db.execute("SELECT DISTINCT key FROM documents WHERE level='central'")
            }
            keys |= {
                str(k)
                for (k,) in self.db.execute("SELECT DISTINCT target_key FROM refs WHERE scope_national=1")
            }
            return {k: a for k, a in self.node_attrs(keys).items() if a.get("level") == "central"}

        return self._cached("central", compute)

    def implemented_keys(self, keys: Collection[str]) -> set[str]:
        left_out = self.left_out()
        found = set()
        for chunk in _chunks(keys):
            marks = ",".join("?" * len(chunk))
            for target, source in self.db.execute(
                f"SELECT target_key, source_key FROM refs WHERE target_key IN ({marks})"
                " AND instr(relations, '\"implements\"') > 0",
                chunk,
            ):
                if source not in left_out:
                    found.add(str(target))
        return found

    # -- scope, edges, deadlines (graph.gapdata.ScopeReader) ------------------------------------

    def scope_documents(self, province: str | None) -> list[str]:
        if province is None:
            return [str(k) for (k,) in self.db.execute("SELECT DISTINCT key FROM documents")]
        if not province:
            sql = "SELECT DISTINCT key FROM documents WHERE province IS NULL OR province = ''"
            return [str(k) for (k,) in self.db.execute(sql)]
        names = self._province_names(province)
        if not names:
            return []
        marks = ",".join("?" * len(names))
        return [
            str(k)
            for (k,) in self.db.execute(
                f"SELECT DISTINCT key FROM documents WHERE province IN ({marks})", names
            )
        ]

    def _province_names(self, province: str) -> list[str]:
        """The stored spellings of a current province's name."""
        return [
            p
            for (p,) in self.db.execute("SELECT DISTINCT province FROM documents")
            if p and fold(p) == fold(province)
        ]

    def listed_documents(self, province: str | None) -> list[tuple[str, NodeAttrs]]:
        """The ingested documents of a current province (every one when ``None``) with what a
        listing shows of them (``api.listing``): their nodes as the view holds them but for
        ``signer`` and ``recipients``, read in one query without decoding any JSON."""
        sql = f"SELECT key, path, {', '.join(NODE_FIELDS)} FROM documents WHERE NOT ({LEFT_OUT})"
        params: list[str] = []
        if province is not None:
            params = self._province_names(province)
            if not params:
                return []
            # Every file of those keys: a node is made from the first of its files, whatever its province.
            marks = ",".join("?" * len(params))
            sql += f" AND key IN (SELECT key FROM documents WHERE province IN ({marks}))"
        out: dict[str, NodeAttrs] = {}
        for key, path, *fields in self.db.execute(sql + " ORDER BY path", params):
            node = out.get(key)
            if node is not None:
                node["sources"].append(path)
                continue
            out[key] = {**dict(zip(NODE_FIELDS, fields, strict=True)), "status": "ingested", "catalog": False,
                        "ambiguous": False, "sources": [path]}  # fmt: skip
        return list(out.items())

    def _edges(self, column: str, keys: Collection[str], relations: Collection[str] | None) -> list[Edge]:
        left_out = self.left_out()
        out: dict[Edge, None] = {}
        columns = "source_key, target_key, relations"
        for source, target, rels in self._rows("refs", columns, column, keys, "path, position"):
            if source in left_out:
                continue
            for rel in self._rels(rels):
                if relations is None or rel in relations:
                    out[(source, target, rel)] = None
        return list(out)

    def edges_from(self, keys: Collection[str], relations: Collection[str] | None = None) -> list[Edge]:
        return self._edges("source_key", keys, relations)

    def edges_into(self, keys: Collection[str], relations: Collection[str] | None = None) -> list[Edge]:
        return self._edges("target_key", keys, relations)

    def edge_evidence(self, source: str, target: str, relation: str) -> list[dict[str, Any]]:
        evidence: list[dict[str, Any]] = []
        for rels, ev in self.db.execute(
            "SELECT relations, evidence FROM refs WHERE source_key=? AND target_key=? ORDER BY path, position",
            (source, target),
        ):
            if relation in self._rels(rels):
                evidence.extend(json.loads(ev))
        return evidence

    def deadlines_of(self, keys: Collection[str]) -> list[Deadline]:
        columns = "path, source_key, date, assignee, report_due, evidence"
        return [
            {
                "path": p,
                "document": k,
                "date": d,
                "assignee": a,
                "report_due": bool(due),
                "evidence": json.loads(ev),
            }
            for p, k, d, a, due, ev in self._rows("deadlines", columns, "source_key", keys, "path, date")
        ]

    # -- lineage (graph.lineage.NeighbourReader) --------------------------------------------------

    def adjacency(
        self, keys: Collection[str], direction: str
    ) -> dict[str, dict[str, dict[str, dict[str, Any]]]]:
        """For each of ``keys``: the documents at the other end of its edges (out of it ``up``,
        into it ``down``), each with its edges by relation (``confidence``, ``status``,
        ``evidence``), in the order the networkx view holds them."""
        left_out = self.left_out()
        here, there = ("source_key", "target_key") if direction == "up" else ("target_key", "source_key")
        out: dict[str, dict[str, dict[str, dict[str, Any]]]] = {k: {} for k in keys}
        columns = f"{here}, {there}, relations, confidence, status, evidence"
        for n, other, rels, conf, status, ev in self._rows("refs", columns, here, keys, "path, position"):
            if (other if direction == "down" else n) in left_out:
                continue
            by_relation = out[n].setdefault(other, {})
            evidence = json.loads(ev)
            for rel in self._rels(rels):
                e = by_relation.get(rel)
                if e is None:
                    by_relation[rel] = {"confidence": conf, "status": status, "evidence": list(evidence)}
                else:
                    e["evidence"].extend(evidence)
                    e["confidence"] = max(e["confidence"], conf)
        return out

    # -- key lookups (graph.search.KeyLookup) ----------------------------------------------------

    def number_matches(self, symbol: str) -> list[str]:
        """Keys of the documents whose number is ``symbol``, ingested first, then by key."""
        wanted = number_key(symbol)
        keys = {str(k) for (k,) in self.db.execute("SELECT key FROM documents WHERE number_key=?", (wanted,))}
        keys |= {
            str(k) for (k,) in self.db.execute("SELECT target_key FROM refs WHERE number_key=?", (wanted,))
        }
        nodes = self.node_attrs(keys)
        found = [k for k, a in nodes.items() if a.get("number") and number_key(a["number"]) == wanted]
        return sorted(found, key=lambda k: (nodes[k]["status"] != "ingested", k))

    def keys_like(self, prefix: str, limit: int) -> list[str]:
        """Keys starting with ``prefix`` (documents first), for "did you mean"."""
        pattern = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        found: list[str] = []
        for sql in (
            "SELECT DISTINCT key FROM documents WHERE key LIKE ? ESCAPE '\\' ORDER BY key LIMIT ?",
            "SELECT DISTINCT target_key FROM refs WHERE target_key LIKE ? ESCAPE '\\' ORDER BY target_key LIMIT ?",
        ):
            found += [str(k) for (k,) in self.db.execute(sql, (pattern, limit)) if str(k) not in found]
        return found[:limit]


def _citation(r: Iterable[Any]) -> ReferenceRow:
    """A reference row as much as a cited node needs (no evidence, no relations)."""
    (
        path,
        position,
        source,
        number,
        doc_type,
        date,
        issuer,
        level,
        sp,
        sl,
        sn,
        target,
        status,
        conf,
        cands,
    ) = r
    return ReferenceRow(
        path, position, source, number, doc_type, date, issuer, level, [], [],
        Scope(sp, sl, national=bool(sn)), target, status, conf, json.loads(cands or "[]"),
    )  # fmt: skip
