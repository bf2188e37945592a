"""Find the actors a parsed article mentions and resolve them to canonical actors.

A mention is a named entity (from the gazetteer ruler or spaCy's NER), a role
mention resolved through the gazetteer ("the Russian leader"), a role noun
naming someone ("Trump's representatives Steve Witkoff and Jared Kushner"),
a group ("Putin's aides", "a Russian delegation") or a pronoun. Roles stated
in the text ("Trump's envoy ..., Jared Kushner") are returned beside them.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from kg import patterns
from kg.gazetteer import ROLE_LABEL, Gazetteer, slug
from kg.normalize import word_zipf
from kg.patterns import Patterns
from kg.records import Actor, Article

_TYPES = {"PERSON": "Person", "ORG": "Organization", "GPE": "Country"}
_WORDS = patterns.word_sets()  # data/patterns/people.json
_TITLE_WORDS = _WORDS["title_words"]
_FOR_WHOM = {"aideTo", "envoyOf", "representativeOf", "actsFor"}  # roles held for someone, not an office of a country
_PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f", "his": "m"}


@dataclass(frozen=True, slots=True)
class Mention:
    """Tokens ``start:end`` of a sentence, headed by ``root``, that refer to ``actors``."""

    start: int
    end: int
    root: int
    actors: tuple[Actor, ...]
    kind: str  # name | role | named-role | group | pronoun


@dataclass(frozen=True, slots=True)
class StatedRole:
    """A role the text states: ``holder`` is ``relation`` of ``of`` (``of`` may be unknown)."""

    holder: Actor
    relation: str
    of: Actor | None
    office: str
    token: int  # where it was read, to find the sentence


@dataclass
class Resolution:
    """The mentions of one article, indexed by token, and the roles it states."""

    mentions: list[Mention]
    roles: list[StatedRole]
    by_token: dict[int, Mention]
    sides: dict[str, str] = field(default_factory=dict)  # actor key -> the country it acts for, when known
    demonyms: dict[str, str] = field(default_factory=dict)  # "American" -> the country key

    def same_party(self, a: Actor, b: Actor) -> bool:
        """True if both act for one side: named together ("Trump's envoys A and B") or for the same country."""
        if any(m.kind == "named-role" and a in m.actors and b in m.actors for m in self.mentions):
            return True
        if any(r.of is not None and {r.holder.key, r.of.key} == {a.key, b.key} and r.relation in _FOR_WHOM
               for r in self.roles):
            return True  # "Berri's political aide Ali Hassan Khalil" sits on Berri's side
        side = self.sides.get(a.key)
        return side is not None and side == self.sides.get(b.key)

    def at(self, i: int) -> Mention | None:
        """Return the mention covering token ``i``, if any."""
        return self.by_token.get(i)


def resolve(doc: Doc, article: Article, gaz: Gazetteer, pat: Patterns) -> Resolution:
    """Return every actor mention in ``doc`` with the actor it refers to."""
    people: dict[str, Actor] = {}  # surname or full name -> actor minted in this article
    mentions: list[Mention] = []
    roles: list[StatedRole] = []
    ents = _merge_split_names(_whole_names(_names_after_roles(list(doc.ents), gaz), gaz), gaz)
    for ent in ents:  # full names first, so a surname in the headline finds the person named in the body
        if ent.label_ == "PERSON" and ent.ent_id_ in gaz.actors and gaz.actors[ent.ent_id_].type == "Person":
            _register_words(gaz.actors[ent.ent_id_], people)
        elif ent.label_ == "PERSON" and not ent.ent_id_ and len(_clean_name(ent).split()) > 1:
            _name_actor(ent, gaz, people)
    for n, ent in enumerate(ents):
        if ent.label_ == ROLE_LABEL:
            word, _, country = ent.ent_id_.partition("|")
            nxt = ents[n + 1] if n + 1 < len(ents) else None
            if nxt is not None and nxt.start == ent.end and nxt.label_ == "PERSON":
                holder = _name_actor(nxt, gaz, people)
                if holder is not None:
                    roles.append(StatedRole(holder, pat.role_nouns.get(word.split()[-1], "officeHolderOf") or
                                            "officeHolderOf", gaz.actors[country], word, ent.start))
                continue
            former = any(t.lower_ in _PAST_WORDS for t in doc[max(0, ent.start - 2): ent.end])
            if ent.start > 0 and doc[ent.start - 1].lower_ in ("a", "an", "any", "every", "no"):
                continue  # "the first visit by an Iranian president in a decade" is no one in particular
            actor = None if former else gaz.holder(word, country, article.date)  # not "the former Dutch PM"
            if former:  # but a former holder the article has named: "Rutte ... the former Dutch prime minister"
                past = gaz.former_holders(word, country, article.date)
                named = [a for m in mentions if m.kind == "name" for a in m.actors if a.key in past]
                actor = named[-1] if named else None
            if actor is not None:
                mentions.append(Mention(ent.start, ent.end, ent.root.i, (actor,), "role"))
            continue
        longer = _longer_name(ent, gaz)
        if longer is not None:  # "Wang Wentao" is not the gazetteer's "Wang" (Wang Yi)
            actor = _name_actor(longer, gaz, people)
            if actor is not None:
                mentions.append(Mention(longer.start, longer.end, longer.root.i, (actor,), "name"))
            continue
        actor = _name_actor(ent, gaz, people)
        if actor is not None:
            mentions.append(Mention(ent.start, ent.end, ent.root.i, (actor,), "name"))
            if actor.type == "Person" and ent.ent_id_:
                _register_words(actor, people)
    by_token = {i: m for m in mentions for i in range(m.start, m.end)}
    for m in _titled_names(doc, by_token, gaz, people):
        mentions.append(m)
        by_token.update({i: m for i in range(m.start, m.end)})
    for m in _surnames(doc, people, by_token):
        mentions.append(m)
        by_token[m.root] = m
    mentions = _not_places(_full_names(mentions), doc)
    roles += _honorifics(doc, mentions)
    by_token = {i: m for m in mentions for i in range(m.start, m.end)}
    for tok in doc:
        if tok.i in by_token or tok.ent_type_ or tok.lower_ not in pat.role_nouns and tok.lower_ not in _HONORIFICS:
            continue
        # an honorific ("the prince", "the general") only refers back to the person named with it
        found = _role_noun(tok, by_token, gaz, pat, article) if tok.lower_ in pat.role_nouns else None
        if found is None:
            found = _earlier_holder(tok, mentions, roles, by_token, gaz, article)
        if found is None:
            continue
        mention, stated = found
        roles.extend(stated)
        if mention is not None:
            mentions.append(mention)
            by_token.setdefault(tok.i, mention)
    mentions += _colon_lists(doc, by_token)
    mentions, roles = _same_groups(mentions, roles)
    by_token = {i: m for m in mentions for i in range(m.start, m.end)}
    mentions.extend(_pronouns(doc, mentions, by_token, gaz))
    mentions.extend(_it(doc, mentions, by_token))
    mentions.extend(_plurals(doc, mentions, by_token, roles, gaz, article))
    mentions.extend(_guests(doc, by_token))
    by_token.update({m.root: m for m in mentions if m.kind == "pronoun"})
    sides = _sides(mentions, roles, gaz, article)
    for who, country in _titled_by_country(doc, mentions, by_token, gaz):
        sides.setdefault(who.key, country)
    for who, whom in _companions(doc, mentions, by_token) + _titled_after(doc, mentions, by_token):
        if who.key not in sides and whom.key in sides:
            sides[who.key] = sides[whom.key]
    return Resolution(sorted(mentions, key=lambda m: m.start), roles, by_token, sides,
                      {form: country for country, forms in gaz.demonyms.items() for form in forms})


def _colon_lists(doc: Doc, by_token: dict[int, Mention]) -> list[Mention]:
    """Return a mention of the people a plural noun lists after a colon: "with the Baltic leaders: Lithuanian
    President A, Latvian President B and Estonian Prime Minister C"."""
    out = []
    for tok in doc:
        colon = tok.i + 1
        if tok.tag_ != "NNS" or tok.i in by_token or colon >= len(doc) or doc[colon].text != ":":
            continue
        names: list[Mention] = []
        for w in doc[colon + 1: tok.sent.end]:
            if w.text in (";", ".", ":") or w.pos_ in ("VERB", "AUX"):
                break
            m = by_token.get(w.i)
            if m is not None and m.kind == "name" and m.actors[0].type == "Person" and m not in names:
                names.append(m)
        chunks = [c for c in re.split(r"\s*(?:,|\band\b)\s*", doc[colon + 1: names[-1].end].text) if c] \
            if names else []  # "A, B and C" and "A, B, and C"
        if len(names) >= 2 and len(chunks) == len(names):  # every item of the list is one of them
            out.append(Mention(tok.i, tok.i + 1, tok.i, tuple(a for m in names for a in m.actors), "named-role"))
    return out


