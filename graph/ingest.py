"""Ingest files into a store: read, extract, upsert; a bad file is reported and the batch goes on."""

import hashlib
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from graph.store import IngestReport, StoreBackend
from ingest.errors import ExtractionError
from ingest.extract import extract_file, iter_document_files
from ingest.records import Extraction

__all__ = ["ingest_paths", "sha256_of"]


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _extract_one(path: str) -> tuple[str, Extraction | None, str | None]:
    try:
        return path, extract_file(Path(path)), None
    except (ExtractionError, OSError) as exc:
        return path, None, str(exc)


def _extracted(paths: list[str], workers: int) -> Iterator[tuple[str, Extraction | None, str | None]]:
    if workers <= 1 or len(paths) < 2 * workers:
        yield from map(_extract_one, paths)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(_extract_one, paths, chunksize=max(1, min(64, len(paths) // (workers * 8))))


def ingest_paths(
    store: StoreBackend,
    paths: Iterable[Path],
    on_file: Callable[[str, str], None] | None = None,
    workers: int = 1,
) -> IngestReport:
    """Ingest every document under ``paths``. Unchanged files are not read again.

    Extraction runs in ``workers`` processes; the store is written from this one, a file at a time,
    in the store's ``batch`` (each file whole; commits grouped).
    ``on_file(path, outcome)`` is told ``added``, ``changed``, ``unchanged`` or ``failed: reason``.
    """
    report = store.start_run()

    def tell(path: str, outcome: str) -> None:
        if on_file:
            on_file(path, outcome)

    try:
        todo: list[str] = []
        hashes: dict[str, str] = {}
        for f in iter_document_files(paths):
            path = str(f.resolve())
            try:
                sha = sha256_of(f)
            except OSError as exc:
                report.failed.append((path, f"{path}: cannot read the file ({exc.strerror or exc})"))
                tell(path, f"failed: {report.failed[-1][1]}")
                continue
            if store.file_hash(path) == sha:
                report.unchanged.append(path)
                tell(path, "unchanged")
            else:
                hashes[path] = sha
                todo.append(path)
        with store.batch():
            for path, ex, error in _extracted(todo, workers):
                if ex is None:
                    report.failed.append((path, error or "unknown error"))
                    tell(path, f"failed: {error}")
                    continue
                outcome = store.upsert(path, hashes[path], ex, report.run_id)
                getattr(report, outcome).append(path)
                tell(path, outcome)
    finally:
        store.finish_run(report)
    return report
