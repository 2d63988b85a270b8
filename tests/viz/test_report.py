"""Tests for the province gap reports (viz.report): HTML, XLSX and DOCX, in Vietnamese and English."""

import io
import re
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from openpyxl import load_workbook  # type: ignore[import-untyped]

from graph.backends import open_store
from graph.errors import NodeNotFound
from graph.gaps import GAP_KINDS, GapOptions
from graph.ingest import ingest_paths
from graph.province_report import ProvinceReport, province_reports
from graph.views import current_provinces
from ontology.gaps import Gap, GapKind, Reason, ReasonCode
from tests.conftest import SEEDS
from viz import charts
from viz.i18n import (
    GAP_KIND_LABELS,
    GAP_KIND_SHEETS,
    Lang,
    format_date,
    gap_kind_label,
    reason_text,
    report_date_line,
)
from viz.report import render_report, slug, write_province_reports
from viz.report.office import BLANK

AS_OF = "2026-11-22"
DOCUMENT_KINDS = [k for k in GAP_KINDS if k != "unit_coverage"]
PROVINCES = ["Hải Phòng", "Quảng Ngãi"]
OLD = {"Hải Phòng": "Hải Dương", "Quảng Ngãi": "Kon Tum"}
LANGS: list[Lang] = ["vi", "en"]
GAP_HEADER = {"vi": ["STT", "Văn bản", "Đơn vị", "Lý do", "Trích dẫn", "Hạn"],
              "en": ["No.", "Document", "Unit", "Reason", "Evidence", "Due"]}  # fmt: skip
