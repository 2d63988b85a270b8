"""The document's own identity: number, type, issuer, level, place, date, title, signer, recipients.

Read from the header when there is one (vn-conventions §2), otherwise from the body ("UBND huyện
báo cáo…", "Ban Thường vụ Huyện ủy xây dựng Kế hoạch…") and the signature block. A field that
cannot be read stays None and a warning says so.
"""

import itertools
import re
from dataclasses import dataclass

from ingest.dates import parse_date_at
from ingest.gazetteer import Place, current_province_name, resolve_place
from ingest.layout import Layout, Line
from ingest.records import DocumentIdentity, Symbol
from ingest.symbols import find_symbols
from ontology.codes import (
    TYPE_NAME_PATTERN,
    TYPE_NAMES,
    fold_type_name,
    level_of_issuer_code,
    type_name_of_code,
)
from ontology.terms import Level

__all__ = ["UNIT_WORDS", "display_org", "level_of_org", "read_identity"]

UNIT_WORDS = r"(?:tỉnh|thành\s+phố|huyện|quận|thị\s+xã|xã|phường|thị\s+trấn|đặc\s+khu)"
_NAME = r"(?:[A-ZĐÀ-Ỹ][\wÀ-ỹ]*(?:(?:[ \t]+|[ \t]*-[ \t]*)[A-ZĐÀ-Ỹ0-9][\wÀ-ỹ]*){0,4})"
_UBND = (
    r"(?:UBND|Ủy\s+ban\s+nhân\s+dân|Uỷ\s+ban\s+nhân\s+dân|ỦY\s+BAN\s+NHÂN\s+DÂN|HĐND|Hội\s+đồng\s+nhân\s+dân)"
)
_PARTY_COMMITTEE = r"(?:Tỉnh\s+ủy|Tỉnh\s+uỷ|Thành\s+ủy|Thành\s+uỷ|Huyện\s+ủy|Huyện\s+uỷ|Quận\s+ủy|Thị\s+ủy|Đảng\s+ủy|Đảng\s+uỷ)"
_ORG = (
    rf"(?P<org>(?:Chủ\s+tịch\s+)?{_UBND}(?:\s+{UNIT_WORDS}(?:\s+{_NAME})?)?"
    rf"|(?:(?:Ban\s+Thường\s+vụ|Ban\s+[Cc]hấp\s+hành|Thường\s+trực)\s+)?{_PARTY_COMMITTEE}"
    rf"(?:\s+(?:{UNIT_WORDS}\s+{_NAME}|(?:Sở|Khối|Cơ\s+quan|Bộ)\s+[A-ZĐÀ-Ỹ][^.;:\n,]{{0,60}}?))?"
    rf"|(?:Sở|Bộ)\s+[A-ZĐÀ-Ỹ][^.;:\n,]{{0,60}}?"
    rf"|Ban\s+Chỉ\s+đạo[^.;:\n]{{0,160}}?)"
)
_ACT = r"(?:đã\s+)?(?:báo\s+cáo|xây\s+dựng|ban\s+hành|hướng\s+dẫn|đề\s+nghị|thông\s+báo|yêu\s+cầu|chỉ\s+đạo|tổng\s+hợp|đánh\s+giá|triển\s+khai|phát\s+động)\b"
_ORG_AT_END = re.compile(rf"(?<![\wÀ-ỹ]){_ORG}\s*$")
_OWN_VOICE = re.compile(r"\s*(?:Thực\s+hiện|Căn\s+cứ|Theo|Triển\s+khai|Trên\s+cơ\s+sở|Để|Nhằm)\b")
_BODY_ISSUER = re.compile(rf"(?:^|[.;:]\s+|\n\s*|,\s+)(?:[^\n]{{0,3}}){_ORG}\s+{_ACT}", re.M)
_STANDING = re.compile(rf"Cơ\s+quan\s+thường\s+trực\s+(?P<org>Ban\s+Chỉ\s+đạo[^.;:]{{0,200}}?)\s+{_ACT}")
_CENTRAL_WORDS = re.compile(
    r"Bộ\s+Chính\s+trị|Ban\s+Bí\s+thư|Ban\s+Chấp\s+hành\s+Trung\s+ương|Trung\s+ương|Chính\s+phủ|Thủ\s+tướng|Quốc\s+hội|^Bộ\s|^BỘ\s",
)
_NAME_LINE = re.compile(r"^[A-ZĐÀ-Ỹ][a-zà-ỹđ]+(?:\s+[A-ZĐÀ-Ỹ][a-zà-ỹđ]+){1,4}$")
_TITLE_WORDS = re.compile(r"^(?:Nơi|Như|Lưu|Kính|Chủ|Phó|Giám|Bí|Trưởng|Thủ|Tổng|Ban|Đã|Người)\b")
_RECIPIENT_SKIP = re.compile(r"^(?:Lưu|Như\s+(?:trên|kính\s+gửi|Điều))", re.I)
_ORG_START = re.compile(
    r"^(?:ỦY|UỶ|UBND|HỘI|HĐND|TỈNH|THÀNH|HUYỆN|QUẬN|THỊ|XÃ|PHƯỜNG|ĐẶC|ĐẢNG|BAN|SỞ|BỘ|VĂN|CHÍNH|THỦ|"
    r"QUỐC|CÔNG\s+AN|TRUNG\s+TÂM|MẶT\s+TRẬN|ĐOÀN|LIÊN|CỤC|CHI|TỔNG|KHO|THANH\s+TRA|BỘ\s+CHỈ)\b"
)
_MOTTO_CELL = re.compile(
    r"^(?:CỘNG\s+H|Độc\s+lập|ĐẢNG\s+CỘNG\s+SẢN|(?:HỘI\s+|HÒA\s+XÃ\s+HỘI\s+)?CHỦ\s+NGHĨA\s+VIỆT|[*\-_=–]+$)",
    re.I,
)
_COMMITTEE = re.compile(
    r"\b(Tỉnh|Thành|Huyện|Quận|Thị)\s+(?:ủy|uỷ)(?:\s+(?:thành\s+phố\s+)?([A-ZĐÀ-Ỹ][\wÀ-ỹ]*(?:[ \t]+[A-ZĐÀ-Ỹ0-9][\wÀ-ỹ]*){0,4}))?$"
)
_COMMITTEE_UNIT = {"Tỉnh": "tỉnh", "Thành": "thành phố", "Huyện": "huyện", "Quận": "quận", "Thị": "thị xã"}
_PROVINCE_MENTION = re.compile(
    r"\b(?:tỉnh|[TĐ]ỉnh\s+(?:ủy|uỷ)|Thành\s+(?:ủy|uỷ)|thành\s+phố)\s+([A-ZĐÀ-Ỹ][\wÀ-ỹ]*(?:[ \t]+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*){0,3})"
)
_TYPE_ALT = TYPE_NAME_PATTERN
# A web page that reports a document instead of reproducing its header says who issued what:
# "Ngày 6/1/2021, UBND huyện Vĩnh Linh ban hành Quyết định số 07/QĐ-UBND …", "Ban Chỉ đạo … vừa
# ban hành Thông báo số 07-TB/CQTTBCĐ, ngày 15/10/2025 …", "Văn phòng … truyền đạt ý kiến … tại
# Công văn số 2881/VP-KGVX, ngày 07/5/2025".
_ANNOUNCE = re.compile(
    rf"(?:(?:(?:đã|vừa|mới)\s+)*(?:ký\s+)?(?:ban\s+hành|phát\s+hành)|(?:đã|vừa|mới)\s+có"
    rf"|truyền\s+đạt\s+ý\s+kiến[^.;]{{0,240}}?\btại)\s+"
    rf"(?P<tname>{_TYPE_ALT}|[Vv]ăn\s+bản)\s+(?P<so>(?:số\s*:?\s*)?)(?=\d)",
    re.I,
)
_DISTRICT_MENTION = re.compile(
    r"\b(huyện|quận|thị\s+xã)[ \t]+([A-ZĐÀÁẢÃẠÂĂÈÉẺẼẸÊÌÍỈĨỊÒÓỎÕỌÔƠÙÚỦŨỤƯỲÝỶỸỴ][\wÀ-ỹ]*(?:[ \t]+[A-ZĐÀÁẢÃẠÂĂÈÉẺẼẸÊÌÍỈĨỊÒÓỎÕỌÔƠÙÚỦŨỤƯỲÝỶỸỴ][\wÀ-ỹ]*){0,3})"
)
_INFO_ONLY = re.compile(r"\((?:để\s+)?(?:đ/b|t/d|biết|theo\s+dõi)\)", re.I)


