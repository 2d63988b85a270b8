"""The extractor scored on the project's own gold corpus (corpus/extraction, 52 documents of
every level, kind and format), with the acceptance thresholds of issue #2. The metrics are those of
shared/tools/score_extraction.py."""

import json
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from ingest.extract import extract_file
from tests.conftest import CORPUS, SEEDS, load_gold


def canon(number: str | None) -> str | None:
    if not number:
        return None
    s = unicodedata.normalize("NFC", number).replace("\u00d0", "Đ")
    return "".join(s.split()).upper()


def score(folder: Path) -> dict[str, float]:
    gold = load_gold(folder / "gold.jsonl")
    tp = fp = fn = 0
    counts: dict[str, list[int]] = {
        k: [0, 0] for k in ("rel", "ref_level", "number", "doc_type", "level", "date", "province")
    }
    for name, g in gold.items():
        pred = extract_file(folder / name).to_json()
        gold_refs = {canon(r["number"]): r for r in g["references"]}
        pred_refs = {canon(r["number"]): r for r in pred["references"]}
        tp += len(gold_refs.keys() & pred_refs.keys())
        fn += len(gold_refs.keys() - pred_refs.keys())
        fp += len(pred_refs.keys() - gold_refs.keys())
        for k in gold_refs.keys() & pred_refs.keys():
            gr, pr = gold_refs[k], pred_refs[k]
            ok = set(gr.get("relations", [])) | set(gr.get("alt", []))
            counts["rel"][0] += pr["relation"] in ok
            counts["rel"][1] += 1
            if gr.get("level"):
                counts["ref_level"][0] += pr["level"] == gr["level"]
                counts["ref_level"][1] += 1
        gd, pd = g["document"], pred["document"]
        for k in ("number", "doc_type", "level", "date"):
            if gd.get(k):
                counts[k][0] += (canon(pd.get(k)) == canon(gd[k])) if k == "number" else pd.get(k) == gd[k]
                counts[k][1] += 1
        if gd.get("province_at_issue"):
            counts["province"][0] += pd.get("province_at_issue") == gd["province_at_issue"]
            counts["province"][1] += 1
    p, r = tp / (tp + fp), tp / (tp + fn)
    out = {"ref_f1": 2 * p * r / (p + r)}
    out.update({k: a / b for k, (a, b) in counts.items() if b})
    return out


THRESHOLDS = {"ref_f1": 0.97, "rel": 0.95, "ref_level": 0.95, "number": 0.95, "doc_type": 0.95, "level": 0.95,
              "date": 0.9, "province": 0.9}  # fmt: skip


@pytest.mark.parametrize("folder", [CORPUS, SEEDS], ids=["corpus", "seeds"])
def test_scores_meet_the_thresholds(folder: Path) -> None:
    got = score(folder)
    low = {k: round(v, 4) for k, v in got.items() if v < THRESHOLDS[k]}
    assert low == {}, json.dumps(got)


def test_corpus_covers_every_level_and_format() -> None:
    gold: dict[str, Any] = load_gold(CORPUS / "gold.jsonl")
    assert len(gold) >= 40
    assert {g["document"]["level"] for g in gold.values()} >= {"central", "province", "district", "commune"}
    assert {Path(n).suffix for n in gold} >= {".txt", ".md", ".docx", ".pdf", ".html"}
