"""The ``lineage`` command line: a thin skin over the library."""

import contextlib
import functools
import json
import os
import re
import sys
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any, cast

import click

from api.cli_review import review_group
from api.keys import ROLES
from api.terminal import one_line
from graph import review
from graph.backends import is_server, open_store
from graph.contract import Store
from graph.gaps import GAP_KINDS, GapOptions
from graph.ingest import ingest_paths
from graph.lineage import DEFAULT_LIMIT
from ingest.extract import ExtractionFailure, extract_paths
from ingest.limits import Limits
from ingest.records import Extraction
from ontology.errors import LineageError
from ontology.gaps import DOCUMENT_GAP_KINDS


def db_option[F: Callable[..., Any]](f: F) -> F:
    """``--db FILE`` (the embedded store, default ``$LINEAGE_DB`` or ``lineage.db``), or
    ``--backend neo4j`` with ``--neo4j-uri/user/password/database`` (or ``$NEO4J_*``)."""
    options = [
        click.option("--db", "db", type=click.Path(dir_okay=False, path_type=Path),
                     default=lambda: os.environ.get("LINEAGE_DB", "lineage.db"), show_default="$LINEAGE_DB or lineage.db",
                     help="The embedded store file."),
        click.option("--backend", type=click.Choice(["sqlite", "neo4j"]),
                     default=lambda: os.environ.get("LINEAGE_BACKEND", "sqlite"), show_default="$LINEAGE_BACKEND or sqlite",
                     help="Where the graph lives."),
        click.option("--neo4j-uri", envvar="NEO4J_URI", default=None, help="Bolt URI ($NEO4J_URI)."),
        click.option("--neo4j-user", envvar="NEO4J_USER", default=None, help="Neo4j user ($NEO4J_USER, default neo4j)."),
        click.option("--neo4j-password", envvar="NEO4J_PASSWORD", default=None, help="Neo4j password ($NEO4J_PASSWORD)."),
        click.option("--neo4j-database", envvar="NEO4J_DATABASE", default=None, help="Neo4j database ($NEO4J_DATABASE)."),
    ]  # fmt: skip

    @functools.wraps(f)
    def wrapper(*args: Any, db: Path, backend: str, neo4j_uri: str | None, neo4j_user: str | None,
                neo4j_password: str | None, neo4j_database: str | None, **kwargs: Any) -> Any:  # fmt: skip
        conn = Connection(db, backend, neo4j_uri, neo4j_user, neo4j_password, neo4j_database)
        return f(*args, db=conn, **kwargs)

    for option in reversed(options):
        wrapper = option(wrapper)
    return wrapper  # type: ignore[return-value]


@dataclass(frozen=True)
class Connection:
    """Which store a command works on."""

    db: Path
    backend: str = "sqlite"
    uri: str | None = None
    user: str | None = None
    password: str | None = None
    database: str | None = None

    def __str__(self) -> str:
        return str(self.db) if self.backend == "sqlite" else f"{self.uri or '$NEO4J_URI'}"


def friendly_errors[F: Callable[..., Any]](f: F) -> F:
    """Turn the project's errors into one line on stderr and exit code 1."""

    @functools.wraps(f)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return f(*args, **kwargs)
        except (LineageError, ValueError) as exc:
            raise click.ClickException(str(exc)) from exc

    return wrapper  # type: ignore[return-value]


def directive_options[F: Callable[..., Any]](f: F) -> F:
    """``--directive`` (ask about these only) and ``--directives-file`` (add to the tracked set)."""
    f = click.option("--directives-file", "tracked_file", type=click.Path(dir_okay=False, path_type=Path),
                     default=None, help="More directives to track: one key or number a line (# comments).")(f)  # fmt: skip
    return click.option("--directive", "directives", multiple=True,
                        help="Ask about this directive only: key or number, e.g. 57-NQ/TW (repeatable).")(f)  # fmt: skip


def _tracked(path: Path | None) -> tuple[str, ...]:
    """The directive keys or numbers listed in ``path``, one a line, ``#`` starting a comment."""
    if path is None:
        return ()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise click.ClickException(f"{path}: cannot read the directives file: {exc}") from exc
    lines = (unicodedata.normalize("NFC", line.split("#", 1)[0]).strip() for line in text.splitlines())
    return tuple(line for line in lines if line)


def _open(conn: "Connection | Path", *, create: bool = False) -> Store:
    """The store a command works on, through the one factory (``graph.backends.open_store``): the
    ``--db`` path (or a ``bolt://`` URI given as ``--db``), or with ``--backend neo4j`` the
    ``--neo4j-uri`` (default ``$NEO4J_URI``). Only ``ingest`` creates a store (``create``): any
    other command given a path where no store exists fails naming it (``StoreNotFound``), never
    answering from a new, empty store."""
    if isinstance(conn, Path):
        return open_store(conn, create=create)
    if conn.backend == "neo4j":
        uri = conn.uri or os.environ.get("NEO4J_URI") or ""
        if not is_server(uri):
            msg = f"--backend neo4j needs a bolt:// URI (--neo4j-uri or $NEO4J_URI), not {uri!r}"
            raise click.ClickException(msg)
        return open_store(uri, user=conn.user, password=conn.password, database=conn.database)
    return open_store(conn.db, create=create)


