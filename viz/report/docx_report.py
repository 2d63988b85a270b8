"""The DOCX report, laid out as Nghị định 30/2020/NĐ-CP, Phụ lục I asks of an administrative report.

- The header: a two-column table. Left, the parent body (capitals) over the issuing body (capitals,
  bold, a short rule under it), then ``Số: …/BC-…``; right, ``CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM``
  over ``Độc lập - Tự do - Hạnh phúc`` (bold, a rule as long as it under it), then the place and
  date in italics. The number and the date share the table's second row, so they stay level.
- ``BÁO CÁO`` and its subject (bold, centred, a short rule under them); the opening sentence; the
  numbered sections, findings ("Tồn tại, hạn chế") and proposals ("Kiến nghị, đề xuất").
- The bottom: ``Nơi nhận:`` and its list on the left; the signer's authority (``TM.``, ``KT.``),
  title, the space for the signature and the name on the right.
- A4, margins 2/2/3/1.5 cm, Times New Roman 14; the page number at the top from page 2; the data
  snapshot (hash, files, time) on the footer line of every page, never in the text.

Who issues and signs comes from :class:`~viz.report.office.OfficeSettings`; what the office left
out is a dotted placeholder.
"""

import datetime as dt
import io
from collections.abc import Sequence
from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH as ALIGN

from viz import charts
from viz.i18n import REVIEW_MARK, Lang, format_int, format_percent, gap_kind_label, t
from viz.report.model import (
    GapRow,
    Report,
    coverage_series,
    departments_count,
    directive_rows,
    kind_series,
    levels_series,
    month_series,
    overview_rows,
    pct,
    truncate,
    types_series,
    units_by_directive,
)

__all__ = ["date_width_cm", "render_docx"]


_FONT = "Times New Roman"


def _set_font(rpr_owner: Any, name: str = _FONT) -> None:
    """Set every script's font of a style or run (theme fonts would otherwise win)."""
    from docx.oxml.ns import qn

    rpr = rpr_owner.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, fonts)
    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{attr}"), None)
    for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{attr}"), name)


def _set_lang(style: Any, lang: str) -> None:
    from docx.oxml.ns import qn

    rpr = style.element.get_or_add_rPr()
    el = rpr.find(qn("w:lang"))
    if el is None:
        el = rpr.makeelement(qn("w:lang"), {})
        rpr.append(el)
    el.set(qn("w:val"), lang)


def _no_borders(table: Any) -> None:
    from docx.oxml.ns import qn

    tbl_pr = table._tbl.tblPr
    borders = tbl_pr.find(qn("w:tblBorders"))
    if borders is None:
        borders = tbl_pr.makeelement(qn("w:tblBorders"), {})
        tbl_pr.append(borders)
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = borders.makeelement(qn(f"w:{edge}"), {qn("w:val"): "nil"})
        borders.append(el)


def _rule(paragraph: Any, width_cm: float, cell_width_cm: float) -> None:
    """A short horizontal line under a header line (NĐ 30: 1/3 to 1/2 of the line above)."""
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    side = max((cell_width_cm - width_cm) / 2, 0)
    fmt = paragraph.paragraph_format
    fmt.left_indent, fmt.right_indent = Cm(side), Cm(side)
    fmt.space_after = Pt(2)
    ppr = paragraph._p.get_or_add_pPr()
    bdr = ppr.makeelement(qn("w:pBdr"), {})
    bdr.append(bdr.makeelement(qn("w:bottom"), {qn("w:val"): "single", qn("w:sz"): "6", qn("w:space"): "1",
                                                 qn("w:color"): "000000"}))  # fmt: skip
    ppr.append(bdr)


def _widths(table: Any, widths_cm: Sequence[float]) -> None:
    """Column widths that Word and LibreOffice both keep: the grid and every cell."""
    from docx.shared import Cm

    table.autofit = False
    for i, w in enumerate(widths_cm):
        table.columns[i].width = Cm(w)
    for row in table.rows:
        for i, w in enumerate(widths_cm):
            row.cells[i].width = Cm(w)


