"""The store: atomic per-article graphs, export in every format (checked by rdflib), stats."""
from __future__ import annotations

import io

import pyoxigraph as ox
import pytest
import rdflib
from hypothesis import given, settings
from hypothesis import strategies as st

from kg import store as S
from kg import vocab as V
from kg.errors import StoreError
from kg.records import IRI, Term, Triple

A = IRI(V.ID + "article/a")
B = IRI(V.ID + "article/b")
PUTIN, WITKOFF, WANG = (IRI(V.ID + "actor/" + k) for k in ("vladimir-putin", "steve-witkoff", "wang-yi"))
MEETING = IRI(V.ID + "event/a.meeting-1")
PLAN = IRI(V.ID + "plan/a-plan")
XSD_STRING = V.XSD_STRING

RDF_FORMATS = {"turtle": "turtle", "ntriples": "nt", "jsonld": "json-ld", "rdfxml": "xml"}
QUAD_FORMATS = {"nquads": "nquads", "trig": "trig"}


def lit(value: str | int, datatype: IRI = XSD_STRING) -> Term:
    return Term(str(value), datatype)


def article_a() -> list[Triple]:
    return [
        Triple(A, V.RDF_TYPE, V.Article),
        Triple(A, V.title, lit("Putin receives \"Trump's\" envoy\nsecond line \\ backslash")),
        Triple(A, V.published, lit("2025-12-02", V.XSD_DATE)),
        Triple(A, V.url, lit("https://news.example/a?x=1&y=2", V.XSD_ANYURI)),
        Triple(PUTIN, V.RDF_TYPE, V.Person), Triple(PUTIN, V.RDFS_LABEL, lit("Vladimir Putin")),
        Triple(WITKOFF, V.RDF_TYPE, V.Person), Triple(WITKOFF, V.RDFS_LABEL, lit("Steve Witkoff")),
        Triple(PUTIN, V.met, WITKOFF), Triple(WITKOFF, V.met, PUTIN),
        Triple(MEETING, V.RDF_TYPE, V.Meeting), Triple(MEETING, V.participant, PUTIN),
        Triple(MEETING, V.participant, WITKOFF), Triple(MEETING, V.startOffset, lit(17, V.XSD_INTEGER)),
        Triple(MEETING, V.sentence, lit("Putin received Witkoff — in Moscow — «ünïcödé» 😀")),
        Triple(PLAN, V.RDF_TYPE, V.Plan), Triple(PLAN, V.pointCount, lit(28, V.XSD_INTEGER)),
    ]


def article_b() -> list[Triple]:
    return [
        Triple(B, V.RDF_TYPE, V.Article),
        Triple(B, V.title, lit("Wang Yi in Moscow")),
        # shared with article a: the union must not repeat it, the quads must keep both copies
        Triple(PUTIN, V.RDF_TYPE, V.Person), Triple(PUTIN, V.RDFS_LABEL, lit("Vladimir Putin")),
        Triple(WANG, V.RDF_TYPE, V.Person), Triple(WANG, V.RDFS_LABEL, lit("Wang Yi")),
        Triple(PUTIN, V.met, WANG), Triple(WANG, V.met, PUTIN),
    ]


@pytest.fixture
def two_articles() -> ox.Store:
    db = ox.Store()
    S.replace_graph(db, A, article_a())
    S.replace_graph(db, B, article_b())
    return db


def quads_in(db: ox.Store, graph: IRI | None = None) -> set[ox.Quad]:
    if graph is None:
        return set(db)
    return set(db.quads_for_pattern(None, None, None, ox.NamedNode(graph)))


# --- comparing pyoxigraph and rdflib terms ----------------------------------------------------------


def key_ox(t: object) -> tuple:
    if isinstance(t, ox.Literal):
        return ("literal", t.value, t.datatype.value, t.language or "")
    if isinstance(t, ox.NamedNode):
        return ("iri", t.value)
    raise AssertionError(f"unexpected term {t!r} (blank node?)")


def key_rdflib(t: object) -> tuple:
    if isinstance(t, rdflib.Literal):
        # RDF 1.1: a plain literal is an xsd:string
        dt = str(t.datatype) if t.datatype else (str(rdflib.RDF.langString) if t.language else XSD_STRING)
        return ("literal", str(t), dt, t.language or "")
    if isinstance(t, rdflib.URIRef):
        return ("iri", str(t))
    raise AssertionError(f"unexpected term {t!r} (blank node?)")


def expected_triples(db: ox.Store) -> set[tuple]:
    return {(key_ox(q.subject), key_ox(q.predicate), key_ox(q.object)) for q in db
            if not isinstance(q.graph_name, ox.DefaultGraph)}


