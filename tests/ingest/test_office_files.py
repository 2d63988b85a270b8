"""The files offices actually have: scanned and mixed PDFs (OCR), PDFs printed from Word with the
two-column NĐ30 header, DOCX data tables and old Word .doc files (LibreOffice).

The material is made here from texts whose gold we have (testkit/scans.py); the OCR tests are few and
small (three pages in all) and are skipped, with the reason, where Tesseract is not installed.
"""

import shutil
import unicodedata
from pathlib import Path

import docx
import pypdfium2 as pdfium
import pytest

from ingest import office
from ingest.errors import ExtractionError
from ingest.extract import extract_file
from ingest.readers import read_file
from testkit.scans import (
    doc_from_docx,
    image_pdf,
    mixed_pdf,
    ocr_missing,
    office_missing,
    render_pages,
    word_header_pdf,
)
from tests.conftest import CORPUS, SEEDS

NO_OCR = ocr_missing()
NO_OFFICE = office_missing()
needs_ocr = pytest.mark.skipif(NO_OCR is not None, reason=str(NO_OCR))
needs_office = pytest.mark.skipif(NO_OFFICE is not None, reason=str(NO_OFFICE))

SCAN_SEED = SEEDS / "003_2903fb9f98b826c4.txt"  # a Công văn of Đắk Lắk, six references, two pages
MIXED_SEED = SEEDS / "000_230abe7e519d0cdb.txt"  # a Báo cáo of Đăk Glei (Kon Tum, now Quảng Ngãi)
DOCX = CORPUS / "015_qd-1068-ubnd-binh-duong-ban-hanh-kh.docx"

LEFT = ("ỦY BAN NHÂN DÂN", "XÃ TRIỆU SƠN", "Số: 45/KH-UBND")
RIGHT = (
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Triệu Sơn, ngày 15 tháng 8 năm 2025",
)
TITLE = ("KẾ HOẠCH", "Tổ chức thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị")
BODY = (
    "Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, "
    "công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia; Kế hoạch số 386-KH/TU ngày 13/02/2025 của "
    "Ban Thường vụ Tỉnh ủy, UBND xã xây dựng Kế hoạch như sau:",
    "1. Các phòng, ban thuộc xã: báo cáo kết quả trước ngày 15/12/2025.",
)
TASKS = (
    ("STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời hạn"),
    ("1", "Xây dựng cơ sở dữ liệu dân cư", "Công an xã", "30/9/2025"),
    ("2", "Đào tạo kỹ năng số cho cán bộ", "Văn phòng HĐND và UBND xã", "31/10/2025"),
)


STAMP = "Thời gian ký: 05.04.2025 09:12:30 +07:00"  # a signature appearance, as signed scans carry


def header_pdf(folder: Path) -> Path:
    return word_header_pdf(LEFT, RIGHT, TITLE, BODY, folder / "kh-45-trieu-son.pdf", table=TASKS)


def scanned_pdf(folder: Path) -> Path:
    return image_pdf(
        render_pages(SCAN_SEED.read_text(encoding="utf-8"), dpi=200, seed=3), folder / "cv-scan.pdf"
    )


def mixed(folder: Path) -> Path:
    """A signed scan of the seed's first half, then its second half with a text layer."""
    lines = [x for x in MIXED_SEED.read_text(encoding="utf-8").splitlines() if x.strip()]
    half = len(lines) // 2
    scan = render_pages("\n".join(lines[:half]), dpi=250, seed=7)
    assert len(scan) == 1
    return mixed_pdf([scan[0], "\n".join(lines[half:])], folder / "bc-mixed.pdf", stamp=STAMP)


def old_doc(folder: Path) -> Path:
    return doc_from_docx(DOCX, folder)


def test_the_drawing_fonts_have_every_letter_of_the_texts() -> None:
    """No tofu: every letter of the texts drawn into scans has a glyph in DejaVu (Ế, Ạ, ổ ...)."""
    from fontTools.ttLib import TTFont

    from testkit.scans import FONT, SERIF

    if not FONT.exists():
        pytest.skip("DejaVu (Debian fonts-dejavu-core) is not installed")
    letters = {
        c for f in SEEDS.glob("*.txt") for c in unicodedata.normalize("NFC", f.read_text(encoding="utf-8"))
    }
    letters |= set("ẾẠỔỮẴẬỸĐđ")
    for font in (FONT, SERIF):
        cmap = TTFont(str(font)).getBestCmap()
        assert {c for c in letters if c.isprintable() and not c.isspace() and ord(c) not in cmap} == set()


