"""Zones of an administrative document: header, title (trích yếu), body, closing, and sentences.

Works on normalised text. Handles the layouts real files come in: a clean header, two header
columns interleaved on one line (PDF to text), a header table read column by column (DOCX), and
no header at all (web copies that start at the title or the body).
"""

import itertools
import re
from bisect import bisect_right
from dataclasses import dataclass, field

from ontology.codes import TYPE_NAME_PATTERN, TYPE_NAMES, fold_type_name

__all__ = ["BODY_CUE", "Layout", "Line", "analyse_layout"]

_TYPE_HEADING = re.compile(
    r"^(?P<t>" + "|".join(re.escape(t.upper()) for t in TYPE_NAMES) + r")(?:\s*[:.]?)$"
)
_VV = re.compile(r"^\s*V/v\b", re.I)
# The number line: "Số: 12/KH-UBND", also after a type word ("Nghị quyết số: 11-NQ/TW") or in the
# middle of a header flattened onto one line ("… SỞ GIÁO DỤC Số : 2917 /SGDĐT-VP …").
_SO_LINE = re.compile(
    r"(?:(?:^|\s{2,})Số|(?:^|(?<=\s))Số(?=\s*:)|^(?:"
    + TYPE_NAME_PATTERN
    + r")\s+số(?=\s*:))\s*:?\s*(?P<rest>.*)$"
)
_DATE_LINE = re.compile(r"(?:^|\s{2,}|\t)(?P<place>[^\n,\d:;()]{2,40}?(?:[ \t]\d{1,2})?),\s*ngày\b")
BODY_CUE = re.compile(
    r"^\s*(?:Thực\s+hiện|Căn\s+cứ|Kính\s+gửi|Trên\s+cơ\s+sở|Triển\s+khai|Theo|Tiếp\s+theo|Để|Nhằm|"
    r"Ngày\s+\d|Sau\s+khi|Qua|Trong\s+(?:thời\s+gian|năm|quý|tháng)|Phần|Điều\s+1|Xét|Hiện\s+nay|"
    r"Thời\s+gian\s+qua|Quán\s+triệt|Chấp\s+hành|Thi\s+hành|[IVX]+\.\s|1\.\s)"
)
_FIRST_LINE_IS_BODY = re.compile(r"^\s*(?:Căn\s+cứ|Kính\s+gửi|[IVX]+\.\s|1\.\s)|:\s*$|\bnhư\s+sau\b|\.\s*$")
_BASIS_LINE = re.compile(r"^(?:Căn\s+cứ|Thực\s+hiện|Triển\s+khai|Theo|Xét|Trên\s+cơ\s+sở)\b")
_SECTION_HEADING = re.compile(r"^[ \t]*(?:[IVX]+|\d+)\.[ \t]+(?P<h>[^\n]{2,100})$", re.M)
_LIST_MARKER = re.compile(r"^\s*(?:[IVX]+\.|\d+(?:\.\d+)*[.)]|\(\d+\)|[a-zđ]\)|[-–+•])\s*")
# ", ngày" of the place-and-date line; the place before it and the date after it may be on the
# lines around it ("Tuyên Quang, ngày" / "12 tháng 8 năm 2022", "*Đồng Tháp," / "ngày 01 …").
_PLACE_DATE = re.compile(r",[ \t]*\n?[ \t]*ngày\b")
_FULL_DATE = re.compile(
    r"ngày\s*(?:\d{1,2}|[ .…_]*)\s*tháng\s*(?:\d{1,2}|[ .…_]*)\s*năm\s*(?:19|20)\d\d"
    r"|ngày\s*\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*(?:19|20)\d\d",
    re.I,
)
_NUMBERED = re.compile(r"[Ss]ố\s*:?\s*\d|[Ss]ố\s*:\s")
_ABOUT = re.compile(r"^(?:Về|V/v)\s")
_SEPARATOR = re.compile(r"[-_=*–. ]{3,}")
_NUMBERED_HEADING = re.compile(r"^(?:[IVX]+|\d+(?:\.\d+)*)[.)]\s")
_CELL_GAP = re.compile(r"\s{3,}|\t")
_AUTHORITY_LINE = re.compile(
    r"^(?:ỦY\s+BAN|UỶ\s+BAN|UBND|HỘI\s+ĐỒNG\s+NHÂN\s+DÂN|CHỦ\s+TỊCH|PHÓ\s+CHỦ\s+TỊCH|BỘ\s+TRƯỞNG|"
    r"THỦ\s+TƯỚNG|CHÍNH\s+PHỦ|BAN\s+THƯỜNG\s+VỤ|BAN\s+CHẤP\s+HÀNH|BAN\s+BÍ\s+THƯ|BỘ\s+CHÍNH\s+TRỊ|"
    r"GIÁM\s+ĐỐC|QUỐC\s+HỘI|TỔNG\s+GIÁM\s+ĐỐC|TRƯỞNG\s+BAN|KÍNH\s+GỬI|QUYẾT\s+ĐỊNH\s*:|QUYẾT\s+NGHỊ\s*:)"
)
_CLOSING = re.compile(r"^\s*(?:Nơi\s+nhận|NƠI\s+NHẬN)\s*:?", re.M)
_SIGNATURE = re.compile(r"^\s*(?:TM\.|T/M|T\.M\.|KT\.|K/T|TL\.|TUQ\.|Q\.)\s*[A-ZĐÀ-Ỹ]", re.M)


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the normalised text: the span of its content without surrounding spaces."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class Layout:
    """Where each zone of the document lies, as spans of the normalised text."""

    text: str
    lines: list[Line]
    header: list[Line] = field(default_factory=list)  # lines before the title or body
    type_heading: str | None = None  # folded type name of the heading (KẾ HOẠCH → Kế hoạch)
    title_span: tuple[int, int] | None = None
    title: str | None = None
    has_vv: bool = False
    number_line: Line | None = None
    date_line: Line | None = None
    date_place: str | None = None
    date_span: tuple[int, int] | None = None  # "ngày … năm …" of the place-and-date line
    body_start: int = 0
    closing_start: int = 0
    sentences: list[tuple[int, int]] = field(default_factory=list)
    headings: list[tuple[int, str]] = field(default_factory=list)  # numbered section headings
    preamble_end: int = 0  # end of the opening (bases, "Căn cứ …", "Thực hiện …") before the first section
    basis_blocks: list[tuple[int, int]] = field(
        default_factory=list
    )  # lists of bases ("…, cụ thể:" / "CĂN CỨ")
    _sentence_starts: list[int] = field(default_factory=list)
    _heading_starts: list[int] = field(default_factory=list)

    def heading_before(self, pos: int, start: int = 0) -> str | None:
        """The last numbered heading ("II. NHIỆM VỤ", "2. Căn cứ …") between ``start`` and ``pos``."""
        i = bisect_right(self._heading_starts, pos) - 1
        if i < 0 or self._heading_starts[i] < start:
            return None
        return self.headings[i][1]

    def sentence_at(self, pos: int) -> tuple[int, int]:
        """The sentence span containing ``pos``."""
        i = bisect_right(self._sentence_starts, pos) - 1
        if i < 0:
            return 0, 0
        return self.sentences[i]

    @property
    def has_header(self) -> bool:
        """Whether the text shows a header of an official document: a number line, a place-and-date
        line or a type heading (a web page's copy may have none)."""
        return self.number_line is not None or self.date_span is not None or self.type_heading is not None

    def in_basis_block(self, pos: int) -> bool:
        """Whether ``pos`` lies in a list of bases ("dựa trên các văn bản …, cụ thể:", "Căn cứ pháp lý")."""
        return any(a <= pos < b for a, b in self.basis_blocks)

    def in_title(self, pos: int) -> bool:
        return self.title_span is not None and self.title_span[0] <= pos < self.title_span[1]


