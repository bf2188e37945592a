"""IRI constants for the terms the code uses; a test checks each is declared in the ontology."""
from kg.records import IRI

GK = "https://w3id.org/geokg/ontology#"
ID = "https://w3id.org/geokg/id/"
RDF_TYPE = IRI("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
RDFS_LABEL = IRI("http://www.w3.org/2000/01/rdf-schema#label")
XSD = "http://www.w3.org/2001/XMLSchema#"
XSD_STRING = IRI(XSD + "string")
XSD_INTEGER = IRI(XSD + "integer")
XSD_DATE = IRI(XSD + "date")
XSD_ANYURI = IRI(XSD + "anyURI")
XSD_BOOLEAN = IRI(XSD + "boolean")
WIKIDATA = "http://www.wikidata.org/entity/"

PREFIXES = {
    "gk": GK,
    "actor": ID + "actor/",
    "article": ID + "article/",
    "plan": ID + "plan/",
    "event": ID + "event/",
    "place": ID + "place/",
    "office": ID + "office/",
    "kgid": ID,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": XSD,
    "owl": "http://www.w3.org/2002/07/owl#",
    "wd": WIKIDATA,
    "prov": "http://www.w3.org/ns/prov#",
    "schema": "https://schema.org/",
}


def gk(name: str) -> IRI:
    """Return the IRI of an ontology term.

    >>> gk("met")
    'https://w3id.org/geokg/ontology#met'
    """
    return IRI(GK + name)


# Classes
Actor, Person, Organization, Country, Group = (gk(n) for n in ("Actor", "Person", "Organization", "Country", "Group"))
Plan, Event, Meeting, Proposal, Article, Place = (gk(n) for n in ("Plan", "Event", "Meeting", "Proposal", "Article", "Place"))
# Properties
met, proposed, actsFor = gk("met"), gk("proposed"), gk("actsFor")
participant, proposer, plan, pointCount, planKind = (gk(n) for n in ("participant", "proposer", "plan", "pointCount", "planKind"))
status, mode, date, location, reportedIn = (gk(n) for n in ("status", "mode", "date", "location", "reportedIn"))
dateCarried = gk("dateCarried")
sentence, startOffset, endOffset, rule, office, wikidata = (gk(n) for n in ("sentence", "startOffset", "endOffset", "rule", "office", "wikidata"))
title, url, published, source, contentHash = (gk(n) for n in ("title", "url", "published", "source", "contentHash"))
cameoCode, ploverEvent, ploverMode = (gk(n) for n in ("cameoCode", "ploverEvent", "ploverMode"))
checkedWithOntology = gk("checkedWithOntology")
extractedWith = gk("extractedWith")
OfficeHolding = gk("OfficeHolding")
holder, officeOf, officeTitle, startDate, endDate = (gk(n) for n in ("holder", "officeOf", "officeTitle", "startDate",
                                                                      "endDate"))

USED = [v for k, v in dict(globals()).items() if isinstance(v, str) and v.startswith(GK) and k != "GK"]
