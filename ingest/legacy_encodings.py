"""Detect and convert Vietnamese text in the legacy 8-bit font encodings TCVN3 and VNI.

Old Vietnamese administrative documents were typed in font-based encodings rather than
Unicode: TCVN3 (also called ABC or VN3; fonts ``.VnTime``, ``.VnArial``, ...) in the north
and VNI Windows (fonts ``VNI-Times``, ...) in the south.  When such bytes are decoded as
cp1252 or latin-1 (or pasted from a web page that did so) the Vietnamese shows as mojibake:

* TCVN3: ``"Céng hoµ x· héi chñ nghÜa ViÖt Nam"`` -> ``"Cộng hoà xã hội chủ nghĩa Việt Nam"``
* VNI:   ``"Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam"`` -> ``"Cộng hòa xã hội chủ nghĩa Việt Nam"``

Public API: :func:`detect_legacy_encoding`, :func:`convert_legacy`, :func:`decode_legacy_bytes`.

Tables
------
**TCVN3** is TCVN 5712:1993 VN3 (VSCII-3): ASCII plus 75 characters in 0xA0-0xFF, namely the
67 lowercase Vietnamese letters that are not ASCII, the 7 uppercase letters
``Ă Â Ê Ô Ơ Ư Đ`` (0xA1-0xA7) and NBSP (0xA0, identical in latin-1, so it needs no entry).
Uppercase letters *with a tone mark* do not exist in VN3: documents get them by switching to
the all-capital companion font (``.VnTimeH``), which draws the *lowercase* code points as
capitals.  The bytes therefore say "lowercase" and this module converts them to lowercase
(``"CéNG HOµ"`` -> ``"CộNG HOà"``); that information is simply not in the text.
The positions of the superset VN1 (uppercase letters in 0x80-0x9F and in the gaps of
0xA0-0xFF, combining marks in 0xB0-0xB4) are deliberately *not* mapped: ``.VnTime`` documents
never use them, and mapping them would turn ordinary latin-1 letters (``À Ä Ú à ÿ``) into
Vietnamese ones.

**VNI Windows** writes a letter as an ASCII base letter followed by one mark byte (the mark
byte encodes tone, shape, or shape + tone together), plus single bytes for ``ơ ư đ``,
the toned ``i`` letters and ``ỵ``.  Uppercase uses the uppercase (0xC0-0xDF) form of the same
mark bytes.  Conversion is greedy, longest match first.  As a tolerance for hand-edited text,
an uppercase base with a lowercase mark (``"Aù"``) or the reverse is also accepted; the case
of the result follows the base letter.

**cp1252 versus latin-1**: neither VN3 nor VNI assigns any byte in 0x80-0x9F, and for
0xA0-0xFF cp1252 and latin-1 agree, so both tables are the same under either decoding.
In these Windows fonts bytes 0x80-0x9F are the ordinary cp1252 punctuation (curly quotes,
dashes, ellipsis).  When a file was decoded as latin-1 they appear as C1 control characters
(U+0080-U+009F); :func:`convert_legacy` maps those to their cp1252 meaning, so either
decoding gives the same result.

Sources cross-checked (every table entry was compared against each of them):

* glibc ``iconvdata/tcvn5712-1.c`` (``map_from_tcvn_high``; TCVN 5712 VN1, of which VN3
  is the subset listed above) and XFree86 ``lcUniConv/tcvn.h``;
* Wikipedia, "VSCII" (VN3 = 67 lowercase + 7 uppercase + NBSP over ASCII);
* xvnkb by Dao Hai Lam (``tcvn.h``, ``vni.h`` in VIQR order from ``viqr.h``);
* ``duydev/vietnamese-conversion`` (``src/charsets.ts``: Unicode/VNI/TCVN3 columns);
* ``khiemdoan/VBKey`` (``Modules/mdlCodeTable.bas``: ``TCVN3_TABLE``, ``VNI_WINDOWS_TABLE``).

Detection
---------
The text is split into words.  A word *votes for* an encoding when it contains an ASCII letter,
converting it changes it, the converted word is a well-formed Vietnamese syllable
(onset + rhyme + at most one tone, checked against the Vietnamese phonotactic inventory,
including the rule that syllables ending in ``c ch p t`` take only the acute or dot tone) and
the unconverted word is *not* one (non-Vietnamese characters such as ``© ¸ Ö ä``, or a
capital letter inside a lowercase word).  Words that already read as Vietnamese are neutral,
which is what keeps genuine Unicode Vietnamese (NFC or NFD) from being reported.  Words whose
conversion is not Vietnamese vote against.  Distinct words are counted, so a repeated foreign
word cannot carry the decision.  An encoding is reported only when at least two legacy letters
are rewritten into Vietnamese words, the supporting words include something Western European
words never contain (a TCVN3 code that is a symbol in latin-1 such as ``© · ¸ ®``, a VNI
base + mark pair, or a capital inside a lowercase word), at least 60 % of the votes are for it
and at least 10 % of the distinct words vote for it.  A single legacy letter (``"x·"``) is
therefore not enough.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Final, Literal

__all__ = [
    "LegacyEncoding",
    "convert_legacy",
    "decode_legacy_bytes",
    "detect_legacy_encoding",
]

LegacyEncoding = Literal["tcvn3", "vni"]
"""Name of a legacy Vietnamese font encoding: ``"tcvn3"`` (TCVN 5712 VN3 / ABC) or ``"vni"``."""

_ENCODINGS: Final[tuple[LegacyEncoding, ...]] = ("tcvn3", "vni")

# --------------------------------------------------------------------------------------------
# TCVN3 (TCVN 5712:1993 VN3).  Byte value -> Unicode.  Rows: base letter, then the tones in the
# order grave, hook, tilde, acute, dot (the order in which VN3 lays out most rows).
# --------------------------------------------------------------------------------------------
_TCVN3_BYTES: Final[dict[int, str]] = {
    # Uppercase letters without tone marks.
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    # Lowercase letters without tone marks (0xAD is the soft hyphen position in latin-1).
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
}  # fmt: skip

# --------------------------------------------------------------------------------------------
# VNI Windows, lowercase.  Legacy sequence (as decoded by cp1252/latin-1) -> Unicode.
# Mark bytes: tone  ù acute, ø grave, û hook, õ tilde, ï dot;
#             circumflex â, with tone á à å ã ä;  breve ê, with tone é è ú ü ë.
# Single bytes: ô = ơ, ö = ư, ñ = đ, î = ỵ, and i with tone: í ì æ(ỉ) ó(ĩ) ò(ị).
# Uppercase is the .upper() of both sides (e.g. "AÙ" -> "Á", "Ö" -> "Ư", "Ñ" -> "Đ").
# --------------------------------------------------------------------------------------------
_VNI_LOWER: Final[dict[str, str]] = {
    "aù": "á", "aø": "à", "aû": "ả", "aõ": "ã", "aï": "ạ",
    "aâ": "â", "aá": "ấ", "aà": "ầ", "aå": "ẩ", "aã": "ẫ", "aä": "ậ",
    "aê": "ă", "aé": "ắ", "aè": "ằ", "aú": "ẳ", "aü": "ẵ", "aë": "ặ",
    "eù": "é", "eø": "è", "eû": "ẻ", "eõ": "ẽ", "eï": "ẹ",
    "eâ": "ê", "eá": "ế", "eà": "ề", "eå": "ể", "eã": "ễ", "eä": "ệ",
    "í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị",
    "où": "ó", "oø": "ò", "oû": "ỏ", "oõ": "õ", "oï": "ọ",
    "oâ": "ô", "oá": "ố", "oà": "ồ", "oå": "ổ", "oã": "ỗ", "oä": "ộ",
    "ô": "ơ", "ôù": "ớ", "ôø": "ờ", "ôû": "ở", "ôõ": "ỡ", "ôï": "ợ",
    "uù": "ú", "uø": "ù", "uû": "ủ", "uõ": "ũ", "uï": "ụ",
    "ö": "ư", "öù": "ứ", "öø": "ừ", "öû": "ử", "öõ": "ữ", "öï": "ự",
    "yù": "ý", "yø": "ỳ", "yû": "ỷ", "yõ": "ỹ", "î": "ỵ",
    "ñ": "đ",
}  # fmt: skip


def _build_vni_table() -> dict[str, str]:
    """Return the full VNI table: both cases, plus mixed-case base + mark sequences."""
    table: dict[str, str] = {}
    for seq, uni in _VNI_LOWER.items():
        table[seq] = uni
        table[seq.upper()] = uni.upper()
        if len(seq) == 2:
            base, mark = seq[0], seq[1]
            # Tolerate a mark byte of the "wrong" case; the base decides the case.
            table[base + mark.upper()] = uni
            table[base.upper() + mark] = uni.upper()
    return table


def _build_c1_table() -> dict[str, str]:
    """Map latin-1 C1 controls U+0080-U+009F to what the same byte means in cp1252."""
    table: dict[str, str] = {}
    for byte in range(0x80, 0xA0):
        try:
            table[chr(byte)] = bytes([byte]).decode("cp1252")
        except UnicodeDecodeError:  # 0x81, 0x8D, 0x8F, 0x90, 0x9D are unassigned in cp1252
            continue
    return table


_TCVN3_TABLE: Final[dict[str, str]] = {bytes([b]).decode("latin-1"): u for b, u in _TCVN3_BYTES.items()}
_VNI_TABLE: Final[dict[str, str]] = _build_vni_table()
_C1_TABLE: Final[dict[str, str]] = _build_c1_table()

_TABLES: Final[dict[LegacyEncoding, dict[str, str]]] = {"tcvn3": _TCVN3_TABLE, "vni": _VNI_TABLE}


def _alternation(keys: set[str]) -> str:
    """Regex alternation of ``keys``, longest first so that the match is greedy."""
    return "|".join(re.escape(k) for k in sorted(keys, key=lambda k: (-len(k), k)))


_PATTERNS: Final[dict[LegacyEncoding, re.Pattern[str]]] = {
    enc: re.compile(_alternation(set(table) | set(_C1_TABLE))) for enc, table in _TABLES.items()
}

# Characters that can occur in a word of legacy text (beyond ordinary letters).
_LEGACY_CHARS: Final[dict[LegacyEncoding, frozenset[str]]] = {
    enc: frozenset("".join(table)) for enc, table in _TABLES.items()
}
_WORD_RES: Final[dict[LegacyEncoding, re.Pattern[str]]] = {
    enc: re.compile(r"(?:[^\W\d_]|" + _alternation(set(chars)) + ")+") for enc, chars in _LEGACY_CHARS.items()
}


def _is_western_letter(char: str) -> bool:
    """Whether ``char`` is a Latin letter that Western European words use (é, ü, å, ß, ...)."""
    return char.isalpha() and unicodedata.name(char, "").startswith("LATIN ")


# Legacy sequences that hardly ever occur inside a word of Western European text: TCVN3 codes
# that are symbols in latin-1 (© · ¸ ® soft hyphen µ ...), and VNI base letter + mark pairs.
_STRONG: Final[dict[LegacyEncoding, frozenset[str]]] = {
    "tcvn3": frozenset(seq for seq in _TCVN3_TABLE if not _is_western_letter(seq)),
    "vni": frozenset(seq for seq in _VNI_TABLE if len(seq) == 2),
}


@dataclass(slots=True)
class _Rewrites:
    """Counts of legacy sequences rewritten by one conversion."""

    letters: int = 0  # sequences whose Unicode letter differs from the sequence
    strong: int = 0  # of those, sequences in ``_STRONG``


def _convert(text: str, encoding: LegacyEncoding) -> tuple[str, _Rewrites]:
    """Convert NFC ``text``; return the result and what was rewritten."""
    table = _TABLES[encoding]
    strong = _STRONG[encoding]
    rewrites = _Rewrites()

    def replace(match: re.Match[str]) -> str:
        seq = match.group(0)
        uni = table.get(seq)
        if uni is None:
            return _C1_TABLE[seq]
        if uni != seq:
            rewrites.letters += 1
            rewrites.strong += seq in strong
        return uni

    return _PATTERNS[encoding].sub(replace, text), rewrites


def convert_legacy(text: str, encoding: LegacyEncoding) -> str:
    """Convert mojibake of a legacy Vietnamese encoding to NFC Unicode.

    ``text`` is the legacy text as it reads after decoding its bytes with cp1252 or latin-1
    (e.g. ``"nh©n d©n"`` for TCVN3, ``"nhaân daân"`` for VNI).  Every character or VNI
    sequence defined by the encoding is replaced by its Unicode letter (VNI sequences are
    matched greedily, longest first); characters outside the encoding are left untouched,
    except that latin-1 C1 controls U+0080-U+009F become their cp1252 punctuation.

    Args:
        text: Legacy text.
        encoding: ``"tcvn3"`` or ``"vni"``.

    Returns:
        The text in NFC Unicode.

    Raises:
        ValueError: If ``encoding`` is not a known legacy encoding.
    """
    if encoding not in _TABLES:
        raise ValueError(f"unknown legacy encoding: {encoding!r}")
    converted, _ = _convert(unicodedata.normalize("NFC", text), encoding)
    return unicodedata.normalize("NFC", converted)


# --------------------------------------------------------------------------------------------
# Vietnamese syllable check used by the detector.
# --------------------------------------------------------------------------------------------
_TONE_MARKS: Final[dict[str, str]] = {
    "\u0300": "grave",
    "\u0301": "acute",
    "\u0303": "tilde",
    "\u0309": "hook",
    "\u0323": "dot",
}
_VIETNAMESE_LETTERS: Final[frozenset[str]] = frozenset("abcdeghiklmnopqrstuvxyăâêôơưđ")
_ONSETS: Final[tuple[str, ...]] = (
    "ngh", "ng", "gh", "gi", "kh", "nh", "ph", "th", "tr", "ch", "qu",
    "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
)  # fmt: skip
_OPEN_RHYMES: Final[frozenset[str]] = frozenset({
    "a", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
    "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iu", "oa", "oe", "oi", "ôi", "ơi",
    "ua", "ui", "uê", "uơ", "ưa", "ưi", "ưu", "uy",
    "oai", "oay", "oao", "oeo", "uây", "uôi", "ươi", "ươu", "uya", "uyu", "iêu", "yêu",
})  # fmt: skip
_CLOSED_NUCLEI: Final[dict[str, frozenset[str]]] = {
    nucleus: frozenset(finals.split())
    for nucleus, finals in {
        "a": "c ch k m n ng nh p t",
        "ă": "c k m n ng p t",
        "â": "c k m n ng p t",
        "e": "c k m n ng p t",
        "ê": "ch k m n nh p t",
        "i": "ch m n nh p t",
        "o": "c k m n ng p t",
        "ô": "c k m n ng p t",
        "ơ": "k m n p t",
        "u": "c k m n ng p t",
        "ư": "c k m n ng t",
        "y": "ch nh t",
        "oa": "c ch m n ng nh p t",
        "oă": "c m n ng t",
        "oe": "n t",
        "oo": "c ng",
        "uâ": "n ng t",
        "uê": "ch nh n",
        "uy": "ch nh n t p",
        "iê": "c m n ng p t",
        "yê": "m n ng t",
        "uyê": "n t",
        "uô": "c m n ng t",
        "ươ": "c m n ng p t",
    }.items()
}
# Syllables closed by a stop take only the acute or the dot tone.  Final "k" only occurs in
# place names from minority languages, which are also written toneless ("Đăk Tô").
_STOP_FINAL_TONES: Final[dict[str, tuple[str | None, ...]]] = {
    "c": ("acute", "dot"),
    "ch": ("acute", "dot"),
    "p": ("acute", "dot"),
    "t": ("acute", "dot"),
    "k": (None, "acute", "dot"),
}


def _is_rhyme(rhyme: str, tone: str | None) -> bool:
    """Whether ``rhyme`` (lowercase, without tone) is a Vietnamese rhyme compatible with ``tone``."""
    if rhyme in _OPEN_RHYMES:
        return True
    for final in ("ch", "nh", "ng", "c", "k", "m", "n", "p", "t"):
        if rhyme.endswith(final) and len(rhyme) > len(final):
            finals = _CLOSED_NUCLEI.get(rhyme[: -len(final)])
            if finals is not None and final in finals:
                return tone in _STOP_FINAL_TONES.get(final, (tone,))
    return False


def _has_regular_case(word: str) -> bool:
    """Whether ``word`` is lowercase, capitalised or all capitals (not "ViÖt", "tÞch")."""
    return word == word.upper() or word[1:] == word[1:].lower()


def _is_vietnamese_syllable(word: str) -> bool:
    """Whether ``word`` (NFC, any case) is a well-formed Vietnamese syllable."""
    tones = []
    rest = []
    for char in unicodedata.normalize("NFD", word.lower()):
        if char in _TONE_MARKS:
            tones.append(_TONE_MARKS[char])
        else:
            rest.append(char)
    if len(tones) > 1:
        return False
    tone = tones[0] if tones else None
    base = unicodedata.normalize("NFC", "".join(rest))
    if not base or not set(base) <= _VIETNAMESE_LETTERS:
        return False
    return any(base.startswith(onset) and _is_rhyme(base[len(onset) :], tone) for onset in _ONSETS)


# --------------------------------------------------------------------------------------------
# Detection.
# --------------------------------------------------------------------------------------------
_NATIVE_MIN, _NATIVE_MAX = 0x1EA0, 0x1EF9
_NATIVE_VIETNAMESE: Final[frozenset[str]] = frozenset("ăĂđĐĩĨũŨơƠưƯ")

_MIN_CHANGED_LETTERS: Final = 2  # legacy letters rewritten inside words that convert to Vietnamese
_MIN_STRONG: Final = 1  # things Western European words do not contain, in supporting words
_MIN_FOR_SHARE: Final = 0.6  # votes for / (votes for + votes against)
_MIN_WORD_SHARE: Final = 0.1  # votes for / all words


@dataclass(frozen=True, slots=True)
class _Evidence:
    """Word votes for one candidate encoding."""

    support: int = 0  # words that become Vietnamese only after conversion
    against: int = 0  # words changed by conversion into something that is not Vietnamese
    letters: int = 0  # legacy letters rewritten inside words that convert to Vietnamese
    strong: int = 0  # ``_STRONG`` sequences and case anomalies in supporting words
    words: int = 0  # all distinct words

    def confident(self) -> bool:
        """Whether the evidence is strong enough to report the encoding."""
        return (
            self.support >= 1
            and self.letters >= _MIN_CHANGED_LETTERS
            and self.strong >= _MIN_STRONG
            and self.support >= _MIN_FOR_SHARE * (self.support + self.against)
            and self.support >= _MIN_WORD_SHARE * self.words
        )


def _evidence(text: str, encoding: LegacyEncoding) -> _Evidence:
    """Collect the votes of the distinct words of NFC ``text`` for ``encoding``.

    Distinct words, so that one foreign word repeated many times (French "où" looks like
    VNI "ó") cannot outvote the rest of the text.
    """
    support = against = letters = strong = 0
    words = set(_WORD_RES[encoding].findall(text))
    for word in words:
        converted, rewrites = _convert(word, encoding)
        if not rewrites.letters or not any("a" <= c.lower() <= "z" for c in word):
            continue
        if not _is_vietnamese_syllable(converted):
            against += 1
            continue
        # Converts to Vietnamese.  Its letters count even if the word already read as
        # Vietnamese (TCVN3 "sè" = "số", VNI "thò" = "thị"), but then it is not a vote.
        letters += rewrites.letters
        regular_case = _has_regular_case(word)
        if not (regular_case and _is_vietnamese_syllable(word)):
            support += 1
            # A capital inside a lowercase word (TCVN3 "tÞch" = "tịch") is as telling as a symbol.
            strong += rewrites.strong + (not regular_case)
    return _Evidence(support, against, letters, strong, len(words))


def _native_count(text: str) -> int:
    """Number of letters and combining marks that only Unicode Vietnamese text contains."""
    return sum(
        1
        for c in text
        if c in _NATIVE_VIETNAMESE or _NATIVE_MIN <= ord(c) <= _NATIVE_MAX or unicodedata.combining(c)
    )


def detect_legacy_encoding(text: str) -> LegacyEncoding | None:
    """Detect Vietnamese text in a legacy encoding, as it reads after a cp1252/latin-1 decode.

    The answer is ``"tcvn3"`` or ``"vni"`` only when confident: several words contain characters
    typical of that encoding next to ASCII letters, they are not Vietnamese as they stand but
    become well-formed Vietnamese syllables when converted, and few words argue against it.
    Unicode Vietnamese (NFC or NFD), English, plain ASCII and Western European text give ``None``.

    Args:
        text: Text that may be legacy-encoded Vietnamese.

    Returns:
        The detected encoding, or ``None``.
    """
    nfc = unicodedata.normalize("NFC", text)
    native = _native_count(nfc)
    best: LegacyEncoding | None = None
    best_support = 0
    for encoding in _ENCODINGS:
        evidence = _evidence(nfc, encoding)
        if evidence.confident() and evidence.support > max(best_support, native):
            best, best_support = encoding, evidence.support
    return best


def decode_legacy_bytes(data: bytes) -> tuple[str, LegacyEncoding] | None:
    """Decode raw file bytes holding legacy Vietnamese (TCVN3 or VNI).

    Bytes that are valid UTF-8 are not legacy and give ``None``.  Otherwise the bytes are
    decoded as cp1252, then (if that fails, or finds nothing) as latin-1, and the first
    decoding in which :func:`detect_legacy_encoding` finds an encoding is converted.

    Args:
        data: Raw file contents.

    Returns:
        ``(unicode_text, encoding)`` with NFC text, or ``None`` if the bytes are not legacy.
    """
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return None
    for codec in ("cp1252", "latin-1"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        encoding = detect_legacy_encoding(text)
        if encoding is not None:
            return convert_legacy(text, encoding), encoding
    return None
