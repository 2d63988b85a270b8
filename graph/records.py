"""The rows a store holds and gives back: a document as read from one file, a reference with what
it resolved to, and what one ingest run did. Every backend stores and returns these."""

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from graph.identity import Scope

__all__ = ["STORE_VERSION", "DocumentRow", "IngestReport", "ReferenceRow", "utc_now"]

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
