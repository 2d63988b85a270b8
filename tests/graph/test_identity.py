"""Identities that never merge two documents (#11): a key's scope is the issuing unit at issue."""

import contextlib
import hashlib
import itertools
import json
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from graph.backends import open_store
from graph.gaps import GapOptions
from graph.ingest import ingest_paths
from graph.neo4j_store import Neo4jStore
from graph.resolve import IDENTITY_COLLISION, FileIdentity, identity_warnings, split_identities
from ingest.records import Deadline, DocumentIdentity, Evidence, Extraction, Mention, Reference
from ingest.symbols import parse_symbol
from ontology.terms import Level, Relation
from testkit.arcadedb import arcadedb_available

HEAD = (
    "ỦY BAN NHÂN DÂN\n{unit}\nSố: {number}\n{place}, ngày {day} tháng {month} năm 2025\nKẾ HOẠCH\n{title}\n"
)
BODY = "Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị, UBND tỉnh ban hành Kế hoạch.\n"


def _plan(folder: Path, name: str, unit: str, place: str, day: int, month: int, title: str) -> None:
    text = HEAD.format(unit=unit, number="41/KH-UBND", place=place, day=day, month=month, title=title)
    (folder / name).write_text(text + BODY, encoding="utf-8")


def test_merged_provinces_plans_with_one_number_stay_two_documents(tmp_path: Path) -> None:
    """41/KH-UBND of UBND tỉnh Phú Yên (February 2025, before the merger) and of UBND tỉnh Đắk Lắk
    (March 2025): two keys, both found by the current province and by the old name."""
    folder = tmp_path / "in"
    folder.mkdir()
    _plan(folder, "phu-yen.txt", "TỈNH PHÚ YÊN", "Phú Yên", 14, 2, "Chuyển đổi số năm 2025")
    _plan(folder, "dak-lak.txt", "TỈNH ĐẮK LẮK", "Đắk Lắk", 10, 3, "Phát triển khoa học, công nghệ")
    store = open_store(tmp_path / "l.db")
    ingest_paths(store, [folder])
    keys = {Path(p).name: store.key_of_path(p) for p in store.paths()}
    assert keys == {"phu-yen.txt": "41/KH-UBND@Phú Yên@2025", "dak-lak.txt": "41/KH-UBND@Đắk Lắk@2025"}
    G = store.graph()
    assert {G.nodes[k]["province"] for k in keys.values()} == {"Đắk Lắk"}
    assert G.nodes[keys["phu-yen.txt"]]["province_at_issue"] == "Phú Yên"
    for name in ("Đắk Lắk", "Phú Yên"):
        rows = store.gaps(GapOptions(kinds=("no_report",), province=name, as_of="2026-11-22"))
        assert {r.document for r in rows} == set(keys.values())


def test_the_same_document_ingested_twice_stays_one(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    _plan(folder, "a.txt", "TỈNH ĐẮK LẮK", "Đắk Lắk", 10, 3, "Phát triển khoa học, công nghệ")
    _plan(folder, "copy.txt", "TỈNH ĐẮK LẮK", "Đắk Lắk", 10, 3, "Phát triển khoa học, công nghệ")
    store = open_store(tmp_path / "l.db")
    ingest_paths(store, [folder])
    G = store.graph()
    assert [n for n, a in G.nodes(data=True) if a["status"] == "ingested"] == ["41/KH-UBND@Đắk Lắk@2025"]
    assert len(G.nodes["41/KH-UBND@Đắk Lắk@2025"]["sources"]) == 2


# -- two files, one base key, two identities (#11) ------------------------------------------------
#
# Two district plans 41/KH-UBND of Đắk Lắk in 2025 whose district could not be read: same symbol,
# scope and year, so one base key; different issuers (or dates), so two documents to review.

BASE = "41/KH-UBND@Đắk Lắk@2025"
KP = "UBND huyện Krông Pắc"
EK = "UBND huyện Ea Kar"


def _extraction(
    name: str,
    issuer: str | None,
    date: str | None,
    title: str = "Kế hoạch chuyển đổi số",
    number: str = "41/KH-UBND",
    level: Level = Level.DISTRICT,
    refs: tuple[str, ...] = (),
) -> Extraction:
    symbol = parse_symbol(number)
    identity = DocumentIdentity(
        number, symbol, "Kế hoạch", issuer, level, None, "Đắk Lắk", "Đắk Lắk", date, title, None, []
    )
    references = []
    for cited in refs:
        s = parse_symbol(cited)
        assert s is not None
        text = f"Thực hiện Kế hoạch số {cited}"
        m = Mention(
            s, cited, 0, len(text), None, None, None, None, Relation.IMPLEMENTS, Evidence(0, len(text), text)
        )
        references.append(
            Reference(cited, s, "Kế hoạch", "2025-03-10", None, Level.DISTRICT, [Relation.IMPLEMENTS], [m])
        )
    deadlines = [Deadline("2025-12-15", None, True, Evidence(0, 10, "trước 15/12"))]
    return Extraction(name, identity, references, deadlines, [])


def _file(name: str, *args: Any, **kw: Any) -> tuple[str, str, Extraction]:
    ex = _extraction(name, *args, **kw)
    digest = hashlib.sha256(json.dumps(ex.to_json(), ensure_ascii=False).encode()).hexdigest()
    return f"/corpus/{name}", digest, ex


KRONG_PAC = _file("krong-pac.txt", KP, "2025-03-10")
EA_KAR = _file("ea-kar.txt", EK, "2025-03-10")
LETTER = _file(
    "letter.txt", "UBND tỉnh Đắk Lắk", "2025-04-01", "Đôn đốc", "90/UBND-VP", Level.PROVINCE, ("41/KH-UBND",)
)


@pytest.fixture(params=["sqlite", "neo4j"])
def make_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[[], Any]]:
    """A function giving an empty store of the backend (called twice: two ingest orders)."""
    opened: list[Any] = []

    def make() -> Any:
        if request.param == "sqlite":
            store: Any = open_store(tmp_path / f"l{len(opened)}.db")
        else:
            if not arcadedb_available():
                pytest.skip("arcadedb-embedded is not installed (pip install arcadedb-embedded)")
            bolt = request.getfixturevalue("bolt")
            for s in opened:
                s.close()
            store = Neo4jStore(bolt.uri, bolt.user, bolt.password, "identity")
            store.clear()
        opened.append(store)
        return store

    yield make
    for s in opened:
        with contextlib.suppress(Exception):
            s.close()


