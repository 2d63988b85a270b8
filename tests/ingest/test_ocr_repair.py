"""OCR damage repaired where the extractor depends on it (ingest.ocr_repair, ingest.ocr.page_text).

One test per class of damage seen on scans (BENCHMARKS.md, "Scans against text"), each written
from the class, not from one document: the damaged form is repaired in text read by OCR, and left
as it is in text that was not (a text file says what it says).
"""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ingest.extract import extract_text
from ingest.normalize import normalize
from ingest.ocr import _Line, _Word, page_text
from ingest.ocr_repair import repair_code_groups, repair_cue
from ingest.records import OcrReport, SourceText
from ingest.symbols import find_symbols
from tests.conftest import CORPUS, SEEDS


def ocr_normalize(text: str) -> str:
    return normalize(text, ((0, len(text)),)).text


def symbols_read(text: str) -> list[str]:
    return [m.symbol.canonical for m in find_symbols(ocr_normalize(text))]


# --- Symbols: letters doubled ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ocr", "canonical"),
    [
        ("Quyết định số 912/QĐĐ-BKHCN ngày", "912/QĐ-BKHCN"),  # State type code
        ("Quyết định số 912/Q\u0110\u00d0-BKHCN ngày", "912/QĐ-BKHCN"),  # Đ and an Eth, as read
        ("Quy định số 22-QĐĐ/TW, ngày", "22-QĐ/TW"),  # Party type code
        ("Đề án số 364/ĐĐA-CP", "364/ĐA-CP"),  # a doubled first letter
        ("Nghị quyết số 15/NNQ-CP", "15/NQ-CP"),  # any letter, where it makes a type code
        ("Công văn số 4644/BTTTT-CĐĐSQG", "4644/BTTTT-CĐSQG"),  # Đ doubled inside a unit's code
        ("Quyết định số 08/2025/QĐĐ-TTg", "08/2025/QĐ-TTg"),  # normative symbol
    ],
)
def test_a_doubled_letter_in_a_symbol_code_is_dropped(ocr: str, canonical: str) -> None:
    assert symbols_read(ocr) == [canonical]


@pytest.mark.parametrize(
    ("sep", "codes"),
    [
        ("-", "NQ/ĐĐQH"),  # ĐĐ first: Đảng đoàn Quốc hội
        ("-", "NQ/BCSĐĐ"),  # ĐĐ last: a Party issuer code ends so
        ("/", "QĐ-TTg"),
        ("/", "SKHCN-QLKH"),
        ("/", "TT-BGDĐT"),
        ("/", "HĐND"),
        ("-", "HD/BTCTW"),
        ("/", "CTTT-ABC"),  # a doubled T where no type code comes of dropping it
    ],
)
def test_codes_that_may_be_written_so_are_kept(sep: str, codes: str) -> None:
    assert repair_code_groups(sep, codes) == codes


# --- Symbols: hyphens lost ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ocr", "canonical"),
    [
        ("Thông tư số 12/2018/TTBNN ngày", "12/2018/TT-BNN"),  # type + ministry
        ("Kế hoạch số 45/KHUBND ngày", "45/KH-UBND"),  # type + listed issuer
        ("Công văn số 88/TBSTTTT", "88/TB-STTTT"),  # type + provincial department
        ("Công văn số 2323/BTTTTTHH ngày", "2323/BTTTT-THH"),  # listed issuer + unit
        ("Công văn số 1250/BGDĐTQLCL", "1250/BGDĐT-QLCL"),
        ("Thông tư số 41/2013/TT.BNNPTNT ngày", "41/2013/TT-BNNPTNT"),  # the hyphen read as a dot
        ("Công văn số 75/UBND.VX ngày", "75/UBND-VX"),
    ],
)
def test_a_lost_hyphen_between_known_codes_is_put_back(ocr: str, canonical: str) -> None:
    assert symbols_read(ocr) == [canonical]


