"""Issuing units of the synthetic corpus, taken from the official unit lists.

Provinces come from ``vietnam_provinces`` (34 current units, 63 legacy ones merged into them through
``ontology.provinces.MERGED_INTO``); communes and wards from ``Ward.iter_by_province``; legacy
districts from ``legacy.District``. Each unit carries what the generator writes about it and records
as ground truth: its issuer name, its current province, its province at issue and, for communes and
districts, its locality (:func:`issuer_info`). The extractor is not asked.

A unit is used only when its documents say unambiguously where it sits (``Unit.placeable``), by
rules on the official lists alone:

- every name it is written with is plain words (no ``-``, digit or apostrophe: ``tỉnh Bà Rịa -
  Vũng Tàu``, ``phường Văn Miếu - Quốc Tử Giám``, ``quận 1``, ``phường 2 Bảo Lộc``, ``xã Ea H'leo``
  are written, cut and re-cased in too many ways), no word has a capital inside (``xã KDang`` is
  also written ``Kdang``), and the official name starts with a capital type word as the lists write
  it (``xã Bắc Sơn`` in Lạng Sơn does not);
- a UBND xã / huyện header names the unit but not its province, so such a unit is used only when
  no other province of its era has a unit of the same type and name, diacritics folded
  (``phường Việt Hưng``, ``huyện Châu Thành``, ``huyện Thanh Trì`` / ``huyện Thạnh Trị`` are left out).

``tests/graph/test_synth.py`` checks that the extractor and the gap engine read the generated
corpus back as recorded.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import Any

from vietnam_provinces import Province, Ward, legacy

from graph.identity import scope_of
from ingest.gazetteer import fold, plain_province_name, split_unit_type
from ontology.provinces import MERGED_INTO

__all__ = [
    "DEPARTMENTS",
    "OldProvince",
    "ProvinceRef",
    "Role",
    "Unit",
    "UnitInfo",
    "all_provinces",
    "commune_units",
    "department_units",
    "district_units",
    "issuer_info",
    "party_commune_units",
    "province_units",
    "reads_headerless",
    "resolve_provinces",
]


class Role(StrEnum):
    """What kind of body a unit is."""

    PARTY_PROVINCE = "tu"  # Tỉnh ủy / Thành ủy
    PEOPLES_COMMITTEE = "ubnd"  # UBND tỉnh / thành phố
    DEPARTMENT = "so"  # Sở
    DISTRICT = "huyen"  # UBND huyện / quận / thị xã (until 30 June 2025)
    COMMUNE = "xa"  # UBND xã / phường / đặc khu (from 1 July 2025)
    PARTY_COMMUNE = "dux"  # Đảng ủy xã / phường / đặc khu


# Provincial departments after the March 2025 reorganisation: name as written, symbol code, drafting office.
DEPARTMENTS: tuple[tuple[str, str, str], ...] = (
    ("Sở Khoa học và Công nghệ", "SKHCN", "QLKH"),
    ("Sở Nội vụ", "SNV", "VP"),
    ("Sở Tài chính", "STC", "VP"),
    ("Sở Công Thương", "SCT", "VP"),
    ("Sở Nông nghiệp và Môi trường", "SNNMT", "VP"),
    ("Sở Xây dựng", "SXD", "VP"),
    ("Sở Giáo dục và Đào tạo", "SGDĐT", "VP"),
    ("Sở Y tế", "SYT", "VP"),
    ("Sở Văn hóa, Thể thao và Du lịch", "SVHTTDL", "VP"),
    ("Sở Tư pháp", "STP", "VP"),
)

_TYPE_PREFIX = re.compile(r"^(?:Tỉnh|Thành phố|Huyện|Quận|Thị xã|Xã|Phường|Thị trấn|Đặc khu)\s+", re.I)


@dataclass(frozen=True, slots=True)
class OldProvince:
    """A province as it was before 1 July 2025."""

    code: int
    name: str  # plain name: "Kon Tum"
    type_word: str  # "tỉnh" | "thành phố"


@dataclass(frozen=True, slots=True)
class ProvinceRef:
    """A current province and the legacy provinces merged into it."""

    code: int
    name: str  # plain name as the gazetteer writes it: "Thanh Hóa", "Hồ Chí Minh"
    type_word: str  # "tỉnh" | "thành phố"
    olds: tuple[OldProvince, ...]

    @property
    def slug(self) -> str:
        return fold(self.name).replace(" ", "-")


@dataclass(frozen=True, slots=True)
class Unit:
    """An issuing body as documents write it."""

    role: Role
    era: str  # "legacy" (until 30 June 2025) | "current"
    header: tuple[str, ...]  # left header column, superior first, upper case
    party: bool
    place: str  # place of the date line
    name: str  # how its own documents name it in the body ("UBND xã Triệu Sơn")
    cite: str  # how other documents name it after "của" ("UBND tỉnh Thanh Hóa")
    code: str  # issuer part of its symbols: UBND, SKHCN, TU, ĐU
    office: str  # drafting office of its công văn (State) — "VP", "KGVX", "QLKH"
    province: str  # current province (plain name)
    province_at_issue: str  # province at the date of its documents
    level: str
    issuer: str  # the issuer as the graph names it ("Tỉnh ủy Thanh Hóa", "Sở Nội vụ tỉnh Thanh Hóa")
    locality: str | None  # communes and districts: "xã Triệu Sơn"
    placeable: bool  # its documents say where it sits (see the module docstring)

    def symbol(self, number: str, type_code: str) -> str:
        """The canonical symbol of one of its documents (``45/KH-UBND``, ``06-KH/ĐU``)."""
        if self.party:
            return f"{number}-{type_code}/{self.code}"
        return f"{number}/{type_code}-{self.code}"

    def letter_symbol(self, number: str) -> str:
        """The symbol of one of its công văn (``345/UBND-KGVX``, ``579-CV/TU``)."""
        if self.party:
            return f"{number}-CV/{self.code}"
        return f"{number}/{self.code}-{self.office}"


@dataclass(frozen=True, slots=True)
class UnitInfo:
    """What the generator records about a unit's documents, as the graph keys them."""

    issuer: str
    scope: str  # scope text of its documents' keys: "Thanh Hóa", "Thanh Hóa/xã Triệu Sơn"
    unit_key: tuple[str, str]  # (folded issuer, folded current province): the gap engine's unit


