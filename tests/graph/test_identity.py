"""Identities that never merge two documents (#11): a key's scope is the issuing unit at issue."""

from pathlib import Path

from graph.backends import open_store
from graph.gaps import GapOptions
from graph.ingest import ingest_paths

HEAD = (
    "ỦY BAN NHÂN DÂN\n{unit}\nSố: {number}\n{place}, ngày {day} tháng {month} năm 2025\nKẾ HOẠCH\n{title}\n"
)
BODY = "Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị, UBND tỉnh ban hành Kế hoạch.\n"


def _plan(folder: Path, name: str, unit: str, place: str, day: int, month: int, title: str) -> None:
    text = HEAD.format(unit=unit, number="41/KH-UBND", place=place, day=day, month=month, title=title)
    (folder / name).write_text(text + BODY, encoding="utf-8")


def test_merged_provinces_plans_with_one_number_stay_two_documents(tmp_path: Path) -> None:
    """41/KH-UBND of UBND tỉnh Phú Yên (February 2025, before the merger) and of UBND tỉnh Đắk Lắk
    (March 2025): two keys, both found by the current province and by the old name."""
    folder = tmp_path / "in"
    folder.mkdir()
    _plan(folder, "phu-yen.txt", "TỈNH PHÚ YÊN", "Phú Yên", 14, 2, "Chuyển đổi số năm 2025")
    _plan(folder, "dak-lak.txt", "TỈNH ĐẮK LẮK", "Đắk Lắk", 10, 3, "Phát triển khoa học, công nghệ")
    store = open_store(tmp_path / "l.db")
    ingest_paths(store, [folder])
    keys = {Path(p).name: store.key_of_path(p) for p in store.paths()}
    assert keys == {"phu-yen.txt": "41/KH-UBND@Phú Yên@2025", "dak-lak.txt": "41/KH-UBND@Đắk Lắk@2025"}
    G = store.graph()
    assert {G.nodes[k]["province"] for k in keys.values()} == {"Đắk Lắk"}
    assert G.nodes[keys["phu-yen.txt"]]["province_at_issue"] == "Phú Yên"
    for name in ("Đắk Lắk", "Phú Yên"):
        rows = store.gaps(GapOptions(kinds=("no_report",), province=name, as_of="2026-11-22"))
        assert {r.document for r in rows} == set(keys.values())


def test_the_same_document_ingested_twice_stays_one(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    _plan(folder, "a.txt", "TỈNH ĐẮK LẮK", "Đắk Lắk", 10, 3, "Phát triển khoa học, công nghệ")
    _plan(folder, "copy.txt", "TỈNH ĐẮK LẮK", "Đắk Lắk", 10, 3, "Phát triển khoa học, công nghệ")
    store = open_store(tmp_path / "l.db")
    ingest_paths(store, [folder])
    G = store.graph()
    assert [n for n, a in G.nodes(data=True) if a["status"] == "ingested"] == ["41/KH-UBND@Đắk Lắk@2025"]
    assert len(G.nodes["41/KH-UBND@Đắk Lắk@2025"]["sources"]) == 2