def _lines(text: str) -> list[Line]:
    out = []
    pos = 0
    for raw in text.split("\n"):
        lead = len(raw) - len(raw.lstrip())
        content = raw.strip()
        out.append(Line(pos + lead, pos + lead + len(content), content))
        pos += len(raw) + 1
    return out


def _cells(line: Line) -> list[str]:
    return [c.strip() for c in _CELL_GAP.split(line.text) if c.strip()]


def _date_line(text: str) -> re.Match[str] | None:
    """The place-and-date line ("Hà Nội, ngày 22 tháng 12 năm 2024"); most lines fail the cheap test."""
    return _DATE_LINE.search(text) if "ngày" in text else None


_PLACE_UNIT_WORDS = frozenset(
    {"thành", "phố", "tỉnh", "huyện", "quận", "thị", "xã", "trấn", "phường", "đặc", "khu"}
)


# What may stand before the place on its line: nothing, a number, the motto, a cell border.
_AFTER_HEADER_CELL = re.compile(r"(?:\S*[\d/]\S*|[Pp]húc|\s{2,}|\t|\|)\s*$")


_WEEKDAY = re.compile(
    r"(?:Thứ\s+(?:Hai|Ba|Tư|Năm|Sáu|Bảy|hai|ba|tư|năm|sáu|bảy)|Chủ\s+[Nn]hật)$"
)  # a web page's posting day


