"""RDF side of the lineage graph: ELI-aligned triples with PROV evidence, file exports and SHACL gap checks."""

import csv
import hashlib
import json
import logging
import math
import os
import re
import typing
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date
from pathlib import Path
from typing import Any, ClassVar

import networkx as nx
import pyoxigraph as ox
import pyshacl
import rdflib
from rdflib import Literal, URIRef
from rdflib.namespace import SH

from graph.build import NODE_FIELDS
from ontology.terms import Level, Relation
from ontology.vocab import (
    AGENT,
    DOC_TYPE_CONCEPTS,
    ELI,
    ELI_RELATION_PROPERTIES,
    EVIDENCE,
    LEVEL_CONCEPTS,
    LIN,
    LINK,
    PREFIXES,
    PROV,
    PROVINCE,
    RDF,
    RDFS,
    RELATION_PROPERTIES,
    SKOS,
    XSD,
    bind_prefixes,
    doc_iri,
    doc_type_concept,
    encode_key,
    key_of,
    load_shapes,
)

__all__ = [
    "EDGE_COLUMNS",
    "EXPORT_FORMATS",
    "NODE_COLUMNS",
    "OX_THRESHOLD",
    "ExportFormat",
    "csv_paths",
    "date_literal",
    "doc_iri",
    "export",
    "key_of",
    "safe_cell",
    "shacl_gaps",
    "to_oxigraph",
    "to_rdf",
]

log = logging.getLogger(__name__)

ExportFormat = typing.Literal["ttl", "jsonld", "nt", "graphml", "csv"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = typing.get_args(ExportFormat)
Backend = typing.Literal["auto", "rdflib", "oxigraph"]

# With backend="auto", graphs with more nodes + edges than this (about 10 triples each) are written by
# Oxigraph straight from the graph, without building an rdflib Graph: rdflib needs about 30 s and 1 GB per
# million triples for a Turtle export, Oxigraph about 1 s (tech-notes §4).
OX_THRESHOLD = 5_000

# CSV columns in this order; attributes outside the contract follow, sorted by name.
NODE_COLUMNS: tuple[str, ...] = (
    "key",
    *NODE_FIELDS,
    "status",
    "catalog",
    "ambiguous",
    "sources",
)
EDGE_COLUMNS: tuple[str, ...] = (
    "source",
    "target",
    "edge_key",
    "relation",
    "confidence",
    "status",
    "evidence",
)

_RDFLIB_FORMATS = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld"}
_OX_FORMATS = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD}
_DATE_RE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")

# The predicates the rules of shapes.ttl read; shacl_gaps validates only these triples (a test checks that
# validating the full export gives the same answer).
_GAP_PREDICATES = frozenset(
    str(p) for p in (RDF.type, LIN.status, LIN.level, ELI.type_document, LIN.implements, LIN.reportsOn)
)