def hung_subjects(subject: Token) -> list[Token]:
    """Return the subjects the parse hung on ``subject`` as modifiers with their own "and": "Driscoll" in
    "Driscoll and Army Chief of Staff General Randy George sat down"."""
    return [c for c in subject.subtree if c.dep_ == "nmod" and c.pos_ == "PROPN" and c.i < subject.i
            and any(g.dep_ == "cc" and g.lower_ == "and" for g in c.children)]


def _companions(doc: Doc, mentions: list[Mention], by_token: dict[int, Mention]) -> list[tuple[Actor, Actor]]:
    """Return (person, whom they travel with): "Vijitha Herath, who is travelling with Dissanayake", "X,
    accompanying the president": the person is on that side."""
    out = []
    for m in mentions:
        if m.kind != "name" or len(m.actors) != 1 or m.actors[0].type != "Person":
            continue
        for verb in doc[m.root].children:
            if verb.dep_ not in ("relcl", "acl") or verb.lemma_.lower() not in ("travel", "accompany"):
                continue
            heads = [c for c in verb.children if c.dep_ in ("dobj", "obj")] if verb.lemma_.lower() == "accompany" \
                else [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "with" for o in p.children]
            out += [(m.actors[0], a) for h in heads if (n := by_token.get(h.i)) is not None for a in n.actors
                    if a != m.actors[0]]
    return out


def _titled_after(doc: Doc, mentions: list[Mention], by_token: dict[int, Mention]) -> list[tuple[Actor, Actor]]:
    """Return (person, whom they are listed after): "Saudi Foreign Minister A and National Security Adviser B":
    a bare title after "and" shares the nationality of the title before it."""
    out = []
    for m in mentions:
        if m.kind != "name" or len(m.actors) != 1 or m.actors[0].type != "Person":
            continue
        k = m.start - 1
        while k >= 0 and doc[k].is_title and doc[k].pos_ in ("PROPN", "NOUN") and (
                k in by_token and by_token[k].kind in ("named-role", "role")  # the title, read as a role of m
                or doc[k].lower_ in _WORDS["office_words"]  # or "National Security" read as an organisation
                or not doc[k].ent_type_ and k not in by_token):  # or as plain words
            k -= 1
        if k == m.start - 1 or k < 1 or doc[k].lower_ != "and":
            continue
        before = by_token.get(k - 1)
        if before is not None and before.kind == "name" and len(before.actors) == 1 \
                and before.actors[0].type == "Person":
            out.append((m.actors[0], before.actors[0]))
    return out


def _titled_by_country(doc: Doc, mentions: list[Mention], by_token: dict[int, Mention], gaz: Gazetteer
                       ) -> list[tuple[Actor, str]]:
    """Return (person, country key) for a name after a country and title words: "U.S. Ambassador Dennis Hankins",
    "Pakistani Field Marshal Asim Munir" act for that country."""
    demonyms = {form: country for country, forms in gaz.demonyms.items() for form in forms}
    out = []
    for m in mentions:
        if m.kind != "name" or len(m.actors) != 1 or m.actors[0].type != "Person":
            continue
        k = m.start - 1
        while k >= 0 and doc[k].is_title and doc[k].lower_ in _TITLES_ANY | _WORDS["office_words"]:
            k -= 1
        if k == m.start - 1 or k < 0:
            continue
        before = by_token.get(k)
        if before is not None and before.kind == "name" and before.actors[0].type == "Country":
            out.append((m.actors[0], before.actors[0].key))
        elif doc[k].text in demonyms:
            out.append((m.actors[0], demonyms[doc[k].text]))
    return out


def _sides(mentions: list[Mention], roles: list[StatedRole], gaz: Gazetteer, article: Article) -> dict[str, str]:
    """Return the country each actor acts for: stated roles first, then offices held on the article date."""
    sides: dict[str, str] = {}
    for r in roles:
        if r.of is not None and r.of.type == "Country":
            sides.setdefault(r.holder.key, r.of.key)
    for m in mentions:
        for a in m.actors:
            if a.key in sides:
                continue
            if a.type == "Country":
                sides[a.key] = a.key
            held = [o for o in gaz.offices.get(a.key, []) if o.held_on(article.date)
                    and gaz.actors.get(o.of) is not None and gaz.actors[o.of].type == "Country"]
            if held:
                sides[a.key] = held[0].of
    for r in roles:  # groups and envoys follow whom they act for
        if r.of is not None and r.holder.key not in sides and r.of.key in sides:
            sides[r.holder.key] = sides[r.of.key]
    return sides


_LABEL_WORDS: dict[int, tuple[Gazetteer, set[str]]] = {}


def _label_words(gaz: Gazetteer) -> set[str]:
    """Return the words of the gazetteer's labels, computed once per gazetteer (held, so its id stays its own)."""
    known = _LABEL_WORDS.get(id(gaz))
    if known is None or known[0] is not gaz:
        known = _LABEL_WORDS[id(gaz)] = (gaz, {w for a in gaz.actors.values() for w in a.label.split()})
    return known[1]


