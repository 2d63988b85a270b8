"""Corrections on the embedded store and from the command line (#14): a person's correction holds
for every answer, survives re-ingest, is reported when its target is gone, undoes, exchanges as
JSON Lines, and the queue puts the doubtful first. (Both backends alike: test_corrections_backends.)"""

import json
import sqlite3
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner

from api.cli import cli
from graph.backends import open_store
from graph.contract import Store
from graph.corrections import (
    FILE_REMOVED,
    NOT_IN_STORE,
    Correction,
    CorrectionError,
    _id_of,
    apply_corrections,
    make_correction,
)
from graph.gaps import GapOptions
from graph.ingest import ingest_paths
from graph.review import (
    add_link,
    correct_document,
    correct_link,
    export_corrections,
    import_corrections,
    review_queue,
)
from graph.store import LineageStore
from ingest.extract import extract_file
from ontology.review import Action, Doubt

HEADER = """ỦY BAN NHÂN DÂN
{issuer}
Số: {number}
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
{place}, ngày {day} tháng {month} năm {year}

KẾ HOẠCH
{title}

"""
FOOTER = "\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn A\n"

BASIS = HEADER.format(issuer="TỈNH TÂY NINH", number="41/KH-UBND", place="Tây Ninh", day=10, month=3, year=2024,
                      title="Chuyển đổi số tỉnh Tây Ninh năm 2024") + (
    "Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;\n"
    "Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:\nI. MỤC ĐÍCH\nĐẩy mạnh chuyển đổi số.\n"
) + FOOTER  # fmt: skip

# A commune plan that names its basis only in passing: read as `cites`, so a false `no_basis` row.
PLAN = HEADER.format(issuer="XÃ AN HÒA", number="12/KH-UBND", place="An Hòa", day=15, month=4, year=2025,
                     title="Chuyển đổi số năm 2025 trên địa bàn xã An Hòa, tỉnh Tây Ninh") + (
    "Năm 2024, xã đã hoàn thành các chỉ tiêu nêu tại Kế hoạch số 41/KH-UBND ngày 10/3/2024 của UBND tỉnh"
    " Tây Ninh về chuyển đổi số.\n{extra}"
    "Ủy ban nhân dân xã ban hành Kế hoạch chuyển đổi số năm 2025 như sau:\nI. MỤC ĐÍCH, YÊU CẦU\n"
    "Đẩy mạnh chuyển đổi số toàn diện.\n"
) + FOOTER  # fmt: skip
PLAN_KEY = "12/KH-UBND@?@2025"


def write_corpus(folder: Path, plan: str = PLAN.format(extra="")) -> Path:
    folder.mkdir(exist_ok=True)
    (folder / "basis.txt").write_text(BASIS, encoding="utf-8")
    (folder / "plan.txt").write_text(plan, encoding="utf-8")
    return folder


def no_basis(store: Store) -> list[str]:
    return [g.document for g in store.gaps(GapOptions(kinds=("no_basis",)))]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return write_corpus(tmp_path / "docs")


@pytest.fixture
def store(tmp_path: Path, corpus: Path) -> LineageStore:
    s = open_store(tmp_path / "l.db")
    assert isinstance(s, LineageStore)
    ingest_paths(s, [corpus])
    return s


def fix_basis(store: LineageStore, author: str = "an") -> Correction:
    (made,) = correct_link(store, PLAN_KEY, "relation", number="41/KH-UBND", value="implements",
                           note="căn cứ thực tế của kế hoạch", author=author)  # fmt: skip
    return made


