"""References to other documents, once per document with every mention kept, and their relations.

A mention is a symbol (``Nghị quyết số 57-NQ/TW``) or a short form after a first full mention
(``Nghị quyết 57``, ``Kế hoạch số 386``). Its relation comes from its context:

- in the title: a report ``reports_on`` it, an urging letter ``urges`` it, any other document
  ``implements`` it;
- in a sentence that opens with a basis cue (Thực hiện, Căn cứ, Triển khai, Trên cơ sở, Quán
  triệt …), as an item of that sentence's list: ``implements``;
- nested in another reference's description (``Kế hoạch số 49-CTrHĐ/TU … về thực hiện Nghị quyết
  số 45-NQ/TW``): ``cites``;
- elsewhere: an urging letter ``urges`` it; a report ``reports_on`` it after ``báo cáo kết quả
  thực hiện``; an implementing cue right before it gives ``implements``; otherwise ``cites``.
"""

import itertools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from ingest.dates import parse_date_at
from ingest.gazetteer import era_of, resolve_place
from ingest.layout import Layout
from ingest.records import DateValue, DocumentIdentity, Evidence, Mention, NormalizedText, Reference, Symbol
from ingest.symbols import find_symbols
from ontology.codes import (
    TYPE_NAME_PATTERN,
    TYPE_NAMES,
    fold_type_name,
    level_of_issuer_code,
    type_name_of_code,
)
from ontology.terms import RELATION_PRIORITY, Level, Relation

__all__ = ["RULE_CONFIDENCE", "DocumentKind", "find_references"]

