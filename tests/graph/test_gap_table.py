"""A table of small hand-built graphs and the gap rows each must give, on both backends (#11).

Each case is a few documents written as extraction records (no extractor involved), the question
asked and every row expected: kind, document key, reason code and parameters. The same table runs on
the embedded store and on the Neo4j backend (ArcadeDB's Bolt server on 127.0.0.1), so a reworded
reason, a dropped gap or a new one fails here whichever backend it comes from.
"""

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from vietnam_provinces import Province, Ward

from graph.backends import open_store
from graph.gaps import GapOptions
from ingest.records import Deadline, DocumentIdentity, Evidence, Extraction, Mention, Reference
from ingest.symbols import parse_symbol
from ontology.gaps import GapKind
from ontology.terms import Level, Relation
from ontology.units import PROVINCIAL_DEPARTMENTS
from testkit.arcadedb import BoltServer

TH = "Thanh Hóa"


def _ref(number: str, relation: Relation, level: Level | None = None, date: str | None = None) -> Reference:
    symbol = parse_symbol(number)
    assert symbol is not None, number
    text = f"{relation.value} {number}"
    mention = Mention(
        symbol, number, 0, len(text), None, None, None, None, relation, Evidence(0, len(text), text)
    )
    return Reference(number, symbol, None, date, None, level, [relation], [mention])


@dataclass
class Doc:
    """One hand-built document: its own identity, what it references and the deadlines it sets."""

    name: str
    number: str | None
    doc_type: str
    level: Level
    issuer: str
    date: str | None
    province: str | None = TH
    locality: str | None = None
    refs: list[Reference] = field(default_factory=list)
    deadlines: list[tuple[str, str | None]] = field(default_factory=list)  # (date, assignee): reports due
    recipients: list[str] = field(default_factory=list)

    def extraction(self) -> Extraction:
        symbol = parse_symbol(self.number) if self.number else None
        identity = DocumentIdentity(
            self.number,
            symbol,
            self.doc_type,
            self.issuer,
            self.level,
            self.locality,
            self.province,
            self.province,
            self.date,
            f"{self.doc_type} {self.name}",
            None,
            list(self.recipients),
        )
        deadlines = [Deadline(d, who, True, Evidence(0, 10, f"trước {d}")) for d, who in self.deadlines]
        return Extraction(self.name, identity, self.refs, deadlines, [])


PLAN = "Kế hoạch"
UBND_TH = "UBND tỉnh Thanh Hóa"
XA = "UBND xã Triệu Sơn"
IMPL = Relation.IMPLEMENTS