class TestApply:
    """The pure stage: the machine extraction is never changed; later corrections win."""

    def test_machine_extraction_untouched_and_later_wins(self, corpus: Path) -> None:
        ex = extract_file(corpus / "plan.txt")
        args = {"path": "p", "sha256": "s", "document": "d", "number": "41/KH-UBND"}
        first = make_correction("relation", value="urges", created="2026-01-01T00:00:00+00:00", **args)
        second = make_correction("relation", value="implements", created="2026-01-02T00:00:00+00:00", **args)
        out = apply_corrections(ex, [second, first])
        assert [r.value for r in out.extraction.references[0].relations] == ["implements"]
        assert [r.value for r in ex.references[0].relations] == ["cites"]  # the machine read stays
        assert out.extraction.references[0].rule == "review"
        assert [o.problem for o in out.outcomes] == [None, None]

    def test_reject_drops_the_reference_and_keeps_positions_of_pins(self, corpus: Path) -> None:
        ex = extract_file(corpus / "basis.txt")
        ex.references.append(ex.references[0].__class__("41/KH-UBND", ex.references[0].symbol, None, None, None,
                                                         None, list(ex.references[0].relations)))  # fmt: skip
        args = {"path": "p", "sha256": "s", "document": "d"}
        out = apply_corrections(ex, [
            make_correction("reject", number="57-NQ/TW", created="1", **args),
            make_correction("retarget", number="41/KH-UBND", value="X", created="2", **args),
        ])  # fmt: skip
        assert [r.number for r in out.extraction.references] == ["41/KH-UBND"]
        assert out.pins == {0: "X"}

    @pytest.mark.parametrize(
        ("action", "kw", "message"),
        [
            ("relation", {"number": "1/KH", "value": "basis"}, "not a relation"),
            ("reject", {}, "which reference"),
            ("set", {"field": "colour", "value": "x"}, "not a document field"),
            ("set", {"field": "date", "value": "20210430"}, "not a date"),
            ("set", {"field": "date", "value": "2021W175"}, "not a date"),
            ("set", {"field": "doc_type", "value": "Thư tình"}, "not a document type"),
            ("set", {"field": "level", "value": "bogus"}, "not a level"),
            ("merge", {}, "a value is needed"),
            ("set", {"field": "title", "value": "x", "note": "n" * 3000}, "at most"),
            ("set", {"field": "province", "value": "Atlantis"}, "not a province"),
            ("set", {"field": "number", "value": "hello"}, "not a document number"),
            ("not_document", {"value": "maybe"}, "not_document"),
        ],
    )
    def test_bad_corrections_are_refused_with_the_reason(
        self, action: str, kw: dict[str, str], message: str
    ) -> None:
        with pytest.raises(CorrectionError, match=message):
            make_correction(action, path="p", sha256="s", document="d", **kw)

    def test_typed_text_is_nfc(self) -> None:
        nfd = unicodedata.normalize("NFD", "UBND xã Hòa Bình")
        c = make_correction("set", path="p", sha256="s", document="d", field="issuer", value=nfd, note=nfd)
        assert c.value == c.note == "UBND xã Hòa Bình"

    def test_an_edited_export_line_is_refused(self) -> None:
        c = make_correction("confirm", path="p", sha256="s", document="d", author="an")
        data = c.to_json() | {"author": "someone else"}
        with pytest.raises(CorrectionError, match="id does not match"):
            Correction.from_json(data)


