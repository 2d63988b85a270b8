"""Tests for the RDF side: ontology/lineage.ttl, ontology/shapes.ttl, ontology.vocab, graph.rdf, graph.sparql."""

import csv
import json
from pathlib import Path
from typing import Any

import networkx as nx
import pyoxigraph as ox
import pytest
import rdflib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Literal, URIRef
from rdflib.compare import isomorphic

import ontology.vocab as vocab
from graph.rdf import (
    EDGE_COLUMNS,
    NODE_COLUMNS,
    csv_paths,
    date_literal,
    export,
    shacl_gaps,
    to_oxigraph,
    to_rdf,
)
from graph.sparql import load_store, run_sparql
from ontology.terms import Level, Relation
from ontology.vocab import (
    DOC,
    DOC_TYPE_CONCEPTS,
    DOC_TYPE_EN,
    ELI,
    ELI_RELATION_PROPERTIES,
    LEVEL_CONCEPTS,
    LIN,
    PLAN_TYPE_CONCEPTS,
    PROV,
    RDF,
    RDFS,
    RELATION_PROPERTIES,
    SKOS,
    doc_iri,
    doc_type_concept,
    key_of,
    load_ontology,
    load_shapes,
)

NQ57 = "57-NQ/TW@VN@2024"
PROVINCE_PLAN = "02-KH/TU@Hải Phòng@2025"
COMMUNE_PLAN = "15/KH-UBND@Xã An Hưng, Hải Phòng@2025"
REPORT = "120-BC/TU@Hải Phòng@2025"
LETTER = "345-CV/TU@Hải Phòng@2025"
DISTRICT_PROGRAMME = "file:3fa9c0de5b"
CENTRAL_PLAN = "01-KH/BCĐTW@VN@2025"
CITED_PLAN = "05-KH/UBND@Hải Phòng@2025"
CITED_REPORT = "99-BC/UBND@Hải Phòng@2025"

REPORT_SENTENCE = "Báo cáo kết quả thực hiện Kế hoạch số 02-KH/TU của Thành ủy thực hiện Nghị quyết 57-NQ/TW"


def _doc(**attrs: Any) -> dict[str, Any]:
    base: dict[str, Any] = dict.fromkeys(
        (
            "number",
            "doc_type",
            "issuer",
            "level",
            "locality",
            "province",
            "province_at_issue",
            "date",
            "title",
        )
    )
    base.update(catalog=False, ambiguous=False, sources=[])
    base.update(attrs)
    return base


def _ev(file: str, start: int, text: str) -> dict[str, Any]:
    return {"file": file, "start": start, "end": start + len(text), "text": text}


def _edge(G: nx.MultiDiGraph, u: str, v: str, rel: str, evidence: list[dict[str, Any]], **kw: Any) -> None:
    attrs = {"relation": rel, "confidence": 0.9, "status": "exact", "evidence": evidence}
    attrs.update(kw)
    G.add_edge(u, v, key=rel, **attrs)


