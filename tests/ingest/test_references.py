"""Table-driven tests for references and their relations (ingest.references)."""

import pytest

from ingest.extract import extract_text
from ingest.records import SourceText

PLAN_HEAD = "KẾ HOẠCH\nTriển khai nhiệm vụ chuyển đổi số năm 2025\n"
REPORT_HEAD = "BÁO CÁO\nKết quả thực hiện Kế hoạch số 45/KH-UBND ngày 10/3/2025 của UBND xã\n"
URGE_HEAD = "Số: 120/UBND-VP\nV/v đôn đốc triển khai Kế hoạch số 45/KH-UBND\nKính gửi: UBND các xã, phường.\n"


def _relations(text: str) -> dict[str, list[str]]:
    ex = extract_text(SourceText("t.txt", text, "text/plain"))
    return {r.number: [x.value for x in r.relations] for r in ex.references}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # basis cues at the start of a sentence
        (
            PLAN_HEAD + "Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị.",
            {"57-NQ/TW": ["implements"]},
        ),
        (
            PLAN_HEAD + "Căn cứ Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ.",
            {"749/QĐ-TTg": ["implements"]},
        ),
        (
            PLAN_HEAD + "Trên cơ sở Kế hoạch số 386-KH/TU ngày 13/02/2025, UBND xã ban hành.",
            {"386-KH/TU": ["implements"]},
        ),
        # a list of bases, separated by ";" and by "và"
        (
            PLAN_HEAD
            + "Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị; Kế hoạch số 386-KH/TU "
            "ngày 13/02/2025 của Ban Thường vụ Tỉnh ủy và Công văn số 12/UBND-VX ngày 01/3/2025 của UBND tỉnh.",
            {"57-NQ/TW": ["implements"], "386-KH/TU": ["implements"], "12/UBND-VX": ["implements"]},
        ),
        # nested in a basis's description: a basis too (the real corpus labels it implements,
        # basis_nested), in a plan; a report names what it reports on itself
        (
            PLAN_HEAD
            + "Thực hiện Kế hoạch số 386-KH/TU ngày 13/02/2025 của Ban Thường vụ Tỉnh ủy về thực hiện "
            "Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị.",
            {"386-KH/TU": ["implements"], "57-NQ/TW": ["implements"]},
        ),
        (
            REPORT_HEAD
            + "I. KẾT QUẢ\nThực hiện Kế hoạch số 386-KH/TU ngày 13/02/2025 của Ban Thường vụ Tỉnh ủy về thực hiện "
            "Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị, xã đã tổ chức hội nghị.",
            {"45/KH-UBND": ["reports_on"], "386-KH/TU": ["reports_on"], "57-NQ/TW": ["cites"]},
        ),
        # mentioned in passing
        (
            PLAN_HEAD
            + "Trong thời gian qua, các nội dung đã nêu tại Nghị quyết số 52-NQ/TW được tiếp tục quan tâm.",
            {"52-NQ/TW": ["cites"]},
        ),
        # a plan's title names what it implements
        (
            "KẾ HOẠCH\nThực hiện Chương trình số 95-CTr/TU của Tỉnh ủy\nI. MỤC ĐÍCH",
            {"95-CTr/TU": ["implements"]},
        ),
        # a report: the document in its title is reported on; its request letter is implemented
        (
            REPORT_HEAD
            + "Thực hiện Công văn số 453/SKHCN-QLKH ngày 04/4/2025 của Sở Khoa học và Công nghệ, UBND xã báo cáo như sau:",
            {"45/KH-UBND": ["reports_on"], "453/SKHCN-QLKH": ["implements"]},
        ),
        # an urging letter: what it urges, and its basis that is urged too
        (
            URGE_HEAD
            + "Thực hiện Chỉ thị số 13/CT-UBND ngày 02/12/2025 của UBND tỉnh. Đến nay nhiều xã chưa hoàn thành "
            "Kế hoạch số 45/KH-UBND. Đề nghị khẩn trương hoàn thành các nhiệm vụ tại Chỉ thị số 13/CT-UBND.",
            {"45/KH-UBND": ["urges"], "13/CT-UBND": ["implements", "urges"]},
        ),
    ],
)
def test_relations(text: str, expected: dict[str, list[str]]) -> None:
    assert _relations(text) == expected


