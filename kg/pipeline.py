"""Compose the stages: read, skip unchanged, normalise, parse (one batched nlp.pipe), extract, check, store."""
from __future__ import annotations

import dataclasses
import hashlib
import itertools
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox
from spacy.language import Language

from kg import gazetteer as gazetteer_mod
from kg import paths
from kg import ontology as ontology_mod
from kg import patterns as patterns_mod
from kg import rdf, store as store_mod
from kg import vocab as V
from kg.articles import read_inputs
from kg.extract import extract_facts
from kg.gazetteer import Gazetteer
from kg.normalize import normalize
from kg.ontology import Ontology
from kg.patterns import Patterns
from kg.records import Actor, Article, Extraction, Fact, InputProblem, Meeting, Proposal, Term, Triple, Violation

if TYPE_CHECKING:
    from kg.sink import Sink


@dataclass(frozen=True)
class Resources:
    """What the stages depend on, loaded once."""

    nlp: Language
    gazetteer: Gazetteer
    patterns: Patterns
    ontology: Ontology
    fingerprint: str = ""  # what extracted the facts (see fingerprint()); stored with every article


def load_resources(model: str | None = None, ontology_path: Path | None = None) -> Resources:
    """Return the pipeline, gazetteer, patterns and ontology, loaded from their files."""
    from kg.nlp import load_nlp

    from kg.nlp import default_model

    gaz = gazetteer_mod.load()
    name = model or default_model()
    onto_path = ontology_path or paths.ONTOLOGY
    return Resources(nlp=load_nlp(gaz, name), gazetteer=gaz, patterns=patterns_mod.load(),
                     ontology=ontology_mod.load(onto_path), fingerprint=fingerprint(name, onto_path))


def fingerprint(model: str | None = None, ontology_path: Path = paths.ONTOLOGY) -> str:
    """Return "geokg VERSION MODEL-VERSION sha256:H", H hashing kg's code, gazetteers, patterns and the ontology.

    Two builds with the same fingerprint extract the same facts from the same article, so an article
    whose content hash and fingerprint are already stored is skipped. It needs no loaded model.
    """
    from importlib.metadata import PackageNotFoundError, version

    from spacy.util import get_package_version

    from kg.nlp import default_model

    model = model or default_model()
    try:
        kg_version = version("geokg")
    except PackageNotFoundError:
        kg_version = "unknown"
    from spacy import __version__ as spacy_version

    model = f"{model}-{get_package_version(model) or 'unversioned'} spacy-{spacy_version}"
    h = hashlib.sha256()
    files = [*sorted((paths.ROOT / "kg").glob("*.py")), *sorted(paths.DATA.glob("gazetteers/*")),
             *sorted(paths.DATA.glob("patterns/*")), ontology_path]
    for f in files:
        if f.is_file():
            h.update(f.name.encode() + b"\0" + f.read_bytes() + b"\0")
    return f"geokg {kg_version} {model} sha256:{h.hexdigest()}"


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
    article_ids: list[str] = field(default_factory=list)  # every article processed, stored or not
    unchanged: int = 0  # skipped: already stored with the same content hash and fingerprint

    def add(self, written: BuildReport) -> None:
        """Add what a sink wrote (articles, facts, triples, refused candidates) to this report."""
        self.articles += written.articles
        self.facts += written.facts
        self.met_pairs += written.met_pairs
        self.proposals += written.proposals
        self.triples += written.triples
        self.rejected_facts += written.rejected_facts
        self.rejected.extend(written.rejected)


def extract_all(res: Resources, articles: Iterable[Article], batch_size: int = 32
                ) -> Iterator[Extraction]:
    """Yield each article's facts; every article goes through one batched ``nlp.pipe``."""
    names, demonyms = res.gazetteer.names(), res.gazetteer.demonym_set()
    pairs = ((n.text, (a, n)) for a in articles for n in [normalize(a.text, names, demonyms)])
    for doc, (article, norm) in res.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield Extraction(article, tuple(extract_facts(doc, article, norm, res.gazetteer, res.patterns)))


def checked_triples(onto: Ontology, extraction: Extraction, gaz: Gazetteer | None = None, fingerprint: str = ""
                    ) -> tuple[list[Triple], list[Fact], list[Violation]]:
    """Return the triples of the facts the ontology accepts, those facts, and the violations of the rest.

    With the gazetteer, the offices of the gazetteer people in those facts are added (gk:OfficeHolding).
    """
    article = extraction.article
    triples = rdf.article_triples(article)
    if onto.stamp:  # which ontology these facts were checked against
        triples.append(Triple(rdf.article_iri(article.id), V.checkedWithOntology, Term(onto.stamp, V.XSD_STRING)))
    if fingerprint:  # and what extracted them
        triples.append(Triple(rdf.article_iri(article.id), V.extractedWith, Term(fingerprint, V.XSD_STRING)))
    violations = ontology_mod.check(onto, triples, article.id)
    if violations:  # the article node itself is malformed: keep nothing but report why
        return [], [], violations
    known = {rdf.article_iri(article.id): {t.object for t in triples if t.predicate == V.RDF_TYPE}}
    kept: list[Fact] = []
    accepted: set[Triple] = set()
    for fact in extraction.facts:
        group = rdf.fact_triples(fact, article.id)
        found = ontology_mod.check(onto, group, article.id, fact.evidence.sentence, known, accepted)
        if found:
            violations.extend(found)
            continue
        kept.append(fact)
        triples.extend(group)
        accepted.update(group)
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


