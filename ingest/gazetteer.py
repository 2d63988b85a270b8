"""Places written in documents → provinces before and after the 1 July 2025 reform.

A thin layer over ``vietnam-provinces`` (NSO data for both eras): an exact index on folded names
split by unit type, era chosen from the document date, old provinces mapped to current ones
through ``ontology.provinces``. Names that match several units stay unresolved: the caller gets
``None`` and a warning, never a guess (vn-conventions §5.5, §6.9).
"""

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from vietnam_provinces import Province, Ward, legacy

from ontology.provinces import MERGED_INTO, NAMES_BEFORE, REFORM_DATE
from ontology.terms import Level

__all__ = [
    "Place",
    "current_province_name",
    "era_of",
    "fold",
    "official_spelling",
    "plain_province_name",
    "province_spelling",
    "resolve_place",
    "split_unit_type",
]

_TYPE_WORDS = {
    "tinh": "tỉnh",
    "thanh pho": "thành phố",
    "tp": "thành phố",
    "huyen": "huyện",
    "quan": "quận",
    "thi xa": "thị xã",
    "tx": "thị xã",
    "xa": "xã",
    "phuong": "phường",
    "thi tran": "thị trấn",
    "tt": "thị trấn",
    "dac khu": "đặc khu",
}
_TYPE_RE = re.compile(r"^(thanh pho|thi xa|thi tran|dac khu|tinh|tp|huyen|quan|tx|xa|phuong|tt)\s+(.+)$")
_ALIASES = {
    "tp hcm": ("thành phố", "ho chi minh"),
    "tphcm": ("thành phố", "ho chi minh"),
    "hcm": ("thành phố", "ho chi minh"),
    "sai gon": ("thành phố", "ho chi minh"),
    "thua thien hue": ("thành phố", "hue"),
    "tt hue": ("thành phố", "hue"),
    "br vt": ("tỉnh", "ba ria vung tau"),
    "daklak": ("tỉnh", "dak lak"),
}
_CURRENT_OF_LEGACY = {old: new for new, olds in MERGED_INTO.items() for old in olds}


@lru_cache(maxsize=1 << 16)
def fold(s: str) -> str:
    """Match key of a place name: lowercase, no diacritics, đ→d, punctuation to spaces.

    >>> fold("Đăk Glei") == fold("Đắk Glei") == fold("DAK  GLEI")
    True
    """
    s = unicodedata.normalize("NFD", s.replace("Đ", "D").replace("đ", "d").replace("Ð", "D"))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", " ", s).strip()


def split_unit_type(place: str) -> tuple[str | None, str]:
    """Split the unit-type word off a place name: ``huyện Đăk Glei`` → (``huyện``, ``dak glei``)."""
    key = fold(place)
    if key in _ALIASES:
        return _ALIASES[key]
    m = _TYPE_RE.match(key)
    if m:
        if m.group(2) in _ALIASES:  # "tỉnh Thừa Thiên Huế": the unit lists name it otherwise now
            return _ALIASES[m.group(2)]
        return _TYPE_WORDS[m.group(1)], m.group(2)
    return None, key


# Tone marks on "oa", "oe", "uy" placed the official way (Hòa Bình, Thanh Hóa, not Hoà, Hoá).
_OLD_TONE_PLACEMENT = re.compile(r"([oOuU])([àáảãạèéẻẽẹỳýỷỹỵ])(?![\wÀ-ỹ])")
_MOVE_TONE = {
    **dict(zip("àáảãạ", "aaaaa", strict=True)),
    **dict(zip("èéẻẽẹ", "eeeee", strict=True)),
    **dict(zip("ỳýỷỹỵ", "yyyyy", strict=True)),
}
_TONE_ON = {
    ("o", "\u0300"): "ò", ("o", "\u0301"): "ó", ("o", "\u0309"): "ỏ", ("o", "\u0303"): "õ", ("o", "\u0323"): "ọ",
    ("u", "\u0300"): "ù", ("u", "\u0301"): "ú", ("u", "\u0309"): "ủ", ("u", "\u0303"): "ũ", ("u", "\u0323"): "ụ",
}  # fmt: skip


