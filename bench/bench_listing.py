"""The browser's listings from a cold start: each endpoint asked first by a fresh API process.

    python -m bench.bench_listing --db STORE [--repeat 3]

For each endpoint, fresh processes that build the app around the store (``api.app.create_app``)
and ask it once through the ASGI test client: the way the API answers now (``/documents`` from the
store's reader, ``api.listing``) and the baseline in the same run, the way it answered before (the
listing read from the networkx view of the whole store, built on first use). ``/provinces`` never
read the view; it is timed both ways as a check. Wall time includes the interpreter, the imports
and opening the store; then a second and third ask in the same process (warm).
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench.common import machine, table

AS_OF = "2026-11-22"
CHILD = r"""
import json, resource, sys, time
t0 = time.perf_counter()
from fastapi.testclient import TestClient
from api.app import AppState, create_app
from graph.backends import open_store
way, db, url = sys.argv[1:4]
if way == "view":  # before: every listing read from the whole-graph view
    AppState.document_nodes = lambda self, query: list(self.graph().nodes(data=True))
client = TestClient(create_app(open_store(db, create=False), request_seconds=3600))
t1 = time.perf_counter()
r = client.get(url)
assert r.status_code == 200, r.text
body = r.json()
t2 = time.perf_counter()
warm = []
for _ in range(2):
    t = time.perf_counter()
    assert client.get(url).json() == body
    warm.append(time.perf_counter() - t)
print(json.dumps({"open_s": t1 - t0, "answer_s": t2 - t1, "warm_s": warm, "size": len(r.content),
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

URLS = (
    "/documents",
    "/documents?province=H%E1%BA%A3i%20Ph%C3%B2ng",
    "/documents?level=central&include_cited=true&limit=500",
    f"/provinces?as_of={AS_OF}",
)


def child(way: str, db: Path, url: str) -> dict[str, Any]:
    t = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", CHILD, way, str(db), url], capture_output=True, text=True,
                         check=False, cwd=Path(__file__).resolve().parents[1])  # fmt: skip
    if out.returncode != 0:
        raise RuntimeError(f"{way} {url}: {out.stderr}")
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    result["wall_s"] = time.perf_counter() - t
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", type=Path, required=True)
    ap.add_argument("--repeat", type=int, default=3, help="fresh processes per endpoint and way")
    args = ap.parse_args()
    from graph.backends import open_store

    with open_store(args.db, create=False) as store:
        docs = store.document_count()
    print(
        f"Machine: {machine()}, load average {os.getloadavg()[0]:.1f}\nStore: {args.db} ({docs} documents)\n"
    )
    rows = []
    for url in URLS:
        for way in ("view", "reader"):
            runs = []
            for _ in range(args.repeat):
                runs.append(child(way, args.db, url))
            warm = [w for r in runs for w in r["warm_s"]]
            rows.append({
                "endpoint": f"`{url.replace('H%E1%BA%A3i%20Ph%C3%B2ng', 'Hải Phòng')}`",
                "way": "whole graph view (baseline)" if way == "view" else "store reader (now)",
                "cold wall s, median (max)": f"{statistics.median(r['wall_s'] for r in runs):.2f} ({max(r['wall_s'] for r in runs):.2f})",
                "of which first answer s": f"{statistics.median(r['answer_s'] for r in runs):.2f}",
                "warm ms, median": f"{statistics.median(warm) * 1000:.0f}",
                "peak RSS MB": f"{max(r['rss_mb'] for r in runs):.0f}",
            })  # fmt: skip
            print(table(rows[-1:]), flush=True)
    print(f"\nload average {os.getloadavg()[0]:.1f}\n\n" + table(rows))


if __name__ == "__main__":
    main()
