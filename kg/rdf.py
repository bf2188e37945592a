"""Map article, actor, meeting, proposal and role records to RDF triples (as kg.records.Triple).

Every fact becomes a small group of triples that stands or falls together
when the ontology checks it. IRIs are minted, never blank nodes, so graphs
compare as sets.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from urllib.parse import quote

from kg import codes
from kg import vocab as V
from kg.gazetteer import Office, slug
from kg.records import IRI, Actor, Article, Fact, Meeting, Plan, Proposal, Role, Term, Triple


def article_iri(article_id: str) -> IRI:
    """Return the IRI of an article, which also names its graph.

    >>> article_iri("000_3b2088d6e1d59c8e")
    'https://w3id.org/geokg/id/article/000_3b2088d6e1d59c8e'
    """
    return IRI(V.ID + "article/" + quote(article_id, safe="-_.~"))


def actor_iri(actor: Actor) -> IRI:
    """Return the IRI of a canonical actor, shared by every article that mentions it."""
    return IRI(V.ID + "actor/" + quote(actor.key, safe="-_.~"))


def plan_iri(plan: Plan) -> IRI:
    """Return the IRI of a plan (plans are scoped to the article that mentions them)."""
    return IRI(V.ID + "plan/" + quote(plan.key, safe="-_.~"))


def _lit(value: str | int, datatype: IRI = V.XSD_STRING) -> Term:
    return Term(str(value), datatype)


def article_triples(article: Article) -> list[Triple]:
    """Return the description of the article node."""
    a = article_iri(article.id)
    out = [Triple(a, V.RDF_TYPE, V.Article), Triple(a, V.contentHash, _lit(article.content_hash))]
    if article.title:
        out.append(Triple(a, V.title, _lit(article.title)))
    if article.url:
        out.append(Triple(a, V.url, _lit(article.url, V.XSD_ANYURI)))
    if article.date:
        out.append(Triple(a, V.published, _lit(article.date, V.XSD_DATE)))
    if article.source:
        out.append(Triple(a, V.source, _lit(article.source)))
    return out


_ACTOR_CLASS = {"Person": V.Person, "Organization": V.Organization, "Country": V.Country, "Group": V.Group}


def actor_triples(actor: Actor) -> list[Triple]:
    """Return an actor's type, label and (where certain) Wikidata item."""
    s = actor_iri(actor)
    out = [Triple(s, V.RDF_TYPE, _ACTOR_CLASS[actor.type]), Triple(s, V.RDFS_LABEL, _lit(actor.label))]
    if actor.wikidata:
        out.append(Triple(s, V.wikidata, IRI(V.WIKIDATA + actor.wikidata)))
    return out


def _event_iri(article_id: str, kind: str, *parts: object) -> IRI:
    digest = hashlib.sha1("|".join(map(str, parts)).encode()).hexdigest()[:12]
    return IRI(V.ID + f"event/{quote(article_id, safe='-_.~')}.{kind}-{digest}")


def _evidence(e: IRI, fact: Meeting | Proposal, article_id: str) -> list[Triple]:
    ev = fact.evidence
    return [Triple(e, V.reportedIn, article_iri(article_id)),
            Triple(e, V.sentence, _lit(ev.sentence)),
            Triple(e, V.startOffset, _lit(ev.start, V.XSD_INTEGER)),
            Triple(e, V.endOffset, _lit(ev.end, V.XSD_INTEGER)),
            Triple(e, V.rule, _lit(ev.rule))]


def fact_triples(fact: Fact, article_id: str) -> list[Triple]:
    """Return the triples one fact contributes, with the actors and plans it touches."""
    if isinstance(fact, Meeting):
        return _meeting(fact, article_id)
    if isinstance(fact, Proposal):
        return _proposal(fact, article_id)
    return _role(fact)


