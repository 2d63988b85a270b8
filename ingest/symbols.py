"""Document numbers and symbols (số, ký hiệu): find, parse and canonicalise (vn-conventions §5.2).

Three families are told apart by shape: Party ``57-NQ/TW``, State ``03/NQ-CP`` (công văn
``453/SKHCN-QLKH``) and normative ``30/2020/NĐ-CP``. Variants seen in real text are accepted
(``57 - NQ/TW``, ``57NQ/TW``, ``118/TTr- STTTT``, ``QĐ-TTG``) and canonicalised; a Party symbol
written in State style (``57/NQ-TW``) becomes ``57-NQ/TW`` with the flag ``malformed_separator``.
"""

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass

from ingest.records import Symbol
from ontology.codes import (
    ISSUER_CODES,
    PARTY_TYPE_CODES,
    STATE_TYPE_CODES,
    canonical_code,
    looks_like_party_issuer,
)

__all__ = ["SymbolMatch", "find_symbols", "parse_symbol"]

AB = r"[A-Za-zĐđ][A-Za-zĐđ0-9&]*"
SP = r"[ \t]*"
# The number: up to five digits not glued to a word, a slash, a dot or a dash before them. The
# pattern opens with the digit (the look-behind follows it) so that the regex engine can skip to
# the next digit instead of trying every position.
# A number may carry a letter ("Nghị quyết 36a/NQ-CP", "30c/NQ-CP") or a decimal part for a
# resolution's sub-number ("66.2/2025/NQ-CP").
_NUM = r"(?P<num>\d(?<![\w/.,-]\d)\d{0,4}(?:[a-dA-D](?![A-Za-zĐđ])|\.\d{1,2})?)"
_RIGHT = r"(?![\w/]|-\w)"
_NORM = re.compile(rf"{_NUM}{SP}/{SP}(?P<year>(?:19|20)\d\d){SP}/{SP}(?P<sym>{AB}(?:{SP}-{SP}{AB})*){_RIGHT}")
_PARTY = re.compile(rf"{_NUM}{SP}-?{SP}(?P<type>{AB}){SP}/{SP}(?P<issuer>{AB}(?:-{AB})*){_RIGHT}")
_ADMIN = re.compile(rf"{_NUM}{SP}/{SP}(?P<sym>{AB}(?:{SP}-{SP}{AB})+){_RIGHT}")
# A type and an issuer code glued together ("Quyết định 491/QĐTTg"): accepted when they split into
# a type code and a known issuer code.
_GLUED = re.compile(rf"{_NUM}{SP}/{SP}(?P<sym>{AB}){_RIGHT}")
# The rest of an issuer code cut off by a space ("Thông tư 01/2016/TT-BGD ĐT").
_CODE_TAIL = re.compile(r"[ \t]+(?P<tail>[A-ZĐ]{1,4})(?![\wÀ-ỹ/-])")
# A công văn with a single group (Số: 245/UBND) is accepted only right after "Số" ("công văn số").
_SINGLE = re.compile(rf"[Ss](?<!\w[Ss])ố{SP}:?{SP}(?P<num>\d{{1,5}}){SP}/{SP}(?P<sym>{AB}){_RIGHT}")

_PARTY_TYPES = {c.upper() for c in PARTY_TYPE_CODES}
_STATE_TYPES = {c.upper() for c in STATE_TYPE_CODES}
# Letters that make the unit part of a State symbol read like a mass organisation's.
_MASS_ORG = re.compile(r"^(?:MTTW|TWĐTN|MTTQ|TLĐ|TWHLHPN|TWHND|TWHCCB)", re.I)


@dataclass(frozen=True, slots=True)
class SymbolMatch:
    """A symbol found in a text, with its span."""

    symbol: Symbol
    start: int
    end: int
    raw: str


_ISSUER_UPPER = {c.upper(): c for c in ISSUER_CODES}
_STATE_TYPES_LONGEST = sorted(STATE_TYPE_CODES, key=len, reverse=True)


def _unglue(group: str) -> list[str]:
    """A type code and an issuer code written without their hyphen ("QĐTTg", "NĐCP", "TTVPCP").

    >>> _unglue("QĐTTg"), _unglue("NĐCP"), _unglue("VPUBND")
    (['QĐ', 'TTg'], ['NĐ', 'CP'], ['VPUBND'])
    """
    up = group.upper()
    for t in _STATE_TYPES_LONGEST:
        rest = up[len(t) :]
        if up.startswith(t.upper()) and rest in _ISSUER_UPPER:
            return [t, _ISSUER_UPPER[rest]]
    return [group]


def _groups(sym: str) -> list[str]:
    groups = [g for g in re.split(rf"{SP}-{SP}", sym.strip()) if g]
    return _unglue(groups[0]) + groups[1:] if len(groups) == 1 else groups


def _canonical_groups(groups: list[str]) -> str:
    return "-".join(canonical_code(g) for g in groups)


