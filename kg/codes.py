"""The CAMEO code and PLOVER event type and mode of each event, from data/patterns/event_codes.json.

Meetings are coded by how they were read (hosting, a visit, a call, mediation,
negotiations) and by status: a planned meeting is an intent to meet, a refused
one a rejection. Cancelled and denied meetings get no code: CAMEO and PLOVER
code events, and these did not take place.
"""
from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from kg import paths
from kg.records import Meeting, Proposal

Codes = dict[str, str]


@lru_cache(maxsize=1)
def _table() -> dict[str, Any]:
    return json.loads((paths.DATA / "patterns" / "event_codes.json").read_text(encoding="utf-8"))


def meeting(m: Meeting) -> Codes | None:
    """Return {"cameo", "plover", "plover_mode"} for a meeting, or None when it gets no code."""
    t = _table()
    if m.status == "planned":
        return t["meeting"]["planned"]
    if m.status == "refused":
        return t["meeting"]["refused"]
    if m.status != "happened":
        return None
    if m.mode in ("phone", "video"):
        return t["meeting"][m.mode]
    kind = next((k for k, rules in t["rule_kinds"].items() if m.evidence.rule in rules
                 or any(m.evidence.rule.startswith(r + ":") for r in rules)), "meet")
    if kind == "meet" and len(m.participants) > 2:
        kind = "multilateral"
    return t["meeting"][kind]


def proposal(p: Proposal) -> Codes:
    """Return the codes of putting a plan forward: a ceasefire 0256, talks 036, any other plan 027."""
    t = _table()
    words = set(p.plan.kind.replace("-", " ").split()) | set(p.plan.label.replace("-", " ").split())
    if words & set(t["ceasefire_words"]):
        return t["proposal"]["ceasefire"]
    if words & set(t["talks_words"]):
        return t["proposal"]["talks"]
    return t["proposal"]["plan"]
