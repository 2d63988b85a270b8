"""Limits on what one file may cost: bytes, characters, zip expansion, pages, seconds, memory.

A file past a limit fails alone with :class:`LimitExceeded`, whose message names the file, the
limit and how to raise it; the batch goes on. The defaults are generous for real documents (the
largest Vietnamese plan in the corpora is under 1 MB of text) and refuse what would take the
machine down. Each can be changed by an environment variable (``LINEAGE_MAX_FILE_BYTES=…``) or,
on the command line, ``--limit max_file_bytes=…``; ``0`` turns a limit off.

========================  ===========  ====================================================
limit                     default      what it bounds
========================  ===========  ====================================================
``max_file_bytes``        100 MB       the file's size, checked before it is read
``max_chars``             10,000,000   characters of text read from one file
``max_unzipped_bytes``    300 MB       uncompressed size of a DOCX (any zip), from its index
``max_zip_ratio``         100          uncompressed / compressed size of a DOCX (any zip)
``max_pages``             2,000        pages of a PDF
``max_seconds``           300          seconds to read and extract one file (worker processes)
``max_worker_memory``     4 GB         address space of one worker process (``-j``)
========================  ===========  ====================================================
"""

import os
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path

from ingest.errors import ExtractionError

__all__ = ["DEFAULT_LIMITS", "LimitExceeded", "Limits", "check_pdf_pages", "check_zip", "limit_message"]

MB = 1_000_000


class LimitExceeded(ExtractionError):
    """A file past one of the :class:`Limits`; ``limit`` names it, ``value`` and ``actual`` say by how much."""

    def __init__(self, path: object, limit: str, value: float, actual: float, what: str) -> None:
        self.path = str(path)
        self.limit = limit
        self.value = value
        self.actual = actual
        super().__init__(
            f"{path}: {what} {_human(limit, actual)} is over the limit of {_human(limit, value)}"
            f" ({_how_to_raise(limit)})"
        )


def _how_to_raise(limit: str) -> str:
    return f"{limit}; raise it with --limit {limit}=N or $LINEAGE_{limit.upper()}"


def limit_message(path: object, limit: str, what: str, value: float | None = None) -> str:
    """The message for a file stopped by a limit enforced from outside (time, memory)."""
    shown = f" ({_human(limit, value)}" if value else " ("
    return f"{path}: {what}{shown}{'; ' if value else ''}{_how_to_raise(limit)})"


def _human(limit: str, n: float) -> str:
    if limit.endswith("_bytes") or limit.endswith("_memory"):
        return f"{n / MB:,.1f} MB" if n >= MB else f"{int(n):,} bytes"
    if limit.endswith("_seconds"):
        return f"{n:g} s"
    if limit.endswith("_ratio"):
        return f"{n:,.0f}:1"
    return f"{int(n):,}"


@dataclass(frozen=True, slots=True)
class Limits:
    """What one file may cost; ``0`` turns a limit off."""

    max_file_bytes: int = 100 * MB
    max_chars: int = 10_000_000
    max_unzipped_bytes: int = 300 * MB
    max_zip_ratio: float = 100.0
    max_pages: int = 2_000
    max_seconds: float = 300.0
    max_worker_memory: int = 4_000 * MB

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> "Limits":
        """The defaults, changed by ``LINEAGE_MAX_…`` environment variables."""
        env = os.environ if environ is None else environ
        given = {f.name: env[v] for f in fields(cls) if (v := "LINEAGE_" + f.name.upper()) in env}
        return cls().with_values(given, from_env=True)

    def with_values(self, values: Mapping[str, str], from_env: bool = False) -> "Limits":
        """These limits with some changed from text (``{"max_pages": "500"}``); ``ValueError`` names a bad one."""
        types = {f.name: f.type for f in fields(self)}
        changes: dict[str, float | int] = {}
        for name, raw in values.items():
            source = f"environment variable LINEAGE_{name.upper()}" if from_env else f"--limit {name}"
            if name not in types:
                msg = f"{source}: no such limit; expected one of {', '.join(types)}"
                raise ValueError(msg)
            try:
                value = float(raw) if types[name] in (float, "float") else int(raw)
            except ValueError:
                msg = f"{source}: not a number: {raw!r}"
                raise ValueError(msg) from None
            if value < 0:
                msg = f"{source}: must be 0 (off) or more, not {raw!r}"
                raise ValueError(msg)
            changes[name] = value
        return replace(self, **changes)  # type: ignore[arg-type]

    def check(self, path: object, limit: str, actual: float, what: str) -> None:
        """Raise :class:`LimitExceeded` when ``actual`` is past the limit named ``limit`` (unless it is off)."""
        value = getattr(self, limit)
        if value and actual > value:
            raise LimitExceeded(path, limit, value, actual, what)


DEFAULT_LIMITS = Limits()


def check_zip(path: Path, limits: Limits) -> None:
    """Refuse a zip (DOCX) whose index says it expands too much, before anything is decompressed.

    A member cannot yield more than its indexed size (``zipfile`` stops there and checks the CRC), so
    the index bounds what reading the package costs.
    """
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
    except (zipfile.BadZipFile, ValueError, EOFError) as exc:
        msg = f"{path}: not a readable DOCX file (not a zip package: {exc})"
        raise ExtractionError(msg) from exc
    unzipped = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos)
    limits.check(path, "max_unzipped_bytes", unzipped, "uncompressed size")
    limits.check(path, "max_zip_ratio", unzipped / max(packed, 1), "expansion ratio")


def check_pdf_pages(path: Path, limits: Limits) -> None:
    """Refuse a PDF with more pages than ``max_pages`` (its page count is read, not its pages)."""
    if not limits.max_pages:
        return
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(str(path))
    except Exception:  # the reader says what is wrong with it
        return
    try:
        limits.check(path, "max_pages", len(pdf), "page count")
    finally:
        pdf.close()