@pytest.fixture
def G() -> nx.MultiDiGraph:
    """57-NQ/TW (cited only) → provincial plan → report; a commune plan with no basis; an urging letter."""
    G = nx.MultiDiGraph()
    G.add_node(NQ57, **_doc(number="57-NQ/TW", doc_type="Nghị quyết", issuer="Bộ Chính trị", level="central",
                            date="2024-12-22", title="Về đột phá phát triển khoa học, công nghệ", status="cited",
                            catalog=True))  # fmt: skip
    G.add_node(PROVINCE_PLAN, **_doc(number="02-KH/TU", doc_type="Kế hoạch", issuer="Thành ủy Hải Phòng",
                                     level="province", province="Hải Phòng", province_at_issue="Hải Phòng",
                                     date="2025-03", status="ingested", sources=["in/02-KH-TU.pdf"]))  # fmt: skip
    G.add_node(COMMUNE_PLAN, **_doc(number="15/KH-UBND", doc_type="Kế hoạch hành động", issuer="UBND xã An Hưng",
                                    level="commune", locality="Xã An Hưng", province="Hải Phòng",
                                    province_at_issue="Hải Dương", date="2025", status="ingested",
                                    sources=["in/15-KH-UBND.docx"]))  # fmt: skip
    G.add_node(REPORT, **_doc(number="120-BC/TU", doc_type="Báo cáo", level="province", province="Hải Phòng",
                              date="2025-11-30", status="ingested", sources=["in/120-BC-TU.pdf"]))  # fmt: skip
    G.add_node(LETTER, **_doc(number="345-CV/TU", doc_type="Công văn", level="province", province="Hải Phòng",
                              date="12/2025", status="ingested", sources=["in/345-CV-TU.txt"]))  # fmt: skip
    G.add_node(DISTRICT_PROGRAMME, **_doc(doc_type="Chương trình", level="district", province="Hải Phòng",
                                          date="2024-11", status="ingested", sources=["in/ctr.pdf"]))  # fmt: skip
    G.add_node(CENTRAL_PLAN, **_doc(number="01-KH/BCĐTW", doc_type="Kế hoạch", level="central",
                                    status="ingested", sources=["in/01-KH.pdf"]))  # fmt: skip
    G.add_node(CITED_PLAN, **_doc(number="05-KH/UBND", doc_type="Kế hoạch", level="province", status="cited"))
    G.add_node(
        CITED_REPORT, **_doc(number="99-BC/UBND", doc_type="Báo cáo", level="province", status="cited")
    )

    _edge(
        G,
        PROVINCE_PLAN,
        NQ57,
        "implements",
        [_ev("in/02-KH-TU.pdf", 120, "Thực hiện Nghị quyết số 57-NQ/TW")],
    )
    _edge(G, COMMUNE_PLAN, NQ57, "cites", [_ev("in/15-KH-UBND.docx", 40, "theo tinh thần Nghị quyết 57")])
    _edge(G, COMMUNE_PLAN, CITED_PLAN, "cites", [], status="unresolved", confidence=0.4)
    shared = _ev("in/120-BC-TU.pdf", 10, REPORT_SENTENCE)  # one sentence, two links
    _edge(G, REPORT, PROVINCE_PLAN, "reports_on", [shared])
    _edge(G, REPORT, NQ57, "cites", [shared])
    _edge(
        G,
        LETTER,
        NQ57,
        "urges",
        [_ev("in/345-CV-TU.txt", 5, "đôn đốc triển khai Nghị quyết 57")],
        status="probable",
    )
    _edge(G, DISTRICT_PROGRAMME, NQ57, "implements", [_ev("in/ctr.pdf", 0, "Triển khai Nghị quyết 57-NQ/TW")])
    # A report known only by citation does not count as a report on the programme (no_report stays).
    _edge(G, CITED_REPORT, DISTRICT_PROGRAMME, "reports_on", [])
    return G


# ---------------------------------------------------------------------------------------------------------
# ontology/lineage.ttl and ontology.vocab


def test_ontology_parses_from_the_package_and_declares_the_eli_alignment() -> None:
    onto = load_ontology()
    expected = [
        (LIN.Document, RDFS.subClassOf, ELI.LegalResource),
        (LIN.CitedOnlyDocument, RDFS.subClassOf, LIN.Document),
        (LIN.Link, RDFS.subClassOf, PROV.Entity),
        (LIN.Evidence, RDFS.subClassOf, PROV.Entity),
        (LIN.implements, RDFS.subPropertyOf, ELI.ensures_implementation_of),
        (LIN.reportsOn, RDFS.subPropertyOf, ELI.related_to),
        (LIN.urges, RDFS.subPropertyOf, ELI.related_to),
        (LIN.cites, RDFS.subPropertyOf, ELI.cites),
        (LIN.DocumentTypes, RDF.type, SKOS.ConceptScheme),
        (LIN.Levels, RDF.type, SKOS.ConceptScheme),
    ]
    for triple in expected:
        assert triple in onto, triple


def test_ontology_never_uses_the_deprecated_eli_implements(G: nx.MultiDiGraph) -> None:
    for g in (load_ontology(), load_shapes(), to_rdf(G, eli_superproperties=True)):
        assert not any(ELI.implements in triple for triple in g)


