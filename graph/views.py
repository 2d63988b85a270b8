"""JSON views of the lineage graph shared by the API, the browser and the reports.

``subgraph_json`` is the node-link JSON the browser draws (the API's ``GET /graph`` returns it
as is); ``province_summary`` is what a province gap report shows besides the gap rows.
"""

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

import networkx as nx
from vietnam_provinces import Province, Ward

from graph.build import NODE_FIELDS
from graph.gapdata import GapGraph, from_networkx
from graph.lineage import LINEAGE_RELATIONS
from ingest.gazetteer import current_province_name, fold, plain_province_name
from ontology.gaps import Gap
from ontology.provinces import MERGED_INTO, UNKNOWN_PROVINCE, UNKNOWN_PROVINCE_NOTE
from ontology.units import PROVINCIAL_DEPARTMENTS

__all__ = [
    "DEFAULT_NODE_LIMIT",
    "UNKNOWN_PROVINCE",
    "UNKNOWN_PROVINCE_NOTE",
    "check_province",
    "current_provinces",
    "gap_directives",
    "matches_province",
    "node_view",
    "province_summary",
    "subgraph_json",
]

DEFAULT_NODE_LIMIT = 1000


def current_provinces() -> list[dict[str, Any]]:
    """The 34 current provinces with their NSO code and the old provinces merged into them."""
    from vietnam_provinces import legacy

    old_names = {int(p.code): plain_province_name(p.name) for p in legacy.Province.iter_all()}
    out = []
    for p in Province.iter_all():
        code = int(p.code)
        out.append({"code": code, "name": plain_province_name(p.name), "full_name": p.name,
                    "old_names": [old_names[c] for c in MERGED_INTO[code] if old_names[c] != plain_province_name(p.name)]})  # fmt: skip
    return out


def check_province(province: str | None) -> str | None:
    """``province`` if it names a current or old province or is ``UNKNOWN_PROVINCE``, else
    ``NodeNotFound`` (404 on every route of the API, as ``/gaps`` answers an unknown province)."""
    if province is None or province == UNKNOWN_PROVINCE or current_province_name(province) is not None:
        return province
    from graph.errors import NodeNotFound

    msg = (
        f"unknown province {province!r}; expected one of the 34 current provinces, an old province "
        f"name, or {UNKNOWN_PROVINCE!r}"
    )
    raise NodeNotFound(msg)


def matches_province(attrs: Mapping[str, Any], province: str | None) -> bool:
    """Documents of the current province a name means (old merged names are aliases);
    ``UNKNOWN_PROVINCE`` means the documents whose province could not be read."""
    if province is None:
        return True
    if province == UNKNOWN_PROVINCE:
        return not attrs.get("province")
    return fold(attrs.get("province") or "") == fold(current_province_name(province) or province)


def node_view(key: str, attrs: dict[str, Any], gap_kinds: list[str] | None = None) -> dict[str, Any]:
    """A node as the browser and the API show it."""
    return {
        "id": key,
        "label": attrs.get("number")
        or (attrs.get("doc_type") or "Văn bản") + (f" – {attrs['issuer']}" if attrs.get("issuer") else ""),
        **{k: attrs.get(k) for k in (*NODE_FIELDS, "status")},
        "catalog": bool(attrs.get("catalog")),
        "ambiguous": bool(attrs.get("ambiguous")),
        "sources": list(attrs.get("sources") or []),
        "gap_kinds": sorted(set(gap_kinds or [])),
    }


