"""Corrections on the Neo4j backend: the Cypher that keeps them and the machine extractions.

Model (``docs/neo4j.md``, "Corrections"):

* ``(:Correction {id, action, path, sha256, document, number, field, value, note, author, created,
  machine, problem, undone, undone_by})``: one node per ``graph.corrections.Correction`` (the
  properties of :data:`~graph.corrections.CORRECTION_FIELDS`, a missing one is None). It is tied
  to no other node: it names its file by content hash, or by path while the path holds the same
  document (``graph.corrections.attaches``), so it stays when the file goes and finds the file
  again when it comes back (or comes in under another path, or into another store);
* ``(:Extraction {path, data})``: what the machine read from the file ``path`` before any
  correction (``graph.corrections.encode_extraction``, as base64 text: about 2 KB), kept for the
  files a correction names; any other file is read again, unchanged on disk, the first time one
  does, as the embedded store does. It is a node of its own, not a property of the ``File``, so
  that the many reads of ``File`` properties do not carry it.

The store (``graph.neo4j_store``) applies ``graph.corrections.apply_corrections`` whenever it
writes a file, exactly as the embedded store does; these are the reads and writes it uses for it.
"""

import base64
from collections.abc import Iterable
from typing import Final

import neo4j

from graph.corrections import (
    CORRECTION_FIELDS,
    FILE_REMOVED,
    Correction,
    Outcome,
    attaches,
    correction_from_row,
    correction_row,
    decode_extraction,
)
from graph.neo4j_cypher import Row, _rows, _run, _single
from graph.resolve import own_key

__all__ = [
    "REVIEW_SCHEMA",
    "correction_props",
    "corrections_naming",
    "decode_data",
    "encode_data",
    "files_named",
    "read_correction",
    "set_outcomes",
]

REVIEW_SCHEMA: Final[tuple[str, ...]] = (
    "CREATE CONSTRAINT lineage_correction_id IF NOT EXISTS FOR (c:Correction) REQUIRE c.id IS UNIQUE",
    "CREATE CONSTRAINT lineage_extraction_path IF NOT EXISTS FOR (x:Extraction) REQUIRE x.path IS UNIQUE",
    "CREATE INDEX lineage_correction_path IF NOT EXISTS FOR (c:Correction) ON (c.path)",
    "CREATE INDEX lineage_correction_sha IF NOT EXISTS FOR (c:Correction) ON (c.sha256)",
    "CREATE INDEX lineage_correction_document IF NOT EXISTS FOR (c:Correction) ON (c.document)",
    "CREATE INDEX lineage_file_sha IF NOT EXISTS FOR (f:File) ON (f.sha256)",
)

Q_ALL_CORRECTIONS: Final = "MATCH (c:Correction) RETURN c {.*} AS c"
Q_CORRECTION: Final = "MATCH (c:Correction {id: $id}) RETURN c {.*} AS c"
# Corrections are few (a person made each): one query with a disjunction scans them, cheaply.
# Two indexed lookups (an OR over two properties is a scan of every correction on some servers).
Q_CORRECTIONS_NAMING: Final = (
    "MATCH (c:Correction {path: $path}) RETURN c {.*} AS c"
    " UNION MATCH (c:Correction {sha256: $sha256}) RETURN c {.*} AS c"
)
Q_CREATE_CORRECTIONS: Final = "UNWIND $rows AS r CREATE (c:Correction) SET c = r"
# What the machine had read is recorded when a correction is first applied, and kept.
Q_SET_OUTCOMES: Final = (
    "UNWIND $rows AS r MATCH (c:Correction {id: r.id})"
    " SET c.machine = coalesce(c.machine, r.machine), c.problem = r.problem"
)
# The same correction, or an active one saying the same of the same file (``SQLiteStore._held``).
Q_HELD: Final = (
    "MATCH (c:Correction) WHERE c.id = $id OR (c.undone IS NULL AND c.action = $action AND c.path = $path"
    " AND c.sha256 = $sha256 AND coalesce(c.number, '') = coalesce($number, '')"
    " AND coalesce(c.field, '') = coalesce($field, '') AND coalesce(c.value, '') = coalesce($value, ''))"
    " RETURN count(c) AS n"
)
Q_ACTIVE_OF_PATH: Final = "MATCH (c:Correction {path: $path}) WHERE c.undone IS NULL RETURN c {.*} AS c"
Q_UNDO: Final = "MATCH (c:Correction {id: $id}) SET c.undone = $undone, c.undone_by = $by"
Q_SET_PROBLEM: Final = "MATCH (c:Correction {id: $id}) SET c.problem = $problem"
# Files are many: one query per indexed property, no disjunction (ArcadeDB would scan every file).
Q_FILES_NAMED: Final[tuple[str, ...]] = (
    "MATCH (f:File {path: $path}) RETURN f.path AS path, f.sha256 AS sha256, f.base_key AS base_key",
    "MATCH (f:File {sha256: $sha256}) RETURN f.path AS path, f.sha256 AS sha256, f.base_key AS base_key",
)

