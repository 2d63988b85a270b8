"""Tests for the embedded store, identity and the lineage graph (graph.store, graph.identity, graph.build)."""

import json
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.errors import NodeNotFound, StoreError
from graph.ingest import ingest_paths, sha256_of
from graph.store import LineageStore, open_store
from ingest.extract import extract_file
from ingest.records import Extraction
from tests.conftest import SEEDS

SEED_FILES = sorted(SEEDS.glob("*.txt"))
EXTRACTED: list[tuple[str, str, Extraction]] = [(str(f), sha256_of(f), extract_file(f)) for f in SEED_FILES]


def canonical(G: nx.MultiDiGraph) -> str:
    """The whole graph as one comparable string (nodes, attributes, edges, evidence)."""
    nodes = sorted((n, json.dumps(a, sort_keys=True, ensure_ascii=False)) for n, a in G.nodes(data=True))
    edges = sorted(
        (u, v, k, json.dumps(d, sort_keys=True, ensure_ascii=False))
        for u, v, k, d in G.edges(keys=True, data=True)
    )
    return json.dumps([nodes, edges], ensure_ascii=False)


def fresh(tmp: Path, name: str = "l.db") -> LineageStore:
    return open_store(tmp / name)


@pytest.fixture
def seeded(tmp_path: Path) -> LineageStore:
    store = fresh(tmp_path)
    ingest_paths(store, [SEEDS])
    return store


def key_of(store: LineageStore, name: str) -> str:
    key = store.key_of_path(str((SEEDS / name).resolve()))
    assert key is not None
    return key


class TestIngest:
    def test_reingest_is_a_noop(self, seeded: LineageStore) -> None:
        before = canonical(seeded.graph())
        report = ingest_paths(seeded, [SEEDS])
        assert (len(report.added), len(report.changed), len(report.unchanged)) == (0, 0, 5)
        assert canonical(seeded.graph()) == before

    def test_changed_file_replaces_its_facts(self, tmp_path: Path) -> None:
        f = tmp_path / "doc.txt"
        f.write_bytes((SEEDS / "001_248d6b34aa5ff351.txt").read_bytes())
        store = fresh(tmp_path)
        ingest_paths(store, [f])
        assert "386-KH/TU@?@2025" in store.graph()
        f.write_text(f.read_text(encoding="utf-8").replace("386-KH/TU", "387-KH/TU"), encoding="utf-8")
        report = ingest_paths(store, [f])
        assert report.changed == [str(f.resolve())]
        G = store.graph()
        assert "386-KH/TU@?@2025" not in G and "387-KH/TU@?@2025" in G

    def test_remove_takes_the_facts_out(self, seeded: LineageStore) -> None:
        path = str((SEEDS / "003_2903fb9f98b826c4.txt").resolve())
        seeded.remove(path)
        G = seeded.graph()
        assert "579-CV/VPTU@Đắk Lắk@2025" not in G
        with pytest.raises(NodeNotFound):
            seeded.remove(path)

    def test_bad_file_does_not_stop_the_batch_or_touch_the_store(
        self, seeded: LineageStore, tmp_path: Path
    ) -> None:
        before = canonical(seeded.graph())
        bad = tmp_path / "in"
        bad.mkdir()
        (bad / "broken.docx").write_bytes(b"not a docx")
        report = ingest_paths(seeded, [bad])
        assert [p for p, _ in report.failed] == [str((bad / "broken.docx").resolve())]
        assert canonical(seeded.graph()) == before
        assert seeded.runs()[-1]["failed"] == 1

    def test_not_a_store(self, tmp_path: Path) -> None:
        junk = tmp_path / "junk.db"
        junk.write_bytes(b"this is not sqlite" * 100)
        with pytest.raises(StoreError, match=r"junk\.db"):
            open_store(junk)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(order=st.permutations(range(len(EXTRACTED))))
def test_ingest_order_does_not_change_the_graph(tmp_path_factory: Any, order: list[int]) -> None:
    reference = fresh(tmp_path_factory.mktemp("a"))
    for path, sha, ex in EXTRACTED:
        reference.upsert(path, sha, ex)
    permuted = fresh(tmp_path_factory.mktemp("b"))
    for i in order:
        permuted.upsert(*EXTRACTED[i])
    assert canonical(permuted.graph()) == canonical(reference.graph())


@settings(max_examples=8, deadline=None)
@given(victim=st.integers(0, len(EXTRACTED) - 1))
def test_remove_then_readd_restores_the_graph(tmp_path_factory: Any, victim: int) -> None:
    store = fresh(tmp_path_factory.mktemp("r"))
    for row in EXTRACTED:
        store.upsert(*row)
    before = canonical(store.graph())
    store.remove(EXTRACTED[victim][0])
    assert canonical(store.graph()) != before
    store.upsert(*EXTRACTED[victim])
    assert canonical(store.graph()) == before


