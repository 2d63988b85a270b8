"""The main job on a fresh machine: build the embedded graph from the demo corpus, write the lineage
browser and one gap report per province into an output folder, and say where everything is."""

from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from graph.gaps import GAP_KINDS, GapOptions
from graph.ingest import ingest_paths
from graph.store import open_store
from graph.views import current_provinces, subgraph_json
from ingest.gazetteer import fold

__all__ = ["DEFAULT_CORPORA", "run_demo"]

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPORA = (REPO / "tests" / "corpus" / "seeds", REPO / "tests" / "corpus" / "extraction")


def run_demo(
    out: Path,
    corpora: list[Path],
    *,
    synth_provinces: list[str] | None = None,
    synth_scale: int = 40,
    as_of: str | None = None,
    echo: Callable[[str], None] = print,
) -> dict[str, Any]:
    """Run the demo into ``out`` and return what was written."""
    out.mkdir(parents=True, exist_ok=True)
    sources = [c for c in corpora if c.exists()]
    if synth_provinces:
        from graph.synth import generate

        synth_dir = out / "demo-corpus"
        if not synth_dir.exists():  # deterministic for its seed: generated once
            generate(
                synth_dir,
                provinces=synth_provinces,
                scale=synth_scale,
                seed=2025,
                as_of=as_of or "2026-11-22",
            )
        sources.append(synth_dir)
        echo(f"generated a synthetic corpus for {', '.join(synth_provinces)} in {synth_dir}")
    db = out / "lineage.db"
    store = open_store(db)
    report = ingest_paths(store, sources, workers=2)
    echo(f"ingested {len(report.added) + len(report.changed)} new or changed files "
         f"({len(report.unchanged)} unchanged, {len(report.failed)} failed) into {db}")  # fmt: skip
    for path, err in report.failed:
        echo(f"  could not read {path}: {err}")
    opts = GapOptions(as_of=as_of or date.today().isoformat())
    G = store.graph()
    gaps = store.gaps(opts)
    snapshot = {**store.snapshot(), "as_of": opts.as_of}

    from viz.browser import write_browser
    from viz.report import write_province_reports

    browser = write_browser(subgraph_json(G, [g for g in gaps if g["kind"] != "unit_coverage"]), out / "browser.html",
                            "Sơ đồ văn bản triển khai – toàn quốc")  # fmt: skip
    reports = write_province_reports(G, gaps, snapshot, out / "reports", ["html", "xlsx", "docx"], "vi")
    docs = Counter(fold(a.get("province") or "") for _, a in G.nodes(data=True) if a["status"] == "ingested")
    edges = Counter(
        fold(G.nodes[u].get("province") or "") for u, _v in G.edges() if G.nodes[u]["status"] == "ingested"
    )
    gap_counts = Counter(fold(g.get("province") or "") for g in gaps if g["kind"] != "unit_coverage")
    rows = []
    for p in current_provinces():
        k = fold(p["name"])
        rows.append((p["name"], docs.get(k, 0), edges.get(k, 0), gap_counts.get(k, 0)))
    unknown = (docs.get("", 0), edges.get("", 0), gap_counts.get("", 0))
    echo("")
    echo(f"{'province':<16} {'documents':>9} {'edges':>7} {'gaps':>6}")
    for name, d, e, g in rows:
        echo(f"{name:<16} {d:>9} {e:>7} {g:>6}")
    echo(f"{'(unknown)':<16} {unknown[0]:>9} {unknown[1]:>7} {unknown[2]:>6}")
    echo(f"{'total':<16} {sum(r[1] for r in rows) + unknown[0]:>9} {sum(r[2] for r in rows) + unknown[1]:>7} "
         f"{sum(r[3] for r in rows) + unknown[2]:>6}")  # fmt: skip
    by_kind = Counter(g["kind"] for g in gaps)
    echo("gaps by kind: " + ", ".join(f"{k} {by_kind.get(k, 0)}" for k in GAP_KINDS))
    echo("")
    echo(f"store:          {db}")
    echo(f"browser:        {browser}  (open it in a browser; works offline)")
    echo(
        f"reports:        {out / 'reports' / 'index.html'}  ({len(reports) - 1} files: HTML, XLSX, DOCX per province)"
    )
    echo(f"start the API:  lineage serve --db {db}   then open http://127.0.0.1:8000/")
    store.close()
    return {"db": db, "browser": browser, "reports": reports, "gaps": len(gaps)}