def _whole_names(ents: list[Span], gaz: Gazetteer) -> list[Span]:
    """Mend person names NER cut short, none of them a gazetteer name: two halves side by side are one name
    ("Hassan Sheikh" + "Mohamud", "Teodoro Obiang" + "Nguema Mbasogo"); a capitalised given name the parse joins
    to the name is part of it ("Muse" in "Muse Bihi Abdi"), and so are the rest of its compound run NER tags apart
    ("Choe Son" + "Hui"/NORP) and hyphen-joined pieces ("Yunus" + "-" + "Bek Yevkurov"), whose entities the name
    swallows; and a department of a title is not part of the name after it ("Secretary of State Molly Phee" is
    Molly Phee, not an organisation "State Molly Phee")."""
    demonyms = gaz.demonym_set()
    gaz_words = _label_words(gaz)

    def name_word(t: Token, tagged_apart: bool = False) -> bool:  # (or a piece NER gave a type of its own)
        return t.pos_ == "PROPN" and t.is_title and t.text not in demonyms and t.text not in gaz_words \
            and t.lower_.rstrip(".") not in _TITLES_ANY and t.text not in _NOT_NAME_WORDS | _GENERIC_ORGS \
            and (not t.ent_type_ or tagged_apart and not t.ent_id_ and t.ent_type_ in ("PERSON", "NORP", "GPE", "ORG"))

    def hyphen(t: Token) -> bool:  # a hyphen inside a word: "Yunus-Bek"
        return t.text == "-" and not t.whitespace_ and t.i > 0 and not t.doc[t.i - 1].whitespace_

    out: list[Span] = []
    for ent in ents:
        doc = ent.doc
        if out and ent.start < out[-1].end:
            continue  # swallowed by the name before
        if ent.label_ == "ORG" and not ent.ent_id_ and len(ent) >= 3 and ent[0].text in _GENERIC_ORGS \
                and ent.start >= 2 and doc[ent.start - 1].lower_ == "of" \
                and doc[ent.start - 2].lower_ in _NAME_TITLES and all(t.pos_ == "PROPN" and t.is_title for t in ent[1:]):
            ent = Span(doc, ent.start + 1, ent.end, label="PERSON")
        if ent.label_ in ("ORG", "NORP", "GPE") and not ent.ent_id_ and (
                2 <= len(ent) <= 4 or len(ent) == 1 and _rare(ent[0].lower_) and name_word(ent[0], True)) \
                and all(t.pos_ == "PROPN" and t.is_title and t.text not in _NOT_NAME_WORDS | _GENERIC_ORGS
                        and t.text not in demonyms for t in ent) \
                and (any(c.dep_ == "appos" and c.lemma_.lower() in _PERSON_ROLES for c in ent.root.children)
                     or ent.root.dep_ == "appos" and ent.root.head.lemma_.lower() in _PERSON_ROLES):
            ent = Span(doc, ent.start, ent.end, label="PERSON")  # "Celso Amorim, chief foreign policy adviser"
        if ent.label_ in ("ORG", "FAC", "GPE", "NORP", "PRODUCT", "WORK_OF_ART") and not ent.ent_id_ \
                and 2 <= len(ent) <= 3 and all(t.pos_ == "PROPN" and t.is_title and _rare(t.lower_) for t in ent) \
                and any(c.dep_ == "poss" and c.ent_id_ and c.ent_id_ in gaz.actors
                        and gaz.actors[c.ent_id_].type == "Country" for c in ent.root.children):
            ent = Span(doc, ent.start, ent.end, label="PERSON")  # "Senegal's Macky Sall", "Zambia's Hakainde Hichilema"
        if ent.label_ == "PERSON" and not ent.ent_id_:
            start = ent.start
            if ent.start > 1 and doc[ent.start - 1].dep_ == "compound" and ent.start <= doc[ent.start - 1].head.i < ent.end \
                    and name_word(doc[ent.start - 1]) and not doc[ent.start - 2].pos_ == "PROPN" \
                    and not doc[ent.start - 1].is_sent_start:
                start -= 1
            while start >= 2 and hyphen(doc[start - 1]) and doc[start - 2].ent_type_ != "PERSON" \
                    and (name_word(doc[start - 2], True) or doc[start - 2].text in gaz_words
                         and doc[start - 2].pos_ == "PROPN"):
                start -= 2  # "Yunus" + "-" + "Bek Yevkurov"
            end = ent.end
            while end < len(doc) and doc[end - 1].dep_ == "compound" and doc[end - 1].head.i == end \
                    and name_word(doc[end], True) and doc[end].ent_iob_ != "I" \
                    and (doc[end].ent_type_ or word_zipf(doc[end].lower_) < 4.0) \
                    and (end + 1 >= len(doc) or not doc[end].ent_type_ or doc[end + 1].ent_iob_ != "I"):
                end += 1  # "Denis Sassou" + "Nguesso", "Choe Son" + "Hui"/NORP (a one-word entity NER tagged apart)
            if start < ent.start or end > ent.end:
                out = [e for e in out if e.end <= start]  # "Yunus"/GPE is part of "Yunus-Bek Yevkurov"
                ent = Span(doc, start, end, label="PERSON")
        prev = out[-1] if out else None
        if prev is not None and prev.end == ent.start and prev.label_ == ent.label_ == "PERSON" \
                and not prev.ent_id_ and not ent.ent_id_ and doc[prev.end - 1].whitespace_ \
                and doc[prev.end - 1].dep_ == "compound" and ent.start <= doc[prev.end - 1].head.i < ent.end \
                and all(t.pos_ == "PROPN" for t in [*prev, *ent]):
            out[-1] = Span(doc, prev.start, ent.end, label="PERSON")
            continue
        out.append(ent)
    return out


def _rare(word: str) -> bool:
    """True for a word that is no common English word (a name: "macky", "hichilema"; not "iron", "nuclear")."""
    return word_zipf(word) < 3.0


_PERSON_ROLES = _WORDS["person_roles"]
_MORE_TITLES = _WORDS["more_titles"]


def _merge_split_names(ents: list[Span], gaz: Gazetteer) -> list[Span]:
    """Join a name NER split around a gazetteer alias: "Karamoko Jean-Marie" + "Traore" (the gazetteer's Ibrahim
    Traoré by surname) is one person, Karamoko Jean-Marie Traore.

    It clears the alias tokens' entity id on the Doc (a Span's id is its root token's), so resolving the same Doc
    again no longer sees the alias."""
    out: list[Span] = []
    for ent in ents:
        prev = out[-1] if out else None
        if prev is not None and prev.end == ent.start and prev.label_ == ent.label_ == "PERSON" and not prev.ent_id_ \
                and ent.ent_id_ in gaz.actors and len(ent) == 1 and ent.text != gaz.actors[ent.ent_id_].label \
                and not all(_fold(t.text) in {_fold(w) for w in gaz.actors[ent.ent_id_].label.split()}
                            for t in prev if t.text != "-"):
            for t in ent:
                t.ent_id_ = ""  # the alias no longer stands for the gazetteer's person
            out[-1] = Span(ent.doc, prev.start, ent.end, label="PERSON")
            continue
        out.append(ent)
    return out


def _names_after_roles(ents: list[Span], gaz: Gazetteer) -> list[Span]:
    """Relabel as a person a name NER mislabels right after a title: "Finnish President Sauli Niinistö" (GPE)."""
    out = list(ents)
    demonyms = gaz.demonym_set()
    for n in range(1, len(out)):
        prev, ent = out[n - 1], out[n]
        if prev.label_ == ROLE_LABEL and ent.start == prev.end and ent.label_ in ("GPE", "ORG", "NORP", "LOC", "FAC") \
                and not ent.ent_id_ and 2 <= len(ent) <= 4 and all(t.pos_ == "PROPN" and t.text[:1].isupper()
                                                                   for t in ent) \
                and not any(t.text in demonyms for t in ent):
            out[n] = Span(ent.doc, ent.start, ent.end, label="PERSON")
        elif ent.label_ in ("GPE", "ORG", "NORP", "FAC") and not ent.ent_id_ and 2 <= len(ent) <= 4 and ent.start > 0 \
                and ent.doc[ent.start - 1].is_title and ent.doc[ent.start - 1].lower_ in _NAME_TITLES \
                and all(t.pos_ == "PROPN" and t.is_title and _rare(t.lower_) and t.text not in demonyms for t in ent):
            out[n] = Span(ent.doc, ent.start, ent.end, label="PERSON")  # "President Ukhnaagiin Khurelsukh" (ORG)
    return out


_HONORIFICS = _WORDS["honorifics"]


def _honorifics(doc: Doc, mentions: list[Mention]) -> list[StatedRole]:
    """Return the title a person is named with ("Prince Khalid bin Salman"), so that "the prince" finds them."""
    out = []
    for m in mentions:
        if m.kind != "name" or len(m.actors) != 1 or m.actors[0].type != "Person":
            continue
        for t in doc[max(0, m.start - 2): min(m.end, m.start + 1)]:
            if t.lower_ in _HONORIFICS:
                out.append(StatedRole(m.actors[0], "", None, t.lower_, m.start))
                break
    return out


def _not_places(mentions: list[Mention], doc: Doc) -> list[Mention]:
    """Drop a one-word name outside the gazetteer that NER tags as a place elsewhere in the article
    ("visited Kyiv, Warsaw and Paris", where this "Kyiv" came out as a person)."""
    places = {e.text for e in doc.ents if e.label_ in ("GPE", "LOC", "FAC")}
    return [m for m in mentions if not (m.kind == "name" and len(m.actors) == 1 and " " not in m.actors[0].label
                                        and not m.actors[0].wikidata and m.actors[0].label in places
                                        and m.actors[0].type in ("Person", "Organization"))]


def _full_names(mentions: list[Mention]) -> list[Mention]:
    """Give a one-word name the person named in full elsewhere in the article ("Erdogan hosts Niinistö" in the
    headline, "Finnish President Sauli Niinistö" in the body), when exactly one such person has that word."""
    full: dict[str, set[Actor]] = {}
    for m in mentions:
        for a in m.actors:
            if a.type == "Person" and len(a.label.split()) > 1:
                for word in _own_name_words(a.label):
                    full.setdefault(word, set()).add(a)
    out = []
    for m in mentions:
        one = m.actors[0] if len(m.actors) == 1 else None
        if one is not None and " " not in one.label and len(full.get(one.label, ())) == 1 and m.kind == "name" \
                and (one.type == "Person" or one.type == "Organization" and not one.wikidata):
            # NER also calls a lone surname an organisation: "Erdogan hosts Niinistö"
            m = replace(m, actors=tuple(full[m.actors[0].label]))
        out.append(m)
    return out


