"""Reports say how many gaps a person confirmed and how many are machine-read, and mark the
machine-read rows of low confidence (#14): the review state of a row (``graph.review_state``) and
the same counts in the JSON the API serves, the HTML, the XLSX and the DOCX."""

import io
import re
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from fastapi.testclient import TestClient
from openpyxl import load_workbook  # type: ignore[import-untyped]

from api.app import create_app
from graph.backends import open_store
from graph.corrections import Correction
from graph.gaps import GapOptions
from graph.ingest import ingest_paths
from graph.province_report import ProvinceReport, province_reports
from graph.records import ReferenceRow
from graph.review import correct_document, correct_link, undo
from graph.review_state import review_counts, review_states
from graph.store import LineageStore
from ontology.gaps import GapKind
from ontology.review import ReviewState
from viz.i18n import REVIEW_MARK, review_state_label, t
from viz.report import render_report
from viz.report.model import prepare

AS_OF = "2026-11-22"
PROVINCE = "Quảng Ngãi"

# A plan whose basis (not collected) is read by the basis rule (confidence 0.99): a reviewer
# confirms that link. A plan with no basis, citing a report in its body (the "elsewhere" rule,
# 0.78): a machine-read no_basis row of low confidence.
PLAN_CONFIRMED = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG NGÃI
Số: 45/KH-UBND
Quảng Ngãi, ngày 15 tháng 3 năm 2025
KẾ HOẠCH
Thực hiện chính sách giảm nghèo
Căn cứ Quyết định số 24/2021/QĐ-TTg ngày 16/7/2021 của Thủ tướng Chính phủ quy định quy trình rà soát hộ nghèo;
Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau.
"""
PLAN_LOW = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG NGÃI
Số: 46/KH-UBND
Quảng Ngãi, ngày 20 tháng 3 năm 2025
KẾ HOẠCH
Tổ chức ngày hội chuyển đổi số
I. MỤC ĐÍCH, YÊU CẦU
Tổ chức ngày hội chuyển đổi số năm 2025 trên địa bàn tỉnh.
II. NỘI DUNG
Các sở, ngành tham khảo Báo cáo số 12/BC-UBND ngày 05/01/2025 của Ủy ban nhân dân tỉnh khi chuẩn bị nội dung.
"""
CONFIRMED_KEY = "45/KH-UBND@Quảng Ngãi@2025"
LOW_KEY = "46/KH-UBND@Quảng Ngãi@2025"


def _store(folder: Path) -> LineageStore:
    folder.mkdir()
    (folder / "plan_45.txt").write_text(PLAN_CONFIRMED, encoding="utf-8")
    (folder / "plan_46.txt").write_text(PLAN_LOW, encoding="utf-8")
    store = open_store(folder.parent / "lineage.db")
    assert isinstance(store, LineageStore)
    ingest_paths(store, [folder])
    return store


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> LineageStore:
    s = _store(tmp_path_factory.mktemp("review") / "in")
    correct_link(s, CONFIRMED_KEY, "confirm", number="24/2021/QĐ-TTg", note="đã đối chiếu", author="an")
    return s


@pytest.fixture(scope="module")
def model(store: LineageStore) -> ProvinceReport:
    return province_reports(store, GapOptions(as_of=AS_OF), [PROVINCE])[0]


def _row(model: ProvinceReport, kind: GapKind, key: str) -> Any:
    return next(g for g in model.gaps if g.kind is kind and g.document == key)


def test_a_confirmed_link_and_a_low_confidence_row(model: ProvinceReport) -> None:
    confirmed = model.review_of(_row(model, GapKind.BASIS_MISSING, CONFIRMED_KEY))
    assert (
        confirmed.state is ReviewState.CONFIRMED
        and confirmed.by == ("an",)
        and len(confirmed.corrections) == 1
    )
    low = model.review_of(_row(model, GapKind.NO_BASIS, LOW_KEY))
    assert low.state is ReviewState.LOW_CONFIDENCE and low.low and low.confidence == pytest.approx(0.78)
    # A row resting on no link of its own, its document not corrected: machine-read.
    assert model.review_of(_row(model, GapKind.NO_REPORT, CONFIRMED_KEY)).state is ReviewState.MACHINE_READ
    totals = model.review_totals()
    assert totals["confirmed"] == 1 and totals["low_confidence"] == 1
    assert sum(totals.values()) == model.totals()["gaps"] == len(model.gaps)