_PROPER = [
    ("ban chấp hành trung ương", "Ban Chấp hành Trung ương"),
    ("bộ chính trị", "Bộ Chính trị"),
    ("ban bí thư", "Ban Bí thư"),
    ("ban chỉ đạo", "Ban Chỉ đạo"),
    ("ban thường vụ", "Ban Thường vụ"),
    ("ban chấp hành", "Ban Chấp hành"),
    ("chính phủ", "Chính phủ"),
    ("trung ương", "Trung ương"),
    ("quốc hội", "Quốc hội"),
    ("việt nam", "Việt Nam"),
    ("đảng bộ", "Đảng bộ"),
    ("đảng", "Đảng"),
]
_PROPER_OF = dict(_PROPER)
_PROPER_RE = re.compile(
    r"(?<![\wÀ-ỹ])(?:" + "|".join(re.escape(low) for low, _ in _PROPER) + r")(?![\wÀ-ỹ])", re.I
)
_UNIT_TOKENS = {"TỈNH": "tỉnh", "HUYỆN": "huyện", "QUẬN": "quận", "XÃ": "xã", "PHƯỜNG": "phường"}
_UNIT_PAIRS = {
    ("THỊ", "XÃ"): "thị xã",
    ("THỊ", "TRẤN"): "thị trấn",
    ("THÀNH", "PHỐ"): "thành phố",
    ("ĐẶC", "KHU"): "đặc khu",
}
_COMMITTEE_TOKENS = {
    "TỈNH": "Tỉnh",
    "THÀNH": "Thành",
    "HUYỆN": "Huyện",
    "QUẬN": "Quận",
    "THỊ": "Thị",
    "ĐẢNG": "Đảng",
}


