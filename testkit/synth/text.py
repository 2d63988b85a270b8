"""Text of the synthetic documents: dates, references, headers, filler prose, the messiness of real
files, and the file formats the readers accept (plain text, markdown, DOCX).

Every variant here was checked against the extractor (``ingest``): a symbol written ``57/NQ-TW``,
``57NQ/TW`` or ``57 - NQ/TW``, a number broken across lines (``579-\\n\\nCV/VPTU``), a paragraph
in NFD, an ``Ð`` (U+00D0) for ``Đ``, markdown emphasis and escapes all read back as the clean form.
Variants the extractor gets wrong are deliberately absent (see the module docs of ``testkit.synth``).
"""

import datetime as dt
import io
import random
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "MOTTO_PARTY",
    "MOTTO_STATE",
    "Mess",
    "Ref",
    "date_numeric",
    "date_party",
    "date_words",
    "header_lines",
    "person",
    "render_md",
    "wrap",
    "write_docx",
]

MOTTO_STATE = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
MOTTO_PARTY = ("ĐẢNG CỘNG SẢN VIỆT NAM",)

_SURNAMES = (
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
    "Đinh",
    "Mai",
    "Trịnh",
    "Lương",
)
_MIDDLE = ("Văn", "Thị", "Đức", "Minh", "Quốc", "Thanh", "Hữu", "Ngọc", "Xuân", "Công", "Thành", "Hoài")
_GIVEN = (
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Hà",
    "Hải",
    "Hòa",
    "Hùng",
    "Lan",
    "Long",
    "Mai",
    "Nam",
    "Phong",
    "Quang",
    "Sơn",
    "Tâm",
    "Thắng",
    "Thảo",
    "Trung",
    "Tuấn",
    "Việt",
    "Vinh",
    "Yến",
    "Hiếu",
    "Khánh",
)


def person(rng: random.Random) -> str:
    """A plausible Vietnamese full name."""
    return f"{rng.choice(_SURNAMES)} {rng.choice(_MIDDLE)} {rng.choice(_GIVEN)}"


def date_words(d: dt.date) -> str:
    """``ngày 05 tháng 02 năm 2025``: NĐ 30 pads days below 10 and the months 1 and 2."""
    month = f"{d.month:02d}" if d.month < 3 else str(d.month)
    return f"ngày {d.day:02d} tháng {month} năm {d.year}"


def date_numeric(d: dt.date, rng: random.Random) -> str:
    """``14/02/2025`` or ``14/2/2025``."""
    if rng.random() < 0.5:
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    return f"{d.day}/{d.month}/{d.year}"


def date_party(d: dt.date, rng: random.Random) -> str:
    """Party prose: ``22-12-2024`` or ``22-12-2024`` with padding."""
    if rng.random() < 0.5:
        return f"{d.day:02d}-{d.month:02d}-{d.year}"
    return f"{d.day}-{d.month}-{d.year}"


@dataclass(frozen=True, slots=True)
class Ref:
    """A document as others cite it."""

    type_name: str  # Kế hoạch, Nghị quyết …
    number: str  # canonical symbol
    date: dt.date
    by: str  # "Bộ Chính trị", "UBND tỉnh Thanh Hóa"
    about: str  # trích yếu without leading "về"
    key: str  # graph key
    party: bool
    central: frozenset[str]  # keys of the central documents it leads to by "implements"
    file: str | None = None  # file name when the document is written


