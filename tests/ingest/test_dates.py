"""Tests for ingest.dates: three spellings, blank days, invalid dates."""

import pytest

from ingest.dates import parse_date_at


@pytest.mark.parametrize(
    ("text", "iso", "precision"),
    [
        ("ngày 22/12/2024", "2024-12-22", "day"),  # State prose
        ("ngày 22-12-2024", "2024-12-22", "day"),  # Party prose
        ("ngày 22 tháng 12 năm 2024", "2024-12-22", "day"),  # full words
        ("ngày 04/4/2025", "2025-04-04", "day"),  # no leading zero
        ("ngày    tháng 12 năm 2025", "2025-12", "month"),  # blank day
        ("ngày … tháng … năm 2025", "2025", "year"),  # blank day and month
        ("ngày 22.12.2024", "2024-12-22", "day"),
    ],
)
def test_dates(text: str, iso: str, precision: str) -> None:
    d = parse_date_at(text)
    assert d is not None and d.value is not None
    assert (d.value.iso, d.value.precision) == (iso, precision)


@pytest.mark.parametrize("text", ["ngày 32 tháng 4 năm 2024", "ngày 31/02/2024", "ngày 10 tháng 13 năm 2025"])
def test_invalid_dates_are_flagged_not_repaired(text: str) -> None:
    d = parse_date_at(text)
    assert d is not None and d.value is None and d.invalid


def test_month_first_is_never_assumed() -> None:
    d = parse_date_at("ngày 03/10/2025")
    assert d is not None and d.value is not None and d.value.iso == "2025-10-03"