def test_vocab_relation_properties_match_the_ontology() -> None:
    onto = load_ontology()
    for relation, prop in RELATION_PROPERTIES.items():
        assert (prop, RDFS.subPropertyOf, ELI_RELATION_PROPERTIES[relation]) in onto
    assert set(RELATION_PROPERTIES) == set(Relation)


def test_document_types_scheme_matches_vocab() -> None:
    onto = load_ontology()
    in_scheme = set(onto.subjects(SKOS.inScheme, LIN.DocumentTypes))
    assert in_scheme == set(DOC_TYPE_CONCEPTS.values())
    for name, concept in DOC_TYPE_CONCEPTS.items():
        assert (concept, SKOS.prefLabel, Literal(name, lang="vi")) in onto
        assert (concept, SKOS.altLabel, Literal(DOC_TYPE_EN[name], lang="en")) in onto
        assert (concept, RDF.type, ELI.ResourceType) in onto
    assert {
        DOC_TYPE_CONCEPTS[n] for n in ("Kế hoạch", "Chương trình", "Đề án", "Phương án")
    } == PLAN_TYPE_CONCEPTS


def test_levels_scheme_matches_vocab() -> None:
    onto = load_ontology()
    assert set(onto.subjects(SKOS.inScheme, LIN.Levels)) == set(LEVEL_CONCEPTS.values())
    for level, concept in LEVEL_CONCEPTS.items():
        assert (concept, SKOS.notation, Literal(level.value)) in onto


def test_every_lin_term_the_export_uses_is_declared(G: nx.MultiDiGraph) -> None:
    onto = load_ontology()
    declared = {s for s in onto.subjects() if isinstance(s, URIRef)}
    used = {p for _, p, _ in to_rdf(G)} | set(to_rdf(G).objects(None, RDF.type))
    used |= set(to_rdf(G).objects(None, ELI.jurisdiction)) - set(to_rdf(G).subjects(RDF.type, LIN.Province))
    missing = {t for t in used if str(t).startswith(str(LIN)) and t not in declared}
    assert missing == set()


def test_doc_type_concept_folds_compound_names_and_mints_unknown_types() -> None:
    assert doc_type_concept("Kế hoạch hành động") == LIN["type-plan"]
    assert doc_type_concept("Chương trình hành động") == LIN["type-programme"]
    assert doc_type_concept("Giấy mời") == URIRef(
        "https://lineage.example.vn/doctype/Gi%E1%BA%A5y%20m%E1%BB%9Di"
    )


# ---------------------------------------------------------------------------------------------------------
# graph.rdf.to_rdf (graph/rdf/mapping.py)


def test_every_node_is_an_eli_legal_resource(G: nx.MultiDiGraph) -> None:
    g = to_rdf(G)
    for key in G:
        s = doc_iri(key)
        assert (s, RDF.type, ELI.LegalResource) in g
        assert (s, RDF.type, LIN.Document) in g
        assert (s, LIN.key, Literal(key)) in g
    assert set(g.subjects(RDF.type, ELI.LegalResource)) == {doc_iri(k) for k in G}


def test_cited_documents_are_cited_only_documents(G: nx.MultiDiGraph) -> None:
    g = to_rdf(G)
    cited = {doc_iri(k) for k, status in G.nodes(data="status") if status == "cited"}
    assert set(g.subjects(RDF.type, LIN.CitedOnlyDocument)) == cited == {doc_iri(NQ57), doc_iri(CITED_PLAN),
                                                                         doc_iri(CITED_REPORT)}  # fmt: skip


@pytest.mark.parametrize(
    ("u", "v", "prop"),
    [
        (PROVINCE_PLAN, NQ57, LIN.implements),
        (REPORT, PROVINCE_PLAN, LIN.reportsOn),
        (LETTER, NQ57, LIN.urges),
        (COMMUNE_PLAN, NQ57, LIN.cites),
    ],
)
def test_relations_map_to_their_properties(G: nx.MultiDiGraph, u: str, v: str, prop: URIRef) -> None:
    g = to_rdf(G)
    assert (doc_iri(u), prop, doc_iri(v)) in g
    others = set(RELATION_PROPERTIES.values()) - {prop}
    assert not any((doc_iri(u), p, doc_iri(v)) in g for p in others)


