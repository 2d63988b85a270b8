"""Test material made from real texts: page images as a scanner gives them, image-only and mixed
PDFs, PDFs with the two-column NĐ30 header as Word prints them, and .doc files by LibreOffice.

Used by the tests and by ``bench/bench_ocr.py``. Pages are drawn with DejaVu Sans (Debian
``fonts-dejavu-core``), which has every Vietnamese letter (Ế, Ạ, ổ ...), then turned by a slight
skew and given speckle noise, at 200-300 dpi.
"""

import random
import shutil
import subprocess
import tempfile
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from fpdf import FPDF
from PIL import Image, ImageDraw, ImageFont

__all__ = [
    "FONT",
    "doc_from_docx",
    "image_pdf",
    "mixed_pdf",
    "ocr_missing",
    "office_missing",
    "render_pages",
    "word_header_pdf",
]

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
SERIF = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")  # drawn pages: closer to Times
_A4_MM = (210.0, 297.0)


def ocr_missing() -> str | None:
    """Why the OCR tests cannot run here, or None."""
    from ingest.errors import ExtractionError
    from ingest.ocr import require_ocr

    if not FONT.exists():
        return "DejaVu Sans (Debian fonts-dejavu-core) is needed to draw Vietnamese pages"
    try:
        require_ocr(Path("scan.pdf"), "needs OCR")
    except ExtractionError as exc:
        return f"Tesseract with the Vietnamese model is not installed ({exc}); run `make office-deps` as root"
    return None


def office_missing() -> str | None:
    """Why the .doc tests cannot run here, or None."""
    if shutil.which("soffice") is None and shutil.which("libreoffice") is None:
        return (
            "LibreOffice (Debian libreoffice-writer-nogui) is not installed; run `make office-deps` as root"
        )
    return None


def _lines(text: str) -> list[str]:
    """Source lines, NFC, without blank lines."""
    return [" ".join(raw.split()) for raw in unicodedata.normalize("NFC", text).splitlines() if raw.strip()]


def render_pages(
    text: str, dpi: int = 200, skew: float = 0.4, noise: float = 0.003, seed: int = 0, size_pt: float = 11
) -> list[Image.Image]:
    """Draw ``text`` on A4 pages as a scanner would give them back (greyscale, skewed, speckled)."""
    rnd = random.Random(seed)
    px = dpi / 25.4
    width, height = round(_A4_MM[0] * px), round(_A4_MM[1] * px)
    left, right, top, bottom = round(30 * px), round(20 * px), round(20 * px), round(20 * px)
    font = ImageFont.truetype(str(SERIF), round(size_pt * dpi / 72))
    step = round(size_pt * dpi / 72 * 1.5)
    wrapped: list[str] = []
    for line in _lines(text):
        words, cur = line.split(" "), ""
        for w in words:
            cand = f"{cur} {w}".strip()
            if cur and font.getlength(cand) > width - left - right:
                wrapped.append(cur)
                cur = w
            else:
                cur = cand
        wrapped.append(cur)
    per_page = (height - top - bottom) // step
    pages = []
    for start in range(0, max(len(wrapped), 1), per_page):
        img = Image.new("L", (width, height), 255)
        draw = ImageDraw.Draw(img)
        for i, line in enumerate(wrapped[start : start + per_page]):
            draw.text((left, top + i * step), line, font=font, fill=rnd.randint(0, 40))
        img = img.rotate(rnd.uniform(-skew, skew), resample=Image.Resampling.BICUBIC, fillcolor=255)
        pixels = img.load()
        assert pixels is not None
        for _ in range(int(width * height * noise)):
            x, y = rnd.randrange(width), rnd.randrange(height)
            pixels[x, y] = rnd.choice((0, 90, 180))
        pages.append(img)
    return pages


def image_pdf(pages: Sequence[Image.Image], path: Path, dpi: int = 200) -> Path:
    """An image-only PDF (no text layer), one page per image, as a scanner writes it."""
    pages[0].save(path, save_all=True, append_images=list(pages[1:]), resolution=float(dpi))
    return path


def _text_pdf() -> FPDF:
    pdf = FPDF(format="A4")
    pdf.set_margins(30, 20, 20)
    pdf.set_auto_page_break(True, 20)
    pdf.add_font("dejavu", "", str(FONT))
    pdf.add_font("dejavu", "B", str(FONT.with_name("DejaVuSans-Bold.ttf")))  # table headings
    pdf.set_font("dejavu", size=12)
    return pdf


def mixed_pdf(pages: Sequence[str | Image.Image], path: Path, stamp: str = "") -> Path:
    """A PDF of text pages (a ``str``: written with a text layer) and scanned pages (an image); a
    ``stamp`` is written as text over each scan, as a digital signature's appearance is on a
    signed scan (``…signed.pdf``)."""
    pdf = _text_pdf()
    pdf.set_font_size(11)
    for page in pages:
        pdf.add_page()
        if isinstance(page, str):
            for line in _lines(page):
                pdf.multi_cell(0, 5.5, line, new_x="LMARGIN", new_y="NEXT")
            assert pdf.page == pages.index(page) + 1, "a text page does not fit on one page"
            continue
        pdf.image(page, x=0, y=0, w=_A4_MM[0], h=_A4_MM[1])
        if stamp:
            pdf.set_font_size(8)
            pdf.set_xy(120, 250)
            pdf.multi_cell(70, 4, stamp)
            pdf.set_font_size(11)
    pdf.output(str(path))
    return path


def word_header_pdf(
    left: Sequence[str],
    right: Sequence[str],
    title: Sequence[str],
    body: Sequence[str],
    path: Path,
    table: Sequence[Sequence[str]] = (),
) -> Path:
    """A PDF laid out as Word prints an NĐ30 document: the header is a borderless two-column table
    written row by row (so the text layer interleaves the columns), its cells centred, a centred
    title, the body, and optionally a ruled table (a header row and rows of cells)."""
    pdf = _text_pdf()
    pdf.add_page()
    y = 20.0
    for i in range(max(len(left), len(right))):
        for x, w, col in ((30.0, 60.0, left), (90.0, 100.0, right)):
            if i < len(col):
                pdf.set_xy(x, y)
                pdf.cell(w, 6, col[i], align="C")
        y += 6.5
    pdf.set_xy(30, y + 8)
    for line in title:
        pdf.multi_cell(0, 6.5, line, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    for para in body:
        pdf.multi_cell(0, 6.5, para, align="J", new_x="LMARGIN", new_y="NEXT")
    if table:
        pdf.ln(3)
        with pdf.table(text_align="LEFT", line_height=6) as t:
            for row in table:
                r = t.row()
                for cell in row:
                    r.cell(cell)
    pdf.output(str(path))
    return path


def doc_from_docx(docx_path: Path, out_dir: Path) -> Path:
    """A Word 97-2003 ``.doc`` made from a DOCX by LibreOffice (as old office PCs keep them)."""
    office = shutil.which("soffice") or shutil.which("libreoffice")
    assert office is not None
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [office, "--headless", "--norestore", f"-env:UserInstallation={Path(profile).as_uri()}",
             "--convert-to", "doc:MS Word 97", "--outdir", str(out_dir), str(docx_path)],
            capture_output=True, timeout=120, check=True,
        )  # fmt: skip
    out = out_dir / (docx_path.stem + ".doc")
    assert out.exists(), f"LibreOffice made no {out}"
    return out
