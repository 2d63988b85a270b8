"""The embedded store: one SQLite file holding documents, references with evidence, deadlines and runs.

Files are keyed by path and content hash: ingesting the same bytes again changes nothing, a changed
file replaces every fact it contributed, and ``remove`` takes them out. Each file is written in
one transaction (a savepoint when a batch commits many files together), so a failure never leaves
half a file behind. References are resolved to document keys after every change, for the symbols
and scopes the change touched only; the resolution depends on the set of documents alone, so the
graph does not depend on the order files were ingested in. Files that share a base key (symbol,
scope, year) but not an issuer or date are kept as separate documents with a review warning
(``graph.resolve.split_identities``); every change keys the files of its base key again.
"""

import json
import os
import sqlite3
import unicodedata
from collections.abc import Collection, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

from graph.corrections import (
    CORRECTION_FIELDS,
    FILE_REMOVED,
    NOT_IN_STORE,
    REVIEWED,
    Correction,
    CorrectionError,
    Reviewed,
    apply_corrections,
    attaches,
    correction_from_row,
    correction_row,
    decode_extraction,
    encode_extraction,
    reread_unchanged,
)
from graph.errors import NodeNotFound, StoreError, StoreNotFound
from graph.identity import Scope, number_key, reference_scope, scope_of
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
    identity_warnings,
    match_reference,
    own_key,
    split_identities,
)
from graph.sqlite_reads import LEFT_OUT, SQLiteReader
from ingest.gazetteer import current_province_name
from ingest.records import Extraction
from ontology.catalog import Catalog, load_catalog
from ontology.provinces import UNKNOWN_PROVINCE
from ontology.review import LOW_CONFIDENCE, REVIEW_RULE

if TYPE_CHECKING:
    import networkx as nx

    from graph.coverage import CoverageCell
    from graph.gapdata import GapGraph
    from graph.gaps import GapOptions
    from graph.lineage import LineageAnswer
    from ontology.gaps import Gap

__all__ = [
    "LineageStore",
    "SQLiteStore",
    "open_embedded",
]

SCHEMA = """
PRAGMA foreign_keys = ON;
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY, sha256 TEXT NOT NULL, ingested_at TEXT NOT NULL, run_id INTEGER
);
CREATE TABLE IF NOT EXISTS documents (
    path TEXT PRIMARY KEY REFERENCES files(path) ON DELETE CASCADE,
    key TEXT NOT NULL, number TEXT, number_key TEXT, doc_type TEXT, issuer TEXT, level TEXT,
    locality TEXT, province TEXT, province_at_issue TEXT, date TEXT, title TEXT, signer TEXT,
    recipients TEXT NOT NULL, warnings TEXT NOT NULL,
    base_key TEXT  -- own_key: the key files of one identity share; ``key`` may add a suffix (#11)
);
CREATE INDEX IF NOT EXISTS documents_key ON documents(key);
CREATE INDEX IF NOT EXISTS documents_number_province ON documents(number_key, province);
CREATE INDEX IF NOT EXISTS documents_province ON documents(province);
CREATE INDEX IF NOT EXISTS documents_central ON documents(key) WHERE level='central';
CREATE INDEX IF NOT EXISTS documents_left_out ON documents(key) WHERE {LEFT_OUT};
CREATE TABLE IF NOT EXISTS refs (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL REFERENCES files(path) ON DELETE CASCADE,
    position INTEGER NOT NULL, source_key TEXT NOT NULL,
    number TEXT NOT NULL, number_key TEXT NOT NULL, doc_type TEXT, date TEXT, issuer TEXT, level TEXT,
    relations TEXT NOT NULL, evidence TEXT NOT NULL,
    scope_province TEXT, scope_locality TEXT, scope_national INTEGER NOT NULL,
    target_key TEXT, status TEXT, confidence REAL, candidates TEXT
);
CREATE INDEX IF NOT EXISTS refs_number_scope ON refs(number_key, scope_province);
CREATE INDEX IF NOT EXISTS refs_path ON refs(path);
CREATE INDEX IF NOT EXISTS refs_target ON refs(target_key);
CREATE INDEX IF NOT EXISTS refs_source ON refs(source_key);
CREATE INDEX IF NOT EXISTS refs_national ON refs(target_key) WHERE scope_national=1;
CREATE TABLE IF NOT EXISTS deadlines (
    path TEXT NOT NULL REFERENCES files(path) ON DELETE CASCADE,
    source_key TEXT NOT NULL, date TEXT NOT NULL, assignee TEXT, report_due INTEGER NOT NULL, evidence TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS deadlines_path ON deadlines(path);
CREATE INDEX IF NOT EXISTS deadlines_source ON deadlines(source_key);
CREATE TABLE IF NOT EXISTS extractions (  -- what the machine read from each corrected file
    path TEXT PRIMARY KEY REFERENCES files(path) ON DELETE CASCADE, data BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS corrections (  -- graph.corrections.Correction; kept when its file goes
    id TEXT PRIMARY KEY, action TEXT NOT NULL, path TEXT NOT NULL, sha256 TEXT NOT NULL,
    document TEXT NOT NULL, number TEXT, field TEXT, value TEXT, note TEXT NOT NULL, author TEXT NOT NULL,
    created TEXT NOT NULL, machine TEXT, problem TEXT, undone TEXT, undone_by TEXT
);
CREATE INDEX IF NOT EXISTS corrections_path ON corrections(path);
CREATE INDEX IF NOT EXISTS corrections_sha ON corrections(sha256);
CREATE INDEX IF NOT EXISTS corrections_document ON corrections(document);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY, started TEXT NOT NULL, finished TEXT,
    added INTEGER DEFAULT 0, changed INTEGER DEFAULT 0, unchanged INTEGER DEFAULT 0,
    failed INTEGER DEFAULT 0, failures TEXT DEFAULT '[]'
);
""".replace("{LEFT_OUT}", LEFT_OUT)