def _mostly_upper(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def display_org(upper: str) -> str:
    """Write an organisation name from a capitalised header line the way prose writes it.

    >>> display_org("ỦY BAN NHÂN DÂN XÃ TRIỆU SƠN"), display_org("SỞ KHOA HỌC VÀ CÔNG NGHỆ")
    ('UBND xã Triệu Sơn', 'Sở Khoa học và Công nghệ')
    >>> display_org("HUYỆN ỦY CÔ TÔ"), display_org("ĐẢNG ỦY XÃ ĐẠI LỘC"), display_org("THỦ TƯỚNG CHÍNH PHỦ")
    ('Huyện ủy Cô Tô', 'Đảng ủy xã Đại Lộc', 'Thủ tướng Chính phủ')
    >>> display_org("BAN CHỈ ĐẠO VỀ PHÁT TRIỂN KHOA HỌC, CÔNG NGHỆ VÀ CHUYỂN ĐỔI SỐ TỈNH ĐẮK LẮK")
    'Ban Chỉ đạo về phát triển khoa học, công nghệ và chuyển đổi số tỉnh Đắk Lắk'
    """
    s = re.sub(r"\s+", " ", upper).strip(" *")
    if not _mostly_upper(s):
        return re.sub(r"^(?:Ủy|Uỷ) ban nhân dân\b", "UBND", s)
    words = s.upper().split(" ")
    out: list[str] = []
    i = 0
    if words[:4] in (["ỦY", "BAN", "NHÂN", "DÂN"], ["UỶ", "BAN", "NHÂN", "DÂN"]):
        out, i = ["UBND"], 4
    elif words[:4] == ["HỘI", "ĐỒNG", "NHÂN", "DÂN"]:
        out, i = ["HĐND"], 4
    elif words[:1] == ["UBND"]:
        out, i = ["UBND"], 1
    descriptive = words[:3] == ["BAN", "CHỈ", "ĐẠO"]  # "Ban Chỉ đạo về …": prose after the name
    place_mode = False
    component_start = True
    while i < len(words):
        w = words[i]
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if w in _COMMITTEE_TOKENS and nxt in {"ỦY", "UỶ"}:
            out += [_COMMITTEE_TOKENS[w], "ủy"]
            i += 2
            # "Đảng ủy Sở Khoa học …" names a body; "Tỉnh ủy Nghệ An" a place.
            after = words[i] if i < len(words) else ""
            place_mode = after not in {
                "SỞ",
                "BỘ",
                "BAN",
                "KHỐI",
                "CƠ",
                "VĂN",
                "CÔNG",
                "TRƯỜNG",
                "BỆNH",
                "CHI",
            }
            component_start = not place_mode
            continue
        if (w, nxt) in _UNIT_PAIRS:
            out.append(_UNIT_PAIRS[(w, nxt)])
            i += 2
            place_mode = True
            continue
        if w in _UNIT_TOKENS and (out or i > 0) and not (w == "XÃ" and nxt == "HỘI" and i + 2 == len(words)):
            out.append(_UNIT_TOKENS[w])
            place_mode = True
        elif place_mode:
            out.append(w.capitalize())
        elif w == "VÀ":
            out.append("và")
            component_start = not descriptive
        elif component_start:
            out.append(w.capitalize())
            component_start = (
                w in {"SỞ", "BỘ", "BAN", "VĂN", "ĐẢNG", "ỦY"} and not descriptive and len(out) == 1
            )
            if w in {"VĂN"}:
                component_start = False
        else:
            out.append(w.lower())
        i += 1
    text = " ".join(out)
    return _PROPER_RE.sub(lambda m: _PROPER_OF[m.group(0).lower()], text)


def level_of_org(org: str, place: Place | None = None) -> Level | None:
    """Level of an issuing body from its name (and the place it names, for ``thành phố``)."""
    o = re.sub(r"\s+", " ", org)
    # "xã hội" (society, "Xã hội") names no commune; a commune is "xã Hội An".
    o = re.sub(r"\b[Xx]ã hội\b", "", o)
    if re.match(r"(?:Bộ|BỘ)\s", o) and not re.search(rf"\b{UNIT_WORDS}\s", o):
        return Level.CENTRAL  # a ministry: "Bộ Lao động - Thương binh và Xã hội"
    low = o.lower()
    if re.search(r"\b(?:xã|phường|thị trấn|đặc khu)\b", low) and not re.search(r"\bthị xã\b", low):
        return Level.COMMUNE
    if re.search(r"\b(?:huyện|quận|thị xã)\b", low):
        return Level.DISTRICT
    if re.search(r"\b(?:tỉnh|sở)\b", low):
        return Level.PROVINCE
    if re.search(r"thành (?:ủy|uỷ)", low):
        return Level.PROVINCE
    if re.search(r"\bthành phố\b", low):
        return place.level if place else None
    if _CENTRAL_WORDS.search(o):
        return Level.CENTRAL
    return None


def _clean_org(org: str) -> str:
    org = re.sub(r"\s+", " ", org).strip(" ,-–")
    org = re.sub(r"^(?:Ủy|Uỷ|ỦY) ban nhân dân\b", "UBND", org, flags=re.I)
    org = re.sub(r"^UBND (\S)", lambda m: "UBND " + m.group(1).lower(), org)
    return org


# A superior and its body on one header line: "UBND TỈNH ĐỒNG THÁP SỞ GIÁO DỤC VÀ ĐÀO TẠO".
_SUBORDINATE = re.compile(
    r"(?<=[A-ZĐÀ-Ỹ])\s+(?=(?:SỞ|PHÒNG|VĂN\s+PHÒNG|CỤC|CHI\s+CỤC|TRUNG\s+TÂM|BAN\s+CHỈ\s+ĐẠO|ĐẢNG\s+ỦY|ĐẢNG\s+UỶ)\s)"
)


_PLACED_SUPERIOR = re.compile(
    r"^(?:UBND|ỦY\s+BAN\s+NHÂN\s+DÂN|UỶ\s+BAN\s+NHÂN\s+DÂN|HĐND|TỈNH\s+ỦY|THÀNH\s+ỦY|HUYỆN\s+ỦY)\s+"
    r"(?:TỈNH|THÀNH\s+PHỐ|HUYỆN|QUẬN|THỊ\s+XÃ|XÃ|PHƯỜNG)?\s*\S"
)


def _split_subordinate(cell: str) -> list[str]:
    """``UBND TỈNH ĐỒNG THÁP SỞ GIÁO DỤC …`` → the superior and the body, when the first names a place."""
    parts = _SUBORDINATE.split(cell, maxsplit=1)
    return parts if len(parts) == 2 and _PLACED_SUPERIOR.match(parts[0]) else [cell]


def _next_cell(lay: Layout, ln: Line) -> str:
    """The header line after ``ln`` that is not the motto: an organisation there means the two
    columns were read row by row ("UBND TỈNH …" / "CỘNG HÒA …" / "SỞ GIÁO DỤC …")."""
    after = [x.text for x in lay.header if x.start > ln.start and not _MOTTO_CELL.match(x.text)]
    return after[0] if after else ""


def _header_org(lay: Layout) -> tuple[str | None, str | None]:
    """(issuer, superior) from the left column of the header."""
    cells: list[str] = []
    for ln in lay.header:
        parts = [c.strip() for c in re.split(r"\s{3,}|\t", ln.text) if c.strip()]
        if parts and _MOTTO_CELL.match(parts[0]) and cells and not _ORG_START.match(_next_cell(lay, ln)):
            break  # columns read one after the other: the right column (motto, date) has begun
        for c in parts[:1] if len(parts) > 1 else parts:
            if _MOTTO_CELL.match(c) or re.fullmatch(r"(?:VIỆT\s+)?NAM", c):
                continue
            if re.match(r"^Số\b", c) or "ngày" in c or re.match(r"^V/v", c):
                continue
            letters = [ch for ch in c if ch.isalpha()]
            if letters and sum(ch.isupper() for ch in letters) >= 0.8 * len(letters):
                cells.append(c.strip(" *"))
    if not cells:
        return None, None
    joined: list[str] = []
    for c in (part.upper() for x in cells for part in _split_subordinate(x)):
        starts_unit = re.match(r"^(?:TỈNH|HUYỆN|QUẬN|XÃ|PHƯỜNG|THỊ|THÀNH|ĐẶC)\b", c) and not re.match(
            r"^\w+ (?:ỦY|UỶ)\b", c
        )
        if joined and re.fullmatch(r"(?:ỦY|UỶ) BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN", joined[-1]) and starts_unit:
            joined[-1] = f"{joined[-1]} {c}"
        elif joined and (joined[-1].endswith(",") or not _ORG_START.match(c)):
            joined[-1] = f"{joined[-1]} {c}"  # a long name wrapped over several lines
        else:
            joined.append(c)
    issuer = display_org(joined[-1])
    superior = display_org(joined[-2]) if len(joined) > 1 else None
    return issuer, superior


def _body_org(text: str, lay: Layout) -> str | None:
    window = text[lay.body_start : min(lay.closing_start, lay.body_start + 2500)]
    m = _STANDING.search(window)
    if m:
        return _clean_org(m.group("org"))
    # The document's own voice opens with its basis: "Thực hiện …, Sở Giáo dục và Đào tạo yêu cầu …";
    # another body named earlier ("Bộ … xây dựng Đề án") is context. The first few are looked at.
    first: str | None = None
    for m in itertools.islice(_BODY_ISSUER.finditer(window), 4):
        first = first or m.group("org")
        a, _ = lay.sentence_at(lay.body_start + m.start("org"))
        if _OWN_VOICE.match(text, a) and "," in text[a : lay.body_start + m.start("org")]:
            return _clean_org(m.group("org"))
    return _clean_org(first) if first else None


_AUTHORITY = re.compile(
    r"^[ \t]*(?P<org>(?:CHỦ\s+TỊCH\s+)?(?:ỦY|UỶ)\s+BAN\s+NHÂN\s+DÂN[^\n]{0,60}|CHỦ\s+TỊCH\s+UBND[^\n]{0,60})[ \t]*$",
    re.M,
)


def _authority_org(text: str, lay: Layout) -> str | None:
    """The enacting authority a decision names above its bases ("CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ")."""
    m = _AUTHORITY.search(text, 0, min(lay.preamble_end, lay.closing_start, 3000))
    return display_org(m.group("org")) if m else None


# A page's headline that names the document's kind: "Thông báo của UBND xã Tân Hội Về việc …",
# or its lead: "UBND phường Thủy Lương xây dựng Kế hoạch tổ chức …".
_HEADLINE_TYPE = re.compile(
    rf"^\s*(?P<t>{_TYPE_ALT})\s+(?:của\s+{_ORG}(?=\s+(?:[Vv]ề|V/v)\b)|của|số)\s", re.I
)
_BUILDS_TYPE = re.compile(rf"\b(?:xây\s+dựng|ban\s+hành)\s+(?P<t>{_TYPE_ALT})\b(?!\s+số)")


_NOTIFIES = re.compile(rf"{_ORG}\s+(?:xin\s+)?thông\s+báo\s+(?:để|cho|đến|tới|:)")


def _headline_org(lay: Layout) -> str | None:
    """The issuer a page's headline names: "Thông báo của UBND xã Tân Hội Về việc …"."""
    first = next((ln.text for ln in lay.lines if ln.text), "")
    m = _HEADLINE_TYPE.match(first)
    return _clean_org(m.group("org")) if m and m.group("org") else None


def _headline_type(text: str, lay: Layout) -> str | None:
    first = next((ln.text for ln in lay.lines if ln.text), "")
    m = _HEADLINE_TYPE.match(first)
    if m is None:
        a, b = lay.sentences[0] if lay.sentences else (0, 0)
        m = _BUILDS_TYPE.search(text, a, min(b, a + 600))
    if m is None:
        # "Vậy, UBND huyện thông báo để … được biết": a notice says what it is in its own words.
        return "Thông báo" if _NOTIFIES.search(text, lay.body_start, lay.closing_start) else None
    name = re.sub(r"\s+", " ", m.group("t"))
    known = next((t for t in TYPE_NAMES if t.lower() == name.lower()), None)
    return fold_type_name(known) if known else None


def _signature_org(text: str, lay: Layout) -> str | None:
    m = re.search(r"(?:TM\.|T/M|T\.M\.)\s*(?P<org>[A-ZĐÀ-Ỹ ]{4,60})", text[lay.closing_start :])
    if m and re.search(r"ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN", m.group("org")):
        return "UBND"
    return None


def _name_after_unit(text: str, unit: str) -> str | None:
    """The one place name written after ``unit`` in the text (``huyện`` → ``Đăk Glei``), if unique."""
    names = set()
    for m in re.finditer(rf"\b{unit}[ \t]+({_NAME})", text):
        words = m.group(1).split()
        keep = []
        for w in words:
            if w[0].isupper():
                keep.append(w)
            else:
                break
        if keep:
            names.add(" ".join(keep))
    return names.pop() if len(names) == 1 else None


_STANDING_SIGNATURE = re.compile(r"(?:T/M|TM\.|T\.M\.)\s*BAN\s+THƯỜNG\s+VỤ", re.I)


def _under(issuer: str, superior: str) -> str:
    """Name a body by its superior: "Văn phòng" under "Tỉnh ủy Cao Bằng" is "Văn phòng Tỉnh ủy Cao Bằng",
    "Tỉnh ủy" under "Đảng bộ tỉnh Kon Tum" is "Tỉnh ủy Kon Tum", a board under "Đảng bộ tỉnh Gia Lai"
    belongs to "Tỉnh ủy Gia Lai", a Sở under "UBND tỉnh Tuyên Quang" is the Sở "tỉnh Tuyên Quang"."""
    place = re.search(rf"\b({UNIT_WORDS})\s+({_NAME})$", superior)
    if _COMMITTEE.fullmatch(issuer) and place:
        return f"{issuer} {place.group(2)}"
    if _COMMITTEE.search(superior) or issuer.startswith("Ban Chấp hành"):
        return f"{issuer} {superior}"
    if superior.startswith("Đảng bộ") and place:
        committee = {"tỉnh": "Tỉnh ủy", "thành phố": "Thành ủy", "huyện": "Huyện ủy", "quận": "Quận ủy"}.get(
            place.group(1)
        )
        if committee:
            return f"{issuer} {committee} {place.group(2)}"
        return f"{issuer} {superior}"
    return f"{issuer} {_place_part(superior)}"


def _has_place(org: str) -> bool:
    return bool(re.search(rf"\b{UNIT_WORDS}\s+[A-ZĐÀ-Ỹ]", org) or re.search(r"(?:ủy|uỷ)\s+[A-ZĐÀ-Ỹ]", org))


def _place_part(org: str) -> str:
    m = re.search(rf"\b{UNIT_WORDS}\s+{_NAME}$", org)
    return m.group(0) if m else org


def _province_hint(text: str, superior: str | None) -> str | None:
    """A province the document names: its superior's ("UBND tỉnh Lào Cai"), else the one it names most."""
    if superior:
        m = _PROVINCE_MENTION.search(superior)
        if m and current_province_name(m.group(1)):
            return m.group(1)
    counts: dict[str, int] = {}
    for m in _PROVINCE_MENTION.finditer(text):
        current = current_province_name(m.group(1))
        if current:
            counts[current] = counts.get(current, 0) + 1
    if not counts:
        # No province named: the province of the districts it names ("UBND huyện Đan Phượng"), when
        # they all lie in one.
        provinces = set()
        for m in _DISTRICT_MENTION.finditer(text):
            p = resolve_place(f"{m.group(1)} {m.group(2)}", levels={Level.DISTRICT})
            if p is not None and p.province_at_issue:
                provinces.add(p.province_at_issue)
        return provinces.pop() if len(provinces) == 1 else None
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None
    return ranked[0][0]


def _signer(text: str, lay: Layout) -> str | None:
    tail = text[lay.closing_start :] if lay.closing_start < len(text) else text[-600:]
    candidates = [ln.strip(" *") for ln in tail.split("\n") if ln.strip(" *")]
    for ln in reversed(candidates[-12:]):
        if _NAME_LINE.match(ln) and not _TITLE_WORDS.match(ln):
            return ln
    return None


def _split_items(block: str) -> list[str]:
    items = []
    for raw in re.split(r"\n|;", block):
        item = raw.strip().lstrip("-–+•").strip()
        item = re.sub(
            r"\s*\((?:để\s+)?(?:b/c|báo\s+cáo|t/h|thực\s+hiện|p/h|phối\s+hợp)\)\s*", "", item, flags=re.I
        )
        item = item.strip(" ,.;:")
        if (
            item
            and not _RECIPIENT_SKIP.match(item)
            and not _INFO_ONLY.search(item)
            and re.search(r"\w", item)
        ):
            items.append(item)
    return items


def _recipients(text: str, lay: Layout) -> list[str]:
    m = re.search(r"Kính\s+gửi\s*:\s*", text[: lay.closing_start])
    if m:
        rest = text[m.end() : lay.closing_start]
        first = rest.split("\n", 1)[0].strip()
        if first and not first.startswith("-"):
            return _split_items(first.rstrip("."))
        listed: list[str] = []
        for ln in rest.split("\n"):
            s = ln.strip()
            if not s:
                continue
            if not s.startswith(("-", "–", "+", "•")):
                break
            listed.extend(_split_items(s))
        return listed
    m = re.search(r"(?:Nơi\s+nhận|NƠI\s+NHẬN)\s*:?", text[lay.closing_start :])
    if not m:
        return []
    block_start = lay.closing_start + m.end()
    lines = []
    for ln in text[block_start:].split("\n"):
        s = ln.strip()
        if not s:
            continue
        if s.startswith(("-", "–", "+", "•")):
            lines.append(s)
        elif lines:
            break
    items: list[str] = []
    for ln in lines:
        for it in _split_items(ln):
            if it not in items:
                items.append(it)
    return items


@dataclass(frozen=True, slots=True)
class _Announced:
    """The document a web page reports, as its lead sentence names it."""

    symbol: Symbol
    type_name: str
    issuer: str | None
    date: str | None


def _announced(text: str, lay: Layout) -> _Announced | None:
    """The document a page without a header is about: the first one its lead says was issued on a
    full date, else the first one it says was issued (a page may tell of an earlier one first)."""
    end = min(lay.closing_start, 3000)
    found = [a for m in _ANNOUNCE.finditer(text, 0, end) if (a := _announcement(text, lay, m)) is not None]
    return next((a for a in found if a.date), found[0] if found else None)


def _announcement(text: str, lay: Layout, m: re.Match[str]) -> _Announced | None:
    """What one announcing phrase says: the symbol after it, the issuer and date around it."""
    so = m.start("so")  # "số" lets a single-group symbol be read ("Công văn số 5025/VPUBND")
    sym = next(iter(find_symbols(text[so : m.end() + 40])), None)
    if sym is None or sym.start != m.end() - so:
        return None
    s_start, _ = lay.sentence_at(m.start())
    clause_start = max(s_start, text.rfind(";", 0, m.start()) + 1)
    lead = text[clause_start : m.start()]
    date: str | None = None
    after = so + sym.end
    d = parse_date_at(text, after, min(len(text), after + 50))
    if d is not None and re.fullmatch(r"[\s,(]*(?:ngày\s*)?", text[after : d.start], re.I):
        date = d.value.iso if d.value and d.value.precision == "day" else None
    lines = lead.split("\n")
    cut = max((i for i, ln in enumerate(lines) if not any(c.isalpha() for c in ln)), default=-1)
    lead = "\n".join(lines[cut + 1 :])  # after a title, a posting time or a blank line
    dated = list(re.finditer(r"(?:^|\n)\s*(?:LTS\s*:\s*)?(?=Ngày\s+\d)", lead))
    if dated:  # the line that opens with the date, after a headline in the same sentence
        lead = lead[dated[-1].end() :]
    lead = re.sub(r"^\s*(?:LTS\s*:\s*)?", "", lead)
    if re.match(r"Ngày\s+\d", lead):
        d = parse_date_at(lead, 0, 45)
        if d is not None and d.start <= 5:
            if date is None and d.value and d.value.precision == "day":
                date = d.value.iso
            lead = lead[d.end :].lstrip(" ,")
        else:  # "Ngày 10/6, …": no year, no date
            lead = lead.split(",", 1)[-1]
    named = re.split(r"\s+(?:truyền\s+đạt|đã|vừa|mới|tiếp\s+tục)\b", _clean_org(lead.strip()))[0].strip(" ,")
    if "," in named or len(named.split()) > 15:
        # "… Năm 2023, UBND tỉnh Nghệ An": the body named last, right before the verb.
        last = _ORG_AT_END.search(named)
        named = _clean_org(last.group("org")) if last else named
    issuer = named if named and named[0].isupper() and len(named.split()) <= 25 else None
    tname = re.sub(r"\s+", " ", m.group("tname"))
    known = next((t for t in TYPE_NAMES if t.lower() == tname.lower()), None)
    if known is None:  # "Văn bản số …": a letter unless its symbol names a type
        st = sym.symbol
        known = (
            type_name_of_code(st.type_code, party=st.family == "party") if st.type_code else None
        ) or "Công văn"
    return _Announced(sym.symbol, fold_type_name(known), issuer, date)


def read_identity(text: str, lay: Layout, warnings: list[str]) -> DocumentIdentity:
    """Read the document's own identity from its normalised text and layout."""
    doc = DocumentIdentity(title=lay.title)
    # Number: the first symbol on the "Số" line of the header.
    if lay.number_line is not None:
        syms = list(find_symbols(lay.number_line.text))
        if syms:
            doc.symbol = syms[0].symbol
            doc.number = syms[0].symbol.canonical
        else:
            warnings.append("the header has a 'Số' line but no readable number (blank or malformed)")
    # Type.
    if lay.type_heading:
        doc.doc_type = lay.type_heading
    elif lay.has_vv or re.search(r"Kính\s+gửi\s*:", text[: lay.closing_start]):
        doc.doc_type = "Công văn"
    elif doc.symbol is not None and doc.symbol.type_code:
        doc.doc_type = type_name_of_code(doc.symbol.type_code, party=doc.symbol.family == "party")
    elif doc.symbol is not None:
        doc.doc_type = "Công văn"
    # Date: only the place-and-date line of the header.
    if lay.date_span is not None:
        d = parse_date_at(re.sub(r"\s+", " ", text[lay.date_span[0] : lay.date_span[1]]))
        if d and d.value:
            doc.date = d.value.iso
        elif d and d.invalid:
            warnings.append(f"invalid document date {d.raw!r}")
    announced = _announced(text, lay) if not lay.has_header else None
    if announced is not None:
        doc.symbol = announced.symbol
        doc.number = announced.symbol.canonical
        doc.doc_type = doc.doc_type or announced.type_name
        doc.date = doc.date or announced.date
    if doc.doc_type is None and lay.number_line is None and lay.date_span is None:
        doc.doc_type = _headline_type(text, lay)
    if doc.doc_type is None:
        warnings.append("document type not found (no heading, V/v line or number)")
    if doc.date is None:
        warnings.append("document date not found")
    # Issuer and superior.
    issuer, superior = _header_org(lay)
    if issuer is None and announced is not None:
        issuer = announced.issuer
    if issuer is None:
        issuer = _body_org(text, lay)
    if issuer is None:
        issuer = _authority_org(text, lay)
    if issuer is None and lay.number_line is None and lay.date_span is None:
        issuer = _headline_org(lay)
    if issuer is None:
        issuer = _signature_org(text, lay)
    locality: str | None = None
    if issuer:
        issuer = re.sub(r"\s+(?:khóa|khoá)\s+[IVXLC]+$", "", issuer)  # "Ban Chấp hành Đảng bộ tỉnh khóa XIII"
    committee = _COMMITTEE.search(issuer) if issuer else None
    if issuer and committee:
        unit_word = _COMMITTEE_UNIT[committee.group(1)]
        name = committee.group(2) or _name_after_unit(text, unit_word)
        if name:
            locality = f"{unit_word} {name}"
            if not committee.group(2):
                issuer = f"{issuer} {name}"
    elif issuer:
        unit = re.search(rf"\b({UNIT_WORDS})(?:\s+({_NAME}))?$", issuer)
        if unit and unit.group(2):
            locality = f"{unit.group(1)} {unit.group(2)}"
        elif unit:
            name = _name_after_unit(text, unit.group(1))
            if name:
                issuer = f"{issuer} {name}"
                locality = f"{unit.group(1)} {name}"
        else:
            m = re.search(rf"\b({UNIT_WORDS})\s+({_NAME})$", issuer)
            if m:
                locality = f"{m.group(1)} {m.group(2)}"
    if locality is None and superior:
        m = re.search(rf"\b({UNIT_WORDS})\s+({_NAME})", superior)
        if m:
            locality = f"{m.group(1)} {m.group(2)}"
    place: Place | None = None
    if locality:
        place = resolve_place(locality, date=doc.date)
        if place is not None and place.province is None:
            hint = _province_hint(text, superior)
            if hint:
                place = resolve_place(locality, date=doc.date, province_hint=hint) or place
    doc.level = level_of_org(issuer, place) if issuer else None
    if doc.level is None and superior:
        doc.level = level_of_org(superior, place)  # a body under "UBND huyện Nga Sơn" is of its level
    if doc.level is None and doc.symbol is not None:
        doc.level = level_of_issuer_code(doc.symbol.issuer_code, party=doc.symbol.family == "party")
    if locality is None and lay.date_place:
        p = resolve_place(lay.date_place, date=doc.date)
        if p and p.province and (doc.level is None or p.level == doc.level):
            place = p
            locality = f"{p.type_word} {lay.date_place}"
            doc.level = doc.level or p.level
            if issuer and issuer.startswith("Ban Chỉ đạo") and not re.search(UNIT_WORDS, issuer):
                issuer = f"{issuer} {locality}"
    if issuer and superior and not _has_place(issuer) and _has_place(superior):
        issuer = _under(issuer, superior)
    if (
        issuer
        and _COMMITTEE.search(issuer)
        and not issuer.startswith("Ban ")
        and _STANDING_SIGNATURE.search(text[lay.closing_start :])
    ):
        issuer = f"Ban Thường vụ {issuer}"
    doc.issuer = issuer
    doc.locality = locality
    if issuer is None:
        warnings.append("issuer not found in header, body or signature")
    if doc.level is None:
        warnings.append("level of the issuer could not be read")
    if place is not None:
        doc.province = place.province
        doc.province_at_issue = place.province_at_issue
        warnings.extend(place.warnings)
    elif locality:
        warnings.append(f"place {locality!r} not found in the administrative unit lists")
    if doc.province is None and doc.level not in (Level.CENTRAL,):
        warnings.append("province could not be read")
    doc.signer = _signer(text, lay)
    doc.recipients = _recipients(text, lay)
    return doc
