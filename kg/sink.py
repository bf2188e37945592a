"""Where a build's articles go: the store, written here (StoreSink) or by a process of its own (StoreProcess).

A sink takes batches of articles, either checked (:class:`kg.pipeline.Processed`) or only extracted
(:class:`kg.records.Extraction`, which it checks against the ontology first), and replaces each article's
graph, one transaction per batch. It flushes the store every few thousand articles, so RocksDB's write
buffers do not grow with the corpus.

:class:`StoreProcess` runs the checks and the writes in a child process that owns the store, beside the
process that parses: on two cores the parse no longer waits for them. The child reads the stored content
hashes for the skip test, and at the end reports what it wrote.
"""
from __future__ import annotations

import multiprocessing
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import pyoxigraph as ox

from kg import rdf
from kg import store as store_mod
from kg.errors import KgError, StoreError
from kg.records import Extraction

if TYPE_CHECKING:
    from kg.pipeline import BuildReport, Processed

__all__ = ["Sink", "StoreProcess", "StoreSink"]

FLUSH_EVERY = 500  # articles between flushes of the store's write buffers (about 0.3 MiB an article)
BULK_ARTICLES = 128  # new graphs bulk-loaded together


class Sink(Protocol):
    """What :func:`kg.pipeline.build` writes through."""

    def keys(self) -> dict[str, tuple[str, str]]: ...
    def write(self, batch: Sequence[Processed | Extraction]) -> None: ...
    def close(self) -> BuildReport: ...


class StoreSink:
    """Write into an open store, in this process. Extractions need ``checker`` (ontology, gazetteer, fingerprint).

    Graphs the store does not hold yet are bulk-loaded, ``BULK_ARTICLES`` at a time (several times faster than
    a transaction, and safe: see :func:`kg.store.load_new_graphs`); graphs it holds are replaced in one
    transaction per batch.
    """

    def __init__(self, store: ox.Store, checker: tuple[Any, Any, str] | None = None) -> None:
        from kg.pipeline import BuildReport

        self.store = store
        self.checker = checker
        self.report = BuildReport()
        self._since_flush = 0
        # every graph already stored, whatever the caller asks next: a graph not in it is bulk-loaded, and
        # bulk-loading over a stored graph would merge old and new facts (regression)
        self._existing: set[str] = {g.value for g in store.named_graphs()}  # type: ignore[union-attr]
        self._new: list[tuple[Any, bytes, str]] = []

    def keys(self) -> dict[str, tuple[str, str]]:
        return store_mod.build_keys(self.store)

    def write(self, batch: Sequence[Processed | Extraction]) -> None:
        from kg.pipeline import pack, to_processed

        replace, drop = [], []
        for item in batch:
            if isinstance(item, Extraction):
                if self.checker is None:
                    raise ValueError("an unchecked extraction reached a sink without an ontology")
                item = to_processed(self.checker[0], item, self.checker[1], self.checker[2])
            self.report.rejected.extend(item.violations)
            self.report.rejected_facts += item.rejected_facts
            if not item.stored:  # nothing of it may be stored now: its old graph goes
                if rdf.article_iri(item.article_id) in self._existing:
                    drop.append(rdf.article_iri(item.article_id))
                continue
            item = pack(item)
            self.report.articles += 1
            self.report.facts += item.facts
            self.report.met_pairs += item.met_pairs
            self.report.proposals += item.proposals
            self.report.triples += item.size
            graph = rdf.article_iri(item.article_id)
            if graph in self._existing:
                replace.append((graph, item.body, item.stamp))
            else:
                self._new.append((graph, item.body, item.stamp))
            self._existing.add(graph)  # the same article twice in one build: the second replaces the first
        if replace or drop:
            self._load_new()  # an article bulk-loaded earlier in this build may be among the replaced
            store_mod.replace_packed(self.store, replace, drop)
        if len(self._new) >= BULK_ARTICLES:
            self._load_new()
        self._since_flush += len(batch)
        if self._since_flush >= FLUSH_EVERY:
            self._load_new()
            self.store.flush()
            self._since_flush = 0

    def _load_new(self) -> None:
        store_mod.load_new_graphs(self.store, self._new)
        self._new = []

    def close(self) -> BuildReport:
        self._load_new()
        self.store.flush()
        return self.report


def _child(path: str, ontology_path: str, fingerprint: str, conn: Any) -> None:
    """The store process: open the store, answer with its build keys, write each batch received, report."""
    try:
        store = store_mod.open_store(Path(path))
        conn.send(("keys", store_mod.build_keys(store)))
    except KgError as e:
        conn.send(("error", str(e)))
        return
    checker = None
    try:
        sink = StoreSink(store)
        while True:
            try:
                batch = conn.recv()
            except EOFError:  # the parent is gone: stop; every batch written so far is whole
                store.flush()
                return
            if batch is None:
                break
            if checker is None and any(isinstance(b, Extraction) for b in batch):
                from kg import gazetteer, ontology

                checker = (ontology.load(Path(ontology_path)), gazetteer.load(), fingerprint)
                sink.checker = checker
            sink.write(batch)
        conn.send(("done", sink.close()))
    except Exception as e:  # noqa: BLE001 (reported to the parent, which raises it)
        conn.send(("error", f"writing the store {path} failed: {type(e).__name__}: {e}"))


class StoreProcess:
    """A sink whose store is opened, checked against and written by a child process.

    Raises:
        StoreError: the store cannot be opened (missing folder, locked, served) or a write failed.
    """

    def __init__(self, path: Path, fingerprint: str, ontology_path: Path | None = None) -> None:
        from kg import paths

        context = multiprocessing.get_context("spawn")  # no copy of this process's state in the writer
        self._conn, child = context.Pipe()
        self._proc = context.Process(target=_child, name="kg-store-writer", daemon=True,
                                     args=(str(path), str(ontology_path or paths.ONTOLOGY), fingerprint, child))
        self._proc.start()
        child.close()
        self._keys = self._receive("keys")

    def _receive(self, expected: str) -> Any:
        try:
            kind, value = self._conn.recv()
        except EOFError:
            self._proc.join()
            raise StoreError(f"the store writer process ended unexpectedly (exit code {self._proc.exitcode})") from None
        if kind == "error":
            self._proc.join()
            raise StoreError(value)
        assert kind == expected, kind
        return value

    def keys(self) -> dict[str, tuple[str, str]]:
        return self._keys

    def write(self, batch: Sequence[Processed | Extraction]) -> None:
        if self._conn.poll():  # the writer reported an error instead of waiting for more
            self._receive("none")
        try:
            self._conn.send(list(batch))
        except (BrokenPipeError, EOFError, OSError):
            self._receive("none")

    def close(self) -> BuildReport:
        try:
            self._conn.send(None)
        except (BrokenPipeError, OSError):
            pass
        report = self._receive("done")
        self._proc.join()
        return report

    def abort(self) -> None:
        """Stop the writer without a report (after an error in the parent); written batches stay."""
        self._conn.close()
        self._proc.join(timeout=30)