class TestEmbeddedStore:
    def test_the_false_no_basis_row_goes_and_comes_back_on_undo(self, store: LineageStore) -> None:
        assert PLAN_KEY in no_basis(store)
        made = fix_basis(store)
        assert made.problem is None and json.loads(made.machine or "{}")["relations"] == ["cites"]
        assert PLAN_KEY not in no_basis(store)
        (ref,) = [r for r in store.references_from(PLAN_KEY) if r.number == "41/KH-UBND"]
        assert ref.relations == ["implements"] and ref.evidence[0]["review"][0]["by"] == "an"
        store.undo_correction(made.id, "bình")
        assert PLAN_KEY in no_basis(store)
        assert store.correction(made.id).undone_by == "bình"
        with pytest.raises(CorrectionError, match="already undone"):
            store.undo_correction(made.id, "bình")

    def test_survives_reingest_of_the_same_and_of_an_edited_file(
        self, store: LineageStore, corpus: Path
    ) -> None:
        fix_basis(store)
        assert ingest_paths(store, [corpus]).unchanged
        assert PLAN_KEY not in no_basis(store)
        (corpus / "plan.txt").write_text(PLAN.format(extra="Năm 2025 tiếp tục đẩy mạnh.\n"), encoding="utf-8")
        assert ingest_paths(store, [corpus]).changed
        assert PLAN_KEY not in no_basis(store)
        assert [c.problem for c in store.corrections()] == [None]

    def test_an_edited_file_without_the_target_reports_the_correction(
        self, store: LineageStore, corpus: Path
    ) -> None:
        made = fix_basis(store)
        (corpus / "plan.txt").write_text(PLAN.format(extra="").replace("Kế hoạch số 41/KH-UBND ngày 10/3/2024", "kế hoạch"),
                                         encoding="utf-8")  # fmt: skip
        ingest_paths(store, [corpus])
        kept = store.correction(made.id)
        assert kept.active and kept.problem == "the file no longer refers to 41/KH-UBND"
        (item,) = review_queue(store, kinds=["correction"])
        assert item.correction == made.id and item.doubts == (Doubt.UNATTACHED,)

    def test_removing_the_file_keeps_and_queues_its_corrections(
        self, store: LineageStore, corpus: Path
    ) -> None:
        made = fix_basis(store)
        store.remove(str((corpus / "plan.txt").resolve()))
        assert store.correction(made.id).problem == FILE_REMOVED
        assert [i.correction for i in review_queue(store, kinds=["correction"])] == [made.id]
        ingest_paths(store, [corpus])  # it comes back: the correction applies again
        assert store.correction(made.id).problem is None and PLAN_KEY not in no_basis(store)

    def test_a_corrected_field_changes_the_answers(self, store: LineageStore) -> None:
        assert store.gaps(GapOptions(province="Tây Ninh", kinds=("no_basis",))) == []
        correct_document(store, PLAN_KEY, Action.SET, field="province", value="Tây Ninh", author="an")
        (key,) = {d.key for d in store.documents() if d.path.endswith("plan.txt")}
        assert [g.document for g in store.gaps(GapOptions(province="Tây Ninh", kinds=("no_basis",)))] == [key]

    def test_merging_a_cited_document_points_its_references_at_the_other(self, store: LineageStore) -> None:
        (basis,) = {d.key for d in store.documents() if d.number == "41/KH-UBND"}
        # The basis's own number misread: the plan's reference now names a document known only by citation.
        correct_document(store, basis, Action.SET, field="number", value="42/KH-UBND", author="an")
        (fixed,) = {d.key for d in store.documents() if d.number == "42/KH-UBND"}
        (cited,) = {r.target_key for r in store.references_from(PLAN_KEY) if r.number == "41/KH-UBND"}
        assert cited != fixed and not store.files_of(cited)
        made = correct_document(store, cited, Action.MERGE, value=fixed, author="an")
        assert [c.action for c in made] == [Action.RETARGET] and made[0].path.endswith("plan.txt")
        (ref,) = [r for r in store.references_from(PLAN_KEY) if r.number == "41/KH-UBND"]
        assert (ref.target_key, ref.status) == (fixed, "reviewed")
        assert not store.reader.has_node(cited)

    def test_an_added_link_and_a_split(self, store: LineageStore) -> None:
        (basis,) = {d.key for d in store.documents() if d.number == "41/KH-UBND"}
        with pytest.raises(CorrectionError, match="say why"):
            add_link(store, PLAN_KEY, basis, "implements")
        (made,) = add_link(store, PLAN_KEY, basis, "implements", note="chỉ đạo qua điện thoại", author="an")
        assert PLAN_KEY not in no_basis(store)
        added = [r for r in store.references_from(PLAN_KEY) if r.rule == "review" and r.target_key == basis]
        assert added and added[0].evidence[0]["review"][0]["note"] == "chỉ đạo qua điện thoại"
        store.undo_correction(made.id, "an")
        correct_document(store, PLAN_KEY, Action.SPLIT, value="b", author="an")
        assert {d.key for d in store.documents() if d.path.endswith("plan.txt")} == {f"{PLAN_KEY}#b"}

    def test_queue_orders_by_doubt_and_leaves_out_what_a_person_reviewed(self, store: LineageStore) -> None:
        queue = review_queue(store, limit=None)
        assert [i.score for i in queue] == sorted((i.score for i in queue), reverse=True)
        link = [i for i in queue if i.kind == "link" and i.number == "41/KH-UBND"]
        assert link and Doubt.RELATION_LOW in link[0].doubts and link[0].evidence["text"]
        assert any(i.kind == "document" and Doubt.NO_PROVINCE in i.doubts for i in queue)
        fix_basis(store)
        correct_document(store, PLAN_KEY, Action.CONFIRM, author="an")
        after = review_queue(store, limit=None)
        assert not [i for i in after if i.number == "41/KH-UBND" or i.path.endswith("plan.txt")]

    def test_export_import_round_trip_is_idempotent(
        self, store: LineageStore, tmp_path: Path, corpus: Path
    ) -> None:
        fix_basis(store)
        lines = list(export_corrections(store))
        other = open_store(tmp_path / "other.db")
        ingest_paths(other, [corpus])
        assert import_corrections(other, lines) == (1, 0, [])
        assert import_corrections(other, lines) == (0, 1, [])
        assert no_basis(other) == no_basis(store)
        assert list(export_corrections(other)) == lines

    def test_an_import_for_files_not_here_waits_for_them(self, store: LineageStore, tmp_path: Path) -> None:
        fix_basis(store)
        lines = list(export_corrections(store))
        empty = open_store(tmp_path / "empty.db")
        added, held, problems = import_corrections(empty, lines)
        assert (added, held) == (1, 0) and problems and NOT_IN_STORE in problems[0]
        other = tmp_path / "elsewhere"  # the same files under another path: found by content
        write_corpus(other)
        ingest_paths(empty, [other])
        assert [c.problem for c in empty.corrections()] == [None] and PLAN_KEY not in no_basis(empty)

    def test_a_store_made_before_corrections_reads_the_file_again(
        self, store: LineageStore, tmp_path: Path
    ) -> None:
        store.db.execute("DELETE FROM extractions")
        store.db.commit()
        fix_basis(store)
        assert PLAN_KEY not in no_basis(store)

    def test_a_failed_rewrite_leaves_nothing_half_written(self, store: LineageStore, corpus: Path) -> None:
        store.db.execute("DELETE FROM extractions")
        store.db.commit()
        (corpus / "plan.txt").write_text("changed on disk", encoding="utf-8")
        before = list(store.references())
        with pytest.raises(CorrectionError, match="changed on disk"):
            fix_basis(store)
        assert list(store.references()) == before and store.corrections() == []


