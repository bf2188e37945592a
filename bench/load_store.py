"""Load an N-Quads export into a fresh Oxigraph store, two ways, and time only the writing.

    python bench/load_store.py bulk QUADS.nq STORE_DIR
        pyoxigraph's Store.bulk_load of the whole file (its fastest path).

    python bench/load_store.py kg QUADS.nq STORE_DIR
        What kg build does with each article's graph: kg.sink.StoreSink, fed
        as many graphs at a time as kg.pipeline.build writes per batch (graphs
        new to the store are packed as N-Triples, bulk-loaded, then stamped in
        one transaction). The file is parsed and grouped into kg Triple records
        before the clock starts, so only packing and writing are timed.

Both flush the store before the clock stops. Prints quads, graphs, seconds and
how much the process's RSS grew while writing (MiB) as JSON.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # kg, when run from anywhere


def _rss_mib() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def bulk(quads: Path, store_dir: Path) -> dict[str, object]:
    """Return how long Store.bulk_load takes for ``quads`` into a new store at ``store_dir``."""
    store = ox.Store(str(store_dir))
    rss, start = _rss_mib(), time.perf_counter()
    store.bulk_load(path=str(quads), format=ox.RdfFormat.N_QUADS)
    store.flush()
    seconds, grew = time.perf_counter() - start, _rss_mib() - rss
    return {"method": "pyoxigraph Store.bulk_load", "quads": len(store),
            "graphs": sum(1 for _ in store.named_graphs()), "seconds": seconds,
            "rss_growth_mib": grew}


def kg_writes(quads: Path, store_dir: Path) -> dict[str, object]:
    """Return how long kg's own store writes take for every graph of ``quads`` into a new store.

    The graphs go through kg.sink.StoreSink in batches of kg.pipeline.build's write_batch, as in kg build:
    new graphs are packed as N-Triples and bulk-loaded, then stamped in one transaction.
    """
    import inspect
    from urllib.parse import unquote

    from kg import pipeline
    from kg.records import IRI, Term, Triple
    from kg.sink import StoreSink

    graphs: dict[str, list[Triple]] = {}
    for q in ox.parse(path=str(quads), format=ox.RdfFormat.N_QUADS):
        o = q.object
        obj = Term(o.value, IRI(o.datatype.value)) if isinstance(o, ox.Literal) else IRI(o.value)
        graphs.setdefault(q.graph_name.value, []).append(Triple(IRI(q.subject.value), IRI(q.predicate.value), obj))
    size = inspect.signature(pipeline.build).parameters["write_batch"].default
    items = [pipeline.Processed(unquote(g.rsplit("/article/", 1)[1]), tuple(triples)) for g, triples in graphs.items()]
    store = ox.Store(str(store_dir))
    rss, start = _rss_mib(), time.perf_counter()
    sink = StoreSink(store)
    sink.keys()
    for i in range(0, len(items), size):
        sink.write(items[i: i + size])
    written = sink.close().triples
    seconds, grew = time.perf_counter() - start, _rss_mib() - rss
    return {"method": f"kg.sink.StoreSink, batches of {size} (new graphs bulk-loaded)", "quads": written,
            "graphs": len(graphs), "seconds": seconds, "rss_growth_mib": grew}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("method", choices=["bulk", "kg"])
    parser.add_argument("quads", type=Path)
    parser.add_argument("store", type=Path)
    args = parser.parse_args(argv)
    if args.store.exists():
        parser.error(f"{args.store} exists; give a new folder")
    result = (bulk if args.method == "bulk" else kg_writes)(args.quads, args.store)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
