"""Extraction quality on the three corpora, relation confidence against accuracy, and time per
document against a baseline revision measured in the same run.

Run: ``python -m bench.bench_extract_quality [--baseline REV]`` (default baseline: the revision
before the real-document work of issue #10). The real documents are read from
``../shared/corpus/real`` and scored with ``../shared/tools/score_extraction.py``.
"""

import argparse
import collections
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from bench.common import machine, table

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "tools" / "score_extraction.py"
CORPORA = {
    "seeds": (ROOT / "corpus" / "seeds", ROOT / "corpus" / "seeds" / "gold.jsonl"),
    "project corpus": (ROOT / "corpus" / "extraction", ROOT / "corpus" / "extraction" / "gold.jsonl"),
    "real documents": (SHARED / "corpus" / "real" / "docs", SHARED / "corpus" / "real" / "gold.jsonl"),
}  # fmt: skip
BASELINE = "61a9563"
BANDS = ((0.9, 1.01), (0.7, 0.9), (0.5, 0.7), (0.0, 0.5))

# A timing worker: reads the files of the folders given once, then for each document index sent on
# stdin extracts that document and answers the CPU seconds of the fastest of five runs. One worker
# runs the checkout's ``ingest``, one the baseline's; the parent asks them in turn, document by
# document, so that other work on a shared machine slows both alike.
_WORKER = """
import json, sys, time
from pathlib import Path
from ingest.extract import extract_text, iter_document_files
from ingest.readers import read_file
texts = []
for f in iter_document_files([Path(p) for p in sys.argv[1:]]):
    try:
        texts.append(read_file(f))
    except Exception:
        pass
for s in texts:
    extract_text(s)
print(len(texts), flush=True)
for line in sys.stdin:
    s = texts[int(line)]
    best = float("inf")
    for _ in range(5):
        t = time.process_time()
        extract_text(s)
        best = min(best, time.process_time() - t)
    print(best, flush=True)
"""


def extract_json(folder: Path, out: Path, python_path: Path) -> None:
    code = (
        "import json, sys; from pathlib import Path; from ingest.extract import extract_paths\n"
        "for ex in extract_paths([Path(sys.argv[1])]):\n"
        "    print(json.dumps(ex.to_json(), ensure_ascii=False)) if hasattr(ex, 'to_json') else None\n"
    )
    with out.open("w", encoding="utf-8") as f:
        subprocess.run([sys.executable, "-c", code, str(folder)], stdout=f, check=True, cwd=python_path)


def score(gold: Path, pred: Path) -> dict[str, Any]:
    run = subprocess.run(
        [sys.executable, str(SCORER), str(gold), "-", str(pred), "--json"], capture_output=True, text=True
    )
    return dict(json.loads(next(line for line in run.stdout.splitlines() if line.startswith("{"))))


def bands(gold: Path, pred: Path) -> list[dict[str, Any]]:
    """Relations by confidence band: how many, and the share the gold accepts."""
    sys.path.insert(0, str(SCORER.parent))
    from score_extraction import canon, gold_rows  # the scorer's own reading of the gold

    preds = {}
    for line in pred.read_text(encoding="utf-8").splitlines():
        p = json.loads(line)
        preds[Path(p["source"]).name] = {canon(r["number"]): r for r in p["references"]}
    counts: dict[tuple[float, float], list[int]] = collections.defaultdict(lambda: [0, 0])
    for name, _doc, refs in gold_rows(str(gold)):
        for g in refs:
            r = preds.get(name, {}).get(canon(g["number"]))
            if r is None:
                continue
            band = next(b for b in BANDS if b[0] <= r["confidence"] < b[1])
            counts[band][1] += 1
            counts[band][0] += r["relation"] in g["ok_relations"]
    return [
        {"confidence": f"{lo:.1f}–{min(hi, 1.0):.1f}", "relations": counts[(lo, hi)][1],
         "right": f"{counts[(lo, hi)][0] / counts[(lo, hi)][1]:.1%}" if counts[(lo, hi)][1] else "-"}
        for lo, hi in BANDS
    ]  # fmt: skip


def time_per_document(folders: list[Path], checkouts: list[Path]) -> tuple[float, float, int]:
    """Seconds of CPU to extract every document once with each of two checkouts, asked in turn
    document by document, and the number of documents."""
    workers = [
        subprocess.Popen([sys.executable, "-c", _WORKER, *map(str, folders)], cwd=c, text=True,
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        for c in checkouts
    ]  # fmt: skip
    counts = {int(w.stdout.readline()) for w in workers if w.stdout}
    assert len(counts) == 1, counts
    docs = counts.pop()
    totals = [0.0] * len(workers)
    for i in range(docs):
        for n, w in enumerate(workers):
            assert w.stdin and w.stdout
            w.stdin.write(f"{i}\n")
            w.stdin.flush()
            totals[n] += float(w.stdout.readline())
    for w in workers:
        assert w.stdin
        w.stdin.close()
        w.wait()
    return totals[0], totals[1], docs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--baseline", default=BASELINE, help="git revision to compare time per document with")
    args = ap.parse_args()
    print(machine())
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, (folder, gold) in CORPORA.items():
            if not gold.exists():
                print(f"{name}: {gold} not found, skipped")
                continue
            pred = Path(tmp) / f"{name}.jsonl"
            extract_json(folder, pred, ROOT)
            s = score(gold, pred)
            rows.append({"corpus": name, "documents": len(pred.read_text().splitlines()),
                         **{k: s[k] for k in ("ref_f1", "rel", "ref_level", "self_number", "self_doc_type",
                                              "self_level", "self_date", "self_province",
                                              "self_province_false_positives")}})  # fmt: skip
            if name == "real documents":
                print("\nRelation confidence against accuracy (real documents)\n")
                print(table(bands(gold, pred)))
        print("\nExtraction quality\n")
        print(table(rows))
        base = Path(tmp) / "baseline"
        base.mkdir()
        archive = subprocess.run(["git", "archive", args.baseline], cwd=ROOT, capture_output=True, check=True)
        subprocess.run(["tar", "-x", "-C", str(base)], input=archive.stdout, check=True)
        folders = [folder for folder, gold in CORPORA.values() if gold.exists()]
        then_s, now_s, docs = time_per_document(folders, [base, ROOT])
        ms_now, ms_then = 1000 * now_s / docs, 1000 * then_s / docs
        print(
            f"\nTime per document, from text already read ({docs} documents, CPU time, each the fastest of 5 runs)\n"
        )
        print(table([
            {"revision": f"baseline {args.baseline}", "ms per document": f"{ms_then:.2f}", "ratio": "1.00"},
            {"revision": "this checkout", "ms per document": f"{ms_now:.2f}", "ratio": f"{ms_now / ms_then:.2f}"},
        ]))  # fmt: skip


if __name__ == "__main__":
    main()
