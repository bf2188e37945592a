"""The kg command line, run through click's CliRunner and as a real process, on real stores and files."""
from __future__ import annotations

import csv
import gc
import io
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner

from kg import paths, pipeline, rdf
from kg import store as S
from kg.articles import make_article
from kg.cli import cli
from kg.records import Actor, Evidence, Extraction, Meeting, Plan, Proposal

ROOT = Path(__file__).resolve().parent.parent
KG_EXE = Path(sys.executable).with_name("kg")
QUERY_NAMES = sorted(p.stem for p in paths.QUERIES.glob("*.rq"))
RDF_FORMATS = {"turtle": "turtle", "ntriples": "nt", "jsonld": "json-ld", "rdfxml": "xml"}
QUAD_FORMATS = {"nquads": "nquads", "trig": "trig"}
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str
    stdout_bytes: bytes


def kg(*args: str | Path, input: bytes | str | None = None, env: dict[str, str] | None = None) -> Run:
    """Invoke the CLI in-process and return what it printed.

    The Result is dropped and garbage-collected at once: after ``sys.exit(1)`` its traceback still holds the
    command's open store, whose lock would refuse the next writer in this same process.
    """
    result = CliRunner().invoke(cli, [str(a) for a in args], input=input, env=env, catch_exceptions=False)
    run = Run(result.exit_code, result.stdout, result.stderr, result.stdout_bytes)
    del result
    gc.collect()
    return run


def kg_process(*args: str | Path, input: bytes | None = None, env: dict[str, str] | None = None,
               module: bool = False) -> subprocess.CompletedProcess[bytes]:
    """Run ``kg`` (the installed script, or ``python -m kg``) as a separate process."""
    cmd = [sys.executable, "-m", "kg"] if module or not KG_EXE.is_file() else [str(KG_EXE)]
    return subprocess.run([*cmd, *map(str, args)], input=input, capture_output=True, cwd=ROOT, timeout=300,
                          env={**os.environ, **(env or {})})


def quads(store_path: Path) -> set[ox.Quad]:
    db = S.open_store(store_path, read_only=True)
    out = set(db)
    del db
    return out


def article_ids(store_path: Path) -> set[str]:
    prefix = "https://w3id.org/geokg/id/article/"
    return {q.graph_name.value.removeprefix(prefix) for q in quads(store_path)
            if isinstance(q.graph_name, ox.NamedNode)}


def key_ox(t: object) -> tuple:
    if isinstance(t, ox.Literal):
        return ("literal", t.value, t.datatype.value, t.language or "")
    return ("iri", t.value)  # type: ignore[attr-defined]


def key_rdflib(t: object) -> tuple:
    if isinstance(t, rdflib.Literal):
        dt = str(t.datatype) if t.datatype else (str(rdflib.RDF.langString) if t.language else XSD_STRING)
        return ("literal", str(t), dt, t.language or "")
    assert isinstance(t, rdflib.URIRef), f"unexpected term {t!r}"
    return ("iri", str(t))


def union_of(store_path: Path) -> set[tuple]:
    return {(key_ox(q.subject), key_ox(q.predicate), key_ox(q.object)) for q in quads(store_path)
            if not isinstance(q.graph_name, ox.DefaultGraph)}


def quads_of(store_path: Path) -> set[tuple]:
    return {(key_ox(q.subject), key_ox(q.predicate), key_ox(q.object), q.graph_name.value)
            for q in quads(store_path) if not isinstance(q.graph_name, ox.DefaultGraph)}


def parse_back(data: bytes, fmt: str) -> set[tuple]:
    if fmt in QUAD_FORMATS:
        ds = rdflib.Dataset()
        ds.parse(data=data, format=QUAD_FORMATS[fmt])
        return {(key_rdflib(s), key_rdflib(p), key_rdflib(o), str(getattr(c, "identifier", c)))
                for s, p, o, c in ds.quads((None, None, None, None))}
    g = rdflib.Graph()
    g.parse(data=data, format=RDF_FORMATS[fmt])
    return {tuple(map(key_rdflib, t)) for t in g}


