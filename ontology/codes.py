"""Code tables for document numbers: type codes, type names and issuer codes with their level.

Sources: Nghị định 30/2020/NĐ-CP Phụ lục III (State type codes), Hướng dẫn 36-HD/VPTW and
Quy định 66-QĐ/TW (Party type and issuer codes); see ``shared/docs/vn-conventions.md`` §1.
Codes are compared case-insensitively; the canonical spelling is the one listed here.
"""

import re

from ontology.terms import Level

__all__ = [
    "CANONICAL_CODE_CASE",
    "ISSUER_CODES",
    "PARTY_TYPE_CODES",
    "STATE_TYPE_CODES",
    "TYPE_NAMES",
    "TYPE_NAME_PATTERN",
    "canonical_code",
    "fold_type_name",
    "level_of_issuer_code",
    "looks_like_party_issuer",
    "type_name_of_code",
]

# Vietnamese document-type names, longest first where one is a prefix of another.
TYPE_NAMES: tuple[str, ...] = (
    "Chương trình hành động",
    "Kế hoạch hành động",
    "Thông báo kết luận",
    "Nghị quyết liên tịch",
    "Thông tư liên tịch",
    "Nghị quyết",
    "Quyết định",
    "Chỉ thị",
    "Kết luận",
    "Quy định",
    "Quy chế",
    "Thông tri",
    "Hướng dẫn",
    "Chương trình",
    "Kế hoạch",
    "Thông báo",
    "Thông cáo",
    "Công văn",
    "Công điện",
    "Tờ trình",
    "Báo cáo",
    "Biên bản",
    "Đề án",
    "Dự án",
    "Phương án",
    "Nghị định",
    "Thông tư",
    "Luật",
    "Pháp lệnh",
    "Hiến pháp",
    "Lệnh",
)

# The type names as a regex alternation, any run of spaces between their words (longest first).
TYPE_NAME_PATTERN = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in TYPE_NAMES)

# Collapse compound names onto the type a compliance officer counts.
_TYPE_NAME_FOLD = {
    "Chương trình hành động": "Chương trình",
    "Kế hoạch hành động": "Kế hoạch",
    "Thông báo kết luận": "Thông báo",
    "Nghị quyết liên tịch": "Nghị quyết",
    "Thông tư liên tịch": "Thông tư",
}

# State administrative type codes (NĐ 30/2020 Phụ lục III) and normative-only codes.
STATE_TYPE_CODES: dict[str, str] = {
    "NQ": "Nghị quyết",
    "QĐ": "Quyết định",
    "CT": "Chỉ thị",
    "QC": "Quy chế",
    "QyĐ": "Quy định",
    "TC": "Thông cáo",
    "TB": "Thông báo",
    "HD": "Hướng dẫn",
    "CTr": "Chương trình",
    "KH": "Kế hoạch",
    "PA": "Phương án",
    "ĐA": "Đề án",
    "DA": "Dự án",
    "BC": "Báo cáo",
    "BB": "Biên bản",
    "TTr": "Tờ trình",
    "HĐ": "Hợp đồng",
    "CĐ": "Công điện",
    "BGN": "Bản ghi nhớ",
    "BTT": "Bản thỏa thuận",
    "GUQ": "Giấy ủy quyền",
    "GM": "Giấy mời",
    "GGT": "Giấy giới thiệu",
    "GNP": "Giấy nghỉ phép",
    "PG": "Phiếu gửi",
    "PC": "Phiếu chuyển",
    "PB": "Phiếu báo",
    "NĐ": "Nghị định",
    "TT": "Thông tư",
    "TTLT": "Thông tư liên tịch",
    "NQLT": "Nghị quyết liên tịch",
    "L": "Luật",
}

# Party type codes (HD 36-HD/VPTW); CTrHĐ is a local variant of CTr, QyĐ a misuse seen in practice.
PARTY_TYPE_CODES: dict[str, str] = {
    "NQ": "Nghị quyết",
    "QĐ": "Quyết định",
    "QĐi": "Quy định",
    "QyĐ": "Quy định",
    "CT": "Chỉ thị",
    "KL": "Kết luận",
    "HD": "Hướng dẫn",
    "KH": "Kế hoạch",
    "CTr": "Chương trình",
    "CTrHĐ": "Chương trình",
    "KHHĐ": "Kế hoạch",
    "CV": "Công văn",
    "TB": "Thông báo",
    "BS": "Bản sao",
    "TT": "Thông tri",
    "BC": "Báo cáo",
    "TTr": "Tờ trình",
    "BB": "Biên bản",
    "QC": "Quy chế",
    "ĐA": "Đề án",
    "PA": "Phương án",
    "TC": "Thông cáo",
    "CĐ": "Công điện",
}

CANONICAL_CODE_CASE: dict[str, str] = {
    code.upper(): code
    for code in [*STATE_TYPE_CODES, *PARTY_TYPE_CODES, "TTg", "TTh", "UBTVQH", "HĐND", "UBND"]
}

