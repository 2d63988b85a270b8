"""The entry points: one report as bytes, and the reports of many provinces written to a folder."""

import json
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, cast

from graph.province_report import ProvinceReport
from graph.views import UNKNOWN_PROVINCE, current_provinces
from viz.i18n import Lang, t
from viz.report.docx_report import render_docx
from viz.report.html_report import render_html, render_index
from viz.report.model import FORMATS, Format, Report, prepare, report_filename
from viz.report.office import OfficeSettings
from viz.report.xlsx_report import render_xlsx

__all__ = ["INDEX_DATA", "render_report", "write_province_reports"]


def render_report(
    model: ProvinceReport, fmt: Format, lang: Lang = "vi", *, office: OfficeSettings | None = None
) -> bytes:
    """One province's report as bytes: ``fmt`` is ``html``, ``xlsx`` or ``docx``.

    ``model`` is ``graph.province_report.province_reports(...)``'s answer for the province: its
    summary, document gaps, directive coverage and the snapshot with the date asked (stated too).
    ``office`` says who issues and signs it (:class:`~viz.report.office.OfficeSettings`; default:
    dotted placeholders to fill in).
    """
    return _render(prepare(model, lang, office), fmt)


def _render(r: Report, fmt: str) -> bytes:
    if fmt == "html":
        return render_html(r)
    if fmt == "xlsx":
        return render_xlsx(r)
    if fmt == "docx":
        return render_docx(r)
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
    office: OfficeSettings | None = None,
    unknown: dict[str, int] | None = None,
    progress: Callable[[str], None] | None = None,
) -> list[Path]:
    """Write each province's report in each format to ``out_dir/<slug>.<fmt>``, and ``index.html``.

    The index lists every province written into ``out_dir`` so far (its rows are kept in
    ``index.json``): writing one province's report again replaces its row and keeps the others.
    ``unknown`` (``graph.province_report.unknown_totals``) adds the line of the documents whose
    province could not be read. ``progress`` is called with each province's name once its files
    are written. Returns the paths written, ``index.html`` last.
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
    snapshot: Mapping[str, Any] = {}
    for model in reports:
        r = prepare(model, language, office)
        snapshot = model.snapshot
        files: dict[str, str] = {}
        for f in formats:
            path = out_dir / report_filename(model.province, f)
            path.write_bytes(_render(r, f))
            written.append(path)
            files[f] = path.name
        old = entries.get(model.province, {}).get("files", {})
        totals = model.totals()
        entries[model.province] = {"province": model.province, "full_name": r.full_name, "old_names": r.old_names,
                                   "documents": totals["documents"], "edges": totals["edges"], "gaps": totals["gaps"],
                                   "uncovered_units": totals["uncovered_units"], "as_of": model.as_of,
                                   "files": {**old, **files}}  # fmt: skip
        if progress is not None:
            progress(model.province)
    if unknown is not None:
        entries[UNKNOWN_PROVINCE] = {"province": UNKNOWN_PROVINCE, "full_name": t("province_unknown", language),
                                     "old_names": [t("province_unknown_note", language)], **unknown,
                                     "as_of": snapshot.get("as_of") or "", "files": {}}  # fmt: skip
    order = {p["name"]: i for i, p in enumerate(current_provinces())}
    rows = sorted(entries.values(), key=lambda e: order.get(e["province"], len(order)))
    (out_dir / INDEX_DATA).write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    index = out_dir / "index.html"
    index.write_bytes(render_index(rows, FORMATS, snapshot, language))
    written.append(index)
    return written


def _index_entries(path: Path) -> dict[str, dict[str, Any]]:
    """The index rows written before (none when the file is missing or unreadable)."""
    try:
        rows = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(e["province"]): e for e in rows if isinstance(e, dict) and "province" in e}
