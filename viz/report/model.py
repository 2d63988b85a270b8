"""The content of a province report, shared by the HTML, XLSX and DOCX renderers.

:func:`prepare` turns one province's model (``graph.province_report.ProvinceReport``) and the
office record (:class:`~viz.report.office.OfficeSettings`) into a :class:`Report`: labels, dates
and numbers formatted for the language, gap rows cleaned for XML and spreadsheets, the series the
charts draw, and the header and signature block the office filled (or dotted placeholders).
"""

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from graph.province_report import ProvinceReport
from graph.review_state import MACHINE_READ, RowReview
from graph.views import current_provinces
from ingest.gazetteer import fold
from ontology.gaps import DOCUMENT_GAP_KINDS, Gap
from viz.i18n import (
    REVIEW_MARK,
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
    review_state_label,
    t,
)
from viz.report.office import BLANK, OfficeSettings

type Format = Literal["html", "xlsx", "docx"]
FORMATS: tuple[Format, ...] = ("html", "xlsx", "docx")

VN_TZ = dt.timezone(dt.timedelta(hours=7))
EVIDENCE_CHARS = 180
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")


# -- the report's content, shared by the three formats -------------------------------------------


def clean(value: object) -> str:
    """Text safe for XML and spreadsheets: no control characters, whitespace runs collapsed."""
    if value is None:
        return ""
    return " ".join(_CONTROL.sub(" ", str(value)).split())


def clean_title(value: object) -> str:
    """A title without the decorative rule some documents put after it (``-----``)."""
    return re.sub(r"\s*(?:[-_–—=*]{3,}|_+)$", "", clean(value))


def short_key(key: str) -> str:
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
class GapRow:
    """One gap as the reports show it: text cleaned, labels and dates in the report's language
    (``date``, ``due``) beside the ISO dates (``iso_date``, ``iso_due``) the XLSX writes as dates."""

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
    # ``ontology.review.ReviewState``: confirmed, machine_read, low_confidence.
    review: str = MACHINE_READ.state.value
    review_label: str = ""  # the state for people, with the low-confidence mark
    review_by: str = ""  # who confirmed it

    @property
    def low(self) -> bool:
        """A machine-read row of low confidence: marked in every report."""
        return self.review == "low_confidence"

    @property
    def review_text(self) -> str:
        """The state as a cell shows it: the label, and who confirmed it."""
        return f"{self.review_label} ({self.review_by})" if self.review_by else self.review_label