def official_spelling(name: str) -> str:
    """Tone marks placed as official names write them.

    >>> official_spelling("Hoà Bình"), official_spelling("Thanh Hoá"), official_spelling("Khánh Hòa")
    ('Hòa Bình', 'Thanh Hóa', 'Khánh Hòa')
    """

    def move(m: re.Match[str]) -> str:
        vowel, marked = m.group(1), m.group(2)
        mark = unicodedata.normalize("NFD", marked)[1:]
        base = _TONE_ON.get((vowel.lower(), mark))
        if base is None:
            return m.group(0)
        return (base.upper() if vowel.isupper() else base) + _MOVE_TONE[marked]

    return _OLD_TONE_PLACEMENT.sub(move, name)


def plain_province_name(name: str) -> str:
    """``Thành phố Hải Phòng`` → ``Hải Phòng``; ``Tỉnh Hoà Bình`` → ``Hòa Bình`` (official spelling)."""
    return official_spelling(re.sub(r"^(?:Tỉnh|Thành phố)\s+", "", name))


@dataclass(frozen=True, slots=True)
class _Unit:
    era: str  # "legacy" | "current"
    level: Level
    type_word: str
    name: str
    code: int
    province_code: int


@dataclass(slots=True)
class _Index:
    by_key: dict[str, list[_Unit]] = field(default_factory=lambda: defaultdict(list))
    province_names: dict[tuple[str, int], str] = field(default_factory=dict)


def _type_word(division_type: object) -> str:
    value = str(getattr(division_type, "value", division_type))
    return "thành phố" if value == "thành phố trung ương" else value


def _strip_type(name: str, type_word: str) -> str:
    return re.sub(rf"^{re.escape(type_word)}\s+", "", name, flags=re.I)


@cache
def _index() -> _Index:
    idx = _Index()

    def add(era: str, level: Level, unit: Any, province_code: int) -> None:
        tw = _type_word(unit.division_type)
        name = str(unit.name)
        short = re.sub(r"^(?:Tỉnh|Thành phố|Huyện|Quận|Thị xã|Xã|Phường|Thị trấn|Đặc khu)\s+", "", name)
        u = _Unit(era, level, tw, short, int(unit.code), province_code)
        idx.by_key[fold(short)].append(u)

    for p in Province.iter_all():
        add("current", Level.PROVINCE, p, int(p.code))
        idx.province_names[("current", int(p.code))] = plain_province_name(p.name)
    for w in Ward.iter_all():
        add("current", Level.COMMUNE, w, int(w.province_code))
    for lp in legacy.Province.iter_all():
        add("legacy", Level.PROVINCE, lp, int(lp.code))
        idx.province_names[("legacy", int(lp.code))] = plain_province_name(lp.name)
    district_province: dict[int, int] = {}
    for d in legacy.District.iter_all():
        district_province[int(d.code)] = int(d.province_code)
        add("legacy", Level.DISTRICT, d, int(d.province_code))
    for lw in legacy.Ward.iter_all():
        add("legacy", Level.COMMUNE, lw, district_province[int(lw.district_code)])
    return idx


def era_of(date: str | None) -> str | None:
    """``legacy`` before 1 July 2025, ``current`` from then, None when the date cannot tell."""
    if not date:
        return None
    if len(date) >= 7:
        return "current" if date[:7] >= REFORM_DATE[:7] else "legacy"
    return None if date == REFORM_DATE[:4] else ("current" if date > REFORM_DATE[:4] else "legacy")


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved place: its level, the province at the document's date and today."""

    name: str  # as the unit is officially named, without its type word
    type_word: str
    level: Level
    era: str
    province_at_issue: str | None
    province: str | None  # current province
    warnings: tuple[str, ...] = ()


_LEVEL_OF_TYPE = {
    "tỉnh": {Level.PROVINCE},
    "thành phố": {Level.PROVINCE, Level.DISTRICT},
    "huyện": {Level.DISTRICT},
    "quận": {Level.DISTRICT},
    "thị xã": {Level.DISTRICT},
    "xã": {Level.COMMUNE},
    "phường": {Level.COMMUNE},
    "thị trấn": {Level.COMMUNE},
    "đặc khu": {Level.COMMUNE},
}


def _candidates(type_word: str | None, key: str, levels: set[Level] | None) -> list[_Unit]:
    units = _index().by_key.get(key, [])
    if type_word:
        units = [
            u
            for u in units
            if u.type_word == type_word or (type_word == "thành phố" and u.level == Level.PROVINCE)
        ]
    if levels:
        units = [u for u in units if u.level in levels]
    return units


