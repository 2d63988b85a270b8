"""The review routes (#14): a read key is refused every write, a review key's name is the author, a
false ``no_basis`` row fixed through the API leaves ``/gaps`` and comes back on undo, export/import
round-trips and is idempotent, and the queue is ordered by doubt.

The store holds the seeds and one plan written here after a real one (``corpus/real/docs/A030.txt``,
78/KH-UBND of Hậu Giang): its basis, Nghị quyết 36a/NQ-CP, is named inside a list of earlier plans,
so the machine reads it as ``cites`` and the plan is a false ``no_basis`` row.
"""

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from api.app import create_app
from api.keys import KeyStore
from graph.backends import open_store
from graph.ingest import ingest_paths
from tests.api.test_app import assert_error
from tests.conftest import SEEDS

PLAN = "78/KH-UBND@Hậu Giang@2021"
BASIS = "36A/NQ-CP"
PLAN_TEXT = """ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
Số: 78/KH-UBND | Hậu Giang, ngày 27 tháng 4 năm 2021 |
KẾ HOẠCH
Chuyển đổi số trong cơ quan nhà nước tỉnh Hậu Giang năm 2021
I. XÂY DỰNG VÀ BAN HÀNH CHÍNH SÁCH
Trong giai đoạn 2016 - 2020, UBND tỉnh Hậu Giang đã ban hành nhiều văn bản chỉ đạo để xây dựng Chính quyền điện tử. Các văn bản chủ yếu bao gồm:
1. Kế hoạch số 07/KH-UBND ngày 25/01/2016 của UBND tỉnh về việc thực hiện Nghị quyết 36a/NQ-CP của Chính phủ về Chính phủ điện tử.
2. Kế hoạch số 08/KH-UBND ngày 25/01/2016 của UBND tỉnh về việc thực hiện lộ trình cung cấp dịch vụ công trực tuyến giai đoạn 2016 - 2020.
II. TỔ CHỨC THỰC HIỆN
Các sở, ban, ngành báo cáo kết quả thực hiện về Sở Thông tin và Truyền thông trước ngày 15/12/2021.
"""
FIX = {"document": PLAN, "action": "relation", "number": BASIS, "value": "implements",
       "note": "Kế hoạch thực hiện Nghị quyết 36a/NQ-CP"}  # fmt: skip
# Every write route with a body it would accept.
WRITES: list[tuple[str, dict[str, Any] | str]] = [
    ("/review/links", FIX),
    ("/review/documents", {"document": PLAN, "action": "set", "field": "date", "value": "2021-04-28"}),
    (
        "/review/add-link",
        {"source": PLAN, "target": "57-NQ/TW@VN@2024", "relation": "implements", "note": "x"},
    ),
    ("/review/undo", {"id": "0123456789abcdef"}),
    ("/review/import", ""),
]