class _V:
    """Plain-string IRIs of the terms the export writes (rdflib Namespace look-ups are slow in loops)."""

    ELI_AdministrativeArea = str(ELI.AdministrativeArea)
    ELI_Agent = str(ELI.Agent)
    ELI_LegalResource = str(ELI.LegalResource)
    ELI_ResourceType = str(ELI.ResourceType)
    ELI_date_document = str(ELI.date_document)
    ELI_id_local = str(ELI.id_local)
    ELI_jurisdiction = str(ELI.jurisdiction)
    ELI_passed_by = str(ELI.passed_by)
    ELI_related_to = str(ELI.related_to)
    ELI_title = str(ELI.title)
    ELI_type_document = str(ELI.type_document)
    LIN_CitedOnlyDocument = str(LIN.CitedOnlyDocument)
    LIN_Document = str(LIN.Document)
    LIN_DocumentTypes = str(LIN.DocumentTypes)
    LIN_Evidence = str(LIN.Evidence)
    LIN_Link = str(LIN.Link)
    LIN_Province = str(LIN.Province)
    LIN_VietNam = str(LIN.VietNam)
    LIN_ambiguous = str(LIN.ambiguous)
    LIN_confidence = str(LIN.confidence)
    LIN_dateText = str(LIN.dateText)
    LIN_end = str(LIN.end)
    LIN_fromCatalog = str(LIN.fromCatalog)
    LIN_key = str(LIN.key)
    LIN_level = str(LIN.level)
    LIN_linkSource = str(LIN.linkSource)
    LIN_linkStatus = str(LIN.linkStatus)
    LIN_linkTarget = str(LIN.linkTarget)
    LIN_locality = str(LIN.locality)
    LIN_province = str(LIN.province)
    LIN_provinceAtIssue = str(LIN.provinceAtIssue)
    LIN_relation = str(LIN.relation)
    LIN_sourceFile = str(LIN.sourceFile)
    LIN_start = str(LIN.start)
    LIN_status = str(LIN.status)
    PROV_Entity = str(PROV.Entity)
    PROV_value = str(PROV.value)
    PROV_wasDerivedFrom = str(PROV.wasDerivedFrom)
    RDF_type = str(RDF.type)
    RDFS_label = str(RDFS.label)
    SKOS_Concept = str(SKOS.Concept)
    SKOS_inScheme = str(SKOS.inScheme)
    SKOS_prefLabel = str(SKOS.prefLabel)
    XSD_boolean = str(XSD.boolean)
    XSD_double = str(XSD.double)
    XSD_integer = str(XSD.integer)
    XSD_date = str(XSD.date)
    XSD_gYearMonth = str(XSD.gYearMonth)
    XSD_gYear = str(XSD.gYear)
    RELATION: ClassVar[dict[Relation, str]] = {r: str(p) for r, p in RELATION_PROPERTIES.items()}
    ELI_RELATION: ClassVar[dict[Relation, str]] = {r: str(p) for r, p in ELI_RELATION_PROPERTIES.items()}
    LEVEL: ClassVar[dict[Level, str]] = {level: str(c) for level, c in LEVEL_CONCEPTS.items()}
    KNOWN_DOC_TYPES = frozenset(str(c) for c in DOC_TYPE_CONCEPTS.values())


# ---------------------------------------------------------------------------------------------------------
# networkx → triples. One generator feeds both rdflib (to_rdf) and Oxigraph (to_oxigraph, large exports).
# A triple is (subject IRI, predicate IRI, object); the object is an IRI (str) or a literal
# (lexical form, datatype IRI or None, language or None).

_Lit = tuple[str, str | None, str | None]
_Triple = tuple[str, str, str | _Lit]


def _text(value: object) -> str | None:
    if value is None:
        return None
    text = value.strip() if isinstance(value, str) else str(value)
    return text or None


def _digest(*parts: object) -> str:
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:32]


def _date_parts(text: str) -> tuple[str, str] | None:
    text = text.strip().split("T", 1)[0]
    m = _DATE_RE.fullmatch(text)
    if m is None:
        return None
    _, month, day = m.groups()
    if day is not None:
        try:
            date.fromisoformat(text)
        except ValueError:
            return None
        return text, _V.XSD_date
    if month is not None:
        return (text, _V.XSD_gYearMonth) if 1 <= int(month) <= 12 else None
    return text, _V.XSD_gYear


def date_literal(text: str) -> Literal | None:
    """``eli:date_document`` value of an ISO date: xsd:date, or xsd:gYearMonth / xsd:gYear when partial.

    Returns None for anything else (a time part after ``T`` is dropped).

    >>> [date_literal(t).datatype.split("#")[1] for t in ("2025-12-31", "2025-12", "2025")]
    ['date', 'gYearMonth', 'gYear']
    >>> date_literal("31/12/2025") is None, date_literal("2025-02-30") is None
    (True, True)
    """
    parts = _date_parts(text)
    return None if parts is None else Literal(parts[0], datatype=URIRef(parts[1]))


def _as_list(value: object) -> list[object]:
    if value is None:
        return []
    if isinstance(value, (str, bytes, Mapping)):
        return [value]
    if isinstance(value, Iterable):
        return list(value)
    return [value]


