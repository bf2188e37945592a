"""kg.network: the who-met-whom graph of a real store, and every output format read back and checked."""
from __future__ import annotations

import csv
import io
import json
import re
import struct
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg import network, paths, pipeline, queries
from kg import store as S
from kg import vocab as V
from kg.cli import cli
from kg.errors import KgError

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SAME_SENTENCE = "Vladimir Putin met Recep Tayyip Erdogan in Ankara on Monday."
PUTIN = V.ID + "actor/vladimir-putin"
ERDOGAN = V.ID + "actor/recep-tayyip-erdogan"
PREFIXES = f"PREFIX gk: <{V.GK}>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"

# The expectations below are computed from the store with SPARQL of their own, not with kg.network.
# fmt: off
PAIRS = PREFIXES + """SELECT ?a ?b (COUNT(DISTINCT ?g) AS ?n) WHERE {
  GRAPH ?g { ?a gk:met ?b } FILTER(STR(?a) < STR(?b)) } GROUP BY ?a ?b"""
ACTOR_FACTS = PREFIXES + """SELECT DISTINCT ?x ?label ?type ?wd WHERE {
  GRAPH ?g { ?x gk:met ?y } GRAPH ?h { ?x rdfs:label ?label ; a ?type } OPTIONAL { GRAPH ?i { ?x gk:wikidata ?wd } } }"""
MEETING_DETAILS = PREFIXES + """SELECT DISTINCT ?a ?b ?date ?place WHERE {
  ?m a gk:Meeting ; gk:status "happened" ; gk:mode "in person" ; gk:participant ?a , ?b .
  FILTER(STR(?a) < STR(?b))
  OPTIONAL { ?m gk:date ?date } OPTIONAL { ?m gk:location/rdfs:label ?place } }"""
# fmt: on

needs_cli = pytest.mark.skipif("network" not in cli.commands, reason="`kg network` is not wired into kg.cli yet")


# ------------------------------------------------------------------ fixtures and helpers


