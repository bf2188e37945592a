"""Compose the stages: read, normalise, parse (one batched nlp.pipe), extract, check, store."""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from spacy.language import Language

from kg import gazetteer as gazetteer_mod
from kg import ontology as ontology_mod
from kg import patterns as patterns_mod
from kg import rdf, store as store_mod
from kg import vocab as V
from kg.articles import read_inputs
from kg.extract import extract_facts
from kg.gazetteer import Gazetteer
from kg.normalize import Normalized, normalize
from kg.ontology import Ontology
from kg.patterns import Patterns
from kg.records import Actor, Article, Extraction, Fact, InputProblem, Meeting, Proposal, Term, Triple, Violation


@dataclass(frozen=True)
class Resources:
    """What the stages depend on, loaded once."""

    nlp: Language
    gazetteer: Gazetteer
    patterns: Patterns
    ontology: Ontology


def load_resources(model: str | None = None, ontology_path: Path | None = None) -> Resources:
    """Return the pipeline, gazetteer, patterns and ontology, loaded from their files."""
    from kg.nlp import load_nlp

    gaz = gazetteer_mod.load()
    return Resources(nlp=load_nlp(gaz, model), gazetteer=gaz, patterns=patterns_mod.load(),
                     ontology=ontology_mod.load(ontology_path) if ontology_path else ontology_mod.load())


@dataclass
class BuildReport:
    """What a build did: counts, unreadable inputs and refused candidates."""

    articles: int = 0
    facts: int = 0
    met_pairs: int = 0
    proposals: int = 0
    triples: int = 0
    rejected_facts: int = 0
    rejected: list[Violation] = field(default_factory=list)
    problems: list[InputProblem] = field(default_factory=list)
    seconds: float = 0.0
    article_ids: list[str] = field(default_factory=list)  # every article read, stored or not


def extract_all(res: Resources, articles: Iterable[Article], batch_size: int = 32
                ) -> Iterator[Extraction]:
    """Yield each article's facts; every article goes through one batched ``nlp.pipe``."""
    names, demonyms = res.gazetteer.names(), res.gazetteer.demonym_set()
    pairs = ((n.text, (a, n)) for a in articles for n in [normalize(a.text, names, demonyms)])
    for doc, (article, norm) in res.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield Extraction(article, tuple(extract_facts(doc, article, norm, res.gazetteer, res.patterns)))


def checked_triples(onto: Ontology, extraction: Extraction, gaz: Gazetteer | None = None
                    ) -> tuple[list[Triple], list[Fact], list[Violation]]:
    """Return the triples of the facts the ontology accepts, those facts, and the violations of the rest.

    With the gazetteer, the offices of the gazetteer people in those facts are added (gk:OfficeHolding).
    """
    article = extraction.article
    triples = rdf.article_triples(article)
    if onto.stamp:  # which ontology these facts were checked against
        triples.append(Triple(rdf.article_iri(article.id), V.checkedWithOntology, Term(onto.stamp, V.XSD_STRING)))
    violations = ontology_mod.check(onto, triples, article.id)
    if violations:  # the article node itself is malformed: keep nothing but report why
        return [], [], violations
    known = {rdf.article_iri(article.id): {t.object for t in triples if t.predicate == V.RDF_TYPE}}
    kept: list[Fact] = []
    for fact in extraction.facts:
        group = rdf.fact_triples(fact, article.id)
        found = ontology_mod.check(onto, group, article.id, fact.evidence.sentence, known)
        if found:
            violations.extend(found)
            continue
        kept.append(fact)
        triples.extend(group)
    if gaz is not None:
        people = {a.key: a for f in kept for a in _actors_of(f) if a.type == "Person" and a.key in gaz.offices}
        for key, person in sorted(people.items()):
            group = rdf.office_triples(person, gaz.offices[key], gaz.actors)
            found = ontology_mod.check(onto, group, article.id, "", known)
            if found:
                violations.extend(found)
            else:
                triples.extend(group)
    return triples, kept, violations


def _actors_of(fact: Fact) -> tuple[Actor, ...]:
    if isinstance(fact, Meeting):
        return fact.participants
    if isinstance(fact, Proposal):
        return fact.proposers
    return (fact.holder,) + ((fact.of,) if fact.of is not None else ())


def checked_extractions(res: Resources, articles: Iterable[Article]) -> Iterator[Extraction]:
    """Yield each article with only the facts the ontology accepts (what ``build`` would store)."""
    for extraction in extract_all(res, articles):
        _, kept, _ = checked_triples(res.ontology, extraction)
        yield Extraction(extraction.article, tuple(kept))


def build(res: Resources, inputs: Iterable[Path | str], store: ox.Store,
          progress: Callable[[BuildReport], None] | None = None) -> BuildReport:
    """Build the store from the inputs; each article's graph is replaced atomically."""
    report = BuildReport()
    start = time.perf_counter()

    def articles() -> Iterator[Article]:
        for item in read_inputs(inputs):
            if isinstance(item, InputProblem):
                report.problems.append(item)
            else:
                yield item

    for extraction in extract_all(res, articles()):
        triples, kept, violations = checked_triples(res.ontology, extraction, res.gazetteer)
        report.article_ids.append(extraction.article.id)
        report.rejected.extend(violations)
        report.rejected_facts += len(extraction.facts) - len(kept)
        if not triples:
            continue
        report.triples += store_mod.replace_graph(store, rdf.article_iri(extraction.article.id), triples)
        report.articles += 1
        report.facts += len(kept)
        report.met_pairs += sum(1 for f in kept if isinstance(f, Meeting) and f.happened_in_person)
        report.proposals += sum(1 for f in kept if isinstance(f, Proposal))
        report.seconds = time.perf_counter() - start
        if progress is not None:
            progress(report)
    report.seconds = time.perf_counter() - start
    return report
