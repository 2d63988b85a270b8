"""The Neo4j backend: the embedded store's interface over the official ``neo4j`` driver.

Model (``docs/neo4j.md`` has the full description):

* ``(:File {path, sha256, ingested_at, run_id, key, base_key, number, number_key, doc_type, ...})``:
  one node per ingested file with what the file says about its own document (the embedded store's
  ``files`` and ``documents`` rows); ``key`` is ``base_key`` unless files of one base key disagree
  on issuer or date (``graph.resolve.split_identities``: then each identity has a key of its own)
  or a person gave it (``key_pinned``: merge, split; such a file is not keyed again);
* ``(:Mention {id, path, position, source_key, number, number_key, relations, evidence_json,
  scope_*, target_key, status, confidence, candidates_json, relation_confidence, rule, pinned})``:
  one node per reference of a file, with its evidence and how it resolved (``pinned``: a person
  gave its target, status ``reviewed``; it is not resolved again);
* ``(:Deadline {id, path, idx, document, date, date_end, assignee, report_due, evidence_json})``;
* ``(:Document {key, status, number, doc_type, ..., catalog, ambiguous, sources_json, ...})``: the
  lineage graph's nodes, and ``IMPLEMENTS``, ``REPORTS_ON``, ``URGES`` and ``CITES`` relationships
  between them carrying ``confidence, status, evidence_json``. Documents and relationships are
  derived from files and mentions and kept up to date after every change, for the keys the change
  touched only; ``*_fold``, ``date_start`` and ``date_end`` are precomputed so that the gap rules
  run as Cypher;
* ``(:Run)`` and ``(:Meta)`` for ingest runs, the store version and a change counter;
* ``(:Extraction {path, data})`` and ``(:Correction {...})``: the machine extraction of each
  corrected file, and the corrections (``graph.neo4j_review``). Every file is written through
  ``graph.corrections.apply_corrections``, as the embedded store writes it.

References resolve with the embedded store's own rule (``graph.resolve.match_reference``) and the derived
nodes are built with ``graph.build.build_graph``, so both backends give the same keys, attributes
and edges. Lineage and every gap kind are parameterised Cypher queries: no value is ever
formatted into query text. Writes of one file are one transaction.
"""

import datetime as dt
import hashlib
import itertools
import json
import os
import unicodedata
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Self

import neo4j
import networkx as nx
from neo4j.exceptions import AuthError, DriverError, Neo4jError, ServiceUnavailable, SessionExpired

from graph.build import NODE_FIELDS, build_graph
from graph.corrections import (
    NOT_IN_STORE,
    REVIEWED,
    Correction,
    CorrectionError,
    Reviewed,
    apply_corrections,
    attaches,
    decode_extraction,
    encode_extraction,
    reread_unchanged,
)
from graph.coverage import CoverageCell
from graph.errors import BackendUnavailable, NodeNotFound, StoreError
from graph.gapdata import GapGraph, ScopeCache, load_scope
from graph.gaps import GapOptions, _end_of, _start_of, check_options, find_coverage, find_gaps
from graph.identity import Scope, number_key, reference_scope, scope_of
from graph.lineage import LineageAnswer, lineage
from graph.neo4j_cypher import Row, _collected, _node_attrs, _rows, _run, _single
from graph.neo4j_gaps import coverage_tx, gaps_tx
from graph.neo4j_reads import Neo4jReader
from graph.neo4j_review import (
    Q_ALL_CORRECTIONS,
    Q_ALL_EXTRACTIONS,
    Q_CREATE_CORRECTIONS,
    Q_CREATE_EXTRACTIONS,
    Q_DELETE_EXTRACTION,
    Q_EXTRACTION,
    Q_PROVINCE_OF,
    Q_REVIEW_FILES,
    Q_REVIEW_MENTIONS,
    Q_SET_EXTRACTION,
    Q_SET_PROBLEM,
    Q_UNDO,
    REVIEW_SCHEMA,
    correction_of,
    correction_props,
    corrections_naming,
    decode_data,
    encode_data,
    files_named,
    held,
    read_correction,
    removed,
    set_outcomes,
    sort_corrections,
)
from graph.records import (
    STORE_VERSION,
    DeadlineJSON,
    DocumentRow,
    FileRow,
    IngestReport,
    ReferenceRow,
    RunRow,
    Snapshot,
    utc_now,
)
from graph.resolve import (
    IDENTITY_COLLISION,
    FileIdentity,
    base_key,
    identity_warnings,
    match_reference,
    own_key,
    split_identities,
)
from ingest.gazetteer import current_province_name, fold
from ingest.records import NOT_A_DOCUMENT, Extraction
from ontology.catalog import Catalog, load_catalog
from ontology.gaps import Gap, gap_order
from ontology.provinces import UNKNOWN_PROVINCE
from ontology.review import LOW_CONFIDENCE, REVIEW_RULE, Action

if TYPE_CHECKING:
    from graph.contract import Store

__all__ = [
    "DEFAULT_BATCH",
    "ENV_DATABASE",
    "ENV_PASSWORD",
    "ENV_URI",
    "ENV_USER",
    "Neo4jStore",
    "push",
]

ENV_URI: Final = "NEO4J_URI"
ENV_USER: Final = "NEO4J_USER"
ENV_PASSWORD: Final = "NEO4J_PASSWORD"
ENV_DATABASE: Final = "NEO4J_DATABASE"
DEFAULT_BATCH: Final = 2000


# -- schema ---------------------------------------------------------------------------------------

SCHEMA: Final[tuple[str, ...]] = (
    "CREATE CONSTRAINT lineage_file_path IF NOT EXISTS FOR (f:File) REQUIRE f.path IS UNIQUE",
    "CREATE CONSTRAINT lineage_document_key IF NOT EXISTS FOR (d:Document) REQUIRE d.key IS UNIQUE",
    "CREATE CONSTRAINT lineage_mention_id IF NOT EXISTS FOR (m:Mention) REQUIRE m.id IS UNIQUE",
    "CREATE CONSTRAINT lineage_deadline_id IF NOT EXISTS FOR (d:Deadline) REQUIRE d.id IS UNIQUE",
    "CREATE CONSTRAINT lineage_run_id IF NOT EXISTS FOR (r:Run) REQUIRE r.id IS UNIQUE",
    "CREATE CONSTRAINT lineage_meta_name IF NOT EXISTS FOR (m:Meta) REQUIRE m.name IS UNIQUE",
    "CREATE INDEX lineage_file_key IF NOT EXISTS FOR (f:File) ON (f.key)",
    "CREATE INDEX lineage_file_number IF NOT EXISTS FOR (f:File) ON (f.number_key)",
    "CREATE INDEX lineage_file_base_key IF NOT EXISTS FOR (f:File) ON (f.base_key)",
    "CREATE INDEX lineage_mention_path IF NOT EXISTS FOR (m:Mention) ON (m.path)",
    "CREATE INDEX lineage_mention_number IF NOT EXISTS FOR (m:Mention) ON (m.number_key)",
    "CREATE INDEX lineage_mention_source IF NOT EXISTS FOR (m:Mention) ON (m.source_key)",
    "CREATE INDEX lineage_mention_target IF NOT EXISTS FOR (m:Mention) ON (m.target_key)",
    "CREATE INDEX lineage_deadline_path IF NOT EXISTS FOR (d:Deadline) ON (d.path)",
    "CREATE INDEX lineage_deadline_document IF NOT EXISTS FOR (d:Deadline) ON (d.document)",
    "CREATE INDEX lineage_document_level IF NOT EXISTS FOR (d:Document) ON (d.level)",
    "CREATE INDEX lineage_document_province IF NOT EXISTS FOR (d:Document) ON (d.province_fold)",
)

