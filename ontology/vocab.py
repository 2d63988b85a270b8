"""RDF vocabulary of the lineage ontology: namespaces, IRIs of relations, types and levels, IRI minting."""

from importlib.resources import files
from urllib.parse import quote, unquote

import rdflib
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS, XSD, Namespace

from ontology.codes import fold_type_name
from ontology.terms import Level, Relation

__all__ = [
    "AGENT",
    "BASE",
    "DOC",
    "DOCTYPE",
    "DOC_TYPE_CONCEPTS",
    "DOC_TYPE_EN",
    "ELI",
    "ELI_RELATION_PROPERTIES",
    "EVIDENCE",
    "LEVEL_CONCEPTS",
    "LIN",
    "LINK",
    "ONTOLOGY_IRI",
    "OWL",
    "PLAN_TYPE_CONCEPTS",
    "PREFIXES",
    "PROV",
    "PROVINCE",
    "RDF",
    "RDFS",
    "RELATION_PROPERTIES",
    "SHAPES_IRI",
    "SKOS",
    "XSD",
    "bind_prefixes",
    "doc_iri",
    "doc_type_concept",
    "encode_key",
    "key_of",
    "load_ontology",
    "load_shapes",
]

BASE = "https://lineage.example.vn/"
ONTOLOGY_IRI = rdflib.URIRef(BASE + "ontology")
SHAPES_IRI = rdflib.URIRef(BASE + "shapes")

LIN = Namespace(BASE + "ontology#")
ELI = Namespace("http://data.europa.eu/eli/ontology#")

# Instance namespaces: every local name below them is a percent-encoded key (see doc_iri).
DOC = Namespace(BASE + "doc/")
AGENT = Namespace(BASE + "agent/")
PROVINCE = Namespace(BASE + "province/")
DOCTYPE = Namespace(BASE + "doctype/")  # types missing from lin:DocumentTypes
LINK = Namespace(BASE + "link/")
EVIDENCE = Namespace(BASE + "evidence/")

# Relation of an edge → the project property asserted between the two documents.
RELATION_PROPERTIES: dict[Relation, rdflib.URIRef] = {
    Relation.IMPLEMENTS: LIN.implements,
    Relation.REPORTS_ON: LIN.reportsOn,
    Relation.URGES: LIN.urges,
    Relation.CITES: LIN.cites,
}

# The ELI super-property of each project property (never the deprecated eli:implements).
ELI_RELATION_PROPERTIES: dict[Relation, rdflib.URIRef] = {
    Relation.IMPLEMENTS: ELI.ensures_implementation_of,
    Relation.REPORTS_ON: ELI.related_to,
    Relation.URGES: ELI.related_to,
    Relation.CITES: ELI.cites,
}

LEVEL_CONCEPTS: dict[Level, rdflib.URIRef] = {level: LIN[f"level-{level.value}"] for level in Level}

# Vietnamese type name → (local name in lin:, English label). Mirrors lin:DocumentTypes in lineage.ttl.
_DOC_TYPES: dict[str, tuple[str, str]] = {
    "Nghị quyết": ("type-resolution", "Resolution"),
    "Quyết định": ("type-decision", "Decision"),
    "Chỉ thị": ("type-directive", "Directive"),
    "Kết luận": ("type-conclusion", "Conclusion"),
    "Quy định": ("type-regulation", "Regulation"),
    "Quy chế": ("type-rules", "Rules"),
    "Thông tri": ("type-party-circular", "Party circular"),
    "Hướng dẫn": ("type-guidance", "Guidance"),
    "Chương trình": ("type-programme", "Programme"),
    "Kế hoạch": ("type-plan", "Plan"),
    "Thông báo": ("type-notice", "Notice"),
    "Thông cáo": ("type-communique", "Communiqué"),
    "Công văn": ("type-official-letter", "Official letter"),
    "Công điện": ("type-official-dispatch", "Official dispatch"),
    "Tờ trình": ("type-submission", "Submission"),
    "Báo cáo": ("type-report", "Report"),
    "Biên bản": ("type-minutes", "Minutes"),
    "Đề án": ("type-scheme", "Scheme"),
    "Dự án": ("type-project", "Project"),
    "Phương án": ("type-action-plan", "Action plan"),
    "Nghị định": ("type-decree", "Decree"),
    "Thông tư": ("type-circular", "Circular"),
    "Luật": ("type-law", "Law"),
    "Pháp lệnh": ("type-ordinance", "Ordinance"),
    "Hiến pháp": ("type-constitution", "Constitution"),
    "Lệnh": ("type-order", "Order"),
}

