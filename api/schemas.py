"""Pydantic models at the HTTP boundary (the pipeline itself passes dataclasses)."""

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from ontology.gaps import GapKind, ReasonCode

__all__ = [
    "DeadlinePublic",
    "DirectivePublic",
    "DocumentDetail",
    "DocumentPage",
    "DocumentPublic",
    "EdgePublic",
    "ErrorResponse",
    "EvidencePublic",
    "GapPublic",
    "GapTableRow",
    "GraphPublic",
    "Health",
    "IngestResult",
    "LineagePublic",
    "ProvincePublic",
    "ReasonPublic",
]

KEY_EXAMPLE = "57-NQ/TW@VN@2024"


class ErrorResponse(BaseModel):
    """The one shape of every error."""

    ok: bool = False
    error: str = Field(examples=["document 'x@VN@2020' is not in the graph"])
    status: int = Field(examples=[404])


class Health(BaseModel):
    """Liveness; what the store holds only for a caller with an API key."""

    status: str = Field(examples=["ok"])
    backend: str | None = Field(default=None, examples=["sqlite"])
    documents: int | None = None
    files: int | None = None
    corpus_hash: str | None = None


class EvidencePublic(BaseModel):
    model_config = ConfigDict(extra="allow")
    file: str | None = None
    start: int
    end: int
    text: str = Field(examples=["Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị …"])


class EdgePublic(BaseModel):
    source: str
    target: str
    relation: str = Field(examples=["implements"])
    confidence: float
    status: str = Field(examples=["exact"])
    evidence: list[EvidencePublic]


class DocumentPublic(BaseModel):
    key: str = Field(examples=[KEY_EXAMPLE])
    number: str | None = Field(default=None, examples=["57-NQ/TW"])
    doc_type: str | None = Field(default=None, examples=["Nghị quyết"])
    issuer: str | None = Field(default=None, examples=["Bộ Chính trị"])
    level: str | None = Field(default=None, examples=["central"])
    locality: str | None = None
    province: str | None = Field(default=None, examples=["Hải Phòng"])
    province_at_issue: str | None = Field(default=None, examples=["Hải Dương"])
    date: str | None = Field(default=None, examples=["2024-12-22"])
    title: str | None = None
    status: str = Field(examples=["ingested"])
    catalog: bool = False
    ambiguous: bool = False
    sources: list[str] = []


class DeadlinePublic(BaseModel):
    date: str = Field(examples=["2025-03-28"])
    assignee: str | None = None
    report_due: bool
    evidence: EvidencePublic


class ReasonPublic(BaseModel):
    """A gap's reason as a code with parameters (``ontology.gaps.ReasonCode``)."""

    code: ReasonCode = Field(examples=["basis_not_ingested"])
    params: dict[str, Any] = Field(default_factory=dict, examples=[{"basis": "12-KH/TU"}])


class GapPublic(BaseModel):
    """One gap row (``ontology.gaps.Gap``); ``reason_text`` renders the reason in the language asked."""

    kind: GapKind = Field(examples=["no_report"])
    document: str
    source: str | None = None
    number: str | None = None
    doc_type: str | None = None
    title: str | None = None
    date: str | None = None
    province: str | None = None
    province_at_issue: str | None = None
    unit: str | None = None
    unit_level: str | None = None
    level: str | None = None
    due: str | None = None
    assignee: str | None = None
    related: list[str] = []
    reason: ReasonPublic
    reason_text: str
    evidence: list[dict[str, Any]] = []


class DirectivePublic(BaseModel):
    key: str
    label: str


class GapTableRow(GapPublic):
    """A gap row as the browser's gap table shows it: with the document's issuer and the
    directives (central documents) its lineage reaches, for the table's facets."""

    issuer: str | None = None
    directives: list[DirectivePublic] = []


class DocumentDetail(DocumentPublic):
    signer: str | None = None
    recipients: list[str] = []
    edges_out: list[EdgePublic]
    edges_in: list[EdgePublic]
    deadlines: list[DeadlinePublic]
    gaps: list[GapPublic]


class DocumentPage(BaseModel):
    items: list[DocumentPublic]
    count: int
    offset: int
    limit: int


class LineagePublic(BaseModel):
    root: str
    direction: str
    nodes: list[dict[str, Any]]
    edges: list[EdgePublic]
    truncated: bool = Field(
        description="The walk reached more than `limit` documents: the first `limit` it reached are given"
    )


class ProvincePublic(BaseModel):
    name: str = Field(examples=["Hải Phòng"])
    code: int = Field(examples=[31])
    full_name: str = Field(examples=["Thành phố Hải Phòng"])
    old_names: list[str] = Field(examples=[["Hải Dương"]])
    documents: int
    edges: int
    gaps: int = Field(description="Document gaps (every kind but unit_coverage)")
    uncovered_units: int = Field(description="Units with no document carrying out a tracked directive")
    note: str | None = Field(default=None, description="Why a row stands apart (the 'unknown' province)")


class GraphPublic(BaseModel):
    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    total_nodes: int
    omitted_nodes: int
    truncated: bool
    limit: int
    gap_nodes: int = Field(0, description="Documents with gaps drawn")
    omitted_gap_nodes: int = Field(0, description="Documents with gaps left out by the cap")


class IngestFailure(BaseModel):
    file: str
    error: str


class IngestResult(BaseModel):
    run_id: int
    added: list[str]
    changed: list[str]
    unchanged: list[str]
    failed: list[IngestFailure]
