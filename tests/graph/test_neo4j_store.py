"""Tests for the Neo4j backend (graph.neo4j_store) against a real Bolt server started on 127.0.0.1.

The server is ArcadeDB with its Bolt plugin, from PyPI (``arcadedb-embedded``), started once per
test session by ``testkit.arcadedb.BoltServer``. The same scenario (the seeds plus a few hand-made
documents) is loaded into the embedded store and into ``Neo4jStore``, and every answer must be the
same: documents, references, deadlines, the graph, lineage up and down at every depth, and every gap
row. The tests are skipped only when ``arcadedb-embedded`` is not installed.
"""

import json
import random
import shutil
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from graph import lineage as graph_lineage
from graph import neo4j_store
from graph.backends import open_store
from graph.errors import BackendUnavailable, NodeNotFound, StoreNotFound
from graph.gaps import GAP_KINDS, GapOptions
from graph.ingest import ingest_paths, sha256_of
from graph.neo4j_store import Neo4jStore, push
from graph.store import LineageStore
from ingest.extract import extract_file
from ontology.terms import Relation
from testkit import arcadedb
from testkit.arcadedb import BoltServer, arcadedb_available
from testkit.synth import generate
from tests.conftest import CORPUS, SEEDS, first_reached
from tests.graph.test_identity import EA_KAR, KRONG_PAC, LETTER
from tests.graph.test_store import canonical

AS_OF = "2026-11-22"

needs_arcadedb = pytest.mark.skipif(
    not arcadedb_available(),
    reason="arcadedb-embedded is not installed (pip install arcadedb-embedded): no local Bolt server to test against",
)


# -- the scenario ---------------------------------------------------------------------------------


def _plan_02(province_header: str, place: str) -> str:
    return (
        f"UBND {province_header}\nBAN CHỈ ĐẠO\nSố: 02-KH/BCĐ\n{place}, ngày 06 tháng 11 năm 2025\n"
        "KẾ HOẠCH\nTiếp tục triển khai nhiệm vụ chuyển đổi số\n"
        "Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị, Ban Chỉ đạo tỉnh ban hành Kế hoạch.\n"
        "Các sở, ngành báo cáo kết quả thực hiện về Ban Chỉ đạo trước ngày 15/12/2025.\n"
    )


