"""Tests for the curated catalog of central documents (ontology/catalog.py, ontology/catalog.json)."""

import datetime as dt
import json
import re
import unicodedata
from collections import Counter
from importlib import resources

import pytest

from ontology.catalog import (
    Catalog,
    CatalogEntry,
    CatalogError,
    canonical_number,
    load_catalog,
    loose_number_key,
)
from ontology.terms import Level


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


# --- lookups by canonical and variant spellings ----------------------------------------------

LOOKUP_CASES = [
    # (as written, expected canonical number, expected date)
    ("57-NQ/TW", "57-NQ/TW", "2024-12-22"),
    ("57/NQ-TW", "57-NQ/TW", "2024-12-22"),  # State separators on a Party symbol
    ("57/NQ- TW", "57-NQ/TW", "2024-12-22"),
    ("57 - NQ/TW", "57-NQ/TW", "2024-12-22"),  # spaces around the dash
    ("57NQ/TW", "57-NQ/TW", "2024-12-22"),  # missing dash
    ("57-nq/tw", "57-NQ/TW", "2024-12-22"),
    ("03/NQ-CP", "03/NQ-CP", "2025-01-09"),
    ("03/nq-cp", "03/NQ-CP", "2025-01-09"),
    ("3/NQ-CP", "03/NQ-CP", "2025-01-09"),  # leading zero dropped
    ("71/NQ-CP", "71/NQ-CP", "2025-04-01"),
    ("71-NQ/TW", "71-NQ/TW", "2025-08-22"),  # same digits, other family
    ("30/2020/NĐ-CP", "30/2020/NĐ-CP", "2020-03-05"),
    ("30/2020/N\u00d0-CP", "30/2020/NĐ-CP", "2020-03-05"),  # Ð U+00D0 look-alike
    ("30/2020/N\u0189-CP", "30/2020/NĐ-CP", "2020-03-05"),  # Ɖ U+0189 look-alike
    ("30/2020/n\u00f0-cp", "30/2020/NĐ-CP", "2020-03-05"),  # ð U+00F0 look-alike
    ("30/2020/NÐ–CP", "30/2020/NĐ-CP", "2020-03-05"),  # Ð and an en dash
    ("02-KH/BCĐTW", "02-KH/BCĐTW", "2025-06-19"),
    ("02 - KH/BC\u00d0TW", "02-KH/BCĐTW", "2025-06-19"),
    ("01-KH/BCĐTW", "01-KH/BCĐTW", "2025-06-02"),
    ("06/QĐ-TTg", "06/QĐ-TTg", "2022-01-06"),
    ("06/QĐ-TTG", "06/QĐ-TTg", "2022-01-06"),
    ("749/QĐ-TTg", "749/QĐ-TTg", "2020-06-03"),
    ("193/2025/QH15", "193/2025/QH15", "2025-02-19"),
    ("93/2025/QH15", "93/2025/QH15", "2025-06-27"),
    ("36-HD/VPTW", "36-HD/VPTW", "2018-04-03"),
    ("66-QĐ/TW", "66-QĐ/TW", "2017-02-06"),
    ("66-NQ/TW", "66-NQ/TW", "2025-04-30"),
    ("127 - KL/TW", "127-KL/TW", "2025-02-28"),
    (unicodedata.normalize("NFD", "229-QĐ/TW"), "229-QĐ/TW", "2025-01-10"),  # decomposed input
]


@pytest.mark.parametrize(("written", "number", "date"), LOOKUP_CASES)
def test_lookup_variants(catalog: Catalog, written: str, number: str, date: str) -> None:
    found = catalog.lookup(written)
    assert [(e.number, e.date) for e in found] == [(number, date)]
    entry = catalog.get(written)
    assert entry is not None
    assert entry.number == number


