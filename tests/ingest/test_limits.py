"""Per-file limits (ingest/limits.py): each hostile file, generated here, fails alone with a message
naming the file and the limit; extraction stays linear in the text length."""

import io
import resource
import time
import zipfile
from pathlib import Path

import docx
import pypdfium2 as pdfium
import pytest
from click.testing import CliRunner

from api.cli import cli
from graph.backends import open_store
from graph.ingest import ingest_paths
from ingest.extract import extract_file, extract_text
from ingest.limits import DEFAULT_LIMITS, LimitExceeded, Limits
from ingest.readers import read_file
from ingest.records import SourceText
from tests.conftest import SEEDS

SEED = SEEDS / "003_2903fb9f98b826c4.txt"


def _docx_bomb(path: Path, paragraph_bytes: int) -> None:
    """A valid DOCX whose document.xml holds one paragraph of ``paragraph_bytes`` letters (deflated)."""
    buf = io.BytesIO()
    d = docx.Document()
    d.add_paragraph("KẾ HOẠCH")
    d.save(buf)
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            if info.filename != "word/document.xml":
                out.writestr(info, src.read(info))
                continue
            xml = src.read(info).decode("utf-8")
            head, tail = xml.split("KẾ HOẠCH")
            with out.open("word/document.xml", "w") as w:
                w.write(head.encode())
                chunk = b"a" * (1 << 20)
                for _ in range(paragraph_bytes >> 20):
                    w.write(chunk)
                w.write(tail.encode())


def test_zip_bomb_refused_from_its_index_before_expanding(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.docx"
    _docx_bomb(bomb, 400 << 20)  # 400 MB of text in well under 1 MB
    assert bomb.stat().st_size < 2_000_000
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with pytest.raises(LimitExceeded) as err:
        read_file(bomb)
    assert err.value.limit in {"max_zip_ratio", "max_unzipped_bytes"}
    assert str(bomb) in str(err.value) and err.value.limit in str(err.value)
    grown_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert grown_kb < 100_000  # nothing was decompressed


@pytest.mark.parametrize(
    ("limits", "limit"),
    [
        (Limits(max_unzipped_bytes=1_000_000, max_zip_ratio=0), "max_unzipped_bytes"),
        (Limits(max_zip_ratio=50, max_unzipped_bytes=0), "max_zip_ratio"),
    ],
)
def test_each_zip_limit_on_its_own(tmp_path: Path, limits: Limits, limit: str) -> None:
    bomb = tmp_path / "small-bomb.docx"
    _docx_bomb(bomb, 2 << 20)
    with pytest.raises(LimitExceeded) as err:
        read_file(bomb, limits)
    assert err.value.limit == limit
    # With the limits off, the same file is read.
    assert len(read_file(bomb, Limits(max_zip_ratio=0, max_unzipped_bytes=0)).text) > 2_000_000


def test_file_size_checked_before_reading(tmp_path: Path) -> None:
    f = tmp_path / "big.txt"
    f.write_bytes(SEED.read_bytes() * 3)
    with pytest.raises(LimitExceeded) as err:
        read_file(f, Limits(max_file_bytes=10_000))
    assert err.value.limit == "max_file_bytes" and err.value.actual == f.stat().st_size
    assert f"{f}: file size" in str(err.value) and "--limit max_file_bytes=N" in str(err.value)


def test_characters_after_reading(tmp_path: Path) -> None:
    with pytest.raises(LimitExceeded, match=r"text length \(characters\) .* max_chars"):
        read_file(SEED, Limits(max_chars=1_000))
    assert read_file(SEED, Limits(max_chars=100_000)).text


def test_pdf_pages(tmp_path: Path) -> None:
    f = tmp_path / "pages.pdf"
    pdf = pdfium.PdfDocument.new()
    for _ in range(5):
        pdf.new_page(595, 842)
    pdf.save(str(f))
    pdf.close()
    with pytest.raises(LimitExceeded) as err:
        read_file(f, Limits(max_pages=4))
    assert err.value.limit == "max_pages" and err.value.actual == 5


def test_limits_from_the_environment_and_bad_values() -> None:
    limits = Limits.from_env({"LINEAGE_MAX_PAGES": "5", "LINEAGE_MAX_SECONDS": "2.5", "PATH": "/bin"})
    assert (limits.max_pages, limits.max_seconds, limits.max_chars) == (5, 2.5, DEFAULT_LIMITS.max_chars)
    with pytest.raises(ValueError, match="LINEAGE_MAX_PAGES: not a number"):
        Limits.from_env({"LINEAGE_MAX_PAGES": "many"})
    with pytest.raises(ValueError, match="max_bogus: no such limit"):
        Limits().with_values({"max_bogus": "1"})


def test_a_file_past_a_limit_fails_alone_and_the_run_counts_it(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for f in SEEDS.glob("*.txt"):
        (folder / f.name).write_bytes(f.read_bytes())
    _docx_bomb(folder / "bomb.docx", 50 << 20)
    good = len(list(SEEDS.glob("*.txt")))
    with open_store(tmp_path / "s.db") as store:
        report = ingest_paths(store, [folder])
        assert len(report.added) == good
        assert [p for p, _ in report.failed] == [str(folder / "bomb.docx")]
        assert "max_zip_ratio" in report.failed[0][1]
        run = store.runs()[-1]
        assert (run.added, run.failed) == (good, 1)


def test_cli_limit_option(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["extract", str(SEED), "--limit", "max_chars=1000"])
    assert result.exit_code == 0
    assert f"{SEED}: text length" in result.output and "max_chars" in result.output
    result = CliRunner().invoke(cli, ["extract", str(SEED), "--limit", "max_chars"])
    assert result.exit_code == 2 and "expected NAME=VALUE" in result.output


def _one_line(n: int) -> SourceText:
    line = SEED.read_text(encoding="utf-8").replace("\n", " ") + " "
    return SourceText("one-line.txt", (line * (n // len(line) + 1))[:n], "text/plain")


def _seconds(n: int) -> float:
    source = _one_line(n)
    best = float("inf")
    for _ in range(2):
        t = time.perf_counter()
        extract_text(source)
        best = min(best, time.perf_counter() - t)
    return best


def test_extraction_is_linear_on_a_long_one_line_text() -> None:
    """Four times the text costs about four times the time (it cost sixteen: deadline assignees,
    reference and symbol overlap checks scanned everything before each hit)."""
    small, large = _seconds(150_000), _seconds(600_000)
    assert large / small < 8, (small, large)


def test_extract_file_honours_limits(tmp_path: Path) -> None:
    with pytest.raises(LimitExceeded):
        extract_file(SEED, Limits(max_file_bytes=100))