def _keys(store: Any) -> dict[str, str | None]:
    return {Path(p).name: store.key_of_path(p) for p in store.paths()}


def _warnings(store: Any) -> dict[str, list[str]]:
    return {
        Path(d.path).name: [w for w in d.warnings if w.startswith(IDENTITY_COLLISION)]
        for d in store.documents()
    }


def test_split_identities_depends_on_the_set_only() -> None:
    files = [
        FileIdentity("a", KP, "2025-03-10", "x"),
        FileIdentity("b", "ubnd HUYỆN krông pắc", "2025-03-10", "another title"),  # the same identity
        FileIdentity("c", EK, "2025-03-10"),
        FileIdentity("d", None, "2025-03-10"),  # could be either: a document of its own
        FileIdentity("e", EK, None),  # only Ea Kar's
    ]
    first = split_identities(BASE, files)
    for order in itertools.permutations(files):
        assert split_identities(BASE, list(order)) == first
    assert first["a"] == first["b"] and first["c"] == first["e"]
    assert len({first["a"], first["c"], first["d"]}) == 3
    assert all(k.startswith(BASE + "#") for k in first.values())
    # A group's key depends on its identity: it stays when another file goes.
    assert split_identities(BASE, files[:3]) == {p: first[p] for p in "abc"}
    # No conflict: one document, whatever is missing or retitled.
    assert split_identities(
        BASE, [files[0], FileIdentity("f", "Ủy ban nhân dân huyện Krông Pắc", "2025-03-10")]
    ) == {
        "a": BASE,
        "f": BASE,
    }
    same = [
        FileIdentity("a", KP, "2025-03-10", "x"),
        FileIdentity("b", None, "2025-03-10", "y"),
        FileIdentity("c", KP, None),
    ]
    assert split_identities(BASE, same) == dict.fromkeys("abc", BASE)
    warnings = identity_warnings(first, BASE)
    assert warnings["a"] is not None and warnings["a"].startswith(IDENTITY_COLLISION)
    assert "c, d, e" in warnings["a"] and "b" not in warnings["a"].split(" from ")[1].split(" with ")[0]
    assert identity_warnings(split_identities(BASE, same), BASE) == dict.fromkeys("abc", None)


def test_two_identities_of_one_key_are_two_documents_in_any_order(make_store: Callable[[], Any]) -> None:
    results = []
    for files in ((KRONG_PAC, EA_KAR, LETTER), (LETTER, EA_KAR, KRONG_PAC)):
        store = make_store()
        for f in files:
            assert store.upsert(*f) == "added"
        keys = _keys(store)
        results.append(keys)
        assert keys["krong-pac.txt"] != keys["ea-kar.txt"]
        assert {keys["krong-pac.txt"], keys["ea-kar.txt"]} <= {
            k for k in store.graph() if k.startswith(BASE + "#")
        }
        warnings = _warnings(store)
        assert len(warnings["krong-pac.txt"]) == len(warnings["ea-kar.txt"]) == 1
        assert "/corpus/ea-kar.txt" in warnings["krong-pac.txt"][0]
        assert "/corpus/krong-pac.txt" in warnings["ea-kar.txt"][0]
        assert warnings["letter.txt"] == []
        # The references and deadlines of each file follow its document.
        assert {d["path"]: d["document"] for d in store.deadlines()} == {
            f"/corpus/{n}": k for n, k in keys.items()
        }
        # A reference to the symbol now has two candidates: ambiguous, flagged.
        (ref,) = list(store.references())
        assert ref.source_key == keys["letter.txt"]
        assert ref.status == "ambiguous"
        assert ref.candidates == sorted([keys["krong-pac.txt"], keys["ea-kar.txt"]])
        assert store.graph().nodes[ref.target_key]["ambiguous"]
    assert results[0] == results[1]


