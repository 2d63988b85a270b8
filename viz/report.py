"""Province gap reports: HTML, XLSX and DOCX, in Vietnamese by default or in English.

``render_report`` turns one province's model (``graph.province_report.ProvinceReport``: summary,
document gaps, directive coverage, the snapshot and the date asked) into the bytes of one report.
``write_province_reports`` writes them for many provinces at once, with an ``index.html`` that
keeps the rows of provinces written before.

- HTML is one self-contained file (inline CSS, inline SVG charts, nothing fetched): it works offline.
- XLSX has a summary sheet with a chart of gaps by kind, one sheet per gap kind present (header
  bold and frozen, AutoFilter on) and the communes with no document.
- DOCX is laid out as a Vietnamese administrative report (Nghị định 30/2020/NĐ-CP): header table,
  "BÁO CÁO" and its subject, numbered sections, one table per gap kind, "Nơi nhận" at the end.

Every report states the snapshot it was made from: corpus hash, number of files and time.
"""

import datetime as dt
import io
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any, Literal, cast

from docx.enum.text import WD_ALIGN_PARAGRAPH as ALIGN

from graph.province_report import ProvinceReport
from graph.views import UNKNOWN_PROVINCE, current_provinces
from ingest.gazetteer import fold
from ontology.gaps import DOCUMENT_GAP_KINDS, Gap
from viz import charts
from viz.i18n import (
    GAP_KIND_SHEETS,
    Lang,
    doc_type_label,
    format_date,
    format_int,
    format_percent,
    gap_kind_label,
    level_label,
    old_names_text,
    reason_text,
    report_date_line,
    t,
)

__all__ = [
    "FORMATS",
    "Format",
    "ReportHeader",
    "province_gaps",
    "render_report",
    "report_filename",
    "slug",
    "write_province_reports",
]

type Format = Literal["html", "xlsx", "docx"]
FORMATS: tuple[Format, ...] = ("html", "xlsx", "docx")

VN_TZ = dt.timezone(dt.timedelta(hours=7))
EVIDENCE_CHARS = 180
UNITS_SHOWN = 12  # units of a directive listed before the rest fold away (HTML)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")


@dataclass(frozen=True, slots=True)
class ReportHeader:
    """What the DOCX (and HTML) header says; each ``None`` takes a default from the province.

    ``governing_body`` is the line above the issuing body (default "HỆ THỐNG THEO DÕI VĂN BẢN"),
    ``issuing_body`` the bold line (default the province in capitals, e.g. "THÀNH PHỐ HẢI PHÒNG"),
    ``symbol`` goes after "Số: …/", ``place`` and ``date`` make the "<place>, ngày … tháng … năm …"
    line (default the province and the snapshot's date in Viet Nam time).
    """

    governing_body: str | None = None
    issuing_body: str | None = None
    symbol: str = "BC-HTTD"
    place: str | None = None
    date: dt.date | None = None
    recipients: tuple[str, ...] | None = None
    signer_title: str | None = None
    signer_name: str | None = None


# -- the report's content, shared by the three formats -------------------------------------------


def _clean(value: object) -> str:
    """Text safe for XML and spreadsheets: no control characters, whitespace runs collapsed."""
    if value is None:
        return ""
    return " ".join(_CONTROL.sub(" ", str(value)).split())


def _title(value: object) -> str:
    """A title without the decorative rule some documents put after it (``-----``)."""
    return re.sub(r"\s*(?:[-_–—=*]{3,}|_+)$", "", _clean(value))


def _short_key(key: str) -> str:
    return key.split("@", 1)[0]


def slug(province: str) -> str:
    """ASCII file stem of a province: ``Hải Phòng`` → ``hai-phong``."""
    return fold(province).replace(" ", "-") or "province"


def report_filename(province: str, fmt: str) -> str:
    return f"{slug(province)}.{fmt}"


def province_gaps(gaps: Iterable[Gap], province: str) -> list[Gap]:
    """The gap rows of one current province (compared diacritic- and case-insensitively)."""
    want = fold(province)
    return [g for g in gaps if fold(g.province or "") == want]


@dataclass(slots=True)
class _Gap:
    kind: str
    key: str
    number: str
    label: str
    doc_type: str
    title: str
    date: str
    iso_date: str
    unit: str
    unit_level: str
    level: str
    reason: str
    evidence: list[str]
    due: str
    iso_due: str
    source: str
    related: str


@dataclass(slots=True)
class _Report:
    lang: Lang
    province: str
    full_name: str
    kind_word: str
    old_names: list[str]
    old_text: str
    summary: dict[str, Any]
    snapshot_hash: str
    snapshot_files: str
    snapshot_files_n: int
    snapshot_time: str
    snapshot_iso: str
    as_of: str
    date: dt.date
    header: ReportHeader
    gaps: dict[str, list[_Gap]] = field(default_factory=dict)  # document gaps by kind
    coverage_rows: list[_Gap] = field(default_factory=list)  # uncovered units (unit_coverage rows)
    directives: list[dict[str, Any]] = field(default_factory=list)  # coverage per directive

    def t(self, key: str, **fields: object) -> str:
        return t(key, self.lang, **fields)

    @property
    def gap_count(self) -> int:
        """Document gaps (unit coverage is counted apart: ``uncovered_count``)."""
        return sum(len(v) for v in self.gaps.values())

    @property
    def uncovered_count(self) -> int:
        return len(self.coverage_rows)

    @property
    def running_name(self) -> str:
        """The province inside a sentence: ``thành phố Hải Phòng``, ``tỉnh Quảng Ngãi``."""
        return f"{self.kind_word.lower()} {self.province}" if self.lang == "vi" else self.full_name

    @property
    def subject(self) -> str:
        return self.t("subject", province=self.running_name)

    @property
    def title_line(self) -> str:
        return f"{self.t('report_title')} – {self.full_name}"

    @property
    def governing_body(self) -> str:
        return self.header.governing_body or self.t("governing_body")

    @property
    def issuing_body(self) -> str:
        return self.header.issuing_body or self.full_name.upper()

    @property
    def date_line(self) -> str:
        return report_date_line(self.header.place or self.province, self.date, self.lang)

    @property
    def snapshot_line(self) -> str:
        line = (
            f"{self.t('snapshot_hash')}: {self.snapshot_hash} · {self.t('snapshot_files')}: "
            f"{self.snapshot_files} · {self.t('snapshot_time')}: {self.snapshot_time}"
        )
        return f"{line} · {self.t('as_of')}: {self.as_of}" if self.as_of else line

    def recipients(self) -> list[str]:
        if self.header.recipients is not None:
            return list(self.header.recipients)
        return self.t("recipients_default", province=self.running_name).split("|")


