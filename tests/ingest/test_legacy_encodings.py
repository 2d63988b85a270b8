"""Tests for ingest.legacy_encodings (TCVN3 / VNI detection and conversion).

Legacy inputs are produced by encoders defined here, independently of the module's tables:
TCVN3 from a byte table in a different layout, VNI by decomposing each letter (NFD) into
base letter, shape mark and tone and spelling those with VNI mark bytes.
"""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.legacy_encodings import (
    LegacyEncoding,
    convert_legacy,
    decode_legacy_bytes,
    detect_legacy_encoding,
)

# ---------------------------------------------------------------------------------------------
# Test-side encoders (Unicode -> legacy text as it reads after a cp1252/latin-1 decode).
# ---------------------------------------------------------------------------------------------
_TCVN3_LETTERS = (
    "ăâêôơưđ"
    "àảãáạ" "ằẳẵắặ" "ầẩẫấậ" "èẻẽéẹ" "ềểễếệ" "ìỉĩíị" "òỏõóọ" "ồổỗốộ" "ờởỡớợ" "ùủũúụ" "ừửữứự" "ỳỷỹýỵ"
    "ĂÂÊÔƠƯĐ"
)  # fmt: skip
_TCVN3_HEX = (
    "a8a9aaabacadae"
    "b5b6b7b8b9" "bbbcbdbec6" "c7c8c9cacb" "cccecfd0d1" "d2d3d4d5d6" "d7d8dcddde"
    "dfe1e2e3e4" "e5e6e7e8e9" "eaebecedee" "eff1f2f3f4" "f5f6f7f8f9" "fafbfcfdfe"
    "a1a2a3a4a5a6a7"
)  # fmt: skip
TCVN3_ENCODE = dict(zip(_TCVN3_LETTERS, bytes.fromhex(_TCVN3_HEX).decode("latin-1"), strict=True))

# Tone mark -> index into the VNI spellings below: none, acute, grave, hook, tilde, dot.
_TONES = {"": 0, "\u0301": 1, "\u0300": 2, "\u0309": 3, "\u0303": 4, "\u0323": 5}
_VNI_PLAIN = ("", "ù", "ø", "û", "õ", "ï")
_VNI_CIRCUMFLEX = ("â", "á", "à", "å", "ã", "ä")
_VNI_BREVE = ("ê", "é", "è", "ú", "ü", "ë")
_VNI_I = ("i", "í", "ì", "æ", "ó", "ò")
_SHAPES = "\u0302\u0306\u031b"  # circumflex, breve, horn


def to_tcvn3(text: str) -> str:
    """Encode Unicode Vietnamese as TCVN3 (VN3); uppercase toned letters cannot be encoded."""
    out = []
    for char in unicodedata.normalize("NFC", text):
        if char in TCVN3_ENCODE:
            out.append(TCVN3_ENCODE[char])
        elif char.isascii():
            out.append(char)
        else:
            raise ValueError(f"not encodable in TCVN3: {char!r}")
    return "".join(out)


def _vni_letter(char: str) -> str:
    decomposed = unicodedata.normalize("NFD", char.lower())
    if decomposed == "đ":
        seq = "ñ"
    else:
        base, marks = decomposed[0], decomposed[1:]
        shape = "".join(m for m in marks if m in _SHAPES)
        tone = _TONES["".join(m for m in marks if m not in _SHAPES)]
        if shape == "\u0302":
            seq = base + _VNI_CIRCUMFLEX[tone]
        elif shape == "\u0306":
            seq = base + _VNI_BREVE[tone]
        elif shape == "\u031b":
            seq = {"o": "ô", "u": "ö"}[base] + _VNI_PLAIN[tone]
        elif base == "i":
            seq = _VNI_I[tone]
        elif base == "y" and tone == 5:
            seq = "î"
        else:
            seq = base + _VNI_PLAIN[tone]
    return seq.upper() if char.isupper() else seq


def to_vni(text: str) -> str:
    """Encode Unicode Vietnamese as VNI Windows."""
    return "".join(c if c.isascii() else _vni_letter(c) for c in unicodedata.normalize("NFC", text))