_CORRECTION_COLUMNS = ", ".join(CORRECTION_FIELDS)


_DOCUMENT_COLUMNS = (
    "path, key, number, doc_type, issuer, level, locality, province, province_at_issue, date, title, signer,"
    " recipients, warnings"
)
_REFERENCE_COLUMNS = (
    "path, position, source_key, number, doc_type, date, issuer, level, relations, evidence, scope_province,"
    " scope_locality, scope_national, target_key, status, confidence, candidates, relation_confidence, rule"
)


def _document_row(r: Any) -> DocumentRow:
    return DocumentRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11], json.loads(r[12]), json.loads(r[13]))  # fmt: skip


def _reference_row(r: Any) -> ReferenceRow:
    return ReferenceRow(
        r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], json.loads(r[8]), json.loads(r[9]),
        Scope(r[10], r[11], national=bool(r[12])), r[13], r[14], r[15], json.loads(r[16] or "[]"),
        r[17] if r[17] is not None else 0.0, r[18] or "",
    )  # fmt: skip


class SQLiteStore:
    """The default graph store: a single SQLite file, no server."""

    def __init__(
        self, path: str | Path, catalog: Catalog | None = None, busy_timeout: float | None = None
    ) -> None:
        self.path = Path(path)
        self.catalog = catalog if catalog is not None else load_catalog()
        self._batch: int | None = None  # files per commit inside ``batch()``
        self._uncommitted = 0
        self.busy_timeout = busy_timeout if busy_timeout is not None else _busy_timeout()
        try:
            self.db = sqlite3.connect(str(self.path), check_same_thread=False, timeout=self.busy_timeout)
            self.db.execute("PRAGMA journal_mode=WAL")
            # WAL with synchronous=NORMAL cannot corrupt the file or keep half a transaction; a
            # power cut may only lose the last commits, which the next ingest writes again.
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.executescript(SCHEMA)
            self._migrate()
            row = self.db.execute("SELECT value FROM meta WHERE name='version'").fetchone()
            if row is None:
                self.db.execute("INSERT INTO meta VALUES ('version', ?)", (STORE_VERSION,))
                self.db.commit()
        except sqlite3.DatabaseError as exc:
            msg = f"{self.path}: not a lineage store ({exc})"
            raise StoreError(msg) from exc

    def _migrate(self) -> None:
        """Bring a store made by an earlier version up to the schema: ``documents.base_key`` (#11)
        is added when missing, filled with each document's key (a key was its base key then); the
        review columns (#14) are added empty: a reference's relation confidence and rule, whether a
        person set its target (``pinned``) or a document's key (``key_pinned``)."""
        cols = {str(r[1]) for r in self.db.execute("PRAGMA table_info(documents)")}
        if "base_key" not in cols:
            self.db.execute("ALTER TABLE documents ADD COLUMN base_key TEXT")
            self.db.execute("UPDATE documents SET base_key = key")
        if "key_pinned" not in cols:
            self.db.execute("ALTER TABLE documents ADD COLUMN key_pinned INTEGER")
        ref_cols = {str(r[1]) for r in self.db.execute("PRAGMA table_info(refs)")}
        for name, kind in (("relation_confidence", "REAL"), ("rule", "TEXT"), ("pinned", "INTEGER")):
            if name not in ref_cols:
                self.db.execute(f"ALTER TABLE refs ADD COLUMN {name} {kind}")
        self.db.execute("CREATE INDEX IF NOT EXISTS documents_base_key ON documents(base_key)")
        self.db.commit()

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -----------------------------------------------------------------------------

    @contextmanager
    def _writing(self) -> Iterator[None]:
        """Turn SQLite's "locked" and "full" into a ``StoreError`` that says what happened."""
        try:
            yield
        except sqlite3.OperationalError as exc:
            text = str(exc)
            if "locked" in text or "busy" in text:
                msg = (
                    f"{self.path}: the store is busy (another process is writing to it); waited "
                    f"{self.busy_timeout:g} s (set $LINEAGE_BUSY_TIMEOUT to wait longer)"
                )
                raise StoreError(msg) from exc
            if "full" in text:
                msg = f"{self.path}: the disk is full ({text}); what was committed before is kept"
                raise StoreError(msg) from exc
            raise

    def start_run(self) -> IngestReport:
        with self._writing():
            self.db.execute("BEGIN IMMEDIATE")
            cur = self.db.execute("INSERT INTO runs(started) VALUES (?)", (utc_now(),))
            self.db.commit()
        return IngestReport(run_id=int(cur.lastrowid or 0))

    def finish_run(self, report: IngestReport) -> None:
        with self._writing():
            self.db.execute(
                "UPDATE runs SET finished=?, added=?, changed=?, unchanged=?, failed=?, failures=? WHERE id=?",
                (utc_now(), len(report.added), len(report.changed), len(report.unchanged), len(report.failed),
                 json.dumps(report.failed, ensure_ascii=False), report.run_id),
            )  # fmt: skip
            self.db.commit()

    def generation(self) -> str:
        """A counter bumped by every change: what the networkx view is cached against."""
        row = self.db.execute("SELECT value FROM meta WHERE name='generation'").fetchone()
        return str(row[0]) if row else "0"

    def _bump(self) -> None:
        self.db.execute(
            "INSERT INTO meta VALUES ('generation', '1') ON CONFLICT(name) DO UPDATE SET value = CAST(value AS INTEGER) + 1"
        )

    def file_hash(self, path: str) -> str | None:
        row = self.db.execute("SELECT sha256 FROM files WHERE path=?", (path,)).fetchone()
        return str(row[0]) if row else None

    @contextmanager
    def batch(self, files_per_commit: int = 500) -> Iterator[None]:
        """Upserts inside commit together, every ``files_per_commit`` files and at the end.

        Each file is still whole or absent (a savepoint per file); a crash loses at most the files
        of the last, uncommitted slice, which the next ingest writes again. One commit per file
        costs more than extracting it.
        """
        if self._batch is not None:
            yield
            return
        self._batch = files_per_commit
        self._uncommitted = 0
        with self._writing():
            self.db.execute("BEGIN IMMEDIATE")  # wait for the write lock now, not fail upgrading later
        try:
            yield
        finally:
            self._batch = None
            try:
                with self._writing():
                    self.db.commit()
            except BaseException:
                self.db.rollback()  # what could not be committed is not there: readers agree
                raise

    @contextmanager
    def _one_file(self) -> Iterator[None]:
        """One file's changes, whole or not at all: its own transaction, or a savepoint in a batch."""
        if self._batch is None:
            with self._writing():
                self.db.execute("BEGIN IMMEDIATE")
            with self._writing(), self.db:
                yield
            return
        self.db.execute("SAVEPOINT one_file")
        try:
            with self._writing():
                yield
        except BaseException:
            if self.db.in_transaction:  # SQLite may have rolled back everything itself (disk full)
                self.db.execute("ROLLBACK TO one_file")
                self.db.execute("RELEASE one_file")
            raise
        self.db.execute("RELEASE one_file")
        self._uncommitted += 1
        if self._uncommitted >= self._batch:
            with self._writing():
                self.db.commit()
                self.db.execute("BEGIN IMMEDIATE")
            self._uncommitted = 0

    def upsert(self, path: str, sha256: str, ex: Extraction, run_id: int | None = None) -> str:
        """Store what was read from ``path`` with the corrections that apply to it; returns
        ``added``, ``changed`` or ``unchanged``."""
        old = self.file_hash(path)
        if old == sha256:
            return "unchanged"
        with self._one_file():  # the file's facts go in whole or not at all
            self._write_file(path, sha256, ex, run_id, old is not None)
        return "added" if old is None else "changed"

    def _write_file(self, path: str, sha256: str, ex: Extraction, run_id: int | None, replace: bool) -> None:
        """Write one file's facts: the machine extraction kept as read, the corrections applied."""
        # This file's references are resolved, and every other reference that a document that
        # came or went could be the target of (same symbol, compatible scope); a reference
        # depends on the documents alone, so no other one can change.
        changed = self._delete_facts(path) if replace else set()
        corrections = self._corrections_of(path, sha256, own_key(ex, path, sha256))
        reviewed = apply_corrections(ex, corrections)
        changed |= self._insert_facts(path, sha256, reviewed, run_id)
        if corrections:  # what the machine read is kept for the files a person corrected
            self.db.execute("INSERT INTO extractions VALUES (?, ?)", (path, encode_extraction(ex)))
        # What the machine had read is recorded when a correction is first applied, and kept.
        self.db.executemany(
            "UPDATE corrections SET machine=COALESCE(machine, ?), problem=? WHERE id=?",
            [(o.machine, o.problem, o.id) for o in reviewed.outcomes],
        )
        changed |= self._rekey(own_key(reviewed.extraction, path, sha256))
        done = self._resolve_rows("path=?", (path,))
        self._resolve(changed, skip=done)
        self._bump()

    # -- corrections -------------------------------------------------------------------------

    def _corrections_of(self, path: str, sha256: str, machine_key: str) -> list[Correction]:
        """The corrections of this file (``graph.corrections.attaches``)."""
        found = (
            correction_from_row(r)
            for r in self.db.execute(
                f"SELECT {_CORRECTION_COLUMNS} FROM corrections WHERE path=? OR sha256=?", (path, sha256)
            )
        )
        return [c for c in found if attaches(c, path, sha256, machine_key)]

    def corrections(self) -> list[Correction]:
        """Every correction, undone ones too, oldest first."""
        return [
            correction_from_row(r)
            for r in self.db.execute(f"SELECT {_CORRECTION_COLUMNS} FROM corrections ORDER BY created, id")
        ]

    def machine_extraction(self, path: str) -> Extraction:
        """What the machine read from the stored file ``path``, before any correction: kept for a
        file once it has a correction; before that, read again from the file, which must be
        unchanged on disk (``CorrectionError`` otherwise)."""
        row = self.db.execute("SELECT data FROM extractions WHERE path=?", (path,)).fetchone()
        if row is not None:
            return decode_extraction(bytes(row[0]))
        return reread_unchanged(path, self.file_hash(path))

    def machine_extractions(self) -> Iterator[tuple[str, bytes]]:
        """Every stored machine extraction, encoded (``encode_extraction``), by path (for copying)."""
        for path, data in self.db.execute("SELECT path, data FROM extractions ORDER BY path"):
            yield str(path), bytes(data)

    def add_corrections(self, corrections: Iterable[Correction]) -> list[Correction]:
        """Store ``corrections`` and write again each file they name, in one transaction; returns
        the new ones as applied (``problem`` set where no target was found). One already stored,
        or saying what an active one already says, is left out."""
        wanted = list(corrections)
        with self._one_file():
            new = [c for c in wanted if not self._held(c)]
            self.db.executemany(
                f"INSERT OR IGNORE INTO corrections({_CORRECTION_COLUMNS})"
                f" VALUES ({', '.join('?' * len(CORRECTION_FIELDS))})",
                [correction_row(c) for c in new],
            )
            paths: set[str] = set()
            for c in new:
                named = self._files_named(c)
                if not named:
                    self.db.execute("UPDATE corrections SET problem=? WHERE id=?", (NOT_IN_STORE, c.id))
                paths |= set(named)
            self._rewrite(sorted(paths))
        return [self.correction(c.id) for c in new]

    def _held(self, c: Correction) -> bool:
        """Whether ``c``, or an active correction saying the same of the same file, is stored."""
        return (
            self.db.execute(
                "SELECT 1 FROM corrections WHERE id=? OR (undone IS NULL AND action=? AND path=? AND sha256=?"
                " AND number IS ? AND field IS ? AND value IS ?)",
                (c.id, c.action.value, c.path, c.sha256, c.number, c.field, c.value),
            ).fetchone()
            is not None
        )

    def undo_correction(self, correction_id: str, by: str) -> Correction:
        """Take a correction back (kept, marked undone) and write its files again without it."""
        c = self.correction(correction_id)
        if not c.active:
            msg = f"correction {correction_id} was already undone on {c.undone} by {c.undone_by or '?'}"
            raise CorrectionError(msg)
        with self._one_file():
            self.db.execute("UPDATE corrections SET undone=?, undone_by=? WHERE id=?", (utc_now(), by, c.id))
            self._rewrite(self._files_named(c))
        return self.correction(correction_id)

    def correction(self, correction_id: str) -> Correction:
        row = self.db.execute(
            f"SELECT {_CORRECTION_COLUMNS} FROM corrections WHERE id=?", (correction_id,)
        ).fetchone()
        if row is None:
            msg = f"no correction {correction_id!r} in {self.path}"
            raise NodeNotFound(msg)
        return correction_from_row(row)

    def _files_named(self, c: Correction) -> list[str]:
        """The stored files ``c`` corrects (``graph.corrections.attaches``)."""
        found = []
        for path, sha, base in self.db.execute(
            "SELECT files.path, files.sha256, documents.base_key FROM files LEFT JOIN documents USING(path)"
            " WHERE files.sha256=? OR files.path=?",
            (c.sha256, c.path),
        ):
            if sha == c.sha256 or attaches(c, path, sha, self._machine_key(path, sha, base)):
                found.append(str(path))
        return sorted(found)

    def _machine_key(self, path: str, sha256: str, base_key: str | None) -> str:
        """The key the machine gives the document of a stored file (its base key, unless a person's
        correction changed what it is keyed by)."""
        row = self.db.execute("SELECT data FROM extractions WHERE path=?", (path,)).fetchone()
        if row is None:
            return base_key or ""
        return own_key(decode_extraction(bytes(row[0])), path, sha256)

    def _rewrite(self, paths: Iterable[str]) -> None:
        """Write the files ``paths`` again from their machine extraction (inside a transaction)."""
        for path in paths:
            sha, run_id = self.db.execute("SELECT sha256, run_id FROM files WHERE path=?", (path,)).fetchone()
            self._write_file(path, str(sha), self.machine_extraction(path), run_id, replace=True)

    def remove(self, path: str) -> None:
        """Take out every fact ``path`` contributed."""
        if self.file_hash(path) is None:
            msg = f"{path}: not in the store {self.path}"
            raise NodeNotFound(msg)
        with self._one_file():
            self._resolve(self._delete_facts(path))
            # Its corrections stay (the file may come back, or live in another store) and are
            # queued, unless they still correct another file (a copy, the file moved).
            for r in self.db.execute(
                f"SELECT {_CORRECTION_COLUMNS} FROM corrections WHERE path=? AND undone IS NULL", (path,)
            ).fetchall():
                if not self._files_named(correction_from_row(r)):
                    self.db.execute("UPDATE corrections SET problem=? WHERE id=?", (FILE_REMOVED, r[0]))
            self._bump()

    def _delete_facts(self, path: str) -> set[tuple[str, Scope]]:
        """Delete the file's facts, keying again the files that shared its base key; return the
        symbols and scopes of the documents it held."""
        row = self.db.execute("SELECT base_key FROM documents WHERE path=?", (path,)).fetchone()
        touched = {
            (str(nk), scope_of(lv, pv, loc))
            for nk, lv, pv, loc in self.db.execute(
                "SELECT number_key, level, province, locality FROM documents WHERE path=? AND number_key IS NOT NULL",
                (path,),
            )
        }
        self.db.execute("DELETE FROM files WHERE path=?", (path,))
        if row is not None and row[0] is not None:
            touched |= self._rekey(str(row[0]))
        return touched

    def _rekey(self, base: str) -> set[tuple[str, Scope]]:
        """Key the files of base key ``base`` again (``split_identities``): a document whose key or
        collision warning changes takes its references and deadlines along. Returns the symbols and
        scopes of the documents keyed again, whose references must be resolved again."""
        rows = self.db.execute(
            "SELECT path, key, issuer, date, title, warnings, number_key, level, province, locality"
            " FROM documents WHERE base_key=? AND key_pinned IS NULL ORDER BY path",
            (base,),
        ).fetchall()
        keys = split_identities(base, [FileIdentity(r[0], r[2], r[3], r[4]) for r in rows])
        notes = identity_warnings(keys, base)
        touched: set[tuple[str, Scope]] = set()
        for path, key, _, _, _, warnings, nk, lv, pv, loc in rows:
            old = json.loads(warnings)
            new = [w for w in old if not w.startswith(IDENTITY_COLLISION)]
            if notes[path] is not None:
                new.append(notes[path])
            if keys[path] == key and new == old:
                continue
            self.db.execute(
                "UPDATE documents SET key=?, warnings=? WHERE path=?",
                (keys[path], json.dumps(new, ensure_ascii=False), path),
            )
            if keys[path] != key:
                self.db.execute("UPDATE refs SET source_key=? WHERE path=?", (keys[path], path))
                self.db.execute("UPDATE deadlines SET source_key=? WHERE path=?", (keys[path], path))
            if nk is not None:
                touched.add((str(nk), scope_of(lv, pv, loc)))
        return touched

    def _insert_facts(
        self, path: str, sha256: str, reviewed: Reviewed, run_id: int | None
    ) -> set[tuple[str, Scope]]:
        ex = reviewed.extraction
        d = ex.document
        base = own_key(ex, path, sha256)
        key = reviewed.key or base
        level = d.level.value if d.level else None
        self.db.execute("INSERT INTO files VALUES (?,?,?,?)", (path, sha256, utc_now(), run_id))
        self.db.execute(
            "INSERT INTO documents(path, key, number, number_key, doc_type, issuer, level, locality, province,"
            " province_at_issue, date, title, signer, recipients, warnings, base_key, key_pinned)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (path, key, d.number, number_key(d.number) if d.number else None, d.doc_type, d.issuer, level,
             d.locality, d.province, d.province_at_issue, d.date, d.title, d.signer,
             json.dumps(d.recipients, ensure_ascii=False), json.dumps(ex.warnings, ensure_ascii=False), base,
             1 if reviewed.key else None),
        )  # fmt: skip
        rows = []
        for i, r in enumerate(ex.references):
            scope = reference_scope(
                r.level.value if r.level else None, r.symbol.issuer_code, r.symbol.family == "party",
                level, d.province, d.locality,
            )  # fmt: skip
            marks = reviewed.marks.get(i)
            evidence = [
                {"file": path, **m.evidence.to_json(), **({"review": marks} if marks else {})}
                for m in r.mentions
            ]
            pin = reviewed.pins.get(i)
            rows.append(
                (path, i, key, r.number, number_key(r.number), r.doc_type, r.date, r.issuer,
                 r.level.value if r.level else None, json.dumps([x.value for x in r.relations]),
                 json.dumps(evidence, ensure_ascii=False), scope.province, scope.locality, int(scope.national),
                 r.confidence, r.rule, pin, REVIEWED if pin else None, 1.0 if pin else None, 1 if pin else None)
            )  # fmt: skip
        self.db.executemany(
            "INSERT INTO refs(path, position, source_key, number, number_key, doc_type, date, issuer, level,"
            " relations, evidence, scope_province, scope_locality, scope_national, relation_confidence, rule,"
            " target_key, status, confidence, pinned) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            rows,
        )
        self.db.executemany(
            "INSERT INTO deadlines VALUES (?,?,?,?,?,?)",
            [(path, key, dl.date, dl.assignee, int(dl.report_due), json.dumps({"file": path, **dl.evidence.to_json()},
              ensure_ascii=False)) for dl in ex.deadlines],
        )  # fmt: skip
        return {(number_key(d.number), scope_of(level, d.province, d.locality))} if d.number else set()

    # -- resolution --------------------------------------------------------------------------
    #
    # Local symbols repeat in every province and commune ("05/KH-UBND"), so a symbol alone selects
    # hundreds of documents and references nationally. Both sides are narrowed in SQL to the scopes
    # that ``Scope.compatible`` can accept (provinces are stored as the gazetteer's current names),
    # and ``match_reference`` then applies the rule itself to what is left.

    def _resolve(
        self, changed: set[tuple[str, Scope]], skip: frozenset[int] | set[int] = frozenset()
    ) -> None:
        """Resolve again every reference a document of symbol and scope in ``changed`` could be the target of."""
        for nk, scope in sorted(changed, key=lambda c: (c[0], c[1].text())):
            params: tuple[str, ...] = (nk,)
            if scope.national:
                where = "number_key=? AND (scope_national=1 OR scope_province IS NULL)"
            elif scope.province is not None:
                where = "number_key=? AND (scope_province=? OR (scope_province IS NULL AND scope_national=0))"
                params = (nk, scope.province)
            else:
                where = "number_key=?"
            skip = skip | self._resolve_rows(where, params, skip)

    def _candidates(self, nk: str, scope: Scope) -> list[tuple[str, Scope, str | None]]:
        """The documents of symbol ``nk`` whose scope a reference of ``scope`` could mean."""
        sql = "SELECT DISTINCT key, level, province, locality, date FROM documents WHERE number_key=?"
        params: tuple[str, ...] = (nk,)
        if scope.national:
            sql += " AND (level='central' OR province IS NULL)"
        elif scope.province is not None:
            sql += " AND (province=? OR (province IS NULL AND level IS NOT 'central'))"
            params = (nk, scope.province)
        return [
            (str(k), scope_of(lv, pv, loc), dt)
            for k, lv, pv, loc, dt in self.db.execute(sql + " ORDER BY key", params)
        ]

    def _resolve_rows(
        self, where: str, params: tuple[Any, ...], skip: frozenset[int] | set[int] = frozenset()
    ) -> set[int]:
        """Resolve the references selected by ``where`` (but those in ``skip``); return their ids."""
        rows = self.db.execute(
            "SELECT id, number, number_key, date, scope_province, scope_locality, scope_national FROM refs WHERE"
            " pinned IS NULL AND (" + where + ")",
            params,
        ).fetchall()
        docs_of: dict[tuple[str, Scope], list[tuple[str, Scope, str | None]]] = {}
        updates = []
        done: set[int] = set()
        for ref_id, number, nk, date, sp, sl, sn in rows:
            if ref_id in skip:
                continue
            scope = Scope(sp, sl, national=bool(sn))
            wide = Scope(sp, None, national=bool(sn))  # the SQL narrowing reads the province only
            if (nk, wide) not in docs_of:
                docs_of[nk, wide] = self._candidates(nk, wide)
            target, status, conf, cands = match_reference(
                self.catalog, number, date, scope, docs_of[nk, wide]
            )
            updates.append((target, status, conf, json.dumps(cands, ensure_ascii=False), ref_id))
            done.add(ref_id)
        self.db.executemany(
            "UPDATE refs SET target_key=?, status=?, confidence=?, candidates=? WHERE id=?", updates
        )
        return done

    # -- reading -----------------------------------------------------------------------------

    def documents(self) -> Iterator[DocumentRow]:
        for r in self.db.execute(f"SELECT {_DOCUMENT_COLUMNS} FROM documents ORDER BY path"):
            yield _document_row(r)

    def references(self) -> Iterator[ReferenceRow]:
        for r in self.db.execute(f"SELECT {_REFERENCE_COLUMNS} FROM refs ORDER BY path, position"):
            yield _reference_row(r)

    def files_of(self, key: str) -> list[DocumentRow]:
        """The files of the document ``key``, by path."""
        sql = f"SELECT {_DOCUMENT_COLUMNS} FROM documents WHERE key=? ORDER BY path"
        return [_document_row(r) for r in self.db.execute(sql, (key,))]

    def references_from(self, key: str) -> list[ReferenceRow]:
        """The references read from the files of the document ``key``, in path and position order."""
        sql = f"SELECT {_REFERENCE_COLUMNS} FROM refs WHERE source_key=? ORDER BY path, position"
        return [_reference_row(r) for r in self.db.execute(sql, (key,))]

    def references_from_keys(self, keys: Collection[str]) -> list[ReferenceRow]:
        """The references read from the files of the documents ``keys``, in one batched read
        (``references_from`` of each, in key, path and position order)."""
        items = sorted(set(keys))
        out: list[ReferenceRow] = []
        for start in range(0, len(items), 500):
            chunk = items[start : start + 500]
            sql = (
                f"SELECT {_REFERENCE_COLUMNS} FROM refs WHERE source_key IN ({','.join('?' * len(chunk))})"
                " ORDER BY source_key, path, position"
            )
            out.extend(_reference_row(r) for r in self.db.execute(sql, chunk))
        return out

    def review_rows(self, province: str | None) -> tuple[list[DocumentRow], list[ReferenceRow]]:
        """What the review queue looks at in ``province`` (None: everywhere; ``UNKNOWN_PROVINCE``:
        where it could not be read): documents with a warning or no date or province, and
        references not reviewed by a person whose relation or resolution is in doubt
        (``graph.review.doubts_of_reference`` decides which are)."""
        where = "1=1"
        params: tuple[str, ...] = ()
        if province == UNKNOWN_PROVINCE:
            where = "d.province IS NULL"
        elif province is not None:
            where, params = "d.province=?", (current_province_name(province) or province,)
        docs = [
            _document_row(r)
            for r in self.db.execute(
                f"SELECT {_DOCUMENT_COLUMNS.replace('path', 'd.path', 1)} FROM documents AS d WHERE {where}"
                " AND (d.warnings != '[]' OR d.date IS NULL OR d.province IS NULL) ORDER BY d.path",
                params,
            )
        ]
        refs = [
            _reference_row(r)
            for r in self.db.execute(
                f"SELECT {', '.join('r.' + c for c in _REFERENCE_COLUMNS.split(', '))} FROM refs AS r"
                f" JOIN documents AS d ON d.path = r.path WHERE {where} AND (r.status = 'ambiguous' OR"
                " ((r.rule IS NULL OR r.rule != ?) AND (r.relation_confidence < ? OR r.status = 'probable')))"
                " ORDER BY r.path, r.position",
                (*params, REVIEW_RULE, LOW_CONFIDENCE),
            )
        ]
        return docs, refs

    def deadlines(self) -> Iterator[DeadlineJSON]:
        for path, key, date, assignee, due, ev in self.db.execute(
            "SELECT path, source_key, date, assignee, report_due, evidence FROM deadlines ORDER BY path, date"
        ):
            yield {"path": path, "document": key, "date": date, "assignee": assignee, "report_due": bool(due),
                   "evidence": json.loads(ev)}  # fmt: skip

    def paths(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT path FROM files ORDER BY path")]

    def files(self) -> list[FileRow]:
        """The stored files: path, sha256, ingested_at, run_id (what ``push`` copies)."""
        return [
            FileRow(*r)
            for r in self.db.execute("SELECT path, sha256, ingested_at, run_id FROM files ORDER BY path")
        ]

    def key_of_path(self, path: str) -> str | None:
        row = self.db.execute("SELECT key FROM documents WHERE path=?", (path,)).fetchone()
        return str(row[0]) if row else None

    def path_bounds(self) -> tuple[str, str] | None:
        """The first and last stored path: every other one lies between them, so the folder they
        share is the one every file is in (read from the index, at any size)."""
        lo, hi = self.db.execute("SELECT min(path), max(path) FROM files").fetchone()
        return (str(lo), str(hi)) if lo is not None else None

    def document_count(self) -> int:
        """Documents in lineage (distinct keys; files that are no official document left out)."""
        total = int(self.db.execute("SELECT count(DISTINCT key) FROM documents").fetchone()[0])
        only_left_out = self.db.execute(
            f"SELECT count(DISTINCT key) FROM documents WHERE {LEFT_OUT} AND key NOT IN"
            f" (SELECT key FROM documents AS d WHERE d.key = documents.key AND NOT ({LEFT_OUT}))"
        ).fetchone()[0]
        return total - int(only_left_out)

    def snapshot(self) -> Snapshot:
        """What the store holds, for stamping reports: a hash over the file hashes, and counts.

        Computed once per change of the store (the generation counter)."""
        generation = self.generation()
        cached: tuple[str, Snapshot] | None = getattr(self, "_snapshot", None)
        if cached is not None and cached[0] == generation:
            return cached[1].copy()
        snap = self._compute_snapshot()
        self._snapshot = (generation, snap)
        return snap.copy()

    def _compute_snapshot(self) -> Snapshot:
        import hashlib

        h = hashlib.sha256()
        n = 0
        for path, sha in self.db.execute("SELECT path, sha256 FROM files ORDER BY path"):
            h.update(f"{path}\0{sha}\n".encode())
            n += 1
        return {"corpus_hash": h.hexdigest()[:16], "files": n, "time": utc_now()}

    def runs(self) -> list[RunRow]:
        cols = "id, started, finished, added, changed, unchanged, failed, failures"
        return [RunRow(*r) for r in self.db.execute(f"SELECT {cols} FROM runs ORDER BY id")]


class LineageStore(SQLiteStore):
    """The embedded store with its query operations: the interface every backend offers."""

    _cache: "tuple[str, nx.MultiDiGraph] | None" = None

    @contextmanager
    def _snapshot_read(self) -> Iterator[None]:
        """Reads inside see one state of the store (inside a write transaction, that one)."""
        if self.db.in_transaction:
            yield
            return
        self.db.execute("BEGIN")
        try:
            yield
        finally:
            self.db.rollback()

    def graph(self) -> "nx.MultiDiGraph":
        """The networkx view of the whole store (rebuilt only when the store changed)."""
        from graph.build import build_graph

        state = self.generation()
        if self._cache is None or self._cache[0] != state:
            # One read transaction: an ingest committing between reading the documents and their
            # references would leave edges from documents the view does not hold.
            with self._snapshot_read():
                state = self.generation()
                G = build_graph(self.documents(), self.references(), self.catalog)
                G.graph["_deadlines"] = list(self.deadlines())
            self._cache = (state, G)
        return self._cache[1]

    @property
    def reader(self) -> SQLiteReader:
        """Batched reads of the indexed tables: what lineage, gaps and key lookups use (no graph view)."""
        made: SQLiteReader | None = getattr(self, "_reader", None)
        if made is None:
            made = self._reader = SQLiteReader(self.db, self.catalog, self.generation)
        return made

    def lineage(
        self, key: str, direction: str = "up", depth: int | None = None, limit: int | None = None
    ) -> "LineageAnswer":
        """Lineage read level by level from the tables (``graph.lineage.lineage`` over the reader)."""
        from graph.lineage import lineage

        with self._snapshot_read():
            return lineage(self.reader, self.resolve_key(key), direction, depth, limit)

    def scope(self, province: str | None) -> "GapGraph":
        """The gap facts of a province (or of the whole store), read from the tables; the last few
        are kept until the store changes."""
        from graph.gapdata import ScopeCache, load_scope

        cache: ScopeCache = self.__dict__.setdefault("_scopes", ScopeCache())

        def load() -> "GapGraph":
            with self._snapshot_read():
                return load_scope(self.reader, province)

        return cache.get(self.generation(), province, load)

    def gaps(self, opts: "GapOptions | None" = None) -> "list[Gap]":
        """Gap rows (``ontology.gaps.Gap``) of the kinds, province and date asked (``GapOptions``)."""
        from graph.gaps import GapOptions, check_options, find_gaps

        opts = check_options(opts or GapOptions())
        return find_gaps(self.scope(opts.province), (), opts)

    def coverage(self, opts: "GapOptions | None" = None) -> "list[CoverageCell]":
        """The directive coverage table (``graph.coverage.CoverageCell``) for ``GapOptions``."""
        from graph.gaps import GapOptions, check_options, find_coverage

        opts = check_options(opts or GapOptions())
        return find_coverage(self.scope(opts.province), opts)

    def resolve_key(self, key_or_path: str) -> str:
        """A document key given a key, a stored file path, a path that resolves to one, or a number
        exactly one document bears (``57-NQ/TW``); otherwise ``NodeNotFound`` naming the candidates
        ("did you mean …", ``graph.search.resolve_document``)."""
        from graph.search import resolve_document

        key_or_path = unicodedata.normalize("NFC", key_or_path)
        if self.reader.has_node(key_or_path):
            return key_or_path
        for candidate in (key_or_path, str(Path(key_or_path).resolve())):
            k = self.key_of_path(candidate)
            if k is not None:
                return k
        # A file kept out of lineage as no official document is still a document to review.
        if self.db.execute("SELECT 1 FROM documents WHERE key=?", (key_or_path,)).fetchone():
            return key_or_path
        return resolve_document(self.reader, key_or_path)


def seconds_from_env(name: str, default: float) -> float:
    """Seconds given by the environment variable ``name`` (``default`` when unset); a clear error
    naming the variable when it is not a number."""
    raw = os.environ.get(name, str(default))
    try:
        return float(raw)
    except ValueError:
        msg = f"environment variable {name}: not a number of seconds: {raw!r}"
        raise ValueError(msg) from None


def _busy_timeout() -> float:
    """Seconds a write waits for another process's write to finish: ``$LINEAGE_BUSY_TIMEOUT``, default 60."""
    return seconds_from_env("LINEAGE_BUSY_TIMEOUT", 60)


def open_embedded(
    path: str | Path, busy_timeout: float | None = None, *, create: bool = True
) -> LineageStore:
    """Open (or, with ``create``, create) the embedded store at ``path``; a write waits
    ``busy_timeout`` seconds for another process's (default ``$LINEAGE_BUSY_TIMEOUT`` or 60), then
    fails with ``StoreError``.

    With ``create=False`` a path where no file exists is ``StoreNotFound``: a reader given a
    mistyped path must not answer from a new, empty store."""
    if not create and str(path) != ":memory:" and not Path(path).exists():
        msg = (
            f"{path}: no store at this path; create it with `lineage ingest FILES... --db {path}`"
            " (or give the right --db / $LINEAGE_DB)"
        )
        raise StoreNotFound(msg)
    return LineageStore(path, busy_timeout=busy_timeout)