def _place_words(before: str) -> str:
    """The place name that ends ``before``: the capitalised words (and unit words) at its end, so
    that a number or a motto on the same line ("Số: 300/BC-CP Hà Nội") is left out."""
    words = before.replace("*", " ").split()
    kept: list[str] = []
    for i, w in enumerate(reversed(words)):
        bare = w.strip(".")
        if i == 0 and bare.isdigit() and len(bare) <= 2 and len(words) > 1:
            kept.append(w)  # "Móng Cái 3": a numbered ward
            continue
        if not bare or any(not (c.isalpha() or c in "-'’") for c in bare):
            break
        if (
            bare[0].isupper() and not (len(bare) > 1 and bare.isupper() and bare not in {"TP", "TX"})
        ) or bare.lower() in _PLACE_UNIT_WORDS:
            kept.append(w)
        else:
            break
    if kept and kept[0].isdigit() and len(kept) == 1:
        return ""
    return " ".join(reversed(kept))


def _find_place_date(text: str, head: list[Line], lay: Layout) -> None:
    """The header's place-and-date line, read across the line breaks a copied page puts in it."""
    if not head:
        return
    end = min(head[-1].end, head[0].start + 3000)  # a header, not a one-line book
    for m in _PLACE_DATE.finditer(text, head[0].start, end):
        full = _FULL_DATE.match(text, m.end() - 4, min(len(text), m.end() + 60))
        if full is None:
            continue
        line_start = max(text.rfind("\n", 0, m.start()) + 1, m.start() - 120)
        before = text[line_start : m.start()]
        place = _place_words(before)
        prefix = before.rstrip(" \t*")[: -len(place)] if place else ""
        if not place or not (not prefix.strip() or _AFTER_HEADER_CELL.search(prefix)):
            continue  # a comma and "ngày" inside a sentence, not a header line
        prev_end = line_start - 1
        if prev_end > 0 and len(place.split()) <= 2 and not prefix.strip():
            # "Thành phố Hồ" / "Chí Minh, ngày …": the place began on the line before.
            prev = text[text.rfind("\n", 0, prev_end) + 1 : prev_end].strip(" \t*")
            if prev and len(prev.split()) <= 4 and _place_words(prev) == prev and not _is_upper(prev):
                place = f"{prev} {place}"
        if len(place) > 45 or _is_upper(place) or _WEEKDAY.match(place):
            continue
        lay.date_place = re.sub(r"\s+", " ", place)
        lay.date_span = full.span()
        lay.date_line = next((ln for ln in head if ln.start <= m.start() <= ln.end), head[0])
        return


