"""The gap rules in Cypher: the Neo4j backend's copy of ``graph.gaps``, rule for rule.

On ArcadeDB these run faster than the gap engine over generic reads (``docs/neo4j.md``, "Gaps";
``bench/bench_neo4j_engine.py``), so they stay; ``tests/graph/test_store_contract.py`` and
``tests/graph/test_gap_table.py`` hold them to the engine row for row. Every value is a parameter:
nothing is formatted into query text.
"""

import datetime as dt
import json
import re
from collections.abc import Iterable, Iterator
from typing import Any, Final

import neo4j

from graph.coverage import CoverageCell, Implementer, coverage_cells, coverage_gaps, directives_asked
from graph.gapdata import PLAN_TYPES, REPORT_TYPE
from graph.gaps import GapOptions
from graph.neo4j_cypher import Row, _node_attrs, _rows
from ingest.gazetteer import current_province_name, fold
from ontology.gaps import Gap, GapKind, Reason
from ontology.gaps import ReasonCode as R

__all__ = ["coverage_tx", "gaps_tx"]

# Gaps: one query per kind, mirroring graph.gaps rule for rule. A plan is an ingested document of
# a plan type below central level; a report an ingested "Báo cáo"; a unit the folded issuer and
# province. $province is the folded province asked (current or at issue), or null.
Q_NO_BASIS: Final = """
MATCH (n:Document)
WHERE n.status = 'ingested' AND n.doc_type IN $plan_types AND coalesce(n.level, '') <> 'central'
  AND ($province IS NULL OR n.province_fold = $province)
  AND NOT (n)-[:IMPLEMENTS]->()
RETURN n {.*} AS n
"""
Q_BASIS_MISSING: Final = """
MATCH (n:Document)-[e:IMPLEMENTS]->(t:Document)
WHERE n.status = 'ingested' AND n.doc_type IN $plan_types AND coalesce(n.level, '') <> 'central'
  AND ($province IS NULL OR n.province_fold = $province)
  AND t.status = 'cited' AND NOT coalesce(t.catalog, false)
RETURN n {.*} AS n, t.key AS related, t.number AS related_number, coalesce(t.ambiguous, false) AS ambiguous,
       e.evidence_json AS evidence
"""
Q_CHAIN_BROKEN: Final = """
MATCH (n:Document)
WHERE n.status = 'ingested' AND n.doc_type IN $plan_types AND coalesce(n.level, '') <> 'central'
  AND ($province IS NULL OR n.province_fold = $province)
  AND (n)-[:IMPLEMENTS]->()
OPTIONAL MATCH (n)-[:IMPLEMENTS*1..]->(u:Document)
WHERE u <> n
WITH n, collect(DISTINCT u) AS up
WHERE none(x IN up WHERE coalesce(x.level, '') = 'central')
RETURN n {.*} AS n, [x IN up | x.key] AS related
"""
Q_NO_REPORT: Final = """
MATCH (n:Document)
WHERE n.status = 'ingested' AND n.doc_type IN $plan_types AND coalesce(n.level, '') <> 'central'
  AND ($province IS NULL OR n.province_fold = $province)
  AND NOT (n)<-[:REPORTS_ON]-(:Document {status: 'ingested', doc_type: $report_type})
OPTIONAL MATCH (n)-[:IMPLEMENTS]->(b:Document)
WITH b, collect(n) AS plans
OPTIONAL MATCH (b)<-[:REPORTS_ON]-(r:Document)
WHERE r.status = 'ingested' AND r.doc_type = $report_type
WITH plans, collect(DISTINCT CASE WHEN r IS NOT NULL THEN [r.issuer_fold, r.province_fold] END) AS reporting
UNWIND plans AS n
WITH n, collect([n.issuer_fold, n.province_fold] IN reporting) AS reported
WHERE NOT true IN reported
OPTIONAL MATCH (dl:Deadline {document: n.key})
WHERE dl.report_due
WITH n, collect(dl {.*}) AS due_rows, min(dl.date_end) AS first_end
OPTIONAL MATCH (n)-->(s:Document)
WITH n, due_rows, first_end, max(s.date_start) AS cited_start
WITH n, due_rows, first_end,
     CASE WHEN coalesce(n.date, '') <> '' THEN n.date_start ELSE cited_start END AS start
WITH n, due_rows, start,
     CASE WHEN first_end IS NOT NULL THEN date(first_end)
          WHEN start IS NOT NULL THEN date(start) + duration({days: $period}) END AS due
WHERE due IS NULL OR due < date($as_of)
RETURN n {.*} AS n, due_rows, start, toString(due) AS due
"""
# Overdue deadlines are found from the deadlines nationally, from the province's documents for one
# province (both openings use an index); the rest of the rule is the same text.
_OVERDUE_NATIONAL = """
MATCH (dl:Deadline)
WHERE dl.report_due AND dl.date_end < $as_of
MATCH (n:Document {key: dl.document})
"""
_OVERDUE_PROVINCE = """
MATCH (n:Document {province_fold: $province})
MATCH (dl:Deadline {document: n.key})
WHERE dl.report_due AND dl.date_end < $as_of
"""
_OVERDUE_RULE = """
WITH n, collect(dl) AS overdue
WHERE NOT EXISTS {
    MATCH (n)<-[:REPORTS_ON|IMPLEMENTS]-(r:Document)
    WHERE r <> n AND r.status = 'ingested' AND r.doc_type = $report_type
  }
OPTIONAL MATCH (n)-[:IMPLEMENTS]->(b:Document)
WITH b, collect([n, overdue]) AS items
OPTIONAL MATCH (b)<-[:REPORTS_ON]-(r:Document)
WHERE r.status = 'ingested' AND r.doc_type = $report_type
WITH items, collect(CASE WHEN r IS NOT NULL THEN [r.key, r.province_fold] END) AS reporting
UNWIND items AS item
WITH item[0] AS n, item[1] AS overdue,
     any(x IN reporting WHERE x[0] <> item[0].key AND item[0].province_fold <> '' AND x[1] = item[0].province_fold) AS hit
WITH n, overdue, collect(hit) AS reported
WHERE NOT true IN reported
UNWIND overdue AS dl
RETURN n {.*} AS n, dl {.*} AS dl
"""
Q_REPORT_OVERDUE: Final = _OVERDUE_NATIONAL + _OVERDUE_RULE
Q_REPORT_OVERDUE_PROVINCE: Final = _OVERDUE_PROVINCE + _OVERDUE_RULE
Q_REPORT_WITHOUT_PLAN: Final = """
MATCH (r:Document)-[e:REPORTS_ON]->(d:Document)
WHERE r.status = 'ingested' AND r.doc_type = $report_type
  AND ($province IS NULL OR r.province_fold = $province)
  AND NOT (d.status = 'ingested' AND coalesce(d.doc_type, '') = $report_type)
  AND NOT (d.status = 'ingested' AND coalesce(d.issuer_fold, '') = coalesce(r.issuer_fold, '')
           AND coalesce(d.province_fold, '') = coalesce(r.province_fold, ''))
WITH d, collect([r, e]) AS reports
OPTIONAL MATCH (d)<-[:IMPLEMENTS]-(p:Document)
WHERE p.status = 'ingested' AND p.doc_type IN $plan_types AND coalesce(p.level, '') <> 'central'
WITH d, reports, collect(DISTINCT CASE WHEN p IS NOT NULL THEN [p.issuer_fold, p.province_fold] END) AS planning
UNWIND reports AS re
WITH d, re[0] AS r, re[1] AS e, planning
WHERE NOT [r.issuer_fold, r.province_fold] IN planning
RETURN r {.*} AS n, d.key AS related, d.number AS related_number, e.evidence_json AS evidence
"""
Q_URGED_NO_RESPONSE: Final = """
MATCH (letter:Document)-[e:URGES]->(x:Document)
WHERE letter.status = 'ingested'
  AND ($province IS NULL OR letter.province_fold = $province)
  AND NOT EXISTS {
    MATCH (x)<-[:IMPLEMENTS|REPORTS_ON]-(y:Document)
    WHERE y <> letter AND y.status = 'ingested'
      AND NOT (coalesce(letter.date, '') <> '' AND coalesce(y.date, '') <> '' AND y.date_end < letter.date_start)
      AND (coalesce(letter.province, '') = '' OR letter.province_fold = y.province_fold)
  }
  AND NOT EXISTS {
    MATCH (letter)<-[:IMPLEMENTS|REPORTS_ON]-(y:Document)
    WHERE y <> letter AND y.status = 'ingested'
      AND NOT (coalesce(letter.date, '') <> '' AND coalesce(y.date, '') <> '' AND y.date_end < letter.date_start)
      AND (coalesce(letter.province, '') = '' OR letter.province_fold = y.province_fold)
  }
RETURN letter {.*} AS n, x.key AS related, x.number AS related_number, e.evidence_json AS evidence
"""
# Unit coverage follows ``implements`` upward from the ingested documents (of the province asked,
# or of every province) to the directives: upward the paths are few (a plan implements a handful of
# documents), where downward from a national directive they are the whole closure below it. The
# ``WITH`` keeps the walk starting from the documents (a planner anchoring on the directive's key
# would expand downward). The directives are chosen in Python from the central documents
# (``graph.coverage.directives_asked``), and the table is made there from the implementers, as for
# the embedded store.
Q_DIRECTIVES_IMPLEMENTED: Final = """
MATCH (d:Document {level: 'central'})
WHERE (d)<-[:IMPLEMENTS]-(:Document)
RETURN d.key AS key
"""
Q_CENTRAL_DOCUMENTS: Final = """
MATCH (d:Document {level: 'central'})
RETURN d {.*} AS n
"""
Q_DOCUMENTS: Final = "UNWIND $keys AS k MATCH (d:Document {key: k}) RETURN d {.*} AS n"
Q_COVERAGE_NATIONAL: Final = """
MATCH (i:Document)
WHERE i.status = 'ingested'
WITH i
MATCH (i)-[:IMPLEMENTS*1..]->(d:Document)
WHERE d.key IN $keys AND i <> d
RETURN d.key AS directive,
       collect(DISTINCT [i.key, i.province_fold, i.level, i.locality_fold, i.issuer_fold]) AS implementers
"""
Q_COVERAGE_PROVINCE: Final = """
MATCH (i:Document {province_fold: $province})
WHERE i.status = 'ingested'
WITH i
MATCH (i)-[:IMPLEMENTS*1..]->(d:Document)
WHERE d.key IN $keys AND i <> d
RETURN d.key AS directive,
       collect(DISTINCT [i.key, i.province_fold, i.level, i.locality_fold, i.issuer_fold]) AS implementers
"""

