"""The province answer every face shows (#11): a province's gaps with its directive coverage, one
province's report model, and the models of all 34 provinces (what the demo table, ``GET /provinces``
and the reports index read), on the embedded store over a national synthetic corpus.

    python -m bench.bench_province_report 10000      # documents (all 34 provinces)
"""

import argparse
import tempfile
import time
from pathlib import Path

from bench.common import machine, peak_rss_mb, table
from graph.backends import open_store
from graph.gaps import GapOptions
from graph.ingest import ingest_paths
from graph.province_report import province_reports
from testkit.synth import generate

AS_OF = "2026-11-22"
PROVINCES = ["Hải Phòng", "Thanh Hóa", "Đắk Lắk", "Hồ Chí Minh"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("documents", type=int, nargs="?", default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-report-") as tmp:
        root = Path(tmp)
        generate(root / "corpus", None, scale=max(1, args.documents // 34), seed=1, as_of=AS_OF)
        store = open_store(root / "lineage.db")
        ingest_paths(store, [root / "corpus"], workers=2)
        documents = sum(1 for _, a in store.graph().nodes(data=True) if a["status"] == "ingested")
        opts = GapOptions(as_of=AS_OF)
        t = time.perf_counter()
        store.gaps(GapOptions(province=PROVINCES[0], as_of=AS_OF))
        first = time.perf_counter() - t
        rows = []
        for p in PROVINCES:
            t = time.perf_counter()
            gaps = store.gaps(GapOptions(province=p, as_of=AS_OF))
            gap_s = time.perf_counter() - t
            t = time.perf_counter()
            (model,) = province_reports(store, opts, [p])
            model_s = time.perf_counter() - t
            rows.append({"province": p, "gap rows (all kinds)": len(gaps), "province gaps ms": f"{gap_s * 1000:.0f}",
                         "report model ms": f"{model_s * 1000:.0f}", "document gaps": len(model.gaps),
                         "uncovered units": len(model.coverage_gaps), "coverage cells": len(model.coverage)})  # fmt: skip
        t = time.perf_counter()
        national = store.gaps(opts)
        national_s = time.perf_counter() - t
        t = time.perf_counter()
        models = province_reports(store, opts)
        all_s = time.perf_counter() - t
        print(f"{machine()}; {documents} documents ingested")
        print(table(rows))
        print(table([{"first gaps after a change s": f"{first:.1f}", "national gaps s (rows)": f"{national_s:.1f} ({len(national)})",
                      "34 report models s": f"{all_s:.1f}", "uncovered units, 34 provinces": sum(len(m.coverage_gaps) for m in models),
                      "peak RSS MB": f"{peak_rss_mb():.0f}"}]))  # fmt: skip
        store.close()


if __name__ == "__main__":
    main()
