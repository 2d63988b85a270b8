"""Tests for ingest.symbols: every variant of vn-conventions §1d, and properties of the canonicaliser."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ingest.normalize import normalize
from ingest.symbols import find_symbols, parse_symbol


@pytest.mark.parametrize(
    ("raw", "canonical", "family", "flags"),
    [
        ("57-NQ/TW", "57-NQ/TW", "party", ()),
        # space around the dash
        ("100 - KL/TW", "100-KL/TW", "party", ()),
        ("367 - QĐ/TWĐTN-VP", "367-QĐ/TWĐTN-VP", "party", ()),
        # missing dash
        ("57NQ/TW", "57-NQ/TW", "party", ()),
        ("84 QĐ/TWĐTN", "84-QĐ/TWĐTN", "party", ()),
        # State separator on a Party symbol
        ("57/NQ-TW", "57-NQ/TW", "party", ("malformed_separator",)),
        ("57/NQ- TW", "57-NQ/TW", "party", ("malformed_separator",)),
        # space before the slash, after the dash
        ("1206 /QĐ-HVTC", "1206/QĐ-HVTC", "state", ()),
        ("118/TTr- STTTT", "118/TTr-STTTT", "state", ()),
        # case mangled
        ("56/2012/nĐ-cp", "56/2012/NĐ-CP", "normative", ()),
        ("15- Nq/tw", "15-NQ/TW", "party", ()),
        ("15/QĐ-TTG", "15/QĐ-TTg", "state", ()),
        # & inside a unit code, three-part State symbol
        ("5104/BTTTT-PTTH&TTĐT", "5104/BTTTT-PTTH&TTĐT", "state", ()),
        ("25/TT-MTTW-BTT", "25/TT-MTTW-BTT", "mass_org", ()),
        # công văn: ISSUER-UNIT, Party công văn with CV
        ("453/SKHCN-QLKH", "453/SKHCN-QLKH", "state", ()),
        ("579-CV/VPTU", "579-CV/VPTU", "party", ()),
        # normative with legislature number
        ("64/2025/QH15", "64/2025/QH15", "normative", ()),
        ("30/2020/NĐ-CP", "30/2020/NĐ-CP", "normative", ()),
        # local variants
        ("49-CTrHĐ/TU", "49-CTrHĐ/TU", "party", ()),
        ("04-QyĐ/ĐU", "04-QyĐ/ĐU", "party", ()),
        ("08-QĐi/TW", "08-QĐi/TW", "party", ()),
        # leading zeros kept as written
        ("013/CT-UBND", "013/CT-UBND", "state", ()),
    ],
)
def test_parse_symbol_variants(raw: str, canonical: str, family: str, flags: tuple[str, ...]) -> None:
    sym = parse_symbol(raw)
    assert sym is not None
    assert (sym.canonical, sym.family, sym.flags) == (canonical, family, flags)


@pytest.mark.parametrize(
    "text",
    [
        "tốc độ tối đa 50km/h",  # units
        "phủ sóng 3G/4G và 5G",  # network generations
        "phòng chống dịch COVID-19",
        "trực 24h/7 và 24/7",
        "ngày 22/12/2024 và ngày 22-12-2024",  # dates
        "phiên bản 2.0/3.0, tỷ lệ 1/2, Phụ lục 1/2",
        "UBND tỉnh/thành phố",
        "số điện thoại 0260.3862.123",
    ],
)
def test_not_symbols(text: str) -> None:
    assert [m.symbol.canonical for m in find_symbols(text)] == []


def test_single_group_cong_van_only_after_so() -> None:
    assert [m.symbol.canonical for m in find_symbols("Số: 245/UBND")] == ["245/UBND"]
    assert [m.symbol.canonical for m in find_symbols("tỷ lệ 245/UBND")] == []


def test_symbol_broken_across_lines_is_rejoined() -> None:
    text = normalize("Công văn số 579-\n\nCV/VPTU và Kế hoạch số 02-\nKH/BCĐ và Số 1180\\*  \n-CV/ĐU").text
    assert [m.symbol.canonical for m in find_symbols(text)] == ["579-CV/VPTU", "02-KH/BCĐ", "1180-CV/ĐU"]


def test_look_alike_d_is_mapped() -> None:
    text = normalize("Quyết định số 03/Q\u00d0-UBND").text
    assert [m.symbol.canonical for m in find_symbols(text)] == ["03/QĐ-UBND"]


SEPARATORS = st.sampled_from(["-", "\u2013", "\u2212", " - ", " -", "- ", ""])
PARTY_TYPES = st.sampled_from(["NQ", "KL", "CT", "KH", "HD", "CV", "QĐ", "CTr", "TB"])
PARTY_ISSUERS = st.sampled_from(["TW", "TU", "HU", "ĐU", "BCĐTW", "VPTU", "BTGDVTU", "BCĐ"])


@given(st.integers(1, 99999), SEPARATORS, PARTY_TYPES, PARTY_ISSUERS)
def test_party_separator_variants_agree(n: int, sep: str, t: str, issuer: str) -> None:
    sym = parse_symbol(normalize(f"{n}{sep}{t}/{issuer}").text)
    assert sym is not None
    assert sym.canonical == f"{n}-{t}/{issuer}"


@given(st.integers(1, 99999), PARTY_TYPES, PARTY_ISSUERS, st.booleans())
def test_canonical_forms_round_trip(n: int, t: str, issuer: str, state_style: bool) -> None:
    raw = f"{n}/{t}-{issuer}" if state_style else f"{n}-{t}/{issuer}"
    sym = parse_symbol(raw)
    assert sym is not None
    again = parse_symbol(sym.canonical)
    assert again is not None and again.canonical == sym.canonical  # canonical is a fixed point


@given(st.integers(1, 9), st.sampled_from(["KH-UBND", "NQ-CP", "QĐ-TTg"]))
def test_leading_zero_is_the_same_number(n: int, tail: str) -> None:
    a, b = parse_symbol(f"0{n}/{tail}"), parse_symbol(f"{n}/{tail}")
    assert a is not None and b is not None and a.number_int == b.number_int


@given(st.text(alphabet=st.sampled_from(list("0123456789/-– NQTWKHUBNDĐ&abc\n")), max_size=60))
def test_found_spans_point_into_the_text(text: str) -> None:
    for m in find_symbols(text):
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.raw
