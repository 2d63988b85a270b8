"""The lineage graph as RDF: the mapping of its nodes and edges to the ontology (``ontology/lineage.ttl``).

Every node becomes a ``lin:Document`` (an ELI ``eli:LegalResource``) with its identity, jurisdiction,
issuing agent and date; every edge a triple of the relation's property and, with provenance, a
``lin:Link`` (a PROV entity) derived from one ``lin:Evidence`` per evidence span. One generator of
triples (:func:`terms`) feeds both rdflib (:func:`to_rdf`) and Oxigraph (:func:`to_oxigraph`, and the
large file exports of :mod:`graph.rdf.serialise`).
"""

import hashlib
import logging
import math
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date
from typing import Any, ClassVar

import networkx as nx
import pyoxigraph as ox
import rdflib
from rdflib import Literal, URIRef

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
)

__all__ = ["date_literal", "ox_literal", "rdflib_literal", "terms", "to_oxigraph", "to_rdf"]

log = logging.getLogger(__name__)

_DATE_RE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


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
    for t in terms(G, URIRef, rdflib_literal, provenance=provenance, eli_superproperties=eli_superproperties):
        add(t)
    return g


def rdflib_literal(lexical: str, datatype: URIRef | None, lang: str | None) -> Literal:
    """An rdflib literal (the ``make_literal`` of :func:`terms` for rdflib)."""
    return Literal(lexical, datatype=datatype, lang=lang)


def ox_literal(lexical: str, datatype: ox.NamedNode | None, lang: str | None) -> ox.Literal:
    """An Oxigraph literal (the ``make_literal`` of :func:`terms` for pyoxigraph)."""
    return ox.Literal(lexical, datatype=datatype, language=lang)


def terms[I, L](
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
    triples = terms(G, ox.NamedNode, ox_literal, provenance=provenance, eli_superproperties=False)
    store.bulk_extend(ox.Quad(s, p, o) for s, p, o in triples)
    return store