def _agent_iri(issuer: str, scope: str | None) -> str:
    # The same issuer text in two provinces ("UBND xã Tân Lập") names two bodies: scope it by province.
    local = encode_key(issuer) if scope is None else f"{encode_key(scope)}/{encode_key(issuer)}"
    return str(AGENT) + local


class _Triples:
    """The triples of one graph; remembers what it has described so that nothing is written twice."""

    def __init__(self, *, provenance: bool, eli_superproperties: bool) -> None:
        self.provenance = provenance
        self.eli_superproperties = eli_superproperties
        self.iris: dict[str, str] = {}
        self.types: dict[str, str] = {}
        self.relations: dict[str, Relation | None] = {}
        self.described: set[str] = set()
        self.pairs: set[tuple[str, str, str]] = set()

    def doc_type(self, name: str) -> str:
        concept = self.types.get(name)
        if concept is None:
            concept = self.types[name] = str(doc_type_concept(name))
        return concept

    def doc(self, key: str) -> str:
        iri = self.iris.get(key)
        if iri is None:
            iri = self.iris[key] = str(doc_iri(key))
        return iri

    def document(self, key: str, data: Mapping[str, Any]) -> Iterator[_Triple]:
        s = self.doc(key)
        yield s, _V.RDF_type, _V.LIN_Document
        yield s, _V.RDF_type, _V.ELI_LegalResource
        yield s, _V.LIN_key, (key, None, None)

        status = _text(data.get("status"))
        if status is not None:
            yield s, _V.LIN_status, (status, None, None)
            if status == "cited":
                yield s, _V.RDF_type, _V.LIN_CitedOnlyDocument
        if (number := _text(data.get("number"))) is not None:
            yield s, _V.ELI_id_local, (number, None, None)
        if (title := _text(data.get("title"))) is not None:
            yield s, _V.ELI_title, (title, None, "vi")
        if (doc_type := _text(data.get("doc_type"))) is not None:
            concept = self.doc_type(doc_type)
            yield s, _V.ELI_type_document, concept
            if concept not in _V.KNOWN_DOC_TYPES and concept not in self.described:
                self.described.add(concept)  # a type outside lin:DocumentTypes: describe it in the data
                yield concept, _V.RDF_type, _V.SKOS_Concept
                yield concept, _V.RDF_type, _V.ELI_ResourceType
                yield concept, _V.SKOS_inScheme, _V.LIN_DocumentTypes
                yield concept, _V.SKOS_prefLabel, (doc_type, None, "vi")

        level: Level | None = None
        if (level_text := _text(data.get("level"))) is not None:
            try:
                level = Level(level_text)
            except ValueError:
                log.debug("document %s: level %r is not one of lin:Levels; not exported", key, level_text)
            else:
                yield s, _V.LIN_level, _V.LEVEL[level]

        province = _text(data.get("province"))
        if province is not None:
            area = str(PROVINCE) + encode_key(province)
            yield s, _V.LIN_province, (province, None, None)
            yield s, _V.ELI_jurisdiction, area
            if area not in self.described:
                self.described.add(area)
                yield area, _V.RDF_type, _V.LIN_Province
                yield area, _V.RDF_type, _V.ELI_AdministrativeArea
                yield area, _V.RDFS_label, (province, None, "vi")
        elif level is Level.CENTRAL:
            yield s, _V.ELI_jurisdiction, _V.LIN_VietNam
        if (at_issue := _text(data.get("province_at_issue"))) is not None:
            yield s, _V.LIN_provinceAtIssue, (at_issue, None, None)
        if (locality := _text(data.get("locality"))) is not None:
            yield s, _V.LIN_locality, (locality, None, None)

        if (issuer := _text(data.get("issuer"))) is not None:
            agent = _agent_iri(issuer, "VN" if level is Level.CENTRAL else province)
            yield s, _V.ELI_passed_by, agent
            if agent not in self.described:
                self.described.add(agent)
                yield agent, _V.RDF_type, _V.ELI_Agent
                yield agent, _V.RDFS_label, (issuer, None, "vi")

        if (date_text := _text(data.get("date"))) is not None:
            parts = _date_parts(date_text)
            if parts is None:
                yield s, _V.LIN_dateText, (date_text, None, None)
            else:
                yield s, _V.ELI_date_document, (parts[0], parts[1], None)

        for flag, prop in (("catalog", _V.LIN_fromCatalog), ("ambiguous", _V.LIN_ambiguous)):
            if data.get(flag) is not None:
                yield s, prop, ("true" if data[flag] else "false", _V.XSD_boolean, None)
        for path in {p for source in _as_list(data.get("sources")) if (p := _text(source)) is not None}:
            yield s, _V.LIN_sourceFile, (path, None, None)

    def relation(self, name: str) -> Relation | None:
        if name not in self.relations:
            try:
                self.relations[name] = Relation(name)
            except ValueError:
                self.relations[name] = None
                log.debug("unknown relation %r exported as eli:related_to", name)
        return self.relations[name]

    def edge(self, u: str, v: str, k: object, data: Mapping[str, Any]) -> Iterator[_Triple]:
        relation = self.relation(_text(data.get("relation")) or _text(k) or "")
        prop = _V.ELI_related_to if relation is None else _V.RELATION[relation]
        s, o = self.doc(u), self.doc(v)
        props = [prop]
        if self.eli_superproperties and relation is not None:
            props.append(_V.ELI_RELATION[relation])
        for p in props:
            # Written once: two edge keys may carry one relation, and urges + reports_on share eli:related_to.
            if (s, p, o) not in self.pairs:
                self.pairs.add((s, p, o))
                yield s, p, o
        if not self.provenance:
            return

        link = str(LINK) + _digest(u, k, v)
        yield link, _V.RDF_type, _V.LIN_Link
        yield link, _V.RDF_type, _V.PROV_Entity
        yield link, _V.LIN_linkSource, s
        yield link, _V.LIN_linkTarget, o
        yield link, _V.LIN_relation, prop
        confidence = data.get("confidence")
        if (
            isinstance(confidence, (int, float))
            and not isinstance(confidence, bool)
            and math.isfinite(confidence)
        ):
            yield link, _V.LIN_confidence, (repr(float(confidence)), _V.XSD_double, None)
        if (status := _text(data.get("status"))) is not None:
            yield link, _V.LIN_linkStatus, (status, None, None)
        for item in _as_list(data.get("evidence")):
            if not isinstance(item, Mapping):
                log.debug("edge %s -> %s: evidence %r is not a mapping; skipped", u, v, item)
                continue
            file, start, end, text = (item.get(f) for f in ("file", "start", "end", "text"))
            # Content-addressed: one sentence that supports two links is one lin:Evidence node.
            evidence = str(EVIDENCE) + _digest(file, start, end, text)
            yield link, _V.PROV_wasDerivedFrom, evidence
            if evidence in self.described:
                continue
            self.described.add(evidence)
            yield evidence, _V.RDF_type, _V.LIN_Evidence
            yield evidence, _V.RDF_type, _V.PROV_Entity
            if (sentence := _text(text)) is not None:
                yield evidence, _V.PROV_value, (sentence, None, None)
            if (path := _text(file)) is not None:
                yield evidence, _V.LIN_sourceFile, (path, None, None)
            for p, offset in ((_V.LIN_start, start), (_V.LIN_end, end)):
                if isinstance(offset, int) and not isinstance(offset, bool):
                    yield evidence, p, (str(offset), _V.XSD_integer, None)