def _meeting(m: Meeting, article_id: str) -> list[Triple]:
    keys = sorted(a.key for a in m.participants)
    e = _event_iri(article_id, "meeting", *keys, m.evidence.start, m.status, m.mode)
    out = [Triple(e, V.RDF_TYPE, V.Meeting), Triple(e, V.status, _lit(m.status)), Triple(e, V.mode, _lit(m.mode))]
    for actor in m.participants:
        out += actor_triples(actor)
        out.append(Triple(e, V.participant, actor_iri(actor)))
    if m.happened_in_person:
        for a in m.participants:
            out += [Triple(actor_iri(a), V.met, actor_iri(b)) for b in m.participants if b != a]
    if m.location:
        place = IRI(V.ID + "place/" + slug(m.location))
        out += [Triple(e, V.location, place), Triple(place, V.RDF_TYPE, V.Place),
                Triple(place, V.RDFS_LABEL, _lit(m.location))]
    if m.date:
        out.append(Triple(e, V.date, _lit(m.date, V.XSD_DATE)))
        if m.date_carried:
            out.append(Triple(e, V.dateCarried, _lit("true", V.XSD_BOOLEAN)))
    return out + _codes(e, codes.meeting(m)) + _evidence(e, m, article_id)


def _codes(e: IRI, found: dict[str, str] | None) -> list[Triple]:
    if not found:
        return []
    out = [Triple(e, V.cameoCode, _lit(found["cameo"])), Triple(e, V.ploverEvent, _lit(found["plover"]))]
    if found.get("plover_mode"):
        out.append(Triple(e, V.ploverMode, _lit(found["plover_mode"])))
    return out


def _proposal(p: Proposal, article_id: str) -> list[Triple]:
    e = _event_iri(article_id, "proposal", p.plan.key, *sorted(a.key for a in p.proposers), p.evidence.start)
    plan = plan_iri(p.plan)
    out = [Triple(e, V.RDF_TYPE, V.Proposal), Triple(e, V.plan, plan), Triple(e, V.status, _lit("happened")),
           Triple(plan, V.RDF_TYPE, V.Plan), Triple(plan, V.RDFS_LABEL, _lit(p.plan.label)),
           Triple(plan, V.planKind, _lit(p.plan.kind))]
    if p.plan.point_count is not None:
        out.append(Triple(plan, V.pointCount, _lit(p.plan.point_count, V.XSD_INTEGER)))
    for actor in p.proposers:
        out += actor_triples(actor)
        out += [Triple(e, V.proposer, actor_iri(actor)), Triple(actor_iri(actor), V.proposed, plan)]
    return out + _codes(e, codes.proposal(p)) + _evidence(e, p, article_id)


def _role(r: Role) -> list[Triple]:
    h = actor_iri(r.holder)
    out = actor_triples(r.holder)
    if r.office:
        out.append(Triple(h, V.office, _lit(r.office)))
    if r.of is not None and r.relation:
        o = actor_iri(r.of)
        out += actor_triples(r.of)
        out.append(Triple(h, V.gk(r.relation), o))
        if r.relation != "actsFor":  # materialise the super-property so plain SPARQL needs no reasoner
            out.append(Triple(h, V.actsFor, o))
    return out



_FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def office_triples(actor: Actor, offices: Iterable[Office], actors: dict[str, Actor]) -> list[Triple]:
    """Return the offices a gazetteer person holds or held, each a gk:OfficeHolding with its dates."""
    out: list[Triple] = actor_triples(actor)
    for o in offices:
        of = actors.get(o.of)
        if of is None:
            continue
        h = IRI(V.ID + "office/" + ".".join(slug(x) for x in (actor.key, o.role, o.of, o.start or "undated")))
        out += [Triple(h, V.RDF_TYPE, V.OfficeHolding), Triple(h, V.holder, actor_iri(actor)),
                Triple(h, V.officeTitle, _lit(o.role)), Triple(h, V.officeOf, actor_iri(of)), *actor_triples(of)]
        for prop, value in ((V.startDate, o.start), (V.endDate, o.end)):
            if value and _FULL_DATE.match(value):
                out.append(Triple(h, prop, _lit(value, V.XSD_DATE)))
    return out
