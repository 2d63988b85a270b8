"""National scale: ingest into the embedded store (and Neo4j on ArcadeDB), query latency on both
backends, and the API under 50 concurrent clients (wrk). Baselines in the same run: writing the
corpus files alone, an empty HTTP endpoint, a point lookup.

    python -m bench.bench_scale 10000            # documents (synthetic corpus, all 34 provinces)
    python -m bench.bench_scale 10000 --neo4j    # also ArcadeDB through the Neo4j backend
"""

import argparse
import json
import shutil
import statistics
import subprocess
import tempfile
import threading
import time
import urllib.request
from pathlib import Path
from typing import Any

from bench.common import folder_mb, machine, peak_rss_mb, process_peak_mb, table
from graph.backends import open_store
from graph.gaps import GapOptions
from graph.ingest import ingest_paths
from graph.lineage import DEFAULT_LIMIT
from graph.store import LineageStore
from testkit.synth import generate

AS_OF = "2026-11-22"


def percentiles(samples: list[float]) -> tuple[float, float]:
    s = sorted(samples)
    return statistics.median(s) * 1000, s[min(len(s) - 1, int(0.95 * len(s)))] * 1000


def time_queries(store: Any, centrals: list[str], locals_: list[str], provinces: list[str]) -> dict[str, str]:
    """Lineage down 3 steps from national directives and from local documents (timed apart: below a
    national directive lies a national subgraph, served capped at the API's default limit; the whole
    of the largest is timed once), the gaps of provinces, and all gaps nationally."""
    gaps: list[float] = []
    if isinstance(store, LineageStore):
        store.graph()  # the view is built once, then cached
    # The first gap query after a change builds the gap engine's indexes over the whole graph
    # (kept until the store changes again): timed apart from the queries that reuse them.
    t = time.perf_counter()
    store.gaps(GapOptions(province=provinces[0], as_of=AS_OF))
    first = time.perf_counter() - t
    lineage: dict[str, list[float]] = {"national": [], "local": []}
    sizes: dict[str, list[int]] = {"national": [], "local": []}
    for group, keys in (("national", centrals), ("local", locals_)):
        for k in keys:
            t = time.perf_counter()
            answer = store.lineage(k, "down", 3, DEFAULT_LIMIT)
            lineage[group].append(time.perf_counter() - t)
            sizes[group].append(len(answer["nodes"]))
    t = time.perf_counter()
    whole = len(store.lineage(centrals[0], "down", 3)["nodes"])
    whole_s = time.perf_counter() - t
    for p in provinces:
        t = time.perf_counter()
        store.gaps(GapOptions(province=p, as_of=AS_OF))  # every kind, as the province report asks
        gaps.append(time.perf_counter() - t)
    t = time.perf_counter()
    store.gaps(GapOptions(as_of=AS_OF))
    national = time.perf_counter() - t
    nm, np_ = percentiles(lineage["national"])
    lm, lp = percentiles(lineage["local"])
    gm, gp = percentiles(gaps)
    return {"first gaps after a change s": f"{first:.1f}",
            f"lineage of a directive, capped at {DEFAULT_LIMIT}, median / p95 ms": f"{nm:.0f} / {np_:.0f}",
            "whole lineage of the largest directive s (nodes)": f"{whole_s:.1f} ({whole})",
            "lineage of a local document median / p95 ms": f"{lm:.1f} / {lp:.1f}", "province gaps median ms": f"{gm:.0f}",
            "province gaps p95 ms": f"{gp:.0f}", "national gaps s": f"{national:.1f}"}  # fmt: skip