def test_a_document_confirmed_by_a_person_and_undone(tmp_path: Path) -> None:
    store = _store(tmp_path / "in")
    opts = GapOptions(as_of=AS_OF)
    (made,) = correct_document(store, LOW_KEY, "confirm", note="không có căn cứ thật", author="bình")
    model = province_reports(store, opts, [PROVINCE])[0]
    for g in model.gaps:
        if g.document == LOW_KEY:  # every row of the document: its no_basis and no_report rows
            assert model.review_of(g).state is ReviewState.CONFIRMED and model.review_of(g).by == ("bình",)
    assert model.review_totals()["low_confidence"] == 0
    undo(store, made.id, "bình")
    model = province_reports(store, opts, [PROVINCE])[0]
    assert model.review_of(_row(model, GapKind.NO_BASIS, LOW_KEY)).state is ReviewState.LOW_CONFIDENCE


class _PerDocument:
    """A store that offers only what every backend has (no batched ``references_from_keys``)."""

    def __init__(self, store: LineageStore) -> None:
        self.store = store
        self.asked: list[str] = []

    def corrections(self) -> list[Correction]:
        return self.store.corrections()

    def key_of_path(self, path: str) -> str | None:
        return self.store.key_of_path(path)

    def files(self) -> list[dict[str, Any]]:
        return self.store.files()

    def references_from(self, key: str) -> list[ReferenceRow]:
        self.asked.append(key)
        return self.store.references_from(key)


def test_the_batched_read_and_the_read_per_document_agree(store: LineageStore, model: ProvinceReport) -> None:
    per_document = _PerDocument(store)
    assert review_states(per_document, model.gaps) == review_states(store, model.gaps) == dict(model.review)
    # Only the rows that rest on links read references: each document once.
    assert sorted(per_document.asked) == sorted({CONFIRMED_KEY, LOW_KEY})
    assert review_states(store, []) == {}


def test_the_api_json_gives_the_counts(store: LineageStore, model: ProvinceReport) -> None:
    body = TestClient(create_app(store)).get(f"/provinces/{PROVINCE}/report", params={"as_of": AS_OF}).json()
    assert body["review"]["totals"] == model.review_totals() == review_counts(model.review.values())
    states = {(g["kind"], g["document"]): g["review"] for g in body["gaps"]}
    assert states["basis_missing", CONFIRMED_KEY]["state"] == "confirmed"
    assert states["basis_missing", CONFIRMED_KEY]["by"] == ["an"]
    assert states["no_basis", LOW_KEY] == {
        "state": "low_confidence",
        "by": [],
        "corrections": [],
        "confidence": 0.78,
    }


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_html_xlsx_and_docx_say_the_same_counts(model: ProvinceReport, lang: Any) -> None:
    totals = model.review_totals()
    line = prepare(model, lang).review_line
    confirmed, machine = totals["confirmed"], totals["machine_read"] + totals["low_confidence"]
    assert f" {confirmed} " in line and f" {machine} " in line and REVIEW_MARK in line

    html = unescape(render_report(model, "html", lang).decode())
    assert line in html
    for state, n in totals.items():
        assert len(re.findall(f'data-review="{state}"', html)) == n
    low_row = next(tr for tr in html.split("<tr ") if 'data-review="low_confidence"' in tr)
    assert 'class="low"' in low_row and "46/KH-UBND" in low_row and REVIEW_MARK in low_row

    wb = load_workbook(io.BytesIO(render_report(model, "xlsx", lang)))
    shown = {state: review_state_label(state, lang) for state in totals}
    shown["low_confidence"] += f" {REVIEW_MARK}"
    summary = {row[0]: row[1] for row in wb.worksheets[0].iter_rows(max_col=2, values_only=True)}
    assert {state: summary[shown[state]] for state in totals} == totals
    assert line in summary
    combined = wb[t("all_gaps_sheet", lang)]
    column = [c.value for c in combined[1]].index(t("col_review", lang)) + 1
    cells = [combined.cell(i, column) for i in range(2, combined.max_row + 1)]

    def state_of(value: object) -> str | None:  # "Confirmed by a person (an)": who, after the label
        text = str(value or "")
        return next((s for s, label in shown.items() if text == label or text.startswith(f"{label} (")), None)

    states = [state_of(c.value) for c in cells]
    assert {state: states.count(state) for state in totals} == totals
    assert states.count(None) == len(model.coverage_gaps)  # unit coverage rows: no state told
    (low_cell,) = [c for c, s in zip(cells, states, strict=True) if s == "low_confidence"]
    assert low_cell.style == "lineage low"
    assert f"{shown['confirmed']} (an)" in [c.value for c in cells]

    doc = Document(io.BytesIO(render_report(model, "docx", lang)))
    assert line in [p.text for p in doc.paragraphs]
    marked = [r.cells[1].text for tbl in doc.tables for r in tbl.rows[1:] if REVIEW_MARK in r.cells[1].text]
    assert len(marked) == totals["low_confidence"] == 1
    assert marked[0].splitlines()[0].endswith(f"46/KH-UBND {REVIEW_MARK}")