def test_one_relation_triple_and_one_link_per_edge(G: nx.MultiDiGraph) -> None:
    g = to_rdf(G)
    relation_triples = [t for p in RELATION_PROPERTIES.values() for t in g.triples((None, p, None))]
    assert len(relation_triples) == G.number_of_edges()
    assert len(set(g.subjects(RDF.type, LIN.Link))) == G.number_of_edges()


def test_eli_superproperties_are_materialised_on_request(G: nx.MultiDiGraph) -> None:
    assert (doc_iri(PROVINCE_PLAN), ELI.ensures_implementation_of, doc_iri(NQ57)) not in to_rdf(G)
    g = to_rdf(G, eli_superproperties=True)
    assert (doc_iri(PROVINCE_PLAN), ELI.ensures_implementation_of, doc_iri(NQ57)) in g
    assert (doc_iri(REPORT), ELI.related_to, doc_iri(PROVINCE_PLAN)) in g
    assert (doc_iri(LETTER), ELI.related_to, doc_iri(NQ57)) in g
    assert (doc_iri(COMMUNE_PLAN), ELI.cites, doc_iri(NQ57)) in g


def test_link_carries_relation_confidence_and_status(G: nx.MultiDiGraph) -> None:
    g = to_rdf(G)
    [link] = [lk for lk in g.subjects(LIN.linkSource, doc_iri(LETTER)) if (lk, RDF.type, LIN.Link) in g]
    assert (link, RDF.type, PROV.Entity) in g
    assert g.value(link, LIN.linkTarget) == doc_iri(NQ57)
    assert g.value(link, LIN.relation) == LIN.urges
    assert g.value(link, LIN.confidence) == Literal(0.9, datatype=vocab.XSD.double)
    assert g.value(link, LIN.linkStatus) == Literal("probable")


def test_evidence_is_reachable_through_prov(G: nx.MultiDiGraph) -> None:
    g = to_rdf(G)
    rows = g.query(
        """SELECT ?text ?file ?start ?end WHERE {
             ?link lin:linkSource ?src ; lin:linkTarget ?tgt ; lin:relation lin:implements ;
                   prov:wasDerivedFrom ?ev .
             ?ev a lin:Evidence ; prov:value ?text ; lin:sourceFile ?file ; lin:start ?start ; lin:end ?end .
           }""",
        initNs={"lin": LIN, "prov": PROV},
        initBindings={"src": doc_iri(PROVINCE_PLAN), "tgt": doc_iri(NQ57)},
    )
    assert [tuple(str(x) for x in row) for row in rows] == [  # type: ignore[union-attr]
        ("Thực hiện Nghị quyết số 57-NQ/TW", "in/02-KH-TU.pdf", "120", str(120 + 32))
    ]


def test_one_sentence_supporting_two_links_is_one_evidence_node(G: nx.MultiDiGraph) -> None:
    g = to_rdf(G)
    [evidence] = list(g.subjects(PROV.value, Literal(REPORT_SENTENCE)))
    links = set(g.subjects(PROV.wasDerivedFrom, evidence))
    assert {g.value(lk, LIN.relation) for lk in links} == {LIN.reportsOn, LIN.cites}


def test_provenance_can_be_left_out(G: nx.MultiDiGraph) -> None:
    g = to_rdf(G, provenance=False)
    assert not set(g.subjects(RDF.type, LIN.Link)) and not set(g.subjects(RDF.type, LIN.Evidence))
    assert (doc_iri(PROVINCE_PLAN), LIN.implements, doc_iri(NQ57)) in g


@pytest.mark.parametrize(
    ("key", "datatype"),
    [(NQ57, vocab.XSD.date), (PROVINCE_PLAN, vocab.XSD.gYearMonth), (COMMUNE_PLAN, vocab.XSD.gYear)],
)
def test_partial_dates_get_their_xsd_type(G: nx.MultiDiGraph, key: str, datatype: URIRef) -> None:
    value = to_rdf(G).value(doc_iri(key), ELI.date_document)
    assert isinstance(value, Literal)
    assert value.datatype == datatype
    assert str(value) == G.nodes[key]["date"]