@dataclass(frozen=True, slots=True)
class Processed:
    """One article ready for the store: its checked triples (none: nothing to store) and what was refused.

    Sent between processes it is packed (:func:`pack`): the triples as N-Triples bytes, which pickle
    far faster than records, and the gk:extractedWith stamp apart.
    """

    article_id: str
    triples: tuple[Triple, ...]
    facts: int = 0
    met_pairs: int = 0
    proposals: int = 0
    rejected_facts: int = 0
    violations: tuple[Violation, ...] = ()
    body: bytes = b""  # packed: the graph as N-Triples, without the stamp
    stamp: str = ""  # packed: the gk:extractedWith value
    size: int = 0  # packed: how many triples, the stamp included

    @property
    def stored(self) -> bool:
        return bool(self.triples or self.body)


def pack(done: Processed) -> Processed:
    """Return ``done`` with its triples as N-Triples bytes and its stamp apart (see :class:`Processed`)."""
    if not done.triples:
        return done
    stamp = next((t.object.value for t in done.triples if t.predicate == V.extractedWith
                  and isinstance(t.object, Term)), "")
    body, n = store_mod.ntriples(t for t in done.triples if t.predicate != V.extractedWith)
    return dataclasses.replace(done, triples=(), body=body, stamp=stamp, size=n + bool(stamp))


def to_processed(onto: Ontology, extraction: Extraction, gaz: Gazetteer | None, fingerprint: str) -> Processed:
    """Check one article's facts: what the store gets and what was refused."""
    triples, kept, violations = checked_triples(onto, extraction, gaz, fingerprint)
    return Processed(extraction.article.id, tuple(triples), len(kept),
                     sum(1 for f in kept if isinstance(f, Meeting) and f.happened_in_person),
                     sum(1 for f in kept if isinstance(f, Proposal)),
                     len(extraction.facts) - len(kept), tuple(violations))


def process(res: Resources, articles: Iterable[Article], batch_size: int = 32) -> Iterator[Processed]:
    """Yield each article extracted and checked (every stage but the store); runs in workers too."""
    for extraction in extract_all(res, articles, batch_size):
        yield to_processed(res.ontology, extraction, res.gazetteer, res.fingerprint)


# A processor turns articles into checked articles (Processed), or into extractions (Extraction) that
# the store sink checks itself (kg.sink.StoreProcess does, in its own process).
Processor = Callable[[Iterable[Article]], Iterator["Processed | Extraction"]]


def local_processor(model: str | None = None) -> Processor:
    """Return a processor that parses and extracts here and leaves the checks to the sink (the store process).

    The resources are loaded only once there is an article to process, so a rebuild in which every
    article is unchanged never loads the model.
    """

    def run(articles: Iterable[Article]) -> Iterator[Processed | Extraction]:
        it = iter(articles)
        first = next(it, None)
        if first is not None:
            yield from extract_all(load_resources(model), itertools.chain([first], it))

    return run


def to_build(inputs: Iterable[Path | str], stored: dict[str, tuple[str, str]], fingerprint: str,
             report: BuildReport) -> Iterator[Article]:
    """Yield the articles of the inputs that need building: not stored with this content hash and fingerprint.

    Unreadable inputs go to ``report.problems``, skipped articles are counted in ``report.unchanged``.
    """
    for item in read_inputs(inputs):
        if isinstance(item, InputProblem):
            report.problems.append(item)
        elif fingerprint and stored.get(rdf.article_iri(item.id)) == (item.content_hash, fingerprint):
            report.unchanged += 1
        else:
            yield item


def build(res: Resources | None, inputs: Iterable[Path | str], store: ox.Store | Sink,
          progress: Callable[[BuildReport], None] | None = None, *, force: bool = False,
          processor: Processor | None = None, fingerprint_: str | None = None, write_batch: int = 16) -> BuildReport:
    """Build the store from the inputs: skip unchanged articles, process the rest, replace their graphs.

    An article is unchanged when its graph records the same content hash and the same fingerprint
    (``force`` rebuilds it anyway). Graphs are written ``write_batch`` articles per transaction, so memory
    stays flat and a failure leaves every graph either old or new. ``processor`` runs extraction and checks
    elsewhere (worker processes, a Dask cluster); by default they run here with ``res``. ``store`` is an
    open store, or a sink such as :class:`kg.sink.StoreProcess` that writes it from another process.
    """
    from kg.sink import StoreSink

    report = BuildReport()
    start = time.perf_counter()
    fp = fingerprint_ if fingerprint_ is not None else (res.fingerprint if res is not None else "")
    sink = StoreSink(store) if isinstance(store, ox.Store) else store
    stored = {} if force else sink.keys()
    if processor is None:
        if res is None:
            raise ValueError("build needs resources or a processor")
        processor = lambda arts: process(res, arts)  # noqa: E731

    pending: list[Processed | Extraction] = []
    for done in processor(to_build(inputs, stored, fp, report)):
        report.article_ids.append(done.article_id if isinstance(done, Processed) else done.article.id)
        pending.append(done)
        if len(pending) >= write_batch:
            sink.write(pending)
            pending = []
            report.seconds = time.perf_counter() - start
            if progress is not None:
                progress(report)
    if pending:
        sink.write(pending)
    report.add(sink.close())
    report.seconds = time.perf_counter() - start
    return report