def write_plan(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "ke-hoach-78-hau-giang.txt"
    path.write_text(PLAN_TEXT, encoding="utf-8")
    return folder


class Served:
    def __init__(self, root: Path, plans: Path) -> None:
        root.mkdir(parents=True, exist_ok=True)
        self.store = open_store(root / "l.db")
        ingest_paths(self.store, [SEEDS, plans])
        self.keys = KeyStore(root / "keys.json")
        self.review = self.keys.add("so-tttt-hau-giang", "review")
        self.read = self.keys.add("reader", "read")
        self.ingest = self.keys.add("uploader", "ingest")
        self.client = TestClient(create_app(self.store, keys=self.keys, upload_dir=root / "up"))

    def post(self, path: str, body: dict[str, Any] | str, key: str | None = None) -> Any:
        headers = {"X-API-Key": key} if key else {}
        if isinstance(body, str):
            headers["Content-Type"] = "application/x-ndjson"
            return self.client.post(path, content=body.encode(), headers=headers)
        return self.client.post(path, json=body, headers=headers)

    def gap_kinds(self, document: str = PLAN) -> set[str]:
        return {g["kind"] for g in self.client.get("/gaps").json() if g["document"] == document}


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    s = Served(tmp_path, write_plan(tmp_path / "plans"))
    yield s
    s.store.close()


class TestRoles:
    @pytest.mark.parametrize(("path", "body"), WRITES, ids=[w[0] for w in WRITES])
    def test_every_write_needs_a_review_key(
        self, served: Served, path: str, body: dict[str, Any] | str
    ) -> None:
        before = served.store.generation()
        assert_error(served.post(path, body), 401)
        assert_error(served.post(path, body, "lin_unknown"), 401)
        for other in (served.read, served.ingest):
            r = served.post(path, body, other)
            assert_error(r, 403)
            assert r.json()["error"] == "this API key does not have the review role"
        # refused from the headers, before the body is read: a broken body is still 401, not 422
        assert_error(
            served.client.post(path, content=b"{not json", headers={"Content-Type": "application/json"}), 401
        )
        assert served.store.corrections() == [] and served.store.generation() == before
        assert "no_basis" in served.gap_kinds()

    def test_whoami(self, served: Served) -> None:
        c = served.client
        assert c.get("/review/whoami", headers={"X-API-Key": served.review}).json() == {
            "name": "so-tttt-hau-giang", "role": "review", "can_review": True}  # fmt: skip
        assert c.get("/review/whoami", headers={"X-API-Key": served.read}).json()["can_review"] is False
        assert_error(c.get("/review/whoami"), 401)
        assert_error(c.get("/review/whoami", headers={"X-API-Key": "lin_unknown"}), 401)

    def test_a_review_key_reads_but_does_not_upload(self, served: Served) -> None:
        assert served.client.get("/gaps", headers={"X-API-Key": served.review}).status_code == 200
        files = {"files": ("a.txt", b"x", "text/plain")}
        assert_error(served.client.post("/documents", files=files, headers={"X-API-Key": served.review}), 403)

    def test_keys_cli_makes_review_keys(self, tmp_path: Path) -> None:
        from api.cli import cli

        path = tmp_path / "k.json"
        r = CliRunner().invoke(cli, ["apikey", "add", "duyet", "--role", "review", "--keys", str(path)])
        assert r.exit_code == 0, r.output
        assert KeyStore(path).identify(r.output.strip()) == ("duyet", "review")
        listed = CliRunner().invoke(cli, ["apikey", "list", "--keys", str(path)])
        assert listed.output.startswith("duyet\treview\t")


class TestFixANoBasisRow:
    def test_fixed_through_the_api_then_undone(self, served: Served) -> None:
        c = served.client
        assert "no_basis" in served.gap_kinds()
        assert any(r["kind"] == "no_basis" and r["document"] == PLAN for r in c.get("/gaps/table").json())
        # the author is the key's name, whatever the body says
        r = served.post("/review/links", {**FIX, "author": "someone else"}, served.review)
        assert r.status_code == 201, r.text
        (made,) = r.json()["corrections"]
        assert made["author"] == "so-tttt-hau-giang" and made["action"] == "relation"
        assert made["value"] == "implements" and made["number"] == BASIS and made["problem"] is None
        assert json.loads(made["machine"])["relations"] == ["cites"]  # what the machine had read
        # the row is gone from /gaps and the browser's table; the link is now `implements`, marked
        assert "no_basis" not in served.gap_kinds()
        assert not any(r["kind"] == "no_basis" and r["document"] == PLAN for r in c.get("/gaps/table").json())
        detail = c.get(f"/documents/{quote(PLAN, safe='')}").json()
        (basis,) = [e for e in detail["edges_out"] if e["target"].startswith(BASIS)]
        assert basis["relation"] == "implements"
        assert basis["evidence"][0]["review"][0]["by"] == "so-tttt-hau-giang"
        assert "no_basis" not in {g["kind"] for g in detail["gaps"]}
        # listed with the document, and no longer queued
        listed = c.get("/review/corrections", params={"document": PLAN}).json()
        assert [x["id"] for x in listed] == [made["id"]]
        queued = c.get("/review/queue", params={"limit": 1000}).json()
        assert not any(i["document"] == PLAN and i["number"] == BASIS for i in queued)
        # undo: the row comes back, the correction stays on record
        u = served.post("/review/undo", {"id": made["id"]}, served.review)
        assert u.status_code == 200 and u.json()["undone_by"] == "so-tttt-hau-giang"
        assert "no_basis" in served.gap_kinds()
        assert c.get("/review/corrections", params={"document": PLAN, "active": True}).json() == []
        assert len(c.get("/review/corrections").json()) == 1
        again = served.post("/review/undo", {"id": made["id"]}, served.review)
        assert_error(again, 400)
        assert "already undone" in again.json()["error"]

    def test_by_the_target_key_as_the_browser_does(self, served: Served) -> None:
        detail = served.client.get(f"/documents/{quote(PLAN, safe='')}").json()
        target = next(e["target"] for e in detail["edges_out"] if e["target"].startswith(BASIS))
        body = {"document": PLAN, "action": "relation", "target": target, "value": "implements"}
        assert served.post("/review/links", body, served.review).status_code == 201
        assert "no_basis" not in served.gap_kinds()

    def test_named_by_key_number_or_path_as_answers_show_it(self, tmp_path: Path) -> None:
        """Behind a corpus root, answers show paths relative to it; a document is named by its key,
        its number, or such a path."""
        plans = write_plan(tmp_path / "corpus" / "plans")
        served = Served(tmp_path / "srv", plans)
        try:
            c = TestClient(create_app(served.store, keys=served.keys, corpus_root=tmp_path / "corpus"))
            k = {"X-API-Key": served.review}
            r = c.post(
                "/review/links", json={**FIX, "document": "plans/ke-hoach-78-hau-giang.txt"}, headers=k
            )
            assert r.status_code == 201, r.text
            assert r.json()["corrections"][0]["path"] == "plans/ke-hoach-78-hau-giang.txt"
            for name in (PLAN, "78/KH-UBND", "plans/ke-hoach-78-hau-giang.txt"):
                assert len(c.get("/review/corrections", params={"document": name}).json()) == 1, name
            assert c.get("/review/queue", params={"document": PLAN}).status_code == 200
        finally:
            served.store.close()

    def test_errors_say_what_is_wrong(self, served: Served) -> None:
        k = served.review
        r = served.post("/review/links", {**FIX, "number": "99/KH-XX"}, k)
        assert_error(r, 400)
        assert "has no reference to 99/KH-XX" in r.json()["error"] and BASIS in r.json()["error"]
        assert_error(served.post("/review/links", {**FIX, "document": "nope@VN@2020"}, k), 404)
        r = served.post("/review/links", {**FIX, "value": "obeys"}, k)
        assert_error(r, 400)
        assert "'obeys' is not a relation" in r.json()["error"]
        assert_error(served.post("/review/links", {**FIX, "action": "merge"}, k), 422)
        r = served.post(
            "/review/documents", {"document": PLAN, "action": "set", "field": "date", "value": "27/4"}, k
        )
        assert_error(r, 400)
        assert "not a date" in r.json()["error"]
        assert_error(served.post("/review/undo", {"id": "0123456789abcdef"}, k), 404)
        assert_error(served.post("/review/add-link", {**WRITES[2][1], "note": ""}, k), 422)  # type: ignore[dict-item]
        assert served.store.corrections() == []


class TestDocumentCorrections:
    def test_set_a_field_and_add_a_link(self, served: Served) -> None:
        c, k = served.client, served.review
        r = served.post("/review/documents", {"document": PLAN, "action": "set", "field": "date", "value": "2021-04-28",
                                              "note": "ngày ký"}, k)  # fmt: skip
        assert r.status_code == 201 and json.loads(r.json()["corrections"][0]["machine"]) == "2021-04-27"
        assert c.get(f"/documents/{quote(PLAN, safe='')}").json()["date"] == "2021-04-28"
        assert r.json()["document"] == PLAN  # the same year: the same key
        r = served.post("/review/add-link", WRITES[2][1], k)  # type: ignore[arg-type]
        assert r.status_code == 201
        detail = c.get(f"/documents/{quote(PLAN, safe='')}").json()
        assert any(
            e["target"] == "57-NQ/TW@VN@2024" and e["relation"] == "implements" for e in detail["edges_out"]
        )
        assert "no_basis" not in served.gap_kinds()
        listed = c.get("/review/corrections", params={"document": PLAN}).json()
        assert sorted(x["action"] for x in listed) == ["add_link", "set"]

    def test_a_new_number_gives_the_new_key(self, served: Served) -> None:
        body = {
            "document": PLAN,
            "action": "set",
            "field": "number",
            "value": "79/KH-UBND",
            "note": "số đúng",
        }
        r = served.post("/review/documents", body, served.review)
        assert r.status_code == 201, r.text
        assert r.json()["document"] == "79/KH-UBND@Hậu Giang@2021"
        assert (
            served.client.get(f"/documents/{quote(r.json()['document'], safe='')}").json()["number"]
            == "79/KH-UBND"
        )


class TestExchange:
    def test_export_import_round_trip_is_idempotent(self, served: Served, tmp_path: Path) -> None:
        k = served.review
        served.post("/review/links", FIX, k)
        made = served.post("/review/documents", {"document": PLAN, "action": "set", "field": "date",
                                                 "value": "2021-04-28"}, k).json()["corrections"][0]  # fmt: skip
        served.post("/review/undo", {"id": made["id"]}, k)
        assert served.client.get("/review/export").status_code == 401  # paths on the server: not for readers
        exported = served.client.get("/review/export", headers={"X-API-Key": k})
        assert exported.status_code == 200 and exported.headers["content-type"].startswith(
            "application/x-ndjson"
        )
        lines = exported.text.splitlines()
        assert len(lines) == 2 and {json.loads(x)["id"] for x in lines} == {
            c.id for c in served.store.corrections()
        }
        # into the same store: nothing new
        assert served.post("/review/import", exported.text, k).json() == {
            "added": 0,
            "already": 2,
            "problems": [],
        }
        # into another office's store holding the same file elsewhere: the same answers
        other = Served(tmp_path / "other", write_plan(tmp_path / "elsewhere"))
        try:
            assert "no_basis" in other.gap_kinds()
            assert other.post("/review/import", exported.text, other.review).json() == {
                "added": 2, "already": 0, "problems": []}  # fmt: skip
            assert "no_basis" not in other.gap_kinds()
            detail = other.client.get(f"/documents/{quote(PLAN, safe='')}").json()
            assert detail["date"] == "2021-04-27"  # the undone correction came undone
            before = (other.store.generation(), other.client.get("/review/corrections").json())
            again = other.post("/review/import", exported.text, other.review).json()
            assert again == {"added": 0, "already": 2, "problems": []}
            assert (other.store.generation(), other.client.get("/review/corrections").json()) == before
            assert (
                other.client.get("/review/export", headers={"X-API-Key": other.review}).text == exported.text
            )
        finally:
            other.store.close()

    def test_a_line_that_is_no_correction_is_named(self, served: Served) -> None:
        r = served.post("/review/import", 'not json\n{"action": "confirm"}\n', served.review)
        assert r.status_code == 200
        body = r.json()
        assert body["added"] == 0 and len(body["problems"]) == 2
        assert body["problems"][0].endswith(":1: Expecting value: line 1 column 1 (char 0)")
        assert ":2: " in body["problems"][1]


class TestQueue:
    def test_ordered_by_doubt_and_filtered(self, served: Served) -> None:
        c = served.client
        items = c.get("/review/queue", params={"limit": 1000}).json()
        assert items and [i["score"] for i in items] == sorted((i["score"] for i in items), reverse=True)
        assert {i["kind"] for i in items} <= {"link", "document", "correction"}
        basis = next(i for i in items if i["document"] == PLAN and i["number"] == BASIS)
        assert (
            basis["relations"] == ["cites"]
            and "relation_low" in basis["doubts"]
            and basis["evidence"]["text"]
        )
        links = c.get("/review/queue", params={"kind": "link", "limit": 1000}).json()
        assert links == [i for i in items if i["kind"] == "link"]
        assert len(c.get("/review/queue", params={"limit": 2}).json()) == 2
        mine = c.get("/review/queue", params={"province": "Hậu Giang", "limit": 1000}).json()
        assert mine and {i["document"] for i in mine} == {PLAN}  # Hậu Giang is in Cần Thơ since 2025
        assert c.get("/review/queue", params={"province": "Cần Thơ", "limit": 1000}).json() == mine
        assert_error(c.get("/review/queue", params={"province": "Atlantis"}), 404)
        # one document's items: its own fields and links, as the browser's document view marks them
        own = c.get("/review/queue", params={"document": PLAN, "limit": 1000}).json()
        assert own == [i for i in items if i["document"] == PLAN] and {i["number"] for i in own} >= {BASIS}
        assert c.get("/review/queue", params={"document": "57-NQ/TW@VN@2024"}).json() == []  # cited only
        assert_error(c.get("/review/queue", params={"document": "nope@VN@2020"}), 404)
        assert_error(c.get("/review/queue", params={"kind": "everything"}), 422)

    def test_labels_render_the_codes(self, served: Served) -> None:
        from ontology.review import DOCUMENT_FIELDS, Action, Doubt

        vi = served.client.get("/labels").json()
        assert set(vi["actions"]) == {a.value for a in Action}
        assert set(vi["doubts"]) == {d.value for d in Doubt}
        assert list(vi["fields"]) == list(DOCUMENT_FIELDS)
        assert vi["actions"]["relation"] == "Sửa quan hệ"


def test_openapi_documents_the_review_routes() -> None:
    spec = create_app(open_store(":memory:")).openapi()["paths"]
    for path in ("/review/links", "/review/documents", "/review/add-link", "/review/undo", "/review/import"):
        assert {"401", "403"} <= set(spec[path]["post"]["responses"]), path
    assert "application/x-ndjson" in spec["/review/import"]["post"]["requestBody"]["content"]
    assert "application/x-ndjson" in spec["/review/export"]["get"]["responses"]["200"]["content"]
    assert {"/review/queue", "/review/corrections", "/review/whoami"} <= set(spec)