@pytest.fixture(scope="module")
def corpus_path(resources: pipeline.Resources, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store on disk built from data/articles with the real model, closed again so the CLI can open it."""
    path = tmp_path_factory.mktemp("network") / "store"
    db = S.open_store(path)
    report = pipeline.build(resources, [paths.ARTICLES], db)
    assert report.articles == 12 and not report.problems
    db.flush()
    del db
    return path


@pytest.fixture(scope="module")
def corpus(corpus_path: Path) -> ox.Store:
    return S.open_store(corpus_path, read_only=True)


@pytest.fixture(scope="module")
def graph(corpus: ox.Store) -> nx.Graph:
    return network.meeting_network(corpus)


@pytest.fixture(scope="module")
def expected_weights(corpus: ox.Store) -> dict[tuple[str, str], int]:
    weights = {(r["a"].value, r["b"].value): int(r["n"].value) for r in corpus.query(PAIRS)}
    assert weights, "the sample corpus should yield meetings"
    return weights


@pytest.fixture(scope="module")
def expected_actors(corpus: ox.Store) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for r in corpus.query(ACTOR_FACTS):
        wd = r["wd"].value.removeprefix(V.WIKIDATA) if r["wd"] is not None else ""
        out[r["x"].value] = {"label": r["label"].value, "type": r["type"].value.removeprefix(V.GK), "wikidata": wd}
    return out


def render(g: nx.Graph, fmt: str) -> bytes:
    buf = io.BytesIO()
    network.write(g, fmt, buf)
    return buf.getvalue()


def edge_weights(g: nx.Graph) -> dict[tuple[str, str], object]:
    return {tuple(sorted((u, v))): d["weight"] for u, v, d in g.edges(data=True)}


def csv_rows(data: bytes) -> list[dict[str, str]]:
    reader = csv.DictReader(io.StringIO(data.decode("utf-8"), newline=""))
    assert tuple(reader.fieldnames or ()) == network.CSV_HEADER
    return list(reader)


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == PNG_MAGIC and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def svg_text(data: bytes) -> str:
    root = ET.fromstring(data)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    return "\n".join(t for el in root.iter("{http://www.w3.org/2000/svg}text") for t in el.itertext())


def two_article_store(resources: pipeline.Resources, folder: Path, files: dict[str, str]) -> ox.Store:
    """An in-memory store built from two articles written as files in ``folder``."""
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    db = ox.Store()
    report = pipeline.build(resources, [folder], db)
    assert report.articles == 2 and not report.problems
    return db


# ------------------------------------------------------------------ the network itself


def test_edges_and_weights_match_sparql(graph: nx.Graph, expected_weights: dict[tuple[str, str], int]) -> None:
    got = edge_weights(graph)
    assert set(got) == set(expected_weights), (f"only in expected: {set(expected_weights) - set(got)}; "
                                               f"only in network: {set(got) - set(expected_weights)}")
    assert got == expected_weights
    assert set(graph.nodes) == {iri for pair in expected_weights for iri in pair}
    assert not graph.is_directed() and nx.number_of_selfloops(graph) == 0


def test_nodes_carry_label_type_and_wikidata(graph: nx.Graph, expected_actors: dict[str, dict[str, str]]) -> None:
    assert {v: dict(d) for v, d in graph.nodes(data=True)} == {v: expected_actors[v] for v in graph.nodes}
    assert all(d["wikidata"] == "" or re.fullmatch(r"Q\d+", d["wikidata"]) for _, d in graph.nodes(data=True))
    assert graph.nodes[PUTIN] == {"label": "Vladimir Putin", "type": "Person", "wikidata": "Q7747"}


def test_pairs_agree_with_the_canned_who_met_whom(corpus: ox.Store, graph: nx.Graph) -> None:
    result = queries.run(corpus, queries.load_query("who_met_whom"))
    canned = {(row[0], row[1]) for row in result.rows}
    ours = {tuple(sorted((graph.nodes[u]["label"], graph.nodes[v]["label"]))) for u, v in graph.edges}
    assert ours == canned


def test_edge_articles_dates_and_places(corpus: ox.Store, graph: nx.Graph) -> None:
    dates: dict[tuple[str, str], set[str]] = {}
    places: dict[tuple[str, str], set[str]] = {}
    for r in corpus.query(MEETING_DETAILS, use_default_graph_as_union=True):
        pair = (r["a"].value, r["b"].value)
        if r["date"] is not None:
            dates.setdefault(pair, set()).add(r["date"].value)
        if r["place"] is not None:
            places.setdefault(pair, set()).add(r["place"].value)
    assert any(dates.values()) and any(places.values()), "the sample corpus has dated and placed meetings"
    for u, v, d in graph.edges(data=True):
        pair = tuple(sorted((u, v)))
        articles = d["articles"].split(";")
        assert articles == sorted(set(articles)) and len(articles) == d["weight"]
        assert d["dates"] == ";".join(sorted(dates.get(pair, ()))), pair
        assert all(ISO_DATE.match(x) for x in d["dates"].split(";") if x)
        assert d["places"] == ";".join(sorted(places.get(pair, ()))), pair


def test_attribute_values_are_plain_str_or_int(graph: nx.Graph) -> None:
    values = [x for _, d in graph.nodes(data=True) for x in d.values()]
    values += [x for _, _, d in graph.edges(data=True) for x in d.values()]
    assert values and all(type(x) in (str, int) for x in values)
    assert all(type(d["weight"]) is int and d["weight"] > 0 for _, _, d in graph.edges(data=True))


def test_two_articles_reporting_a_pair_give_weight_two(resources: pipeline.Resources, tmp_path: Path) -> None:
    db = two_article_store(resources, tmp_path / "in", {
        "a1.txt": SAME_SENTENCE + "\n",
        "a2.txt": "Talks in Turkey\n\n" + SAME_SENTENCE + " The two leaders discussed trade.\n",
    })
    g = network.meeting_network(db)
    assert set(g.nodes) == {PUTIN, ERDOGAN}
    assert g.edges[PUTIN, ERDOGAN] == {"weight": 2, "articles": "a1;a2", "dates": "", "places": "Ankara"}
    assert g.nodes[ERDOGAN]["label"] == "Recep Tayyip Erdoğan"
    rows = csv_rows(render(g, "csv"))
    assert [(r["source_label"], r["target_label"], r["weight"], r["articles"]) for r in rows] == [
        ("Recep Tayyip Erdoğan", "Vladimir Putin", "2", "a1;a2")]


def test_dated_articles_give_sorted_dates_and_places(resources: pipeline.Resources, tmp_path: Path) -> None:
    lines = [{"id": "later", "date": "2025-06-20", "text": SAME_SENTENCE.replace("Ankara on Monday", "Istanbul on Friday")},
             {"id": "earlier", "date": "2025-05-14", "text": SAME_SENTENCE}]
    db = two_article_store(resources, tmp_path / "in",
                           {"news.jsonl": "".join(json.dumps(x) + "\n" for x in lines)})
    edge = network.meeting_network(db).edges[PUTIN, ERDOGAN]
    # "on Monday" before Wednesday 14 May is the 12th; "on Friday" the 20th itself
    assert edge == {"weight": 2, "articles": "earlier;later", "dates": "2025-05-12;2025-06-20",
                    "places": "Ankara;Istanbul"}
    assert csv_rows(render(network.meeting_network(db), "csv"))[0]["dates"] == "2025-05-12;2025-06-20"


# ------------------------------------------------------------------ formats


def test_graphml_round_trip(graph: nx.Graph, expected_weights: dict[tuple[str, str], int]) -> None:
    back = nx.read_graphml(io.BytesIO(render(graph, "graphml")))
    assert set(back.nodes) == set(graph.nodes)
    assert edge_weights(back) == expected_weights
    assert all(type(d["weight"]) is int and d["weight"] > 0 for _, _, d in back.edges(data=True))
    assert {v: dict(d) for v, d in back.nodes(data=True)} == {v: dict(d) for v, d in graph.nodes(data=True)}
    assert {tuple(sorted((u, v))): d for u, v, d in back.edges(data=True)} == \
           {tuple(sorted((u, v))): d for u, v, d in graph.edges(data=True)}


def test_gexf_round_trip(graph: nx.Graph, expected_weights: dict[tuple[str, str], int]) -> None:
    back = nx.read_gexf(io.BytesIO(render(graph, "gexf")))
    assert set(back.nodes) == set(graph.nodes)
    assert edge_weights(back) == expected_weights  # GEXF weights come back as floats: 2.0 == 2
    assert all(d["label"] == graph.nodes[v]["label"] and d["type"] == graph.nodes[v]["type"]
               for v, d in back.nodes(data=True))
    for u, v, d in back.edges(data=True):
        assert d["articles"] == graph.edges[u, v]["articles"] and d["weight"] > 0


def test_csv_edge_list(graph: nx.Graph, expected_weights: dict[tuple[str, str], int]) -> None:
    data = render(graph, "csv")
    assert data.startswith(b"source,target,source_label,target_label,weight,articles,dates\n")
    rows = csv_rows(data)
    assert len(rows) == graph.number_of_edges()
    assert {(r["source"], r["target"]): int(r["weight"]) for r in rows} == expected_weights
    for r in rows:
        assert r["source_label"] == graph.nodes[r["source"]]["label"]
        assert r["target_label"] == graph.nodes[r["target"]]["label"]
        assert r["articles"] == graph.edges[r["source"], r["target"]]["articles"]
        assert r["dates"] == graph.edges[r["source"], r["target"]]["dates"]
    assert rows == sorted(rows, key=lambda r: (r["source"], r["target"]))


def test_png_is_a_sized_picture(graph: nx.Graph) -> None:
    data = render(graph, "png")
    width, height = png_size(data)
    assert 400 <= width <= 4000 and 400 <= height <= 4000
    assert len(data) > 20_000
    assert render(graph, "png") == data, "a fixed layout seed should draw the same picture every time"


def test_svg_has_the_actor_labels_as_text(graph: nx.Graph) -> None:
    data = render(graph, "svg")
    text = svg_text(data)
    missing = [d["label"] for _, d in graph.nodes(data=True) if d["label"] not in text]
    assert not missing
    assert "https://w3id.org" not in text, "labels, not IRIs"
    assert render(graph, "svg") == data


def test_picture_size_grows_with_the_network(graph: nx.Graph) -> None:
    small = network.build_network([], [network.MetReport("http://x.org/a", "http://x.org/b", "art")])
    assert png_size(render(small, "png"))[0] < png_size(render(graph, "png"))[0]


@pytest.mark.parametrize("fmt", network.FORMATS)
def test_path_and_stream_get_the_same_bytes(graph: nx.Graph, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"net.{fmt}"
    network.write(graph, fmt, out)
    assert out.read_bytes() == render(graph, fmt)
    assert [p.name for p in tmp_path.iterdir()] == [out.name], "no .part file left behind"


def test_empty_store_gives_valid_empty_outputs() -> None:
    g = network.meeting_network(ox.Store())
    assert g.number_of_nodes() == 0 and g.number_of_edges() == 0
    assert nx.read_graphml(io.BytesIO(render(g, "graphml"))).number_of_nodes() == 0
    assert nx.read_gexf(io.BytesIO(render(g, "gexf"))).number_of_nodes() == 0
    assert render(g, "csv") == b"source,target,source_label,target_label,weight,articles,dates\n"
    assert png_size(render(g, "png"))[0] >= 400
    assert "no meetings in the store" in svg_text(render(g, "svg"))


def test_unknown_format_is_a_kg_error_and_writes_nothing(graph: nx.Graph, tmp_path: Path) -> None:
    out = tmp_path / "net.dot"
    with pytest.raises(KgError, match="graphml, gexf, csv, png, svg"):
        network.write(graph, "dot", out)
    assert list(tmp_path.iterdir()) == []


# ------------------------------------------------------------------ the command


@needs_cli
@pytest.mark.parametrize("fmt", ["csv", "graphml", "svg"])
def test_cli_writes_the_network_to_stdout(corpus_path: Path, graph: nx.Graph, fmt: str) -> None:
    result = CliRunner().invoke(cli, ["network", "--store", str(corpus_path), "--format", fmt],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    if fmt == "csv":
        assert result.stdout_bytes == render(graph, "csv")
    elif fmt == "graphml":
        assert edge_weights(nx.read_graphml(io.BytesIO(result.stdout_bytes))) == edge_weights(graph)
    else:
        assert "Vladimir Putin" in svg_text(result.stdout_bytes)


@needs_cli
def test_cli_writes_png_to_a_file(corpus_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "who.png"
    result = CliRunner().invoke(cli, ["network", "--store", str(corpus_path), "--format", "png", "--output", str(out)],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    assert png_size(out.read_bytes())[0] >= 400
    assert PNG_MAGIC not in result.stdout_bytes


@needs_cli
def test_cli_refuses_an_unknown_format(corpus_path: Path) -> None:
    result = CliRunner().invoke(cli, ["network", "--store", str(corpus_path), "--format", "dot"])
    assert result.exit_code == 2
    assert result.stdout_bytes == b""
