"""Province-by-province generation of the synthetic corpus, with its planted gaps and ground truth.

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

Dates: documents of old units (old provinces, districts) lie before 1 July 2025; every other
ordinary document lies before ``as_of - 60 days``; only planted urging letters are later, so
nothing can answer them. Each planted situation is described where it is built (``_plant_*``).

Identity: numbers run per symbol shape, province and year across every unit of the province (a
citation "Kế hoạch số 12/KH-UBND … của UBND tỉnh" cannot tell the province's plan from a commune's,
so two of them must never share a number), and a plan never carries the number of a document it
cites (the extractor drops such a citation). Citations always write the number exactly as the
cited document does (``05``, never ``5``: the store does not equate them). A UBND xã plan cites
its own Đảng ủy's plan only when both are recorded with the same scope (the same commune).

Ground truth: every key, scope and issuer in ``planted-gaps.jsonl`` is what the generator wrote
(``testkit.synth.units.issuer_info``); the extractor is never run while generating.
"""

import datetime as dt
import os
import random
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from testkit.synth import prose
from testkit.synth.prose import TOPICS, Topic
from testkit.synth.text import (
    MOTTO_PARTY,
    MOTTO_STATE,
    Mess,
    Ref,
    date_numeric,
    date_words,
    header_lines,
    nfd,
    person,
    render_md,
    wrap,
    write_docx,
)
from testkit.synth.units import (
    ProvinceRef,
    Role,
    Unit,
    UnitInfo,
    commune_units,
    department_units,
    district_units,
    issuer_info,
    party_commune_units,
    province_units,
    reads_headerless,
)

__all__ = ["SITUATIONS", "CentralDocs", "Doc", "ProvinceGen", "Settings", "Sink", "Timeline", "write_central"]

DAY = dt.timedelta(days=1)
D = dt.date
REFORM = D(2025, 7, 1)
LEGACY_END = D(2025, 6, 28)

# Planted situations, in the order they are cycled through. Each yields the gap rows listed.
SITUATIONS: dict[str, tuple[str, ...]] = {
    "no_basis": ("no_basis",),
    "basis_missing": ("basis_missing",),
    "no_report": ("no_report",),
    "report_overdue": ("no_report", "report_overdue"),
    "report_overdue_request": ("report_overdue",),
    "report_without_plan": ("report_without_plan",),
    "urged_no_response": ("urged_no_response",),
    "chain_broken": ("chain_broken",),
}


@dataclass(frozen=True, slots=True)
class Settings:
    """What to generate."""

    out: Path
    seed: int
    scale: int
    as_of: dt.date
    formats: tuple[str, ...]
    gap_rate: float
    mess: float


class Timeline:
    """The date windows that keep the corpus gap-free except where a gap is planted."""

    def __init__(self, as_of: dt.date) -> None:
        if as_of < D(2026, 4, 1):
            msg = f"as_of {as_of.isoformat()} is too early: the corpus runs from January 2025 and needs as_of >= 2026-04-01"
            raise ValueError(msg)
        self.as_of = as_of
        self.cutoff = as_of - 60 * DAY  # latest ordinary document
        self.recent_from = as_of - 165 * DAY  # a plan from here on is not yet due a report (180 days)
        self.stale_before = as_of - 200 * DAY  # a plan before this is overdue a report
        self.late_from = as_of - 45 * DAY  # planted urging letters
        self.late_to = as_of - 10 * DAY


def _between(rng: random.Random, a: dt.date, b: dt.date) -> dt.date:
    if b <= a:
        return a
    return a + rng.randint(0, (b - a).days) * DAY


@dataclass(slots=True)
class Doc:
    """A document before rendering: header columns, title, body lines (``True`` marks filler prose)."""

    level: str
    kind: str
    tag: str
    left: list[str]
    number_line: str
    right: tuple[str, ...]
    date_line: str
    vv: list[str] = field(default_factory=list)
    heading: str | None = None
    title: list[str] = field(default_factory=list)
    body: list[tuple[str, bool]] = field(default_factory=list)