@pytest.mark.parametrize("written", ["999-NQ/TW", "57-KL/TW", "57/NQ-CP", "", "03/NQ-TW"])
def test_lookup_unknown(catalog: Catalog, written: str) -> None:
    assert catalog.lookup(written) == []
    assert catalog.get(written) is None


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("57-NQ/TW", "57 - nq/tw", True),
        ("30/2020/NĐ-CP", "30/2020/N\u00d0-CP", True),
        ("71/NQ-CP", "71-NQ/TW", False),
        ("03/NQ-CP", "3/NQ-CP", False),  # canonical form keeps the zero ...
    ],
)
def test_canonical_number(a: str, b: str, same: bool) -> None:
    assert (canonical_number(a) == canonical_number(b)) is same


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("03/NQ-CP", "3/NQ-CP", True),  # ... the loose key does not
        ("57-NQ/TW", "57/NQ-TW", True),
        ("71/NQ-CP", "71-NQ/TW", False),
        ("18-NQ/TW", "180-NQ/TW", False),
    ],
)
def test_loose_number_key(a: str, b: str, same: bool) -> None:
    assert (loose_number_key(a) == loose_number_key(b)) is same


# --- numbers that repeat: the two 18-NQ/TW, the two 50/NQ-CP ---------------------------------


def test_two_18_nq_tw(catalog: Catalog) -> None:
    both = catalog.lookup("18-NQ/TW")
    assert [(e.date, e.term) for e in both] == [("2017-10-25", "XII"), ("2022-06-16", "XIII")]
    assert catalog.get("18-NQ/TW") is None  # ambiguous without a date


@pytest.mark.parametrize(
    ("date", "term", "expected_date", "subject"),
    [
        ("2017-10-25", None, "2017-10-25", "tổ chức bộ máy"),
        ("25/10/2017", None, "2017-10-25", "tổ chức bộ máy"),
        ("2017", None, "2017-10-25", "tổ chức bộ máy"),
        ("2017-10", None, "2017-10-25", "tổ chức bộ máy"),
        (None, "XII", "2017-10-25", "tổ chức bộ máy"),
        ("2022-06-16", None, "2022-06-16", "sử dụng đất"),
        ("16/6/2022", None, "2022-06-16", "sử dụng đất"),
        ("2022", None, "2022-06-16", "sử dụng đất"),
        (None, "xiii", "2022-06-16", "sử dụng đất"),
    ],
)
def test_18_nq_tw_narrowed(
    catalog: Catalog, date: str | None, term: str | None, expected_date: str, subject: str
) -> None:
    entry = catalog.get("18/NQ-TW", date, term=term)
    assert entry is not None
    assert entry.date == expected_date
    assert subject in entry.title
    assert entry.issuer == "Ban Chấp hành Trung ương Đảng"


@pytest.mark.parametrize("date", ["2019", "2017-11", "2022-06-17"])
def test_18_nq_tw_wrong_date(catalog: Catalog, date: str) -> None:
    assert catalog.lookup("18-NQ/TW", date) == []


def test_two_50_nq_cp(catalog: Catalog) -> None:
    assert [e.year for e in catalog.lookup("50/NQ-CP")] == [2020, 2021]
    entry = catalog.get("50/NQ-CP", "2020")
    assert entry is not None
    assert entry.implements == ("52-NQ/TW",)


@pytest.mark.parametrize("date", ["2017-13-01", "31/02/2024", "last year"])
def test_bad_query_date(catalog: Catalog, date: str) -> None:
    with pytest.raises(CatalogError):
        catalog.lookup("18-NQ/TW", date)


def test_resolve_picks_latest_before(catalog: Catalog) -> None:
    assert catalog.resolve("18-NQ/TW") is None
    earlier = catalog.resolve("18-NQ/TW", as_of="2020-01-01")
    later = catalog.resolve("18-NQ/TW", as_of="2025-01-24")
    assert earlier is not None and earlier.date == "2017-10-25"
    assert later is not None and later.date == "2022-06-16"
    assert catalog.resolve("18-NQ/TW", as_of="2010-01-01") is None