_TYPE_ALT = TYPE_NAME_PATTERN
_TYPE_BEFORE = re.compile(
    rf"(?P<tname>{_TYPE_ALT}|NQ|QĐ|CT|KL|HD|KH|CTr|TB|CV|NĐ|TT)\s*(?:số\s*:?|Số\s*:?)?\s*$", re.I
)
_TYPE_INITIALS = "".join(sorted({c for t in TYPE_NAMES for c in (t[0].lower(), t[0].upper())}))
# The look-ahead for a type name's first letter lets the regex engine skip most positions cheaply.
_SHORT_FORM = re.compile(
    rf"(?=[{_TYPE_INITIALS}])(?<![\w/])(?P<tname>{_TYPE_ALT})\s+(?:số\s+)?(?P<num>\d{{1,5}})(?![\d/.,-]?\d|\s*[-/]\s*[A-Za-zĐđ]|\w)",
    re.I,
)
_TYPE_LAST_WORDS = tuple(sorted({t.split()[-1].lower() for t in TYPE_NAMES}))
_SHORT_NUM = re.compile(r"\d(?<=\s\d)\d{0,4}")  # a number right after a space or line break
_WORD_START = re.compile(r"(?<![\w/])[^\W\d_]")
_SHORT_WINDOW = 2 * max(len(t) for t in TYPE_NAMES) + 16
_DATE_AFTER = re.compile(r"[\s,]*(?:\(\s*)?(?:được\s+)?(?:ban\s+hành\s+)?(?=ngày)", re.I)
_BY_AFTER = re.compile(r"[\s,]*(?:của|do)\s+(?P<by>[^;:()\"“”]{2,160})", re.I)
_CONGRESS_AFTER = re.compile(
    r"[\s,]*(?:của\s+|tại\s+)?Hội\s+nghị\s+(?:lần\s+thứ\s+\w+|Trung\s+ương\s+\w+)\s*(?:của\s+)?"
    r"(?P<by>Ban\s+Chấp\s+hành\s+Trung\s+ương(?:\s+Đảng)?)",
    re.I,
)
_BY_STOP = re.compile(
    r"\s+(?:về|nhằm|để|trong|thực\s+hiện|triển\s+khai|ban\s+hành|tại|khóa|khoá|hướng\s+dẫn|quy\s+định|"
    r"V/v|đã|được|cùng|như|với|gửi|cho|đối\s+với|trên\s+địa\s+bàn|ngày|kèm|trước|tiếp\s+tục|và\s+(?:"
    + _TYPE_ALT
    + r"))\b"
    r"|[,.;]|\s+-\s+",
    re.I,
)
_BASIS_START = re.compile(
    r"[_=|\s]*(?:[IVX]+\.|\d+(?:\.\d+)*[.)]|\(\d+\)|[a-zđ]\)|[-–+•])?\s*(?:[^.:;\n]{2,40}:\s*)?(?:Tiếp\s+tục\s+)?(?:Thực\s+hiện|Căn\s+cứ|Triển\s+khai|"
    r"Trên\s+cơ\s+sở|[Qq]uán\s+triệt|Theo|Thi\s+hành|Chấp\s+hành|[Tt]hực\s+hiện|[Tt]riển\s+khai|"
    r"(?:Để|Nhằm)\s+(?:triển\s+khai|thực\s+hiện|cụ\s+thể\s+hóa|cụ\s+thể\s+hoá))\b"
)
_IMPLEMENT_CUE = re.compile(
    r"(?:thực\s+hiện|triển\s+khai|quán\s+triệt|căn\s+cứ|cụ\s+thể\s+hóa|cụ\s+thể\s+hoá|tuyên\s+truyền|"
    r"học\s+tập|trên\s+cơ\s+sở|theo)(?:\s+(?:nội\s+dung\s+)?(?:của|tại|trong))?[^.;]{0,70}$",
    re.I,
)
_REPORT_CUE = re.compile(r"(?:báo\s+cáo|kết\s+quả|tình\s+hình|sơ\s+kết|tổng\s+kết)(?:\s+\w+){0,6}\s*$", re.I)
# A report's sections on what comes next: references there are tasks, not what is reported on.
_FUTURE_SECTION = re.compile(
    r"nhiệm\s+vụ|phương\s+hướng|thời\s+gian\s+tới|kiến\s+nghị|đề\s+xuất|giải\s+pháp|kế\s+hoạch", re.I
)
_SECTION_HEADING = re.compile(r"^[ \t]*(?:[IVX]+|\d+)\.[ \t]+(?P<h>[^\n]{2,100})$", re.M)
# A proposal or a report merely considered: "Theo đề nghị của …", "Xét đề nghị …", "Về đề xuất của …".
_PROPOSAL = re.compile(
    r"(?:đề\s+nghị|đề\s+xuất)\s+(?:của|tại)\b|\b(?:Xét|xét)\s+(?:đề\s+nghị|Tờ\s+trình|tờ\s+trình)"
    r"|\b(?:Theo|Xét|xét)\s+(?:nội\s+dung\s+)?(?:Báo\s+cáo|báo\s+cáo)\b"  # a report merely considered
)
# "Theo Báo cáo số …", "Xét Tờ trình số …": a report or a proposal considered (the type word is the
# reference's own).
_CONSIDERED = re.compile(r"\b(?:Theo|Xét|xét)\s+(?:nội\s+dung\s+)?$")
# A title that amends: "Sửa đổi, bổ sung một số điều của Quy chế ban hành kèm theo Quyết định số …".
_AMENDING_TITLE = re.compile(
    r"\s*(?:Về\s+việc\s+)?(?:sửa\s+đổi|bổ\s+sung|bãi\s+bỏ|thay\s+thế|đính\s+chính)\b", re.I
)
# Something issued before, told as background: "… đã ban hành Quyết định số", "… đã có Văn bản số".
_ISSUED_EARLIER = re.compile(
    r"\b(?:đã|vừa|mới)\s+(?:[\wÀ-ỹ]+\s+){0,3}?(?:ban\s+hành|có|ký)\s+[^,;.():]{0,25}$", re.I
)
# A basis cue in the middle of a sentence: "Việc ban hành Kế hoạch này căn cứ vào Nghị quyết số …".
_BASIS_MIDWAY = re.compile(r"(?<!\w)(?:[Cc]ăn\s+cứ(?:\s+vào)?|[Dd]ựa\s+(?:trên|vào))(?!\w)")
_ISSUED = re.compile(r"\bđã\s+ban\s+hành\b")
# What a document amends, replaces or repeals is not its basis: "… sửa đổi, bổ sung một số điều của
# Nghị định số 63/2010/NĐ-CP".
_AMENDS = re.compile(
    r"(?:sửa\s+đổi|bổ\s+sung|thay\s+thế|bãi\s+bỏ|đính\s+chính)(?:\s*,\s*(?:bổ\s+sung|bãi\s+bỏ))?"
    r"(?:\s+(?:một\s+số\s+điều(?:\s*,\s*khoản)?|các\s+điều|điều\s+\d+|nội\s+dung))?(?:\s+(?:của|tại))?\s*$",
    re.I,
)
_NAMED_DOCUMENT = re.compile(
    rf"\s*(?:các\s+)?(?:{_TYPE_ALT}|văn\s+bản|ý\s+kiến|chỉ\s+đạo\s+của|Điều\s+lệ|Hiến\s+pháp)\b",
    re.I,
)
_LIST_ITEM = re.compile(r"[ \t]*(?:\d+(?:\.\d+)*[.)]|\(\d+\)|[a-zđ]\)|[-–+•])(?:\s|$)")
_COORDINATOR = re.compile(r"(?:,|;|\bvà|\bcùng(?:\s+với)?|\bhoặc|\bvà\s+các)\s*$")
_CENTRAL_BY = re.compile(
    r"Bộ\s+Chính\s+trị|Ban\s+Bí\s+thư|Ban\s+Chấp\s+hành\s+Trung\s+ương|Chính\s+phủ|Thủ\s+tướng|Quốc\s+hội|"
    r"Trung\s+ương|^Bộ\s|^Văn\s+phòng\s+Chính\s+phủ",
    re.I,
)


