"""The structure of a province's documents: the foundation (the old provinces' programs and plans,
the merged province's Party and People's Committee plans), campaigns of plans implementing them
unit by unit, and the reports, urging letters and requests for reports around them.

The gap-free world, as the gap engine (``graph.gaps``) defines it:

- every plan below central level implements a document that is written (or central), and the
  chain of bases reaches a central document;
- a unit reports on the *basis* of its plan (the engine matches a report to a plan through the
  document the plan implements, by the same issuer and province; a report on the unit's own plan
  would read as ``report_without_plan``);
- a plan with a report deadline is answered by that report; a request for reports (công văn) by
  a report that names it in its opening "Thực hiện …";
- an urging letter (đôn đốc) is answered by a later report of an addressee that names it;
- plans too recent for a report (less than ``report_period_days`` before ``as_of``, no past
  deadline) legitimately have none.

A UBND xã plan cites its own Đảng ủy's plan only when both are recorded with the same scope (the
same commune).
"""

import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass, field

from testkit.synth.central import CentralDocs
from testkit.synth.files import Sink
from testkit.synth.local import Issuer, LocalWriter
from testkit.synth.prose import TOPICS, Topic
from testkit.synth.text import Ref
from testkit.synth.units import (
    ProvinceRef,
    Role,
    Unit,
    commune_units,
    department_units,
    district_units,
    issuer_info,
    party_commune_units,
    province_units,
    reads_headerless,
)
from testkit.synth.world import DAY, LEGACY_END, D, Settings, Timeline

__all__ = ["Campaign", "Campaigns", "Pool"]


class Pool:
    """Units to draw from, in a fixed shuffled order; a unit that is not placeable is skipped.

    Only the first ``window`` units are ever drawn, so that a small corpus uses few units and a
    large one uses them all."""

    def __init__(self, units: Sequence[Unit], rng: random.Random, window: int) -> None:
        self.units = list(units)
        rng.shuffle(self.units)
        self.size = min(len(self.units), window)

    def take(self, n: int, used: set[Unit], start: int) -> list[Issuer]:
        out: list[Issuer] = []
        size = self.size
        for k in range(size):
            if len(out) >= n:
                break
            u = self.units[(start + k) % size]
            if u in used:
                continue
            info = issuer_info(u)
            used.add(u)
            if info is not None:
                out.append(Issuer(u, info))
        return out


@dataclass(slots=True)
class Campaign:
    """A parent document and the units that implement it with their own plans."""

    parent: Ref
    owner: Issuer
    topic: Topic
    era: str
    pool: Pool
    child_until: dt.date
    used: set[Unit] = field(default_factory=set)
    start: int = 0
    full: bool = False


# Later campaigns: (role of the parent's issuer, topic, central bases, earliest date).
_EXTRA_CAMPAIGNS: tuple[tuple[Role, str, tuple[str, ...], dt.date], ...] = (
    (Role.PEOPLES_COMMITTEE, "ktn", ("138/NQ-CP",), D(2025, 7, 20)),
    (Role.PARTY_PROVINCE, "ktn", ("68-NQ/TW",), D(2025, 7, 10)),
    (Role.PARTY_PROVINCE, "gd", ("71-NQ/TW",), D(2025, 8, 28)),
    (Role.PEOPLES_COMMITTEE, "yt", ("72-NQ/TW",), D(2025, 9, 15)),
    (Role.PEOPLES_COMMITTEE, "khcn", ("71/NQ-CP",), D(2025, 9, 1)),
    (Role.PARTY_PROVINCE, "cds", ("02-KH/BCĐTW",), D(2025, 8, 1)),
)