@pytest.mark.parametrize(
    ("ocr", "fixed"),
    [
        # a letter added to a type code, the symbol read right elsewhere in the text
        (
            "Nghị quyết 30a/2008/NQ-CP ngày 27/12/2008; chính sách tại Nghị quyết 30a/2008/NGQ-CP",
            "Nghị quyết 30a/2008/NQ-CP ngày 27/12/2008; chính sách tại Nghị quyết 30a/2008/NQ-CP",
        ),
        ("Quy định số 22-QĐT/TW và Quy định 22-QĐ/TW", "Quy định số 22-QĐ/TW và Quy định 22-QĐ/TW"),
        # read so once only: nothing to go by
        ("chính sách tại Nghị quyết 30a/2008/NGQ-CP", "chính sách tại Nghị quyết 30a/2008/NGQ-CP"),
        # another number, another issuer, or two type codes: other documents
        ("Nghị quyết 30a/2008/NQ-CP và 31/2008/NGQ-CP", "Nghị quyết 30a/2008/NQ-CP và 31/2008/NGQ-CP"),
        ("Kế hoạch 12/KH-UBND và 12/KHT-SYT", "Kế hoạch 12/KH-UBND và 12/KHT-SYT"),
        ("Chỉ thị 05-CT/TU và Chương trình 05-CTr/TU", "Chỉ thị 05-CT/TU và Chương trình 05-CTr/TU"),
    ],
)
def test_a_symbol_read_right_elsewhere_mends_its_misreading(ocr: str, fixed: str) -> None:
    assert ocr_normalize(ocr) == fixed
    assert normalize(ocr).text == ocr  # text as written is left alone


def test_a_dot_after_a_symbol_stays() -> None:
    text = "theo Nghị định số 30/2020/NĐ-CP.Căn cứ Quyết định số 12/QĐ-UBND. Ban hành"
    assert ocr_normalize(text) == text


def _gold_numbers() -> list[str]:
    numbers = set()
    for gold in (SEEDS / "gold.jsonl", CORPUS / "gold.jsonl"):
        for row in gold.read_text(encoding="utf-8").splitlines():
            if row.strip():
                g = json.loads(row)
                doc = g.get("document") or g.get("self") or {}
                numbers |= {
                    r["number"]
                    for r in [doc, *(g.get("references") or g.get("refs") or [])]
                    if r.get("number")
                }
    return sorted(numbers)


def test_symbols_written_right_are_left_as_they_are() -> None:
    """Every number of the gold corpora (correct symbols, of every family) goes through the symbol
    repairs unchanged: they change only what no code table allows."""
    numbers = _gold_numbers()
    assert len(numbers) > 150
    changed = [n for n in numbers if ocr_normalize(f"số {n} ngày") != normalize(f"số {n} ngày").text]
    assert changed == []


def test_symbol_repairs_apply_to_ocr_text_only() -> None:
    text = "Quyết định số 912/QĐĐ-BKHCN và Công văn số 2323/BTTTTTHH"
    assert normalize(text).text == text
    assert ocr_normalize(text) == "Quyết định số 912/QĐ-BKHCN và Công văn số 2323/BTTTT-THH"


# --- Cue words ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ocr", "fixed"),
    [
        ("Căn cú", "Căn cứ"),
        ("Căn cúứ", "Căn cứ"),  # a letter read twice
        ("căn cư", "căn cứ"),
        ("Thục hiện", "Thực hiện"),
        ("THỤỰC HIỆN", "THỰC HIỆN"),
        ("Triên khai", "Triển khai"),
        ("Quán triêt", "Quán triệt"),
        ("Kinh gửi", "Kính gửi"),
        ("CÔNG HÒA", "CỘNG HÒA"),  # the motto, by which the header is found
    ],
)
def test_a_cue_word_read_with_wrong_marks_gets_them_back(ocr: str, fixed: str) -> None:
    assert repair_cue(ocr) == fixed
    assert ocr_normalize(f"{ocr} Nghị định số 30/2020/NĐ-CP") == f"{fixed} Nghị định số 30/2020/NĐ-CP"


