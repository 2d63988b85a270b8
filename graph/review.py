"""Review: the queue of facts most worth a person's look, and corrections made from what a user names.

Every face (``lineage review``, the API's ``/review`` endpoints, the browser's side panel) goes
through these functions over a store, so a correction made anywhere is the same record:

* :func:`review_queue`: low-confidence relations, ambiguous or loosely resolved references,
  documents with warnings (no date, no province, OCR, identity collisions, left out as no official
  document) and corrections that lost their target, ordered by doubt (``ontology.review.DOUBT_WEIGHT``);
  what a person already reviewed is not queued again;
* :func:`correct_link`, :func:`correct_document`, :func:`add_link`: a correction of a document
  named by key, path or number, for each of its files; the store applies it (``graph.corrections``);
* :func:`export_corrections` / :func:`import_corrections`: JSON Lines, idempotent;
* :func:`gold_lines`: the reviewed documents in the gold format of ``corpus/real/gold.jsonl``.
"""

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from graph.corrections import Correction, CorrectionError, make_correction
from graph.gapdata import ScopeReader
from graph.identity import number_key
from graph.records import DocumentRow, FileRow, ReferenceRow
from graph.resolve import IDENTITY_COLLISION, own_key
from ingest.records import NOT_A_DOCUMENT, OCR_WARNING, Extraction
from ontology.review import DOUBT_WEIGHT, LOW_CONFIDENCE, REVIEW_RULE, Action, Doubt

if TYPE_CHECKING:
    from graph.contract import Store

__all__ = [
    "QueueItem",
    "ReviewStore",
    "add_link",
    "correct_document",
    "correct_link",
    "export_corrections",
    "gold_lines",
    "import_corrections",
    "local_paths",
    "review_queue",
    "undo",
]


class ReviewStore(Protocol):
    """What review needs of a store (both backends offer it; ``graph.contract.Store`` includes it)."""

    @property
    def reader(self) -> ScopeReader: ...
    def resolve_key(self, key_or_path: str) -> str: ...
    def files_of(self, key: str) -> list[DocumentRow]: ...
    def references_from(self, key: str) -> list[ReferenceRow]: ...
    def review_rows(self, province: str | None) -> tuple[list[DocumentRow], list[ReferenceRow]]: ...
    def file_hash(self, path: str) -> str | None: ...
    def files(self) -> list[FileRow]: ...
    def machine_extraction(self, path: str) -> Extraction: ...
    def corrections(self) -> list[Correction]: ...
    def correction(self, correction_id: str) -> Correction: ...
    def add_corrections(self, corrections: Iterable[Correction]) -> list[Correction]: ...
    def undo_correction(self, correction_id: str, by: str) -> Correction: ...


@dataclass(frozen=True, slots=True)
class QueueItem:
    """A fact in the review queue: a link (``number`` set: the reference as the file writes it) or
    a document; why (``doubts``), how much (``score``), and what to show beside it."""

    kind: str  # "link" | "document" | "correction"
    score: float
    doubts: tuple[Doubt, ...]
    document: str
    path: str
    province: str | None
    number: str | None = None
    relations: tuple[str, ...] = ()
    target: str | None = None
    status: str | None = None
    relation_confidence: float | None = None
    candidates: tuple[str, ...] = ()
    evidence: dict[str, Any] = field(default_factory=dict)
    correction: str | None = None  # the id of a correction that lost its target

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "score": round(self.score, 3), "doubts": [d.value for d in self.doubts],
                "document": self.document, "path": self.path, "province": self.province, "number": self.number,
                "relations": list(self.relations), "target": self.target, "status": self.status,
                "relation_confidence": self.relation_confidence, "candidates": list(self.candidates),
                "evidence": self.evidence, "correction": self.correction}  # fmt: skip


def doubts_of_document(d: DocumentRow) -> list[Doubt]:
    """Why a document is worth a look, from what its row says."""
    found = []
    if any(w.startswith(IDENTITY_COLLISION) for w in d.warnings):
        found.append(Doubt.IDENTITY_COLLISION)
    if d.province is None:
        found.append(Doubt.NO_PROVINCE)
    if d.date is None:
        found.append(Doubt.NO_DATE)
    if NOT_A_DOCUMENT in d.warnings:
        found.append(Doubt.NOT_DOCUMENT)
    if any(w.startswith(OCR_WARNING) for w in d.warnings):
        found.append(Doubt.OCR)
    return found