def _clean_name(span: Span) -> str:
    """Return an entity's name without leading titles or a possessive, spaced as in the text ("al-Sharaa")."""
    toks = [t for t in span if t.tag_ != "POS" and t.text not in ("'s", "'")]
    while toks and toks[0].lower_.rstrip(".") in _TITLE_WORDS | {"the"}:
        toks.pop(0)
    text = "".join(t.text_with_ws for t in toks[:-1]) + (toks[-1].text if toks else "")
    return re.sub(r"\s+", " ", text).strip(" ,.-")


def _name_actor(ent: Span, gaz: Gazetteer, people: dict[str, Actor]) -> Actor | None:
    if ent.ent_id_ and ent.ent_id_ in gaz.actors:
        return gaz.actors[ent.ent_id_]
    kind = _TYPES.get(ent.label_)
    if ent.label_ == "NORP" and _looks_like_person(ent, gaz):
        kind = "Person"
    if kind == "Country":
        return None  # a GPE the gazetteer does not know is a city or region: a place, not an actor
    label = _clean_name(ent)
    if kind == "Person" and label in gaz.demonym_set():
        return None  # "Sri Lankan" tagged as a person
    if label.isupper() and len(label) > 3 and ent.end < len(ent.doc) and ent.doc[ent.end].text == "," \
            and (ent.start == 0 or "\n" in ent.doc[ent.start - 1].text or ent.doc[ent.start].is_sent_start):
        return None  # the dateline's city, "DUSHANBE, Oct 9 —"
    if kind == "Organization" and (label in _GENERIC_ORGS or ent.end < len(ent.doc)
                                   and ent.doc[ent.end].lower_ in _TITLE_WORDS | {"representative"}):
        return None  # "Trade Representative X", "Treasury Secretary Y": a title, not an organisation
    if kind is None or not label or not any(c.isupper() for c in label) or any(c.isdigit() for c in label):
        return None
    if kind == "Person":
        words = label.split()
        if len(words) == 1:
            return people.get(words[0]) or people.setdefault(words[0], Actor(slug(label), label, "Person"))
        if label not in people:  # "Hassan Sheikh" after "Hassan Sheikh Mohamud": the given names of one named earlier
            longer = {a for a in people.values() if a.label.startswith(label + " ") and len(a.label.split()) > 2}
            if len(longer) == 1:
                people[label] = longer.pop()
        actor = Actor(slug(label), label, "Person")
        people.setdefault(label, actor)
        if words[-2].lower() not in _PATRONYMICS:
            people.setdefault(words[-1], actor)
        if words[0].lower() not in _PARTICLES:
            people.setdefault(words[0], actor)  # Thai and Arab usage: "Phumtham", "Sheikh Mohammed"
        return people[label]
    return Actor(slug(label), label, kind)  # type: ignore[arg-type]


_GENERIC_ORGS = {"Trade", "Treasury", "State", "Defense", "Defence", "Commerce", "Energy", "Justice", "Parliament",
                 "Congress", "Senate", "Army", "Navy", "Interior", "Finance", "Foreign", "Economy", "Security",
                 "Cabinet", "Government", "Ministry", "Pentagon"}
_PATRONYMICS = {"bin", "bint", "ibn"}
_PARTICLES = {"bin", "bint", "ibn", "al", "el", "abu", "abd", "van", "von", "der", "den", "de", "da", "la", "le"}
_NOT_NAME_WORDS = {"Administration", "Doctrine", "Tower", "Foundation", "Organization", "Government", "Plan",
                   "Center", "Centre", "Institute", "University", "Library", "Airport", "Hotel", "Palace"}


def _own_name_words(label: str) -> list[str]:
    """Return the words of a name that name the person: not the father's name after bin/ibn ("Salman" in Khalid
    bin Salman is King Salman)."""
    words = label.split()
    return [w for n, w in enumerate(words) if not (n and words[n - 1].lower() in _PATRONYMICS)]


def _register_words(actor: Actor, people: dict[str, Actor]) -> None:
    """Let each word of a named person's label refer to them later: "Sheikh Mohammed", "Li", "Kim", and a
    surname without its article ("Sharaa" for al-Sharaa)."""
    for word in _own_name_words(actor.label):
        if word[:1].isupper() and len(word) > 1 and word.lower() not in _PARTICLES:
            people.setdefault(word, actor)
        bare = re.sub(r"^(?:al|el|Al|El)-", "", word)
        if bare != word and bare[:1].isupper() and len(bare) > 2:
            people.setdefault(bare, actor)


def _longer_name(ent: Span, gaz: Gazetteer) -> Span | None:
    """Return a longer person name when a one-word gazetteer alias is followed by a name word.

    "Wang" is Wang Yi in the gazetteer, but "Wang Wentao" is someone else.
    """
    if len(ent) != 1 or not ent.ent_id_ or ent.ent_id_ not in gaz.actors \
            or gaz.actors[ent.ent_id_].type != "Person" or ent.text == gaz.actors[ent.ent_id_].label:
        return None
    doc, end, start = ent.doc, ent.end, ent.start
    while end < len(doc) and end - ent.end < 2 and doc[end].pos_ == "PROPN" and doc[end].is_title \
            and not doc[end].ent_type_ and doc[end].text not in _NOT_NAME_WORDS:
        end += 1
    while end + 1 < len(doc) and end > ent.end and doc[end].text == "-" and not doc[end - 1].whitespace_ \
            and not doc[end].whitespace_:
        end += 2  # "Kim Min-seok"
    # given names before the alias: "Karamoko Jean-Marie Traore" is not the gazetteer's Traoré
    while start > 0 and ent.start - start < 4 and (
            doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title and not doc[start - 1].ent_type_
            and doc[start - 1].lower_.rstrip(".") not in _TITLE_WORDS and doc[start - 1].text not in _NOT_NAME_WORDS
            or doc[start - 1].text == "-" and start > 1 and not doc[start - 1].whitespace_
            and not doc[start - 2].whitespace_ and doc[start - 2].is_title):
        start -= 1
    known = {_fold(w) for w in gaz.actors[ent.ent_id_].label.split()}
    if start < ent.start and all(_fold(t.text) in known for t in doc[start: ent.start] if t.text != "-"):
        start = ent.start  # "Ibrahim Traore" is Ibrahim Traoré
    if end == ent.end and start == ent.start:
        return None
    return Span(doc, start, end, label="PERSON")


def _fold(word: str) -> str:
    """Return ``word`` lowercased without accents: "Traoré" and "Traore" compare equal."""
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c))


def _looks_like_person(ent: Span, gaz: Gazetteer) -> bool:
    """True for a group-name (NORP) entity that is really a full name: "Nikol Pashinyan" in subject position."""
    words = [t for t in ent if t.tag_ != "POS"]
    return 2 <= len(words) <= 4 and all(t.pos_ == "PROPN" and t.is_title for t in words) \
        and not any(t.text in gaz.demonym_set() or t.text.endswith("s") for t in words) \
        and " ".join(t.text for t in words) not in gaz.demonym_set() \
        and ent.root.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj", "compound")


_NAME_TITLES = _TITLE_WORDS | _WORDS["name_titles"]
_TITLES_ANY = _NAME_TITLES | _HONORIFICS | _MORE_TITLES  # no word of a name (built once, read per token)


def _titled_names(doc: Doc, by_token: dict[int, Mention], gaz: Gazetteer, people: dict[str, Actor]) -> list[Mention]:
    """Return people NER missed after a title: "Trade Representative Jamieson Greer"."""
    out = []
    for tok in doc:
        after_list = tok.text == "," and tok.i > 0 and doc[tok.i - 1].lower_ in _PLURAL_PEOPLE  # "the ministers, A"
        if (tok.lower_.rstrip(".") not in _NAME_TITLES and not after_list) or tok.i + 2 > len(doc):
            continue
        start = end = tok.i + 1
        while end < len(doc) and end - start < 5 and (
                doc[end].pos_ == "PROPN" and doc[end].is_title and end - start < 3
                or doc[end].lower_ in _PATRONYMICS and end > start and end + 1 < len(doc) and doc[end + 1].is_title) \
                and end not in by_token and doc[end].ent_type_ in ("", "ORG", "NORP") \
                and doc[end].text not in gaz.demonym_set() and doc[end].lower_ not in _NAME_TITLES:
            end += 1  # "Prince Badr bin Sultan"
        if end - start < 2 or (end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title):
            continue
        span = Span(doc, start, end, label="PERSON")
        actor = _name_actor(span, gaz, people)
        if actor is not None:
            out.append(Mention(start, end, span.root.i, (actor,), "name"))
    return out


