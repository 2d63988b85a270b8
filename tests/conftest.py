"""Shared test fixtures: paths to the seed corpus and the project's own gold corpus (both in the
top-level ``corpus/`` data folder, which the demo reads too)."""

import json
from pathlib import Path
from typing import Any

import pytest

TESTS = Path(__file__).parent
SEEDS = TESTS.parent / "corpus" / "seeds"
CORPUS = TESTS.parent / "corpus" / "extraction"


def load_gold(path: Path) -> dict[str, dict[str, Any]]:
    rows = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    return {row["file"]: row for row in rows}


@pytest.fixture(scope="session")
def seed_gold() -> dict[str, dict[str, Any]]:
    return load_gold(SEEDS / "gold.jsonl")


def first_reached(answer: dict[str, Any], limit: int) -> set[str]:
    """The first ``limit`` documents a lineage walk reached, read from its edges (in walk order)."""
    reached = [answer["root"]]
    for e in answer["edges"]:
        other = e["target"] if answer["direction"] == "up" else e["source"]
        if other not in reached:
            reached.append(other)
    return set(reached[:limit])