def _evidence_texts(evidence: Any) -> list[str]:
    items = evidence if isinstance(evidence, list) else [evidence]
    out: list[str] = []
    for item in items:
        text = _clean(item.get("text") if isinstance(item, dict) else item)
        if text and text not in out:
            out.append(text)
    return out


def _gap(row: Gap, lang: Lang) -> _Gap:
    key = row.document
    number = _clean(row.number)
    doc_type = _clean(row.doc_type)
    if number:
        label = number
    elif doc_type:
        label = f"{doc_type_label(doc_type, lang)} {t('no_number', lang)}"
    else:
        label = key
    date, due = _clean(row.date), _clean(row.due)
    return _Gap(
        kind=row.kind.value,
        key=key,
        number=number,
        label=label,
        doc_type=doc_type_label(doc_type, lang) if doc_type else "",
        title=_title(row.title),
        date=format_date(date, lang),
        iso_date=date,
        unit=_clean(row.unit),
        unit_level=level_label(row.unit_level, lang) if row.unit_level else "",
        level=level_label(row.level, lang) if row.level else "",
        reason=_clean(reason_text(row.reason, lang)),
        evidence=_evidence_texts(list(row.evidence)),
        due=format_date(due, lang),
        iso_due=due,
        source=Path(row.source).name if row.source else "",
        related=", ".join(_short_key(r) for r in row.related),
    )


def _province_info(summary: dict[str, Any]) -> dict[str, Any]:
    code = summary.get("code")
    name = fold(summary.get("province") or "")
    for p in current_provinces():
        if p["code"] == code or fold(p["name"]) == name:
            return p
    return {
        "name": summary.get("province") or "",
        "full_name": summary.get("province") or "",
        "old_names": [],
    }


def _snapshot_time(snapshot: dict[str, Any], lang: Lang) -> tuple[str, dt.date]:
    raw = str(snapshot.get("time") or "")
    try:
        when = dt.datetime.fromisoformat(raw)
    except ValueError:
        return raw, dt.datetime.now(VN_TZ).date()
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    local = when.astimezone(VN_TZ)
    stamp = local.strftime("%d/%m/%Y %H:%M") if lang == "vi" else local.strftime("%Y-%m-%d %H:%M")
    return f"{stamp} ({t('vn_time', lang)}, UTC+7)", local.date()


def _due_key(g: _Gap) -> tuple[int, str]:
    return (0, g.iso_due) if g.iso_due else (1, "")


def _prepare(model: ProvinceReport, lang: Lang, header: ReportHeader | None) -> _Report:
    summary, snapshot = model.summary, model.snapshot
    if lang not in ("vi", "en"):
        msg = f"unknown language {lang!r}; expected 'vi' or 'en'"
        raise ValueError(msg)
    info = _province_info(summary)
    province = str(summary.get("province") or info["name"])
    is_city = str(info.get("full_name", "")).startswith("Thành phố")
    kind_word = t("province_kind_city" if is_city else "province_kind_province", lang)
    full_name = f"{kind_word} {province}" if lang == "vi" else f"{province} {kind_word}"
    old_names = list(summary.get("old_names") or info.get("old_names") or [])
    stamp, date = _snapshot_time(snapshot, lang)
    header = header or ReportHeader()
    report = _Report(
        lang=lang,
        province=province,
        full_name=full_name,
        kind_word=kind_word,
        old_names=old_names,
        old_text=old_names_text(old_names, lang),
        summary=summary,
        snapshot_hash=_clean(snapshot.get("corpus_hash")) or "?",
        snapshot_files=format_int(int(snapshot.get("files") or 0), lang),
        snapshot_files_n=int(snapshot.get("files") or 0),
        snapshot_time=stamp,
        snapshot_iso=str(snapshot.get("time") or ""),
        as_of=format_date(_clean(snapshot.get("as_of")), lang),
        date=header.date or date,
        header=header,
    )
    for kind in DOCUMENT_GAP_KINDS:
        rows = [_gap(g, lang) for g in model.gaps if g.kind == kind]
        if kind in ("no_report", "report_overdue"):
            rows.sort(key=_due_key)
        if rows:
            report.gaps[kind] = rows
    report.coverage_rows = [_gap(g, lang) for g in model.coverage_gaps]
    report.directives = _directive_coverage(model)
    return report


def _directive_coverage(model: ProvinceReport) -> list[dict[str, Any]]:
    """Per directive: its label and title, and the cells covered and in total by unit level."""
    out: dict[str, dict[str, Any]] = {}
    for c in model.coverage:
        d = out.setdefault(c.directive, {"key": c.directive, "levels": {}})
        t_ = d["levels"].setdefault(c.unit_level, [0, 0])
        t_[0] += c.covered
        t_[1] += 1
    for key, d in out.items():
        a = model.directives.get(key, {})
        d["label"] = a.get("number") or _short_key(key)
        d["title"] = _title(a.get("title"))
    return list(out.values())


def _levels(r: _Report) -> list[tuple[str, float]]:
    order = ["central", "province", "district", "commune", "unknown"]
    by_level: dict[str, int] = r.summary.get("documents_by_level") or {}
    keys = sorted(by_level, key=lambda k: order.index(k) if k in order else len(order))
    return [(level_label(k, r.lang), float(by_level[k])) for k in keys]


def _types(r: _Report) -> list[tuple[str, float]]:
    by_type: dict[str, int] = r.summary.get("documents_by_type") or {}
    return [(doc_type_label(k, r.lang), float(v)) for k, v in sorted(by_type.items(), key=lambda kv: -kv[1])]


def _departments(r: _Report) -> tuple[int, int]:
    deps = r.summary.get("departments") or []
    return sum(1 for d in deps if d.get("has_document")), len(deps)