def doubts_of_reference(r: ReferenceRow) -> list[Doubt]:
    """Why a link is worth a look. A person's review settles its relation and a loose resolution;
    a reference matching several documents stays in doubt until a person points it at one."""
    found = []
    if r.status == "ambiguous":
        found.append(Doubt.AMBIGUOUS)
    if r.rule != REVIEW_RULE:
        if r.relation_confidence < LOW_CONFIDENCE:
            found.append(Doubt.RELATION_LOW)
        if r.status == "probable":
            found.append(Doubt.PROBABLE)
    return found


def review_queue(
    store: ReviewStore,
    province: str | None = None,
    kinds: Iterable[str] | None = None,
    limit: int | None = 100,
) -> list[QueueItem]:
    """The facts most worth a look in ``province`` (None: everywhere), most doubtful first; ``kinds``
    keeps "link", "document" and/or "correction" items only. A document a person corrected or
    confirmed is not queued; a link is not once reviewed (its rule is then ``review``)."""
    wanted = set(kinds or ("link", "document", "correction"))
    docs, refs = store.review_rows(province)
    corrections = store.corrections()
    # A document leaves the queue when a person confirmed it as read; other corrections change
    # its row, so that the doubts they settle (no date, no province ...) are gone from it.
    confirmed = [
        c
        for c in corrections
        if c.active and c.problem is None and c.action is Action.CONFIRM and c.number is None
    ]
    confirmed_paths = {c.path for c in confirmed}
    confirmed_shas = {c.sha256 for c in confirmed}
    province_of = {d.path: d.province for d in docs}
    items: list[QueueItem] = []
    if "correction" in wanted:
        for c in corrections:
            if c.active and c.problem is not None:
                items.append(QueueItem("correction", DOUBT_WEIGHT[Doubt.UNATTACHED], (Doubt.UNATTACHED,), c.document,
                                       c.path, None, c.number, correction=c.id, evidence={"text": c.problem}))  # fmt: skip
    if "document" in wanted:
        for d in docs:
            doubts = doubts_of_document(d)
            if not doubts or d.path in confirmed_paths:
                continue
            # A confirmation made where the file lived under another path: by content (read only then).
            if confirmed_shas and store.file_hash(d.path) in confirmed_shas:
                continue
            score = sum(DOUBT_WEIGHT[x] for x in doubts)
            items.append(QueueItem("document", score, tuple(doubts), d.key, d.path, d.province))
    if "link" in wanted:
        for r in refs:
            doubts = doubts_of_reference(r)
            if not doubts:
                continue
            score = sum(DOUBT_WEIGHT[x] for x in doubts) + (1.0 - min(r.relation_confidence, r.confidence))
            items.append(
                QueueItem("link", score, tuple(doubts), r.source_key, r.path, province_of.get(r.path, r.scope.province),
                          r.number, tuple(r.relations), r.target_key, r.status, r.relation_confidence,
                          tuple(r.candidates), dict(r.evidence[0]) if r.evidence else {})
            )  # fmt: skip
    items.sort(key=lambda i: (-i.score, i.document, i.number or ""))
    return items[:limit] if limit is not None else items


# -- making corrections from what a user names ----------------------------------------------------


def _files(store: ReviewStore, document: str) -> tuple[str, list[DocumentRow]]:
    key = store.resolve_key(document)
    files = store.files_of(key)
    if not files:
        msg = f"{key}: known only by citation; correct the references to it, or ingest its file"
        raise CorrectionError(msg)
    return key, files


def _made(store: ReviewStore, action: Action, d: DocumentRow, **kw: Any) -> Correction:
    sha = store.file_hash(d.path) or ""
    machine_key = own_key(store.machine_extraction(d.path), d.path, sha)
    return make_correction(action, path=d.path, sha256=sha, document=machine_key, **kw)


