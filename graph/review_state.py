"""Whether a person confirmed the facts a gap row rests on, or the machine read them alone.

A gap row rests on its document and on some of the document's links (the references read from its
files): a basis that was not collected on the ``implements`` link to it, a report without a plan on
its ``reports_on`` link, an urging letter on its ``urges`` link, a broken chain on the document's
own ``implements`` links, and a plan with no basis on every link the document has (none of them was
read as ``implements``). The other rows (no report, report overdue, unit coverage) rest on the
document and on the absence of other documents' links: on no link of their own.

:func:`review_states` gives each row a :class:`RowReview` (codes, never sentences; the faces label
them with ``viz.i18n``):

* ``confirmed``: a person corrected or confirmed the row's document (an active correction of the
  document itself without a problem: ``confirm``, ``set``, ``not_document``, ``merge``, ``split``),
  or reviewed every link the row rests on (their rule is ``review``; their evidence carries the
  review marks of ``graph.corrections.review_mark``);
* ``low_confidence``: not confirmed, and a machine-read link the row rests on was read by a rule
  whose measured confidence is below ``ontology.review.LOW_CONFIDENCE``;
* ``machine_read``: the rest.

It reads in batches, whatever the number of rows: the corrections once, the stored files and the
key of each file a document correction reaches (only when there is one), and the references of the rows' documents in one batched read
(``references_from_keys`` where the store offers it, else ``references_from`` per document).
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from graph.corrections import Correction
from graph.records import FileRow, ReferenceRow
from ontology.gaps import Gap, GapKind
from ontology.review import LOW_CONFIDENCE, REVIEW_RULE, Action, ReviewState

__all__ = [
    "DOCUMENT_REVIEWS",
    "MACHINE_READ",
    "ReviewSource",
    "RowId",
    "RowReview",
    "review_counts",
    "review_states",
    "row_id",
    "state_of",
]

# The corrections that are about a document itself (a link's corrections mark the link instead).
DOCUMENT_REVIEWS = frozenset({Action.SET, Action.NOT_DOCUMENT, Action.MERGE, Action.SPLIT})

# The relation of the link a row rests on, for the kinds that rest on the link to ``related``.
_LINK_OF: dict[GapKind, str] = {
    GapKind.BASIS_MISSING: "implements",
    GapKind.CHAIN_BROKEN: "implements",
    GapKind.REPORT_WITHOUT_PLAN: "reports_on",
    GapKind.URGED_NO_RESPONSE: "urges",
}

# What names a gap row among a report's rows: kind, document, related documents, unit.
type RowId = tuple[str, str, tuple[str, ...], str]


def row_id(row: Gap) -> RowId:
    """The row's identity in a report (rows with the same identity rest on the same facts)."""
    return row.kind.value, row.document, row.related, row.unit or ""


class ReviewSource(Protocol):
    """What the review state reads from a store (both backends offer it). A store may also offer
    ``references_from_keys(keys) -> list[ReferenceRow]``, the references of many documents in one
    read; without it, ``references_from`` is asked per document."""

    def corrections(self) -> list[Correction]: ...
    def files(self) -> list[FileRow]: ...
    def key_of_path(self, path: str) -> str | None: ...
    def references_from(self, key: str) -> list[ReferenceRow]: ...


@dataclass(frozen=True, slots=True)
class RowReview:
    """The review state of one gap row: its ``state``; who confirmed it and by which corrections
    (``by``, ``corrections``: ids of the corrections or review marks); and the lowest confidence of
    the machine-read links it rests on (None when it rests on none)."""

    state: ReviewState
    by: tuple[str, ...] = ()
    corrections: tuple[str, ...] = ()
    confidence: float | None = None

    @property
    def low(self) -> bool:
        return self.state is ReviewState.LOW_CONFIDENCE

    def to_json(self) -> dict[str, Any]:
        return {
            "state": self.state.value,
            "by": list(self.by),
            "corrections": list(self.corrections),
            "confidence": self.confidence,
        }


MACHINE_READ = RowReview(ReviewState.MACHINE_READ)


