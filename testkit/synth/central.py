"""The central documents of the corpus: the real chains (57-NQ/TW → 03/NQ-CP, 71/NQ-CP,
02-KH/BCĐTW; 68-NQ/TW → 138/NQ-CP; 71-NQ/TW; 72-NQ/TW), numbered and dated as in
``ontology/catalog.json``."""

import datetime as dt
import random
from typing import NamedTuple

from testkit.synth import prose
from testkit.synth.files import Doc, Sink
from testkit.synth.prose import TOPICS
from testkit.synth.text import MOTTO_PARTY, MOTTO_STATE, Mess, Ref, date_words
from testkit.synth.world import D, Settings

__all__ = ["CentralDocs", "write_central"]


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