def test_removing_one_gives_the_base_key_back(make_store: Callable[[], Any]) -> None:
    store = make_store()
    for f in (KRONG_PAC, EA_KAR, LETTER):
        store.upsert(*f)
    store.remove(EA_KAR[0])
    assert _keys(store) == {"krong-pac.txt": BASE, "letter.txt": "90/UBND-VP@Đắk Lắk@2025"}
    assert _warnings(store)["krong-pac.txt"] == []
    assert [d["document"] for d in store.deadlines() if d["path"] == KRONG_PAC[0]] == [BASE]
    (ref,) = list(store.references())
    assert (ref.target_key, ref.status) == (BASE, "exact")
    G = store.graph()
    assert G.nodes[BASE]["status"] == "ingested" and not any("#" in k for k in G)
    assert list(G.successors("90/UBND-VP@Đắk Lắk@2025")) == [BASE]
    # And back: the Ea Kar plan splits them again, with the keys they had.
    store.upsert(*EA_KAR)
    assert {k for k in _keys(store).values() if k and k.startswith(BASE)} == {
        split_identities(BASE, [FileIdentity("a", KP, "2025-03-10"), FileIdentity("b", EK, "2025-03-10")])[p]
        for p in "ab"
    }


def test_the_same_identity_stays_one_document(make_store: Callable[[], Any]) -> None:
    store = make_store()
    assert store.upsert(*KRONG_PAC) == "added"
    assert store.upsert(*KRONG_PAC) == "unchanged"
    # A newer copy at the same path (a corrected title), a copy whose day was not read, and one
    # whose issuer was not.
    newer = _file("krong-pac.txt", KP, "2025-03-10", "Kế hoạch chuyển đổi số năm 2025")
    assert store.upsert(*newer) == "changed"
    assert store.upsert(*_file("copy.txt", "UBND HUYỆN KRÔNG PẮC", "2025-03")) == "added"
    assert store.upsert(*_file("scan.txt", None, "2025-03-10", "KẾ HOẠCH")) == "added"
    assert _keys(store) == {"krong-pac.txt": BASE, "copy.txt": BASE, "scan.txt": BASE}
    assert _warnings(store) == {"krong-pac.txt": [], "copy.txt": [], "scan.txt": []}
    node = store.graph().nodes[BASE]
    assert node["title"] == "Kế hoạch chuyển đổi số"  # the first file's (by path), as before
    assert sorted(node["sources"]) == ["/corpus/copy.txt", "/corpus/krong-pac.txt", "/corpus/scan.txt"]
    # A newer copy that now reads another day is another document than the scan of the 10th; the
    # copy of March 2025 by Krông Pắc stays with it.
    store.upsert(*_file("krong-pac.txt", KP, "2025-03-11"))
    keys = _keys(store)
    assert keys["krong-pac.txt"] == keys["copy.txt"] != keys["scan.txt"]
    assert BASE not in keys.values()
    assert {n: len(w) for n, w in _warnings(store).items()} == {
        "krong-pac.txt": 1,
        "copy.txt": 1,
        "scan.txt": 1,
    }


def test_a_store_without_base_keys_is_migrated(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with open_store(path) as store:
        store.upsert(*KRONG_PAC)
    db = sqlite3.connect(path)
    db.execute("DROP INDEX documents_base_key")
    db.execute("ALTER TABLE documents DROP COLUMN base_key")
    db.commit()
    db.close()
    with open_store(path) as store:
        assert store.db.execute("SELECT base_key FROM documents").fetchall() == [(BASE,)]
        store.upsert(*EA_KAR)
        keys = _keys(store)
        assert keys["krong-pac.txt"] != keys["ea-kar.txt"] and BASE not in keys.values()


def test_a_neo4j_store_without_base_keys_is_filled(request: pytest.FixtureRequest) -> None:
    if not arcadedb_available():
        pytest.skip("arcadedb-embedded is not installed (pip install arcadedb-embedded)")
    bolt = request.getfixturevalue("bolt")
    with Neo4jStore(bolt.uri, bolt.user, bolt.password, "identity") as store:
        store.clear()
        store.upsert(*KRONG_PAC)
        store._write(lambda tx: tx.run("MATCH (f:File) REMOVE f.base_key").consume())
    with Neo4jStore(bolt.uri, bolt.user, bolt.password, "identity") as store:
        assert [r["b"] for r in store._query("MATCH (f:File) RETURN f.base_key AS b")] == [BASE]
        store.upsert(*EA_KAR)
        keys = _keys(store)
        assert keys["krong-pac.txt"] != keys["ea-kar.txt"] and BASE not in keys.values()