ENCODERS = {"tcvn3": to_tcvn3, "vni": to_vni}

_LOWER_VOWELS = "aăâeêioôơuưy"
VIETNAMESE_LOWER = "đ" + "".join(
    unicodedata.normalize("NFC", v + t) for v in _LOWER_VOWELS for t in ("", *list(_TONES)[1:])
)
VIETNAMESE_LETTERS = sorted({c for c in VIETNAMESE_LOWER + VIETNAMESE_LOWER.upper() if not c.isascii()})
TCVN3_LETTERS = sorted(TCVN3_ENCODE)


def test_test_encoders_cover_the_alphabet() -> None:
    assert len(VIETNAMESE_LETTERS) == 134
    assert len(TCVN3_LETTERS) == 74  # 67 lowercase + Ă Â Ê Ô Ơ Ư Đ
    assert to_tcvn3("Cộng hoà xã hội chủ nghĩa Việt Nam") == "Céng hoµ x· héi chñ nghÜa ViÖt Nam"
    assert to_vni("Cộng hòa xã hội chủ nghĩa Việt Nam") == "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam"


# ---------------------------------------------------------------------------------------------
# Single letters: every letter of each encoding converts back.
# ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("letter", TCVN3_LETTERS)
def test_tcvn3_every_letter(letter: str) -> None:
    assert convert_legacy(to_tcvn3(letter), "tcvn3") == letter


@pytest.mark.parametrize("letter", VIETNAMESE_LETTERS)
def test_vni_every_letter(letter: str) -> None:
    assert convert_legacy(to_vni(letter), "vni") == letter


# ---------------------------------------------------------------------------------------------
# Administrative phrases: encode, detect, convert back.
# ---------------------------------------------------------------------------------------------
PHRASES = [
    "Uỷ ban nhân dân tỉnh Thanh Hoá",
    "Cộng hòa xã hội chủ nghĩa Việt Nam",
    "Độc lập - Tự do - Hạnh phúc",
    "Kế hoạch số 45/KH-UBND",
    "Nghị quyết số 57-NQ/TW ngày 22 tháng 12 năm 2024 của Bộ Chính trị",
    "Quyết định",
    "Hướng dẫn",
    "Báo cáo",
    "đặc khu",
    "phường",
    "Đắk Lắk",
    "Quảng Ngãi",
    "Thừa Thiên Huế",
    "Bà Rịa - Vũng Tàu",
    "thị trấn",
    "Chủ tịch",
    "Thông tư số 15/2023/TT-BTC",
    "Chỉ thị của Thủ tướng Chính phủ",
    "Sở Tài nguyên và Môi trường",
    "Hội đồng nhân dân xã",
    "về việc thành lập đơn vị hành chính",
    "Ban Chấp hành Trung ương Đảng",
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
    "Điều 1. Phạm vi điều chỉnh",
    "Sở Giáo dục và Đào tạo",
    "Ngân sách nhà nước",
    "Thông báo kết luận",
    "Nơi nhận:",
]
# Uppercase letters with a tone mark exist in VNI but not in TCVN3 (which uses a capital font).
VNI_ONLY_PHRASES = [
    "Ủy ban nhân dân tỉnh Thanh Hóa",
    "TM. ỦY BAN NHÂN DÂN",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "QUYẾT ĐỊNH",
    "Ấp Đông Hòa, xã Ía Grai",
]
CASES = [(p, enc) for p in PHRASES for enc in ("tcvn3", "vni")] + [(p, "vni") for p in VNI_ONLY_PHRASES]


@pytest.mark.parametrize(("phrase", "encoding"), CASES)
def test_phrase_detect_and_convert(phrase: str, encoding: LegacyEncoding) -> None:
    legacy = ENCODERS[encoding](phrase)
    assert legacy != phrase
    assert detect_legacy_encoding(legacy) == encoding
    assert convert_legacy(legacy, encoding) == phrase


@pytest.mark.parametrize(("phrase", "encoding"), CASES)
def test_phrase_convert_is_nfc_even_from_nfd_input(phrase: str, encoding: LegacyEncoding) -> None:
    legacy_nfd = unicodedata.normalize("NFD", ENCODERS[encoding](phrase))
    result = convert_legacy(legacy_nfd, encoding)
    assert result == phrase
    assert unicodedata.is_normalized("NFC", result)


