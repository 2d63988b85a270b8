"""Every face gives the same totals for the same province and date (#11): the demo's console table,
``GET /provinces``, the report index, each province report (HTML, XLSX, DOCX, JSON) and
``lineage gaps --province``; document gaps and units lacking a document are counted apart."""

import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from docx import Document
from fastapi.testclient import TestClient
from openpyxl import load_workbook  # type: ignore[import-untyped]

from api.app import create_app
from api.cli import cli
from api.demo import run_demo
from graph.backends import open_store
from tests.conftest import SEEDS
from viz.i18n import t
from viz.report import slug

AS_OF = "2026-11-22"
PROVINCES = ("Hải Phòng", "Quảng Ngãi", "Đắk Lắk")
GAPS, UNCOVERED = t("gaps_total"), t("uncovered_units")


def _int(text: object) -> int:
    return int(str(text).replace(".", "").replace(",", ""))


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("demo")
    lines: list[str] = []
    run_demo(out, [SEEDS], synth_provinces=[], as_of=AS_OF, echo=lines.append)
    return {"out": out, "lines": lines}


def console(demo: dict[str, Any], province: str) -> tuple[int, int]:
    row = next(line for line in demo["lines"] if line.startswith(f"{province} "))
    *_, gaps, uncovered = row.split()
    return int(gaps), int(uncovered)


def from_api(demo: dict[str, Any], province: str) -> tuple[int, int]:
    with open_store(demo["out"] / "lineage.db") as store:
        client = TestClient(create_app(store))
        rows = client.get("/provinces", params={"as_of": AS_OF}).json()
        row = next(r for r in rows if r["name"] == province)
        report = client.get(f"/provinces/{province}/report", params={"as_of": AS_OF}).json()
    assert report["totals"]["gaps"] == len(report["gaps"]) and report["as_of"] == AS_OF
    assert (report["totals"]["gaps"], report["totals"]["uncovered_units"]) == (
        row["gaps"],
        row["uncovered_units"],
    )
    return row["gaps"], row["uncovered_units"]


def from_index(demo: dict[str, Any], province: str) -> tuple[int, int]:
    rows = json.loads((demo["out"] / "reports" / "index.json").read_text(encoding="utf-8"))
    row = next(r for r in rows if r["province"] == province)
    html = (demo["out"] / "reports" / "index.html").read_text(encoding="utf-8")
    cells = re.search(rf"<td>[^<]*{province}</td><td>[^<]*</td>((?:<td class=\"n\">[^<]*</td>){{4}})", html)
    assert cells is not None
    shown = [_int(v) for v in re.findall(r">([^<]*)</td>", cells.group(1))]
    assert shown[2:] == [row["gaps"], row["uncovered_units"]]
    return row["gaps"], row["uncovered_units"]


def from_reports(demo: dict[str, Any], province: str) -> tuple[int, int]:
    base = demo["out"] / "reports" / slug(province)
    html = base.with_suffix(".html").read_text(encoding="utf-8")
    in_html = [
        _int(re.search(rf"<th>{label}</th><td>([^<]*)</td>", html).group(1)) for label in (GAPS, UNCOVERED)
    ]  # type: ignore[union-attr]
    sheet = load_workbook(base.with_suffix(".xlsx")).worksheets[0]
    values = {row[0]: row[1] for row in sheet.iter_rows(values_only=True) if row and row[0]}
    in_xlsx = [values[GAPS], values[UNCOVERED]]
    doc = Document(io.BytesIO(base.with_suffix(".docx").read_bytes()))
    cells = {r.cells[0].text: r.cells[1].text for table in doc.tables for r in table.rows if len(r.cells) > 1}
    in_docx = [_int(cells[GAPS]), _int(cells[UNCOVERED])]
    assert in_html == in_xlsx == in_docx, (in_html, in_xlsx, in_docx)
    return in_html[0], in_html[1]


