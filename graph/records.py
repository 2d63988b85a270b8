"""The rows a store holds and gives back: a document as read from one file, a reference with what
it resolved to, a stored file, a deadline, what one ingest run did, and what the store holds.
Every backend stores and returns these (``graph.contract.Store``).

Rows the program reads are frozen dataclasses; what is JSON as it stands (a deadline, the
snapshot stamped on reports, a document node as the answers give it, an edge) is a ``TypedDict``,
so that it is typed and still serialised as it is.
"""

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, NotRequired, TypedDict

from graph.identity import Scope

__all__ = [
    "STORE_VERSION",
    "DeadlineJSON",
    "DocumentNode",
    "DocumentRow",
    "EdgeJSON",
    "EvidenceJSON",
    "FileRow",
    "IngestReport",
    "ReferenceRow",
    "RunRow",
    "Snapshot",
    "utc_now",
]

STORE_VERSION = "1"  # of the stored model, on every backend


@dataclass(frozen=True, slots=True)
class DocumentRow:
    """An ingested document as stored."""

    path: str
    key: str
    number: str | None
    doc_type: str | None
    issuer: str | None
    level: str | None
    locality: str | None
    province: str | None
    province_at_issue: str | None
    date: str | None
    title: str | None
    signer: str | None
    recipients: list[str]
    warnings: list[str]


@dataclass(frozen=True, slots=True)
class ReferenceRow:
    """A stored reference and what it resolved to."""

    path: str
    position: int
    source_key: str
    number: str
    doc_type: str | None
    date: str | None
    issuer: str | None
    level: str | None
    relations: list[str]
    evidence: list[dict[str, Any]]
    scope: Scope
    target_key: str
    status: str  # exact | probable | catalog | ambiguous | unresolved | reviewed (a person set it)
    confidence: float  # of the resolution
    candidates: list[str]
    relation_confidence: float = 0.0  # that the relation was read right (1.0 once a person reviewed it)
    rule: str = ""  # the rule that read the relation ("review" for a person)


class EvidenceJSON(TypedDict):
    """Where a reference or deadline was read: the file and the span of its text."""

    file: str
    start: int
    end: int
    text: str


class DeadlineJSON(TypedDict):
    """A report deadline read from a document (``Store.deadlines``, the readers' ``deadlines_of``)."""

    path: str
    document: str  # the key of the document it was read from
    date: str
    assignee: str | None
    report_due: bool
    evidence: EvidenceJSON


class DocumentNode(TypedDict):
    """A document as the graph holds it and the answers give it (``graph.build.ingested_node``,
    ``cited_node``): ``graph.build.NODE_FIELDS`` and how it is known."""

    number: str | None
    doc_type: str | None
    issuer: str | None
    level: str | None
    locality: str | None
    province: str | None
    province_at_issue: str | None
    date: str | None
    title: str | None
    signer: str | None
    recipients: list[str]
    status: str  # ingested | cited
    catalog: bool
    ambiguous: bool
    sources: list[str]
    candidates: NotRequired[list[str]]  # an ambiguous citation's possible documents


class EdgeJSON(TypedDict):
    """An edge as every answer gives it (``graph.lineage.edge_json``)."""

    source: str
    target: str
    relation: str
    confidence: float
    status: str
    evidence: list[EvidenceJSON]


class Snapshot(TypedDict):
    """What a store holds, for stamping reports: a hash over the file hashes, the file count, the time."""

    corpus_hash: str
    files: int
    time: str


@dataclass(frozen=True, slots=True)
class FileRow:
    """A stored file: what ``push`` copies."""

    path: str
    sha256: str
    ingested_at: str | None
    run_id: int | None


@dataclass(frozen=True, slots=True)
class RunRow:
    """One ingest run as stored: when, and how many files it added, changed, left and failed."""

    id: int
    started: str | None
    finished: str | None  # None: the run did not finish
    added: int | None
    changed: int | None
    unchanged: int | None
    failed: int | None
    failures: str | None  # JSON: a list of [path, error]


@dataclass(slots=True)
class IngestReport:
    """What one ``ingest`` run did."""

    run_id: int
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)


def utc_now() -> str:
    """The time now, as stored: UTC ISO 8601 to the second."""
    return datetime.now(UTC).isoformat(timespec="seconds")