def expected_quads(db: ox.Store) -> set[tuple]:
    return {(key_ox(q.subject), key_ox(q.predicate), key_ox(q.object), q.graph_name.value) for q in db
            if not isinstance(q.graph_name, ox.DefaultGraph)}


def parsed_triples(data: bytes, rdflib_format: str) -> set[tuple]:
    g = rdflib.Graph()
    g.parse(data=data, format=rdflib_format)
    return {tuple(map(key_rdflib, t)) for t in g}


def parsed_quads(data: bytes, rdflib_format: str) -> set[tuple]:
    ds = rdflib.Dataset()
    ds.parse(data=data, format=rdflib_format)
    return {(key_rdflib(s), key_rdflib(p), key_rdflib(o), str(getattr(c, "identifier", c)))
            for s, p, o, c in ds.quads((None, None, None, None))}


def diff(expected: set, actual: set) -> str:
    only_e = sorted(map(str, expected - actual))[:5]
    only_a = sorted(map(str, actual - expected))[:5]
    return f"only in expected: {only_e}\nonly in actual: {only_a}"


def exported(db: ox.Store, fmt: str, graph: IRI | None = None) -> bytes:
    buf = io.BytesIO()
    S.export(db, buf, fmt, graph=graph)
    return buf.getvalue()


# --- replace_graph ----------------------------------------------------------------------------------


def test_replace_graph_writes_the_triples_into_the_named_graph():
    db = ox.Store()
    n = S.replace_graph(db, A, article_a())
    assert n == len(article_a())
    assert len(db) == n
    assert {q.graph_name for q in db} == {ox.NamedNode(A)}
    assert ox.Quad(ox.NamedNode(PUTIN), ox.NamedNode(V.met), ox.NamedNode(WITKOFF), ox.NamedNode(A)) in db
    assert ox.Quad(ox.NamedNode(MEETING), ox.NamedNode(V.startOffset),
                   ox.Literal("17", datatype=ox.NamedNode(V.XSD_INTEGER)), ox.NamedNode(A)) in db


def test_repeated_triples_are_written_once():
    db = ox.Store()
    triples = article_b()
    n = S.replace_graph(db, B, triples + triples[:3])
    assert n == len(triples) == len(db)


def test_replacing_an_article_twice_leaves_no_duplicates(two_articles):
    before = quads_in(two_articles)
    n = S.replace_graph(two_articles, A, article_a())
    assert n == len(article_a())
    assert quads_in(two_articles) == before
    assert len(two_articles) == len(before)


def test_replacing_an_article_drops_its_old_triples(two_articles):
    smaller = [Triple(A, V.RDF_TYPE, V.Article), Triple(A, V.title, lit("Corrected title"))]
    S.replace_graph(two_articles, A, smaller)
    got = {(q.predicate.value, getattr(q.object, "value", None)) for q in quads_in(two_articles, A)}
    assert got == {(V.RDF_TYPE, V.Article), (V.title, "Corrected title")}


def test_replacing_article_a_does_not_touch_article_b(two_articles):
    b_before = quads_in(two_articles, B)
    S.replace_graph(two_articles, A, [Triple(A, V.RDF_TYPE, V.Article)])
    assert quads_in(two_articles, B) == b_before
    S.replace_graph(two_articles, A, [])
    assert quads_in(two_articles, B) == b_before
    assert quads_in(two_articles, A) == set()


def test_ill_typed_literal_is_stored_as_given():
    # replace_graph does not judge datatypes (the ontology check does): "x"^^xsd:integer is not an error here
    db = ox.Store()
    S.replace_graph(db, A, [Triple(A, V.pointCount, lit("x", V.XSD_INTEGER))])
    [q] = list(db)
    assert q.object == ox.Literal("x", datatype=ox.NamedNode(V.XSD_INTEGER))


# fmt: off
FAILING_UPDATES = [
    pytest.param(A,                 [Triple(A, V.title, lit("ok")), Triple(A, V.met, IRI("not an iri"))], id="bad-object-iri"),
    pytest.param(A,                 [Triple(A, V.title, Term("x", IRI("no scheme")))],                  id="bad-datatype-iri"),
    pytest.param(IRI("not an iri"), [Triple(A, V.title, lit("ok"))],                                     id="bad-graph-iri"),
    pytest.param(IRI("http://x.org/a b"), [Triple(A, V.title, lit("ok"))],                               id="space-in-graph-iri"),
]
# fmt: on


