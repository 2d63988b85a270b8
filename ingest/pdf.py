"""Read a PDF page by page: its text layer in reading order, or OCR where a page has none.

The text layer is read by position (pypdfium2 character boxes), not in content-stream order:
characters are grouped into lines by their vertical extent and into segments by horizontal gaps.
The two-column header of Nghị định 30/2020/NĐ-CP (issuing body, number | national motto, place
and date) is the run of lines at the top of page 1 that a vertical gutter splits in two; it is
written column by column, as the DOCX reader writes a header table, so each column comes whole.
A ruled table (cell borders drawn as lines or rectangles) comes one row a line, each glyph in the
cell its rules enclose and the cells separated by a tab, the DOCX reader's cell boundary; far
apart segments of one line elsewhere are separated by a tab too. A page without a text layer is
read by Tesseract (``ingest.ocr``), a scan from its own image; the ``SourceText`` then carries an
``OcrReport`` saying which pages and how sure the engine was.
"""

import bisect
import statistics
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ingest.errors import ExtractionError
from ingest.ocr import OCR_DPI, engine_name, ocr_image, require_ocr
from ingest.records import OCR_WARNING, OcrReport, SourceText

__all__ = ["MIN_LAYER_CHARS", "layer_lines", "read_pdf"]

MIN_LAYER_CHARS = 20  # a page whose text layer has fewer visible characters is a scan
_SPACE_GAP = 0.12  # a gap wider than this many line heights between two glyphs is a space
_CELL_GAP = 1.0  # ... and wider than this, a boundary between two cells or columns
_HEADER_DEPTH = 0.4  # the header lies in the top 40 % of page 1
_HEADER_GAP = 1.2  # a one-piece line below more than this many line heights of blank is past the header


@dataclass(slots=True)
class _Glyph:
    ch: str
    left: float
    bottom: float
    right: float
    top: float


@dataclass(slots=True)
class _Segment:
    glyphs: list[_Glyph] = field(default_factory=list)

    @property
    def left(self) -> float:
        return self.glyphs[0].left

    @property
    def right(self) -> float:
        return max(g.right for g in self.glyphs)

    def text(self, height: float) -> str:
        out: list[str] = []
        prev: _Glyph | None = None
        for g in self.glyphs:
            if prev is not None and g.left - prev.right > _SPACE_GAP * height and " " not in (g.ch, prev.ch):
                out.append(" ")
            out.append(g.ch)
            prev = g
        return "".join(out).strip()


@dataclass(slots=True)
class _Line:
    glyphs: list[_Glyph]
    bottom: float
    top: float
    segments: list[_Segment] = field(default_factory=list)

    @property
    def height(self) -> float:
        return self.top - self.bottom


def _glyphs(textpage: Any) -> list[_Glyph]:
    n = textpage.count_chars()
    full = textpage.get_text_range(0, n) if n else ""
    per_char = len(full) != n  # characters outside the BMP: read them one by one
    out = []
    for i in range(n):
        ch = textpage.get_text_range(i, 1) if per_char else full[i]
        if ch in "\r\n\x02\ufffe":
            continue
        left, bottom, right, top = textpage.get_charbox(i, loose=True)
        if right <= left and ch.isspace():
            continue  # a space pdfium made up between two runs; gaps say it again
        out.append(_Glyph(ch, left, bottom, right, top))
    return out


def _lines(glyphs: list[_Glyph]) -> list[_Line]:
    """Glyphs grouped into lines top to bottom (a glyph joins the line its vertical middle is in),
    each line's glyphs left to right and split into segments at wide gaps."""
    lines: list[_Line] = []
    for g in sorted(glyphs, key=lambda g: (-(g.bottom + g.top) / 2, g.left)):
        middle = (g.bottom + g.top) / 2
        if lines and lines[-1].bottom <= middle <= lines[-1].top:
            lines[-1].glyphs.append(g)
        else:
            lines.append(_Line([g], g.bottom, g.top))
    for line in lines:
        line.glyphs.sort(key=lambda g: g.left)
        height = statistics.median(g.top - g.bottom for g in line.glyphs) or 1.0
        line.bottom, line.top = line.bottom, line.bottom + height
        seg = _Segment()
        prev: _Glyph | None = None
        for g in line.glyphs:
            if g.ch.isspace() and not seg.glyphs:
                continue
            if prev is not None and seg.glyphs and g.left - prev.right > _CELL_GAP * height:
                line.segments.append(seg)
                seg = _Segment()
            if not (g.ch.isspace() and not seg.glyphs):
                seg.glyphs.append(g)
            prev = g if not g.ch.isspace() else prev
        if seg.glyphs:
            line.segments.append(seg)
    return [line for line in lines if line.segments]


