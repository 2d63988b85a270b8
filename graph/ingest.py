"""Ingest files into a store: read, extract, upsert; a bad file is reported and the batch goes on."""

import hashlib
from collections.abc import Callable, Iterable
from pathlib import Path

from graph.store import IngestReport, LineageStore
from ingest.errors import ExtractionError
from ingest.extract import extract_file, iter_document_files

__all__ = ["ingest_paths", "sha256_of"]


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def ingest_paths(
    store: LineageStore, paths: Iterable[Path], on_file: Callable[[str, str], None] | None = None
) -> IngestReport:
    """Ingest every document under ``paths``. Unchanged files are not read again.

    ``on_file(path, outcome)`` is told ``added``, ``changed``, ``unchanged`` or ``failed: reason``.
    """
    report = store.start_run()
    try:
        for f in iter_document_files(paths):
            path = str(f.resolve())
            try:
                sha = sha256_of(f)
                if store.file_hash(path) == sha:
                    outcome = "unchanged"
                else:
                    outcome = store.upsert(path, sha, extract_file(f), report.run_id)
                getattr(report, outcome).append(path)
            except (ExtractionError, OSError) as exc:
                outcome = f"failed: {exc}"
                report.failed.append((path, str(exc)))
            if on_file:
                on_file(path, outcome)
    finally:
        store.finish_run(report)
    return report