# name → (documents, options, expected rows: (kind, key, reason code, parameters))
CASES: dict[str, tuple[list[Doc], GapOptions, set[tuple[Any, ...]]]] = {
    "a provincial plan with no basis": (
        [Doc("p", "10/KH-UBND", PLAN, Level.PROVINCE, UBND_TH, "2025-03-01")],
        GapOptions(kinds=("no_basis",), as_of="2025-04-01"),
        {("no_basis", "10/KH-UBND@Thanh Hóa@2025", "plan_without_basis", ())},
    ),
    "a central plan needs no basis": (
        [Doc("c", "45-KH/BCĐTW", PLAN, Level.CENTRAL, "Ban Chỉ đạo Trung ương", "2025-03-01", province=None)],
        GapOptions(kinds=("no_basis",), as_of="2025-04-01"),
        set(),
    ),
    "a basis cited but neither ingested nor in the catalog": (
        [
            Doc(
                "p",
                "10/KH-UBND",
                PLAN,
                Level.PROVINCE,
                UBND_TH,
                "2025-03-01",
                refs=[_ref("12-KH/TU", IMPL, Level.PROVINCE, "2025-02-01")],
            )
        ],
        GapOptions(kinds=("basis_missing", "chain_broken"), as_of="2025-04-01"),
        # The engine also counts the chain as broken: followed upward it stops at the cited basis.
        {
            ("basis_missing", "10/KH-UBND@Thanh Hóa@2025", "basis_not_ingested", (("basis", "12-KH/TU"),)),
            ("chain_broken", "10/KH-UBND@Thanh Hóa@2025", "chain_not_central", ()),
        },
    ),
    "a basis in the catalog is known and reaches the centre": (
        [
            Doc(
                "p",
                "10/KH-UBND",
                PLAN,
                Level.PROVINCE,
                UBND_TH,
                "2025-03-01",
                refs=[_ref("57-NQ/TW", IMPL, Level.CENTRAL, "2024-12-22")],
            )
        ],
        GapOptions(kinds=("no_basis", "basis_missing", "chain_broken"), as_of="2025-04-01"),
        set(),
    ),
    "a chain that never reaches a central document": (
        [
            Doc("base", "20/KH-UBND", PLAN, Level.PROVINCE, UBND_TH, "2025-02-01"),
            Doc(
                "x",
                "05/KH-UBND",
                PLAN,
                Level.COMMUNE,
                XA,
                "2025-03-01",
                locality="xã Triệu Sơn",
                refs=[_ref("20/KH-UBND", IMPL, Level.PROVINCE, "2025-02-01")],
            ),
        ],
        GapOptions(kinds=("chain_broken", "no_basis"), as_of="2025-04-01"),
        {
            ("chain_broken", "05/KH-UBND@Thanh Hóa/xã Triệu Sơn@2025", "chain_not_central", ()),
            ("no_basis", "20/KH-UBND@Thanh Hóa@2025", "plan_without_basis", ()),
        },
    ),
    "a report deadline passed with no report": (
        [
            Doc(
                "p",
                "10/KH-UBND",
                PLAN,
                Level.PROVINCE,
                UBND_TH,
                "2025-03-01",
                deadlines=[("2025-06-30", "Các sở")],
                refs=[_ref("57-NQ/TW", IMPL, Level.CENTRAL, "2024-12-22")],
            )
        ],
        GapOptions(kinds=("no_report", "report_overdue"), as_of="2025-12-01"),
        {
            (
                "no_report",
                "10/KH-UBND@Thanh Hóa@2025",
                "no_report_by_deadline",
                (("deadline", "2025-06-30"), ("due", "2025-06-30")),
            ),
            (
                "report_overdue",
                "10/KH-UBND@Thanh Hóa@2025",
                "report_not_received",
                (("assignee", "Các sở"), ("due", "2025-06-30")),
            ),
        },
    ),
    "a report deadline not reached yet": (
        [
            Doc(
                "p",
                "10/KH-UBND",
                PLAN,
                Level.PROVINCE,
                UBND_TH,
                "2025-03-01",
                deadlines=[("2025-06-30", None)],
                refs=[_ref("57-NQ/TW", IMPL, Level.CENTRAL, "2024-12-22")],
            )
        ],
        GapOptions(kinds=("no_report", "report_overdue"), as_of="2025-06-01"),
        set(),
    ),
    "the unit's report answers its plan": (
        [
            Doc(
                "p",
                "10/KH-UBND",
                PLAN,
                Level.PROVINCE,
                UBND_TH,
                "2025-03-01",
                deadlines=[("2025-06-30", None)],
                refs=[_ref("57-NQ/TW", IMPL, Level.CENTRAL, "2024-12-22")],
            ),
            Doc(
                "r",
                "90/BC-UBND",
                "Báo cáo",
                Level.PROVINCE,
                UBND_TH,
                "2025-06-20",
                refs=[_ref("10/KH-UBND", Relation.REPORTS_ON, Level.PROVINCE, "2025-03-01")],
            ),
        ],
        GapOptions(kinds=("no_report", "report_overdue", "report_without_plan"), as_of="2025-12-01"),
        set(),
    ),
    "no report 180 days after the plan's date": (
        [
            Doc(
                "p",
                "10/KH-UBND",
                PLAN,
                Level.PROVINCE,
                UBND_TH,
                "2025-01-10",
                refs=[_ref("57-NQ/TW", IMPL, Level.CENTRAL, "2024-12-22")],
            )
        ],
        GapOptions(kinds=("no_report",), as_of="2025-08-01"),
        {
            (
                "no_report",
                "10/KH-UBND@Thanh Hóa@2025",
                "no_report_after_date",
                (("days", 180), ("due", "2025-07-09"), ("since", "2025-01-10")),
            )
        },
    ),
    "a report on a directive its unit has no plan for": (
        [
            Doc(
                "r",
                "90/BC-UBND",
                "Báo cáo",
                Level.PROVINCE,
                UBND_TH,
                "2025-06-20",
                refs=[_ref("57-NQ/TW", Relation.REPORTS_ON, Level.CENTRAL, "2024-12-22")],
            )
        ],
        GapOptions(kinds=("report_without_plan",), as_of="2025-12-01"),
        {
            (
                "report_without_plan",
                "90/BC-UBND@Thanh Hóa@2025",
                "report_without_plan",
                (("subject", "57-NQ/TW"),),
            )
        },
    ),
    "an urging letter nobody answered": (
        [
            Doc(
                "l",
                "300/UBND-KGVX",
                "Công văn",
                Level.PROVINCE,
                UBND_TH,
                "2025-05-01",
                recipients=["Các sở, ngành"],
                refs=[_ref("57-NQ/TW", Relation.URGES, Level.CENTRAL, "2024-12-22")],
            )
        ],
        GapOptions(kinds=("urged_no_response",), as_of="2025-12-01"),
        {
            (
                "urged_no_response",
                "300/UBND-KGVX@Thanh Hóa@2025",
                "urged_no_response",
                (("directive", "57-NQ/TW"), ("recipients", ("Các sở, ngành",))),
            )
        },
    ),
    "an urging letter answered by a later plan of the province": (
        [
            Doc(
                "l",
                "300/UBND-KGVX",
                "Công văn",
                Level.PROVINCE,
                UBND_TH,
                "2025-05-01",
                refs=[_ref("57-NQ/TW", Relation.URGES, Level.CENTRAL, "2024-12-22")],
            ),
            Doc(
                "p",
                "10/KH-UBND",
                PLAN,
                Level.PROVINCE,
                UBND_TH,
                "2025-06-01",
                refs=[_ref("57-NQ/TW", IMPL, Level.CENTRAL, "2024-12-22")],
            ),
        ],
        GapOptions(kinds=("urged_no_response",), as_of="2025-12-01"),
        set(),
    ),
}


