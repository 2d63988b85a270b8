"""Scans against text: `lineage extract` on rendered scans of the seeds and of the real documents,
scored against the same gold as the same documents read from text, with OCR time per page.

Each text is drawn on A4 pages (testkit/scans.py: DejaVu Serif 11 pt, 200 dpi, slight skew, speckle
noise), wrapped in an image-only PDF and read back through the PDF reader (Tesseract, vie). Both
runs use the extractor as it is in the working tree, so the difference is the OCR's alone.

Wall time per page depends on what else the machine runs; the CPU time of the Tesseract
processes per page is the steadier figure.

Run: ``python -m bench.bench_ocr [--limit N] [--keep DIR]``; needs Tesseract with the Vietnamese
model and ``../shared/corpus/real`` beside the repository for the real documents.
"""

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.common import machine, table
from ingest.extract import extract_file, extract_text
from ingest.readers import read_file
from testkit.scans import image_pdf, ocr_missing, render_pages

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "tools" / "score_extraction.py"
SETS = {
    "seeds": (ROOT / "corpus" / "seeds", ROOT / "corpus" / "seeds" / "gold.jsonl"),
    "real": (SHARED / "corpus" / "real" / "docs", SHARED / "corpus" / "real" / "gold.jsonl"),
}
METRICS = (
    "ref_f1",
    "rel",
    "self_number",
    "self_doc_type",
    "self_date",
    "ref_precision",
    "ref_recall",
    "self_province",
)


def score(gold: Path, preds: list[dict[str, Any]], work: Path, name: str) -> dict[str, float]:
    """The scorer's figures for ``preds``, against the gold rows of the same files only."""
    path = work / f"{name}.jsonl"
    path.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in preds), encoding="utf-8")
    names = {Path(p["source"]).name for p in preds}
    rows = [
        x
        for x in gold.read_text(encoding="utf-8").splitlines()
        if x.strip() and json.loads(x)["file"] in names
    ]
    gold_part = work / f"{name}-gold.jsonl"
    gold_part.write_text("\n".join(rows) + "\n", encoding="utf-8")
    out = subprocess.run(
        [sys.executable, str(SCORER), str(gold_part), "-", str(path), "--json"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    line = next(x for x in out.splitlines() if x.startswith("{"))
    return {k: float(v) for k, v in json.loads(line).items() if v is not None}


def _child_cpu() -> float:
    """CPU seconds used by finished child processes (the Tesseract runs): steadier than wall time
    on a shared machine."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_set(name: str, folder: Path, gold: Path, work: Path, limit: int | None) -> dict[str, Any]:
    gold_files = [json.loads(x)["file"] for x in gold.read_text(encoding="utf-8").splitlines() if x.strip()]
    files = [folder / f for f in gold_files if (folder / f).exists()][:limit]
    text_preds, scan_preds = [], []
    pages = 0
    ocr_s = 0.0
    ocr_cpu = 0.0
    confidences = []
    for i, f in enumerate(files):
        text_preds.append(extract_file(f).to_json())
        pdf = image_pdf(render_pages(read_file(f).text, dpi=200, seed=i), work / f"{f.stem}.pdf")
        t, cpu = time.perf_counter(), _child_cpu()
        source = read_file(pdf)
        ocr_s += time.perf_counter() - t
        ocr_cpu += _child_cpu() - cpu
        assert source.ocr is not None
        pages += source.ocr.page_count
        confidences.append(source.ocr.mean_confidence)
        pred = extract_text(source).to_json()
        pred["source"] = f.name  # scored as the document it was drawn from
        scan_preds.append(pred)
        print(f"{name} {i + 1}/{len(files)} {f.name}: {source.ocr.page_count} p", file=sys.stderr, flush=True)
    text = score(gold, text_preds, work, f"{name}-text")
    scan = score(gold, scan_preds, work, f"{name}-scan")
    return {
        "set": name,
        "documents": len(files),
        "pages": pages,
        "OCR s/page (wall)": round(ocr_s / pages, 2),
        "Tesseract CPU s/page": round(ocr_cpu / pages, 2),
        "mean word confidence": round(statistics.fmean(confidences), 1),
        "text": text,
        "scan": scan,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="documents per set (default all)")
    parser.add_argument("--keep", type=Path, default=None, help="keep the scans and predictions here")
    args = parser.parse_args()
    missing = ocr_missing()
    if missing:
        sys.exit(missing)
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        results = [
            run_set(n, folder, gold, work, args.limit) for n, (folder, gold) in SETS.items() if gold.exists()
        ]
    print(f"Machine: {machine()}\n")
    print(table([{k: v for k, v in r.items() if k not in ("text", "scan")} for r in results]))
    rows = []
    for r in results:
        for m in METRICS:
            t, s = r["text"].get(m), r["scan"].get(m)
            if t is not None and s is not None:
                rows.append({"set": r["set"], "metric": m, "text": f"{t:.3f}", "scan": f"{s:.3f}", "scan − text": f"{s - t:+.3f}"})  # fmt: skip
    print()
    print(table(rows))


if __name__ == "__main__":
    main()