# How often each rule's relation is right, measured on the real documents of shared/corpus/real
# (bench/bench_extract_quality.py prints the table: rule, references it decided, share right).
# Rules that decided too few references there to measure keep a prior of 0.5.
# Each figure is (right + 1) / (decided + 2), so that a rule seen rarely stays near the prior.
RULE_CONFIDENCE: dict[str, float] = {
    "basis": 0.99,  # 191 decided, 99.5 % right
    "proposal": 0.96,  # 21, 100 %
    "title": 0.94,  # 14, 100 %
    "coordinated": 0.88,  # 15, 93 %
    "preamble_list": 0.83,  # 4, 100 %
    "amends": 0.8,  # 3, 100 %
    "elsewhere": 0.78,  # 25, 80 %
    "nested": 0.78,  # 7, 86 %
    "own_sentence": 0.75,  # 2, 100 %
    "issued_earlier": 0.71,  # 5, 80 %
    "urging": 0.67,  # 1
    "report_cue": 0.67,  # 1
    "report_tail": 0.5,
    "report_nested": 0.5,
    "report_task": 0.33,  # 1, 0 %
}


@dataclass(frozen=True, slots=True)
class DocumentKind:
    """What kind of document is being read, as far as relations are concerned."""

    is_report: bool
    is_urging: bool


@dataclass(slots=True)
class _Raw:
    symbol: Symbol | None
    short_key: tuple[str, int] | None
    start: int  # of the type word when there is one, else of the symbol
    sym_start: int
    end: int
    type_name: str | None
    as_written: str


_LEVEL_WORDS: tuple[tuple[re.Pattern[str], Level | None], ...] = (
    (
        re.compile(
            r"Ban\s+Chấp\s+hành\s+Trung\s+ương|Bộ\s+Chính\s+trị|Ban\s+Bí\s+thư|Chính\s+phủ|Thủ\s+tướng|"
            r"Quốc\s+hội|Trung\s+ương|\bBộ\s+[A-ZĐ]",
            re.I if False else 0,
        ),
        Level.CENTRAL,
    ),
    (re.compile(r"(?<!thị )\b(?:xã|phường|thị\s+trấn|đặc\s+khu)\b", re.I), Level.COMMUNE),
    (re.compile(r"\b(?:huyện|quận|thị\s+xã)\b", re.I), Level.DISTRICT),
    (re.compile(r"\b(?:tỉnh|Sở)\b|Thành\s+(?:ủy|uỷ)", re.I), Level.PROVINCE),
    (
        re.compile(r"\bthành\s+phố\b", re.I),
        None,
    ),  # a centrally-run city, or (before 2025) a district-level one
)


def _level_of_by(by: str, date: str | None, citing_level: Level | None, citing_city: bool) -> Level | None:
    """Level of an issuer phrase: the first level word in it decides ("Chính phủ … của tỉnh" is central).

    ``thành phố`` with a name is looked up; without one it is a centrally-run city from July 2025 on,
    and before that only the citing city itself.
    """
    hits = [(m.start(), level, m) for pattern, level in _LEVEL_WORDS if (m := pattern.search(by))]
    if not hits:
        return None
    _, level, m = min(hits, key=lambda h: h[0])
    if level is not None:
        return level
    name = re.match(r"\s+([A-ZĐÀ-Ỹ][\wÀ-ỹ]*(?:\s+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*){0,3})", by[m.end() :])
    if name:
        place = resolve_place(f"thành phố {name.group(1)}", date=date)
        return place.level if place and place.province else None
    if era_of(date) == "current":
        return Level.PROVINCE
    return citing_level if citing_city else None


