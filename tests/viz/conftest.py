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

from graph.backends import open_store
from graph.ingest import ingest_paths
from graph.store import LineageStore
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
    """The real HTTP app (api.app.create_app) over the store: the browser is tested against what ships."""
    from api.app import create_app

    return create_app(store)


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