# -- writing --------------------------------------------------------------------------------------

Q_VERSION: Final = "MERGE (m:Meta {name: 'version'}) ON CREATE SET m.value = $version RETURN m.value AS value"
Q_BUMP_STATE: Final = "MERGE (m:Meta {name: 'state'}) SET m.value = coalesce(m.value, 0) + 1"
Q_STATE: Final = "OPTIONAL MATCH (m:Meta {name: 'state'}) RETURN m.value AS value"
Q_FILE: Final = "MATCH (f:File {path: $path}) RETURN f {.*} AS f"
Q_FILE_MENTIONS: Final = "MATCH (m:Mention {path: $path}) RETURN m.number_key AS nk, m.source_key AS source, m.target_key AS target"
Q_DELETE_MENTIONS: Final = "MATCH (m:Mention {path: $path}) DETACH DELETE m"
Q_DELETE_DEADLINES: Final = "MATCH (d:Deadline {path: $path}) DETACH DELETE d"
Q_DELETE_FILE: Final = "MATCH (f:File {path: $path}) DETACH DELETE f"
Q_CREATE_FILES: Final = "UNWIND $rows AS r CREATE (f:File) SET f = r"
# A store written before base keys (#11): a file's key was its base key.
Q_FILL_BASE_KEYS: Final = "MATCH (f:File) WHERE f.base_key IS NULL SET f.base_key = f.key"
# A file whose key a person gave (merge, split: ``key_pinned``) is not keyed again.
Q_FILES_BY_BASE: Final = (
    "MATCH (f:File {base_key: $base}) WHERE f.key_pinned IS NULL RETURN f.path AS path, f.key AS key,"
    " f.issuer AS issuer, f.date AS date, f.title AS title, f.warnings_json AS warnings_json, f.number_key AS nk"
)
Q_REKEY_FILES: Final = (
    "UNWIND $rows AS r MATCH (f:File {path: r.path}) SET f.key = r.key, f.warnings_json = r.warnings_json"
)
Q_REKEY_MENTIONS: Final = "UNWIND $rows AS r MATCH (m:Mention {path: r.path}) SET m.source_key = r.key"
Q_REKEY_DEADLINES: Final = "UNWIND $rows AS r MATCH (d:Deadline {path: r.path}) SET d.document = r.key"
Q_CREATE_MENTIONS: Final = "UNWIND $rows AS r CREATE (m:Mention) SET m = r"
Q_CREATE_DEADLINES: Final = "UNWIND $rows AS r CREATE (d:Deadline) SET d = r"
Q_DOCS_BY_NUMBER: Final = (
    "MATCH (f:File) WHERE f.number_key IN $nks"
    " RETURN f.number_key AS nk, f.key AS key, f.level AS level, f.province AS province,"
    " f.locality AS locality, f.date AS date"
)
# A mention whose target a person gave (``pinned``) is not resolved again.
Q_MENTIONS_BY_NUMBER: Final = (
    "MATCH (m:Mention) WHERE m.number_key IN $nks AND m.pinned IS NULL"
    " RETURN m.id AS id, m.number AS number, m.date AS date, m.scope_province AS sp,"
    " m.scope_locality AS sl, m.scope_national AS sn, m.target_key AS target, m.source_key AS source,"
    " m.status AS status, m.confidence AS confidence, m.candidates_json AS candidates_json"
)
Q_SET_RESOLUTION: Final = (
    "UNWIND $rows AS r MATCH (m:Mention {id: r.id})"
    " SET m.target_key = r.target_key, m.status = r.status, m.confidence = r.confidence,"
    " m.candidates_json = r.candidates_json"
)
Q_FILES_BY_KEY: Final = "MATCH (f:File) WHERE f.key IN $keys RETURN f {.*} AS f"
Q_MENTIONS_BY_TARGET: Final = "MATCH (m:Mention) WHERE m.target_key IN $keys RETURN m {.*} AS m"
Q_MENTIONS_BY_SOURCE: Final = "MATCH (m:Mention) WHERE m.source_key IN $keys RETURN m {.*} AS m"
Q_MERGE_DOCUMENTS: Final = "UNWIND $rows AS r MERGE (d:Document {key: r.key}) SET d = r"
Q_DELETE_DOCUMENTS: Final = "UNWIND $keys AS k MATCH (d:Document {key: k}) DETACH DELETE d"
# ArcadeDB workaround: the relationships are collected before any is deleted (see docs/neo4j.md).
Q_DELETE_OUT_EDGES: Final = "UNWIND $keys AS k MATCH (:Document {key: k})-[e]->(:Document) WITH collect(e) AS es UNWIND es AS e DELETE e"
# One statement per relation type: a relationship type cannot be a parameter in Neo4j 5.
Q_CREATE_EDGES: Final[dict[str, str]] = {
    "implements": "UNWIND $rows AS r MATCH (a:Document {key: r.source}) MATCH (b:Document {key: r.target})"
    " CREATE (a)-[e:IMPLEMENTS]->(b) SET e = r.props",
    "reports_on": "UNWIND $rows AS r MATCH (a:Document {key: r.source}) MATCH (b:Document {key: r.target})"
    " CREATE (a)-[e:REPORTS_ON]->(b) SET e = r.props",
    "urges": "UNWIND $rows AS r MATCH (a:Document {key: r.source}) MATCH (b:Document {key: r.target})"
    " CREATE (a)-[e:URGES]->(b) SET e = r.props",
    "cites": "UNWIND $rows AS r MATCH (a:Document {key: r.source}) MATCH (b:Document {key: r.target})"
    " CREATE (a)-[e:CITES]->(b) SET e = r.props",
}
Q_START_RUN: Final = (
    "MERGE (c:Meta {name: 'runs'}) SET c.value = coalesce(c.value, 0) + 1"
    " CREATE (r:Run {id: c.value, started: $now, added: 0, changed: 0, unchanged: 0, failed: 0, failures: '[]'})"
    " RETURN r.id AS id"
)
Q_FINISH_RUN: Final = (
    "MATCH (r:Run {id: $id}) SET r.finished = $now, r.added = $added, r.changed = $changed,"
    " r.unchanged = $unchanged, r.failed = $failed, r.failures = $failures"
)
Q_CREATE_RUNS: Final = "UNWIND $rows AS r CREATE (x:Run) SET x = r"
Q_SET_RUN_COUNTER: Final = "MERGE (c:Meta {name: 'runs'}) SET c.value = $value"
# Wiping, label by label and in slices, so that no transaction grows with the store.
Q_WIPE: Final[tuple[str, ...]] = (
    "MATCH (n:Mention) WITH n LIMIT $limit DETACH DELETE n RETURN count(*) AS n",
    "MATCH (n:Deadline) WITH n LIMIT $limit DETACH DELETE n RETURN count(*) AS n",
    "MATCH (n:File) WITH n LIMIT $limit DETACH DELETE n RETURN count(*) AS n",
    "MATCH (n:Document) WITH n LIMIT $limit DETACH DELETE n RETURN count(*) AS n",
    "MATCH (n:Run) WITH n LIMIT $limit DETACH DELETE n RETURN count(*) AS n",
    "MATCH (n:Extraction) WITH n LIMIT $limit DETACH DELETE n RETURN count(*) AS n",
    "MATCH (n:Correction) WITH n LIMIT $limit DETACH DELETE n RETURN count(*) AS n",
    "MATCH (n:Meta) WHERE n.name <> 'version' WITH n LIMIT $limit DETACH DELETE n RETURN count(*) AS n",
)