# --- chains ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        ("03/NQ-CP", {"57-NQ/TW"}),
        ("71/NQ-CP", {"57-NQ/TW"}),
        ("02-KH/BCĐTW", {"57-NQ/TW", "130-KL/TW"}),
        ("01-KH/BCĐTW", {"57-NQ/TW", "229-QĐ/TW"}),
        ("111/NQ-CP", {"29-NQ/TW"}),
        ("139/NQ-CP", {"68-NQ/TW", "198/2025/QH15"}),
        ("07/CT-TTg", {"06/QĐ-TTg"}),
        ("2330/QĐ-TTg", {"93/2025/QH15"}),
        ("411/QĐ-TTg", {"52-NQ/TW"}),
        ("126/QĐ-BCĐCP", {"71/NQ-CP", "57-NQ/TW", "929/QĐ-TTg"}),
    ],
)
def test_chain_includes(catalog: Catalog, number: str, expected: set[str]) -> None:
    assert expected <= {e.number for e in catalog.chain(number)}


def test_chain_03_nq_cp(catalog: Catalog) -> None:
    chain = catalog.chain("03/nq-cp")
    assert [e.number for e in chain] == ["57-NQ/TW"]
    assert chain[0].date == "2024-12-22"


def test_chain_is_transitive_and_excludes_start(catalog: Catalog) -> None:
    chain = [e.number for e in catalog.chain("126/QĐ-BCĐCP")]
    assert chain.count("57-NQ/TW") == 1  # reached directly and through 71/NQ-CP, listed once
    assert "126/QĐ-BCĐCP" not in chain
    assert catalog.chain("57-NQ/TW") == []  # a root
    assert catalog.chain("999-NQ/TW") == []


def test_chain_other_relations(catalog: Catalog) -> None:
    assert [e.number for e in catalog.chain("71/NQ-CP", relations=("amends",))] == ["03/NQ-CP"]
    via_all = {e.number for e in catalog.chain("71/NQ-CP", relations=("implements", "amends"))}
    assert via_all == {"57-NQ/TW", "03/NQ-CP"}
    assert [e.number for e in catalog.chain("30/2020/NĐ-CP", relations=("replaces",))] == ["110/2004/NĐ-CP"]
    with pytest.raises(CatalogError):
        catalog.chain("03/NQ-CP", relations=("cites",))


def test_chain_resolves_repeated_numbers_by_date() -> None:
    old = _entry("18-NQ/TW", "2017-10-25", term="XII")
    new = _entry("18-NQ/TW", "2022-06-16", term="XIII")
    citing_old = _entry("1/KH-X", "2018-01-05", implements=("18-NQ/TW",))
    citing_new = _entry("2/KH-X", "2023-01-05", implements=("18-NQ/TW",))
    cat = Catalog([old, new, citing_old, citing_new])
    assert cat.chain("1/KH-X") == [old]
    assert cat.chain("2/KH-X") == [new]


# --- data-quality invariants over the whole file ----------------------------------------------


def test_size(catalog: Catalog) -> None:
    assert 50 <= len(catalog) <= 80
    assert len(list(catalog)) == len(catalog.entries) == len(catalog)


def test_every_reference_resolves_or_is_external(catalog: Catalog) -> None:
    assert catalog.unresolved_references() == []
    for entry in catalog:
        for _relation, target in entry.references():
            resolved = catalog.resolve(target, as_of=entry.date)
            assert resolved is not None or canonical_number(target) in catalog.external, (
                entry.number,
                target,
            )
            if resolved is not None:
                assert resolved.date <= entry.date, (entry.number, target)


def test_unique_number_date_pairs(catalog: Catalog) -> None:
    pairs = Counter((e.canonical, e.date) for e in catalog)
    assert [p for p, n in pairs.items() if n > 1] == []


def test_each_entry_found_by_its_own_number(catalog: Catalog) -> None:
    for entry in catalog:
        assert catalog.get(entry.number, entry.date) == entry


