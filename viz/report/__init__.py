"""Province gap reports: HTML, XLSX and DOCX, in Vietnamese by default or in English.

``render_report`` turns one province's model (``graph.province_report.ProvinceReport``: summary,
document gaps, directive coverage, the snapshot and the date asked) into the bytes of one report.
``write_province_reports`` writes them for many provinces at once, named by province slug
(``hai-phong.xlsx``), with an ``index.html`` that keeps the rows of provinces written before.

- HTML is one self-contained file (inline CSS, inline SVG charts, nothing fetched): it works offline.
- XLSX has a summary sheet with a chart of gaps by kind, a sheet of every gap (kind as a column)
  linking to the per-kind sheets, one sheet per gap kind present and the communes with no
  document; real dates, printable at a readable size.
- DOCX is laid out as Nghị định 30/2020/NĐ-CP, Phụ lục I asks: header table, "BÁO CÁO" and its
  subject, numbered sections, findings and proposals, "Nơi nhận" and the signature block; who
  issues and signs comes from :class:`OfficeSettings` (``lineage report --settings office.toml``).

Every report states the snapshot it was made from (corpus hash, number of files, time): in the
DOCX on the footer line of every page, not in the text.

The package, by concept: ``office`` (the settings record), ``model`` (the content shared by the
formats), ``html_report``, ``xlsx_report``, ``docx_report`` (the renderers), ``writer`` (the
entry points).
"""

from viz.report.model import FORMATS, Format, province_gaps, report_filename, slug
from viz.report.office import (
    OfficeSettings,
    SettingsError,
    load_office_settings,
    office_from_env,
    office_overrides,
)
from viz.report.writer import render_report, write_province_reports

ReportHeader = OfficeSettings  # the record's former name

__all__ = [
    "FORMATS",
    "Format",
    "OfficeSettings",
    "ReportHeader",
    "SettingsError",
    "load_office_settings",
    "office_from_env",
    "office_overrides",
    "province_gaps",
    "render_report",
    "report_filename",
    "slug",
    "write_province_reports",
]
