"""SPARQL over the lineage graph: load its RDF into an in-memory Oxigraph store and run a query."""

import re
from pathlib import Path

import networkx as nx
import pyoxigraph as ox

from graph.rdf import to_oxigraph
from ontology.vocab import PREFIXES

__all__ = ["DEFAULT_PREFIXES", "check_read_only", "load_store", "run_sparql"]

# Prefixes a query may use without declaring them (lin, eli, prov, skos, doc, rdf, rdfs, xsd, owl);
# a PREFIX line in the query takes precedence.
DEFAULT_PREFIXES: dict[str, str] = dict(PREFIXES)


def load_store(source: nx.MultiDiGraph | Path | ox.Store) -> ox.Store:
    """An in-memory ``pyoxigraph.Store`` holding ``source``: a lineage graph, an RDF file, or a store as is.

    A graph is converted by :func:`graph.rdf.to_oxigraph` (the triples of ``to_rdf``, streamed into Oxigraph
    without building an rdflib graph). A file is bulk-loaded; its format comes
    from its suffix (``.ttl``, ``.nt``, ``.jsonld``, ``.nq``, ``.trig``, ``.rdf``/``.xml``, ``.n3``).
    ``ValueError`` for an unknown suffix or a file that does not parse; ``FileNotFoundError`` if missing.
    """
    if isinstance(source, ox.Store):
        return source
    if isinstance(source, nx.MultiDiGraph):
        return to_oxigraph(source)
    if isinstance(source, Path):
        fmt = ox.RdfFormat.from_extension(source.suffix.lstrip(".").lower())
        if fmt is None:
            msg = f"cannot tell the RDF format of {source} from its suffix {source.suffix!r}"
            raise ValueError(msg)
        if not source.is_file():
            msg = f"no RDF file at {source}"
            raise FileNotFoundError(msg)
        store = ox.Store()
        try:
            store.bulk_load(path=source, format=fmt)
        except SyntaxError as e:
            msg = f"{source} is not valid {fmt.name}: {e}"
            raise ValueError(msg) from e
        return store
    msg = f"expected a networkx.MultiDiGraph, a Path or a pyoxigraph.Store, got {type(source).__name__}"
    raise TypeError(msg)


def _value(term: object) -> str:
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, (ox.NamedNode, ox.Literal)):
        return term.value
    return str(term)


# What a query may not do: call another endpoint (SERVICE), or change or load data (the update
# operations, LOAD among them, which fetches a URL). Looked for outside strings, IRIs and comments.
_REFUSED = re.compile(
    r"(?<![\w:?$])(SERVICE|LOAD|INSERT|DELETE|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)(?![\w:-])", re.I
)
_NOT_CODE = re.compile(
    r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>|#[^\n]*'
)


def check_read_only(query: str) -> None:
    """Refuse a query that would reach the network or change data: ``ValueError`` saying which keyword.

    >>> check_read_only('SELECT ?s WHERE { ?s ?p "SERVICE LOAD" } # DROP')
    >>> check_read_only("SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")
    Traceback (most recent call last):
    ...
    ValueError: SPARQL SERVICE is refused: queries run on the lineage graph alone and never call another endpoint
    """
    m = _REFUSED.search(_NOT_CODE.sub(" ", query))
    if m is None:
        return
    word = m.group(1).upper()
    if word == "SERVICE":
        msg = "SPARQL SERVICE is refused: queries run on the lineage graph alone and never call another endpoint"
    else:
        msg = (
            f"SPARQL {word} is refused: the lineage graph is read-only and nothing is loaded from the network"
        )
    raise ValueError(msg)


def run_sparql(source: nx.MultiDiGraph | Path | ox.Store, query: str) -> list[dict[str, str]]:
    """Run a SPARQL query over ``source`` (see :func:`load_store`) and return its rows as plain strings.

    ``SELECT``: one dict per solution, variable name → value (IRIs and literal lexical forms as text, blank
    nodes as ``_:id``); unbound variables are left out of the row. ``ASK``: one row ``{"boolean": "true"}``
    or ``"false"``. ``CONSTRUCT``/``DESCRIBE``: one row per triple with ``subject``, ``predicate``,
    ``object``. The prefixes of :data:`DEFAULT_PREFIXES` need no declaration. Write document IRIs in full
    (``<https://lineage.example.vn/doc/57-NQ%2FTW%40VN%402024>``, see ``ontology.vocab.doc_iri``) or
    match on ``lin:key``. ``ValueError`` for a malformed query, and for ``SERVICE``, ``LOAD`` or an
    update (:func:`check_read_only`): nothing is ever fetched from the network.
    """
    check_read_only(query)
    store = load_store(source)
    try:
        result = store.query(query, prefixes=DEFAULT_PREFIXES)
    except SyntaxError as e:
        msg = f"malformed SPARQL query: {e}"
        raise ValueError(msg) from e
    if isinstance(result, ox.QueryBoolean):
        return [{"boolean": "true" if bool(result) else "false"}]
    if isinstance(result, ox.QuerySolutions):
        names = [v.value for v in result.variables]
        rows: list[dict[str, str]] = []
        for solution in result:
            row = {name: _value(term) for name in names if (term := solution[name]) is not None}
            rows.append(row)
        return rows
    return [
        {"subject": _value(t.subject), "predicate": _value(t.predicate), "object": _value(t.object)}
        for t in result
    ]