@dataclass(slots=True)
class Report:
    """A province report's content in one language, and the office that issues it: what the
    three renderers draw (:func:`prepare` makes it)."""

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
    as_of_iso: str
    office: OfficeSettings
    gaps: dict[str, list[GapRow]] = field(default_factory=dict)  # document gaps by kind
    coverage_rows: list[GapRow] = field(default_factory=list)  # uncovered units (unit_coverage rows)
    directives: list[dict[str, Any]] = field(default_factory=list)  # coverage per directive
    review_totals: dict[str, int] = field(default_factory=dict)  # document gaps by review state

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

    def fill(self, text: str) -> str:
        """An office text with ``{province}`` and ``{as_of}`` filled in."""
        return text.replace("{province}", self.running_name).replace("{as_of}", self.as_of)

    @property
    def parent_body(self) -> str:
        """The governing body above the issuing body, in capitals: a placeholder when unset, none
        when the office set it empty (a body with no governing body)."""
        if self.office.parent_body is None:
            return BLANK
        return self.fill(self.office.parent_body).upper()

    @property
    def issuing_body(self) -> str:
        return self.fill(self.office.issuing_body).upper() or BLANK

    @property
    def number_line(self) -> str:
        """``Số:      /BC-SNV``: the number is left for the clerk unless the office gave it."""
        return self.t("number_line", number=self.office.number or " " * 6, symbol=self.office.symbol_text)

    @property
    def place(self) -> str:
        return self.fill(self.office.place) or self.province

    @property
    def date_line(self) -> str:
        """``Hải Phòng, ngày 05 tháng 02 năm 2026``, dotted where the office gave no date."""
        if self.office.date is None:
            return self.t("date_blank", place=self.place, b="……")
        return report_date_line(self.place, self.office.date, self.lang)

    @property
    def authority(self) -> list[str]:
        """``TM. ỦY BAN NHÂN DÂN``, ``KT. CHỦ TỊCH``: the lines above the signer's title."""
        return [self.fill(a).upper() for a in self.office.authority]

    @property
    def signer_title(self) -> str:
        return self.fill(self.office.signer_title).upper() or BLANK

    @property
    def signer_name(self) -> str:
        return self.fill(self.office.signer_name) or BLANK

    @property
    def opening(self) -> str:
        return self.fill(self.office.opening) or self.t(
            "opening", province=self.running_name, as_of=self.as_of
        )

    @property
    def snapshot_line(self) -> str:
        line = (
            f"{self.t('snapshot_hash')}: {self.snapshot_hash} · {self.t('snapshot_files')}: "
            f"{self.snapshot_files} · {self.t('snapshot_time')}: {self.snapshot_time}"
        )
        return f"{line} · {self.t('as_of')}: {self.as_of}" if self.as_of else line

    @property
    def review_line(self) -> str:
        """How many gaps a person confirmed and how many the machine read (of low confidence among
        them): the sentence every report says, from ``ProvinceReport.review_totals``."""
        n = self.review_totals
        confirmed, low = n.get("confirmed", 0), n.get("low_confidence", 0)
        machine = n.get("machine_read", 0) + low
        return self.t("review_line", total=format_int(confirmed + machine, self.lang),
                      confirmed=format_int(confirmed, self.lang), machine=format_int(machine, self.lang),
                      low=format_int(low, self.lang), mark=REVIEW_MARK)  # fmt: skip

    @property
    def low_count(self) -> int:
        return self.review_totals.get("low_confidence", 0)

    def recipients(self) -> list[str]:
        if self.office.recipients:
            return [self.fill(x) for x in self.office.recipients]
        return self.t("recipients_default", blank=BLANK).split("|")

    def findings(self) -> list[str]:
        """The "Tồn tại, hạn chế" paragraphs: the office's, or the gap kinds by number of cases
        (largest first) and the units lacking a document."""
        if self.office.findings:
            return [self.fill(x) for x in self.office.findings]
        if not self.gaps and not self.coverage_rows:
            return [self.t("findings_none")]
        sections = {k: i for i, k in enumerate(self.gaps, 1)}
        ranked = sorted(self.gaps.items(), key=lambda kv: -len(kv[1]))
        lines = [self.t("findings_intro")]
        lines += [
            "- " + self.t("findings_kind", kind=gap_kind_label(k, self.lang), n=format_int(len(v), self.lang),
                          section=sections[k])
            for k, v in ranked
        ]  # fmt: skip
        if self.coverage_rows:
            lines.append("- " + self.t("findings_units", n=format_int(self.uncovered_count, self.lang)))
        return lines

    def proposals(self) -> list[str]:
        """The "Kiến nghị" paragraphs: the office's, or dotted lines to fill."""
        if self.office.proposals:
            return [self.fill(x) for x in self.office.proposals]
        return [BLANK * 7, BLANK * 7]  # a line of the page each


def _evidence_texts(evidence: Any) -> list[str]:
    items = evidence if isinstance(evidence, list) else [evidence]
    out: list[str] = []
    for item in items:
        text = clean(item.get("text") if isinstance(item, dict) else item)
        if text and text not in out:
            out.append(text)
    return out


