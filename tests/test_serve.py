"""kg serve: Oxigraph's real server over a real store, spoken to with the SPARQL 1.1 Protocol."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib

from kg import paths, pipeline, queries, serve, store
from kg.errors import StoreError
from servers import KG, start_server, stop_server

PAIRS = """PREFIX gk: <https://w3id.org/geokg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?a ?b WHERE { ?x gk:met ?y . ?x rdfs:label ?a . ?y rdfs:label ?b . FILTER(STR(?a) < STR(?b)) }
ORDER BY ?a ?b"""
CONSTRUCT = "PREFIX gk: <https://w3id.org/geokg/ontology#> CONSTRUCT { ?x gk:met ?y } WHERE { ?x gk:met ?y }"
SRX = "{http://www.w3.org/2005/sparql-results#}"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, resources: pipeline.Resources) -> Path:
    path = tmp_path_factory.mktemp("served") / "store"
    db = store.open_store(path)
    pipeline.build(resources, [paths.ARTICLES], db)
    db.flush()
    del db
    return path


@pytest.fixture(scope="module")
def expected(built: Path) -> dict:
    db = store.open_store(built, read_only=True)
    result = queries.run(db, PAIRS)
    out = {"pairs": [tuple(r) for r in result.rows],
           "met": {(t.subject.value, t.object.value) for t in db.query(CONSTRUCT, use_default_graph_as_union=True)},
           "quads": len(db)}
    del db
    return out


@pytest.fixture(scope="module")
def server(built: Path, expected: dict) -> Iterator[tuple[str, str, subprocess.Popen]]:
    proc, endpoint, page = start_server(built, "--timeout", "2")
    yield endpoint, page, proc
    stop_server(proc)


def fetch(url: str, data: bytes | None = None, headers: dict | None = None, timeout: float = 30
          ) -> tuple[int, str, bytes]:
    req = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, r.headers.get("Content-Type", ""), r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Type", ""), e.read()


def get_query(endpoint: str, query: str, accept: str) -> tuple[int, str, bytes]:
    return fetch(f"{endpoint}/query?{urllib.parse.urlencode({'query': query})}", headers={"Accept": accept})


def rows_from(ctype: str, body: bytes) -> list[tuple[str, str]]:
    """Parse a SELECT ?a ?b result in any of the four result formats into (a, b) strings."""
    text = body.decode("utf-8")
    if "json" in ctype:
        data = json.loads(text)
        assert data["head"]["vars"] == ["a", "b"]
        return [(b["a"]["value"], b["b"]["value"]) for b in data["results"]["bindings"]]
    if "xml" in ctype:
        root = ET.fromstring(body)
        return [tuple(r.find(f"{SRX}binding[@name='{v}']/{SRX}literal").text for v in ("a", "b"))
                for r in root.iter(f"{SRX}result")]
    if "csv" in ctype:
        reader = list(csv.reader(io.StringIO(text)))
        assert reader[0] == ["a", "b"]
        return [tuple(r) for r in reader[1:]]
    if "tab-separated" in ctype:
        lines = text.rstrip("\n").split("\n")
        assert lines[0].split("\t") == ["?a", "?b"]
        return [tuple(json.loads(cell) if cell.startswith('"') else cell for cell in ln.split("\t"))
                for ln in lines[1:]]
    raise AssertionError(f"unexpected content type {ctype}")


@pytest.mark.parametrize("accept,ctype", [
    ("application/sparql-results+json", "application/sparql-results+json"),
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/csv", "text/csv"),
    ("text/tab-separated-values", "text/tab-separated-values"),
])
def test_get_select_in_each_result_format(server, expected, accept: str, ctype: str) -> None:
    status, got_type, body = get_query(server[0], PAIRS, accept)
    assert status == 200, body
    assert got_type.startswith(ctype)
    assert rows_from(got_type, body) == expected["pairs"]
    assert len(expected["pairs"]) >= 10


def test_post_direct_and_form_encoded(server, expected) -> None:
    accept = {"Accept": "application/sparql-results+json"}
    status, ctype, body = fetch(f"{server[0]}/query", PAIRS.encode(),
                                {**accept, "Content-Type": "application/sparql-query"})
    assert status == 200 and rows_from(ctype, body) == expected["pairs"]
    status, ctype, body = fetch(f"{server[0]}/query", urllib.parse.urlencode({"query": PAIRS}).encode(),
                                {**accept, "Content-Type": "application/x-www-form-urlencoded"})
    assert status == 200 and rows_from(ctype, body) == expected["pairs"]


def test_named_graphs_are_queried_as_one_union(server) -> None:
    """No GRAPH clause: facts from every article graph are found."""
    q = "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a <https://w3id.org/geokg/ontology#Article> }"
    status, _, body = get_query(server[0], q, "application/sparql-results+json")
    n = int(json.loads(body)["results"]["bindings"][0]["n"]["value"])
    assert status == 200 and n == len(list(paths.ARTICLES.glob("*.txt")))


def test_construct_as_turtle(server, expected) -> None:
    status, ctype, body = get_query(server[0], CONSTRUCT, "text/turtle")
    assert status == 200 and ctype.startswith("text/turtle")
    g = rdflib.Graph().parse(data=body.decode("utf-8"), format="turtle")
    assert {(str(s), str(o)) for s, _, o in g} == expected["met"]
    assert len(g) == len(expected["met"]) > 0


@pytest.mark.parametrize("how", ["update endpoint", "update as query", "update form"])
def test_updates_are_refused_and_nothing_changes(server, built, expected, how: str) -> None:
    update = "DROP ALL"
    if how == "update endpoint":
        status, _, _ = fetch(f"{server[0]}/update", update.encode(), {"Content-Type": "application/sparql-update"})
    elif how == "update as query":
        status, _, _ = fetch(f"{server[0]}/query", update.encode(), {"Content-Type": "application/sparql-query"})
    else:
        status, _, _ = fetch(f"{server[0]}/update", urllib.parse.urlencode({"update": update}).encode(),
                             {"Content-Type": "application/x-www-form-urlencoded"})
    assert 400 <= status < 500
    status, ctype, body = get_query(server[0], "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }",
                                    "application/sparql-results+json")
    assert int(json.loads(body)["results"]["bindings"][0]["n"]["value"]) == expected["quads"]


def test_graph_store_writes_are_refused(server, expected) -> None:
    status, _, _ = fetch(f"{server[0]}/store?default", b"<urn:a> <urn:b> <urn:c> .",
                         {"Content-Type": "application/n-triples"})
    assert 400 <= status < 500


def test_a_runaway_query_is_stopped_by_the_timeout(server) -> None:
    """The server was started with --timeout 2; a cross product of the store with itself three times cannot finish."""
    q = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    start = time.monotonic()
    status, _, body = get_query(server[0], q, "application/sparql-results+json")
    # Oxigraph has already sent 200 and the head when the timeout fires: the body ends in its message instead
    assert time.monotonic() - start < 20
    assert b"cancelled" in body
    with pytest.raises(json.JSONDecodeError):
        json.loads(body)
    status, _, _ = get_query(server[0], "ASK {}", "application/sparql-results+json")
    assert status == 200  # and the server still answers


def test_binds_to_loopback_by_default(server, built) -> None:
    info = json.loads(store.marker_path(built).read_text())
    cmdline = Path(f"/proc/{info['server_pid']}/cmdline").read_bytes().split(b"\0")
    port = server[0].rsplit(":", 1)[1]
    assert f"127.0.0.1:{port}".encode() in cmdline
    assert b"serve-read-only" in cmdline and b"--union-default-graph" in cmdline


def test_yasgui_page_is_served(server) -> None:
    status, ctype, body = fetch(f"{server[0]}/")
    assert status == 200 and ctype.startswith("text/html")
    assert b"yasgui" in body.lower()


def test_query_page_links_every_canned_query(server) -> None:
    status, ctype, body = fetch(server[1] + "/")
    assert status == 200 and ctype.startswith("text/html")
    page = body.decode("utf-8")
    for name in queries.available():
        assert f">{name}</a>" in page
        status, _, text = fetch(f"{server[1]}/{name}.rq")
        assert status == 200 and text.decode("utf-8") == (paths.QUERIES / f"{name}.rq").read_text(encoding="utf-8")
    assert fetch(f"{server[1]}/../pyproject.toml")[0] == 404
    assert fetch(f"{server[1]}/nope.rq")[0] == 404


def test_yasgui_link_carries_the_query_and_the_endpoint() -> None:
    link = serve.yasgui_link("http://127.0.0.1:7878", "SELECT * { ?s ?p ?o }")
    fragment = urllib.parse.parse_qs(urllib.parse.urlsplit(link).fragment)
    assert fragment == {"query": ["SELECT * { ?s ?p ?o }"], "endpoint": ["http://127.0.0.1:7878/query"]}


def test_build_is_refused_while_served_and_allowed_after(built, server, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Vladimir Putin met Recep Tayyip Erdogan in Ankara on Monday.\n", encoding="utf-8")
    run = subprocess.run([*KG, "build", str(article), "--store", str(built)], capture_output=True, text=True)
    assert run.returncode == 2
    assert "being served by kg serve" in run.stderr and "one writer at a time" in run.stderr
    second = subprocess.run([*KG, "serve", "--store", str(built), "--port", "1"], capture_output=True, text=True,
                            timeout=30)
    assert second.returncode == 2 and "already served" in second.stderr


def test_stop_removes_the_marker_and_frees_the_store(resources: pipeline.Resources, tmp_path: Path) -> None:
    built = tmp_path / "own"
    db = store.open_store(built)
    pipeline.build(resources, [sorted(paths.ARTICLES.glob("*.txt"))[0]], db)
    quads = len(db)
    del db
    proc, endpoint, _ = start_server(built)
    assert store.serving(built) is not None
    stop_server(proc)
    assert proc.returncode == 0
    assert not store.marker_path(built).exists()
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(f"{endpoint}/query?query=ASK%7B%7D", timeout=2)
    db = store.open_store(built)  # a writer may open it again
    assert len(db) == quads > 0


def test_a_stale_marker_is_ignored(built: Path, tmp_path: Path) -> None:
    marker = store.marker_path(built)
    proc = subprocess.Popen(["true"])
    proc.wait()
    marker.write_text(json.dumps({"pid": proc.pid, "url": "http://gone"}))
    try:
        assert store.serving(built) is None
        assert not marker.exists()
    finally:
        marker.unlink(missing_ok=True)


def test_serving_a_missing_store_is_a_clear_error(tmp_path: Path) -> None:
    run = subprocess.run([*KG, "serve", "--store", str(tmp_path / "none")], capture_output=True, text=True, timeout=30)
    assert run.returncode == 2 and "no kg store at" in run.stderr


def test_a_store_being_written_is_not_served(tmp_path: Path) -> None:
    path = tmp_path / "busy"
    writer = ox.Store(str(path))  # holds the RocksDB lock like a running build
    writer.add(ox.Quad(ox.NamedNode("urn:a"), ox.NamedNode("urn:b"), ox.NamedNode("urn:c"), ox.NamedNode("urn:g")))
    writer.flush()
    run = subprocess.run([*KG, "serve", "--store", str(path)], capture_output=True, text=True, timeout=30)
    assert run.returncode == 2 and "being written by another process" in run.stderr
    del writer


def test_a_port_in_use_is_a_clear_error_and_leaves_nothing_running(built: Path) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        run = subprocess.run([*KG, "serve", "--store", str(built), "--port", str(port)], capture_output=True,
                             text=True, timeout=30)
        assert run.returncode == 2 and f"cannot listen on 127.0.0.1:{port}" in run.stderr
        page = subprocess.run([*KG, "serve", "--store", str(built), "--port", str(port - 1), "--queries-port",
                               str(port)], capture_output=True, text=True, timeout=30)
        assert page.returncode == 2 and "cannot open the query page" in page.stderr
    with pytest.raises(OSError):  # the Oxigraph started for the second try was stopped with it
        socket.create_connection(("127.0.0.1", port - 1), timeout=2).close()


def test_kg_serve_killed_leaves_no_server_and_no_writer_beside_a_reader(resources: pipeline.Resources,
                                                                          tmp_path: Path) -> None:
    """Regression: after `kill -9` of kg serve its Oxigraph kept reading the store, and the marker was taken
    for stale, so a build could open the store beside it. Now Oxigraph dies with kg serve."""
    import os
    import signal

    built = tmp_path / "own"
    db = store.open_store(built)
    pipeline.build(resources, [sorted(paths.ARTICLES.glob("*.txt"))[0]], db)
    del db
    proc, endpoint, _ = start_server(built)
    server_pid = json.loads(store.marker_path(built).read_text())["server_pid"]
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    for _ in range(100):
        if not Path(f"/proc/{server_pid}").exists() or "Z" in Path(f"/proc/{server_pid}/stat").read_text().split()[2]:
            break
        time.sleep(0.1)
    else:
        raise AssertionError("Oxigraph outlived kg serve")
    assert store.serving(built) is None  # everything is gone: the marker is stale


def test_kg_serve_stops_when_oxigraph_dies(built: Path, resources: pipeline.Resources, tmp_path: Path) -> None:
    import os
    import signal

    own = tmp_path / "own"
    db = store.open_store(own)
    pipeline.build(resources, [sorted(paths.ARTICLES.glob("*.txt"))[0]], db)
    del db
    proc, _, _ = start_server(own)
    os.kill(json.loads(store.marker_path(own).read_text())["server_pid"], signal.SIGKILL)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 2 and "Oxigraph server exited on its own" in err
    assert not store.marker_path(own).exists()


def test_a_marker_whose_server_outlived_kg_serve_still_blocks_builds(tmp_path: Path) -> None:
    path = tmp_path / "s"
    store.open_store(path).flush()
    sleeper = subprocess.Popen(["sleep", "30"])  # stands for an orphaned Oxigraph
    gone = subprocess.Popen(["true"])
    gone.wait()
    store.marker_path(path).write_text(json.dumps({"pid": gone.pid, "server_pid": sleeper.pid, "url": "http://x"}))
    try:
        with pytest.raises(StoreError, match="being served"):
            store.open_store(path)
    finally:
        sleeper.kill()
        sleeper.wait()
    assert store.serving(path) is None and not store.marker_path(path).exists()


def test_query_and_export_run_beside_a_server(server, built: Path, expected: dict) -> None:
    """The README says kg query and kg export only read, so they may run while the store is served."""
    q = subprocess.run([*KG, "query", "who_met_whom", "--store", str(built), "--format", "csv"],
                       capture_output=True, text=True, timeout=120)
    assert q.returncode == 0 and len(q.stdout.splitlines()) > 1, q.stderr
    e = subprocess.run([*KG, "export", "--store", str(built), "--format", "nquads"], capture_output=True, timeout=120)
    assert e.returncode == 0 and len(e.stdout.splitlines()) == expected["quads"]
