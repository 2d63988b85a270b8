"""The documents the units of one province write: plans (kế hoạch, chương trình), reports, urging
letters, requests for reports and guidance, each numbered, headed, signed and written to disk.

Identity: numbers run per symbol shape, province and year across every unit of the province (a
citation "Kế hoạch số 12/KH-UBND … của UBND tỉnh" cannot tell the province's plan from a commune's,
so two of them must never share a number), and a plan never carries the number of a document it
cites (the extractor drops such a citation). Citations always write the number exactly as the
cited document does (``05``, never ``5``: the store does not equate them).
"""

import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass

from testkit.synth import prose
from testkit.synth.files import Doc, Sink
from testkit.synth.prose import Topic
from testkit.synth.text import MOTTO_PARTY, MOTTO_STATE, Mess, Ref, date_numeric, date_words, person
from testkit.synth.units import ProvinceRef, Role, Unit, UnitInfo
from testkit.synth.world import Settings, Timeline, between

__all__ = ["Issuer", "LocalWriter"]


@dataclass(frozen=True, slots=True)
class Issuer:
    """A unit together with what the generator records about its documents."""

    unit: Unit
    info: UnitInfo


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


class LocalWriter:
    """Writes the documents of one province's units, streaming them to disk; records which central
    documents they lead to."""

    def __init__(self, prov: ProvinceRef, settings: Settings, sink: Sink, tl: Timeline) -> None:
        self.p = prov
        self.s = settings
        self.sink = sink
        self.tl = tl
        self.rng = random.Random(f"{settings.seed}/{prov.code}")
        self.mess = Mess(self.rng, settings.mess)
        self.subdir = f"{prov.code:02d}_{prov.slug}"
        self.seq = 0
        self.budget = settings.scale
        self.numbers: dict[tuple[str, int], int] = {}
        self.cover: set[str] = set()  # central keys some document of the province leads to
        self.implemented: set[str] = set()  # central keys a document here implements directly
        self.type_word_at_issue = {o.name: o.type_word for o in prov.olds} | {prov.name: prov.type_word}

    # -- primitives ---------------------------------------------------------------------------

    def _date(self, a: dt.date, b: dt.date) -> dt.date:
        return between(self.rng, a, b)

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