def subgraph_json(
    G: nx.MultiDiGraph,
    gaps: Iterable[Gap] | None = None,
    *,
    province: str | None = None,
    root: str | None = None,
    depth: int = 3,
    level: str | None = None,
    query: str | None = None,
    limit: int = DEFAULT_NODE_LIMIT,
    prefer_gaps: bool = False,
    gaps_only: bool = False,
    chain: str | None = None,
) -> dict[str, Any]:
    """Node-link JSON of a subgraph, capped at ``limit`` nodes (and saying what was left out).

    With ``root``: the documents within ``depth`` steps of it, up and down. With ``province``:
    its documents and what they cite. ``level`` and ``query`` (case- and diacritic-insensitive,
    on number, title and issuer) filter further. With ``chain`` (a directive's key): the directive,
    what it rests on and every document carrying it out, reporting on it or urging it, however
    far down (with ``province``: that province's part of it). ``gaps_only`` keeps the documents
    with gaps (and the root or chain directive); ``prefer_gaps`` keeps them first when the cap
    applies. The answer counts the documents with gaps drawn and left out (``gap_nodes``,
    ``omitted_gap_nodes``).
    """
    check_province(province)
    by_doc: dict[str, list[str]] = {}
    for g in gaps or []:
        by_doc.setdefault(g.document, []).append(g.kind.value)
    for asked in (root, chain):
        if asked is not None and asked not in G:
            from graph.errors import NodeNotFound

            msg = f"document {asked!r} is not in the graph"
            raise NodeNotFound(msg)
    if chain is not None:
        lin = _lineage_graph(G)
        keep = {chain} | nx.ancestors(lin, chain) | nx.descendants(lin, chain)
        if province is not None:
            keep = {
                n
                for n in keep
                if n == chain
                or G.nodes[n].get("level") == "central"
                or matches_province(G.nodes[n], province)
            }
        root = root if root in keep else None
    elif root is not None:
        und = nx.Graph((u, v) for u, v, k in G.edges(keys=True) if k in (*LINEAGE_RELATIONS, "cites"))
        und.add_node(root)
        keep = set(nx.single_source_shortest_path_length(und, root, cutoff=depth))
    else:
        keep = {
            n for n, a in G.nodes(data=True) if a["status"] == "ingested" and matches_province(a, province)
        }
        keep |= {v for n in list(keep) for v in G.successors(n)}
    if level:
        keep = {n for n in keep if G.nodes[n].get("level") == level or n == root}
    if query:
        q = fold(query)
        hits = {
            n
            for n in keep
            if q
            in fold(" ".join(str(G.nodes[n].get(f) or "") for f in ("number", "title", "issuer")) + " " + n)
        }
        keep = hits | {v for n in hits for v in (*G.successors(n), *G.predecessors(n)) if v in keep}
    if gaps_only:
        keep = {n for n in keep if n in by_doc or n in (root, chain)}
    total = len(keep)
    ordered = sorted(
        keep, key=lambda n: (n not in (root, chain), prefer_gaps and n not in by_doc, -G.degree(n), n)
    )
    chosen = set(ordered[:limit])
    with_gaps = {n for n in keep if n in by_doc}
    nodes = [node_view(n, dict(G.nodes[n]), by_doc.get(n)) for n in sorted(chosen)]
    edges = [
        {
            "source": u,
            "target": v,
            "relation": k,
            "confidence": d["confidence"],
            "status": d["status"],
            "evidence": d["evidence"][:3],
        }
        for u, v, k, d in G.edges(keys=True, data=True)
        if u in chosen and v in chosen
    ]
    return {"nodes": nodes, "edges": edges, "total_nodes": total, "omitted_nodes": total - len(chosen),
            "truncated": total > len(chosen), "limit": limit, "gap_nodes": len(with_gaps & chosen),
            "omitted_gap_nodes": len(with_gaps - chosen)}  # fmt: skip


def _lineage_graph(G: nx.MultiDiGraph) -> nx.DiGraph:
    """The documents linked by carrying out, reporting on or urging (an edge from the newer one)."""
    lin = nx.DiGraph()
    lin.add_nodes_from(G.nodes)
    lin.add_edges_from((u, v) for u, v, k in G.edges(keys=True) if k in LINEAGE_RELATIONS)
    return lin


def gap_directives(G: nx.MultiDiGraph, gaps: Iterable[Gap]) -> dict[str, list[str]]:
    """For each gap row's document, the central documents its lineage reaches upward (the directives
    it carries out, reports on or urges, directly or through other documents; a central document is
    its own). The gap table's "directive" facet."""
    lin = _lineage_graph(G)
    out: dict[str, list[str]] = {}
    for g in gaps:
        if g.document in out or g.document not in G:
            continue
        up = {g.document} | nx.descendants(lin, g.document)
        out[g.document] = sorted(n for n in up if G.nodes[n].get("level") == "central")
    return out


def province_summary(G: "nx.MultiDiGraph | GapGraph", gaps: list[Gap], province: str) -> dict[str, Any]:
    """Totals and coverage for one current province (old merged provinces counted in), from the
    facts of a scope that holds it (``Store.scope``) or a whole networkx view."""
    asked = current_province_name(province)
    prov = next((p for p in current_provinces() if asked is not None and p["name"] == asked), None)
    if prov is None:
        msg = f"unknown province {province!r}; expected one of the 34 current provinces or an old name"
        raise ValueError(msg)
    name = prov["name"]
    data = G if isinstance(G, GapGraph) else from_networkx(G)
    docs = data.documents_of(fold(name))
    by_level = Counter(a.get("level") or "unknown" for _, a in docs)
    by_type = Counter(a.get("doc_type") or "unknown" for _, a in docs)
    by_month = Counter((a.get("date") or "")[:7] for _, a in docs if a.get("date"))
    wards = [str(w.name) for w in Ward.iter_by_province(Province.from_code(prov["code"]).code)]
    commune_docs = {fold(a.get("locality") or "") for _, a in docs if a.get("level") == "commune"}
    covered_communes = sorted(w for w in wards if fold(w) in commune_docs)
    issuers = [fold(a.get("issuer") or "") for _, a in docs if a.get("level") == "province"]
    departments = []
    for dept, pattern in PROVINCIAL_DEPARTMENTS:
        present = any(re.search(pattern, i) for i in issuers)
        departments.append({"name": dept, "has_document": present})
    pgaps = [g for g in gaps if fold(g.province or "") == fold(name)]
    edges = sum(data.out_degree(n) for n, _ in docs)
    deadlines = Counter(g.due[:7] for g in pgaps if g.due)
    return {
        "province": name,
        "code": prov["code"],
        "old_names": prov["old_names"],
        "documents": len(docs),
        "edges": edges,
        "gaps": len(pgaps),
        "gaps_by_kind": dict(Counter(g.kind.value for g in pgaps)),
        "documents_by_level": dict(by_level),
        "documents_by_type": dict(by_type),
        "issued_by_month": dict(sorted(by_month.items())),
        "deadlines_by_month": dict(sorted(deadlines.items())),
        "communes_total": len(wards),
        "communes_covered": len(covered_communes),
        "communes_without_document": sorted(set(wards) - set(covered_communes)),
        "departments": departments,
    }
