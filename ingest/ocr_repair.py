"""Repairs of what OCR gets wrong where the extractor depends on it, applied to OCR text only.

Tesseract's Vietnamese model reads a clean page at ~95 % word confidence, but its few errors fall
where the extractor looks (BENCHMARKS.md, "Scans against text"). Each repair is made for a class of
damage, and only where the result is a code the tables know or a word the extractor relies on:

- **Letters doubled in a symbol's codes.** ``Đ`` read twice (Tesseract adds an Eth, ``ĐÐ``):
  ``QĐĐ`` for ``QĐ``, ``ĐĐA`` for ``ĐA``, ``CĐĐSQG`` for ``CĐSQG``. Where a type code stands (the
  group before the ``/`` of a Party symbol, the first group after it of a State one) a doubled
  letter is dropped when that makes the group a type code of ``ontology.codes``; elsewhere a
  doubled ``Đ`` is dropped inside a code the tables do not list, but kept at its end (``ĐĐ``,
  Đảng đoàn, ends Party issuer codes).
- **Hyphens lost inside a symbol.** ``TTBNN`` for ``TT-BNN``: a group that is no known code but a
  State type code followed by a ministry's or department's code; ``BTTTTTHH`` for ``BTTTT-THH``,
  ``BGDĐTQLCL`` for ``BGDĐT-QLCL``: a listed issuer code (three letters or more) followed by a
  unit's code; ``TT.BNNPTNT`` for ``TT-BNNPTNT``: a dot between a type (or listed issuer) code and
  an issuer's code. (A hyphen lost between the number and the type, ``57NQ/TW``, ``57 NQ/TW``, is
  read by ``ingest.symbols`` as it is.)
- **A letter added to a type code, the symbol read right elsewhere.** ``30a/2008/NGQ-CP`` in a
  text that also reads ``30a/2008/NQ-CP``: a group where a type code stands that is no code, and
  becomes the type code of another reading of the same symbol (same number, year and other groups)
  when one letter is dropped, is given that reading (``read_right_elsewhere``).
- **Cue words with a wrong mark.** ``Căn cú`` (or ``cúứ``) for ``Căn cứ``; likewise ``Thực hiện``,
  ``Triển khai``, ``Quán triệt``, ``Kính gửi`` and the motto's ``CỘNG HÒA`` (``CÔNG HÒA``), by
  which the header is found: two words of which one is the cue's word and the
  other has its letters with other marks (a letter doubled at most) are given their marks back.
  Both words misread are left alone: ``cần cù`` (hard-working) is no ``căn cứ``.
- **A star read as a per cent sign.** ``%`` after a letter or a punctuation mark (not after a
  number) is a decorative ``*`` or markdown emphasis misread, and is dropped as ``*`` is.
- **The dot of a list number read as a comma.** ``2, Nhiệm vụ`` at the start of a line, before a
  capital, is the list item ``2. Nhiệm vụ``.

Every repair works on the normalised text through the offset map (``ingest.normalize``), so
evidence still points into the OCR text as read.
"""

import re
import unicodedata
from collections.abc import Callable

from ontology.codes import (
    CANONICAL_CODE_CASE,
    ISSUER_CODES,
    PARTY_TYPE_CODES,
    STATE_TYPE_CODES,
    looks_like_party_issuer,
)

__all__ = ["OCR_REPAIRS", "SYMBOL", "read_right_elsewhere", "repair_code_groups", "repair_cue"]

Repl = Callable[[re.Match[str]], str]

_TYPES = {c.upper() for c in (*STATE_TYPE_CODES, *PARTY_TYPE_CODES)}
_STATE_TYPES_LONGEST = sorted({c.upper() for c in STATE_TYPE_CODES}, key=len, reverse=True)
_ISSUERS = {c.upper() for c in ISSUER_CODES}
_ISSUERS_LONGEST = sorted((c for c in _ISSUERS if len(c) >= 3), key=len, reverse=True)
_LISTED = _TYPES | _ISSUERS | set(CANONICAL_CODE_CASE)
# What follows a type code glued to its issuer: a listed issuer, a ministry (B…) or a provincial
# department (S…).
_ISSUER_SHAPE = re.compile(r"B[A-ZĐ]{1,7}|S[A-ZĐ]{2,7}")
_UNIT = re.compile(r"[A-ZĐ]{2,8}")