def _surnames(doc: Doc, people: dict[str, Actor], by_token: dict[int, Mention]) -> list[Mention]:
    """Return mentions of people by surname alone that NER missed ("Nikol Pashinyan ... Pashinyan met")."""
    out = []
    for tok in doc:
        if tok.i in by_token or not tok.is_title or (tok.pos_ != "PROPN" and (tok.is_sent_start or tok.i == 0
                                                                             or doc[tok.i - 1].is_punct)):
            continue  # mid-sentence capitalised "He" is He Lifeng when he was named; a sentence-initial "He" is not
        actor = people.get(tok.text)
        if tok.i > 0 and doc[tok.i - 1].lower_ in _PATRONYMICS:
            continue  # the father's name in "Badr bin Sultan" is not someone named Sultan
        if actor is not None and actor.label != tok.text and (tok.i + 1 >= len(doc) or doc[tok.i + 1].pos_ != "PROPN"):
            out.append(Mention(tok.i, tok.i + 1, tok.i, (actor,), "name"))
    return out


def _possessor(tok: Token, by_token: dict[int, Mention], gaz: Gazetteer) -> Actor | None:
    """Return whose role noun this is: "Putin's aides", "Russian delegation", "aide to Putin"."""
    for child in tok.children:
        m = by_token.get(child.i)
        if child.dep_ == "poss" and m is not None and len(m.actors) == 1:
            return m.actors[0]
    for child in tok.children:
        if child.dep_ in ("amod", "compound", "nmod"):
            # "Prime Minister Keir Starmer and U.S. special envoy Steve Witkoff", the first name parsed as a
            # modifier of "envoy" with "U.S." for its conjunct: the conjunct, next to the noun, is the owner
            if (own := by_token.get(child.i)) is not None and own.actors[0].type == "Person":
                child = next((c for c in reversed(list(child.children)) if c.dep_ == "conj"), child)
            words = " ".join(t.text for t in [*(c for c in child.lefts if c.dep_ == "compound"), child])
            for country, forms in gaz.demonyms.items():
                if child.text in forms or words in forms:  # "Russian", "Sri Lankan"
                    return gaz.actors[country]
            m = by_token.get(child.i)
            if m is not None and len(m.actors) == 1:
                return m.actors[0]  # "Hamas negotiator", "Trump envoys"
    if tok.pos_ == "VERB" and tok.i > 0:  # "US envoys Witkoff and Kushner" parsed as a clause
        m = by_token.get(tok.i - 1)
        if m is not None and len(m.actors) == 1:
            return m.actors[0]
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "to", "for"):
            for obj in child.children:
                m = by_token.get(obj.i)
                if obj.dep_ == "pobj" and m is not None and len(m.actors) == 1:
                    return m.actors[0]
                if obj.dep_ == "pobj":  # "the head of Zelensky's office"
                    owner = next((by_token[c.i] for c in obj.children if c.dep_ == "poss" and c.i in by_token), None)
                    if owner is not None and len(owner.actors) == 1:
                        return owner.actors[0]
    return None


def _names_for(tok: Token, by_token: dict[int, Mention]) -> list[Mention]:
    """Return the person mentions a role noun names, by compound, apposition or a following ", Name"."""
    def person(i: int) -> Mention | None:
        m = by_token.get(i)
        return m if m is not None and m.kind == "name" and m.actors[0].type == "Person" else None

    found: list[Mention] = []
    if tok.dep_ == "compound" and (m := person(tok.head.i)) is not None:
        return [m]
    if tok.dep_ == "appos":
        k = tok.left_edge.i - 1
        if k > 0 and tok.doc[k].text == "," and (m := person(k - 1)) is not None and tok.doc[k - 1].i > tok.head.i:
            return [m]  # "drafted by Witkoff and Rustem Umerov, the secretary of ...": the name just before it
        if (m := person(tok.head.i)) is not None:
            return [m]
    plural = tok.tag_ in ("NNS", "NNPS")  # "Trump's envoys, A and B"; but "Secretary of State A and B" titles A only
    for child in tok.children:
        if child.dep_ == "appos" and (m := person(child.i)) is not None:
            found.append(m)
            found += [c for conj in child.conjuncts if (c := person(conj.i)) is not None] if plural else []
    if not found:
        after = tok.i + 1 if tok.pos_ == "VERB" else tok.right_edge.i + 1  # "envoys" mis-tagged as a verb
        doc = tok.doc
        titled = after + 1  # ", Major General Mohammad Bagheri": the name after its title words
        while titled < len(doc) - 1 and doc[titled].lower_ in _TITLES_ANY and doc[titled].is_title:
            titled += 1
        if after + 1 < len(doc) and doc[after].text == "," and (m := person(titled)) is not None:
            found.append(m)
        elif after < len(doc) and (m := person(after)) is not None and doc[after].is_title:
            found.append(m)
            found += [c for conj in doc[m.root].conjuncts if (c := person(conj.i)) is not None] if plural else []
    return list(dict.fromkeys(found))


def _office(tok: Token) -> str:
    """Return the office a role noun names with its modifiers: "foreign policy aide"."""
    mods = [c for c in tok.lefts if c.dep_ in ("amod", "compound") and c.ent_type_ in ("", "NORP")
            and c.pos_ in ("ADJ", "NOUN")]
    words = [w.text for c in mods for w in c.subtree if w.ent_type_ in ("", "NORP") and w.pos_ in ("ADJ", "NOUN")]
    return " ".join([*words, tok.lemma_ if tok.tag_ == "NNS" else tok.text]).lower()


def _role_noun(tok: Token, by_token: dict[int, Mention], gaz: Gazetteer, pat: Patterns,
               article: Article) -> tuple[Mention | None, list[StatedRole]] | None:
    relation = pat.role_nouns[tok.lower_]
    if any(c.lower_ in _PAST_WORDS for c in tok.children):
        return None  # "the former prime minister" is not today's
    of = _possessor(tok, by_token, gaz)
    names = _names_for(tok, by_token)
    office = _office(tok)
    if names:
        holders = tuple(dict.fromkeys(a for m in names for a in m.actors))
        stated = [StatedRole(h, relation or "actsFor", of, office, tok.i) for h in holders
                  if of is not None and of != h] if relation else []
        stated += [StatedRole(h, "", None, office, tok.i) for h in holders if of is None]
        return Mention(tok.i, tok.i + 1, tok.i, holders, "named-role"), stated
    if of is None:
        kind = next((c.lower_ for c in tok.children if c.dep_ in ("compound", "amod")
                     and c.lower_ in pat.group_kinds), None)
        if tok.lower_ in pat.group_nouns and kind is not None:  # "the army delegation", "rebel negotiators"
            label = f"{kind} {tok.lower_}"
            group = Actor(slug(label), label, "Group")
            return Mention(tok.i, tok.i + 1, tok.i, (group,), "group"), []
        return None
    if tok.lower_ in pat.group_nouns:
        noun = " ".join([*_group_modifiers(tok), tok.lower_])  # "Egyptian intelligence officials"
        group = Actor(f"{of.key}-{slug(noun)}", group_label(of, noun, gaz), "Group", of=of.key)
        return Mention(tok.i, tok.i + 1, tok.i, (group,), "group"), [
            StatedRole(group, relation or "actsFor", of, tok.lower_, tok.i)]
    if of.type == "Country" and (holder := gaz.holder(office, of.key, article.date)) is not None:
        return Mention(tok.i, tok.i + 1, tok.i, (holder,), "role"), []
    return None


_PAST_WORDS = {"former", "ex", "ex-", "late", "then", "previous"}
_NOT_GROUP_WORDS = {"senior", "top", "other", "new", "visiting", "own", "several", "many", "some", "few", "high",
                    "high-level", "low-level", "lower-level", "unnamed", "anonymous", "two", "three", "four", "five",
                    "both", "various", "key", "leading", "local", "current", "former", "same", "last", "first"}


