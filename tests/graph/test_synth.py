"""Tests for the synthetic corpus generator (testkit.synth): ingest then ``gaps`` finds exactly the planted gaps."""

import ast
import json
import re
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from vietnam_provinces import Province, Ward

from graph.backends import open_store
from graph.gaps import GAP_KINDS, GapOptions
from graph.ingest import ingest_paths
from testkit.synth import SITUATIONS, SynthReport, generate, resolve_provinces
from testkit.synth.units import (
    Role,
    all_provinces,
    commune_units,
    district_units,
    issuer_info,
    party_commune_units,
    province_units,
)

AS_OF = "2026-11-22"
# Kon Tum is an old name (→ Quảng Ngãi); Hải Phòng took in Hải Dương; Huế is a city that kept its territory.
PROVINCES = ["Kon Tum", "Hải Phòng", "Huế"]


def _truth(out: Path) -> list[dict[str, Any]]:
    return [
        json.loads(line) for line in (out / "planted-gaps.jsonl").read_text(encoding="utf-8").splitlines()
    ]


def _row_id(kind: str, source: str | None, unit: str | None) -> tuple[str, str | None, str | None]:
    return kind, Path(source).name if source else None, unit if kind == "unit_coverage" else None


def _files(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, SynthReport, list[dict[str, Any]]]:
    root = tmp_path_factory.mktemp("synth")
    out = root / "corpus"
    report = generate(
        out, PROVINCES, scale=30, seed=7, as_of=AS_OF, formats=("txt", "md", "docx"), gap_rate=0.3
    )
    store = open_store(root / "lineage.db")
    ingested = ingest_paths(store, [out])
    assert not ingested.failed
    # The ground truth holds the province cells of unit coverage, not the commune or department ones.
    rows = [r.to_json() for r in store.gaps(GapOptions(as_of=AS_OF)) if r.unit_level in (None, "province")]
    store.close()
    return out, report, rows


def test_ingest_then_gaps_finds_exactly_the_planted_gaps(
    corpus: tuple[Path, SynthReport, list[dict[str, Any]]],
) -> None:
    out, _report, rows = corpus
    found = Counter(_row_id(r["kind"], r["source"], r["unit"]) for r in rows)
    planted = Counter(_row_id(t["kind"], t["source"], t["unit"]) for t in _truth(out))
    assert found - planted == Counter(), "gaps found but not planted (precision < 1)"
    assert planted - found == Counter(), "gaps planted but not found (recall < 1)"


def test_ground_truth_keys_are_the_engine_keys(
    corpus: tuple[Path, SynthReport, list[dict[str, Any]]],
) -> None:
    out, _report, rows = corpus
    found = {(r["kind"], Path(r["source"]).name): r["document"] for r in rows if r["kind"] != "unit_coverage"}
    truth = _truth(out)
    for t in truth:
        if t["kind"] != "unit_coverage" and t["document"] is not None:
            assert found[(t["kind"], t["source"])] == t["document"]
    coverage = {(r["document"], r["unit"]) for r in rows if r["kind"] == "unit_coverage"}
    assert coverage == {(t["document"], t["unit"]) for t in truth if t["kind"] == "unit_coverage"}


def test_every_situation_and_kind_is_planted(corpus: tuple[Path, SynthReport, list[dict[str, Any]]]) -> None:
    out, report, _rows = corpus
    assert set(report.planted) == set(SITUATIONS)
    assert set(report.gaps) == set(GAP_KINDS)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["planted"] == report.planted and manifest["gaps"] == report.gaps
    assert manifest["provinces"] == ["Hải Phòng", "Huế", "Quảng Ngãi"]
    assert sum(report.by_format.values()) == report.documents == manifest["documents"]
    assert set(report.by_level) == {"central", "province", "district", "commune"}


def _texts(folder: Path) -> list[str]:
    return [
        unicodedata.normalize("NFC", p.read_text(encoding="utf-8")).replace("\u00d0", "Đ")
        for p in sorted(folder.glob("*.txt"))
    ]


def test_old_names_before_the_reform_and_units_from_the_official_list(
    corpus: tuple[Path, SynthReport, list[dict[str, Any]]],
) -> None:
    out, _report, _rows = corpus
    texts = _texts(out / "51_quang-ngai")
    assert any("TỈNH KON TUM" in t and "năm 2025" in t for t in texts)
    assert not any("TỈNH KON TUM" in t and "năm 2026" in t for t in texts)
    official = {
        re.sub(r"^(?:Xã|Phường|Đặc khu) ", "", str(w.name)).upper()
        for w in Ward.iter_by_province(next(p.code for p in Province.iter_all() if int(p.code) == 31))
    }
    communes = set()
    for t in _texts(out / "31_hai-phong"):
        for m in re.finditer(r"^(?:ĐẢNG ỦY )?(?:XÃ|PHƯỜNG|ĐẶC KHU) ([^\n]+?)(?:\s{2,}|$)", t, re.M):
            communes.add(m.group(1))
    assert communes and communes <= official