_NEXT_BLOCK = re.compile(
    r"\n\s*(?=(?:[^\n]*[a-zà-ỹđ]){0}[A-ZĐÀ-Ỹ\s,]{4,}(?:\n|$)|(?:Căn\s+cứ|Thực\s+hiện|Kính\s+gửi|Xét|Theo)\b)"
)


def _clean_by(raw: str) -> str | None:
    block = _NEXT_BLOCK.search(raw)
    if block:
        raw = raw[: block.start()]  # "… của Bộ Chính trị\nCHÍNH PHỦ\nCăn cứ …": stop at the next block
    by = re.sub(r"\s+", " ", raw)
    m = _BY_STOP.search(by)
    if m:
        by = by[: m.start()]
    by = by.strip(" ,-–")
    by = re.sub(r"\b(tỉnh|thành|huyện) (ủy|uỷ)\b", lambda m: f"{m.group(1).capitalize()} {m.group(2)}", by)
    by = re.sub(r"^(?:Ủy|Uỷ) ban nhân dân\b", "UBND", by, flags=re.I)
    return by if len(by) >= 2 else None


def _same_symbol(a: Symbol, b: Symbol) -> bool:
    return (
        a.canonical.split("/", 1)[-1].upper() == b.canonical.split("/", 1)[-1].upper()
        and a.family == b.family
    )


def _dated_otherwise(text: str, end: int, own_date: str | None) -> bool:
    """A symbol like the document's own followed by another date is another document."""
    m = _DATE_AFTER.match(text, end, min(len(text), end + 20))
    if not m:
        return False
    d = parse_date_at(text, m.end(), min(len(text), m.end() + 40))
    if d is None or d.value is None or not re.fullmatch(r"(?:ngày\s*)?", text[m.end() : d.start]):
        return False
    return own_date is None or d.value.iso != own_date


def _type_before(text: str, pos: int) -> tuple[str | None, int]:
    window_start = max(0, pos - 60)
    m = _TYPE_BEFORE.search(text, window_start, pos)
    if not m:
        return None, pos
    tname = re.sub(r"\s+", " ", m.group("tname"))
    full = next((t for t in TYPE_NAMES if t.lower() == tname.lower()), None)
    if full is None:
        full = type_name_of_code(tname, party=False) or type_name_of_code(tname, party=True)
    return (fold_type_name(full) if full else None), m.start()


def _short_forms(text: str, end: int) -> Iterator[re.Match[str]]:
    """What ``_SHORT_FORM.finditer(text, 0, end)`` yields, found faster.

    Scanning for a type name at every word costs more than the rest of reference finding; a number
    after a space is rarer. Each one whose last word before it (past "số") could end a type name is
    confirmed by ``_SHORT_FORM`` at the word starts of a window that holds the longest type name.
    """
    for n in _SHORT_NUM.finditer(text, 0, end):
        words = text[max(0, n.start() - _SHORT_WINDOW) : n.start()].split()
        if words and words[-1].lower() == "số":
            words.pop()
        if not words or not words[-1].lower().endswith(_TYPE_LAST_WORDS):
            continue
        for w in _WORD_START.finditer(text, max(0, n.start() - _SHORT_WINDOW), n.start()):
            m = _SHORT_FORM.match(text, w.start(), end)
            if m is not None and m.start("num") == n.start():
                yield m  # the earliest start is the one a scan from the left would find
                break