_CODE = r"[A-ZĐ][A-Za-zĐđ0-9&]*"
# A symbol as OCR may leave it: number, optional year, then codes parted by - or /; the repair
# looks at it only when a slash is part of it.
_SYMBOL = re.compile(
    rf"(?<![\w/.,-])(?P<num>\d{{1,5}}(?:[a-d](?=/))?)(?:[ \t]*/[ \t]*(?P<year>(?:19|20)\d\d))?"
    rf"(?P<sep>[ \t]?[-/]?[ \t]?)"
    rf"(?P<codes>{_CODE}(?:(?:[ \t]*[-/][ \t]*|\.){_CODE})*)(?![\w])"
)
_GROUP_SEP = re.compile(r"([ \t]*[-/][ \t]*|\.)")


def _collapse_to_type(group: str) -> str | None:
    """The type code a group becomes when one of its doubled letters is dropped (``QĐĐ`` → ``QĐ``)."""
    up = group.upper()
    for i in range(len(up) - 1):
        if up[i] == up[i + 1] and up[:i] + up[i + 1 :] in _TYPES:
            return group[:i] + group[i + 1 :]
    return None


def _repair_group(group: str, type_position: bool) -> str:
    up = group.upper()
    if up in _LISTED:
        return group
    if type_position:
        collapsed = _collapse_to_type(group)
        if collapsed is not None:
            return collapsed
        for t in _STATE_TYPES_LONGEST:
            rest = up[len(t) :]
            if up.startswith(t) and (rest in _ISSUERS or _ISSUER_SHAPE.fullmatch(rest)):
                return f"{group[: len(t)]}-{group[len(t) :]}"  # TTBNN: TT-BNN
    if looks_like_party_issuer(group):
        return group  # BTCTW, TWĐTN, BCSĐĐ: Party bodies' codes, whole
    i = up.find("ĐĐ")
    if 0 < i < len(up) - 2:
        return group[:i] + group[i + 1 :]  # CĐĐSQG: CĐSQG (ĐĐ first or last is Đảng đoàn's)
    for code in _ISSUERS_LONGEST:
        rest = up[len(code) :]
        if up.startswith(code) and _UNIT.fullmatch(rest):
            return f"{group[: len(code)]}-{group[len(code) :]}"  # BTTTTTHH: BTTTT-THH
    return group


def repair_code_groups(sep: str, codes: str) -> str:
    """The codes of a symbol (what follows its number and separator ``sep``) with OCR damage undone.

    >>> repair_code_groups("/", "QĐĐ-BKHCN"), repair_code_groups("-", "QĐĐ/TW")
    ('QĐ-BKHCN', 'QĐ/TW')
    >>> repair_code_groups("/", "BTTTT-CĐĐSQG"), repair_code_groups("/", "BTTTTTHH")
    ('BTTTT-CĐSQG', 'BTTTT-THH')
    >>> repair_code_groups("/", "TT.BNNPTNT")
    'TT-BNNPTNT'
    """
    parts = _GROUP_SEP.split(codes)
    groups, seps = parts[0::2], parts[1::2]
    party = "/" not in sep
    out = []
    for i, g in enumerate(groups):
        if party:
            # 57-NQ/TW: the type before the slash; after it the issuer and its units.
            type_position = "/" not in "".join(seps[:i]) and (i + 1 < len(groups) and "/" in seps[i])
        else:
            type_position = i == 0
        out.append(_repair_group(g, type_position))
        if i < len(seps):
            out.append(
                "-" if seps[i] == "." and _hyphen_read_as_dot(g, groups[i + 1], type_position) else seps[i]
            )
    return "".join(out)


def _hyphen_read_as_dot(left: str, right: str, type_position: bool) -> bool:
    """``TT.BNNPTNT``, ``UBND.VX``: a type code and an issuer's code, or an issuer's code and its
    unit's, parted by a dot, which is a misread hyphen."""
    left, right = left.upper(), right.upper()
    if type_position and left in _TYPES:
        return right in _LISTED or bool(_ISSUER_SHAPE.fullmatch(right))
    return left in _ISSUERS and bool(_UNIT.fullmatch(right))  # UBND.VX: an issuer and its unit


def _symbol(m: re.Match[str]) -> str:
    sep, codes = m.group("sep"), m.group("codes")
    if "/" not in sep + codes:
        return m.group(0)
    fixed = repair_code_groups(sep, codes)
    return m.group(0) if fixed == codes else m.group(0)[: m.start("codes") - m.start()] + fixed


def _type_group(m: re.Match[str]) -> tuple[tuple[str, ...], int] | None:
    """A symbol's key (number, year, family, its groups upper-cased) and which group is its type's."""
    sep, codes = m.group("sep"), m.group("codes")
    if "/" not in sep + codes:
        return None
    parts = _GROUP_SEP.split(codes)
    groups, seps = parts[0::2], parts[1::2]
    party = "/" not in sep
    if party and not (seps and "/" in seps[0]):
        return None
    key = (
        m.group("num").upper(),
        m.group("year") or "",
        "party" if party else "state",
        *(g.upper() for g in groups),
    )
    return key, 3


