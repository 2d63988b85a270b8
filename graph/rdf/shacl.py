"""The gap rules of ``ontology/shapes.ttl`` (SHACL, pyshacl) run over the RDF of the lineage graph."""

import networkx as nx
import pyshacl
import rdflib
from rdflib import URIRef
from rdflib.namespace import SH

from graph.rdf.mapping import rdflib_literal, terms
from ontology.vocab import ELI, LIN, RDF, key_of, load_shapes

__all__ = ["shacl_gaps"]

# The predicates the rules of shapes.ttl read; shacl_gaps validates only these triples (a test checks that
# validating the full export gives the same answer).
_GAP_PREDICATES = frozenset(
    str(p) for p in (RDF.type, LIN.status, LIN.level, ELI.type_document, LIN.implements, LIN.reportsOn)
)


def _gap_graph(G: nx.MultiDiGraph) -> rdflib.Graph:
    g = rdflib.Graph(bind_namespaces="none")
    triples = terms(
        G, URIRef, rdflib_literal, provenance=False, eli_superproperties=False, only=_GAP_PREDICATES
    )
    for t in triples:
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