def test_unit_coverage_lists_the_provinces_not_generated(
    corpus: tuple[Path, SynthReport, list[dict[str, Any]]],
) -> None:
    out, _report, _rows = corpus
    rows = [t for t in _truth(out) if t["kind"] == "unit_coverage" and t["document"] == "57-NQ/TW@VN@2024"]
    assert len(rows) == 34 - len(PROVINCES)
    assert {"Hải Phòng", "Quảng Ngãi", "Huế"}.isdisjoint(r["unit"] for r in rows)


def test_same_seed_gives_identical_files_and_another_seed_differs(tmp_path: Path) -> None:
    a = generate(tmp_path / "a", ["Thanh Hóa"], scale=20, seed=3, as_of=AS_OF)
    generate(tmp_path / "b", ["Thanh Hóa"], scale=20, seed=3, as_of=AS_OF)
    generate(tmp_path / "c", ["Thanh Hóa"], scale=20, seed=4, as_of=AS_OF)
    fa, fb, fc = _files(tmp_path / "a"), _files(tmp_path / "b"), _files(tmp_path / "c")
    assert len(fa) == a.documents + 2  # the documents, the ground truth and the manifest
    assert fa == fb
    assert fa != fc


def test_provinces_by_current_or_old_name() -> None:
    assert [p.name for p in resolve_provinces(["Kon Tum", "quang ngai", "tỉnh Hải Dương", "TP HCM"])] == [
        "Hải Phòng",
        "Quảng Ngãi",
        "Hồ Chí Minh",
    ]
    assert len(resolve_provinces(None)) == len(resolve_provinces(["all"])) == 34


def test_unknown_province_is_named_in_the_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="Atlantis"):
        generate(tmp_path / "x", ["Thanh Hóa", "Atlantis"], scale=5)
    assert not (tmp_path / "x").exists()


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"scale": 0}, "scale"),
        ({"formats": ("pdf",)}, "pdf"),
        ({"as_of": "2025-12-01"}, "too early"),
        ({"as_of": "22/11/2026"}, "ISO"),
    ],
)
def test_bad_arguments(tmp_path: Path, kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        generate(tmp_path / "x", ["Huế"], **kwargs)


def test_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "keep.txt").write_text("x", encoding="utf-8")
    with pytest.raises(FileExistsError):
        generate(tmp_path, ["Huế"], scale=5)


def test_the_generator_records_its_own_truth_without_the_extractor() -> None:
    """testkit.synth imports no reader of texts (ingest.identity, layout, extract ...): from ingest
    only the name folding and splitting of the gazetteer, to write names as the official lists do."""
    folder = Path(__file__).resolve().parents[2] / "testkit" / "synth"
    imported = {
        name
        for path in folder.glob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        for name in (
            [a.name for a in node.names]
            if isinstance(node, ast.Import)
            else [node.module or ""]
            if isinstance(node, ast.ImportFrom)
            else []
        )
    }
    assert {m for m in imported if m.split(".")[0] == "ingest"} <= {"ingest.gazetteer"}


def test_units_are_placed_from_the_official_lists() -> None:
    """A unit is recorded with its issuer, current province and locality; names that do not say
    where the unit sits are left out."""
    by_name = {p.name: p for p in all_provinces()}
    hp = by_name["Hải Phòng"]
    ubnd = province_units(hp)[(Role.PEOPLES_COMMITTEE, "old:Hải Dương")]
    info = issuer_info(ubnd)
    assert info is not None and (info.issuer, info.scope) == ("UBND tỉnh Hải Dương", "Hải Phòng")
    communes = {u.cite: u for u in commune_units(hp)}
    kinh_mon = issuer_info(communes["UBND phường Kinh Môn"])
    assert kinh_mon is not None and kinh_mon.scope == "Hải Phòng/phường Kinh Môn"
    # Bà Rịa - Vũng Tàu (a hyphen), quận 1 (a digit): not placeable.
    hcm = by_name["Hồ Chí Minh"]
    brvt = province_units(hcm)[(Role.PARTY_PROVINCE, "old:Bà Rịa - Vũng Tàu")]
    assert issuer_info(brvt) is None
    old_hcm = next(o for o in hcm.olds if o.name == "Hồ Chí Minh")
    assert issuer_info(next(u for u in district_units(hcm, old_hcm) if u.cite == "UBND quận 1")) is None
    # A UBND xã header without the province: used only for a name no other province has; the Đảng
    # ủy header names the province, so its commune is placeable whatever the name.
    hn = by_name["Hà Nội"]
    viet_hung = next(u for u in commune_units(hn) if u.cite == "UBND phường Việt Hưng")
    assert issuer_info(viet_hung) is None
    assert issuer_info(next(u for u in party_commune_units(hn) if u.cite == "Đảng ủy phường Việt Hưng"))
