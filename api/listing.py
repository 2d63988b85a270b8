"""The document listing of ``GET /documents``: which documents a query selects, in what order, and
where their nodes are read from.

The filters run over document nodes wherever they come from, so a listing read through the
store's reader and one read from the networkx view are the same (``tests/api/test_listing.py``,
and ``tests/graph/test_store_contract.py`` on Neo4j, hold them to it). The reader gives, from
indexed tables or a few Cypher reads, without building the whole-graph view:

* the ingested documents of a province, or of the whole country: ``listed_documents`` where the
  reader offers it (the embedded store: one query, the listed fields only), else
  ``scope_documents`` then ``node_attrs``;
* the central documents, ingested or known by citation (``central_nodes``): what the browser's
  directive chooser asks for (``level=central&include_cited=true``).

Only a listing that asks for documents known by citation at another level reads the view.
"""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from graph.gapdata import ScopeReader
from graph.views import UNKNOWN_PROVINCE, matches_province
from ingest.gazetteer import current_province_name, fold

__all__ = ["DocumentQuery", "Nodes", "reader_nodes"]

# Document nodes (key, attributes as the networkx view holds them).
Nodes = list[tuple[str, Mapping[str, Any]]]


@dataclass(frozen=True, slots=True)
class DocumentQuery:
    """What ``GET /documents`` asks for (before paging)."""

    province: str | None = None  # a current or old name, or ``UNKNOWN_PROVINCE``
    level: str | None = None
    doc_type: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    issuer: str | None = None  # part of the issuer's name
    q: str | None = None  # free text: number, title, issuer, type, key
    include_cited: bool = False

    def source(self) -> tuple[str, str | None] | None:
        """Which reader listing holds every document the query can select: ``("central", None)``,
        ``("scope", province)`` (``None``: the whole country), or ``None`` when only the
        whole-graph view does (documents known by citation at a level other than central)."""
        if self.include_cited:
            return ("central", None) if self.level == "central" else None
        if self.province is None or self.province == UNKNOWN_PROVINCE:
            return ("scope", None)
        return ("scope", current_province_name(self.province) or self.province)

    def select(self, nodes: Iterable[tuple[str, Mapping[str, Any]]]) -> Nodes:
        """The nodes the query selects, by date (undated first), then key."""
        checks: list[Callable[[str, Mapping[str, Any]], bool]] = []
        if not self.include_cited:
            checks.append(lambda n, a: a["status"] == "ingested")
        if self.province is not None:
            province = self.province
            checks.append(lambda n, a: matches_province(a, province))
        if self.level:
            level = self.level
            checks.append(lambda n, a: a.get("level") == level)
        if self.doc_type:
            doc_type = fold(self.doc_type)
            checks.append(lambda n, a: fold(a.get("doc_type") or "") == doc_type)
        if self.date_from:
            date_from = self.date_from
            checks.append(lambda n, a: bool(a.get("date")) and a["date"] >= date_from)
        if self.date_to:
            date_to = self.date_to
            checks.append(lambda n, a: bool(a.get("date")) and a["date"][: len(date_to)] <= date_to)
        if self.issuer:
            issuer = fold(self.issuer)
            checks.append(lambda n, a: issuer in fold(a.get("issuer") or ""))
        if self.q:
            q = fold(self.q)
            fields = ("number", "title", "issuer", "doc_type")
            checks.append(lambda n, a: q in fold(" ".join(str(a.get(f) or "") for f in fields) + " " + n))
        items = [(n, a) for n, a in nodes if all(check(n, a) for check in checks)]
        items.sort(key=lambda na: (na[1].get("date") or "", na[0]))
        return items


def reader_nodes(reader: ScopeReader, source: tuple[str, str | None]) -> Nodes:
    """The document nodes of a listing ``source`` (``DocumentQuery.source``), read through a
    store's reader, by date then key."""
    kind, province = source
    listed: Callable[[str | None], Nodes] | None = getattr(reader, "listed_documents", None)
    if kind == "central":
        found: Iterable[tuple[str, Mapping[str, Any]]] = reader.central_nodes().items()
    elif listed is not None:
        found = listed(province)
    else:
        attrs = reader.node_attrs(reader.scope_documents(province))
        # A key of a file that is no official document is a node only when something cites it.
        found = ((k, a) for k, a in attrs.items() if a["status"] == "ingested")
    return sorted(found, key=lambda na: (na[1].get("date") or "", na[0]))
