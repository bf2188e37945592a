"""Frozen records passed between the stages of the pipeline."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal as Lit
from typing import NewType

IRI = NewType("IRI", str)

ActorType = Lit["Person", "Organization", "Country", "Group"]


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as read from a file."""

    id: str
    text: str
    title: str = ""
    url: str = ""
    date: str = ""  # ISO date, "" when unknown
    source: str = ""  # "path" or "path:line"
    content_hash: str = ""


@dataclass(frozen=True, slots=True)
class InputProblem:
    """Input that could not be read, with where it was."""

    source: str  # "path" or "path:line"
    message: str


@dataclass(frozen=True, slots=True)
class Actor:
    """A canonical actor: from the gazetteer, or minted from a named entity."""

    key: str  # slug, unique across the store
    label: str
    type: ActorType
    wikidata: str = ""
    of: str = ""  # for groups: the key of the actor they belong to


@dataclass(frozen=True, slots=True)
class Plan:
    """A plan put forward in one article."""

    key: str  # unique within the article
    label: str
    kind: str
    point_count: int | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where in the original text a fact was read, and by which rule."""

    sentence: str
    start: int
    end: int
    rule: str


@dataclass(frozen=True, slots=True)
class Meeting:
    """Actors meeting (or planned, cancelled, denied, by phone)."""

    participants: tuple[Actor, ...]
    evidence: Evidence
    status: str = "happened"  # happened | planned | cancelled | refused | negated
    mode: str = "in person"  # in person | phone | video
    location: str = ""
    date: str = ""
    date_carried: bool = False  # the date is not in the sentence but carried from the article (kg.carry)

    @property
    def happened_in_person(self) -> bool:
        """True when this meeting yields gk:met."""
        return self.status == "happened" and self.mode == "in person"


@dataclass(frozen=True, slots=True)
class Proposal:
    """Actors putting a plan forward."""

    proposers: tuple[Actor, ...]
    plan: Plan
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class Role:
    """A role stated in the text: holder is <relation> of/to ``of``."""

    holder: Actor
    relation: str  # envoyOf | aideTo | representativeOf | presidentOf | officeHolderOf | actsFor | ""
    of: Actor | None  # None when the text names the office but not whose it is
    office: str
    evidence: Evidence


Fact = Meeting | Proposal | Role


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything read from one article."""

    article: Article
    facts: tuple[Fact, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class Term:
    """An RDF literal: a lexical value with its datatype IRI."""

    value: str
    datatype: IRI


Object = IRI | Term


@dataclass(frozen=True, slots=True)
class Triple:
    """One RDF triple; ``fact`` groups triples that stand or fall together."""

    subject: IRI
    predicate: IRI
    object: Object


@dataclass(frozen=True, slots=True)
class Violation:
    """A candidate triple refused by the ontology, with the rule it broke."""

    triple: Triple
    rule: str
    article_id: str
    sentence: str = ""