@pytest.mark.parametrize("graph,triples", FAILING_UPDATES)
def test_failed_replace_leaves_the_old_graphs_intact(two_articles, graph, triples):
    before = quads_in(two_articles)
    with pytest.raises(ValueError):
        S.replace_graph(two_articles, graph, triples)
    assert quads_in(two_articles) == before


def test_failed_write_to_a_read_only_store_leaves_the_old_graph_intact(tmp_path):
    path = tmp_path / "store"
    db = ox.Store(str(path))
    S.replace_graph(db, A, article_a())
    db.flush()
    del db
    ro = S.open_store(path, read_only=True)
    before = quads_in(ro)
    with pytest.raises((OSError, RuntimeError, StoreError)):  # pyoxigraph raises RuntimeError here
        S.replace_graph(ro, A, article_b())
    assert quads_in(ro) == before
    del ro
    assert quads_in(S.open_store(path, must_exist=True)) == before


# --- open_store -------------------------------------------------------------------------------------


def test_open_store_in_memory_when_no_path():
    db = S.open_store(None)
    assert len(db) == 0


def test_open_store_read_only_refuses_a_missing_store(tmp_path):
    with pytest.raises(StoreError, match="no kg store at"):
        S.open_store(tmp_path / "missing", read_only=True)
    assert not (tmp_path / "missing").exists()


def test_open_store_twice_for_writing_names_the_lock(tmp_path):
    first = S.open_store(tmp_path / "store")
    with pytest.raises(StoreError, match="in use"):
        S.open_store(tmp_path / "store")
    del first


# --- export -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", sorted(RDF_FORMATS))
def test_export_triple_formats_give_the_union_of_the_graphs(two_articles, fmt):
    expected = expected_triples(two_articles)
    assert len(expected) == len(set(article_a()) | set(article_b()))  # the shared triples appear once
    got = parsed_triples(exported(two_articles, fmt), RDF_FORMATS[fmt])
    assert got == expected, diff(expected, got)


@pytest.mark.parametrize("fmt", sorted(QUAD_FORMATS))
def test_export_quad_formats_keep_each_graph(two_articles, fmt):
    expected = expected_quads(two_articles)
    assert len(expected) == len(article_a()) + len(article_b())
    got = parsed_quads(exported(two_articles, fmt), QUAD_FORMATS[fmt])
    assert got == expected, diff(expected, got)


@pytest.mark.parametrize("fmt", sorted(RDF_FORMATS))
def test_export_of_one_graph(two_articles, fmt):
    got = parsed_triples(exported(two_articles, fmt, graph=B), RDF_FORMATS[fmt])
    expected = {(key_ox(q.subject), key_ox(q.predicate), key_ox(q.object)) for q in quads_in(two_articles, B)}
    assert got == expected, diff(expected, got)


@pytest.mark.parametrize("fmt", sorted(QUAD_FORMATS))
def test_export_of_one_graph_as_quads(two_articles, fmt):
    got = parsed_quads(exported(two_articles, fmt, graph=B), QUAD_FORMATS[fmt])
    assert {q[3] for q in got} == {B}
    assert len(got) == len(article_b())


def test_export_leaves_out_the_default_graph(two_articles):
    stray = ox.Quad(ox.NamedNode("https://x.org/s"), ox.NamedNode("https://x.org/p"), ox.Literal("default"))
    two_articles.add(stray)
    for fmt, rf in RDF_FORMATS.items():
        objects = {t[2] for t in parsed_triples(exported(two_articles, fmt), rf)}
        assert ("literal", "default", XSD_STRING, "") not in objects
    for fmt, rf in QUAD_FORMATS.items():
        assert len(parsed_quads(exported(two_articles, fmt), rf)) == len(article_a()) + len(article_b())


def test_export_extra_triples_are_added_to_triple_formats(two_articles):
    extra = ox.Triple(ox.NamedNode(V.GK.rstrip("#")), ox.NamedNode(V.RDF_TYPE),
                      ox.NamedNode("http://www.w3.org/2002/07/owl#Ontology"))
    buf = io.BytesIO()
    S.export(two_articles, buf, "turtle", extra=[extra])
    got = parsed_triples(buf.getvalue(), "turtle")
    assert got == expected_triples(two_articles) | {(key_ox(extra.subject), key_ox(extra.predicate),
                                                      key_ox(extra.object))}


def test_export_unknown_format_names_the_choices(two_articles):
    with pytest.raises(StoreError) as e:
        S.export(two_articles, io.BytesIO(), "n3")
    assert "'n3'" in str(e.value)
    for fmt in ("turtle", "trig", "ntriples", "nquads", "jsonld", "rdfxml"):
        assert fmt in str(e.value)