def limit_option[F: Callable[..., Any]](f: F) -> F:
    """``--limit NAME=VALUE`` (repeatable) over the defaults and ``$LINEAGE_MAX_…``; passes ``limits``."""

    @click.option("--limit", "limit_values", multiple=True, metavar="NAME=VALUE",
                  help="Change a per-file limit, e.g. max_file_bytes=200000000 (0 turns it off; "
                       "see ingest/limits.py for the names and defaults).")  # fmt: skip
    @functools.wraps(f)
    def wrapper(*args: Any, limit_values: tuple[str, ...], **kwargs: Any) -> Any:
        given: dict[str, str] = {}
        for item in limit_values:
            name, sep, value = item.partition("=")
            if not sep:
                raise click.BadParameter(f"{item!r}: expected NAME=VALUE", param_hint="--limit")
            given[name.strip()] = value.strip()
        try:
            limits = Limits.from_env().with_values(given)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--limit") from exc
        return f(*args, limits=limits, **kwargs)

    return wrapper  # type: ignore[return-value]


class DateParam(click.ParamType[str]):
    """A calendar date given as ISO ``2025-12-31`` or as Vietnamese texts write it, ``31/12/2025``
    (also ``31-12-2025``, ``31.12.2025``, one-digit day and month); the value is the ISO string.

    >>> DATE.convert("31/12/2025", None, None), DATE.convert("1.7.2025", None, None)
    ('2025-12-31', '2025-07-01')
    """

    name = "date"
    _DMY = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        text = str(value).strip()
        try:
            m = self._DMY.fullmatch(text)
            if m:
                return date(int(m.group(3)), int(m.group(2)), int(m.group(1))).isoformat()
            return date.fromisoformat(text).isoformat()
        except ValueError:
            self.fail(f"{value!r} is not a calendar date; write 2025-12-31 or 31/12/2025", param, ctx)


DATE = DateParam()

__all__ = ["DATE", "cli", "main", "one_line"]

DOCUMENT_KINDS = tuple(k.value for k in DOCUMENT_GAP_KINDS)


@click.group()
@click.version_option(package_name="directive-lineage")
def cli() -> None:
    """Directive lineage in Vietnam's Party and State documents."""


def _table(ex: Extraction) -> str:
    d = ex.document
    lines = [
        f"== {ex.source}",
        f"   {d.doc_type or '?'} {d.number or '(no number)'} | {d.issuer or '?'} | level {d.level or '?'}"
        f" | {d.province or '?'} (at issue {d.province_at_issue or '?'}) | date {d.date or '?'}",
    ]
    if d.title:
        lines.append(f"   {d.title[:150]}")
    for r in ex.references:
        lines.append(
            f"   -> {r.relation.value:<10} {r.number:<22} {r.doc_type or '?':<13} {r.date or '':<10} "
            f"{r.level or '':<8} {r.issuer or ''}"
        )
    for dl in ex.deadlines:
        lines.append(f"   !! due {dl.date:<10} {'report ' if dl.report_due else ''}{dl.assignee or ''}")
    for w in ex.warnings:
        lines.append(f"   warning: {w}")
    return "\n".join(lines)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["json", "table"]), default="table", show_default=True)
@click.option("--strict", is_flag=True, help="Exit non-zero when any file could not be read.")
@limit_option
def extract(paths: tuple[Path, ...], fmt: str, strict: bool, limits: Limits) -> None:
    """Extract identity, references, relations and deadlines from document files.

    PATHS are files or folders (walked recursively). JSON output is one object per file
    (JSON Lines); a file that cannot be read is reported on stderr and the batch goes on.

    \b
        lineage extract corpus/ --format json > extracted.jsonl
    """
    failures = 0
    for result in extract_paths(paths, limits):
        if isinstance(result, ExtractionFailure):
            failures += 1
            click.echo(f"error: {one_line(result.error)}", err=True)
            continue
        if fmt == "json":
            click.echo(json.dumps(result.to_json(), ensure_ascii=False))
        else:
            click.echo(_table(result))
    if failures:
        click.echo(f"{failures} file(s) could not be read", err=True)
        if strict:
            sys.exit(1)


FILES_FAILED = 3  # exit status of an ingest run in which some files could not be read
FAILURES_SHOWN = 50  # failures listed at the end of a run on a terminal; `lineage failures` has all


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@db_option
@click.option("--strict", is_flag=True, help="Exit status 1 rather than 3 when any file could not be read.")
@click.option(
    "-q",
    "--quiet",
    is_flag=True,
    help="No progress or per-file lines: the summary and the files that failed.",
)
@click.option("-j", "--jobs", default=lambda: os.cpu_count() or 1, show_default="number of CPUs", type=click.IntRange(min=1),
              help="Processes reading and extracting files, each file alone.")  # fmt: skip
