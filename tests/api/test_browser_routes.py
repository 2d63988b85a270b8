"""The routes the browser app's faces read: a document's stored source, the gap table, and /graph's
gap-first cap, gap-only view and directive chain."""

from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from graph.backends import open_store
from graph.ingest import ingest_paths
from graph.store import LineageStore
from ontology.gaps import DOCUMENT_GAP_KINDS
from tests.conftest import CORPUS, SEEDS

DOCUMENT_KINDS = {k.value for k in DOCUMENT_GAP_KINDS}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> LineageStore:
    s = open_store(tmp_path_factory.mktemp("browser-routes") / "l.db")
    ingest_paths(s, [SEEDS, CORPUS])
    return s


@pytest.fixture(scope="module")
def client(store: LineageStore) -> TestClient:
    return TestClient(create_app(store))


def _url(key: str) -> str:
    return quote(key, safe="")


def _with_source(store: LineageStore, suffix: str) -> tuple[str, Path]:
    G = store.graph()
    for n, a in G.nodes(data=True):
        for s in a.get("sources") or []:
            if s.endswith(suffix):
                return str(n), Path(s)
    pytest.fail(f"no stored {suffix} source")


class TestSource:
    def test_streams_the_stored_file(self, client: TestClient, store: LineageStore) -> None:
        key, path = _with_source(store, ".txt")
        r = client.get(f"/documents/{_url(key)}/source")
        assert r.status_code == 200
        assert r.content == path.read_bytes()
        assert r.headers["content-type"].startswith("text/plain")
        assert r.headers["x-content-type-options"] == "nosniff"
        assert (
            path.name in r.headers["content-disposition"]
            or quote(path.name) in r.headers["content-disposition"]
        )
        assert str(path.parent) not in r.text  # the server's folder is not in the answer

    def test_html_source_runs_nothing(self, client: TestClient, store: LineageStore) -> None:
        key, path = _with_source(store, ".html")
        r = client.get(f"/documents/{_url(key)}/source")
        assert r.status_code == 200 and r.content == path.read_bytes()
        assert r.headers["content-security-policy"].startswith("sandbox")

    def test_only_a_stored_source_of_that_document(self, client: TestClient, store: LineageStore) -> None:
        key, _ = _with_source(store, ".txt")
        n = len(store.graph().nodes[key]["sources"])
        for bad in (f"/documents/{_url(key)}/source?n={n}", "/documents/no-such-doc/source"):
            r = client.get(bad)
            assert r.status_code == 404 and r.json()["ok"] is False
        assert client.get(f"/documents/{_url(key)}/source?n=-1").status_code == 422
        cited = next(n for n, a in store.graph().nodes(data=True) if a["status"] == "cited")
        assert client.get(f"/documents/{_url(cited)}/source").status_code == 404

    @pytest.mark.parametrize(
        "path",
        [
            "/documents/..%2F..%2F..%2Fetc%2Fpasswd/source",
            "/documents/%2Fetc%2Fpasswd/source",
            "/documents/../../etc/passwd/source",
            "/documents/x/source?n=../../etc/passwd",
            "/documents/x/source?path=/etc/passwd",
        ],
    )
    def test_no_path_traversal(self, client: TestClient, path: str) -> None:
        r = client.get(path)
        assert r.status_code in (404, 422)
        assert "root:" not in r.text


class TestGapTable:
    def test_rows_are_the_gap_rows_with_issuer_and_directives(
        self, client: TestClient, store: LineageStore
    ) -> None:
        rows = client.get("/gaps/table").json()
        plain = [g for g in client.get("/gaps").json() if g["kind"] in DOCUMENT_KINDS]
        assert len(rows) == len(plain) > 0
        assert [(r["kind"], r["document"]) for r in rows] == [(g["kind"], g["document"]) for g in plain]
        assert all(r["reason_text"] for r in rows)
        G = store.graph()
        with_directive = [r for r in rows if r["directives"]]
        assert with_directive
        for r in with_directive:
            for d in r["directives"]:
                assert G.nodes[d["key"]]["level"] == "central" and d["label"]
        for r in rows:
            if r["document"] in G:
                assert r["issuer"] == G.nodes[r["document"]].get("issuer")

    def test_units_on_request(self, client: TestClient) -> None:
        every = client.get("/gaps/table", params={"province": "Hải Phòng", "units": "true"}).json()
        assert [(r["kind"], r["document"], r["unit"]) for r in every] == [
            (g["kind"], g["document"], g["unit"])
            for g in client.get("/gaps", params={"province": "Hải Phòng"}).json()
        ]
        assert any(r["kind"] == "unit_coverage" for r in every)

    def test_province(self, client: TestClient) -> None:
        rows = client.get("/gaps/table", params={"province": "Hải Dương"}).json()
        assert rows and {r["province"] for r in rows} == {"Hải Phòng"}
        assert client.get("/gaps/table", params={"province": "Atlantis"}).status_code == 404


class TestGraphViews:
    def _graph(self, client: TestClient, **params: Any) -> dict[str, Any]:
        r = client.get("/graph", params=params)
        assert r.status_code == 200, r.text
        body: dict[str, Any] = r.json()
        return body

    def test_prefer_gaps_keeps_gap_documents_first(self, client: TestClient) -> None:
        full = self._graph(client)
        gap_total = sum(1 for n in full["nodes"] if n["gap_kinds"])
        assert 0 < gap_total < len(full["nodes"])
        small = self._graph(client, limit=gap_total, prefer_gaps="true")
        assert small["truncated"] and all(n["gap_kinds"] for n in small["nodes"])
        assert small["gap_nodes"] == gap_total and small["omitted_gap_nodes"] == 0
        plain = self._graph(client, limit=gap_total)
        assert plain["omitted_gap_nodes"] == gap_total - plain["gap_nodes"] > 0

    def test_gaps_only(self, client: TestClient) -> None:
        body = self._graph(client, gaps_only="true")
        assert body["nodes"] and all(n["gap_kinds"] for n in body["nodes"])

    def test_chain(self, client: TestClient, store: LineageStore) -> None:
        G = store.graph()
        directive = max(
            (n for n, a in G.nodes(data=True) if a.get("level") == "central"),
            key=lambda n: sum(1 for _, _, k in G.in_edges(n, keys=True) if k == "implements"),
        )
        body = self._graph(client, chain=directive)
        ids = {n["id"] for n in body["nodes"]}
        implementers = {u for u, _, k in G.in_edges(directive, keys=True) if k == "implements"}
        assert directive in ids and implementers and implementers <= ids
        assert client.get("/graph", params={"chain": "nope"}).status_code == 404
