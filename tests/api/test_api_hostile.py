"""The API under hostile use, against the real app served by uvicorn on 127.0.0.1: uploads refused
from their headers before the body is read, parallel uploads of one name never mixed, a bounded gap
cache, a quiet /health and answers without server paths."""

import hashlib
import os
import socket
import sqlite3
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx2 as httpx
import pytest
import uvicorn

from api.app import create_app
from api.keys import KeyStore
from graph.backends import open_store
from graph.ingest import ingest_paths
from ingest.limits import Limits
from tests.conftest import SEEDS
from tests.viz.conftest import _free_port

SEED = SEEDS / "001_248d6b34aa5ff351.txt"


@pytest.fixture
def served(tmp_path: Path) -> Iterator[dict[str, Any]]:
    store = open_store(tmp_path / "s.db")
    ingest_paths(store, [SEEDS])
    keys = KeyStore(tmp_path / "keys.json")
    upload_key = keys.add("uploader", "ingest")
    uploads = tmp_path / "uploads"
    app = create_app(store, keys=keys, upload_dir=uploads, limits=Limits(max_file_bytes=2_000_000))
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the test server did not start"
        time.sleep(0.05)
    yield {"url": f"http://127.0.0.1:{port}", "port": port, "key": upload_key, "app": app, "uploads": uploads}
    server.should_exit = True
    thread.join(timeout=10)
    store.close()