def diff(expected: set, actual: set) -> str:
    return (f"only in expected: {sorted(map(str, expected - actual))[:5]}\n"
            f"only in actual: {sorted(map(str, actual - expected))[:5]}")


# --- a store with known facts (no model: the facts are written by hand, then mapped and checked as usual) ----


BLINKEN = Actor("antony-blinken", "Antony Blinken", "Person")
WANG = Actor("wang-yi", "Wang Yi", "Person")
PUTIN = Actor("vladimir-putin", "Vladimir Putin", "Person", wikidata="Q7747")
WITKOFF = Actor("steve-witkoff", "Steve Witkoff", "Person")
TRUMP = Actor("donald-trump", "Donald Trump", "Person", wikidata="Q22686")

S1 = "Antony Blinken met Wang Yi in Beijing on Monday."
S2 = "Vladimir Putin met Steve Witkoff in Moscow on Tuesday."
S3 = "Putin spoke to Trump by phone."
S4 = "Putin proposed a 28-point peace plan."
S5 = "Blinken and Wang Yi met again in Bali."


def _extractions() -> list[Extraction]:
    a1 = make_article(f"Blinken in Beijing\n\n{S1}\n", "a1.txt", given_id="a1", date="2025-06-02")
    a2 = make_article(f"Putin and Witkoff\n\n{S2} {S3} {S4}\n", "a2.txt", given_id="a2")
    a3 = make_article(f"Blinken in Bali\n\n{S5}\n", "a3.txt", given_id="a3")
    plan = Plan("a2-peace-plan", "28-point peace plan", "peace plan", 28)
    return [
        Extraction(a1, (Meeting((BLINKEN, WANG), Evidence(S1, 20, 20 + len(S1), "meet-verb"), location="Beijing",
                                date="2025-06-02"),)),
        Extraction(a2, (Meeting((PUTIN, WITKOFF), Evidence(S2, 19, 19 + len(S2), "meet-verb"), location="Moscow"),
                        Meeting((PUTIN, TRUMP), Evidence(S3, 75, 75 + len(S3), "speak-to"), mode="phone"),
                        Proposal((PUTIN,), plan, Evidence(S4, 106, 106 + len(S4), "propose-verb")))),
        Extraction(a3, (Meeting((BLINKEN, WANG), Evidence(S5, 17, 17 + len(S5), "meet-verb"), location="Bali"),)),
    ]


