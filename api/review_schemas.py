"""Pydantic models of the review routes (``api.review_routes``): corrections, the queue, requests.

The vocabulary is ``ontology.review``'s: actions and doubts travel as codes, each face renders them
with ``viz.i18n`` (``GET /labels``: ``actions``, ``doubts``, ``fields``).
"""

from typing import Any, Literal

from pydantic import BaseModel, Field

from ontology.review import DOCUMENT_FIELDS, Action, Doubt
from ontology.terms import Relation

__all__ = [
    "AddLinkRequest",
    "CorrectionPublic",
    "CorrectionsMade",
    "DocumentCorrectionRequest",
    "ImportResult",
    "LinkCorrectionRequest",
    "QueueItemPublic",
    "UndoRequest",
    "WhoAmI",
]

KEY_EXAMPLE = "78/KH-UBND@Hậu Giang@2021"
LinkAction = Literal["confirm", "reject", "relation", "retarget"]
DocumentAction = Literal["confirm", "set", "not_document", "merge", "split"]
Field_ = Literal[DOCUMENT_FIELDS]  # type: ignore[valid-type]
NOTE = Field(default="", max_length=2000, description="Why (free text), kept with the correction")


class CorrectionPublic(BaseModel):
    """One reviewer's decision about one fact (``graph.corrections.Correction``). ``machine`` is what
    the machine had read (JSON text); ``problem`` why it found no target; ``undone`` when taken back."""

    id: str = Field(examples=["0c4e1787679de0eb"])
    action: Action
    path: str = Field(description="The file it was made on (relative to the corpus root)")
    sha256: str
    document: str = Field(examples=[KEY_EXAMPLE], description="The document's key as the machine read it")
    number: str | None = Field(
        default=None, examples=["36A/NQ-CP"], description="A link: the reference as written"
    )
    field: str | None = None
    value: str | None = Field(default=None, examples=["implements"])
    note: str = ""
    author: str = Field(examples=["so-tttt-hau-giang"], description="The name of the API key that made it")
    created: str
    machine: str | None = None
    problem: str | None = None
    undone: str | None = None
    undone_by: str | None = None


class CorrectionsMade(BaseModel):
    """The corrections a request made (one per file of the document), as applied."""

    corrections: list[CorrectionPublic]
    document: str | None = Field(
        default=None,
        examples=["78/KH-UBND@Hậu Giang@2021"],
        description="A document correction: the document's key now (a new number, place or year changes it)",
    )


class QueueItemPublic(BaseModel):
    """A fact in the review queue (``graph.review.QueueItem``): a link, a document, or a correction
    that lost its target; why (``doubts``, codes) and how much (``score``, higher first)."""

    kind: Literal["link", "document", "correction"]
    score: float
    doubts: list[Doubt]
    document: str = Field(examples=[KEY_EXAMPLE])
    path: str
    province: str | None = None
    number: str | None = None
    relations: list[str] = []
    target: str | None = None
    status: str | None = None
    relation_confidence: float | None = None
    candidates: list[str] = []
    evidence: dict[str, Any] = {}
    correction: str | None = None


class LinkCorrectionRequest(BaseModel):
    """Confirm, reject, change the relation of, or retarget one link of ``document``: name the link by
    the reference's ``number`` as the file writes it, or by the key of the document it points to
    (``target``). ``value``: the relation (``relation``; ``confirm`` optionally), or the key or number
    of the document meant (``retarget``)."""

    document: str = Field(examples=[KEY_EXAMPLE], description="The citing document: key, number or file path")
    action: LinkAction = Field(examples=["relation"])
    number: str | None = Field(default=None, examples=["36A/NQ-CP"])
    target: str | None = Field(default=None, examples=["36A/NQ-CP@VN@?"])
    value: str | None = Field(default=None, examples=["implements"])
    note: str = NOTE


class DocumentCorrectionRequest(BaseModel):
    """Confirm a document as read, set one of its fields (``field``, ``value``; no value clears it),
    mark it not an official document (``not_document``, value ``no``; ``yes`` takes that back),
    merge it with another (``value``: that document) or split it (``value``: a suffix)."""

    document: str = Field(examples=[KEY_EXAMPLE])
    action: DocumentAction = Field(examples=["set"])
    field: Field_ | None = Field(default=None, examples=["date"])
    value: str | None = Field(default=None, examples=["2021-04-27"])
    path: str | None = Field(default=None, description="Only this file of the document (default: each)")
    note: str = NOTE


class AddLinkRequest(BaseModel):
    """A link the text does not state but the office knows (a note saying why is required)."""

    source: str = Field(examples=[KEY_EXAMPLE])
    target: str = Field(examples=["36A/NQ-CP@VN@?"])
    relation: Relation = Field(examples=["implements"])
    note: str = Field(
        min_length=1, max_length=2000, examples=["trả lời Kế hoạch bằng chỉ đạo qua điện thoại"]
    )


class UndoRequest(BaseModel):
    """Take a correction back: it stays on record, marked undone by the key's name."""

    id: str = Field(min_length=1, max_length=64, examples=["0c4e1787679de0eb"])


class ImportResult(BaseModel):
    """What an import did: new corrections, ones already held, and the lines that were not
    corrections or found no target (each named)."""

    added: int
    already: int
    problems: list[str]


class WhoAmI(BaseModel):
    """The API key presented: its name and role, and whether it may write corrections."""

    name: str
    role: str = Field(examples=["review"])
    can_review: bool
