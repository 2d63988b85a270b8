"""Corrections: what a person confirmed, fixed or overruled, applied on top of what the machine read.

A :class:`Correction` names its target by the file it was read from (``path``, and its ``sha256``
and ``document`` key when made, so that another store holding the same file under another path
finds it too) and, for a link, by the referenced ``number`` as the file writes it. It never
overwrites anything: a store keeps the machine's extraction of every corrected file (read again
from the unchanged file the first time), and whenever a file is written (ingested, re-ingested, or corrected) :func:`apply_corrections` turns the machine
extraction and the file's active corrections into what the store writes, the same function on
every backend. So corrections hold for every answer (lineage, gaps, coverage, exports, reports),
survive re-ingest of the same file, follow an edited file where their target is still in the new
text, and are reported (``Outcome.problem``) where it is not. Undoing one writes the file again
without it.

Records are immutable; an id is a hash of what the correction says and who said it when, so
importing the same JSON Lines twice adds nothing.
"""

import copy
import dataclasses
import hashlib
import json
import re
import unicodedata
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from datetime import date as Date
from pathlib import Path
from typing import Any, overload

from pydantic import TypeAdapter

from graph.identity import number_key
from ingest.gazetteer import current_province_name, fold, province_spelling
from ingest.records import NOT_A_DOCUMENT, OTHER_TYPE, Evidence, Extraction, Mention, Reference
from ingest.symbols import parse_symbol
from ontology.codes import TYPE_NAMES
from ontology.review import DOCUMENT_FIELDS, LINK_ACTIONS, REVIEW_RULE, Action
from ontology.terms import Level, Relation

__all__ = [
    "CORRECTION_FIELDS",
    "FILE_REMOVED",
    "NOT_IN_STORE",
    "REVIEWED",
    "Correction",
    "CorrectionError",
    "Outcome",
    "Reviewed",
    "apply_corrections",
    "attaches",
    "check",
    "correction_from_row",
    "correction_row",
    "decode_extraction",
    "encode_extraction",
    "make_correction",
    "reread_unchanged",
    "review_mark",
]

# The resolution status of a reference whose target a person set (beside exact, probable ...).
REVIEWED = "reviewed"
# The problem of a correction whose file was removed from the store (it is kept, and queued).
FILE_REMOVED = "its file was removed from the store"
# The problem of a correction (imported) that names no file of this store: applied when one comes.
NOT_IN_STORE = "no file of this store is the one it corrects (not ingested here yet?)"


class CorrectionError(ValueError):
    """A correction that cannot be made as asked (an unknown field, a value it cannot take...)."""


@dataclass(frozen=True, slots=True)
class Correction:
    """One reviewer's decision about one fact. ``machine`` is what the machine had read when the
    correction was last applied (JSON text); ``problem`` why it could not be applied then (None
    when it was); ``undone`` when it was taken back, and ``undone_by`` who did."""

    id: str
    action: Action
    path: str
    sha256: str
    document: str
    number: str | None = None
    field: str | None = None
    value: str | None = None
    note: str = ""
    author: str = ""
    created: str = ""
    machine: str | None = None
    problem: str | None = None
    undone: str | None = None
    undone_by: str | None = None

    @property
    def active(self) -> bool:
        return self.undone is None

    def to_json(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_json(cls, data: object) -> "Correction":
        """A correction from its JSON form (an export line), checked as a new one is
        (:func:`check`); ``CorrectionError`` saying what is wrong otherwise."""
        if not isinstance(data, Mapping):
            msg = "not a correction: a JSON object is expected"
            raise CorrectionError(msg)
        values = {f.name: data.get(f.name, f.default) for f in dataclasses.fields(cls)}
        for name, value in values.items():
            if value is not None and not isinstance(value, str):
                msg = f"not a correction: {name!r} must be text"
                raise CorrectionError(msg)
        for name in ("id", "path", "sha256", "document", "created"):
            if not values[name]:
                msg = f"not a correction: {name!r} is missing"
                raise CorrectionError(msg)
        try:
            values["action"] = Action(values["action"])
        except ValueError:
            msg = f"not a correction: {values['action']!r} is not an action"
            raise CorrectionError(msg) from None
        made = cls(**values)
        if made.id != _id_of(made):
            msg = f"correction {made.id}: its id does not match what it says (edited by hand?)"
            raise CorrectionError(msg)
        checked = check(made)
        if checked != made:
            msg = f"correction {made.id}: its value is not written as a correction writes it ({made.value!r})"
            raise CorrectionError(msg)
        return made


# The fields of a correction in the order stores keep them.
CORRECTION_FIELDS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(Correction))


