"""The who-met-whom network: actors that met as nodes, the pairs that met as weighted edges, and its writers.

``meeting_network`` reads the store (each article's named graph on its own, so an
edge's weight is the number of articles that report the pair) and returns a
networkx graph; ``write`` saves it as GraphML, GEXF, a CSV edge list, PNG or SVG.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO
from urllib.parse import unquote

import networkx as nx
import pyoxigraph as ox

from kg import vocab as V
from kg.errors import StoreError

__all__ = ["CSV_HEADER", "FORMATS", "ActorInfo", "MetReport", "actors", "article_id", "build_network", "figure_side",
           "layout", "local_name", "meeting_network", "met_reports", "wikidata_id", "write"]

FORMATS = ("graphml", "gexf", "csv", "png", "svg")
CSV_HEADER = ("source", "target", "source_label", "target_label", "weight", "articles", "dates")
SEED = 42  # spring-layout seed: the same store always draws the same picture

# Every named graph is one article; reading them one at a time (GRAPH ?g) rather than
# through the union default graph is what lets an edge count the articles behind it.
_PREFIXES = (f"PREFIX gk: <{V.GK}>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
             "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n")

_MET_REPORTS = _PREFIXES + """
SELECT DISTINCT ?g ?x ?y ?m ?date ?loc ?place WHERE {
  GRAPH ?g {
    ?x gk:met ?y .
    OPTIONAL {
      ?m a gk:Meeting ; gk:status "happened" ; gk:mode "in person" ; gk:participant ?x , ?y .
      OPTIONAL { ?m gk:date ?date }
      OPTIONAL { ?m gk:location ?loc . OPTIONAL { ?loc rdfs:label ?place } }
    }
  }
}"""

# One row per (actor, property, value): three OPTIONALs over GRAPH ?g1/?g2/?g3 multiplied out per actor,
# cubic in the number of articles naming it (regression: 80 graphs took 0.17 s, 2,000 would take most of an hour).
_ACTORS = _PREFIXES + """
SELECT DISTINCT ?x ?p ?v WHERE {
  { SELECT DISTINCT ?x WHERE { GRAPH ?g { { ?x gk:met ?y } UNION { ?y gk:met ?x } } } }
  VALUES ?p { rdfs:label rdf:type gk:wikidata }
  GRAPH ?h { ?x ?p ?v }
}"""


@dataclass(frozen=True, slots=True)
class ActorInfo:
    """A node: an actor IRI with its label, short class name and Wikidata Q-id ("" when unknown)."""

    iri: str
    label: str
    type: str
    wikidata: str = ""


@dataclass(frozen=True, slots=True)
class MetReport:
    """One article saying two actors met, with the date and place of one such meeting ("" when not given)."""

    a: str
    b: str
    article: str
    date: str = ""
    place: str = ""


def local_name(iri: str) -> str:
    """Return the last segment of an IRI (after ``#`` or ``/``), percent-decoded.

    >>> local_name("https://w3id.org/geokg/ontology#Person"), local_name("https://w3id.org/geokg/id/actor/f%C3%A9lix")
    ('Person', 'félix')
    """
    return unquote(iri.rstrip("/#").rsplit("#", 1)[-1].rsplit("/", 1)[-1])


def article_id(graph: str) -> str:
    """Return the article id of an article graph IRI (the inverse of ``kg.rdf.article_iri``); other IRIs unchanged.

    >>> article_id("https://w3id.org/geokg/id/article/05_alaska_summit"), article_id("urn:x:g")
    ('05_alaska_summit', 'urn:x:g')
    """
    prefix = V.ID + "article/"
    return unquote(graph[len(prefix):]) if graph.startswith(prefix) else graph


def wikidata_id(iri: str) -> str:
    """Return the Q-id of a Wikidata entity IRI, or "" for anything else.

    >>> wikidata_id("http://www.wikidata.org/entity/Q7747"), wikidata_id("https://example.org/Q1")
    ('Q7747', '')
    """
    for ns in (V.WIKIDATA, V.WIKIDATA.replace("http://", "https://", 1)):
        if iri.startswith(ns) and iri[len(ns):]:
            return iri[len(ns):]
    return ""


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


def _joined(values: Iterable[str]) -> str:
    return ";".join(sorted({v for v in values if v}))


def build_network(nodes: Iterable[ActorInfo], reports: Iterable[MetReport]) -> nx.Graph:
    """Return the undirected meeting network of these actors and reports: one edge per pair that met.

    An edge's ``weight`` is how many distinct articles report the pair; ``articles``,
    ``dates`` and ``places`` are sorted, distinct and joined by ";". An actor in a
    report without an ``ActorInfo`` gets its IRI's local name as label.

    >>> a, b = "http://x.org/a", "http://x.org/b"
    >>> g = build_network([ActorInfo(a, "A", "Person", "Q1")],
    ...                   [MetReport(b, a, "art2", "2025-01-02"), MetReport(a, b, "art1"), MetReport(a, b, "art1")])
    >>> g.nodes[b]["label"], g.edges[a, b]
    ('b', {'weight': 2, 'articles': 'art1;art2', 'dates': '2025-01-02', 'places': ''})
    """
    info = {n.iri: n for n in nodes}
    edges: dict[tuple[str, str], list[MetReport]] = {}
    for r in reports:
        if r.a != r.b:  # gk:met is irreflexive; a self-loop would be a data error, not a meeting
            edges.setdefault(_pair(r.a, r.b), []).append(r)
    graph = nx.Graph()
    for iri in sorted({iri for pair in edges for iri in pair}):
        actor = info.get(iri) or ActorInfo(iri, local_name(iri), "Actor")
        graph.add_node(iri, label=actor.label, type=actor.type, wikidata=actor.wikidata)
    for (a, b), found in sorted(edges.items()):
        articles = sorted({r.article for r in found})
        graph.add_edge(a, b, weight=len(articles), articles=";".join(articles),
                       dates=_joined(r.date for r in found), places=_joined(r.place for r in found))
    return graph


def _value(term: object) -> str:
    return "" if term is None else str(getattr(term, "value", term))


def met_reports(store: ox.Store) -> list[MetReport]:
    """Return what each article graph says about who met whom: one record per article, pair, date and place.

    Dates and places come from that article's in-person meetings that happened with both
    actors as participants; a place without a label is named by its IRI's local name.
    """
    out = []
    for row in store.query(_MET_REPORTS):  # type: ignore[union-attr]
        place = _value(row["place"]) or (local_name(_value(row["loc"])) if row["loc"] is not None else "")
        out.append(MetReport(_value(row["x"]), _value(row["y"]), article_id(_value(row["g"])),
                             _value(row["date"]), place))
    return out


def actors(store: ox.Store) -> list[ActorInfo]:
    """Return the actors on either side of a gk:met, as described across all the article graphs.

    Where graphs disagree, the label is the first alphabetically; several classes or
    Wikidata items are all kept, joined by ";", so the conflict shows in the output.
    """
    labels: dict[str, set[str]] = {}
    types: dict[str, set[str]] = {}
    items: dict[str, set[str]] = {}
    for row in store.query(_ACTORS):  # type: ignore[union-attr]
        iri, p, v = _value(row["x"]), _value(row["p"]), _value(row["v"])
        for table in (labels, types, items):
            table.setdefault(iri, set())
        if p == V.RDFS_LABEL:
            labels[iri].add(v)
        elif p == V.RDF_TYPE:
            types[iri].add(local_name(v) if v.startswith(V.GK) and v != V.Actor else "")
        else:
            items[iri].add(wikidata_id(v))
    return [ActorInfo(iri, min(labels[iri] - {""}, default=local_name(iri)), _joined(types[iri]) or "Actor",
                      _joined(items[iri]))
            for iri in sorted(labels)]


def meeting_network(store: ox.Store) -> nx.Graph:
    """Return the network of actors that met in person (gk:met), one weighted edge per pair.

    Nodes are actor IRIs with ``label``, ``type`` (Person, Country, Organization, Group)
    and ``wikidata`` (a Q-id or ""). Edges carry ``weight`` (number of distinct articles
    reporting the pair), and ``articles``, ``dates`` (ISO) and ``places``, each sorted
    and joined by ";". All values are str or int, as GraphML and GEXF require.
    """
    return build_network(actors(store), met_reports(store))


# ------------------------------------------------------------------ writers


def _write_graphml(graph: nx.Graph, fh: BinaryIO) -> None:
    nx.write_graphml(graph, fh, encoding="utf-8")


def _write_gexf(graph: nx.Graph, fh: BinaryIO) -> None:
    nx.write_gexf(graph, fh, encoding="utf-8")


def _label(graph: nx.Graph, node: str) -> str:
    # a graph not made by meeting_network may lack labels; the IRI's local name still reads
    return str(graph.nodes[node].get("label") or local_name(str(node)))


def _csv_rows(graph: nx.Graph) -> list[tuple[str, str, str, str, int, str, str]]:
    rows = []
    for u, v, data in graph.edges(data=True):
        s, t = _pair(u, v)
        rows.append((s, t, _label(graph, s), _label(graph, t), data.get("weight", 1), data.get("articles", ""),
                     data.get("dates", "")))
    return sorted(rows)


def _write_csv(graph: nx.Graph, fh: BinaryIO) -> None:
    text = io.TextIOWrapper(fh, encoding="utf-8", newline="", write_through=True)
    try:
        w = csv.writer(text, lineterminator="\n")
        w.writerow(CSV_HEADER)
        w.writerows(_csv_rows(graph))
        text.flush()
    finally:
        text.detach()  # the caller's stream stays open (it may be stdout)


def figure_side(nodes: int) -> float:
    """Return the side of the square figure, in inches, for a network of ``nodes`` actors.

    >>> figure_side(0), figure_side(31), figure_side(10_000)
    (6.0, 14.1, 30.0)
    """
    return round(min(30.0, max(6.0, 3.0 + 2.0 * nodes ** 0.5)), 1)


def layout(graph: nx.Graph, seed: int = SEED) -> dict[str, tuple[float, float]]:
    """Return a position for every node: each connected component laid out on its own, then packed in rows.

    One spring layout of the whole graph pushes the small components to the far
    edges and crushes the big one in the middle; packing keeps them all legible.
    The same graph and seed always give the same positions.

    >>> pos = layout(nx.Graph([("a", "b"), ("c", "d"), ("c", "e")]))
    >>> sorted(pos) == ["a", "b", "c", "d", "e"], pos == layout(nx.Graph([("c", "e"), ("c", "d"), ("a", "b")]))
    (True, True)
    """
    parts = sorted((sorted(c) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c[0]))
    if not parts:
        return {}
    boxes = []
    for nodes in parts:
        radius = 0.7 * len(nodes) ** 0.5
        sub = nx.Graph()
        sub.add_nodes_from(nodes)  # sorted, so the result does not depend on insertion order
        sub.add_edges_from(sorted(_pair(u, v) for u, v in graph.subgraph(nodes).edges))
        if len(nodes) == 1:
            pos = {nodes[0]: (0.0, 0.0)}
        else:
            raw = nx.spring_layout(sub, k=1.5 / len(nodes) ** 0.5, iterations=200, seed=seed, scale=radius)
            pos = {v: (float(x), float(y)) for v, (x, y) in raw.items()}
        boxes.append((radius + 0.5, pos))
    # shelf packing: fill a row up to about the side of a square holding every box, then start the next
    row_limit = max(max(2 * half for half, _ in boxes), sum((2 * half) ** 2 for half, _ in boxes) ** 0.5)
    out: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for half, pos in boxes:
        if x > 0 and x + 2 * half > row_limit:
            x, y, row_height = 0.0, y - row_height, 0.0
        for v, (px, py) in pos.items():
            out[v] = (x + half + px, y - half + py)
        x += 2 * half
        row_height = max(row_height, 2 * half)
    return out


_COLOURS = {"Person": "#4c72b0", "Country": "#55a868", "Organization": "#c44e52", "Group": "#8172b2"}
_OTHER = "#999999"


def _draw(graph: nx.Graph, fmt: str, fh: BinaryIO) -> None:
    # An explicit Figure on an Agg canvas: no pyplot figure manager, no global backend switch,
    # nothing left open after the call. rc_context restores the settings it changes.
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    n = graph.number_of_nodes()
    side = figure_side(n)
    fig = Figure(figsize=(side, side), dpi=100)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    fig.subplots_adjust(left=0.02, right=0.98, bottom=0.02, top=0.95)
    ax.set_axis_off()
    if n == 0:
        ax.text(0.5, 0.5, "no meetings in the store", ha="center", va="center", fontsize=16, transform=ax.transAxes)
    else:
        nodes = sorted(graph.nodes)
        pos = layout(graph)
        edges = sorted(_pair(u, v) for u, v in graph.edges)
        weights = [graph.edges[e].get("weight", 1) for e in edges]
        nx.draw_networkx_edges(graph, pos, ax=ax, edgelist=edges, width=[1.0 + 1.5 * (w - 1) for w in weights],
                               edge_color="#888888", alpha=0.8)
        types = [str(graph.nodes[v].get("type") or "Actor") for v in nodes]
        nx.draw_networkx_nodes(graph, pos, ax=ax, nodelist=nodes, node_color=[_COLOURS.get(t, _OTHER) for t in types],
                               node_size=[250 + 80 * graph.degree(v) for v in nodes], edgecolors="white")
        # "$" would start matplotlib's mathtext; escaped, it is drawn as itself
        labels = {v: _label(graph, v).replace("$", r"\$") for v in nodes}
        nx.draw_networkx_labels(graph, pos, labels=labels, ax=ax, font_size=9,
                                bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "none", "alpha": 0.7})
        legend = [Line2D([], [], marker="o", linestyle="", markersize=9, markerfacecolor=_COLOURS.get(t, _OTHER),
                         markeredgecolor="white", label=t) for t in sorted(set(types))]
        ax.legend(handles=legend, loc="best", frameon=False)
        ax.set_title(f"Who met whom: {n} actors, {graph.number_of_edges()} pairs "
                     "(edge width = number of articles)")
        ax.margins(0.08)
    # text stays text in SVG (searchable, and the labels are in the file); fixed ids and no date keep it reproducible
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "geokg"}):
        fig.savefig(fh, format=fmt, metadata={"Date": None} if fmt == "svg" else None)


_WRITERS: dict[str, Callable[[nx.Graph, BinaryIO], None]] = {
    "graphml": _write_graphml,
    "gexf": _write_gexf,
    "csv": _write_csv,
    "png": lambda g, fh: _draw(g, "png", fh),
    "svg": lambda g, fh: _draw(g, "svg", fh),
}


def write(graph: nx.Graph, fmt: str, out: Path | BinaryIO) -> None:
    """Write the network to a path or a binary stream as graphml, gexf, csv (an edge list), png or svg.

    A path is written in full or not at all (through a ``.part`` file beside it).
    A stream is left open.

    Raises:
        StoreError: the format is not one of FORMATS (nothing is written).
    """
    if fmt not in _WRITERS:
        raise StoreError(f"unknown network format {fmt!r}; choose from {', '.join(FORMATS)}")
    writer = _WRITERS[fmt]
    if not isinstance(out, Path):
        writer(graph, out)
        return
    tmp = out.with_name(out.name + ".part")
    try:
        with tmp.open("wb") as fh:
            writer(graph, fh)
        tmp.replace(out)
    finally:
        tmp.unlink(missing_ok=True)