def _no_wrap(cell: Any) -> None:
    """The cell's text stays on one line (``w:noWrap``)."""
    from docx.oxml.ns import qn

    tc_pr = cell._tc.get_or_add_tcPr()
    if tc_pr.find(qn("w:noWrap")) is None:
        tc_pr.append(tc_pr.makeelement(qn("w:noWrap"), {}))


def _keep_together(row: Any) -> None:
    """The row stays on one page (``w:cantSplit``)."""
    from docx.oxml.ns import qn

    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(tr_pr.makeelement(qn("w:cantSplit"), {}))


def _repeat_header(row: Any) -> None:
    from docx.oxml.ns import qn

    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(tr_pr.makeelement(qn("w:tblHeader"), {qn("w:val"): "true"}))


def _page_field(paragraph: Any) -> None:
    from docx.oxml.ns import qn

    run = paragraph.add_run()
    for tag, attrs in (("w:fldChar", {qn("w:fldCharType"): "begin"}), ("w:instrText", {}),
                       ("w:fldChar", {qn("w:fldCharType"): "end"})):  # fmt: skip
        el = run._r.makeelement(qn(tag), attrs)
        if tag == "w:instrText":
            el.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            el.text = " PAGE "
        run._r.append(el)


class _Docx:
    """A DOCX being written with the NĐ 30/2020 conventions."""

    TEXT_WIDTH_CM = 16.5  # A4 21 cm less 3 cm left and 1.5 cm right margins

    def __init__(self, r: Report) -> None:
        from docx import Document
        from docx.shared import Cm, Pt, RGBColor

        self.r = r
        self.doc = Document()
        doc = self.doc
        sec = doc.sections[0]
        sec.page_width, sec.page_height = Cm(21), Cm(29.7)
        sec.top_margin, sec.bottom_margin = Cm(2), Cm(2)
        sec.left_margin, sec.right_margin = Cm(3), Cm(1.5)
        normal = doc.styles["Normal"]
        normal.font.size = Pt(14)
        _set_font(normal.element)
        _set_lang(normal, "vi-VN" if r.lang == "vi" else "en-GB")
        normal.paragraph_format.space_after = Pt(6)
        for name, size in (("Heading 1", 14), ("Heading 2", 14), ("Heading 3", 13)):
            style = doc.styles[name]
            style.font.size = Pt(size)
            style.font.bold = True
            style.font.italic = False
            style.font.color.rgb = RGBColor(0, 0, 0)
            _set_font(style.element)
            style.paragraph_format.space_before = Pt(12)
            style.paragraph_format.space_after = Pt(6)
        self.grid = doc.styles["Table Grid"].style_id
        self.headings = {n: doc.styles[f"Heading {n}"].style_id for n in (1, 2, 3)}
        self.normal = normal
        self._cell_styles: dict[float, str] = {}
        props = doc.core_properties
        props.title = r.title_line
        props.subject = r.subject
        props.author = "directive-lineage"
        props.comments = r.snapshot_line
        props.keywords = f"corpus_hash={r.snapshot_hash}"
        props.language = "vi-VN" if r.lang == "vi" else "en"
        try:
            created = dt.datetime.fromisoformat(r.snapshot_iso)
        except ValueError:
            created = None
        if created is not None:
            if created.tzinfo is not None:
                created = created.astimezone(dt.UTC).replace(tzinfo=None)
            props.created = props.modified = created
        # Page number at the top from page 2, snapshot at the foot of every page.
        sec.different_first_page_header_footer = True
        head = sec.header.paragraphs[0]
        head.alignment = ALIGN.CENTER
        _page_field(head)
        for footer in (sec.footer, sec.first_page_footer):
            p = footer.paragraphs[0]
            p.alignment = ALIGN.CENTER
            run = p.add_run(f"{r.t('snapshot_footer')}: {r.snapshot_line}")
            run.font.size = Pt(9)
            run.italic = True

    def para(self, text: str = "", *, bold: bool = False, italic: bool = False, size: float | None = None,
             align: ALIGN | None = None, indent: bool = False, underline: bool = False) -> Any:  # fmt: skip
        from docx.shared import Cm, Pt

        p = self.doc.add_paragraph()
        if text:
            run = p.add_run(text)
            run.bold, run.italic, run.underline = bold or None, italic or None, underline or None
            if size:
                run.font.size = Pt(size)
        if align is not None:
            p.alignment = align
        if indent:
            p.paragraph_format.first_line_indent = Cm(1.27)
            p.alignment = ALIGN.JUSTIFY
        return p

    def cell_text(self, cell: Any, text: str, *, bold: bool = False, italic: bool = False, size: float = 12,
                  align: ALIGN | None = None, underline: bool = False) -> Any:  # fmt: skip
        paragraphs = cell.paragraphs
        p = paragraphs[0] if len(paragraphs) == 1 and not paragraphs[0].runs else cell.add_paragraph()
        p._p.style = self.cell_style(size)  # the style id: python-docx's setter scans every style
        run = p.add_run(text)
        if bold:
            run.bold = True
        if italic:
            run.italic = True
        if underline:
            run.underline = True
        if align is not None:
            p.alignment = align
        return p

    def cell_style(self, size: float) -> str:
        """The id of a paragraph style for text in tables at ``size`` points, made once per document."""
        from docx.enum.style import WD_STYLE_TYPE
        from docx.shared import Pt

        style = self._cell_styles.get(size)
        if style is None:
            style = self.doc.styles.add_style(f"Lineage Cell {size:g}", WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = self.normal
            style.hidden = True
            style.font.size = Pt(size)
            style.paragraph_format.space_after = Pt(0)
            style.paragraph_format.space_before = Pt(0)
            self._cell_styles[size] = style.style_id
        return str(self._cell_styles[size])

    def heading(self, text: str, level: int = 1) -> None:
        self.doc.add_paragraph(text)._p.style = self.headings[level]

    def table(self, header: Sequence[str], rows: Sequence[Sequence[str]], widths_cm: Sequence[float],
              numeric: Sequence[int] = (), size: float = 11, dates: Sequence[int] = ()) -> Any:  # fmt: skip
        """A table with a bold header row repeated on every page. The ``dates`` columns are centred
        and never wrap (their width holds a whole date: :func:`date_width_cm`)."""

        table = self.doc.add_table(rows=1, cols=len(header))
        table._tbl.tblStyle_val = self.grid
        table.autofit = False
        for i, h in enumerate(header):
            cell = table.rows[0].cells[i]
            self.cell_text(cell, h, bold=True, size=size, align=ALIGN.CENTER)
        _repeat_header(table.rows[0])
        for row in rows:
            cells = table.add_row().cells
            for i, value in enumerate(row):
                align = ALIGN.RIGHT if i in numeric else ALIGN.CENTER if i in dates else None
                self.cell_text(cells[i], value, size=size, align=align)
                if i in dates:
                    _no_wrap(cells[i])
        _widths(table, widths_cm)
        self.doc.add_paragraph()
        return table

    def image(self, png: bytes | None) -> bool:
        from docx.shared import Cm

        if png is None:
            return False
        self.doc.add_picture(io.BytesIO(png), width=Cm(15))
        self.doc.paragraphs[-1].alignment = ALIGN.CENTER
        return True

    def chart(self, png: bytes | None, items: Sequence[tuple[str, float]], value_text: Any = None) -> None:
        """The chart as an image, or (without matplotlib) as a table of text bars."""
        from docx.shared import Pt, RGBColor

        if not items or self.image(png):
            return
        fmt = value_text or (lambda v: format_int(int(v), self.r.lang))
        peak = max(v for _, v in items) or 1
        table = self.doc.add_table(rows=0, cols=3)
        _no_borders(table)
        for label, value in items:
            cells = table.add_row().cells
            self.cell_text(cells[0], label, size=11)
            self.cell_text(cells[1], fmt(value), size=11, align=ALIGN.RIGHT)
            p = cells[2].paragraphs[0]
            run = p.add_run("█" * max(round(30 * value / peak), 1 if value else 0))
            run.font.size = Pt(9)
            run.font.color.rgb = RGBColor(0x1F, 0x4E, 0x79)
            _set_font(run._r, "Courier New")
        _widths(table, (7.0, 2.0, 7.5))
        self.doc.add_paragraph()


def text_width_cm(text: str, size: float, *, bold: bool = False) -> float:
    """The printed width of ``text`` in Times New Roman at ``size`` points, roughly (capitals and
    bold are wider): enough to size rules and date columns."""
    em = 0.0
    for ch in text:
        if ch.isdigit():
            em += 0.5
        elif ch in "/.-,:;()'’ ":
            em += 0.28
        elif ch.isupper():
            em += 0.72
        else:
            em += 0.47
    return em * size * (1.05 if bold else 1.0) * 2.54 / 72


CELL_MARGINS_CM = 0.38  # Word's default cell margins, left and right (0.19 cm each)


def date_width_cm(size: float) -> float:
    """The narrowest column that holds ``28/12/2025`` at ``size`` points on one line."""
    return round(text_width_cm("28/12/2025", size) + CELL_MARGINS_CM + 0.15, 2)


DUE_CM = date_width_cm(10.5)  # the "Hạn" column of the gap tables
HEAD_CM = (6.8, 9.7)  # the header table's columns (NĐ 30: issuing body | national title)


def _header(w: "_Docx", r: Report) -> None:
    """The NĐ 30 header: parent and issuing body | national title and motto; number | place, date."""
    head = w.doc.add_table(rows=2, cols=2)
    _no_borders(head)
    _widths(head, HEAD_CM)
    (left, right), (number, date) = head.rows[0].cells, head.rows[1].cells
    if r.parent_body:
        w.cell_text(left, r.parent_body, size=12.5, align=ALIGN.CENTER)
    w.cell_text(left, r.issuing_body, bold=True, size=12.5, align=ALIGN.CENTER)
    body_cm = min(text_width_cm(r.issuing_body, 12.5, bold=True), HEAD_CM[0] - CELL_MARGINS_CM)
    _rule(
        w.cell_text(left, "", size=2, align=ALIGN.CENTER),
        max(body_cm * 0.4, 1.2),
        HEAD_CM[0] - CELL_MARGINS_CM,
    )
    w.cell_text(right, r.t("nation"), bold=True, size=12.5, align=ALIGN.CENTER)
    w.cell_text(right, r.t("motto"), bold=True, size=13.5, align=ALIGN.CENTER)
    motto_cm = text_width_cm(r.t("motto"), 13.5, bold=True)
    _rule(w.cell_text(right, "", size=2, align=ALIGN.CENTER), motto_cm, HEAD_CM[1] - CELL_MARGINS_CM)
    w.cell_text(number, r.number_line, size=13, align=ALIGN.CENTER)
    w.cell_text(date, r.date_line, italic=True, size=14, align=ALIGN.CENTER)


def _signature(w: "_Docx", r: Report) -> None:
    """The bottom: ``Nơi nhận:`` and its list left; authority, title, signature space, name right."""
    foot = w.doc.add_table(rows=1, cols=2)
    _no_borders(foot)
    _widths(foot, (7.5, 9.0))
    _keep_together(foot.rows[0])  # the signature block never breaks across pages
    left, right = foot.rows[0].cells
    w.cell_text(left, r.t("recipients"), bold=True, italic=True, size=12)
    for line in r.recipients():
        w.cell_text(left, line, size=11)
    for line in r.authority:
        w.cell_text(right, line, bold=True, size=14, align=ALIGN.CENTER)
    w.cell_text(right, r.signer_title, bold=True, size=14, align=ALIGN.CENTER)
    for _ in range(4):  # the space for the signature and the seal
        w.cell_text(right, "", size=14)
    w.cell_text(right, r.signer_name, bold=True, size=14, align=ALIGN.CENTER)


def render_docx(r: Report) -> bytes:
    lang = r.lang
    w = _Docx(r)
    doc = w.doc
    _header(w, r)
    w.para(size=6)
    w.para(r.t("report"), bold=True, size=14, align=ALIGN.CENTER).paragraph_format.space_after = 0
    w.para(r.subject, bold=True, size=14, align=ALIGN.CENTER).paragraph_format.space_after = 0
    if r.old_text:
        w.para(f"({r.old_text})", italic=True, size=14, align=ALIGN.CENTER).paragraph_format.space_after = 0
    subject_cm = min(text_width_cm(r.subject, 14, bold=True), _Docx.TEXT_WIDTH_CM)
    _rule(w.para(size=2, align=ALIGN.CENTER), max(subject_cm * 0.4, 3.0), _Docx.TEXT_WIDTH_CM)
    w.para(r.opening, indent=True)

    s = r.summary
    # I. Overview
    w.heading(f"I. {r.t('sec_overview').upper()}")
    w.table([r.t("indicator"), r.t("value")], overview_rows(r), [10.5, 6.0], size=12)
    w.para(r.review_line, indent=True)
    levels = levels_series(r)
    if levels:
        w.para(r.t("by_level"), bold=True, size=13)
        w.table([r.t("level"), r.t("count")], [(k, format_int(int(v), lang)) for k, v in levels], [10.5, 6.0],
                numeric=(1,), size=12)  # fmt: skip
    types = types_series(r)
    if types:
        w.para(r.t("by_type"), bold=True, size=13)
        w.table([r.t("doc_type"), r.t("count")], [(k, format_int(int(v), lang)) for k, v in types], [10.5, 6.0],
                numeric=(1,), size=12)  # fmt: skip
    # II. Coverage
    dep_cov, dep_total = departments_count(r)
    com_cov, com_total = int(s.get("communes_covered") or 0), int(s.get("communes_total") or 0)
    w.heading(f"II. {r.t('sec_coverage').upper()}")
    w.para(r.t("communes_covered_line", covered=format_int(com_cov, lang), total=format_int(com_total, lang),
               rate=format_percent(com_cov, com_total, lang)), indent=True)  # fmt: skip
    w.para(r.t("departments_line", covered=dep_cov, total=dep_total,
               rate=format_percent(dep_cov, dep_total, lang)), indent=True)  # fmt: skip
    cov = coverage_series(r)
    w.chart(charts.hbar_png(cov, title=r.t("coverage_by_level"), max_value=100, lang=lang, percent=True), cov,
            lambda v: pct(v, lang))  # fmt: skip
    w.heading(f"1. {r.t('departments')}", 2)
    w.table([r.t("col_no"), r.t("department"), r.t("has_document")],
            [(str(i), str(d.get("name") or ""), r.t("yes") if d.get("has_document") else r.t("no"))
             for i, d in enumerate(s.get("departments") or [], 1)], [1.4, 10.6, 4.5], numeric=(0,), size=12)  # fmt: skip
    missing = list(s.get("communes_without_document") or [])
    w.heading(f"2. {r.t('sec_communes')} ({format_int(len(missing), lang)})", 2)
    w.para(("; ".join(missing) + ".") if missing else r.t("communes_none"), indent=True, size=13)
    w.heading(f"3. {r.t('sec_directives')} ({len(r.directives)})", 2)
    if not r.directives:
        w.para(r.t("directives_none"), indent=True, size=13)
    else:
        w.table([r.t(k) for k in ("col_no", "col_directive", "col_title", "col_province_cell", "communes", "departments")],
                [(str(i), *row) for i, row in enumerate(directive_rows(r), 1)],
                [1.2, 2.8, 5.0, 1.8, 2.9, 2.8], numeric=(0,), size=10.5)  # fmt: skip
        w.heading(f"4. {r.t('uncovered_units')} ({format_int(r.uncovered_count, lang)})", 2)
        # One row per directive with the units that lack a document: communes can be thousands.
        w.table([r.t("col_no"), r.t("col_directive"), r.t("col_units")],
                [(str(n), _docx_doc(g, source=False), _units_text(units, lang))
                 for n, (g, units) in enumerate(units_by_directive(r.coverage_rows), 1)],
                [1.3, 6.2, 9.0], numeric=(0,), size=11)  # fmt: skip
    # III. Gaps by kind
    w.heading(f"III. {r.t('sec_gaps').upper()}")
    if not r.gaps:
        w.para(r.t("no_gaps"), indent=True)
    else:
        items = kind_series(r)
        w.table([r.t("kind"), r.t("count")], [(k, format_int(int(v), lang)) for k, v in items], [12.5, 4.0],
                numeric=(1,), size=12)  # fmt: skip
        w.chart(charts.hbar_png(items, title=r.t("chart_gaps_by_kind"), lang=lang), items)
        if r.low_count:
            w.para(r.t("review_mark_note", mark=REVIEW_MARK), italic=True, size=12, indent=True)
        for i, (kind, rows) in enumerate(r.gaps.items(), 1):
            w.heading(f"{i}. {gap_kind_label(kind, lang)} ({len(rows)})", 2)
            w.table(
                [r.t(k) for k in ("col_no", "col_document", "col_unit", "col_reason", "col_evidence", "col_due")],
                [(str(n), _docx_doc(g, mark=g.low), g.unit, g.reason + (f" ({r.t('col_related')}: {g.related})" if g.related else ""),
                  _docx_evidence(g, lang), g.due) for n, g in enumerate(rows, 1)],
                [1.3, 3.8, 2.3, 3.2, 5.9 - DUE_CM, DUE_CM], numeric=(0,), size=10.5, dates=(5,),
            )  # fmt: skip
    # IV. Timeline
    months, series = month_series(r)
    w.heading(f"IV. {r.t('sec_timeline').upper()}")
    if months:
        w.table([r.t("month"), *(name for name, _ in series)],
                [(m, *(format_int(int(vals[i]), lang) for _, vals in series)) for i, m in enumerate(months)
                 if any(vals[i] for _, vals in series)],  # the months with an event; the chart shows all
                [5.5, 5.5, 5.5], numeric=(1, 2), size=12)  # fmt: skip
        w.image(charts.columns_png(months, series, title=r.t("sec_timeline"), lang=lang))
    else:
        w.para(r.t("no_data"), indent=True)
    # V. Findings, VI. Proposals: the office's text, or the largest gaps and lines to fill.
    w.heading(f"V. {r.t('sec_findings').upper()}")
    for line in r.findings():
        w.para(line, indent=True)
    w.heading(f"VI. {r.t('sec_proposals').upper()}")
    for line in r.proposals():
        w.para(line, indent=True)
    w.para()
    _signature(w, r)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _units_text(units: list[str], lang: Lang) -> str:
    if len(units) == 1:
        return units[0]
    return f"{t('units_count', lang, n=format_int(len(units), lang))}: {'; '.join(units)}."


def _docx_doc(g: GapRow, *, source: bool = True, mark: bool = False) -> str:
    """The document of a row: number (with the low-confidence mark when ``mark``), date, title, file."""
    parts = [f"{g.doc_type} {g.label}".strip() if g.number else g.label]
    if mark:
        parts[0] += f" {REVIEW_MARK}"
    if g.date:
        parts.append(g.date)
    if g.title:
        parts.append(truncate(g.title, 160))
    if g.source and source:
        parts.append(f"[{g.source}]")
    return "\n".join(parts)


def _docx_evidence(g: GapRow, lang: Lang) -> str:
    if not g.evidence:
        return ""
    text = f"“{truncate(g.evidence[0], 220)}”"
    if len(g.evidence) > 1:
        text += f" ({t('more_evidence', lang, n=len(g.evidence) - 1)})"
    return text
