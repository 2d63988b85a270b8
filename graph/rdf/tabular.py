"""The lineage graph as attribute files, without RDF: GraphML (networkx) and two CSV files (nodes, edges)."""

import csv
import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import networkx as nx

from graph.build import NODE_FIELDS

__all__ = ["EDGE_COLUMNS", "NODE_COLUMNS", "csv_paths", "safe_cell", "write_csv", "write_graphml"]

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


def write_graphml(G: nx.MultiDiGraph, path: Path) -> list[Path]:
    """networkx ``write_graphml`` of a copy of ``G`` with scalar attributes only (see :func:`graph.rdf.export`)."""
    nx.write_graphml(_scalar_copy(G), path, infer_numeric_types=True)
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


def write_csv(G: nx.MultiDiGraph, out_path: str | os.PathLike[str]) -> list[Path]:
    """The nodes and edges CSV files of ``G`` (see :func:`graph.rdf.export` and :func:`csv_paths`)."""
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