def test_whole_document_tcvn3() -> None:
    document = "\n".join(PHRASES)
    legacy = to_tcvn3(document)
    assert detect_legacy_encoding(legacy) == "tcvn3"
    assert convert_legacy(legacy, "tcvn3") == document


def test_whole_document_vni() -> None:
    document = "\n".join(PHRASES + VNI_ONLY_PHRASES)
    legacy = to_vni(document)
    assert detect_legacy_encoding(legacy) == "vni"
    assert convert_legacy(legacy, "vni") == document


# ---------------------------------------------------------------------------------------------
# Literal mojibake as found in the wild.
# ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("mojibake", "encoding", "expected"),
    [
        # TCVN3 has no "Ủ": documents wrote "Uỷ" (old-style tone placement, same word as "Ủy").
        ("Uû ban nh©n d©n", "tcvn3", "Uỷ ban nhân dân"),
        ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "tcvn3", "Cộng hoà xã hội chủ nghĩa Việt Nam"),
        ("§éc lËp - Tù do - H¹nh phóc", "tcvn3", "Độc lập - Tự do - Hạnh phúc"),
        ("Ph\xadêng B¶o Th¾ng", "tcvn3", "Phường Bảo Thắng"),  # \xad (soft hyphen) is "ư"
        ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "vni", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
        ("UÛy ban nhaân daân", "vni", "Ủy ban nhân dân"),
        ("Ñoäc laäp - Töï do - Haïnh phuùc", "vni", "Độc lập - Tự do - Hạnh phúc"),
        ("COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM", "vni", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ],
)
def test_literal_mojibake(mojibake: str, encoding: LegacyEncoding, expected: str) -> None:
    assert detect_legacy_encoding(mojibake) == encoding
    assert convert_legacy(mojibake, encoding) == expected


def test_tcvn3_capital_font_heading_converts_to_lowercase_letters() -> None:
    # Headings typed in .VnTimeH store lowercase codes; the capitals are only in the font.
    heading = "CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM"
    assert detect_legacy_encoding(heading) == "tcvn3"
    assert convert_legacy(heading, "tcvn3") == "CộNG HOà Xã HộI CHủ NGHĩA VIệT NAM"


# ---------------------------------------------------------------------------------------------
# Texts that are not legacy Vietnamese.
# ---------------------------------------------------------------------------------------------
NOT_LEGACY = [
    "",
    "   \n\t",
    "45/KH-UBND 2024-12-22",
    "The quick brown fox jumps over the lazy dog.",
    "Ministry of Home Affairs, Decision No. 57-NQ/TW",
    "Café crème © 2024",
    "Müller Straße",
    "Où est la gare ? Déjà vu, naïve façade, le thé est né à l'hôtel où je suis.",
    "Grüße aus München: schön, Käse, Bär, Öl, Füße, Tür.",
    "El señor está aquí; él sé qué pasó en España.",
    "Smörgåsbord på svenska, så går det till.",
    "São Paulo é a maior cidade do Brasil, não é?",
    "Copyright © 2024 Acme® — “quoted” text…",
    *PHRASES,
    *VNI_ONLY_PHRASES,
    *[unicodedata.normalize("NFD", p) for p in PHRASES + VNI_ONLY_PHRASES],
    "\n".join(PHRASES),
    unicodedata.normalize("NFD", "\n".join(PHRASES)),
]


@pytest.mark.parametrize("text", NOT_LEGACY)
def test_not_legacy(text: str) -> None:
    assert detect_legacy_encoding(text) is None


def test_single_legacy_letter_is_not_enough_evidence() -> None:
    # "x·" is TCVN3 "xã", but one letter is not enough to be confident.
    assert detect_legacy_encoding("x·") is None
    assert convert_legacy("x·", "tcvn3") == "xã"


