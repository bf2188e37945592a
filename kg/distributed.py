"""Extraction on a Dask cluster (``dask.distributed``), for corpora one machine cannot parse in time.

Each Dask worker loads the model once (kept in the worker process) and turns batches of articles into
checked article graphs. Then either:

- the client writes them into the local store, in batches, as a local build does (:func:`processor`); or
- the workers PUT each article graph into a running Oxigraph server through the SPARQL 1.1 Graph Store
  Protocol, one PUT per article graph, so a retried task writes the same graph again (:func:`build_pushed`).

Either way an article already stored with the same content hash and fingerprint is skipped before it is sent.
"""
from __future__ import annotations

import dataclasses
import json
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg import pipeline, rdf
from kg import store as store_mod
from kg import vocab as V
from kg.errors import StoreError
from kg.parallel import batched
from kg.records import Article, Triple

__all__ = ["build_pushed", "connect", "put_graph", "processor", "server_build_keys"]

_CACHE: dict[str, pipeline.Resources] = {}  # per worker process: the model is loaded once


def _resources(model: str | None) -> pipeline.Resources:
    key = model or ""
    if key not in _CACHE:
        _CACHE[key] = pipeline.load_resources(model)
    return _CACHE[key]


def _extract(batch: list[Article], model: str | None) -> list[pipeline.Processed]:
    return [pipeline.pack(done) for done in pipeline.process(_resources(model), batch)]


def _extract_and_push(batch: list[Article], model: str | None, url: str) -> list[tuple[pipeline.Processed, int]]:
    out = []
    for done in pipeline.process(_resources(model), batch):
        written = put_graph(url, rdf.article_iri(done.article_id), done.triples) if done.triples else 0
        out.append((dataclasses.replace(done, triples=()), written))  # the graph is in the server now
    return out


def connect(address: str, wait_s: float = 30) -> Any:
    """Return a Dask client of the scheduler at ``address``, once it has at least one worker.

    Raises:
        StoreError: dask.distributed is missing, the scheduler cannot be reached, or no worker joins in ``wait_s``.
    """
    try:
        from dask.distributed import Client
    except ImportError as e:
        raise StoreError("--dask needs dask.distributed: pip install 'dask[distributed]'") from e
    try:
        client = Client(address, timeout=30)
    except (OSError, TimeoutError) as e:
        raise StoreError(f"cannot reach the Dask scheduler at {address}: {e}") from e
    try:
        client.wait_for_workers(1, timeout=wait_s)
    except TimeoutError as e:  # tasks would wait for a worker forever
        client.close()
        raise StoreError(f"the Dask scheduler at {address} has no workers (none joined in {wait_s:.0f} s); "
                         f"start some with: dask worker {address}") from e
    return client


def _ordered(client: Any, fn: Any, batches: Iterable[list[Article]], *args: object) -> Iterator[Any]:
    """Submit batches to the cluster, at most two per worker thread in flight; yield results in order."""
    slots = max(2, 2 * sum(client.nthreads().values()))
    window: deque[Any] = deque()
    for batch in batches:
        window.append(client.submit(fn, batch, *args, pure=False, retries=2))
        if len(window) >= slots:
            yield window.popleft().result()
    while window:
        yield window.popleft().result()


def processor(address: str, model: str | None = None, batch_size: int = 32) -> pipeline.Processor:
    """Return a processor for :func:`kg.pipeline.build` that runs extraction on the Dask cluster at ``address``."""

    def run(articles: Iterable[Article]) -> Iterator[pipeline.Processed]:
        client = connect(address)
        try:
            for results in _ordered(client, _extract, batched(articles, batch_size), model):
                yield from results
        finally:
            client.close()

    return run


def put_graph(url: str, graph: str, triples: Iterable[Triple], attempts: int = 3) -> int:
    """Replace one named graph in the Oxigraph server at ``url`` with an HTTP PUT (Graph Store Protocol).

    Returns how many triples were sent. A PUT replaces the whole graph, so repeating it is harmless.

    Raises:
        StoreError: the server refused the graph or could not be reached after ``attempts`` tries.
    """
    ox_triples = store_mod.to_triples(triples)
    body = ox.serialize(ox_triples, format=ox.RdfFormat.N_TRIPLES)
    target = f"{url.rstrip('/')}/store?{urllib.parse.urlencode({'graph': graph})}"
    request = urllib.request.Request(target, data=body, method="PUT",
                                     headers={"Content-Type": "application/n-triples"})
    for attempt in range(1, attempts + 1):
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                if response.status in (200, 201, 204):
                    return len(ox_triples)
        except urllib.error.HTTPError as e:
            if e.code < 500 or attempt == attempts:
                raise StoreError(f"PUT {graph} into {url} refused: HTTP {e.code} "
                                 f"{e.read()[:200].decode('utf-8', 'replace')}") from e
        except (urllib.error.URLError, OSError) as e:
            if attempt == attempts:
                raise StoreError(f"cannot reach the Oxigraph server at {url}: {e}") from e
        time.sleep(0.5 * attempt)
    raise StoreError(f"PUT {graph} into {url} failed")


def server_build_keys(url: str) -> dict[str, tuple[str, str]]:
    """Return the content hash and fingerprint of each article graph already in the server at ``url``."""
    query = ("SELECT ?g ?h ?f WHERE { GRAPH ?g { ?g <%s> ?h OPTIONAL { ?g <%s> ?f } } }"
             % (V.contentHash, V.extractedWith))
    request = urllib.request.Request(f"{url.rstrip('/')}/query", data=query.encode("utf-8"), headers={
        "Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            rows = json.load(response)["results"]["bindings"]
    except (urllib.error.URLError, OSError, ValueError, KeyError) as e:
        raise StoreError(f"cannot query the Oxigraph server at {url}: {e}") from e
    return {r["g"]["value"]: (r["h"]["value"], r.get("f", {}).get("value", "")) for r in rows}


def build_pushed(address: str, inputs: Iterable[Path | str], url: str, *, model: str | None = None,
                 force: bool = False, batch_size: int = 32) -> pipeline.BuildReport:
    """Build into the Oxigraph server at ``url``: the Dask workers extract and PUT each article graph."""
    report = pipeline.BuildReport()
    start = time.perf_counter()
    fp = pipeline.fingerprint(model)
    stored = {} if force else server_build_keys(url)

    client = connect(address)
    try:
        for results in _ordered(client, _extract_and_push, batched(pipeline.to_build(inputs, stored, fp, report), batch_size), model, url):
            for done, written in results:
                report.article_ids.append(done.article_id)
                report.rejected.extend(done.violations)
                report.rejected_facts += done.rejected_facts
                if written:
                    report.articles += 1
                    report.triples += written
                    report.facts += done.facts
                    report.met_pairs += done.met_pairs
                    report.proposals += done.proposals
    finally:
        client.close()
    report.seconds = time.perf_counter() - start
    return report
