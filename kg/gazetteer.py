"""Canonical actors from data/gazetteers: names, aliases, demonyms and offices.

The gazetteer becomes spaCy entity-ruler patterns (each carrying the actor's
key as its id) and answers "who held this office of that country on that date".
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg import paths
from kg.errors import KgError
from kg.records import Actor

ROLE_LABEL = "ROLE"
_SPACY_LABEL = {"Person": "PERSON", "Organization": "ORG", "Country": "GPE"}


def slug(text: str) -> str:
    """Return a lowercase ASCII slug for keys and IRIs.

    >>> slug("Recep Tayyip Erdoğan"), slug("U.S. President")
    ('recep-tayyip-erdogan', 'u-s-president')
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "x"


@dataclass(frozen=True, slots=True)
class Office:
    """An office held: role ("president") of an actor key, between two ISO dates."""

    role: str
    of: str
    start: str = ""
    end: str = ""

    def held_on(self, date: str) -> bool:
        """True if the office was held on ISO ``date`` ("" means now)."""
        if not date:
            return not self.end
        return (not self.start or self.start <= date) and (not self.end or date <= self.end)


@dataclass(slots=True)
class Gazetteer:
    """Actors by key, with their aliases, demonyms and offices."""

    actors: dict[str, Actor] = field(default_factory=dict)
    aliases: dict[str, list[str]] = field(default_factory=dict)  # key -> surface forms
    demonyms: dict[str, list[str]] = field(default_factory=dict)  # country key -> demonyms
    leader_role: dict[str, str] = field(default_factory=dict)  # country key -> office of its leader
    offices: dict[str, list[Office]] = field(default_factory=dict)  # person key -> offices
    role_words: dict[str, list[str]] = field(default_factory=dict)
    female_names: frozenset[str] = frozenset()  # given names, to choose a referent for "she" and "her"

    def is_female(self, actor: Actor) -> bool:
        """True if the person's given name is in the female-names list (unknown is not male, just unknown)."""
        return actor.type == "Person" and bool(actor.label) and actor.label.split()[0] in self.female_names

    def names(self) -> set[str]:
        """Possessive stems for text repair: people's surnames and one-word names, less demonyms.

        Given names ("John", "William") and words of multi-word country or
        organisation names ("State" in "State of Qatar") are left out, so
        "Williams said" and "Johns Hopkins" stay as they are; a multi-word
        country name is there whole ("Sri Lanka", for "Sri Lankas president").
        """
        out: set[str] = set()
        for key, forms in self.aliases.items():
            for form in [self.actors[key].label, *forms]:
                words = re.findall(r"[A-Z][A-Za-z\-]+", form)
                if len(words) == 1 or (self.actors[key].type == "Person" and words):
                    out.add(words[-1])
                elif self.actors[key].type == "Country" and 1 < len(words) < 4 and form == " ".join(words):
                    out.add(form)
        return out - self.demonym_set()

    def demonym_set(self) -> set[str]:
        """Every demonym ("Russian", "Ukrainian"): never a possessive stem."""
        return {d for forms in self.demonyms.values() for d in forms}

    def holder(self, role_word: str, of: str, date: str = "") -> Actor | None:
        """Return who held the office a role word names, of ``of``, on ``date``.

        Offices are tried in the order data/gazetteers/roles.json gives; the
        first office with exactly one holder wins.
        """
        roles = list(self.role_words.get(role_word.lower(), [role_word.lower()]))
        if role_word.lower() == "leader" and of in self.leader_role:
            roles.insert(0, self.leader_role[of])
        for role in roles:
            found = [self.actors[p] for p, offices in self.offices.items()
                     if any(o.role == role and o.of == of and o.held_on(date) for o in offices)]
            if len(found) == 1:
                return found[0]
        return None

    def former_holders(self, role_word: str, of: str, date: str = "") -> set[str]:
        """Return the keys of those whose office a role word names, of ``of``, had ended by ``date``."""
        roles = set(self.role_words.get(role_word.lower(), [role_word.lower()]))
        if role_word.lower() == "leader" and of in self.leader_role:
            roles.add(self.leader_role[of])
        return {p for p, offices in self.offices.items()
                if any(o.role in roles and o.of == of and o.end and (not date or o.end < date) for o in offices)}

    def entity_patterns(self) -> list[dict[str, Any]]:
        """Return spaCy entity-ruler phrase patterns: names, and role mentions labelled ROLE."""
        patterns: list[dict[str, Any]] = []
        for key, actor in self.actors.items():
            for form in {actor.label, *self.aliases.get(key, [])}:
                patterns.append({"label": _SPACY_LABEL[actor.type], "pattern": form, "id": key})
        # Role mentions only for countries whose office holders the gazetteer knows; others resolve to no one.
        served = {o.of for offices in self.offices.values() for o in offices}
        for country, forms in self.demonyms.items():
            if country not in served:
                continue
            names = [self.actors[country].label, *self.aliases.get(country, [])]
            for word in self.role_words:
                role_id = f"{word}|{country}"
                for cased in {word, word.title(), word.capitalize()}:
                    phrases = [f"{d} {cased}" for d in forms] + [f"{cased} of {n}" for n in names]
                    patterns += [{"label": ROLE_LABEL, "pattern": p, "id": role_id} for p in phrases]
        return patterns


