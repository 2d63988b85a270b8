"""Corrections on both backends (#14): the embedded store and the Neo4j backend (ArcadeDB's Bolt
server, started by ``tests/graph/conftest.py``) apply the same corrections the same way.

The corpus is a handful of small synthetic documents of Đắk Lắk written in ``tmp_path``: a plan
whose basis the machine reads as a mere citation (a false ``no_basis`` row), a plan on the same
resolution read right, a report and a letter on them, a commune plan whose basis resolves loosely,
and a second file of the first plan whose number was misread.
"""

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from graph import review
from graph.backends import open_store
from graph.contract import Store
from graph.corrections import FILE_REMOVED, NOT_IN_STORE, CorrectionError
from graph.gaps import GAP_KINDS, GapOptions
from graph.ingest import ingest_paths
from graph.neo4j_store import Neo4jStore, push
from ontology.review import REVIEW_RULE, Doubt
from testkit.arcadedb import BoltServer, arcadedb_available
from tests.graph.test_neo4j_store import assert_same_store

AS_OF = "2026-11-22"
KINDS = tuple(k for k in GAP_KINDS if k != "unit_coverage")  # not every unit of the country
NO_BASIS = GapOptions(as_of=AS_OF, kinds=("no_basis",))
PLAN_41 = "41/KH-UBND@Đắk Lắk@2025"
PLAN_42 = "42/KH-UBND@Đắk Lắk@2025"

needs_arcadedb = pytest.mark.skipif(
    not arcadedb_available(),
    reason="arcadedb-embedded is not installed (pip install arcadedb-embedded): no local Bolt server to test against",
)


def _doc(header: str, number: str, dated: str, kind: str, title: str, body: str) -> str:
    return f"ỦY BAN NHÂN DÂN\n{header}\nSố: {number}\n{dated}\n{kind}\n{title}\n{body}\n"


DAK_LAK = "Đắk Lắk, ngày {} năm 2025"
CITES_57 = "Tham khảo Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị."
DOCUMENTS = {
    # The false no_basis: the plan rests on 57-NQ/TW, the machine reads a mere citation.
    "plan41.txt": _doc("TỈNH ĐẮK LẮK", "41/KH-UBND", DAK_LAK.format("15 tháng 3"), "KẾ HOẠCH", "Chuyển đổi số năm 2025",
                       CITES_57 + "\nCác sở, ngành báo cáo kết quả thực hiện về UBND tỉnh trước ngày 15/12/2025."),
    # The same plan, another file, its number misread (14 for 41).
    "copy14.txt": _doc("TỈNH ĐẮK LẮK", "14/KH-UBND", DAK_LAK.format("15 tháng 3"), "KẾ HOẠCH",
                       "Chuyển đổi số năm 2025 (bản chụp)", CITES_57),
    "plan42.txt": _doc("TỈNH ĐẮK LẮK", "42/KH-UBND", DAK_LAK.format("20 tháng 3"), "KẾ HOẠCH",
                       "Phát triển khoa học, công nghệ năm 2025",
                       "Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị, UBND tỉnh ban hành Kế hoạch."),
    "report.txt": _doc("TỈNH ĐẮK LẮK", "150/BC-UBND", DAK_LAK.format("20 tháng 6"), "BÁO CÁO",
                       "Kết quả thực hiện Kế hoạch số 42/KH-UBND ngày 20/3/2025 của UBND tỉnh",
                       "Thực hiện Kế hoạch số 42/KH-UBND ngày 20/3/2025 của UBND tỉnh, UBND tỉnh báo cáo kết quả như sau."),
    "letter.txt": _doc("TỈNH ĐẮK LẮK", "12/UBND-VP", "V/v đôn đốc thực hiện\n" + DAK_LAK.format("10 tháng 9"),
                       "Kính gửi: Các sở, ngành.", "",
                       "Đề nghị khẩn trương hoàn thành các nhiệm vụ tại Kế hoạch số 41/KH-UBND ngày 15/3/2025 của UBND tỉnh."),
    # It cites a plan by a mistyped number (420 for 42): a document known only by that citation.
    "letter2.txt": _doc("TỈNH ĐẮK LẮK", "15/UBND-VP", "V/v báo cáo kết quả\n" + DAK_LAK.format("12 tháng 9"),
                        "Kính gửi: Các sở, ngành.", "",
                        "Đề nghị báo cáo kết quả thực hiện Kế hoạch số 420/KH-UBND ngày 20/3/2025 của UBND tỉnh."),
    # Its basis resolves loosely (a commune whose province cannot be read): queued, and retargeted below.
    "commune.txt": _doc("XÃ HÒA PHÚ", "07/KH-UBND", "Hòa Phú, ngày 02 tháng 4 năm 2025", "KẾ HOẠCH", "Chuyển đổi số năm 2025",
                        "Thực hiện Kế hoạch số 42/KH-UBND ngày 20/3/2025 của UBND tỉnh Đắk Lắk, UBND xã ban hành Kế hoạch."),
}  # fmt: skip