def _coverage(r: _Report) -> list[tuple[str, float]]:
    """Coverage by level, in percent: provincial departments, then communes."""
    dep_cov, dep_total = _departments(r)
    com_cov, com_total = (
        int(r.summary.get("communes_covered") or 0),
        int(r.summary.get("communes_total") or 0),
    )
    out = []
    if dep_total:
        out.append((r.t("departments"), 100 * dep_cov / dep_total))
    if com_total:
        out.append((r.t("communes"), 100 * com_cov / com_total))
    return out


def _by_kind(r: _Report) -> list[tuple[str, float]]:
    return [(gap_kind_label(k, r.lang), float(len(v))) for k, v in r.gaps.items()]


def _months(r: _Report) -> tuple[list[str], list[tuple[str, list[float]]]]:
    issued: dict[str, int] = r.summary.get("issued_by_month") or {}
    due: dict[str, int] = r.summary.get("deadlines_by_month") or {}
    months = sorted(set(issued) | set(due))
    labels = [format_date(m, r.lang) for m in months]
    return labels, [
        (r.t("issued"), [float(issued.get(m, 0)) for m in months]),
        (r.t("deadlines"), [float(due.get(m, 0)) for m in months]),
    ]


def _pct(value: float, lang: Lang) -> str:
    s = f"{value:.1f}%"
    return s.replace(".", ",") if lang == "vi" else s


def _units_by_directive(rows: list[_Gap]) -> list[tuple[_Gap, list[str]]]:
    grouped: dict[str, tuple[_Gap, list[str]]] = {}
    for g in rows:
        grouped.setdefault(g.key, (g, []))[1].append(g.unit)
    return list(grouped.values())


def _overview_rows(r: _Report) -> list[tuple[str, str]]:
    s = r.summary
    dep_cov, dep_total = _departments(r)
    com_cov, com_total = int(s.get("communes_covered") or 0), int(s.get("communes_total") or 0)
    rows = [(r.t("province"), r.full_name)]
    if r.old_names:
        rows.append((r.t("old_provinces"), ", ".join(r.old_names)))
    rows += [
        (r.t("documents"), format_int(int(s.get("documents") or 0), r.lang)),
        (r.t("edges"), format_int(int(s.get("edges") or 0), r.lang)),
        (r.t("gaps_total"), format_int(r.gap_count, r.lang)),
        (r.t("uncovered_units"), format_int(r.uncovered_count, r.lang)),
        (r.t("communes"), f"{format_int(com_cov, r.lang)}/{format_int(com_total, r.lang)} "
                          f"({format_percent(com_cov, com_total, r.lang)})"),
        (r.t("departments"), f"{dep_cov}/{dep_total} ({format_percent(dep_cov, dep_total, r.lang)})"),
    ]  # fmt: skip
    return rows


# -- HTML -----------------------------------------------------------------------------------------

