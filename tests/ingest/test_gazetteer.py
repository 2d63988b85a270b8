"""Tests for ingest.gazetteer and the merger table in ontology.provinces."""

import pytest
from vietnam_provinces import Province

from ingest.gazetteer import fold, resolve_place
from ontology.provinces import MERGED_INTO
from ontology.terms import Level


def test_merger_table_agrees_with_the_package() -> None:
    assert len(MERGED_INTO) == 34
    assert sorted(old for olds in MERGED_INTO.values() for old in olds) == sorted(
        {old for olds in MERGED_INTO.values() for old in olds}
    )
    assert len({old for olds in MERGED_INTO.values() for old in olds}) == 63
    for new_code, olds in MERGED_INTO.items():
        sources = {int(p.code) for p in Province.from_code(new_code).get_legacy_sources()}
        assert set(olds) <= sources, new_code


@pytest.mark.parametrize(
    ("place", "date", "level", "at_issue", "current"),
    [
        ("huyện Đăk Glei", "2025-04-10", Level.DISTRICT, "Kon Tum", "Quảng Ngãi"),
        ("huyện Đắk Glei", None, Level.DISTRICT, "Kon Tum", "Quảng Ngãi"),
        ("phường Kinh Môn", None, Level.COMMUNE, "Hải Phòng", "Hải Phòng"),
        ("thị xã Kinh Môn", "2024-05-01", Level.DISTRICT, "Hải Dương", "Hải Phòng"),
        ("tỉnh Kon Tum", "2025-01-01", Level.PROVINCE, "Kon Tum", "Quảng Ngãi"),
        ("tỉnh Đắk Lắk", "2025-12", Level.PROVINCE, "Đắk Lắk", "Đắk Lắk"),
        ("TP.HCM", None, Level.PROVINCE, "Hồ Chí Minh", "Hồ Chí Minh"),
        ("xã Dân Lực", "2024-03-03", Level.COMMUNE, "Thanh Hóa", "Thanh Hóa"),
        ("tỉnh Hoà Bình", "2024-03-03", Level.PROVINCE, "Hòa Bình", "Phú Thọ"),  # official spelling
        ("tỉnh Bình Dương", "2025-03-03", Level.PROVINCE, "Bình Dương", "Hồ Chí Minh"),
        ("tỉnh Tiền Giang", "2025-03-03", Level.PROVINCE, "Tiền Giang", "Đồng Tháp"),
    ],
)
def test_resolve_place(place: str, date: str | None, level: Level, at_issue: str, current: str) -> None:
    p = resolve_place(place, date=date)
    assert p is not None
    assert (p.level, p.province_at_issue, p.province) == (level, at_issue, current)


def test_ambiguous_names_are_not_guessed() -> None:
    p = resolve_place("xã Hòa Bình")
    assert p is not None and p.province is None and p.warnings


def test_unknown_place() -> None:
    assert resolve_place("huyện Không Có Thật") is None


def test_fold() -> None:
    assert fold("Thừa Thiên - Huế") == "thua thien hue"
    assert fold("Đăk Lăk") == fold("Đắk Lắk") == "dak lak"