def _header_split(lines: list[_Line], page_top: float, page_height: float) -> tuple[int, float]:
    """How many lines from the top form a two-column header (0 when there is none), and the x of
    the gutter between its columns.

    The gutter starts as the widest gap of the first line split in two, and narrows as the lines
    below put text beside it; the header ends at the first line with text across it, or at a line
    in one piece after a blank space (the title, when it happens to clear the gutter).
    """
    limit = page_top - _HEADER_DEPTH * page_height
    first_two = next((i for i, line in enumerate(lines[:4]) if len(line.segments) >= 2), None)
    if first_two is None:
        return 0, 0.0
    segs = lines[first_two].segments
    widest = max(range(1, len(segs)), key=lambda k: segs[k].left - segs[k - 1].right)
    lo, hi = segs[widest - 1].right, segs[widest].left
    count = 0
    for i, line in enumerate(lines):
        new_lo, new_hi = lo, hi
        crossed = line.top < limit
        if i > first_two and len(line.segments) == 1:
            crossed |= lines[i - 1].bottom - line.top > _HEADER_GAP * line.height
        for s in line.segments:
            if s.right <= new_hi:
                new_lo = max(new_lo, s.right)
            elif s.left >= new_lo:
                new_hi = min(new_hi, s.left)
            else:
                crossed = True
        if crossed or new_lo >= new_hi:
            break
        lo, hi = new_lo, new_hi
        count += 1
    return (count, (lo + hi) / 2) if count > first_two else (0, 0.0)


def _bounds(obj: Any) -> tuple[float, float, float, float]:
    """(left, bottom, right, top) of a page object (pypdfium2 5 and 4)."""
    get = getattr(obj, "get_bounds", None) or obj.get_pos
    left, bottom, right, top = get()
    return float(left), float(bottom), float(right), float(top)


@dataclass(slots=True)
class _Rules:
    """The ruling of a page's tables: vertical rules by x, each with the spans (y0, y1) drawn
    there, and horizontal rules by y with their spans (x0, x1); ``xs``/``ys`` sorted for bisection."""

    vertical: dict[float, list[tuple[float, float]]] = field(default_factory=dict)
    horizontal: dict[float, list[tuple[float, float]]] = field(default_factory=dict)
    xs: list[float] = field(default_factory=list)
    ys: list[float] = field(default_factory=list)

    def add_vertical(self, x: float, y0: float, y1: float) -> None:
        self.vertical.setdefault(round(x, 1), []).append((y0 - 1, y1 + 1))

    def add_horizontal(self, y: float, x0: float, x1: float) -> None:
        self.horizontal.setdefault(round(y, 1), []).append((x0 - 1, x1 + 1))

    def freeze(self) -> None:
        self.xs, self.ys = sorted(self.vertical), sorted(self.horizontal)


def _rules(page: Any) -> _Rules:
    """Lines and rectangle edges drawn on the page; backgrounds and page frames left out."""
    import pypdfium2.raw as pdfium_c

    width, height = page.get_size()
    rules = _Rules()
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=2):
        left, bottom, right, top = _bounds(obj)
        w, h = right - left, top - bottom
        if w < 3 and h > 5:
            rules.add_vertical((left + right) / 2, bottom, top)
        elif h < 3 and w > 5:
            rules.add_horizontal((bottom + top) / 2, left, right)
        elif w >= 3 and h >= 3 and not (w > 0.6 * width and h > 0.3 * height):
            rules.add_vertical(left, bottom, top)
            rules.add_vertical(right, bottom, top)
            rules.add_horizontal(bottom, left, right)
            rules.add_horizontal(top, left, right)
    rules.freeze()
    return rules