# Issuer codes of central and provincial bodies as they appear after the type code of a State symbol
# (the ministries' codes of NĐ 123/2016 and their common short forms): a symbol whose type and issuer
# codes were written without their hyphen ("491/QĐTTg", "61/2018/NĐCP") or with a space inside the
# issuer's code ("TT-BGD ĐT") is restored only to one of these.
ISSUER_CODES: frozenset[str] = frozenset({
    "CP", "TTg", "VPCP", "UBND", "HĐND", "UBTVQH", "QH", "BCA", "BCT", "BGDĐT", "BGTVT", "BKHCN", "BKHĐT",
    "BLĐTBXH", "LĐTBXH", "BNG", "BNNPTNT", "BNNMT", "BNV", "BQP", "BTC", "BTNMT", "BTP", "BTTTT", "BVHTTDL",
    "BXD", "BYT", "BDTTG", "NHNN", "TTCP", "KTNN", "UBDT", "TANDTC", "VKSNDTC",
})  # fmt: skip

# Party issuer codes by level (vn-conventions §1c). BCĐ and ĐU alone do not tell the level.
_PARTY_ISSUERS_CENTRAL = {
    "TW", "VPTW", "BTCTW", "BTGTW", "BTGDVTW", "BCĐTW", "UBKTTW", "BDVTW", "BNCTW", "BKTTW",
    "BĐNTW", "TWĐTN", "ĐUKCQTW", "ĐUCQTW",
}  # fmt: skip
_PARTY_ISSUER_RE = re.compile(
    r"^(?:[A-ZĐ]{0,8}(?:TW|TU|HU|QU|THU|ĐU|ĐUK|BCĐ|CB|ĐĐ|BCSĐ)|BXDĐ|VPĐU|UBKTĐU|TTCT|TWĐTN|BCH)$"
)


def canonical_code(code: str) -> str:
    """Return the canonical spelling of a type or issuer code (``qđ-ttg`` parts → ``QĐ``, ``TTg``).

    >>> canonical_code("ttg"), canonical_code("qđi"), canonical_code("ubnd")
    ('TTg', 'QĐi', 'UBND')
    """
    up = code.upper()
    return CANONICAL_CODE_CASE.get(up, up)


def type_name_of_code(code: str, *, party: bool) -> str | None:
    """Vietnamese type name of a type code, or None when the code is not a type code."""
    canon = canonical_code(code)
    table = PARTY_TYPE_CODES if party else STATE_TYPE_CODES
    return table.get(canon)


def fold_type_name(name: str) -> str:
    """Fold a compound type name onto its base type (``Kế hoạch hành động`` → ``Kế hoạch``)."""
    return _TYPE_NAME_FOLD.get(name, name)


def looks_like_party_issuer(code: str) -> bool:
    """True for issuer codes shaped like Party bodies: TW, TU, HU, ĐU, BCĐTW, BTGDVTU, VPĐU ..."""
    first = canonical_code(code.split("-")[0])
    return first in _PARTY_ISSUERS_CENTRAL or bool(_PARTY_ISSUER_RE.match(first))


def level_of_issuer_code(code: str, *, party: bool) -> Level | None:
    """Level implied by an issuer code alone, or None when the code is ambiguous (UBND, ĐU, BCĐ).

    >>> level_of_issuer_code("TW", party=True), level_of_issuer_code("BTGTU", party=True)
    (<Level.CENTRAL: 'central'>, <Level.PROVINCE: 'province'>)
    >>> level_of_issuer_code("UBND", party=False) is None
    True
    """
    first = canonical_code(code.split("-")[0])
    if party:
        if first in _PARTY_ISSUERS_CENTRAL or first.endswith("TW"):
            return Level.CENTRAL
        if first.endswith("TU"):
            return Level.PROVINCE
        if first.endswith(("HU", "QU", "THU")):
            return Level.DISTRICT
        if first in {"VPĐU", "BXDĐ", "UBKTĐU"}:
            return Level.COMMUNE
        return None
    if first in {
        "CP",
        "TTg",
        "VPCP",
        "UBTVQH",
        "TANDTC",
        "VKSNDTC",
        "KTNN",
        "NHNN",
        "BCĐTW",
        "LĐTBXH",
    } or re.match(
        r"^(?:(?:QH|UBTVQH)\d*|UB[A-ZĐ]{2,8}\d{2})$",
        first,  # committees of the National Assembly: UBPLTP15
    ):
        return Level.CENTRAL
    if re.match(r"^B[A-ZĐ]{1,8}$", first) and not first.startswith(("BCĐ", "BQL", "BTC", "BCH")):
        return Level.CENTRAL  # ministries: BKHCN, BTTTT, BNV, BGDĐT, BCA ...
    if first == "BTC":
        return Level.CENTRAL  # Bộ Tài chính
    if re.match(r"^S[A-ZĐ]{1,8}$", first):
        return Level.PROVINCE  # provincial departments: SKHCN, STTTT, SNV ...
    return None
