"""Rebuilds skip unchanged articles, worker processes and a Dask cluster give the same store as one process.

The Dask tests start a real LocalCluster with two worker processes and a real `oxigraph serve` on localhost.
"""
from __future__ import annotations

import json
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg import paths, pipeline, rdf, store
from kg.articles import read_inputs
from kg.errors import StoreError
from kg.records import Article

KG = [sys.executable, "-m", "kg"]
ARTICLES = sorted(paths.ARTICLES.glob("*.txt"))


def quads(path: Path) -> set[str]:
    db = store.open_store(path, read_only=True)
    out = {str(q) for q in db}
    del db
    return out


def kg(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    run = subprocess.run([*KG, *args], capture_output=True, text=True, timeout=600)
    if check:
        assert run.returncode == 0, run.stderr[-3000:]
    return run


@pytest.fixture(scope="module")
def one_process(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The reference: the sample corpus built by `kg build` in one process."""
    path = tmp_path_factory.mktemp("one") / "store"
    kg("build", str(paths.ARTICLES), "--store", str(path), "-q")
    return path


def copy_articles(folder: Path) -> Path:
    folder.mkdir()
    for a in ARTICLES[:4]:
        (folder / a.name).write_text(a.read_text(encoding="utf-8"), encoding="utf-8")
    return folder


def test_rebuilding_an_unchanged_corpus_skips_every_article(resources: pipeline.Resources, tmp_path: Path) -> None:
    folder = copy_articles(tmp_path / "in")
    db = store.open_store(tmp_path / "s")
    first = pipeline.build(resources, [folder], db)
    before = {str(q) for q in db}
    again = pipeline.build(resources, [folder], db)
    assert first.articles == 4 and first.unchanged == 0
    assert again.unchanged == 4 and again.articles == 0 and again.triples == 0
    assert {str(q) for q in db} == before


def test_a_changed_article_is_replaced_and_the_others_skipped(resources: pipeline.Resources, tmp_path: Path) -> None:
    folder = copy_articles(tmp_path / "in")
    db = store.open_store(tmp_path / "s")
    pipeline.build(resources, [folder], db)
    changed = folder / ARTICLES[0].name
    changed.write_text("Talks in Geneva\n\nAntonio Guterres met Xi Jinping in Geneva on Monday.\n", encoding="utf-8")
    report = pipeline.build(resources, [folder], db)
    assert report.articles == 1 and report.unchanged == 3
    graph = ox.NamedNode(rdf.article_iri(ARTICLES[0].stem))
    labels = {q.object.value for q in db.quads_for_pattern(None, ox.NamedNode(
        "http://www.w3.org/2000/01/rdf-schema#label"), None, graph)}
    assert "Xi Jinping" in labels and "Vladimir Putin" not in labels  # the old facts are gone


def test_force_and_a_new_fingerprint_rebuild_everything(resources: pipeline.Resources, tmp_path: Path) -> None:
    folder = copy_articles(tmp_path / "in")
    db = store.open_store(tmp_path / "s")
    pipeline.build(resources, [folder], db)
    assert pipeline.build(resources, [folder], db, force=True).articles == 4
    other = pipeline.build(resources, [folder], db, fingerprint_="geokg other-rules")
    assert other.articles == 4 and other.unchanged == 0
    stamps = {q.object.value for q in db.quads_for_pattern(None, ox.NamedNode(
        "https://w3id.org/geokg/ontology#extractedWith"), None, None)}
    assert stamps == {resources.fingerprint}  # the stamp is what extracted the facts


def test_metadata_change_alone_rebuilds_the_article(resources: pipeline.Resources, tmp_path: Path) -> None:
    text = ARTICLES[0].read_text(encoding="utf-8")
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "x", "title": "First title", "text": text}) + "\n", encoding="utf-8")
    db = store.open_store(tmp_path / "s")
    pipeline.build(resources, [feed], db)
    feed.write_text(json.dumps({"id": "x", "title": "Second title", "text": text}) + "\n", encoding="utf-8")
    report = pipeline.build(resources, [feed], db)
    assert report.articles == 1
    titles = {q.object.value for q in db.quads_for_pattern(None, ox.NamedNode(
        "https://w3id.org/geokg/ontology#title"), None, None)}
    assert titles == {"Second title"}


def test_small_write_batches_store_the_same(resources: pipeline.Resources, tmp_path: Path, one_process: Path) -> None:
    db = store.open_store(tmp_path / "s")
    pipeline.build(resources, [paths.ARTICLES], db, write_batch=5)
    assert {str(q) for q in db} == quads(one_process)


def test_fingerprint_names_kg_and_the_model_and_changes_with_the_ontology(tmp_path: Path) -> None:
    fp = pipeline.fingerprint()
    assert fp.startswith("geokg ") and "sha256:" in fp and "-3.8.0" in fp
    edited = tmp_path / "onto.ttl"
    edited.write_text(paths.ONTOLOGY.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert pipeline.fingerprint(ontology_path=edited) != fp


def test_cli_rebuild_reports_skipped_articles(tmp_path: Path) -> None:
    folder = copy_articles(tmp_path / "in")
    kg("build", str(folder), "--store", str(tmp_path / "s"), "-q")
    run = kg("build", str(folder), "--store", str(tmp_path / "s"), "-q")
    assert "unchanged, skipped: 4" in run.stdout and "articles: 0" in run.stdout


def test_two_workers_store_the_same_as_one_process(tmp_path: Path, one_process: Path) -> None:
    run = kg("build", str(paths.ARTICLES), "--store", str(tmp_path / "w2"), "--workers", "2", "-q")
    assert "articles: 12" in run.stdout
    assert quads(tmp_path / "w2") == quads(one_process)


# --- Dask: a LocalCluster with two worker processes, and Oxigraph's own server -----------------------

@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    distributed = pytest.importorskip("dask.distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as c:
        yield c.scheduler_address


@pytest.fixture()
def oxigraph_server(tmp_path: Path) -> Iterator[str]:
    from kg.serve import oxigraph_command
    from servers import free_port_pair

    port = free_port_pair()
    proc = subprocess.Popen([oxigraph_command(), "serve", "--location", str(tmp_path / "server"),
                             "--bind", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(f"{url}/query?query=ASK%7B%7D", timeout=1).close()
            break
        except OSError:
            time.sleep(0.1)
    yield url
    proc.terminate()
    proc.wait(timeout=20)


def server_quads(url: str) -> set[str]:
    req = urllib.request.Request(f"{url}/store", headers={"Accept": "application/n-quads"})
    with urllib.request.urlopen(req, timeout=60) as r:
        return {str(q) for q in ox.parse(r.read(), format=ox.RdfFormat.N_QUADS)}


def test_dask_build_into_the_local_store_equals_one_process(cluster: str, tmp_path: Path, one_process: Path) -> None:
    run = kg("build", str(paths.ARTICLES), "--store", str(tmp_path / "d"), "--dask", cluster, "-q")
    assert "articles: 12" in run.stdout
    assert quads(tmp_path / "d") == quads(one_process)


def test_dask_workers_push_each_graph_into_oxigraph(cluster: str, oxigraph_server: str, one_process: Path) -> None:
    run = kg("build", str(paths.ARTICLES), "--dask", cluster, "--push", oxigraph_server, "-q")
    assert "articles: 12" in run.stdout
    assert server_quads(oxigraph_server) == quads(one_process)
    again = kg("build", str(paths.ARTICLES), "--dask", cluster, "--push", oxigraph_server, "-q")
    assert "unchanged, skipped: 12" in again.stdout  # the server's hashes are read back
    forced = kg("build", str(paths.ARTICLES), "--dask", cluster, "--push", oxigraph_server, "--force", "-q")
    assert "articles: 12" in forced.stdout
    assert server_quads(oxigraph_server) == quads(one_process)  # a PUT replaces: pushing twice changes nothing


def test_push_to_a_server_that_is_not_there_is_a_clear_error(cluster: str) -> None:
    run = kg("build", str(ARTICLES[0]), "--dask", cluster, "--push", "http://127.0.0.1:9", check=False)
    assert run.returncode == 2 and "cannot query the Oxigraph server at http://127.0.0.1:9" in run.stderr


def test_put_graph_replaces_the_graph(oxigraph_server: str) -> None:
    from kg.distributed import put_graph
    from kg.records import IRI, Triple

    t1 = Triple(IRI("urn:a"), IRI("urn:p"), IRI("urn:b"))
    t2 = Triple(IRI("urn:a"), IRI("urn:p"), IRI("urn:c"))
    assert put_graph(oxigraph_server, "urn:g", [t1]) == 1
    assert put_graph(oxigraph_server, "urn:g", [t2]) == 1
    assert server_quads(oxigraph_server) == {"<urn:a> <urn:p> <urn:c> <urn:g>"}
    with pytest.raises(StoreError, match="cannot reach"):
        put_graph("http://127.0.0.1:9", "urn:g", [t1], attempts=1)


def test_options_that_exclude_each_other_are_usage_errors(tmp_path: Path) -> None:
    run = kg("build", str(ARTICLES[0]), "--push", "http://127.0.0.1:9", check=False)
    assert run.returncode == 2 and "--push needs --dask" in run.stderr
    run = kg("build", str(ARTICLES[0]), "--dask", "tcp://127.0.0.1:9", "--workers", "2", check=False)
    assert run.returncode == 2 and "exclude each other" in run.stderr


def test_the_store_process_reports_a_locked_store(tmp_path: Path) -> None:
    from kg.sink import StoreProcess

    holder = ox.Store(str(tmp_path / "s"))  # like a build already running
    with pytest.raises(StoreError, match="in use by another process"):
        StoreProcess(tmp_path / "s", pipeline.fingerprint())
    del holder


def test_the_store_process_checks_and_writes_what_it_is_sent(resources: pipeline.Resources, tmp_path: Path,
                                                             one_process: Path) -> None:
    """Unchecked extractions sent to the store process come out as the one-process build stores them."""
    from kg.sink import StoreProcess

    sink = StoreProcess(tmp_path / "s", resources.fingerprint)
    report = pipeline.build(None, [paths.ARTICLES], sink, processor=lambda arts: pipeline.extract_all(resources, arts),
                            fingerprint_=resources.fingerprint)
    assert report.articles == 12 and report.facts > 100 and report.triples == len(quads(one_process))
    assert quads(tmp_path / "s") == quads(one_process)


def test_the_same_article_twice_in_one_build_keeps_the_second(resources: pipeline.Resources, tmp_path: Path) -> None:
    """The first copy is bulk-loaded as a new graph; the second must replace it, not add to it."""
    feed = tmp_path / "feed.jsonl"
    lines = [{"id": "dup", "title": "One", "text": "Antonio Guterres met Xi Jinping in Geneva on Monday."},
             {"id": "dup", "title": "Two", "text": "Emmanuel Macron met Olaf Scholz in Paris on Monday."}]
    feed.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    db = store.open_store(tmp_path / "s")
    pipeline.build(resources, [feed], db)
    g = ox.NamedNode(rdf.article_iri("dup"))
    titles = {q.object.value for q in db.quads_for_pattern(None, ox.NamedNode(
        "https://w3id.org/geokg/ontology#title"), None, g)}
    hashes = list(db.quads_for_pattern(None, ox.NamedNode("https://w3id.org/geokg/ontology#contentHash"), None, g))
    assert titles == {"Two"} and len(hashes) == 1


def test_a_graph_loaded_but_never_stamped_is_rebuilt(resources: pipeline.Resources, tmp_path: Path) -> None:
    """What an interrupted bulk load leaves (triples without gk:extractedWith) is not taken for unchanged."""
    folder = copy_articles(tmp_path / "in")
    db = store.open_store(tmp_path / "s")
    pipeline.build(resources, [folder], db)
    graph = rdf.article_iri(ARTICLES[0].stem)
    db.update(f"DELETE WHERE {{ GRAPH <{graph}> {{ ?s <https://w3id.org/geokg/ontology#extractedWith> ?o }} }}")
    db.update(f"DELETE WHERE {{ GRAPH <{graph}> {{ ?s <https://w3id.org/geokg/ontology#met> ?o }} }}")
    report = pipeline.build(resources, [folder], db)
    assert report.articles == 1 and report.unchanged == 3
    assert any(db.quads_for_pattern(None, ox.NamedNode("https://w3id.org/geokg/ontology#met"), None,
                                    ox.NamedNode(graph)))


def test_packed_graphs_store_the_same_triples(resources: pipeline.Resources, tmp_path: Path) -> None:
    article = next(a for a in read_inputs([ARTICLES[0]]) if isinstance(a, Article))
    done = next(pipeline.process(resources, [article]))
    packed = pipeline.pack(done)
    assert packed.stored and not packed.triples and packed.stamp == resources.fingerprint
    a, b = ox.Store(), ox.Store()
    store.replace_graphs(a, [(rdf.article_iri(done.article_id), done.triples)])
    store.load_new_graphs(b, [(rdf.article_iri(done.article_id), packed.body, packed.stamp)])
    assert {str(q) for q in a} == {str(q) for q in b} and len(a) == packed.size


@pytest.mark.parametrize("extra", [[], ["--workers", "2"]])
def test_a_model_that_does_not_load_is_exit_2_not_a_hang(tmp_path: Path, extra: list[str]) -> None:
    """Regression: a worker pool whose initializer raises restarts it forever; kg reports the error instead."""
    run = subprocess.run([*KG, "build", str(ARTICLES[0]), "--store", str(tmp_path / "s"), "--model", "no_such_model",
                          *extra], capture_output=True, text=True, timeout=120)
    assert run.returncode == 2 and "cannot load spaCy model 'no_such_model'" in run.stderr


@pytest.mark.parametrize("extra", [[], ["--force"], ["--workers", "2", "--force"]])
def test_a_changed_article_replaces_its_old_graph_through_the_cli(tmp_path: Path, extra: list[str]) -> None:
    """Regression: the store process (and --force) bulk-loaded a changed article on top of its old graph,
    merging old and new facts and leaving two content hashes."""
    article = tmp_path / "a.txt"
    article.write_text("Talks\n\nVladimir Putin met Recep Tayyip Erdogan in Ankara on Monday.\n", encoding="utf-8")
    kg("build", str(article), "--store", str(tmp_path / "s"), "-q")
    article.write_text("Talks\n\nEmmanuel Macron met Olaf Scholz in Paris on Monday.\n", encoding="utf-8")
    kg("build", str(article), "--store", str(tmp_path / "s"), "-q", *extra)
    db = store.open_store(tmp_path / "s", read_only=True)
    g = ox.NamedNode(rdf.article_iri("a"))
    labels = {q.object.value for q in db.quads_for_pattern(None, ox.NamedNode(
        "http://www.w3.org/2000/01/rdf-schema#label"), None, g)}
    hashes = list(db.quads_for_pattern(None, ox.NamedNode("https://w3id.org/geokg/ontology#contentHash"), None, g))
    assert "Olaf Scholz" in labels and "Vladimir Putin" not in labels
    assert len(hashes) == 1


def test_an_article_that_now_stores_nothing_loses_its_old_graph(tmp_path: Path) -> None:
    from kg.records import IRI, Triple
    from kg.sink import StoreSink

    db = ox.Store()
    graph = rdf.article_iri("x")
    sink = StoreSink(db)
    sink.write([pipeline.Processed("x", (Triple(IRI(graph), IRI("urn:p"), IRI("urn:o")),))])
    sink.close()
    assert len(db) == 1
    again = StoreSink(db)
    again.write([pipeline.Processed("x", ())])
    again.close()
    assert len(db) == 0


def test_a_killed_worker_ends_the_build_with_an_error_not_a_hang(tmp_path: Path) -> None:
    """Regression: a worker killed mid-build (out of memory, a signal) left the build waiting forever."""
    import os
    import signal

    sys.path.insert(0, str(paths.ROOT / "bench"))
    import make_corpus

    corpus = tmp_path / "c.jsonl"
    make_corpus.write_corpus(200, corpus, seed=2)
    proc = subprocess.Popen([*KG, "build", str(corpus), "--store", str(tmp_path / "s"), "--workers", "2", "-q"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    victim = None
    for _ in range(300):
        kids = subprocess.run(["pgrep", "-P", str(proc.pid)], capture_output=True, text=True).stdout.split()
        workers = [k for k in kids if "spawn_main" in _cmdline(k)]
        if len(workers) == 2:
            victim = int(workers[0])
            break
        time.sleep(0.05)
    assert victim is not None, "the workers did not start"
    time.sleep(1)
    os.kill(victim, signal.SIGKILL)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 2 and "a worker process ended abruptly" in err


def _cmdline(pid: str) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_text(errors="replace")
    except OSError:  # ended meanwhile
        return ""


def test_a_dask_scheduler_without_workers_is_a_clear_error() -> None:
    """Regression (review): tasks sent to a scheduler with no workers waited forever."""
    distributed = pytest.importorskip("dask.distributed")
    from kg.distributed import connect

    with distributed.LocalCluster(n_workers=0, processes=False, dashboard_address=None) as c:
        with pytest.raises(StoreError, match="has no workers"):
            connect(c.scheduler_address, wait_s=1)