# --- PDFs printed from Word: the two-column header by position, table cells kept ---------------


def test_word_header_pdf_reads_each_column_whole(tmp_path: Path) -> None:
    f = header_pdf(tmp_path)
    pdf = pdfium.PdfDocument(str(f))
    stream_order = pdf[0].get_textpage().get_text_range()
    pdf.close()
    # The material has the problem: in content order the two columns share lines.
    assert "ỦY BAN NHÂN DÂN CỘNG HÒA" in stream_order.replace("\r\n", " ")
    lines = read_file(f).text.splitlines()
    assert lines[:7] == [*LEFT, *RIGHT, TITLE[0]]
    ex = extract_file(f)
    d = ex.document
    assert (d.number, d.doc_type, d.issuer, d.level, d.date, d.province) == (
        "45/KH-UBND",
        "Kế hoạch",
        "UBND xã Triệu Sơn",
        "commune",
        "2025-08-15",
        "Thanh Hóa",
    )
    assert {r.number: r.relation.value for r in ex.references} == {
        "57-NQ/TW": "implements",
        "386-KH/TU": "implements",
    }
    assert ex.ocr is None and "ocr" not in ex.to_json()


def test_pdf_table_rows_keep_their_cells(tmp_path: Path) -> None:
    text = read_file(header_pdf(tmp_path)).text
    rows = [line.split("\t") for line in text.splitlines() if "\t" in line]
    assert rows == [list(r) for r in TASKS]


