"""The ontology file loads, declares every term the code uses, and its axioms refuse bad candidates."""
from __future__ import annotations

import pytest

from pathlib import Path

from kg import ontology, vocab as V
from kg.records import IRI, Term, Triple

ROOT = Path(__file__).resolve().parent.parent

X = "https://example.org/"


@pytest.fixture(scope="module")
def onto() -> ontology.Ontology:
    return ontology.load()


def rules(onto: ontology.Ontology, triples: list[Triple]) -> list[str]:
    return [v.rule for v in ontology.check(onto, triples, "a1")]


def t(s: str, p: str, o: str | Term) -> Triple:
    return Triple(IRI(X + s), IRI(p), o if isinstance(o, Term) else IRI(X + o))


def typed(node: str, cls: str) -> Triple:
    return Triple(IRI(X + node), V.RDF_TYPE, IRI(cls))


@pytest.mark.parametrize("iri", V.USED, ids=lambda i: i.rsplit("#", 1)[-1])
def test_vocab_constant_declared_in_ontology(onto: ontology.Ontology, iri: IRI) -> None:
    assert ontology.declared(onto, iri)


def test_met_is_symmetric_and_irreflexive_from_the_file(onto: ontology.Ontology) -> None:
    assert V.met in onto.symmetric and V.met in onto.irreflexive
    assert V.pointCount in onto.functional


def test_clean_meeting_passes(onto: ontology.Ontology) -> None:
    assert rules(onto, [typed("a", V.Person), typed("b", V.Country), t("a", V.met, "b")]) == []


def test_plan_that_met_a_person_is_refused(onto: ontology.Ontology) -> None:
    found = rules(onto, [typed("p", V.Plan), typed("a", V.Person), t("p", V.met, "a")])
    assert found and "disjoint" in found[0] and "gk:Plan" in found[0]


def test_person_proposed_as_a_plan_is_refused(onto: ontology.Ontology) -> None:
    found = rules(onto, [typed("a", V.Person), typed("b", V.Person), t("a", V.proposed, "b")])
    assert any("range of gk:proposed" in r for r in found)


def test_untyped_node_in_met_is_refused(onto: ontology.Ontology) -> None:
    assert any("no such type" in r for r in rules(onto, [typed("a", V.Person), t("a", V.met, "ghost")]))


def test_actor_met_itself_is_refused(onto: ontology.Ontology) -> None:
    assert any("irreflexive" in r for r in rules(onto, [typed("a", V.Person), t("a", V.met, "a")]))


def test_person_and_country_at_once_is_refused(onto: ontology.Ontology) -> None:
    assert any("disjoint" in r for r in rules(onto, [typed("a", V.Person), typed("a", V.Country)]))


def test_literal_datatypes_and_functional(onto: ontology.Ontology) -> None:
    bad_count = [typed("p", V.Plan), t("p", V.pointCount, Term("many", V.XSD_INTEGER))]
    assert any("not a valid" in r for r in rules(onto, bad_count))
    wrong_type = [typed("p", V.Plan), t("p", V.pointCount, Term("27", V.XSD_STRING))]
    assert any("range of gk:pointCount" in r for r in rules(onto, wrong_type))
    two = [typed("p", V.Plan), t("p", V.pointCount, Term("27", V.XSD_INTEGER)),
           t("p", V.pointCount, Term("20", V.XSD_INTEGER))]
    assert any("functional" in r for r in rules(onto, two))


def test_undeclared_property_is_refused(onto: ontology.Ontology) -> None:
    assert any("not declared" in r for r in rules(onto, [typed("a", V.Person), t("a", V.GK + "likes", "a")]))


def test_checks_follow_the_file_not_a_copy(tmp_path, onto: ontology.Ontology) -> None:  # type: ignore[no-untyped-def]
    """Dropping the disjointness axiom from a copy of the file lets the plan-meets-person candidate through."""
    src = (ontology.paths.ONTOLOGY).read_text(encoding="utf-8")
    edited = src.replace("owl:members ( gk:Actor gk:Plan gk:Event gk:Article gk:OfficeHolding )",
                          "owl:members ( gk:Event gk:Article gk:OfficeHolding )")
    assert edited != src
    copy = tmp_path / "geo.ttl"
    copy.write_text(edited, encoding="utf-8")
    loose = ontology.load(copy)
    candidate = [typed("p", V.Plan), typed("p", V.Actor), typed("a", V.Person), t("p", V.met, "a")]
    assert rules(onto, candidate) and not rules(loose, candidate)


def test_bad_ontology_file_names_the_line(tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix gk: <https://w3id.org/geokg/ontology#> .\ngk:A gk:B .\n", encoding="utf-8")
    with pytest.raises(ontology.OntologyError, match="bad.ttl:2"):
        ontology.load(bad)


def test_every_term_is_documented_and_in_the_ontology_readme() -> None:
    import warnings

    import rdflib

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        g = rdflib.Graph().parse(ROOT / "ontology" / "geopolitics.ttl", format="turtle")
    readme = (ROOT / "ontology" / "README.md").read_text(encoding="utf-8")
    gk = "https://w3id.org/geokg/ontology#"
    terms = {s for s in g.subjects(rdflib.RDF.type, None) if str(s).startswith(gk) and str(s) != gk}
    assert len(terms) > 30
    for t in terms:
        assert g.value(t, rdflib.RDFS.label) and g.value(t, rdflib.RDFS.comment), t
        assert f"`{str(t).replace(gk, 'gk:')}`" in readme, t
    assert any(g.objects(None, rdflib.OWL.versionInfo))


def test_diagram_is_generated_from_the_ontology() -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("diagram", ROOT / "tools" / "ontology_diagram.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    svg = module.draw(ROOT / "ontology" / "geopolitics.ttl")
    assert svg == (ROOT / "ontology" / "geopolitics.svg").read_text(encoding="utf-8"), \
        "regenerate: python tools/ontology_diagram.py --output ontology/geopolitics.svg"
    assert "gk:Meeting" in svg and "gk:met" in svg