@pytest.fixture(scope="module")
def fact_store(resources: pipeline.Resources, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store on disk holding three articles of known facts, closed again so the CLI can open it."""
    path = tmp_path_factory.mktemp("facts") / "store"
    db = S.open_store(path)
    for extraction in _extractions():
        triples, kept, violations = pipeline.checked_triples(resources.ontology, extraction)
        assert violations == [] and len(kept) == len(extraction.facts)
        S.replace_graph(db, rdf.article_iri(extraction.article.id), triples)
    db.flush()
    del db
    gc.collect()
    return path


# --- build ------------------------------------------------------------------------------------------

GOOD_1 = "Antony Blinken met Wang Yi in Beijing on Monday.\n"
GOOD_2 = "Vladimir Putin met Steve Witkoff in Moscow on Tuesday.\n"


@pytest.fixture
def mixed_inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "blinken.txt").write_text(GOOD_1, encoding="utf-8")
    (folder / "sub" / "putin.txt").write_text(GOOD_2, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    (folder / "latin1.txt").write_bytes(b"Caf\xe9 talks\nin Paris.\n")
    (folder / "feed.jsonl").write_bytes(
        json.dumps({"id": "j1", "text": "Recep Tayyip Erdogan met Vladimir Putin in Sochi."}).encode() + b"\n"
        + b'{"id": "j2", "text": "no closing brace"\n'
        + json.dumps({"id": "j3", "text": "Wang Yi met Sergei Lavrov in Beijing."}).encode() + b"\n")
    return folder


def test_build_reports_every_bad_input_and_keeps_the_good_ones(mixed_inputs: Path, tmp_path: Path):
    store = tmp_path / "store"
    run = kg("build", mixed_inputs, "--store", store)
    assert run.exit_code == 1, run.stderr
    errors = [line for line in run.stderr.splitlines() if line.startswith("error: ")]
    # fmt: off
    assert sorted(e.split(": ", 2)[1] for e in errors) == sorted([
        f"{mixed_inputs / 'empty.txt'}",
        f"{mixed_inputs / 'image.txt'}",
        f"{mixed_inputs / 'latin1.txt'}:1",
        f"{mixed_inputs / 'feed.jsonl'}:2",
    ]), run.stderr
    assert f"error: {mixed_inputs / 'empty.txt'}: empty file" in errors
    assert f"error: {mixed_inputs / 'image.txt'}: binary file (contains NUL bytes); expected UTF-8 text" in errors
    assert (f"error: {mixed_inputs / 'latin1.txt'}:1: invalid UTF-8 at byte 3 (line 1); "
            "re-save the file as UTF-8") in errors
    assert any(e.startswith(f"error: {mixed_inputs / 'feed.jsonl'}:2: malformed JSON line: ") for e in errors)
    # fmt: on
    assert "errors: 4\n" in run.stdout
    assert "articles: 4\n" in run.stdout
    assert article_ids(store) == {"blinken", "sub-putin", "j1", "j3"}


def test_second_build_of_only_a_bad_file_loses_nothing(resources: pipeline.Resources, mixed_inputs: Path,
                                                      tmp_path: Path):
    store = tmp_path / "store"
    db = S.open_store(store)
    report = pipeline.build(resources, [mixed_inputs / "blinken.txt", mixed_inputs / "feed.jsonl"], db)
    assert [p.source for p in report.problems] == [f"{mixed_inputs / 'feed.jsonl'}:2"]
    db.flush()
    del db
    gc.collect()
    before = quads(store)
    assert article_ids(store) == {"blinken", "j1", "j3"}
    # a separate process, as a user would run it
    done = kg_process("build", mixed_inputs / "image.txt", "--store", store)
    assert done.returncode == 1, done.stderr
    assert f"error: {mixed_inputs / 'image.txt'}: binary file".encode() in done.stderr
    assert b"articles: 0\n" in done.stdout
    assert quads(store) == before


def test_rebuilding_the_same_articles_changes_nothing(resources: pipeline.Resources, mixed_inputs: Path):
    db = ox.Store()
    good = [mixed_inputs / "blinken.txt", mixed_inputs / "sub" / "putin.txt"]
    pipeline.build(resources, good, db)
    before = set(db)
    assert before
    pipeline.build(resources, good, db)
    assert set(db) == before


def test_build_from_stdin(tmp_path: Path):
    store = tmp_path / "store"
    data = (json.dumps({"id": "s1", "text": GOOD_1}) + "\n{not json\n").encode()
    run = kg("build", "-", "--store", store, input=data)
    assert run.exit_code == 1
    assert "error: <stdin>:2: malformed JSON line" in run.stderr
    assert article_ids(store) == {"s1"}


def test_build_without_inputs_is_a_usage_error(tmp_path: Path):
    run = kg("build", "--store", tmp_path / "store")
    assert run.exit_code == 2
    assert "Missing argument 'INPUTS...'" in run.stderr
    assert not (tmp_path / "store").exists()


def test_build_into_a_locked_store_is_exit_2(tmp_path: Path):
    (tmp_path / "a.txt").write_text(GOOD_1, encoding="utf-8")
    holder = S.open_store(tmp_path / "store")
    try:
        run = kg("build", tmp_path / "a.txt", "--store", tmp_path / "store")
    finally:
        del holder
        gc.collect()
    assert run.exit_code == 2
    assert f"store {tmp_path / 'store'} is in use" in run.stderr


def test_build_sample_corpus_as_a_process_with_kg_store(tmp_path: Path):
    """The one build of data/articles: a real process, the store chosen by $KG_STORE."""
    store = tmp_path / "corpus-store"
    done = kg_process("build", paths.ARTICLES, "--quiet", env={"KG_STORE": str(store)})
    assert done.returncode == 0, done.stderr.decode()
    assert b"articles: 12\n" in done.stdout and b"errors: 0\n" in done.stdout
    assert len(article_ids(store)) == 12
    # the README shows what this build prints: its counts must be this build's
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("`make build` prints:", 1)[1].split("```", 2)[1]
    printed = done.stdout.decode()
    for line in block.strip().splitlines():
        if line.startswith("store:"):
            triples = line.split("(", 1)[1].split(" written", 1)[0]  # "2441 triples"
            assert f"({triples} written" in printed, (line, printed)
        else:
            assert line + "\n" in printed, (line, printed)
    stats = kg_process("stats", module=True, env={"KG_STORE": str(store)})
    assert stats.returncode == 0
    assert b"articles: 12\n" in stats.stdout
    assert f"quads: {len(quads(store))}\n".encode() in stats.stdout
    _readme_queries_give_their_rows(readme, store)


def _readme_queries_give_their_rows(readme: str, store: Path) -> None:
    """The README's ad-hoc SPARQL examples over the sample corpus (kg query, curl) print the rows shown."""
    adhoc = readme.split("```sh\nkg query 'SELECT ?who", 1)[1]
    query = "SELECT ?who" + adhoc.split("'", 1)[0]
    shown = adhoc.split("```\n\n```\n", 1)[1].split("```", 1)[0]
    run = kg("query", query, "--store", store, "--format", "tsv")
    assert run.exit_code == 0, run.stderr
    assert run.stdout == shown
    # the curl example asks the server; the same query through kg query gives the same top five
    curl = readme.split("--data-urlencode 'query=", 1)[1]
    query = curl.split("' http", 1)[0]
    shown = curl.split("```\n\n```\n", 1)[1].split("```", 1)[0]
    rows = list(csv.DictReader(io.StringIO(shown)))
    run = kg("query", query, "--store", store, "--format", "json")
    assert run.exit_code == 0, run.stderr
    got = [(r["who"].rsplit(":", 1)[-1].rsplit("/", 1)[-1], r["partners"]) for r in json.loads(run.stdout)]
    assert got == [(r["who"].rsplit("/", 1)[-1], r["partners"]) for r in rows]


def test_meeting_in_the_first_sentence_after_a_headline(resources: pipeline.Resources, tmp_path: Path):
    path = tmp_path / "headline.txt"
    path.write_text("Blinken in Beijing\n\n" + GOOD_1, encoding="utf-8")
    db = ox.Store()
    report = pipeline.build(resources, [path], db)
    assert report.articles == 1
    met = {(q.subject.value.rsplit("/", 1)[1], q.object.value.rsplit("/", 1)[1])
           for q in db.quads_for_pattern(None, ox.NamedNode(rdf.V.met), None)}
    assert met == {("antony-blinken", "wang-yi"), ("wang-yi", "antony-blinken")}


# --- query ------------------------------------------------------------------------------------------


def test_query_canned_name_csv(fact_store: Path):
    run = kg("query", "who_met_whom", "--store", fact_store, "--format", "csv")
    assert run.exit_code == 0, run.stderr
    assert run.stderr == ""
    assert run.stdout == (
        "a,b,sentence,article,article_iri\n"
        f"Antony Blinken,Wang Yi,{S5},Blinken in Bali,article:a3\n"
        f"Antony Blinken,Wang Yi,{S1},Blinken in Beijing,article:a1\n"
        f"Steve Witkoff,Vladimir Putin,{S2},Putin and Witkoff,article:a2\n"
    )


def test_query_canned_name_tsv(fact_store: Path):
    run = kg("query", "meetings_not_held", "--store", fact_store, "--format", "tsv")
    assert run.exit_code == 0, run.stderr
    assert run.stdout == f"a\tb\tstatus\tmode\tsentence\nDonald Trump\tVladimir Putin\thappened\tphone\t{S3}\n"


def test_query_canned_name_json(fact_store: Path):
    run = kg("query", "plans_and_proposers", "--store", fact_store, "--format", "json")
    assert run.exit_code == 0, run.stderr
    assert json.loads(run.stdout) == [{
        "proposer": "Vladimir Putin", "on_behalf_of": "", "plan": "28-point peace plan", "kind": "peace plan",
        "points": "28", "sentence": S4, "article": "Putin and Witkoff",
    }]


def test_query_canned_name_table(fact_store: Path):
    run = kg("query", "meeting_counts", "--store", fact_store)
    assert run.exit_code == 0, run.stderr
    assert run.stdout == (
        "actor          | meetings | partners | articles\n"
        "---------------+----------+----------+---------\n"
        "Antony Blinken | 2        | 1        | 2\n"
        "Wang Yi        | 2        | 1        | 2\n"
        "Steve Witkoff  | 1        | 1        | 1\n"
        "Vladimir Putin | 1        | 1        | 1\n"
        "(4 rows)\n"
    )


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json", "table"])
def test_query_every_format_has_the_same_rows(fact_store: Path, fmt: str):
    run = kg("query", "who_met_whom", "--store", fact_store, "--format", fmt)
    assert run.exit_code == 0, run.stderr
    if fmt == "json":
        rows = [tuple(r.values()) for r in json.loads(run.stdout)]
    elif fmt == "table":
        lines = run.stdout.splitlines()
        assert lines[-1] == "(3 rows)"
        rows = [tuple(c.strip() for c in line.split(" | ")) for line in lines[2:-1]]
    else:
        rows = [tuple(r) for r in csv.reader(io.StringIO(run.stdout), delimiter="," if fmt == "csv" else "\t")][1:]
    assert [r[:2] for r in rows] == [("Antony Blinken", "Wang Yi"), ("Antony Blinken", "Wang Yi"),
                                     ("Steve Witkoff", "Vladimir Putin")]


def test_query_param_binds_a_variable(fact_store: Path):
    run = kg("query", "actor_facts", "--store", fact_store, "--param", "name=Vladimir Putin", "--format", "csv")
    assert run.exit_code == 0, run.stderr
    assert run.stdout == (
        "name,relation,other,sentence\n"
        f'Vladimir Putin,"meeting (happened, phone)",Donald Trump,{S3}\n'
        f"Vladimir Putin,met,Steve Witkoff,{S2}\n"
        f"Vladimir Putin,proposed,28-point peace plan,{S4}\n"
    )


def test_query_param_iri_forms(fact_store: Path):
    # pyoxigraph only substitutes variables that the SELECT projects
    text = "SELECT ?x ?l WHERE { ?x rdfs:label ?l }"
    for value in ("<https://w3id.org/geokg/id/actor/wang-yi>", "actor:wang-yi",
                  "https://w3id.org/geokg/id/actor/wang-yi", "?x=actor:wang-yi"):
        name, value = ("x", value) if not value.startswith("?") else value.split("=", 1)
        run = kg("query", text, "--store", fact_store, "--param", f"{name}={value}", "--format", "csv")
        assert run.exit_code == 0, run.stderr
        assert set(run.stdout.splitlines()[1:]) == {"actor:wang-yi,Wang Yi"}, value


def test_query_param_without_equals_is_a_usage_error(fact_store: Path):
    run = kg("query", "actor_facts", "--store", fact_store, "--param", "Vladimir Putin")
    assert run.exit_code == 2
    assert "--param needs NAME=VALUE, got 'Vladimir Putin'" in run.stderr


def test_query_rq_path(fact_store: Path, tmp_path: Path):
    rq = tmp_path / "articles.rq"
    rq.write_text("# article titles\nSELECT ?t WHERE { ?a a gk:Article ; gk:title ?t } ORDER BY ?t\n",
                  encoding="utf-8")
    run = kg("query", rq, "--store", fact_store, "--format", "csv")
    assert run.exit_code == 0, run.stderr
    assert run.stdout == "t\nBlinken in Bali\nBlinken in Beijing\nPutin and Witkoff\n"


def test_query_inline_sparql_select_ask_construct(fact_store: Path):
    run = kg("query", "SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE { ?m a gk:Meeting }", "--store", fact_store)
    assert (run.exit_code, run.stdout) == (0, "n\n-\n4\n(1 row)\n")
    run = kg("query", "ASK { actor:vladimir-putin gk:met actor:steve-witkoff }", "--store", fact_store,
             "--format", "json")
    assert (run.exit_code, run.stdout) == (0, '{"boolean": true}\n')
    run = kg("query", "ASK { actor:vladimir-putin gk:met actor:donald-trump }", "--store", fact_store)
    assert (run.exit_code, run.stdout) == (0, "false\n")
    run = kg("query", "CONSTRUCT { ?a gk:met ?b } WHERE { ?a gk:met ?b }", "--store", fact_store)
    assert run.exit_code == 0, run.stderr
    got = parse_back(run.stdout.encode(), "turtle")
    actor = "https://w3id.org/geokg/id/actor/"
    met = ("iri", "https://w3id.org/geokg/ontology#met")
    assert got == {(("iri", actor + a), met, ("iri", actor + b)) for a, b in [
        ("antony-blinken", "wang-yi"), ("wang-yi", "antony-blinken"),
        ("vladimir-putin", "steve-witkoff"), ("steve-witkoff", "vladimir-putin")]}


def test_query_describe_without_braces_prints_turtle(fact_store: Path):
    """Regression: `DESCRIBE actor:x` has no braces and was not taken for SPARQL text."""
    run = kg("query", "DESCRIBE actor:steve-witkoff", "--store", fact_store)
    assert run.exit_code == 0, run.stderr
    got = parse_back(run.stdout.encode(), "turtle")
    witkoff = ("iri", "https://w3id.org/geokg/id/actor/steve-witkoff")
    assert any(s == witkoff and p[1].endswith("#label") and "Steve Witkoff" in str(o) for s, p, o in got), got
    assert all(s == witkoff for s, _, _ in got)


def test_query_unknown_name_lists_the_available_ones(fact_store: Path):
    run = kg("query", "who_met", "--store", fact_store)
    assert run.exit_code == 2
    assert run.stdout == ""
    assert "no query named 'who_met'" in run.stderr
    assert f"Available: {', '.join(QUERY_NAMES)}" in run.stderr


def test_query_syntax_error_is_exit_2_with_position(fact_store: Path):
    run = kg("query", "SELECT ?x WHERE { ?x gk:met }", "--store", fact_store)
    assert run.exit_code == 2
    assert run.stdout == ""
    assert "SPARQL syntax error" in run.stderr
    assert "1:" in run.stderr  # line:column of the error
    assert "Traceback" not in run.stderr


# fmt: off
UPDATES = [
    pytest.param("DELETE WHERE { ?s ?p ?o }",                                          id="delete-where"),
    pytest.param("PREFIX x: <http://x/> INSERT DATA { GRAPH x:g { x:a x:b x:c } }",    id="insert-data"),
    pytest.param("drop all",                                                           id="drop-all"),
    pytest.param("CLEAR GRAPH <https://w3id.org/geokg/id/article/a1>",                 id="clear-graph"),
    pytest.param("WITH <https://w3id.org/geokg/id/article/a1> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", id="with"),
]
# fmt: on


@pytest.mark.parametrize("update", UPDATES)
def test_query_refuses_updates_and_leaves_the_store_unchanged(fact_store: Path, update: str):
    before = quads(fact_store)
    run = kg("query", update, "--store", fact_store)
    assert run.exit_code == 2
    assert "read-only" in run.stderr
    assert quads(fact_store) == before


@pytest.mark.parametrize("update", [
    pytest.param("# wipe it\nDELETE WHERE { ?s ?p ?o }", id="after-comment"),
    pytest.param("BASE <http://x/>\nDELETE WHERE { ?s ?p ?o }", id="after-base"),
])
def test_query_refuses_disguised_updates(fact_store: Path, update: str):
    before = quads(fact_store)
    run = kg("query", update, "--store", fact_store)
    assert run.exit_code == 2
    assert quads(fact_store) == before


def test_update_in_rq_file_is_refused_as_an_update(fact_store: Path, tmp_path: Path):
    rq = tmp_path / "wipe.rq"
    rq.write_text("# wipe\nDELETE WHERE { ?s ?p ?o }\n", encoding="utf-8")
    run = kg("query", rq, "--store", fact_store)
    assert run.exit_code == 2
    assert "read-only" in run.stderr


def test_query_on_a_missing_store_names_the_path(tmp_path: Path):
    missing = tmp_path / "no-store-here"
    run = kg("query", "who_met_whom", "--store", missing)
    assert run.exit_code == 2
    assert f"no kg store at {missing}" in run.stderr
    assert not missing.exists()  # a query never creates a store


@pytest.mark.xfail(reason="kg query runs over pyoxigraph's union default graph, which (oxigraph issue #1919, fixed "
                          "after 0.5.x) counts a triple once per article graph holding it: COUNT(*) over ?s ?p ?o "
                          "gives the quad count, not the triples 'kg export' writes", strict=True)
def test_query_union_counts_each_triple_once(fact_store: Path):
    run = kg("query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--store", fact_store, "--format", "csv")
    assert run.exit_code == 0
    assert run.stdout == f"n\n{len(union_of(fact_store))}\n"


def test_table_rows_are_one_line_each(fact_store: Path):
    run = kg("query", "SELECT ?t WHERE { BIND(\"line one\\nline two\" AS ?t) }", "--store", fact_store)
    assert run.exit_code == 0, run.stderr
    assert len(run.stdout.splitlines()) == 4  # header, rule, one row, count


# --- export -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", [*RDF_FORMATS, *QUAD_FORMATS])
def test_export_to_stdout_parses_back(fact_store: Path, fmt: str):
    run = kg("export", "--store", fact_store, "--format", fmt)
    assert run.exit_code == 0, run.stderr
    assert run.stderr == ""
    expected = quads_of(fact_store) if fmt in QUAD_FORMATS else union_of(fact_store)
    got = parse_back(run.stdout_bytes, fmt)
    assert got == expected, diff(expected, got)


@pytest.mark.parametrize("fmt", [*RDF_FORMATS, *QUAD_FORMATS])
def test_export_to_file_parses_back(fact_store: Path, tmp_path: Path, fmt: str):
    out = tmp_path / f"kg.{fmt}"
    run = kg("export", "--store", fact_store, "--format", fmt, "--output", out)
    assert run.exit_code == 0, run.stderr
    assert run.stdout == ""
    assert run.stderr == f"wrote {out}\n"
    assert not out.with_name(out.name + ".part").exists()
    expected = quads_of(fact_store) if fmt in QUAD_FORMATS else union_of(fact_store)
    got = parse_back(out.read_bytes(), fmt)
    assert got == expected, diff(expected, got)


def test_export_default_format_is_turtle_and_dash_is_stdout(fact_store: Path):
    run = kg("export", "--store", fact_store, "-o", "-")
    assert run.exit_code == 0
    assert "@prefix gk: <https://w3id.org/geokg/ontology#>" in run.stdout
    assert parse_back(run.stdout_bytes, "turtle") == union_of(fact_store)


def test_export_rdfxml_of_a_title_with_a_control_character(resources: pipeline.Resources, tmp_path: Path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "t1", "title": "Page\fbreak", "text": GOOD_1}) + "\n", encoding="utf-8")
    store = tmp_path / "store"
    db = S.open_store(store)
    assert pipeline.build(resources, [feed], db).articles == 1
    db.flush()
    del db
    gc.collect()
    run = kg("export", "--store", store, "--format", "rdfxml")
    assert run.exit_code == 0
    assert parse_back(run.stdout_bytes, "rdfxml") == union_of(store)