class TestWhatAReviewerFound:
    """Each case a review of the first version found (one class of problem each)."""

    def test_a_correction_reaches_only_its_file_not_another_with_the_same_key(
        self, store: LineageStore, corpus: Path, tmp_path: Path
    ) -> None:
        edited = tmp_path / "copy"
        edited.mkdir()
        (edited / "plan-v2.txt").write_text(PLAN.format(extra="Bản sửa.\n"), encoding="utf-8")
        ingest_paths(store, [edited])
        plan = str((corpus / "plan.txt").resolve())
        correct_document(store, PLAN_KEY, Action.SPLIT, value="x", path=plan, author="an")
        keys = {d.path.rsplit("/", 1)[-1]: d.key for d in store.documents() if "plan" in d.path}
        assert keys == {"plan.txt": f"{PLAN_KEY}#x", "plan-v2.txt": PLAN_KEY}

    def test_an_import_does_not_apply_to_another_document_at_the_same_path(
        self, store: LineageStore, tmp_path: Path
    ) -> None:
        fix_basis(store)
        lines = list(export_corrections(store))
        other = open_store(tmp_path / "o.db")
        elsewhere = write_corpus(tmp_path / "o")
        plan = json.loads(lines[0])["path"]
        Path(plan).write_text(BASIS.replace("41/KH-UBND", "77/KH-UBND"), encoding="utf-8")  # another document
        ingest_paths(other, [Path(plan).parent, elsewhere])
        _, _, problems = import_corrections(other, lines)
        assert problems == []  # it found the same content elsewhere ...
        (c,) = other.corrections()
        assert c.problem is None and other.files_of("77/KH-UBND@Tây Ninh@2024")[0].path == plan
        assert [r.rule for r in other.references_from("77/KH-UBND@Tây Ninh@2024")] != [
            "review"
        ]  # ... not here

    def test_an_import_checks_each_line_and_goes_on(self, store: LineageStore, tmp_path: Path) -> None:
        fix_basis(store)
        good = json.loads(next(export_corrections(store)))
        # A line a forger wrote, with the id it should have: checked as a new correction is.
        bogus = dict(good, action="set", number=None, field="level", value="bogus", id="")
        bogus["id"] = _id_of(Correction(**{**bogus, "action": Action.SET}))
        lines = ["[1, 2]", "null", json.dumps(bogus), json.dumps(dict(good, value=["x"])), json.dumps(good)]
        other = open_store(tmp_path / "o.db")
        added, held, problems = import_corrections(other, lines, "in.jsonl")
        assert (added, held) == (1, 0)
        assert [p.split(":")[1] for p in problems[:4]] == ["1", "2", "3", "4"]
        assert "not a level" in problems[2]

    def test_values_are_written_as_the_store_writes_them(self, store: LineageStore) -> None:
        (c,) = correct_document(store, PLAN_KEY, Action.SET, field="date", value="28/04/2025", author="an")
        assert c.value == "2025-04-28"
        (c,) = correct_document(store, "12/KH-UBND@?@2025", Action.SET, field="province", value="tay ninh")
        assert c.value == "Tây Ninh"
        key = next(d.key for d in store.documents() if d.path.endswith("plan.txt"))
        (c,) = correct_document(store, key, Action.SET, field="doc_type", value="kế hoạch")
        assert c.value == "Kế hoạch"

    def test_the_last_correction_wins_and_machine_is_what_the_machine_read(self, store: LineageStore) -> None:
        for day in range(1, 6):
            key = next(d.key for d in store.documents() if d.path.endswith("plan.txt"))
            correct_document(store, key, Action.SET, field="title", value=f"Tiêu đề {day}", author="an")
        (doc,) = [d for d in store.documents() if d.path.endswith("plan.txt")]
        assert doc.title == "Tiêu đề 5"
        assert {c.machine for c in store.corrections()} == {
            json.dumps(extract_file(Path(doc.path)).document.title, ensure_ascii=False)
        }

    def test_the_same_correction_twice_and_links_to_itself_are_refused(self, store: LineageStore) -> None:
        fix_basis(store)
        assert (
            correct_link(store, PLAN_KEY, "relation", number="41/KH-UBND", value="implements", author="an")
            == []
        )
        with pytest.raises(CorrectionError, match="itself"):
            add_link(store, PLAN_KEY, PLAN_KEY, "implements", note="x")
        with pytest.raises(CorrectionError, match="set its relation"):
            correct_link(store, PLAN_KEY, "confirm", number="41/KH-UBND", value="urges")

    def test_a_document_left_out_is_found_by_its_key(self, store: LineageStore) -> None:
        correct_document(store, PLAN_KEY, Action.NOT_DOCUMENT, value="no", author="an")
        assert PLAN_KEY not in no_basis(store)
        correct_document(
            store, unicodedata.normalize("NFD", PLAN_KEY), Action.NOT_DOCUMENT, value="yes", author="an"
        )
        assert PLAN_KEY in no_basis(store)


