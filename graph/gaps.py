"""The gap engine: what the compliance team looks for, per province, as of a date.

Kinds: ``ontology.gaps.GapKind``. Every row is an ``ontology.gaps.Gap`` (document key, source
file, unit, province now and at issue, level, due date, evidence, and the reason as a code with
parameters), built by ``Gap.of_document`` as the Neo4j backend builds it.
"""

import calendar
import datetime as dt
import functools
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from graph.coverage import CoverageCell, Implementer, coverage_cells, coverage_gaps, directives_asked
from graph.errors import NodeNotFound
from graph.gapdata import PLAN_TYPES, Deadline, GapGraph, from_networkx
from ingest.gazetteer import current_province_name, fold
from ontology.gaps import Gap, GapKind, Reason, gap_order
from ontology.gaps import ReasonCode as R
from ontology.provinces import UNKNOWN_PROVINCE

__all__ = [
    "GAP_KINDS",
    "PLAN_TYPES",
    "GapOptions",
    "check_options",
    "find_coverage",
    "find_gaps",
    "gap_order",
]

GAP_KINDS: tuple[str, ...] = tuple(k.value for k in GapKind)


@dataclass(frozen=True, slots=True)
class GapOptions:
    """What to look for: kinds, a province (current or old name), the date asked, the period after
    which a plan with no extracted report deadline is expected to have a report, and the directives
    of ``unit_coverage``: ``directives`` asks about those only (keys or numbers), otherwise the
    catalog's tracked directives and the operator's ``tracked`` ones (see ``graph.coverage``)."""

    kinds: tuple[str, ...] = GAP_KINDS
    province: str | None = None
    as_of: str = field(default_factory=lambda: dt.date.today().isoformat())
    report_period_days: int = 180
    directives: tuple[str, ...] = ()
    tracked: tuple[str, ...] = ()


@functools.lru_cache(maxsize=1 << 16)  # a corpus repeats few dates; rules ask for them often
def _end_of(date: str) -> dt.date:
    """The last day a partial date can mean: 2025-03 → 2025-03-31, 2025 → 2025-12-31."""
    parts = [int(p) for p in date.split("-")]
    if len(parts) == 3:
        return dt.date(*parts)
    if len(parts) == 2:
        return dt.date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
    return dt.date(parts[0], 12, 31)


@functools.lru_cache(maxsize=1 << 16)
def _start_of(date: str) -> dt.date:
    parts = [int(p) for p in date.split("-")] + [1, 1]
    return dt.date(parts[0], parts[1] if len(date) > 4 else 1, parts[2] if len(date) > 7 else 1)


class _View:
    """The graph as the rules read it, limited to one province's documents when one is asked."""

    def __init__(self, data: GapGraph, province: str | None = None) -> None:
        self.index = data
        self.node = data.node
        # Rules are read per document: with a province asked, only its documents are examined.
        if province == UNKNOWN_PROVINCE:
            self.ingested = list(data.by_province.get("", []))
        elif province:
            self.ingested = list(data.by_province.get(fold(current_province_name(province) or province), []))
        else:
            self.ingested = [n for docs in data.by_province.values() for n in docs]

    def sources(self, target: str, rel: str, by: str, value: Any) -> set[str]:
        """Documents with a ``rel`` edge to ``target`` whose unit (``by="unit"``) or province
        (``by="province"``) is ``value``. A national directive has tens of thousands of incoming
        edges; a lookup built once per relation answers without scanning them."""
        lookup = self.index.sources.get((rel, by))
        if lookup is None:
            lookup = self.index.sources[(rel, by)] = {}
            for v, us in self.index.into.get(rel, {}).items():
                for u in us:
                    group = self.unit(u) if by == "unit" else self.unit(u)[1]
                    lookup.setdefault((v, group), set()).add(u)
        return lookup.get((target, value), set())

    def is_plan(self, n: str) -> bool:
        return n in self.index.plans

    def is_report(self, n: str) -> bool:
        return n in self.index.reports

    def out(self, n: str, rel: str) -> list[str]:
        return self.index.out.get(rel, {}).get(n, [])

    def into(self, n: str, rel: str) -> list[str]:
        return self.index.into.get(rel, {}).get(n, [])

    def unit(self, n: str) -> tuple[str, str]:
        u = self.index.units.get(n)
        if u is None:
            a = self.node[n]
            u = self.index.units[n] = (fold(a.get("issuer") or ""), fold(a.get("province") or ""))
        return u

    def reach(self, n: str, rel: str, upward: bool) -> set[str]:
        """Every node reached from ``n`` along ``rel`` edges (their sources when ``upward``), ``n`` excluded."""
        edges = (self.index.into if upward else self.index.out).get(rel, {})
        seen = {n}
        frontier = [n]
        while frontier:
            nxt = []
            for x in frontier:
                for y in edges.get(x, ()):
                    if y not in seen:
                        seen.add(y)
                        nxt.append(y)
            frontier = nxt
        seen.discard(n)
        return seen

    def evidence(self, u: str, v: str, rel: str) -> list[dict[str, Any]]:
        return self.index.evidence(u, v, rel)


