"""Tests for the ``lineage`` command line."""

import json
import re
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from api.cli import cli
from tests.conftest import CORPUS, SEEDS


def test_extract_json_lines_has_the_documented_fields() -> None:
    result = CliRunner().invoke(cli, ["extract", str(SEEDS), "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert len(rows) == 5
    for row in rows:
        assert set(row) == {"source", "is_document", "document", "references", "deadlines", "warnings"}
        assert set(row["document"]) == {
            "number", "doc_type", "issuer", "level", "locality", "province", "province_at_issue",
            "date", "title", "signer", "recipients",
        }  # fmt: skip
        for ref in row["references"]:
            assert set(ref) == {
                "number",
                "as_written",
                "doc_type",
                "date",
                "issuer",
                "level",
                "relation",
                "relations",
                "confidence",
                "rule",
                "evidence",
            }
            assert ref["relation"] == ref["relations"][0]
            assert 0 < ref["confidence"] <= 1 and ref["rule"]
            assert all(set(e) == {"start", "end", "text"} for e in ref["evidence"])
        for d in row["deadlines"]:
            assert set(d) == {"date", "assignee", "report_due", "evidence"}


def test_extract_table_and_bad_file(tmp_path: Path) -> None:
    (tmp_path / "bad.docx").write_bytes(b"nope")
    (tmp_path / "good.txt").write_bytes((SEEDS / "001_248d6b34aa5ff351.txt").read_bytes())
    runner = CliRunner()
    result = runner.invoke(cli, ["extract", str(tmp_path)])
    assert result.exit_code == 0
    assert "386-KH/TU" in result.stdout
    assert "bad.docx: not a readable DOCX" in result.stderr
    strict = runner.invoke(cli, ["extract", "--strict", str(tmp_path)])
    assert strict.exit_code == 1


def test_every_command_has_help() -> None:
    for name, command in cli.commands.items():
        assert command.help, name
        assert CliRunner().invoke(cli, [name, "--help"]).exit_code == 0


def test_ingest_gaps_export_and_sparql(tmp_path: Path) -> None:
    runner = CliRunner()
    db = str(tmp_path / "l.db")
    ingest = runner.invoke(cli, ["ingest", str(SEEDS), "--db", db, "-q", "-j", "1"], catch_exceptions=False)
    assert ingest.output.startswith("run 1: 5 added")
    again = runner.invoke(cli, ["ingest", str(SEEDS), "--db", db, "-q", "-j", "1"], catch_exceptions=False)
    assert "0 added, 0 changed, 5 unchanged" in again.output
    gaps = runner.invoke(
        cli, ["gaps", "--db", db, "--kind", "no_report", "--as-of", "2026-11-22", "--format", "json"]
    )
    assert len(gaps.output.splitlines()) == 2
    bad = runner.invoke(cli, ["gaps", "--db", db, "--province", "Atlantis"])
    assert bad.exit_code == 1 and "unknown province 'Atlantis'" in bad.output
    ttl = tmp_path / "g.ttl"
    assert runner.invoke(cli, ["export", "--db", db, "--format", "ttl", "--out", str(ttl)]).exit_code == 0
    q = 'SELECT ?p WHERE { ?p lin:implements ?d . ?d eli:id_local "386-KH/TU" }'
    rows = runner.invoke(
        cli, ["sparql", q, "--from", str(ttl), "--format", "json"], catch_exceptions=False
    ).output
    assert len(rows.splitlines()) == 1
    lineage = runner.invoke(cli, ["lineage", "57-NQ/TW@VN@2024", "--down", "--db", db, "--format", "json"])
    assert len(json.loads(lineage.output)["nodes"]) == 6
    missing = runner.invoke(cli, ["lineage", "nope", "--db", db])
    assert missing.exit_code == 1 and "neither a document key nor an ingested file" in missing.output


def test_every_command_is_in_the_readme() -> None:
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    assert "make demo" in readme and "make test" in readme
    for name in cli.commands:
        assert f"lineage {name}" in readme, name


READING_COMMANDS = [
    ["gaps"],
    ["lineage", "57-NQ/TW@VN@2024"],
    ["report", "--province", "Hải Phòng", "--format", "html"],
    ["export", "--format", "ttl", "--out", "{tmp}/g.ttl"],
    ["sparql", "SELECT ?s WHERE { ?s ?p ?o }"],
    ["serve", "--port", "1"],
    ["browse", "--out", "{tmp}/b.html"],
    ["remove", "some.txt"],
    ["push", "--neo4j", "bolt://127.0.0.1:1"],
]


@pytest.mark.parametrize("args", READING_COMMANDS, ids=lambda a: a[0])
def test_a_missing_store_is_an_error_for_every_reading_command(tmp_path: Path, args: list[str]) -> None:
    db = tmp_path / "mistyped.db"
    argv = [a.replace("{tmp}", str(tmp_path)) for a in args] + ["--db", str(db)]
    result = CliRunner().invoke(cli, argv)
    assert result.exit_code == 1, result.output
    assert f"{db}: no store at this path" in result.stderr
    assert "lineage ingest" in result.stderr
    assert not db.exists()  # only ingest creates a store
    assert not (tmp_path / "g.ttl").exists() and not (tmp_path / "b.html").exists()


def test_ingest_creates_the_store_that_readers_then_open(tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest", str(SEEDS), "--db", str(db), "-q", "-j", "1"]).exit_code == 0
    gaps = runner.invoke(cli, ["gaps", "--db", str(db), "--as-of", "2026-11-22"])
    assert gaps.exit_code == 0 and "document gap(s)" in gaps.output


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("cli") / "l.db")
    result = CliRunner().invoke(cli, ["ingest", str(CORPUS.parent), "--db", db, "-q", "-j", "2"])
    assert result.exit_code == 0, result.output
    return db


def test_search_by_number_title_words_and_issuer(corpus_db: str) -> None:
    runner = CliRunner()
    by_number = runner.invoke(cli, ["search", "57-nq/tw", "--db", corpus_db, "--format", "json"])
    rows = [json.loads(line) for line in by_number.output.splitlines()]
    assert rows[0]["key"] == "57-NQ/TW@VN@2024" and rows[0]["status"] == "cited"
    # Every further row mentions the number somewhere (title words), none is the number itself.
    assert all("57" in (r["title"] or "") + r["key"] for r in rows[1:])
    words = runner.invoke(cli, ["search", "chuyen doi so Hai Phong", "--db", corpus_db, "--ingested-only"])
    assert words.exit_code == 0
    lines = words.output.splitlines()
    assert lines[-1] == "3 document(s)"
    assert "06-KH/ĐU@Hải Phòng/phường Kinh Môn@2025" in lines[0]
    issuer = runner.invoke(cli, ["search", "Bộ Khoa học và Công nghệ", "--db", corpus_db, "--format", "json"])
    found = [json.loads(line) for line in issuer.output.splitlines()]
    assert any(r["key"] == "1863/BKHCN-KHTH@VN@2025" for r in found)
    none = runner.invoke(cli, ["search", "zzzz khong co", "--db", corpus_db])
    assert none.exit_code == 0 and none.output == "0 document(s)\n"
    capped = runner.invoke(cli, ["search", "57-NQ/TW", "--db", corpus_db, "--limit", "2"])
    assert capped.output.splitlines()[-1].endswith("(first 2 shown: --limit to see more)")


def test_lineage_takes_a_bare_number_and_says_what_a_key_could_be(corpus_db: str) -> None:
    runner = CliRunner()
    bare = runner.invoke(
        cli, ["lineage", "57-NQ/TW", "--down", "--depth", "1", "--db", corpus_db, "--format", "json"]
    )
    assert bare.exit_code == 0, bare.output
    assert json.loads(bare.output)["root"] == "57-NQ/TW@VN@2024"
    several = runner.invoke(cli, ["lineage", "41/KH-UBND", "--db", corpus_db])
    assert several.exit_code == 1
    assert "'41/KH-UBND' is the number of 4 documents" in several.stderr
    assert "41/KH-UBND@Phú Yên@2025" in several.stderr and "41/KH-UBND@Tuyên Quang@2025" in several.stderr
    wrong_year = runner.invoke(cli, ["lineage", "57-NQ/TW@VN@2025", "--db", corpus_db])
    assert wrong_year.exit_code == 1
    assert "did you mean 57-NQ/TW@VN@2024" in wrong_year.stderr
    nothing = runner.invoke(cli, ["lineage", "qqqq", "--db", corpus_db])
    assert nothing.exit_code == 1 and "lineage search TEXT" in nothing.stderr


def test_lineage_is_capped_by_default_as_the_api() -> None:
    from graph.lineage import DEFAULT_LIMIT

    limit = next(p for p in cli.commands["lineage"].params if p.name == "limit")
    assert limit.default == DEFAULT_LIMIT == 1000


@pytest.mark.parametrize(("given", "iso"), [("31/12/2025", "2025-12-31"), ("1/7/2025", "2025-07-01"),
                                            ("05.11.2025", "2025-11-05"), ("2025-12-31", "2025-12-31")])  # fmt: skip
def test_dates_are_taken_as_vietnamese_texts_write_them(corpus_db: str, given: str, iso: str) -> None:
    result = CliRunner().invoke(cli, ["gaps", "--db", corpus_db, "--as-of", given, "--kind", "no_report"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1].endswith(f"as of {iso}")


@pytest.mark.parametrize("bad", ["31/02/2026", "2026-13-01", "tomorrow"])
def test_a_date_that_is_not_one_is_refused(corpus_db: str, bad: str) -> None:
    result = CliRunner().invoke(cli, ["report", "--db", corpus_db, "--as-of", bad])
    assert result.exit_code == 2
    assert "is not a calendar date; write 2025-12-31 or 31/12/2025" in result.stderr


def test_report_with_a_settings_file_names_files_by_province(corpus_db: str, tmp_path: Path) -> None:
    """`lineage report --settings office.toml`: the DOCX header and signer come from the file (and
    --office); files are named by province slug; off a terminal no progress line is drawn."""
    from docx import Document

    settings = tmp_path / "office.toml"
    settings.write_text('issuing_body = "Sở Nội vụ"\nsymbol = "BC-SNV"\nauthority = ["KT. GIÁM ĐỐC"]\n'
                        'signer_title = "Phó Giám đốc"\nrecipients = ["- Như trên;", "- Lưu: VT."]\n', encoding="utf-8")  # fmt: skip
    out = tmp_path / "reports"
    result = CliRunner().invoke(cli, ["report", "--db", corpus_db, "--province", "Hải Phòng", "--format", "docx",
                                      "--settings", str(settings), "--office", "signer_name=Nguyễn Văn A",
                                      "--as-of", "2026-11-22", "--out", str(out)])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [str(out / "hai-phong.docx"), str(out / "index.html")]
    assert result.stderr == ""  # not a terminal: quiet
    doc = Document(str(out / "hai-phong.docx"))
    assert "SỞ NỘI VỤ" in doc.tables[0].rows[0].cells[0].text
    assert doc.tables[0].rows[1].cells[0].text.endswith("/BC-SNV")
    signer = [p.text for p in doc.tables[-1].rows[0].cells[1].paragraphs]
    assert signer[:2] == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"] and signer[-1] == "Nguyễn Văn A"


def test_report_settings_errors_name_the_file_and_key(corpus_db: str, tmp_path: Path) -> None:
    settings = tmp_path / "office.toml"
    settings.write_text('issuing_body = "Sở Nội vụ"\nsigner = "x"\n', encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["report", "--db", corpus_db, "--settings", str(settings), "--out", str(tmp_path)]
    )
    assert result.exit_code == 1
    assert f"{settings}: unknown key 'signer'" in result.stderr
    missing = CliRunner().invoke(cli, ["report", "--db", corpus_db, "--settings", str(tmp_path / "no.toml")])
    assert missing.exit_code == 1 and "cannot read the settings file" in missing.stderr


def test_report_progress_on_a_terminal(
    corpus_db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a terminal, one progress line: provinces done of the total, rate and time left."""
    import api.cli

    monkeypatch.setattr(api.cli, "_on_terminal", lambda: True)
    result = CliRunner().invoke(cli, ["report", "--db", corpus_db, "--province", "Hải Phòng", "--province",
                                      "Quảng Ngãi", "--format", "html", "--out", str(tmp_path)])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "report" in result.stderr and "2/2" in result.stderr and "provinces" in result.stderr
    assert "left" in result.stderr
    quiet = CliRunner().invoke(cli, ["report", "--db", corpus_db, "--province", "Hải Phòng", "--format", "html",
                                     "-q", "--out", str(tmp_path)])  # fmt: skip
    assert quiet.exit_code == 0 and quiet.stderr == ""


def _folder_with_a_bad_file(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for f in sorted(SEEDS.glob("*.txt"))[:3]:
        (folder / f.name).write_bytes(f.read_bytes())
    (folder / "broken.docx").write_bytes(b"not a zip")
    return folder


def test_ingest_exit_status_and_failures_command(tmp_path: Path) -> None:
    folder, db = _folder_with_a_bad_file(tmp_path), str(tmp_path / "l.db")
    runner = CliRunner()
    result = runner.invoke(cli, ["ingest", str(folder), "--db", db, "-j", "1"])
    assert result.exit_code == 3  # some files could not be read, the others stored
    assert result.stdout == f"run 1: 3 added, 0 changed, 0 unchanged, 1 failed -> {db}\n"
    assert "━" not in result.stderr  # no progress line when stderr is no terminal
    assert result.stderr.count("error: ") == 1 and result.stderr.count("added ") == 3
    assert "1 file(s) could not be read (all listed by `lineage failures --run 1`)" in result.stderr
    assert runner.invoke(cli, ["ingest", str(folder), "--db", db, "-j", "1", "--strict"]).exit_code == 1
    (folder / "broken.docx").unlink()
    assert runner.invoke(cli, ["ingest", str(folder), "--db", db, "-j", "1"]).exit_code == 0
    first = runner.invoke(cli, ["failures", "--run", "1", "--db", db])
    assert first.exit_code == 0
    lines = first.output.splitlines()
    assert lines[0].startswith(f"{folder / 'broken.docx'}: not a readable DOCX")
    assert lines[1].startswith("run 1 (") and lines[1].endswith("): 1 file(s) could not be read")
    last = runner.invoke(cli, ["failures", "--db", db, "--format", "json"])
    assert last.exit_code == 0 and last.output == ""  # the last run read every file
    second = runner.invoke(cli, ["failures", "--db", db, "--run", "2", "--format", "json"])
    assert [json.loads(line)["file"] for line in second.output.splitlines()] == [str(folder / "broken.docx")]
    nope = runner.invoke(cli, ["failures", "--db", db, "--run", "9"])
    assert nope.exit_code == 1 and "no run 9; runs are 1 to 3" in nope.stderr
    runs = runner.invoke(cli, ["runs", "--db", db, "--format", "json"])
    assert runs.exit_code == 0
    listed = [json.loads(line) for line in runs.output.splitlines()]
    assert [(r["id"], r["added"], r["unchanged"], r["failed"]) for r in listed] == [
        (1, 3, 0, 1), (2, 0, 3, 1), (3, 0, 3, 0)
    ]  # fmt: skip
    assert all(r["finished"] for r in listed)
    table = runner.invoke(cli, ["runs", "--db", db]).output.splitlines()
    assert table[0].split() == ["run", "started", "finished", "added", "changed", "unchanged", "failed"]
    assert table[1].split()[-4:] == ["3", "0", "0", "1"] and len(table) == 4


def test_ingest_on_a_terminal_shows_one_progress_line_then_the_failures(tmp_path: Path) -> None:
    import os
    import subprocess

    folder, db = _folder_with_a_bad_file(tmp_path), tmp_path / "l.db"
    lineage = Path(sys.executable).parent / "lineage"
    leader, follower = os.openpty()
    child = subprocess.Popen([str(lineage), "ingest", str(folder), "--db", str(db), "-j", "1"],
                             stdout=subprocess.PIPE, stderr=follower, env={**os.environ, "COLUMNS": "120"})  # fmt: skip
    os.close(follower)
    seen = b""
    while True:  # read the terminal until the command closes it
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    os.close(leader)
    assert child.stdout is not None
    stdout = child.stdout.read().decode()
    assert child.wait() == 3
    screen = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", seen.decode())
    assert stdout.startswith("run 1: 3 added")
    assert re.search(r"ingest .*4/4 files [\d.,]+/s \d:\d\d:\d\d elapsed, \d:\d\d:\d\d left", screen), screen
    assert "added " not in screen  # the progress line replaces the per-file lines
    assert screen.count("error: ") == 1 and "broken.docx: not a readable DOCX" in screen
    assert "1 file(s) could not be read (all listed by `lineage failures --run 1`)" in screen
