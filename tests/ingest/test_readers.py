"""Tests for ingest.readers and the batch: every format, encodings, and bad input."""

import unicodedata
from pathlib import Path

import docx
import pytest
from fpdf import FPDF

from ingest.errors import ExtractionError, UnsupportedFormat
from ingest.extract import ExtractionFailure, extract_file, extract_paths
from ingest.readers import read_file
from tests.conftest import SEEDS

SEED = SEEDS / "003_2903fb9f98b826c4.txt"
HEADER = (
    "ỦY BAN NHÂN DÂN\nXÃ TRIỆU SƠN\nSố: 45/KH-UBND",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nTriệu Sơn, ngày 15 tháng 8 năm 2025",
)
BODY = [
    "KẾ HOẠCH",
    "Tổ chức thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị",
    "Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, "
    "công nghệ; Kế hoạch số 386-KH/TU ngày 13/02/2025 của Ban Thường vụ Tỉnh ủy, UBND xã xây dựng Kế hoạch như sau:",
    "1. Các phòng, ban thuộc xã: báo cáo kết quả trước ngày 15/12/2025.",
]


def _to_cp1258(s: str) -> bytes:
    """cp1258 keeps ê ô ơ ư ă â đ precomposed and writes tone marks as combining characters."""
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out = []
    for ch in unicodedata.normalize("NFC", s):
        d = unicodedata.normalize("NFD", ch)
        base = "".join(c for c in d if c not in tones)
        out.append(unicodedata.normalize("NFC", base) + "".join(c for c in d if c in tones))
    return "".join(out).encode("cp1258")


@pytest.mark.parametrize(
    ("suffix", "encode"),
    [
        (".txt", lambda s: s.encode("utf-8")),
        (".txt", lambda s: b"\xef\xbb\xbf" + s.encode("utf-8")),
        (".txt", lambda s: s.encode("utf-16")),
        (".txt", _to_cp1258),
        (".md", lambda s: unicodedata.normalize("NFD", s).encode("utf-8")),
    ],
    ids=["utf8", "utf8-bom", "utf16", "cp1258", "md-nfd"],
)
def test_text_encodings(tmp_path: Path, suffix: str, encode: object) -> None:
    text = SEED.read_text(encoding="utf-8")
    f = tmp_path / f"doc{suffix}"
    f.write_bytes(encode(text))  # type: ignore[operator]
    ex = extract_file(f)
    assert ex.document.province == "Đắk Lắk"
    assert {r.number for r in ex.references} >= {"013/CT-UBND", "579-CV/VPTU", "57-NQ/TW", "02-KH/BCĐ"}


def _docx(path: Path) -> None:
    d = docx.Document()
    table = d.add_table(rows=1, cols=2)
    for cell, text in zip(table.rows[0].cells, HEADER, strict=True):
        cell.text = text
    for para in BODY:
        d.add_paragraph(para)
    d.save(str(path))


def test_docx_with_header_table(tmp_path: Path) -> None:
    f = tmp_path / "kh.docx"
    _docx(f)
    ex = extract_file(f)
    d = ex.document
    assert (d.number, d.doc_type, d.issuer, d.level, d.date) == (
        "45/KH-UBND",
        "Kế hoạch",
        "UBND xã Triệu Sơn",
        "commune",
        "2025-08-15",
    )
    assert (d.province, d.province_at_issue) == ("Thanh Hóa", "Thanh Hóa")
    rels = {r.number: r.relation.value for r in ex.references}
    assert rels == {"57-NQ/TW": "implements", "386-KH/TU": "implements"}
    assert [(x.date, x.assignee, x.report_due) for x in ex.deadlines] == [
        ("2025-12-15", "Các phòng, ban thuộc xã", True)
    ]


def test_html_drops_page_chrome(tmp_path: Path) -> None:
    body = "".join(f"<p>{p}</p>" for p in BODY)
    page = (
        "<html><head><title>Cổng thông tin</title></head><body>"
        "<nav><a href='/'>Trang chủ</a> | <a href='/vb'>Văn bản 99/KH-UBND</a></nav>"
        f"<article><p>{HEADER[0].replace(chr(10), '<br>')}</p>{body}</article>"
        "<footer>Bản quyền © 2025 UBND xã. Đăng ngày: 15/03/2025 08:30</footer></body></html>"
    )
    f = tmp_path / "kh.html"
    f.write_text(page, encoding="utf-8")
    ex = extract_file(f)
    assert {r.number for r in ex.references} == {"57-NQ/TW", "386-KH/TU"}


def test_pdf_text_layer(tmp_path: Path) -> None:
    font = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    if not font.exists():
        pytest.skip("DejaVu font (Debian fonts-dejavu-core) is needed to write a Vietnamese PDF")
    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("dejavu", "", str(font))
    pdf.set_font("dejavu", size=11)
    for line in [*HEADER[0].split("\n"), *HEADER[1].split("\n"), *BODY]:
        pdf.multi_cell(190, 6, line, new_x="LMARGIN", new_y="NEXT")
    f = tmp_path / "kh.pdf"
    pdf.output(str(f))
    ex = extract_file(f)
    assert ex.document.number == "45/KH-UBND"
    assert {r.number for r in ex.references} == {"57-NQ/TW", "386-KH/TU"}


def test_scanned_pdf_says_what_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no tesseract on this PATH
    pdf = FPDF()
    pdf.add_page()
    f = tmp_path / "scan.pdf"
    pdf.output(str(f))
    with pytest.raises(ExtractionError, match=r"scan\.pdf.*(Tesseract|tesseract)"):
        read_file(f)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("broken.docx", b"PK\x03\x04 not really a zip", r"broken\.docx: not a readable DOCX"),
        ("broken.pdf", b"%PDF-1.4 garbage", r"broken\.pdf: not a readable PDF"),
        ("empty.txt", b"   \n", r"empty\.txt: no text"),
        ("binary.txt", b"\x00\x01\x02\x03" * 100, r"binary\.txt: binary content"),
    ],
)
def test_bad_files_name_the_file_and_the_problem(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    f = tmp_path / name
    f.write_bytes(content)
    with pytest.raises(ExtractionError, match=message):
        read_file(f)


def test_unsupported_format(tmp_path: Path) -> None:
    f = tmp_path / "sheet.xlsx"
    f.write_bytes(b"x")
    with pytest.raises(UnsupportedFormat, match=r"sheet\.xlsx: unsupported file type '.xlsx'"):
        read_file(f)


def test_doc_without_libreoffice_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no soffice on this PATH
    f = tmp_path / "old.doc"
    f.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    with pytest.raises(ExtractionError, match=r"old\.doc: .doc files need LibreOffice"):
        read_file(f)


def test_batch_goes_on_past_a_bad_file(tmp_path: Path) -> None:
    (tmp_path / "a_bad.docx").write_bytes(b"nope")
    (tmp_path / "b_good.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "c_ignored.png").write_bytes(b"\x89PNG")
    results = list(extract_paths([tmp_path]))
    assert [type(r).__name__ for r in results] == ["ExtractionFailure", "Extraction"]
    failure = results[0]
    assert isinstance(failure, ExtractionFailure) and "a_bad.docx" in failure.error