def _row(view: _View, kind: GapKind, n: str, reason: Reason, evidence: Iterable[Any] = (),
         **extra: Any) -> Gap:  # fmt: skip
    return Gap.of_document(kind, n, view.node[n], reason, evidence, **extra)


def _label(view: _View, n: str) -> str:
    a = view.node[n]
    return a.get("number") or n


def _no_basis(view: _View) -> Iterable[Gap]:
    for n in view.ingested:
        if view.is_plan(n) and not view.out(n, "implements"):
            yield _row(view, GapKind.NO_BASIS, n, Reason.of(R.PLAN_WITHOUT_BASIS))


def _basis_missing(view: _View) -> Iterable[Gap]:
    for n in view.ingested:
        if not view.is_plan(n):
            continue
        for t in view.out(n, "implements"):
            b = view.node[t]
            if b["status"] == "cited" and not b.get("catalog"):
                code = R.BASIS_AMBIGUOUS if b.get("ambiguous") else R.BASIS_NOT_INGESTED
                yield _row(view, GapKind.BASIS_MISSING, n, Reason.of(code, basis=_label(view, t)),
                           view.evidence(n, t, "implements"), related=t)  # fmt: skip


def _reaching_central(view: _View) -> set[str]:
    """Every node whose bases, followed upward, reach a central document (one backward search)."""
    reached = {n for n, a in view.node.items() if a.get("level") == "central"}
    frontier = list(reached)
    while frontier:
        nxt = []
        for v in frontier:
            for u in view.into(v, "implements"):
                if u not in reached:
                    reached.add(u)
                    nxt.append(u)
        frontier = nxt
    return reached


def _chain_broken(view: _View) -> Iterable[Gap]:
    for n in view.ingested:
        if not view.is_plan(n) or not view.out(n, "implements"):
            continue
        if view.index.reaching_central is None:
            view.index.reaching_central = _reaching_central(view)
        if n not in view.index.reaching_central:
            yield _row(view, GapKind.CHAIN_BROKEN, n, Reason.of(R.CHAIN_NOT_CENTRAL),
                       related=sorted(view.reach(n, "implements", upward=False)))  # fmt: skip


def _reports_of(view: _View, plan: str) -> list[str]:
    """Reports on the plan, or on what it implements by the same unit."""
    found = {r for r in view.into(plan, "reports_on") if view.is_report(r)}
    for t in view.out(plan, "implements"):
        found |= {r for r in view.sources(t, "reports_on", "unit", view.unit(plan)) if view.is_report(r)}
    return sorted(found)