DOC_TYPE_CONCEPTS: dict[str, rdflib.URIRef] = {name: LIN[local] for name, (local, _) in _DOC_TYPES.items()}
DOC_TYPE_EN: dict[str, str] = {name: en for name, (_, en) in _DOC_TYPES.items()}

# Plans and programmes: the document types the gap rules (shapes.ttl) look at.
PLAN_TYPE_CONCEPTS: frozenset[rdflib.URIRef] = frozenset(
    DOC_TYPE_CONCEPTS[name] for name in ("Kế hoạch", "Chương trình", "Đề án", "Phương án")
)

# The project's prefixes, for serialisers and SPARQL.
PREFIXES: dict[str, str] = {
    "lin": str(LIN),
    "eli": str(ELI),
    "prov": str(PROV),
    "skos": str(SKOS),
    "doc": str(DOC),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "owl": str(OWL),
}


def encode_key(text: str) -> str:
    """Percent-encode text for use as one IRI path segment: every byte but ASCII letters, digits and ``-_~``.

    The dot is encoded too, so that no segment is a ``.``/``..`` dot-segment and no Turtle prefixed name
    ends with a dot (rdflib cannot parse ``doc:a\\.``). :func:`urllib.parse.unquote` is the inverse.

    >>> encode_key("Số 12.2025/KH")
    'S%E1%BB%91%2012%2E2025%2FKH'
    """
    return quote(text, safe="").replace(".", "%2E")


def doc_iri(key: str) -> rdflib.URIRef:
    """IRI of the document with this key: the key percent-encoded by :func:`encode_key`.

    >>> doc_iri("57-NQ/TW@VN@2024")
    rdflib.term.URIRef('https://lineage.example.vn/doc/57-NQ%2FTW%40VN%402024')
    """
    return rdflib.URIRef(str(DOC) + encode_key(key))


def key_of(iri: str) -> str:
    """Document key of an IRI minted by :func:`doc_iri`; ``ValueError`` for any other IRI.

    >>> key_of(doc_iri("02-KH/BCĐ@Đắk Lắk@2025"))
    '02-KH/BCĐ@Đắk Lắk@2025'
    """
    prefix = str(DOC)
    if not str(iri).startswith(prefix):
        msg = f"not a document IRI (expected one starting with {prefix}): {iri!r}"
        raise ValueError(msg)
    return unquote(str(iri)[len(prefix) :], errors="strict")


def doc_type_concept(name: str) -> rdflib.URIRef:
    """SKOS concept of a Vietnamese type name; compound names are folded, unknown names get a doctype/ IRI."""
    folded = fold_type_name(name.strip())
    concept = DOC_TYPE_CONCEPTS.get(folded)
    if concept is not None:
        return concept
    return rdflib.URIRef(str(DOCTYPE) + encode_key(folded))


def bind_prefixes(graph: rdflib.Graph) -> rdflib.Graph:
    """Bind the project's :data:`PREFIXES` on a graph and return it."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


def _load(name: str) -> rdflib.Graph:
    text = (files("ontology") / name).read_text(encoding="utf-8")
    return rdflib.Graph().parse(data=text, format="turtle")


def load_ontology() -> rdflib.Graph:
    """The ontology ``lineage.ttl`` shipped with the ``ontology`` package, parsed."""
    return _load("lineage.ttl")


def load_shapes() -> rdflib.Graph:
    """The SHACL gap shapes ``shapes.ttl`` shipped with the ``ontology`` package, parsed."""
    return _load("shapes.ttl")
