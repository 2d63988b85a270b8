"""Every field of the seed gold annotations is reproduced by the extractor."""

from typing import Any

import pytest

from ingest.extract import extract_file
from tests.conftest import SEEDS, load_gold

GOLD = load_gold(SEEDS / "gold.jsonl")


@pytest.mark.parametrize("name", sorted(GOLD))
def test_document_identity(name: str) -> None:
    got = extract_file(SEEDS / name).to_json()["document"]
    want = GOLD[name]["document"]
    assert {k: got[k] for k in want} == want


@pytest.mark.parametrize("name", sorted(GOLD))
def test_references(name: str) -> None:
    got = {r["number"].upper(): r for r in extract_file(SEEDS / name).to_json()["references"]}
    want: dict[str, dict[str, Any]] = {r["number"].upper(): r for r in GOLD[name]["references"]}
    assert sorted(got) == sorted(want)
    for key, w in want.items():
        g = got[key]
        assert (g["doc_type"], g["date"], g["issuer"], g["level"]) == (
            w["doc_type"],
            w["date"],
            w["issuer"],
            w["level"],
        ), key
        assert g["relation"] in w["relations"] + w["alt"], key
        assert set(g["relations"]) <= set(w["relations"] + w["alt"]), key
        for variant in w.get("as_written", []):
            assert variant in g["as_written"], (key, variant)


@pytest.mark.parametrize("name", sorted(GOLD))
def test_deadlines(name: str) -> None:
    got = {(d["date"], d["assignee"]) for d in extract_file(SEEDS / name).to_json()["deadlines"]}
    assert got == {(d["date"], d["assignee"]) for d in GOLD[name]["deadlines"]}


@pytest.mark.parametrize("name", sorted(GOLD))
def test_evidence_is_quoted_from_the_original(name: str) -> None:
    ex = extract_file(SEEDS / name)
    original = (SEEDS / name).read_text(encoding="utf-8")
    for ref in ex.references:
        for m in ref.mentions:
            ev = m.evidence
            assert original[ev.start : ev.end] == ev.text
            assert ev.start <= len(original)
    for d in ex.deadlines:
        assert original[d.evidence.start : d.evidence.end] == d.evidence.text


def test_report_deadline_is_marked() -> None:
    ex = extract_file(SEEDS / "001_248d6b34aa5ff351.txt")
    due = {d.date: d.report_due for d in ex.deadlines}
    assert due == {"2025-03-10": False, "2025-03-28": True, "2025-03": False}


def test_invalid_date_is_null_with_a_warning() -> None:
    ex = extract_file(SEEDS / "004_8d1de422cb74ac74.txt")
    ref = next(r for r in ex.references if r.number == "54-CTrHĐ/TU")
    assert ref.date is None
    assert any("32 tháng 4 năm 2024" in w for w in ex.warnings)


def test_unreadable_province_is_null_with_a_warning() -> None:
    ex = extract_file(SEEDS / "001_248d6b34aa5ff351.txt")
    assert ex.document.province is None
    assert "province could not be read" in ex.warnings


@pytest.mark.parametrize(
    ("header", "issuer", "at_issue", "current"),
    [
        # a province name with a hyphen
        (
            "ỦY BAN NHÂN DÂN\nTỈNH BÀ RỊA - VŨNG TÀU\nSố: 12/KH-UBND\nBà Rịa, ngày 10 tháng 3 năm 2025",
            "UBND tỉnh Bà Rịa - Vũng Tàu",
            "Bà Rịa - Vũng Tàu",
            "Hồ Chí Minh",
        ),
        # a place whose name ends with a number, in the date line
        (
            "ỦY BAN NHÂN DÂN\nPHƯỜNG MÓNG CÁI 3\nSố: 12/KH-UBND\nMóng Cái 3, ngày 16 tháng 6 năm 2026",
            "UBND phường Móng Cái 3",
            "Quảng Ninh",
            "Quảng Ninh",
        ),
    ],
)
def test_header_places(header: str, issuer: str, at_issue: str, current: str) -> None:
    from ingest.extract import extract_text
    from ingest.records import SourceText

    ex = extract_text(SourceText("t.txt", header + "\nKẾ HOẠCH\nChuyển đổi số\nI. MỤC ĐÍCH\n", "text/plain"))
    d = ex.document
    assert (d.issuer, d.province_at_issue, d.province) == (issuer, at_issue, current)
    assert d.date is not None
