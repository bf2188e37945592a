"""Load ontology/geopolitics.ttl with owlready2 and check candidate triples against it.

The checks (declared terms, domain, range, disjointness, irreflexivity,
functional properties, literal datatypes) are derived from the ontology at
load time; nothing of the schema is repeated here.
"""
from __future__ import annotations

import datetime as dt
import io
from collections import defaultdict
from collections.abc import Container, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kg import paths
from kg import vocab as V
from kg.errors import OntologyError  # noqa: F401 (re-exported for callers)
from kg.records import IRI, Term, Triple, Violation

_PY_DATATYPES: dict[type, frozenset[str]] = {
    int: frozenset({V.XSD_INTEGER}),
    str: frozenset({V.XSD_STRING}),
    dt.date: frozenset({V.XSD_DATE}),
    bool: frozenset({V.XSD_BOOLEAN}),
}


def _boolean(value: str) -> bool:
    if value not in ("true", "false", "1", "0"):
        raise ValueError(value)
    return value in ("true", "1")


_LEXICAL = {V.XSD_INTEGER: int, V.XSD_DATE: dt.date.fromisoformat, V.XSD_BOOLEAN: _boolean}


@dataclass(frozen=True)
class Ontology:
    """The schema facts the build-time checks need, read from the OWL file."""

    path: Path
    classes: frozenset[str]
    ancestors: dict[str, frozenset[str]]
    disjoint: frozenset[frozenset[str]]
    object_properties: frozenset[str]
    datatype_properties: frozenset[str]
    domains: dict[str, frozenset[str]]
    ranges: dict[str, frozenset[str]]
    irreflexive: frozenset[str]
    functional: frozenset[str]
    symmetric: frozenset[str]
    stamp: str = ""  # "<owl:versionInfo> sha256:<hash of the file>", recorded with every stored article

    _memo: dict = field(default_factory=dict, compare=False, repr=False)  # answers below, by argument

    def closure(self, types: Iterable[str]) -> frozenset[str]:
        """Return the types with all their superclasses."""
        key = ("closure", frozenset(types))
        if (found := self._memo.get(key)) is None:
            found = self._memo[key] = frozenset(a for t in key[1] for a in self.ancestors.get(t, frozenset({t})))
        return found

    def disjoint_pair(self, left: Iterable[str], right: Iterable[str]) -> tuple[str, str] | None:
        """Return a pair of disjoint classes, one from each side (with superclasses), or None."""
        key = ("disjoint", frozenset(left), frozenset(right))
        if key not in self._memo:
            self._memo[key] = next(((a, b) for a in sorted(self.closure(key[1])) for b in sorted(self.closure(key[2]))
                                    if frozenset((a, b)) in self.disjoint), None)
        return self._memo[key]


def _iri(entity: object) -> str:
    return str(getattr(entity, "iri"))


def load(path: Path = paths.ONTOLOGY) -> Ontology:
    """Return the ontology in a Turtle file, read through owlready2 in a World of its own.

    Raises:
        OntologyError: the file is missing or not parseable.
    """
    import pyoxigraph
    from owlready2 import World

    if not path.is_file():
        raise OntologyError(f"ontology file not found: {path}")
    try:
        nt = pyoxigraph.serialize(pyoxigraph.parse(path=str(path)), format=pyoxigraph.RdfFormat.N_TRIPLES)
    except SyntaxError as e:
        raise OntologyError(f"{path}:{e.lineno}: not valid Turtle: {e.msg}") from e
    world = World()
    onto = world.get_ontology(V.GK.rstrip("#")).load(fileobj=io.BytesIO(nt), format="ntriples")
    classes = list(onto.classes())
    ancestors = {_iri(c): frozenset(_iri(a) for a in c.ancestors() if hasattr(a, "iri")) for c in classes}
    disjoint: set[frozenset[str]] = set()
    for d in world.disjoint_classes():
        members = [_iri(e) for e in d.entities if hasattr(e, "iri")]
        disjoint.update(frozenset((a, b)) for a in members for b in members if a != b)
    domains, ranges = {}, {}
    objs, dts, irr, fun, sym = set(), set(), set(), set(), set()
    for p in onto.properties():
        iri = _iri(p)
        kinds = {getattr(k, "__name__", "") for k in p.is_a}
        domains[iri] = frozenset(_iri(d) for d in p.domain if hasattr(d, "iri"))
        if "DatatypeProperty" in kinds:
            dts.add(iri)
            ranges[iri] = frozenset(x for r in p.range for x in _PY_DATATYPES.get(r, {V.XSD + "anyURI"}))
        else:
            objs.add(iri)
            ranges[iri] = frozenset(_iri(r) for r in p.range if hasattr(r, "iri"))
        if "IrreflexiveProperty" in kinds:
            irr.add(iri)
        if "FunctionalProperty" in kinds:
            fun.add(iri)
        if "SymmetricProperty" in kinds:
            sym.add(iri)
    import hashlib

    version = next((str(v) for v in onto.metadata.versionInfo), "")
    stamp = f"{version} sha256:{hashlib.sha256(path.read_bytes()).hexdigest()}".strip()
    return Ontology(path=path, stamp=stamp, classes=frozenset(ancestors), ancestors=ancestors, disjoint=frozenset(disjoint),
                    object_properties=frozenset(objs), datatype_properties=frozenset(dts), domains=domains,
                    ranges=ranges, irreflexive=frozenset(irr), functional=frozenset(fun), symmetric=frozenset(sym))