def _triples(G: nx.MultiDiGraph, *, provenance: bool, eli_superproperties: bool) -> Iterator[_Triple]:
    state = _Triples(provenance=provenance, eli_superproperties=eli_superproperties)
    for key, data in G.nodes(data=True):
        yield from state.document(str(key), data)
    for u, v, k, data in G.edges(keys=True, data=True):
        yield from state.edge(str(u), str(v), k, data)


def to_rdf(
    G: nx.MultiDiGraph,
    *,
    provenance: bool = True,
    eli_superproperties: bool = False,
) -> rdflib.Graph:
    """The graph as RDF: one ``lin:Document`` (an ``eli:LegalResource``) per node, one triple per edge.

    Every edge ``u -[relation]-> v`` becomes ``<u> lin:<relation> <v>`` and, when ``provenance`` is true,
    also a ``lin:Link`` (a ``prov:Entity``) with source, target, relation, confidence and status, derived
    (``prov:wasDerivedFrom``) from one ``lin:Evidence`` per evidence span. ``eli_superproperties`` adds the
    ELI super-property triples too (``eli:ensures_implementation_of``, ``eli:related_to``, ``eli:cites``)
    for consumers that do no RDFS inference. All ``rdf:type`` triples are written explicitly
    (``lin:Document`` and ``eli:LegalResource``; ``lin:CitedOnlyDocument`` for status "cited").
    """
    g = bind_prefixes(rdflib.Graph(bind_namespaces="core"))
    add = g.add
    for t in _terms(
        G, URIRef, _rdflib_literal, provenance=provenance, eli_superproperties=eli_superproperties
    ):
        add(t)
    return g