def api_load(store: LineageStore, key: str, seconds: int = 15) -> list[dict[str, Any]]:
    if shutil.which("wrk") is None:
        return [{"endpoint": "(wrk not installed: apt-get install wrk)"}]
    import uvicorn

    from api.app import create_app

    port = 8799
    server = uvicorn.Server(
        # The store already measured, with its graph view: a national view held twice would not fit.
        uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="error")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.1)
    rows = []
    from urllib.parse import quote

    endpoints = (("health (baseline)", "/health"), ("lineage", f"/documents/{quote(key, safe='')}/lineage?direction=down&depth=2"),
                 ("gaps (province)", "/gaps?province=Qu%E1%BA%A3ng%20Ng%C3%A3i&as_of=2026-11-22"))  # fmt: skip
    for _, path in endpoints:  # warm up: the first request builds the graph view and the gap indexes
        urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=3600).read()
    for name, path in endpoints:
        out = subprocess.run(["wrk", "-t2", "-c50", f"-d{seconds}s", "--latency", f"http://127.0.0.1:{port}{path}"],
                             capture_output=True, text=True, check=False).stdout  # fmt: skip
        rps = next((ln.split()[1] for ln in out.splitlines() if ln.startswith("Requests/sec")), "?")
        p50 = next((ln.split()[1] for ln in out.splitlines() if ln.strip().startswith("50%")), "?")
        p99 = next((ln.split()[1] for ln in out.splitlines() if ln.strip().startswith("99%")), "?")
        rows.append({"endpoint": name, "clients": 50, "requests/s": rps, "p50": p50, "p99": p99})
    server.should_exit = True
    thread.join(timeout=10)
    return rows


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("documents", type=int)
    ap.add_argument("--neo4j", action="store_true")
    ap.add_argument("--workdir", type=Path, default=None)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument(
        "--reuse", action="store_true", help="Query the store already in --workdir; do not ingest."
    )
    args = ap.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="lineage-bench-"))
    corpus, db = work / "corpus", work / "lineage.db"
    print(f"Machine: {machine()}\nWork dir: {work}\n")
    scale = max(1, args.documents // 34)
    if not corpus.exists():
        r = generate(corpus, None, scale=scale, seed=1, as_of=AS_OF)
        print(
            f"generated {r.documents} documents, {r.bytes / 1e6:.0f} MB in {r.seconds:.0f} s "
            f"({r.docs_per_second:.0f} docs/s: the baseline of writing the files alone)"
        )
    docs = sum(1 for _ in corpus.rglob("*.txt")) + sum(1 for _ in corpus.rglob("*.md"))
    if args.reuse and db.exists():
        rows = (
            json.loads((work / "results.json").read_text())["ingest"]
            if (work / "results.json").exists()
            else []
        )
    else:
        if db.exists():
            db.unlink()
        t = time.perf_counter()
        report = ingest_paths(open_store(db), [corpus], workers=args.jobs)
        ingest_s = time.perf_counter() - t
        size = sum(p.stat().st_size for p in work.glob("lineage.db*")) / 2**20
        rows = [{"documents": docs, "ingest s": f"{ingest_s:.0f}", "docs/s": f"{docs / ingest_s:.0f}",
                 "failed": len(report.failed), "peak RSS MB (main)": f"{peak_rss_mb():.0f}", "store MB": f"{size:.0f}"}]  # fmt: skip
    print("\nEmbedded store, ingest from text (synthetic corpus):\n\n" + table(rows))
    store = open_store(db)
    t = time.perf_counter()
    G = store.graph()
    build_s = time.perf_counter() - t
    # The directives something implements, largest first (their lineage down is a national subgraph).
    implemented = (n for n, a in G.nodes(data=True) if a.get("level") == "central")
    centrals = sorted(implemented, key=lambda n: (-G.in_degree(n), n))[:8]
    keys = (
        centrals
        + sorted(n for n, a in G.nodes(data=True) if a["status"] == "ingested")[:: max(1, len(G) // 200)][
            :200
        ]
    )
    provinces = [
        "Hà Nội",
        "Hải Phòng",
        "Quảng Ngãi",
        "Đắk Lắk",
        "Thanh Hóa",
        "Hồ Chí Minh",
        "Cần Thơ",
        "Lào Cai",
    ]
    q = time_queries(store, centrals, keys[len(centrals) :], provinces)
    q = {"backend": "sqlite + networkx", "graph view build s": f"{build_s:.1f}", **q,
         "peak RSS MB": f"{peak_rss_mb():.0f}"}  # fmt: skip
    results = [q]
    print("\nQueries, embedded store:\n\n" + table(results), flush=True)
    if args.neo4j:
        from graph.neo4j_store import Neo4jStore, push
        from testkit.arcadedb import BoltServer

        with BoltServer(heap="4g" if args.documents < 500_000 else "8g") as server:
            target = Neo4jStore(server.uri, server.user, server.password, server.database)
            t = time.perf_counter()
            push(store, target)
            push_s = time.perf_counter() - t
            assert server.data_dir is not None and server.pid is not None
            store_mb = folder_mb(server.data_dir / "databases")
            nq = time_queries(target, centrals[:4], keys[len(centrals) :][:40], provinces[:4])
            peak = process_peak_mb(server.pid)
            results.append(
                {
                    "backend": f"Neo4j backend on ArcadeDB (push {push_s:.0f} s, store {store_mb:.0f} MB)",
                    "graph view build s": "-",
                    **nq,
                    "peak RSS MB": f"server {peak:.0f}" if peak is not None else "-",
                }
            )
            target.close()
    print("\nQueries (lineage down 3 steps; gaps of a province; all gaps nationally):\n\n" + table(results))
    typical = keys[len(centrals)]  # a local document; lineage of a national directive is a national subgraph
    print(
        "\nAPI under load (wrk, 2 threads, 50 connections, 15 s each):\n\n" + table(api_load(store, typical))
    )
    (work / "results.json").write_text(
        json.dumps({"ingest": rows, "queries": results}, ensure_ascii=False, indent=1)
    )


if __name__ == "__main__":
    main()
