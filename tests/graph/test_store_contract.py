"""The embedded store answers from its tables what the networkx view answers, without building it.

Gaps and coverage (``load_scope`` through ``SQLiteReader``), lineage (the walk over the reader)
and key lookups are held to the whole-graph answers on the seeds and the project's corpus: every
province, the whole country, every document up and down, capped and not.
"""

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from graph.backends import open_store
from graph.errors import NodeNotFound
from graph.gaps import GapOptions, find_coverage, find_gaps
from graph.ingest import ingest_paths
from graph.lineage import lineage
from graph.store import LineageStore
from graph.views import current_provinces
from tests.conftest import CORPUS, SEEDS

if TYPE_CHECKING:
    from graph.neo4j_store import Neo4jStore
    from testkit.arcadedb import BoltServer

AS_OF = "2026-11-22"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LineageStore]:
    db = tmp_path_factory.mktemp("contract") / "lineage.db"
    with open_store(db) as s:
        ingest_paths(s, [SEEDS, CORPUS], workers=1)
    with open_store(db, create=False) as s:
        yield s


def fresh(store: LineageStore) -> LineageStore:
    """The same store opened anew: nothing cached, as a new CLI process finds it."""
    return open_store(store.path, create=False)


@pytest.mark.parametrize("province", [None, "unknown", *[p["name"] for p in current_provinces()]])
def test_gaps_and_coverage_from_the_tables_are_the_whole_graphs(
    store: LineageStore, province: str | None
) -> None:
    G = store.graph()
    opts = GapOptions(province=province, as_of=AS_OF)
    with fresh(store) as cold:
        assert cold.gaps(opts) == find_gaps(G, G.graph["_deadlines"], opts)
        assert cold.coverage(opts) == find_coverage(G, opts)
        assert cold._cache is None  # answered without the networkx view


def test_documents_whose_province_is_unknown_have_their_own_rows(store: LineageStore) -> None:
    with fresh(store) as cold:
        rows = cold.gaps(GapOptions(province="unknown", as_of=AS_OF))
        everywhere = cold.gaps(GapOptions(as_of=AS_OF))
    assert rows, "the project corpus holds documents whose province cannot be read"
    assert all(not g.province for g in rows)
    assert rows == [g for g in everywhere if not g.province]


def test_a_province_of_an_old_name_reads_the_same_rows(store: LineageStore) -> None:
    with fresh(store) as cold:
        old, new = (cold.gaps(GapOptions(province=p, as_of=AS_OF)) for p in ("Phú Yên", "Đắk Lắk"))
    assert old == new
    assert old  # the seeds hold Đắk Lắk documents with gaps


def test_lineage_from_the_tables_is_the_whole_graphs(store: LineageStore) -> None:
    G = store.graph()
    keys = sorted(G.nodes)
    assert len(keys) > 100
    with fresh(store) as cold:
        for key in keys:
            for direction in ("up", "down"):
                for depth, limit in ((None, None), (3, 3), (1, None)):
                    want = lineage(G, key, direction, depth, limit)
                    assert cold.lineage(key, direction, depth, limit) == want, (key, direction, depth, limit)
        assert cold._cache is None


def test_keys_numbers_and_paths_resolve_without_the_view(store: LineageStore) -> None:
    with fresh(store) as cold:
        assert cold.resolve_key("57-NQ/TW") == "57-NQ/TW@VN@2024"
        path = cold.paths()[0]
        assert cold.resolve_key(path) == cold.key_of_path(path)
        with pytest.raises(NodeNotFound, match="did you mean 57-NQ/TW@VN@2024"):
            cold.resolve_key("57-NQ/TW@VN@2023")
        with pytest.raises(NodeNotFound, match="neither a document key"):
            cold.resolve_key("no such thing")
        assert cold._cache is None