HAND_MADE = {
    # The same local symbol in two provinces: two documents, never merged.
    "dl_plan.txt": _plan_02("TỈNH ĐẮK LẮK", "Đắk Lắk"),
    "gl_plan.txt": _plan_02("TỈNH GIA LAI", "Gia Lai"),
    "dl_letter.txt": (
        "Số: 12/UBND-VP\nV/v đôn đốc thực hiện\nĐắk Lắk, ngày 10 tháng 12 năm 2025\nKính gửi: UBND các xã.\n"
        "Đề nghị khẩn trương hoàn thành các nhiệm vụ tại Kế hoạch số 02-KH/BCĐ ngày 06/11/2025 của Ban Chỉ đạo tỉnh.\n"
    ),
    "gl_report.txt": (
        "UBND TỈNH GIA LAI\nSố: 150/BC-UBND\nGia Lai, ngày 20 tháng 12 năm 2025\nBÁO CÁO\n"
        "Kết quả thực hiện Kế hoạch số 02-KH/BCĐ ngày 06/11/2025 của Ban Chỉ đạo tỉnh\n"
        "Thực hiện Kế hoạch số 02-KH/BCĐ ngày 06/11/2025 của Ban Chỉ đạo tỉnh, UBND tỉnh báo cáo kết quả như sau.\n"
    ),
    # A plan whose basis is a local plan nobody ingested: its chain never reaches the centre.
    "commune.txt": (
        "ỦY BAN NHÂN DÂN\nXÃ TRIỆU SƠN\nSố: 45/KH-UBND\nTriệu Sơn, ngày 15 tháng 8 năm 2025\nKẾ HOẠCH\n"
        "Chuyển đổi số năm 2025\nThực hiện Kế hoạch số 99/KH-UBND ngày 01/8/2025 của UBND xã, UBND xã ban hành Kế hoạch.\n"
    ),
    # A plan with no basis at all.
    "orphan.txt": (
        "ỦY BAN NHÂN DÂN\nXÃ DÂN LỰC\nSố: 46/KH-UBND\nDân Lực, ngày 15 tháng 3 năm 2025\nKẾ HOẠCH\n"
        "Chuyển đổi số năm 2025\nI. MỤC ĐÍCH\nNâng cao nhận thức.\n"
    ),
    # A Sở plan with two bases, and the Sở's report on one of them: the plan has its report (its
    # unit reported on a basis it implements) and the report has its plan.
    "dl_so_plan.txt": (
        "UBND TỈNH ĐẮK LẮK\nSỞ KHOA HỌC VÀ CÔNG NGHỆ\nSố: 30/KH-SKHCN\nĐắk Lắk, ngày 20 tháng 11 năm 2025\n"
        "KẾ HOẠCH\nTriển khai Nghị quyết số 57-NQ/TW và Kế hoạch số 02-KH/BCĐ\n"
        "Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị và Kế hoạch số 02-KH/BCĐ ngày "
        "06/11/2025 của Ban Chỉ đạo tỉnh, Sở Khoa học và Công nghệ ban hành Kế hoạch.\n"
    ),
    "dl_so_report.txt": (
        "UBND TỈNH ĐẮK LẮK\nSỞ KHOA HỌC VÀ CÔNG NGHỆ\nSố: 40/BC-SKHCN\nĐắk Lắk, ngày 25 tháng 12 năm 2025\n"
        "BÁO CÁO\nKết quả thực hiện Kế hoạch số 02-KH/BCĐ ngày 06/11/2025 của Ban Chỉ đạo tỉnh\n"
        "Thực hiện Kế hoạch số 02-KH/BCĐ ngày 06/11/2025 của Ban Chỉ đạo tỉnh, Sở Khoa học và Công nghệ "
        "báo cáo kết quả như sau.\n"
    ),
    # A report that carries out and reports on the directive and asks the communes for reports by a
    # date now past: its own report on the directive does not answer its request.
    "gl_request.txt": (
        "UBND TỈNH GIA LAI\nSố: 152/BC-UBND\nGia Lai, ngày 20 tháng 12 năm 2025\nBÁO CÁO\n"
        "Kết quả thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị\n"
        "Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị, UBND tỉnh báo cáo kết quả như sau.\n"
        "Đề nghị UBND các xã báo cáo kết quả thực hiện về UBND tỉnh trước ngày 15/01/2026.\n"
    ),
    # No readable number: keyed by its file.
    "no_number.txt": (
        "ỦY BAN NHÂN DÂN\nXÃ DÂN LỰC\nKẾ HOẠCH\nTuyên truyền chuyển đổi số\n"
        "Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị.\n"
    ),
}


def make_corpus(root: Path) -> Path:
    """The seeds, a second copy of one seed (two files, one key) and the hand-made documents."""
    shutil.copytree(SEEDS, root / "seeds", ignore=shutil.ignore_patterns("*.jsonl"))
    extra = root / "extra"
    extra.mkdir()
    shutil.copy(SEEDS / "001_248d6b34aa5ff351.txt", extra / "copy_of_001.txt")
    for name, text in HAND_MADE.items():
        (extra / name).write_text(text, encoding="utf-8")
    return root


def insertion_order(G: nx.MultiDiGraph) -> tuple[list[str], list[tuple[str, str, str]]]:
    return list(G.nodes), list(G.edges(keys=True))


GAP_OPTIONS = [
    GapOptions(as_of=AS_OF),
    GapOptions(as_of="2025-03-01"),
    GapOptions(as_of="2025-12-31", report_period_days=30),
    GapOptions(as_of=AS_OF, province="Đắk Lắk"),
    GapOptions(as_of=AS_OF, province="Hải Phòng"),
    GapOptions(as_of=AS_OF, province="Kon Tum"),  # an old province: an alias of Quảng Ngãi
    GapOptions(as_of=AS_OF, kinds=("unit_coverage",), directives=("57-NQ/TW@VN@2024", "03/NQ-CP")),
    GapOptions(as_of=AS_OF, kinds=("unit_coverage",), province="Hải Phòng", directives=("57-NQ/TW@VN@2024",)),
    GapOptions(as_of=AS_OF, kinds=("report_overdue", "no_report")),
]


