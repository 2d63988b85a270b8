"""A .doc, a scanned PDF, a mixed PDF and a PDF printed from Word go through `lineage extract`,
`lineage ingest` and into the province gap reports, each found under its own name."""

import json
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from api.cli import cli
from testkit.scans import doc_from_docx, ocr_missing, office_missing
from tests.ingest.test_office_files import BODY, LEFT, RIGHT, TITLE, header_pdf, mixed, scanned_pdf

MISSING = ocr_missing() or office_missing()
pytestmark = pytest.mark.skipif(MISSING is not None, reason=str(MISSING))


def plan_doc(folder: Path, work: Path) -> Path:
    """Another commune plan of Thanh Hóa with a report deadline, kept as an old Word .doc."""
    d = docx.Document()
    head = d.add_table(rows=1, cols=2)
    left = (*LEFT[:2], "Số: 46/KH-UBND")
    for cell, lines in zip(head.rows[0].cells, (left, RIGHT), strict=True):
        cell.text = "\n".join(lines)
    for para in (*TITLE, *BODY):
        d.add_paragraph(para)
    d.save(str(work / "kh-46-trieu-son.docx"))
    return doc_from_docx(work / "kh-46-trieu-son.docx", folder)


def test_office_files_reach_the_gap_reports(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    files = [plan_doc(docs, tmp_path), scanned_pdf(docs), mixed(docs), header_pdf(docs)]
    runner = CliRunner()

    extract = runner.invoke(cli, ["extract", str(docs), "--format", "json"], catch_exceptions=False)
    assert extract.exit_code == 0, extract.output
    rows = {Path(r["source"]).name: r for r in map(json.loads, extract.output.splitlines())}
    assert set(rows) == {f.name for f in files}
    assert rows["cv-scan.pdf"]["ocr"]["pages"] == [1, 2]
    assert rows["bc-mixed.pdf"]["ocr"]["pages"] == [1]
    assert "ocr" not in rows["kh-45-trieu-son.pdf"] and "ocr" not in rows["kh-46-trieu-son.doc"]
    assert rows["kh-46-trieu-son.doc"]["document"]["number"] == "46/KH-UBND"
    assert rows["kh-45-trieu-son.pdf"]["document"]["number"] == "45/KH-UBND"

    db = str(tmp_path / "l.db")
    ingest = runner.invoke(cli, ["ingest", str(docs), "--db", db, "-q", "-j", "1", "--strict"])
    assert ingest.exit_code == 0, ingest.output

    out = tmp_path / "reports"
    provinces = ("Thanh Hóa", "Đắk Lắk", "Quảng Ngãi")
    args = ["report", "--db", db, "--format", "html", "--as-of", "2026-06-01", "--out", str(out)]
    report = runner.invoke(cli, [*args, *(x for p in provinces for x in ("--province", p))])
    assert report.exit_code == 0, report.output
    pages = {p.name: p.read_text(encoding="utf-8") for p in out.glob("*.html")}
    # Each file is the source of a gap in its province's report.
    assert (
        "kh-45-trieu-son.pdf" in pages["thanh-hoa.html"] and "kh-46-trieu-son.doc" in pages["thanh-hoa.html"]
    )
    assert "cv-scan.pdf" in pages["dak-lak.html"]
    assert "bc-mixed.pdf" in pages["quang-ngai.html"]