def _rdflib_literal(lexical: str, datatype: URIRef | None, lang: str | None) -> Literal:
    return Literal(lexical, datatype=datatype, lang=lang)


def _ox_literal(lexical: str, datatype: ox.NamedNode | None, lang: str | None) -> ox.Literal:
    return ox.Literal(lexical, datatype=datatype, language=lang)


def _terms[I, L](
    G: nx.MultiDiGraph,
    make_iri: Callable[[str], I],
    make_literal: Callable[[str, I | None, str | None], L],
    *,
    provenance: bool,
    eli_superproperties: bool,
    only: frozenset[str] | None = None,
) -> Iterator[tuple[I, I, I | L]]:
    """The triples of ``G`` (those with a predicate in ``only``, if given) as terms of one RDF library."""
    cache: dict[str, I] = {}

    def iri(value: str) -> I:
        term = cache.get(value)
        if term is None:
            term = cache[value] = make_iri(value)
        return term

    for s, p, o in _triples(G, provenance=provenance, eli_superproperties=eli_superproperties):
        if only is not None and p not in only:
            continue
        if isinstance(o, str):
            yield iri(s), iri(p), iri(o)
        else:
            lexical, datatype, lang = o
            yield iri(s), iri(p), make_literal(lexical, None if datatype is None else iri(datatype), lang)


def to_oxigraph(G: nx.MultiDiGraph, *, provenance: bool = True) -> ox.Store:
    """The triples of :func:`to_rdf` in an in-memory ``pyoxigraph.Store``, built without rdflib (fast)."""
    store = ox.Store()
    terms = _terms(G, ox.NamedNode, _ox_literal, provenance=provenance, eli_superproperties=False)
    store.bulk_extend(ox.Quad(s, p, o) for s, p, o in terms)
    return store


# ---------------------------------------------------------------------------------------------------------
# Exports