def _collect(
    norm: NormalizedText,
    lay: Layout,
    own: Symbol | None,
    own_date: str | None,
    own_spans: list[tuple[int, int]],
) -> list[_Raw]:
    """Every mention in the text before the closing; mentions of the document's own number go to
    ``own_spans`` instead."""
    text = norm.text
    raws: list[_Raw] = []
    end_zone = lay.closing_start
    number_span = (lay.number_line.start, lay.number_line.end) if lay.number_line else (-1, -1)
    for sm in find_symbols(text):
        if sm.start >= end_zone or number_span[0] <= sm.start < number_span[1]:
            continue
        own_again = (
            own is not None and sm.symbol.number_int == own.number_int and _same_symbol(sm.symbol, own)
        )
        if own_again and not _dated_otherwise(text, sm.end, own_date):
            own_spans.append((sm.start, sm.end))
            continue  # the document's own number, repeated
        if sm.symbol.family == "party" and sm.symbol.type_code == "BS":
            continue  # the number of a copy, not a document
        tname, tstart = _type_before(text, sm.start)
        s, e = norm.to_original(sm.start, sm.end)
        raws.append(_Raw(sm.symbol, None, tstart, sm.start, sm.end, tname, norm.original[s:e]))
    # Whether a short form starts or ends inside a symbol's span, by bisection over the spans sorted
    # by start with the running maximum of their ends (a scan of every span was quadratic).
    spans = sorted((r.start, r.end) for r in raws)
    starts = [a for a, _ in spans]
    reach = list(itertools.accumulate((b for _, b in spans), max))
    for m in _short_forms(text, end_zone):
        i, j = bisect_right(starts, m.start()) - 1, bisect_left(starts, m.end()) - 1
        if (i >= 0 and m.start() < reach[i]) or (j >= 0 and m.end() <= reach[j]):
            continue
        tname = fold_type_name(
            next(t for t in TYPE_NAMES if t.lower() == re.sub(r"\s+", " ", m.group("tname")).lower())
        )
        s, e = norm.to_original(m.start(), m.end())
        raws.append(
            _Raw(
                None,
                (tname, int(m.group("num"))),
                m.start(),
                m.start("num"),
                m.end(),
                tname,
                norm.original[s:e],
            )
        )
    raws.sort(key=lambda r: r.start)
    return raws


def _in_future_section(lay: Layout, pos: int) -> bool:
    heading = lay.heading_before(pos)
    return heading is not None and bool(_FUTURE_SECTION.search(heading))


def _in_basis_section(lay: Layout, pos: int, sentence_start: int) -> bool:
    """A list item under a heading such as "2. Căn cứ xây dựng Đề án" or "Căn cứ pháp lý",
    when the reference opens the item."""
    heading = lay.heading_before(pos)
    if heading is None or not re.match(r"căn\s+cứ", heading, re.I):
        return False
    item = lay.text[sentence_start:pos]
    return len(re.sub(r"^[\s\-–+•*]*", "", item)) <= 40


def _opens_with_basis(text: str, clause_start: int, first_ref_start: int) -> bool:
    """A clause opening with a basis cue followed closely by its first reference, or by the name of a
    document without a number ("Thực hiện Luật Phổ biến, giáo dục pháp luật năm 2012; … Quyết định số …")."""
    m = _BASIS_START.match(text, clause_start, first_ref_start + 1)
    if m is None:
        return False
    return first_ref_start - m.end() <= 40 or bool(_NAMED_DOCUMENT.match(text, m.end(), first_ref_start))


