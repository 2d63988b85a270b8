"""Gap records: the closed set of gap kinds, reasons as a code with parameters, and one row shape.

Both backends (``graph.gaps`` over the embedded store, ``graph.neo4j_store`` over Cypher) build
every row with :meth:`Gap.of_document`, so a row has one shape whichever backend answered. A
reason is never a sentence: it is a :class:`ReasonCode` and its parameters (document numbers,
dates, day counts, unit names), and each face renders it in Vietnamese or English
(``viz.i18n.reason_text``). Nothing parses a reason's words back.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

__all__ = [
    "DOCUMENT_GAP_KINDS",
    "Gap",
    "GapKind",
    "Reason",
    "ReasonCode",
    "gap_order",
]


class GapKind(StrEnum):
    """What is missing. ``UNIT_COVERAGE`` rows (a unit with no document carrying out a tracked
    directive) are counted and shown apart from the seven document gaps."""

    NO_BASIS = "no_basis"
    BASIS_MISSING = "basis_missing"
    CHAIN_BROKEN = "chain_broken"
    NO_REPORT = "no_report"
    REPORT_OVERDUE = "report_overdue"
    REPORT_WITHOUT_PLAN = "report_without_plan"
    URGED_NO_RESPONSE = "urged_no_response"
    UNIT_COVERAGE = "unit_coverage"


# The gaps of documents: every kind but unit coverage, in the order rows are listed.
DOCUMENT_GAP_KINDS: tuple[GapKind, ...] = tuple(k for k in GapKind if k is not GapKind.UNIT_COVERAGE)


class ReasonCode(StrEnum):
    """Why a row is a gap. The parameters each code carries are listed beside it."""

    PLAN_WITHOUT_BASIS = "plan_without_basis"  # —
    BASIS_AMBIGUOUS = "basis_ambiguous"  # basis: the cited number
    BASIS_NOT_INGESTED = "basis_not_ingested"  # basis
    CHAIN_NOT_CENTRAL = "chain_not_central"  # —
    NO_REPORT_BY_DEADLINE = "no_report_by_deadline"  # due, deadline: the report deadline read
    NO_REPORT_AFTER_DATE = "no_report_after_date"  # due, days, since: the plan's own date
    NO_REPORT_AFTER_CITED = "no_report_after_cited"  # due, days, since: the latest cited date
    NO_REPORT_UNDATED = "no_report_undated"  # — (no date to count from)
    REPORT_NOT_RECEIVED = "report_not_received"  # due, assignee ("" when none was read)
    REPORT_WITHOUT_PLAN = "report_without_plan"  # subject: the number reported on
    URGED_NO_RESPONSE = "urged_no_response"  # directive, recipients (a list, may be empty)
    PROVINCE_NOT_COVERED = "province_not_covered"  # directive, unit: the province
    UNIT_NOT_COVERED = "unit_not_covered"  # directive, unit: the commune or department


type ParamValue = str | int | tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Reason:
    """A reason code and its parameters (kept sorted by name, so equal reasons compare equal)."""

    code: ReasonCode
    params: tuple[tuple[str, ParamValue], ...] = ()

    @classmethod
    def of(cls, code: ReasonCode, **params: ParamValue | Sequence[str]) -> "Reason":
        items = {k: (v if isinstance(v, str | int) else tuple(v)) for k, v in params.items()}
        return cls(code, tuple(sorted(items.items())))

    def get(self, name: str, default: ParamValue = "") -> ParamValue:
        return dict(self.params).get(name, default)

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code.value,
                "params": {k: list(v) if isinstance(v, tuple) else v for k, v in self.params}}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Gap:
    """One gap row: the document it is about (for unit coverage, the directive), the unit and
    province it is counted under (current province and the one at issue), and why."""

    kind: GapKind
    document: str
    reason: Reason
    source: str | None = None
    number: str | None = None
    doc_type: str | None = None
    title: str | None = None
    date: str | None = None
    province: str | None = None
    province_at_issue: str | None = None
    unit: str | None = None
    unit_level: str | None = None
    level: str | None = None
    due: str | None = None
    assignee: str | None = None
    related: tuple[str, ...] = ()
    evidence: tuple[Mapping[str, Any], ...] = ()

    @classmethod
    def of_document(
        cls,
        kind: GapKind | str,
        key: str,
        attrs: Mapping[str, Any],
        reason: Reason,
        evidence: Iterable[Mapping[str, Any]] = (),
        *,
        due: str | None = None,
        assignee: str | None = None,
        related: str | Iterable[str] = (),
        unit: str | None = None,
        unit_level: str | None = None,
        province: str | None = None,
    ) -> "Gap":
        """The one constructor of gap rows, from a document's key and attributes (``sources`` a
        list, as in the embedded graph). Unit coverage rows name the unit and province they count
        under (``unit``, ``unit_level``, ``province``); their province at issue is empty."""
        sources = attrs.get("sources") or ()
        coverage = unit_level is not None
        return cls(
            kind=kind if isinstance(kind, GapKind) else GapKind(kind),
            document=key,
            reason=reason,
            source=sources[0] if sources else None,
            number=attrs.get("number"),
            doc_type=attrs.get("doc_type"),
            title=attrs.get("title"),
            date=attrs.get("date"),
            province=province if coverage else attrs.get("province"),
            province_at_issue=None if coverage else attrs.get("province_at_issue"),
            unit=unit if coverage else attrs.get("issuer"),
            unit_level=unit_level,
            level=attrs.get("level"),
            due=due,
            assignee=assignee,
            related=(related,) if isinstance(related, str) else tuple(related),
            evidence=tuple(dict(e) for e in evidence),
        )

    def to_json(self) -> dict[str, Any]:
        """The row as JSON: the reason as ``{"code", "params"}``; faces add the rendered text."""
        return {
            "kind": self.kind.value,
            "document": self.document,
            "source": self.source,
            "number": self.number,
            "doc_type": self.doc_type,
            "title": self.title,
            "date": self.date,
            "province": self.province,
            "province_at_issue": self.province_at_issue,
            "unit": self.unit,
            "unit_level": self.unit_level,
            "level": self.level,
            "due": self.due,
            "assignee": self.assignee,
            "related": list(self.related),
            "reason": self.reason.to_json(),
            "evidence": [dict(e) for e in self.evidence],
        }


_KIND_ORDER = {k: i for i, k in enumerate(GapKind)}


def gap_order(row: Gap) -> tuple[int, str, str, tuple[str, ...], str]:
    """The order gap rows are listed in, by every backend: kind, province, document, related, unit."""
    return _KIND_ORDER[row.kind], row.province or "", row.document, row.related, row.unit or ""
