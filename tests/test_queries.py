"""Every canned query parses and answers on a store built from the sample corpus; bindings are substitutions."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg import paths, pipeline, queries

NAMES = sorted(p.stem for p in paths.QUERIES.glob("*.rq"))


@pytest.fixture(scope="module")
def store(resources: pipeline.Resources) -> ox.Store:
    db = ox.Store()
    report = pipeline.build(resources, [paths.ARTICLES], db)
    assert report.articles == 12 and not report.problems
    return db


@pytest.mark.parametrize("name", NAMES)
def test_canned_query_has_header_and_rows(store: ox.Store, name: str) -> None:
    text = queries.load_query(name)
    assert text.startswith("#"), f"{name}.rq needs a header comment"
    assert queries.available()[name]
    params = {"name": "Vladimir Putin"} if name == "actor_facts" else {}
    result = queries.run(store, text, params)
    assert result.rows, f"{name} returned no rows on the sample corpus"


def test_who_met_whom_rows_carry_evidence(store: ox.Store) -> None:
    result = queries.run(store, queries.load_query("who_met_whom"))
    idx = result.variables.index("sentence")
    assert all(row[idx] for row in result.rows)
    pairs = {(r[0], r[1]) for r in result.rows}
    assert ("Donald Trump", "Vladimir Putin") in pairs


def test_param_is_a_substitution_not_text(store: ox.Store) -> None:
    hostile = 'x" } } ; DROP ALL ; SELECT * WHERE { ?s ?p ?o . FILTER("'
    result = queries.run(store, queries.load_query("actor_facts"), {"name": hostile})
    assert result.rows == ()
    assert len(store) > 0


def test_unknown_query_lists_names() -> None:
    with pytest.raises(queries.UnknownQuery, match="who_met_whom"):
        queries.load_query("no_such_query")


def test_syntax_error_is_a_query_error(store: ox.Store) -> None:
    with pytest.raises(queries.QueryError, match="syntax"):
        queries.run(store, "SELECT ?x WHERE { ?x ")


def test_rq_path_is_read(tmp_path: Path, store: ox.Store) -> None:
    rq = tmp_path / "count.rq"
    rq.write_text("# count\nSELECT (COUNT(*) AS ?n) WHERE { ?s gk:met ?o }", encoding="utf-8")
    result = queries.run(store, queries.load_query(str(rq)))
    assert int(result.rows[0][0]) > 0


@pytest.mark.parametrize("update", ["DELETE WHERE { ?s ?p ?o }", "PREFIX x: <http://x/> INSERT DATA { x:a x:b x:c }",
                                    "drop all"])
def test_update_is_refused_and_store_unchanged(store: ox.Store, update: str) -> None:
    before = len(store)
    with pytest.raises(queries.QueryError, match="read-only"):
        queries.run(store, queries.load_query(update))
    assert len(store) == before