def test_short_form_resolves_to_the_first_full_mention() -> None:
    text = (
        PLAN_HEAD
        + "Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị. Nghị quyết 57 đặt mục tiêu đến năm 2030."
    )
    ex = extract_text(SourceText("t.txt", text, "text/plain"))
    (ref,) = ex.references
    assert [m.as_written for m in ref.mentions] == ["57-NQ/TW", "Nghị quyết 57"]


def test_unresolved_short_form_is_a_warning_not_a_reference() -> None:
    ex = extract_text(SourceText("t.txt", PLAN_HEAD + "Triển khai Đề án 06 trên địa bàn.", "text/plain"))
    assert ex.references == []
    assert any("Đề án 06" in w for w in ex.warnings)


def test_recipients_and_own_number_are_not_references() -> None:
    text = (
        "Số: 120/UBND-VP\nV/v đôn đốc\nKính gửi: UBND các xã.\nThực hiện Kế hoạch số 45/KH-UBND.\n"
        "Nơi nhận:\n- Như trên;\n- Lưu: VT, 12/KH-UBND."
    )
    ex = extract_text(SourceText("t.txt", text, "text/plain"))
    assert ex.document.number == "120/UBND-VP"
    assert [r.number for r in ex.references] == ["45/KH-UBND"]


def test_reference_metadata() -> None:
    text = PLAN_HEAD + (
        "Thực hiện Kế hoạch số 02-KH/BCĐTW ngày 19/6/2025 của Ban Chỉ đạo Trung ương về phát triển khoa học; "
        "Kế hoạch số 484/KH-UBND ngày 14/02/2025 của UBND tỉnh; Nghị quyết số 29-NQ/TW ngày 17 tháng 11 năm 2022 "
        "Hội nghị lần thứ 6 Ban Chấp hành Trung ương Đảng khóa XIII về công nghiệp hóa."
    )
    ex = extract_text(SourceText("t.txt", text, "text/plain"))
    got = {
        r.number: (r.doc_type, r.date, r.issuer, r.level.value if r.level else None) for r in ex.references
    }
    assert got == {
        "02-KH/BCĐTW": ("Kế hoạch", "2025-06-19", "Ban Chỉ đạo Trung ương", "central"),
        "484/KH-UBND": ("Kế hoạch", "2025-02-14", "UBND tỉnh", "province"),
        "29-NQ/TW": ("Nghị quyết", "2022-11-17", "Ban Chấp hành Trung ương Đảng", "central"),
    }


def test_a_citation_spelled_like_the_own_number_is_another_document_when_dated_otherwise() -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nXÃ MỎ CÀY\nSố: 41/KH-UBND\nMỏ Cày, ngày 02 tháng 3 năm 2026\nKẾ HOẠCH\nChuyển đổi số\n"
        "Thực hiện Kế hoạch số 41/KH-UBND ngày 25/07/2025 của UBND tỉnh Vĩnh Long, UBND xã ban hành Kế hoạch.\n"
        "Nơi nhận:\n- Lưu: VT, 41/KH-UBND."
    )
    ex = extract_text(SourceText("t.txt", text, "text/plain"))
    assert [(r.number, r.date, r.relation.value) for r in ex.references] == [
        ("41/KH-UBND", "2025-07-25", "implements")
    ]


def test_issuer_phrase_stops_at_the_next_block() -> None:
    text = (
        "KẾ HOẠCH\nThực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị\nCHÍNH PHỦ\n"
        "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;\n"
    )
    ex = extract_text(SourceText("t.txt", text, "text/plain"))
    assert ex.references[0].issuer == "Bộ Chính trị"