# ---------------------------------------------------------------------------------------------
# Conversion details.
# ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("legacy", "expected"),
    [
        ("aâ", "â"),  # circumflex
        ("aá", "ấ"),  # circumflex + acute in one mark byte, not "a" + "á"
        ("aê", "ă"),  # breve
        ("aé", "ắ"),  # breve + acute
        ("ô", "ơ"),
        ("ôù", "ớ"),  # longest match: not "ơ" + "ù"
        ("ö", "ư"),
        ("öï", "ự"),
        ("ÖÏ", "Ự"),
        ("ñ", "đ"),
        ("Ñ", "Đ"),
        ("í ì æ ó ò î", "í ì ỉ ĩ ị ỵ"),
        ("Aù", "Á"),  # mark of the other case: the base letter decides
        ("aÙ", "á"),
        ("bù fé", "bù fé"),  # a mark byte after a non-vowel is not VNI: untouched
    ],
)
def test_vni_sequences(legacy: str, expected: str) -> None:
    assert convert_legacy(legacy, "vni") == expected


@pytest.mark.parametrize(
    ("legacy", "encoding", "expected"),
    [
        ("Tæng sè: 100% — €5, ÿ", "tcvn3", "Tổng số: 100% — €5, ÿ"),  # —, €, ÿ are not TCVN3 codes
        ("\x93Coäng\x94 \x85", "vni", "“Cộng” …"),  # latin-1 C1 controls -> cp1252 punctuation
        ("\x93nh©n\x94 \x81", "tcvn3", "“nhân” \x81"),  # 0x81 is unassigned in cp1252: untouched
        ("\u00a0", "tcvn3", "\u00a0"),  # NBSP is NBSP in VN3
    ],
)
def test_characters_outside_the_encoding(legacy: str, encoding: LegacyEncoding, expected: str) -> None:
    assert convert_legacy(legacy, encoding) == expected


def test_convert_rejects_unknown_encoding() -> None:
    with pytest.raises(ValueError, match="unknown legacy encoding"):
        convert_legacy("abc", "viscii")  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------------
# Raw bytes.
# ---------------------------------------------------------------------------------------------
DOCUMENT = "Căn cứ Nghị quyết số 57-NQ/TW ngày 22 tháng 12 năm 2024 của Bộ Chính trị về đặc khu."


def test_decode_tcvn3_bytes() -> None:
    data = b"\x93" + to_tcvn3(DOCUMENT).encode("latin-1") + b"\x94"
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert decode_legacy_bytes(data) == ("“" + DOCUMENT + "”", "tcvn3")


def test_decode_vni_bytes() -> None:
    assert decode_legacy_bytes(to_vni(DOCUMENT).encode("cp1252")) == (DOCUMENT, "vni")


def test_decode_bytes_not_valid_cp1252_falls_back_to_latin1() -> None:
    data = to_tcvn3(DOCUMENT).encode("latin-1") + b" \x81"
    assert decode_legacy_bytes(data) == (DOCUMENT + " \x81", "tcvn3")


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"plain ASCII text",
        DOCUMENT.encode("utf-8"),
        unicodedata.normalize("NFD", DOCUMENT).encode("utf-8"),
        "Café crème © 2024, Müller Straße".encode("latin-1"),
        "Où est la gare ? Déjà vu, à l'hôtel".encode("cp1252"),
    ],
)
def test_decode_bytes_not_legacy(data: bytes) -> None:
    assert decode_legacy_bytes(data) is None


# ---------------------------------------------------------------------------------------------
# Properties.
# ---------------------------------------------------------------------------------------------
_ASCII = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,;:-/()\n"


@given(st.text(alphabet=list(_ASCII) + TCVN3_LETTERS))
def test_tcvn3_round_trip(text: str) -> None:
    assert convert_legacy(to_tcvn3(text), "tcvn3") == text


@given(st.text(alphabet=list(_ASCII) + VIETNAMESE_LETTERS))
def test_vni_round_trip(text: str) -> None:
    assert convert_legacy(to_vni(text), "vni") == text


@given(st.text(alphabet=_ASCII), st.sampled_from(["tcvn3", "vni"]))
def test_ascii_is_unchanged_and_not_legacy(text: str, encoding: LegacyEncoding) -> None:
    assert convert_legacy(text, encoding) == text
    assert detect_legacy_encoding(text) is None


