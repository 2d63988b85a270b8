"""Load test: 50 clients for 30 s against `lineage serve` on 127.0.0.1 while `lineage ingest` writes
to the same store; every answer must be a 2xx (the figures go to docs/security.md).

    .venv/bin/python -m bench.bench_load [--clients 50] [--seconds 30] [--documents 1500]

The server and the ingest are the real commands in processes of their own. Clients ask a mix of
questions (documents, a document's lineage, gaps with a different ``as_of`` each time, provinces,
the graph JSON, /health); an error is any answer that is not 2xx, or no answer.
"""

import argparse
import http.client
import json
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

from bench.common import machine, process_peak_mb, table

LINEAGE = str(Path(sys.executable).parent / "lineage")
SEEDS = Path(__file__).resolve().parents[1] / "corpus"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _paths(keys: list[str]) -> list[tuple[str, str]]:
    day = random.randrange(1, 29)
    month = random.randrange(1, 13)
    key = random.choice(keys)
    return [
        ("documents", f"/documents?limit=50&offset={random.randrange(0, 200)}"),
        ("lineage", f"/documents/{quote(key, safe='')}/lineage?direction=down&depth=2"),
        ("document", f"/documents/{quote(key, safe='')}"),
        ("gaps (as_of varies)", f"/gaps?as_of=2026-{month:02d}-{day:02d}"),
        ("provinces", "/provinces"),
        ("graph", "/graph?limit=200"),
        ("health", "/health"),
    ]


def _client(port: int, keys: list[str], until: float, out: list[tuple[str, float, int]]) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    while time.monotonic() < until:
        name, path = random.choice(_paths(keys))
        t = time.perf_counter()
        try:
            conn.request("GET", path)
            r = conn.getresponse()
            r.read()
            status = r.status
        except (OSError, http.client.HTTPException):
            status = 0
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        out.append((name, time.perf_counter() - t, status))
    conn.close()


def run(clients: int, seconds: float, documents: int, work: Path) -> dict[str, Any]:
    db, corpus = work / "lineage.db", work / "corpus"
    subprocess.run([LINEAGE, "ingest", str(SEEDS), "--db", str(db), "-q", "-j", "2"], check=True)
    scale = max(1, documents // 4)
    subprocess.run([LINEAGE, "synth", "--provinces", "Hải Phòng,Quảng Ngãi,Đắk Lắk,Thanh Hóa", "--scale",
                    str(scale), "--seed", "7", "--out", str(corpus)], check=True, capture_output=True)  # fmt: skip
    port = _free_port()
    server = subprocess.Popen([LINEAGE, "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port)])
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                conn.request("GET", "/documents?limit=500")
                keys = [d["key"] for d in json.loads(conn.getresponse().read())["items"]]
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        ingest_started = time.monotonic()
        ingest = subprocess.Popen([LINEAGE, "ingest", str(corpus), "--db", str(db), "-q", "-j", "1"],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
        ingest_seconds: list[float] = []

        def time_ingest() -> None:
            ingest.wait()
            ingest_seconds.append(time.monotonic() - ingest_started)

        threading.Thread(target=time_ingest, daemon=True).start()
        results: list[tuple[str, float, int]] = []
        until = time.monotonic() + seconds
        threads = [
            threading.Thread(target=_client, args=(port, keys, until, results)) for _ in range(clients)
        ]
        t0 = time.monotonic()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.monotonic() - t0
        ingest_running_at_end = ingest.poll() is None
        ingest_out, ingest_err = ingest.communicate(timeout=3600)
        while not ingest_seconds:
            time.sleep(0.05)
        server_peak = process_peak_mb(server.pid)
    finally:
        server.terminate()
        server.wait(30)
    rows = []
    for name in sorted({r[0] for r in results}):
        lat = sorted(r[1] for r in results if r[0] == name)
        errs = sum(1 for r in results if r[0] == name and not 200 <= r[2] < 300)
        rows.append({"endpoint": name, "requests": len(lat), "errors": errs,
                     "p50 ms": f"{1000 * statistics.median(lat):.0f}",
                     "p99 ms": f"{1000 * lat[min(len(lat) - 1, int(0.99 * len(lat)))]:.0f}"})  # fmt: skip
    return {
        "rows": rows,
        "requests": len(results),
        "errors": sum(1 for r in results if not 200 <= r[2] < 300),
        "statuses": sorted({r[2] for r in results}),
        "seconds": elapsed,
        "ingest": ingest_out.strip(),
        "ingest_errors": ingest_err.strip()[-500:],
        "ingest_overlapped_whole_run": ingest_running_at_end,
        "ingest_seconds": ingest_seconds[0],
        "server_peak_mb": server_peak,
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument(
        "--documents", type=int, default=1500, help="Synthetic documents ingested during the load."
    )
    ap.add_argument("--workdir", type=Path, default=None)
    args = ap.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="lineage-load-"))
    print(f"Machine: {machine()}\nWork dir: {work}\n")
    r = run(args.clients, args.seconds, args.documents, work)
    print(table(r["rows"]))
    print(f"\n{r['requests']} requests in {r['seconds']:.1f} s ({r['requests'] / r['seconds']:.0f}/s) by "
          f"{args.clients} clients; errors: {r['errors']} (statuses seen: {r['statuses']})")  # fmt: skip
    print(
        f"ingest alongside: {r['ingest']} in {r['ingest_seconds']:.1f} s, started with the load "
        f"(still running when the load ended: {r['ingest_overlapped_whole_run']})"
    )
    if r["ingest_errors"]:
        print(f"ingest stderr (end): {r['ingest_errors']}")
    print(f"server peak RSS: {r['server_peak_mb']:.0f} MB" if r["server_peak_mb"] else "server peak RSS: ?")
    sys.exit(1 if r["errors"] else 0)


if __name__ == "__main__":
    main()
