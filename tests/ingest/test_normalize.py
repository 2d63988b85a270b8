"""Tests for ingest.normalize: the rules of vn-conventions §5.1 and properties of the offset map."""

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ingest.normalize import normalize

VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵĐ"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (unicodedata.normalize("NFD", "Kế hoạch"), "Kế hoạch"),  # NFD to NFC
        ("Quyết định 03/Q\u00d0-UBND", "Quyết định 03/QĐ-UBND"),  # Ð U+00D0 look-alike
        ("57\u2013NQ/TW", "57-NQ/TW"),  # en dash
        ("Nghị\u00a0quyết", "Nghị quyết"),  # no-break space
        ("Kế\u00adhoạch\u200b", "Kếhoạch"),  # soft hyphen, zero-width space
        ("579-\n\nCV/VPTU", "579-CV/VPTU"),  # symbol broken after the dash
        ("1180\\*  \n-CV/ĐU", "1180-CV/ĐU"),  # markdown escape and a break before the dash
        ("ngày 22/12/\n2024", "ngày 22/12/2024"),  # date broken before the year
        ("**T/M BAN THƯỜNG VỤ**", "T/M BAN THƯỜNG VỤ"),  # markdown emphasis
        ("## I. MỤC ĐÍCH", "I. MỤC ĐÍCH"),  # markdown heading
        ("kinh tế -\nxã hội", "kinh tế -\nxã hội"),  # a dash at a line end that is not a symbol
    ],
)
def test_normalize_rules(raw: str, expected: str) -> None:
    assert normalize(raw).text == expected


@given(st.text())
def test_normalize_is_idempotent(s: str) -> None:
    once = normalize(s).text
    assert normalize(once).text == once


@given(st.text())
def test_offsets_point_into_the_original(s: str) -> None:
    n = normalize(s)
    assert len(n.offsets) == len(n.text) + 1
    assert all(0 <= o <= len(s) for o in n.offsets)
    assert list(n.offsets) == sorted(n.offsets)  # monotone: spans stay spans


@given(st.text(alphabet=st.sampled_from(list(VIETNAMESE + " -/\n0123456789"))))
def test_spans_of_words_map_back_to_the_same_words(s: str) -> None:
    n = normalize(unicodedata.normalize("NFD", s))
    for i, ch in enumerate(n.text):
        if ch.isalpha():
            a, b = n.to_original(i, i + 1)
            assert unicodedata.normalize("NFC", n.original[a:b]).translate({0xD0: 0x110}) == ch