def _is_upper(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _find_heading(lines: list[Line], limit: int) -> int | None:
    for i, ln in enumerate(lines[:limit]):
        for cell in _cells(ln):
            if _TYPE_HEADING.match(re.sub(r"\s+", " ", cell)):
                return i
    return None


def _title_from(lines: list[Line], first: int) -> tuple[int, int] | None:
    """Span of the title lines from ``first`` up to the body, a date line or a capitalised line."""
    start = end = None
    upper_title = False
    for ln in lines[first : first + 8]:
        # The first line after the heading is the title even when it opens with a cue word
        # ("Triển khai thực hiện Nghị quyết …"), unless it reads as the body's first sentence.
        first_line = start is None and not _FIRST_LINE_IS_BODY.search(ln.text)
        lettered = any(c.isalpha() for c in ln.text)  # "2020" alone continues any title
        upper = _is_upper(ln.text)
        if (
            (BODY_CUE.match(ln.text) and not first_line)
            or _SEPARATOR.fullmatch(ln.text)
            or _date_line(ln.text)
            or (upper and not (first_line or upper_title))
            or (upper_title and not upper and lettered)
            or (start is not None and _PART_HEADING.match(ln.text))
            or (upper and start is not None and _AUTHORITY_LINE.match(ln.text))
            or _CLOSING.match(ln.text)
        ):
            break
        # A title in capitals ("KẾ HOẠCH" / "PHÁT ĐỘNG PHONG TRÀO …" / "ĐẾN NĂM 2025") runs on over
        # capitalised lines up to the enacting authority ("ỦY BAN NHÂN DÂN TỈNH …") or the body.
        upper_title = (upper or (upper_title and not lettered)) and (start is None or upper_title)
        if start is not None and ln.text.endswith((".", ":")):
            break  # a sentence ending on a later line is the body's, not the title's
        start = ln.start if start is None else start
        end = ln.end
        if ln.text.endswith((".", ":")):
            break
    if start is None or end is None:
        return None
    return start, end


def analyse_layout(text: str) -> Layout:
    """Find the zones and sentences of a normalised document text."""
    lines = _lines(text)
    nonempty = [ln for ln in lines if ln.text]
    lay = Layout(text=text, lines=lines)
    head_limit = 40
    heading = _find_heading(nonempty, head_limit)
    title_line_index: int | None = None
    for ln in nonempty[:head_limit]:
        if (
            lay.number_line is None
            and ("Số" in ln.text or "số" in ln.text)
            and _SO_LINE.search(ln.text)
            and _NUMBERED.search(ln.text)
        ):
            lay.number_line = ln
    _find_place_date(text, nonempty[:head_limit], lay)
    if heading is not None:
        cell = next(c for c in _cells(nonempty[heading]) if _TYPE_HEADING.match(re.sub(r"\s+", " ", c)))
        name = _TYPE_HEADING.match(re.sub(r"\s+", " ", cell))
        assert name is not None
        upper = name.group("t")
        lay.type_heading = fold_type_name(next(t for t in TYPE_NAMES if t.upper() == upper))
        title_line_index = heading + 1
    else:
        for i, ln in enumerate(nonempty[:head_limit]):
            if _VV.match(ln.text) or (_cells(ln) and _VV.match(_cells(ln)[-1])):
                lay.has_vv = True
                title_line_index = i
                break
        if title_line_index is None and lay.number_line is not None:
            i = nonempty.index(lay.number_line) + 1
            while i < len(nonempty) and (_is_upper(nonempty[i].text) or _date_line(nonempty[i].text)):
                i += 1
            if i < len(nonempty) and _ABOUT.match(nonempty[i].text):
                title_line_index = i
    after_title = 0
    if title_line_index is not None and title_line_index < len(nonempty):
        if lay.has_vv:
            first = nonempty[title_line_index]
            vv = next((c for c in _cells(first) if _VV.match(c)), first.text)
            s0 = first.start + first.text.find(vv)
            e0 = s0 + len(vv)
            j = title_line_index + 1
            while j < len(nonempty) and nonempty[j].text[:1].islower() and not _date_line(nonempty[j].text):
                e0 = nonempty[j].end
                j += 1
            lay.title_span = (s0, e0)
        else:
            lay.title_span = _title_from(nonempty, title_line_index)
        if lay.title_span:
            after_title = lay.title_span[1]
    if lay.title_span:
        lay.title = re.sub(r"\s+", " ", text[lay.title_span[0] : lay.title_span[1]]).strip(" *")
    # Header: lines before the title (or before the first body line when there is no title).
    body_from = after_title
    if not lay.title_span:
        for ln in nonempty[:head_limit]:
            if BODY_CUE.match(ln.text):
                body_from = ln.start
                break
            if lay.date_line is not None and ln.start <= lay.date_line.start:
                body_from = ln.end
    header_end = lay.title_span[0] if lay.title_span else body_from
    if heading is not None:
        header_end = min(header_end, nonempty[heading].start)
    lay.header = [ln for ln in nonempty if ln.end <= header_end]
    lay.body_start = body_from
    closing = [m.start() for m in _CLOSING.finditer(text, body_from)]
    if not closing:
        tail_from = body_from + int((len(text) - body_from) * 0.6)
        closing = [m.start() for m in _SIGNATURE.finditer(text, tail_from)]
    lay.closing_start = closing[0] if closing else len(text)
    lay.sentences = _sentences(text, lay)
    lay.headings = [(m.start(), m.group("h")) for m in _SECTION_HEADING.finditer(text)]
    lay._heading_starts = [p for p, _ in lay.headings]
    lay._sentence_starts = [s for s, _ in lay.sentences]
    lay.basis_blocks = _basis_blocks(text, lay)
    lay.preamble_end = _preamble_end(text, lay)
    return lay


# Where the opening of a document ends: its first part ("I. MỤC ĐÍCH"), article ("Điều 1"), the
# enacting word ("QUYẾT ĐỊNH:"), or the sentence that announces the content ("… như sau:").
_PART_HEADING = re.compile(
    r"^[ \t]*(?:[IVX]+[.\-)]|PHẦN\b|Phần\s+(?:thứ|[IVX\d])|Chương\s+[IVX\d]|Điều\s+1\b)", re.M
)
_ENACTING = re.compile(
    r"^[ \t]*(?:QUYẾT\s+ĐỊNH|QUYẾT\s+NGHỊ|KẾT\s+LUẬN|CHỈ\s+THỊ|NGHỊ\s+QUYẾT)(?:\s*:|[ \t]*$)", re.M
)
_ANNOUNCES_CONTENT = re.compile(r"(?:như\s+sau|sau\s+đây|nội\s+dung\s+sau|sau)\s*:[ \t]*$", re.M)
_ARABIC_HEADING = re.compile(r"^[ \t]*\d+\.[ \t]+[^\n]{2,100}$", re.M)
_BASIS_INTRO = re.compile(
    r"căn\s+cứ|dựa\s+(?:trên|vào)|cơ\s+sở\s+pháp\s+lý|trên\s+cơ\s+sở|cơ\s+sở\s+(?:xây\s+dựng|ban\s+hành)",
    re.I,
)
_BLOCK_OPEN = re.compile(r":[ \t]*$", re.M)


def _basis_blocks(text: str, lay: Layout) -> list[tuple[int, int]]:
    """Lists of bases without a cue on each item: after a sentence ending in ":" that names its bases
    ("Kế hoạch được xây dựng dựa trên các văn bản …, cụ thể:") or under a heading "CĂN CỨ …" /
    "Cơ sở pháp lý", up to the next part of the document."""
    blocks: list[tuple[int, int]] = []
    starts = [m.end() for m in _BLOCK_OPEN.finditer(text, 0, lay.closing_start)]
    starts = [e for e in starts if _BASIS_INTRO.search(text[max(lay.sentence_at(e - 1)[0], e - 250) : e])]
    for pos, heading in lay.headings:
        if pos >= lay.body_start and re.match(
            r"\s*(?:căn\s+cứ|cơ\s+sở\s+pháp\s+lý|cơ\s+sở\s+(?:xây\s+dựng|ban\s+hành))", heading, re.I
        ):
            starts.append(pos)
    for start in sorted(starts):
        if blocks and start < blocks[-1][1]:
            continue  # already inside the list opened above
        nxt = _PART_HEADING.search(text, start + 1, min(lay.closing_start, start + 6000))
        end = min(nxt.start() if nxt else lay.closing_start, start + 6000, lay.closing_start)
        for m in _BLOCK_OPEN.finditer(text, start + 1, end):
            if not _BASIS_INTRO.search(text[max(lay.sentence_at(m.start())[0], m.start() - 250) : m.end()]):
                end = m.end()  # a new announcement ("… như sau:") closes the list
                break
        if end > start:
            blocks.append((start, end))
    return blocks


def _preamble_end(text: str, lay: Layout) -> int:
    """End of the document's opening, where its bases are stated."""
    end = lay.closing_start
    for pattern in (_PART_HEADING, _ENACTING):
        m = pattern.search(text, lay.body_start, end)
        if m:
            end = m.start()
    m = _ANNOUNCES_CONTENT.search(text, lay.body_start, end)
    if m:
        end = m.end()
    for m in _ARABIC_HEADING.finditer(text, lay.body_start, end):
        line = m.group(0).strip()
        if lay.in_basis_block(m.start()) or line.endswith((";", ",")) or re.search(r"\d+/", line):
            continue  # an item of a list of bases, not a section
        end = m.start()
        break
    return end


_SENT_END = re.compile(r"[.!?](?=[\s\"”)]*\s+[\"“(]?[A-ZĐÀ-Ỹ0-9(-])|[.!?]\s*$", re.M)


def _sentences(text: str, lay: Layout) -> list[tuple[int, int]]:
    """Sentence spans: a sentence ends at . ! ? before a capital, at a line ending in . : ; ! ?
    before a line, before a list marker, and at zone borders (title, body, closing)."""
    cuts = {0, len(text), lay.body_start, lay.closing_start}
    if lay.title_span:
        cuts.update(lay.title_span)
    for ln in lay.header:
        cuts.update((ln.start, ln.end))
    for m in _SENT_END.finditer(text):
        cuts.add(m.end())
    prev_end_char = ""
    prev_heading = False
    for ln in lay.lines:
        if not ln.text:
            continue
        if _SEPARATOR.fullmatch(ln.text):
            cuts.update((ln.start, ln.end + 1))  # a separator line belongs to no sentence
            continue
        if (
            prev_end_char in ".:!?"
            or prev_heading
            or _LIST_MARKER.match(ln.text)
            or (prev_end_char in ";," and _BASIS_LINE.match(ln.text))
        ):
            cuts.add(ln.start)  # "…;\nCăn cứ Nghị định …": each basis line is its own sentence
        prev_end_char = ln.text[-1]
        # A short numbered heading ("1. Mục đích", "II. NHIỆM VỤ") ends where its line ends.
        prev_heading = len(ln.text) < 60 and bool(_NUMBERED_HEADING.match(ln.text))
    points = sorted(c for c in cuts if 0 <= c <= len(text))
    spans = []
    for a, b in itertools.pairwise(points):
        seg = text[a:b]
        lead = len(seg) - len(seg.lstrip())
        trail = len(seg) - len(seg.rstrip())
        if b - trail > a + lead:
            spans.append((a + lead, b - trail))
    return spans