def load(path: Path = paths.GAZETTEER, roles_path: Path = paths.ROLE_WORDS,
         countries_path: Path | None = paths.COUNTRIES) -> Gazetteer:
    """Return the gazetteer read from a JSON Lines file, completed with every country.

    Entries of ``countries_path`` add the countries ``path`` lacks, and
    demonyms no other country uses already ("Congolese" goes to the first).

    Raises:
        KgError: naming the file and line of a malformed entry.
    """
    gaz = Gazetteer(role_words=json.loads(roles_path.read_text(encoding="utf-8"))["words"])
    if paths.FEMALE_NAMES.is_file():
        gaz.female_names = frozenset(line.strip() for line in paths.FEMALE_NAMES.read_text(encoding="utf-8").splitlines()
                                     if line.strip() and not line.startswith("#"))
    _read(gaz, path)
    if countries_path is not None and countries_path.is_file():
        _read(gaz, countries_path, add_only=True)
    return gaz


def _read(gaz: Gazetteer, path: Path, add_only: bool = False) -> None:
    taken = {d for forms in gaz.demonyms.values() for d in forms}
    names = {f for k, forms in gaz.aliases.items() for f in [gaz.actors[k].label, *forms]}
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
            key, label, kind = entry["id"], entry["label"], entry["type"]
        except (json.JSONDecodeError, KeyError, TypeError) as e:
            raise KgError(f"{path}:{lineno}: bad gazetteer entry ({e}); need id, label and type") from e
        if kind not in ("Person", "Organization", "Country"):
            raise KgError(f"{path}:{lineno}: type {kind!r} is not Person, Organization or Country")
        if add_only:
            demonyms = [d for d in entry.get("demonyms", []) if d not in taken]
            taken.update(demonyms)
            if key in gaz.actors:
                if key not in gaz.demonyms and demonyms:
                    gaz.demonyms[key] = demonyms
                continue
            if label in names:
                continue
            entry["aliases"] = [a for a in entry.get("aliases", []) if a not in names]
            entry["demonyms"] = demonyms
        gaz.actors[key] = Actor(key=key, label=label, type=kind, wikidata=entry.get("wikidata", ""))
        gaz.aliases[key] = list(entry.get("aliases", []))
        if entry.get("demonyms"):
            gaz.demonyms[key] = list(entry["demonyms"])
        if entry.get("leader"):
            gaz.leader_role[key] = entry["leader"]
        gaz.offices[key] = [Office(r["role"], r["of"], str(r.get("start", "")), str(r.get("end", "")))
                            for r in entry.get("roles", [])]