_CSS = """
:root{--ink:#1b1b1b;--muted:#5a5a5a;--line:#c8c8c8;--accent:#1f4e79;--bad:#a33;--ok:#2d6a2d}
*{box-sizing:border-box}
body{font-family:'Times New Roman',Times,serif;color:var(--ink);margin:0 auto;max-width:1100px;
 padding:24px 28px;font-size:16px;line-height:1.45;background:#fff}
.head{display:grid;grid-template-columns:2fr 3fr;gap:12px;text-align:center;margin-bottom:18px}
.head div{margin:0}.pre{white-space:pre}.b{font-weight:bold}.i{font-style:italic}.u{text-decoration:underline}
.line{width:35%;margin:4px auto 6px;border-top:1px solid var(--ink)}
h1{text-align:center;font-size:22px;margin:18px 0 4px;letter-spacing:.5px}
.subject{text-align:center;font-weight:bold;margin:0}.old{text-align:center;margin:2px 0 10px}
.snapshot{font-size:13px;color:var(--muted);text-align:center;margin:6px 0 16px}
code{font-family:Consolas,'Courier New',monospace;font-size:.95em}
nav{border:1px solid var(--line);padding:8px 14px;margin:12px 0 18px;font-size:14px}
nav a{color:var(--accent)}
h2{font-size:19px;border-bottom:2px solid var(--accent);padding-bottom:3px;margin-top:30px}
h3{font-size:17px;margin:22px 0 6px}
table{border-collapse:collapse;width:100%;margin:8px 0 14px;font-size:14px}
th,td{border:1px solid var(--line);padding:4px 6px;vertical-align:top;text-align:left}
th{background:#eef2f7;position:sticky;top:0}
td.n{text-align:right;white-space:nowrap}td.c{text-align:center}
table.kv{width:auto;min-width:50%}table.kv th{width:60%}
.yes{color:var(--ok);font-weight:bold}.no{color:var(--bad)}
q{font-style:italic;quotes:"“" "”"}.more{color:var(--muted);font-size:12px}
.charts{display:flex;flex-wrap:wrap;gap:18px 28px;margin:10px 0}.chart{max-width:100%;height:auto}
ul.units{columns:3 220px;margin:6px 0 12px;padding-left:20px;font-size:14px}
.count{color:var(--muted);font-weight:normal}
summary{cursor:pointer}details[open] summary{margin-bottom:4px}
footer{margin-top:36px;border-top:1px solid var(--line);padding-top:8px;font-size:13px;color:var(--muted)}
@media print{body{max-width:none;padding:0;font-size:13pt}nav{display:none}th{position:static}
 section{break-inside:auto}h2,h3{break-after:avoid}tr{break-inside:avoid}}
"""


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _truncate(text: str, limit: int = EVIDENCE_CHARS) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return (cut if len(cut) > limit // 2 else text[:limit]) + "…"


def _html_evidence(g: _Gap, lang: Lang) -> str:
    if not g.evidence:
        return ""
    first = g.evidence[0]
    out = f'<q title="{_e(first)}">{_e(_truncate(first))}</q>'
    if len(g.evidence) > 1:
        rest = "\n\n".join(g.evidence[1:])
        out += f' <span class="more" title="{_e(rest)}">({_e(t("more_evidence", lang, n=len(g.evidence) - 1))})</span>'
    return out


def _html_doc_cell(g: _Gap) -> str:
    out = f'<span class="b">{_e(g.label)}</span>'
    if g.doc_type and g.number:
        out = f"{_e(g.doc_type)} {out}"
    if g.date:
        out += f"<br>{_e(g.date)}"
    if g.key and _short_key(g.key) != g.number:
        out += f'<br><code title="{_e(g.key)}">{_e(_truncate(g.key, 40))}</code>'
    return out


def _html_gap_table(r: _Report, kind: str, rows: list[_Gap]) -> str:
    lang = r.lang
    if kind == "unit_coverage":
        head = [t("col_no", lang), t("col_directive", lang), t("col_title", lang), t("col_units", lang)]
        body = []
        for i, (g, units) in enumerate(_units_by_directive(rows), 1):
            count = _e(t("units_count", lang, n=format_int(len(units), lang)))
            if len(units) > UNITS_SHOWN:
                # A long list folds away (the XLSX sheet has one filterable row per unit).
                names = (f"<details><summary><b>{count}</b>: {_e(', '.join(units[:UNITS_SHOWN]))}, …</summary>"
                         f"{_e(', '.join(units))}</details>")  # fmt: skip
            elif len(units) > 1:
                names = f"<b>{count}</b>: " + _e(", ".join(units))
            else:
                names = _e(units[0])
            body.append(
                f'<tr data-document="{_e(g.key)}"><td class="n">{i}</td><td>{_html_doc_cell(g)}</td>'
                f"<td>{_e(g.title)}</td><td>{names}</td></tr>"
            )
    else:
        head = [t(k, lang) for k in ("col_no", "col_document", "col_title", "col_unit", "col_reason",
                                      "col_evidence", "col_due", "col_source")]  # fmt: skip
        body = []
        for i, g in enumerate(rows, 1):
            cells = [
                f'<td class="n">{i}</td>',
                f"<td>{_html_doc_cell(g)}</td>",
                f"<td>{_e(g.title)}</td>",
                f"<td>{_e(g.unit)}</td>",
                f"<td>{_e(g.reason)}"
                + (
                    f"<br><span class=more>{_e(t('col_related', lang))}: {_e(g.related)}</span>"
                    if g.related
                    else ""
                )
                + "</td>",
                f"<td>{_html_evidence(g, lang)}</td>",
                f'<td class="c">{_e(g.due)}</td>',
                f"<td><code>{_e(g.source)}</code></td>",
            ]
            body.append(f'<tr data-document="{_e(g.key)}">{"".join(cells)}</tr>')
    ths = "".join(f"<th>{_e(h)}</th>" for h in head)
    return f'<table class="gaps" data-kind="{_e(kind)}"><thead><tr>{ths}</tr></thead><tbody>{"".join(body)}</tbody></table>'


def _level_cell(levels: dict[str, list[int]], level: str, lang: Lang) -> str:
    covered, total = levels.get(level, [0, 0])
    return f"{format_int(covered, lang)}/{format_int(total, lang)} ({format_percent(covered, total, lang)})"


def _directive_rows(r: _Report) -> list[tuple[str, str, str, str, str]]:
    """Per directive: label, title, province covered, communes and departments covered/total."""
    return [
        (d["label"], d["title"], r.t("yes") if d["levels"].get("province", [0])[0] else r.t("no"),
         _level_cell(d["levels"], "commune", r.lang), _level_cell(d["levels"], "department", r.lang))
        for d in r.directives
    ]  # fmt: skip


def _html_directives(r: _Report) -> str:
    """Coverage per tracked directive, then the units that lack a document (counted apart from gaps)."""
    head = "".join(f"<th>{_e(r.t(k))}</th>" for k in ("col_no", "col_directive", "col_title", "col_province_cell",
                                                       "communes", "departments"))  # fmt: skip
    body = "".join(
        f'<tr><td class="n">{i}</td>' + "".join(f"<td>{_e(v)}</td>" for v in row) + "</tr>"
        for i, row in enumerate(_directive_rows(r), 1)
    )
    out = (
        f'<h3 id="directives">{_e(r.t("sec_directives"))} <span class=count>({len(r.directives)})</span></h3>'
    )
    if not r.directives:
        return out + f"<p>{_e(r.t('directives_none'))}</p>"
    out += f'<table class="directives"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
    out += (f'<h3 id="gap-unit_coverage">{_e(r.t("uncovered_units"))} '
            f"<span class=count>({format_int(r.uncovered_count, r.lang)})</span></h3>")  # fmt: skip
    if r.coverage_rows:
        out += _html_gap_table(r, "unit_coverage", r.coverage_rows)
    return out


def _render_html(r: _Report) -> bytes:
    lang = r.lang
    s = r.summary
    sections = [("overview", r.t("sec_overview")), ("coverage", r.t("sec_coverage")),
                ("gaps", r.t("sec_gaps")), ("timeline", r.t("sec_timeline"))]  # fmt: skip
    h: list[str] = [
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(r.title_line)}</title>"
        f'<meta name="generator" content="directive-lineage">'
        f'<meta name="snapshot" content="{_e(r.snapshot_hash)} {_e(r.snapshot_iso)}">'
        f"<style>{_CSS}</style></head><body>",
        '<header class="head"><div>'
        f"<div>{_e(r.governing_body)}</div><div class=b>{_e(r.issuing_body)}</div><div class=line></div>"
        f"<div class=pre>{_e(r.t('number_line', symbol=r.header.symbol))}</div></div><div>"
        f"<div class=b>{_e(r.t('nation'))}</div><div class='b u'>{_e(r.t('motto'))}</div>"
        f"<div class=i>{_e(r.date_line)}</div></div></header>",
        f"<h1>{_e(r.t('report'))}</h1><p class=subject>{_e(r.subject)}</p>",
    ]
    if r.old_text:
        h.append(f"<p class=old>({_e(r.old_text)})</p>")
    h.append(
        f'<p class="snapshot" id="snapshot">{_e(r.t("snapshot"))}: {_e(r.t("snapshot_hash"))} '
        f"<code>{_e(r.snapshot_hash)}</code> · {_e(r.t('snapshot_files'))}: {_e(r.snapshot_files)} · "
        f"{_e(r.t('snapshot_time'))}: {_e(r.snapshot_time)}"
        + (f" · {_e(r.t('as_of'))}: {_e(r.as_of)}" if r.as_of else "")
        + "</p>"
    )
    h.append(
        f"<nav><b>{_e(r.t('contents'))}</b>: "
        + " · ".join(
            f'<a href="#{sid}">{_ROMAN[i]}. {_e(name)}</a>' for i, (sid, name) in enumerate(sections)
        )
        + "</nav>"
    )
    # I. Overview
    kv = "".join(f"<tr><th>{_e(k)}</th><td>{_e(v)}</td></tr>" for k, v in _overview_rows(r))
    h.append(
        f'<section id="overview"><h2>I. {_e(sections[0][1])}</h2><table class="kv">{kv}</table><div class=charts>'
        + charts.hbar_svg(_levels(r), title=r.t("by_level"), empty_text=r.t("no_data"), width=520)
        + charts.hbar_svg(_types(r), title=r.t("by_type"), empty_text=r.t("no_data"), width=520)
        + "</div></section>"
    )
    # II. Coverage
    dep_cov, dep_total = _departments(r)
    com_cov, com_total = int(s.get("communes_covered") or 0), int(s.get("communes_total") or 0)
    deps = "".join(
        f'<tr><td class="n">{i}</td><td>{_e(d.get("name"))}</td>'
        + (
            f'<td class="c yes">{_e(r.t("yes"))}</td>'
            if d.get("has_document")
            else f'<td class="c no">{_e(r.t("no"))}</td>'
        )
        + "</tr>"
        for i, d in enumerate(s.get("departments") or [], 1)
    )
    missing = list(s.get("communes_without_document") or [])
    communes = (
        f'<h3 id="communes">{_e(r.t("sec_communes"))} <span class=count>({format_int(len(missing), lang)})</span></h3>'
        + (
            '<ul class="units">' + "".join(f"<li>{_e(c)}</li>" for c in missing) + "</ul>"
            if missing
            else f"<p>{_e(r.t('communes_none'))}</p>"
        )
    )
    h.append(
        f'<section id="coverage"><h2>II. {_e(sections[1][1])}</h2><div class=charts>'
        + charts.hbar_svg(
            _coverage(r),
            title=r.t("coverage_by_level"),
            empty_text=r.t("no_data"),
            max_value=100,
            value_text=lambda v: _pct(v, lang),
        )
        + "</div>"
        + f"<p>{_e(r.t('communes_covered_line', covered=format_int(com_cov, lang), total=format_int(com_total, lang), rate=format_percent(com_cov, com_total, lang)))}</p>"
        + f"<p>{_e(r.t('departments_line', covered=dep_cov, total=dep_total, rate=format_percent(dep_cov, dep_total, lang)))}</p>"
        + f"<h3>{_e(r.t('departments'))}</h3><table><thead><tr><th>{_e(r.t('col_no'))}</th><th>{_e(r.t('department'))}</th>"
        f"<th>{_e(r.t('has_document'))}</th></tr></thead><tbody>{deps}</tbody></table>"
        + communes
        + _html_directives(r)
        + "</section>"
    )
    # III. Gaps by kind
    h.append(f'<section id="gaps"><h2>III. {_e(sections[2][1])}</h2>')
    if r.gaps:
        h.append(
            "<div class=charts>"
            + charts.hbar_svg(_by_kind(r), title=r.t("chart_gaps_by_kind"), empty_text=r.t("no_data"))
            + "</div><table class=kv><thead><tr>"
            + f"<th>{_e(r.t('kind'))}</th><th>{_e(r.t('count'))}</th></tr></thead><tbody>"
            + "".join(
                f'<tr><td><a href="#gap-{_e(k)}">{_e(gap_kind_label(k, lang))}</a></td><td class="n">{len(v)}</td></tr>'
                for k, v in r.gaps.items()
            )
            + "</tbody></table>"
        )
        for i, (kind, rows) in enumerate(r.gaps.items(), 1):
            h.append(
                f'<h3 id="gap-{_e(kind)}">{i}. {_e(gap_kind_label(kind, lang))} <span class=count>({len(rows)})</span></h3>'
                + _html_gap_table(r, kind, rows)
            )
    else:
        h.append(f"<p>{_e(r.t('no_gaps'))}</p>")
    h.append("</section>")
    # IV. Timeline
    months, series = _months(r)
    h.append(
        f'<section id="timeline"><h2>IV. {_e(sections[3][1])}</h2><div class=charts>'
        + charts.columns_svg(months, series, title=r.t("sec_timeline"), empty_text=r.t("no_data"), width=720)
        + "</div>"
    )
    if months:
        h.append(
            f"<table class=kv><thead><tr><th>{_e(r.t('month'))}</th>"
            + "".join(f"<th>{_e(name)}</th>" for name, _ in series)
            + "</tr></thead><tbody>"
            + "".join(
                f"<tr><td>{_e(m)}</td>"
                + "".join(f'<td class="n">{int(vals[i])}</td>' for _, vals in series)
                + "</tr>"
                for i, m in enumerate(months)
            )
            + "</tbody></table>"
        )
    h.append("</section>")
    h.append(f"<footer>{_e(r.t('generated_by'))} · {_e(r.snapshot_line)}</footer></body></html>\n")
    return "".join(h).encode("utf-8")


