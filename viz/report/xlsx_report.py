"""The XLSX report: a summary sheet with a chart of gaps by kind, a sheet of every gap (the kind as
a column, each row linked to its row in the kind's sheet), one sheet per gap kind and the communes
with no document.

Dates are real dates (``dd/mm/yyyy``), so Excel sorts and filters them. Every sheet prints on A4
landscape at a readable size: fitted to the page width only where the text stays at 9 pt or more,
otherwise printed across pages with the first columns repeated (:func:`_print_setup`).
"""

import datetime as dt
import io
import re
from collections.abc import Iterable, Sequence
from typing import Any

from viz.charts import integer_ticks
from viz.i18n import GAP_KIND_SHEETS, REVIEW_MARK, Lang, gap_kind_label, review_state_label, t
from viz.report.model import (
    GapRow,
    Report,
    departments_count,
    directive_rows,
    levels_series,
)

__all__ = ["MIN_PRINT_PT", "render_xlsx"]

BODY_PT = 11.0  # the workbook's font size (Calibri 11)
MIN_PRINT_PT = 9.0  # the smallest printed text: a sheet is fitted to the page width only above it
_PRINTABLE_PT = 842 - 2 * 36  # A4 landscape, less 0.5 inch margins left and right

_SHEET_BAD = re.compile(r"[\[\]:*?/\\]")


def _sheet_title(name: str, taken: set[str]) -> str:
    base = _SHEET_BAD.sub(" ", name).strip().strip("'")[:31] or "Sheet"
    title, n = base, 2
    while title.lower() in taken:
        suffix = f" ({n})"
        title, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(title.lower())
    return title


def _xl_value(value: object) -> object:
    if isinstance(value, str):
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE  # type: ignore[import-untyped]

        return ILLEGAL_CHARACTERS_RE.sub(" ", value)[:32000]
    return value


def _xl_date(iso: str, shown: str) -> object:
    """A real date for full ISO dates (so Excel sorts and filters them), else the text shown."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", iso):
        try:
            return dt.date.fromisoformat(iso)
        except ValueError:
            return shown
    return shown


def _xl_styles(wb: Any, lang: Lang) -> None:
    """The workbook's cell styles, registered once (named styles are much faster than per-cell ones)."""
    from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side  # type: ignore[import-untyped]

    if "lineage head" in wb.named_styles:
        return
    thin = Side(style="thin", color="BFBFBF")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    head = NamedStyle("lineage head", font=Font(bold=True), fill=PatternFill("solid", fgColor="DDE6F0"),
                      alignment=Alignment(wrap_text=True, vertical="center"), border=border)  # fmt: skip
    body = NamedStyle("lineage body", alignment=Alignment(vertical="top"), border=border)
    wrap = NamedStyle("lineage wrap", alignment=Alignment(vertical="top", wrap_text=True), border=border)
    date = NamedStyle("lineage date", alignment=Alignment(vertical="top"), border=border,
                      number_format=_date_format(lang))  # fmt: skip
    link = NamedStyle("lineage link", font=Font(color="0563C1", underline="single"),
                      alignment=Alignment(vertical="top", wrap_text=True), border=border)  # fmt: skip
    low = NamedStyle("lineage low", font=Font(bold=True, color="993333"), fill=PatternFill("solid", fgColor="FFF4E0"),
                     alignment=Alignment(vertical="top", wrap_text=True), border=border)  # fmt: skip
    for style in (head, body, wrap, date, link, low):
        wb.add_named_style(style)