def export(
    G: nx.MultiDiGraph,
    fmt: ExportFormat,
    out_path: str | os.PathLike[str],
    *,
    backend: Backend = "auto",
) -> list[Path]:
    """Write the graph to ``out_path`` as ``ttl``, ``jsonld``, ``nt``, ``graphml`` or ``csv``; return the files.

    - ``ttl`` / ``nt`` / ``jsonld``: the triples of :func:`to_rdf`. ``backend="rdflib"`` builds the rdflib
      graph and serialises it (sorted and grouped by subject, easy to read; JSON-LD compacted with the
      project prefixes); ``backend="oxigraph"`` streams the same triples through ``pyoxigraph.serialize``
      without an rdflib graph (10-30 times faster, unsorted). ``"auto"`` takes Oxigraph above
      :data:`OX_THRESHOLD` nodes + edges.
    - ``graphml``: networkx ``write_graphml``. GraphML takes only scalars, so None attributes are left out and
      lists and dicts (``sources``, ``evidence``) are written as JSON strings.
    - ``csv``: two UTF-8 files with a BOM (so that Excel shows Vietnamese correctly), see :func:`csv_paths`;
      a cell that a spreadsheet would take for a formula is written as text (:func:`safe_cell`).
      Lists and dicts are JSON strings, booleans ``true``/``false``, None an empty cell.

    Missing parent directories are created. ``ValueError`` for an unknown format or backend.
    """
    if fmt not in EXPORT_FORMATS:
        msg = f"unknown export format {fmt!r}; expected one of {', '.join(EXPORT_FORMATS)}"
        raise ValueError(msg)
    if backend not in typing.get_args(Backend):
        msg = f"unknown backend {backend!r}; expected one of {', '.join(typing.get_args(Backend))}"
        raise ValueError(msg)
    if fmt == "csv":
        return _export_csv(G, out_path)
    path = Path(out_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "graphml":
        nx.write_graphml(_scalar_copy(G), path, infer_numeric_types=True)
        return [path]

    large = G.number_of_nodes() + G.number_of_edges() > OX_THRESHOLD
    if backend == "oxigraph" or (backend == "auto" and large):
        terms = _terms(G, ox.NamedNode, _ox_literal, provenance=True, eli_superproperties=False)
        ox.serialize((ox.Triple(s, p, o) for s, p, o in terms), path, _OX_FORMATS[fmt], prefixes=PREFIXES)
    elif fmt == "jsonld":
        to_rdf(G).serialize(destination=path, format="json-ld", auto_compact=True, encoding="utf-8")
    else:
        to_rdf(G).serialize(destination=path, format=_RDFLIB_FORMATS[fmt], encoding="utf-8")
    return [path]


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _scalar(value: object) -> object:
    """A GraphML-writable value: str, bool, int or float kept; None dropped by the caller; the rest JSON."""
    if isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, os.PathLike):
        return os.fspath(value)
    if isinstance(value, (Mapping, list, tuple, set, frozenset)):
        return _json(sorted(value, key=str) if isinstance(value, (set, frozenset)) else value)
    return str(value)


def _scalar_attrs(data: Mapping[str, Any]) -> dict[str, object]:
    return {str(name): _scalar(value) for name, value in data.items() if value is not None}


def _scalar_copy(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    H = nx.MultiDiGraph()
    H.graph.update(
        _scalar_attrs({k: v for k, v in G.graph.items() if not str(k).startswith("_")})
    )  # no caches
    H.add_nodes_from((str(n), _scalar_attrs(d)) for n, d in G.nodes(data=True))
    H.add_edges_from((str(u), str(v), k, _scalar_attrs(d)) for u, v, k, d in G.edges(keys=True, data=True))
    return H


def csv_paths(out_path: str | os.PathLike[str]) -> tuple[Path, Path]:
    """The (nodes, edges) CSV files for ``out_path``.

    An existing directory, or a path written with a trailing slash, gets ``nodes.csv`` and ``edges.csv``
    inside it. Any other path is a stem: ``out/lineage`` and ``out/lineage.csv`` both give
    ``out/lineage.nodes.csv`` and ``out/lineage.edges.csv``.

    >>> [p.as_posix() for p in csv_paths("out/lineage.csv")]
    ['out/lineage.nodes.csv', 'out/lineage.edges.csv']
    """
    raw = os.fspath(out_path)
    path = Path(raw)
    if path.is_dir() or raw.endswith(("/", os.sep)):
        return path / "nodes.csv", path / "edges.csv"
    stem = path.with_suffix("") if path.suffix.lower() == ".csv" else path
    return stem.with_name(f"{stem.name}.nodes.csv"), stem.with_name(f"{stem.name}.edges.csv")


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(text: str) -> str:
    """A CSV cell a spreadsheet shows as text: one starting with ``= + - @``, tab or carriage return
    gets a leading apostrophe (OWASP, CSV injection), so a title such as ``=HYPERLINK(…)`` stays text.

    >>> safe_cell("=1+2"), safe_cell("57-NQ/TW@VN@2024"), safe_cell("-1")
    ("'=1+2", '57-NQ/TW@VN@2024', "'-1")
    """
    return "'" + text if text.startswith(_FORMULA_START) else text


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (str, int, float)):
        return safe_cell(str(value))
    scalar = _scalar(value)
    return safe_cell(scalar if isinstance(scalar, str) else str(scalar))