def review_counts(reviews: Iterable[RowReview]) -> dict[str, int]:
    """Rows by state, every state present (``confirmed``, ``machine_read``, ``low_confidence``):
    the states are exclusive, so the counts add up to the rows."""
    counts = {s.value: 0 for s in ReviewState}
    for r in reviews:
        counts[r.state.value] += 1
    return counts


def _is_document_review(c: Correction) -> bool:
    if not c.active or c.problem is not None:
        return False
    return c.action in DOCUMENT_REVIEWS or (c.action is Action.CONFIRM and c.number is None)


def _document_reviews(store: ReviewSource) -> dict[str, list[Correction]]:
    """The active document corrections, by the key of the document they correct now: that of each
    stored file they reach (``graph.corrections.attaches``: the same content under any path, else
    the same path). The files are listed only when there is such a correction."""
    reviews = [c for c in store.corrections() if _is_document_review(c)]
    if not reviews:
        return {}
    by_sha: dict[str, list[str]] = {}
    for f in store.files():
        by_sha.setdefault(f.sha256, []).append(f.path)
    stored = {p for paths in by_sha.values() for p in paths}
    keys: dict[str, str | None] = {}
    out: dict[str, list[Correction]] = {}
    for c in reviews:
        for path in by_sha.get(c.sha256) or ([c.path] if c.path in stored else []):
            if path not in keys:
                keys[path] = store.key_of_path(path)
            key = keys[path]
            if key is not None and c not in out.setdefault(key, []):
                out[key].append(c)
    return out


def _references(store: ReviewSource, keys: Sequence[str]) -> dict[str, list[ReferenceRow]]:
    batched = getattr(store, "references_from_keys", None)
    rows: Iterable[ReferenceRow] = (
        batched(keys) if batched is not None else (r for k in keys for r in store.references_from(k))
    )
    out: dict[str, list[ReferenceRow]] = {}
    for r in rows:
        out.setdefault(r.source_key, []).append(r)
    return out


def _rests_on(row: Gap, refs: Sequence[ReferenceRow]) -> list[ReferenceRow]:
    """The links of the row's document the row rests on."""
    if row.kind is GapKind.NO_BASIS:
        return list(refs)
    rel = _LINK_OF.get(row.kind)
    if rel is None:
        return []
    related = set(row.related)
    return [r for r in refs if r.target_key in related and rel in r.relations]


def _marks(refs: Iterable[ReferenceRow]) -> list[Mapping[str, Any]]:
    return [m for r in refs for e in r.evidence for m in e.get("review") or ()]


def _reviewed(r: ReferenceRow) -> bool:
    return r.rule == REVIEW_RULE


def state_of(row: Gap, refs: Sequence[ReferenceRow], document_reviews: Sequence[Correction]) -> RowReview:
    """The review state of ``row`` given its document's references and document corrections."""
    links = _rests_on(row, refs)
    if document_reviews or (links and all(_reviewed(r) for r in links)):
        marks = _marks(links)
        by = {c.author for c in document_reviews} | {str(m.get("by") or "") for m in marks}
        ids = {c.id for c in document_reviews} | {str(m.get("id") or "") for m in marks}
        return RowReview(ReviewState.CONFIRMED, tuple(sorted(by - {""})), tuple(sorted(ids - {""})))
    # A link stored before confidences were kept has no rule: its confidence is unknown, not low.
    machine = [r.relation_confidence for r in links if not _reviewed(r) and r.rule]
    lowest = min(machine) if machine else None
    state = (
        ReviewState.LOW_CONFIDENCE
        if lowest is not None and lowest < LOW_CONFIDENCE
        else ReviewState.MACHINE_READ
    )
    return RowReview(state, confidence=lowest)


def review_states(store: ReviewSource, rows: Sequence[Gap]) -> dict[RowId, RowReview]:
    """The review state of each of ``rows``, by :func:`row_id`; read in batches (see the module)."""
    if not rows:
        return {}
    document_reviews = _document_reviews(store)
    needs_links = sorted({g.document for g in rows if g.kind is GapKind.NO_BASIS or g.kind in _LINK_OF})
    refs = _references(store, needs_links)
    return {
        row_id(g): state_of(g, refs.get(g.document, ()), document_reviews.get(g.document, ())) for g in rows
    }
