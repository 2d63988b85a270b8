"""Tests for the HTTP API: endpoints, the one error shape, keys and roles, and the OpenAPI contract."""

import logging
import re
from pathlib import Path
from urllib.parse import quote

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings

from api.app import create_app
from api.keys import KeyStore
from graph.backends import open_store
from graph.ingest import ingest_paths
from graph.store import LineageStore
from tests.conftest import SEEDS, first_reached

KEY_57 = "57-NQ/TW@VN@2024"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> LineageStore:
    s = open_store(tmp_path_factory.mktemp("api") / "l.db")
    ingest_paths(s, [SEEDS])
    return s


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> tuple[KeyStore, str, str]:
    ks = KeyStore(tmp_path_factory.mktemp("keys") / "keys.json")
    return ks, ks.add("uploader", "ingest"), ks.add("reader", "read")


@pytest.fixture(scope="module")
def client(
    store: LineageStore, keys: tuple[KeyStore, str, str], tmp_path_factory: pytest.TempPathFactory
) -> TestClient:
    return TestClient(create_app(store, keys=keys[0], upload_dir=tmp_path_factory.mktemp("up")))


def assert_error(response: object, status: int) -> None:
    r = response
    assert r.status_code == status  # type: ignore[attr-defined]
    body = r.json()  # type: ignore[attr-defined]
    assert set(body) == {"ok", "error", "status"}
    assert body["ok"] is False and body["status"] == status and body["error"]