def _party(num: str, type_code: str, issuer: str, flags: tuple[str, ...] = ()) -> Symbol:
    t = canonical_code(type_code)
    iss = _canonical_groups(issuer.split("-"))
    return Symbol(f"{num}-{t}/{iss}", "party", num, t, iss, None, flags)


def _state(num: str, groups: list[str]) -> Symbol | None:
    first = canonical_code(groups[0])
    if len(groups) >= 2 and _MASS_ORG.match(groups[1]):
        return Symbol(
            f"{num}/{_canonical_groups(groups)}", "mass_org", num, first, _canonical_groups(groups[1:])
        )
    if (
        first.upper() in _PARTY_TYPES
        and len(groups) >= 2
        and looks_like_party_issuer(groups[1])
        and groups[1].upper() not in {"BCĐ", "BCH"}  # steering committees write State style too
    ):
        # 57/NQ-TW: a Party symbol in State style.
        return _party(num, groups[0], "-".join(groups[1:]), ("malformed_separator",))
    if first.upper() in _STATE_TYPES and len(groups) >= 2:
        return Symbol(
            f"{num}/{_canonical_groups(groups)}", "state", num, first, _canonical_groups(groups[1:])
        )
    # A công văn: ISSUER-DRAFTING_UNIT.
    return Symbol(f"{num}/{_canonical_groups(groups)}", "state", num, None, _canonical_groups(groups))


def _from_match(kind: str, m: re.Match[str]) -> Symbol | None:
    num = m.group("num").upper()
    if kind == "norm":
        groups = _groups(m.group("sym"))
        canon = _canonical_groups(groups)
        type_code = canonical_code(groups[0]) if groups[0].upper() in _STATE_TYPES else None
        issuer = _canonical_groups(groups[1:]) if type_code else canon
        year = int(m.group("year"))
        return Symbol(f"{num}/{year}/{canon}", "normative", num, type_code, issuer, year)
    if kind == "party":
        t = m.group("type")
        if t.upper() not in _PARTY_TYPES or not looks_like_party_issuer(m.group("issuer")):
            return None
        return _party(num, t, m.group("issuer"))
    if kind == "glued":
        groups = _unglue(m.group("sym"))
        return _state(num, groups) if len(groups) > 1 else None
    if kind == "single":
        g = m.group("sym")
        if g.upper() in _STATE_TYPES:
            return None
        return Symbol(f"{num}/{canonical_code(g)}", "state", num, None, canonical_code(g))
    return _state(num, _groups(m.group("sym")))


def find_symbols(text: str) -> Iterator[SymbolMatch]:
    """Yield the document symbols of ``text`` in order, never two that overlap.

    >>> [m.symbol.canonical for m in find_symbols("Nghị quyết số 57/NQ- TW và 30/2020/nĐ-cp, xe 50km/h")]
    ['57-NQ/TW', '30/2020/NĐ-CP']
    """
    # The spans taken never overlap, so sorted by start they are sorted by end too: an overlap is
    # a bisection away (a scan of every span was quadratic on a long text).
    starts: list[int] = []
    ends: list[int] = []
    found: list[SymbolMatch] = []
    patterns = (("norm", _NORM), ("party", _PARTY), ("admin", _ADMIN), ("glued", _GLUED), ("single", _SINGLE))
    for kind, pattern in patterns:
        for m in pattern.finditer(text):
            s, e = m.span("num")[0], m.end()
            i = bisect_left(starts, e) - 1
            if i >= 0 and ends[i] > s:
                continue
            sym = _from_match(kind, m)
            if sym is None:
                continue
            tail = _CODE_TAIL.match(text, e)
            if tail and sym.family in ("state", "normative"):
                last = sym.canonical.rsplit("-", 1)[-1].rsplit("/", 1)[-1]
                if (last + tail.group("tail")).upper() in _ISSUER_UPPER and last.upper() not in _ISSUER_UPPER:
                    joined = parse_symbol(text[s:e] + tail.group("tail"))
                    if joined is not None:
                        sym, e = joined, tail.end()
            starts.insert(i + 1, s)  # a tail has no digit: the joined span overlaps no later one
            ends.insert(i + 1, e)
            found.append(SymbolMatch(sym, s, e, text[s:e]))
    yield from sorted(found, key=lambda f: f.start)


def parse_symbol(raw: str) -> Symbol | None:
    """Parse one symbol written alone; None when ``raw`` is not a document symbol.

    >>> parse_symbol("100 - KL/TW").canonical, parse_symbol("57NQ/TW").canonical
    ('100-KL/TW', '57-NQ/TW')
    >>> parse_symbol("15/QĐ-TTG").canonical, parse_symbol("3G/4G") is None
    ('15/QĐ-TTg', True)
    """
    s = raw.strip()
    for kind, pattern in (("norm", _NORM), ("party", _PARTY), ("admin", _ADMIN)):
        m = pattern.fullmatch(s)
        if m:
            return _from_match(kind, m)
    m = re.fullmatch(rf"(?P<num>\d{{1,5}}){SP}/{SP}(?P<sym>{AB})", s)
    if m and m.group("sym").upper() not in _STATE_TYPES:
        return _from_match("single", m)
    return None
