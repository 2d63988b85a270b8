"""Province-by-province generation of the synthetic corpus, with its planted gaps and ground truth.

:class:`ProvinceGen` writes a province: the gap-free structure of ``testkit.synth.campaigns``
(written by ``testkit.synth.local``), then a fraction ``gap_rate`` of documents carrying a planted
situation (``testkit.synth.world.SITUATIONS``, cycled so that every province gets different
ones). Each planted situation is described where it is built (``_plant_*``) and recorded, with
the rows the gap engine must give for it, in ``truth``.

Ground truth: every key, scope and issuer in ``planted-gaps.jsonl`` is what the generator wrote
(``testkit.synth.units.issuer_info``); the extractor is never run while generating.
"""

from collections import Counter
from collections.abc import Callable
from typing import Any

from testkit.synth.campaigns import Campaigns
from testkit.synth.central import CentralDocs
from testkit.synth.files import Sink
from testkit.synth.local import Issuer
from testkit.synth.prose import TOPICS
from testkit.synth.text import Ref
from testkit.synth.units import ProvinceRef, issuer_info
from testkit.synth.world import DAY, SITUATIONS, D, Settings, Timeline

__all__ = ["ProvinceGen"]


class ProvinceGen(Campaigns):
    """Generates the documents of one province, streaming them to disk, and records its planted gaps."""

    def __init__(
        self,
        prov: ProvinceRef,
        index: int,
        settings: Settings,
        sink: Sink,
        central: CentralDocs,
        tl: Timeline,
    ) -> None:
        super().__init__(prov, settings, sink, central, tl)
        self.index = index  # of the province among all 34: which situations it gets first
        self.truth: list[dict[str, Any]] = []
        self.planted: Counter[str] = Counter()
        self._y_overdue: Ref | None = None
        self._y_broken: Ref | None = None

    def run(self) -> None:
        self._foundation()
        self._plant_all()
        self._fill()

    def _truth(
        self, situation: str, file: str, key: str | None, iss: Issuer, related: str | None = None
    ) -> None:
        self.planted[situation] += 1
        for kind in SITUATIONS[situation]:
            self.truth.append(
                {
                    "kind": kind,
                    "source": file,
                    "document": key,
                    "related": related,
                    "unit": iss.info.issuer,
                    "province": self.p.name,
                    "situation": situation,
                }
            )

    # -- planted gaps -------------------------------------------------------------------------

    def _plant_all(self) -> None:
        n = max(1, round(self.s.gap_rate * self.s.scale)) if self.s.gap_rate > 0 else 0
        names = list(SITUATIONS)
        planters: dict[str, Callable[[], None]] = {
            "no_basis": self._plant_no_basis,
            "basis_missing": self._plant_basis_missing,
            "no_report": self._plant_no_report,
            "report_overdue": self._plant_report_overdue,
            "report_overdue_request": self._plant_overdue_request,
            "report_without_plan": self._plant_report_without_plan,
            "urged_no_response": self._plant_urged_no_response,
            "chain_broken": self._plant_chain_broken,
        }
        for i in range(n):
            planters[names[(self.index * 3 + i) % len(names)]]()

    def _plant_no_basis(self) -> None:
        """A recent plan citing nothing: ``no_basis`` only (too recent to be due a report)."""
        iss = self._state_unit()
        date = self._date(self.tl.recent_from + 5 * DAY, self.tl.cutoff)
        ref, file = self.plan(iss, date, [], self.rng.choice(list(TOPICS.values())))
        self._truth("no_basis", file, ref.key, iss)

    def _plant_basis_missing(self) -> None:
        """A plan implementing 57-NQ/TW and a provincial plan that is never written: ``basis_missing``
        only (the chain still reaches a central document; the unit reports on 57-NQ/TW)."""
        iss = self._state_unit()
        c57 = self.c["57-NQ/TW"]
        date = self._date(D(2025, 8, 20), self.tl.cutoff - 20 * DAY)
        pdate = self._date(D(2025, 7, 10), D(2025, 8, 15))
        number = self._number(self.tu, "KH", pdate.year)  # reserved: no written document will carry it
        phantom = Ref(
            "Kế hoạch",
            number,
            pdate,
            self.tu.unit.cite,
            TOPICS["cds"].name,
            self._key(self.tu, number, pdate),
            True,
            frozenset(),
        )
        ref, file = self.plan(iss, date, [c57, phantom], TOPICS["khcn"])
        self.report(iss, self._date(date + 10 * DAY, self.tl.cutoff), c57, TOPICS["khcn"])
        self._truth("basis_missing", file, ref.key, iss, phantom.key)

    def _plant_no_report(self) -> None:
        """A plan of a unit under the provincial plan, old enough to be due a report, and no report
        from that unit on what it implements: ``no_report`` only (no deadline is written)."""
        camp = self.ubnd_campaign
        got = camp.pool.take(1, camp.used, self.rng.randrange(1 << 20))
        if not got:
            return self._plant_no_basis()
        iss = got[0]
        date = self._date(camp.parent.date + 5 * DAY, self.tl.stale_before)
        ref, file = self.plan(
            iss, date, [camp.parent], camp.topic, title_ref=camp.parent if self.rng.random() < 0.5 else None
        )
        self._truth("no_report", file, ref.key, iss)
        return None

    def _overdue_basis(self) -> Ref:
        if self._y_overdue is None:
            camp = self.ubnd_campaign
            info = issuer_info(self.depts[0])  # Sở Khoa học và Công nghệ, when placeable
            sk = Issuer(self.depts[0], info) if info is not None else self._department()
            date = self._date(camp.parent.date + 5 * DAY, camp.parent.date + 40 * DAY)
            self._y_overdue = self.guidance(sk, date, [camp.parent], camp.topic)
        return self._y_overdue

    def _plant_report_overdue(self) -> None:
        """A plan with a report deadline that has passed and no report: ``report_overdue`` and
        ``no_report``. Its basis is a guidance nobody reports on, so no other report in the
        province answers the deadline."""
        y = self._overdue_basis()
        iss = self._state_unit()
        date = self._date(y.date + 5 * DAY, self.tl.cutoff)
        due = self._date(date + 20 * DAY, self.tl.as_of - 5 * DAY)
        ref, file = self.plan(iss, date, [y], TOPICS["khcn"], report_due=due)
        self._truth("report_overdue", file, ref.key, iss)

    def _plant_overdue_request(self) -> None:
        """A request for reports citing nothing, whose deadline passed unanswered: ``report_overdue``."""
        iss = self._department()
        date = self._date(D(2025, 9, 1), self.tl.cutoff)
        due = self._date(date + 10 * DAY, self.tl.as_of - 5 * DAY)
        ref, file = self.request(iss, date, None, self.rng.choice(list(TOPICS.values())), due)
        self._truth("report_overdue_request", file, ref.key, iss)

    def _plant_report_without_plan(self) -> None:
        """A department or commune reports on a central document that only provincial plans
        implement: ``report_without_plan``."""
        iss = self._state_unit()
        on = self.c[self.rng.choice(("71/NQ-CP", "02-KH/BCĐTW"))]
        date = self._date(D(2025, 9, 1), self.tl.cutoff)
        file, key = self.report(iss, date, on, TOPICS["khcn"])
        self._truth("report_without_plan", file, None if key == "file" else key, iss, on.key)

    def _plant_urged_no_response(self) -> None:
        """An urging letter later than every other document of the province: ``urged_no_response``."""
        camp = self.rng.choice(self.campaigns)
        owner = camp.owner if camp.owner.unit.party or self.rng.random() < 0.5 else self._department()
        date = self._date(self.tl.late_from, self.tl.late_to)
        ref, file = self.letter(owner, date, camp.parent, deadline=None)
        self._truth("urged_no_response", file, ref.key, owner, camp.parent.key)

    def _broken_basis(self) -> Ref:
        if self._y_broken is None:
            iss = self._department()
            self._y_broken = self.guidance(iss, self._date(D(2025, 7, 15), D(2025, 9, 30)), [], TOPICS["cds"])
        return self._y_broken

    def _plant_chain_broken(self) -> None:
        """A plan implementing only a guidance that rests on nothing: ``chain_broken`` (the unit
        reports on the guidance, so the plan is otherwise in order)."""
        y = self._broken_basis()
        iss = self._state_unit()
        date = self._date(y.date + 5 * DAY, self.tl.cutoff - 20 * DAY)
        ref, file = self.plan(iss, date, [y], TOPICS["cds"])
        self.report(iss, self._date(date + 10 * DAY, self.tl.cutoff), y, TOPICS["cds"])
        self._truth("chain_broken", file, ref.key, iss, y.key)