def _render_index(entries: Sequence[dict[str, Any]], formats: Sequence[str], snapshot: dict[str, Any],
                  lang: Lang) -> bytes:  # fmt: skip
    stamp, _ = _snapshot_time(snapshot, lang)
    title = t("index_title", lang)
    head = [t("col_no", lang), t("province", lang), t("old_provinces", lang), t("documents", lang),
            t("edges", lang), t("gaps_total", lang), t("uncovered_units", lang), t("as_of", lang),
            t("files", lang)]  # fmt: skip
    rows = []
    for i, e in enumerate(entries, 1):
        links = " · ".join(
            f'<a href="{_e(e["files"][f])}">{_e(f.upper())}</a>' for f in formats if f in e["files"]
        )
        rows.append(
            f'<tr><td class="n">{i}</td><td>{_e(e["full_name"])}</td><td>{_e(", ".join(e["old_names"]))}</td>'
            f'<td class="n">{format_int(e["documents"], lang)}</td><td class="n">{format_int(e["edges"], lang)}</td>'
            f'<td class="n">{format_int(e["gaps"], lang)}</td>'
            f'<td class="n">{format_int(int(e.get("uncovered_units") or 0), lang)}</td>'
            f"<td>{_e(format_date(e.get('as_of'), lang))}</td><td>{links}</td></tr>"
        )
    html = (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(title)}</title><style>{_CSS}</style></head><body>"
        f"<h1>{_e(title)}</h1>"
        f'<p class="snapshot">{_e(t("snapshot", lang))}: {_e(t("snapshot_hash", lang))} '
        f"<code>{_e(snapshot.get('corpus_hash') or '?')}</code> · {_e(t('snapshot_files', lang))}: "
        f"{_e(format_int(int(snapshot.get('files') or 0), lang))} · {_e(t('snapshot_time', lang))}: {_e(stamp)}</p>"
        "<table><thead><tr>" + "".join(f"<th>{_e(x)}</th>" for x in head) + "</tr></thead><tbody>"
        + "".join(rows) + "</tbody></table>"
        f"<footer>{_e(t('generated_by', lang))}</footer></body></html>\n"
    )  # fmt: skip
    return html.encode("utf-8")