# -- reading --------------------------------------------------------------------------------------

Q_ALL_FILES: Final = "MATCH (f:File) RETURN f {.*} AS f"
Q_ALL_MENTIONS: Final = "MATCH (m:Mention) RETURN m {.*} AS m"
Q_ALL_DEADLINES: Final = "MATCH (d:Deadline) RETURN d {.*} AS d"
Q_ALL_RUNS: Final = "MATCH (r:Run) RETURN r {.*} AS r"
Q_PATHS: Final = "MATCH (f:File) RETURN f.path AS path, f.sha256 AS sha256"
Q_KEY_OF_PATH: Final = "MATCH (f:File {path: $path}) RETURN f.key AS key"
Q_FILE_OF_KEY: Final = "MATCH (f:File {key: $key}) RETURN f.path AS path LIMIT 1"
Q_PATH_BOUNDS: Final = "MATCH (f:File) RETURN min(f.path) AS lo, max(f.path) AS hi"
Q_DOCUMENT_COUNT: Final = "MATCH (d:Document {status: 'ingested'}) RETURN count(d) AS n"
Q_ALL_DOCUMENTS: Final = "MATCH (d:Document) RETURN d {.*} AS d"
Q_ALL_EDGES: Final = (
    "MATCH (a:Document)-[e]->(b:Document) RETURN a.key AS source, b.key AS target, e {.*} AS e"
)

# Lineage: the documents reached and their distance (shortest path), then the lineage edges
# out of (up) or into (down) every document closer than the depth asked.
Q_DOCUMENT: Final = "MATCH (d:Document {key: $key}) RETURN d {.*} AS d"


# -- pure helpers shared with the embedded store -------------------------------------------------------


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _safe(fn: Callable[[str], dt.date], date: str | None) -> str | None:
    """``_start_of``/``_end_of`` as ISO text, or None when the date is missing or unreadable."""
    if not date:
        return None
    try:
        return fn(date).isoformat()
    except (ValueError, TypeError):
        return None


def _document_row(f: Row) -> DocumentRow:
    return DocumentRow(
        f["path"], f["key"], f.get("number"), f.get("doc_type"), f.get("issuer"), f.get("level"), f.get("locality"),
        f.get("province"), f.get("province_at_issue"), f.get("date"), f.get("title"), f.get("signer"),
        json.loads(f.get("recipients_json") or "[]"), json.loads(f.get("warnings_json") or "[]"),
    )  # fmt: skip


def _reference_row(m: Row) -> ReferenceRow:
    return ReferenceRow(
        m["path"], int(m["position"]), m["source_key"], m["number"], m.get("doc_type"), m.get("date"), m.get("issuer"),
        m.get("level"), list(m.get("relations") or []), json.loads(m.get("evidence_json") or "[]"),
        Scope(m.get("scope_province"), m.get("scope_locality"), national=bool(m.get("scope_national"))),
        m.get("target_key") or "", m.get("status") or "", float(m.get("confidence") or 0.0),
        json.loads(m.get("candidates_json") or "[]"), float(m.get("relation_confidence") or 0.0), m.get("rule") or "",
    )  # fmt: skip


def _file_props(
    path: str, sha256: str, ingested_at: str, run_id: int | None, d: DocumentRow, key_pinned: bool = False
) -> Row:
    base = base_key(d.number, d.level, d.province, d.province_at_issue, d.locality, d.date, sha256)
    return {"key_pinned": True if key_pinned else None,
        "path": path, "sha256": sha256, "ingested_at": ingested_at, "run_id": run_id, "key": d.key, "base_key": base,
        "number": d.number, "number_key": number_key(d.number) if d.number else None, "doc_type": d.doc_type,
        "issuer": d.issuer, "level": d.level, "locality": d.locality, "province": d.province,
        "province_at_issue": d.province_at_issue, "date": d.date, "title": d.title, "signer": d.signer,
        "recipients_json": _dumps(d.recipients), "warnings_json": _dumps(d.warnings),
    }  # fmt: skip


def _mention_props(r: ReferenceRow, resolved: bool, pinned: bool = False) -> Row:
    """A ``Mention`` node's properties; ``pinned`` when a person gave its target (not resolved again)."""
    props: Row = {
        "relation_confidence": float(r.relation_confidence), "rule": r.rule or None, "pinned": True if pinned else None,
        "id": f"{r.path}#{r.position}", "path": r.path, "position": r.position, "source_key": r.source_key,
        "number": r.number, "number_key": number_key(r.number), "doc_type": r.doc_type, "date": r.date,
        "issuer": r.issuer, "level": r.level, "relations": list(r.relations), "evidence_json": _dumps(r.evidence),
        "scope_province": r.scope.province, "scope_locality": r.scope.locality, "scope_national": r.scope.national,
    }  # fmt: skip
    if resolved:
        props.update(target_key=r.target_key, status=r.status, confidence=float(r.confidence),
                     candidates_json=_dumps(r.candidates))  # fmt: skip
    return props


def _deadline_props(
    path: str, idx: int, document: str, date: str, assignee: str | None, due: bool, ev: Mapping[str, Any]
) -> Row:
    return {"id": f"{path}#{idx}", "path": path, "idx": idx, "document": document, "date": date,
            "date_end": _safe(_end_of, date), "assignee": assignee, "report_due": bool(due),
            "evidence_json": _dumps(ev)}  # fmt: skip


def _extraction_rows(
    path: str, sha256: str, reviewed: Reviewed, run_id: int | None
) -> tuple[Row, list[Row], list[Row]]:
    """The File, Mention and Deadline rows of one extracted file with its corrections applied (the
    embedded store's ``_insert_facts``): the key a person gave (``key_pinned``), the targets a person
    gave (``pinned`` mentions, status ``reviewed``), the review marks on each reference's evidence."""
    ex = reviewed.extraction
    d = ex.document
    key = reviewed.key or own_key(ex, path, sha256)
    level = d.level.value if d.level else None
    doc = DocumentRow(path, key, d.number, d.doc_type, d.issuer, level, d.locality, d.province,
                      d.province_at_issue, d.date, d.title, d.signer, list(d.recipients), list(ex.warnings))  # fmt: skip
    mentions = []
    for i, r in enumerate(ex.references):
        scope = reference_scope(
            r.level.value if r.level else None, r.symbol.issuer_code, r.symbol.family == "party",
            level, d.province, d.locality,
        )  # fmt: skip
        marks = reviewed.marks.get(i)
        evidence = [
            {"file": path, **m.evidence.to_json(), **({"review": marks} if marks else {})} for m in r.mentions
        ]
        pin = reviewed.pins.get(i)
        row = ReferenceRow(path, i, key, r.number, r.doc_type, r.date, r.issuer, r.level.value if r.level else None,
                           [x.value for x in r.relations], evidence, scope, pin or "", REVIEWED if pin else "",
                           1.0 if pin else 0.0, [], r.confidence, r.rule)  # fmt: skip
        mentions.append(_mention_props(row, resolved=pin is not None, pinned=pin is not None))
    deadlines = [
        _deadline_props(
            path, i, key, dl.date, dl.assignee, dl.report_due, {"file": path, **dl.evidence.to_json()}
        )
        for i, dl in enumerate(ex.deadlines)
    ]
    return _file_props(path, sha256, utc_now(), run_id, doc, reviewed.key is not None), mentions, deadlines