@limit_option
@friendly_errors
def ingest(
    paths: tuple[Path, ...], db: Connection, strict: bool, quiet: bool, jobs: int, limits: Limits
) -> None:
    """Ingest document files into the store (incremental and idempotent). The only command that
    creates a store.

    Files are keyed by content: unchanged files are skipped, a changed file replaces the facts it
    contributed. A file that cannot be read is reported and the batch goes on. Files are read
    in worker processes: one past a limit (--limit), or that crashes or outlives its worker,
    fails alone.

    On a terminal, stderr shows one progress line (files, rate, time left) and the files that
    failed are listed at the end; otherwise, or with -q, each file gets a line (failures only with
    -q). The run's failures stay in the store: `lineage failures --run N`.

    \b
    Exit status: 0 every file read; 3 some files could not be read (the others are stored);
    1 an error (store busy, disk full ...) or, with --strict, any file not read.

    \b
        lineage ingest corpus/ --db lineage.db
    """
    progress = _ingest_progress(paths) if _on_terminal() and not quiet else None

    def show(path: str, outcome: str) -> None:
        if progress is not None:
            progress.advance()
        elif outcome.startswith("failed"):
            click.echo(f"error: {one_line(outcome[8:])}", err=True)
        elif not quiet:
            click.echo(f"{outcome:<9} {one_line(path)}", err=True)

    with _open(db, create=True) as store:
        if progress is None:
            report = ingest_paths(store, paths, show, workers=jobs, limits=limits, isolated=True)
        else:
            with progress:
                report = ingest_paths(store, paths, show, workers=jobs, limits=limits, isolated=True)
        rewritten = set(report.added) | set(report.changed)
        lost = [c for c in store.corrections() if c.active and c.problem]
        local = review.local_paths(store, lost)
        lost = [c for c in lost if c.path in rewritten or rewritten & set(local[c.id])]
    click.echo(
        f"run {report.run_id}: {len(report.added)} added, {len(report.changed)} changed, "
        f"{len(report.unchanged)} unchanged, {len(report.failed)} failed -> {db}"
    )
    for c in lost:
        click.echo(f"correction {c.id} ({c.action.value} {c.number or c.field or ''}) of {one_line(c.path)} "
                   f"no longer applies: {c.problem}", err=True)  # fmt: skip
    if lost:
        click.echo(
            f"{len(lost)} correction(s) kept but not applied: `lineage review --kind correction`", err=True
        )
    if not report.failed:
        return
    if progress is not None:  # the failures were not shown while the progress line ran
        for path, error in report.failed[:FAILURES_SHOWN]:
            click.echo(f"error: {one_line(_failure_text(path, error))}", err=True)
    more = len(report.failed) - FAILURES_SHOWN if progress is not None else 0
    listed = f"{more} more not shown; " if more > 0 else ""
    click.echo(
        f"{len(report.failed)} file(s) could not be read ({listed}all listed by "
        f"`lineage failures --run {report.run_id}`)",
        err=True,
    )
    sys.exit(1 if strict else FILES_FAILED)


def _on_terminal() -> bool:
    """Whether stderr is a terminal: progress lines are drawn there only."""
    return sys.stderr.isatty()


def _ingest_progress(paths: tuple[Path, ...]) -> "_Progress":
    """The progress line of ``ingest``: the total is counted first by walking ``paths`` as ingest will."""
    from ingest.extract import iter_document_files

    return _Progress("ingest", sum(1 for _ in iter_document_files(paths)), "files")


def _failure_text(path: str, error: str) -> str:
    """A failure as one line naming the file (errors mostly name it already)."""
    return error if path in error else f"{path}: {error}"


class _Progress:
    """The one progress line of a long command on a terminal (rich, on stderr): items done of the
    total, items per second, time elapsed and left."""

    def __init__(self, name: str, total: int, unit: str) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self.progress = Progress(
            TextColumn(name),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn(unit),
            TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(),
            TextColumn("elapsed,"),
            TimeRemainingColumn(),
            TextColumn("left"),
            console=Console(stderr=True),
            transient=False,
        )
        self.task = self.progress.add_task(name, total=total, rate="")

    def advance(self, *_: object, by: int = 1) -> None:
        self.progress.advance(self.task, by)
        speed = self.progress.tasks[0].speed
        self.progress.update(self.task, rate=f"{speed:,.1f}/s" if speed else "")

    def __enter__(self) -> "_Progress":
        self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.stop()


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["json", "table"]), default="table", show_default=True)
@db_option
@friendly_errors
def runs(fmt: str, db: Connection) -> None:
    """List the ingest runs kept in the store: when, files added, changed, unchanged and failed.

    \b
        lineage runs                 # then `lineage failures --run N` for a run's failed files
        lineage runs --format json
    """
    with _open(db) as store:
        rows = store.runs()
    if not rows:
        raise click.ClickException(f"{db}: no ingest run yet")
    cols = ("id", "started", "finished", "added", "changed", "unchanged", "failed")
    if fmt == "json":
        for r in rows:
            click.echo(json.dumps({c: getattr(r, c) for c in cols}, ensure_ascii=False))
        return
    click.echo(
        f"{'run':>4}  {'started':<25} {'finished':<25} {'added':>7} {'changed':>7} {'unchanged':>9} {'failed':>6}"
    )
    for r in rows:
        click.echo(
            f"{r.id:>4}  {r.started or '':<25} {r.finished or '(unfinished)':<25} {r.added or 0:>7}"
            f" {r.changed or 0:>7} {r.unchanged or 0:>9} {r.failed or 0:>6}"
        )