def test_answers_follow_a_change_of_the_store(store: LineageStore, tmp_path: Path) -> None:
    db = tmp_path / "lineage.db"
    shutil.copy(store.path, db)
    with open_store(db) as s:
        opts = GapOptions(as_of=AS_OF)
        before = s.gaps(opts)
        plan = next(g for g in before if g.kind.value == "no_report")
        assert plan.source is not None
        s.remove(plan.source)
        after = s.gaps(opts)
        assert plan not in after
        assert after == find_gaps(s.graph(), s.graph().graph["_deadlines"], opts)


# -- the Neo4j backend (ArcadeDB's Bolt server, started by tests/graph/conftest.py) ------------------


@pytest.fixture(scope="module")
def neo4j_store(store: LineageStore, bolt: "BoltServer") -> Iterator["Neo4jStore"]:
    from graph.neo4j_store import Neo4jStore, push

    target = Neo4jStore(bolt.uri, bolt.user, bolt.password, "contract")
    push(store, target)
    yield target
    target.close()


def test_the_engine_over_cypher_reads_gives_the_embedded_rows(
    store: LineageStore, neo4j_store: "Neo4jStore"
) -> None:
    from graph.gapdata import load_scope

    for province in (None, "unknown", "Đắk Lắk", "Hải Phòng", "Phú Yên", "Hồ Chí Minh"):
        opts = GapOptions(province=province, as_of=AS_OF)
        scope = load_scope(neo4j_store.reader, province)
        assert find_gaps(scope, (), opts) == store.gaps(opts), province
        assert find_coverage(scope, opts) == store.coverage(opts), province
        assert neo4j_store.gaps(opts) == store.gaps(opts), province  # the Cypher rules, held to the engine


def test_documents_and_lineage_over_cypher_reads_are_the_embedded_ones(
    store: LineageStore, neo4j_store: "Neo4jStore"
) -> None:
    from graph.lineage import document_detail

    G = store.graph()
    keys = sorted(G.nodes)
    for key in keys:
        assert document_detail(neo4j_store.reader, key) == document_detail(store.reader, key), key
    for key in keys[::7]:
        for direction in ("up", "down"):
            for limit in (None, 3):
                want = lineage(G, key, direction, None, limit)
                assert lineage(neo4j_store.reader, key, direction, None, limit) == want, (
                    key,
                    direction,
                    limit,
                )


def test_the_document_listing_over_cypher_reads_is_the_view_one(
    store: LineageStore, neo4j_store: "Neo4jStore"
) -> None:
    """``GET /documents`` reads its documents through the reader on Neo4j too (``api.listing``)."""
    from api.listing import DocumentQuery, reader_nodes

    G = store.graph()
    provinces = sorted({a["province"] for _, a in G.nodes(data=True) if a.get("province")})
    asked = [DocumentQuery(), DocumentQuery(level="central", include_cited=True)]
    asked += [DocumentQuery(province=p) for p in [*provinces, "Kon Tum", "unknown"]]
    for query in asked:
        source = query.source()
        assert source is not None, query
        want = [(k, dict(a)) for k, a in query.select(list(G.nodes(data=True)))]
        got = [(k, dict(a)) for k, a in query.select(reader_nodes(neo4j_store.reader, source))]
        assert got == want, query


def test_the_contract_names_its_types() -> None:
    """No method of the store contract takes or gives ``Any``: every row and answer has a type."""
    import typing

    import networkx as nx

    from graph import contract
    from graph.corrections import Correction
    from graph.coverage import CoverageCell
    from graph.gapdata import GapGraph
    from ontology.gaps import Gap

    names = {**vars(contract), "nx": nx, "Correction": Correction, "CoverageCell": CoverageCell,
             "GapGraph": GapGraph, "GapOptions": GapOptions, "Gap": Gap}  # fmt: skip
    for name, member in vars(contract.Store).items():
        fn = member.fget if isinstance(member, property) else member
        if name.startswith("__") or not callable(fn):
            continue
        hints = typing.get_type_hints(fn, globalns=names)
        assert all("Any" not in repr(h) for h in hints.values()), (name, hints)