def test_old_store_is_migrated(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    with sqlite3.connect(db) as con:
        con.execute("CREATE TABLE refs (id INTEGER PRIMARY KEY, path TEXT NOT NULL, position INTEGER NOT NULL,"
                    " source_key TEXT NOT NULL, number TEXT NOT NULL, number_key TEXT NOT NULL, doc_type TEXT, date TEXT,"
                    " issuer TEXT, level TEXT, relations TEXT NOT NULL, evidence TEXT NOT NULL, scope_province TEXT,"
                    " scope_locality TEXT, scope_national INTEGER NOT NULL, target_key TEXT, status TEXT,"
                    " confidence REAL, candidates TEXT)")  # fmt: skip
    open_store(db).close()
    with sqlite3.connect(db) as con:
        cols = {r[1] for r in con.execute("PRAGMA table_info(refs)")}
    assert {"relation_confidence", "rule", "pinned"} <= cols


class TestCommandLine:
    def test_review_fix_undo_export_import(self, tmp_path: Path, corpus: Path) -> None:
        run = CliRunner().invoke
        db = str(tmp_path / "cli.db")
        assert run(cli, ["ingest", str(corpus), "--db", db, "-q"]).exit_code == 0
        queue = run(cli, ["review", "--db", db, "--format", "json", "--limit", "0"])
        assert any(json.loads(line)["number"] == "41/KH-UBND" for line in queue.output.splitlines())
        fixed = run(cli, ["review", "set", PLAN_KEY, "relation", "implements", "--link", "41/KH-UBND",
                          "--note", "căn cứ", "--by", "an", "--db", db])  # fmt: skip
        assert fixed.exit_code == 0, fixed.output
        assert "applied" in fixed.output and '"cites"' in fixed.output  # what the machine had read
        gaps = run(cli, ["gaps", "--kind", "no_basis", "--db", db, "--format", "json"])
        assert PLAN_KEY not in gaps.output
        out = tmp_path / "c.jsonl"
        assert run(cli, ["review", "export", str(out), "--db", db]).exit_code == 0
        cid = json.loads(out.read_text(encoding="utf-8"))["id"]
        listed = run(cli, ["review", "list", "--db", db]).output
        assert cid in listed and "an" in listed and "căn cứ" in listed
        other = str(tmp_path / "other.db")
        run(cli, ["ingest", str(corpus), "--db", other, "-q"])
        assert "1 added, 0 already held" in run(cli, ["review", "import", str(out), "--db", other]).output
        assert "0 added, 1 already held" in run(cli, ["review", "import", str(out), "--db", other]).output
        assert run(cli, ["review", "undo", cid, "--by", "an", "--db", db]).exit_code == 0
        assert PLAN_KEY in run(cli, ["gaps", "--kind", "no_basis", "--db", db, "--format", "json"]).output
        gold = run(cli, ["review", "export-gold", "--db", other])
        (line,) = [json.loads(x) for x in gold.output.splitlines() if x.startswith("{")]
        assert line["file"] == "plan.txt" and line["refs"][0]["relation"] == "implements"

    def test_errors_name_the_problem(self, tmp_path: Path, corpus: Path) -> None:
        run = CliRunner().invoke
        db = str(tmp_path / "cli.db")
        run(cli, ["ingest", str(corpus), "--db", db, "-q"])
        bad = run(cli, ["review", "set", PLAN_KEY, "relation", "implements", "--link", "99/XX", "--db", db])
        assert bad.exit_code == 1 and "has no reference to 99/XX" in bad.output and "41/KH-UBND" in bad.output
        bad = run(cli, ["review", "set", PLAN_KEY, "province", "Atlantis", "--db", db])
        assert bad.exit_code == 1 and "not a province" in bad.output

    def test_ingest_reports_a_correction_it_could_not_reattach(self, tmp_path: Path, corpus: Path) -> None:
        run = CliRunner().invoke
        db = str(tmp_path / "cli.db")
        run(cli, ["ingest", str(corpus), "--db", db, "-q"])
        run(cli, ["review", "set", PLAN_KEY, "relation", "implements", "--link", "41/KH-UBND", "--db", db])
        (corpus / "plan.txt").write_text(
            PLAN.format(extra="").replace("số 41/KH-UBND", "số 42/KH-UBND"), encoding="utf-8"
        )
        out = run(cli, ["ingest", str(corpus), "--db", db, "-q"])
        assert "no longer applies: the file no longer refers to 41/KH-UBND" in out.output
        assert "1 correction(s) kept but not applied" in out.output
