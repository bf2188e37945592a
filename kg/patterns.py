"""Trigger words for the extraction rules, read from data/patterns/triggers.json."""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kg import paths


@dataclass(frozen=True)
class Patterns:
    """Lemma sets the rules in kg.extract and kg.mentions look words up in."""

    meeting_verbs: frozenset[str]
    meeting_verbs_needing_with: frozenset[str]
    call_verbs: frozenset[str]
    meeting_nouns: frozenset[str]
    support_verbs: frozenset[str]
    phone_words: frozenset[str]
    video_words: frozenset[str]
    planning_verbs: frozenset[str]
    planning_modifiers: frozenset[str]
    future_auxiliaries: frozenset[str]
    cancel_verbs: frozenset[str]
    refuse_verbs: frozenset[str]
    negations: frozenset[str]
    proposal_verbs: frozenset[str]
    proposal_verbs_needing_particle: dict[str, frozenset[str]]
    plan_nouns: frozenset[str]
    role_nouns: dict[str, str]
    group_nouns: frozenset[str]
    group_kinds: frozenset[str]


def load(path: Path = paths.PATTERNS) -> Patterns:
    """Return the trigger patterns in ``path``."""
    raw = json.loads(path.read_text(encoding="utf-8"))
    fields = {}
    for name in Patterns.__dataclass_fields__:
        value = raw[name]
        if name == "role_nouns":
            fields[name] = dict(value)
        elif isinstance(value, dict):
            fields[name] = {k: frozenset(v) for k, v in value.items()}
        else:
            fields[name] = frozenset(value)
    return Patterns(**fields)


@cache
def word_sets(path: Path = paths.PEOPLE_WORDS) -> dict[str, frozenset[str]]:
    """Return the named word sets of ``path`` (data/patterns/people.json): titles, role and people nouns."""
    raw = json.loads(path.read_text(encoding="utf-8"))
    return {name: frozenset(entry["words"]) for name, entry in raw.items() if not name.startswith("_")}