def _first_places(
    docs: Iterable[DocumentRow], refs: Iterable[ReferenceRow]
) -> dict[str, tuple[int, str, int]]:
    """Where each key first appears in ``build_graph``'s order: its first file, else its first citation."""
    first: dict[str, tuple[int, str, int]] = {}
    for d in docs:
        first.setdefault(d.key, (0, d.path, -1))
    for r in refs:
        first.setdefault(r.target_key, (1, r.path, r.position))
    return first


def _document_props(key: str, a: dict[str, Any], place: tuple[int, str, int]) -> Row:
    """A ``Document`` node's properties from its networkx attributes, with what the Cypher rules need."""
    props: Row = {f: a.get(f) for f in NODE_FIELDS}
    props.update(
        key=key, status=a["status"], signer=a.get("signer"), recipients_json=_dumps(a.get("recipients") or []),
        catalog=bool(a.get("catalog")), ambiguous=bool(a.get("ambiguous")), sources_json=_dumps(a.get("sources") or []),
        candidates_json=_dumps(a["candidates"]) if "candidates" in a else None,
        province_fold=fold(a.get("province") or ""), issuer_fold=fold(a.get("issuer") or ""),
        locality_fold=fold(a.get("locality") or ""),
        date_start=_safe(_start_of, a.get("date")), date_end=_safe(_end_of, a.get("date")),
        ord_kind=place[0], ord_path=place[1], ord_pos=place[2],
    )  # fmt: skip
    return props


def _edge_rows(G: nx.MultiDiGraph, refs: Iterable[ReferenceRow]) -> dict[str, list[Row]]:
    """The relationships of ``G`` by relation, each with the place of the reference that first made it."""
    first: dict[tuple[str, str, str], tuple[str, int, int]] = {}
    for r in refs:
        for i, rel in enumerate(r.relations):
            first.setdefault((r.source_key, r.target_key, rel), (r.path, r.position, i))
    out: dict[str, list[Row]] = {}
    for u, v, rel, data in G.edges(keys=True, data=True):
        if rel not in Q_CREATE_EDGES:
            msg = f"relation {rel!r} has no relationship type in the Neo4j model"
            raise StoreError(msg)
        path, pos, idx = first[(u, v, rel)]
        props = {"relation": rel, "confidence": float(data["confidence"]), "status": data["status"],
                 "evidence_json": _dumps(data["evidence"]), "first_path": path, "first_pos": pos, "first_idx": idx}  # fmt: skip
        out.setdefault(rel, []).append({"source": u, "target": v, "props": props})
    return out


def _edge_json(source: str, target: str, e: Row) -> Row:
    return {"source": source, "target": target, "relation": e["relation"], "confidence": e["confidence"],
            "status": e["status"], "evidence": json.loads(e.get("evidence_json") or "[]")}  # fmt: skip


def _edge_place(e: Row) -> tuple[str, int, int]:
    return str(e.get("first_path") or ""), int(e.get("first_pos") or 0), int(e.get("first_idx") or 0)


class _Changes:
    """What a write touched: symbols to resolve again, documents and edge sources to rebuild."""

    def __init__(self) -> None:
        self.numbers: set[str] = set()
        self.keys: set[str] = set()
        self.sources: set[str] = set()


# -- the store ------------------------------------------------------------------------------------