def test_non_iso_date_is_kept_as_text(G: nx.MultiDiGraph) -> None:
    g = to_rdf(G)
    assert g.value(doc_iri(LETTER), ELI.date_document) is None
    assert g.value(doc_iri(LETTER), LIN.dateText) == Literal("12/2025")


@pytest.mark.parametrize(
    ("text", "datatype"),
    [
        ("2025-02-28", vocab.XSD.date),
        ("2024-02-29", vocab.XSD.date),
        ("2025-07-01T08:00:00", vocab.XSD.date),
        ("2025-07", vocab.XSD.gYearMonth),
        ("1975", vocab.XSD.gYear),
        ("2025-02-29", None),  # not a day
        ("2025-13", None),  # not a month
        ("25/12/2025", None),
        ("năm 2025", None),
    ],
)
def test_date_literal(text: str, datatype: URIRef | None) -> None:
    value = date_literal(text)
    assert (value.datatype if value is not None else None) == datatype


def test_document_metadata(G: nx.MultiDiGraph) -> None:
    g = to_rdf(G)
    s = doc_iri(COMMUNE_PLAN)
    assert g.value(s, ELI.id_local) == Literal("15/KH-UBND")
    assert g.value(s, ELI.type_document) == LIN["type-plan"]  # "Kế hoạch hành động" folded
    assert g.value(s, LIN.level) == LEVEL_CONCEPTS[Level.COMMUNE]
    assert g.value(s, LIN.province) == Literal("Hải Phòng")
    assert g.value(s, LIN.provinceAtIssue) == Literal("Hải Dương")
    assert g.value(s, LIN.locality) == Literal("Xã An Hưng")
    assert g.value(s, LIN.sourceFile) == Literal("in/15-KH-UBND.docx")
    agent = g.value(s, ELI.passed_by)
    assert (agent, RDF.type, ELI.Agent) in g
    assert g.value(agent, RDFS.label) == Literal("UBND xã An Hưng", lang="vi")
    area = g.value(s, ELI.jurisdiction)
    assert (area, RDF.type, ELI.AdministrativeArea) in g
    assert g.value(area, RDFS.label) == Literal("Hải Phòng", lang="vi")
    central = doc_iri(NQ57)
    assert g.value(central, ELI.jurisdiction) == LIN.VietNam
    assert g.value(central, ELI.title) == Literal("Về đột phá phát triển khoa học, công nghệ", lang="vi")
    assert g.value(central, LIN.fromCatalog) == Literal(True)


def test_same_issuer_text_in_two_provinces_is_two_agents() -> None:
    G = nx.MultiDiGraph()
    G.add_node("1/KH-UBND@A@2025", issuer="UBND xã Tân Lập", level="commune", province="Đắk Lắk")
    G.add_node("1/KH-UBND@B@2025", issuer="UBND xã Tân Lập", level="commune", province="Phú Thọ")
    g = to_rdf(G)
    assert len(set(g.objects(None, ELI.passed_by))) == 2


def test_nodes_without_attributes_and_unknown_relations() -> None:
    G = nx.MultiDiGraph()
    G.add_edge("a", "b", key="supersedes", relation="supersedes", evidence=None)
    g = to_rdf(G)
    assert (doc_iri("a"), ELI.related_to, doc_iri("b")) in g
    assert (doc_iri("b"), RDF.type, ELI.LegalResource) in g


# ---------------------------------------------------------------------------------------------------------
# graph.rdf.export


