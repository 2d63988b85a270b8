"""The extractor scored on the real documents of ../shared/corpus/real with the shared scorer, at
the floors of issue #10. The documents stay outside the repository: the test reads them from beside
the checkout (CI lays shared/ there) and is skipped, with the reason, where they are absent."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ingest.extract import extract_paths

REAL = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "real"
SCORER = REAL.parents[1] / "tools" / "score_extraction.py"

FLOORS = {
    "ref_f1": 0.98,
    "rel": 0.95,
    "ref_level": 0.95,
    "self_number": 0.95,
    "self_doc_type": 0.95,
    "self_level": 0.95,
    "self_date": 0.93,
    "self_province": 0.93,
}

pytestmark = pytest.mark.skipif(
    not (REAL / "gold.jsonl").exists() or not SCORER.exists(),
    reason=f"the real documents and the scorer are not beside the checkout ({REAL})",
)


def test_real_documents_meet_the_floors(tmp_path: Path) -> None:
    pred = tmp_path / "pred.jsonl"
    with pred.open("w", encoding="utf-8") as out:
        for ex in extract_paths([REAL / "docs"]):
            assert hasattr(ex, "to_json"), ex  # every real document is read
            out.write(json.dumps(ex.to_json(), ensure_ascii=False) + "\n")
    run = subprocess.run(
        [sys.executable, str(SCORER), str(REAL / "gold.jsonl"), "-", str(pred), "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    scores = json.loads(next(line for line in run.stdout.splitlines() if line.startswith("{")))
    low = {k: scores[k] for k, floor in FLOORS.items() if scores[k] < floor}
    assert low == {}, scores
    assert scores["self_province_false_positives"] == 0  # no province invented
    assert scores["self_number_false_positives"] == 0
    assert scores["docs_missing"] == 0
