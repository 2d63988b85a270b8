"""``GET /documents`` and ``GET /provinces`` answer from the store's reader, not the whole-graph view,
and give what the view-based listing gives (``api.listing``)."""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.app import _public, create_app
from api.listing import DocumentQuery, reader_nodes
from api.paths import common_root, relative_paths
from graph.backends import open_store
from graph.ingest import ingest_paths
from graph.store import LineageStore
from graph.views import UNKNOWN_PROVINCE, current_provinces
from tests.conftest import CORPUS, SEEDS


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("listing") / "lineage.db"
    with open_store(path) as s:
        ingest_paths(s, [SEEDS, CORPUS], workers=1)
    return path


@pytest.fixture(scope="module")
def store(db: Path) -> Iterator[LineageStore]:
    with open_store(db, create=False) as s:
        assert isinstance(s, LineageStore)
        yield s


def view_listing(store: LineageStore, query: DocumentQuery) -> list[dict[str, Any]]:
    """The listing as it was read from the networkx view of the whole store."""
    G = store.graph()
    return [_public(n, a) for n, a in query.select(list(G.nodes(data=True)))]


def queries(store: LineageStore) -> list[DocumentQuery]:
    provinces = sorted({a["province"] for _, a in store.graph().nodes(data=True) if a.get("province")})
    out = [
        DocumentQuery(),
        DocumentQuery(include_cited=True, level="central"),
        DocumentQuery(level="central"),
    ]
    out += [
        DocumentQuery(province=p) for p in [*provinces, "Kon Tum", "Hải Dương", "Hà Nội", UNKNOWN_PROVINCE]
    ]
    out += [
        DocumentQuery(q="57"),
        DocumentQuery(q="chuyen doi so", level="province"),
        DocumentQuery(issuer="ủy ban", doc_type="kế hoạch"),
        DocumentQuery(date_from="2025-01-01", date_to="2025-06"),
        DocumentQuery(province="Quảng Ngãi", include_cited=True, level="central"),
        DocumentQuery(include_cited=True, level="central", q="nghi quyet"),
    ]
    return out


def test_the_reader_lists_what_the_view_lists(store: LineageStore) -> None:
    checked = 0
    for query in queries(store):
        source = query.source()
        assert source is not None, query
        got = [_public(n, a) for n, a in query.select(reader_nodes(store.reader, source))]
        assert got == view_listing(store, query), query
        checked += len(got)
    assert checked > 50


def test_documents_and_provinces_without_the_view(db: Path) -> None:
    """A fresh app answers the listings (and a document's source) without building the view, with
    the JSON the view-based listing gives."""
    with open_store(db, create=False) as fresh, open_store(db, create=False) as reference:
        assert isinstance(fresh, LineageStore) and isinstance(reference, LineageStore)
        client = TestClient(create_app(fresh))
        root = common_root(reference.paths())  # the API answers with paths relative to it
        assert root is not None
        for query in queries(reference):
            params = {k: v for k, v in (("province", query.province), ("level", query.level),
                      ("type", query.doc_type), ("date_from", query.date_from), ("date_to", query.date_to),
                      ("issuer", query.issuer), ("q", query.q)) if v is not None}  # fmt: skip
            if query.include_cited:
                params["include_cited"] = "true"
            body = client.get("/documents", params={**params, "limit": 500}).json()
            want = relative_paths(view_listing(reference, query), root)
            assert body["count"] == len(want) and body["items"] == want[:500], query
        assert len(client.get("/provinces").json()) == len(current_provinces()) + 1
        key = next(n for n, a in reference.graph().nodes(data=True) if a["status"] == "ingested")
        assert client.get(f"/documents/{key}/source").status_code == 200
        assert client.get("/documents/nope@VN@2020/source").status_code == 404
        assert fresh._cache is None  # no networkx view was built
        # Documents known by citation at other levels are still listed from the view.
        cited = client.get("/documents", params={"include_cited": "true", "limit": 500}).json()
        want = relative_paths(view_listing(reference, DocumentQuery(include_cited=True)), root)
        assert cited["items"] == want[:500]
        assert fresh._cache is not None
