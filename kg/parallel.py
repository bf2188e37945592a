"""Extraction and checks in worker processes on this machine: each worker loads the model once.

The parent reads the inputs and writes the store (one writer); workers only parse, extract and check.
At most two batches per worker are in flight, so memory does not grow with the corpus.
"""
from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
from multiprocessing.pool import AsyncResult

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


_FAILED: KgError | None = None


def _load(model: str | None) -> None:
    global _RESOURCES, _FAILED
    try:
        _RESOURCES = pipeline.load_resources(model)
    except KgError as e:  # raised with the first batch: a Pool whose initializer raises restarts it forever
        _FAILED = e


def _work(batch: list[Article]) -> list[pipeline.Processed]:
    if _FAILED is not None:
        raise _FAILED
    assert _RESOURCES is not None, "worker not initialised"
    return [pipeline.pack(done) for done in pipeline.process(_RESOURCES, batch)]


def processor(workers: int, model: str | None = None, batch_size: int = 16) -> pipeline.Processor:
    """Return a processor for :func:`kg.pipeline.build` that runs on ``workers`` processes, results in input order.

    The workers start together, so their models load side by side while the first batches are read. Batches
    of 16 keep the last one short, when one worker may finish before the other.
    """

    def run(articles: Iterable[Article]) -> Iterator[pipeline.Processed]:
        # spawn, not fork: the parent holds the open store (RocksDB) and must not be copied into workers
        context = multiprocessing.get_context("spawn")
        with context.Pool(workers, initializer=_load, initargs=(model,)) as pool:
            window: deque[AsyncResult[list[pipeline.Processed]]] = deque()
            for batch in batched(articles, batch_size):
                window.append(pool.apply_async(_work, (batch,)))
                if len(window) >= 2 * workers:
                    yield from window.popleft().get()
            while window:
                yield from window.popleft().get()

    return run