def _same_groups(mentions: list[Mention], roles: list[StatedRole]) -> tuple[list[Mention], list[StatedRole]]:
    """Give a group mentioned plainly the group of that owner and noun described earlier: "a Russian negotiating
    team ... the Russian team" is one team."""
    first: dict[tuple[str, str], Actor] = {}
    same: dict[Actor, Actor] = {}
    for m in sorted(mentions, key=lambda m: m.start):
        if m.kind != "group" or len(m.actors) != 1 or not m.actors[0].of:
            continue
        g = m.actors[0]
        head = g.label.rsplit(" ", 1)[-1]
        earlier = first.setdefault((g.of, head), g)
        if earlier != g and g.key == f"{g.of}-{slug(head)}":
            same[g] = earlier
    if not same:
        return mentions, roles
    return ([replace(m, actors=tuple(same.get(a, a) for a in m.actors)) for m in mentions],
            [replace(r, holder=same.get(r.holder, r.holder)) for r in roles])


def _group_modifiers(tok: Token) -> list[str]:
    """Return the words that say what kind of group ``tok`` is, as written: "intelligence" in "Egyptian
    intelligence officials", "negotiating" in "the Russian negotiating team" (not "senior", "two" or a name)."""
    words: list[str] = []
    for c in tok.lefts:
        if c.dep_ in ("amod", "compound", "nmod") and not c.ent_type_ and c.is_lower and c.pos_ in ("ADJ", "NOUN", "VERB") \
                and c.lower_ not in _NOT_GROUP_WORDS and not any(g.ent_type_ for g in c.subtree):
            words.extend(w.lower_ for w in c.subtree if w.is_lower and w.lower_ not in _NOT_GROUP_WORDS
                         and w.pos_ in ("ADJ", "NOUN", "VERB"))
        elif words:
            words = []  # only the words right before the noun: "Russian senior security officials"
    return words


def _earlier_holder(tok: Token, mentions: list[Mention], roles: list[StatedRole], by_token: dict[int, Mention],
                    gaz: Gazetteer, article: Article) -> tuple[Mention, list[StatedRole]] | None:
    """Resolve "the Iranian minister" the gazetteer cannot (which minister?) to the person acting for that country
    named last before it: "Abbas Araghchi arrived ... The Iranian minister then presented ..."."""
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) or tok.lower_.endswith("s") \
            or any(c.lower_ in _PAST_WORDS for c in tok.children):
        return None
    office = _office(tok)
    stated = [r.holder for r in roles if r.token < tok.i and r.office == office and " " in office]
    if stated:  # "Kim Jung-kwan, the industry minister, ... The industry minister met Lutnick"
        return Mention(tok.i, tok.i + 1, tok.i, (stated[-1],), "role"), []
    of = _possessor(tok, by_token, gaz)
    if of is None:  # "The prince handed over a letter": the last person named who holds such an office
        word = office  # the whole office: "the vice president" is not a president
        holders = [a for m in sorted(mentions, key=lambda m: m.start) if m.start < tok.i and m.kind != "group"
                   and tok.sent.start - 400 <= m.start for a in m.actors if a.type == "Person" and (
                       any(o.role == word or o.role.endswith(" " + word) and " " not in word
                           for o in gaz.offices.get(a.key, []) if o.held_on(article.date))
                       or any(r.holder == a and (r.office == word or r.office.endswith(" " + word)) for r in roles))]
        return (Mention(tok.i, tok.i + 1, tok.i, (holders[-1],), "role"), []) if holders else None
    if of.type != "Country":
        return None
    sides = _sides([m for m in mentions if m.start < tok.i], roles, gaz, article)
    before = [a for m in sorted(mentions, key=lambda m: m.start) if m.start < tok.i and m.kind != "group"
              for a in m.actors if a.type == "Person" and sides.get(a.key) == of.key]
    if not before:
        return None
    return Mention(tok.i, tok.i + 1, tok.i, (before[-1],), "role"), []


def group_label(of: Actor, noun: str, gaz: Gazetteer) -> str:
    """Return a group's label: "Russian delegation", "Hamas officials", "Vladimir Putin's aides".

    The label depends only on the owner and the noun, so a group has one label
    however the text words it ("Russia's delegation", "the Russian delegation").
    """
    if of.type == "Country" and gaz.demonyms.get(of.key):
        return f"{gaz.demonyms[of.key][0]} {noun}"
    if of.type in ("Organization", "Country"):
        return f"{of.label} {noun}"
    return f"{of.label}'s {noun}"


def _is_subject(tok: Token) -> bool:
    """True for a subject, or a name in apposition to one ("Netanyahu's confidant, Minister Ron Dermer, had")."""
    return tok.dep_ in ("nsubj", "nsubjpass") or tok.dep_ == "appos" and tok.head.dep_ in ("nsubj", "nsubjpass")


_PLURAL_PEOPLE = _WORDS["plural_people"]