def _no_report(view: _View, opts: GapOptions) -> Iterable[Gap]:
    as_of = dt.date.fromisoformat(opts.as_of)
    for n in view.ingested:
        if not view.is_plan(n) or _reports_of(view, n):
            continue
        due_rows = [d for d in view.index.deadlines.get(n, []) if d["report_due"]]
        evidence: list[Mapping[str, Any]] = []
        if due_rows:
            first = min(due_rows, key=lambda d: _end_of(d["date"]))
            deadline = _end_of(first["date"])
            due: dt.date | None = deadline
            reason = Reason.of(R.NO_REPORT_BY_DEADLINE, due=deadline.isoformat(), deadline=first["date"])
            evidence = [first["evidence"]]
        else:
            a = view.node[n]
            dates = (
                [a["date"]] if a.get("date") else [view.node[t].get("date") for t in view.index.successors(n)]
            )
            dates = [d for d in dates if d]
            if dates:
                start = max(_start_of(d) for d in dates)
                due = start + dt.timedelta(days=opts.report_period_days)
                code = R.NO_REPORT_AFTER_DATE if a.get("date") else R.NO_REPORT_AFTER_CITED
                reason = Reason.of(
                    code, due=due.isoformat(), days=opts.report_period_days, since=start.isoformat()
                )
            else:
                due, reason = None, Reason.of(R.NO_REPORT_UNDATED)
        if due is None or due < as_of:
            yield _row(view, GapKind.NO_REPORT, n, reason, evidence, due=due.isoformat() if due else None)


def _report_overdue(view: _View, opts: GapOptions) -> Iterable[Gap]:
    as_of = dt.date.fromisoformat(opts.as_of)
    due = ((n, d) for n in view.ingested for d in view.index.deadlines.get(n, ()) if d["report_due"])
    for n, d in due:
        if _end_of(d["date"]) >= as_of:
            continue
        direct = {r for r in (*view.into(n, "reports_on"), *view.into(n, "implements")) if view.is_report(r)}
        # A report on what the document implements counts only from the same province.
        province = view.unit(n)[1]
        indirect = {
            r
            for t in view.out(n, "implements")
            for r in (view.sources(t, "reports_on", "province", province) if province else ())
            if view.is_report(r)
        }
        answered = bool((direct | indirect) - {n})
        if not answered:
            reason = Reason.of(R.REPORT_NOT_RECEIVED, due=d["date"], assignee=d["assignee"] or "")
            yield _row(
                view,
                GapKind.REPORT_OVERDUE,
                n,
                reason,
                [d["evidence"]],
                due=d["date"],
                assignee=d["assignee"],
            )


def _report_without_plan(view: _View) -> Iterable[Gap]:
    for r in view.ingested:
        if not view.is_report(r):
            continue
        for d in view.out(r, "reports_on"):
            if view.node[d]["status"] == "ingested" and (view.is_report(d) or view.unit(d) == view.unit(r)):
                continue  # a report on a report, or on its own unit's plan
            plans = [p for p in view.sources(d, "implements", "unit", view.unit(r)) if view.is_plan(p)]
            if not plans:
                yield _row(view, GapKind.REPORT_WITHOUT_PLAN, r, Reason.of(R.REPORT_WITHOUT_PLAN, subject=_label(view, d)),
                           view.evidence(r, d, "reports_on"), related=d)  # fmt: skip


def _urged_no_response(view: _View) -> Iterable[Gap]:
    for letter in view.ingested:
        urged = view.out(letter, "urges")
        if not urged:
            continue
        la = view.node[letter]
        for x in urged:
            responders: set[str] = set()
            province = view.unit(letter)[1]
            for t in (x, letter):
                for rel in ("implements", "reports_on"):
                    responders |= (
                        view.sources(t, rel, "province", province) if province else set(view.into(t, rel))
                    )
            responders.discard(letter)
            ok = False
            for y in responders:
                ya = view.node[y]
                if ya["status"] != "ingested":
                    continue
                if la.get("date") and ya.get("date") and _end_of(ya["date"]) < _start_of(la["date"]):
                    continue  # earlier than the letter: not a response
                if la.get("province") and fold(la["province"]) != fold(ya.get("province") or ""):
                    continue  # a response comes from the letter's addressees, in its province
                ok = True
                break
            if not ok:
                reason = Reason.of(
                    R.URGED_NO_RESPONSE, directive=_label(view, x), recipients=la.get("recipients") or []
                )
                yield _row(
                    view,
                    GapKind.URGED_NO_RESPONSE,
                    letter,
                    reason,
                    view.evidence(letter, x, "urges"),
                    related=x,
                )