def correct_link(
    store: ReviewStore,
    document: str,
    action: Action | str,
    *,
    number: str | None = None,
    target: str | None = None,
    value: str | None = None,
    note: str = "",
    author: str = "",
) -> list[Correction]:
    """Confirm, reject, change the relation of, or retarget the link from ``document`` to the
    reference ``number`` (as the file writes it) or to the document ``target``; returns the
    corrections as applied."""
    act = Action(action)
    key, files = _files(store, document)
    refs = store.references_from(key)
    if number is not None:
        want = number_key(number)
        chosen = [r for r in refs if number_key(r.number) == want]
    elif target is not None:
        tkey = store.resolve_key(target) if target not in {r.target_key for r in refs} else target
        chosen = [r for r in refs if r.target_key == tkey]
    else:
        msg = "which link? give the reference's number or the key of the document it points to"
        raise CorrectionError(msg)
    if not chosen:
        have = ", ".join(sorted({r.number for r in refs})) or "none"
        msg = f"{key} has no reference to {number or target} (its references: {have})"
        raise CorrectionError(msg)
    if act is Action.RETARGET and value is not None:
        value = store.resolve_key(value)
        if value == key:
            msg = f"{key} cannot refer to itself"
            raise CorrectionError(msg)
    if act is Action.CONFIRM and value is not None:
        wrong = sorted({r.relations[0] for r in chosen if r.relations and value not in r.relations})
        if wrong:
            msg = f"{key} reads this link as {', '.join(wrong)}, not {value}: to change it, set its relation"
            raise CorrectionError(msg)
    by_path = {d.path: d for d in files}
    made = [
        _made(store, act, by_path[r.path], number=r.number, value=value, note=note, author=author)
        for r in chosen
        if r.path in by_path
    ]
    return store.add_corrections(made)


def correct_document(
    store: ReviewStore,
    document: str,
    action: Action | str,
    *,
    field: str | None = None,
    value: str | None = None,
    note: str = "",
    author: str = "",
    path: str | None = None,
) -> list[Correction]:
    """Set a field of, confirm, mark (not) an official document, merge or split the document
    ``document`` (each of its files, or the one at ``path``). Merging a document known only by
    citation into ``value`` points every reference to it at ``value``."""
    act = Action(action)
    if act is Action.MERGE and value is not None:
        key = store.resolve_key(document)
        if not store.files_of(key):  # known only by citation: its references are pointed at ``value``
            return _merge_cited(store, key, store.resolve_key(value), note, author)
    key, files = _files(store, document)
    if path is not None:
        files = [d for d in files if d.path == path] or _no_file(key, path)
    if act is Action.MERGE and value is not None:
        value = store.resolve_key(value)
        if value == key:
            msg = f"{key} is already that document"
            raise CorrectionError(msg)
    made = [_made(store, act, d, field=field, value=value, note=note, author=author) for d in files]
    return store.add_corrections(made)


def _merge_cited(store: ReviewStore, key: str, into: str, note: str, author: str) -> list[Correction]:
    """A document known only by citation is ``into``: each reference to it is retargeted."""
    made = []
    for source in sorted({u for u, _, _ in store.reader.edges_into([key])}):
        by_path = {d.path: d for d in store.files_of(source)}
        made += [
            _made(
                store, Action.RETARGET, by_path[r.path], number=r.number, value=into, note=note, author=author
            )
            for r in store.references_from(source)
            if r.target_key == key and r.path in by_path
        ]
    if not made:
        msg = f"{key}: no ingested document refers to it"
        raise CorrectionError(msg)
    return store.add_corrections(made)


def _no_file(key: str, path: str) -> list[DocumentRow]:
    msg = f"{path} is not a file of {key}"
    raise CorrectionError(msg)


def add_link(
    store: ReviewStore, source: str, target: str, relation: str, *, note: str = "", author: str = ""
) -> list[Correction]:
    """A link the text does not state but the office knows (e.g. a report answering a plan by a
    phone instruction), from ``source``'s first file to the document ``target``."""
    key, files = _files(store, source)
    tkey = store.resolve_key(target)
    if tkey == key:
        msg = f"{key} cannot refer to itself"
        raise CorrectionError(msg)
    tfiles = store.files_of(tkey)
    number = tfiles[0].number if tfiles else None
    if not note:
        msg = "add-link: say why (a note): the text does not state this link"
        raise CorrectionError(msg)
    return store.add_corrections(
        [
            _made(
                store,
                Action.ADD_LINK,
                files[0],
                number=number,
                field=relation,
                value=tkey,
                note=note,
                author=author,
            )
        ]
    )


