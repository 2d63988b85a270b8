"""What to generate, and the calendar that keeps the corpus gap-free except where a gap is planted.

Dates: documents of old units (old provinces, districts) lie before 1 July 2025 (``LEGACY_END``);
every other ordinary document lies before ``as_of - 60 days`` (``Timeline.cutoff``); only planted
urging letters are later, so nothing can answer them. ``SITUATIONS`` lists the planted situations
and the gap rows each yields (``testkit.synth.planted``).
"""

import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path

__all__ = ["DAY", "LEGACY_END", "REFORM", "SITUATIONS", "D", "Settings", "Timeline", "between"]

DAY = dt.timedelta(days=1)
D = dt.date
REFORM = D(2025, 7, 1)
LEGACY_END = D(2025, 6, 28)

# Planted situations, in the order they are cycled through. Each yields the gap rows listed.
SITUATIONS: dict[str, tuple[str, ...]] = {
    "no_basis": ("no_basis",),
    "basis_missing": ("basis_missing",),
    "no_report": ("no_report",),
    "report_overdue": ("no_report", "report_overdue"),
    "report_overdue_request": ("report_overdue",),
    "report_without_plan": ("report_without_plan",),
    "urged_no_response": ("urged_no_response",),
    "chain_broken": ("chain_broken",),
}


@dataclass(frozen=True, slots=True)
class Settings:
    """What to generate."""

    out: Path
    seed: int
    scale: int
    as_of: dt.date
    formats: tuple[str, ...]
    gap_rate: float
    mess: float


class Timeline:
    """The date windows that keep the corpus gap-free except where a gap is planted."""

    def __init__(self, as_of: dt.date) -> None:
        if as_of < D(2026, 4, 1):
            msg = f"as_of {as_of.isoformat()} is too early: the corpus runs from January 2025 and needs as_of >= 2026-04-01"
            raise ValueError(msg)
        self.as_of = as_of
        self.cutoff = as_of - 60 * DAY  # latest ordinary document
        self.recent_from = as_of - 165 * DAY  # a plan from here on is not yet due a report (180 days)
        self.stale_before = as_of - 200 * DAY  # a plan before this is overdue a report
        self.late_from = as_of - 45 * DAY  # planted urging letters
        self.late_to = as_of - 10 * DAY


def between(rng: random.Random, a: dt.date, b: dt.date) -> dt.date:
    """A day drawn from ``a`` to ``b`` (``a`` when the window is empty)."""
    if b <= a:
        return a
    return a + rng.randint(0, (b - a).days) * DAY
