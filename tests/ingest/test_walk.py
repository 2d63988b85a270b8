"""Which files a folder holds, and in what order (ingest.extract.iter_document_files)."""

from pathlib import Path

from ingest.extract import iter_document_files


def test_folders_are_walked_in_sorted_path_order_and_unreadable_names_skipped(tmp_path: Path) -> None:
    for name in ("b.txt", "0sub/z.md", "0sub/a.TXT", "a/c.docx", "a/b/x.pdf", "c.html", ".hidden.txt",
                 "notes.xyz", ".git/config.txt", "a b/ý.txt"):  # fmt: skip
        f = tmp_path / name
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text("x", encoding="utf-8")
    found = [f.relative_to(tmp_path).as_posix() for f in iter_document_files([tmp_path])]
    assert found == [".git/config.txt", "0sub/a.TXT", "0sub/z.md", "a/b/x.pdf", "a/c.docx", "a b/ý.txt",
                     "b.txt", "c.html"]  # fmt: skip
    expected = sorted(
        f for f in tmp_path.rglob("*") if f.is_file() and f.name[0] != "." and f.suffix != ".xyz"
    )
    assert [tmp_path / f for f in found] == expected


def test_a_file_given_by_name_is_yielded_whatever_its_suffix(tmp_path: Path) -> None:
    f = tmp_path / "notes.xyz"
    f.write_text("x", encoding="utf-8")
    assert list(iter_document_files([f])) == [f]