def check(onto: Ontology, triples: list[Triple], article_id: str = "", sentence: str = "",
          known_types: dict[str, set[str]] | None = None, accepted: Container[Triple] = frozenset()) -> list[Violation]:
    """Return the violations in a candidate group of triples (empty when all of them are allowed).

    Types come from the rdf:type triples of the group (and ``known_types``);
    a node used where a class is required must have a type that is that class
    or a subclass of it, and no two types of a node may be disjoint. Triples in ``accepted``
    (already checked in this article: actor descriptions repeat in every fact) still give types
    and functional values but are not checked again.
    """
    types: dict[str, set[str]] = defaultdict(set)
    for node, ts in (known_types or {}).items():
        types[node] |= ts
    for t in triples:
        if t.predicate == V.RDF_TYPE and isinstance(t.object, str):
            types[t.subject].add(t.object)
    out: list[Violation] = []

    def bad(t: Triple, rule: str) -> None:
        out.append(Violation(t, rule, article_id, sentence))

    values: dict[tuple[str, str], set[object]] = defaultdict(set)
    for t in triples:
        p = t.predicate
        if t in accepted:
            if p != V.RDF_TYPE and p != V.RDFS_LABEL:
                values[(t.subject, p)].add(t.object)
            continue
        if p == V.RDF_TYPE:
            if t.object not in onto.classes:
                bad(t, f"unknown class {t.object}")
            elif (pair := onto.disjoint_pair([t.object], types[t.subject] - {t.object})) is not None:
                bad(t, f"disjoint classes: {short(pair[0])} and {short(pair[1])}")
            continue
        if p == V.RDFS_LABEL:
            if not isinstance(t.object, Term) or not t.object.value.strip():
                bad(t, "rdfs:label must be a non-empty literal")
            continue
        if p not in onto.object_properties and p not in onto.datatype_properties:
            bad(t, f"property not declared in the ontology: {p}")
            continue
        _check_domain(onto, t, types, bad)
        values[(t.subject, p)].add(t.object)
        if p in onto.object_properties:
            if isinstance(t.object, Term):
                bad(t, f"{short(p)} needs a resource as object, got a literal")
                continue
            if p in onto.irreflexive and t.subject == t.object:
                bad(t, f"{short(p)} is irreflexive: a node cannot relate to itself")
            rng = onto.ranges.get(p, frozenset())
            if rng:
                _check_class(onto, t, t.object, rng, types, "range", bad)
        else:
            if not isinstance(t.object, Term):
                bad(t, f"{short(p)} needs a literal as object, got a resource")
                continue
            rng = onto.ranges.get(p, frozenset())
            if rng and t.object.datatype not in rng:
                bad(t, f"range of {short(p)} is {', '.join(sorted(map(short, rng)))}, got {short(t.object.datatype)}")
            elif (parse := _LEXICAL.get(t.object.datatype)) is not None:
                try:
                    parse(t.object.value)  # type: ignore[operator]
                except ValueError:
                    bad(t, f"{t.object.value!r} is not a valid {short(t.object.datatype)}")
    for (s, p), vals in values.items():
        if p in onto.functional and len(vals) > 1:
            first = next(t for t in triples if t.subject == s and t.predicate == p)
            bad(first, f"{short(p)} is functional but has {len(vals)} values")
    return out


def _check_domain(onto: Ontology, t: Triple, types: dict[str, set[str]], bad) -> None:  # type: ignore[no-untyped-def]
    dom = onto.domains.get(t.predicate, frozenset())
    if dom:
        _check_class(onto, t, t.subject, dom, types, "domain", bad)


def _check_class(onto: Ontology, t: Triple, node: str, required: frozenset[str], types: dict[str, set[str]],
                 what: str, bad) -> None:  # type: ignore[no-untyped-def]
    have = types.get(node, set())
    pair = onto.disjoint_pair(have, required)
    if pair is not None:
        bad(t, f"{what} of {short(t.predicate)} is {short(next(iter(required)))} but {short(node)} is a "
               f"{short(pair[0])} (disjoint with {short(pair[1])})")
    elif not required <= onto.closure(have):
        bad(t, f"{what} of {short(t.predicate)} is {short(next(iter(required)))} but {short(node)} "
               f"has no such type ({', '.join(sorted(map(short, have))) or 'untyped'})")


def short(iri: str) -> str:
    """Return an IRI with its prefix, as in Turtle.

    >>> short("https://w3id.org/geokg/ontology#met")
    'gk:met'
    """
    for prefix, ns in V.PREFIXES.items():
        if iri.startswith(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def declared(onto: Ontology, iri: IRI) -> bool:
    """True if the ontology declares ``iri`` as a class or property."""
    return iri in onto.classes or iri in onto.object_properties or iri in onto.datatype_properties