def _relation(
    raw: _Raw,
    prev: _Raw | None,
    prev_rel: Relation | None,
    first_in_sentence: _Raw,
    lay: Layout,
    kind: DocumentKind,
    own_spans: list[tuple[int, int]],
) -> tuple[Relation, str]:
    """The relation a mention states, from the zone it lies in and the words before it, and the name
    of the rule that decided it (its confidence is measured per rule, see ``RULE_CONFIDENCE``)."""
    text = lay.text
    is_report_ref = raw.type_name == "Báo cáo" or (raw.symbol is not None and raw.symbol.type_code == "BC")
    if lay.in_title(raw.sym_start):
        title_lead = text[lay.title_span[0] if lay.title_span else 0 : raw.start]
        if _AMENDS.search(title_lead[-120:]) or _AMENDING_TITLE.match(title_lead):
            return _rule(Relation.CITES, "amends")  # "Sửa đổi, bổ sung một số điều của Quyết định số …"
        if kind.is_report:
            return _rule(Relation.CITES if is_report_ref else Relation.REPORTS_ON, "title")
        return _rule(Relation.URGES if kind.is_urging else Relation.IMPLEMENTS, "title")
    s_start, s_end = lay.sentence_at(raw.sym_start)
    clause_start = text.rfind(";", s_start, raw.start) + 1 or s_start
    clause_lead = text[clause_start : raw.start]
    if prev is not None and prev.end <= s_start:
        prev = None
    near_lead = text[max(prev.end, clause_start) if prev is not None else clause_start : raw.start]
    # A proposal or a report merely considered ("Theo đề nghị của Sở … tại Tờ trình số …").
    considered = raw.type_name in ("Báo cáo", "Tờ trình") and _CONSIDERED.search(clause_lead)
    if (
        considered
        or _PROPOSAL.search(clause_lead)
        or (raw.type_name == "Tờ trình" and _PROPOSAL.search(text[s_start : raw.start]))
    ):
        return _rule(Relation.CITES, "proposal")
    # Background: what someone issued before ("Bộ … đã xây dựng và ban hành Quyết định số …").
    if _ISSUED_EARLIER.search(near_lead[-80:]):
        return _rule(Relation.CITES, "issued_earlier")
    if kind.is_report and not is_report_ref:
        lead_all = text[prev.end if prev is not None else s_start : raw.start]
        if _REPORT_CUE.search(lead_all[-90:]) and not re.search(r"\bvề\b", lead_all):
            return _rule(
                Relation.REPORTS_ON, "report_cue"
            )  # "… báo cáo kết quả thực hiện Kế hoạch số 45/KH-UBND"
    clause_opens_basis = _opens_with_basis(text, _skip_space(text, clause_start), raw.start)
    if clause_start > s_start and not clause_opens_basis and _AMENDS.search(clause_lead[-120:]):
        return _rule(Relation.CITES, "amends")  # "…; Chính phủ ban hành Nghị định sửa đổi … Nghị định số …"
    basis = (
        _opens_with_basis(text, s_start, first_in_sentence.start)
        or (clause_start > s_start and clause_opens_basis)
        or (raw.start < lay.preamble_end and _basis_midway(text, s_start, raw.start))
        or _in_basis_section(lay, raw.start, s_start)
        or lay.in_basis_block(raw.start)
    )
    on_basis = Relation.IMPLEMENTS
    if basis and kind.is_report and lay.heading_before(s_start, lay.body_start) is not None:
        # In a report's sections (past its opening), "Triển khai Nghị quyết …" tells what was done.
        on_basis = Relation.IMPLEMENTS if _in_future_section(lay, raw.start) else Relation.REPORTS_ON
    coordinated = prev is not None and not (near_lead.strip() and not _COORDINATOR.search(near_lead.rstrip()))
    if basis and kind.is_report and prev is not None and not coordinated:
        return _rule(
            Relation.CITES, "report_nested"
        )  # a report names what it reports on itself; nested mentions are context
    if basis:
        return _rule(
            on_basis, "basis"
        )  # every document a basis clause names, also within another's description
    if any(a >= s_start and b <= s_end for a, b in own_spans) and _IMPLEMENT_CUE.search(clause_lead[-90:]):
        return _rule(
            Relation.IMPLEMENTS, "own_sentence"
        )  # "UBND xã ban hành Kế hoạch số 18/KH-UBND … thực hiện Kế hoạch số …"
    if coordinated:
        return _rule(
            prev_rel if prev_rel is not None else Relation.CITES, "coordinated"
        )  # "A, B và C": the same role
    if _AMENDS.search(clause_lead[-120:]):
        return _rule(Relation.CITES, "amends")
    if (
        lay.has_header
        and not (kind.is_report or kind.is_urging)
        and lay.body_start <= raw.start < lay.preamble_end
        and _LIST_ITEM.match(text, text.rfind("\n", 0, s_start) + 1, s_start + 1)
    ):
        return _rule(
            Relation.IMPLEMENTS, "preamble_list"
        )  # a list in the opening of a plan or decision names its bases
    if prev is not None:
        return _rule(Relation.CITES, "nested")  # nested in the previous reference's description
    if kind.is_urging:
        return _rule(Relation.URGES, "urging")
    tail = near_lead[-90:]
    if kind.is_report and _REPORT_CUE.search(tail) and not is_report_ref:
        return _rule(Relation.REPORTS_ON, "report_tail")
    if (
        _IMPLEMENT_CUE.search(tail)
        and kind.is_report
        and not _in_future_section(lay, raw.start)
        and not is_report_ref
    ):
        return _rule(
            Relation.REPORTS_ON, "report_task"
        )  # a report describing how a directive was carried out
    # Elsewhere in the body, "thực hiện Nghị định số …" names a task, not the document's basis:
    # bases are stated in the title and the opening (Căn cứ, Thực hiện …).
    return _rule(Relation.CITES, "elsewhere")


