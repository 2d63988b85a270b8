"""One province's answer for one date: the model every face renders.

:func:`province_reports` composes, from any backend, what a province report shows: the province's
summary (documents, links, levels, months), its document gaps (the seven kinds), its directive
coverage table and the ``unit_coverage`` rows of the uncovered cells, and the store snapshot with
the date asked. The CLI (``lineage report``, ``lineage gaps``, ``lineage demo``), the API
(``/provinces``, ``/provinces/{p}/report``) and the reports (HTML, XLSX, DOCX, JSON, the index) all
take their figures from here, so the same province and date give the same totals everywhere
(:meth:`ProvinceReport.totals`), and the same count of gaps a person confirmed, machine-read and
machine-read of low confidence (:meth:`ProvinceReport.review_totals`, ``graph.review_state``).
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from graph.coverage import CoverageCell, coverage_totals
from graph.gapdata import GapGraph
from graph.gaps import GapOptions, check_options
from graph.records import Snapshot
from graph.review_state import MACHINE_READ, RowId, RowReview, review_counts, review_states, row_id
from graph.views import current_provinces, province_summary
from ingest.gazetteer import current_province_name, fold
from ontology.gaps import Gap, GapKind
from ontology.review import LOW_CONFIDENCE

__all__ = ["TOTALS", "ProvinceReport", "ReportSnapshot", "province_reports", "unknown_totals"]

# The figures every face shows for a province (``ProvinceReport.totals``).
TOTALS = ("documents", "edges", "gaps", "uncovered_units")


class ReportSnapshot(Snapshot):
    """The store snapshot a report was made from, with the date it was asked for."""

    as_of: str


@dataclass(frozen=True, slots=True)
class ProvinceReport:
    """What one province's report says, as of ``as_of`` (ISO date)."""

    province: str
    as_of: str
    summary: dict[str, Any]
    gaps: tuple[Gap, ...]  # document gaps, every kind but unit coverage
    coverage: tuple[CoverageCell, ...]  # directive × unit cells of the province
    coverage_gaps: tuple[Gap, ...]  # the uncovered cells as unit_coverage rows
    snapshot: ReportSnapshot
    directives: dict[str, dict[str, Any]]  # key → number, doc_type, title, date of each directive
    # Whether a person confirmed what each document gap rests on (``graph.review_state``).
    review: Mapping[RowId, RowReview] = field(default_factory=dict)

    def review_of(self, row: Gap) -> RowReview:
        """The review state of one of the report's rows (machine-read when none was computed)."""
        return self.review.get(row_id(row), MACHINE_READ)

    def review_totals(self) -> dict[str, int]:
        """The document gaps by review state (confirmed, machine_read, low_confidence): every face
        says these counts, and they add up to ``totals()["gaps"]``."""
        return review_counts(self.review_of(g) for g in self.gaps)

    def totals(self) -> dict[str, int]:
        """The figures every face shows: documents, links, document gaps, and apart from them the
        coverage cells (units × directives) covered, in total and uncovered."""
        covered = sum(c.covered for c in self.coverage)
        return {
            "documents": int(self.summary["documents"]),
            "edges": int(self.summary["edges"]),
            "gaps": len(self.gaps),
            "uncovered_units": len(self.coverage_gaps),
            "coverage_cells": len(self.coverage),
            "covered_cells": covered,
        }

    def to_json(self) -> dict[str, Any]:
        """The model as JSON (``GET /provinces/{p}/report?format=json``); reasons as codes."""
        return {
            "province": self.province,
            "as_of": self.as_of,
            "totals": self.totals(),
            "summary": self.summary,
            "review": {"totals": self.review_totals(), "low_confidence_below": LOW_CONFIDENCE},
            "gaps": [{**g.to_json(), "review": self.review_of(g).to_json()} for g in self.gaps],
            "coverage": {
                "totals": coverage_totals(self.coverage),
                "cells": [
                    {
                        "directive": c.directive,
                        "unit": c.unit,
                        "unit_level": c.unit_level,
                        "covered": c.covered,
                        "covering": list(c.covering),
                    }
                    for c in self.coverage
                ],
            },
            "coverage_gaps": [g.to_json() for g in self.coverage_gaps],
            "directives": self.directives,
            "snapshot": self.snapshot,
        }


def province_reports(
    store: Any, opts: GapOptions, provinces: Sequence[str] | None = None
) -> list[ProvinceReport]:
    """The reports of ``provinces`` (current or old names; default all 34; an old name gives its
    current province, once) for the date and directives of ``opts`` (its kinds and province are
    set here). One gap and coverage query serves them all: for one province it is asked for
    that province, otherwise nationally."""
    names = list(provinces) if provinces is not None else [p["name"] for p in current_provinces()]
    current: list[str] = []
    for name in names:
        c = current_province_name(name)
        if c is None:
            check_options(replace(opts, province=name))  # raises the error that names it
        elif c not in current:
            current.append(c)
    asked = replace(opts, kinds=tuple(k.value for k in GapKind),
                    province=current[0] if len(current) == 1 else None)  # fmt: skip
    data = store.scope(asked.province)
    gaps = store.gaps(asked)
    cells = store.coverage(asked)
    stored: Snapshot = store.snapshot()
    snapshot: ReportSnapshot = {**stored, "as_of": opts.as_of}
    directives = {
        d: {f: data.node[d].get(f) for f in ("number", "doc_type", "title", "date")}
        for d in sorted({c.directive for c in cells})
    }
    by_province: dict[str, list[Gap]] = {}
    for g in gaps:
        by_province.setdefault(fold(g.province or ""), []).append(g)
    cells_of: dict[str, list[CoverageCell]] = {}
    for c in cells:
        cells_of.setdefault(fold(c.province), []).append(c)
    asked_rows = [g for name in current for g in by_province.get(fold(name), [])]
    # Whether a person confirmed each document gap: read once for every province asked.
    reviews = review_states(store, [g for g in asked_rows if g.kind is not GapKind.UNIT_COVERAGE])
    out = []
    for name in current:
        mine = by_province.get(fold(name), [])
        documents = tuple(g for g in mine if g.kind is not GapKind.UNIT_COVERAGE)
        coverage = tuple(g for g in mine if g.kind is GapKind.UNIT_COVERAGE)
        out.append(ProvinceReport(name, opts.as_of, province_summary(data, list(documents), name), documents,
                                  tuple(cells_of.get(fold(name), [])), coverage, snapshot, directives,
                                  {row_id(g): reviews[row_id(g)] for g in documents}))  # fmt: skip
    return out


def unknown_totals(data: GapGraph, gaps: Sequence[Gap]) -> dict[str, int]:
    """The figures of the documents whose province could not be read ("province unknown"), from a
    scope that holds them (``Store.scope("unknown")``): they are kept, never guessed, and counted
    on a line of their own."""
    docs = [n for n, _ in data.documents_of("")]
    return {
        "documents": len(docs),
        "edges": sum(data.out_degree(n) for n in docs),
        "gaps": sum(1 for g in gaps if not g.province and g.kind is not GapKind.UNIT_COVERAGE),
        "uncovered_units": 0,
    }