def assert_same_store(a: Any, b: Any) -> None:
    """Everything both stores answer, compared."""
    assert list(a.documents()) == list(b.documents())
    assert list(a.references()) == list(b.references())
    assert list(a.deadlines()) == list(b.deadlines())
    assert a.paths() == b.paths()
    assert {k: v for k, v in a.snapshot().items() if k != "time"} == {
        k: v for k, v in b.snapshot().items() if k != "time"
    }
    ga, gb = a.graph(), b.graph()
    assert canonical(ga) == canonical(gb)
    assert insertion_order(ga) == insertion_order(gb)


def assert_same_answers(a: Any, b: Any, depths: tuple[int | None, ...] = (None,)) -> None:
    """Lineage from every document both ways (to the depths given), and every gap row, compared."""
    keys = sorted(a.graph())
    assert keys == sorted(b.graph())
    for key in keys:
        for direction in ("up", "down"):
            for depth in depths:
                assert a.lineage(key, direction, depth) == b.lineage(key, direction, depth), (
                    key,
                    direction,
                    depth,
                )
    for opts in GAP_OPTIONS:
        rows_a, rows_b = a.gaps(opts), b.gaps(opts)
        assert [(r.kind, r.document, r.related, r.unit) for r in rows_a] == [
            (r.kind, r.document, r.related, r.unit) for r in rows_b
        ], opts
        assert rows_a == rows_b, opts
        assert a.coverage(opts) == b.coverage(opts), opts


# -- fixtures -------------------------------------------------------------------------------------


def neo(server: BoltServer, database: str) -> Neo4jStore:
    store = Neo4jStore(server.uri, server.user, server.password, database)
    store.clear()
    return store


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="module")
def embedded(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LineageStore]:
    store = open_store(tmp_path_factory.mktemp("sqlite") / "l.db")
    ingest_paths(store, [corpus])
    yield store
    store.close()


@pytest.fixture(scope="module")
def graphdb(bolt: BoltServer, corpus: Path) -> Iterator[Neo4jStore]:
    store = neo(bolt, "scenario")
    ingest_paths(store, [corpus])
    yield store
    store.close()


@pytest.fixture(params=["sqlite", "neo4j"])
def backend(request: pytest.FixtureRequest) -> Any:
    """The scenario store of each backend, for tests that state expectations once for both."""
    if request.param == "neo4j" and not arcadedb_available():
        pytest.skip("arcadedb-embedded is not installed (pip install arcadedb-embedded)")
    return request.getfixturevalue("embedded" if request.param == "sqlite" else "graphdb")


# -- the same scenario on both backends ---------------------------------------------------------------


