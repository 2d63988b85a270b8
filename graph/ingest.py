"""Ingest files into a store: read, extract, upsert; a bad file is reported and the batch goes on."""

import hashlib
import itertools
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from graph.store import IngestReport, StoreBackend
from ingest.errors import ExtractionError, unreadable
from ingest.extract import extract_file, iter_document_files
from ingest.records import Extraction

__all__ = ["ingest_paths", "sha256_of"]


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _extract_one(path: str, stored_sha: str | None) -> tuple[str, str | None, Extraction | None, str | None]:
    """``(path, sha256, extraction, error)``; no extraction when the file is as stored (same sha256)."""
    try:
        sha = sha256_of(Path(path))
        if sha == stored_sha:
            return path, sha, None, None
        return path, sha, extract_file(Path(path)), None
    except ExtractionError as exc:
        return path, None, None, str(exc)
    except OSError as exc:
        return path, None, None, unreadable(path, exc)


def _extract_chunk(
    items: list[tuple[str, str | None]],
) -> list[tuple[str, str | None, Extraction | None, str | None]]:
    return [_extract_one(path, sha) for path, sha in items]


_CHUNK = 32  # files per task sent to a worker


def _extracted(
    items: Iterable[tuple[str, str | None]], workers: int
) -> Iterator[tuple[str, str | None, Extraction | None, str | None]]:
    """Hash and extract ``(path, stored sha256)`` items in order, in ``workers`` processes.

    Tasks are submitted as results are taken, a few per worker ahead: a million files never sit
    in memory at once, neither as paths nor as extractions.
    """
    if workers <= 1:
        for path, sha in items:
            yield _extract_one(path, sha)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        pending: deque[Future[list[tuple[str, str | None, Extraction | None, str | None]]]] = deque()
        for chunk in itertools.batched(items, _CHUNK):
            pending.append(pool.submit(_extract_chunk, list(chunk)))
            if len(pending) >= 4 * workers:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def ingest_paths(
    store: StoreBackend,
    paths: Iterable[Path],
    on_file: Callable[[str, str], None] | None = None,
    workers: int = 1,
) -> IngestReport:
    """Ingest every document under ``paths``. Unchanged files (same sha256) are not extracted again.

    Hashing and extraction run in ``workers`` processes; the store is written from this one, a
    file at a time, in the store's ``batch`` (each file whole; commits grouped).
    ``on_file(path, outcome)`` is told ``added``, ``changed``, ``unchanged`` or ``failed: reason``.
    """
    report = store.start_run()

    def tell(path: str, outcome: str) -> None:
        if on_file:
            on_file(path, outcome)

    def items() -> Iterator[tuple[str, str | None]]:
        for f in iter_document_files(paths):
            path = str(f.resolve())
            yield path, store.file_hash(path)

    try:
        with store.batch():
            for path, sha, ex, error in _extracted(items(), workers):
                if error is not None or sha is None:
                    report.failed.append((path, error or "unknown error"))
                    tell(path, f"failed: {report.failed[-1][1]}")
                    continue
                if ex is None:
                    report.unchanged.append(path)
                    tell(path, "unchanged")
                    continue
                outcome = store.upsert(path, sha, ex, report.run_id)
                getattr(report, outcome).append(path)
                tell(path, outcome)
    finally:
        store.finish_run(report)
    return report