def correction_from_row(row: Sequence[Any]) -> Correction:
    """A correction from a stored row of :data:`CORRECTION_FIELDS`."""
    values = dict(zip(CORRECTION_FIELDS, row, strict=True))
    values["action"] = Action(values["action"])
    return Correction(**values)


def correction_row(c: Correction) -> tuple[Any, ...]:
    """The stored row of a correction, in :data:`CORRECTION_FIELDS` order."""
    return tuple(c.action.value if f == "action" else getattr(c, f) for f in CORRECTION_FIELDS)


def _id_of(c: Correction) -> str:
    said = [
        c.action.value,
        c.path,
        c.sha256,
        c.document,
        c.number,
        c.field,
        c.value,
        c.note,
        c.author,
        c.created,
    ]
    return hashlib.sha256(json.dumps(said, ensure_ascii=False).encode()).hexdigest()[:16]


def make_correction(
    action: Action | str,
    *,
    path: str,
    sha256: str,
    document: str,
    number: str | None = None,
    field: str | None = None,
    value: str | None = None,
    note: str = "",
    author: str = "",
    created: str | None = None,
) -> Correction:
    """A new correction, checked and written canonically (:func:`check`)."""
    try:
        act = Action(action)
    except ValueError:
        msg = f"{action!r} is not an action ({', '.join(a.value for a in Action)})"
        raise CorrectionError(msg) from None
    made = Correction("", act, path, sha256, document, number, field, value, note, author, created or _now())
    made = check(made)
    return dataclasses.replace(made, id=_id_of(made))


def _now() -> str:
    """Corrections are ordered by when they were made: to the microsecond, so that two made in
    the same second keep their order."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


# A note is kept with the correction and on the evidence of every reference it marks.
MAX_NOTE = 2000


def check(c: Correction) -> Correction:
    """``c`` if it can be applied, with what a person typed written as the store writes it: NFC,
    trimmed; a date as ISO; a province, a level, a document type, a relation by their names.
    ``CorrectionError`` saying what is wrong otherwise."""
    act = c.action
    # What a person types is compared with what the machine read, which is NFC: so is this.
    number, field, value = _nfc(c.number), _nfc(c.field), _nfc(c.value)
    note, author = _nfc(c.note), _nfc(c.author)
    if len(note) > MAX_NOTE:
        msg = f"the note is {len(note)} characters long; at most {MAX_NOTE}"
        raise CorrectionError(msg)
    if act in LINK_ACTIONS and act is not Action.CONFIRM and not number:
        msg = f"{act.value}: which reference? (its number, as the file writes it)"
        raise CorrectionError(msg)
    if act is Action.RELATION or (act is Action.CONFIRM and value is not None):
        value = _relation(value).value
    if act in (Action.RETARGET, Action.MERGE, Action.ADD_LINK, Action.SPLIT) and not value:
        msg = f"{act.value}: a value is needed (the document key, or a suffix for split)"
        raise CorrectionError(msg)
    if act is Action.ADD_LINK:
        field = _relation(field).value
    if act is Action.SET:
        value = _field_value(field, value)
    if act is Action.NOT_DOCUMENT and value not in ("yes", "no"):
        msg = "not_document: value 'no' (not an official document) or 'yes' (it is one)"
        raise CorrectionError(msg)
    return dataclasses.replace(c, number=number, field=field, value=value, note=note, author=author)


@overload
def _nfc(text: str) -> str: ...
@overload
def _nfc(text: None) -> None: ...
def _nfc(text: str | None) -> str | None:
    return unicodedata.normalize("NFC", text).strip() if text is not None else None


def _relation(value: str | None) -> Relation:
    try:
        return Relation(value or "")
    except ValueError:
        msg = f"{value!r} is not a relation ({', '.join(r.value for r in Relation)})"
        raise CorrectionError(msg) from None


_DMY = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")


def _field_value(name: str | None, value: str | None) -> str | None:
    """``value`` as the field ``name`` is stored; ``CorrectionError`` when it cannot be one."""
    if name not in DOCUMENT_FIELDS:
        msg = f"{name!r} is not a document field a reviewer sets ({', '.join(DOCUMENT_FIELDS)})"
        raise CorrectionError(msg)
    if value is None:
        return None
    if name == "number":
        symbol = parse_symbol(value)
        if symbol is None:
            msg = f"{value!r} is not a document number (e.g. 41/KH-UBND)"
            raise CorrectionError(msg)
        return symbol.canonical
    if name == "level":
        if value not in {lv.value for lv in Level}:
            msg = f"{value!r} is not a level ({', '.join(lv.value for lv in Level)})"
            raise CorrectionError(msg)
        return value
    if name == "date":
        return _iso_date(value)
    if name in ("province", "province_at_issue"):
        # The current province it is in now; the name it had at issue, as it was spelled then.
        spelled = (current_province_name if name == "province" else province_spelling)(value)
        if spelled is None:
            msg = f"{value!r} is not a province (current or pre-2025 name)"
            raise CorrectionError(msg)
        return spelled
    if name == "doc_type":
        known = {fold(t): t for t in (*TYPE_NAMES, OTHER_TYPE)}
        if fold(value) not in known:
            msg = f"{value!r} is not a document type ({', '.join(TYPE_NAMES)})"
            raise CorrectionError(msg)
        return known[fold(value)]
    return value


def _iso_date(value: str) -> str:
    """A calendar date written ``2025-12-31`` or ``31/12/2025`` as ISO."""
    m = _DMY.fullmatch(value)
    try:
        if m:
            return Date(int(m.group(3)), int(m.group(2)), int(m.group(1))).isoformat()
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return Date.fromisoformat(value).isoformat()
    except ValueError:
        pass
    msg = f"{value!r} is not a date (2025-12-31 or 31/12/2025)"
    raise CorrectionError(msg)


# -- applying -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Outcome:
    """What applying one correction to one file did: the machine's value it overrode (JSON text)
    or why it found no target."""

    id: str
    machine: str | None
    problem: str | None


@dataclass(slots=True)
class Reviewed:
    """What a store writes for one file: the extraction with the corrections applied; the key a
    person gave the document (merge, split), else None; the targets a person gave references, by
    position; the review marks to put on each reference's evidence, by position; and the outcome
    of each correction."""

    extraction: Extraction
    key: str | None = None
    pins: dict[int, str] = field(default_factory=dict)
    marks: dict[int, list[dict[str, Any]]] = field(default_factory=dict)
    outcomes: list[Outcome] = field(default_factory=list)


def attaches(c: Correction, path: str, sha256: str, machine_key: str) -> bool:
    """Whether ``c`` corrects the file ``path`` of content ``sha256`` whose document the machine
    keys ``machine_key``: the same content (here or under another path, in another store), or the
    same path still holding the same document (an edited file). A path alone is not enough: another
    office's file at the same path may be another document."""
    return c.sha256 == sha256 or (c.path == path and c.document == machine_key)


