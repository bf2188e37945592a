"""CAMEO and PLOVER codes on events, from data/patterns/event_codes.json."""
from __future__ import annotations

import pytest

from kg import codes, rdf
from kg import vocab as V
from kg.records import Actor, Evidence, Meeting, Plan, Proposal

A, B, C = (Actor(k, k.title(), "Person") for k in ("a", "b", "c"))


def meeting(rule: str, status: str = "happened", mode: str = "in person", n: int = 2) -> Meeting:
    return Meeting((A, B, C)[:n], Evidence("s.", 0, 2, rule), status, mode)


@pytest.mark.parametrize("m,cameo,plover,mode", [
    (meeting("verb:host"), "043", "CONSULT", "visit"),
    (meeting("verb:receive:passive"), "043", "CONSULT", "visit"),
    (meeting("verb:visit"), "042", "CONSULT", "visit"),
    (meeting("verb:speak", mode="phone"), "041", "CONSULT", "phone"),
    (meeting("noun:talks:hold"), "046", "CONSULT", ""),
    (meeting("hosted:mediate"), "045", "CONSULT", "third-party"),
    (meeting("verb:meet"), "040", "CONSULT", ""),
    (meeting("verb:meet", status="planned"), "036", "AGREE", ""),
    (meeting("verb:meet", status="refused"), "125", "REJECT", ""),
])
def test_meeting_codes(m: Meeting, cameo: str, plover: str, mode: str) -> None:
    assert codes.meeting(m) == {"cameo": cameo, "plover": plover, "plover_mode": mode}


def test_cancelled_and_denied_meetings_get_no_code() -> None:
    assert codes.meeting(meeting("verb:meet", status="cancelled")) is None
    assert codes.meeting(meeting("verb:meet", status="negated")) is None


@pytest.mark.parametrize("kind,cameo", [("ceasefire proposal", "0256"), ("truce", "0256"), ("peace plan", "027"),
                                        ("framework", "027"), ("proposal for talks", "036")])
def test_proposal_codes(kind: str, cameo: str) -> None:
    p = Proposal((A,), Plan("k", kind, kind), Evidence("s.", 0, 2, "verb:propose"))
    assert codes.proposal(p)["cameo"] == cameo


def test_codes_are_written_as_triples() -> None:
    triples = rdf.fact_triples(meeting("verb:host"), "x")
    got = {(t.predicate, getattr(t.object, "value", t.object)) for t in triples}
    assert (V.cameoCode, "043") in got and (V.ploverEvent, "CONSULT") in got and (V.ploverMode, "visit") in got
