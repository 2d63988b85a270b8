"""The HTML report: one self-contained file (inline CSS, inline SVG charts, nothing fetched), and
the index page of the reports written into a folder."""

from collections.abc import Mapping, Sequence
from html import escape
from typing import Any

from viz import charts
from viz.i18n import REVIEW_MARK, Lang, format_date, format_int, format_percent, gap_kind_label, t
from viz.report.model import (
    ROMAN,
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
    short_key,
    snapshot_stamp,
    truncate,
    types_series,
    units_by_directive,
)

__all__ = ["render_html", "render_index"]

UNITS_SHOWN = 12  # units of a directive listed before the rest fold away

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
tr.low td{background:#fff4e0}.state{font-size:13px;min-width:7em}.state.confirmed{color:var(--ok)}
.state.low_confidence,.mark{color:var(--bad);font-weight:bold}p.review{border-left:4px solid var(--accent);padding:4px 10px}
summary{cursor:pointer}details[open] summary{margin-bottom:4px}
footer{margin-top:36px;border-top:1px solid var(--line);padding-top:8px;font-size:13px;color:var(--muted)}
@media print{body{max-width:none;padding:0;font-size:13pt}nav{display:none}th{position:static}
 section{break-inside:auto}h2,h3{break-after:avoid}tr{break-inside:avoid}}
"""


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _html_evidence(g: GapRow, lang: Lang) -> str:
    if not g.evidence:
        return ""
    first = g.evidence[0]
    out = f'<q title="{_e(first)}">{_e(truncate(first))}</q>'
    if len(g.evidence) > 1:
        rest = "\n\n".join(g.evidence[1:])
        out += f' <span class="more" title="{_e(rest)}">({_e(t("more_evidence", lang, n=len(g.evidence) - 1))})</span>'
    return out


def _html_doc_cell(g: GapRow, mark: bool = False) -> str:
    out = f'<span class="b">{_e(g.label)}</span>'
    if mark:  # a machine-read row of low confidence
        out += f' <span class="mark">{_e(REVIEW_MARK)}</span>'
    if g.doc_type and g.number:
        out = f"{_e(g.doc_type)} {out}"
    if g.date:
        out += f"<br>{_e(g.date)}"
    if g.key and short_key(g.key) != g.number:
        out += f'<br><code title="{_e(g.key)}">{_e(truncate(g.key, 40))}</code>'
    return out


def _html_gap_table(r: Report, kind: str, rows: list[GapRow]) -> str:
    lang = r.lang
    if kind == "unit_coverage":
        head = [t("col_no", lang), t("col_directive", lang), t("col_title", lang), t("col_units", lang)]
        body = []
        for i, (g, units) in enumerate(units_by_directive(rows), 1):
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
                                      "col_evidence", "col_due", "col_source", "col_review")]  # fmt: skip
        body = []
        for i, g in enumerate(rows, 1):
            cells = [
                f'<td class="n">{i}</td>',
                f"<td>{_html_doc_cell(g, g.low)}</td>",
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
                f'<td class="state {_e(g.review)}">{_e(g.review_label)}'
                + (f"<br><span class=more>{_e(g.review_by)}</span>" if g.review_by else "")
                + "</td>",
            ]
            low = ' class="low"' if g.low else ""
            body.append(
                f'<tr data-document="{_e(g.key)}" data-review="{_e(g.review)}"{low}>{"".join(cells)}</tr>'
            )
    ths = "".join(f"<th>{_e(h)}</th>" for h in head)
    return f'<table class="gaps" data-kind="{_e(kind)}"><thead><tr>{ths}</tr></thead><tbody>{"".join(body)}</tbody></table>'


def _html_directives(r: Report) -> str:
    """Coverage per tracked directive, then the units that lack a document (counted apart from gaps)."""
    head = "".join(f"<th>{_e(r.t(k))}</th>" for k in ("col_no", "col_directive", "col_title", "col_province_cell",
                                                       "communes", "departments"))  # fmt: skip
    body = "".join(
        f'<tr><td class="n">{i}</td>' + "".join(f"<td>{_e(v)}</td>" for v in row) + "</tr>"
        for i, row in enumerate(directive_rows(r), 1)
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


def render_html(r: Report) -> bytes:
    lang = r.lang
    s = r.summary
    sections = [("overview", r.t("sec_overview")), ("coverage", r.t("sec_coverage")),
                ("gaps", r.t("sec_gaps")), ("timeline", r.t("sec_timeline")), ("findings", r.t("sec_findings")),
                ("proposals", r.t("sec_proposals"))]  # fmt: skip
    h: list[str] = [
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(r.title_line)}</title>"
        f'<meta name="generator" content="directive-lineage">'
        f'<meta name="snapshot" content="{_e(r.snapshot_hash)} {_e(r.snapshot_iso)}">'
        f"<style>{_CSS}</style></head><body>",
        '<header class="head"><div>'
        + (f"<div>{_e(r.parent_body)}</div>" if r.parent_body else "")
        + f"<div class=b>{_e(r.issuing_body)}</div><div class=line></div>"
        f"<div class=pre>{_e(r.number_line)}</div></div><div>"
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
        + " · ".join(f'<a href="#{sid}">{ROMAN[i]}. {_e(name)}</a>' for i, (sid, name) in enumerate(sections))
        + "</nav>"
    )
    # I. Overview
    kv = "".join(f"<tr><th>{_e(k)}</th><td>{_e(v)}</td></tr>" for k, v in overview_rows(r))
    h.append(
        f'<section id="overview"><h2>I. {_e(sections[0][1])}</h2><table class="kv">{kv}</table>'
        f'<p class="review" id="review">{_e(r.review_line)}</p><div class=charts>'
        + charts.hbar_svg(
            levels_series(r), title=r.t("by_level"), empty_text=r.t("no_data"), width=520, lang=lang
        )
        + charts.hbar_svg(
            types_series(r), title=r.t("by_type"), empty_text=r.t("no_data"), width=520, lang=lang
        )
        + "</div></section>"
    )
    # II. Coverage
    dep_cov, dep_total = departments_count(r)
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
            coverage_series(r),
            title=r.t("coverage_by_level"),
            empty_text=r.t("no_data"),
            max_value=100,
            value_text=lambda v: pct(v, lang),
            lang=lang,
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
            + charts.hbar_svg(
                kind_series(r), title=r.t("chart_gaps_by_kind"), empty_text=r.t("no_data"), lang=lang
            )
            + "</div><table class=kv><thead><tr>"
            + f"<th>{_e(r.t('kind'))}</th><th>{_e(r.t('count'))}</th></tr></thead><tbody>"
            + "".join(
                f'<tr><td><a href="#gap-{_e(k)}">{_e(gap_kind_label(k, lang))}</a></td><td class="n">{len(v)}</td></tr>'
                for k, v in r.gaps.items()
            )
            + "</tbody></table>"
            + (f'<p class="more">{_e(r.t("review_mark_note", mark=REVIEW_MARK))}</p>' if r.low_count else "")
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
    months, series = month_series(r)
    h.append(
        f'<section id="timeline"><h2>IV. {_e(sections[3][1])}</h2><div class=charts>'
        + charts.columns_svg(
            months, series, title=r.t("sec_timeline"), empty_text=r.t("no_data"), width=720, lang=lang
        )
        + "</div>"
    )
    if months:
        h.append(
            f"<table class=kv><thead><tr><th>{_e(r.t('month'))}</th>"
            + "".join(f"<th>{_e(name)}</th>" for name, _ in series)
            + "</tr></thead><tbody>"
            + "".join(
                f"<tr><td>{_e(m)}</td>"
                + "".join(f'<td class="n">{format_int(int(vals[i]), lang)}</td>' for _, vals in series)
                + "</tr>"
                for i, m in enumerate(months)
                if any(vals[i] for _, vals in series)  # the months with an event; the chart shows all
            )
            + "</tbody></table>"
        )
    h.append("</section>")
    # V. Findings, VI. Proposals (as in the DOCX).
    for n, (sid, name) in enumerate(sections[4:], 4):
        paras = r.findings() if sid == "findings" else r.proposals()
        h.append(f'<section id="{sid}"><h2>{ROMAN[n]}. {_e(name)}</h2>'
                 + "".join(f"<p>{_e(x)}</p>" for x in paras) + "</section>")  # fmt: skip
    h.append(f"<footer>{_e(r.t('generated_by'))} · {_e(r.snapshot_line)}</footer></body></html>\n")
    return "".join(h).encode("utf-8")


def render_index(entries: Sequence[dict[str, Any]], formats: Sequence[str], snapshot: Mapping[str, Any],
                  lang: Lang) -> bytes:  # fmt: skip
    stamp, _ = snapshot_stamp(snapshot, lang)
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