class Neo4jStore:
    """A lineage store in a Neo4j (5.x) database, reached over Bolt with the official driver.

    ``uri``, ``user``, ``password`` and ``database`` default to ``$NEO4J_URI``, ``$NEO4J_USER``
    (``neo4j``), ``$NEO4J_PASSWORD`` and ``$NEO4J_DATABASE`` (the server's default database). The
    database should belong to the store: :meth:`clear` and :func:`push` delete the store's labels.
    Raises :class:`BackendUnavailable` when the server cannot be reached or refuses the credentials.
    """

    def __init__(
        self,
        uri: str | None = None,
        user: str | None = None,
        password: str | None = None,
        database: str | None = None,
        *,
        catalog: Catalog | None = None,
        batch_size: int = DEFAULT_BATCH,
    ) -> None:
        uri = uri or os.environ.get(ENV_URI)
        if not uri:
            msg = f"no Neo4j URI: pass one (e.g. bolt://localhost:7687) or set ${ENV_URI}"
            raise BackendUnavailable(msg)
        self.uri = uri
        self.user = user or os.environ.get(ENV_USER) or "neo4j"
        password = password if password is not None else os.environ.get(ENV_PASSWORD, "")
        self.database = database or os.environ.get(ENV_DATABASE) or None
        self.catalog = catalog if catalog is not None else load_catalog()
        self.batch_size = max(1, batch_size)
        self._cache: tuple[int, nx.MultiDiGraph] | None = None
        try:
            self.driver = neo4j.GraphDatabase.driver(uri, auth=(self.user, password))
        except (DriverError, ValueError) as exc:
            msg = f"cannot use Neo4j URI {uri!r}: {exc}"
            raise BackendUnavailable(msg) from exc
        try:
            self._guard(self.driver.verify_connectivity)
            self._ensure_schema()
        except BaseException:
            self.driver.close()
            raise

    def __repr__(self) -> str:
        return f"Neo4jStore({self.uri}, database={self.database!r})"

    @property
    def where(self) -> str:
        return f"{self.uri} (database {self.database or 'default'})"

    def close(self) -> None:
        self.driver.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- plumbing ----------------------------------------------------------------------------

    def _guard[T](self, fn: Callable[[], T]) -> T:
        try:
            return fn()
        except (ServiceUnavailable, SessionExpired, AuthError) as exc:
            msg = f"Neo4j at {self.where} is not available: {exc}"
            raise BackendUnavailable(msg) from exc
        except (Neo4jError, DriverError) as exc:
            msg = f"Neo4j at {self.where}: {exc}"
            raise StoreError(msg) from exc

    def _write[T](self, fn: Callable[..., T], *args: Any) -> T:
        def go() -> T:
            with self.driver.session(database=self.database) as s:
                return s.execute_write(fn, *args)

        return self._guard(go)

    def _read[T](self, fn: Callable[..., T], *args: Any) -> T:
        def go() -> T:
            with self.driver.session(database=self.database) as s:
                return s.execute_read(fn, *args)

        return self._guard(go)

    def _query(self, query: str, **params: Any) -> list[Row]:
        """One read query, its rows as dicts."""
        return self._read(_rows, query, params)

    def _ensure_schema(self) -> None:
        def go() -> None:
            with self.driver.session(database=self.database) as s:
                for statement in (*SCHEMA, *REVIEW_SCHEMA):
                    s.run(statement).consume()

        self._guard(go)
        self._write(_run, Q_FILL_BASE_KEYS, {})
        version = self._write(_single, Q_VERSION, {"version": STORE_VERSION})
        if version is not None and str(version) != STORE_VERSION:
            msg = f"{self.where}: store version {version}, this program reads version {STORE_VERSION}"
            raise StoreError(msg)

    # -- writing -----------------------------------------------------------------------------

    def start_run(self) -> IngestReport:
        run_id = self._write(_single, Q_START_RUN, {"now": utc_now()})
        return IngestReport(run_id=int(run_id or 0))

    def finish_run(self, report: IngestReport) -> None:
        params = {"id": report.run_id, "now": utc_now(), "added": len(report.added), "changed": len(report.changed),
                  "unchanged": len(report.unchanged), "failed": len(report.failed), "failures": _dumps(report.failed)}  # fmt: skip
        self._write(_run, Q_FINISH_RUN, params)

    def file_hash(self, path: str) -> str | None:
        rows = self._query(Q_FILE, path=path)
        return str(rows[0]["f"]["sha256"]) if rows else None

    def upsert(self, path: str, sha256: str, ex: Extraction, run_id: int | None = None) -> str:
        """Store what was read from ``path``; returns ``added``, ``changed`` or ``unchanged``."""
        return self._write(self._upsert_tx, path, sha256, ex, run_id)

    @contextmanager
    def batch(self) -> Iterator[None]:
        """The store interface's batch: every file is already its own Neo4j transaction."""
        yield

    def remove(self, path: str) -> None:
        """Take out every fact ``path`` contributed."""
        if not self._write(self._remove_tx, path):
            msg = f"{path}: not in the store {self.where}"
            raise NodeNotFound(msg)

    def clear(self) -> None:
        """Delete everything the store holds (its labels only), in slices."""
        for query in Q_WIPE:
            while self._write(_single, query, {"limit": 10_000}):
                pass
        self._write(_run, Q_BUMP_STATE, {})
        self._cache = None

    def _upsert_tx(
        self, tx: neo4j.ManagedTransaction, path: str, sha: str, ex: Extraction, run_id: int | None
    ) -> str:
        old = _single(tx, Q_FILE, {"path": path})
        if old is not None and old.get("sha256") == sha:
            return "unchanged"
        self._write_file_tx(tx, path, sha, ex, run_id, old)
        return "added" if old is None else "changed"

    def _write_file_tx(
        self,
        tx: neo4j.ManagedTransaction,
        path: str,
        sha: str,
        ex: Extraction,
        run_id: int | None,
        old: Row | None,
    ) -> None:
        """Write one file's facts (replacing ``old``'s): the machine extraction ``ex`` kept as read,
        the corrections that name the file applied (``graph.corrections.apply_corrections``, as the
        embedded store's ``_write_file``) and their outcomes written back to them."""
        changes = _Changes()
        if old is not None:
            self._delete_facts(tx, path, old, changes)
        corrections = corrections_naming(tx, path, sha, own_key(ex, path, sha))
        reviewed = apply_corrections(ex, corrections)
        file_row, mentions, deadlines = _extraction_rows(path, sha, reviewed, run_id)
        _run(tx, Q_CREATE_FILES, {"rows": [file_row]})
        for batch in itertools.batched(mentions, self.batch_size):
            _run(tx, Q_CREATE_MENTIONS, {"rows": list(batch)})
        for batch in itertools.batched(deadlines, self.batch_size):
            _run(tx, Q_CREATE_DEADLINES, {"rows": list(batch)})
        if corrections:  # what the machine read is kept for the files a person corrected
            _run(tx, Q_SET_EXTRACTION, {"path": path, "data": encode_data(encode_extraction(ex))})
        set_outcomes(tx, reviewed.outcomes)
        changes.numbers |= {m["number_key"] for m in mentions}
        changes.keys |= {m["target_key"] for m in mentions if m.get("pinned")}  # not resolved: rebuilt here
        if file_row["number_key"]:
            changes.numbers.add(file_row["number_key"])
        changes.keys.add(file_row["key"])
        changes.sources.add(file_row["key"])
        self._rekey(tx, file_row["base_key"], changes)
        self._refresh(tx, changes)

    def _machine_tx(self, tx: neo4j.ManagedTransaction, path: str, sha: str | None) -> Extraction:
        data = _single(tx, Q_EXTRACTION, {"path": path})
        if data is not None:
            return decode_extraction(decode_data(str(data)))
        return reread_unchanged(path, sha)

    def _rewrite_tx(self, tx: neo4j.ManagedTransaction, paths: Iterable[str]) -> None:
        """Write the files ``paths`` again from their machine extraction, in this transaction."""
        for path in paths:
            old = _single(tx, Q_FILE, {"path": path})
            if old is None:
                continue
            sha = str(old["sha256"])
            self._write_file_tx(tx, path, sha, self._machine_tx(tx, path, sha), old.get("run_id"), old)

    # -- corrections (graph.corrections; queries in graph.neo4j_review) -----------------------

    def corrections(self) -> list[Correction]:
        """Every correction, undone ones too, oldest first."""
        return sort_corrections(correction_of(r["c"]) for r in self._query(Q_ALL_CORRECTIONS))

    def correction(self, correction_id: str) -> Correction:
        found = self._read(read_correction, correction_id)
        if found is None:
            msg = f"no correction {correction_id!r} in {self.where}"
            raise NodeNotFound(msg)
        return found

    def machine_extraction(self, path: str) -> Extraction:
        """What the machine read from the stored file ``path``, before any correction (a store
        written before corrections existed reads the file again, if it is unchanged on disk)."""
        data = self._read(_single, Q_EXTRACTION, {"path": path})
        if data is not None:
            return decode_extraction(decode_data(str(data)))
        return reread_unchanged(path, self.file_hash(path))

    def machine_extractions(self) -> Iterator[tuple[str, bytes]]:
        """Every stored machine extraction, encoded (``graph.corrections.encode_extraction``), by path."""
        rows = sorted((str(r["path"]), str(r["data"])) for r in self._query(Q_ALL_EXTRACTIONS))
        for path, text in rows:
            yield path, decode_data(text)

    def add_corrections(self, corrections: Iterable[Correction]) -> list[Correction]:
        """Store ``corrections`` and write again each file they name, all in one transaction;
        returns the new ones as applied (``problem`` set where no target was found). One already
        stored, or saying what an active one already says, is left out (as the embedded store)."""
        wanted = list(corrections)
        new: list[Correction] = self._write(self._add_tx, wanted) if wanted else []
        return [self.correction(c.id) for c in new]

    def _add_tx(self, tx: neo4j.ManagedTransaction, wanted: list[Correction]) -> list[Correction]:
        new = [c for c in wanted if not held(tx, c)]
        rows = {c.id: correction_props(c) for c in new}  # one node per id
        if rows:
            _run(tx, Q_CREATE_CORRECTIONS, {"rows": list(rows.values())})
        paths: set[str] = set()
        for c in new:
            named = files_named(tx, c)
            if not named:  # applied when its file comes (found by its content)
                _run(tx, Q_SET_PROBLEM, {"id": c.id, "problem": NOT_IN_STORE})
            paths |= set(named)
        self._rewrite_tx(tx, sorted(paths))
        return new

    def undo_correction(self, correction_id: str, by: str) -> Correction:
        """Take a correction back (kept, marked undone) and write its files again without it, in
        one transaction."""
        c = self.correction(correction_id)
        if not c.active:
            msg = f"correction {correction_id} was already undone on {c.undone} by {c.undone_by or '?'}"
            raise CorrectionError(msg)
        self._write(self._undo_tx, c, utc_now(), by)
        return self.correction(correction_id)

    def _undo_tx(self, tx: neo4j.ManagedTransaction, c: Correction, now: str, by: str) -> None:
        _run(tx, Q_UNDO, {"id": c.id, "undone": now, "by": by})
        self._rewrite_tx(tx, files_named(tx, c))

    def _remove_tx(self, tx: neo4j.ManagedTransaction, path: str) -> bool:
        old = _single(tx, Q_FILE, {"path": path})
        if old is None:
            return False
        changes = _Changes()
        self._delete_facts(tx, path, old, changes)
        removed(tx, path)  # its corrections stay, queued unless they still correct another file
        self._refresh(tx, changes)
        return True

    def _delete_facts(self, tx: neo4j.ManagedTransaction, path: str, old: Row, changes: _Changes) -> None:
        for m in _rows(tx, Q_FILE_MENTIONS, {"path": path}):
            changes.numbers.add(m["nk"])
            changes.sources.add(m["source"])
            if m["target"] is not None:
                changes.keys.add(m["target"])
        if old.get("number_key"):
            changes.numbers.add(old["number_key"])
        changes.keys.add(old["key"])
        changes.sources.add(old["key"])
        for query in (Q_DELETE_MENTIONS, Q_DELETE_DEADLINES, Q_DELETE_FILE, Q_DELETE_EXTRACTION):
            _run(tx, query, {"path": path})
        self._rekey(tx, old.get("base_key") or old["key"], changes)

    def _rekey(self, tx: neo4j.ManagedTransaction, base: str, changes: _Changes) -> None:
        """Key the files of base key ``base`` again (``split_identities``, as the embedded store's
        ``_rekey``): a file whose key or collision warning changes takes its mentions and deadlines
        along; the old and new keys are rebuilt and the symbol resolved again."""
        files = sorted(_rows(tx, Q_FILES_BY_BASE, {"base": base}), key=lambda f: f["path"])
        keys = split_identities(
            base, [FileIdentity(f["path"], f["issuer"], f["date"], f["title"]) for f in files]
        )
        notes = identity_warnings(keys, base)
        rows = []
        for f in files:
            path = f["path"]
            old = json.loads(f["warnings_json"] or "[]")
            new = [w for w in old if not w.startswith(IDENTITY_COLLISION)]
            if notes[path] is not None:
                new.append(notes[path])
            if keys[path] == f["key"] and new == old:
                continue
            rows.append({"path": path, "key": keys[path], "warnings_json": _dumps(new)})
            changes.keys |= {f["key"], keys[path]}
            changes.sources |= {f["key"], keys[path]}
            if f["nk"]:
                changes.numbers.add(f["nk"])
        for batch in itertools.batched(rows, self.batch_size):
            for query in (Q_REKEY_FILES, Q_REKEY_MENTIONS, Q_REKEY_DEADLINES):
                _run(tx, query, {"rows": list(batch)})

    def _refresh(self, tx: neo4j.ManagedTransaction, changes: _Changes) -> None:
        """Resolve the touched symbols again, then rebuild the documents and edges that depend on them."""
        self._resolve(tx, changes)
        self._refresh_documents(tx, sorted(changes.keys))
        self._refresh_edges(tx, sorted(changes.sources))
        _run(tx, Q_BUMP_STATE, {})

    def _resolve(self, tx: neo4j.ManagedTransaction, changes: _Changes) -> None:
        nks = sorted(changes.numbers)
        if not nks:
            return
        docs: dict[str, set[tuple[str, str | None, str | None, str | None, str | None]]] = {}
        for r in _rows(tx, Q_DOCS_BY_NUMBER, {"nks": nks}):
            docs.setdefault(r["nk"], set()).add(
                (r["key"], r["level"], r["province"], r["locality"], r["date"])
            )
        candidates = {
            nk: [(k, scope_of(lv, pv, loc), d) for k, lv, pv, loc, d in sorted(rows, key=lambda t: t[0])]
            for nk, rows in docs.items()
        }
        updates = []
        for m in _rows(tx, Q_MENTIONS_BY_NUMBER, {"nks": nks}):
            scope = Scope(m["sp"], m["sl"], national=bool(m["sn"]))
            nk = number_key(m["number"])
            target, status, conf, cands = match_reference(
                self.catalog, m["number"], m["date"], scope, candidates.get(nk, [])
            )
            row = {"id": m["id"], "target_key": target, "status": status, "confidence": float(conf),
                   "candidates_json": _dumps(cands)}  # fmt: skip
            if (
                all(m[f] == row[f] for f in ("status", "confidence", "candidates_json"))
                and m["target"] == target
            ):
                continue  # resolved as before: nothing derived from it changes
            updates.append(row)
            if m["target"] is not None:
                changes.keys.add(m["target"])
            changes.keys.add(target)
            changes.sources.add(m["source"])
        for batch in itertools.batched(updates, self.batch_size):
            _run(tx, Q_SET_RESOLUTION, {"rows": list(batch)})

    def _refresh_documents(self, tx: neo4j.ManagedTransaction, keys: list[str]) -> None:
        """Rebuild the ``Document`` nodes of ``keys`` from their files, or else the mentions citing them."""
        if not keys:
            return
        docs = sorted(
            (_document_row(r["f"]) for r in _rows(tx, Q_FILES_BY_KEY, {"keys": keys})), key=lambda d: d.path
        )
        # An ingested document is what its files say; only a cited one is made from its citations.
        cited = sorted(set(keys) - {d.key for d in docs})
        found = _rows(tx, Q_MENTIONS_BY_TARGET, {"keys": cited}) if cited else []
        refs = sorted((_reference_row(r["m"]) for r in found), key=lambda r: (r.path, r.position))
        # A file that is no document cites nothing in the lineage (as build_graph leaves it out).
        citing = sorted({r.source_key for r in refs})
        left_out = {
            d.key
            for d in (
                _document_row(r["f"]) for r in (_rows(tx, Q_FILES_BY_KEY, {"keys": citing}) if citing else [])
            )
            if NOT_A_DOCUMENT in d.warnings
        }
        refs = [r for r in refs if r.source_key not in left_out]
        G = build_graph(docs, refs, self.catalog)
        places = _first_places(docs, refs)
        keep = [k for k in keys if k in G and "status" in G.nodes[k]]
        gone = [k for k in keys if k not in keep]
        rows = [_document_props(k, G.nodes[k], places[k]) for k in keep]
        for batch in itertools.batched(rows, self.batch_size):
            _run(tx, Q_MERGE_DOCUMENTS, {"rows": list(batch)})
        for kbatch in itertools.batched(gone, self.batch_size):
            _run(tx, Q_DELETE_DOCUMENTS, {"keys": list(kbatch)})

    def _refresh_edges(self, tx: neo4j.ManagedTransaction, sources: list[str]) -> None:
        """Rebuild every relationship out of the documents ``sources`` from their mentions."""
        if not sources:
            return
        _run(tx, Q_DELETE_OUT_EDGES, {"keys": sources})
        # The sources' own files too, so that no source is a bare node when another mention cites it.
        docs = sorted(
            (_document_row(r["f"]) for r in _rows(tx, Q_FILES_BY_KEY, {"keys": sources})),
            key=lambda d: d.path,
        )
        refs = sorted(
            (_reference_row(r["m"]) for r in _rows(tx, Q_MENTIONS_BY_SOURCE, {"keys": sources})),
            key=lambda r: (r.path, r.position),
        )
        G = build_graph(docs, refs, self.catalog)
        for rel, rows in _edge_rows(G, refs).items():
            for batch in itertools.batched(rows, self.batch_size):
                _run(tx, Q_CREATE_EDGES[rel], {"rows": list(batch)})

    # -- reading -----------------------------------------------------------------------------

    def files(self) -> list[FileRow]:
        """Every stored file: ``path, sha256, ingested_at, run_id``, by path."""
        rows = [r["f"] for r in self._query(Q_ALL_FILES)]
        return [
            FileRow(f["path"], f["sha256"], f.get("ingested_at"), f.get("run_id"))
            for f in sorted(rows, key=lambda f: f["path"])
        ]

    def documents(self) -> Iterator[DocumentRow]:
        yield from sorted((_document_row(r["f"]) for r in self._query(Q_ALL_FILES)), key=lambda d: d.path)

    def references(self) -> Iterator[ReferenceRow]:
        rows = (_reference_row(r["m"]) for r in self._query(Q_ALL_MENTIONS))
        yield from sorted(rows, key=lambda r: (r.path, r.position))

    def deadlines(self) -> Iterator[DeadlineJSON]:
        rows = sorted(
            (r["d"] for r in self._query(Q_ALL_DEADLINES)), key=lambda d: (d["path"], d["date"], d["idx"])
        )
        for d in rows:
            yield {"path": d["path"], "document": d["document"], "date": d["date"], "assignee": d.get("assignee"),
                   "report_due": bool(d["report_due"]), "evidence": json.loads(d["evidence_json"])}  # fmt: skip

    def paths(self) -> list[str]:
        return sorted(r["path"] for r in self._query(Q_PATHS))

    def files_of(self, key: str) -> list[DocumentRow]:
        """The files of the document ``key``, by path."""
        return sorted(
            (_document_row(r["f"]) for r in self._query(Q_FILES_BY_KEY, keys=[key])), key=lambda d: d.path
        )

    def references_from(self, key: str) -> list[ReferenceRow]:
        """The references read from the files of the document ``key``, in path and position order."""
        rows = (_reference_row(r["m"]) for r in self._query(Q_MENTIONS_BY_SOURCE, keys=[key]))
        return sorted(rows, key=lambda r: (r.path, r.position))

    def references_from_keys(self, keys: Collection[str]) -> list[ReferenceRow]:
        """The references read from the files of the documents ``keys``, in one batched read
        (``references_from`` of each, in key, path and position order)."""
        items = sorted(set(keys))
        out: list[ReferenceRow] = []
        for start in range(0, len(items), 500):
            rows = self._query(Q_MENTIONS_BY_SOURCE, keys=items[start : start + 500])
            out.extend(
                sorted(
                    (_reference_row(r["m"]) for r in rows), key=lambda r: (r.source_key, r.path, r.position)
                )
            )
        return out

    def review_rows(self, province: str | None) -> tuple[list[DocumentRow], list[ReferenceRow]]:
        """What the review queue looks at in ``province`` (None: everywhere; ``UNKNOWN_PROVINCE``:
        where it could not be read), as the embedded store's ``review_rows``: documents with a
        warning or no date or province, and references not reviewed by a person whose relation or
        resolution is in doubt."""
        unknown = province == UNKNOWN_PROVINCE
        wanted = None if province is None or unknown else (current_province_name(province) or province)
        params = {"province": wanted, "unknown": unknown}
        docs = sorted(
            (_document_row(r["f"]) for r in self._query(Q_REVIEW_FILES, **params)), key=lambda d: d.path
        )
        found = [
            _reference_row(r["m"])
            for r in self._query(Q_REVIEW_MENTIONS, review=REVIEW_RULE, low=LOW_CONFIDENCE)
        ]
        if province is not None and found:
            of = {
                r["path"]: r["province"]
                for r in self._query(Q_PROVINCE_OF, paths=sorted({m.path for m in found}))
            }
            found = [m for m in found if (of.get(m.path) is None if unknown else of.get(m.path) == wanted)]
        return docs, sorted(found, key=lambda r: (r.path, r.position))

    def key_of_path(self, path: str) -> str | None:
        rows = self._query(Q_KEY_OF_PATH, path=path)
        return str(rows[0]["key"]) if rows else None

    @property
    def reader(self) -> Neo4jReader:
        """Batched Cypher reads (``graph.neo4j_reads``): what the gap engine and the document view use."""
        return Neo4jReader(lambda query, params: self._read(_collected, query, params), _node_attrs)

    def path_bounds(self) -> tuple[str, str] | None:
        """The first and last stored path (the folder they share holds every file)."""
        rows = self._query(Q_PATH_BOUNDS)
        if not rows or rows[0]["lo"] is None:
            return None
        return str(rows[0]["lo"]), str(rows[0]["hi"])

    def document_count(self) -> int:
        """Documents in lineage (ingested ``Document`` nodes)."""
        rows = self._query(Q_DOCUMENT_COUNT)
        return int(rows[0]["n"]) if rows else 0

    def generation(self) -> str:
        """A counter bumped by every change (what answers are cached against)."""
        return str(self._state())

    def snapshot(self) -> Snapshot:
        """What the store holds, for stamping reports: a hash over the file hashes, and counts."""
        h = hashlib.sha256()
        rows = sorted((r["path"], r["sha256"]) for r in self._query(Q_PATHS))
        for path, sha in rows:
            h.update(f"{path}\0{sha}\n".encode())
        return {"corpus_hash": h.hexdigest()[:16], "files": len(rows), "time": utc_now()}

    def runs(self) -> list[RunRow]:
        cols = ["id", "started", "finished", "added", "changed", "unchanged", "failed", "failures"]
        rows = sorted((r["r"] for r in self._query(Q_ALL_RUNS)), key=lambda r: r["id"])
        return [RunRow(*(r.get(c) for c in cols)) for r in rows]

    def _state(self) -> int:
        rows = self._query(Q_STATE)
        return int(rows[0]["value"] or 0) if rows else 0

    def graph(self) -> nx.MultiDiGraph:
        """The networkx view, read from the ``Document`` nodes and their relationships (cached until a change)."""
        state = self._state()
        if self._cache is not None and self._cache[0] == state:
            return self._cache[1]
        nodes, edges = self._read(_graph_rows)
        G = nx.MultiDiGraph()
        for p in sorted(nodes, key=lambda p: (p["ord_kind"], p["ord_path"], p["ord_pos"])):
            G.add_node(p["key"], **_node_attrs(p))
        for e in sorted(edges, key=lambda e: _edge_place(e["e"])):
            attrs = _edge_json(e["source"], e["target"], e["e"])
            G.add_edge(e["source"], e["target"], key=attrs["relation"], relation=attrs["relation"],
                       confidence=attrs["confidence"], status=attrs["status"], evidence=attrs["evidence"])  # fmt: skip
        self._cache = (state, G)
        return G

    def resolve_key(self, key_or_path: str) -> str:
        """A document key given a key, a stored file path, a path that resolves to one, or a number
        exactly one document bears (else ``NodeNotFound`` with the candidates, as the embedded store)."""
        from graph.search import resolve_document

        key_or_path = unicodedata.normalize("NFC", key_or_path)
        try:
            key, _ = self._read(_resolve_tx, key_or_path)
        except NodeNotFound:
            # A file kept out of lineage as no official document is still a document to review.
            if self._query(Q_FILE_OF_KEY, key=key_or_path):
                return key_or_path
            return resolve_document(self.reader, key_or_path)
        return str(key)

    # -- lineage -----------------------------------------------------------------------------

    def scope(self, province: str | None) -> GapGraph:
        """The gap facts of a province (or of the whole store), read with generic Cypher reads."""
        cache: ScopeCache = self.__dict__.setdefault("_scopes", ScopeCache())
        return cache.get(self.generation(), province, lambda: load_scope(self.reader, province))

    def lineage(
        self, key: str, direction: str = "up", depth: int | None = None, limit: int | None = None
    ) -> LineageAnswer:
        """Documents reached from ``key`` along implements/reports_on/urges, as ``graph.lineage.lineage``."""
        return lineage(self.reader, self.resolve_key(key), direction, depth, limit)

    # -- gaps --------------------------------------------------------------------------------

    def coverage(self, opts: GapOptions | None = None) -> list[CoverageCell]:
        """The directive coverage table, as ``graph.gaps.find_coverage`` gives it, read in Cypher."""
        opts = check_options(opts or GapOptions())
        if opts.province == UNKNOWN_PROVINCE:
            return find_coverage(self.scope(UNKNOWN_PROVINCE), opts)
        cells: list[CoverageCell] = self._read(coverage_tx, opts)[0]
        return cells

    def gaps(self, opts: GapOptions | None = None) -> list[Gap]:
        """Every gap of the kinds asked for, as ``graph.gaps.find_gaps`` gives them, computed in Cypher
        (``graph.neo4j_gaps``); the documents whose province is unknown by the engine over this
        backend's reads (the Cypher rules select by province)."""
        opts = check_options(opts or GapOptions())
        if opts.province == UNKNOWN_PROVINCE:
            return find_gaps(self.scope(UNKNOWN_PROVINCE), (), opts)
        rows: list[Gap] = self._read(gaps_tx, opts)
        rows.sort(key=gap_order)
        return rows