Q_EXTRACTION: Final = "MATCH (x:Extraction {path: $path}) RETURN x.data AS data"
Q_SET_EXTRACTION: Final = "MERGE (x:Extraction {path: $path}) SET x.data = $data"
Q_DELETE_EXTRACTION: Final = "MATCH (x:Extraction {path: $path}) DETACH DELETE x"
Q_CREATE_EXTRACTIONS: Final = "UNWIND $rows AS r CREATE (x:Extraction) SET x = r"
Q_ALL_EXTRACTIONS: Final = "MATCH (x:Extraction) RETURN x.path AS path, x.data AS data"

# The review queue's rows (``Neo4jStore.review_rows``), selected as the embedded store selects them.
Q_REVIEW_FILES: Final = (
    "MATCH (f:File) WHERE ($province IS NULL OR f.province = $province) AND ($unknown = false OR f.province IS NULL)"
    " AND (f.warnings_json <> '[]' OR f.date IS NULL OR f.province IS NULL) RETURN f {.*} AS f"
)
Q_REVIEW_MENTIONS: Final = (
    "MATCH (m:Mention) WHERE m.status = 'ambiguous' OR ((m.rule IS NULL OR m.rule <> $review)"
    " AND (m.relation_confidence < $low OR m.status = 'probable')) RETURN m {.*} AS m"
)
Q_PROVINCE_OF: Final = (
    "UNWIND $paths AS p MATCH (f:File {path: p}) RETURN f.path AS path, f.province AS province"
)


def encode_data(data: bytes) -> str:
    """An encoded machine extraction as the ``Extraction`` node keeps it (base64 text: every Bolt
    server takes strings, not every one byte arrays)."""
    return base64.b64encode(data).decode("ascii")


def decode_data(text: str) -> bytes:
    return base64.b64decode(text)


def correction_props(c: Correction) -> Row:
    """A ``Correction`` node's properties (None values are simply not set)."""
    return {f: v for f, v in zip(CORRECTION_FIELDS, correction_row(c), strict=True) if v is not None}


def correction_of(props: Row) -> Correction:
    return correction_from_row([props.get(f) for f in CORRECTION_FIELDS])


def sort_corrections(cs: Iterable[Correction]) -> list[Correction]:
    """Oldest first, as the embedded store lists them."""
    return sorted(cs, key=lambda c: (c.created, c.id))


def read_correction(tx: neo4j.ManagedTransaction, correction_id: str) -> Correction | None:
    props = _single(tx, Q_CORRECTION, {"id": correction_id})
    return None if props is None else correction_of(props)


def corrections_naming(
    tx: neo4j.ManagedTransaction, path: str, sha256: str, machine_key: str
) -> list[Correction]:
    """The corrections of a file (``graph.corrections.attaches``: its content, or its path still
    holding the document the machine keys ``machine_key``)."""
    rows = _rows(tx, Q_CORRECTIONS_NAMING, {"path": path, "sha256": sha256})
    found = {c.id: c for c in (correction_of(r["c"]) for r in rows)}  # one found both ways counts once
    return sort_corrections(c for c in found.values() if attaches(c, path, sha256, machine_key))


def held(tx: neo4j.ManagedTransaction, c: Correction) -> bool:
    """Whether ``c``, or an active correction saying the same of the same file, is stored."""
    params = {"id": c.id, "action": c.action.value, "path": c.path, "sha256": c.sha256, "number": c.number,
              "field": c.field, "value": c.value}  # fmt: skip
    return bool(_single(tx, Q_HELD, params))


def files_named(tx: neo4j.ManagedTransaction, c: Correction) -> list[str]:
    """The stored files ``c`` corrects (``graph.corrections.attaches``), as the embedded store's
    ``_files_named``: the machine key of a file is its kept extraction's, else its base key."""
    found: set[str] = set()
    for query in Q_FILES_NAMED:
        for r in _rows(tx, query, {"path": c.path, "sha256": c.sha256}):
            path, sha = str(r["path"]), str(r["sha256"])
            if sha == c.sha256 or attaches(c, path, sha, _machine_key(tx, path, sha, r["base_key"])):
                found.add(path)
    return sorted(found)


def _machine_key(tx: neo4j.ManagedTransaction, path: str, sha256: str, base_key: str | None) -> str:
    data = _single(tx, Q_EXTRACTION, {"path": path})
    if data is None:
        return base_key or ""
    return own_key(decode_extraction(decode_data(str(data))), path, sha256)


def removed(tx: neo4j.ManagedTransaction, path: str) -> None:
    """After the file ``path`` went: its active corrections stay (the file may come back, or live
    in another store) and are queued, unless they still correct another file (a copy, a move)."""
    for r in _rows(tx, Q_ACTIVE_OF_PATH, {"path": path}):
        c = correction_of(r["c"])
        if not files_named(tx, c):
            _run(tx, Q_SET_PROBLEM, {"id": c.id, "problem": FILE_REMOVED})


def set_outcomes(tx: neo4j.ManagedTransaction, outcomes: Iterable[Outcome]) -> None:
    rows = [{"id": o.id, "machine": o.machine, "problem": o.problem} for o in outcomes]
    if rows:
        _run(tx, Q_SET_OUTCOMES, {"rows": rows})
