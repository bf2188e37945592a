"""`kg query --list` and `kg export --graph` on a real store built by the CLI."""
from __future__ import annotations

from pathlib import Path

import pytest
import rdflib
from click.testing import CliRunner

from kg import paths
from kg.cli import cli


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("opts") / "S"
    result = CliRunner().invoke(cli, ["build", str(paths.ARTICLES / "05_alaska_summit.txt"),
                                      str(paths.ARTICLES / "12_busan_trump_xi.txt"), "--store", str(path)])
    assert result.exit_code == 0, result.output
    return path


def test_query_list_names_every_canned_query() -> None:
    result = CliRunner().invoke(cli, ["query", "--list"])
    assert result.exit_code == 0
    listed = [line.split("\t")[0] for line in result.output.splitlines()]
    assert listed == sorted(p.stem for p in paths.QUERIES.glob("*.rq"))


def test_query_without_query_is_a_usage_error() -> None:
    assert CliRunner().invoke(cli, ["query"]).exit_code == 2


def test_export_one_article_graph(store: Path) -> None:
    result = CliRunner().invoke(cli, ["export", "--store", str(store), "--graph", "05_alaska_summit",
                                      "--format", "ntriples"])
    assert result.exit_code == 0
    g = rdflib.Graph().parse(data=result.stdout, format="nt")
    articles = set(g.subjects(rdflib.RDF.type, rdflib.URIRef("https://w3id.org/geokg/ontology#Article")))
    assert articles == {rdflib.URIRef("https://w3id.org/geokg/id/article/05_alaska_summit")}


def test_export_unknown_graph_is_an_error(store: Path) -> None:
    result = CliRunner().invoke(cli, ["export", "--store", str(store), "--graph", "nope"])
    assert result.exit_code == 2 and "nope" in result.output