# -- XLSX -----------------------------------------------------------------------------------------

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
                      number_format="DD/MM/YYYY" if lang == "vi" else "YYYY-MM-DD")  # fmt: skip
    for style in (head, body, wrap, date):
        wb.add_named_style(style)


def _xl_table(ws: Any, header: Sequence[str], rows: Sequence[Sequence[object]], widths: Sequence[float],
              lang: Lang, wrap: Sequence[int] = ()) -> None:  # fmt: skip
    """A sheet holding one table from A1: header bold, filled and frozen, AutoFilter, widths, wrap."""
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

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
        # Row heights for the wrapped columns: not every spreadsheet program fits them on opening.
        if lines > 1:
            ws.row_dimensions[i].height = 15 * min(lines, 14)
    last = get_column_letter(len(header))
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{last}{len(rows) + 1}"
    for i, w in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = w
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _render_xlsx(r: _Report) -> bytes:
    from openpyxl import Workbook  # type: ignore[import-untyped]
    from openpyxl.chart import BarChart, Reference  # type: ignore[import-untyped]
    from openpyxl.styles import Font  # type: ignore[import-untyped]

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
    dep_cov, dep_total = _departments(r)
    com_cov, com_total = int(s.get("communes_covered") or 0), int(s.get("communes_total") or 0)
    block(r.t("sec_overview"), [r.t("indicator"), r.t("value")], [
        (r.t("province"), r.full_name),
        *([(r.t("old_provinces"), ", ".join(r.old_names))] if r.old_names else []),
        (r.t("documents"), int(s.get("documents") or 0)),
        (r.t("edges"), int(s.get("edges") or 0)),
        (r.t("gaps_total"), r.gap_count),
        (r.t("uncovered_units"), r.uncovered_count),
    ])  # fmt: skip
    block(r.t("sec_directives"), [r.t(k) for k in ("col_directive", "col_title", "col_province_cell", "communes",
                                                    "departments")], _directive_rows(r))  # fmt: skip
    cov_first, cov_last = block(r.t("sec_coverage"), [r.t("level"), r.t("covered"), r.t("total"), r.t("rate")], [
        (r.t("departments"), dep_cov, dep_total, round(dep_cov / dep_total, 4) if dep_total else None),
        (r.t("communes"), com_cov, com_total, round(com_cov / com_total, 4) if com_total else None),
    ])  # fmt: skip
    for row in ws.iter_rows(min_row=cov_first, max_row=cov_last, min_col=4, max_col=4):
        for c in row:
            c.number_format = "0.0%"
    block(r.t("by_level"), [r.t("level"), r.t("count")], [(k, int(v)) for k, v in _levels(r)])
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
        chart.add_data(
            Reference(ws, min_col=2, min_row=kind_first - 1, max_row=kind_last), titles_from_data=True
        )
        chart.set_categories(Reference(ws, min_col=1, min_row=kind_first, max_row=kind_last))
        chart.height = max(6.0, 1.2 * len(r.gaps) + 3)
        chart.width = 16
        ws.add_chart(chart, f"A{ws.max_row + 3}")
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True

    sheets = list(r.gaps.items()) + ([("unit_coverage", r.coverage_rows)] if r.coverage_rows else [])
    for kind, rows in sheets:
        sheet = wb.create_sheet(_sheet_title(_pick_sheet(kind, lang), taken))
        if kind == "unit_coverage":
            header = [t(k, lang) for k in ("col_no", "col_unit", "col_level", "col_directive", "col_title",
                                            "col_date", "col_reason", "col_key")]  # fmt: skip
            data: list[Sequence[object]] = [
                (i, g.unit, g.unit_level, g.label, g.title, _xl_date(g.iso_date, g.date), g.reason, g.key)
                for i, g in enumerate(rows, 1)
            ]
            _xl_table(sheet, header, data, [6, 28, 12, 18, 50, 13, 50, 30], lang, wrap=(4, 6))
        else:
            header = [t(k, lang) for k in ("col_no", "col_number", "col_type", "col_title", "col_date", "col_unit",
                                            "col_level", "col_reason", "col_evidence", "col_due", "col_source",
                                            "col_related", "col_key")]  # fmt: skip
            data = [
                (i, g.label, g.doc_type, g.title, _xl_date(g.iso_date, g.date), g.unit, g.level, g.reason,
                 "\n\n".join(g.evidence), _xl_date(g.iso_due, g.due), g.source, g.related, g.key)
                for i, g in enumerate(rows, 1)
            ]  # fmt: skip
            _xl_table(sheet, header, data, [6, 18, 13, 45, 13, 26, 24, 45, 70, 13, 30, 22, 30], lang,
                      wrap=(3, 5, 7, 8))  # fmt: skip
    missing = list(s.get("communes_without_document") or [])
    if missing:
        sheet = wb.create_sheet(_sheet_title(r.t("communes_sheet"), taken))
        _xl_table(
            sheet, [r.t("col_no"), r.t("col_unit")], [(i, c) for i, c in enumerate(missing, 1)], [6, 36], lang
        )
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _pick_sheet(kind: str, lang: Lang) -> str:
    pair = GAP_KIND_SHEETS.get(kind)
    if pair is None:
        return kind
    return pair[0] if lang == "vi" else pair[1]