class TestIdentity:
    def test_seed_provinces(self, seeded: LineageStore) -> None:
        G = seeded.graph()
        expect = {
            "000_230abe7e519d0cdb.txt": ("Quảng Ngãi", "Kon Tum"),
            "002_11b66335f04710ba.txt": ("Hải Phòng", "Hải Phòng"),
            "003_2903fb9f98b826c4.txt": ("Đắk Lắk", "Đắk Lắk"),
        }
        for name, (current, at_issue) in expect.items():
            a = G.nodes[key_of(seeded, name)]
            assert (a["province"], a["province_at_issue"]) == (current, at_issue)

    def test_catalog_documents_are_roots_with_metadata(self, seeded: LineageStore) -> None:
        a = seeded.graph().nodes["57-NQ/TW@VN@2024"]
        assert (a["status"], a["catalog"], a["level"], a["date"]) == ("cited", True, "central", "2024-12-22")
        assert a["title"].startswith("Về đột phá")

    def test_undated_central_reference_resolves_through_the_catalog(self, seeded: LineageStore) -> None:
        # 003 cites 57-NQ/TW without a date: it must land on the same node as the dated citations.
        G = seeded.graph()
        assert G.has_edge(key_of(seeded, "003_2903fb9f98b826c4.txt"), "57-NQ/TW@VN@2024", key="urges")

    def test_two_18_nq_tw_without_a_date_stay_ambiguous(self, seeded: LineageStore) -> None:
        a = seeded.graph().nodes["18-NQ/TW@VN@?"]
        assert a["ambiguous"] and len(a["candidates"]) == 2

    def test_local_symbols_of_two_provinces_never_merge(self, tmp_path: Path) -> None:
        def plan(province_header: str, place: str, unit: str) -> str:
            return (
                f"UBND {province_header}\nBAN CHỈ ĐẠO\nSố: 02-KH/BCĐ\n{place}, ngày 06 tháng 11 năm 2025\n"
                f"KẾ HOẠCH\nTiếp tục triển khai nhiệm vụ chuyển đổi số\n"
                f"Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị, Ban Chỉ đạo {unit} ban hành Kế hoạch.\n"
            )

        def letter(place: str) -> str:
            return (
                f"Số: 12/UBND-VP\nV/v đôn đốc thực hiện\n{place}, ngày 10 tháng 12 năm 2025\nKính gửi: UBND các xã.\n"
                "Đề nghị khẩn trương hoàn thành các nhiệm vụ tại Kế hoạch số 02-KH/BCĐ ngày 06/11/2025 của Ban Chỉ đạo tỉnh.\n"
            )

        folder = tmp_path / "in"
        folder.mkdir()
        (folder / "dl_plan.txt").write_text(plan("TỈNH ĐẮK LẮK", "Đắk Lắk", "tỉnh"), encoding="utf-8")
        (folder / "gl_plan.txt").write_text(plan("TỈNH GIA LAI", "Gia Lai", "tỉnh"), encoding="utf-8")
        (folder / "dl_letter.txt").write_text(letter("Đắk Lắk"), encoding="utf-8")
        store = fresh(tmp_path)
        ingest_paths(store, [folder])
        G = store.graph()
        keys = sorted(n for n in G if n.startswith("02-KH/BCĐ@"))
        assert keys == ["02-KH/BCĐ@Gia Lai@2025", "02-KH/BCĐ@Đắk Lắk@2025"]
        letter_key = store.key_of_path(str((folder / "dl_letter.txt").resolve()))
        assert letter_key is not None
        assert sorted(G.successors(letter_key)) == ["02-KH/BCĐ@Đắk Lắk@2025"]


class TestLineage:
    def test_up_and_down(self, seeded: LineageStore) -> None:
        plan = key_of(seeded, "001_248d6b34aa5ff351.txt")
        up = seeded.lineage(str(SEEDS / "001_248d6b34aa5ff351.txt"), "up")
        assert {n["key"] for n in up["nodes"]} == {plan, "57-NQ/TW@VN@2024", "386-KH/TU@?@2025"}
        down = seeded.lineage("57-NQ/TW@VN@2024", "down", depth=1)
        assert plan in {n["key"] for n in down["nodes"]}
        assert all(e["evidence"] for e in down["edges"])

    def test_unknown_key(self, seeded: LineageStore) -> None:
        with pytest.raises(NodeNotFound, match="neither a document key nor an ingested file"):
            seeded.lineage("nope@VN@2020")