def review_mark(c: Correction) -> dict[str, Any]:
    """What a reviewed reference's evidence says about the person who reviewed it."""
    return {"id": c.id, "action": c.action.value, "by": c.author, "at": c.created, "note": c.note}


def _dump(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def apply_corrections(machine: Extraction, corrections: Iterable[Correction]) -> Reviewed:
    """The machine extraction of one file with its active ``corrections`` applied, oldest first
    (a later one on the same fact wins). ``machine`` is not changed."""
    active = sorted((c for c in corrections if c.active), key=lambda c: (c.created, c.id))
    if not active:
        return Reviewed(machine)  # most files: nothing to copy
    ex = copy.deepcopy(machine)
    out = Reviewed(ex)
    for c in active:
        try:
            out.outcomes.append(_apply_one(machine, ex, out, check(c)))
        except CorrectionError as exc:  # a bad record (edited store, old import) fails alone
            out.outcomes.append(Outcome(c.id, None, str(exc)))
    # A rejected reference (no relation left) goes, and the positions after it close up.
    kept = [i for i, r in enumerate(ex.references) if r.relations]
    if len(kept) < len(ex.references):
        moved = {old: new for new, old in enumerate(kept)}
        ex.references = [ex.references[i] for i in kept]
        out.pins = {moved[i]: k for i, k in out.pins.items() if i in moved}
        out.marks = {moved[i]: m for i, m in out.marks.items() if i in moved}
    return out


def _apply_one(original: Extraction, ex: Extraction, out: Reviewed, c: Correction) -> Outcome:
    """Apply ``c`` to ``ex``; what the machine had read is taken from ``original``, untouched."""
    if c.action is Action.CONFIRM and c.number is None:
        return Outcome(c.id, None, None)  # the document is right as read: nothing changes
    if c.action in LINK_ACTIONS:
        pos = _find_reference(ex.references, c.number or "")
        if pos is None:
            return Outcome(c.id, None, f"the file no longer refers to {c.number}")
        at = _find_reference(original.references, c.number or "")
        read = original.references[at] if at is not None else ex.references[pos]
        machine = _dump(
            {"relations": [r.value for r in read.relations], "confidence": read.confidence, "rule": read.rule}
        )
        ref = ex.references[pos]
        if c.action is Action.REJECT:
            # The reference stays in the list (positions of the others do not move), with no relation.
            ref.relations = []
        elif c.action is Action.RELATION:
            ref.relations = [_relation(c.value)]
        elif c.action is Action.CONFIRM and c.value is not None:
            rel = _relation(c.value)
            if rel not in ref.relations:
                return Outcome(c.id, machine, f"{c.number} is no longer read as {rel.value}")
        elif c.action is Action.RETARGET:
            out.pins[pos] = c.value or ""
        ref.confidence, ref.rule = 1.0, REVIEW_RULE
        out.marks.setdefault(pos, []).append(review_mark(c))
        return Outcome(c.id, machine, None)
    d = ex.document
    if c.action is Action.SET:
        name = c.field or ""
        machine = _dump(getattr(original.document, name))
        if name == "level":
            d.level = Level(c.value) if c.value else None
        elif name == "number":
            d.number = c.value
            d.symbol = parse_symbol(c.value) if c.value else None
        else:
            setattr(d, name, c.value)
        return Outcome(c.id, machine, None)
    if c.action is Action.NOT_DOCUMENT:
        machine = _dump(original.is_document)
        ex.is_document = c.value == "yes"
        ex.warnings = [w for w in ex.warnings if w != NOT_A_DOCUMENT]
        if not ex.is_document:
            ex.warnings.append(NOT_A_DOCUMENT)
        return Outcome(c.id, machine, None)
    if c.action in (Action.MERGE, Action.SPLIT):
        machine = _dump(None)  # the machine keys a document by what it reads, never by a person's key
        out.key = c.value if c.action is Action.MERGE else f"{c.document}#{c.value}"
        return Outcome(c.id, machine, None)
    # Action.ADD_LINK: a reference the text does not state, to the document ``value``.
    number = c.number or c.value or ""
    symbol = parse_symbol(number)
    if symbol is None:  # a target known by no number: keyed by its key, pinned below
        symbol = parse_symbol("0/REVIEW") or _never(number)
    note = c.note or c.action.value
    mention = Mention(
        symbol, number, 0, 0, None, None, None, None, _relation(c.field), Evidence(0, 0, note), REVIEW_RULE
    )
    ex.references.append(
        Reference(number, symbol, None, None, None, None, [_relation(c.field)], [mention], 1.0, REVIEW_RULE)
    )
    pos = len(ex.references) - 1
    out.pins[pos] = c.value or ""
    out.marks[pos] = [review_mark(c)]
    return Outcome(c.id, None, None)


def _never(number: str) -> Any:
    msg = f"cannot make a reference of {number!r}"
    raise CorrectionError(msg)


def _find_reference(refs: Sequence[Reference], number: str) -> int | None:
    """The position of the reference to ``number`` (compared as ``number_key``), the first one."""
    want = number_key(number)
    return next((i for i, r in enumerate(refs) if number_key(r.number) == want), None)


# -- the machine extraction, as stored ------------------------------------------------------------

_EXTRACTION = TypeAdapter(Extraction)


def encode_extraction(ex: Extraction) -> bytes:
    """The machine extraction of a file as a store keeps it (compressed JSON, about 1.5 KB)."""
    return zlib.compress(_EXTRACTION.dump_json(ex), 6)


def decode_extraction(data: bytes) -> Extraction:
    """The extraction :func:`encode_extraction` wrote."""
    return _EXTRACTION.validate_json(zlib.decompress(data))


def reread_unchanged(path: str, sha256: str | None) -> Extraction:
    """The machine extraction of a file stored before stores kept it: read again from disk, if the
    file there is still the one stored; otherwise a ``CorrectionError`` saying to ingest it again."""
    from ingest.errors import ExtractionError
    from ingest.extract import extract_file

    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        msg = f"{path}: the store holds no copy of what was read from it and the file cannot be read ({exc}); ingest it again"
        raise CorrectionError(msg) from exc
    if hashlib.sha256(data).hexdigest() != sha256:
        msg = f"{path}: changed on disk since it was stored; ingest it again before correcting it"
        raise CorrectionError(msg)
    try:
        return extract_file(Path(path))
    except ExtractionError as exc:
        raise CorrectionError(str(exc)) from exc
