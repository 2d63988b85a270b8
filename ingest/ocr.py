"""OCR of page images with Tesseract's Vietnamese model (through pytesseract; see docs/ocr.md).

One call per page gives the words, their layout (block, paragraph, line) and their confidences,
so the text and the mean confidence come from the same run.
"""

import functools
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ingest.errors import ExtractionError

__all__ = ["OCR_DPI", "PageOcr", "engine_name", "ocr_image", "require_ocr"]

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
    the zones of the document from the lines.
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
    lines: list[str] = []
    words: list[str] = []
    confidences: list[float] = []
    current: tuple[int, int, int] | None = None
    for i, word in enumerate(data["text"]):
        conf = float(data["conf"][i])
        if conf < 0 or not word.strip():
            continue
        key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        if key != current and words:
            lines.append(" ".join(words))
            words = []
        current = key
        words.append(word.strip())
        confidences.append(conf)
    if words:
        lines.append(" ".join(words))
    return PageOcr("\n".join(lines), tuple(confidences))
