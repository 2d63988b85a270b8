"""The extraction pipeline: file → text → normalised text → layout → identity, references, deadlines."""

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ingest.deadlines import find_deadlines
from ingest.errors import ExtractionError, unreadable
from ingest.identity import read_identity
from ingest.layout import Layout, analyse_layout
from ingest.limits import DEFAULT_LIMITS, Limits
from ingest.normalize import normalize
from ingest.readers import READERS, read_file
from ingest.records import NOT_A_DOCUMENT, OTHER_TYPE, DocumentIdentity, Extraction, SourceText
from ingest.references import DocumentKind, find_references

__all__ = ["ExtractionFailure", "extract_file", "extract_paths", "extract_text", "iter_document_files"]

_URGING_TITLE = re.compile(r"đôn\s+đốc|nhắc\s+nhở|chấn\s+chỉnh|khẩn\s+trương|đẩy\s+nhanh\s+tiến\s+độ", re.I)
_URGENT = re.compile(r"khẩn\s+trương\s+(?!và\b|hơn\b|nữa\b)[a-zà-ỹđ]", re.I)
# A letter urges when it names what to hurry: "… thì khẩn trương thu theo tinh thần công văn số 498/UBND".
_URGING_BODY = re.compile(
    r"đôn\s+đốc|nhắc\s+nhở|khẩn\s+trương\s+(?!và\b|hơn\b|nữa\b)[a-zà-ỹđ][^.;]{0,160}?\bsố\s*\d|chậm\s+(?:triển\s+khai|ban\s+hành)",
    re.I,
)


@dataclass(frozen=True, slots=True)
class ExtractionFailure:
    """A file the batch could not read, and why."""

    path: str
    error: str


def _kind(doc_type: str | None, title: str | None, body: str) -> DocumentKind:
    is_report = doc_type == "Báo cáo"
    head = body[:4000]
    is_urging = (
        bool(title and _URGING_TITLE.search(title))
        or (doc_type in {"Công văn", "Công điện"} and bool(_URGING_BODY.search(head)))
        # A telegram is urgent by nature: its imperative "khẩn trương <verb>" urges what it names.
        or (doc_type == "Công điện" and bool(_URGENT.search(head)))
    )
    return DocumentKind(is_report=is_report, is_urging=is_urging and not is_report)


def extract_text(source: SourceText) -> Extraction:
    """Extract identity, references and deadlines from text already read from a file."""
    warnings = list(source.warnings)
    norm = normalize(source.text, source.ocr_spans)
    lay = analyse_layout(norm.text)
    doc = read_identity(norm.text, lay, warnings)
    kind = _kind(doc.doc_type, lay.title, norm.text[lay.body_start : lay.closing_start])
    refs = find_references(norm, lay, kind, doc.symbol, warnings, doc)
    deadlines = find_deadlines(norm, lay)
    is_document = _looks_official(doc, lay)
    if not is_document:
        warnings.append(NOT_A_DOCUMENT)
        doc.doc_type = OTHER_TYPE  # the labelling conventions' type for what is no official document
    return Extraction(source.path, doc, refs, deadlines, warnings, is_document, source.ocr)


def _looks_official(doc: DocumentIdentity, lay: Layout) -> bool:
    """Whether the text shows anything of an official document: a header (number, place and date,
    type heading), its own number, type or date, or an issuer whose level can be read."""
    return (
        lay.has_header
        or bool(doc.number or doc.doc_type or doc.date)
        or (doc.issuer is not None and doc.level is not None)
    )


def extract_file(path: Path, limits: Limits = DEFAULT_LIMITS) -> Extraction:
    """Read and extract one file; raises ``ExtractionError`` naming the file and the problem
    (``LimitExceeded`` past one of ``limits``)."""
    return extract_text(read_file(path, limits))


def iter_document_files(paths: Iterable[Path]) -> Iterator[Path]:
    """The files under ``paths`` (directories walked in sorted order) that a reader handles.

    Files given explicitly are yielded whatever their suffix, so that a wrong one is reported.
    """
    for p in paths:
        if p.is_dir():
            yield from _walk(p)
        else:
            yield p


def _walk(folder: Path) -> Iterator[Path]:
    """The readable files under ``folder`` in the order of ``sorted(folder.rglob("*"))``, streamed:
    a national corpus has a million files, too many to list and sort at once."""
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError:
        yield folder  # a folder that cannot be listed: reading it says why
        return
    for e in entries:
        if e.is_dir(follow_symlinks=False):  # a link to a folder is not followed: no loops
            yield from _walk(Path(e.path))
        elif not e.name.startswith(".") and Path(e.name).suffix.lower() in READERS:
            try:
                is_file = e.is_file()
            except OSError:  # a looping link: reading it says why
                is_file = True
            if is_file:
                yield Path(e.path)


def extract_paths(
    paths: Iterable[Path], limits: Limits = DEFAULT_LIMITS
) -> Iterator[Extraction | ExtractionFailure]:
    """Extract every document under ``paths``; a bad file becomes an ``ExtractionFailure`` and the batch goes on."""
    for f in iter_document_files(paths):
        try:
            yield extract_file(f, limits)
        except ExtractionError as exc:
            yield ExtractionFailure(str(f), str(exc))
        except OSError as exc:
            yield ExtractionFailure(str(f), unreadable(f, exc))
