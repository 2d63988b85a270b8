"""Ingest files into a store: read, extract, upsert; a bad file is reported and the batch goes on."""

import hashlib
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from graph.contract import Store
from graph.records import IngestReport
from graph.workers import run_isolated
from ingest.errors import ExtractionError, unreadable
from ingest.extract import extract_file, iter_document_files
from ingest.limits import DEFAULT_LIMITS, Limits
from ingest.records import Extraction
from ontology.errors import LineageError

__all__ = ["ingest_paths", "sha256_of"]


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


Result = tuple[str, str | None, Extraction | None, str | None]


def _extract_one(path: str, stored_sha: str | None, limits: Limits = DEFAULT_LIMITS) -> Result:
    """``(path, sha256, extraction, error)``; no extraction when the file is as stored (same sha256)."""
    try:
        sha = sha256_of(Path(path))
        if sha == stored_sha:
            return path, sha, None, None
        return path, sha, extract_file(Path(path), limits), None
    except ExtractionError as exc:
        return path, None, None, str(exc)
    except OSError as exc:
        return path, None, None, unreadable(path, exc)


def _failed(path: str, error: str) -> Result:
    return path, None, None, error


def _extracted(
    items: Iterable[tuple[str, str | None]], workers: int, limits: Limits, isolated: bool
) -> Iterator[Result]:
    """Hash and extract ``(path, stored sha256)`` items in order: here, or in ``workers`` isolated
    processes (see ``graph.workers``: a file that crashes or outlives its worker fails alone)."""
    if not isolated:
        for path, sha in items:
            yield _extract_one(path, sha, limits)
        return
    yield from run_isolated(items, workers, limits, _extract_one, _failed)


def ingest_paths(
    store: Store,
    paths: Iterable[Path],
    on_file: Callable[[str, str], None] | None = None,
    workers: int = 1,
    limits: Limits = DEFAULT_LIMITS,
    isolated: bool | None = None,
) -> IngestReport:
    """Ingest every document under ``paths``. Unchanged files (same sha256) are not extracted again.

    Hashing and extraction run in ``workers`` processes when ``isolated`` (the default for more than
    one worker), each file alone: a file past one of ``limits``, or that crashes its worker, fails
    by itself. The store is written from this process, a file at a time, in the store's ``batch``
    (each file whole; commits grouped).
    ``on_file(path, outcome)`` is told ``added``, ``changed``, ``unchanged`` or ``failed: reason``.
    """
    report = store.start_run()

    def tell(path: str, outcome: str) -> None:
        if on_file:
            on_file(path, outcome)

    def items() -> Iterator[tuple[str, str | None]]:
        for f in iter_document_files(paths):
            try:
                path = str(f.resolve())
            except (OSError, RuntimeError):  # a looping link: kept by its name, reading it says why
                path = os.path.abspath(f)
            yield path, store.file_hash(path)

    written: dict[str, str] = {}  # path → sha256 of the files this run added or changed
    current: str | None = None  # the file being written
    try:
        with store.batch():
            for path, sha, ex, error in _extracted(
                items(), workers, limits, workers > 1 if isolated is None else isolated
            ):
                if error is not None or sha is None:
                    report.failed.append((path, error or "unknown error"))
                    tell(path, f"failed: {report.failed[-1][1]}")
                    continue
                if ex is None:
                    report.unchanged.append(path)
                    tell(path, "unchanged")
                    continue
                current = path
                outcome = store.upsert(path, sha, ex, report.run_id)
                getattr(report, outcome).append(path)
                written[path] = sha
                tell(path, outcome)
    except LineageError as exc:
        _keep_what_was_stored(store, report, written, exc)
        if current is not None and current not in written:
            report.failed.append((current, f"{current}: not stored ({exc})"))
        raise
    finally:
        store.finish_run(report)
    return report


def _keep_what_was_stored(
    store: Store, report: IngestReport, written: dict[str, str], exc: Exception
) -> None:
    """After the store failed (disk full, say), count as added or changed only the files it holds:
    the others move to ``failed``, so the run record matches what was stored."""
    for outcome in ("added", "changed"):
        kept = []
        for path in getattr(report, outcome):
            if store.file_hash(path) == written[path]:
                kept.append(path)
            else:
                report.failed.append((path, f"{path}: not stored ({exc})"))
        setattr(report, outcome, kept)