def _nearest(
    keys: list[float], spans: dict[float, list[tuple[float, float]]], at: float, across: float, up: bool
) -> float | None:
    """The nearest rule key below ``at`` (or above, ``up``) whose drawn spans cover ``across``."""
    i = bisect.bisect_right(keys, at)
    candidates = keys[i:] if up else reversed(keys[:i])
    for k in candidates:
        if any(a <= across <= b for a, b in spans[k]):
            return k
    return None


def _cell_of(g: _Glyph, rules: _Rules) -> tuple[float, float] | None:
    """(top, left) of the ruled cell a glyph lies in, or None outside every table."""
    x, y = (g.left + g.right) / 2, (g.bottom + g.top) / 2
    left = _nearest(rules.xs, rules.vertical, x, y, up=False)
    if left is None or _nearest(rules.xs, rules.vertical, x, y, up=True) is None:
        return None
    top = _nearest(rules.ys, rules.horizontal, y, x, up=True)
    if top is None or _nearest(rules.ys, rules.horizontal, y, x, up=False) is None:
        return None
    return round(top), round(left)


def _table_rows(glyphs: list[_Glyph], rules: _Rules) -> tuple[list[_Glyph], list[tuple[float, str]]]:
    """Split glyphs into those outside ruled tables and the table rows they form: (top, line) with
    the cells of a row, each read as its own lines joined by a space, separated by a tab. A "row" of
    one cell is no table (a framed paragraph): its glyphs stay in the flow."""
    if not rules.xs or not rules.ys:
        return glyphs, []
    free: list[_Glyph] = []
    cells: dict[tuple[float, float], list[_Glyph]] = {}
    for g in glyphs:
        key = _cell_of(g, rules)
        if key is None:
            free.append(g)
        else:
            cells.setdefault(key, []).append(g)
    rows: dict[float, list[tuple[float, list[_Glyph]]]] = {}
    for (top, left), members in cells.items():
        rows.setdefault(top, []).append((left, members))
    out: list[tuple[float, str]] = []
    for top, row in rows.items():
        if len(row) < 2:
            free.extend(row[0][1])
            continue
        texts = []
        for _, members in sorted(row, key=lambda c: c[0]):
            texts.append(" ".join(seg.text(line.height) for line in _lines(members) for seg in line.segments))
        out.append((top, "\t".join(texts)))
    return free, out


def layer_lines(page: Any, first_page: bool) -> list[str]:
    """The text layer of one page as lines in reading order (header columns one after the other,
    a ruled table one line per row)."""
    textpage = page.get_textpage()
    try:
        glyphs = _glyphs(textpage)
    finally:
        textpage.close()
    glyphs, table_rows = _table_rows(glyphs, _rules(page)) if glyphs else (glyphs, [])
    lines = _lines(glyphs)
    if not lines:
        return [text for _, text in sorted(table_rows, key=lambda r: -r[0])]
    _, height = page.get_size()
    header, gutter = _header_split(lines, lines[0].top, height) if first_page else (0, 0.0)
    out: list[str] = []
    if header:
        for keep_left in (True, False):
            for line in lines[:header]:
                col = [s for s in line.segments if (s.right <= gutter) == keep_left]
                if col:
                    out.append("\t".join(s.text(line.height) for s in col))
    flow = [(line.top, "\t".join(s.text(line.height) for s in line.segments)) for line in lines[header:]]
    out.extend(text for _, text in sorted(flow + table_rows, key=lambda r: -r[0]))
    return out


def _image_cover(page: Any) -> float:
    """The share of the page covered by its largest image (a scan is one image per page)."""
    import pypdfium2.raw as pdfium_c

    width, height = page.get_size()
    best = 0.0
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2):
        left, bottom, right, top = _bounds(obj)
        best = max(best, (right - left) * (top - bottom) / (width * height or 1.0))
    return best