def _raw_post(port: int, headers: str, body: bytes) -> bytes:
    """Send a request head announcing a large body, then only ``body``; return what the server says."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall(f"POST /documents HTTP/1.1\r\nHost: 127.0.0.1\r\n{headers}\r\n".encode() + body)
        answer = b""
        while b"\r\n\r\n" not in answer or len(answer.split(b"\r\n\r\n", 1)[1]) < _length(answer):
            chunk = s.recv(65536)
            if not chunk:
                break
            answer += chunk
        return answer


def _length(answer: bytes) -> int:
    for line in answer.split(b"\r\n\r\n", 1)[0].split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            return int(line.split(b":", 1)[1])
    return 0


def test_no_key_is_refused_before_the_body_is_read(served: dict[str, Any]) -> None:
    # 512 MB announced, a few bytes sent: the answer comes from the headers alone.
    head = "Content-Type: multipart/form-data; boundary=xyz\r\nContent-Length: 536870912\r\n"
    answer = _raw_post(served["port"], head, b"--xyz\r\n")
    assert answer.startswith(b"HTTP/1.1 401") and b"ingest role is required" in answer


def test_too_large_is_refused_before_the_body_is_read(served: dict[str, Any]) -> None:
    head = f"X-API-Key: {served['key']}\r\nContent-Type: multipart/form-data; boundary=xyz\r\nContent-Length: 536870912\r\n"
    answer = _raw_post(served["port"], head, b"--xyz\r\n")
    assert answer.startswith(b"HTTP/1.1 413") and b"max_file_bytes" in answer


def test_a_chunked_body_is_stopped_at_the_limit(served: dict[str, Any]) -> None:
    sent = 0

    def body() -> Iterator[bytes]:
        nonlocal sent
        yield b'--xyz\r\nContent-Disposition: form-data; name="files"; filename="big.txt"\r\n\r\n'
        for _ in range(200):  # 20 MB offered
            sent += 100_000
            yield b"a" * 100_000
        yield b"\r\n--xyz--\r\n"

    r = httpx.post(f"{served['url']}/documents", content=body(), timeout=30,
                   headers={"X-API-Key": served["key"], "Content-Type": "multipart/form-data; boundary=xyz"})  # fmt: skip
    assert r.status_code == 413 and r.json()["status"] == 413
    assert not list(served["uploads"].rglob("big.txt"))


def test_parallel_uploads_of_one_name_are_never_mixed(served: dict[str, Any]) -> None:
    base = SEED.read_bytes()
    versions = [base.replace(b"386-KH/TU", f"{400 + i}-KH/TU".encode()) for i in range(30)]

    def upload(data: bytes) -> tuple[bytes, httpx.Response]:
        r = httpx.post(f"{served['url']}/documents", files=[("files", ("same-name.txt", data, "text/plain"))],
                       headers={"X-API-Key": served["key"]}, timeout=120)  # fmt: skip
        return data, r

    with ThreadPoolExecutor(10) as pool:
        answers = list(pool.map(upload, versions))
    for data, r in answers:
        assert r.status_code == 201, r.text
        body = r.json()
        (path,) = body["added"] + body["changed"] + body["unchanged"]
        assert not path.startswith("/") and str(served["uploads"]) not in r.text
        sha = hashlib.sha256(data).hexdigest()
        assert path == f"{sha}/same-name.txt"
        assert hashlib.sha256((served["uploads"] / path).read_bytes()).hexdigest() == sha
    assert not list(served["uploads"].glob(".upload-*"))  # no temporary file left behind


def test_errors_name_the_upload_not_the_server_path(served: dict[str, Any]) -> None:
    r = httpx.post(f"{served['url']}/documents", files=[("files", ("noise.pdf", os.urandom(3000), "application/pdf"))],
                   headers={"X-API-Key": served["key"]})  # fmt: skip
    assert r.status_code == 422  # no file could be read: not a 201
    error = r.json()["error"]
    assert "/noise.pdf: " in error and "not a readable PDF" in error and str(served["uploads"]) not in error


def test_the_gap_cache_is_bounded(served: dict[str, Any]) -> None:
    state = served["app"].state.lineage
    state.GAP_CACHE_ROWS = 100
    with httpx.Client(base_url=served["url"], timeout=60) as client:
        sizes = []
        for day in range(1, 29):
            for month in range(1, 8):
                r = client.get("/gaps", params={"as_of": f"2025-{month:02d}-{day:02d}"})
                assert r.status_code == 200
                sizes.append(len(r.json()))
    assert state.cached_gap_rows() <= 100 + max(sizes)


def test_health_says_little_to_the_anonymous(served: dict[str, Any]) -> None:
    anonymous = httpx.get(f"{served['url']}/health").json()
    assert anonymous["status"] == "ok" and anonymous["corpus_hash"] is None and anonymous["documents"] is None
    known = httpx.get(f"{served['url']}/health", headers={"X-API-Key": served["key"]}).json()
    assert known["documents"] == 5


def test_a_query_past_the_time_limit_gets_503(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    store = open_store(tmp_path / "s.db")
    ingest_paths(store, [SEEDS])
    slow = TestClient(create_app(store, request_seconds=0.001))
    r = slow.get("/gaps", params={"as_of": "2025-06-01"})
    assert r.status_code == 503
    assert r.json() == {"ok": False, "status": 503, "error": r.json()["error"]}
    assert "took longer than 0.001 s" in r.json()["error"]
    assert TestClient(create_app(store, request_seconds=30)).get("/gaps").status_code == 200
    store.close()


def test_a_busy_store_is_a_clear_error_without_server_paths(
    served: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LINEAGE_BUSY_TIMEOUT", "0.3")
    db = served["uploads"].parent / "s.db"
    holder = sqlite3.connect(db)
    holder.execute("BEGIN IMMEDIATE")  # another process writing
    try:
        r = httpx.post(f"{served['url']}/documents", files=[("files", ("a.txt", SEED.read_bytes(), "text/plain"))],
                       headers={"X-API-Key": served["key"]}, timeout=60)  # fmt: skip
    finally:
        holder.rollback()
        holder.close()
    assert r.status_code == 400
    assert r.json()["error"].startswith("s.db: the store is busy")
    assert str(served["uploads"].parent) not in r.text


def test_paths_in_answers_are_relative_to_the_corpus_root(served: dict[str, Any]) -> None:
    docs = httpx.get(f"{served['url']}/documents").json()
    sources = [s for d in docs["items"] for s in d["sources"]]
    assert sources and set(sources) <= {p.name for p in SEEDS.glob("*.txt")}
    key = docs["items"][0]["key"]
    for path in (
        "/gaps",
        "/graph",
        f"/documents/{quote(key, safe='')}",
        f"/documents/{quote(key, safe='')}/lineage",
    ):
        r = httpx.get(f"{served['url']}{path}")
        assert r.status_code == 200 and str(SEEDS) not in r.text, path