@needs_arcadedb
class TestSameAnswers:
    def test_stored_facts_and_graph(self, embedded: LineageStore, graphdb: Neo4jStore) -> None:
        assert_same_store(embedded, graphdb)

    def test_lineage_and_gaps(self, embedded: LineageStore, graphdb: Neo4jStore) -> None:
        assert_same_answers(embedded, graphdb, depths=(None, 1, 2))

    def test_every_gap_kind_occurs(self, graphdb: Neo4jStore) -> None:
        assert {r.kind for r in graphdb.gaps(GapOptions(as_of=AS_OF))} == set(GAP_KINDS)

    def test_errors(self, embedded: LineageStore, graphdb: Neo4jStore) -> None:
        for store in (embedded, graphdb):
            with pytest.raises(ValueError, match="unknown gap kind"):
                store.gaps(GapOptions(kinds=("nope",)))
            with pytest.raises(NodeNotFound, match="unknown province"):
                store.gaps(GapOptions(province="Atlantis"))
            with pytest.raises(NodeNotFound, match="neither a document key nor an ingested file"):
                store.lineage("nope@VN@2020")
            with pytest.raises(ValueError, match="direction"):
                store.lineage("57-NQ/TW@VN@2024", "sideways")

    def test_keys_of_paths(self, embedded: LineageStore, graphdb: Neo4jStore, corpus: Path) -> None:
        for path in embedded.paths():
            assert graphdb.key_of_path(path) == embedded.key_of_path(path)
            assert graphdb.resolve_key(path) == embedded.resolve_key(path)
            assert graphdb.file_hash(path) == embedded.file_hash(path)
        assert graphdb.key_of_path("/nowhere.txt") is None and graphdb.file_hash("/nowhere.txt") is None

    def test_reingest_is_a_noop(self, graphdb: Neo4jStore, corpus: Path) -> None:
        before = canonical(graphdb.graph())
        runs = len(graphdb.runs())
        report = ingest_paths(graphdb, [corpus])
        assert (len(report.added), len(report.changed), len(report.failed)) == (0, 0, 0)
        assert len(report.unchanged) == len(graphdb.paths())
        assert canonical(graphdb.graph()) == before
        last = graphdb.runs()[-1]
        assert len(graphdb.runs()) == runs + 1 and last.unchanged == len(report.unchanged) and last.finished