@cli.command()
@click.option("--run", "run_id", type=int, default=None, help="The run's number (default: the last run).")
@click.option("--format", "fmt", type=click.Choice(["json", "table"]), default="table", show_default=True)
@db_option
@friendly_errors
def failures(run_id: int | None, fmt: str, db: Connection) -> None:
    """List the files an ingest run could not read, with why (kept in the store's runs).

    \b
        lineage failures             # the last run
        lineage failures --run 3 --format json
    """
    with _open(db) as store:
        runs = store.runs()
    if not runs:
        raise click.ClickException(f"{db}: no ingest run yet")
    chosen = runs[-1] if run_id is None else next((r for r in runs if r.id == run_id), None)
    if chosen is None:
        raise click.ClickException(f"{db}: no run {run_id}; runs are 1 to {runs[-1].id}")
    failed = json.loads(chosen.failures or "[]")
    if fmt == "json":
        for path, error in failed:
            click.echo(json.dumps({"run": chosen.id, "file": path, "error": error}, ensure_ascii=False))
        return
    for path, error in failed:
        click.echo(one_line(_failure_text(path, error)))
    click.echo(f"run {chosen.id} ({chosen.started}): {len(failed)} file(s) could not be read")


@cli.command()
@click.argument("files", nargs=-1, required=True)
@db_option
@friendly_errors
def remove(files: tuple[str, ...], db: Connection) -> None:
    """Take the facts of FILES out of the store."""
    with _open(db) as store:
        for f in files:
            path = f if store.file_hash(f) is not None else str(Path(f).resolve())
            store.remove(path)
            click.echo(f"removed {path}")


@cli.command("lineage")
@click.argument("key_or_file")
@click.option(
    "--up", "direction", flag_value="up", default=True, help="Towards the directives it rests on (default)."
)
@click.option(
    "--down", "direction", flag_value="down", help="Towards what carries it out, reports on it or urges it."
)
@click.option("--depth", type=click.IntRange(min=1), default=None, help="Stop after N steps.")
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=DEFAULT_LIMIT,
    show_default=True,
    help="At most N documents, nearest first (as the API).",
)
@click.option("--format", "fmt", type=click.Choice(["json", "table"]), default="table", show_default=True)
@db_option
@friendly_errors
def lineage_cmd(
    key_or_file: str, direction: str, depth: int | None, limit: int, fmt: str, db: Connection
) -> None:
    """Lineage of a document, up or down: by key, by ingested file, or by a number that one
    document bears (57-NQ/TW); a number of several documents, or a key not found, lists the
    candidates.

    \b
        lineage lineage 57-NQ/TW --down --depth 2
    """
    with _open(db) as store:
        result = store.lineage(store.resolve_key(key_or_file), direction, depth, limit)
    if fmt == "json":
        click.echo(json.dumps(result, ensure_ascii=False, indent=1))
        return
    for n in result["nodes"]:
        indent = "  " * n["distance"]
        status = (
            ""
            if n["status"] == "ingested"
            else " (cited only" + (", catalog" if n.get("catalog") else "") + ")"
        )
        click.echo(
            f"{indent}{n['key']}  {n.get('doc_type') or ''} {n.get('issuer') or ''} {n.get('date') or ''}{status}"
        )
    for e in result["edges"]:
        click.echo(f"  {e['source']} -{e['relation']}-> {e['target']}")
    if result["truncated"]:
        click.echo(f"(stopped at {limit} documents, nearest first: --limit or --depth to change)")


