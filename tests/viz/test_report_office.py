"""The province report as an official signs it (issue #15): the office settings file, the DOCX
parts Nghị định 30/2020/NĐ-CP (Phụ lục I) asks for, the XLSX combined sheet, dates and printing,
and the charts' numbers."""

import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.oxml.ns import qn
from openpyxl import load_workbook  # type: ignore[import-untyped]

from graph.backends import open_store
from graph.gaps import GapOptions
from graph.ingest import ingest_paths
from graph.province_report import ProvinceReport, province_reports
from tests.conftest import SEEDS
from viz import charts
from viz.i18n import GAP_KIND_SHEETS, gap_kind_label
from viz.report import OfficeSettings, SettingsError, load_office_settings, office_overrides, render_report
from viz.report.docx_report import DUE_CM, date_width_cm, text_width_cm
from viz.report.model import every_month
from viz.report.office import BLANK
from viz.report.xlsx_report import MIN_PRINT_PT, print_scale

AS_OF = "2026-11-22"
EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "office.example.toml"
OFFICE = OfficeSettings(
    parent_body="Ủy ban nhân dân thành phố Hải Phòng",
    issuing_body="Sở Nội vụ",
    symbol="BC-SNV",
    place="Hải Phòng",
    date=dt.date(2026, 2, 5),
    authority=("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"),
    signer_title="Phó Chủ tịch",
    signer_name="Nguyễn Văn A",
    recipients=("- Như trên;", "- Lưu: VT."),
    proposals=("Đề nghị {province} chỉ đạo các đơn vị khẩn trương ban hành văn bản.",),
)


@pytest.fixture(scope="module")
def model(tmp_path_factory: pytest.TempPathFactory) -> ProvinceReport:
    store = open_store(tmp_path_factory.mktemp("office") / "lineage.db")
    ingest_paths(store, [SEEDS])
    return province_reports(store, GapOptions(as_of=AS_OF), ["Hải Phòng"])[0]


@pytest.fixture(scope="module")
def docx(model: ProvinceReport) -> Any:
    return Document(io.BytesIO(render_report(model, "docx", office=OFFICE)))


def lines(cell: Any) -> list[str]:
    return [p.text for p in cell.paragraphs]


def runs(cell: Any, text: str) -> list[Any]:
    """The runs of the paragraph of ``cell`` that reads ``text``."""
    return next(p for p in cell.paragraphs if p.text == text).runs


def has_rule(paragraph: Any) -> bool:
    """The paragraph draws a horizontal line under it (a bottom border)."""
    ppr = paragraph._p.pPr
    return (
        ppr is not None
        and ppr.find(qn("w:pBdr")) is not None
        and ppr.find(qn("w:pBdr")).find(qn("w:bottom")) is not None
    )


def size(run: Any) -> float:
    """The run's size in points: its own, else its paragraph style's, else Normal's 14."""
    if run.font.size is not None:
        return float(run.font.size.pt)
    style = run._parent.style
    return float(style.font.size.pt) if style is not None and style.font.size is not None else 14.0


# -- settings --------------------------------------------------------------------------------------