class Campaigns(LocalWriter):
    """A province's units and the campaigns of documents they write (``ProvinceGen.run`` writes them)."""

    def __init__(
        self,
        prov: ProvinceRef,
        settings: Settings,
        sink: Sink,
        central: CentralDocs,
        tl: Timeline,
    ) -> None:
        super().__init__(prov, settings, sink, tl)
        self.c = central
        pu = province_units(prov)
        window = max(
            12, settings.scale // 20
        )  # units a province draws from: few at small scales, all at large
        self.tu = self._required(pu[(Role.PARTY_PROVINCE, "current")])
        self.ubnd = self._required(pu[(Role.PEOPLES_COMMITTEE, "current")])
        self.old: list[tuple[Issuer, Issuer, Pool]] = []
        for o in prov.olds:
            tu_o, ub_o = (
                issuer_info(pu[(Role.PARTY_PROVINCE, f"old:{o.name}")]),
                issuer_info(pu[(Role.PEOPLES_COMMITTEE, f"old:{o.name}")]),
            )
            if tu_o is None or ub_o is None:
                continue  # an old name that is not placeable (Bà Rịa - Vũng Tàu): its documents are left out
            pool = Pool([*district_units(prov, o), *department_units(prov, o)], self.rng, window)
            self.old.append(
                (
                    Issuer(pu[(Role.PARTY_PROVINCE, f"old:{o.name}")], tu_o),
                    Issuer(pu[(Role.PEOPLES_COMMITTEE, f"old:{o.name}")], ub_o),
                    pool,
                )
            )
        self.depts = department_units(prov)
        self.state_pool = Pool([*self.depts, *commune_units(prov)], self.rng, window)
        self.party_pool = Pool(party_commune_units(prov), self.rng, window)
        self.dept_pool = Pool(self.depts, self.rng, window)
        self.campaigns: list[Campaign] = []
        self.old_campaigns: list[Campaign] = []
        self.party_plans: dict[str, Ref] = {}  # commune scope → latest plan of its Đảng ủy

    @staticmethod
    def _required(u: Unit) -> Issuer:
        info = issuer_info(u)
        if info is None:
            msg = f"{u.cite!r} is not placeable (see testkit.synth.units); cannot generate its province"
            raise RuntimeError(msg)
        return Issuer(u, info)

    def _foundation(self) -> None:
        c, rng = self.c, self.rng
        khcn = TOPICS["khcn"]
        old_plans: list[Ref] = []
        for tu_o, ub_o, pool in self.old:
            d1 = self._date(D(2025, 1, 12), D(2025, 2, 25))
            ctr, _ = self.plan(tu_o, d1, [c["57-NQ/TW"]], khcn, title_ref=c["57-NQ/TW"], type_code="CTr")
            self.report(tu_o, self._date(D(2025, 5, 5), D(2025, 6, 25)), c["57-NQ/TW"], khcn)
            d2 = self._date(max(d1 + 3 * DAY, D(2025, 2, 1)), D(2025, 3, 20))
            due = self._date(D(2025, 5, 15), D(2025, 6, 30)) if rng.random() < 0.5 else None
            kh, _ = self.plan(ub_o, d2, [c["03/NQ-CP"], ctr], khcn, title_ref=c["03/NQ-CP"], report_due=due)
            self.report(ub_o, self._date(D(2025, 5, 5), LEGACY_END), c["03/NQ-CP"], khcn)
            old_plans.append(kh)
            self.old_campaigns.append(
                Campaign(kh, ub_o, khcn, "legacy", pool, D(2025, 5, 31), start=rng.randrange(1 << 20))
            )
        d3 = self._date(D(2025, 7, 5), D(2025, 8, 5))
        cds = TOPICS["cds"]
        tukh, _ = self.plan(
            self.tu, d3, [c["02-KH/BCĐTW"]], cds, title_ref=c["02-KH/BCĐTW"] if rng.random() < 0.5 else None
        )
        self.report(self.tu, self._date(d3 + 30 * DAY, self.tl.cutoff), c["02-KH/BCĐTW"], cds)
        d4 = self._date(d3 + 5 * DAY, D(2025, 8, 31))
        bases = [c["71/NQ-CP"], tukh, *old_plans[: rng.randint(0, 2)]]
        due = self._date(d4 + 60 * DAY, d4 + 240 * DAY) if rng.random() < 0.5 else None
        ubkh, _ = self.plan(self.ubnd, d4, bases, khcn, report_due=due)
        self.report(self.ubnd, self._date(d4 + 30 * DAY, self.tl.cutoff), c["71/NQ-CP"], khcn)
        until = min(self.tl.cutoff - 30 * DAY, d4 + 400 * DAY)
        self.ubnd_campaign = Campaign(
            ubkh, self.ubnd, khcn, "current", self.state_pool, until, start=rng.randrange(1 << 20)
        )
        self.tu_campaign = Campaign(
            tukh, self.tu, cds, "current", self.party_pool, until, start=rng.randrange(1 << 20)
        )
        self.campaigns.extend([self.ubnd_campaign, self.tu_campaign])

    def _new_campaign(self) -> Campaign:
        rng, c = self.rng, self.c
        role, topic_id, central, earliest = _EXTRA_CAMPAIGNS[len(self.campaigns) % len(_EXTRA_CAMPAIGNS)]
        topic = TOPICS[topic_id]
        owner = self.tu if role is Role.PARTY_PROVINCE else self.ubnd
        latest = self.tl.cutoff - 150 * DAY
        date = self._date(max(earliest, D(2025, 7, 10)), max(latest, earliest))
        bases = [c[n] for n in central]
        ref, _ = self.plan(owner, date, bases, topic, title_ref=bases[0] if rng.random() < 0.5 else None)
        self.report(owner, self._date(date + 20 * DAY, self.tl.cutoff), bases[0], topic)
        pool = self.party_pool if owner.unit.party else self.state_pool
        camp = Campaign(
            ref, owner, topic, "current", pool, self.tl.cutoff - 30 * DAY, start=rng.randrange(1 << 20)
        )
        self.campaigns.append(camp)
        return camp

    def _batch(self) -> int:
        return max(2, min(30, self.s.scale // 12))

    def _fill(self) -> None:
        rng = self.rng
        old_budget = int(self.s.scale * 0.12)
        turn = 0
        while self.budget > 0 and old_budget > 0:
            active = [cp for cp in self.old_campaigns if not cp.full]
            if not active:
                break
            before = self.budget
            self._children(active[turn % len(active)], self._batch())
            old_budget -= before - self.budget
            turn += 1
        turn = 0
        while self.budget > 0:
            active = [cp for cp in self.campaigns if not cp.full]
            camp = active[turn % len(active)] if active and rng.random() < 0.85 else self._new_campaign()
            self._children(camp, self._batch())
            turn += 1

    def _children(self, camp: Campaign, k: int) -> None:
        """Plans of ``k`` more units implementing the campaign's parent, with their reports; now and
        then an urging letter or a request for reports, answered by one of the reports."""
        rng, tl = self.rng, self.tl
        members = camp.pool.take(max(1, min(k, (self.budget + 1) // 2)), camp.used, camp.start)
        if not members:
            camp.full = True
            return
        parent = camp.parent
        current = camp.era == "current"
        end = tl.cutoff if current else LEGACY_END
        answers: list[tuple[Ref, dt.date]] = []
        if current and parent.date + 60 * DAY < tl.cutoff - 20 * DAY and rng.random() < 0.2:
            owner = camp.owner if rng.random() < 0.6 or camp.owner.unit.party else self._department()
            ld = self._date(parent.date + 30 * DAY, tl.cutoff - 20 * DAY)
            due = self._date(ld + 10 * DAY, ld + 60 * DAY) if rng.random() < 0.5 else None
            answers.append((self.letter(owner, ld, parent, deadline=due)[0], ld))
        if (
            current
            and len(members) > len(answers)  # every letter and request gets a member's report as answer
            and not camp.owner.unit.party
            and parent.date + 60 * DAY < tl.cutoff - 20 * DAY
            and rng.random() < 0.1
        ):
            qd = self._date(parent.date + 30 * DAY, tl.cutoff - 20 * DAY)
            q, _ = self.request(
                self._department(),
                qd,
                parent if rng.random() < 0.5 else None,
                camp.topic,
                self._date(qd + 10 * DAY, qd + 45 * DAY),
            )
            answers.append((q, qd))
        for i, m in enumerate(members):
            answering = answers[i : i + 1]
            recent = (
                current and not answering and rng.random() < 0.08 and tl.recent_from + 5 * DAY > parent.date
            )
            if recent:
                pd = self._date(max(tl.recent_from + 5 * DAY, parent.date + 5 * DAY), tl.cutoff)
                due = self._date(tl.as_of + 5 * DAY, tl.as_of + 60 * DAY) if rng.random() < 0.4 else None
                self.plan(
                    m,
                    pd,
                    [parent],
                    camp.topic,
                    title_ref=parent if rng.random() < 0.5 else None,
                    report_due=due,
                )
                continue
            latest = camp.child_until
            if answering:
                latest = min(latest, answering[0][1] + 60 * DAY)
            pd = self._date(parent.date + 5 * DAY, latest)
            bases = [parent]
            party = self.party_plans.get(m.info.scope) if m.unit.role is Role.COMMUNE else None
            if party is not None and party.date < pd and rng.random() < 0.5:
                bases.append(party)  # the commune's own Party committee plan, as UBND xã plans cite it
            due = self._date(pd + 30 * DAY, pd + 200 * DAY) if rng.random() < 0.35 else None
            task = self._date(pd + 20 * DAY, pd + 150 * DAY) if rng.random() < 0.3 else None
            ref, _ = self.plan(
                m,
                pd,
                bases,
                camp.topic,
                title_ref=parent if rng.random() < 0.5 else None,
                report_due=due,
                task_due=task,
            )
            if m.unit.role is Role.PARTY_COMMUNE:
                # Cited by the commune's UBND plans only when both have the same scope (a commune-level
                # citation is scoped by the citing document's commune).
                self.party_plans[m.info.scope] = ref
            if answering:
                rd = self._date(max(pd, answering[0][1]) + 3 * DAY, end)
                self.report(m, rd, parent, camp.topic, answers=[answering[0][0]])
            else:
                rd = self._date(pd + 10 * DAY, end)
                headerless = self.mess.chance(0.08) and reads_headerless(m.unit)
                self.report(m, rd, parent, camp.topic, headerless=headerless)

    def _department(self) -> Issuer:
        got = self.dept_pool.take(1, set(), self.rng.randrange(1 << 20))
        return got[0]

    def _state_unit(self) -> Issuer:
        got = self.state_pool.take(1, set(), self.rng.randrange(1 << 20))
        return got[0]