# -- transaction functions ------------------------------------------------------------------------


def _graph_rows(tx: neo4j.ManagedTransaction) -> tuple[list[Row], list[Row]]:
    nodes = [r["d"] for r in _rows(tx, Q_ALL_DOCUMENTS, {})]
    return nodes, _rows(tx, Q_ALL_EDGES, {})


def _resolve_tx(tx: neo4j.ManagedTransaction, key_or_path: str) -> tuple[str, Row]:
    """The document a key or a file path means, and its node's properties."""
    root = _single(tx, Q_DOCUMENT, {"key": key_or_path})
    if root is not None:
        return key_or_path, root
    for candidate in (key_or_path, str(Path(key_or_path).resolve())):
        key = _single(tx, Q_KEY_OF_PATH, {"path": candidate})
        if key is not None:
            root = _single(tx, Q_DOCUMENT, {"key": key})
            if root is not None:
                return str(key), root
    msg = f"{key_or_path!r} is neither a document key nor an ingested file"
    raise NodeNotFound(msg)


# -- copying and opening --------------------------------------------------------------------------


def push(
    source: "Store",
    target: Neo4jStore,
    *,
    batch_size: int | None = None,
    on_batch: Callable[[int, int], None] | None = None,
) -> dict[str, int]:
    """Copy ``source`` (usually the embedded store) into ``target``, replacing what ``target`` held.

    Files, mentions with their resolution, deadlines, documents, relationships, runs, the machine
    extraction of each file and the corrections (with what a person pinned: a document's key, a
    reference's target) are loaded with ``UNWIND`` in batches of ``batch_size`` rows (default:
    the target's), each batch its own transaction: an interrupted push leaves a partial copy, and pushing again repairs it.
    Returns the counts copied. ``on_batch(rows, total)`` is told after each batch how many rows it
    held, out of how many in all (a progress line).
    """
    size = max(1, batch_size or target.batch_size)
    docs = list(source.documents())
    refs = list(source.references())
    files = {f.path: f for f in source.files()}
    G = source.graph()  # the store's own view (cached by the embedded store), not a second copy
    places = _first_places(docs, refs)
    runs = source.runs()
    corrections = source.corrections()
    pinned = _key_pinned(source, docs, files, corrections)

    def file_rows() -> Iterator[Row]:
        for d in docs:
            f = files[d.path]
            yield _file_props(d.path, f.sha256, f.ingested_at or utc_now(), f.run_id, d, d.path in pinned)

    def deadline_rows() -> Iterator[Row]:
        seen: dict[str, int] = {}
        for d in source.deadlines():
            idx = seen.get(d["path"], 0)
            seen[d["path"]] = idx + 1
            yield _deadline_props(
                d["path"], idx, d["document"], d["date"], d["assignee"], d["report_due"], d["evidence"]
            )

    counts = dict.fromkeys(
        ("files", "references", "deadlines", "documents", "edges", "runs", "extractions", "corrections"), 0
    )
    edge_rows = _edge_rows(G, refs)
    target.clear()
    # Rows are made batch by batch as they are sent: a national store never sits in memory twice.
    steps: list[tuple[str, str, Iterable[Row]]] = [
        ("files", Q_CREATE_FILES, file_rows()),
        ("references", Q_CREATE_MENTIONS, (_mention_props(r, True, r.status == REVIEWED) for r in refs)),
        ("deadlines", Q_CREATE_DEADLINES, deadline_rows()),
        ("documents", Q_MERGE_DOCUMENTS, (_document_props(k, a, places[k]) for k, a in G.nodes(data=True))),
        *(("edges", Q_CREATE_EDGES[rel], rows) for rel, rows in edge_rows.items()),
        ("runs", Q_CREATE_RUNS, ({k: v for k, v in asdict(r).items() if v is not None} for r in runs)),
        ("extractions", Q_CREATE_EXTRACTIONS,
         ({"path": p, "data": encode_data(data)} for p, data in source.machine_extractions())),
        ("corrections", Q_CREATE_CORRECTIONS, (correction_props(c) for c in corrections)),
    ]  # fmt: skip
    total = len(docs) + len(refs) + sum(1 for _ in source.deadlines()) + len(G)
    total += sum(len(rows) for rows in edge_rows.values()) + len(runs) + len(corrections)
    total += sum(1 for _ in source.machine_extractions())
    for name, query, rows in steps:
        for batch in itertools.batched(rows, size):
            target._write(_run, query, {"rows": list(batch)})
            counts[name] += len(batch)
            if on_batch is not None:
                on_batch(len(batch), total)
    target._write(_run, Q_SET_RUN_COUNTER, {"value": max((r.id for r in runs), default=0)})
    target._write(_run, Q_BUMP_STATE, {})
    target._cache = None
    return counts


def _key_pinned(
    source: "Store", docs: list[DocumentRow], files: dict[str, FileRow], corrections: list[Correction]
) -> set[str]:
    """The paths whose document's key a person gave: those an active merge or split correction
    attaches to (``graph.corrections.attaches``: same content, or same path holding the document
    the machine keyed ``document``)."""
    moves = [c for c in corrections if c.active and c.action in (Action.MERGE, Action.SPLIT)]
    out: set[str] = set()
    for d in docs if moves else []:
        sha = files[d.path].sha256
        for c in moves:
            if c.sha256 == sha:
                out.add(d.path)
            elif c.path == d.path:
                try:
                    machine = source.machine_extraction(d.path)
                except CorrectionError:
                    continue
                if attaches(c, d.path, sha, own_key(machine, d.path, sha)):
                    out.add(d.path)
    return out


def _conforms(store: "Neo4jStore") -> "Store":
    """Type check only: both stores offer the whole interface."""
    return store