def test_loose_keys_do_not_merge_different_numbers(catalog: Catalog) -> None:
    by_key: dict[str, set[str]] = {}
    for entry in catalog:
        by_key.setdefault(loose_number_key(entry.number), set()).add(entry.canonical)
    assert {k: v for k, v in by_key.items() if len(v) > 1} == {}


def test_dates_are_iso_and_plausible(catalog: Catalog) -> None:
    for entry in catalog:
        parsed = dt.date.fromisoformat(entry.date)
        assert parsed.isoformat() == entry.date
        assert dt.date(1990, 1, 1) <= parsed <= dt.date(2026, 12, 31), entry.number


def test_every_entry_is_central(catalog: Catalog) -> None:
    for entry in catalog:
        assert entry.level is Level.CENTRAL
        assert entry.level.value == "central"


PARTY_RE = re.compile(r"^\d+-[A-Za-zĐđ]+/[A-Za-zĐđ]+$")
STATE_ADMIN_RE = re.compile(r"^\d+/[A-Za-zĐđ]+-[A-Za-zĐđ0-9]+$")
STATE_NORMATIVE_RE = re.compile(r"^\d+/\d{4}/(?:[A-Za-zĐđ]+-[A-Za-zĐđ]+|QH\d+)$")
DOC_TYPES = {
    "Nghị quyết", "Kết luận", "Quyết định", "Kế hoạch", "Luật", "Nghị định", "Chỉ thị",
    "Hướng dẫn", "Quy định", "Quy chế",
}  # fmt: skip


def test_numbers_are_canonical(catalog: Catalog) -> None:
    for entry in catalog:
        n = entry.number
        assert n == unicodedata.normalize("NFC", n) and " " not in n and "\u00d0" not in n
        assert PARTY_RE.match(n) or STATE_ADMIN_RE.match(n) or STATE_NORMATIVE_RE.match(n), n
        if STATE_NORMATIVE_RE.match(n):
            assert n.split("/")[1] == entry.date[:4], n  # the year in the symbol is the year issued


def test_party_entries_have_a_term(catalog: Catalog) -> None:
    for entry in catalog:
        party = bool(PARTY_RE.match(entry.number))
        assert (entry.term is not None) is party, entry.number
        if entry.term is not None:
            assert re.fullmatch(r"[IVX]+", entry.term)


@pytest.mark.parametrize(
    ("number", "date", "term"),
    [
        ("57-NQ/TW", "2024-12-22", "XIII"),
        ("52-NQ/TW", "2019-09-27", "XII"),
        ("20-NQ/TW", "2012-11-01", "XI"),
        ("66-QĐ/TW", "2017-02-06", "XII"),
        ("36-HD/VPTW", "2018-04-03", "XII"),
    ],
)
def test_known_terms(catalog: Catalog, number: str, date: str, term: str) -> None:
    entry = catalog.get(number, date)
    assert entry is not None and entry.term == term


def test_fields_are_filled(catalog: Catalog) -> None:
    for entry in catalog:
        assert entry.doc_type in DOC_TYPES, entry.number
        assert entry.issuer and entry.title and entry.topics, entry.number
        assert entry.source, entry.number
        if entry.verified:
            assert "http" in entry.source or entry.source.startswith("code:"), entry.number
        for text in (entry.title, entry.issuer, entry.doc_type):
            assert text == unicodedata.normalize("NFC", text)
        assert isinstance(entry.implements, tuple) and isinstance(entry.topics, tuple)