def _plurals(doc: Doc, mentions: list[Mention], by_token: dict[int, Mention], roles: list[StatedRole],
             gaz: Gazetteer, article: Article) -> list[Mention]:
    """Resolve "they", "the two leaders", "the ministers" to the last group of actors named together.

    A group is a subject with coordinated names ("Witkoff and Kushner flew ...")
    or one mention naming several actors ("Trump's envoys A and B").
    """
    out: list[Mention] = []
    groups: list[tuple[int, tuple[Actor, ...]]] = []  # (token index, actors) in text order
    for m in mentions:
        if len(m.actors) > 1:
            groups.append((m.start, m.actors))
    for tok in doc:
        if tok.dep_ in ("nsubj", "nsubjpass") and not tok.conjuncts and tok.i in by_token:
            # "Driscoll and Army Chief of Staff General Randy George": the first hangs on the second as a modifier
            first = [by_token[c.i] for c in hung_subjects(tok) if c.i in by_token]
            actors = tuple(dict.fromkeys(a for m in [*first, by_token[tok.i]] for a in m.actors))
            if first and len(actors) > 1:
                groups.append((tok.i, actors))
        if tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and tok.conjuncts:
            names = [by_token[t.i] for t in [tok, *tok.conjuncts] if t.i in by_token]
            actors = tuple(dict.fromkeys(a for m in names for a in m.actors))
            if len(actors) > 1 and len(names) == len(tok.conjuncts) + 1:
                groups.append((tok.i, actors))
    sides: dict[str, str] = {}
    known = {**by_token, **{m.root: m for m in mentions if m.kind == "pronoun"}}
    nationals = {f"{form}s".lower(): country for country, forms in gaz.demonyms.items() for form in forms
                 if form[-1:].isalpha() and not form.endswith("s")}  # "americans", "russians"
    demonym_of = {form.lower(): country for country, forms in gaz.demonyms.items() for form in forms}
    for tok in doc:  # "Merz welcomed Zelensky ..., before the two leaders held talks": subject and object
        if tok.pos_ == "VERB":
            subj = [known[c.i] for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") and c.i in known]
            obj = [by_token[c.i] for c in tok.children if c.dep_ in ("dobj", "obj") and c.i in by_token]
            obj += [by_token[o.i] for c in tok.children if c.dep_ == "agent"  # "A was received by B"
                    for o in c.children if o.dep_ == "pobj" and o.i in by_token]
            if tok.lemma_.lower() in ("hold", "have", "meet", "conduct", "sit", "talk", "confer", "negotiate", "dine"):
                obj += [by_token[o.i] for h in [tok, *(c for c in tok.children if c.dep_ in ("dobj", "obj"))]
                        for p in h.children if p.dep_ == "prep" and p.lower_ == "with"
                        for o in p.children if o.dep_ == "pobj" and o.i in by_token]
            listed = any(hung_subjects(c) for c in tok.children if c.dep_ == "nsubj")  # a list of subjects
            pair = tuple(dict.fromkeys(a for m in subj + obj if len(m.actors) == 1 for a in m.actors))
            if subj and obj and not listed and len(pair) == 2 and all(a.type == "Person" for a in pair):
                groups.append((max(m.start for m in subj + obj), pair))
    names = sorted((m for m in mentions if m.kind == "name" and len(m.actors) == 1), key=lambda m: m.start)
    for m1, m2 in zip(names, names[1:]):  # "A and her Rwandan counterpart B", however it was parsed
        between = doc[m1.end: m2.start]
        if 1 <= len(between) <= 5 and any(t.lower_ == "and" for t in between) \
                and not any(t.pos_ in ("VERB", "AUX", "ADP") or t.is_sent_start for t in between) \
                and all(a.type in ("Person", "Group") for a in m1.actors + m2.actors):  # not "A of Azerbaijan and B"
            groups.append((m2.start, m1.actors + m2.actors))
    groups += _name_lists(doc, names)
    groups += _accompanied(doc, names, by_token)
    groups.sort(key=lambda g: g[0])
    for tok in doc:
        owner = _counted_group(tok, by_token)  # "the two EU officials" after two of them were named
        if tok.i in by_token and owner is None or tok.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj"):
            continue
        plural = tok.pos_ == "PRON" and (tok.lower_ == "they" and tok.dep_ in ("nsubj", "nsubjpass")
                                         or tok.lower_ == "them" and tok.dep_ in ("dobj", "pobj")
                                         and not (tok.i > 0 and doc[tok.i - 1].lower_ == "among")) \
            or owner is not None
        counted = any(c.dep_ == "nummod" and c.lower_ in _NUMBERS for c in tok.children) \
            and not any(c.dep_ == "appos" for c in tok.children)  # (not "the two foreign ministers, A and B")
        if not plural and tok.lower_ in _PLURAL_PEOPLE and any(c.lower_ == "the" for c in tok.children) \
                and not any(c.dep_ in ("poss", "amod", "compound") and c.lower_ != "same" and not counted
                            or c.dep_ == "prep" and c.lower_ in ("of", "from")
                            and not any(o.lower_ in ("state", "government") for o in c.children)  # "heads of state"
                            for c in tok.children):
            plural = True  # "the two leaders", "the ministers"; not "the Russian ministers"
        if not plural and tok.lower_ in _NUMBERS and tok.pos_ == "NUM" and tok.dep_ != "dobj" \
                and any(c.lower_ == "the" for c in tok.children):
            plural = True  # "the same five, joined by X, were received by Putin"
        if not plural:
            continue
        size = _NUMBERS.get(tok.lower_) or next((_NUMBERS[c.lower_] for c in tok.children
                                                  if c.dep_ == "nummod" and c.lower_ in _NUMBERS), None)
        earlier = [g for g in groups if g[0] < tok.i and g[0] >= tok.sent.start - 150]
        if tok.dep_ in ("dobj", "pobj"):  # "A and B joined the two men": not A and B themselves
            verb = tok.head if tok.dep_ == "dobj" else tok.head.head
            own = {t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
            earlier = [g for g in earlier if g[0] not in own]
        if size:
            earlier = [g for g in earlier if len(g[1]) == size] or (
                [] if tok.lower_ in _NUMBERS else earlier)  # "the same five" are five
        if tok.lower_ in ("leaders", "ministers", "presidents", "men", "women", "americans", "envoys"):
            earlier = [g for g in earlier if all(a.type == "Person" for a in g[1])]  # "the two men": people only
        country = nationals.get(tok.lower_) or owner
        if counted and country is None:  # "the two EU leaders", "the two Russian ministers": no one known elsewhere
            named = [a.key for c in tok.children if c.dep_ in ("compound", "amod") and c.i in by_token
                     for a in by_token[c.i].actors] + [demonym_of[c.lower_] for c in tok.children
                                                       if c.dep_ in ("compound", "amod") and c.lower_ in demonym_of]
            if named:
                sides = sides or _sides(mentions, roles, gaz, article)
                earlier = [g for g in earlier if all(sides.get(a.key) in (None, *named) for a in g[1])]
        if country is not None:  # "the two Americans": Americans only
            sides = sides or _sides(mentions, roles, gaz, article)
            known = [g for g in groups if g[0] < tok.i and (not size or len(g[1]) == size)
                     and all(sides.get(a.key) == country for a in g[1])]  # anywhere before, if all are known
            earlier = known or [g for g in earlier if all(sides.get(a.key, country) == country for a in g[1])]
        role = tok.lemma_.lower()
        if role in ("minister", "president", "envoy", "negotiator"):  # "the two ministers": ministers only
            def holds(a: Actor) -> bool:  # (a vice president or deputy minister is not one of "the two presidents")
                def office(title: str) -> bool:
                    return role in title and not any(w in title for w in ("vice", "deputy"))
                stated = any(r.holder == a and office(r.office) for r in roles)
                return stated or any(office(o.role) for o in gaz.offices.get(a.key, []) if o.held_on(article.date))
            earlier = [g for g in earlier if all(holds(a) for a in g[1])] or earlier
        if role == "leader":  # "the two leaders": heads of state or government, not their envoys
            def leads(a: Actor) -> bool:
                return any(o.role in _LEADER_OFFICES for o in gaz.offices.get(a.key, []) if o.held_on(article.date))
            earlier = [g for g in earlier if all(leads(a) for a in g[1])] or earlier
        if earlier:
            out.append(Mention(tok.i, tok.i + 1, tok.i, earlier[-1][1], "pronoun"))
            groups.append((tok.i, earlier[-1][1]))  # "the two ministers ... Hours later the ministers"
            groups.sort(key=lambda g: g[0])
    return out


_GUEST_WORDS = {"visitor", "guest"}


def _guests(doc: Doc, by_token: dict[int, Mention]) -> list[Mention]:
    """Resolve "the visitor", "his guest" to the one person last hosted, received or welcomed, or who visited."""
    out: list[Mention] = []
    last: tuple[int, Actor] | None = None
    for tok in doc:
        lemma = tok.lemma_.lower()
        if tok.pos_ == "VERB" and lemma in ("host", "receive", "welcome", "visit"):
            if lemma == "visit" or any(c.dep_ == "auxpass" for c in tok.children):
                heads = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]  # the visitor, the received
            else:
                heads = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
            people = {a for h in heads if (m := by_token.get(h.i)) is not None for a in m.actors if a.type == "Person"}
            if len(people) == 1:
                last = (tok.i, next(iter(people)))
        elif tok.lower_ in _GUEST_WORDS and tok.tag_ == "NN" and tok.i not in by_token and last is not None \
                and tok.i - last[0] < 150 and any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "his", "her", "their")
                                                 for c in tok.children):
            out.append(Mention(tok.i, tok.i + 1, tok.i, (last[1],), "pronoun"))
    return out


def _counted_group(tok: Token, by_token: dict[int, Mention]) -> str | None:
    """Return whose group "the two EU officials" names (a group mention with "the" and a number), else None."""
    m = by_token.get(tok.i)
    if m is None or m.kind != "group" or m.root != tok.i or not m.actors[0].of \
            or not any(c.lower_ == "the" for c in tok.children) \
            or not any(c.dep_ == "nummod" and c.lower_ in _NUMBERS for c in tok.children):
        return None
    return m.actors[0].of


def _accompanied(doc: Doc, names: list[Mention], by_token: dict[int, Mention]) -> list[tuple[int, tuple[Actor, ...]]]:
    """Return "A, who was accompanied by B," and "A, joined by B," as groups of people, at B."""
    out = []
    for m in names:
        if m.actors[0].type != "Person":
            continue
        for verb in doc[m.root].children:
            if verb.dep_ in ("relcl", "acl") and verb.lemma_.lower() in ("accompany", "join"):
                by = [by_token[o.i] for a in verb.children if a.dep_ == "agent" for o in a.children
                      if o.dep_ == "pobj" and o.i in by_token]
                people = tuple(dict.fromkeys(a for n in [m, *by] for a in n.actors if a.type == "Person"))
                if by and len(people) > 1:
                    out.append((by[-1].start, people))
    return out


