"""Fixtures for the browser tests: a seed store, a small real HTTP server and headless Chromium.

The server is a tiny FastAPI app written here (not ``api/app.py``) with the routes the served app
reads: ``/`` (viz/static/app.html), ``/static/...``, ``/static/vis-network.min.js``, ``/graph``,
``/provinces`` and ``/documents/{key}``, computed with graph.views from the seed store. It runs under
uvicorn in a thread on a free port of 127.0.0.1.

Chromium is Debian's ``/usr/bin/chromium`` driven by the ``playwright`` package (never a downloaded
browser); the browser tests are skipped with the reason when either is missing.
"""

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from graph.ingest import ingest_paths
from graph.store import LineageStore, open_store
from tests.conftest import CORPUS, SEEDS

CHROMIUM = Path(os.environ.get("LINEAGE_CHROMIUM", "/usr/bin/chromium"))
# Launch flags from the machine notes; playwright adds a fresh temporary profile (--user-data-dir) itself.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
AIR_GAP = "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost, EXCLUDE 127.0.0.1"


@pytest.fixture(scope="session")
def viz_store(tmp_path_factory: pytest.TempPathFactory) -> LineageStore:
    """A store with the seed and extraction corpora ingested."""
    store = open_store(tmp_path_factory.mktemp("viz") / "lineage.db")
    ingest_paths(store, [SEEDS, CORPUS])
    return store


@pytest.fixture(scope="session")
def viz_graph(viz_store: LineageStore) -> tuple[Any, list[dict[str, Any]]]:
    """The store's graph and gaps."""
    return viz_store.graph(), viz_store.gaps()


def make_app(store: LineageStore) -> Any:
    """The routes the served app reads, as ``api/app.py`` is to serve them."""
    from fastapi import FastAPI, HTTPException, Response
    from fastapi.responses import FileResponse
    from fastapi.staticfiles import StaticFiles

    from graph.views import DEFAULT_NODE_LIMIT, current_provinces, node_view, subgraph_json
    from viz.browser import STATIC_DIR, vis_network_js

    G = store.graph()
    gaps = store.gaps()
    deadlines = list(store.deadlines())
    app = FastAPI()

    @app.get("/")
    def index() -> FileResponse:
        return FileResponse(STATIC_DIR / "app.html", media_type="text/html")

    @app.get("/static/vis-network.min.js")
    def vis_js() -> Response:
        return Response(vis_network_js(), media_type="application/javascript")

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    @app.get("/graph")
    def graph(
        province: str | None = None,
        root: str | None = None,
        depth: int = 3,
        level: str | None = None,
        q: str | None = None,
        limit: int = DEFAULT_NODE_LIMIT,
    ) -> dict[str, Any]:
        if root is not None and root not in G:
            raise HTTPException(404, f"document {root!r} is not in the graph")
        return subgraph_json(
            G, gaps, province=province, root=root, depth=depth, level=level, query=q, limit=limit
        )

    @app.get("/provinces")
    def provinces() -> list[dict[str, Any]]:
        return current_provinces()

    @app.get("/documents/{key:path}")
    def document(key: str) -> dict[str, Any]:
        if key not in G:
            raise HTTPException(404, f"document {key!r} is not in the graph")
        mine = [g for g in gaps if g["document"] == key]

        def edge(u: str, v: str, rel: str, d: dict[str, Any]) -> dict[str, Any]:
            return {"source": u, "target": v, "relation": rel, "confidence": d["confidence"],
                    "status": d["status"], "evidence": d["evidence"]}  # fmt: skip

        return {
            **node_view(key, dict(G.nodes[key]), [g["kind"] for g in mine]),
            "key": key,
            "edges_out": [edge(u, v, k, d) for u, v, k, d in G.out_edges(key, keys=True, data=True)],
            "edges_in": [edge(u, v, k, d) for u, v, k, d in G.in_edges(key, keys=True, data=True)],
            "deadlines": [d for d in deadlines if d["document"] == key],
            "gaps": mine,
        }

    return app


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def live_server(viz_store: LineageStore) -> Iterator[str]:
    """Base URL (``http://127.0.0.1:PORT/``) of the test app running under uvicorn in a thread."""
    uvicorn = pytest.importorskip("uvicorn", reason="uvicorn is needed to serve the app to Chromium")
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(make_app(viz_store), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the test HTTP server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}/"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """Debian's headless Chromium under playwright (skipped, with the reason, when unavailable)."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is absent: install Debian's chromium (apt-get install -y chromium)")
    sync_api = pytest.importorskip(
        "playwright.sync_api",
        reason="the playwright package is needed to drive Chromium (pip install playwright)",
    )
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=[*CHROMIUM_ARGS, AIR_GAP], timeout=60_000
        )
        try:
            yield browser
        finally:
            browser.close()