@cli.command()
@click.argument("text")
@click.option(
    "--limit", type=click.IntRange(min=1), default=20, show_default=True, help="At most N documents."
)
@click.option("--ingested-only", is_flag=True, help="Leave out the documents known only by citation.")
@click.option("--format", "fmt", type=click.Choice(["json", "table"]), default="table", show_default=True)
@db_option
@friendly_errors
def search(text: str, limit: int, ingested_only: bool, fmt: str, db: Connection) -> None:
    """Find documents by number, title words or issuer (case and diacritics ignored): their keys,
    for `lineage lineage KEY` and the API.

    Documents of that number come first, then those holding every word of TEXT; ingested before
    cited only, newest first. JSON output is one object per document (JSON Lines).

    \b
        lineage search 57-NQ/TW
        lineage search "chuyen doi so Hai Phong" --format json
    """
    from graph.search import search_documents
    from graph.views import node_view

    with _open(db) as store:
        G = store.graph()
    keys = search_documents(G, text, include_cited=not ingested_only)
    for key in keys[:limit]:
        v = node_view(key, dict(G.nodes[key]))
        if fmt == "json":
            row = {"key": key, **{k: v[k] for k in ("number", "doc_type", "issuer", "level", "province",
                                                    "date", "title", "status", "sources")}}  # fmt: skip
            click.echo(json.dumps(row, ensure_ascii=False))
            continue
        cited = "" if v["status"] == "ingested" else " (cited only)"
        click.echo(
            f"{key:<40} {v['doc_type'] or '?':<11} {v['date'] or '':<10} {v['province'] or '':<12} "
            f"{(v['issuer'] or '')[:40]}{cited}"
        )
        if v["title"]:
            click.echo(f"{'':<41}{one_line(v['title'])[:100]}")
    if fmt == "table":
        more = f" (first {limit} shown: --limit to see more)" if len(keys) > limit else ""
        click.echo(f"{len(keys)} document(s){more}")


@cli.command()
@click.option("--province", default=None, help="Current province, or an old province name.")
@click.option(
    "--kind", "kinds", multiple=True, type=click.Choice(GAP_KINDS), help="Gap kind (repeatable; default all)."
)
@click.option(
    "--as-of", "as_of", type=DATE, default=None, help="Date asked: 2026-11-22 or 22/11/2026; default today."
)
@click.option(
    "--report-period",
    default=180,
    show_default=True,
    help="Days after a plan when a report is expected if no deadline was read.",
)
@directive_options
@click.option(
    "--lang", type=click.Choice(["vi", "en"]), default="vi", show_default=True, help="Language of reasons."
)
@click.option("--format", "fmt", type=click.Choice(["json", "table"]), default="table", show_default=True)
@db_option
@friendly_errors
def gaps(province: str | None, kinds: tuple[str, ...], as_of: str | None, report_period: int,
         directives: tuple[str, ...], tracked_file: Path | None, lang: str, fmt: str, db: Connection) -> None:  # fmt: skip
    """List gaps: plans with no basis or no report, overdue reports, unanswered urging, uncovered units.

    Document gaps and units with no document carrying out a tracked directive (``unit_coverage``)
    are counted apart.

    \b
        lineage gaps --province "Hải Phòng" --kind no_report --format json
        lineage gaps --province "Hải Phòng" --kind unit_coverage --directive 57-NQ/TW
    """
    from viz.i18n import Lang, gap_json, reason_text

    language = cast(Lang, lang)
    opts = GapOptions(kinds=kinds or GAP_KINDS, province=province, report_period_days=report_period,
                      directives=directives, tracked=_tracked(tracked_file),
                      as_of=as_of or date.today().isoformat())  # fmt: skip
    with _open(db) as store:
        rows = store.gaps(opts)
    if fmt == "json":
        for r in rows:
            click.echo(json.dumps(gap_json(r, language), ensure_ascii=False))
        return
    for r in rows:
        click.echo(f"{r.kind:<20} {r.province or '?':<14} {r.document:<40} {reason_text(r.reason, language)}")
    coverage = sum(r.kind == "unit_coverage" for r in rows)
    click.echo(
        f"{len(rows) - coverage} document gap(s); {coverage} uncovered unit(s) (unit_coverage), as of {opts.as_of}"
    )


@cli.command()
@click.option("--province", default=None, help="Draw the documents of one province (current or old name).")
@click.option("--root", default=None, help="Draw the documents around one document key.")
@click.option("--depth", default=3, show_default=True, help="Steps around --root.")
@click.option(
    "--limit", default=1000, show_default=True, help="Most nodes drawn; the page says what was left out."
)
@click.option(
    "--out", "out", type=click.Path(dir_okay=False, path_type=Path), required=True, help="HTML file to write."
)
@db_option
@friendly_errors
def browse(province: str | None, root: str | None, depth: int, limit: int, out: Path, db: Connection) -> None:
    """Write the lineage browser: one self-contained HTML file that works offline.

    \b
        lineage browse --province "Hải Phòng" --out out/hai-phong.html
    """
    from graph.gaps import GapOptions as _Opts
    from graph.views import subgraph_json
    from viz.browser import gap_table_rows, write_browser

    with _open(db) as store:
        key = store.resolve_key(root) if root else None
        G = store.graph()
        gaps = store.gaps(_Opts(kinds=DOCUMENT_KINDS))
        rows = store.gaps(_Opts(kinds=DOCUMENT_KINDS, province=province)) if province else gaps
    data = subgraph_json(G, gaps, province=province, root=key, depth=depth, limit=limit, prefer_gaps=True)
    if key:  # around one document: the gaps of the documents drawn
        drawn = {n["id"] for n in data["nodes"]}
        rows = [g for g in rows if g.document in drawn]
    title = f"Sơ đồ văn bản – {province or key or 'toàn quốc'}"
    write_browser(data, out, title, gap_rows=gap_table_rows(G, rows))
    note = f" ({data['omitted_nodes']} left out)" if data["truncated"] else ""
    click.echo(f"{out}: {len(data['nodes'])} documents, {len(data['edges'])} links{note}")