@pytest.mark.parametrize(
    ("number", "doc_type", "issuer", "date"),
    [
        ("57-NQ/TW", "Nghị quyết", "Bộ Chính trị", "2024-12-22"),
        ("03/NQ-CP", "Nghị quyết", "Chính phủ", "2025-01-09"),
        ("71/NQ-CP", "Nghị quyết", "Chính phủ", "2025-04-01"),
        (
            "02-KH/BCĐTW",
            "Kế hoạch",
            "Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số",
            "2025-06-19",
        ),
        ("29-NQ/TW", "Nghị quyết", "Ban Chấp hành Trung ương Đảng", "2022-11-17"),
        ("45-NQ/TW", "Nghị quyết", "Ban Chấp hành Trung ương Đảng", "2023-11-24"),
        ("69-KL/TW", "Kết luận", "Bộ Chính trị", "2024-01-11"),
        ("20-NQ/TW", "Nghị quyết", "Ban Chấp hành Trung ương Đảng", "2012-11-01"),
        ("30/2020/NĐ-CP", "Nghị định", "Chính phủ", "2020-03-05"),
        ("93/2025/QH15", "Luật", "Quốc hội", "2025-06-27"),
        ("230-QĐ/TW", "Quy định", "Bộ Chính trị", "2025-01-10"),
        ("229-QĐ/TW", "Quyết định", "Bộ Chính trị", "2025-01-10"),
    ],
)
def test_agrees_with_gold_and_brief(
    catalog: Catalog, number: str, doc_type: str, issuer: str, date: str
) -> None:
    entry = catalog.get(number, date)
    assert entry is not None
    assert (entry.doc_type, entry.issuer) == (doc_type, issuer)


def test_verified_counts(catalog: Catalog) -> None:
    unverified = {e.number for e in catalog if not e.verified}
    assert unverified <= {"20-NQ/TW", "69-KL/TW"}
    assert sum(e.verified for e in catalog) >= 50


# --- loading ------------------------------------------------------------------------------------


def test_json_is_package_data_and_cached() -> None:
    text = resources.files("ontology").joinpath("catalog.json").read_text(encoding="utf-8")
    assert len(json.loads(text)["entries"]) == len(load_catalog())
    assert load_catalog() is load_catalog()


@pytest.mark.parametrize(
    "bad",
    [
        "not json",
        "[]",
        '{"entries": [{"number": "1/NQ-CP"}]}',
        '{"entries": [{"number": "1/NQ-CP", "doc_type": "Nghị quyết", "issuer": "Chính phủ", '
        '"level": "central", "date": "2025-1-9", "title": "x"}]}',
        '{"entries": [{"number": "1/NQ-CP", "doc_type": "Nghị quyết", "issuer": "Chính phủ", '
        '"level": "nowhere", "date": "2025-01-09", "title": "x"}]}',
        '{"entries": [{"number": "1-NQ/TW", "doc_type": "Nghị quyết", "issuer": "Bộ Chính trị", '
        '"level": "central", "date": "2025-01-09", "term": "13", "title": "x"}]}',
    ],
)
def test_bad_json_rejected(bad: str) -> None:
    with pytest.raises(CatalogError):
        Catalog.from_json(bad)


def test_duplicate_entries_rejected() -> None:
    with pytest.raises(CatalogError):
        Catalog([_entry("57-NQ/TW", "2024-12-22"), _entry("57 - NQ/TW", "2024-12-22")])


def test_external_references() -> None:
    text = json.dumps(
        {
            "external_references": {"110/2004/NĐ-CP": "not catalogued"},
            "entries": [
                {
                    "number": "30/2020/NĐ-CP",
                    "doc_type": "Nghị định",
                    "issuer": "Chính phủ",
                    "level": "central",
                    "date": "2020-03-05",
                    "title": "Về công tác văn thư",
                    "replaces": ["110/2004/N\u00d0-CP"],
                }
            ],
        }
    )
    cat = Catalog.from_json(text)
    assert cat.unresolved_references() == []
    assert Catalog(cat.entries).unresolved_references()[0][1:] == ("replaces", "110/2004/N\u00d0-CP")


def _entry(
    number: str, date: str, *, term: str | None = None, implements: tuple[str, ...] = ()
) -> CatalogEntry:
    return CatalogEntry(
        number=number,
        doc_type="Nghị quyết",
        issuer="x",
        level=Level.CENTRAL,
        date=date,
        term=term,
        title="x",
        implements=implements,
    )