def from_cli(demo: dict[str, Any], province: str) -> tuple[int, int]:
    result = CliRunner().invoke(
        cli, ["gaps", "--db", str(demo["out"] / "lineage.db"), "--province", province, "--as-of", AS_OF],
        catch_exceptions=False,
    )  # fmt: skip
    last = result.output.strip().splitlines()[-1]
    found = re.match(r"(\d+) document gap\(s\); (\d+) uncovered unit\(s\)", last)
    assert found is not None, last
    return int(found.group(1)), int(found.group(2))


def from_cli_report(demo: dict[str, Any], province: str) -> tuple[int, int]:
    """``lineage report --province`` into a folder of its own: the model the demo's reports came from."""
    out = demo["out"] / f"cli-{slug(province)}"
    result = CliRunner().invoke(
        cli, ["report", "--db", str(demo["out"] / "lineage.db"), "--province", province, "--as-of", AS_OF,
              "--format", "html", "--out", str(out)],
        catch_exceptions=False,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    html = (out / f"{slug(province)}.html").read_text(encoding="utf-8")
    found = [re.search(rf"<th>{label}</th><td>([^<]*)</td>", html) for label in (GAPS, UNCOVERED)]
    assert found[0] is not None and found[1] is not None
    return _int(found[0].group(1)), _int(found[1].group(1))


@pytest.mark.parametrize("province", PROVINCES)
def test_every_face_gives_the_same_totals(demo: dict[str, Any], province: str) -> None:
    answers = {
        face.__name__: face(demo, province)
        for face in (console, from_api, from_index, from_reports, from_cli)
    }
    assert len(set(answers.values())) == 1, answers
    gaps, uncovered = answers["console"]
    assert gaps > 0 and uncovered > 0  # the seeds give these provinces both kinds of row


def test_old_province_names_ask_the_same_question(demo: dict[str, Any]) -> None:
    assert from_cli(demo, "Hải Dương") == from_cli(demo, "Hải Phòng")
    assert from_cli(demo, "Kon Tum") == from_cli(demo, "Quảng Ngãi")


def test_console_total_adds_up(demo: dict[str, Any], tmp_path: Path) -> None:
    rows = [line.split() for line in demo["lines"] if re.match(r"^\S.*\s\d+\s+\d+\s+\d+\s+\d+$", line)]
    body, total = rows[:-1], rows[-1]
    assert total[0] == "total" and len(body) == 35  # 34 provinces and the unknown line
    assert [sum(int(r[-k]) for r in body) for k in (4, 3, 2, 1)] == [int(v) for v in total[-4:]]


def test_unknown_province_is_counted_alike(demo: dict[str, Any]) -> None:
    """The documents whose province could not be read: the console's line, the API's row and the index's."""
    row = next(line for line in demo["lines"] if line.startswith("(unknown)")).split()
    rows = json.loads((demo["out"] / "reports" / "index.json").read_text(encoding="utf-8"))
    index = next(r for r in rows if r["province"] == "unknown")
    with open_store(demo["out"] / "lineage.db") as store:
        api = TestClient(create_app(store)).get("/provinces", params={"as_of": AS_OF}).json()[-1]
    assert [int(v) for v in row[1:4]] == [index["documents"], index["edges"], index["gaps"]]
    assert [api["documents"], api["edges"], api["gaps"]] == [
        index["documents"],
        index["edges"],
        index["gaps"],
    ]
    assert index["documents"] > 0
    assert t("province_unknown") in (demo["out"] / "reports" / "index.html").read_text(encoding="utf-8")


def test_the_demo_prints_commands_that_run_as_printed(demo: dict[str, Any]) -> None:
    """The next commands the demo prints call `lineage` the way this shell finds it (the path of
    the virtualenv's when it is not activated), and the printed `gaps` command answers."""
    import shlex
    import subprocess

    line = next(x for x in demo["lines"] if x.startswith("next:"))
    command = shlex.split(line.removeprefix("next:").split("   (")[0])
    done = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "document gap(s)" in done.stdout
    line = next(x for x in demo["lines"] if x.startswith("review:"))
    command = shlex.split(line.removeprefix("review:").split("   (")[0])
    done = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.rstrip().endswith("item(s)")
