"""Each Neo4j-backend query timed on its own, against ArcadeDB's Bolt server: where the time goes.

    python -m bench.bench_neo4j_queries STORE.db [--province "Quảng Ngãi"]

The embedded store at STORE.db is pushed into a fresh ArcadeDB, then lineage (down 3 steps) of a
few national directives and local documents, every gap kind for one province and every gap kind
nationally are timed one by one and printed as they finish.
"""

import argparse
import time
from pathlib import Path

from bench.common import machine
from graph.backends import open_store
from graph.gaps import GAP_KINDS, GapOptions
from graph.neo4j_store import Neo4jStore, push
from testkit.arcadedb import BoltServer

AS_OF = "2026-11-22"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("db", type=Path)
    ap.add_argument("--province", default="Quảng Ngãi")
    ap.add_argument("--heap", default="4g")
    args = ap.parse_args()
    print(f"Machine: {machine()}\n", flush=True)
    store = open_store(args.db)
    G = store.graph()
    central = sorted(n for n, a in G.nodes(data=True) if a.get("level") == "central")[:3]
    local = sorted(n for n, a in G.nodes(data=True) if a["status"] == "ingested")[:: max(1, len(G) // 5)][:5]
    with BoltServer(heap=args.heap) as server:
        target = Neo4jStore(server.uri, server.user, server.password, server.database)
        t = time.perf_counter()
        push(store, target)
        print(f"push: {time.perf_counter() - t:.1f} s", flush=True)
        for k in central + local:
            t = time.perf_counter()
            nodes = len(target.lineage(k, "down", 3)["nodes"])
            print(f"lineage {k}: {nodes} nodes, {time.perf_counter() - t:.2f} s", flush=True)
        for province in (args.province, None):
            for kind in GAP_KINDS:
                t = time.perf_counter()
                rows = target.gaps(GapOptions(province=province, as_of=AS_OF, kinds=(kind,)))
                where = province or "national"
                print(f"gaps {where} {kind}: {len(rows)} rows, {time.perf_counter() - t:.2f} s", flush=True)
        target.close()


if __name__ == "__main__":
    main()