_ONSETS = [
    "", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh",
    "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x",
]  # fmt: skip
_OPEN_RHYMES = [
    "a", "ai", "ao", "au", "ay", "âu", "ây", "e", "eo", "ê", "êu", "i", "ia", "iu", "o", "oa", "oai", "oay", "oe", "oi", "ô", "ôi",
    "ơ", "ơi", "u", "ua", "uê", "ui", "uy", "uya", "ư", "ưa", "ưi", "ưu", "ươi", "ươu", "uôi", "iêu", "yêu", "y",
]  # fmt: skip
_SONORANT_RHYMES = [
    "am", "an", "ang", "anh", "ăm", "ăn", "ăng", "âm", "ân", "âng", "em", "en", "eng", "êm", "ên", "ênh", "im", "in", "inh",
    "om", "on", "ong", "ôm", "ôn", "ông", "ơm", "ơn", "um", "un", "ung", "ưng", "oan", "oang", "oanh", "oăn", "oăng", "oen",
    "uân", "uâng", "uyên", "uynh", "iêm", "iên", "iêng", "uôm", "uôn", "uông", "ươm", "ươn", "ương", "oong",
]  # fmt: skip
_STOP_RHYMES = [
    "ac", "ach", "ap", "at", "ăc", "ăp", "ăt", "âc", "âp", "ât", "ec", "ep", "et", "êch", "êp", "êt", "ich", "ip", "it", "oc", "op", "ot",
    "ôc", "ôp", "ôt", "ơp", "ơt", "uc", "up", "ut", "ưc", "ưt", "oac", "oach", "oat", "oăc", "oăt", "oet", "uât", "uyêt", "uych", "uyt",
    "iêc", "iêp", "iêt", "uôc", "uôt", "ươc", "ươp", "ươt", "ooc",
]  # fmt: skip
_ALL_TONES = ["", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]
_STOP_TONES = ["\u0301", "\u0323"]


@st.composite
def vietnamese_syllables(draw: st.DrawFn) -> str:
    """A Vietnamese syllable: onset + rhyme + tone (tone on any vowel of the rhyme), in some case."""
    onset = draw(st.sampled_from(_ONSETS))
    kind = draw(st.sampled_from(["open", "sonorant", "stop"]))
    if kind == "stop":
        rhyme, tone = draw(st.sampled_from(_STOP_RHYMES)), draw(st.sampled_from(_STOP_TONES))
    else:
        rhyme = draw(st.sampled_from(_OPEN_RHYMES if kind == "open" else _SONORANT_RHYMES))
        tone = draw(st.sampled_from(_ALL_TONES))
    vowels = [i for i, c in enumerate(rhyme) if unicodedata.normalize("NFD", c)[0] in "aeiouy"]
    at = draw(st.sampled_from(vowels))
    syllable = unicodedata.normalize("NFC", onset + rhyme[: at + 1] + tone + rhyme[at + 1 :])
    case = draw(st.sampled_from([str.lower, str.capitalize, str.upper]))
    return case(syllable)


_SEPARATORS = st.sampled_from(
    [" ", " ", " ", ", ", ". ", " - ", "; ", "\n", " 45/KH-UBND ", " 2024 ", " (", ") "]
)


@st.composite
def vietnamese_texts(draw: st.DrawFn) -> str:
    """Unicode Vietnamese text: syllables and separators, in NFC or NFD."""
    words = draw(st.lists(vietnamese_syllables(), min_size=1, max_size=40))
    text = words[0]
    for word in words[1:]:
        text += draw(_SEPARATORS) + word
    return unicodedata.normalize(draw(st.sampled_from(["NFC", "NFD"])), text)


@settings(max_examples=300)
@given(vietnamese_texts())
def test_unicode_vietnamese_is_never_legacy(text: str) -> None:
    assert detect_legacy_encoding(text) is None


@settings(max_examples=300)
@given(vietnamese_texts())
def test_vietnamese_text_round_trips_through_vni(text: str) -> None:
    nfc = unicodedata.normalize("NFC", text)
    assert convert_legacy(to_vni(nfc), "vni") == nfc
