"""Tests for the gap engine (graph.gaps) on the seeds and on hand-made corpora."""

from pathlib import Path

import pytest

from graph.backends import open_store
from graph.errors import NodeNotFound
from graph.gaps import GAP_KINDS, GapOptions
from graph.ingest import ingest_paths
from graph.store import LineageStore
from ontology.gaps import Gap, GapKind, Reason, ReasonCode
from tests.conftest import SEEDS

AS_OF = "2026-11-22"
PLAN_001 = "001_248d6b34aa5ff351.txt"
PLAN_002 = "002_11b66335f04710ba.txt"
REPORT_000 = "000_230abe7e519d0cdb.txt"


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> LineageStore:
    store = open_store(tmp_path_factory.mktemp("g") / "l.db")
    ingest_paths(store, [SEEDS])
    return store


def docs(store: LineageStore, kind: str, **kw: str) -> set[str]:
    rows = store.gaps(GapOptions(kinds=(kind,), as_of=AS_OF, **kw))  # type: ignore[arg-type]
    return {Path(r.source).name for r in rows if r.source}


def test_seed_plans_have_no_report(seeded: LineageStore) -> None:
    assert docs(seeded, "no_report") == {PLAN_001, PLAN_002}


def test_report_deadline_of_001_is_overdue(seeded: LineageStore) -> None:
    rows = [
        r
        for r in seeded.gaps(GapOptions(kinds=("report_overdue",), as_of=AS_OF))
        if r.source and r.source.endswith(PLAN_001)
    ]
    assert [r.due for r in rows] == ["2025-03-28"]
    assert "28/3/2025" in rows[0].evidence[0]["text"]
    assert rows[0].reason == Reason.of(
        ReasonCode.REPORT_NOT_RECEIVED, due="2025-03-28", assignee=rows[0].assignee or ""
    )


def test_not_overdue_before_the_deadline(seeded: LineageStore) -> None:
    rows = seeded.gaps(GapOptions(kinds=("report_overdue",), as_of="2025-03-01"))
    assert rows == []


def test_report_without_plan(seeded: LineageStore) -> None:
    assert docs(seeded, "report_without_plan") == {REPORT_000}


def test_no_seed_plan_lacks_a_basis(seeded: LineageStore) -> None:
    assert docs(seeded, "no_basis") == set()


def test_basis_missing(seeded: LineageStore) -> None:
    rows = seeded.gaps(GapOptions(kinds=("basis_missing",), as_of=AS_OF))
    assert {x for r in rows for x in r.related} == {
        "386-KH/TU@?@2025",
        "06-KH/ĐU@Hải Phòng/phường Kinh Môn@2025",
    }
    assert {r.reason for r in rows} == {
        Reason.of(ReasonCode.BASIS_NOT_INGESTED, basis="386-KH/TU"),
        Reason.of(ReasonCode.BASIS_NOT_INGESTED, basis="06-KH/ĐU"),
    }


def test_province_filter_takes_old_names(seeded: LineageStore) -> None:
    assert docs(seeded, "report_without_plan", province="Kon Tum") == {REPORT_000}
    assert docs(seeded, "report_without_plan", province="Quảng Ngãi") == {REPORT_000}
    assert docs(seeded, "report_without_plan", province="Hải Phòng") == set()


def test_urged_without_response(seeded: LineageStore) -> None:
    rows = seeded.gaps(GapOptions(kinds=("urged_no_response",), as_of=AS_OF))
    assert {x for r in rows for x in r.related} >= {"13/CT-UBND@Đắk Lắk@2025", "02-KH/BCĐ@Đắk Lắk@2025"}
    assert {r.reason.code for r in rows} == {ReasonCode.URGED_NO_RESPONSE}


def test_rows_are_records_with_reason_codes(seeded: LineageStore) -> None:
    rows = seeded.gaps(GapOptions(as_of=AS_OF))
    assert {r.kind for r in rows} >= {GapKind.NO_REPORT, GapKind.REPORT_OVERDUE, GapKind.BASIS_MISSING,
                                      GapKind.UNIT_COVERAGE}  # fmt: skip
    for r in rows:
        assert isinstance(r, Gap) and isinstance(r.reason.code, ReasonCode)
        js = r.to_json()
        assert set(js["reason"]) == {"code", "params"} and js["kind"] == r.kind.value


