"""What review and corrections cost: ingest with the machine extraction kept and corrections looked up,
against the same ingest by the code before corrections (a git worktree of ``--baseline``), in the
same run; and on a large store, the queue and one correction end to end.

    python -m bench.bench_review [--docs 3000] [--baseline 14972b4] [--store STORE --corpus DIR]

Ingest: a synthetic corpus of ``--docs`` documents, one worker, each way in a fresh process.
With ``--store`` (copied first, never written): the review queue of a province and of the whole
store, then a correction of a plan's basis link and the province's gaps after it, then its undo.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.common import machine, table

ROOT = Path(__file__).resolve().parents[1]
INGEST = r"""
import json, resource, sys, time
from pathlib import Path
from graph.backends import open_store
from graph.ingest import ingest_paths
corpus, db = sys.argv[1:3]
t = time.perf_counter()
r = ingest_paths(open_store(db), [Path(corpus)], workers=1, isolated=False)
print(json.dumps({"s": time.perf_counter() - t, "files": len(r.added), "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def ingest_in(tree: Path, corpus: Path, db: Path) -> dict[str, Any]:
    out = subprocess.run([sys.executable, "-c", INGEST, str(corpus), str(db)], capture_output=True, text=True,
                         check=True, cwd=tree, env={**os.environ, "PYTHONPATH": str(tree)})  # fmt: skip
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    result["mb"] = db.stat().st_size / 1e6
    return result


def ingest_rows(docs: int, baseline: str, work: Path) -> list[dict[str, Any]]:
    from testkit.synth import generate

    corpus = work / "corpus"
    generate(corpus, None, scale=max(1, docs // 34), seed=5, as_of="2026-11-22")
    old = work / "baseline-tree"
    subprocess.run(["git", "worktree", "add", "-q", "--detach", str(old), baseline], cwd=ROOT, check=True)
    try:
        rows = []
        for name, tree in (
            (f"before corrections ({baseline}, baseline)", old),
            ("now (corrections looked up per file)", ROOT),
        ):
            r = ingest_in(tree, corpus, work / f"{tree.name}.db")
            rows.append({"ingest": name, "documents": r["files"], "s": f"{r['s']:.1f}",
                         "docs/s": f"{r['files'] / r['s']:.0f}", "store MB": f"{r['mb']:.1f}",
                         "peak RSS MB": f"{r['rss_mb']:.0f}"})  # fmt: skip
        return rows
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", str(old)], cwd=ROOT, check=True)


def store_rows(store_path: Path, work: Path, province: str) -> list[dict[str, Any]]:
    from graph.backends import open_store
    from graph.gaps import GapOptions
    from graph.review import correct_link, review_queue, undo
    from graph.store import LineageStore

    copy = work / "store.db"
    shutil.copy(store_path, copy)
    rows: list[dict[str, Any]] = []

    def timed(what: str, fn: Any) -> Any:
        t = time.perf_counter()
        out = fn()
        rows.append({"step": what, "s": f"{time.perf_counter() - t:.2f}"})
        return out

    store = timed("open (and migrate) the store", lambda: open_store(copy))
    assert isinstance(store, LineageStore)
    timed(f"queue of {province} (100 first)", lambda: review_queue(store, province))
    timed("queue of the whole store (100 first)", lambda: review_queue(store, None))
    opts = GapOptions(province=province, as_of="2026-11-22")
    before = timed(f"gaps of {province} (cold)", lambda: store.gaps(opts))
    link = next(
        (str(k), str(n))
        for k, n in store.db.execute(
            "SELECT r.source_key, r.number FROM refs r JOIN documents d ON d.path = r.path"
            " WHERE d.province = ? AND d.doc_type = 'Kế hoạch' AND r.relations LIKE '%implements%' LIMIT 1",
            (province,),
        )
    )
    (made,) = timed("reject a plan's basis link (file read again: store made before #14)",
                    lambda: correct_link(store, link[0], "reject", number=link[1], author="bench"))  # fmt: skip
    after = timed(f"gaps of {province} after the correction", lambda: store.gaps(opts))
    timed("undo it", lambda: undo(store, made.id, "bench"))
    rows.append({"step": f"rows before / after the correction: {len(before)} / {len(after)}", "s": ""})
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=3000)
    ap.add_argument("--baseline", default="14972b4")
    ap.add_argument("--store", type=Path, default=None)
    ap.add_argument("--province", default="Hải Phòng")
    args = ap.parse_args()
    print(f"Machine: {machine()}, load average {os.getloadavg()[0]:.1f}\n")
    with tempfile.TemporaryDirectory() as tmp:
        if args.docs:
            print(table(ingest_rows(args.docs, args.baseline, Path(tmp))), flush=True)
        if args.store is not None:
            print()
            print(table(store_rows(args.store, Path(tmp), args.province)))


if __name__ == "__main__":
    main()
