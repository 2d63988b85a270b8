"""Extraction throughput from already-read text against a bare single-pass regex scan of the same
bytes, and reading PDF/DOCX against the reader library alone. Run: ``python -m bench.bench_extract``."""

import re
import sys
from pathlib import Path

from bench.common import machine, table, timed
from ingest.extract import extract_text
from ingest.readers import read_file
from ingest.records import SourceText

ROOT = Path(__file__).resolve().parents[1]
CORPORA = [ROOT / "corpus" / "seeds", ROOT / "corpus" / "extraction"]
# The baseline: one pass of a bare symbol regex over the text, nothing else.
BARE = re.compile(r"\d{1,5}\s*[-/]\s*[A-ZĐa-zđ]+(?:[-/][A-ZĐa-zđ0-9&]+)*")


def texts(multiply: int) -> list[str]:
    out = []
    for folder in CORPORA:
        for f in sorted(folder.iterdir()):
            if f.suffix in {".txt", ".md", ".docx", ".pdf", ".html"}:
                try:
                    out.append(read_file(f).text)
                except Exception:
                    continue
    return out * multiply


def bench_extraction(multiply: int = 4) -> dict[str, object]:
    docs = texts(multiply)
    size = sum(len(t.encode("utf-8")) for t in docs) / 2**20
    sources = [SourceText(f"doc{i}.txt", t, "text/plain") for i, t in enumerate(docs)]

    def bare() -> int:
        return sum(1 for t in docs for _ in BARE.finditer(t))

    def ours() -> int:
        return sum(len(extract_text(s).references) for s in sources)

    t_bare, _ = timed(bare, repeat=5)
    t_ours, _ = timed(ours, repeat=3)
    return {
        "documents": len(docs),
        "MB": round(size, 2),
        "bare regex MB/s": round(size / t_bare, 1),
        "extraction MB/s": round(size / t_ours, 2),
        "extraction docs/s": round(len(docs) / t_ours, 1),
        "extraction / bare (time)": f"{t_ours / t_bare:.0f}×",
    }


def bench_readers() -> list[dict[str, object]]:
    import docx
    import pypdfium2 as pdfium

    folder = ROOT / "corpus" / "extraction"
    pdfs = sorted(folder.glob("*.pdf"))
    docxs = sorted(folder.glob("*.docx"))

    def pdf_lib() -> None:
        for f in pdfs:
            pdf = pdfium.PdfDocument(str(f))
            "".join(p.get_textpage().get_text_range() for p in pdf)
            pdf.close()

    def docx_lib() -> None:
        for f in docxs:
            d = docx.Document(str(f))
            "\n".join(p.text for p in d.paragraphs)

    rows = []
    for kind, files, lib in (("PDF", pdfs, pdf_lib), ("DOCX", docxs, docx_lib)):
        t_lib, _ = timed(lib, repeat=5)
        t_ours, _ = timed(lambda files=files: [read_file(f) for f in files], repeat=5)
        rows.append({"format": kind, "files": len(files), "library alone ms/file": round(1000 * t_lib / len(files), 2),
                     "our reader ms/file": round(1000 * t_ours / len(files), 2),
                     "ratio": f"{t_ours / t_lib:.2f}×"})  # fmt: skip
    return rows


def main() -> None:
    print(f"Machine: {machine()}\n")
    print("Extraction from already-read text (seeds + gold corpus, repeated):\n")
    print(table([bench_extraction(int(sys.argv[1]) if len(sys.argv) > 1 else 4)]))
    print("\nReading files:\n")
    print(table(bench_readers()))


if __name__ == "__main__":
    main()