class TestRead:
    def test_health(self, client: TestClient, keys: tuple[KeyStore, str, str]) -> None:
        body = client.get("/health", headers={"X-API-Key": keys[2]}).json()
        assert body["status"] == "ok" and body["documents"] == 5 and len(body["corpus_hash"]) == 16
        assert client.get("/health").json() == {  # the anonymous hear only that it is up
            "status": "ok", "backend": None, "documents": None, "files": None, "corpus_hash": None,
        }  # fmt: skip

    def test_documents_filters_and_pagination(self, client: TestClient) -> None:
        body = client.get("/documents", params={"province": "Kon Tum"}).json()
        assert body["count"] == 1 and body["items"][0]["issuer"] == "UBND huyện Đăk Glei"
        assert (
            client.get("/documents", params={"q": "KINH MON"}).json()["count"] == 1
        )  # case and diacritics ignored
        assert client.get("/documents", params={"level": "district"}).json()["count"] == 2
        page = client.get("/documents", params={"limit": 2, "offset": 2}).json()
        assert page["count"] == 5 and len(page["items"]) == 2
        assert client.get("/documents", params={"type": "Báo cáo"}).json()["count"] == 1

    def test_document_detail(self, client: TestClient) -> None:
        body = client.get(f"/documents/{quote(KEY_57, safe='')}").json()
        assert body["status"] == "cited" and body["catalog"] is True
        assert {e["relation"] for e in body["edges_in"]} == {"implements", "reports_on", "urges"}
        assert all(e["evidence"][0]["text"] for e in body["edges_in"])

    def test_document_detail_of_a_plan_has_deadlines_and_gaps(
        self, client: TestClient, store: LineageStore
    ) -> None:
        key = store.key_of_path(str((SEEDS / "001_248d6b34aa5ff351.txt").resolve()))
        body = client.get(f"/documents/{quote(str(key), safe='')}").json()
        assert {d["date"] for d in body["deadlines"]} == {"2025-03-10", "2025-03-28", "2025-03"}
        assert {g["kind"] for g in body["gaps"]} >= {"no_report", "report_overdue", "basis_missing"}

    def test_lineage(self, client: TestClient) -> None:
        body = client.get(
            f"/documents/{quote(KEY_57, safe='')}/lineage", params={"direction": "down", "depth": 1}
        ).json()
        assert body["root"] == KEY_57 and len(body["nodes"]) == 6 and body["truncated"] is False

    def test_lineage_is_capped_at_the_first_documents_reached(self, client: TestClient) -> None:
        url = f"/documents/{quote(KEY_57, safe='')}/lineage"
        whole = client.get(url, params={"direction": "down"}).json()
        capped = client.get(url, params={"direction": "down", "limit": 3}).json()
        assert capped["truncated"] is True and whole["truncated"] is False
        kept = first_reached(whole, 3)
        assert capped["nodes"] == [n for n in whole["nodes"] if n["key"] in kept]
        assert capped["edges"] == [e for e in whole["edges"] if e["source"] in kept and e["target"] in kept]
        assert client.get(url, params={"limit": 0}).status_code == 422

    def test_gaps(self, client: TestClient) -> None:
        rows = client.get(
            "/gaps", params={"province": "Hải Dương", "kind": "no_report", "as_of": "2026-11-22"}
        ).json()
        assert [r["kind"] for r in rows] == ["no_report"] and rows[0]["province"] == "Hải Phòng"
        # The reason is a code with parameters, rendered in Vietnamese by default or in English.
        assert rows[0]["reason"]["code"].startswith("no_report_")
        assert rows[0]["reason_text"].startswith("Chưa có báo cáo về kế hoạch này; hạn ")
        en = client.get("/gaps", params={"province": "Hải Dương", "kind": "no_report", "as_of": "2026-11-22",
                                         "lang": "en"}).json()  # fmt: skip
        assert en[0]["reason"] == rows[0]["reason"] and en[0]["reason_text"].startswith(
            "No report on this plan; due "
        )

    def test_labels_are_the_one_table(self, client: TestClient) -> None:
        from viz.i18n import GAP_KIND_LABELS, LEVEL_LABELS, RELATION_LABELS

        vi, en = client.get("/labels").json(), client.get("/labels", params={"lang": "en"}).json()
        assert vi["gap_kinds"] == {k: v[0] for k, v in GAP_KIND_LABELS.items()}
        assert en["levels"] == {k: v[1] for k, v in LEVEL_LABELS.items()}
        assert vi["relations"] == {k: v[0] for k, v in RELATION_LABELS.items()}
        assert en["doc_types"]["Thông tư"] == "Circular" and vi["doc_types"]["Thông tư"] == "Thông tư"

    def test_provinces(self, client: TestClient) -> None:
        rows = client.get("/provinces").json()
        assert len(rows) == 35
        hp = next(r for r in rows if r["name"] == "Hải Phòng")
        assert hp["old_names"] == ["Hải Dương"] and hp["documents"] == 1
        # The documents whose province could not be read: a row of their own, with the reason.
        unknown = rows[-1]
        assert (
            unknown["name"] == "unknown" and unknown["code"] == 0 and "could not be read" in unknown["note"]
        )
        assert sum(r["documents"] for r in rows) == 5  # every seed counted once, none lost
        listed = client.get("/documents", params={"province": "unknown"}).json()
        assert listed["count"] == unknown["documents"] > 0
        assert all(d["province"] is None for d in listed["items"])
        drawn = client.get("/graph", params={"province": "unknown"}).json()
        assert listed["items"][0]["key"] in {n["id"] for n in drawn["nodes"]}

    def test_province_report_json(self, client: TestClient) -> None:
        body = client.get("/provinces/Quảng Ngãi/report").json()
        assert body["summary"]["old_names"] == ["Kon Tum"] and body["snapshot"]["corpus_hash"]

    @pytest.mark.parametrize(("fmt", "disposition"), [("xlsx", "attachment"), ("docx", "attachment"),
                                                      ("html", "inline")])  # fmt: skip
    def test_province_report_file_is_named_by_slug(
        self, client: TestClient, fmt: str, disposition: str
    ) -> None:
        """Downloaded, a report keeps the name `lineage report` writes: the province slug (old names too)."""
        for name in ("Hải Phòng", "Hải Dương"):
            r = client.get(f"/provinces/{name}/report", params={"format": fmt})
            assert r.status_code == 200
            assert r.headers["content-disposition"] == f'{disposition}; filename="hai-phong.{fmt}"'

    def test_province_report_takes_the_office_settings_file(
        self, client: TestClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        import io

        from docx import Document

        settings = tmp_path / "office.toml"
        settings.write_text('issuing_body = "Sở Nội vụ"\nsigner_name = "Nguyễn Văn A"\n', encoding="utf-8")
        monkeypatch.setenv("LINEAGE_OFFICE_SETTINGS", str(settings))
        r = client.get("/provinces/Hải Phòng/report", params={"format": "docx"})
        doc = Document(io.BytesIO(r.content))
        assert "SỞ NỘI VỤ" in doc.tables[0].rows[0].cells[0].text
        assert doc.tables[-1].rows[0].cells[1].paragraphs[-1].text == "Nguyễn Văn A"
        settings.write_text('issuing_body = "Sở Nội vụ"\nsigner = "x"\n', encoding="utf-8")
        bad = client.get("/provinces/Hải Phòng/report", params={"format": "docx"})
        assert bad.status_code == 400 and "unknown key 'signer'" in bad.json()["error"]

    def test_graph(self, client: TestClient) -> None:
        body = client.get("/graph", params={"root": KEY_57, "depth": 1, "limit": 3}).json()
        assert (
            len(body["nodes"]) == 3 and body["truncated"] and body["omitted_nodes"] == body["total_nodes"] - 3
        )


class TestErrors:
    @pytest.mark.parametrize(
        ("method", "url", "status"),
        [
            ("get", "/documents/nope%40VN%402020", 404),
            ("get", "/documents/nope/lineage", 404),
            ("get", "/gaps?as_of=2025-02-31", 422),
            ("get", "/gaps?province=Atlantis", 404),
            ("get", "/documents?province=Atlantis", 404),
            ("get", "/graph?province=Atlantis", 404),
            ("get", "/graph?root=nope%40VN%402020", 404),
            ("get", "/gaps?kind=bogus", 422),
            ("get", "/documents?limit=0", 422),
            ("get", "/provinces/Atlantis/report", 404),
            ("get", "/nowhere", 404),
            ("post", "/health", 405),
        ],
    )
    def test_one_error_shape(self, client: TestClient, method: str, url: str, status: int) -> None:
        assert_error(getattr(client, method)(url), status)

    def test_an_unknown_province_is_404_with_one_message_on_every_route(self, client: TestClient) -> None:
        messages = [
            client.get(url, params={"province": "Atlantis"}).json()["error"]
            for url in ("/documents", "/graph")
        ]
        assert all(m.startswith("unknown province 'Atlantis'; expected one of the 34") for m in messages)
        assert (
            client.get("/documents", params={"province": "Hải Dương"}).status_code == 200
        )  # an old name is one


class TestUpload:
    def test_needs_an_ingest_key(self, client: TestClient, keys: tuple[KeyStore, str, str]) -> None:
        files = {"files": ("a.txt", b"x", "text/plain")}
        assert_error(client.post("/documents", files=files), 401)
        assert_error(client.post("/documents", files=files, headers={"X-API-Key": keys[2]}), 403)
        assert_error(client.post("/documents", files=files, headers={"X-API-Key": "lin_wrong"}), 401)

    def test_upload_ingests(
        self, client: TestClient, keys: tuple[KeyStore, str, str], tmp_path: Path
    ) -> None:
        text = (SEEDS / "001_248d6b34aa5ff351.txt").read_bytes().replace(b"386-KH/TU", b"390-KH/TU")
        r = client.post(
            "/documents",
            files=[("files", ("new-plan.txt", text, "text/plain"))],
            headers={"X-API-Key": keys[1]},
        )
        assert r.status_code == 201 and len(r.json()["added"]) == 1
        assert client.get("/health", headers={"X-API-Key": keys[1]}).json()["documents"] == 6
        bad = client.post("/documents", files=[("files", ("x.exe", b"MZ", "application/octet-stream"))],
                          headers={"X-API-Key": keys[1]})  # fmt: skip
        assert_error(bad, 415)

    def test_an_upload_of_which_no_file_could_be_read_is_422(
        self, client: TestClient, keys: tuple[KeyStore, str, str]
    ) -> None:
        files = [("files", ("broken.docx", b"not a zip", "application/octet-stream")),
                 ("files", ("noise.pdf", b"%PDF-1.4 nothing", "application/pdf"))]  # fmt: skip
        r = client.post("/documents", files=files, headers={"X-API-Key": keys[1]})
        assert_error(r, 422)
        error = r.json()["error"]
        assert error.startswith("no uploaded file could be read (2): ")
        assert "broken.docx" in error and "noise.pdf" in error and "not a readable DOCX" in error
        # One good file among them: 201, the others listed as failed.
        good = (SEEDS / "002_11b66335f04710ba.txt").read_bytes()
        mixed = client.post("/documents", files=[*files, ("files", ("seed.txt", good, "text/plain"))],
                            headers={"X-API-Key": keys[1]})  # fmt: skip
        assert mixed.status_code == 201 and len(mixed.json()["failed"]) == 2

    def test_keys_are_stored_hashed(self, keys: tuple[KeyStore, str, str]) -> None:
        text = keys[0].path.read_text(encoding="utf-8")
        assert keys[1] not in text and keys[2] not in text
        assert [k["name"] for k in keys[0].list()] == ["reader", "uploader"]


def test_read_key_can_be_required(store: LineageStore, keys: tuple[KeyStore, str, str]) -> None:
    c = TestClient(create_app(store, keys=keys[0], require_read_key=True))
    assert_error(c.get("/documents"), 401)
    assert c.get("/documents", headers={"X-API-Key": keys[2]}).status_code == 200


def _contract_app() -> object:
    """An app over the seeds, built at import: schemathesis reads its OpenAPI document."""
    import tempfile

    s = open_store(Path(tempfile.mkdtemp(prefix="lineage-contract-")) / "l.db")
    ingest_paths(s, [SEEDS])
    return create_app(s)


schema = schemathesis.openapi.from_asgi("/openapi.json", _contract_app())


@schema.include(method="GET").parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_openapi_contract(case: schemathesis.Case) -> None:
    case.call_and_validate()


def test_gap_kind_parameter_lists_every_kind() -> None:
    from graph.gaps import GAP_KINDS

    spec = create_app(open_store(":memory:")).openapi()
    param = next(p for p in spec["paths"]["/gaps"]["get"]["parameters"] if p["name"] == "kind")
    enum = spec["components"]["schemas"]["GapKind"]["enum"]
    assert param["schema"]["items"]["$ref"].endswith("/GapKind") and enum == list(GAP_KINDS)


def test_one_access_log_line_per_request(
    client: TestClient, keys: tuple[KeyStore, str, str], caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="lineage"):
        client.get("/documents", params={"province": "Hải Phòng", "q": "secret words"})
        client.get("/documents/nope%40VN%402020")
        client.post("/documents", files={"files": ("a.txt", b"x", "text/plain")})  # refused by the gate
        client.get("/documents/a%0Ab")
    lines = [r.getMessage() for r in caplog.records if r.name == "lineage"]
    assert len(lines) == 4
    assert re.fullmatch(r"GET /documents 200 \d+\.\d ms", lines[0])  # the query is not logged
    assert re.fullmatch(r"GET /documents/nope%40VN%402020 404 \d+\.\d ms", lines[1])
    assert re.fullmatch(r"POST /documents 401 \d+\.\d ms", lines[2])
    assert "\n" not in lines[3] and lines[3].startswith("GET /documents/a%0Ab 404 ")


def test_openapi_declares_the_statuses_routes_answer() -> None:
    spec = create_app(open_store(":memory:")).openapi()["paths"]
    assert {"404", "422"} <= set(spec["/documents"]["get"]["responses"])
    assert {"404"} <= set(spec["/graph"]["get"]["responses"])
    upload = spec["/documents"]["post"]["responses"]
    assert {"201", "401", "403", "415", "422"} <= set(upload)
    assert upload["422"]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorResponse")


def test_docs_are_served_from_local_assets(client: TestClient) -> None:
    for url, script in (("/docs", "swagger-ui-bundle.js"), ("/redoc", "redoc.standalone.js")):
        page = client.get(url)
        assert page.status_code == 200
        assert not re.search(r"https?://", page.text), url  # nothing fetched from elsewhere: works offline
        assets = re.findall(r"""(?:src|href)=["']([^"']+)["']""", page.text)
        assert any(a.endswith(script) for a in assets), assets
        for asset in assets:
            assert asset.startswith("/static/docs/"), asset
            r = client.get(asset)
            assert r.status_code == 200 and len(r.content) > 1000, asset
        assert "/openapi.json" in page.text
    assert '"validatorUrl": null' in client.get("/docs").text  # the public validator is never called
    assert_error(client.get("/static/docs/..%2F__init__.py"), 404)