def make_corpus(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for name, text in DOCUMENTS.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


def path_of(root: Path, name: str) -> str:
    return str((root / name).resolve())


def no_basis(store: Store) -> set[str]:
    return {g.document for g in store.gaps(NO_BASIS)}


def answers(store: Store) -> dict[str, Any]:
    """What a reader sees: the gaps (but the long unit coverage), lineage both ways from every
    document, the stored references and documents, the review queue."""
    keys = sorted(store.graph())
    return {
        "gaps": store.gaps(GapOptions(as_of=AS_OF, kinds=KINDS)),
        "lineage": {(k, d): store.lineage(k, d) for k in keys for d in ("up", "down")},
        "references": list(store.references()),
        "documents": list(store.documents()),
        "queue": [review.review_queue(store, p, limit=None) for p in (None, "Đắk Lắk", "unknown")],
    }


def assert_same_answers(a: Store, b: Store) -> None:
    left, right = answers(a), answers(b)
    for name in left:
        assert left[name] == right[name], name


# -- the stores -----------------------------------------------------------------------------------


def neo(bolt: BoltServer, database: str) -> Neo4jStore:
    store = Neo4jStore(bolt.uri, bolt.user, bolt.password, database)
    store.clear()
    return store


Opener = Callable[[str], Store]


@pytest.fixture
def opener(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Opener]:
    """Opens a fresh, empty store of the backend asked for (``sqlite`` or ``neo4j``) by a name."""
    opened: list[Store] = []

    def open_one(name: str) -> Store:
        if request.param == "neo4j":
            if not arcadedb_available():
                pytest.skip("arcadedb-embedded is not installed (pip install arcadedb-embedded)")
            store: Store = neo(request.getfixturevalue("bolt"), name)
        else:
            store = open_store(tmp_path / f"{name}.db")
        opened.append(store)
        return store

    yield open_one
    for s in opened:
        s.close()


OTHER = {"sqlite": "neo4j", "neo4j": "sqlite"}


# -- the case: a false no_basis row, fixed and kept -------------------------------------------


@pytest.mark.parametrize("opener", ["sqlite", "neo4j"], indirect=True)
def test_a_false_no_basis_row_is_fixed_and_kept_across_reingest(opener: Opener, tmp_path: Path) -> None:
    root = make_corpus(tmp_path / "corpus")
    store = opener("scratch")
    ingest_paths(store, [root])
    plan = path_of(root, "plan41.txt")
    assert PLAN_41 in no_basis(store)
    queued = review.review_queue(store, "Đắk Lắk", kinds=["link"])
    assert any(
        i.document == PLAN_41 and i.number == "57-NQ/TW" and Doubt.RELATION_LOW in i.doubts for i in queued
    )

    # The reviewer changes the relation of the basis link: the row disappears.
    [made] = review.correct_link(
        store, PLAN_41, "relation", number="57-NQ/TW", value="implements", note="căn cứ", author="reviewer"
    )
    assert made.problem is None and made.path == plan
    assert json.loads(made.machine or "{}")["relations"] == ["cites"]
    assert PLAN_41 not in no_basis(store)
    [ref] = [r for r in store.references_from(PLAN_41) if r.path == plan]
    assert (ref.relations, ref.rule, ref.relation_confidence) == (["implements"], REVIEW_RULE, 1.0)
    assert ref.evidence[0]["review"][0]["by"] == "reviewer"
    assert store.machine_extraction(plan).references[0].relations[0].value == "cites"  # kept as read
    assert not any(i.document == PLAN_41 and i.kind == "link" for i in review.review_queue(store, "Đắk Lắk"))
    assert store.add_corrections([made]) == []  # held already: nothing changes
    same = review.correct_link(
        store, PLAN_41, "relation", number="57-NQ/TW", value="implements", note="again"
    )
    assert same == [] and len(store.corrections()) == 1  # an active one says so already

    # Re-ingesting the unchanged file keeps it.
    again = ingest_paths(store, [root])
    assert plan in again.unchanged
    assert PLAN_41 not in no_basis(store)

    # An edited file (same path, new content) that still cites the number keeps it.
    text = DOCUMENTS["plan41.txt"]
    (root / "plan41.txt").write_text(
        text.replace("Chuyển đổi số năm 2025", "Chuyển đổi số năm 2025 (sửa đổi)"), "utf-8"
    )
    assert ingest_paths(store, [root]).changed == [plan]
    assert PLAN_41 not in no_basis(store)
    assert store.correction(made.id).problem is None

    # Undo brings the row back; the correction stays on record, undone.
    undone = store.undo_correction(made.id, "chief")
    assert (undone.active, undone.undone_by) == (False, "chief")
    assert PLAN_41 in no_basis(store)
    with pytest.raises(CorrectionError, match="already undone"):
        store.undo_correction(made.id, "chief")

    # Made again; then the file is edited so that it no longer cites the number: the correction is
    # reported (problem set, queued first), never dropped, and holds again when the text comes back.
    [again_made] = review.correct_link(
        store,
        PLAN_41,
        "relation",
        number="57-NQ/TW",
        value="implements",
        note="căn cứ, lần hai",
        author="reviewer",
    )
    assert PLAN_41 not in no_basis(store)
    (root / "plan41.txt").write_text(text.replace(CITES_57, "Nâng cao nhận thức về chuyển đổi số."), "utf-8")
    ingest_paths(store, [root])
    lost = store.correction(again_made.id)
    assert lost.active and lost.problem is not None and "57-NQ/TW" in lost.problem
    assert {c.id for c in store.corrections()} == {made.id, again_made.id}
    assert PLAN_41 in no_basis(store)
    first = review.review_queue(store)[0]
    assert (first.kind, first.correction, first.doubts) == ("correction", again_made.id, (Doubt.UNATTACHED,))
    (root / "plan41.txt").write_text(text, "utf-8")
    ingest_paths(store, [root])
    assert store.correction(again_made.id).problem is None
    assert PLAN_41 not in no_basis(store)

    # A removed file's corrections stay, and hold again when it comes back.
    store.remove(plan)
    problems = {c.id: c.problem for c in store.corrections()}
    assert problems == {made.id: None, again_made.id: FILE_REMOVED}  # the undone one is left alone
    assert review.review_queue(store)[0].correction == again_made.id
    ingest_paths(store, [root])
    assert PLAN_41 not in no_basis(store)
    assert store.correction(again_made.id).problem is None


@pytest.mark.parametrize("opener", ["sqlite", "neo4j"], indirect=True)
def test_exported_corrections_give_the_same_gaps_in_a_store_of_the_other_backend(
    opener: Opener, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    root = make_corpus(tmp_path / "corpus")
    source = opener("scratch")
    ingest_paths(source, [root])
    before = source.gaps(GapOptions(as_of=AS_OF, kinds=KINDS))
    review.correct_link(source, PLAN_41, "relation", number="57-NQ/TW", value="implements", author="a")
    [rejected] = review.correct_link(
        source, "12/UBND-VP@Đắk Lắk@2025", "reject", number="41/KH-UBND", author="a"
    )
    review.correct_document(source, path_of(root, "copy14.txt"), "merge", value=PLAN_41, author="a")
    undone = review.correct_link(source, path_of(root, "commune.txt"), "retarget",
                                 number="42/KH-UBND", value=PLAN_41, author="a")  # fmt: skip
    source.undo_correction(undone[0].id, "b")
    lines = list(review.export_corrections(source))
    assert len(lines) == 4
    assert source.gaps(GapOptions(as_of=AS_OF, kinds=KINDS)) != before

    other = OTHER[request.node.callspec.params["opener"]]
    target = _other_store(other, request, tmp_path)
    # The letter is not in the target yet: its correction waits for it, said so, and applies when it comes.
    letter = (root / "letter.txt").read_text(encoding="utf-8")
    (root / "letter.txt").unlink()
    ingest_paths(target, [root])
    assert review.import_corrections(target, lines) == (4, 0, [f"{rejected.id}: {NOT_IN_STORE}"])
    assert review.import_corrections(target, lines) == (0, 4, [])  # twice: nothing changes
    (root / "letter.txt").write_text(letter, encoding="utf-8")
    ingest_paths(target, [root])
    assert target.correction(rejected.id).problem is None
    assert target.corrections() == source.corrections()
    assert_same_answers(source, target)
    assert list(review.export_corrections(target)) == lines


def _other_store(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> Store:
    if backend == "neo4j":
        if not arcadedb_available():
            pytest.skip("arcadedb-embedded is not installed (pip install arcadedb-embedded)")
        store: Store = neo(request.getfixturevalue("bolt"), "scratch")
    else:
        store = open_store(tmp_path / "other.db")
    request.addfinalizer(store.close)
    return store


# -- each kind of correction, the same on both backends ------------------------------------------------


def _set_date(s: Store, root: Path) -> Any:
    return review.correct_document(s, PLAN_42, "set", field="date", value="2025-03-21", author="a")


def _reject(s: Store, root: Path) -> Any:
    return review.correct_link(s, "12/UBND-VP@Đắk Lắk@2025", "reject", number="41/KH-UBND", author="a")


def _retarget(s: Store, root: Path) -> Any:
    return review.correct_link(
        s, path_of(root, "commune.txt"), "retarget", number="42/KH-UBND", value=PLAN_41
    )


def _add_link(s: Store, root: Path) -> Any:
    return review.add_link(
        s, "150/BC-UBND@Đắk Lắk@2025", PLAN_41, "reports_on", note="báo cáo qua điện thoại"
    )


def _merge(s: Store, root: Path) -> Any:
    return review.correct_document(s, path_of(root, "copy14.txt"), "merge", value=PLAN_41, author="a")


def _merge_cited(s: Store, root: Path) -> Any:
    return review.correct_document(s, "420/KH-UBND", "merge", value=PLAN_42, author="a")


CASES: dict[str, Callable[[Store, Path], Any]] = {
    "merge_cited": _merge_cited,
    "set": _set_date,
    "reject": _reject,
    "retarget": _retarget,
    "add_link": _add_link,
    "merge": _merge,
}


@needs_arcadedb
@pytest.mark.parametrize("made_on", ["sqlite", "neo4j"])
@pytest.mark.parametrize("case", list(CASES))
def test_each_correction_gives_the_same_answers_on_both_backends(
    case: str, made_on: str, bolt: BoltServer, tmp_path: Path
) -> None:
    """Made with ``graph.review`` on one backend, the same record added to the other: the same
    gaps, lineage, references and documents; and undone on both, the same machine answers again."""
    root = make_corpus(tmp_path / "corpus")
    lite = open_store(tmp_path / "l.db")
    graphdb = neo(bolt, "scratch")
    for s in (lite, graphdb):
        ingest_paths(s, [root])
    machine = answers(lite)
    origin, copy = (lite, graphdb) if made_on == "sqlite" else (graphdb, lite)
    made = CASES[case](origin, root)
    assert made and all(c.problem is None for c in made)
    assert copy.add_corrections(made) == [*origin.corrections()]
    assert answers(lite) != machine
    assert_same_answers(lite, graphdb)
    assert_same_store(lite, graphdb)
    # Whatever another file does to the same symbols afterwards, the correction holds alike.
    for s in (lite, graphdb):
        s.remove(path_of(root, "plan42.txt"))
    assert_same_answers(lite, graphdb)
    for s in (lite, graphdb):
        ingest_paths(s, [root])
        for c in made:
            s.undo_correction(c.id, "b")
    assert answers(lite) == answers(graphdb) == machine
    lite.close()
    graphdb.close()


@needs_arcadedb
def test_push_copies_corrections_and_machine_extractions(bolt: BoltServer, tmp_path: Path) -> None:
    root = make_corpus(tmp_path / "corpus")
    lite = open_store(tmp_path / "l.db")
    ingest_paths(lite, [root])
    for case in CASES.values():
        case(lite, root)
    review.correct_link(lite, PLAN_41, "relation", number="57-NQ/TW", value="implements")
    target = Neo4jStore(bolt.uri, bolt.user, bolt.password, "scratch")
    counts = push(lite, target)
    # One a case, the relation on both files of 41.
    assert counts["corrections"] == len(lite.corrections()) == 8
    # Kept for the corrected files only (any other is read again when first corrected).
    assert (
        counts["extractions"]
        == len(list(lite.machine_extractions()))
        == len({c.path for c in lite.corrections()})
    )
    assert target.corrections() == lite.corrections()
    assert list(target.machine_extractions()) == list(lite.machine_extractions())
    assert target.machine_extraction(path_of(root, "plan41.txt")) == lite.machine_extraction(
        path_of(root, "plan41.txt")
    )
    assert_same_store(lite, target)
    assert_same_answers(lite, target)
    # What a person pinned stays pinned in the copy: a merged file is not keyed again when another
    # file of its machine key comes, a retargeted reference not resolved again when its symbol's
    # document goes.
    (root / "real14.txt").write_text(DOCUMENTS["copy14.txt"].replace("(bản chụp)", "(bản gốc)"), "utf-8")
    for s in (lite, target):
        ingest_paths(s, [root])
        s.remove(path_of(root, "plan42.txt"))
    assert target.key_of_path(path_of(root, "copy14.txt")) == PLAN_41
    assert_same_store(lite, target)
    assert_same_answers(lite, target)
    # And corrections made on the copy behave as on the original.
    for s in (lite, target):
        for c in s.corrections():
            s.undo_correction(c.id, "b")
    assert_same_answers(lite, target)
    target.close()
    lite.close()


@needs_arcadedb
def test_the_command_line_fixes_and_undoes_on_neo4j(bolt: BoltServer, tmp_path: Path) -> None:
    """`lineage review set … relation implements` and `lineage review undo` on a Neo4j store, and
    `lineage gaps` on it drops the row, then shows it again."""
    from click.testing import CliRunner

    from api.cli import cli

    root = make_corpus(tmp_path / "corpus")
    store = neo(bolt, "scratch")
    ingest_paths(store, [root])
    on_neo4j = ["--backend", "neo4j", "--neo4j-uri", bolt.uri, "--neo4j-user", bolt.user,
                "--neo4j-password", bolt.password, "--neo4j-database", "scratch"]  # fmt: skip
    run = CliRunner().invoke

    def gaps() -> str:
        out = run(cli, ["gaps", "--kind", "no_basis", "--format", "json", *on_neo4j], catch_exceptions=False)
        assert out.exit_code == 0, out.output
        return out.output

    assert PLAN_41 in gaps()
    fixed = run(cli, ["review", "set", PLAN_41, "relation", "implements", "--link", "57-NQ/TW",
                      "--note", "căn cứ", "--by", "an", *on_neo4j], catch_exceptions=False)  # fmt: skip
    assert fixed.exit_code == 0 and "applied" in fixed.output, fixed.output
    assert PLAN_41 not in gaps()
    [made] = store.corrections()
    assert made.author == "an"
    undone = run(cli, ["review", "undo", made.id, "--by", "an", *on_neo4j], catch_exceptions=False)
    assert undone.exit_code == 0, undone.output
    assert PLAN_41 in gaps()
    store.close()
