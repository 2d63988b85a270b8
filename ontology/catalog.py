"""Curated catalog of central Party and State documents that local plans cite.

Provincial and commune plans in the 57-NQ/TW lineage cite central documents that the corpus does
not contain (Nghị quyết 57-NQ/TW, 03/NQ-CP, Kế hoạch 02-KH/BCĐTW, Luật 93/2025/QH15 ...). Such a
document is still a node of the lineage graph, a root "known only by citation", and it needs full
metadata. This module loads that metadata from ``catalog.json``, shipped as package data.

Identity (see ``shared/docs/vn-conventions.md`` §1 and §6.8):

- Party numbers repeat in every committee term, so there are two ``18-NQ/TW`` (25/10/2017, khóa XII,
  on the political system; 16/6/2022, khóa XIII, on land). Administrative State numbers restart
  every year (two ``50/NQ-CP``, 2020 and 2021). A number alone is therefore not an identity:
  :meth:`Catalog.lookup` returns every entry with that number and a date (day, month or year) or a
  term narrows them.
- Numbers are compared after :func:`canonical_number`: NFC, the look-alikes Ð (U+00D0), Ɖ (U+0189)
  and ð (U+00F0) mapped to Đ/đ, dash variants mapped to ``-``, whitespace removed, case folded.
  When that finds nothing, a looser key that also drops the separators and leading zeros is tried,
  so ``57/NQ-TW`` (State separators on a Party symbol), ``57NQ/TW`` and ``3/NQ-CP`` still resolve.
- ``implements`` follows :class:`ontology.terms.Relation` ``IMPLEMENTS``: the document carries out
  or rests on the target (Thực hiện, Triển khai, Căn cứ). A reference such as ``18-NQ/TW`` is
  resolved to the most recent catalog entry with that number dated on or before the citing entry.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

from ontology.errors import LineageError
from ontology.terms import Level

__all__ = [
    "Catalog",
    "CatalogEntry",
    "CatalogError",
    "canonical_number",
    "load_catalog",
    "loose_number_key",
]

_LOOKALIKES = str.maketrans(
    {
        "\u00d0": "\u0110",  # Ð LATIN CAPITAL LETTER ETH -> Đ
        "\u0189": "\u0110",  # Ɖ LATIN CAPITAL LETTER AFRICAN D -> Đ
        "\u00f0": "\u0111",  # ð LATIN SMALL LETTER ETH -> đ
        "\u2010": "-",  # hyphen
        "\u2011": "-",  # non-breaking hyphen
        "\u2012": "-",  # figure dash
        "\u2013": "-",  # en dash
        "\u2014": "-",  # em dash
        "\u2212": "-",  # minus sign
        "\uff0f": "/",  # fullwidth solidus
    }
)
_SPACE_RE = re.compile(r"\s+")
_SEPARATOR_RE = re.compile(r"[-/.]+")
_LEADING_ZEROS_RE = re.compile(r"^0+(?=\d)")
_DMY_RE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_ISO_PREFIX_RE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_ROMAN_RE = re.compile(r"^[IVXLC]+$")
_RELATIONS = ("implements", "amends", "replaces")


class CatalogError(LineageError):
    """The catalog data is malformed, or a query argument cannot be understood."""


def canonical_number(number: str) -> str:
    """Comparison form of a document number: NFC, Đ look-alikes fixed, no spaces, case folded.

    >>> canonical_number("30/2020/N\\u00d0-CP") == canonical_number("30/2020/NĐ-CP")
    True
    >>> canonical_number(" 57 - NQ/TW ")
    '57-nq/tw'
    """
    text = unicodedata.normalize("NFC", number).translate(_LOOKALIKES)
    return _SPACE_RE.sub("", text).casefold()


def loose_number_key(number: str) -> str:
    """Separator-blind key: :func:`canonical_number` without ``-``, ``/``, ``.`` and leading zeros.

    It lets ``57/NQ-TW`` and ``57NQ/TW`` find ``57-NQ/TW`` and ``3/NQ-CP`` find ``03/NQ-CP``.

    >>> loose_number_key("57/NQ- TW") == loose_number_key("57-NQ/TW")
    True
    """
    canon = _LEADING_ZEROS_RE.sub("", canonical_number(number))
    return _SEPARATOR_RE.sub("", canon)


def _date_filter(date: str) -> str:
    """Turn a query date into an ISO prefix: ``2017``, ``2017-10`` or ``2017-10-25``.

    Accepts ISO forms and the Vietnamese day-first forms ``25/10/2017``, ``25-10-2017``.
    """
    text = date.strip()
    match = _DMY_RE.match(text)
    if match:
        day, month, year = (int(g) for g in match.groups())
        try:
            return dt.date(year, month, day).isoformat()
        except ValueError as exc:
            raise CatalogError(f"invalid date {date!r}") from exc
    if _ISO_PREFIX_RE.match(text):
        if len(text) == 10:
            try:
                dt.date.fromisoformat(text)
            except ValueError as exc:
                raise CatalogError(f"invalid date {date!r}") from exc
        return text
    raise CatalogError(f"cannot read date {date!r}; use YYYY, YYYY-MM, YYYY-MM-DD or DD/MM/YYYY")


@dataclass(frozen=True, slots=True)
class CatalogEntry:
    """One central document, identified by (number, date); ``term`` is the Party khóa."""

    number: str
    doc_type: str
    issuer: str
    level: Level
    date: str
    term: str | None
    title: str
    implements: tuple[str, ...] = ()
    amends: tuple[str, ...] = ()
    replaces: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    verified: bool = False
    tracked: bool = False  # a directive compliance teams follow (not a law, decree or circular)
    source: str = ""
    note: str = ""

    @property
    def year(self) -> int:
        """Year of the document date."""
        return int(self.date[:4])

    @property
    def canonical(self) -> str:
        """The number in comparison form (:func:`canonical_number`)."""
        return canonical_number(self.number)

    def references(self) -> Iterator[tuple[str, str]]:
        """Yield ``(relation, number)`` for every implements/amends/replaces target."""
        for relation in _RELATIONS:
            targets: tuple[str, ...] = getattr(self, relation)
            for target in targets:
                yield relation, target

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> CatalogEntry:
        """Build and validate an entry from one JSON object of ``catalog.json``."""
        try:
            number = _require_str(data, "number")
            date = _require_str(data, "date")
            level = Level(_require_str(data, "level"))
            term = data.get("term")
            entry = cls(
                number=number,
                doc_type=_require_str(data, "doc_type"),
                issuer=_require_str(data, "issuer"),
                level=level,
                date=dt.date.fromisoformat(date).isoformat(),
                term=None if term is None else str(term),
                title=_require_str(data, "title"),
                implements=_str_tuple(data, "implements"),
                amends=_str_tuple(data, "amends"),
                replaces=_str_tuple(data, "replaces"),
                topics=_str_tuple(data, "topics"),
                verified=bool(data.get("verified", False)),
                tracked=bool(data.get("tracked", False)),
                source=str(data.get("source", "")),
                note=str(data.get("note", "")),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise CatalogError(f"bad catalog entry {dict(data).get('number')!r}: {exc}") from exc
        if entry.date != date:
            raise CatalogError(f"{number}: date {date!r} is not in YYYY-MM-DD form")
        if entry.term is not None and not _ROMAN_RE.match(entry.term):
            raise CatalogError(f"{number}: term {entry.term!r} is not a Roman numeral")
        return entry


def _require_str(data: Mapping[str, Any], key: str) -> str:
    value = data[key]
    if not isinstance(value, str) or not value.strip():
        raise TypeError(f"{key} must be a non-empty string")
    return value


def _str_tuple(data: Mapping[str, Any], key: str) -> tuple[str, ...]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise TypeError(f"{key} must be a list of strings")
    return tuple(value)


class Catalog:
    """Read-only collection of :class:`CatalogEntry`, indexed by canonical and loose number.

    ``external`` holds the canonical numbers that references may point to without an entry.
    """

    __slots__ = ("_by_canonical", "_by_loose", "_entries", "external")

    def __init__(self, entries: Iterable[CatalogEntry], external: Iterable[str] = ()) -> None:
        self._entries: tuple[CatalogEntry, ...] = tuple(entries)
        self.external: frozenset[str] = frozenset(canonical_number(n) for n in external)
        self._by_canonical: dict[str, list[CatalogEntry]] = {}
        self._by_loose: dict[str, list[CatalogEntry]] = {}
        seen: set[tuple[str, str]] = set()
        for entry in self._entries:
            key = (entry.canonical, entry.date)
            if key in seen:
                raise CatalogError(f"duplicate entry {entry.number} of {entry.date}")
            seen.add(key)
            self._by_canonical.setdefault(entry.canonical, []).append(entry)
            self._by_loose.setdefault(loose_number_key(entry.number), []).append(entry)

    @classmethod
    def from_json(cls, text: str) -> Catalog:
        """Parse the ``catalog.json`` format: ``{"entries": [...], "external_references": {...}}``."""
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise CatalogError(f"catalog is not valid JSON: {exc}") from exc
        if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
            raise CatalogError("catalog must be an object with an 'entries' list")
        external = data.get("external_references", {})
        if not isinstance(external, (dict, list)):
            raise CatalogError("'external_references' must be an object or a list")
        entries = [CatalogEntry.from_mapping(item) for item in data["entries"]]
        return cls(entries, external=[str(n) for n in external])

    @property
    def entries(self) -> tuple[CatalogEntry, ...]:
        """All entries, in file order."""
        return self._entries

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[CatalogEntry]:
        return iter(self._entries)

    def __contains__(self, number: object) -> bool:
        return isinstance(number, str) and bool(self.lookup(number))

    def lookup(self, number: str, date: str | None = None, *, term: str | None = None) -> list[CatalogEntry]:
        """Entries whose number matches ``number``, optionally narrowed by date and term.

        ``date`` may be a day (``2017-10-25`` or ``25/10/2017``), a month (``2017-10``) or a year
        (``2017``); ``term`` is a khóa such as ``"XII"``. Results are sorted by date.
        """
        found = self._by_canonical.get(canonical_number(number))
        if not found:
            found = self._by_loose.get(loose_number_key(number), [])
        result = list(found)
        if date is not None:
            prefix = _date_filter(date)
            result = [e for e in result if e.date.startswith(prefix)]
        if term is not None:
            wanted = term.strip().upper()
            result = [e for e in result if e.term == wanted]
        return sorted(result, key=lambda e: e.date)

    def get(self, number: str, date: str | None = None, *, term: str | None = None) -> CatalogEntry | None:
        """The single entry matching ``number`` (and date/term), or None when none or several match."""
        found = self.lookup(number, date, term=term)
        return found[0] if len(found) == 1 else None

    def resolve(self, number: str, as_of: str | None = None) -> CatalogEntry | None:
        """The entry a citation of ``number`` most plausibly means.

        A unique match is returned as is. When several entries share the number, the most recent
        one dated on or before ``as_of`` (an ISO date, usually the citing document's) is chosen;
        without ``as_of`` an ambiguous number gives None.
        """
        found = self.lookup(number)
        if len(found) == 1:
            return found[0]
        if as_of is None:
            return None
        earlier = [e for e in found if e.date <= as_of]
        return earlier[-1] if earlier else None

    def chain(
        self,
        number: str,
        date: str | None = None,
        *,
        relations: Iterable[str] = ("implements",),
    ) -> list[CatalogEntry]:
        """Everything the document implements, transitively, nearest first (breadth-first).

        ``relations`` may add ``"amends"`` and ``"replaces"``. If ``number`` matches several
        entries and no ``date`` narrows it, the chains of all of them are merged. References that
        are not in the catalog are skipped.
        """
        wanted = tuple(relations)
        unknown = set(wanted) - set(_RELATIONS)
        if unknown:
            raise CatalogError(f"unknown relation(s): {sorted(unknown)}")
        start = self.lookup(number, date)
        seen: set[tuple[str, str]] = {(e.canonical, e.date) for e in start}
        result: list[CatalogEntry] = []
        queue = list(start)
        while queue:
            current = queue.pop(0)
            for relation, target_number in current.references():
                if relation not in wanted:
                    continue
                target = self.resolve(target_number, as_of=current.date)
                if target is None:
                    continue
                key = (target.canonical, target.date)
                if key in seen:
                    continue
                seen.add(key)
                result.append(target)
                queue.append(target)
        return result

    def unresolved_references(self) -> list[tuple[CatalogEntry, str, str]]:
        """``(entry, relation, number)`` for references neither in the catalog nor declared external."""
        missing: list[tuple[CatalogEntry, str, str]] = []
        for entry in self._entries:
            for relation, target in entry.references():
                if (
                    self.resolve(target, as_of=entry.date) is None
                    and canonical_number(target) not in self.external
                ):
                    missing.append((entry, relation, target))
        return missing


@functools.cache
def load_catalog() -> Catalog:
    """The packaged catalog (``ontology/catalog.json``), parsed once and cached."""
    text = resources.files("ontology").joinpath("catalog.json").read_text(encoding="utf-8")
    return Catalog.from_json(text)
