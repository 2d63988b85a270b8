"""``lineage review``: the review queue and corrections from the command line (``graph.review``).

Every subcommand is one call of ``graph.review``; the store applies the correction to every answer.
The reviewer is ``--by``, else ``$LINEAGE_REVIEWER``, else the login name.
"""

import functools
import getpass
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from api.terminal import one_line
from graph import review
from graph.corrections import Correction, CorrectionError
from ontology.review import DOCUMENT_FIELDS, Action
from ontology.terms import Relation

__all__ = ["review_group"]

RELATIONS = click.Choice([r.value for r in Relation])


def _reviewer() -> str:
    try:
        return os.environ.get("LINEAGE_REVIEWER") or getpass.getuser()
    except (KeyError, OSError):  # no login name (a container without a passwd entry)
        return "unknown"


def writer_options[F: Callable[..., Any]](f: F) -> F:
    """``--note`` (why) and ``--by`` (who) of a correction."""
    f = click.option("--by", "author", default=_reviewer, show_default="$LINEAGE_REVIEWER or the login name",
                     help="Who makes the correction.")(f)  # fmt: skip
    return click.option("--note", default="", help="Why: kept with the correction.")(f)


def _echo_corrections(made: list[Correction]) -> None:
    if not made:
        click.echo("nothing new: the same correction is already in the store")
    for c in made:
        what = c.number or c.field or ""
        status = f"NOT APPLIED: {c.problem}" if c.problem else "applied"
        was = f" (machine read {c.machine})" if c.machine is not None else ""
        click.echo(one_line(f"{c.id}  {c.action.value:<12} {c.document} {what}{was}: {status}"))


def _friendly[F: Callable[..., Any]](f: F) -> F:
    @functools.wraps(f)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return f(*args, **kwargs)
        except CorrectionError as exc:
            raise click.ClickException(str(exc)) from exc

    return wrapper  # type: ignore[return-value]


