"""Directive coverage: which units have a document carrying out each tracked directive.

A **directive** is what compliance teams follow: the catalog marks them (``tracked`` in
``ontology/catalog.json``: Party resolutions, directives and conclusions of central bodies,
Government action programmes, the Prime Minister's directives and programme decisions, central
steering-committee plans); laws, decrees and circulars are legal bases, not directives. An
operator adds more (``GapOptions.tracked``) or asks about some only (``GapOptions.directives``,
by key or by number: ``57-NQ/TW``).

Coverage is a table: for each directive and each province, one cell for the province, one per
commune of the official unit list and one per provincial department; a cell is covered when an
ingested document of that unit implements the directive through any chain. Both backends hand
the same facts (the implementers of each directive, :class:`Implementer`) to :func:`coverage_cells`,
and the ``unit_coverage`` gap rows are the uncovered cells (:func:`coverage_gaps`): counted and
shown apart from the document gaps.
"""

import functools
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from vietnam_provinces import Province, Ward

from graph.errors import NodeNotFound
from ingest.gazetteer import current_province_name, fold, plain_province_name
from ontology.catalog import canonical_number, load_catalog
from ontology.gaps import Gap, GapKind, Reason, ReasonCode
from ontology.units import PROVINCIAL_DEPARTMENTS

__all__ = [
    "CoverageCell",
    "Implementer",
    "coverage_cells",
    "coverage_gaps",
    "coverage_totals",
    "directives_asked",
    "is_tracked",
]


@dataclass(frozen=True, slots=True)
class Implementer:
    """An ingested document implementing a directive (directly or through a chain), as the
    coverage needs it: folded province, level, folded locality and issuer."""

    key: str
    province: str
    level: str | None
    locality: str
    issuer: str


@dataclass(frozen=True, slots=True)
class CoverageCell:
    """One directive × one unit of one current province: the documents of the unit covering it."""

    directive: str
    province: str
    unit: str
    unit_level: str  # "province", "commune" or "department"
    covering: tuple[str, ...]

    @property
    def covered(self) -> bool:
        return bool(self.covering)


def is_tracked(attrs: Mapping[str, Any]) -> bool:
    """A central document the catalog marks as a tracked directive (same number, a date that fits)."""
    number = attrs.get("number")
    if attrs.get("level") != "central" or not number:
        return False
    entries = load_catalog().lookup(number, attrs.get("date"))
    return any(e.tracked for e in entries)


def directives_asked(
    central: Iterable[tuple[str, Mapping[str, Any]]],
    implemented: Collection[str],
    asked: Sequence[str] = (),
    tracked: Sequence[str] = (),
) -> list[str]:
    """The directive keys a coverage question is about, from the graph's central documents (key,
    attributes) and those of them that something implements. ``asked`` (keys or numbers) limits
    the question to those; otherwise the catalog's tracked directives and the operator's
    ``tracked`` (keys or numbers) are taken, when something in the store implements them (a
    directive only cited in passing is no coverage question). A name that matches no document is
    an error (NodeNotFound) naming it."""
    docs = dict(central)
    by_number: dict[str, list[str]] = {}
    for key, a in docs.items():
        if a.get("number"):
            by_number.setdefault(canonical_number(a["number"]), []).append(key)

    def resolve(names: Sequence[str]) -> set[str]:
        found: set[str] = set()
        for name in names:
            keys = [name] if name in docs else by_number.get(canonical_number(name), [])
            if not keys:
                msg = f"unknown directive {name!r}: no central document with that key or number in the store"
                raise NodeNotFound(msg)
            found.update(keys)
        return found

    if asked:
        return sorted(resolve(asked))
    return sorted(
        k for k in {k for k, a in docs.items() if is_tracked(a)} | resolve(tracked) if k in implemented
    )


@functools.cache
def _units(province: str) -> tuple[tuple[str, ...], str]:
    """The communes of a current province (official list) and its code."""
    prov = next(p for p in Province.iter_all() if plain_province_name(p.name) == province)
    return tuple(str(w.name) for w in Ward.iter_by_province(prov.code)), str(prov.code)


def _provinces(asked: str | None) -> list[str]:
    names = [plain_province_name(p.name) for p in Province.iter_all()]
    if asked is None:
        return names
    want = fold(current_province_name(asked) or asked)
    return [p for p in names if fold(p) == want]


def coverage_cells(
    directives: Sequence[str], implementers: Mapping[str, Iterable[Implementer]], province: str | None = None
) -> list[CoverageCell]:
    """The coverage table of ``directives`` in one province (current or old name) or in all 34:
    per directive and province, the province's cell, then its communes', then its departments'."""
    cells: list[CoverageCell] = []
    departments = [(name, re.compile(pattern)) for name, pattern in PROVINCIAL_DEPARTMENTS]
    for d in directives:
        by_province: dict[str, list[Implementer]] = {}
        for i in implementers.get(d, ()):
            by_province.setdefault(i.province, []).append(i)
        for p in _provinces(province):
            mine = by_province.get(fold(p), [])
            cells.append(CoverageCell(d, p, p, "province", tuple(sorted(i.key for i in mine))))
            communes, _ = _units(p)
            by_commune: dict[str, list[str]] = {}
            for i in mine:
                if i.level == "commune":
                    by_commune.setdefault(i.locality, []).append(i.key)
            for c in communes:
                cells.append(CoverageCell(d, p, c, "commune", tuple(sorted(by_commune.get(fold(c), [])))))
            provincial = [i for i in mine if i.level == "province"]
            for name, pattern in departments:
                keys = tuple(sorted(i.key for i in provincial if pattern.search(i.issuer)))
                cells.append(CoverageCell(d, p, name, "department", keys))
    return cells


def coverage_gaps(
    cells: Iterable[CoverageCell], directive_attrs: Mapping[str, Mapping[str, Any]]
) -> list[Gap]:
    """The ``unit_coverage`` gap rows: one per uncovered cell, about the directive."""
    out = []
    for c in cells:
        if c.covered:
            continue
        a = directive_attrs[c.directive]
        code = ReasonCode.PROVINCE_NOT_COVERED if c.unit_level == "province" else ReasonCode.UNIT_NOT_COVERED
        reason = Reason.of(code, directive=a.get("number") or c.directive, unit=c.unit)
        out.append(Gap.of_document(GapKind.UNIT_COVERAGE, c.directive, a, reason,
                                   province=c.province, unit=c.unit, unit_level=c.unit_level))  # fmt: skip
    return out


def coverage_totals(cells: Iterable[CoverageCell]) -> dict[str, dict[str, dict[str, int]]]:
    """Per directive and unit level: cells covered and in total (the summary ratio)."""
    out: dict[str, dict[str, dict[str, int]]] = {}
    for c in cells:
        t = out.setdefault(c.directive, {}).setdefault(c.unit_level, {"covered": 0, "total": 0})
        t["total"] += 1
        t["covered"] += c.covered
    return out