def test_example_settings_file_reads(tmp_path: Path) -> None:
    office = load_office_settings(EXAMPLE)
    assert office.issuing_body == "Sở Nội vụ" and office.symbol == "BC-SNV"
    assert office.authority == ("KT. GIÁM ĐỐC",) and office.signer_name == "Nguyễn Văn A"
    assert office.recipients[-1].startswith("- Lưu: VT")
    nested = tmp_path / "nested.toml"
    nested.write_text('[office]\nissuing_body = "Sở Tư pháp"\ndate = 2026-12-03\n', encoding="utf-8")
    assert load_office_settings(nested) == OfficeSettings(
        issuing_body="Sở Tư pháp", date=dt.date(2026, 12, 3)
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('issuing_body = "Sở A"\nsigner = "B"\n', "unknown key 'signer'"),
        ("recipients = [1, 2]\n", "'recipients' must be a list of strings"),
        ("issuing_body = 3\n", "'issuing_body' must be a string"),
        ('date = "soon"\n', "'date' must be a date"),
        ("issuing_body = \n", "not a TOML settings file"),
        ('[office]\nsymbol = "BC-X"\n[other]\nx = 1\n', "unknown key 'other' outside [office]"),
    ],
)
def test_bad_settings_name_the_file_and_the_key(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "office.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SettingsError) as exc:
        load_office_settings(path)
    assert str(path) in str(exc.value) and message in str(exc.value)


def test_missing_settings_file_and_overrides(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="cannot read the settings file"):
        load_office_settings(tmp_path / "none.toml")
    office = office_overrides(
        OFFICE, ["signer_name=Trần Thị B", "recipients=- A;|- Lưu: VT.", "date=03/12/2026"]
    )
    assert office.signer_name == "Trần Thị B" and office.recipients == ("- A;", "- Lưu: VT.")
    assert office.date == dt.date(2026, 12, 3)
    with pytest.raises(SettingsError, match="unknown key 'nope'"):
        office_overrides(OFFICE, ["nope=1"])
    with pytest.raises(SettingsError, match="KEY=VALUE"):
        office_overrides(OFFICE, ["signer_name"])


# -- DOCX: the parts of NĐ 30/2020, Phụ lục I ------------------------------------------------------


def test_docx_header_is_the_decree_header(docx: Any) -> None:
    """Two columns: parent body over issuing body (bold, a rule under it), then the number |
    the national title over the motto (bold, a rule under it), then the place and date (italic)."""
    head = docx.tables[0]
    assert len(head.columns) == 2 and len(head.rows) == 2
    left, right = head.rows[0].cells
    number, date = head.rows[1].cells
    assert lines(left)[:2] == ["ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG", "SỞ NỘI VỤ"]
    assert not any(r.bold for r in runs(left, "ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG"))
    assert all(r.bold for r in runs(left, "SỞ NỘI VỤ"))
    assert has_rule(left.paragraphs[2])  # the line under the issuing body
    assert number.text == "Số:       /BC-SNV"
    assert lines(right)[:2] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert all(r.bold for r in runs(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))
    assert all(r.bold for r in runs(right, "Độc lập - Tự do - Hạnh phúc"))
    assert has_rule(right.paragraphs[2])
    assert date.text == "Hải Phòng, ngày 05 tháng 02 năm 2026"
    assert all(r.italic for r in runs(date, date.text))
    for cell in (left, right, number, date):
        assert all(p.alignment == 1 for p in cell.paragraphs)  # centred
    # Sizes as the decree's table of fonts: 12–13 bodies and national title, 13–14 motto, number
    # 13, date 13–14.
    assert all(12 <= size(r) <= 13 for c in (left, right) for p in c.paragraphs[:1] for r in p.runs)
    assert all(13 <= size(r) <= 14 for r in runs(right, "Độc lập - Tự do - Hạnh phúc"))


def test_docx_title_opening_and_sections(docx: Any, model: ProvinceReport) -> None:
    body = [p for p in docx.paragraphs if p.text]
    title = next(i for i, p in enumerate(body) if p.text == "BÁO CÁO")
    assert all(r.bold for r in body[title].runs) and body[title].alignment == 1
    subject = body[title + 1]
    assert (
        subject.text.startswith("Rà soát tình hình ban hành văn bản triển khai")
        and "Hải Phòng" in subject.text
    )
    assert all(r.bold for r in subject.runs) and subject.alignment == 1
    text = "\n".join(p.text for p in docx.paragraphs)
    # The opening sentence states the date asked, not the data hash; the hash is on the footer.
    assert "Trên cơ sở rà soát các văn bản đã thu thập đến ngày 22/11/2026" in text
    assert model.snapshot["corpus_hash"] not in text
    for footer in (docx.sections[0].footer, docx.sections[0].first_page_footer):
        assert model.snapshot["corpus_hash"] in footer.paragraphs[0].text
    # Findings and proposals: the largest gap kinds, the office's proposal with the province in it.
    headings = [p.text for p in docx.paragraphs if p.style.name.startswith("Heading 1")]
    assert headings[-2:] == ["V. TỒN TẠI, HẠN CHẾ", "VI. KIẾN NGHỊ, ĐỀ XUẤT"]
    largest = max(model.summary["gaps_by_kind"].items(), key=lambda kv: kv[1])
    findings = text.split("V. TỒN TẠI, HẠN CHẾ", 1)[1].split("VI. KIẾN NGHỊ", 1)[0]
    first = findings.strip().splitlines()[1]
    assert first.startswith(f"- {gap_kind_label(largest[0])}: {largest[1]} trường hợp")
    assert "Đề nghị thành phố Hải Phòng chỉ đạo các đơn vị" in text


def test_docx_recipients_and_signer_block(docx: Any) -> None:
    """Bottom: "Nơi nhận:" (bold italic 12) and its list (11) on the left; authority, title (bold,
    capitals), the space for the signature, the name (bold) on the right."""
    foot = docx.tables[-1]
    assert foot.rows[0]._tr.trPr.find(qn("w:cantSplit")) is not None  # kept on one page
    left, right = foot.rows[0].cells
    assert lines(left) == ["Nơi nhận:", "- Như trên;", "- Lưu: VT."]
    head = runs(left, "Nơi nhận:")
    assert all(r.bold and r.italic and size(r) == 12 for r in head)
    assert all(size(r) == 11 for r in runs(left, "- Như trên;"))
    signer = lines(right)
    assert signer[:3] == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    assert signer[-1] == "Nguyễn Văn A" and signer[3:-1] == ["", "", "", ""]
    for text in ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn A"):
        assert all(r.bold and 13 <= size(r) <= 14 for r in runs(right, text))
    assert (
        "NGƯỜI LẬP BÁO CÁO" not in right.text
        and "HỆ THỐNG THEO DÕI" not in docx.tables[0].rows[0].cells[0].text
    )


def test_docx_without_settings_has_placeholders_only(model: ProvinceReport) -> None:
    doc = Document(io.BytesIO(render_report(model, "docx")))
    left = doc.tables[0].rows[0].cells[0]
    assert lines(left)[:2] == [BLANK, BLANK]
    assert doc.tables[0].rows[1].cells[0].text == "Số:       /BC-…"
    assert doc.tables[0].rows[1].cells[1].text == "Hải Phòng, ngày …… tháng …… năm ……"
    recipients, signer = doc.tables[-1].rows[0].cells
    assert lines(recipients) == ["Nơi nhận:", f"- {BLANK};", "- Lưu: VT."]
    assert lines(signer)[0] == BLANK and lines(signer)[-1] == BLANK


def test_docx_date_columns_hold_a_whole_date(docx: Any) -> None:
    """The "Hạn" column of the gap tables is wide enough for 28/12/2025 and does not wrap."""
    assert text_width_cm("28/12/2025", 10.5) + 0.38 <= DUE_CM
    assert date_width_cm(10.5) == DUE_CM
    tables = [t for t in docx.tables if [c.text for c in t.rows[0].cells][-1:] == ["Hạn"]]
    assert tables
    for table in tables:
        for row in table.rows[1:]:
            cell = row.cells[-1]
            assert cell.width.cm >= DUE_CM - 0.01
            assert cell._tc.tcPr.find(qn("w:noWrap")) is not None


# -- XLSX ------------------------------------------------------------------------------------------


def test_xlsx_combined_sheet_dates_links_and_printing(model: ProvinceReport) -> None:
    wb = load_workbook(io.BytesIO(render_report(model, "xlsx", office=OFFICE)))
    assert wb.sheetnames[1] == "Tất cả thiếu sót"
    ws = wb["Tất cả thiếu sót"]
    header = [c.value for c in ws[1]]
    assert header[:3] == ["STT", "Số, ký hiệu", "Loại thiếu sót"]
    total = len(model.gaps) + len(model.coverage_gaps)
    assert ws.max_row - 1 == total
    kinds = {ws.cell(i, 3).value for i in range(2, ws.max_row + 1)}
    assert kinds == {gap_kind_label(k) for k in model.summary["gaps_by_kind"]} | {
        gap_kind_label("unit_coverage")
    }
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == f"A1:K{total + 1}"  # the review state last
    # Each row links to its row on the kind's sheet.
    row = next(i for i in range(2, ws.max_row + 1) if ws.cell(i, 3).value == gap_kind_label("no_report"))
    link = ws.cell(row, 2).hyperlink
    assert link is not None and link.location.startswith(f"'{GAP_KIND_SHEETS['no_report'][0]}'!A")
    target = wb[GAP_KIND_SHEETS["no_report"][0]][link.location.split("!")[1]]
    assert (
        target.row >= 2
        and wb[GAP_KIND_SHEETS["no_report"][0]].cell(target.row, 2).value == ws.cell(row, 2).value
    )
    # Dates are dates, shown dd/mm/yyyy.
    dates = [
        c for col in ("F", "I") for c in ws[col][1:] if c.value is not None and not isinstance(c.value, str)
    ]
    assert dates and all(isinstance(c.value, dt.datetime) and c.number_format == "dd/mm/yyyy" for c in dates)
    # Printed: A4 landscape, header row repeated, text wrapped; fitted to the width only when the
    # text stays at 9 pt or more, otherwise at 9 pt across pages with the first columns repeated.
    for sheet in wb.worksheets[1:]:
        assert sheet.page_setup.orientation == "landscape" and int(sheet.page_setup.paperSize) == 9  # A4
        assert sheet.print_title_rows == "$1:$1"
        widths = [sheet.column_dimensions[c].width for c in "ABCDEFGHIJKLMN"[: sheet.max_column]]
        fits = 11 * print_scale(widths) >= MIN_PRINT_PT
        assert bool(sheet.sheet_properties.pageSetUpPr.fitToPage) == fits
        if fits:
            assert sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == 0
        else:
            assert 11 * sheet.page_setup.scale / 100 >= MIN_PRINT_PT
            assert sheet.print_title_cols and sheet.print_title_cols.startswith("$A:")
    assert ws.cell(2, 5).alignment.wrap_text  # titles wrap
    summary = wb.worksheets[0]
    assert any(c.hyperlink is not None for row_ in summary.iter_rows() for c in row_)  # kinds link to sheets
    axis = summary._charts[0].y_axis  # the count axis ticks at whole numbers
    assert axis.scaling.min == 0 and axis.majorUnit >= 1 and float(axis.majorUnit).is_integer()
    assert axis.number_format.formatCode == "#,##0"


# -- charts ----------------------------------------------------------------------------------------


def test_charts_count_in_whole_numbers_written_in_vietnamese() -> None:
    assert charts.integer_ticks(3, 4) == [0, 1, 2, 3]
    assert charts.integer_ticks(7, 4) == [0, 2, 4, 6, 8]
    assert charts.integer_ticks(1234, 4) == [0, 500, 1000, 1500]
    assert charts.number_text(1234) == "1.234" and charts.number_text(12.5) == "12,5"
    assert charts.number_text(1234, "en") == "1,234"
    svg = charts.columns_svg(["01/2025", "02/2025"], [("A", [1500.0, 0.0])], title="t")
    assert ">1.500<" in svg and ">1,500<" not in svg
    assert every_month(["2025-11", "2026-02"]) == ["2025-11", "2025-12", "2026-01", "2026-02"]


def test_png_axes_tick_at_whole_numbers() -> None:
    pytest.importorskip("matplotlib")
    captured: dict[str, Any] = {}
    real = charts._png

    def keep(fig: Any) -> bytes:
        captured["ticks"] = list(fig.axes[0].get_yticks())
        captured["labels"] = [t.get_text() for t in fig.axes[0].get_yticklabels()]
        return real(fig)

    pytest.MonkeyPatch().setattr(charts, "_png", keep)
    assert charts.columns_png(["01/2025", "02/2025", "03/2025"], [("A", [1.0, 0.0, 3.0])], title="t")
    assert captured["ticks"] and all(float(v).is_integer() for v in captured["ticks"])
    assert charts.columns_png(["01/2025"], [("A", [2500.0])], title="t")
    assert "2.500" in captured["labels"] or "2.000" in captured["labels"]


def test_html_has_the_office_header_findings_and_proposals(model: ProvinceReport) -> None:
    html = render_report(model, "html", office=OFFICE).decode("utf-8")
    assert "ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG" in html and "SỞ NỘI VỤ" in html and "/BC-SNV" in html
    assert 'id="findings"' in html and 'id="proposals"' in html
    assert "Đề nghị thành phố Hải Phòng chỉ đạo các đơn vị" in html
    assert "HỆ THỐNG THEO DÕI" not in html


def test_months_with_no_event_are_zero_in_the_chart_and_left_out_of_the_table(model: ProvinceReport) -> None:
    from dataclasses import replace

    summary = {**model.summary, "issued_by_month": {"2025-01": 1, "2025-04": 1234}, "deadlines_by_month": {}}
    one = replace(model, summary=summary)
    html = render_report(one, "html").decode("utf-8")
    assert "<title>02/2025 – Văn bản ban hành: 0</title>" in html  # a zero column in the chart
    assert "<tr><td>02/2025</td>" not in html and "<tr><td>04/2025</td>" in html
    assert '<td class="n">1.234</td>' in html  # Vietnamese thousands
    doc = Document(io.BytesIO(render_report(one, "docx")))
    table = next(t for t in doc.tables if t.rows[0].cells[0].text == "Tháng")
    assert [r.cells[0].text for r in table.rows[1:]] == ["01/2025", "04/2025"]
    assert table.rows[2].cells[1].text == "1.234"


def test_a_body_with_no_parent_body_has_no_line_for_it(model: ProvinceReport, tmp_path: Path) -> None:
    """`parent_body = ""` (e.g. the city People's Committee): the issuing body heads the column."""
    path = tmp_path / "ubnd.toml"
    path.write_text('parent_body = ""\nissuing_body = "Ủy ban nhân dân thành phố Hải Phòng"\nsymbol = "BC-UBND"\n',
                    encoding="utf-8")  # fmt: skip
    office = load_office_settings(path)
    assert office.parent_body == ""
    left = Document(io.BytesIO(render_report(model, "docx", office=office))).tables[0].rows[0].cells[0]
    assert lines(left)[0] == "ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG" and all(
        r.bold for r in left.paragraphs[0].runs
    )
    assert has_rule(left.paragraphs[1]) and BLANK not in left.text
    html = render_report(model, "html", office=office).decode("utf-8")
    assert BLANK not in html.split("</header>", 1)[0]