def _page_image(page: Any) -> Any:
    """The page as an image for OCR, at ``OCR_DPI``. A scan (one upright image over the page) is
    taken at its own resolution and scaled once with a bicubic filter: rendering it through the
    page resamples it coarsely, and Tesseract then misreads small marks (ă read as ã)."""
    import pypdfium2.raw as pdfium_c
    from PIL import Image

    width, height = page.get_size()
    images = list(page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2))
    if len(images) == 1:
        obj = images[0]
        m = obj.get_matrix()
        left, bottom, right, top = _bounds(obj)
        upright = m.b == 0 and m.c == 0 and m.a > 0 and m.d > 0
        if upright and (right - left) * (top - bottom) >= 0.9 * width * height:
            try:
                image = obj.get_bitmap(render=False).to_pil()
            except Exception:  # an image format pdfium cannot hand over raw: render the page
                image = None
            if image is not None:
                dpi = image.width / ((right - left) / 72)
                if dpi < OCR_DPI * 0.95 or dpi > OCR_DPI * 1.4:
                    scale = OCR_DPI / dpi
                    size = (round(image.width * scale), round(image.height * scale))
                    image = image.convert("L").resize(size, Image.Resampling.BICUBIC)
                return image
    return page.render(scale=OCR_DPI / 72).to_pil()


def _pages(pdf: Any) -> Iterator[tuple[int, Any]]:
    for i in range(len(pdf)):
        page = pdf[i]
        try:
            yield i + 1, page
        finally:
            page.close()


def read_pdf(path: Path) -> SourceText:
    """Read a PDF: each page from its text layer, or by OCR when it has none (a scanned page).

    A scanned page that carries a few words of text layer (a signature stamp) is read by OCR too,
    the stamp's words kept after the OCR text.
    """
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(str(path))
    except Exception as exc:
        msg = f"{path}: not a readable PDF ({exc})"
        raise ExtractionError(msg) from exc
    texts: list[str] = []
    scanned: list[int] = []
    skipped: list[int] = []
    confidences: list[float] = []
    ocr_spans: list[tuple[int, int]] = []
    warnings: list[str] = []
    try:
        page_count = len(pdf)
        for number, page in _pages(pdf):
            lines = layer_lines(page, number == 1)
            visible = sum(len(x.strip()) for x in lines)
            if visible >= MIN_LAYER_CHARS and (visible >= 200 or _image_cover(page) < 0.5):
                texts.append("\n".join(lines))
                continue
            if not _ocr_available():
                skipped.append(number)
                texts.append("\n".join(lines))
                continue
            result = ocr_image(_page_image(page), path, number)
            scanned.append(number)
            confidences.extend(result.confidences)
            start = sum(len(t) + 1 for t in texts)
            ocr_spans.append((start, start + len(result.text)))
            texts.append("\n".join([result.text, *lines]))
    finally:
        pdf.close()
    if skipped:
        # No text at all: the error names the file and what to install. Else keep the text pages.
        what = "the PDF has no text layer (a scan)"
        if len(skipped) < page_count:
            what = f"{_pages_text(skipped)} of the PDF without a text layer (a scan) not read"
        try:
            require_ocr(path, what)
        except ExtractionError as exc:
            if not "".join(texts).strip():
                raise
            warnings.append(str(exc))
    ocr = None
    if scanned:
        mean = round(statistics.fmean(confidences), 1) if confidences else 0.0
        ocr = OcrReport(engine_name(), tuple(scanned), page_count, mean)
        warnings.insert(
            0,
            f"{OCR_WARNING} ({ocr.engine}): {_pages_text(scanned)} of {page_count}, mean word confidence {mean:g}",
        )
    return SourceText(str(path), "\n".join(texts), "application/pdf", tuple(warnings), ocr, tuple(ocr_spans))


def _ocr_available() -> bool:
    try:
        require_ocr(Path(), "")
    except ExtractionError:
        return False
    return True


def _pages_text(pages: list[int]) -> str:
    """[3] → "page 3"; [1, 2, 3, 5] → "pages 1-3, 5"."""
    return f"page {pages[0]}" if len(pages) == 1 else f"pages {_ranges(pages)}"


def _ranges(pages: list[int]) -> str:
    """1, 2, 3, 5 → "1-3, 5"."""
    out: list[str] = []
    start = prev = pages[0]
    for p in [*pages[1:], None]:
        if p is not None and p == prev + 1:
            prev = p
            continue
        out.append(str(start) if start == prev else f"{start}-{prev}")
        if p is not None:
            start = prev = p
    return ", ".join(out)
