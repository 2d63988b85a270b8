"""Tests for the embedded store, identity and the lineage graph (graph.store, graph.identity, graph.build)."""

import dataclasses
import json
import sqlite3
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.backends import open_store
from graph.errors import NodeNotFound, StoreError
from graph.ingest import ingest_paths, sha256_of
from graph.store import LineageStore
from ingest.extract import extract_file
from ingest.records import DocumentIdentity, Extraction, Reference
from ingest.symbols import parse_symbol
from ontology.terms import Level, Relation
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
        assert seeded.runs()[-1].failed == 1

    def test_a_file_failing_inside_a_batch_leaves_no_trace_and_the_others_stay(self, tmp_path: Path) -> None:
        path, sha, ex = next(row for row in EXTRACTED if row[2].deadlines)
        # A deadline without a date breaks the deadlines table's NOT NULL after the file's
        # document and references were written: the savepoint must take those out again.
        broken = dataclasses.replace(ex, deadlines=[dataclasses.replace(ex.deadlines[0], date=None)])  # type: ignore[arg-type]
        store = fresh(tmp_path)
        others = [row for row in EXTRACTED if row[0] != path]
        with store.batch():
            store.upsert(*others[0])
            with pytest.raises(sqlite3.IntegrityError):
                store.upsert(path, sha, broken)
            for row in others[1:]:
                store.upsert(*row)
        reader = sqlite3.connect(tmp_path / "l.db")  # what another process sees after the batch
        stored = {r[0] for r in reader.execute("SELECT path FROM files")}
        assert stored == {row[0] for row in others}
        for table in ("documents", "refs", "deadlines"):
            assert reader.execute(f"SELECT count(*) FROM {table} WHERE path=?", (path,)).fetchone() == (0,)
        store.upsert(path, sha, ex)  # and the file goes in whole once it reads well
        assert store.file_hash(path) == sha

    def test_a_batch_commits_every_n_files(self, tmp_path: Path) -> None:
        store = fresh(tmp_path)
        reader = sqlite3.connect(tmp_path / "l.db")
        seen = []
        with store.batch(files_per_commit=2):
            for row in EXTRACTED[:3]:
                store.upsert(*row)
                seen.append(reader.execute("SELECT count(*) FROM files").fetchone()[0])
        seen.append(reader.execute("SELECT count(*) FROM files").fetchone()[0])
        assert seen == [0, 2, 2, 3]

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


def test_ingest_order_does_not_change_a_national_graph(tmp_path: Path) -> None:
    """Local symbols repeat across provinces and communes ("05/KH-UBND"): resolution after every
    file must still give the graph of any other order."""
    from testkit.synth import generate

    corpus = tmp_path / "corpus"
    generate(corpus, ["Thanh Hóa", "Đắk Lắk", "Hà Nội"], scale=25, seed=5)
    rows = []
    for f in sorted(corpus.rglob("*.txt")) + sorted(corpus.rglob("*.md")):
        rows.append((str(f), sha256_of(f), extract_file(f)))
    forward, backward = fresh(tmp_path, "f.db"), fresh(tmp_path, "b.db")
    with forward.batch():
        for row in rows:
            forward.upsert(*row)
    for row in reversed(rows):
        backward.upsert(*row)
    assert canonical(backward.graph()) == canonical(forward.graph())
    shared = [nk for (nk,) in forward.db.execute(
        "SELECT number_key FROM documents GROUP BY number_key HAVING count(DISTINCT province) > 1")]  # fmt: skip
    assert shared  # the case this test is about


def _doc(
    number: str, level: Level | None, province: str | None, cites: tuple[str, Level | None] | None = None
) -> Extraction:
    """A dated 2025 document of ``level`` and ``province`` (None: unread) citing at most one symbol."""
    refs = []
    if cites is not None:
        sym = parse_symbol(cites[0])
        assert sym is not None
        refs.append(Reference(cites[0], sym, "Kế hoạch", "2025-03-01", None, cites[1], [Relation.IMPLEMENTS]))
    own = parse_symbol(number)
    identity = DocumentIdentity(number, own, "Kế hoạch", None, level, None, province, province, "2025-03-01")
    return Extraction("x", identity, refs, [], [])


# Each case: documents whose scopes are partly unread, ingested in both orders. Resolution after a
# file narrows, in SQL, the documents and references a change can touch; an unread province or
# level must still be reached from both sides.
SCOPE_CASES = {
    "reference of unread province, then a provincial document": [
        _doc("12/KH-UBND", Level.PROVINCE, "Thanh Hóa"),
        _doc("3/BC-UBND", None, None, ("12/KH-UBND", None)),
    ],
    "provincial reference, document of unread province": [
        _doc("12/KH-UBND", None, None),
        _doc("3/BC-UBND", Level.PROVINCE, "Thanh Hóa", ("12/KH-UBND", None)),
    ],
    "national reference, document of unread scope": [
        _doc("45/KH-BCĐTW", None, None),
        _doc("3/BC-UBND", Level.PROVINCE, "Thanh Hóa", ("45/KH-BCĐTW", Level.CENTRAL)),
    ],
    "reference of unread scope, then a central document": [
        _doc("45/KH-BCĐ", Level.CENTRAL, None),
        _doc("3/BC-UBND", None, None, ("45/KH-BCĐ", None)),
    ],
}


@pytest.mark.parametrize("case", SCOPE_CASES)
def test_unread_scopes_resolve_in_either_order(tmp_path: Path, case: str) -> None:
    docs = SCOPE_CASES[case]
    graphs, targets = [], []
    for name, order in (("a", docs), ("b", docs[::-1])):
        store = fresh(tmp_path, f"{name}.db")
        for i, ex in enumerate(order):
            store.upsert(f"/docs/{ex.document.number}", f"{i:064d}", ex)
        graphs.append(canonical(store.graph()))
        targets.append(store.db.execute("SELECT status FROM refs").fetchall())
    assert graphs[0] == graphs[1]
    assert targets[0] == targets[1] == [("probable",)]


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


def test_a_file_that_is_no_document_stays_out_of_lineage_and_gaps(tmp_path: Path) -> None:
    """A folder's notes name documents but are none: stored and listed, never a node or a gap row."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "README.md").write_text(
        "# Notes on this folder\n\nThe plans here carry out 57-NQ/TW and 03/NQ-CP; see also 12-KH/TU.\n",
        encoding="utf-8",
    )
    (folder / "plan.txt").write_text(
        "ỦY BAN NHÂN DÂN\nXÃ TRIỆU SƠN\nSố: 45/KH-UBND\nTriệu Sơn, ngày 15 tháng 8 năm 2025\nKẾ HOẠCH\n"
        "Chuyển đổi số\nThực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị.\n",
        encoding="utf-8",
    )
    notes = extract_file(folder / "README.md")
    assert not notes.is_document and notes.document.doc_type == "Other"
    assert any("not an official document" in w for w in notes.warnings)
    store = fresh(tmp_path)
    report = ingest_paths(store, [folder])
    assert len(report.added) == 2  # both files are stored and listed
    G = store.graph()
    sources = {s for _, d in G.nodes(data=True) for s in d["sources"]}
    assert str((folder / "README.md").resolve()) not in sources
    assert str((folder / "plan.txt").resolve()) in sources
    assert "03/NQ-CP@VN@2025" not in G and "12-KH/TU" not in {d["number"] for _, d in G.nodes(data=True)}