# A sentence that tells when and by whom the document it names was issued:
# "Ngày 28 tháng 10 năm 2025, Chủ tịch Ủy ban nhân dân Thành phố đã ban hành Công văn số …".
_TOLD_ISSUED = re.compile(
    r"[Nn]gày\s+(?P<date>\d[^,]{4,24}?)\s*,?\s+"
    r"(?P<org>[A-ZĐÀ-Ỹ][^,;.:]{2,120}?)\s+(?:(?:đã|vừa|mới)\s+)*(?:ký\s+)?(?:ban\s+hành|có)\s+(?:[Vv]ăn\s+bản\s+|[Cc]ông\s+văn\s+)?(?:số\s*)?$"
)


def _told_issued(text: str, lay: Layout, raw: _Raw) -> tuple[DateValue | None, str | None] | None:
    """The date and issuer a sentence gives before the document it says was issued."""
    s_start, _ = lay.sentence_at(raw.sym_start)
    window = text[max(s_start, raw.start - 200) : raw.start]
    if "gày" not in window or not window.rstrip().endswith(("hành", "có", "bản", "văn", "số")):
        return None  # the common case: no date told before it
    lead = re.sub(r"\s+", " ", window)
    m = _TOLD_ISSUED.search(lead)
    if m is None:
        return None
    d = parse_date_at("ngày " + m.group("date"))
    date = d.value if d is not None and d.value is not None and d.value.precision == "day" else None
    return date, _clean_by(m.group("org"))


def _basis_midway(text: str, start: int, end: int) -> bool:
    """A basis cue in the middle of the sentence before ``end``, with nothing issued after it."""
    m = _BASIS_MIDWAY.search(text, start, end)
    # "căn cứ vào Nghị quyết số …" names a basis; "căn cứ chức năng, nhiệm vụ" does not.
    return (
        m is not None
        and _NAMED_DOCUMENT.match(text, m.end()) is not None
        and _ISSUED.search(text, m.end(), end) is None
    )


def _rule(relation: Relation, rule: str) -> tuple[Relation, str]:
    return relation, rule


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\n":
        pos += 1
    return pos


def _evidence(norm: NormalizedText, lay: Layout, pos: int) -> Evidence:
    a, b = lay.sentence_at(pos)
    s, e = norm.to_original(a, b)
    return Evidence(s, e, norm.original[s:e])