def read_right_elsewhere(text: str) -> Repl:
    """A repair of symbols by another reading of the same symbol in the same text: ``30a/2008/NGQ-CP``
    beside ``30a/2008/NQ-CP`` (a letter added to a type code) is that symbol. The type code of one
    reading must be the other's with one letter dropped, the rest the same."""
    known: set[tuple[str, ...]] = set()
    for m in _SYMBOL.finditer(text):
        found = _type_group(m)
        if found is not None and found[0][found[1]] in _TYPES:
            known.add(found[0])

    def repl(m: re.Match[str]) -> str:
        found = _type_group(m)
        if found is None:
            return m.group(0)
        key, i = found
        if key[i] in _TYPES or key[i] in _LISTED:
            return m.group(0)
        for j in range(len(key[i])):
            other = key[i][:j] + key[i][j + 1 :]
            if other in _TYPES and (*key[:i], other, *key[i + 1 :]) in known:
                start = m.start("codes") - m.start()
                return m.group(0)[:start] + m.group("codes")[:j] + m.group("codes")[j + 1 :]
        return m.group(0)

    return repl


# The cue words the extractor reads a basis and the addressees by, and the motto opening the header.
_CUES = ("căn cứ", "thực hiện", "triển khai", "quán triệt", "kính gửi", "cộng hòa")


def _bare(s: str) -> str:
    """Letters without their marks (đ kept apart from d), doubled letters once."""
    base = "".join(c for c in unicodedata.normalize("NFD", s.lower()) if not unicodedata.combining(c))
    return re.sub(r"(.)\1", r"\1", base)


_CUE_BY_BARE = {_bare(c): c for c in _CUES}


def _letters_by_bare() -> dict[str, str]:
    """Every Latin letter by its bare letter: "u" → "UuÙÚ…ƯưỨứ…", "đ" → "Đđ"."""
    out: dict[str, str] = {}
    for c in map(chr, range(0x41, 0x1EFA)):
        bare = _bare(c)
        if c.isalpha() and (bare.isascii() or bare == "đ"):
            out[bare] = out.get(bare, "") + c
    return out


_LETTERS = _letters_by_bare()


def _loose(word: str) -> str:
    """A pattern for ``word`` with any marks on its letters, each letter read up to twice."""
    return "".join(f"[{_LETTERS[_bare(c)]}]{{1,2}}" for c in word)


# The cue phrases with any marks: found wherever they stand (a scan of word pairs would pair
# "khi Căn" and miss "Căn cú").
_CUE_SHAPE = re.compile(
    r"(?<!\w)(?:"
    + "|".join(rf"{_loose(a)}[ \t]+{_loose(b)}" for a, b in (c.split() for c in _CUES))
    + r")(?!\w)"
)


def repair_cue(phrase: str) -> str:
    """``phrase`` (two words) as the cue word it was read for, in its case; else unchanged.

    >>> repair_cue("Căn cú"), repair_cue("căn cúứ"), repair_cue("Thục hiện"), repair_cue("cần cù")
    ('Căn cứ', 'căn cứ', 'Thực hiện', 'cần cù')
    """
    first, second = phrase.split()
    cue = _CUE_BY_BARE.get(f"{_bare(first)} {_bare(second)}")
    if cue is None:
        return phrase
    a, b = cue.split(" ")
    if (first.lower() == a) == (second.lower() == b):
        return phrase  # both words right (as written), or both misread: another phrase, not the cue
    if first[:1].isupper():
        a = a.capitalize()
    if first.isupper() and len(first) > 1:
        a, b = a.upper(), b.upper()
    return f"{a} {b}"


def _cue(m: re.Match[str]) -> str:
    return repair_cue(m.group(0))


# "%" after a letter, a closing mark or punctuation, never after a number (15%, 15 %).
_STAR_AS_PERCENT = re.compile(r"(?<=[^\d\s%])%+|(?<=[^\d\s%][ \t])%+(?=\s|$)")
_LIST_COMMA = re.compile(r"^([ \t]*(?:\d{1,2}|[IVX]{1,4})),(?=[ \t]+[A-ZĐÀ-Ỹ])", re.M)

SYMBOL = _SYMBOL  # what read_right_elsewhere's replacement is for

# (name, pattern, replacement), in the order they run.
OCR_REPAIRS: tuple[tuple[str, re.Pattern[str], Repl], ...] = (
    ("star read as %", _STAR_AS_PERCENT, lambda m: ""),
    ("list number's dot read as a comma", _LIST_COMMA, lambda m: m.group(1) + "."),
    ("symbol codes", _SYMBOL, _symbol),
    ("cue words", _CUE_SHAPE, _cue),
)