_PROVINCE_OR_ALL = re.compile(r"\(\$province IS NULL OR (\w+)\.province_fold = \$province\)")


def _in_scope(query: str, province: str | None) -> str:
    """The gap query for one province, whose equality the province index can serve, or for the
    whole country: a choice between two fixed texts (the province is still a parameter)."""
    return query if province is None else _PROVINCE_OR_ALL.sub(r"\1.province_fold = $province", query)


def _label(n: Row) -> str:
    return str(n.get("number") or n["key"])


def _gap_row(kind: GapKind, n: Row, reason: Reason, evidence: Iterable[Any] = (), **extra: Any) -> Gap:
    """A gap row from a ``Document`` node's properties, by the constructor ``graph.gaps`` uses."""
    return Gap.of_document(kind, n["key"], _node_attrs(n), reason, evidence, **extra)


def _first3(evidence_json: str | None) -> list[Any]:
    return list(json.loads(evidence_json or "[]")[:3])


def gaps_tx(tx: neo4j.ManagedTransaction, opts: GapOptions) -> list[Gap]:
    as_of = dt.date.fromisoformat(opts.as_of).isoformat()
    common: Row = {
        "plan_types": sorted(PLAN_TYPES),
        "report_type": REPORT_TYPE,
        # Rows of the current province a name means (an old province name is an alias of it).
        "province": fold(current_province_name(opts.province) or opts.province)
        if opts.province is not None
        else None,
    }
    out: list[Gap] = []
    for kind in opts.kinds:
        if kind == "no_basis":
            for r in _rows(tx, _in_scope(Q_NO_BASIS, common["province"]), common):
                out.append(_gap_row(GapKind.NO_BASIS, r["n"], Reason.of(R.PLAN_WITHOUT_BASIS)))
        elif kind == "basis_missing":
            for r in _rows(tx, _in_scope(Q_BASIS_MISSING, common["province"]), common):
                code = R.BASIS_AMBIGUOUS if r["ambiguous"] else R.BASIS_NOT_INGESTED
                reason = Reason.of(code, basis=r["related_number"] or r["related"])
                out.append(
                    _gap_row(
                        GapKind.BASIS_MISSING, r["n"], reason, _first3(r["evidence"]), related=r["related"]
                    )
                )
        elif kind == "chain_broken":
            for r in _rows(tx, _in_scope(Q_CHAIN_BROKEN, common["province"]), common):
                out.append(
                    _gap_row(
                        GapKind.CHAIN_BROKEN,
                        r["n"],
                        Reason.of(R.CHAIN_NOT_CENTRAL),
                        related=sorted(r["related"]),
                    )
                )
        elif kind == "no_report":
            out.extend(_no_report_rows(tx, common, opts, as_of))
        elif kind == "report_overdue":
            query = Q_REPORT_OVERDUE if common["province"] is None else Q_REPORT_OVERDUE_PROVINCE
            found = _rows(tx, query, {**common, "as_of": as_of})
            for r in sorted(found, key=lambda r: (r["dl"]["path"], r["dl"]["date"], r["dl"]["idx"])):
                dl = r["dl"]
                reason = Reason.of(R.REPORT_NOT_RECEIVED, due=dl["date"], assignee=dl.get("assignee") or "")
                out.append(_gap_row(GapKind.REPORT_OVERDUE, r["n"], reason, [json.loads(dl["evidence_json"])],
                                    due=dl["date"], assignee=dl.get("assignee")))  # fmt: skip
        elif kind == "report_without_plan":
            for r in _rows(tx, _in_scope(Q_REPORT_WITHOUT_PLAN, common["province"]), common):
                reason = Reason.of(R.REPORT_WITHOUT_PLAN, subject=r["related_number"] or r["related"])
                out.append(_gap_row(GapKind.REPORT_WITHOUT_PLAN, r["n"], reason, _first3(r["evidence"]),
                                    related=r["related"]))  # fmt: skip
        elif kind == "urged_no_response":
            for r in _rows(tx, _in_scope(Q_URGED_NO_RESPONSE, common["province"]), common):
                n = r["n"]
                reason = Reason.of(R.URGED_NO_RESPONSE, directive=r["related_number"] or r["related"],
                                   recipients=json.loads(n.get("recipients_json") or "[]"))  # fmt: skip
                out.append(
                    _gap_row(
                        GapKind.URGED_NO_RESPONSE, n, reason, _first3(r["evidence"]), related=r["related"]
                    )
                )
        elif kind == "unit_coverage":
            cells, central = coverage_tx(tx, opts)
            out.extend(coverage_gaps(cells, central))
    return out


