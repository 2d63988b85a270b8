"""Resolution: which document a reference means, and the key a document is stored under.

A pure stage (no store, no I/O): both backends call ``match_reference`` with the documents that
share a reference's symbol, so the graph is the same whichever backend holds it, and whatever order
the files came in.
"""

from graph.identity import Scope, document_key, scope_of
from ingest.records import Extraction
from ontology.catalog import Catalog

__all__ = ["match_reference", "own_key"]


def own_key(ex: Extraction, path: str, sha256: str) -> str:
    """The key of an extracted document (its file when it has no number). Its scope is the issuing
    unit as it was at issue: a plan of UBND tỉnh Phú Yên of February 2025 is keyed under Phú Yên,
    not under Đắk Lắk it merged into (queries by current province still find it)."""
    d = ex.document
    if d.number is None:
        return f"file:{sha256[:16]}"
    level = d.level.value if d.level else None
    return document_key(d.number, scope_of(level, d.province_at_issue or d.province, d.locality), d.date)


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
