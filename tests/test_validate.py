"""kg validate on a real built store: clean builds conform; hand-made bad triples are caught and named."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg import ontology, pipeline, store
from kg import validate as V

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "data" / "articles"
GK = "https://w3id.org/geokg/ontology#"
ID = "https://w3id.org/geokg/id/"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
N = ox.NamedNode


@pytest.fixture(scope="module")
def built(resources: pipeline.Resources, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("store") / "kg"
    db = store.open_store(path)
    pipeline.build(resources, [ARTICLES / "01_putin_witkoff_kremlin.txt", ARTICLES / "03_china_peace_plan_wang_yi.txt"],
                   db)
    db.flush()
    del db
    return path


def spoiled(built: Path, tmp_path: Path, quads: list[tuple[ox.NamedNode, ox.NamedNode, object, str]]) -> Path:
    """Copy the built store and add hand-made quads to an article graph."""
    copy = tmp_path / "copy"
    shutil.copytree(built, copy)
    db = ox.Store(str(copy))
    db.extend([ox.Quad(s, p, o, N(ID + "article/" + g)) for s, p, o, g in quads])
    db.flush()
    del db
    return copy


def run(path: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kg", "validate", "--store", str(path), "--format", "json", *extra],
                          capture_output=True, text=True)


def test_each_graph_records_the_ontology_it_was_checked_with(built: Path) -> None:
    db = store.open_store(built, read_only=True)
    stamps = {q.object.value for q in db.quads_for_pattern(None, N(GK + "checkedWithOntology"), None, None)}
    assert stamps == {ontology.load().stamp} and ontology.load().stamp.startswith("0.2.0 sha256:")


def test_clean_build_is_valid(built: Path) -> None:
    out = run(built)
    assert out.returncode == 0, out.stdout + out.stderr
    data = json.loads(out.stdout)
    assert data["valid"] and data["graphs"] == 2


def test_each_bad_triple_is_caught_and_named(built: Path, tmp_path: Path) -> None:
    putin = N(ID + "actor/vladimir-putin")
    plan = N(ID + "plan/03_china_peace_plan_wang_yi-12-point-plan")  # a plan of the store, typed gk:Plan there
    event = N(ID + "event/bad.meeting-1")
    path = spoiled(built, tmp_path, [
        (plan, N(GK + "met"), putin, "03_china_peace_plan_wang_yi"),              # a plan that met a person
        (putin, N(GK + "proposed"), N(ID + "actor/donald-trump"), "03_china_peace_plan_wang_yi"),  # person as plan
        (event, RDF_TYPE, N(GK + "Meeting"), "01_putin_witkoff_kremlin"),        # one participant, no evidence
        (event, N(GK + "participant"), putin, "01_putin_witkoff_kremlin"),
    ])
    out = run(path)
    assert out.returncode == 1
    problems = json.loads(out.stdout)["problems"]
    text = "\n".join(f"{p['check']} {p['focus']} {p['path']} {p['message']}" for p in problems)
    assert "only actors meet" in text and plan.value in text
    assert "what is proposed must be a gk:Plan" in text
    assert "at least two participants" in text and event.value in text
    assert "evidence sentence" in text and "gk:reportedIn" in text
    assert f"ontology {plan.value} {GK}met domain of gk:met is gk:Actor" in text
    assert "is a gk:Plan (disjoint with gk:Actor)" in text  # the plan is known as a plan, not merely untyped


@pytest.mark.skipif(shutil.which("java") is None, reason="HermiT needs Java")
def test_reasoner_finds_a_contradiction_across_graphs(built: Path, tmp_path: Path) -> None:
    # Each graph is fine on its own (so SHACL and the per-graph checks pass),
    # but together they make one node both a Person and a Plan, which are disjoint.
    odd = N(ID + "actor/odd")
    path = spoiled(built, tmp_path, [
        (odd, RDF_TYPE, N(GK + "Person"), "01_putin_witkoff_kremlin"),
        (odd, N("http://www.w3.org/2000/01/rdf-schema#label"), ox.Literal("Odd"), "01_putin_witkoff_kremlin"),
        (odd, RDF_TYPE, N(GK + "Plan"), "03_china_peace_plan_wang_yi"),
        (odd, N("http://www.w3.org/2000/01/rdf-schema#label"), ox.Literal("Odd plan"), "03_china_peace_plan_wang_yi"),
        (N(ID + "actor/china"), N(GK + "proposed"), odd, "03_china_peace_plan_wang_yi"),
    ])
    plain = run(path)
    assert plain.returncode == 0, plain.stdout  # invisible without reasoning over the union
    out = run(path, "--reason")
    assert out.returncode == 1
    problems = [p for p in json.loads(out.stdout)["problems"] if p["check"] == "reasoner"]
    assert problems and "inconsistent" in problems[0]["message"]
    # the individual and the axiom are named, with why the node has each class
    assert ("gk:Actor owl:disjointWith gk:Plan: actor:odd is a gk:Person (asserted) and a gk:Plan (asserted)"
            in problems[0]["message"]), problems[0]["message"]


def test_conflicts_name_the_individual_and_the_axiom() -> None:
    from kg import ontology

    t = N("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    g, plan, x = N("urn:g"), N(ID + "plan/p"), N(ID + "actor/x")
    integer = N("http://www.w3.org/2001/XMLSchema#integer")
    quads = [ox.Quad(plan, N(GK + "met"), x, g), ox.Quad(plan, t, N(GK + "Plan"), g),
             ox.Quad(x, N(GK + "met"), x, g),
             ox.Quad(plan, N(GK + "pointCount"), ox.Literal("3", datatype=integer), g),
             ox.Quad(plan, N(GK + "pointCount"), ox.Literal("4", datatype=integer), g)]
    assert V.conflicts(ontology.load(), quads) == [
        "gk:met is irreflexive but actor:x gk:met itself",
        "gk:Actor owl:disjointWith gk:Plan: plan:p is a gk:Actor (domain of gk:met) and a gk:Plan (asserted)",
        "gk:pointCount is functional but plan:p has 2 values"]
    assert V.conflicts(ontology.load(), quads[1:2]) == []


def test_validate_without_java_is_a_clear_error(built: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(V.shutil, "which", lambda name: None)
    with pytest.raises(V.ReasonerError, match="needs Java"):
        V.reason(store.open_store(built, read_only=True))


def test_missing_store_exits_2(tmp_path: Path) -> None:
    out = run(tmp_path / "nothing")
    assert out.returncode == 2 and "no kg store" in out.stderr


def test_shapes_load_and_check_real_graphs(built: Path) -> None:
    db = store.open_store(built, read_only=True)
    report = V.validate(db, ontology.load())
    assert report.valid and report.graphs == 2


@pytest.mark.parametrize("fmt,rdflib_format", [("turtle", "turtle"), ("nquads", "nquads"), ("rdfxml", "xml")])
def test_export_with_ontology_reparses_with_classes(built: Path, fmt: str, rdflib_format: str) -> None:
    import rdflib

    out = subprocess.run([sys.executable, "-m", "kg", "export", "--store", str(built), "--format", fmt,
                          "--with-ontology"], capture_output=True, check=True)
    g = rdflib.Dataset() if fmt == "nquads" else rdflib.Graph()
    g.parse(data=out.stdout, format=rdflib_format)
    owl_class = rdflib.URIRef("http://www.w3.org/2002/07/owl#Class")
    classes = {s for s, p, o, *_ in (g.quads() if fmt == "nquads" else ((*t, None) for t in g))
               if p == rdflib.RDF.type and o == owl_class}
    assert rdflib.URIRef(GK + "Meeting") in classes and rdflib.URIRef(GK + "Plan") in classes
    plain = subprocess.run([sys.executable, "-m", "kg", "export", "--store", str(built), "--format", fmt],
                           capture_output=True, check=True)
    assert b"owl#Class" not in plain.stdout


@pytest.mark.skipif(shutil.which("java") is None, reason="HermiT needs Java")
def test_reasoner_names_conflicts_across_graphs_beside_those_of_one_graph(built: Path, tmp_path: Path) -> None:
    """Regression: once one graph was inconsistent on its own, a contradiction that only the graphs together
    make (a plan typed in one graph, said to have met in another) went unnamed."""
    putin = N(ID + "actor/vladimir-putin")
    plan = N(ID + "plan/03_china_peace_plan_wang_yi-12-point-plan")
    path = spoiled(built, tmp_path, [
        (putin, N(GK + "met"), putin, "01_putin_witkoff_kremlin"),
        (plan, N(GK + "met"), putin, "01_putin_witkoff_kremlin"),
    ])
    out = run(path, "--reason")
    assert out.returncode == 1
    messages = [p["message"] for p in json.loads(out.stdout)["problems"] if p["check"] == "reasoner"]
    assert any("gk:met is irreflexive but actor:vladimir-putin gk:met itself" in m for m in messages), messages
    assert any("several graphs together" in m and "gk:Actor owl:disjointWith gk:Plan: "
               "plan:03_china_peace_plan_wang_yi-12-point-plan is a gk:Actor (domain of gk:met) "
               "and a gk:Plan (asserted)" in m for m in messages), messages