@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
@pytest.mark.parametrize("backend", ["rdflib", "oxigraph", "auto"])
@pytest.mark.parametrize(("fmt", "parser"), [("ttl", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")])
def test_rdf_export_round_trips(
    G: nx.MultiDiGraph, tmp_path: Path, fmt: Any, parser: str, backend: Any
) -> None:
    out = tmp_path / "sub" / f"lineage.{fmt}"
    assert export(G, fmt, out, backend=backend) == [out]
    expected = to_rdf(G)
    parsed = rdflib.Graph().parse(out, format=parser)
    assert len(parsed) == len(expected)
    assert isomorphic(parsed, expected)


def test_oxigraph_and_rdflib_hold_the_same_triples(G: nx.MultiDiGraph) -> None:
    dump = to_oxigraph(G).dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
    assert dump is not None
    via_ox = rdflib.Graph().parse(data=dump.decode("utf-8"), format="nt")
    expected = to_rdf(G)
    assert len(via_ox) == len(expected) == len(dump.splitlines())
    assert isomorphic(via_ox, expected)


def test_streamed_export_writes_no_triple_twice(G: nx.MultiDiGraph, tmp_path: Path) -> None:
    _edge(G, LETTER, PROVINCE_PLAN, "urges", [_ev("in/345-CV-TU.txt", 5, "đôn đốc triển khai Nghị quyết 57")])
    G.add_edge(PROVINCE_PLAN, NQ57, key="implements-2", relation="implements", evidence=[])  # same triple
    out = tmp_path / "lineage.nt"
    export(G, "nt", out, backend="oxigraph")
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(set(lines)) == len(to_rdf(G))


def test_graphml_export_is_readable_by_networkx(G: nx.MultiDiGraph, tmp_path: Path) -> None:
    out = tmp_path / "lineage.graphml"
    export(G, "graphml", out)
    H = nx.read_graphml(out, force_multigraph=True)
    assert H.number_of_nodes() == G.number_of_nodes()
    assert H.number_of_edges() == G.number_of_edges()
    assert set(H) == set(G)
    assert H.nodes[NQ57]["catalog"] is True
    assert json.loads(H.nodes[PROVINCE_PLAN]["sources"]) == ["in/02-KH-TU.pdf"]
    [(edge_key, data)] = H.get_edge_data(PROVINCE_PLAN, NQ57).items()
    assert edge_key == "implements"
    assert data["relation"] == "implements" and data["confidence"] == pytest.approx(0.9)
    assert json.loads(data["evidence"])[0]["text"] == "Thực hiện Nghị quyết số 57-NQ/TW"


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.mark.parametrize("where", ["stem", "stem.csv", "directory"])
def test_csv_export_writes_one_row_per_node_and_edge(G: nx.MultiDiGraph, tmp_path: Path, where: str) -> None:
    if where == "directory":
        out = tmp_path / "csv"
        out.mkdir()
        expected = (out / "nodes.csv", out / "edges.csv")
    else:
        out = tmp_path / ("lineage.csv" if where == "stem.csv" else "lineage")
        expected = (tmp_path / "lineage.nodes.csv", tmp_path / "lineage.edges.csv")
    assert tuple(export(G, "csv", out)) == expected == csv_paths(out)
    nodes, edges = (_rows(p) for p in expected)
    assert len(nodes) == G.number_of_nodes() and len(edges) == G.number_of_edges()
    assert list(nodes[0])[: len(NODE_COLUMNS)] == list(NODE_COLUMNS)
    assert list(edges[0])[: len(EDGE_COLUMNS)] == list(EDGE_COLUMNS)
    by_key = {row["key"]: row for row in nodes}
    assert by_key[NQ57]["catalog"] == "true" and by_key[NQ57]["province"] == ""
    assert json.loads(by_key[COMMUNE_PLAN]["sources"]) == ["in/15-KH-UBND.docx"]
    assert {(r["source"], r["target"], r["relation"]) for r in edges} == {
        (u, v, d["relation"]) for u, v, d in G.edges(data=True)
    }


def test_csv_trailing_slash_means_a_directory(tmp_path: Path) -> None:
    assert csv_paths(f"{tmp_path}/new/") == (tmp_path / "new" / "nodes.csv", tmp_path / "new" / "edges.csv")


def test_export_rejects_unknown_format_and_backend(G: nx.MultiDiGraph, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown export format 'xml'"):
        export(G, "xml", tmp_path / "x.xml")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="unknown backend"):
        export(G, "ttl", tmp_path / "x.ttl", backend="jena")  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------------------------
# graph.sparql

IMPLEMENTERS = f"""
SELECT ?key WHERE {{
    ?plan lin:implements <{doc_iri(NQ57)}> ;
          lin:status "ingested" ;
          eli:type_document ?type ;
          lin:key ?key .
    ?type skos:prefLabel "Kế hoạch"@vi .
}}"""


def test_sparql_finds_the_plan_implementing_57(G: nx.MultiDiGraph) -> None:
    # The concept labels are in the ontology, so load it next to the data.
    store = load_store(G)
    store.bulk_load(
        input=load_ontology().serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES
    )
    assert run_sparql(store, IMPLEMENTERS) == [{"key": PROVINCE_PLAN}]


def test_sparql_over_the_graph_returns_iris_and_literals(G: nx.MultiDiGraph) -> None:
    rows = run_sparql(G, "SELECT ?doc ?key WHERE { ?doc lin:implements ?basis ; lin:key ?key } ORDER BY ?key")
    assert [r["key"] for r in rows] == sorted([PROVINCE_PLAN, DISTRICT_PROGRAMME])
    assert [key_of(r["doc"]) for r in rows] == [r["key"] for r in rows]


@pytest.mark.parametrize("fmt", ["ttl", "nt", "jsonld"])
def test_sparql_over_an_exported_file(G: nx.MultiDiGraph, tmp_path: Path, fmt: Any) -> None:
    out = tmp_path / f"lineage.{fmt}"
    export(G, fmt, out)
    rows = run_sparql(out, f"SELECT ?key WHERE {{ ?d lin:implements <{doc_iri(NQ57)}> ; lin:key ?key }}")
    assert {r["key"] for r in rows} == {PROVINCE_PLAN, DISTRICT_PROGRAMME}


def test_sparql_ask_construct_and_unbound(G: nx.MultiDiGraph) -> None:
    store = load_store(G)
    assert run_sparql(store, f"ASK {{ <{doc_iri(LETTER)}> lin:urges ?x }}") == [{"boolean": "true"}]
    triples = run_sparql(store, "CONSTRUCT { ?a lin:reportsOn ?b } WHERE { ?a lin:reportsOn ?b }")
    assert len(triples) == 2 and {t["predicate"] for t in triples} == {str(LIN.reportsOn)}
    rows = run_sparql(store, "SELECT ?d ?n WHERE { ?d lin:key ?k OPTIONAL { ?d eli:id_local ?n } }")
    assert len(rows) == G.number_of_nodes()
    assert {"d"} == set(next(r for r in rows if key_of(r["d"]) == DISTRICT_PROGRAMME))


@pytest.mark.parametrize(
    "query", ["SELECT ?x WHERE {", "SELEKT * WHERE { ?s ?p ?o }", "INSERT DATA { <a> <b> <c> }"]
)
def test_sparql_malformed_query_is_a_value_error(G: nx.MultiDiGraph, query: str) -> None:
    with pytest.raises(ValueError, match=r"malformed SPARQL query|SPARQL INSERT is refused"):
        run_sparql(G, query)


def test_sparql_rejects_other_sources() -> None:
    with pytest.raises(TypeError, match=r"expected a networkx\.MultiDiGraph"):
        run_sparql("lineage.ttl", "ASK {}")  # type: ignore[arg-type]


def test_sparql_file_errors(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="cannot tell the RDF format"):
        run_sparql(tmp_path / "lineage.csv", "ASK {}")
    with pytest.raises(FileNotFoundError):
        run_sparql(tmp_path / "missing.ttl", "ASK {}")
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle", encoding="utf-8")
    with pytest.raises(ValueError, match="not valid Turtle"):
        run_sparql(bad, "ASK {}")


# ---------------------------------------------------------------------------------------------------------
# ontology/shapes.ttl and graph.rdf.shacl_gaps


def test_shapes_carry_a_message_and_a_gap_kind() -> None:
    shapes = load_shapes()
    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    node_shapes = set(shapes.subjects(RDF.type, sh.NodeShape))
    assert {str(shapes.value(s, LIN.gapKind)) for s in node_shapes} == {"no_basis", "no_report"}
    for shape in node_shapes:
        assert (shape, sh.target, LIN.LocalPlanTarget) in shapes
        [prop_shape] = shapes.objects(shape, sh.property)
        for s in (shape, prop_shape):
            assert shapes.value(s, LIN.gapKind) == shapes.value(shape, LIN.gapKind)
            assert {m.language for m in shapes.objects(s, sh.message)} == {"vi", "en"}  # type: ignore[attr-defined]


def test_shacl_gaps(G: nx.MultiDiGraph) -> None:
    assert shacl_gaps(G) == {
        "no_basis": {COMMUNE_PLAN},
        "no_report": {COMMUNE_PLAN, DISTRICT_PROGRAMME},
    }


def test_shacl_gaps_over_the_full_export_agree(G: nx.MultiDiGraph) -> None:
    assert shacl_gaps(G, data=to_rdf(G)) == shacl_gaps(G)


def test_shacl_gaps_follow_the_graph(G: nx.MultiDiGraph) -> None:
    _edge(G, COMMUNE_PLAN, PROVINCE_PLAN, "implements", [])
    _edge(G, REPORT, COMMUNE_PLAN, "reports_on", [])
    assert shacl_gaps(G) == {"no_basis": set(), "no_report": {DISTRICT_PROGRAMME}}


def test_shacl_gaps_of_an_empty_graph() -> None:
    assert shacl_gaps(nx.MultiDiGraph()) == {"no_basis": set(), "no_report": set()}


# ---------------------------------------------------------------------------------------------------------
# doc_iri / key_of

KEYS = [
    NQ57,
    PROVINCE_PLAN,
    COMMUNE_PLAN,
    DISTRICT_PROGRAMME,
    "02-KH/BCĐ@Đắk Lắk@2025",
    "a%20b",  # already percent-encoded text stays text
    "?#[]",
    "",
    ".",  # dot-segments: encoded, so the IRI is not normalised away
    "..",
    "Số 12.",  # a Turtle prefixed name cannot end with a dot for rdflib
    "~-_",
]


@pytest.mark.parametrize("key", KEYS)
def test_doc_iri_round_trips(key: str) -> None:
    assert key_of(doc_iri(key)) == key


@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
def test_weird_keys_survive_every_rdf_export(tmp_path: Path) -> None:
    G = nx.MultiDiGraph()
    for key in KEYS[4:]:
        G.add_edge(key, NQ57, key="cites", relation="cites", evidence=[])
    for fmt, parser in (("ttl", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")):
        for backend in ("rdflib", "oxigraph"):
            out = tmp_path / f"{backend}.{fmt}"
            export(G, fmt, out, backend=backend)  # type: ignore[arg-type]
            parsed = rdflib.Graph().parse(out, format=parser)
            assert {key_of(str(s)) for s in parsed.subjects(RDF.type, LIN.Document)} == set(G), (fmt, backend)


def test_key_of_rejects_other_iris() -> None:
    with pytest.raises(ValueError, match="not a document IRI"):
        key_of("https://lineage.example.vn/agent/VN/B%E1%BB%99")


@settings(max_examples=300)
@given(st.text())
def test_doc_iri_round_trips_any_text(key: str) -> None:
    iri = doc_iri(key)
    assert key_of(iri) == key
    local = iri[len(str(DOC)) :]
    assert iri.startswith(str(DOC)) and iri.isascii() and "/" not in local and "." not in local
    assert ox.NamedNode(str(iri)).value == str(iri)  # a valid IRI for Oxigraph too


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(key=st.text(st.characters(exclude_categories=["Cs", "Cc"]), min_size=1, max_size=30))
def test_any_key_survives_turtle_and_sparql(tmp_path: Path, key: str) -> None:
    G = nx.MultiDiGraph()
    G.add_edge(key, NQ57, key="implements", relation="implements", evidence=[])
    for backend in ("rdflib", "oxigraph"):
        out = tmp_path / f"{backend}.ttl"
        export(G, "ttl", out, backend=backend)  # type: ignore[arg-type]
        parsed = rdflib.Graph().parse(out, format="turtle")
        assert {key_of(str(s)) for s in parsed.subjects(RDF.type, LIN.Document)} == {key, NQ57}
        rows = run_sparql(out, f"SELECT ?k WHERE {{ ?d lin:implements <{doc_iri(NQ57)}> ; lin:key ?k }}")
        assert rows == [{"k": key}]
