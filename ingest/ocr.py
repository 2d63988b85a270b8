"""OCR of page images with Tesseract's Vietnamese model (through pytesseract; see docs/ocr.md).

One call per page gives the words, their layout (block, paragraph, line) and their confidences,
so the text and the mean confidence come from the same run.
"""

import functools
import itertools
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ingest.errors import ExtractionError

__all__ = ["OCR_DPI", "PageOcr", "engine_name", "ocr_image", "page_from_data", "page_text", "require_ocr"]

OCR_DPI = 300
_LANG = "vie"
_INSTALL = "apt-get install tesseract-ocr tesseract-ocr-vie"


@dataclass(frozen=True, slots=True)
class PageOcr:
    """The text Tesseract read from one page image and the confidences of its words (0-100)."""

    text: str
    confidences: tuple[float, ...]


@functools.cache
def _languages() -> frozenset[str]:
    import pytesseract

    try:
        return frozenset(pytesseract.get_languages(config=""))
    except Exception:  # the binary is there but does not run
        return frozenset()


def require_ocr(path: Path, what: str) -> None:
    """Raise ``ExtractionError`` naming ``path`` and what to install when OCR cannot run here."""
    if shutil.which("tesseract") is None:
        msg = f"{path}: {what}; install Tesseract with the Vietnamese model ({_INSTALL}) to read it"
        raise ExtractionError(msg)
    if _LANG not in _languages():
        msg = f"{path}: {what}; Tesseract has no Vietnamese model: install it ({_INSTALL})"
        raise ExtractionError(msg)


@functools.cache
def engine_name() -> str:
    """``tesseract <version> vie``: what a record names as its OCR engine."""
    import pytesseract

    return f"tesseract {pytesseract.get_tesseract_version()} {_LANG}"


def ocr_image(image: Any, path: Path, page: int) -> PageOcr:
    """Read one page image (PIL) with the Vietnamese model; lines as Tesseract laid them out.

    Blocks and paragraphs are separated by a line break, as lines are: the layout reader finds
    the zones of the document from the lines. A line the typesetter wrapped is joined to the next
    (``page_text``).
    """
    import pytesseract
    from PIL import ImageFilter

    # A 3x3 median takes out a scanner's isolated specks, which Tesseract reads as . , _ |;
    # at 300 dpi a stroke is several pixels wide and keeps its shape.
    page_image = image.convert("L").filter(ImageFilter.MedianFilter(3))
    # One thread per page: ingest reads files in parallel already, and Tesseract's OpenMP threads
    # on a busy 2-core machine took 13.6 s for a page that one thread reads in 3.1 s.
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    try:
        data = pytesseract.image_to_data(
            page_image, lang=_LANG, config="--psm 3", output_type=pytesseract.Output.DICT
        )
    except pytesseract.TesseractError as exc:
        msg = f"{path}: Tesseract failed on page {page} ({exc})"
        raise ExtractionError(msg) from exc
    return page_from_data(data)


def page_from_data(data: dict[str, list[Any]]) -> PageOcr:
    """The page's text and word confidences from Tesseract's ``image_to_data`` dictionary."""
    lines: list[_Line] = []
    confidences: list[float] = []
    current: tuple[int, int, int] | None = None
    for i, word in enumerate(data["text"]):
        conf = float(data["conf"][i])
        if conf < 0 or not word.strip():
            continue
        key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        if key != current:
            lines.append(_Line(key[0], []))
        current = key
        lines[-1].words.append(_Word(word.strip(), data["left"][i], data["width"][i], data["height"][i]))
        confidences.append(conf)
    return PageOcr(page_text(lines), tuple(confidences))


@dataclass(frozen=True, slots=True)
class _Word:
    text: str
    left: int
    width: int
    height: int

    @property
    def right(self) -> int:
        return self.left + self.width


@dataclass(frozen=True, slots=True)
class _Line:
    block: int
    words: list[_Word]

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def left(self) -> int:
        return self.words[0].left

    @property
    def right(self) -> int:
        return self.words[-1].right


# A line that ends a sentence or a clause, or opens a list item: its break is the text's own.
_ENDS_CLAUSE = re.compile(r"[.;:!?]$")
# A line that opens a block of an official document: a basis, the addressees, the closing, the
# number, the subject, the place and date ("Thành phố Cao Lãnh, ngày 25 …").
_OPENS_BLOCK = re.compile(
    r"(?:Căn\s+c|Thực\s+h|Triển\s+k|Kính\s+g|Nơi\s+nh|Số\s*:|V/v\b|[^,\n]{2,40},\s*ngày\s+\d)"
)
_OPENS_ITEM = re.compile(r"(?:[IVX]+[.,]|\d+(?:\.\d+)*[.),]|\(\d+\)|[a-zđ]\)|[-–+•*])(?:\s|$)")


def page_text(lines: list[_Line]) -> str:
    """The lines of a page, one a line, but a line the typesetter wrapped joined to the next.

    A line was wrapped when the next line is in the same block, its first word would not have
    fitted at the end of this one (it reaches the right edge of the text), it starts at the left
    edge, and neither line ends a clause (. ; : ! ?), opens a list item or a block (Căn cứ, Kính
    gửi, Số:, V/v, the place and date …) or is a row of a header or table (all capitals, or a
    column gap). Tesseract's paragraphs are not asked: it may make each
    line of a paragraph one. Joining gives a paragraph back as one line, as a DOCX gives it: a
    long basis line, a title or a sentence is no longer cut where the page was full.
    """
    if not lines:
        return ""
    prose = [ln for ln in lines if len(ln.words) >= 3]
    heights = sorted(w.height for ln in lines for w in ln.words)
    h = heights[len(heights) // 2]
    if not prose or h <= 0:
        return "\n".join(ln.text for ln in lines)
    left = min(ln.left for ln in prose)
    right = max(ln.right for ln in prose)
    out = [lines[0].text]
    for a, b in itertools.pairwise(lines):
        wrapped = (
            a.block == b.block
            and abs(b.left - left) <= h
            and a.right + h // 2 + b.words[0].width > right
            and _prose(a, h)
            and _prose(b, h)
            and not _ENDS_CLAUSE.search(a.text)
            and not (a.text.endswith(",") and b.text[:1].isupper())
            and not _OPENS_ITEM.match(b.text)
            and not _OPENS_BLOCK.match(b.text)
        )
        out.append((" " if wrapped else "\n") + b.text)
    return "".join(out)


def _prose(line: _Line, h: int) -> bool:
    """A line of running text: some lower-case letter, no gap between words wider than two letters'
    height (a gap that wide parts the columns of a header or a table)."""
    gaps = (b.left - a.right for a, b in itertools.pairwise(line.words))
    return any(c.islower() for c in line.text) and all(g <= 2 * h for g in gaps)