class Mess:
    """The messiness of real texts, drawn with a fixed probability per document."""

    def __init__(self, rng: random.Random, level: float) -> None:
        self.rng = rng
        self.level = level

    def chance(self, p: float) -> bool:
        return self.rng.random() < p * self.level

    def symbol(self, number: str, party: bool, *, breaks: bool = True) -> str:
        """A symbol as a careless writer or a PDF conversion leaves it; reads back to ``number``.

        ``breaks`` allows a line break inside it (not in titles, whose lines the layout counts)."""
        r = self.rng
        if not self.chance(0.25):
            return number
        forms: tuple[str, ...]
        if party:
            num, rest = number.split("-", 1)
            typ, iss = rest.split("/", 1)
            forms = (
                f"{num}/{typ}-{iss}",  # State separators on a Party symbol
                f"{num}{typ}/{iss}",  # missing dash
                f"{num} - {typ}/{iss}",  # spaces around the dash
                f"{num}-\n\n{typ}/{iss}",  # PDF column wrap across a blank line
                f"{num}-\n{typ}/{iss}",
            )
        else:
            num, rest = number.split("/", 1)
            forms = (
                f"{num} /{rest}",  # space before the slash
                f"{num}/{rest.replace('-', '- ', 1)}",  # space after the dash
                f"{num}/\n{rest}",  # line break after the slash
                f"{num}/{rest.lower()}" if "Đ" not in rest else f"{num}/{rest}",  # case mangled
            )
        if not breaks:
            forms = tuple(f for f in forms if "\n" not in f)
        out = r.choice(forms)
        if "Đ" in out and self.chance(0.3):
            out = out.replace("Đ", "\u00d0")  # Ð look-alike
        return out

    def date_in_ref(self, d: dt.date, party: bool) -> str:
        r = self.rng
        x = r.random()
        if x < 0.2:
            return date_words(d)
        if party and x < 0.7:
            return "ngày " + date_party(d, r)
        return "ngày " + date_numeric(d, r)

    def ref(self, ref: Ref, *, with_about: bool = True, with_by: bool = True, breaks: bool = True) -> str:
        """``Kế hoạch số 126/KH-UBND ngày 14/02/2025 của UBND tỉnh Thanh Hóa về …``."""
        r = self.rng
        so = "số " if r.random() < 0.9 else ""
        parts = [f"{ref.type_name} {so}{self.symbol(ref.number, ref.party, breaks=breaks)}"]
        if ref.party and r.random() < 0.5:
            parts.append(",")
        parts.append(f" {self.date_in_ref(ref.date, ref.party)}")
        if with_by:
            parts.append(f" của {ref.by}")
        if with_about and ref.about:
            parts.append(f" về {ref.about}")
        return "".join(parts)


def header_lines(
    left: Sequence[str], number_line: str, right: Sequence[str], date_line: str, rng: random.Random
) -> list[str]:
    """The header block, either with its two columns interleaved (PDF to text) or stacked."""
    if rng.random() < 0.5:
        rows = max(len(left) + 1, len(right) + 1)
        lcol = [*left, number_line] + [""] * (rows - len(left) - 1)
        rcol = [*right, date_line] + [""] * (rows - len(right) - 1)
        width = max(len(s) for s in lcol) + rng.randint(4, 12)
        return [(a.ljust(width) + b).rstrip() if b else a for a, b in zip(lcol, rcol, strict=True)]
    return [*left, number_line, "", *right, date_line]


_WRAP_BAD_START = tuple("-–+•/0123456789(")


def wrap(paragraph: str, width: int) -> list[str]:
    """Break a paragraph into lines of about ``width`` characters with trailing spaces, as PDF to text
    does; never before a word that could read as a list marker or the second half of a number."""
    words = paragraph.split(" ")
    lines: list[str] = []
    cur: list[str] = []
    n = 0
    for w in words:
        if cur and n + len(w) > width and not w.startswith(_WRAP_BAD_START) and not cur[-1][-1:].isdigit():
            lines.append(" ".join(cur) + " ")
            cur, n = [], 0
        cur.append(w)
        n += len(w) + 1
    if cur:
        lines.append(" ".join(cur))
    return lines


def nfd(s: str) -> str:
    """The decomposed form some Word and PDF exports produce."""
    return unicodedata.normalize("NFD", s)


def render_md(lines: Sequence[str], heading: str | None) -> str:
    """A markdown copy of a document: the type heading in bold, numbered sections as headings."""
    out = []
    for ln in lines:
        s = ln.strip()
        if heading is not None and s == heading:
            out.append(f"**{s}**")
        elif s == "*":
            out.append("\\*")
        elif s[:3] in ("I. ", "II.", "III", "IV.", "V. ") and s.isupper():
            out.append(f"## {s}")
        else:
            out.append(ln.rstrip() + ("  " if s else ""))
    return "\n".join(out) + "\n"


def write_docx(path: Path, left: Sequence[str], right: Sequence[str], body: Sequence[str]) -> int:
    """A DOCX with the header as a two-column table, as offices type them; returns the size in bytes."""
    import docx

    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    for cell, lines in zip(table.rows[0].cells, (left, right), strict=True):
        cell.text = lines[0]
        for ln in lines[1:]:
            cell.add_paragraph(ln)
    for ln in body:
        document.add_paragraph(ln)
    buf = io.BytesIO()
    document.save(buf)
    data = buf.getvalue()
    path.write_bytes(data)
    return len(data)
