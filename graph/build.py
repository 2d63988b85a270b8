"""The networkx view of a store: documents as nodes, relations as edges, evidence on the edges.

Node attributes: ``number, doc_type, issuer, level, locality, province, province_at_issue, date,
title, status`` (``ingested`` or ``cited``: known only by citation), ``catalog`` (metadata from the
curated catalog), ``ambiguous``, ``sources`` (the files of one key: the stores give files of one base key but
two identities keys of their own, ``graph.resolve.split_identities``), ``recipients``. Edge key = relation; attributes
``relation, confidence, status, evidence`` (a list of ``{file, start, end, text}``).
"""

from collections.abc import Iterable
from typing import Any

import networkx as nx

from graph.records import DocumentRow, ReferenceRow
from ingest.records import NOT_A_DOCUMENT
from ontology.catalog import Catalog
from ontology.terms import IDENTITY_FIELDS

__all__ = ["NODE_FIELDS", "build_graph", "cited_node", "fold_citation", "ingested_node"]

# What a document node says about the document (besides status, catalog, ambiguous, sources).
NODE_FIELDS = IDENTITY_FIELDS


def _catalog_attrs(catalog: Catalog, number: str, date: str | None) -> dict[str, Any] | None:
    entries = catalog.lookup(number, date)
    if len(entries) != 1:
        return None
    e = entries[0]
    return {"number": e.number, "doc_type": e.doc_type, "issuer": e.issuer, "level": e.level.value,
            "date": e.date, "title": e.title, "catalog": True}  # fmt: skip


def ingested_node(d: DocumentRow) -> dict[str, Any]:
    """The node of an ingested document, from the first of its files (by path)."""
    return {
        **{f: getattr(d, f) for f in NODE_FIELDS}, "signer": d.signer, "recipients": d.recipients,
        "status": "ingested", "catalog": False, "ambiguous": False, "sources": [d.path],
    }  # fmt: skip


def cited_node() -> dict[str, Any]:
    """A document known only by citation, before any reference to it is read."""
    attrs: dict[str, Any] = dict.fromkeys(NODE_FIELDS)
    attrs.update(status="cited", catalog=False, ambiguous=False, sources=[], recipients=[], signer=None)
    return attrs


def fold_citation(node: dict[str, Any], r: ReferenceRow, catalog: Catalog) -> None:
    """What one reference (in path, position order) tells about the cited document ``node``: the
    first value read for each field wins; a national reference takes the catalog's metadata."""
    t = r.target_key
    if r.status == "ambiguous":
        node["ambiguous"] = True
        node["candidates"] = r.candidates
    if r.scope.national and not node["catalog"]:
        cat = _catalog_attrs(catalog, r.number, r.date or t.rsplit("@", 1)[-1].replace("?", "") or None)
        if cat:
            node.update(cat)
    for f, v in (("number", r.number), ("doc_type", r.doc_type), ("issuer", r.issuer), ("level", r.level),
                 ("date", r.date)):  # fmt: skip
        if node.get(f) is None and v is not None:
            node[f] = v
    if node.get("province") is None and not r.scope.national and r.scope.province:
        node["province"] = r.scope.province
    if node.get("level") is None and r.scope.national:
        node["level"] = "central"


def build_graph(
    documents: Iterable[DocumentRow], references: Iterable[ReferenceRow], catalog: Catalog
) -> nx.MultiDiGraph:
    """Build the lineage graph. Rows come ordered by path, so the result does not depend on ingest order."""
    G = nx.MultiDiGraph()
    left_out: set[str] = set()  # files that are no official document: listed in the store, not in lineage
    for d in documents:
        if NOT_A_DOCUMENT in d.warnings:
            left_out.add(d.key)
            continue
        if d.key in G:
            G.nodes[d.key]["sources"].append(d.path)
            continue
        G.add_node(d.key, **ingested_node(d))
    refs = [r for r in references if r.source_key not in left_out]
    for r in refs:
        t = r.target_key
        if t not in G:
            G.add_node(t, **cited_node())
        node = G.nodes[t]
        if node["status"] == "cited":
            fold_citation(node, r, catalog)
        for rel in r.relations:
            if G.has_edge(r.source_key, t, key=rel):
                e = G.edges[r.source_key, t, rel]
                e["evidence"].extend(r.evidence)
                e["confidence"] = max(e["confidence"], r.confidence)
            else:
                G.add_edge(r.source_key, t, key=rel, relation=rel, confidence=r.confidence, status=r.status,
                           evidence=list(r.evidence))  # fmt: skip
    return G
