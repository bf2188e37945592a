"""Validate a built store: SHACL shapes and the ontology's checks per article graph, and HermiT on request.

* SHACL: ``ontology/shapes.ttl`` run with pySHACL over each article graph, with
  the ontology as the ontology graph (so subclasses count).
* Ontology: the same domain, range, disjointness, irreflexivity, functional and
  datatype checks the build applies (kg.ontology.check), now over what is stored,
  which catches triples added to the store by other means.
* Reasoning (``reason=True``): all facts and the ontology given to HermiT through
  owlready2. HermiT also uses what domain and range *infer*, so it finds
  contradictions the closed-world checks cannot (a node used as a plan by one
  triple and as an actor by another). An inconsistency is narrowed down to the
  article graphs and individuals involved.
"""
from __future__ import annotations

import io
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg import ontology as ontology_mod
from kg import paths
from kg import vocab as V
from kg.errors import KgError
from kg.ontology import Ontology, short
from kg.records import IRI, Term, Triple

SH = "http://www.w3.org/ns/shacl#"


@dataclass(frozen=True, slots=True)
class Problem:
    """One finding: which check, in which article graph, about which node, and why."""

    check: str  # shacl | ontology | reasoner
    graph: str
    focus: str
    message: str
    path: str = ""
    value: str = ""


@dataclass
class ValidationReport:
    """Everything ``validate`` found, and how many graphs it looked at."""

    graphs: int = 0
    problems: list[Problem] = field(default_factory=list)
    reasoned: bool = False

    @property
    def valid(self) -> bool:
        return not self.problems


class ReasonerError(KgError):
    """The reasoner cannot run (no Java) or failed."""


def article_graphs(store: ox.Store) -> Iterator[tuple[str, list[ox.Quad]]]:
    """Yield (graph IRI, its quads) for every named graph in the store."""
    for g in sorted(store.named_graphs(), key=lambda n: n.value):
        yield g.value, list(store.quads_for_pattern(None, None, None, g))


def _records(quads: list[ox.Quad]) -> list[Triple]:
    out = []
    for q in quads:
        o = q.object
        obj: IRI | Term = Term(o.value, IRI(o.datatype.value)) if isinstance(o, ox.Literal) else IRI(o.value)
        out.append(Triple(IRI(q.subject.value), IRI(q.predicate.value), obj))
    return out


def _ntriples(quads: list[ox.Quad]) -> bytes:
    return ox.serialize([ox.Triple(q.subject, q.predicate, q.object) for q in quads],
                        format=ox.RdfFormat.N_TRIPLES)


def load_shapes(shapes_path: Path = paths.SHAPES, ontology_path: Path = paths.ONTOLOGY) -> tuple[Any, Any]:
    """Return the shapes and the ontology as rdflib graphs, read once for all article graphs."""
    import rdflib

    return (rdflib.Graph().parse(shapes_path, format="turtle"), rdflib.Graph().parse(ontology_path, format="turtle"))


def shacl(quads: list[ox.Quad], graph: str, shapes: tuple[Any, Any] | None = None) -> list[Problem]:
    """Return the SHACL violations of one article graph (``shapes`` from ``load_shapes``)."""
    import pyshacl
    import rdflib

    shapes_graph, onto = shapes or load_shapes()
    data = rdflib.Graph().parse(data=_ntriples(quads), format="nt")
    _, results, _ = pyshacl.validate(data, shacl_graph=shapes_graph, ont_graph=onto, inference="none",
                                     abort_on_first=False, allow_warnings=False)
    out = []
    for r in results.subjects(rdflib.RDF.type, rdflib.URIRef(SH + "ValidationResult")):
        def one(p: str) -> str:
            v = results.value(r, rdflib.URIRef(SH + p))
            return "" if v is None else str(v)
        out.append(Problem("shacl", graph, one("focusNode"), one("resultMessage"), one("resultPath"), one("value")))
    return sorted(out, key=lambda p: (p.focus, p.path, p.message))


def closed_world(onto: Ontology, quads: list[ox.Quad], graph: str) -> list[Problem]:
    """Return what the build-time ontology checks refuse in one stored article graph."""
    return [Problem("ontology", graph, v.triple.subject, v.rule, v.triple.predicate,
                    getattr(v.triple.object, "value", v.triple.object))
            for v in ontology_mod.check(onto, _records(quads), graph)]


def reason(store: ox.Store, ontology_path: Path = paths.ONTOLOGY, onto: Ontology | None = None) -> list[Problem]:
    """Run HermiT over the ontology and all facts; on inconsistency, name the graphs, individuals and axioms.

    HermiT gives the verdict. The axioms in conflict are then named from the ontology (``onto``): a node's
    asserted classes and those its properties' domains and ranges give it, against the disjointness,
    irreflexive and functional axioms.

    Raises:
        ReasonerError: Java is not installed, or HermiT failed for another reason.
    """
    if shutil.which("java") is None:
        raise ReasonerError("kg validate --reason needs Java (HermiT runs on it): install a JRE, "
                            "e.g. apt-get install default-jre-headless, or run without --reason")
    # HermiT knows only the OWL 2 datatype map, which has no xsd:date: dates take no part in reasoning
    schema = ox.serialize([t for t in ox.parse(path=str(ontology_path)) if not _is_date(t.object)],
                          format=ox.RdfFormat.N_TRIPLES)
    graphs = [(g, [q for q in quads if not _is_date(q.object)]) for g, quads in article_graphs(store)]
    everything = [q for _, quads in graphs for q in quads]
    if _consistent(schema, everything):
        return []
    problems = []
    for graph, quads in graphs:  # narrow down: which article graphs are inconsistent on their own
        if not _consistent(schema, quads):
            problems.append(Problem("reasoner", graph, _culprits(schema, quads),
                                    "the ontology and this graph's facts are inconsistent (HermiT)"
                                    + _axioms(onto, quads)))
    if not problems:
        problems.append(Problem("reasoner", "", "", "the facts of several graphs together are inconsistent (HermiT)"
                                + _axioms(onto, everything)))
    elif onto is not None:  # conflicts that only the graphs together make, beside those of single graphs
        alone = {c for graph, quads in graphs for c in conflicts(onto, quads)}
        together = [c for c in conflicts(onto, everything) if c not in alone]
        if together:
            problems.append(Problem("reasoner", "", "", "the facts of several graphs together are inconsistent; "
                                    "axioms in conflict: " + " | ".join(together)))
    return problems