def _no_report_rows(tx: neo4j.ManagedTransaction, common: Row, opts: GapOptions, as_of: str) -> Iterator[Gap]:
    params = {**common, "as_of": as_of, "period": opts.report_period_days}
    for r in _rows(tx, _in_scope(Q_NO_REPORT, common["province"]), params):
        n = r["n"]
        due = r["due"]
        evidence: list[Any] = []
        if r["due_rows"]:
            first = min(r["due_rows"], key=lambda d: (d["date_end"], d["path"], d["date"], d["idx"]))
            reason = Reason.of(R.NO_REPORT_BY_DEADLINE, due=due, deadline=first["date"])
            evidence = [json.loads(first["evidence_json"])]
        elif r["start"] is not None:
            code = R.NO_REPORT_AFTER_DATE if n.get("date") else R.NO_REPORT_AFTER_CITED
            reason = Reason.of(code, due=due, days=opts.report_period_days, since=r["start"])
        else:
            reason = Reason.of(R.NO_REPORT_UNDATED)
        yield _gap_row(GapKind.NO_REPORT, n, reason, evidence, due=due)


def coverage_tx(tx: neo4j.ManagedTransaction, opts: GapOptions) -> tuple[list[CoverageCell], dict[str, Row]]:
    """The coverage table and the directives' attributes, from the implementers read in Cypher."""
    central = {r["n"]["key"]: _node_attrs(r["n"]) for r in _rows(tx, Q_CENTRAL_DOCUMENTS, {})}
    implemented = {r["key"] for r in _rows(tx, Q_DIRECTIVES_IMPLEMENTED, {})}
    directives = directives_asked(central.items(), implemented, opts.directives, opts.tracked)
    implementers: dict[str, list[Implementer]] = {d: [] for d in directives}
    if opts.province is None:
        found = _rows(tx, Q_COVERAGE_NATIONAL, {"keys": directives})
    else:
        here = fold(current_province_name(opts.province) or opts.province)
        found = _rows(tx, Q_COVERAGE_PROVINCE, {"keys": directives, "province": here})
    for r in found:
        implementers[r["directive"]] = [
            Implementer(k, p or "", level, loc or "", issuer or "")
            for k, p, level, loc, issuer in sorted(r["implementers"], key=lambda i: i[0])
        ]
    return coverage_cells(directives, implementers, opts.province), central