UNIT_HEADER = {"vi": ["STT", "Văn bản chỉ đạo", "Đơn vị chưa có văn bản triển khai"],
               "en": ["No.", "Directive", "Units with no implementing document"]}  # fmt: skip


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Graph, gap rows (as of a fixed date) and snapshot of a store holding the seed corpus."""
    store = open_store(tmp_path_factory.mktemp("report") / "lineage.db")
    ingest_paths(store, [SEEDS])
    models = province_reports(store, GapOptions(as_of=AS_OF))
    return {"G": store.graph(), "gaps": store.gaps(GapOptions(as_of=AS_OF)), "snapshot": models[0].snapshot,
            "store": store, "models": {m.province: m for m in models}}  # fmt: skip


def inputs(seeded: dict[str, Any], province: str) -> ProvinceReport:
    """The report model of one province, as every face composes it."""
    model: ProvinceReport = seeded["models"][province]
    return model


def with_rows(model: ProvinceReport, *rows: Gap) -> ProvinceReport:
    """The model with hand-made document gap rows instead of its own."""
    return replace(model, gaps=rows)


def docx_text(doc: Any) -> str:
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.extend(c.text for c in row.cells)
    return "\n".join(parts)


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[tuple[str, str, str]] = []
        self.ids: set[str] = set()
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        for name, value in attrs:
            if name in ("src", "href", "action", "srcset", "data"):
                self.refs.append((tag, name, value or ""))
            if name == "id" and value:
                self.ids.add(value)


def test_seed_provinces_have_gaps(seeded: dict[str, Any]) -> None:
    """The reports below are only meaningful if the seeds give these provinces gaps of several kinds."""
    kinds = {k for p in PROVINCES for k in inputs(seeded, p).summary["gaps_by_kind"]}
    assert {"basis_missing", "no_report", "report_without_plan"} <= kinds
    assert all(inputs(seeded, p).coverage_gaps for p in PROVINCES)  # and units lacking a document


# -- HTML -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("province", PROVINCES)
def test_html_report(seeded: dict[str, Any], province: str, lang: Lang) -> None:
    model = inputs(seeded, province)
    summary = model.summary
    html = render_report(model, "html", lang).decode("utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert f'<html lang="{lang}">' in html
    assert province in html
    old = f"gồm tỉnh {OLD[province]} cũ" if lang == "vi" else f"former {OLD[province]} province"
    assert old in html
    assert seeded["snapshot"]["corpus_hash"] in html
    for kind in summary["gaps_by_kind"]:
        assert f'id="gap-{kind}"' in html
        assert gap_kind_label(kind, lang) in html
        assert f'data-kind="{kind}"' in html
    for kind in set(DOCUMENT_KINDS) - set(summary["gaps_by_kind"]):
        assert f'id="gap-{kind}"' not in html
    # Units lacking a document for a tracked directive: in the coverage section, counted apart.
    assert 'id="directives"' in html and 'id="gap-unit_coverage"' in html
    assert html.index('id="gap-unit_coverage"') < html.index('<section id="gaps">')
    # Self-contained: no script, stylesheet link or external reference; anchors point inside the page.
    links = _Links()
    links.feed(html)
    assert not re.search(r"(?:src|href)\s*=\s*[\"']?\s*(?:https?:)?//", html, re.I)
    assert "url(" not in html and "@import" not in html
    assert {"script", "link", "img", "iframe"}.isdisjoint(links.tags)
    assert links.refs and all(v.startswith("#") and v[1:] in links.ids for _, _, v in links.refs)
    assert html.count("<svg") >= 3  # level, coverage, gaps by kind (and the timeline)
    heading = "Các thiếu sót theo loại" if lang == "vi" else "Gaps by kind"
    assert heading in html


def test_html_rows_carry_document_reason_evidence_due_and_source(seeded: dict[str, Any]) -> None:
    model = inputs(seeded, "Hải Phòng")
    html = render_report(model, "html").decode("utf-8")
    no_report = next(r for r in model.gaps if r.kind == "no_report")
    assert no_report.source and Path(no_report.source).name in html
    assert format_date(no_report.due, "vi") in html
    assert "Chưa có báo cáo về kế hoạch này" in html  # the reason, in Vietnamese
    assert "<q title=" in html


def test_snapshot_as_of_is_stated(seeded: dict[str, Any]) -> None:
    model = inputs(seeded, "Hải Phòng")
    assert model.snapshot["as_of"] == AS_OF
    html = render_report(model, "html").decode("utf-8")
    assert "Tính đến ngày: 22/11/2026" in html
    doc = Document(io.BytesIO(render_report(model, "docx", "en")))
    assert f"As of: {AS_OF}" in doc.sections[0].footer.paragraphs[0].text


def test_html_escapes_and_truncates_document_text(seeded: dict[str, Any]) -> None:
    model = inputs(seeded, "Hải Phòng")
    long = 'Thực hiện <b>Kế hoạch</b> & "báo cáo" ' + "rất dài " * 60 + "KẾT THÚC"
    row = Gap(
        GapKind.NO_BASIS, "1/KH-X@Hải Phòng@2025", Reason.of(ReasonCode.PLAN_WITHOUT_BASIS), source="/x/<evil>.txt",
        number="1/KH-X", doc_type="Kế hoạch", title="<script>alert(1)</script>", date="2025-02-03",
        province="Hải Phòng", unit="UBND <i>x</i>", level="commune", evidence=({"text": long}, {"text": "thứ hai\x0c"}),
    )  # fmt: skip
    html = render_report(with_rows(model, row), "html").decode("utf-8")
    assert "<script>" not in html and "<b>Kế hoạch" not in html and "<i>x</i>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;evil&gt;.txt" in html
    # The evidence is shown cut short, with the whole sentence in the title attribute.
    assert "KẾT THÚC" in html.split('<q title="', 1)[1].split('">', 1)[0]
    assert "KẾT THÚC</q>" not in html and "…</q>" in html
    assert "và 1 trích dẫn khác" in html
    assert "\x0c" not in html
    assert "Kế hoạch, chương trình cấp dưới Trung ương không nêu văn bản căn cứ" in html


# -- XLSX -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("province", PROVINCES)
def test_xlsx_report(seeded: dict[str, Any], province: str, lang: Lang) -> None:
    model = inputs(seeded, province)
    summary = model.summary
    wb = load_workbook(io.BytesIO(render_report(model, "xlsx", lang)))
    i = 0 if lang == "vi" else 1
    summary_sheet = wb.worksheets[0]
    assert summary_sheet.title == ("Tổng quan" if lang == "vi" else "Summary")
    cells = {str(c.value) for row in summary_sheet.iter_rows() for c in row if c.value is not None}
    assert seeded["snapshot"]["corpus_hash"] in cells
    assert len(summary_sheet._charts) == 1  # gaps by kind
    kind_sheets = {GAP_KIND_SHEETS[k][i]: k for k in GAP_KINDS}
    present = {name: kind for name, kind in kind_sheets.items() if name in wb.sheetnames}
    assert set(present.values()) == set(summary["gaps_by_kind"]) | (
        {"unit_coverage"} if model.coverage_gaps else set()
    )
    for name, kind in present.items():
        ws = wb[name]
        assert len(name) <= 31 and not re.search(r"[\[\]:*?/\\]", name)
        assert ws.freeze_panes == "A2"
        assert ws.auto_filter.ref and ws.auto_filter.ref.startswith("A1:")
        assert all(c.font.bold for c in ws[1])
        assert ws.max_row - 1 == (summary["gaps_by_kind"].get(kind) or len(model.coverage_gaps))
        assert ws.column_dimensions["B"].width and ws.column_dimensions["B"].width > 5
    header = [c.value for c in wb[next(iter(present))][1]]
    assert header[0] == ("STT" if lang == "vi" else "No.")


def test_xlsx_text_is_never_a_formula_and_dates_are_dates(seeded: dict[str, Any]) -> None:
    model = inputs(seeded, "Hải Phòng")
    row = Gap(GapKind.NO_REPORT, "k", Reason.of(ReasonCode.NO_REPORT_UNDATED), number="2/KH",
              title='=HYPERLINK("x","y")', province="Hải Phòng", due="2025-06-20", date="2025-09")  # fmt: skip
    wb = load_workbook(io.BytesIO(render_report(with_rows(model, row), "xlsx")))
    ws = wb[GAP_KIND_SHEETS["no_report"][0]]
    values = [c.value for c in ws[2]]
    assert '=HYPERLINK("x","y")' in values
    assert all(c.data_type != "f" for c in ws[2])
    due = ws.cell(2, [c.value for c in ws[1]].index("Hạn") + 1)
    assert due.is_date and due.number_format == "dd/mm/yyyy"
    assert "09/2025" in values  # a partial date stays text


# -- DOCX -----------------------------------------------------------------------------------------


def gap_tables(doc: Any, lang: Lang) -> list[int]:
    """Data rows of each gap table, in document order."""
    out = []
    for table in doc.tables:
        head = [c.text for c in table.rows[0].cells]
        if head in (GAP_HEADER[lang], UNIT_HEADER[lang]):
            out.append(len(table.rows) - 1)
    return out


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("province", PROVINCES)
def test_docx_report(seeded: dict[str, Any], province: str, lang: Lang) -> None:
    model = inputs(seeded, province)
    doc = Document(io.BytesIO(render_report(model, "docx", lang)))
    text = docx_text(doc)
    if lang == "vi":
        for s in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "BÁO CÁO", "Nơi nhận:",
                  "Rà soát tình hình ban hành văn bản triển khai và báo cáo – ", f"gồm tỉnh {OLD[province]} cũ",
                  "I. TỔNG QUAN", "II. ĐỘ BAO PHỦ ĐƠN VỊ", "III. CÁC THIẾU SÓT THEO LOẠI", "Số:"):  # fmt: skip
            assert s in text, s
        assert f"{province}, ngày …… tháng …… năm ……" in text  # no date given: left to fill at signing
    else:
        for s in (
            "SOCIALIST REPUBLIC OF VIET NAM",
            "REPORT",
            "I. OVERVIEW",
            "III. GAPS BY KIND",
            "Recipients:",
        ):
            assert s in text, s
        assert "CỘNG HÒA" not in text and "BÁO CÁO" not in text
    assert province in text
    assert seeded["snapshot"]["corpus_hash"] not in text  # on the footer line, not in the text
    # The header is a two-column table: issuing body left, national title right; no settings
    # given, the bodies are dotted placeholders, never an invented body.
    head = doc.tables[0]
    assert len(head.columns) == 2
    assert head.rows[0].cells[0].text.splitlines()[:2] == [BLANK, BLANK]
    # One table per document gap kind present, in the engine's order, a row per gap; before them,
    # in the coverage section, the units lacking a document: a row per directive.
    summary = model.summary
    expected = [summary["gaps_by_kind"][k] for k in GAP_KINDS if k in summary["gaps_by_kind"]]
    units = [len({g.document for g in model.coverage_gaps})] if model.coverage_gaps else []
    assert gap_tables(doc, lang) == units + expected
    for kind in summary["gaps_by_kind"]:
        assert gap_kind_label(kind, lang) in text
    # NĐ 30/2020 page and font: A4, Times New Roman 14 pt.
    sec = doc.sections[0]
    assert sec.page_width is not None and sec.page_height is not None and sec.left_margin is not None
    assert round(sec.page_width.cm, 1) == 21.0 and round(sec.page_height.cm, 1) == 29.7
    assert round(sec.left_margin.cm, 1) == 3.0
    normal: Any = doc.styles["Normal"]
    assert normal.font.name == "Times New Roman" and normal.font.size.pt == 14
    assert seeded["snapshot"]["corpus_hash"] in sec.footer.paragraphs[0].text


def test_commune_coverage_is_compact(seeded: dict[str, Any]) -> None:
    """A province's report lists every unit lacking a document for a tracked directive, grouped by
    directive, apart from the document gaps."""
    model = inputs(seeded, "Hải Phòng")
    units = list(model.coverage_gaps)
    directives = {g.document for g in units}
    assert len(units) > 100 and len(directives) < len(units)
    assert {g.kind for g in model.gaps}.isdisjoint({GapKind.UNIT_COVERAGE})
    wb = load_workbook(io.BytesIO(render_report(model, "xlsx")))
    assert wb[GAP_KIND_SHEETS["unit_coverage"][0]].max_row - 1 == len(units)  # one filterable row per unit
    doc = Document(io.BytesIO(render_report(model, "docx")))
    assert gap_tables(doc, "vi")[0] == len(directives)  # the coverage section comes before the gaps
    text = docx_text(doc)
    assert all(g.unit and g.unit in text for g in units)
    html = render_report(model, "html").decode("utf-8")
    assert html.count("<details>") == sum(1 for d in directives if sum(g.document == d for g in units) > 12)


def test_docx_charts_without_matplotlib_are_tables(
    seeded: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    model = inputs(seeded, "Hải Phòng")
    summary = model.summary
    monkeypatch.setattr(charts, "_mpl", lambda: None)
    doc = Document(io.BytesIO(render_report(model, "docx")))
    assert len(doc.inline_shapes) == 0
    assert "█" in docx_text(doc)
    assert gap_tables(doc, "vi")[1:] == [
        summary["gaps_by_kind"][k] for k in GAP_KINDS if k in summary["gaps_by_kind"]
    ]  # after the units lacking a document, per directive


def test_docx_charts_with_matplotlib_are_images(seeded: dict[str, Any]) -> None:
    pytest.importorskip("matplotlib")
    model = inputs(seeded, "Hải Phòng")
    doc = Document(io.BytesIO(render_report(model, "docx")))
    assert len(doc.inline_shapes) >= 2  # coverage by level and gaps by kind
    assert "█" not in docx_text(doc)


# -- several provinces, errors, labels ------------------------------------------------------------


def test_write_province_reports(
    seeded: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(charts, "_mpl", lambda: None)  # the images are tested above; keep this quick
    out = tmp_path / "reports"
    paths = write_province_reports(list(seeded["models"].values()), out, ["html", "xlsx", "docx"], "vi")
    assert paths[-1] == out / "index.html"
    for fmt in ("html", "xlsx", "docx"):
        files = sorted(out.glob(f"*.{fmt}"))
        assert len(files) == 34 + (fmt == "html")  # index.html too
        assert all(re.fullmatch(r"[a-z0-9-]+", f.stem) for f in files)
    assert (out / "hai-phong.docx").exists() and (out / "ho-chi-minh.xlsx").exists()
    index = (out / "index.html").read_text(encoding="utf-8")
    for p in current_provinces():
        assert f'href="{slug(p["name"])}.html"' in index
        assert f'href="{slug(p["name"])}.docx"' in index
    assert seeded["snapshot"]["corpus_hash"] in index
    assert "http" not in index
    hp = inputs(seeded, "Hải Phòng").totals()
    assert re.search(rf"Hải Phòng</td><td>Hải Dương</td><td class=\"n\">{hp['documents']}</td>"
                     rf"<td class=\"n\">{hp['edges']}</td><td class=\"n\">{hp['gaps']}</td>"
                     rf"<td class=\"n\">{hp['uncovered_units']}</td><td>22/11/2026</td>", index)  # fmt: skip


def test_writing_one_province_keeps_the_other_index_rows(seeded: dict[str, Any], tmp_path: Path) -> None:
    models = seeded["models"]
    write_province_reports([models["Hải Phòng"], models["Quảng Ngãi"]], tmp_path, "html", "vi")
    later = replace(models["Hải Phòng"], as_of="2027-01-01")
    assert [p.name for p in write_province_reports([later], tmp_path, "xlsx", "vi")] == [
        "hai-phong.xlsx",
        "index.html",
    ]
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert 'href="quang-ngai.html"' in index and "22/11/2026" in index  # Quảng Ngãi's row is kept
    assert 'href="hai-phong.html"' in index and 'href="hai-phong.xlsx"' in index and "01/01/2027" in index


def test_write_province_reports_takes_old_names_and_one_format(
    seeded: dict[str, Any], tmp_path: Path
) -> None:
    models = province_reports(seeded["store"], GapOptions(as_of=AS_OF), ["Hải Dương", "Hải Phòng"])
    paths = write_province_reports(models, tmp_path, "html", "en")
    assert [p.name for p in paths] == ["hai-phong.html", "index.html"]
    assert "Province review reports" in (tmp_path / "index.html").read_text(encoding="utf-8")


def test_unknown_format_language_or_province(seeded: dict[str, Any], tmp_path: Path) -> None:
    model = inputs(seeded, "Hải Phòng")
    with pytest.raises(ValueError, match="format"):
        render_report(model, "pdf")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="language"):
        render_report(model, "html", "fr")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="format"):
        write_province_reports([model], tmp_path, ["html", "csv"], "vi")
    with pytest.raises(NodeNotFound, match="unknown province"):
        province_reports(seeded["store"], GapOptions(as_of=AS_OF), ["Atlantis"])


def test_report_only_shows_the_provinces_rows(seeded: dict[str, Any]) -> None:
    """A report's sheets hold its own province's rows, as many as the national answer has for it."""
    model = inputs(seeded, "Hải Phòng")
    wb = load_workbook(io.BytesIO(render_report(model, "xlsx")))
    national = [g for g in seeded["gaps"] if g.province == "Hải Phòng" and g.kind != "unit_coverage"]
    for kind, count in model.summary["gaps_by_kind"].items():
        assert wb[GAP_KIND_SHEETS[kind][0]].max_row - 1 == count == sum(g.kind == kind for g in national)


def test_labels_cover_every_gap_kind() -> None:
    assert set(GAP_KIND_LABELS) == set(GAP_KINDS) == set(GAP_KIND_SHEETS)
    for vi, en in GAP_KIND_SHEETS.values():
        for name in (vi, en):
            assert len(name) <= 31 and not re.search(r"[\[\]:*?/\\]", name)
    assert gap_kind_label("no_basis") == "Kế hoạch chưa có văn bản căn cứ"
    assert gap_kind_label("unit_coverage", "en") == "Unit with no implementing document"


@pytest.mark.parametrize(
    ("reason", "vi", "en"),
    [
        (Reason.of(ReasonCode.NO_REPORT_BY_DEADLINE, due="2025-03-28", deadline="2025-03-28"),
         "Chưa có báo cáo về kế hoạch này; hạn 28/03/2025 (theo thời hạn báo cáo 28/03/2025)",
         "No report on this plan; due 2025-03-28 (its report deadline 2025-03-28)"),
        (Reason.of(ReasonCode.NO_REPORT_AFTER_DATE, due="2025-08-13", days=180, since="2025-02-14"),
         "Chưa có báo cáo về kế hoạch này; hạn 13/08/2025 (180 ngày kể từ ngày ban hành 14/02/2025)",
         "No report on this plan; due 2025-08-13 (180 days after its date, 2025-02-14)"),
        (Reason.of(ReasonCode.REPORT_NOT_RECEIVED, due="2025-12-20", assignee=""),
         "Chưa nhận được báo cáo của các cơ quan, đơn vị được giao (hạn 20/12/2025)",
         "Report from the addressees due 2025-12-20 has not come"),
        (Reason.of(ReasonCode.REPORT_WITHOUT_PLAN, subject="57-NQ/TW"),
         "Có báo cáo về 57-NQ/TW nhưng đơn vị chưa có kế hoạch triển khai văn bản này",
         "Reports on 57-NQ/TW but its unit has no plan implementing it"),
        (Reason.of(ReasonCode.URGED_NO_RESPONSE, directive="57-NQ/TW", recipients=["Sở A", "Sở B"]),
         "Đã đôn đốc Sở A, Sở B thực hiện 57-NQ/TW; chưa có văn bản triển khai hoặc báo cáo nào sau đó",
         "Urged Sở A, Sở B to carry out 57-NQ/TW; no later implementing document or report from them"),
        (Reason.of(ReasonCode.PROVINCE_NOT_COVERED, directive="02-KH/BCĐTW", unit="Hải Phòng"),
         "Chưa có văn bản nào của Hải Phòng triển khai 02-KH/BCĐTW", "No document in Hải Phòng implements 02-KH/BCĐTW"),
        (Reason.of(ReasonCode.BASIS_AMBIGUOUS, basis="12/KH-UBND"),
         "Văn bản căn cứ 12/KH-UBND được viện dẫn nhưng không xác định được duy nhất (trùng số, ký hiệu): "
         "chưa kiểm tra được chuỗi căn cứ",
         "Its basis 12/KH-UBND is cited but the citation is ambiguous: the chain cannot be checked"),
    ],
)  # fmt: skip
def test_reasons_render_from_their_code(reason: Reason, vi: str, en: str) -> None:
    assert reason_text(reason, "vi") == vi
    assert reason_text(reason, "en") == en


def test_every_reason_code_renders_in_both_languages() -> None:
    for code in ReasonCode:
        reason = Reason.of(code, basis="X", due="2025-01-02", deadline="2025-01", days=30, since="2025-01-01",
                           assignee="", subject="Y", directive="Z", recipients=[], unit="U")  # fmt: skip
        vi, en = reason_text(reason, "vi"), reason_text(reason, "en")
        assert vi and en and vi != en and "{" not in vi + en


def test_seed_reasons_are_all_in_vietnamese(seeded: dict[str, Any]) -> None:
    english = re.compile(r"\b(?:the|its|but|no report|has not|implements)\b")
    assert not [r.reason for r in seeded["gaps"] if english.search(reason_text(r.reason, "vi"))]


def test_dates_and_slugs() -> None:
    import datetime as dt

    assert report_date_line("Hải Phòng", dt.date(2026, 2, 5)) == "Hải Phòng, ngày 05 tháng 02 năm 2026"
    assert report_date_line("Huế", dt.date(2026, 11, 23)) == "Huế, ngày 23 tháng 11 năm 2026"
    assert format_date("2025-03-28") == "28/03/2025" and format_date("2025-09") == "09/2025"
    assert format_date("2025-03-28", "en") == "2025-03-28"
    slugs = [slug(p["name"]) for p in current_provinces()]
    assert len(set(slugs)) == 34 and all(re.fullmatch(r"[a-z0-9-]+", s) for s in slugs)
    assert slug("Hồ Chí Minh") == "ho-chi-minh" and slug("Đắk Lắk") == "dak-lak"
