"""Dates as Vietnamese documents write them, with precision and validity (vn-conventions §5.4).

Three spellings: ``22/12/2024`` (State prose), ``22-12-2024`` (Party prose) and
``ngày 22 tháng 12 năm 2024``. A blank day or month (a draft dated by hand) keeps month or year
precision; an impossible date (``32 tháng 4 năm 2024``) is reported as invalid, never repaired.
"""

import datetime as dt
import re
from dataclasses import dataclass

from ingest.records import DateValue

__all__ = ["DATE_PATTERN", "ParsedDate", "parse_date_at", "to_date_value"]

_BLANK = r"[ \t.…_]*"
DATE_WORDS = rf"ngày[ \t]*(?P<wd>\d{{1,2}})?{_BLANK}\s*tháng[ \t]*(?P<wm>\d{{1,2}})?{_BLANK}\s*năm\s*(?P<wy>(?:19|20)\d\d)"
DATE_NUM = r"(?<![\d/.-])(?P<nd>\d{1,2})[ \t]*(?P<sep>[/.-])[ \t]*(?P<nm>\d{1,2})[ \t]*(?P=sep)[ \t]*(?P<ny>(?:19|20)\d\d)(?![\d/])"
DATE_PATTERN = re.compile(rf"(?:{DATE_WORDS})|(?:{DATE_NUM})", re.I)


@dataclass(frozen=True, slots=True)
class ParsedDate:
    """A date found in text: its value (None when invalid), the raw text and its span."""

    value: DateValue | None
    raw: str
    start: int
    end: int
    invalid: bool


def to_date_value(day: int | None, month: int | None, year: int) -> DateValue | None:
    """Build a date with its precision; None when the day or month is impossible.

    >>> to_date_value(10, 3, 2025).iso, to_date_value(None, 12, 2025).iso, to_date_value(None, None, 2025).iso
    ('2025-03-10', '2025-12', '2025')
    >>> to_date_value(32, 4, 2024) is None
    True
    """
    if month is None:
        return DateValue(f"{year:04d}", "year")
    if not 1 <= month <= 12:
        return None
    if day is None:
        return DateValue(f"{year:04d}-{month:02d}", "month")
    try:
        return DateValue(dt.date(year, month, day).isoformat(), "day")
    except ValueError:
        return None


def _value(m: re.Match[str]) -> tuple[DateValue | None, bool]:
    if m.group("wy"):
        d, mo, y = m.group("wd"), m.group("wm"), int(m.group("wy"))
        if mo is None and d is not None:
            return None, True
    else:
        d, mo, y = m.group("nd"), m.group("nm"), int(m.group("ny"))
    value = to_date_value(int(d) if d else None, int(mo) if mo else None, y)
    return value, value is None


def parse_date_at(text: str, pos: int = 0, endpos: int | None = None) -> ParsedDate | None:
    """Parse the first date in ``text[pos:endpos]``.

    >>> parse_date_at("ngày 22-12-2024 của").value.iso
    '2024-12-22'
    >>> parse_date_at("ngày    tháng 12 năm 2025").value.iso
    '2025-12'
    >>> parse_date_at("ngày 32 tháng 4 năm 2024").invalid
    True
    """
    m = DATE_PATTERN.search(text, pos, len(text) if endpos is None else endpos)
    if not m:
        return None
    value, invalid = _value(m)
    return ParsedDate(value, m.group(0), m.start(), m.end(), invalid)