def test_a_cue_word_is_found_after_any_word() -> None:
    text = "và khi Căn cú Luật, Thục hiện Nghị quyết"
    assert ocr_normalize(text) == "và khi Căn cứ Luật, Thực hiện Nghị quyết"


@pytest.mark.parametrize(
    "words", ["cần cù", "căn cơ", "thực tiễn", "kinh tế", "cổng hoa", "Căn Cứ", "THỰC HIỆN"]
)
def test_other_words_are_not_cues(words: str) -> None:
    assert repair_cue(words) == words


DECISION = (
    "ỦY BAN NHÂN DÂN TỈNH BẮC NINH\n"
    "Số: 12/QĐ-UBND\n"
    "Bắc Ninh, ngày 05 tháng 3 năm 2025\n"
    "QUYẾT ĐỊNH\n"
    "Về việc ban hành Quy chế làm việc\n"
    "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\n"
    "Căn cú Luật Tổ chức chính quyền địa phương số 72/2025/QH15,\n"
    "Căn cú Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư;\n"
    "QUYẾT ĐỊNH:\n"
    "Điều 1. Ban hành kèm theo Quyết định này Quy chế làm việc.\n"
)


def _relations(source: SourceText) -> dict[str, list[str]]:
    return {r.number: [x.value for x in r.relations] for r in extract_text(source).references}


def test_a_basis_read_as_can_cu_is_a_basis_in_a_scan() -> None:
    ocr = OcrReport("tesseract 5.3.0 vie", (1,), 1, 95.0)
    scan = SourceText("qd.pdf", DECISION, "application/pdf", (), ocr, ((0, len(DECISION)),))
    assert _relations(scan) == {"72/2025/QH15": ["implements"], "30/2020/NĐ-CP": ["implements"]}
    ex = extract_text(scan)
    for r in ex.references:  # evidence is quoted from the text as read, "Căn cú" and all
        for m in r.mentions:
            assert DECISION[m.evidence.start : m.evidence.end] == m.evidence.text
            assert "Căn cú " in m.evidence.text
    text = SourceText("qd.txt", DECISION, "text/plain")
    assert _relations(text) != _relations(scan)  # a text file is read as written


# --- Punctuation -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ocr", "fixed"),
    [
        ("Căn cứ Luật số 72/2025/QH15;%\nCăn cứ", "Căn cứ Luật số 72/2025/QH15;\nCăn cứ"),
        ("phường Hòa Khánh%.", "phường Hòa Khánh."),
        ("Nơi nhận:% [", "Nơi nhận: ["),
        ("ỦY BAN THƯỜNG VỤ QUỐC HỘI %%\n", "ỦY BAN THƯỜNG VỤ QUỐC HỘI \n"),
        ("đạt 15% và 20 %.", "đạt 15% và 20 %."),  # per cent signs after numbers stay
    ],
)
def test_a_star_read_as_per_cent_is_dropped(ocr: str, fixed: str) -> None:
    assert ocr_normalize(ocr) == fixed


@pytest.mark.parametrize(
    ("ocr", "fixed"),
    [
        ("như sau:\n2, Nhiệm vụ trọng tâm", "như sau:\n2. Nhiệm vụ trọng tâm"),
        ("II, NHIỆM VỤ", "II. NHIỆM VỤ"),
        ("các ngày\n2, 3 và 4 tháng 5", "các ngày\n2, 3 và 4 tháng 5"),  # a list of numbers stays
    ],
)
def test_a_list_number_read_with_a_comma_gets_its_dot(ocr: str, fixed: str) -> None:
    assert ocr_normalize(ocr) == fixed


@given(st.text(alphabet=st.sampled_from(list("ĐđĐÐQCTSBKHNAUaăcứú %;,.:/-\n0123456789"))))
def test_ocr_repairs_keep_the_offset_map_monotone(s: str) -> None:
    n = normalize(s, ((0, len(s)),))
    assert len(n.offsets) == len(n.text) + 1
    assert list(n.offsets) == sorted(n.offsets)
    assert all(0 <= o <= len(s) for o in n.offsets)


