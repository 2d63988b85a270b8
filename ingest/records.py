"""Typed records passed between the extraction stages, and their JSON form."""

import re
from dataclasses import dataclass, field
from typing import Any

from ontology.terms import Level, Relation

__all__ = [
    "NOT_A_DOCUMENT",
    "OCR_WARNING",
    "OTHER_TYPE",
    "DateValue",
    "Deadline",
    "DocumentIdentity",
    "Evidence",
    "Extraction",
    "Mention",
    "NormalizedText",
    "OcrReport",
    "Reference",
    "SourceText",
    "Symbol",
]


OTHER_TYPE = "Other"  # the type of a text that is no official document (news post, notes)
# The start of the warning on a file some of whose text came from OCR (``ingest.pdf``).
OCR_WARNING = "read by OCR"
NOT_A_DOCUMENT = (
    "not an official document: no type, issuer, number, date or header (kept out of lineage and gaps)"
)


@dataclass(frozen=True, slots=True)
class OcrReport:
    """Which pages of a file were read by OCR, and how sure the engine was of its words.

    A record with one tells a reviewer that its text (and so every evidence span) is the OCR
    text of a scan, to be checked against the page image.
    """

    engine: str  # e.g. "tesseract 5.3.0 vie"
    pages: tuple[int, ...]  # 1-based numbers of the pages read by OCR
    page_count: int  # pages in the file
    mean_confidence: float  # mean word confidence, 0-100

    def to_json(self) -> dict[str, Any]:
        return {
            "engine": self.engine,
            "pages": list(self.pages),
            "page_count": self.page_count,
            "mean_confidence": self.mean_confidence,
        }


@dataclass(frozen=True, slots=True)
class SourceText:
    """The text of one file as read, before normalisation; ``ocr`` says which pages came from OCR,
    ``ocr_spans`` which spans of ``text`` they gave."""

    path: str
    text: str
    media_type: str
    warnings: tuple[str, ...] = ()
    ocr: OcrReport | None = None
    ocr_spans: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """Normalised text (what finders read) with a map from each of its characters to the original.

    ``offsets[i]`` is the index in ``original`` of the character that produced ``text[i]``;
    ``offsets[len(text)]`` is ``len(original)`` so that span ends map too.
    """

    text: str
    original: str
    offsets: tuple[int, ...]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the normalised text to the span of the original it came from."""
        s = self.offsets[start]
        if end <= start:
            return s, s
        # The end is where the next character came from, so a composed letter (NFC of a + ̀)
        # covers its whole cluster in the original.
        e = self.offsets[end]
        if e <= s:
            e = self.offsets[end - 1] + 1
        return s, e


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a fact was read: a span of the original text and the sentence it lies in."""

    start: int
    end: int
    text: str

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class DateValue:
    """A date with its precision; ``iso`` is ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``."""

    iso: str
    precision: str  # "day" | "month" | "year"


@dataclass(frozen=True, slots=True)
class Symbol:
    """A parsed document number and symbol (số, ký hiệu)."""

    canonical: str  # 57-NQ/TW, 03/NQ-CP, 30/2020/NĐ-CP, 453/SKHCN-QLKH
    family: str  # "party" | "state" | "normative" | "mass_org"
    number: str  # as written, leading zeros kept
    type_code: str | None  # NQ, KH ... (None for a State công văn)
    issuer_code: str  # TW, CP, UBND, SKHCN-QLKH ...
    year: int | None = None  # normative documents only
    flags: tuple[str, ...] = ()  # e.g. "malformed_separator"

    @property
    def number_int(self) -> int:
        """The number's value without its leading zeros or a letter or decimal suffix ("36a", "66.2")."""
        digits = re.match(r"\d+", self.number)
        return int(digits.group(0)) if digits else 0


@dataclass(frozen=True, slots=True)
class Mention:
    """One place where a document is mentioned, with what its context says."""

    symbol: Symbol | None  # None for a short form resolved later ("Nghị quyết 57")
    as_written: str
    start: int  # span in the normalised text
    end: int
    type_name: str | None
    date: DateValue | None
    date_invalid: str | None
    issuer: str | None
    relation: Relation
    evidence: Evidence
    rule: str = ""  # the rule that read the relation (ingest.references.RULE_CONFIDENCE)


@dataclass(slots=True)
class Reference:
    """A document mentioned by the one being read, once per document, with every mention kept."""

    number: str
    symbol: Symbol
    doc_type: str | None
    date: str | None
    issuer: str | None
    level: Level | None
    relations: list[Relation]
    mentions: list[Mention] = field(default_factory=list)
    confidence: float = 0.0  # that the primary relation is right, measured per rule on real documents
    rule: str = ""  # the rule that read the primary relation

    @property
    def relation(self) -> Relation:
        return self.relations[0]

    def to_json(self) -> dict[str, Any]:
        written: list[str] = []
        for m in self.mentions:
            if m.as_written not in written:
                written.append(m.as_written)
        return {
            "number": self.number,
            "as_written": written,
            "doc_type": self.doc_type,
            "date": self.date,
            "issuer": self.issuer,
            "level": self.level.value if self.level else None,
            "relation": self.relation.value,
            "relations": [r.value for r in self.relations],
            "confidence": self.confidence,
            "rule": self.rule,
            "evidence": [m.evidence.to_json() for m in self.mentions],
        }


@dataclass(frozen=True, slots=True)
class Deadline:
    """A deadline set by the document, with who must meet it and whether a report is due."""

    date: str
    assignee: str | None
    report_due: bool
    evidence: Evidence

    def to_json(self) -> dict[str, Any]:
        return {
            "date": self.date,
            "assignee": self.assignee,
            "report_due": self.report_due,
            "evidence": self.evidence.to_json(),
        }


@dataclass(slots=True)
class DocumentIdentity:
    """What the document says about itself. Fields it does not say stay None."""

    number: str | None = None
    symbol: Symbol | None = None
    doc_type: str | None = None
    issuer: str | None = None
    level: Level | None = None
    locality: str | None = None
    province: str | None = None  # current province (after the 1 July 2025 reform)
    province_at_issue: str | None = None
    date: str | None = None
    title: str | None = None
    signer: str | None = None
    recipients: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "doc_type": self.doc_type,
            "issuer": self.issuer,
            "level": self.level.value if self.level else None,
            "locality": self.locality,
            "province": self.province,
            "province_at_issue": self.province_at_issue,
            "date": self.date,
            "title": self.title,
            "signer": self.signer,
            "recipients": list(self.recipients),
        }


@dataclass(slots=True)
class Extraction:
    """Everything read from one file; ``ocr`` is set when some of its text came from OCR."""

    source: str
    document: DocumentIdentity
    references: list[Reference]
    deadlines: list[Deadline]
    warnings: list[str]
    # False for a file that shows nothing of an official document (no type, issuer, number, date or
    # header): a folder's notes, a web page's chrome. It is kept out of lineage and gaps.
    is_document: bool = True
    ocr: OcrReport | None = None

    def to_json(self) -> dict[str, Any]:
        """The JSON form; the key ``ocr`` is there only when some text came from OCR, so records
        of files read from text keep the shape they always had."""
        out: dict[str, Any] = {
            "source": self.source,
            "is_document": self.is_document,
            "document": self.document.to_json(),
            "references": [r.to_json() for r in self.references],
            "deadlines": [d.to_json() for d in self.deadlines],
            "warnings": list(self.warnings),
        }
        if self.ocr is not None:
            out["ocr"] = self.ocr.to_json()
        return out
