"""The ``lineage`` command line: a thin skin over the library."""

import json
import sys
from pathlib import Path

import click

from ingest.extract import ExtractionFailure, extract_paths
from ingest.records import Extraction

__all__ = ["cli", "main"]


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
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["json", "table"]), default="table", show_default=True)
@click.option("--strict", is_flag=True, help="Exit non-zero when any file could not be read.")
def extract(paths: tuple[Path, ...], fmt: str, strict: bool) -> None:
    """Extract identity, references, relations and deadlines from document files.

    PATHS are files or folders (walked recursively). JSON output is one object per file
    (JSON Lines); a file that cannot be read is reported on stderr and the batch goes on.

    \b
        lineage extract corpus/ --format json > extracted.jsonl
    """
    failures = 0
    for result in extract_paths(paths):
        if isinstance(result, ExtractionFailure):
            failures += 1
            click.echo(f"error: {result.error}", err=True)
            continue
        if fmt == "json":
            click.echo(json.dumps(result.to_json(), ensure_ascii=False))
        else:
            click.echo(_table(result))
    if failures:
        click.echo(f"{failures} file(s) could not be read", err=True)
        if strict:
            sys.exit(1)


def main() -> None:
    """Entry point of the ``lineage`` console script."""
    cli()