@cache
def _current_codes() -> dict[int, Any]:
    return {int(p.code): p.code for p in Province.iter_all()}


@cache
def _legacy_codes() -> dict[int, Any]:
    return {int(p.code): p.code for p in legacy.Province.iter_all()}


def _type_word(division_type: object) -> str:
    value = str(getattr(division_type, "value", division_type))
    return "thành phố" if value == "thành phố trung ương" else value


def _short(name: str) -> str:
    return _TYPE_PREFIX.sub("", name)


@cache
def all_provinces() -> tuple[ProvinceRef, ...]:
    """The 34 current provinces, by code, with the legacy provinces merged into each."""
    legacy_by_code = {int(p.code): p for p in legacy.Province.iter_all()}
    out = []
    for p in Province.iter_all():
        olds = tuple(
            OldProvince(
                c, plain_province_name(legacy_by_code[c].name), _type_word(legacy_by_code[c].division_type)
            )
            for c in MERGED_INTO[int(p.code)]
        )
        out.append(ProvinceRef(int(p.code), plain_province_name(p.name), _type_word(p.division_type), olds))
    return tuple(sorted(out, key=lambda x: x.code))


@cache
def _province_index() -> dict[str, int]:
    idx: dict[str, int] = {}
    for p in all_provinces():
        idx[fold(p.name)] = p.code
        idx[str(p.code)] = p.code
        idx[f"{p.code:02d}"] = p.code
        for o in p.olds:
            idx.setdefault(fold(o.name), p.code)
    return idx


def _lookup(name: str) -> int | None:
    idx = _province_index()
    key = fold(name)
    if key in idx:
        return idx[key]
    _tw, rest = split_unit_type(name)
    return idx.get(rest)