def test_docx_data_table_row_by_row_header_table_column_by_column(tmp_path: Path) -> None:
    d = docx.Document()
    head = d.add_table(rows=1, cols=2)
    for cell, lines in zip(head.rows[0].cells, (LEFT, RIGHT), strict=True):
        cell.text = "\n".join(lines)
    for para in (*TITLE, *BODY):
        d.add_paragraph(para)
    tasks = d.add_table(rows=len(TASKS), cols=4)
    for row, cells in zip(tasks.rows, TASKS, strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    f = tmp_path / "kh.docx"
    d.save(str(f))
    lines = read_file(f).text.splitlines()
    assert lines[:6] == [*LEFT, *RIGHT]
    assert lines[-3:] == ["\t".join(r) for r in TASKS]
    assert extract_file(f).document.number == "45/KH-UBND"


# --- Scans: OCR page by page -------------------------------------------------------------------


@needs_ocr
def test_scanned_pdf_is_read_by_ocr_and_says_so(tmp_path: Path, seed_gold: dict[str, dict]) -> None:  # type: ignore[type-arg]
    f = scanned_pdf(tmp_path)
    source = read_file(f)
    ex = extract_file(f)
    assert ex.ocr is not None and ex.ocr.pages == (1, 2) and ex.ocr.page_count == 2
    assert 80 <= ex.ocr.mean_confidence <= 100
    assert ex.to_json()["ocr"]["engine"].startswith("tesseract ") and ex.warnings[0].startswith("read by OCR")
    gold = seed_gold[SCAN_SEED.name]
    d = ex.document
    assert (d.doc_type, d.province, d.date) == tuple(
        gold["document"][k] for k in ("doc_type", "province", "date")
    )
    found = {r.number for r in ex.references}
    wanted = {r["number"] for r in gold["references"]}
    assert len(found & wanted) >= len(wanted) - 1  # one symbol may be misread; not more
    assert found <= wanted  # and nothing made up
    for r in ex.references:  # evidence spans point into the OCR text
        for m in r.mentions:
            assert source.text[m.evidence.start : m.evidence.end] == m.evidence.text


@needs_ocr
def test_mixed_pdf_keeps_its_text_layer(tmp_path: Path, seed_gold: dict[str, dict]) -> None:  # type: ignore[type-arg]
    f = mixed(tmp_path)
    source = read_file(f)
    text = source.text
    lines = [" ".join(x.split()) for x in MIXED_SEED.read_text(encoding="utf-8").splitlines() if x.strip()]
    page_two = text.index(lines[len(lines) // 2])
    assert all(line in text[page_two:] for line in lines[-8:])  # page 2 verbatim from its layer
    assert text[:page_two].rstrip().endswith(STAMP)  # a signed scan: OCR'd, its stamp's words kept after
    # OCR repairs apply to the OCR text alone: neither the stamp's layer words nor page 2
    ((start, end),) = source.ocr_spans
    assert start == 0 and STAMP not in text[start:end] and end < page_two
    ex = extract_file(f)
    assert ex.ocr is not None and ex.ocr.pages == (1,) and ex.ocr.page_count == 2
    gold = seed_gold[MIXED_SEED.name]
    d = ex.document
    assert (d.doc_type, d.province, d.province_at_issue) == tuple(
        gold["document"][k] for k in ("doc_type", "province", "province_at_issue")
    )
    assert {r.number for r in ex.references} == {r["number"] for r in gold["references"]}
    # 453/SKHCN-QLKH is named on the scanned page only: read there, its evidence in the OCR text.
    (ref,) = [r for r in ex.references if r.number == "453/SKHCN-QLKH"]
    assert all(m.evidence.end <= page_two for m in ref.mentions)


def test_mixed_pdf_without_tesseract_keeps_the_text_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from testkit.scans import FONT

    if not FONT.exists():
        pytest.skip("DejaVu Sans (Debian fonts-dejavu-core) is needed to draw Vietnamese pages")
    f = mixed(tmp_path)
    monkeypatch.setenv("PATH", str(tmp_path))  # no tesseract on this PATH
    source = read_file(f)
    assert source.ocr is None
    assert any(
        "bc-mixed.pdf: page 1 of the PDF without a text layer (a scan) not read" in w
        and "tesseract-ocr-vie" in w
        for w in source.warnings
    )


# --- Old Word files through LibreOffice --------------------------------------------------------


@needs_office
def test_doc_reads_like_the_docx_it_was_saved_from(tmp_path: Path) -> None:
    f = old_doc(tmp_path)
    assert f.read_bytes()[:4] == b"\xd0\xcf\x11\xe0"
    got, want = extract_file(f).to_json(), extract_file(DOCX).to_json()
    assert got["document"] == want["document"]
    assert [(r["number"], r["relation"]) for r in got["references"]] == [
        (r["number"], r["relation"]) for r in want["references"]
    ]
    assert read_file(f).media_type == "application/msword"


@pytest.mark.parametrize(
    ("content", "what"),
    [
        (b"<html><body><p>V\xc4\x83n b\xe1\xba\xa3n</p></body></html>", "HTML/XML"),
        (b"{\\rtf1\\ansi hello}", "RTF"),
        (bytes(range(256)) * 4, "its first bytes are not an OLE2 compound file"),
    ],
    ids=["html", "rtf", "random"],
)
def test_doc_that_is_not_a_doc_is_refused_before_conversion(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: bytes, what: str
) -> None:
    calls: list[object] = []
    monkeypatch.setattr(office.subprocess, "Popen", lambda *a, **k: calls.append(a))  # must not be reached
    f = tmp_path / "cong-van.doc"
    f.write_bytes(content)
    with pytest.raises(ExtractionError, match=rf"cong-van\.doc: not a Word 97-2003 \.doc file \({what}"):
        read_file(f)
    assert calls == []


def test_docx_named_doc_is_read_as_docx(tmp_path: Path) -> None:
    f = tmp_path / "kh.doc"
    shutil.copyfile(DOCX, f)
    source = read_file(f)
    assert source.text == read_file(DOCX).text and source.warnings == ("a DOCX file named .doc",)


@needs_office
def test_doc_conversion_past_its_time_limit_is_stopped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    f = old_doc(tmp_path)
    monkeypatch.setattr(office, "DOC_TIMEOUT_S", 0.05)
    with pytest.raises(
        ExtractionError, match=r"015_qd-1068.*\.doc: LibreOffice did not convert it within 0\.05 s"
    ):
        read_file(f)


def test_libreoffice_runs_without_a_network() -> None:
    """Where the system allows it, the conversion runs in a network namespace with loopback only."""
    import subprocess

    prefix = office._netns_prefix()
    if not prefix:
        pytest.skip(
            "user namespaces are not allowed here: LibreOffice runs with proxies to a closed port only"
        )
    out = subprocess.run([*prefix, "cat", "/proc/net/dev"], capture_output=True, text=True, check=True).stdout
    interfaces = {line.split(":")[0].strip() for line in out.splitlines()[2:]}
    assert interfaces == {"lo"}