_FORMAT_WEIGHTS = {"txt": 0.87, "md": 0.10, "docx": 0.03}
MAX_DOCX = 2000


class Sink:
    """Writes documents and counts them."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.documents = 0
        self.bytes = 0
        self.by_level: Counter[str] = Counter()
        self.by_kind: Counter[str] = Counter()
        self.by_format: Counter[str] = Counter()
        self._dirs: dict[str, str] = {}
        allowed = [f for f in ("txt", "md", "docx") if f in settings.formats]
        total = sum(_FORMAT_WEIGHTS[f] for f in allowed)
        acc = 0.0
        self._cum: list[tuple[float, str]] = []
        for f in allowed:
            acc += _FORMAT_WEIGHTS[f] / total
            self._cum.append((acc, f))

    def _format(self, rng: random.Random) -> str:
        x = rng.random()
        fmt = next((f for threshold, f in self._cum if x < threshold), self._cum[-1][1])
        if fmt == "docx" and self.by_format["docx"] >= MAX_DOCX and "txt" in self.settings.formats:
            return "txt"  # python-docx is slow: a large corpus keeps a bounded sample of DOCX files
        return fmt

    def write(
        self, subdir: str, stem: str, doc: Doc, rng: random.Random, mess: Mess, *, fmt: str | None = None
    ) -> str:
        fmt = fmt or self._format(rng)
        name = f"{stem}.{fmt}"
        folder = self._dirs.get(subdir)
        if folder is None:
            (self.settings.out / subdir).mkdir(parents=True, exist_ok=True)
            folder = self._dirs[subdir] = f"{self.settings.out / subdir}{os.sep}"
        if fmt == "docx":
            size = write_docx(
                Path(folder + name),
                [*doc.left, doc.number_line] if doc.left else [doc.date_line],
                [*doc.right, doc.date_line] if doc.left else [""],
                [*doc.vv, *([doc.heading] if doc.heading else []), *doc.title, *(t for t, _ in doc.body)],
            )
        else:
            text = _render_md(doc) if fmt == "md" else _render_txt(doc, rng, mess)
            data = text.encode("utf-8")
            with open(folder + name, "wb") as f:
                f.write(data)
            size = len(data)
        self.documents += 1
        self.bytes += size
        self.by_level[doc.level] += 1
        self.by_kind[doc.kind] += 1
        self.by_format[fmt] += 1
        return name


def _render_txt(doc: Doc, rng: random.Random, mess: Mess) -> str:
    lines: list[str] = []
    if doc.left:
        lines.extend(header_lines(doc.left, doc.number_line, doc.right, doc.date_line, rng))
    elif doc.date_line:
        lines.append(doc.date_line)
    lines.extend(doc.vv)
    lines.append("")
    if doc.heading:
        lines.append(" " * rng.randint(0, 24) + doc.heading)
    lines.extend(doc.title)
    lines.append("")
    pdf = rng.random() < 0.3
    width = rng.randint(70, 92)
    for text, filler in doc.body:
        if filler:
            if mess.chance(0.06):
                text = nfd(text)
            if pdf:
                lines.extend(wrap(text, width))
                continue
        lines.append(text)
    out = ("\n\n" if pdf and rng.random() < 0.4 else "\n").join(lines) + "\n"
    if mess.chance(0.02):
        out = nfd(out)
    return out


def _render_md(doc: Doc) -> str:
    lines: list[str] = []
    if doc.left:
        lines.extend([*doc.left, doc.number_line, "", *doc.right, doc.date_line])
    elif doc.date_line:
        lines.append(doc.date_line)
    lines.extend(doc.vv)
    lines.append("")
    if doc.heading:
        lines.append(doc.heading)
    lines.extend(doc.title)
    lines.append("")
    lines.extend(t for t, _ in doc.body)
    return render_md(lines, doc.heading)


# -- central documents ------------------------------------------------------------------------


class _Central(NamedTuple):
    number: str
    type_name: str
    date: dt.date
    by: str
    about: str
    bases: tuple[str, ...]
    topic: str


_POLITBURO = (("BAN CHẤP HÀNH TRUNG ƯƠNG", "*"), ("T/M BỘ CHÍNH TRỊ", "TỔNG BÍ THƯ", "Tô Lâm"))
_GOVERNMENT = (("CHÍNH PHỦ",), ("TM. CHÍNH PHỦ", "THỦ TƯỚNG", "Phạm Minh Chính"))
_STEERING = (
    ("BAN CHẤP HÀNH TRUNG ƯƠNG", "BAN CHỈ ĐẠO TRUNG ƯƠNG", "*"),
    ("T/M BAN CHỈ ĐẠO", "TRƯỞNG BAN", "Tô Lâm"),
)
_BY_ISSUER = {"Bộ Chính trị": _POLITBURO, "Chính phủ": _GOVERNMENT, "Ban Chỉ đạo Trung ương": _STEERING}
_SCIENCE = "đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia"

# The central documents, numbered and dated as in ontology/catalog.json; ``bases`` are implemented.
_CENTRAL_SPECS: tuple[_Central, ...] = (
    _Central("57-NQ/TW", "Nghị quyết", D(2024, 12, 22), "Bộ Chính trị", _SCIENCE, (), "khcn"),
    _Central(
        "03/NQ-CP", "Nghị quyết", D(2025, 1, 9), "Chính phủ",
        f"ban hành Chương trình hành động của Chính phủ thực hiện Nghị quyết của Bộ Chính trị về {_SCIENCE}",
        ("57-NQ/TW",), "khcn",
    ),
    _Central(
        "71/NQ-CP", "Nghị quyết", D(2025, 4, 1), "Chính phủ",
        "sửa đổi, bổ sung, cập nhật Chương trình hành động của Chính phủ thực hiện Nghị quyết của Bộ Chính trị "
        f"về {_SCIENCE}",
        ("57-NQ/TW",), "khcn",
    ),
    _Central("68-NQ/TW", "Nghị quyết", D(2025, 5, 4), "Bộ Chính trị", "phát triển kinh tế tư nhân", (), "ktn"),
    _Central(
        "138/NQ-CP", "Nghị quyết", D(2025, 5, 16), "Chính phủ",
        "ban hành Kế hoạch hành động của Chính phủ thực hiện Nghị quyết của Bộ Chính trị về phát triển kinh tế tư nhân",
        ("68-NQ/TW",), "ktn",
    ),
    _Central(
        "02-KH/BCĐTW", "Kế hoạch", D(2025, 6, 19), "Ban Chỉ đạo Trung ương",
        "thúc đẩy chuyển đổi số liên thông, đồng bộ, nhanh, hiệu quả đáp ứng yêu cầu sắp xếp tổ chức bộ máy của hệ "
        "thống chính trị",
        ("57-NQ/TW",), "cds",
    ),
    _Central("71-NQ/TW", "Nghị quyết", D(2025, 8, 22), "Bộ Chính trị", "đột phá phát triển giáo dục và đào tạo", (), "gd"),
    _Central(
        "72-NQ/TW", "Nghị quyết", D(2025, 9, 9), "Bộ Chính trị",
        "một số giải pháp đột phá, tăng cường bảo vệ, chăm sóc và nâng cao sức khỏe Nhân dân", (), "yt",
    ),
)  # fmt: skip


class CentralDocs:
    """The central documents of the corpus, by number."""

    def __init__(self, refs: dict[str, Ref], implements: dict[str, tuple[str, ...]]) -> None:
        self.refs = refs
        self.implements = implements

    def __getitem__(self, number: str) -> Ref:
        return self.refs[number]


def write_central(sink: Sink, settings: Settings) -> CentralDocs:
    """Write the central documents of the real chains (57-NQ/TW → 03/NQ-CP, 71/NQ-CP, 02-KH/BCĐTW; …)."""
    rng = random.Random(f"{settings.seed}/central")
    mess = Mess(rng, settings.mess)
    refs: dict[str, Ref] = {}
    implements: dict[str, tuple[str, ...]] = {}
    for i, (number, tname, date, by, about, bases, topic_id) in enumerate(_CENTRAL_SPECS, 1):
        header, sign = _BY_ISSUER[by]
        heading = tname.upper()
        topic = TOPICS[topic_id]
        party = "/" in number and "-" in number.split("/")[0]
        closure = frozenset({f"{number}@VN@{date.year}"}).union(*(refs[b].central for b in bases))
        ref = Ref(tname, number, date, by, about, f"{number}@VN@{date.year}", party, closure)
        doc = Doc(
            "central",
            "central",
            "nq" if tname == "Nghị quyết" else "kh",
            list(header),
            f"Số {number}" if party else f"Số: {number}",
            MOTTO_PARTY if party else MOTTO_STATE,
            f"Hà Nội, {date_words(date)}",
            heading=heading,
        )
        base_refs = [refs[b] for b in bases]
        if tname == "Nghị quyết" and not party:
            doc.title = (
                [about[:1].upper() + about[1:]]
                if not base_refs
                else [
                    f"{about[:1].upper()}{about[1:].split(' thực hiện ', 1)[0]} thực hiện "
                    f"{mess.ref(base_refs[0], breaks=False)}"
                ]
            )
            doc.body.append(("CHÍNH PHỦ", False))
            doc.body.append(("Căn cứ Luật Tổ chức Chính phủ;", False))
            for b in base_refs:
                doc.body.append((f"Căn cứ {mess.ref(b)};", False))
            doc.body.append(("QUYẾT NGHỊ:", False))
            doc.body.append(
                (f"Điều 1. Ban hành kèm theo Nghị quyết này Chương trình hành động về {about}.", False)
            )
            doc.body.append(("Điều 2. Nghị quyết này có hiệu lực thi hành kể từ ngày ký ban hành.", False))
        else:
            doc.title = [f"về {about}"]
            if base_refs:
                doc.body.append(
                    (
                        f"Thực hiện {'; '.join(mess.ref(b) for b in base_refs)}, {by} ban hành Kế hoạch như sau:",
                        False,
                    )
                )
            doc.body.append(("I. TÌNH HÌNH VÀ NGUYÊN NHÂN", False))
            doc.body.extend((s, True) for s in prose.difficulties(rng))
            doc.body.append(("II. QUAN ĐIỂM CHỈ ĐẠO, MỤC TIÊU", False))
            doc.body.extend((s, True) for s in prose.purposes(rng, topic))
            doc.body.append(("III. NHIỆM VỤ, GIẢI PHÁP", False))
            doc.body.extend((f"{k}. {s}", True) for k, s in enumerate(prose.tasks(rng, topic), 1))
        doc.body.extend([("Nơi nhận:", False), ("- Như trên;", False), ("- Lưu: VT.", False)])
        doc.body.extend((s, False) for s in sign)
        file = sink.write("central", f"00_{i:06d}_{doc.tag}", doc, rng, mess, fmt="txt")
        refs[number] = Ref(tname, number, date, by, about, ref.key, party, closure, file)
        implements[number] = bases
    return CentralDocs(refs, implements)


# -- provinces --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Issuer:
    """A unit together with what the generator records about its documents."""

    unit: Unit
    info: UnitInfo


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

_SIGN = {
    Role.PARTY_PROVINCE: (("T/M BAN THƯỜNG VỤ", "BÍ THƯ"), ("T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ")),
    Role.PARTY_COMMUNE: (("T/M ĐẢNG ỦY", "BÍ THƯ"), ("T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ")),
    Role.DEPARTMENT: (("GIÁM ĐỐC",), ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")),
    Role.PEOPLES_COMMITTEE: (
        ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"),
        ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"),
    ),
    Role.COMMUNE: (
        ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"),
        ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"),
    ),
    Role.DISTRICT: (
        ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"),
        ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"),
    ),
}


class ProvinceGen:
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
        self.p = prov
        self.index = index
        self.s = settings
        self.sink = sink
        self.c = central
        self.tl = tl
        self.rng = random.Random(f"{settings.seed}/{prov.code}")
        self.mess = Mess(self.rng, settings.mess)
        self.subdir = f"{prov.code:02d}_{prov.slug}"
        self.seq = 0
        self.budget = settings.scale
        self.numbers: dict[tuple[str, int], int] = {}
        self.truth: list[dict[str, Any]] = []
        self.cover: set[str] = set()  # central keys some document of the province leads to
        self.implemented: set[str] = set()  # central keys a document here implements directly
        self.planted: Counter[str] = Counter()
        self.type_word_at_issue = {o.name: o.type_word for o in prov.olds} | {prov.name: prov.type_word}
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
        self._y_overdue: Ref | None = None
        self._y_broken: Ref | None = None

    @staticmethod
    def _required(u: Unit) -> Issuer:
        info = issuer_info(u)
        if info is None:
            msg = f"{u.cite!r} is not placeable (see testkit.synth.units); cannot generate its province"
            raise RuntimeError(msg)
        return Issuer(u, info)

    # -- primitives ---------------------------------------------------------------------------

    def _date(self, a: dt.date, b: dt.date) -> dt.date:
        return _between(self.rng, a, b)

    def _number(
        self, iss: Issuer, type_code: str, year: int, *, letter: bool = False, avoid: Sequence[Ref] = ()
    ) -> str:
        """The next number of the series in the province and year (shared by every unit whose
        symbols look alike, so that a citation never matches two documents). ``avoid``: the
        documents it cites — the extractor ignores a citation spelled like the document's own number."""
        u = iss.unit
        series = u.letter_symbol("#") if letter else u.symbol("#", type_code)
        taken = {r.number for r in avoid}
        while True:
            n = self.numbers.get((series, year))
            n = self.rng.randint(2, 40) if n is None else n + self.rng.randint(1, 3)
            if n > 99999:
                msg = f"{self.p.name}: more than 99999 documents numbered {series} in {year}; lower the scale"
                raise ValueError(msg)
            self.numbers[(series, year)] = n
            number = u.letter_symbol(f"{n:02d}") if letter else u.symbol(f"{n:02d}", type_code)
            if number not in taken:
                return number

    def _key(self, iss: Issuer, number: str, date: dt.date) -> str:
        return f"{number}@{iss.info.scope}@{date.year}"

    def _header(self, iss: Issuer, number: str, date: dt.date) -> tuple[list[str], str, tuple[str, ...], str]:
        u = iss.unit
        left = list(u.header)
        if self.mess.chance(0.05):
            left = [ln.replace("Đ", "\u00d0") for ln in left]
        shown = self.mess.symbol(number, u.party, breaks=False)
        if u.party:
            number_line = f"Số {shown}" if self.rng.random() < 0.7 else f"Số: {shown}"
        else:
            number_line = f"Số: {shown}" if self.rng.random() < 0.85 else f"Số:{shown}"
        return left, number_line, MOTTO_PARTY if u.party else MOTTO_STATE, f"{u.place}, {date_words(date)}"

    def _closing(self, iss: Issuer) -> list[tuple[str, bool]]:
        u = iss.unit
        sign = self.rng.choice(_SIGN[u.role])
        lines = [("Nơi nhận:", False), ("- Như trên;", False)]
        if u.role in (Role.COMMUNE, Role.DEPARTMENT, Role.DISTRICT):
            superior = self.type_word_at_issue.get(u.province_at_issue, self.p.type_word)
            lines.append((f"- UBND {superior} (b/c);", False))
        lines.append(("- Lưu: VT.", False))
        lines.extend((s, False) for s in sign)
        lines.append((person(self.rng), False))
        return lines

    def _emit(self, doc: Doc) -> str:
        self.seq += 1
        self.budget -= 1
        return self.sink.write(
            self.subdir, f"{self.p.code:02d}_{self.seq:06d}_{doc.tag}", doc, self.rng, self.mess
        )

    def _track(self, bases: Sequence[Ref]) -> frozenset[str]:
        closure: frozenset[str] = frozenset().union(*(b.central for b in bases))
        self.cover |= closure
        self.implemented.update(b.key for b in bases if b.key.endswith(f"@VN@{b.date.year}"))
        return closure

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

    # -- documents ----------------------------------------------------------------------------

    def plan(
        self,
        iss: Issuer,
        date: dt.date,
        bases: Sequence[Ref],
        topic: Topic,
        *,
        title_ref: Ref | None = None,
        report_due: dt.date | None = None,
        task_due: dt.date | None = None,
        type_code: str = "KH",
    ) -> tuple[Ref, str]:
        """A plan (kế hoạch, chương trình) implementing ``bases``."""
        rng, mess, u = self.rng, self.mess, iss.unit
        number = self._number(iss, type_code, date.year, avoid=bases)
        left, number_line, right, date_line = self._header(iss, number, date)
        if type_code == "CTr":
            heading = "CHƯƠNG TRÌNH HÀNH ĐỘNG"
        else:
            heading = "KẾ HOẠCH HÀNH ĐỘNG" if u.party and rng.random() < 0.3 else "KẾ HOẠCH"
        doc = Doc(
            u.level,
            "plan",
            "ctr" if type_code == "CTr" else "kh",
            left,
            number_line,
            right,
            date_line,
            heading=heading,
        )
        where = (
            f"trên địa bàn {u.name.split(' ', 1)[1]}"
            if u.role in (Role.COMMUNE, Role.DISTRICT)
            else "trên địa bàn"
        )
        if title_ref is not None:
            verb = rng.choice(("Triển khai thực hiện", "Thực hiện", "thực hiện"))
            doc.title = [f"{verb} {mess.ref(title_ref, with_about=False, breaks=False)}", f"về {topic.name}"]
        else:
            doc.title = [f"{topic.short[:1].upper()}{topic.short[1:]} {where} năm {date.year}"]
        if bases:
            verb = rng.choice(("Thực hiện", "Căn cứ", "Triển khai thực hiện", "Thực hiện"))
            sep = "; " if rng.random() < 0.7 else ", "
            refs = sep.join(mess.ref(b) for b in bases)
            doc.body.append(
                (f"{verb} {refs}, {u.name} ban hành Kế hoạch {topic.short} {where} như sau:", False)
            )
        else:
            doc.body.append(
                (
                    f"Nhằm nâng cao hiệu quả công tác {topic.short} {where}, {u.name} ban hành Kế hoạch như sau:",
                    False,
                )
            )
        doc.body.append(("I. MỤC ĐÍCH, YÊU CẦU", False))
        doc.body.append(("1. Mục đích", False))
        doc.body.extend((s, True) for s in prose.purposes(rng, topic))
        doc.body.append(("2. Yêu cầu", False))
        doc.body.extend((s, True) for s in prose.requirements(rng))
        doc.body.append(("II. NHIỆM VỤ, GIẢI PHÁP", False))
        doc.body.extend((f"{k}. {s}", True) for k, s in enumerate(prose.tasks(rng, topic), 1))
        doc.body.append(("III. TỔ CHỨC THỰC HIỆN", False))
        doc.body.append(
            (
                f"1. Các cơ quan, đơn vị căn cứ chức năng, nhiệm vụ được giao chủ động tổ chức thực hiện {topic.short}.",
                True,
            )
        )
        k = 2
        if task_due is not None:
            doc.body.append(
                (
                    f"{k}. Hoàn thành việc rà soát, cập nhật dữ liệu trước ngày {date_numeric(task_due, rng)}.",
                    False,
                )
            )
            k += 1
        if report_due is not None:
            d = (
                date_numeric(report_due, rng)
                if rng.random() < 0.7
                else f"{report_due.day} tháng {report_due.month} năm {report_due.year}"
            )
            doc.body.append(
                (
                    f"{k}. Các cơ quan, đơn vị tổng hợp, báo cáo kết quả thực hiện về {u.name} trước ngày {d}.",
                    False,
                )
            )
        doc.body.extend(self._closing(iss))
        file = self._emit(doc)
        closure = self._track(bases)
        ref = Ref(
            "Chương trình" if type_code == "CTr" else "Kế hoạch",
            number,
            date,
            u.cite,
            topic.name,
            self._key(iss, number, date),
            u.party,
            closure,
            file,
        )
        return ref, file

    def report(
        self,
        iss: Issuer,
        date: dt.date,
        on: Ref,
        topic: Topic,
        *,
        answers: Sequence[Ref] = (),
        headerless: bool = False,
    ) -> tuple[str, str]:
        """A report of ``iss`` on ``on`` (one reference in its title); ``answers`` are named as its basis."""
        rng, mess, u = self.rng, self.mess, iss.unit
        number = self._number(iss, "BC", date.year)
        if headerless:
            doc = Doc(
                u.level, "report", "bc", [], "", (), f"{u.place}, {date_words(date)}", heading="BÁO CÁO"
            )
            key = "file"  # keyed by its content hash
        else:
            left, number_line, right, date_line = self._header(iss, number, date)
            doc = Doc(u.level, "report", "bc", left, number_line, right, date_line, heading="BÁO CÁO")
            key = self._key(iss, number, date)
        period = rng.choice(("", "6 tháng ", "năm ", "sơ kết "))
        doc.title = [
            f"Kết quả {period}thực hiện {mess.ref(on, with_about=False, breaks=False)}",
            f"về {topic.short}",
        ]
        if answers:
            basis = "; ".join(mess.ref(a) for a in answers)
            doc.body.append((f"Thực hiện {basis}, {u.name} báo cáo kết quả thực hiện như sau:", False))
        else:
            doc.body.append((f"{u.name} báo cáo kết quả thực hiện như sau:", False))
        doc.body.append(("I. KẾT QUẢ THỰC HIỆN", False))
        doc.body.append(("1. Công tác lãnh đạo, chỉ đạo", False))
        doc.body.extend((s, True) for s in prose.purposes(rng, topic)[:1])
        doc.body.append(("2. Kết quả cụ thể", False))
        doc.body.extend((s, True) for s in prose.results(rng))
        doc.body.append(("II. KHÓ KHĂN, VƯỚNG MẮC", False))
        doc.body.extend((s, True) for s in prose.difficulties(rng))
        doc.body.append(("III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI", False))
        doc.body.extend((s, True) for s in prose.next_steps(rng, topic))
        doc.body.extend(self._closing(iss))
        return self._emit(doc), key

    def letter(self, iss: Issuer, date: dt.date, urged: Ref, *, deadline: dt.date | None) -> tuple[Ref, str]:
        """An urging letter (công văn đôn đốc) about ``urged``, to the units below."""
        rng, mess, u = self.rng, self.mess, iss.unit
        number = self._number(iss, "CV", date.year, letter=True)
        left, number_line, right, date_line = self._header(iss, number, date)
        doc = Doc(u.level, "letter", "cv", left, number_line, right, date_line)
        doc.vv = [
            f"V/v đôn đốc triển khai {urged.type_name} số {urged.number}",
            f"{mess.date_in_ref(urged.date, urged.party)} của {urged.by}",
        ]
        doc.body.append(("Kính gửi:", False))
        if u.party:
            doc.body.append(
                (f"- Các đảng ủy xã, phường trực thuộc {u.name.removeprefix('Ban Thường vụ ')}.", False)
            )
        else:
            doc.body.extend([("- Các sở, ban, ngành;", False), ("- UBND các xã, phường.", False)])
        doc.body.append(
            (
                f"Qua theo dõi, việc triển khai {mess.ref(urged)} tại một số cơ quan, đơn vị, địa phương "
                "còn chậm, chưa bảo đảm tiến độ đề ra.",
                False,
            )
        )
        doc.body.append(
            (
                f"Để bảo đảm tiến độ, chất lượng thực hiện, {u.name} đề nghị các cơ quan, đơn vị, địa phương:",
                False,
            )
        )
        doc.body.append(("1. Tập trung chỉ đạo, tổ chức thực hiện đầy đủ các nhiệm vụ được giao.", True))
        if deadline is not None:
            doc.body.append(
                (
                    f"2. Tổng hợp, báo cáo kết quả thực hiện về {u.name} trước ngày {date_numeric(deadline, rng)}.",
                    False,
                )
            )
        doc.body.extend(self._closing(iss))
        file = self._emit(doc)
        about = f"việc đôn đốc triển khai {urged.type_name.lower()}"
        return Ref(
            "Công văn", number, date, u.cite, about, self._key(iss, number, date), u.party, frozenset(), file
        ), file

    def request(
        self, iss: Issuer, date: dt.date, about: Ref | None, topic: Topic, deadline: dt.date
    ) -> tuple[Ref, str]:
        """A request for reports (công văn) with a deadline; it implements ``about`` when given."""
        rng, mess, u = self.rng, self.mess, iss.unit
        number = self._number(iss, "CV", date.year, letter=True)
        left, number_line, right, date_line = self._header(iss, number, date)
        doc = Doc(u.level, "request", "cv", left, number_line, right, date_line)
        if about is not None:
            doc.vv = [
                f"V/v báo cáo kết quả thực hiện {about.type_name} số {about.number}",
                f"{mess.date_in_ref(about.date, about.party)} của {about.by}",
            ]
            self._track([about])
        else:
            doc.vv = [f"V/v báo cáo kết quả thực hiện nhiệm vụ {topic.short}", f"năm {date.year}"]
        doc.body.append(("Kính gửi: UBND các xã, phường.", False))
        doc.body.append(
            (
                f"Để có cơ sở tổng hợp, báo cáo UBND {self.p.type_word}, {u.name} đề nghị UBND các xã, "
                f"phường báo cáo kết quả thực hiện {topic.short} về {u.name} trước ngày "
                f"{date_numeric(deadline, rng)}.",
                False,
            )
        )
        doc.body.append(("Đề nghị các đơn vị quan tâm, phối hợp thực hiện./.", False))
        doc.body.extend(self._closing(iss))
        file = self._emit(doc)
        ref = Ref(
            "Công văn",
            number,
            date,
            u.cite,
            f"việc báo cáo kết quả thực hiện {topic.short}",
            self._key(iss, number, date),
            u.party,
            frozenset(),
            file,
        )
        return ref, file

    def guidance(self, iss: Issuer, date: dt.date, bases: Sequence[Ref], topic: Topic) -> Ref:
        """A department's guidance (hướng dẫn): not a plan, so no gap rule applies to it."""
        rng, mess, u = self.rng, self.mess, iss.unit
        number = self._number(iss, "HD", date.year)
        left, number_line, right, date_line = self._header(iss, number, date)
        doc = Doc(u.level, "guidance", "hd", left, number_line, right, date_line, heading="HƯỚNG DẪN")
        doc.title = [f"Xây dựng kế hoạch {topic.short} năm {date.year + 1}"]
        if bases:
            doc.body.append(
                (
                    f"Thực hiện {'; '.join(mess.ref(b) for b in bases)}, {u.name} hướng dẫn các cơ quan, "
                    "đơn vị, địa phương xây dựng kế hoạch như sau:",
                    False,
                )
            )
        else:
            doc.body.append(
                (
                    f"Nhằm thống nhất cách thức xây dựng kế hoạch {topic.short}, {u.name} hướng dẫn các "
                    "cơ quan, đơn vị, địa phương như sau:",
                    False,
                )
            )
        doc.body.append(("1. Nội dung kế hoạch", False))
        doc.body.extend((s, True) for s in prose.tasks(rng, topic))
        doc.body.append(("2. Tổ chức thực hiện", False))
        doc.body.extend((s, True) for s in prose.requirements(rng))
        doc.body.extend(self._closing(iss))
        file = self._emit(doc)
        closure = self._track(bases)
        return Ref(
            "Hướng dẫn",
            number,
            date,
            u.cite,
            f"xây dựng kế hoạch {topic.short}",
            self._key(iss, number, date),
            u.party,
            closure,
            file,
        )

    # -- structure ----------------------------------------------------------------------------

    def run(self) -> None:
        self._foundation()
        self._plant_all()
        self._fill()

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