def resolve_provinces(names: Sequence[str] | None) -> list[ProvinceRef]:
    """Current provinces named by current or old names (or codes); None or ``all`` means all 34.

    >>> [p.name for p in resolve_provinces(["Kon Tum", "tỉnh Thanh Hóa", "Quảng Ngãi"])]
    ['Thanh Hóa', 'Quảng Ngãi']
    """
    if names is None or any(fold(n) == "all" for n in names):
        return list(all_provinces())
    by_code = {p.code: p for p in all_provinces()}
    unknown = []
    codes: list[int] = []
    for n in names:
        code = _lookup(n)
        if code is None:
            unknown.append(n)
        elif code not in codes:
            codes.append(code)
    if unknown:
        msg = f"unknown province(s): {', '.join(repr(u) for u in unknown)} (use a current or pre-2025 province name)"
        raise ValueError(msg)
    return sorted((by_code[c] for c in codes), key=lambda p: p.code)


_NUMERAL = re.compile(r"(?:\s+\d+)+$")


def _place(short: str) -> str:
    """The place of the date line: ``Phường Móng Cái 3`` writes ``Móng Cái``."""
    return _NUMERAL.sub("", short) or short


def _full(type_word: str, name: str) -> str:
    return f"{type_word} {name}"


_PLAIN = re.compile(r"[^\W\d_]+(?: [^\W\d_]+)*")  # words of letters separated by single spaces
_CAPITAL_TYPE = re.compile(r"^(?:Tỉnh|Thành phố|Huyện|Quận|Thị xã|Xã|Phường|Thị trấn|Đặc khu)\s")


def _plain(*names: str) -> bool:
    """Plain words, none with a capital inside (``KDang``, ``SRó`` are re-cased by whoever retypes them)."""
    return all(_PLAIN.fullmatch(n) and all(w[1:] == w[1:].lower() for w in n.split()) for n in names)


@cache
def _provinces_by_name() -> dict[tuple[str, str, str], frozenset[int]]:
    """(era, type word, folded name) → the provinces (current or legacy codes) with such a unit:
    the current communes and wards, and the legacy districts."""
    out: dict[tuple[str, str, str], set[int]] = {}
    for w in Ward.iter_all():
        key = ("current", _type_word(w.division_type), fold(_short(str(w.name))))
        out.setdefault(key, set()).add(int(w.province_code))
    for d in legacy.District.iter_all():
        key = ("legacy", _type_word(d.division_type), fold(_short(str(d.name))))
        out.setdefault(key, set()).add(int(d.province_code))
    return {k: frozenset(v) for k, v in out.items()}


def _unique(era: str, type_word: str, short: str) -> bool:
    """Whether only one province of the era has a unit of this type and (folded) name."""
    return len(_provinces_by_name().get((era, type_word, fold(short)), frozenset())) == 1


def province_units(p: ProvinceRef) -> dict[tuple[str, str], Unit]:
    """Province-level units: (role, era-or-old-province) → unit. Old ones carry the old province's name."""
    out: dict[tuple[str, str], Unit] = {}
    for era, tw, name, at_issue in [("current", p.type_word, p.name, p.name)] + [
        ("legacy", o.type_word, o.name, o.name) for o in p.olds
    ]:
        tag = "current" if era == "current" else f"old:{name}"
        full_up = _full(tw, name).upper()
        committee = "THÀNH ỦY" if tw == "thành phố" else "TỈNH ỦY"
        committee_prose = "Thành ủy" if tw == "thành phố" else "Tỉnh ủy"
        out[(Role.PARTY_PROVINCE, tag)] = Unit(
            Role.PARTY_PROVINCE,
            era,
            (f"ĐẢNG BỘ {full_up}", committee, "*"),
            True,
            name,
            f"Ban Thường vụ {committee_prose}",
            f"Ban Thường vụ {committee_prose} {name}",
            "TU",
            "",
            p.name,
            at_issue,
            "province",
            f"{committee_prose} {name}",
            None,
            _plain(name),
        )
        out[(Role.PEOPLES_COMMITTEE, tag)] = Unit(
            Role.PEOPLES_COMMITTEE,
            era,
            ("ỦY BAN NHÂN DÂN", full_up),
            False,
            name,
            f"UBND {tw}",
            f"UBND {tw} {name}",
            "UBND",
            "KGVX",
            p.name,
            at_issue,
            "province",
            f"UBND {tw} {name}",
            None,
            _plain(name),
        )
    return out