def _xl_table(ws: Any, header: Sequence[str], rows: Sequence[Sequence[object]], widths: Sequence[float],
              lang: Lang, wrap: Sequence[int] = (), links: Sequence[str] = (), link_col: int = 1,
              title_cols: int = 1) -> None:  # fmt: skip
    """A sheet holding one table from A1: header bold, filled and frozen, AutoFilter, widths, wrap.
    ``links``: for each row, the place (``'Sheet'!A5``) its ``link_col`` cell links to."""
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]
    from openpyxl.worksheet.hyperlink import Hyperlink  # type: ignore[import-untyped]

    _xl_styles(ws.parent, lang)
    for j, h in enumerate(header, 1):
        ws.cell(row=1, column=j, value=_xl_value(h)).style = "lineage head"
    ws.row_dimensions[1].height = 32
    # Cells are addressed by index: ``ws[ws.max_row]`` rescans the sheet and turns this quadratic.
    for i, row in enumerate(rows, 2):
        lines = 1
        for j, value in enumerate(row):
            cell = ws.cell(row=i, column=j + 1, value=_xl_value(value))
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # text from documents is never a formula
            if isinstance(cell.value, dt.date):
                cell.style = "lineage date"
            elif j in wrap:
                cell.style = "lineage wrap"
                if isinstance(cell.value, str) and j < len(widths):
                    per_line = max(int(widths[j] * 1.1), 1)
                    lines = max(
                        lines, sum(-(-max(len(part), 1) // per_line) for part in cell.value.split("\n"))
                    )
            else:
                cell.style = "lineage body"
        if i - 2 < len(links) and links[i - 2]:
            cell = ws.cell(row=i, column=link_col + 1)
            cell.hyperlink = Hyperlink(ref=cell.coordinate, location=links[i - 2])
            cell.style = "lineage link"
        # Row heights for the wrapped columns: not every spreadsheet program fits them on opening.
        if lines > 1:
            ws.row_dimensions[i].height = 15 * min(lines, 14)
    last = get_column_letter(len(header))
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{last}{len(rows) + 1}"
    for i, w in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = w
    ws.print_title_rows = "1:1"
    _print_setup(ws, widths, title_cols=title_cols)


def column_points(width: float) -> float:
    """The printed width, in points, of a column ``width`` characters wide (Calibri 11: 7 pixels a
    character and 5 of padding, at 96 pixels an inch)."""
    return (int(width * 7 + 0.5) + 5) * 0.75


def print_scale(widths: Sequence[float]) -> float:
    """The scale that fits columns of ``widths`` to the width of an A4 landscape page (≤ 1)."""
    total = sum(column_points(w) for w in widths) or 1.0
    return min(1.0, _PRINTABLE_PT / total)


def _print_setup(ws: Any, widths: Sequence[float], *, title_cols: int = 1) -> None:
    """A4 landscape, half-inch margins. Fitted to the page width when the text then prints at
    ``MIN_PRINT_PT`` or more; otherwise printed at that size across pages (left to right, then
    down), the header row and the first ``title_cols`` columns repeated on every page."""
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.print_options.gridLines = False
    ws.oddFooter.center.text = "&P / &N"
    scale = print_scale(widths)
    if BODY_PT * scale >= MIN_PRINT_PT:
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
    else:
        ws.sheet_properties.pageSetUpPr.fitToPage = False
        ws.page_setup.scale = int(-(-100 * MIN_PRINT_PT // BODY_PT))  # 82%: 9 pt
        ws.page_setup.pageOrder = "overThenDown"
        if title_cols:
            ws.print_title_cols = f"A:{get_column_letter(title_cols)}"


def render_xlsx(r: Report) -> bytes:
    from openpyxl import Workbook  # type: ignore[import-untyped]
    from openpyxl.chart import BarChart, Reference  # type: ignore[import-untyped]
    from openpyxl.styles import Alignment, Font  # type: ignore[import-untyped]
    from openpyxl.worksheet.hyperlink import Hyperlink  # type: ignore[import-untyped]

    lang = r.lang
    wb = Workbook()
    wb.properties.title = r.title_line
    wb.properties.creator = "directive-lineage"
    wb.properties.subject = r.subject
    wb.properties.description = r.snapshot_line
    wb.properties.keywords = f"corpus_hash={r.snapshot_hash}"
    taken: set[str] = set()
    ws = wb.active
    assert ws is not None
    ws.title = _sheet_title(r.t("summary_sheet"), taken)
    bold = Font(bold=True)
    ws.append([r.title_line])
    ws["A1"].font = Font(bold=True, size=14)
    if r.old_text:
        ws.append([f"({r.old_text})"])
    ws.append([f"{r.t('snapshot_hash')}:", r.snapshot_hash])
    ws.append([f"{r.t('snapshot_time')}:", r.snapshot_time])
    ws.append([f"{r.t('snapshot_files')}:", r.snapshot_files_n])
    as_of = _xl_date(r.as_of_iso, r.as_of)
    ws.append([f"{r.t('as_of')}:", as_of])
    if isinstance(as_of, dt.date):
        ws.cell(ws.max_row, 2).number_format = _date_format(lang)
        ws.cell(ws.max_row, 2).alignment = Alignment(horizontal="left")
    ws.append([])

    def block(title: str, header: Sequence[str], rows: Iterable[Sequence[object]]) -> tuple[int, int]:
        ws.append([title])
        ws.cell(ws.max_row, 1).font = Font(bold=True, size=12)
        ws.append(list(header))
        for c in ws[ws.max_row]:
            c.font = bold
        first = ws.max_row + 1
        for row in rows:
            ws.append([_xl_value(v) for v in row])
        last = ws.max_row
        ws.append([])
        return first, last

    s = r.summary
    dep_cov, dep_total = departments_count(r)
    com_cov, com_total = int(s.get("communes_covered") or 0), int(s.get("communes_total") or 0)
    block(r.t("sec_overview"), [r.t("indicator"), r.t("value")], [
        (r.t("province"), r.full_name),
        *([(r.t("old_provinces"), ", ".join(r.old_names))] if r.old_names else []),
        (r.t("documents"), int(s.get("documents") or 0)),
        (r.t("edges"), int(s.get("edges") or 0)),
        (r.t("gaps_total"), r.gap_count),
        (r.t("uncovered_units"), r.uncovered_count),
    ])  # fmt: skip
    block(r.t("review_heading"), [r.t("col_review"), r.t("count")], [
        (review_state_label(state, lang) + (f" {REVIEW_MARK}" if state == "low_confidence" else ""), n)
        for state, n in r.review_totals.items()
    ])  # fmt: skip
    ws.append([r.review_line])  # the sentence the HTML and DOCX reports say, under its counts
    ws.cell(ws.max_row, 1).alignment = Alignment(wrap_text=True, vertical="top")
    ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=4)
    ws.row_dimensions[ws.max_row].height = 48
    ws.append([])
    block(r.t("sec_directives"), [r.t(k) for k in ("col_directive", "col_title", "col_province_cell", "communes",
                                                    "departments")], directive_rows(r))  # fmt: skip
    cov_first, cov_last = block(r.t("sec_coverage"), [r.t("level"), r.t("covered"), r.t("total"), r.t("rate")], [
        (r.t("departments"), dep_cov, dep_total, round(dep_cov / dep_total, 4) if dep_total else None),
        (r.t("communes"), com_cov, com_total, round(com_cov / com_total, 4) if com_total else None),
    ])  # fmt: skip
    for row in ws.iter_rows(min_row=cov_first, max_row=cov_last, min_col=4, max_col=4):
        for c in row:
            c.number_format = "0.0%"
    block(r.t("by_level"), [r.t("level"), r.t("count")], [(k, int(v)) for k, v in levels_series(r)])
    kind_first, kind_last = block(r.t("gaps_by_kind"), [r.t("kind"), r.t("count")],
                                  [(gap_kind_label(k, lang), len(v)) for k, v in r.gaps.items()])  # fmt: skip
    block(r.t("departments"), [r.t("department"), r.t("has_document")],
          [(d.get("name"), r.t("yes") if d.get("has_document") else r.t("no")) for d in s.get("departments") or []])  # fmt: skip
    ws.column_dimensions["A"].width = 46
    for col in "BCD":
        ws.column_dimensions[col].width = 18
    if r.gaps:
        chart = BarChart()
        chart.type = "bar"
        chart.style = 10
        chart.title = r.t("chart_gaps_by_kind")
        chart.y_axis.title = r.t("count")
        chart.legend = None
        chart.x_axis.scaling.orientation = "maxMin"  # kinds top-down, in the table's order
        chart.x_axis.delete = False
        chart.y_axis.delete = False
        # Whole numbers on the count axis (Excel would tick at 0.5 for small counts), in the
        # reader's own number format.
        ticks = integer_ticks(max(len(v) for v in r.gaps.values()), 5)
        chart.y_axis.scaling.min, chart.y_axis.scaling.max = 0, ticks[-1]
        chart.y_axis.majorUnit = ticks[1] - ticks[0]
        chart.y_axis.number_format = "#,##0"
        chart.add_data(
            Reference(ws, min_col=2, min_row=kind_first - 1, max_row=kind_last), titles_from_data=True
        )
        chart.set_categories(Reference(ws, min_col=1, min_row=kind_first, max_row=kind_last))
        chart.height = max(6.0, 1.2 * len(r.gaps) + 3)
        chart.width = 16
        ws.add_chart(chart, f"A{ws.max_row + 3}")
    _print_setup(ws, [46, 18, 18, 18], title_cols=0)
    ws.page_setup.orientation = "portrait"

    sheets = list(r.gaps.items()) + ([("unit_coverage", r.coverage_rows)] if r.coverage_rows else [])
    combined = wb.create_sheet(_sheet_title(r.t("all_gaps_sheet"), taken)) if sheets else None
    titles: dict[str, str] = {}
    for kind, rows in sheets:
        sheet = wb.create_sheet(_sheet_title(_pick_sheet(kind, lang), taken))
        titles[kind] = sheet.title
        if kind == "unit_coverage":
            header = [t(k, lang) for k in ("col_no", "col_unit", "col_level", "col_directive", "col_title",
                                            "col_date", "col_reason", "col_key")]  # fmt: skip
            data: list[Sequence[object]] = [
                (i, g.unit, g.unit_level, g.label, g.title, _xl_date(g.iso_date, g.date), g.reason, g.key)
                for i, g in enumerate(rows, 1)
            ]
            _xl_table(
                sheet, header, data, [6, 28, 12, 18, 50, 13, 50, 30], lang, wrap=(1, 3, 4, 6, 7), title_cols=2
            )
        else:
            header = [t(k, lang) for k in ("col_no", "col_number", "col_type", "col_title", "col_date", "col_unit",
                                            "col_level", "col_reason", "col_evidence", "col_due", "col_source",
                                            "col_related", "col_key", "col_review")]  # fmt: skip
            data = [
                (i, g.label, g.doc_type, g.title, _xl_date(g.iso_date, g.date), g.unit, g.level, g.reason,
                 "\n\n".join(g.evidence), _xl_date(g.iso_due, g.due), g.source, g.related, g.key, g.review_text)
                for i, g in enumerate(rows, 1)
            ]  # fmt: skip
            _xl_table(sheet, header, data, [6, 18, 13, 45, 13, 26, 24, 45, 70, 13, 30, 22, 30, 22], lang,
                      wrap=(1, 3, 5, 7, 8, 10, 11, 12, 13), title_cols=2)  # fmt: skip
            _mark_low(sheet, rows, len(header))
    if combined is not None:
        _combined_sheet(combined, r, sheets, titles)
        for row in ws.iter_rows(min_row=kind_first, max_row=kind_last, max_col=1):
            for c in row:
                linked = next((k for k in r.gaps if gap_kind_label(k, lang) == c.value), None)
                if linked is not None:
                    c.hyperlink = Hyperlink(ref=c.coordinate, location=f"{_quote(titles[linked])}!A1")
                    c.font = Font(color="0563C1", underline="single")
    missing = list(s.get("communes_without_document") or [])
    if missing:
        sheet = wb.create_sheet(_sheet_title(r.t("communes_sheet"), taken))
        _xl_table(
            sheet, [r.t("col_no"), r.t("col_unit")], [(i, c) for i, c in enumerate(missing, 1)], [6, 36], lang
        )
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _quote(title: str) -> str:
    """A sheet's name as a formula or link writes it: ``'Tất cả thiếu sót'``."""
    return "'" + title.replace("'", "''") + "'"


def _combined_sheet(
    ws: Any, r: Report, sheets: Sequence[tuple[str, list[GapRow]]], titles: dict[str, str]
) -> None:
    """Every gap on one sheet, the kind as a column to filter by; the number of each row links to
    the row that tells it in full on the kind's sheet."""
    header = [r.t(k) for k in ("col_no", "col_number", "kind", "col_type", "col_title", "col_date", "col_unit",
                                "col_reason", "col_due", "col_key", "col_review")]  # fmt: skip
    data: list[Sequence[object]] = []
    links: list[str] = []
    for kind, rows in sheets:
        label = gap_kind_label(kind, r.lang)
        for i, g in enumerate(rows, 2):
            # Unit coverage rows rest on no document's links: no review state is told for them.
            data.append((len(data) + 1, g.label, label, g.doc_type, g.title, _xl_date(g.iso_date, g.date),
                         g.unit, g.reason, _xl_date(g.iso_due, g.due), g.key,
                         g.review_text if kind != "unit_coverage" else ""))  # fmt: skip
            links.append(f"{_quote(titles[kind])}!A{i}")
    # Printed two pages across at 9 pt, the number and its link repeated on the second.
    _xl_table(ws, header, data, [6, 18, 24, 12, 42, 12, 24, 42, 12, 26, 22], r.lang, wrap=(1, 2, 4, 6, 7, 9, 10),
              links=links, link_col=1, title_cols=2)  # fmt: skip
    _mark_low(ws, [g for kind, rows in sheets if kind != "unit_coverage" for g in rows], len(header))


def _mark_low(ws: Any, rows: Sequence[GapRow], column: int) -> None:
    """The review cell of each machine-read row of low confidence stands out (the rows from row 2)."""
    for i, g in enumerate(rows, 2):
        if g.low:
            ws.cell(row=i, column=column).style = "lineage low"


def _date_format(lang: Lang) -> str:
    return "dd/mm/yyyy" if lang == "vi" else "yyyy-mm-dd"


def _pick_sheet(kind: str, lang: Lang) -> str:
    pair = GAP_KIND_SHEETS.get(kind)
    if pair is None:
        return kind
    return pair[0] if lang == "vi" else pair[1]