# -- DOCX -----------------------------------------------------------------------------------------

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

    def __init__(self, r: _Report) -> None:
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
            run = p.add_run(r.snapshot_line)
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
              numeric: Sequence[int] = (), size: float = 11) -> Any:  # fmt: skip

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
                self.cell_text(cells[i], value, size=size, align=ALIGN.RIGHT if i in numeric else None)
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


def _render_docx(r: _Report) -> bytes:

    lang = r.lang
    w = _Docx(r)
    doc = w.doc
    # Header: issuing body left, national title right (NĐ 30/2020, Phụ lục I).
    head = doc.add_table(rows=1, cols=2)
    _no_borders(head)
    head.autofit = False
    _widths(head, (6.8, 9.7))
    left, right = head.rows[0].cells
    w.cell_text(left, r.governing_body.upper(), size=12, align=ALIGN.CENTER)
    w.cell_text(left, r.issuing_body.upper(), bold=True, size=12, align=ALIGN.CENTER)
    _rule(w.cell_text(left, "", size=6, align=ALIGN.CENTER), 2.5, 6.8)
    w.cell_text(left, r.t("number_line", symbol=r.header.symbol), size=13, align=ALIGN.CENTER)
    w.cell_text(right, r.t("nation"), bold=True, size=12, align=ALIGN.CENTER)
    w.cell_text(right, r.t("motto"), bold=True, size=13.5, align=ALIGN.CENTER, underline=True)
    w.cell_text(right, "", size=6)
    w.cell_text(right, r.date_line, italic=True, size=14, align=ALIGN.CENTER)
    w.para()
    w.para(r.t("report"), bold=True, size=14, align=ALIGN.CENTER).paragraph_format.space_after = 0
    w.para(r.subject, bold=True, size=14, align=ALIGN.CENTER).paragraph_format.space_after = 0
    if r.old_text:
        w.para(f"({r.old_text})", italic=True, size=14, align=ALIGN.CENTER).paragraph_format.space_after = 0
    _rule(w.para(size=6, align=ALIGN.CENTER), 3.5, _Docx.TEXT_WIDTH_CM)
    w.para(r.t("intro", hash=r.snapshot_hash, files=r.snapshot_files, time=r.snapshot_time), indent=True)

    s = r.summary
    # I. Overview
    w.heading(f"I. {r.t('sec_overview').upper()}")
    w.table([r.t("indicator"), r.t("value")], _overview_rows(r), [10.5, 6.0], size=12)
    levels = _levels(r)
    if levels:
        w.para(r.t("by_level"), bold=True, size=13)
        w.table([r.t("level"), r.t("count")], [(k, format_int(int(v), lang)) for k, v in levels], [10.5, 6.0],
                numeric=(1,), size=12)  # fmt: skip
    types = _types(r)
    if types:
        w.para(r.t("by_type"), bold=True, size=13)
        w.table([r.t("doc_type"), r.t("count")], [(k, format_int(int(v), lang)) for k, v in types], [10.5, 6.0],
                numeric=(1,), size=12)  # fmt: skip
    # II. Coverage
    dep_cov, dep_total = _departments(r)
    com_cov, com_total = int(s.get("communes_covered") or 0), int(s.get("communes_total") or 0)
    w.heading(f"II. {r.t('sec_coverage').upper()}")
    w.para(r.t("communes_covered_line", covered=format_int(com_cov, lang), total=format_int(com_total, lang),
               rate=format_percent(com_cov, com_total, lang)), indent=True)  # fmt: skip
    w.para(r.t("departments_line", covered=dep_cov, total=dep_total,
               rate=format_percent(dep_cov, dep_total, lang)), indent=True)  # fmt: skip
    cov = _coverage(r)
    w.chart(charts.hbar_png(cov, title=r.t("coverage_by_level"), max_value=100), cov, lambda v: _pct(v, lang))
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
                [(str(i), *row) for i, row in enumerate(_directive_rows(r), 1)],
                [1.2, 2.8, 5.0, 1.8, 2.9, 2.8], numeric=(0,), size=10.5)  # fmt: skip
        w.heading(f"4. {r.t('uncovered_units')} ({format_int(r.uncovered_count, lang)})", 2)
        # One row per directive with the units that lack a document: communes can be thousands.
        w.table([r.t("col_no"), r.t("col_directive"), r.t("col_units")],
                [(str(n), _docx_doc(g, source=False), _units_text(units, lang))
                 for n, (g, units) in enumerate(_units_by_directive(r.coverage_rows), 1)],
                [1.3, 6.2, 9.0], numeric=(0,), size=11)  # fmt: skip
    # III. Gaps by kind
    w.heading(f"III. {r.t('sec_gaps').upper()}")
    if not r.gaps:
        w.para(r.t("no_gaps"), indent=True)
    else:
        items = _by_kind(r)
        w.table([r.t("kind"), r.t("count")], [(k, format_int(int(v), lang)) for k, v in items], [12.5, 4.0],
                numeric=(1,), size=12)  # fmt: skip
        w.chart(charts.hbar_png(items, title=r.t("chart_gaps_by_kind")), items)
        for i, (kind, rows) in enumerate(r.gaps.items(), 1):
            w.heading(f"{i}. {gap_kind_label(kind, lang)} ({len(rows)})", 2)
            w.table(
                [r.t(k) for k in ("col_no", "col_document", "col_unit", "col_reason", "col_evidence", "col_due")],
                [(str(n), _docx_doc(g), g.unit, g.reason + (f" ({r.t('col_related')}: {g.related})" if g.related else ""),
                  _docx_evidence(g, lang), g.due) for n, g in enumerate(rows, 1)],
                [1.3, 3.8, 2.3, 3.2, 3.9, 2.0], numeric=(0,), size=10.5,
            )  # fmt: skip
    # IV. Timeline
    months, series = _months(r)
    w.heading(f"IV. {r.t('sec_timeline').upper()}")
    if months:
        w.table([r.t("month"), *(name for name, _ in series)],
                [(m, *(str(int(vals[i])) for _, vals in series)) for i, m in enumerate(months)],
                [5.5, 5.5, 5.5], numeric=(1, 2), size=12)  # fmt: skip
        w.image(charts.columns_png(months, series, title=r.t("sec_timeline")))
    else:
        w.para(r.t("no_data"), indent=True)
    # Recipients and signature.
    w.para()
    foot = doc.add_table(rows=1, cols=2)
    _no_borders(foot)
    foot.autofit = False
    _widths(foot, (8.0, 8.5))
    left, right = foot.rows[0].cells
    w.cell_text(left, r.t("recipients"), bold=True, italic=True, size=12)
    for line in r.recipients():
        w.cell_text(left, line, size=11)
    w.cell_text(right, r.header.signer_title or r.t("signer_title"), bold=True, size=14, align=ALIGN.CENTER)
    w.cell_text(right, r.t("signer_hint"), italic=True, size=13, align=ALIGN.CENTER)
    for _ in range(3):
        w.cell_text(right, "", size=13)
    if r.header.signer_name:
        w.cell_text(right, r.header.signer_name, bold=True, size=14, align=ALIGN.CENTER)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _units_text(units: list[str], lang: Lang) -> str:
    if len(units) == 1:
        return units[0]
    return f"{t('units_count', lang, n=format_int(len(units), lang))}: {'; '.join(units)}."


