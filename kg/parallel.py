"""Extraction and checks in worker processes on this machine: each worker loads the model once.

The parent reads the inputs and writes the store (one writer); workers only parse, extract and check.
At most two batches per worker are in flight, so memory does not grow with the corpus.
"""
from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice

from kg import pipeline
from kg.errors import KgError
from kg.records import Article

__all__ = ["batched", "processor"]

_RESOURCES: pipeline.Resources | None = None


def batched(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    """Yield lists of up to ``size`` items, in order.

    >>> [len(b) for b in batched(range(5), 2)]
    [2, 2, 1]
    """
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


_FAILED: Exception | None = None


def _load(model: str | None) -> None:
    global _RESOURCES, _FAILED
    try:
        _RESOURCES = pipeline.load_resources(model)
    except Exception as e:  # noqa: BLE001 (raised with the first batch, where the parent reports it)
        _FAILED = e


def _work(batch: list[Article]) -> list[pipeline.Processed]:
    if _FAILED is not None:
        raise _FAILED
    assert _RESOURCES is not None, "worker not initialised"
    return [pipeline.pack(done) for done in pipeline.process(_RESOURCES, batch)]


def processor(workers: int, model: str | None = None, batch_size: int = 16) -> pipeline.Processor:
    """Return a processor for :func:`kg.pipeline.build` that runs on ``workers`` processes, results in input order.

    The first batches start every worker, so their models load side by side. Batches of 16 keep the last
    one short, when one worker may finish before the other. A worker that dies ends the build with an error.
    """

    def run(articles: Iterable[Article]) -> Iterator[pipeline.Processed]:
        # spawn, not fork: the parent holds the open store (RocksDB) and must not be copied into workers
        context = multiprocessing.get_context("spawn")
        try:
            with ProcessPoolExecutor(workers, mp_context=context, initializer=_load, initargs=(model,)) as pool:
                window: deque[Future[list[pipeline.Processed]]] = deque()
                for batch in batched(articles, batch_size):
                    window.append(pool.submit(_work, batch))
                    if len(window) >= 2 * workers:
                        yield from window.popleft().result()
                while window:
                    yield from window.popleft().result()
        except BrokenProcessPool as e:  # a worker was killed (out of memory, a signal): never wait for it
            raise KgError(f"a worker process ended abruptly ({e}); the articles already written are stored, "
                          "run kg build again to finish") from e

    return run
