"""The hostile-file suite: a folder of files an outsider could send, generated here, ingested by
the real command in worker processes. Each bad file gets one clear error line naming it, every good
file is stored beside them, and the run stays under 1 GB and a time bound."""

import os
import subprocess
import sys
import time
from pathlib import Path

from graph.backends import open_store
from tests.conftest import SEEDS
from tests.ingest.test_limits import _docx_bomb

ROOT = Path(__file__).resolve().parents[1]
LINEAGE = Path(sys.executable).parent / "lineage"


def _hostile_folder(folder: Path) -> tuple[list[str], dict[str, str]]:
    """Good files (stored) and bad ones (name → what the error says)."""
    folder.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    text = seeds[2].read_bytes()
    good = []
    for f in seeds:
        (folder / f.name).write_bytes(f.read_bytes())
        good.append(f.name)
    # Good, with a warning: a few bad bytes, UTF-16 without BOM, nesting past lxml's limit, an odd name.
    (folder / "bad-bytes.txt").write_bytes(text[:3000] + b"\xff\xfe\x80\x81\xc3" + text[3000:])
    (folder / "utf16-no-bom.txt").write_bytes(text.decode().encode("utf-16-le"))
    body = text.decode().replace("\n", "<br>")
    (folder / "nested.html").write_text(
        "<html><body>" + "<div>" * 5000 + body + "</div>" * 5000 + "</body></html>"
    )
    (folder / "odd\nname\x1b[31m.txt").write_bytes(seeds[0].read_bytes())
    good += ["bad-bytes.txt", "utf16-no-bom.txt", "nested.html", "odd\nname\x1b[31m.txt"]
    bad = {}
    _docx_bomb(folder / "bomb.docx", 300 << 20)
    bad["bomb.docx"] = "max_unzipped_bytes"
    (folder / "huge.txt").write_bytes(text * (6_000_000 // len(text)))
    bad["huge.txt"] = "max_file_bytes"
    line = text.decode().replace("\n", " ").encode()
    (folder / "one-line.txt").write_bytes(line * (3_500_000 // len(line)))
    bad["one-line.txt"] = "max_chars"  # (a limit by count: how fast a machine reads varies)
    (folder / "noise.doc").write_bytes(os.urandom(20_000))
    bad["noise.doc"] = "not a Word 97-2003 .doc file"
    (folder / "noise.pdf").write_bytes(os.urandom(20_000))
    bad["noise.pdf"] = "not a readable PDF"
    (folder / "binary.txt").write_bytes(os.urandom(20_000))
    bad["binary.txt"] = "binary.txt: "
    (folder / "loop-a.txt").symlink_to("loop-b.txt")
    (folder / "loop-b.txt").symlink_to("loop-a.txt")
    bad["loop-a.txt"] = "Too many levels of symbolic links"
    bad["loop-b.txt"] = "Too many levels of symbolic links"
    (folder / "sub").mkdir()
    (folder / "sub" / "up").symlink_to("..")  # a folder loop: not followed
    return good, bad


def test_hostile_folder_each_bad_file_fails_alone(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    good, bad = _hostile_folder(folder)
    missing = tmp_path / "named-but-missing.txt"
    db = tmp_path / "s.db"
    t = time.monotonic()
    out, err = tmp_path / "out.txt", tmp_path / "err.txt"
    with out.open("w") as o, err.open("w") as e:
        child = subprocess.Popen(
            [str(LINEAGE), "ingest", str(folder), str(missing), "--db", str(db), "-j", "2", "-q",
             "--limit", "max_seconds=60", "--limit", "max_file_bytes=4000000", "--limit", "max_chars=1000000"],
            stdout=o, stderr=e, text=True, cwd=ROOT,
        )  # fmt: skip
        # This command's own peak memory, its workers' included (not every child of the test run).
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
    elapsed = time.monotonic() - t
    peak_mb = usage.ru_maxrss / 1024
    proc = subprocess.CompletedProcess(child.args, child.returncode, out.read_text(), err.read_text())
    assert proc.returncode == 3, proc.stderr  # some files could not be read (documented)
    assert "Traceback" not in proc.stderr
    errors = [line for line in proc.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == len(bad) + 1, proc.stderr  # one line per bad file, and the missing one
    for name, says in bad.items():
        line = next((e for e in errors if f"{folder / name}:" in e), None)
        assert line is not None and says in line, (name, proc.stderr)
    assert any(str(missing) in e and "No such file" in e for e in errors)
    assert f"{len(good)} added, 0 changed, 0 unchanged, {len(bad) + 1} failed" in proc.stdout
    with open_store(db) as store:
        stored = {Path(p).name for p in store.paths()}
        assert stored == set(good)
        run = store.runs()[-1]
        assert (run.added, run.failed) == (len(good), len(bad) + 1)
        warnings = {Path(d.path).name: d.warnings for d in store.documents()}
    assert any("replaced by U+FFFD" in w for w in warnings["bad-bytes.txt"])
    assert any("UTF-16 without a byte order mark" in w for w in warnings["utf16-no-bom.txt"])
    assert peak_mb < 1024, peak_mb
    assert elapsed < 120, elapsed


def test_odd_file_names_are_one_escaped_line(tmp_path: Path) -> None:
    f = tmp_path / "bad\nname\x1b[31m.pdf"
    f.write_bytes(b"not a pdf at all")
    proc = subprocess.run(
        [str(LINEAGE), "extract", str(tmp_path)], capture_output=True, text=True, check=False
    )
    lines = proc.stderr.splitlines()
    assert lines[0].startswith("error: ") and "bad\\x0aname\\x1b[31m.pdf: not a readable PDF" in lines[0]
    assert "\x1b" not in proc.stderr