def undo(store: ReviewStore, correction_id: str, by: str) -> Correction:
    """Take a correction back; it stays on record, marked undone."""
    return store.undo_correction(correction_id, by)


# -- exchange -------------------------------------------------------------------------------------


def export_corrections(store: ReviewStore) -> Iterator[str]:
    """Every correction as one JSON line (undone ones too: the receiver takes them back as well)."""
    for c in store.corrections():
        yield json.dumps(c.to_json(), ensure_ascii=False, sort_keys=True)


def import_corrections(
    store: ReviewStore, lines: Iterable[str], source: str = "<input>"
) -> tuple[int, int, list[str]]:
    """Add the corrections of JSON ``lines``: ``(added, lines already held, problems)``. A line that is no
    correction is a problem naming its line and the rest go on; a correction undone in the file is
    undone here too. Importing the same lines twice changes nothing."""
    held = {c.id: c for c in store.corrections()}
    new: list[Correction] = []
    undone: list[Correction] = []
    problems: list[str] = []
    seen = 0
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            c = Correction.from_json(json.loads(line))
        except (json.JSONDecodeError, CorrectionError) as exc:
            problems.append(f"{source}:{n}: {exc}")
            continue
        seen += 1
        if c.id in held:
            if not c.active and held[c.id].active:
                undone.append(c)
            continue
        new.append(c)
        held[c.id] = c
    added = store.add_corrections(new)
    for c in undone:
        store.undo_correction(c.id, c.undone_by or "")
    problems += [f"{c.id}: {c.problem}" for c in added if c.problem]
    return len(added), seen - len(new), problems


def gold_lines(store: ReviewStore) -> Iterator[dict[str, Any]]:
    """Each document a person reviewed, as the gold labels of ``corpus/real/gold.jsonl`` read it
    now (``file``, ``self``, ``refs`` with the strongest relation), for the extractor's tests.
    Links a person added (not in the text) are left out."""
    applied = [c for c in store.corrections() if c.active and c.problem is None]
    local = local_paths(store, applied)
    by_path: dict[str, set[str]] = {}
    for c in applied:
        for path in local[c.id]:
            by_path.setdefault(path, set()).add(c.author)
    for path, authors in sorted(by_path.items()):
        rows = _files_at(store, path)
        if not rows:
            continue
        d = rows[0]
        refs = [r for r in store.references_from(d.key) if r.path == path and not _added(r)]
        reviewers = sorted(a for a in authors if a)
        yield {
            "file": Path(path).name,
            "self": {"number": d.number, "doc_type": d.doc_type, "issuer": d.issuer, "level": d.level,
                     "locality": d.locality, "province": d.province, "date": d.date},
            "refs": [{"number": r.number, "date": r.date, "issuer": r.issuer, "level": r.level,
                      "relation": r.relations[0]} for r in refs if r.relations],
            "notes": "reviewed" + (f" by {', '.join(reviewers)}" if reviewers else ""),
        }  # fmt: skip


def local_paths(store: ReviewStore, corrections: list[Correction]) -> dict[str, list[str]]:
    """The files of this store each correction names: its own path, or files of the same content
    (an imported correction, made where the file lived under another path)."""
    shas = {c.sha256 for c in corrections}
    by_sha: dict[str, list[str]] = {}
    if shas:
        for f in store.files():
            if f.sha256 in shas:
                by_sha.setdefault(f.sha256, []).append(f.path)
    return {
        c.id: sorted(set(by_sha.get(c.sha256, [])) | ({c.path} if store.file_hash(c.path) else set()))
        for c in corrections
    }


def _added(r: ReferenceRow) -> bool:
    """Whether a person added this link (it is not in the text)."""
    return any(m.get("action") == Action.ADD_LINK.value for e in r.evidence for m in e.get("review", []))


def _files_at(store: ReviewStore, path: str) -> list[DocumentRow]:
    try:
        key = store.resolve_key(path)
    except LookupError:
        return []
    return [d for d in store.files_of(key) if d.path == path]


def _conforms(store: "Store") -> ReviewStore:
    """Type check only: every store (``graph.contract.Store``, both backends) is a ``ReviewStore``."""
    return store