def test_export_as_a_process(fact_store: Path):
    done = kg_process("export", "--store", fact_store, "--format", "nquads")
    assert done.returncode == 0, done.stderr
    assert parse_back(done.stdout, "nquads") == quads_of(fact_store)


def test_export_to_a_missing_folder_is_exit_2(fact_store: Path, tmp_path: Path):
    out = tmp_path / "no" / "such" / "kg.ttl"
    run = kg("export", "--store", fact_store, "--output", out)
    assert run.exit_code == 2
    assert f"cannot write {out}" in run.stderr


def test_export_of_a_missing_store_is_exit_2(tmp_path: Path):
    run = kg("export", "--store", tmp_path / "none")
    assert run.exit_code == 2
    assert f"no kg store at {tmp_path / 'none'}" in run.stderr


def test_export_unknown_format_is_a_usage_error(fact_store: Path):
    run = kg("export", "--store", fact_store, "--format", "n3")
    assert run.exit_code == 2
    assert "'n3' is not one of" in run.stderr


# --- stats and KG_STORE -----------------------------------------------------------------------------


def test_stats(fact_store: Path):
    run = kg("stats", "--store", fact_store)
    assert run.exit_code == 0, run.stderr
    assert run.stdout == ("articles: 3\nactors: 5\nplans: 1\nmeetings: 4\nproposals: 1\nmet pairs: 2\n"
                          f"quads: {len(quads(fact_store))}\n")