def test_export_turtle_uses_the_project_prefixes(two_articles):
    text = exported(two_articles, "turtle").decode("utf-8")
    assert "@prefix gk: <https://w3id.org/geokg/ontology#>" in text


def test_export_of_an_empty_store_parses_to_nothing():
    db = ox.Store()
    for fmt, rf in RDF_FORMATS.items():
        assert parsed_triples(exported(db, fmt), rf) == set()
    for fmt, rf in QUAD_FORMATS.items():
        assert parsed_quads(exported(db, fmt), rf) == set()


# --- round trip of any text -------------------------------------------------------------------------

TEXT = st.text(max_size=80)
# XML 1.0 cannot carry most C0 controls; a carriage return is folded to \n by XML parsers unless escaped
XML_TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\ufffe\uffff",
                                 min_codepoint=0x20) | st.sampled_from("\t\n"), max_size=80)


def _round_trip(value: str, fmt: str) -> list[str]:
    db = ox.Store()
    S.replace_graph(db, A, [Triple(A, V.title, lit(value))])
    data = exported(db, fmt)
    if fmt in QUAD_FORMATS:
        return [q[2][1] for q in parsed_quads(data, QUAD_FORMATS[fmt])]
    return [t[2][1] for t in parsed_triples(data, RDF_FORMATS[fmt])]


@settings(max_examples=60, deadline=None)
@given(value=TEXT, fmt=st.sampled_from(["turtle", "ntriples", "nquads", "trig", "jsonld"]))
def test_any_text_literal_survives_store_export_parse(value, fmt):
    assert _round_trip(value, fmt) == [value]


@settings(max_examples=60, deadline=None)
@given(value=XML_TEXT)
def test_any_xml_safe_text_literal_survives_rdfxml(value):
    assert _round_trip(value, "rdfxml") == [value]


@pytest.mark.xfail(reason="kg export --format rdfxml writes control characters (form feed) raw, which is not "
                          "well-formed XML, so rdflib cannot read the file back", strict=True)
def test_form_feed_survives_rdfxml():
    assert _round_trip("page one\x0cpage two", "rdfxml") == ["page one\x0cpage two"]


@pytest.mark.xfail(reason="kg export --format rdfxml writes \\r raw; XML end-of-line handling turns \\r\\n into \\n, "
                          "so text from a file with Windows line endings changes on the way back", strict=True)
def test_carriage_return_survives_rdfxml():
    assert _round_trip("line one\r\nline two", "rdfxml") == ["line one\r\nline two"]


# --- stats ------------------------------------------------------------------------------------------


def test_stats_counts_across_graphs(two_articles):
    proposal = IRI(V.ID + "event/a.proposal-1")
    S.replace_graph(two_articles, A, article_a() + [Triple(proposal, V.RDF_TYPE, V.Proposal),
                                                   Triple(IRI(V.ID + "actor/russia"), V.RDF_TYPE, V.Country)])
    assert S.stats(two_articles) == {
        "articles": 2,
        "actors": 4,  # putin (in both graphs, counted once), witkoff, wang yi, russia
        "plans": 1,
        "meetings": 1,
        "proposals": 1,
        "met pairs": 2,  # putin-witkoff, putin-wang, each counted once although stored both ways
        "quads": len(article_a()) + 2 + len(article_b()),
    }


def test_stats_of_an_empty_store():
    assert S.stats(ox.Store()) == {"articles": 0, "actors": 0, "plans": 0, "meetings": 0, "proposals": 0,
                                   "met pairs": 0, "quads": 0}


def test_build_keys_read_each_articles_hash_and_fingerprint(two_articles):
    S.replace_graph(two_articles, A, article_a() + [Triple(A, V.contentHash, lit("abc123")),
                                                    Triple(A, V.extractedWith, lit("geokg x"))])
    assert S.build_keys(two_articles) == {A: ("abc123", "geokg x")}


def test_a_batch_with_a_bad_triple_writes_nothing(two_articles):
    """Every graph of a batch is serialised before the one update runs: a bad triple anywhere leaves all as they were."""
    before = sorted(map(str, two_articles))
    bad = Triple(IRI("urn:a"), IRI("urn:b"), Term("x", "not a datatype iri with spaces"))
    with pytest.raises((SyntaxError, ValueError, OSError)):
        S.replace_graphs(two_articles, [(A, article_a()), (IRI("urn:g2"), [bad])])
    assert sorted(map(str, two_articles)) == before