def _implementers(view: _View, directives: list[str]) -> dict[str, list[Implementer]]:
    """The ingested documents implementing each directive through any chain, kept per graph: every
    province's report asks them, and the walk up from a national directive covers the country."""
    out: dict[str, list[Implementer]] = {}
    for d in directives:
        found = view.index.coverage.get(d)
        if found is None:
            found = view.index.coverage[d] = [
                Implementer(
                    n,
                    fold(a.get("province") or ""),
                    a.get("level"),
                    fold(a.get("locality") or ""),
                    fold(a.get("issuer") or ""),
                )
                for n in sorted(view.reach(d, "implements", upward=True))
                if (a := view.node[n])["status"] == "ingested"
            ]
        out[d] = found
    return out


def _coverage(view: _View, opts: GapOptions) -> list[CoverageCell]:
    directives = directives_asked(
        view.index.central.items(), view.index.implemented, opts.directives, opts.tracked
    )
    return coverage_cells(directives, _implementers(view, directives), opts.province)


def find_coverage(G: nx.MultiDiGraph | GapGraph, opts: GapOptions | None = None) -> list[CoverageCell]:
    """The coverage table of the directives asked (default: the tracked ones), in one province or all."""
    opts = check_options(opts or GapOptions())
    data = G if isinstance(G, GapGraph) else from_networkx(G)
    return _coverage(_View(data, opts.province), opts)


def _in_province(row: Gap, province: str | None) -> bool:
    """Rows of the current province a name means; an old province name is an alias of it."""
    if province is None:
        return True
    if province == UNKNOWN_PROVINCE:
        return not row.province
    return fold(row.province or "") == fold(current_province_name(province) or province)


def check_options(opts: GapOptions) -> GapOptions:
    """The options, or an error naming an unknown province (NodeNotFound) or gap kind (ValueError)."""
    if opts.province not in (None, UNKNOWN_PROVINCE) and current_province_name(opts.province or "") is None:
        msg = f"unknown province {opts.province!r}; expected one of the 34 current provinces or an old province name"
        raise NodeNotFound(msg)
    unknown = [k for k in opts.kinds if k not in GAP_KINDS]
    if unknown:
        msg = f"unknown gap kind(s) {', '.join(unknown)}; expected one of {', '.join(GAP_KINDS)}"
        raise ValueError(msg)
    return opts


def find_gaps(
    G: nx.MultiDiGraph | GapGraph, deadlines: Iterable[Deadline] = (), opts: GapOptions | None = None
) -> list[Gap]:
    """Every gap of the kinds asked for, in a stable order (kind, province, document): over a whole
    networkx view and its ``deadlines``, or over the facts of a scope a store read
    (``graph.gapdata.load_scope``)."""
    opts = check_options(opts or GapOptions())
    data = G if isinstance(G, GapGraph) else from_networkx(G, deadlines)
    view = _View(data, opts.province)
    rows: list[Gap] = []
    producers: dict[str, Callable[[], Iterable[Gap]]] = {
        "no_basis": lambda: _no_basis(view),
        "basis_missing": lambda: _basis_missing(view),
        "chain_broken": lambda: _chain_broken(view),
        "no_report": lambda: _no_report(view, opts),
        "report_overdue": lambda: _report_overdue(view, opts),
        "report_without_plan": lambda: _report_without_plan(view),
        "urged_no_response": lambda: _urged_no_response(view),
        "unit_coverage": lambda: coverage_gaps(_coverage(view, opts), view.node),
    }
    for kind in opts.kinds:
        rows.extend(r for r in producers[kind]() if _in_province(r, opts.province))
    rows.sort(key=gap_order)
    return rows
