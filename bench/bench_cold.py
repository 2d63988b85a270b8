"""Answers from a cold start: each question asked by a fresh process, as a user's CLI call is.

    python -m bench.bench_cold --db STORE [--provinces 4] [--documents 20]

For each question, two fresh processes: the way the store answers now (indexed reads of the
tables: ``graph.gapdata.load_scope``, the lineage walk over ``graph.sqlite_reads.SQLiteReader``),
and the baseline measured in the same run, the whole-graph way (build the networkx view, then
``find_gaps`` / ``lineage`` on it), which every CLI call and the API's first request paid before.
Wall time includes the interpreter and imports; peak RSS is the child's. The API: time from
starting ``lineage serve`` to its first answer to ``/gaps?province=…``, and the server's peak
memory after the province questions. Warm: the same questions again in the same process.
"""

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

from bench.common import machine, process_peak_mb, table

AS_OF = "2026-11-22"
CHILD = r"""
import json, resource, sys, time
t0 = time.perf_counter()
from graph.backends import open_store
from graph.gaps import GapOptions, find_gaps
from graph.lineage import lineage
way, db, kind, arg = sys.argv[1:5]
s = open_store(db, create=False)
t1 = time.perf_counter()
if way == "tables":
    if kind == "gaps":
        n = len(s.gaps(GapOptions(province=arg or None, as_of="__AS_OF__")))
    else:
        n = len(s.lineage(arg, "up", None, 1000)["nodes"]) + len(s.lineage(arg, "down", None, 1000)["nodes"])
else:
    G = s.graph()
    if kind == "gaps":
        n = len(find_gaps(G, G.graph["_deadlines"], GapOptions(province=arg or None, as_of="__AS_OF__")))
    else:
        n = len(lineage(G, arg, "up", None, 1000)["nodes"]) + len(lineage(G, arg, "down", None, 1000)["nodes"])
t2 = time.perf_counter()
warm = []
if way == "tables":
    for _ in range(5):
        t = time.perf_counter()
        if kind == "gaps":
            s.gaps(GapOptions(province=arg or None, as_of="2026-11-23"))  # another date: not the cached scope's answer
        else:
            s.lineage(arg, "up", None, 1000); s.lineage(arg, "down", None, 1000)
        warm.append(time.perf_counter() - t)
print(json.dumps({"rows": n, "open_s": t1 - t0, "answer_s": t2 - t1, "warm_s": sorted(warm),
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
""".replace("__AS_OF__", AS_OF)


def child(way: str, db: Path, kind: str, arg: str) -> dict[str, Any]:
    t = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", CHILD, way, str(db), kind, arg], capture_output=True, text=True,
                         check=True, cwd=Path(__file__).resolve().parents[1])  # fmt: skip
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    result["wall_s"] = time.perf_counter() - t
    return result


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def api_first_answer(db: Path, provinces: list[str]) -> dict[str, Any]:
    """Seconds from starting the server to its first answer to a province's gaps, and its peak memory."""
    port = free_port()
    lineage = Path(sys.executable).parent / "lineage"
    t = time.perf_counter()
    proc = subprocess.Popen([str(lineage), "serve", "--db", str(db), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    try:
        first = None
        url = f"http://127.0.0.1:{port}/gaps?province={urllib.parse.quote(provinces[0])}&as_of={AS_OF}"
        while first is None:
            try:
                with urllib.request.urlopen(url, timeout=600) as r:
                    r.read()
                first = time.perf_counter() - t
            except OSError:
                if proc.poll() is not None:
                    raise RuntimeError("lineage serve exited") from None
                time.sleep(0.05)
        for p in provinces[1:]:
            q = f"http://127.0.0.1:{port}/gaps?province={urllib.parse.quote(p)}&as_of={AS_OF}"
            with urllib.request.urlopen(q, timeout=600) as r:
                r.read()
        peak = process_peak_mb(proc.pid)
    finally:
        proc.terminate()
        proc.wait()
    return {"first answer s": f"{first:.1f}", "server peak MB": f"{peak:.0f}" if peak else "-"}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", type=Path, required=True)
    ap.add_argument("--provinces", type=int, default=4)
    ap.add_argument("--documents", type=int, default=6)
    ap.add_argument(
        "--national", action="store_true", help='Also the whole country\'s gaps ("" = every province).'
    )
    ap.add_argument(
        "--no-baseline", action="store_true", help="Skip the whole-graph way (it needs 6.5 GB at 1M)."
    )
    args = ap.parse_args()
    from graph.backends import open_store

    store = open_store(args.db, create=False)
    docs = store.document_count()
    provinces = ["Hải Phòng", "Quảng Ngãi", "Hà Nội", "Đắk Lắk", "Thanh Hóa", "Cần Thơ"][: args.provinces]
    keys = [str(k) for (k,) in store.reader.db.execute(  # type: ignore[attr-defined]
        "SELECT key FROM documents WHERE level IN ('commune', 'province') ORDER BY path")]  # fmt: skip
    local = keys[:: max(1, len(keys) // args.documents)][: args.documents]
    print(
        f"Machine: {machine()}, load average {os.getloadavg()[0]:.1f}\nStore: {args.db} ({docs} documents)\n"
    )
    rows = []
    questions: list[tuple[str, list[str]]] = [("gaps", provinces), ("lineage", local)]
    if args.national:
        questions.append(("gaps", [""]))
    for kind, args_ in questions:
        for way in ("tables",) if args.no_baseline else ("graph", "tables"):
            runs = [child(way, args.db, kind, a) for a in args_]
            warm = [w for r in runs for w in r["warm_s"]]
            rows.append({
                "question": ("national gaps" if args_ == [""] else "a province's gaps") if kind == "gaps" else "lineage up and down of a local document (capped 1,000)",
                "way": "whole graph view (baseline)" if way == "graph" else "indexed reads (now)",
                "cold wall s, median (max)": f"{statistics.median(r['wall_s'] for r in runs):.2f} ({max(r['wall_s'] for r in runs):.2f})",
                "of which answering s": f"{statistics.median(r['answer_s'] for r in runs):.2f}",
                "warm ms, median / p95": f"{statistics.median(warm) * 1000:.0f} / {sorted(warm)[int(0.95 * (len(warm) - 1))] * 1000:.0f}" if warm else "-",
                "peak RSS MB": f"{max(r['rss_mb'] for r in runs):.0f}",
            })  # fmt: skip
            print(table(rows[-1:]), flush=True)
    print("\n" + table(rows))
    print("\nAPI (lineage serve, indexed reads):\n\n" + table([api_first_answer(args.db, provinces)]))


if __name__ == "__main__":
    main()