def review_group(
    open_store: Callable[..., Any], db_option: Callable[[Any], Any], friendly: Callable[[Any], Any]
) -> click.Group:
    """The ``review`` command group over ``open_store(connection)`` (the CLI's one opener)."""

    def command(name: str) -> Callable[[Callable[..., Any]], click.Command]:
        def wrap(f: Callable[..., Any]) -> click.Command:
            return group.command(name)(db_option(friendly(_friendly(f))))

        return wrap

    @click.group(invoke_without_command=True)
    @click.option("--province", default=None, help="Current province, an old name, or 'unknown'.")
    @click.option("--kind", "kinds", multiple=True, type=click.Choice(["link", "document", "correction"]),
                  help="Only these items (repeatable).")  # fmt: skip
    @click.option(
        "--limit", default=30, show_default=True, type=click.IntRange(min=0), help="0: all of them."
    )
    @click.option("--format", "fmt", type=click.Choice(["json", "table"]), default="table", show_default=True)
    @db_option
    @friendly
    @click.pass_context
    def group(
        ctx: click.Context, province: str | None, kinds: tuple[str, ...], limit: int, fmt: str, db: Any
    ) -> None:
        """The review queue, most doubtful first: links read with low confidence or resolved to
        several documents, documents with no date or province, read by OCR or with key collisions,
        and corrections that lost their target. The subcommands confirm, reject and correct.

        \b
            lineage review --province "Hải Phòng"
            lineage review set "41/KH-UBND@Hải Phòng@2025" --link 57-NQ/TW relation implements --note "căn cứ"
        """
        if ctx.invoked_subcommand is not None:
            return
        with open_store(db) as store:
            items = review.review_queue(store, province, kinds or None, limit or None)
        if fmt == "json":
            for item in items:
                click.echo(json.dumps(item.to_json(), ensure_ascii=False))
            return
        for i in items:
            what = f"{i.number} ({', '.join(i.relations) or '—'} → {i.target})" if i.kind == "link" else ""
            click.echo(
                one_line(
                    f"{i.score:5.2f}  {i.kind:<10} {','.join(d.value for d in i.doubts):<28} {i.document}  {what}"
                )
            )
            click.echo(one_line(f"       {i.path}"))
            if i.evidence.get("text"):
                click.echo(one_line(f"       « {' '.join(str(i.evidence['text']).split())[:160]} »"))
        click.echo(f"{len(items)} item(s)")

    def link_options(f: Callable[..., Any]) -> Callable[..., Any]:
        f = click.option("--to", "target", default=None, help="The link to this document (key or number).")(f)
        return click.option(
            "--link", "number", default=None, help="The link to this number, as the file writes it."
        )(f)

    @command("confirm")
    @click.argument("document")
    @link_options
    @click.option("--relation", type=RELATIONS, default=None, help="Confirm the link as this relation.")
    @writer_options
    def confirm(
        document: str,
        number: str | None,
        target: str | None,
        relation: str | None,
        note: str,
        author: str,
        db: Any,
    ) -> None:
        """Confirm a link (--link/--to) or the document itself as read."""
        with open_store(db) as store:
            if number is None and target is None:
                made = review.correct_document(store, document, Action.CONFIRM, note=note, author=author)
            else:
                made = review.correct_link(store, document, Action.CONFIRM, number=number, target=target,
                                           value=relation, note=note, author=author)  # fmt: skip
        _echo_corrections(made)

    @command("reject")
    @click.argument("document")
    @link_options
    @writer_options
    def reject(
        document: str, number: str | None, target: str | None, note: str, author: str, db: Any
    ) -> None:
        """Reject a link: it is not a reference at all."""
        with open_store(db) as store:
            made = review.correct_link(
                store, document, Action.REJECT, number=number, target=target, note=note, author=author
            )
        _echo_corrections(made)

    @command("set")
    @click.argument("document")
    @click.argument("field", type=click.Choice([*DOCUMENT_FIELDS, "relation", "target"]))
    @click.argument("value")
    @link_options
    @writer_options
    def set_(
        document: str,
        field: str,
        value: str,
        number: str | None,
        target: str | None,
        note: str,
        author: str,
        db: Any,
    ) -> None:
        """Correct a field of a document (number, doc_type, issuer, level, locality, province, date ...;
        '-' clears it), or of a link (--link/--to): its relation, or the document it means (target).

        \b
            lineage review set KEY date 2025-03-14 --note "ngày ký trên bản gốc"
            lineage review set KEY relation implements --link 57-NQ/TW
            lineage review set KEY target "41/KH-UBND@Hải Phòng@2025" --link 41/KH-UBND
        """
        with open_store(db) as store:
            if field in ("relation", "target"):
                if number is None and target is None:
                    raise click.UsageError(f"which link? --link NUMBER or --to KEY (setting its {field})")
                action = Action.RELATION if field == "relation" else Action.RETARGET
                made = review.correct_link(store, document, action, number=number, target=target, value=value,
                                           note=note, author=author)  # fmt: skip
            else:
                made = review.correct_document(store, document, Action.SET, field=field,
                                               value=None if value == "-" else value, note=note, author=author)  # fmt: skip
        _echo_corrections(made)

    @command("add-link")
    @click.argument("source")
    @click.argument("target")
    @click.option("--relation", type=RELATIONS, required=True)
    @writer_options
    def add_link(source: str, target: str, relation: str, note: str, author: str, db: Any) -> None:
        """Add a link the text does not state (say why in --note)."""
        with open_store(db) as store:
            made = review.add_link(store, source, target, relation, note=note, author=author)
        _echo_corrections(made)

    @command("not-document")
    @click.argument("document")
    @click.option("--is-document", is_flag=True, help="The reverse: it is an official document after all.")
    @writer_options
    def not_document(document: str, is_document: bool, note: str, author: str, db: Any) -> None:
        """Mark a file as no official document (kept out of lineage and gaps), or the reverse."""
        with open_store(db) as store:
            made = review.correct_document(store, document, Action.NOT_DOCUMENT, value="yes" if is_document else "no",
                                           note=note, author=author)  # fmt: skip
        _echo_corrections(made)

    @command("merge")
    @click.argument("document")
    @click.argument("into")
    @writer_options
    def merge(document: str, into: str, note: str, author: str, db: Any) -> None:
        """DOCUMENT and INTO are one document: DOCUMENT's files become INTO's."""
        with open_store(db) as store:
            made = review.correct_document(
                store, document, Action.MERGE, value=into, note=note, author=author
            )
        _echo_corrections(made)

    @command("split")
    @click.argument("document")
    @click.option("--file", "path", required=True, help="The file that is another document.")
    @click.option("--as", "suffix", required=True, help="A suffix for the new document's key.")
    @writer_options
    def split(document: str, path: str, suffix: str, note: str, author: str, db: Any) -> None:
        """One node that is two documents: the file --file becomes a document of its own."""
        with open_store(db) as store:
            made = review.correct_document(store, document, Action.SPLIT, value=suffix, path=str(Path(path).resolve()),
                                           note=note, author=author)  # fmt: skip
        _echo_corrections(made)

    @command("undo")
    @click.argument("correction_id")
    @click.option("--by", "author", default=_reviewer, show_default="$LINEAGE_REVIEWER or the login name")
    def undo(correction_id: str, author: str, db: Any) -> None:
        """Take a correction back (it stays on record, marked undone)."""
        with open_store(db) as store:
            c = review.undo(store, correction_id, author)
        click.echo(f"{c.id}  undone on {c.undone} by {c.undone_by}")

    @command("list")
    @click.option("--document", default=None, help="Only the corrections of this document.")
    @click.option("--unattached", is_flag=True, help="Only those that found no target when last applied.")
    @click.option("--format", "fmt", type=click.Choice(["json", "table"]), default="table", show_default=True)
    def list_(document: str | None, unattached: bool, fmt: str, db: Any) -> None:
        """Every correction, oldest first, with what the machine had read and who changed it."""
        with open_store(db) as store:
            rows = [c for c in store.corrections() if not unattached or c.problem]
            if document:
                mine = {d.path for d in store.files_of(store.resolve_key(document))}
                local = review.local_paths(store, rows)
                rows = [c for c in rows if mine & set(local[c.id])]
        if fmt == "json":
            for c in rows:
                click.echo(json.dumps(c.to_json(), ensure_ascii=False))
            return
        for c in rows:
            state = "undone" if c.undone else ("NOT APPLIED: " + c.problem if c.problem else "active")
            what = " ".join(x for x in (c.number, c.field, c.value) if x)
            click.echo(
                one_line(
                    f"{c.id}  {c.created}  {c.author:<12} {c.action.value:<12} {c.document} {what}  [{state}]"
                )
            )
            if c.note:
                click.echo(one_line(f"                  note: {c.note}"))
        click.echo(f"{len(rows)} correction(s)")

    @command("export")
    @click.argument("out", type=click.Path(dir_okay=False, allow_dash=True), default="-")
    def export(out: str, db: Any) -> None:
        """Write every correction as JSON Lines (to send to another office; '-' is stdout)."""
        with open_store(db) as store:
            lines = list(review.export_corrections(store))
        _write_lines(out, lines)
        click.echo(f"{len(lines)} correction(s) -> {out}", err=True)

    @command("import")
    @click.argument("source", type=click.Path(exists=True, dir_okay=False, allow_dash=True))
    def import_(source: str, db: Any) -> None:
        """Add the corrections of a JSON Lines file (importing it twice changes nothing)."""
        text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
        with open_store(db) as store:
            added, held, problems = review.import_corrections(store, text.splitlines(), source)
        click.echo(f"{added} added, {held} already held, {len(problems)} problem(s)")
        for p in problems:
            click.echo(one_line(f"problem: {p}"), err=True)

    @command("export-gold")
    @click.argument("out", type=click.Path(dir_okay=False, allow_dash=True), default="-")
    def export_gold(out: str, db: Any) -> None:
        """The reviewed documents in the gold format of the extraction tests (gold.jsonl)."""
        with open_store(db) as store:
            lines = [json.dumps(g, ensure_ascii=False) for g in review.gold_lines(store)]
        _write_lines(out, lines)
        click.echo(f"{len(lines)} reviewed document(s) -> {out}", err=True)

    return group


def _write_lines(out: str, lines: list[str]) -> None:
    text = "".join(line + "\n" for line in lines)
    if out == "-":
        click.echo(text, nl=False)
        return
    tmp = Path(out).with_name(Path(out).name + ".part")
    try:
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(out)
    except OSError as exc:
        raise click.ClickException(f"{out}: cannot write it ({exc.strerror or exc})") from exc