def test_kg_store_env_var_is_honoured(fact_store: Path, tmp_path: Path):
    with_flag = kg("stats", "--store", fact_store)
    with_env = kg("stats", env={"KG_STORE": str(fact_store)})
    assert with_env.exit_code == 0
    assert with_env.stdout == with_flag.stdout
    q = kg("query", "who_met_whom", "--format", "csv", env={"KG_STORE": str(fact_store)})
    assert q.exit_code == 0 and "Steve Witkoff,Vladimir Putin" in q.stdout
    # --store wins over the environment
    other = kg("stats", "--store", tmp_path / "missing", env={"KG_STORE": str(fact_store)})
    assert other.exit_code == 2 and str(tmp_path / "missing") in other.stderr


def test_stats_on_a_missing_store_is_exit_2(tmp_path: Path):
    run = kg("stats", env={"KG_STORE": str(tmp_path / "gone")})
    assert run.exit_code == 2
    assert f"no kg store at {tmp_path / 'gone'}" in run.stderr


# --- help -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(cli.commands))  # type: ignore[attr-defined]
def test_every_command_has_help_with_an_example(name: str):
    run = kg(name, "--help")
    assert run.exit_code == 0
    assert "Example" in run.stdout
    assert f"kg {name}" in run.stdout.split("Example", 1)[1]


def test_help_as_a_process():
    done = kg_process("--help", module=True)
    assert done.returncode == 0
    for name in ("build", "query", "export", "stats"):
        assert name.encode() in done.stdout
