"""The gap engine over Cypher reads against the Cypher gap rules, on ArcadeDB's Bolt server.

    python -m bench.bench_neo4j_engine STORE.db [--provinces 4] [--heap 4g]

The embedded store is pushed into a fresh ArcadeDB; then, for a few provinces and nationally, the
gaps are computed both ways: the Cypher rule copies (``Neo4jStore``'s queries, the baseline) and
``graph.gaps`` over ``graph.gapdata.load_scope`` with the backend's batched reads
(``graph.neo4j_reads``). Each answer is timed on its own and the rows are compared.
"""

import argparse
import time
from pathlib import Path

from bench.common import machine, table
from graph.backends import open_store
from graph.gapdata import load_scope
from graph.gaps import GapOptions, find_gaps
from graph.neo4j_store import Neo4jStore, push
from testkit.arcadedb import BoltServer

AS_OF = "2026-11-22"
PROVINCES = ["Quảng Ngãi", "Hải Phòng", "Hà Nội", "Đắk Lắk", "Thanh Hóa", "Cần Thơ"]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("db", type=Path)
    ap.add_argument("--provinces", type=int, default=4)
    ap.add_argument("--heap", default="4g")
    ap.add_argument("--national", action="store_true", help="also the whole country")
    args = ap.parse_args()
    print(f"Machine: {machine()}\n", flush=True)
    store = open_store(args.db, create=False)
    rows = []
    with BoltServer(heap=args.heap) as server:
        target = Neo4jStore(server.uri, server.user, server.password, server.database)
        t = time.perf_counter()
        push(store, target)
        print(f"push: {time.perf_counter() - t:.1f} s", flush=True)
        asked: list[str | None] = [*PROVINCES[: args.provinces]]
        if args.national:
            asked.append(None)
        for province in asked:
            opts = GapOptions(province=province, as_of=AS_OF)
            t = time.perf_counter()
            cypher = target.gaps(opts)
            cypher_s = time.perf_counter() - t
            t = time.perf_counter()
            scope = load_scope(target.reader, province)
            read_s = time.perf_counter() - t
            engine = find_gaps(scope, (), opts)
            engine_s = time.perf_counter() - t
            embedded = store.gaps(opts)
            rows.append({"province": province or "national", "rows": len(engine),
                         "Cypher rules s (baseline)": f"{cypher_s:.2f}",
                         "engine over Cypher reads s": f"{engine_s:.2f}", "of which reading s": f"{read_s:.2f}",
                         "same rows as Cypher": engine == cypher, "same rows as embedded": engine == embedded})  # fmt: skip
            print(table(rows[-1:]), flush=True)
        target.close()
    print("\n" + table(rows))


if __name__ == "__main__":
    main()