def _docx_doc(g: _Gap, *, source: bool = True) -> str:
    parts = [f"{g.doc_type} {g.label}".strip() if g.number else g.label]
    if g.date:
        parts.append(g.date)
    if g.title:
        parts.append(_truncate(g.title, 160))
    if g.source and source:
        parts.append(f"[{g.source}]")
    return "\n".join(parts)


def _docx_evidence(g: _Gap, lang: Lang) -> str:
    if not g.evidence:
        return ""
    text = f"“{_truncate(g.evidence[0], 220)}”"
    if len(g.evidence) > 1:
        text += f" ({t('more_evidence', lang, n=len(g.evidence) - 1)})"
    return text


# -- entry points ---------------------------------------------------------------------------------


def render_report(
    model: ProvinceReport, fmt: Format, lang: Lang = "vi", *, header: ReportHeader | None = None
) -> bytes:
    """One province's report as bytes: ``fmt`` is ``html``, ``xlsx`` or ``docx``.

    ``model`` is ``graph.province_report.province_reports(...)``'s answer for the province: its
    summary, document gaps, directive coverage and the snapshot with the date asked (stated too).
    """
    r = _prepare(model, lang, header)
    if fmt == "html":
        return _render_html(r)
    if fmt == "xlsx":
        return _render_xlsx(r)
    if fmt == "docx":
        return _render_docx(r)
    msg = f"unknown report format {fmt!r}; expected one of {', '.join(FORMATS)}"
    raise ValueError(msg)


def _formats(fmt: str | Sequence[str]) -> list[Format]:
    wanted = [fmt] if isinstance(fmt, str) else list(fmt)
    bad = [f for f in wanted if f not in FORMATS]
    if bad or not wanted:
        msg = f"unknown report format(s) {', '.join(bad) or '(none)'}; expected one of {', '.join(FORMATS)}"
        raise ValueError(msg)
    return [cast(Format, f) for f in dict.fromkeys(wanted)]


INDEX_DATA = "index.json"  # the index's rows, so that writing some provinces keeps the others'


def write_province_reports(
    reports: Sequence[ProvinceReport],
    out_dir: Path,
    fmt: str | Sequence[str] = FORMATS,
    lang: str = "vi",
    *,
    header: ReportHeader | None = None,
    unknown: dict[str, int] | None = None,
) -> list[Path]:
    """Write each province's report in each format to ``out_dir/<slug>.<fmt>``, and ``index.html``.

    The index lists every province written into ``out_dir`` so far (its rows are kept in
    ``index.json``): writing one province's report again replaces its row and keeps the others.
    ``unknown`` (``graph.province_report.unknown_totals``) adds the line of the documents whose
    province could not be read. Returns the paths written, ``index.html`` last.
    """
    formats = _formats(fmt)
    if lang not in ("vi", "en"):
        msg = f"unknown language {lang!r}; expected 'vi' or 'en'"
        raise ValueError(msg)
    language = cast(Lang, lang)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    entries = _index_entries(out_dir / INDEX_DATA)
    snapshot: dict[str, Any] = {}
    for model in reports:
        r = _prepare(model, language, header)
        snapshot = model.snapshot
        files: dict[str, str] = {}
        for f in formats:
            path = out_dir / report_filename(model.province, f)
            path.write_bytes(render_report(model, f, language, header=header))
            written.append(path)
            files[f] = path.name
        old = entries.get(model.province, {}).get("files", {})
        totals = model.totals()
        entries[model.province] = {"province": model.province, "full_name": r.full_name, "old_names": r.old_names,
                                   "documents": totals["documents"], "edges": totals["edges"], "gaps": totals["gaps"],
                                   "uncovered_units": totals["uncovered_units"], "as_of": model.as_of,
                                   "files": {**old, **files}}  # fmt: skip
    if unknown is not None:
        entries[UNKNOWN_PROVINCE] = {"province": UNKNOWN_PROVINCE, "full_name": t("province_unknown", language),
                                     "old_names": [t("province_unknown_note", language)], **unknown,
                                     "as_of": snapshot.get("as_of") or "", "files": {}}  # fmt: skip
    order = {p["name"]: i for i, p in enumerate(current_provinces())}
    rows = sorted(entries.values(), key=lambda e: order.get(e["province"], len(order)))
    (out_dir / INDEX_DATA).write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    index = out_dir / "index.html"
    index.write_bytes(_render_index(rows, FORMATS, snapshot, language))
    written.append(index)
    return written


def _index_entries(path: Path) -> dict[str, dict[str, Any]]:
    """The index rows written before (none when the file is missing or unreadable)."""
    try:
        rows = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(e["province"]): e for e in rows if isinstance(e, dict) and "province" in e}