@cli.command()
@click.option(
    "--neo4j", "neo4j_uri", required=True, help="Bolt URI of the target, e.g. bolt://127.0.0.1:7687."
)
@click.option(
    "--neo4j-user", envvar="NEO4J_USER", default=None, help="Neo4j user ($NEO4J_USER, default neo4j)."
)
@click.option(
    "--neo4j-password", envvar="NEO4J_PASSWORD", default=None, help="Neo4j password ($NEO4J_PASSWORD)."
)
@click.option(
    "--neo4j-database", envvar="NEO4J_DATABASE", default=None, help="Neo4j database ($NEO4J_DATABASE)."
)
@click.option("--batch-size", default=2000, show_default=True, help="Rows per UNWIND batch.")
@click.option("--db", "db", type=click.Path(dir_okay=False, path_type=Path),
              default=lambda: os.environ.get("LINEAGE_DB", "lineage.db"), show_default="$LINEAGE_DB or lineage.db")  # fmt: skip
@friendly_errors
def push(neo4j_uri: str, neo4j_user: str | None, neo4j_password: str | None, neo4j_database: str | None,
         batch_size: int, db: Path) -> None:  # fmt: skip
    """Copy the embedded store into Neo4j (replacing what the target database holds).

    \b
        lineage push --db lineage.db --neo4j bolt://127.0.0.1:7687
    """
    from graph.neo4j_store import Neo4jStore
    from graph.neo4j_store import push as push_store

    with (
        open_store(db, create=False) as source,
        Neo4jStore(neo4j_uri, neo4j_user, neo4j_password, neo4j_database) as target,
    ):
        if _on_terminal():
            bar: _Progress | None = None

            def shown(rows: int, total: int) -> None:
                nonlocal bar
                if bar is None:
                    bar = _Progress("push", total, "rows").__enter__()
                bar.advance(by=rows)

            try:
                counts = push_store(source, target, batch_size=batch_size, on_batch=shown)
            finally:
                if bar is not None:
                    bar.__exit__()
        else:
            counts = push_store(source, target, batch_size=batch_size)
    click.echo("pushed " + ", ".join(f"{v} {k}" for k, v in counts.items()) + f" to {neo4j_uri}")


@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--keys", "keys_path", type=click.Path(dir_okay=False, path_type=Path),
              default=lambda: os.environ.get("LINEAGE_KEYS", "lineage-keys.json"), show_default="$LINEAGE_KEYS or lineage-keys.json",
              help="API key file (see `lineage apikey`).")  # fmt: skip