_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def _name_lists(doc: Doc, names: list[Mention]) -> list[tuple[int, tuple[Actor, ...]]]:
    """Return the runs of people named one after another, however the parse took them: "South African President
    Cyril Ramaphosa, Senegal's Macky Sall, Zambia's Hakainde Hichilema and Egyptian Prime Minister Mostafa
    Madbouly" (countries, titles, commas and "and" between them)."""
    people = [m for m in names if m.actors[0].type == "Person"]
    out: list[tuple[int, tuple[Actor, ...]]] = []
    run: list[Mention] = []
    for m in people:
        if run and _list_filler(doc[run[-1].end: m.start]):
            run.append(m)
            continue
        if len(run) > 2:
            out.append((run[-1].start, tuple(dict.fromkeys(a for r in run for a in r.actors))))
        run = [m]
    if len(run) > 2:
        out.append((run[-1].start, tuple(dict.fromkeys(a for r in run for a in r.actors))))
    return out


def _list_filler(between: Span) -> bool:
    """True if the tokens between two names only separate list items: ", Senegal's", "and Egyptian Prime Minister"."""
    if not 1 <= len(between) <= 7 or not any(t.text in (",", "and") for t in between):
        return False
    return all(t.text in (",", "and", "'s", "'") or t.tag_ == "POS" or t.pos_ in ("PROPN", "ADJ") and t.is_title
               and not t.is_sent_start for t in between)


_LEADER_OFFICES = {"president", "prime minister", "chancellor", "king", "emir", "crown prince", "supreme leader",
                   "sultan", "pope", "premier", "leader"}


_IT = re.compile(r"\b[Ii]ts?\b")


def _it(doc: Doc, mentions: list[Mention], by_token: dict[int, Mention]) -> list[Mention]:
    """Resolve "it" and "its" to the country or organisation that is the subject of the same or the previous
    sentence: "Saudi Arabia offered a ceasefire in a peace initiative it unveiled", "Egypt circulated its plan"."""
    out: list[Mention] = []
    subjects = sorted((m for m in mentions if len(m.actors) == 1 and m.actors[0].type in ("Country", "Organization")
                       and m.kind == "name" and _is_subject(doc[m.root])), key=lambda m: m.start)
    if not subjects:
        return out
    starts = [s.start for s in doc.sents]
    found = (doc.char_span(m.start(), m.end()) for m in _IT.finditer(doc.text))  # only the words "it" and "its"
    for tok in (span[0] for span in found if span is not None and len(span) == 1):
        if tok.pos_ != "PRON" or tok.i in by_token or tok.dep_ not in ("nsubj", "nsubjpass", "poss"):
            continue
        sent_starts = [s for s in starts if s <= tok.sent.start]
        since = sent_starts[-2] if len(sent_starts) > 1 else tok.sent.start
        earlier = [m for m in subjects if since <= m.start < tok.i]
        if earlier and not any(t.pos_ in ("NOUN", "PROPN") and t.i not in by_token and (
                t.dep_ in ("nsubj", "nsubjpass") or t.dep_ == "dobj" and t.i >= tok.sent.start)
                for t in doc[earlier[-1].end: tok.i]):
            # no other subject or object since: "Russia rejected the plan, saying it proposed ..." (it is the plan)
            out.append(Mention(tok.i, tok.i + 1, tok.i, earlier[-1].actors, "pronoun"))
    return out


def _pronouns(doc: Doc, mentions: list[Mention], by_token: dict[int, Mention], gaz: Gazetteer) -> list[Mention]:
    """Resolve "he"/"she" to the last single person mentioned as a subject before it."""
    out: list[Mention] = []
    ordered = sorted((m for m in mentions if len(m.actors) == 1 and m.actors[0].type == "Person"),
                     key=lambda m: m.start)
    for tok in doc:
        if tok.lower_ not in _PRONOUNS or tok.pos_ != "PRON" or tok.i in by_token:
            continue
        shaken = tok.head.lemma_.lower() == "hand" and tok.head.head.lemma_.lower() == "shake"  # not one's own
        if tok.dep_ == "poss" and not shaken:  # "Tiani unveiled his plan": his is the clause's subject
            verb = tok.head
            while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
                verb = verb.head
            own = [m for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and (m := by_token.get(c.i))
                   is not None and len(m.actors) == 1 and m.actors[0].type == "Person" and m.kind != "pronoun"]
            if own:
                out.append(Mention(tok.i, tok.i + 1, tok.i, own[0].actors, "pronoun"))
                continue
        chain = sorted([*ordered, *(o for o in out if _is_subject(doc[o.root]))], key=lambda m: m.start) \
            if out else ordered  # "he then sat down with X ... Y called on him": him is whom he was
        earlier = [m for m in chain if m.end <= tok.i and _is_subject(doc[m.root])
                   and doc[m.root].sent.start >= tok.sent.start - 80]
        if tok.dep_ in ("dobj", "dative", "pobj") or shaken:  # "Ruto received him": not the clause's own subject
            verb = tok.head.head if shaken or tok.dep_ == "pobj" else tok.head
            while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
                verb = verb.head  # "Lula held talks with him": up from the noun to the verb
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            subjects += [p for c in subjects for p in c.children if p.dep_ == "appos"]  # "the then minister, X,"
            own = {a for c in subjects if (m := by_token.get(c.i)) is not None for a in m.actors}
            earlier = [m for m in earlier if doc[m.root].head.i != verb.i and not set(m.actors) & own]
        female = _PRONOUNS[tok.lower_] == "f"
        matching = [m for m in earlier if gaz.is_female(m.actors[0]) == female]
        if female and not matching:  # "she" with no known woman: the last woman named at all, if any
            matching = [m for m in ordered if m.end <= tok.i and gaz.is_female(m.actors[0])
                        and doc[m.root].sent.start >= tok.sent.start - 200]
        earlier = matching or earlier
        recent = _only_person_just_before(tok, ordered, earlier, doc)
        if recent is not None and (not female or gaz.is_female(recent.actors[0])):
            earlier = [*earlier, recent]  # "Guests queued for the Russian leader's time. Lula held talks with him"
        owner = _owner_of_relative(tok, by_token)
        if owner is not None and (not female or gaz.is_female(owner.actors[0])):
            out.append(Mention(tok.i, tok.i + 1, tok.i, owner.actors, "pronoun"))
        elif earlier:
            out.append(Mention(tok.i, tok.i + 1, tok.i, _main_subject(earlier, doc).actors, "pronoun"))
    return out


def _only_person_just_before(tok: Token, ordered: list[Mention], earlier: list[Mention], doc: Doc) -> Mention | None:
    """Return the one person named in the sentence before ``tok``'s when no candidate subject is that recent."""
    if tok.sent.start == 0 or tok.dep_ not in ("dobj", "pobj", "dative"):
        return None
    before = doc[tok.sent.start - 1].sent
    if any(m.start >= before.start for m in earlier):
        return None
    named = {m.actors[0] for m in ordered if before.start <= m.start < before.end}
    if len(named) != 1:
        return None
    return next(m for m in reversed(ordered) if before.start <= m.start < before.end)


def _owner_of_relative(tok: Token, by_token: dict[int, Mention]) -> Mention | None:
    """Return the person owning the noun of "Trump's plan, which he unveiled" (or "unveiled after he hosted X"):
    "he" is Trump."""
    if tok.dep_ != "nsubj":
        return None
    clause = tok.head  # "Trump's plan, which he unveiled", "Trump's plan, unveiled/acl after he hosted/advcl X"
    if clause.dep_ == "advcl" and clause.head.dep_ == "acl" and clause.i > clause.head.i:
        clause = clause.head
    if clause.dep_ not in ("relcl", "acl"):
        return None
    owners = [m for c in clause.head.children if c.dep_ == "poss" and (m := by_token.get(c.i)) is not None
              and len(m.actors) == 1 and m.actors[0].type == "Person" and m.kind != "pronoun"]
    return owners[0] if owners else None


def _main_subject(earlier: list[Mention], doc: Doc) -> Mention:
    """Return the last candidate, unless it is the subject of a relative clause and the subject of its sentence's
    main clause is a candidate too: "Lavrov reached Beijing after North Korea, where Kim received him. On Sunday
    he sat down with Wang": he is Lavrov."""
    last = earlier[-1]
    verb = doc[last.root].head
    if verb.dep_ != "relcl" and not (verb.dep_ == "advcl" and any(c.lower_ in ("where", "when") for c in verb.children)):
        return last
    root = doc[last.root].sent.root
    main = [m for m in earlier if doc[m.root].head.i == root.i and doc[m.root].dep_ == "nsubj"]
    return main[-1] if main else last