def _provinces(u: _Unit) -> tuple[str, str]:
    names = _index().province_names
    if u.era == "current":
        name = names[("current", u.province_code)]
        return name, name
    current = _CURRENT_OF_LEGACY[u.province_code]
    return names[("legacy", u.province_code)], names[("current", current)]


def resolve_place(
    place: str,
    *,
    date: str | None = None,
    levels: set[Level] | None = None,
    province_hint: str | None = None,
) -> Place | None:
    """Resolve a place written in a document; None when unknown or ambiguous.

    ``date`` (ISO, possibly partial) picks the era: before 1 July 2025 the old units, from then
    the new ones (an old name is still tried when no new unit has it). ``province_hint``
    (a province named elsewhere in the document) narrows names that repeat across provinces.

    >>> p = resolve_place("huyện Đăk Glei", date="2025-04-10")
    >>> (p.level.value, p.province_at_issue, p.province)
    ('district', 'Kon Tum', 'Quảng Ngãi')
    >>> resolve_place("phường Kinh Môn").province
    'Hải Phòng'
    """
    type_word, key = split_unit_type(place)
    if not key:
        return None
    allowed = set(levels) if levels else None
    if type_word:
        by_type = _LEVEL_OF_TYPE[type_word]
        allowed = by_type if allowed is None else allowed & by_type
    units = _candidates(type_word, key, allowed)
    if not units:
        return None
    preferred = era_of(date)
    if preferred is not None:
        units = [u for u in units if u.era == preferred] or units
    if province_hint:
        hint = fold(province_hint)
        narrowed = [u for u in units if hint in {fold(n) for n in _provinces(u)}]
        units = narrowed or units
    # Prefer the highest level when a name is both a province and a unit inside it, when no type word says.
    if type_word is None:
        top = min(units, key=lambda u: list(Level).index(u.level)).level
        units = [u for u in units if u.level == top]
    outcomes = {(_provinces(u), u.level) for u in units}
    if len(outcomes) != 1:
        provinces = sorted({p[1] for (p, _lvl) in outcomes})
        return Place(key, type_word or "", units[0].level, units[0].era, None, None,
                     (f"place {place!r} is ambiguous: {', '.join(provinces)}",))  # fmt: skip
    (at_issue, current), level = outcomes.pop()
    u = units[0]
    if u.level == Level.PROVINCE and u.province_code in NAMES_BEFORE:
        old_name, since = NAMES_BEFORE[u.province_code]
        if (date and date < since) or (not date and fold(old_name) == fold(place.split(" ", 1)[-1])):
            at_issue = old_name  # "tỉnh Thừa Thiên Huế" in 2017: the name the unit lists no longer give
    return Place(u.name, type_word or u.type_word, level, u.era, at_issue, current)


@cache
def _province_names() -> dict[tuple[str, int], str]:
    """Province names by era and code, read from the two province lists alone (a province question
    must not wait for the index of every commune)."""
    names = {("current", int(p.code)): plain_province_name(p.name) for p in Province.iter_all()}
    names.update({("legacy", int(p.code)): plain_province_name(p.name) for p in legacy.Province.iter_all()})
    return names


@cache
def _province_aliases() -> dict[str, str]:
    names = _province_names()
    out: dict[str, str] = {}
    for new, olds in MERGED_INTO.items():
        current = names[("current", new)]
        out[fold(current)] = current
        for old in olds:
            out.setdefault(fold(names[("legacy", old)]), current)
    for alias, (_tw, key) in _ALIASES.items():
        if key in out:
            out.setdefault(alias, out[key])
    out.setdefault("thua thien hue", out[fold("Huế")])
    return out


@cache
def _spellings() -> dict[str, str]:
    return {fold(n): n for n in _province_names().values()}


def province_spelling(name: str) -> str | None:
    """The official spelling of a province name, current or before the 2025 merger, as written
    (not mapped to the province it merged into), or None.

    >>> province_spelling("tinh hau giang"), province_spelling("Atlantis")
    ('Hậu Giang', None)
    """
    _tw, key = split_unit_type(name)
    return _spellings().get(key)


def current_province_name(name: str) -> str | None:
    """The current province a province name means, old merged names included (``Kon Tum`` → ``Quảng Ngãi``).

    >>> current_province_name("Hải Dương"), current_province_name("tỉnh Đắk Lắk"), current_province_name("Atlantis")
    ('Hải Phòng', 'Đắk Lắk', None)
    """
    _tw, key = split_unit_type(name)
    return _province_aliases().get(key)