@click.option("--require-key", is_flag=True, help="Require an API key for reading too.")
@click.option("--upload-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where uploaded files are kept (default: uploads/ next to the store).")  # fmt: skip
@click.option("--corpus-root", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="File paths in answers are relative to it (default: the folder holding every stored file).")  # fmt: skip
@friendly_errors
def serve(
    db: Connection,
    host: str,
    port: int,
    keys_path: Path,
    require_key: bool,
    upload_dir: Path | None,
    corpus_root: Path | None,
) -> None:
    """Serve the query API and the lineage browser (at /) on HOST:PORT; one access log line per
    request (time, method, path, status, milliseconds) on stderr.

    \b
        lineage serve --db lineage.db --port 8000   # then open http://127.0.0.1:8000/
    """
    import logging

    import uvicorn

    from api.app import create_app
    from api.keys import KeyStore

    store = _open(db)
    app = create_app(store, keys=KeyStore(keys_path), require_read_key=require_key,
                     upload_dir=upload_dir or db.db.resolve().parent / "uploads", backend=db.backend,
                     corpus_root=corpus_root)  # fmt: skip
    access = logging.StreamHandler(sys.stderr)
    access.setFormatter(logging.Formatter("%(asctime)s %(message)s"))
    log = logging.getLogger("lineage")
    log.addHandler(access)
    log.setLevel(logging.INFO)
    click.echo(f"serving {db} on http://{host}:{port}/ (API docs at /docs)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


@cli.group()
def apikey() -> None:
    """Manage API keys (stored hashed) for the HTTP API."""


def keys_option[F: Callable[..., Any]](f: F) -> F:
    return click.option(
        "--keys", "keys_path", type=click.Path(dir_okay=False, path_type=Path),
        default=lambda: os.environ.get("LINEAGE_KEYS", "lineage-keys.json"), show_default="$LINEAGE_KEYS or lineage-keys.json",
    )(f)  # fmt: skip


@apikey.command("add")
@click.argument("name")
@click.option(
    "--role",
    type=click.Choice(ROLES),
    default="read",
    show_default=True,
    help="read: GET routes; ingest: upload documents; review: write corrections",
)
@keys_option
@friendly_errors
def apikey_add(name: str, role: str, keys_path: Path) -> None:
    """Create a key NAME with ROLE and print it once."""
    from api.keys import KeyStore

    click.echo(KeyStore(keys_path).add(name, role))


@apikey.command("list")
@keys_option
@friendly_errors
def apikey_list(keys_path: Path) -> None:
    """List key names and roles (never the keys)."""
    from api.keys import KeyStore

    for k in KeyStore(keys_path).list():
        click.echo(f"{k['name']}\t{k['role']}\t{k['created']}")


@apikey.command("revoke")
@click.argument("name")
@keys_option
@friendly_errors
def apikey_revoke(name: str, keys_path: Path) -> None:
    """Remove the key NAME."""
    from api.keys import KeyStore

    if not KeyStore(keys_path).revoke(name):
        raise click.ClickException(f"no key named {name!r} in {keys_path}")
    click.echo(f"revoked {name}")


@cli.command()
@click.option(
    "--province",
    "provinces",
    multiple=True,
    help="Province (current or old name; repeatable). Default: all 34.",
)
@click.option("--format", "formats", multiple=True, type=click.Choice(["html", "xlsx", "docx"]),
              help="Formats (repeatable). Default: all three.")  # fmt: skip
@click.option("--lang", type=click.Choice(["vi", "en"]), default="vi", show_default=True)
@click.option(
    "--as-of", "as_of", type=DATE, default=None, help="Date asked: 2026-11-22 or 22/11/2026; default today."
)
@click.option(
    "--out",
    "out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("out/reports"),
    show_default=True,
)
@click.option("--settings", "settings", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Office settings (TOML): issuing body, number, place, signer, recipients "
                   "(example: docs/office.example.toml).")  # fmt: skip
@click.option("--office", "office_pairs", multiple=True, metavar="KEY=VALUE",
              help="One office setting, over the file's (repeatable), e.g. signer_name='Nguyễn Văn A'.")  # fmt: skip
@click.option("-q", "--quiet", is_flag=True, help="No progress line, only the paths written.")
@directive_options
@db_option
@friendly_errors
def report(
    provinces: tuple[str, ...],
    formats: tuple[str, ...],
    lang: str,
    as_of: str | None,
    out: Path,
    settings: Path | None,
    office_pairs: tuple[str, ...],
    quiet: bool,
    directives: tuple[str, ...],
    tracked_file: Path | None,
    db: Connection,
) -> None:
    """Write province gap reports (HTML, XLSX, DOCX) named by province (OUT/hai-phong.docx) and an
    index page (writing some provinces keeps the index rows of the others already in OUT).

    Who issues and signs the DOCX (Nghị định 30/2020 layout) comes from --settings and --office;
    what they leave out is a dotted line to fill in. On a terminal, stderr shows one progress line
    (provinces, rate, time left).

    \b
        lineage report --province "Hải Phòng" --format docx --settings office.toml --out out/reports
    """
    from graph.province_report import province_reports, unknown_totals
    from ontology.provinces import UNKNOWN_PROVINCE
    from viz.report import OfficeSettings, load_office_settings, office_overrides, write_province_reports

    office = office_overrides(load_office_settings(settings) if settings else OfficeSettings(), office_pairs)
    opts = GapOptions(as_of=as_of or date.today().isoformat(), directives=directives,
                      tracked=_tracked(tracked_file))  # fmt: skip
    with _open(db) as store:
        models = province_reports(store, opts, list(provinces) or None)
        # Every province written: the index gets the line of the documents whose province is unknown.
        unknown = (
            None
            if provinces
            else unknown_totals(
                store.scope(UNKNOWN_PROVINCE), store.gaps(replace(opts, kinds=DOCUMENT_KINDS))
            )
        )
    progress = _Progress("report", len(models), "provinces") if _on_terminal() and not quiet else None
    with progress or contextlib.nullcontext():
        paths = write_province_reports(models, out, list(formats) or ["html", "xlsx", "docx"], lang, office=office,
                                       unknown=unknown, progress=progress.advance if progress else None)  # fmt: skip
    for p in paths:
        click.echo(str(p))


@cli.command()
@click.option(
    "--out", "out", type=click.Path(file_okay=False, path_type=Path), default=Path("out"), show_default=True
)
@click.option("--corpus", "corpora", multiple=True, type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Corpus folders (repeatable). Default: the seeds and the gold corpus shipped in the repo (corpus/).")  # fmt: skip
@click.option("--synth", "synth", multiple=True, default=("Hải Phòng", "Quảng Ngãi", "Đắk Lắk", "Thanh Hóa"), show_default=True,
              help="Provinces for which to generate a synthetic corpus as well (repeatable; 'none' to skip).")  # fmt: skip
@click.option(
    "--as-of", "as_of", type=DATE, default=None, help="Date asked: 2026-11-22 or 22/11/2026; default today."
)
@friendly_errors
def demo(out: Path, corpora: tuple[Path, ...], synth: tuple[str, ...], as_of: str | None) -> None:
    """The main job: build the graph from the demo corpus, write the browser and the province reports."""
    from api.demo import DEFAULT_CORPORA, run_demo

    provinces = [] if [s.lower() for s in synth] == ["none"] else list(synth)
    run_demo(
        out, list(corpora) or list(DEFAULT_CORPORA), synth_provinces=provinces, as_of=as_of, echo=click.echo
    )


@cli.command()
@click.option("--provinces", multiple=True, default=("all",), show_default=True,
              help="'all' or current/old province names (repeatable or comma-separated).")  # fmt: skip
@click.option(
    "--scale",
    type=click.IntRange(min=1),
    default=50,
    show_default=True,
    help="Documents per province, roughly.",
)
@click.option("--seed", type=int, default=0, show_default=True)
@click.option(
    "--out", type=click.Path(file_okay=False, path_type=Path), required=True, help="A new or empty folder."
)
@click.option(
    "--as-of",
    "as_of",
    type=DATE,
    default="2026-11-22",
    show_default=True,
    help="The date the planted gaps hold at (2026-11-22 or 22/11/2026).",
)
@click.option("--formats", default="txt,md", show_default=True, help="Comma-separated: txt, md, docx.")
@click.option(
    "--gap-rate",
    type=click.FloatRange(0, 1),
    default=0.05,
    show_default=True,
    help="Share of documents with a planted gap.",
)
@click.option(
    "--mess", type=click.FloatRange(0, 4), default=1.0, show_default=True, help="How messy the texts are."
)
@friendly_errors
def synth(provinces: tuple[str, ...], scale: int, seed: int, out: Path, as_of: str, formats: str, gap_rate: float,
          mess: float) -> None:  # fmt: skip
    """Write a synthetic national corpus with planted gaps (ground truth: OUT/planted-gaps.jsonl).

    \b
        lineage synth --provinces "Hải Phòng,Quảng Ngãi" --scale 200 --seed 1 --out synth-corpus/
        lineage ingest synth-corpus/ && lineage gaps --as-of 2026-11-22 --format json
    """
    from testkit.synth import generate

    names = [n.strip() for p in provinces for n in p.split(",") if n.strip()]
    if [n.lower() for n in names] == ["all"]:
        names = []
    try:
        r = generate(out, names or None, scale=scale, seed=seed, as_of=as_of,
                     formats=tuple(f.strip() for f in formats.split(",") if f.strip()), gap_rate=gap_rate, mess=mess)  # fmt: skip
    except FileExistsError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(
        f"{r.documents} documents, {r.bytes / 1e6:.1f} MB in {r.seconds:.1f}s ({r.docs_per_second:.0f} docs/s) -> {out}"
    )


@cli.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["ttl", "jsonld", "nt", "graphml", "csv"]),
    default="ttl",
    show_default=True,
)
@click.option("--out", "out", type=click.Path(path_type=Path), required=True,
              help="File to write (csv: a folder gets nodes.csv and edges.csv, a stem gets STEM.nodes.csv …).")  # fmt: skip
