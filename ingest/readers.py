"""Read document files into text: plain text and markdown, DOCX, PDF, HTML, legacy DOC.

Plain text is decoded as UTF-8 (with or without BOM), UTF-16 (BOM), or else by charset
detection (cp1258 and friends), and text in the legacy TCVN3/VNI font encodings is converted.
DOCX and DOC are read by ``ingest.office`` (header tables column by column, data tables row by
row; DOC through LibreOffice headless), PDF by ``ingest.pdf`` (text layer by position, scanned
pages by Tesseract's Vietnamese model). HTML keeps the document and drops the page chrome
(trafilatura).
"""

import os
import re
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ingest.errors import ExtractionError, UnsupportedFormat, unreadable
from ingest.legacy_encodings import convert_legacy, decode_legacy_bytes, detect_legacy_encoding
from ingest.limits import DEFAULT_LIMITS, Limits, check_pdf_pages, check_zip
from ingest.office import read_doc, read_docx
from ingest.pdf import read_pdf
from ingest.records import SourceText
from ingest.sniff import check_signature, flat_html_text, nearly_utf8, utf16_without_bom

__all__ = ["READERS", "read_file"]


_NON_VIETNAMESE_LATIN1 = re.compile(
    "[\u00a1-\u00bf\u00c4-\u00c7\u00cb\u00ce\u00cf\u00d1\u00d6-\u00d8\u00db\u00dc\u00de\u00df"
    "\u00e4-\u00e7\u00eb\u00ee\u00ef\u00f1\u00f6-\u00f8\u00fb\u00fc\u00fe\u00ff]"
)


def _decode(data: bytes, path: Path) -> tuple[str, list[str]]:
    warnings: list[str] = []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), warnings
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        nearly = nearly_utf8(data)
        if nearly is not None:
            warnings.append(f"{nearly[1]} byte(s) not valid UTF-8, replaced by U+FFFD")
            return nearly[0], warnings
        legacy = decode_legacy_bytes(data)
        if legacy is not None:
            warnings.append(f"converted from the legacy {legacy[1].upper()} encoding")
            return legacy[0], warnings
        from charset_normalizer import from_bytes

        best = from_bytes(data, cp_isolation=["cp1258", "cp1252", "utf_16", "latin_1"]).best()
        if best is None:
            msg = (
                f"{path}: cannot decode the text (not UTF-8, UTF-16, cp1258 or a legacy Vietnamese encoding)"
            )
            raise ExtractionError(msg) from None
        text = str(best)
        warnings.append(f"decoded as {best.encoding}")
    # Detection reads every word; run it only when letters foreign to Vietnamese appear (©, µ, ö, Ü ...).
    legacy_enc = detect_legacy_encoding(text) if _NON_VIETNAMESE_LATIN1.search(text) else None
    if legacy_enc is not None:
        warnings.append(f"converted from the legacy {legacy_enc.upper()} encoding")
        text = convert_legacy(text, legacy_enc)
    return text, warnings


def _read_text(path: Path) -> SourceText:
    data = path.read_bytes()
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        utf16 = utf16_without_bom(data)
        if utf16 is None:
            msg = f"{path}: binary content in a text file"
            raise ExtractionError(msg)
        return SourceText(str(path), utf16, "text/plain", ("decoded as UTF-16 without a byte order mark",))
    text, warnings = _decode(data, path)
    return SourceText(str(path), text, "text/plain", tuple(warnings))


_BLOCKS = {"p", "lb", "head", "item", "list", "quote", "row"}


def _xml_text(el: Any) -> str:
    parts = [el.text or ""]
    for child in el:
        block = child.tag in _BLOCKS
        if block:
            parts.append("\n")
        parts.append(_xml_text(child))
        if block:
            parts.append("\n")
        parts.append(child.tail or "")
    return "".join(parts)


def _main_text(xml: str) -> str:
    """Text of trafilatura's XML: blocks on their own lines, tables column by column (a header
    table's left cell, issuer and number, then its right cell, motto and date)."""
    from lxml import etree

    root = etree.fromstring(xml.encode("utf-8"))
    main = root.find("main")
    parts: list[str] = []
    for el in main if main is not None else root:
        if el.tag == "table":
            grid = [[_xml_text(c) for c in row.findall("cell")] for row in el.findall("row")]
            width = max((len(r) for r in grid), default=0)
            for col in range(width):
                parts.extend(r[col] for r in grid if col < len(r) and r[col].strip())
        else:
            parts.append(_xml_text(el))
    text = "\n".join(p.strip() for p in parts)
    return re.sub(r"[ \t]*\n\s*\n+", "\n", text)


def _read_html(path: Path) -> SourceText:
    import trafilatura

    raw, warnings = _decode(path.read_bytes(), path)
    xml = trafilatura.extract(
        raw, output_format="xml", include_tables=True, include_comments=False, favor_recall=True
    )
    text = _main_text(xml) if xml else ""
    if not text.strip():
        from lxml import html as lxml_html

        try:
            text = lxml_html.fromstring(raw).text_content()
        except Exception as exc:
            msg = f"{path}: not readable HTML ({exc})"
            raise ExtractionError(msg) from exc
    if not text.strip():  # nested past lxml's depth limit: read the tags as a flat stream
        text = flat_html_text(raw)
        if text.strip():
            warnings.append("read as flat HTML (nested too deeply for the document tree)")
    return SourceText(str(path), text, "text/html", tuple(warnings))


READERS: dict[str, Callable[[Path], SourceText]] = {
    ".txt": _read_text,
    ".md": _read_text,
    ".text": _read_text,
    ".docx": read_docx,
    ".pdf": read_pdf,
    ".html": _read_html,
    ".htm": _read_html,
    ".doc": read_doc,
}


def _is_zip(path: Path) -> bool:
    with path.open("rb") as f:
        return f.read(4) == b"PK\x03\x04"


def read_file(path: Path, limits: Limits = DEFAULT_LIMITS) -> SourceText:
    """Read one file into text; raise ``ExtractionError`` naming the file and the problem
    (``LimitExceeded`` for a file past one of ``limits``, checked before the costly part)."""
    try:
        st = path.stat()
        if stat.S_ISDIR(st.st_mode):
            os.listdir(path)
    except OSError as exc:
        raise ExtractionError(unreadable(path, exc)) from exc
    if stat.S_ISDIR(st.st_mode):
        msg = f"{path}: a folder, not a document file"
        raise ExtractionError(msg)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        msg = f"{path}: unsupported file type {path.suffix or '(none)'!r}; expected one of {', '.join(sorted(READERS))}"
        raise UnsupportedFormat(msg)
    if not stat.S_ISREG(st.st_mode):
        msg = f"{path}: not a regular file"
        raise ExtractionError(msg)
    limits.check(path, "max_file_bytes", st.st_size, "file size")
    check_signature(path)
    if reader is read_docx or (reader is read_doc and _is_zip(path)):
        check_zip(path, limits)
    elif reader is read_pdf:
        check_pdf_pages(path, limits)
    source = reader(path)
    limits.check(path, "max_chars", len(source.text), "text length (characters)")
    if not source.text.strip():
        msg = f"{path}: no text in the file"
        raise ExtractionError(msg)
    return source