def _axioms(onto: Ontology | None, quads: list[ox.Quad]) -> str:
    found = conflicts(onto, quads) if onto is not None else []
    return ("; axioms in conflict: " + " | ".join(found)) if found else ""


def conflicts(onto: Ontology, quads: list[ox.Quad]) -> list[str]:
    """Name the individuals and the axioms they break: disjoint classes (asserted, or given by a property's
    domain or range), an irreflexive property linking a node to itself, a functional property with two values.
    """
    why: dict[str, dict[str, str]] = {}  # node -> class -> why it has it
    values: dict[tuple[str, str], set[str]] = {}
    out = []
    for q in quads:
        s, p, o = q.subject.value, q.predicate.value, q.object
        if p == V.RDF_TYPE:
            why.setdefault(s, {})[o.value] = "asserted"  # the plainest reason wins
            continue
        for c in onto.domains.get(p, ()):
            why.setdefault(s, {}).setdefault(c, f"domain of {short(IRI(p))}")
        if isinstance(o, ox.NamedNode):
            for c in onto.ranges.get(p, ()):
                why.setdefault(o.value, {}).setdefault(c, f"range of {short(IRI(p))}")
            if p in onto.irreflexive and o.value == s:
                out.append(f"{short(IRI(p))} is irreflexive but {short(IRI(s))} {short(IRI(p))} itself")
        if p in onto.functional:
            values.setdefault((s, p), set()).add(str(o))
    for node, classes in sorted(why.items()):
        reported = set()
        for a, ra in sorted(classes.items()):
            for b, rb in sorted(classes.items()):
                if a < b and (pair := onto.disjoint_pair([a], [b])) is not None and pair not in reported:
                    reported.add(pair)
                    out.append(f"{short(IRI(pair[0]))} owl:disjointWith {short(IRI(pair[1]))}: {short(IRI(node))} "
                               f"is a {short(IRI(a))} ({ra}) and a {short(IRI(b))} ({rb})")
    for (s, p), vals in sorted(values.items()):
        if len(vals) > 1:
            out.append(f"{short(IRI(p))} is functional but {short(IRI(s))} has {len(vals)} values")
    return out


def _is_date(term: object) -> bool:
    if isinstance(term, ox.Literal):
        return term.datatype.value == V.XSD_DATE
    return isinstance(term, ox.NamedNode) and term.value == V.XSD_DATE


def _consistent(schema: bytes, quads: list[ox.Quad]) -> bool:
    from owlready2 import OwlReadyInconsistentOntologyError, World, sync_reasoner_hermit

    world = World()
    onto = world.get_ontology("https://w3id.org/geokg/check").load(
        fileobj=io.BytesIO(schema + b"\n" + _ntriples(quads)), format="ntriples")
    try:
        with onto:
            sync_reasoner_hermit(world, infer_property_values=False, debug=0)
    except OwlReadyInconsistentOntologyError:
        return False
    except Exception as e:  # HermiT's own failures come through as plain exceptions
        raise ReasonerError(f"HermiT failed: {e}") from e
    finally:
        world.close()
    return True


def _culprits(schema: bytes, quads: list[ox.Quad]) -> str:
    """Return the nodes whose own statements already make the graph inconsistent, e.g. "plan:x (gk:met)"."""
    by_subject: dict[str, list[ox.Quad]] = {}
    for q in quads:  # each node with the statements made about it and those pointing at it
        by_subject.setdefault(q.subject.value, []).append(q)
        if isinstance(q.object, ox.NamedNode) and q.predicate.value != V.RDF_TYPE:
            by_subject.setdefault(q.object.value, []).append(q)
    types = [q for q in quads if q.predicate.value == V.RDF_TYPE]
    found = []
    for subject, own in sorted(by_subject.items()):
        if not _consistent(schema, own + types):
            predicates = sorted({short(IRI(q.predicate.value)) for q in own if q.predicate.value != V.RDF_TYPE})
            found.append(f"{short(IRI(subject))} ({', '.join(predicates)})")
    return "; ".join(found) or "(several individuals together)"


def validate(store: ox.Store, onto: Ontology, *, with_reasoner: bool = False,
             shapes_path: Path = paths.SHAPES) -> ValidationReport:
    """Return every SHACL and ontology problem per article graph, and HermiT's findings when asked."""
    report = ValidationReport(reasoned=with_reasoner)
    shapes = load_shapes(shapes_path, onto.path)
    for graph, quads in article_graphs(store):
        report.graphs += 1
        report.problems += shacl(quads, graph, shapes)
        report.problems += closed_world(onto, quads, graph)
    if with_reasoner:
        report.problems += reason(store, onto.path, onto)
    return report