class TestScenario:
    """Expectations stated once, checked on both backends."""

    def test_local_symbols_of_two_provinces_never_merge(self, backend: Any, corpus: Path) -> None:
        G = backend.graph()
        assert sorted(n for n in G if n.startswith("02-KH/BCĐ@")) == [
            "02-KH/BCĐ@Gia Lai@2025",
            "02-KH/BCĐ@Đắk Lắk@2025",
        ]
        letter = backend.key_of_path(str((corpus / "extra" / "dl_letter.txt").resolve()))
        assert sorted(G.successors(letter)) == ["02-KH/BCĐ@Đắk Lắk@2025"]

    def test_two_files_one_key(self, backend: Any, corpus: Path) -> None:
        key = backend.key_of_path(str((corpus / "seeds" / "001_248d6b34aa5ff351.txt").resolve()))
        assert backend.key_of_path(str((corpus / "extra" / "copy_of_001.txt").resolve())) == key
        assert len(backend.graph().nodes[key]["sources"]) == 2

    def test_plan_without_basis_and_broken_chain(self, backend: Any) -> None:
        def sources(kind: str) -> set[str]:
            rows = backend.gaps(GapOptions(kinds=(kind,), as_of=AS_OF))
            return {Path(r.source).name for r in rows if r.source}

        assert "orphan.txt" in sources("no_basis") and "commune.txt" not in sources("no_basis")
        assert "commune.txt" in sources("chain_broken") and "dl_plan.txt" not in sources("chain_broken")

    def test_a_report_on_any_basis_answers_the_plan_of_its_unit(self, backend: Any, corpus: Path) -> None:
        plan = backend.key_of_path(str((corpus / "extra" / "dl_so_plan.txt").resolve()))
        report = backend.key_of_path(str((corpus / "extra" / "dl_so_report.txt").resolve()))
        G = backend.graph()
        assert {v for _, v, r in G.out_edges(plan, keys=True) if r == "implements"} == {
            "57-NQ/TW@VN@2024",
            "02-KH/BCĐ@Đắk Lắk@2025",
        }
        assert [v for _, v, r in G.out_edges(report, keys=True) if r == "reports_on"] == [
            "02-KH/BCĐ@Đắk Lắk@2025"
        ]
        rows = backend.gaps(GapOptions(as_of=AS_OF))
        assert not [r for r in rows if r.document in (plan, report)]

    def test_a_request_is_not_answered_by_its_own_report(self, backend: Any, corpus: Path) -> None:
        request = backend.key_of_path(str((corpus / "extra" / "gl_request.txt").resolve()))
        G = backend.graph()
        assert set(G["57-NQ/TW@VN@2024"].get(request, {})) == set()
        assert set(G[request]["57-NQ/TW@VN@2024"]) == {"implements", "reports_on"}
        rows = backend.gaps(GapOptions(as_of=AS_OF, kinds=("report_overdue",)))
        assert [r.due for r in rows if r.document == request] == ["2026-01-15"]

    @pytest.mark.parametrize("chunk", [500, 1])
    def test_lineage_capped_at_a_limit(
        self, backend: Any, corpus: Path, chunk: int, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A capped answer is the whole answer (at the same depth) cut to the first documents the
        walk reaches, with every edge between them (also when a level is read in chunks of one
        document, so that the cut falls before the rest of its level and, on Neo4j, the rest comes
        from the kept documents' side)."""
        monkeypatch.setattr(graph_lineage, "FIRST_CHUNK", min(chunk, graph_lineage.FIRST_CHUNK))
        monkeypatch.setattr(graph_lineage, "MAX_CHUNK", chunk)
        letter = str(corpus / "extra" / "dl_letter.txt")
        for key, direction in (("57-NQ/TW@VN@2024", "down"), (letter, "up")):
            for depth in (None, 1, 2):
                whole = backend.lineage(key, direction, depth)
                assert whole["truncated"] is False
                for limit in range(1, len(whole["nodes"])):
                    capped = backend.lineage(key, direction, depth, limit)
                    kept = first_reached(whole, limit)
                    assert capped["truncated"] is True, (key, depth, limit)
                    assert capped["nodes"] == [n for n in whole["nodes"] if n["key"] in kept]
                    assert capped["edges"] == [
                        e for e in whole["edges"] if e["source"] in kept and e["target"] in kept
                    ], (key, depth, limit)
                assert backend.lineage(key, direction, depth, len(whole["nodes"])) == whole
        assert len(backend.lineage("57-NQ/TW@VN@2024", "down")["nodes"]) > 5

    def test_lineage_up_reaches_the_directive(self, backend: Any, corpus: Path) -> None:
        up = backend.lineage(str(corpus / "extra" / "dl_letter.txt"), "up")
        assert {n["key"]: n["distance"] for n in up["nodes"]}["57-NQ/TW@VN@2024"] == 2
        down = backend.lineage("57-NQ/TW@VN@2024", "down", depth=1)
        assert all(n["distance"] <= 1 for n in down["nodes"]) and all(e["evidence"] for e in down["edges"])

    def test_catalog_root(self, backend: Any) -> None:
        a = backend.graph().nodes["57-NQ/TW@VN@2024"]
        assert (a["status"], a["catalog"], a["level"], a["date"]) == ("cited", True, "central", "2024-12-22")


# -- changes, order, push -------------------------------------------------------------------------


@needs_arcadedb
def test_changes_and_removal_match(bolt: BoltServer, tmp_path: Path) -> None:
    root = make_corpus(tmp_path / "c")
    lite = open_store(tmp_path / "l.db")
    graphdb = neo(bolt, "scratch")
    for store in (lite, graphdb):
        ingest_paths(store, [root])
    assert_same_store(lite, graphdb)

    # A changed file replaces every fact it contributed.
    seed = root / "seeds" / "001_248d6b34aa5ff351.txt"
    seed.write_text(seed.read_text(encoding="utf-8").replace("386-KH/TU", "387-KH/TU"), encoding="utf-8")
    reports = [ingest_paths(store, [root]) for store in (lite, graphdb)]
    assert reports[0].changed == reports[1].changed == [str(seed.resolve())]
    assert "387-KH/TU@?@2025" in graphdb.graph()  # its copy still cites 386-KH/TU
    assert_same_store(lite, graphdb)

    # Removing files, including one of two files sharing a key and the plan a letter urges.
    for name in ("extra/copy_of_001.txt", "extra/dl_plan.txt", "seeds/003_2903fb9f98b826c4.txt"):
        path = str((root / name).resolve())
        lite.remove(path)
        graphdb.remove(path)
        assert_same_store(lite, graphdb)
    with pytest.raises(NodeNotFound):
        graphdb.remove(str((root / "extra" / "dl_plan.txt").resolve()))
    assert_same_answers(lite, graphdb)

    # Putting them back restores the graph.
    for store in (lite, graphdb):
        ingest_paths(store, [root])
    assert_same_store(lite, graphdb)
    graphdb.close()
    lite.close()


@needs_arcadedb
def test_ingest_order_does_not_change_the_graph(bolt: BoltServer, tmp_path: Path) -> None:
    """The scenario plus the extraction corpus, written file by file in a shuffled order: every
    incremental refresh (re-resolution, keying again, documents, relationships) must end in the
    embedded graph."""
    root = make_corpus(tmp_path / "c")
    shutil.copytree(CORPUS, root / "extraction", ignore=shutil.ignore_patterns("*.jsonl"))
    files = sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in (".txt", ".md"))
    extracted = [(str(f.resolve()), sha256_of(f), extract_file(f)) for f in files]
    # Two plans of one base key and two identities, and a letter citing the symbol (#11).
    extracted += [KRONG_PAC, EA_KAR, LETTER]
    lite = open_store(tmp_path / "l.db")
    for row in extracted:
        lite.upsert(*row)
    order = list(range(len(extracted)))
    random.Random(1).shuffle(order)
    graphdb = neo(bolt, "order")
    for i in order:
        assert graphdb.upsert(*extracted[i]) == "added"
    assert graphdb.upsert(*extracted[order[0]]) == "unchanged"
    assert_same_store(lite, graphdb)
    plans = {graphdb.key_of_path(KRONG_PAC[0]), graphdb.key_of_path(EA_KAR[0])}
    assert len(plans) == 2 and all("#" in str(k) for k in plans)
    graphdb.close()
    lite.close()


@needs_arcadedb
def test_synthetic_corpus_same_gaps_on_both_backends(bolt: BoltServer, tmp_path: Path) -> None:
    """A synthetic corpus with every planted situation (plans of several bases, reports of units on
    bases, overdue requests, urging letters...): the Cypher rules give the embedded rows, row for
    row, for the country, each province and at several dates, and find the planted gaps."""
    provinces = ["Kon Tum", "Huế"]
    out = tmp_path / "corpus"
    generate(out, provinces, scale=40, seed=11, as_of=AS_OF, formats=("txt",), gap_rate=0.3)
    lite = open_store(tmp_path / "l.db")
    assert not ingest_paths(lite, [out]).failed
    target = Neo4jStore(bolt.uri, bolt.user, bolt.password, "synth")
    push(lite, target)
    for opts in [
        GapOptions(as_of=AS_OF),
        GapOptions(as_of="2025-10-01"),
        *(GapOptions(as_of=AS_OF, province=p) for p in [*provinces, "Quảng Ngãi", "Hà Nội"]),
    ]:
        assert target.gaps(opts) == lite.gaps(opts), opts
    planted = [
        json.loads(line) for line in (out / "planted-gaps.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    found = {(r.kind, Path(r.source).name) for r in target.gaps(GapOptions(as_of=AS_OF)) if r.source}
    assert found == {(t["kind"], t["source"]) for t in planted if t["source"]}
    target.close()
    lite.close()


@needs_arcadedb
def test_push_copies_the_store(bolt: BoltServer, corpus: Path, tmp_path: Path) -> None:
    lite = open_store(tmp_path / "l.db")
    ingest_paths(lite, [corpus])
    target = Neo4jStore(bolt.uri, bolt.user, bolt.password, "pushed")
    told: list[tuple[int, int]] = []
    counts = push(lite, target, batch_size=7, on_batch=lambda rows, total: told.append((rows, total)))
    # small batches: several UNWIND rounds of each kind, each told to the progress line
    assert len(told) > 6 and all(0 < rows <= 7 for rows, _ in told)
    assert sum(rows for rows, _ in told) == sum(counts.values()) == told[0][1]
    G = lite.graph()
    assert counts["files"] == len(lite.paths()) and counts["references"] == len(list(lite.references()))
    assert (counts["documents"], counts["edges"]) == (G.number_of_nodes(), G.number_of_edges())
    assert_same_store(lite, target)
    assert_same_answers(lite, target)
    assert target.runs() == lite.runs()
    # Pushing again replaces what was there; the copy then takes incremental changes like any store.
    push(lite, target)
    assert_same_store(lite, target)
    assert target.start_run().run_id == lite.start_run().run_id
    for name in ("extra/gl_plan.txt", "seeds/000_230abe7e519d0cdb.txt"):
        path = str((corpus / name).resolve())
        lite.remove(path)
        target.remove(path)
    assert_same_store(lite, target)
    assert_same_answers(lite, target)
    target.close()
    lite.close()


# -- opening and failing --------------------------------------------------------------------------


@needs_arcadedb
def test_one_factory_opens_a_path_or_a_bolt_uri(
    bolt: BoltServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lite = open_store(tmp_path / "x.db")
    assert isinstance(lite, LineageStore)
    lite.close()
    with pytest.raises(StoreNotFound, match="no store at this path"):
        open_store(tmp_path / "missing.db", create=False)
    monkeypatch.setenv("NEO4J_USER", bolt.user)
    monkeypatch.setenv("NEO4J_PASSWORD", bolt.password)
    monkeypatch.setenv("NEO4J_DATABASE", "scratch")
    store = open_store(bolt.uri)
    assert isinstance(store, Neo4jStore) and store.database == "scratch"
    store.close()


@needs_arcadedb
def test_wrong_password_is_backend_unavailable(bolt: BoltServer) -> None:
    with pytest.raises(BackendUnavailable):
        Neo4jStore(bolt.uri, bolt.user, "wrong-password", "scratch")


def test_no_server_is_backend_unavailable(monkeypatch: pytest.MonkeyPatch) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(BackendUnavailable, match="not available"):
        Neo4jStore(f"bolt://127.0.0.1:{port}", "neo4j", "x")
    monkeypatch.delenv("NEO4J_URI", raising=False)
    with pytest.raises(BackendUnavailable, match="NEO4J_URI"):
        Neo4jStore()


def test_queries_know_every_relation() -> None:
    """Relationship types are written out in the Cypher (they cannot be parameters): keep them in step."""
    assert set(neo4j_store.Q_CREATE_EDGES) == {r.value for r in Relation}
    for rel in Relation:
        assert f":{rel.value.upper()}]" in neo4j_store.Q_CREATE_EDGES[rel.value]


def test_bolt_server_without_arcadedb(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(arcadedb, "arcadedb_available", lambda: False)
    with pytest.raises(BackendUnavailable, match="pip install arcadedb-embedded"), BoltServer():
        pass


def test_cli_push_then_gaps_and_lineage_on_neo4j(bolt: BoltServer, corpus: Path, tmp_path: Path) -> None:
    """`lineage push --neo4j` then `--backend neo4j` gives the answers the embedded store gives."""

    from click.testing import CliRunner

    from api.cli import cli

    runner = CliRunner()
    db = tmp_path / "cli.db"
    assert runner.invoke(cli, ["ingest", str(corpus), "--db", str(db), "-q", "-j", "1"]).exit_code == 0
    database = "cli"
    neo(bolt, database).close()  # empties the database
    auth = ["--neo4j-user", bolt.user, "--neo4j-password", bolt.password, "--neo4j-database", database]
    pushed = runner.invoke(cli, ["push", "--db", str(db), "--neo4j", bolt.uri, *auth], catch_exceptions=False)
    assert pushed.exit_code == 0 and "pushed" in pushed.output
    on_neo4j = ["--backend", "neo4j", "--neo4j-uri", bolt.uri, *auth]
    args = ["gaps", "--format", "json", "--as-of", "2026-11-22"]
    a = runner.invoke(cli, [*args, "--db", str(db)], catch_exceptions=False).output
    b = runner.invoke(cli, [*args, *on_neo4j], catch_exceptions=False).output
    rows = [json.loads(x) for x in b.splitlines()]
    assert rows and a == b
    key = "57-NQ/TW@VN@2024"
    la = runner.invoke(cli, ["lineage", key, "--down", "--format", "json", "--db", str(db)]).output
    lb = runner.invoke(cli, ["lineage", key, "--down", "--format", "json", *on_neo4j]).output
    assert json.loads(la)["nodes"] == json.loads(lb)["nodes"]