def gap_row(row: Gap, lang: Lang, review: RowReview = MACHINE_READ) -> GapRow:
    key = row.document
    number = clean(row.number)
    doc_type = clean(row.doc_type)
    if number:
        label = number
    elif doc_type:
        label = f"{doc_type_label(doc_type, lang)} {t('no_number', lang)}"
    else:
        label = key
    date, due = clean(row.date), clean(row.due)
    return GapRow(
        kind=row.kind.value,
        key=key,
        number=number,
        label=label,
        doc_type=doc_type_label(doc_type, lang) if doc_type else "",
        title=clean_title(row.title),
        date=format_date(date, lang),
        iso_date=date,
        unit=clean(row.unit),
        unit_level=level_label(row.unit_level, lang) if row.unit_level else "",
        level=level_label(row.level, lang) if row.level else "",
        reason=clean(reason_text(row.reason, lang)),
        evidence=_evidence_texts(list(row.evidence)),
        due=format_date(due, lang),
        iso_due=due,
        source=Path(row.source).name if row.source else "",
        related=", ".join(short_key(r) for r in row.related),
        review=review.state.value,
        review_label=review_state_label(review.state.value, lang) + (f" {REVIEW_MARK}" if review.low else ""),
        review_by=clean(", ".join(review.by)),
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


def snapshot_stamp(snapshot: Mapping[str, Any], lang: Lang) -> tuple[str, dt.date]:
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


def _due_key(g: GapRow) -> tuple[int, str]:
    return (0, g.iso_due) if g.iso_due else (1, "")


def prepare(model: ProvinceReport, lang: Lang, office: OfficeSettings | None = None) -> Report:
    """The content of ``model``'s report in ``lang``, issued by ``office``."""
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
    stamp, _ = snapshot_stamp(snapshot, lang)
    report = Report(
        lang=lang,
        province=province,
        full_name=full_name,
        kind_word=kind_word,
        old_names=old_names,
        old_text=old_names_text(old_names, lang),
        summary=summary,
        snapshot_hash=clean(snapshot.get("corpus_hash")) or "?",
        snapshot_files=format_int(int(snapshot.get("files") or 0), lang),
        snapshot_files_n=int(snapshot.get("files") or 0),
        snapshot_time=stamp,
        snapshot_iso=str(snapshot.get("time") or ""),
        as_of=format_date(clean(snapshot.get("as_of")), lang),
        as_of_iso=clean(snapshot.get("as_of")),
        office=office or OfficeSettings(),
    )
    for kind in DOCUMENT_GAP_KINDS:
        rows = [gap_row(g, lang, model.review_of(g)) for g in model.gaps if g.kind == kind]
        if kind in ("no_report", "report_overdue"):
            rows.sort(key=_due_key)
        if rows:
            report.gaps[kind] = rows
    report.coverage_rows = [gap_row(g, lang) for g in model.coverage_gaps]
    report.directives = _directive_coverage(model)
    report.review_totals = model.review_totals()
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
        d["label"] = a.get("number") or short_key(key)
        d["title"] = clean_title(a.get("title"))
    return list(out.values())


def levels_series(r: Report) -> list[tuple[str, float]]:
    order = ["central", "province", "district", "commune", "unknown"]
    by_level: dict[str, int] = r.summary.get("documents_by_level") or {}
    keys = sorted(by_level, key=lambda k: order.index(k) if k in order else len(order))
    return [(level_label(k, r.lang), float(by_level[k])) for k in keys]


def types_series(r: Report) -> list[tuple[str, float]]:
    by_type: dict[str, int] = r.summary.get("documents_by_type") or {}
    return [(doc_type_label(k, r.lang), float(v)) for k, v in sorted(by_type.items(), key=lambda kv: -kv[1])]


def departments_count(r: Report) -> tuple[int, int]:
    deps = r.summary.get("departments") or []
    return sum(1 for d in deps if d.get("has_document")), len(deps)


def coverage_series(r: Report) -> list[tuple[str, float]]:
    """Coverage by level, in percent: provincial departments, then communes."""
    dep_cov, dep_total = departments_count(r)
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


def kind_series(r: Report) -> list[tuple[str, float]]:
    return [(gap_kind_label(k, r.lang), float(len(v))) for k, v in r.gaps.items()]


def every_month(months: Iterable[str]) -> list[str]:
    """Every month (``YYYY-MM``) from the first to the last of ``months``: a month with no event
    is a zero in the series, not a month left out."""
    valid = sorted(m for m in months if re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", m))
    if not valid:
        return sorted(months)
    (y, m), (y_end, m_end) = (int(valid[0][:4]), int(valid[0][5:])), (int(valid[-1][:4]), int(valid[-1][5:]))
    out = []
    while (y, m) <= (y_end, m_end):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out + sorted(set(months) - set(valid))


def month_series(r: Report) -> tuple[list[str], list[tuple[str, list[float]]]]:
    issued: dict[str, int] = r.summary.get("issued_by_month") or {}
    due: dict[str, int] = r.summary.get("deadlines_by_month") or {}
    months = every_month(set(issued) | set(due))
    labels = [format_date(m, r.lang) for m in months]
    return labels, [
        (r.t("issued"), [float(issued.get(m, 0)) for m in months]),
        (r.t("deadlines"), [float(due.get(m, 0)) for m in months]),
    ]


def pct(value: float, lang: Lang) -> str:
    s = f"{value:.1f}%"
    return s.replace(".", ",") if lang == "vi" else s


def units_by_directive(rows: list[GapRow]) -> list[tuple[GapRow, list[str]]]:
    grouped: dict[str, tuple[GapRow, list[str]]] = {}
    for g in rows:
        grouped.setdefault(g.key, (g, []))[1].append(g.unit)
    return list(grouped.values())


def overview_rows(r: Report) -> list[tuple[str, str]]:
    s = r.summary
    dep_cov, dep_total = departments_count(r)
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


def truncate(text: str, limit: int = EVIDENCE_CHARS) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return (cut if len(cut) > limit // 2 else text[:limit]) + "…"


def level_cell(levels: dict[str, list[int]], level: str, lang: Lang) -> str:
    covered, total = levels.get(level, [0, 0])
    return f"{format_int(covered, lang)}/{format_int(total, lang)} ({format_percent(covered, total, lang)})"


def directive_rows(r: Report) -> list[tuple[str, str, str, str, str]]:
    """Per directive: label, title, province covered, communes and departments covered/total."""
    return [
        (d["label"], d["title"], r.t("yes") if d["levels"].get("province", [0])[0] else r.t("no"),
         level_cell(d["levels"], "commune", r.lang), level_cell(d["levels"], "department", r.lang))
        for d in r.directives
    ]  # fmt: skip
