"""Open the Oxigraph store, replace an article's graph atomically, export, count.

pyoxigraph terms are created here and nowhere else.
"""
from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

import pyoxigraph as ox

from kg import vocab as V
from kg.errors import StoreError
from kg.records import IRI, Term, Triple

def marker_path(store: Path) -> Path:
    """The file that says a store is being served (beside the store, like the rejection report)."""
    where = store.resolve()
    return where.with_name(where.name + ".serving")


def serving(store: Path) -> dict | None:
    """Return the marker's content if ``kg serve`` or its Oxigraph server is still running on ``store``.

    A marker whose processes are all gone is stale and removed. An Oxigraph server left behind by a killed
    ``kg serve`` still counts: it is still reading the store.
    """
    marker = marker_path(store)
    try:
        info = json.loads(marker.read_text(encoding="utf-8"))
        pids = [int(info[k]) for k in ("pid", "server_pid") if info.get(k)]
    except FileNotFoundError:
        return None
    except (ValueError, KeyError, TypeError, AttributeError, json.JSONDecodeError):
        marker.unlink(missing_ok=True)
        return None
    if not any(_alive(p) for p in pids):
        marker.unlink(missing_ok=True)
        return None
    return info


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, owned by somebody else
        return True
    try:  # a zombie (ended, not yet reaped) is not running
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return True


FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "nquads": ox.RdfFormat.N_QUADS,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
}
QUAD_FORMATS = {"trig", "nquads"}


def open_store(path: Path | None, *, read_only: bool = False, must_exist: bool = False) -> ox.Store:
    """Return the store at ``path`` (in memory when None).

    Raises:
        StoreError: the store is missing (when it must exist) or locked by another writer.
    """
    if path is None:
        return ox.Store()
    if (must_exist or read_only) and not (path / "CURRENT").is_file():
        raise StoreError(f"no kg store at {path}; build one first with: kg build PATH --store {path}")
    if not read_only and (info := serving(path)) is not None:
        raise StoreError(f"store {path} is being served by kg serve (pid {info['pid']}, {info.get('url', '')}); "
                         "one writer at a time: stop the server first, or build into another store")
    try:
        return ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
    except OSError as e:
        if "lock" in str(e).lower():
            raise StoreError(f"store {path} is in use by another process (a running build or server); "
                             "one writer at a time: stop it or use a copy") from e
        raise StoreError(f"cannot open store {path}: {e}") from e


def term(value: str | Term) -> ox.NamedNode | ox.Literal:
    """Return the pyoxigraph term for an IRI or a literal record."""
    if isinstance(value, Term):
        return ox.Literal(value.value, datatype=ox.NamedNode(value.datatype))
    return ox.NamedNode(value)


def to_triples(triples: Iterable[Triple]) -> list[ox.Triple]:
    """Return pyoxigraph triples, without repeats, in first-seen order."""
    seen = dict.fromkeys(triples)
    return [ox.Triple(ox.NamedNode(t.subject), ox.NamedNode(t.predicate), term(t.object)) for t in seen]


def replace_graph(store: ox.Store, graph: IRI, triples: Iterable[Triple]) -> int:
    """Replace the named graph ``graph`` with ``triples`` in one transaction; return how many were written.

    A single SPARQL update drops and refills the graph, so a reader never
    sees the article half-written and a failure leaves the old graph intact.
    """
    return replace_graphs(store, [(graph, triples)])


def replace_graphs(store: ox.Store, graphs: Iterable[tuple[IRI, Iterable[Triple]]]) -> int:
    """Replace each named graph with its triples, all in one transaction; return how many triples were written."""
    packed = [(graph, ntriples(triples)) for graph, triples in graphs]
    replace_packed(store, [(g, body, "") for g, (body, _) in packed])
    return sum(n for _, (_, n) in packed)


def ntriples(triples: Iterable[Triple]) -> tuple[bytes, int]:
    """Return triples as N-Triples (repeats dropped) and how many there are."""
    ox_triples = to_triples(triples)
    return ox.serialize(ox_triples, format=ox.RdfFormat.N_TRIPLES), len(ox_triples)


def _stamp_line(graph: IRI, stamp: str) -> bytes:
    if not stamp:
        return b""
    t = ox.Triple(ox.NamedNode(graph), ox.NamedNode(V.extractedWith), ox.Literal(stamp))
    return ox.serialize([t], format=ox.RdfFormat.N_TRIPLES)


def replace_packed(store: ox.Store, graphs: Iterable[tuple[IRI, bytes, str]], drop: Iterable[IRI] = ()) -> None:
    """Replace each named graph with its N-Triples body and its gk:extractedWith stamp, and drop the ``drop``
    graphs, in one transaction.

    A single SPARQL update drops and refills the graphs, so a reader never sees an article half-written
    and a failure leaves the old graphs intact.
    """
    parts = [f"DROP SILENT GRAPH {ox.NamedNode(g)}" for g in drop]
    for graph, body, stamp in graphs:
        g = ox.NamedNode(graph)
        text = (body + _stamp_line(graph, stamp)).decode("utf-8")
        parts.append(f"DROP SILENT GRAPH {g} ;\nINSERT DATA {{ GRAPH {g} {{\n{text}}} }}")
    if parts:
        store.update(" ;\n".join(parts))


