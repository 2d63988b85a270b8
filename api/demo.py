"""The main job on a fresh machine: build the embedded graph from the demo corpus, write the lineage
browser and one gap report per province into an output folder, and say where everything is.

The demo corpus is the repository's ``corpus/`` folder (the seeds and the gold corpus; the tests read
the same files) plus, optionally, a synthetic corpus written by ``testkit.synth``."""

import os
import shutil
import sys
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from graph.backends import open_store
from graph.gaps import GapOptions
from graph.ingest import ingest_paths
from graph.province_report import TOTALS, province_reports, unknown_totals
from graph.views import subgraph_json
from ontology.gaps import DOCUMENT_GAP_KINDS
from ontology.provinces import UNKNOWN_PROVINCE

__all__ = ["DEFAULT_CORPORA", "run_demo"]

DOCUMENT_KINDS = tuple(k.value for k in DOCUMENT_GAP_KINDS)

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPORA = (REPO / "corpus" / "seeds", REPO / "corpus" / "extraction")


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
        from testkit.synth import generate

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
    models = province_reports(store, opts)

    from viz.browser import gap_table_rows, write_browser
    from viz.report import write_province_reports

    gaps = store.gaps(
        GapOptions(as_of=opts.as_of, kinds=DOCUMENT_KINDS)
    )  # every province's and the unknown's
    browser = write_browser(
        subgraph_json(G, gaps, prefer_gaps=True),
        out / "browser.html",
        "Sơ đồ văn bản triển khai – toàn quốc",
        gap_rows=gap_table_rows(G, gaps),
    )
    unknown = unknown_totals(store.scope(UNKNOWN_PROVINCE), gaps)
    reports = write_province_reports(models, out / "reports", ["html", "xlsx", "docx"], "vi", unknown=unknown)
    rows = [(m.province, m.totals()) for m in models] + [("(unknown)", unknown)]
    echo("")
    echo(
        f"{'province':<16} {'documents':>9} {'edges':>7} {'gaps':>6} {'uncovered units':>15}   (as of {opts.as_of})"
    )
    for name, t in [*rows, ("total", {c: sum(t[c] for _, t in rows) for c in TOTALS})]:
        echo(f"{name:<16} {t['documents']:>9} {t['edges']:>7} {t['gaps']:>6} {t['uncovered_units']:>15}")
    by_kind = Counter(g.kind.value for g in gaps)
    echo("document gaps by kind: " + ", ".join(f"{k} {by_kind.get(k, 0)}" for k in DOCUMENT_KINDS))
    echo(f"uncovered units (unit_coverage, counted apart): {sum(len(m.coverage_gaps) for m in models)}")
    echo("")
    echo(f"store:          {db}")
    echo(f"browser:        {browser}  (open it in a browser; works offline)")
    echo(
        f"reports:        {out / 'reports' / 'index.html'}  ({len(reports) - 1} files: HTML, XLSX, DOCX per province)"
    )
    cmd = lineage_command()
    echo(f"start the API:  {cmd} serve --db {db}   then open http://127.0.0.1:8000/")
    echo(f'next:           {cmd} gaps --db {db} --province "Hải Phòng"   ({cmd} --help for the rest)')
    echo(
        f'review:         {cmd} review --db {db} --province "Hải Phòng"   (what to check first; fix with `review set`)'
    )
    store.close()
    return {"db": db, "browser": browser, "reports": reports, "totals": dict(rows)}


def lineage_command() -> str:
    """How to call ``lineage`` from here: its name when the PATH finds this installation's, else
    its path (``.venv/bin/lineage`` after ``make demo``, whose virtualenv is not activated)."""
    mine = Path(sys.executable).parent / "lineage"
    found = shutil.which("lineage")
    if found is not None and Path(found).resolve() == mine.resolve():
        return "lineage"
    try:
        return os.path.relpath(mine)
    except ValueError:
        return str(mine)