# --- Lines the typesetter wrapped --------------------------------------------------------------

H = 40  # word height, px
RIGHT = 2000  # right edge of the text


def line(text: str, left: int = 300, right: int | None = None, block: int = 1, gap: int = 12) -> _Line:
    """A line of words laid out from ``left`` (or ending at ``right``), each letter 20 px wide."""
    words = text.split()
    widths = [20 * len(w) for w in words]
    x = left if right is None else right - sum(widths) - gap * (len(words) - 1)
    out = []
    for w, width in zip(words, widths, strict=True):
        out.append(_Word(w, x, width, H))
        x += width + gap
    return _Line(block, out)


def full(text: str) -> _Line:
    """A line that reaches the right edge."""
    return line(text, right=RIGHT)


def columns(left: str, right: str) -> _Line:
    """A row of a two-column header: ``left`` from the left edge, ``right`` up to the right edge."""
    return _Line(1, line(left).words + full(right).words)


def test_a_wrapped_line_is_joined_to_its_continuation() -> None:
    lines = [
        line("Kế hoạch được xây dựng dựa trên các văn bản chỉ đạo của Trung ương, của", right=RIGHT - 10),
        line("Tỉnh và yêu cầu thực tiễn, cụ thể:"),
        line("1. Các văn bản của Trung ương"),
    ]
    assert page_text(lines) == (
        "Kế hoạch được xây dựng dựa trên các văn bản chỉ đạo của Trung ương, của "
        "Tỉnh và yêu cầu thực tiễn, cụ thể:\n1. Các văn bản của Trung ương"
    )


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # the next line's first word would have fitted: the line ended where its paragraph did
        (line("Tình hình triển khai Nghị quyết số 57-NQ/TW"), line("của Bộ Chính trị về đột phá phát triển")),
        # a clause or a sentence ends with the line
        (full("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/02/2025;"), line("Căn cứ Nghị định số 30")),
        (full("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/02/2025,"), line("Căn cứ Nghị định số 30")),
        (full("nhiệm vụ của các cơ quan trong thời gian tới như sau"), line("1. Các phòng ban thuộc xã")),
        (full("nhiệm vụ của các cơ quan trong thời gian tới như sau"), line("- Các phòng ban thuộc xã")),
        (full("nhiệm vụ của các cơ quan trong thời gian tới như sau"), line("2, Các phòng ban thuộc xã")),
        # the next line opens a block: a basis, the place and date, the addressees
        (
            full("V/v báo cáo thực hiện phong trào thi đua “Xây dựng trường học thân thiện”"),
            line("Căn cứ Luật số 72"),
        ),
        (
            full("V/v báo cáo thực hiện phong trào thi đua “Xây dựng trường học thân thiện”"),
            line("Thành phố Cao Lãnh, ngày 25 tháng 02"),
        ),
        (
            full("V/v báo cáo thực hiện phong trào thi đua “Xây dựng trường học thân thiện”"),
            line("Kính gửi: Sở Giáo dục"),
        ),
        # a header: capitals, or two columns side by side
        (full("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), line("TỈNH NINH BÌNH Độc lập - Tự do")),
        (columns("Số: 19/KH-UBND", "Ninh Bình, ngày 31 tháng 7 năm 2025"), line("V/v chuyển đổi số")),
        # the next line does not start at the left edge (centred), or is in another block
        (
            full("Tổ chức thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ"),
            line("Chính trị", left=900),
        ),
        (full("Tổ chức thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ"), line("Chính trị", block=2)),
    ],
)
def test_a_line_that_was_not_wrapped_keeps_its_break(first: _Line, second: _Line) -> None:
    other = line("a b c d e f g h i k l m n o p q r s t u v x y.", right=RIGHT)  # sets the right edge
    assert page_text([other, first, second]).split("\n")[1:] == [first.text, second.text]