def test_unit_coverage_lists_provinces_and_communes(seeded: LineageStore) -> None:
    rows = seeded.gaps(GapOptions(kinds=("unit_coverage",), as_of=AS_OF, directives=("57-NQ/TW@VN@2024",)))
    provinces = {r.unit for r in rows if r.unit_level == "province"}
    # Hải Phòng's ward plan and Đắk Lắk's steering-committee letter (whose basis, a Chỉ thị and a
    # Công văn, names the directive) carry it out; Hà Nội has no document at all.
    assert {"Hải Phòng", "Đắk Lắk"}.isdisjoint(provinces) and "Hà Nội" in provinces and len(provinces) == 32
    rows = seeded.gaps(GapOptions(kinds=("unit_coverage",), province="Hải Phòng", directives=("57-NQ/TW",)))
    communes = {r.unit for r in rows if r.unit_level == "commune"}
    assert "Phường Kinh Môn" not in communes and "Phường Hải Dương" in communes
    assert {r.document for r in rows} == {"57-NQ/TW@VN@2024"}  # asked by its number


def test_tracked_directives_are_the_catalogs_not_laws(seeded: LineageStore) -> None:
    cells = seeded.coverage(GapOptions(as_of=AS_OF, province="Hải Phòng"))
    directives = {c.directive for c in cells}
    assert "57-NQ/TW@VN@2024" in directives
    G = seeded.graph()
    assert all(G.nodes[d].get("doc_type") not in {"Luật", "Nghị định", "Thông tư"} for d in directives)
    # One province cell, the official communes and the departments per directive; the gap rows are the uncovered cells.
    rows = seeded.gaps(GapOptions(kinds=("unit_coverage",), as_of=AS_OF, province="Hải Phòng"))
    assert len(rows) == sum(not c.covered for c in cells)
    with pytest.raises(NodeNotFound, match="99-NQ/TW"):
        seeded.gaps(GapOptions(kinds=("unit_coverage",), directives=("99-NQ/TW",)))


def test_chain_broken_and_no_basis(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "commune.txt").write_text(
        "ỦY BAN NHÂN DÂN\nXÃ TRIỆU SƠN\nSố: 45/KH-UBND\nTriệu Sơn, ngày 15 tháng 8 năm 2025\nKẾ HOẠCH\n"
        "Chuyển đổi số năm 2025\nThực hiện Kế hoạch số 99/KH-UBND ngày 01/8/2025 của UBND xã, UBND xã ban hành Kế hoạch.\n",
        encoding="utf-8",
    )
    (folder / "orphan.txt").write_text(
        "ỦY BAN NHÂN DÂN\nXÃ DÂN LỰC\nSố: 46/KH-UBND\nDân Lực, ngày 15 tháng 3 năm 2025\nKẾ HOẠCH\n"
        "Chuyển đổi số năm 2025\nI. MỤC ĐÍCH\nNâng cao nhận thức.\n",
        encoding="utf-8",
    )
    store = open_store(tmp_path / "l.db")
    ingest_paths(store, [folder])
    assert docs(store, "no_basis") == {"orphan.txt"}
    assert docs(store, "chain_broken") == {"commune.txt"}


def test_unknown_kind_is_an_error(seeded: LineageStore) -> None:
    with pytest.raises(ValueError, match="unknown gap kind"):
        seeded.gaps(GapOptions(kinds=("nope",)))
    assert len(GAP_KINDS) == 8


def test_leading_zeros_and_own_plan_reports(tmp_path: Path) -> None:
    """A citation "5/KH-UBND" finds the ingested "05/KH-UBND"; a report on the unit's own plan is no gap."""
    folder = tmp_path / "in"
    folder.mkdir()
    head = "ỦY BAN NHÂN DÂN\nXÃ TRIỆU SƠN\nSố: {n}\nTriệu Sơn, ngày {d} tháng 8 năm 2025\n{t}\n{title}\n"
    (folder / "plan.txt").write_text(
        head.format(n="05/KH-UBND", d="15", t="KẾ HOẠCH", title="Chuyển đổi số năm 2025")
        + "Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị, UBND xã ban hành Kế hoạch.\n",
        encoding="utf-8",
    )
    (folder / "report.txt").write_text(
        head.format(
            n="07/BC-UBND",
            d="30",
            t="BÁO CÁO",
            title="Kết quả thực hiện Kế hoạch số 5/KH-UBND ngày 15/8/2025 của UBND xã",
        )
        + "I. KẾT QUẢ\nUBND xã đã hoàn thành các nhiệm vụ.\n",
        encoding="utf-8",
    )
    store = open_store(tmp_path / "l.db")
    ingest_paths(store, [folder])
    G = store.graph()
    report_key = store.key_of_path(str((folder / "report.txt").resolve()))
    assert list(G.successors(report_key)) == ["05/KH-UBND@Thanh Hóa/xã Triệu Sơn@2025"]
    assert docs(store, "report_without_plan") == set()
    assert "plan.txt" not in docs(store, "no_report")