def load_new_graphs(store: ox.Store, graphs: list[tuple[IRI, bytes, str]]) -> None:
    """Bulk-load graphs that are not in the store yet (fast, not transactional), then stamp them in one transaction.

    An interruption can leave some of these graphs partly loaded, but never stamped: a rebuild does not
    take an unstamped graph for unchanged, and replaces it whole.
    """
    if not graphs:
        return
    data = b"".join(body.replace(b" .\n", b" <" + graph.encode("utf-8") + b"> .\n") for graph, body, _ in graphs)
    store.bulk_load(input=data, format=ox.RdfFormat.N_QUADS)
    store.extend([ox.Quad(ox.NamedNode(g), ox.NamedNode(V.extractedWith), ox.Literal(stamp), ox.NamedNode(g))
                  for g, _, stamp in graphs if stamp])


def build_keys(store: ox.Store) -> dict[str, tuple[str, str]]:
    """Return each stored article graph's content hash and the fingerprint of what extracted it."""
    q = ("SELECT ?g ?h ?f WHERE { GRAPH ?g { ?g <%s> ?h OPTIONAL { ?g <%s> ?f } } }"
         % (V.contentHash, V.extractedWith))
    return {s["g"].value: (s["h"].value, s["f"].value if s["f"] is not None else "")  # type: ignore[union-attr]
            for s in store.query(q)}


def union_triples(store: ox.Store, graph: IRI | None = None) -> Iterator[ox.Triple]:
    """Yield the distinct triples of all named graphs (or of one)."""
    where = f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph else "GRAPH ?g { ?s ?p ?o }"
    yield from store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ {where} }}")  # type: ignore[misc]


def export(store: ox.Store, output: IO[bytes], fmt: str = "turtle", graph: IRI | None = None,
           extra: Iterable[ox.Triple] = ()) -> None:
    """Write the store in ``fmt``: triple formats merge the article graphs; trig and nquads keep them.

    ``extra`` triples (the ontology, for ``--with-ontology``) are merged in, or for the quad
    formats written in a graph named by the ontology's IRI.
    """
    if fmt not in FORMATS:
        raise StoreError(f"unknown export format {fmt!r}; choose from {', '.join(FORMATS)}")
    rdf_format = FORMATS[fmt]
    prefixes = dict(V.PREFIXES)
    if fmt in QUAD_FORMATS:
        quads: Iterable[ox.Quad]
        if graph:
            quads = store.quads_for_pattern(None, None, None, ox.NamedNode(graph))
        else:
            quads = (q for q in store if not isinstance(q.graph_name, ox.DefaultGraph))
        extra_graph = ox.NamedNode(V.GK.rstrip("#"))  # the ontology, when added, in a graph of its own
        quads = [*quads, *(ox.Quad(t.subject, t.predicate, t.object, extra_graph) for t in extra)]
        ox.serialize(quads, output, rdf_format, prefixes=prefixes if fmt == "trig" else None)
        return
    triples = list(union_triples(store, graph))
    triples.extend(extra)
    # Grouped by subject, so Turtle writes each node once with all its properties.
    triples.sort(key=lambda t: (t.subject.value, t.predicate.value, str(t.object)))
    ox.serialize(triples, output, rdf_format, prefixes=prefixes if fmt in ("turtle", "rdfxml") else None)


def stats(store: ox.Store) -> dict[str, int]:
    """Return counts of articles, actors, plans, events and gk:met pairs across the store."""
    q = f"""PREFIX gk: <{V.GK}>
    SELECT (COUNT(DISTINCT ?g) AS ?articles) (COUNT(DISTINCT ?actor) AS ?actors) (COUNT(DISTINCT ?plan) AS ?plans)
           (COUNT(DISTINCT ?meeting) AS ?meetings) (COUNT(DISTINCT ?proposal) AS ?proposals) WHERE {{
      {{ GRAPH ?g {{ ?g a gk:Article }} }}
      UNION {{ GRAPH ?x {{ ?actor a ?c . VALUES ?c {{ gk:Person gk:Organization gk:Country gk:Group }} }} }}
      UNION {{ GRAPH ?x {{ ?plan a gk:Plan }} }}
      UNION {{ GRAPH ?x {{ ?meeting a gk:Meeting }} }}
      UNION {{ GRAPH ?x {{ ?proposal a gk:Proposal }} }}
    }}"""
    row = next(iter(store.query(q)))  # type: ignore[call-overload]
    out = {k: int(row[k].value) for k in ("articles", "actors", "plans", "meetings", "proposals")}
    met = f"SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT ?a ?b WHERE {{ GRAPH ?g {{ ?a <{V.met}> ?b }} FILTER(STR(?a) < STR(?b)) }} }}"
    out["met pairs"] = int(next(iter(store.query(met)))["n"].value)  # type: ignore[call-overload]
    out["quads"] = len(store)
    return out