@db_option
@friendly_errors
def export(fmt: str, out: Path, db: Connection) -> None:
    """Export the graph: RDF aligned to ELI (Turtle, JSON-LD, N-Triples), GraphML, or CSV.

    \b
        lineage export --format ttl --out lineage.ttl
    """
    from graph.rdf import export as export_graph

    with _open(db) as store:
        G = store.graph()
    for path in export_graph(G, fmt, out):  # type: ignore[arg-type]
        click.echo(str(path))


@cli.command()
@click.argument("query")
@click.option("--from", "source", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="An exported .ttl/.nt/.jsonld file to query instead of the store.")  # fmt: skip
@click.option("--format", "fmt", type=click.Choice(["json", "table"]), default="table", show_default=True)
@db_option
@friendly_errors
def sparql(query: str, source: Path | None, fmt: str, db: Connection) -> None:
    """Run a SPARQL query over the exported graph (Oxigraph). QUERY is the text or @FILE.

    Prefixes lin:, eli:, prov:, skos:, doc:, rdf:, rdfs:, xsd:, owl: are predeclared.

    \b
        lineage sparql 'SELECT ?plan WHERE { ?plan lin:implements ?d . ?d eli:id_local "57-NQ/TW" }'
    """
    from graph.sparql import run_sparql

    text = Path(query[1:]).read_text(encoding="utf-8") if query.startswith("@") else query
    if source is None:
        with _open(db) as store:
            target: Any = store.graph()
    else:
        target = source
    rows = run_sparql(target, text)
    if fmt == "json":
        for r in rows:
            click.echo(json.dumps(r, ensure_ascii=False))
        return
    for r in rows:
        click.echo("\t".join(f"{k}={v}" for k, v in r.items()))
    click.echo(f"{len(rows)} row(s)")


cli.add_command(review_group(_open, db_option, friendly_errors), "review")


def main() -> None:
    """Entry point of the ``lineage`` console script."""
    cli()