def _units(province: str, covered: set[str]) -> set[tuple[Any, ...]]:
    """The unit coverage rows of 57-NQ/TW in a province where only ``covered`` communes have a plan."""
    code = next(p.code for p in Province.iter_all() if p.name.endswith(province))
    units = [str(w.name) for w in Ward.iter_by_province(code)] + [d for d, _ in PROVINCIAL_DEPARTMENTS]
    code_of = {**dict.fromkeys(units, "unit_not_covered")}
    return {
        ("unit_coverage", "57-NQ/TW@VN@2024", code_of[u], (("directive", "57-NQ/TW"), ("unit", u)))
        for u in units
        if u not in covered
    }


CASES["a commune's plan covers its commune and its province, not the others"] = (
    [
        Doc(
            "x",
            "05/KH-UBND",
            PLAN,
            Level.COMMUNE,
            XA,
            "2025-08-01",
            locality="xã Triệu Sơn",
            refs=[_ref("57-NQ/TW", IMPL, Level.CENTRAL, "2024-12-22")],
        )
    ],
    GapOptions(kinds=("unit_coverage",), province=TH, as_of="2025-12-01"),
    _units(TH, {"Xã Triệu Sơn"}),
)


def _rows(store: Any, opts: GapOptions) -> set[tuple[Any, ...]]:
    return {(r.kind.value, r.document, r.reason.code.value, r.reason.params) for r in store.gaps(opts)}


@pytest.fixture(params=["sqlite", "neo4j"])
def make_store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """A function giving an empty store of the backend (the Neo4j one cleared for each case)."""
    if request.param == "sqlite":
        yield lambda: open_store(tmp_path_factory.mktemp("table") / "l.db")
        return
    from graph.neo4j_store import Neo4jStore

    server: BoltServer = request.getfixturevalue("bolt")
    opened: list[Neo4jStore] = []

    def fresh() -> Neo4jStore:
        store = Neo4jStore(server.uri, server.user, server.password, "table")
        store.clear()
        opened.append(store)
        return store

    yield fresh
    for s in opened:
        s.close()


@pytest.mark.parametrize("case", CASES)
def test_gap_table(make_store: Any, case: str) -> None:
    docs, opts, expected = CASES[case]
    store = make_store()
    for i, d in enumerate(docs):
        store.upsert(f"/table/{d.name}.txt", f"{i:064x}", d.extraction())
    assert _rows(store, opts) == expected


def test_every_rule_has_a_row_in_the_table() -> None:
    kinds = {row[0] for _, _, expected in CASES.values() for row in expected}
    assert kinds == {k.value for k in GapKind}
