"""Resolution: which document a reference means, and the key a document is stored under.

A pure stage (no store, no I/O): both backends call ``match_reference`` with the documents that
share a reference's symbol, and ``split_identities`` with the files that share a base key, so the
graph is the same whichever backend holds it, and whatever order the files came in.
"""

import hashlib
from dataclasses import dataclass

from graph.identity import Scope, document_key, scope_of
from ingest.gazetteer import fold
from ingest.records import Extraction
from ontology.catalog import Catalog

__all__ = [
    "IDENTITY_COLLISION",
    "FileIdentity",
    "base_key",
    "identity_warnings",
    "match_reference",
    "own_key",
    "split_identities",
]

# The stable start of the review warning on each document split off a shared key (#11); the rest
# of the warning names the base key and the other files.
IDENTITY_COLLISION = "identity collision"


def own_key(ex: Extraction, path: str, sha256: str) -> str:
    """The base key of an extracted document (its file when it has no number). Its scope is the
    issuing unit as it was at issue: a plan of UBND tỉnh Phú Yên of February 2025 is keyed under
    Phú Yên, not under Đắk Lắk it merged into (queries by current province still find it). Files
    sharing a base key but not an identity are told apart by ``split_identities``."""
    d = ex.document
    level = d.level.value if d.level else None
    return base_key(d.number, level, d.province, d.province_at_issue, d.locality, d.date, sha256)


def base_key(
    number: str | None,
    level: str | None,
    province: str | None,
    province_at_issue: str | None,
    locality: str | None,
    date: str | None,
    sha256: str,
) -> str:
    """``own_key`` from the stored fields of a document (what a stored row can be keyed again from)."""
    if number is None:
        return f"file:{sha256[:16]}"
    return document_key(number, scope_of(level, province_at_issue or province, locality), date)


def match_reference(
    catalog: Catalog, number: str, date: str | None, scope: Scope, docs: list[tuple[str, Scope, str | None]]
) -> tuple[str, str, float, list[str]]:
    """Resolve one reference against the documents sharing its symbol: ``(target key, status, confidence,
    candidates)``. The rule of both backends.

    One document of a compatible scope and the same year is the target (``exact`` when both scopes
    and dates are known, else ``probable``); several are ``ambiguous``; none leaves the cited key,
    through the catalog of central documents for a national reference.
    """
    year = date[:4] if date else None
    fits = []
    for key, dscope, ddate in docs:
        if not scope.compatible(dscope):
            continue
        if year is not None and ddate is not None and ddate[:4] != year:
            continue
        fits.append((key, dscope, ddate))
    keys = sorted({k for k, _, _ in fits})
    if len(keys) == 1:
        key, dscope, ddate = fits[0]
        exact = scope.exact(dscope) and year is not None and ddate is not None
        return key, "exact" if exact else "probable", 1.0 if exact else 0.7, keys
    cited = document_key(number, scope, date)
    if len(keys) > 1:
        return cited, "ambiguous", 0.3, keys
    if scope.national:
        entries = catalog.lookup(number, date)
        if len(entries) == 1:
            e = entries[0]
            return document_key(number, scope, e.date), "catalog", 0.9, []
        if len(entries) > 1:
            return cited, "ambiguous", 0.3, [document_key(number, scope, e.date) for e in entries]
    return cited, "unresolved", 0.5, []


@dataclass(frozen=True, slots=True)
class FileIdentity:
    """What one file says about its document, as far as its identity goes: the files sharing a
    base key are told apart by issuer and full date."""

    path: str
    issuer: str | None
    date: str | None
    title: str | None = None  # kept for the record; never splits (see ``split_identities``)


type _Ident = tuple[str | None, str | None]


# Abbreviations the extractor writes for some issuers and not others (``display_org``).
_ABBREVIATIONS = (("uy ban nhan dan", "ubnd"), ("hoi dong nhan dan", "hdnd"))


def _issuer(issuer: str | None) -> str | None:
    """An issuer compared folded (case, diacritics, punctuation, ``Ủy ban nhân dân`` = ``UBND``)."""
    text = f" {fold(issuer)} " if issuer else ""
    for long, short in _ABBREVIATIONS:
        text = text.replace(f" {long} ", f" {short} ")
    return text.strip() or None


def _ident(f: FileIdentity) -> _Ident:
    return _issuer(f.issuer), f.date or None


def _agree(x: str | None, y: str | None) -> bool:
    """Two values of one field that can be the same: equal, one unknown, or a date and a more
    precise one inside it (``2025-03`` and ``2025-03-10``)."""
    return x is None or y is None or x.startswith(y) or y.startswith(x)


def _conflict(a: _Ident, b: _Ident) -> bool:
    """Two identities that cannot be one document: the issuers differ, or the dates do."""
    return (a[0] is not None and b[0] is not None and a[0] != b[0]) or not _agree(a[1], b[1])


def _covers(big: _Ident, small: _Ident) -> bool:
    """``big`` says everything ``small`` says (and maybe more)."""
    issuer = small[0] is None or big[0] == small[0]
    date = small[1] is None or (big[1] is not None and big[1].startswith(small[1]))
    return issuer and date


def _suffix(ident: _Ident) -> str:
    text = f"{ident[0] or ''}|{ident[1] or ''}"
    return hashlib.sha256(text.encode()).hexdigest()[:8]


def split_identities(base_key: str, files: list[FileIdentity]) -> dict[str, str]:
    """The key of each file (by path) of the files that share ``base_key``: the same whatever order
    they came in, as it depends on the set of identities alone.

    The identity of a file is its issuer (folded: case, diacritics, spacing and the abbreviations
    ``UBND``/``HĐND`` do not count) and its full date. A value the file does not give agrees with
    anything, a date read less precisely agrees with the dates inside it (``2025-03`` with
    ``2025-03-10``), and the title never counts (it is read with OCR and line-break errors): a newer
    copy with a corrected title, or a copy whose issuer or day could not be read,
    stays the same document. When no two files conflict (a field both give differs), every file
    keeps ``base_key``: one document with several sources. Otherwise each identity group is a
    document of its own, keyed ``base_key#<8 hex of its identity>`` (stable when other files
    come and go). The groups are the fullest identities (those no other identity covers); a file
    saying less joins the one group that covers it, or stands alone when several could be its own.
    """
    idents = {f.path: _ident(f) for f in files}
    distinct = set(idents.values())
    if not any(_conflict(a, b) for a in distinct for b in distinct):
        return dict.fromkeys(idents, base_key)
    fullest = [i for i in distinct if not any(j != i and _covers(j, i) for j in distinct)]
    keys = {}
    for path, ident in idents.items():
        owners = [m for m in fullest if _covers(m, ident)]
        group = owners[0] if len(owners) == 1 else ident
        keys[path] = f"{base_key}#{_suffix(group)}"
    return keys


def identity_warnings(keys: dict[str, str], base_key: str) -> dict[str, str | None]:
    """The review warning of each file whose document was split off ``base_key`` (None when it was
    not): it names the base key and the files of the other documents."""
    out: dict[str, str | None] = {}
    for path, key in keys.items():
        others = sorted(p for p, k in keys.items() if k != key)
        out[path] = (
            f"{IDENTITY_COLLISION}: {base_key} is also read from {', '.join(others)} with another issuer"
            " or date; kept as separate documents, to review"
            if others
            else None
        )
    return out