def _export_csv(G: nx.MultiDiGraph, out_path: str | os.PathLike[str]) -> list[Path]:
    nodes_path, edges_path = csv_paths(out_path)
    nodes_path.parent.mkdir(parents=True, exist_ok=True)

    node_extra = sorted({str(a) for _, d in G.nodes(data=True) for a in d} - set(NODE_COLUMNS))
    with nodes_path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow([*NODE_COLUMNS, *node_extra])
        for key, d in G.nodes(data=True):
            row = [
                _cell(str(key)),
                *(_cell(d.get(c)) for c in NODE_COLUMNS[1:]),
                *(_cell(d.get(c)) for c in node_extra),
            ]
            writer.writerow(row)

    attr_columns = EDGE_COLUMNS[3:]
    edge_extra = sorted({str(a) for *_, d in G.edges(data=True) for a in d} - set(attr_columns))
    with edges_path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow([*EDGE_COLUMNS, *edge_extra])
        for u, v, k, d in G.edges(keys=True, data=True):
            cells = (_cell(d.get(c)) for c in (*attr_columns, *edge_extra))
            writer.writerow([_cell(str(u)), _cell(str(v)), _cell(k), *cells])
    return [nodes_path, edges_path]


# ---------------------------------------------------------------------------------------------------------
# SHACL


def _gap_graph(G: nx.MultiDiGraph) -> rdflib.Graph:
    g = rdflib.Graph(bind_namespaces="none")
    terms = _terms(
        G, URIRef, _rdflib_literal, provenance=False, eli_superproperties=False, only=_GAP_PREDICATES
    )
    for t in terms:
        g.add(t)
    return g


def _gap_kinds(shapes: rdflib.Graph) -> dict[rdflib.term.Node, str]:
    """Shape → gap kind, for the shapes carrying ``lin:gapKind`` and for their property shapes."""
    kinds = {shape: str(kind) for shape, kind in shapes.subject_objects(LIN.gapKind)}
    for shape, kind in list(kinds.items()):
        for prop_shape in shapes.objects(shape, SH.property):
            kinds.setdefault(prop_shape, kind)
    return kinds


def shacl_gaps(G: nx.MultiDiGraph, *, data: rdflib.Graph | None = None) -> dict[str, set[str]]:
    """Run the gap shapes of ``ontology/shapes.ttl`` (pyshacl, no inference) over the RDF of ``G``.

    Returns, for every gap kind declared in the shapes (``lin:gapKind``: "no_basis", "no_report"), the set
    of node keys that violate it; a kind with no violation maps to an empty set. Only the triples the rules
    read (types, status, level, document type, ``lin:implements``, ``lin:reportsOn``) are validated, unless
    a full data graph (``to_rdf(G)``) is passed as ``data``.
    """
    graph = _gap_graph(G) if data is None else data
    shapes = load_shapes()
    kinds = _gap_kinds(shapes)
    gaps: dict[str, set[str]] = {kind: set() for kind in kinds.values()}
    # inplace: no inference and no SHACL rules, so nothing is written to the data graph; spares a copy.
    _, report, _ = pyshacl.validate(
        graph, shacl_graph=shapes, inference="none", advanced=True, allow_warnings=True, inplace=True
    )
    if not isinstance(report, rdflib.Graph):
        msg = f"pyshacl returned a {type(report).__name__} instead of a results graph"
        raise TypeError(msg)
    for result in report.subjects(RDF.type, SH.ValidationResult):
        shape = report.value(result, SH.sourceShape)
        focus = report.value(result, SH.focusNode)
        kind = None if shape is None else kinds.get(shape)
        if kind is not None and isinstance(focus, URIRef):
            gaps[kind].add(key_of(focus))
    return gaps
