"""RDF side of the lineage graph: ELI-aligned triples with PROV evidence, file exports and SHACL gap checks.

- :mod:`graph.rdf.mapping`: nodes and edges mapped to the ontology (:func:`to_rdf`, :func:`to_oxigraph`,
  :func:`date_literal`);
- :mod:`graph.rdf.serialise`: :func:`export` to Turtle, N-Triples, JSON-LD, GraphML or CSV;
- :mod:`graph.rdf.tabular`: the GraphML and CSV files (:func:`csv_paths`, :func:`safe_cell`);
- :mod:`graph.rdf.shacl`: :func:`shacl_gaps`, the gap shapes of ``ontology/shapes.ttl``.

Importers use the names below, from ``graph.rdf``.
"""

from graph.rdf.mapping import date_literal, to_oxigraph, to_rdf
from graph.rdf.serialise import EXPORT_FORMATS, OX_THRESHOLD, ExportFormat, export
from graph.rdf.shacl import shacl_gaps
from graph.rdf.tabular import EDGE_COLUMNS, NODE_COLUMNS, csv_paths, safe_cell
from ontology.vocab import doc_iri, key_of

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
