"""Extraction and checks in worker processes on this machine: each worker loads the model once.

The parent reads the inputs and writes the store (one writer); workers only parse, extract and check.
At most two batches per worker are in flight, so memory does not grow with the corpus.
"""
from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice

from kg import pipeline
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


def _load(model: str | None) -> None:
    global _RESOURCES
    _RESOURCES = pipeline.load_resources(model)


def _work(batch: list[Article]) -> list[pipeline.Processed]:
    assert _RESOURCES is not None, "worker not initialised"
    return [pipeline.pack(done) for done in pipeline.process(_RESOURCES, batch)]


def processor(workers: int, model: str | None = None, batch_size: int = 32) -> pipeline.Processor:
    """Return a processor for :func:`kg.pipeline.build` that runs on ``workers`` processes, results in input order."""

    def run(articles: Iterable[Article]) -> Iterator[pipeline.Processed]:
        # spawn, not fork: the parent holds the open store (RocksDB) and must not be copied into workers
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(workers, mp_context=context, initializer=_load, initargs=(model,)) as pool:
            window: deque[Future[list[pipeline.Processed]]] = deque()
            for batch in batched(articles, batch_size):
                window.append(pool.submit(_work, batch))
                if len(window) >= 2 * workers:
                    yield from window.popleft().result()
            while window:
                yield from window.popleft().result()

    return run