def find_references(
    norm: NormalizedText,
    lay: Layout,
    kind: DocumentKind,
    own: Symbol | None,
    warnings: list[str],
    citing: DocumentIdentity | None = None,
) -> list[Reference]:
    """All documents the text mentions, each once, with relations, metadata and evidence.

    ``citing`` (the document being read) lends its level to references it makes to its own
    unit's documents without naming the issuer ("Kế hoạch số 41/KH-UBND" in a report of a UBND).
    """
    text = norm.text
    own_spans: list[tuple[int, int]] = []
    raws = _collect(norm, lay, own, citing.date if citing else None, own_spans)
    refs: dict[str, Reference] = {}
    by_short: dict[tuple[str, int], str] = {}
    prev: _Raw | None = None
    prev_rel: Relation | None = None
    first_of_sentence: dict[tuple[int, int], _Raw] = {}
    for raw in raws:
        first_of_sentence.setdefault(lay.sentence_at(raw.sym_start), raw)
    for raw in raws:
        rel, rule = _relation(
            raw, prev, prev_rel, first_of_sentence[lay.sentence_at(raw.sym_start)], lay, kind, own_spans
        )
        if raw.symbol is not None or raw.short_key in by_short:
            prev, prev_rel = raw, rel  # an unresolved short form ("Đề án 06") is not a list item
        if raw.symbol is None:
            assert raw.short_key is not None
            key = by_short.get(raw.short_key)
            if key is None:
                msg = f"short reference {re.sub(r'\s+', ' ', raw.as_written)!r} has no full mention in the document"
                if msg not in warnings:
                    warnings.append(msg)
                continue
            short_ref = refs[key]
            short_ref.mentions.append(Mention(None, raw.as_written, raw.start, raw.end, raw.type_name, None, None, None, rel,
                                        _evidence(norm, lay, raw.sym_start), rule))  # fmt: skip
            continue
        sym = raw.symbol
        after = raw.end
        date_value = None
        date_invalid = None
        m = _DATE_AFTER.match(text, after, min(len(text), after + 20))
        if m:
            d = parse_date_at(text, m.end(), min(len(text), m.end() + 40))
            if d is not None and re.fullmatch(r"(?:ngày\s*)?", text[m.end() : d.start]):
                date_value = d.value
                date_invalid = d.raw if d.invalid else None
                after = d.end
        by = None
        bm = _CONGRESS_AFTER.match(text, after, min(len(text), after + 200)) or _BY_AFTER.match(
            text, after, min(len(text), after + 200)
        )
        if bm:
            by = _clean_by(bm.group("by"))
        if date_value is None or by is None:
            told = _told_issued(text, lay, raw)  # "Ngày 16/8/2022, Bộ … đã có Văn bản số …"
            if told is not None:
                date_value = date_value or told[0]
                by = by or told[1]
        mention = Mention(sym, raw.as_written, raw.start, raw.end, raw.type_name, date_value, date_invalid, by, rel,
                          _evidence(norm, lay, raw.sym_start), rule)  # fmt: skip
        key = sym.canonical.upper()
        ref = refs.get(key)
        if ref is None:
            ref = Reference(number=sym.canonical, symbol=sym, doc_type=None, date=None, issuer=None, level=None,
                            relations=[], mentions=[])  # fmt: skip
            refs[key] = ref
        ref.mentions.append(mention)
        if sym.type_code:
            name = type_name_of_code(sym.type_code, party=sym.family == "party")
            if name:
                by_short.setdefault((fold_type_name(name), sym.number_int), key)
        if raw.type_name:
            by_short.setdefault((raw.type_name, sym.number_int), key)
    out = []
    for ref in refs.values():
        _aggregate(ref, warnings, citing)
        out.append(ref)
    return out


def _aggregate(ref: Reference, warnings: list[str], citing: DocumentIdentity | None) -> None:
    sym = ref.symbol
    typed = [m.type_name for m in ref.mentions if m.type_name]
    if typed:
        ref.doc_type = typed[0]
    elif sym.type_code:
        ref.doc_type = type_name_of_code(sym.type_code, party=sym.family == "party")
    elif sym.family == "state":
        ref.doc_type = "Công văn"  # a State symbol with no type code is a công văn (NĐ 30/2020)
    else:
        ref.doc_type = None  # "64/2025/QH15" alone: a law or a resolution; the text did not say
    dated = [m.date for m in ref.mentions if m.date is not None]
    if dated:
        ref.date = dated[0].iso
    else:
        bad = [m.date_invalid for m in ref.mentions if m.date_invalid]
        if bad:
            warnings.append(f"invalid date {bad[0]!r} for {ref.number}: left empty")
    issuers = [m.issuer for m in ref.mentions if m.issuer]
    ref.issuer = issuers[0] if issuers else None
    level = None
    citing_issuer = (citing.issuer or "") if citing else ""
    citing_city = bool(re.search(r"\bthành\s+phố\b", citing_issuer, re.I))
    for by in issuers:
        level = _level_of_by(
            by, ref.date or (citing.date if citing else None), citing.level if citing else None, citing_city
        )
        if level:
            break
    if level is None:
        level = level_of_issuer_code(sym.issuer_code, party=sym.family == "party")
    if (
        level is None
        and not issuers
        and citing is not None
        and sym.issuer_code == "UBND"
        and citing_issuer.startswith("UBND")
    ):
        level = citing.level  # its own unit's document, cited without naming the issuer
    ref.level = level
    rels = {m.relation for m in ref.mentions}
    ordered = [r for r in RELATION_PRIORITY if r in rels]
    if len(ordered) > 1:
        ordered = [r for r in ordered if r is not Relation.CITES]
    ref.relations = ordered
    # The primary relation is as sure as the surest rule that read it.
    best = max(
        (m for m in ref.mentions if m.relation is ordered[0]), key=lambda m: RULE_CONFIDENCE.get(m.rule, 0.5)
    )
    ref.rule = best.rule
    ref.confidence = RULE_CONFIDENCE.get(best.rule, 0.5)