def department_units(p: ProvinceRef, old: OldProvince | None = None) -> list[Unit]:
    """The departments of the current province, or of an old one (dated before 1 July 2025)."""
    tw, name, era = (old.type_word, old.name, "legacy") if old else (p.type_word, p.name, "current")
    sup = f"UBND {_full(tw, name).upper()}"
    return [
        Unit(
            Role.DEPARTMENT,
            era,
            (sup, dept.upper()),
            False,
            name,
            dept,
            dept,
            code,
            office,
            p.name,
            name,
            "province",
            f"{dept} {tw} {name}",
            None,
            _plain(name),
        )
        for dept, code, office in DEPARTMENTS
    ]


def commune_units(p: ProvinceRef) -> list[Unit]:
    """UBND of the current communes, wards and special zones of the province (official list)."""
    out = []
    for w in Ward.iter_by_province(_current_codes()[p.code]):
        tw, short = _type_word(w.division_type), _short(str(w.name))
        out.append(
            Unit(
                Role.COMMUNE,
                "current",
                ("ỦY BAN NHÂN DÂN", f"{tw} {short}".upper()),
                False,
                _place(short),
                f"UBND {tw} {short}",
                f"UBND {tw} {short}",
                "UBND",
                "VP",
                p.name,
                p.name,
                "commune",
                f"UBND {tw} {short}",
                f"{tw} {short}",
                _plain(p.name, short)
                and bool(_CAPITAL_TYPE.match(str(w.name)))
                and _unique("current", tw, short),
            )
        )
    return out


def party_commune_units(p: ProvinceRef) -> list[Unit]:
    """Party committees of the current communes and wards (their header names the province too)."""
    out = []
    sup = f"ĐẢNG BỘ {_full(p.type_word, p.name).upper()}"
    for w in Ward.iter_by_province(_current_codes()[p.code]):
        tw, short = _type_word(w.division_type), _short(str(w.name))
        out.append(
            Unit(
                Role.PARTY_COMMUNE,
                "current",
                (sup, f"ĐẢNG ỦY {tw} {short}".upper(), "*"),
                True,
                _place(short),
                f"Đảng ủy {tw} {short}",
                f"Đảng ủy {tw} {short}",
                "ĐU",
                "",
                p.name,
                p.name,
                "commune",
                f"Đảng ủy {tw} {short}",
                f"{tw} {short}",
                _plain(p.name, short) and bool(_CAPITAL_TYPE.match(str(w.name))),
            )
        )
    return out


def district_units(p: ProvinceRef, old: OldProvince) -> list[Unit]:
    """UBND of the districts of an old province (documents dated before 1 July 2025)."""
    out = []
    for d in legacy.District.iter_by_province(_legacy_codes()[old.code]):
        tw, short = _type_word(d.division_type), _short(str(d.name))
        if tw == "thành phố":
            continue  # "thành phố X" also names a province: never unambiguous
        out.append(
            Unit(
                Role.DISTRICT,
                "legacy",
                ("ỦY BAN NHÂN DÂN", f"{tw} {short}".upper()),
                False,
                _place(short),
                f"UBND {tw} {short}",
                f"UBND {tw} {short}",
                "UBND",
                "VP",
                p.name,
                old.name,
                "district",
                f"UBND {tw} {short}",
                f"{tw} {short}",
                _plain(old.name, short)
                and bool(_CAPITAL_TYPE.match(str(d.name)))
                and _unique("legacy", tw, short),
            )
        )
    return out


@cache
def issuer_info(u: Unit) -> UnitInfo | None:
    """What the generator records about the documents of ``u`` (issuer, scope of their keys, the gap
    engine's unit); None when ``u`` is not placeable, and so never used."""
    if not u.placeable:
        return None
    scope = scope_of(u.level, u.province, u.locality).text()
    return UnitInfo(u.issuer, scope, (fold(u.issuer), fold(u.province)))


def reads_headerless(u: Unit) -> bool:
    """Whether a report of ``u`` may leave out its header: the body then names the unit
    (``UBND xã Triệu Sơn báo cáo …``), which places a commune or district of a unique name; the
    body's ``UBND tỉnh`` or ``Sở Nội vụ`` would not say which province, and Party documents always
    carry their header."""
    return u.placeable and u.role in (Role.COMMUNE, Role.DISTRICT)
