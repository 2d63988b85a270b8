"""File exports of the lineage graph: Turtle, N-Triples and JSON-LD (rdflib or Oxigraph), GraphML and CSV."""

import os
import typing
from pathlib import Path

import networkx as nx
import pyoxigraph as ox

from graph.rdf.mapping import ox_literal, terms, to_rdf
from graph.rdf.tabular import write_csv, write_graphml
from ontology.vocab import PREFIXES

__all__ = ["EXPORT_FORMATS", "OX_THRESHOLD", "Backend", "ExportFormat", "export"]

ExportFormat = typing.Literal["ttl", "jsonld", "nt", "graphml", "csv"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = typing.get_args(ExportFormat)
Backend = typing.Literal["auto", "rdflib", "oxigraph"]

# With backend="auto", graphs with more nodes + edges than this (about 10 triples each) are written by
# Oxigraph straight from the graph, without building an rdflib Graph: rdflib needs about 30 s and 1 GB per
# million triples for a Turtle export, Oxigraph about 1 s (tech-notes §4).
OX_THRESHOLD = 5_000


_RDFLIB_FORMATS = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld"}
_OX_FORMATS = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD}


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
        return write_csv(G, out_path)
    path = Path(out_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "graphml":
        return write_graphml(G, path)

    large = G.number_of_nodes() + G.number_of_edges() > OX_THRESHOLD
    if backend == "oxigraph" or (backend == "auto" and large):
        triples = terms(G, ox.NamedNode, ox_literal, provenance=True, eli_superproperties=False)
        ox.serialize((ox.Triple(s, p, o) for s, p, o in triples), path, _OX_FORMATS[fmt], prefixes=PREFIXES)
    elif fmt == "jsonld":
        to_rdf(G).serialize(destination=path, format="json-ld", auto_compact=True, encoding="utf-8")
    else:
        to_rdf(G).serialize(destination=path, format=_RDFLIB_FORMATS[fmt], encoding="utf-8")
    return [path]
