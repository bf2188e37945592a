"""Turn one parsed article into Meeting, Proposal and Role records.

Rules read the dependency parse: verbal meetings ("X met Y", "X held talks
with Y", "Y was received by X"), nominal ones ("a meeting between X and Y",
"X's meeting with Y") and proposals ("X presented a 27-point plan",
"X's 20-point framework", "a plan drawn up by X"). kg.modality decides
whether a meeting happened.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from kg import modality
from kg import patterns as patterns_mod
from kg.carry import carry_dates
from kg.dates import WEEKDAYS
from kg.gazetteer import Gazetteer, slug
from kg.mentions import Mention, Resolution, StatedRole, hung_subjects, resolve
from kg.normalize import Normalized
from kg.patterns import Patterns
from kg.records import Actor, Article, Evidence, Fact, Meeting, Plan, Proposal, Role

_NUMBER_WORDS = {w: n for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty".split())}
_POINTS = re.compile(r"\b(\d{1,3}|[a-z]+)\s*-?\s*point\b", re.IGNORECASE)


def extract_facts(doc: Doc, article: Article, norm: Normalized, gaz: Gazetteer, pat: Patterns) -> list[Fact]:
    """Return the meetings, proposals and stated roles in one parsed article."""
    res = resolve(doc, article, gaz, pat)
    facts: list[Fact] = []
    for role in res.roles:
        if role.of is None or role.of != role.holder:
            facts.append(_role(role, doc, article, norm))
    plans: dict[tuple[str, int | None], Plan] = {}
    chairs: list[Actor] = []  # who chaired or hosted "the talks" before anyone was named at them
    for tok in doc:
        if (tok.lemma_.lower() in pat.meeting_verbs or tok.lemma_.lower() in pat.call_verbs) \
                and tok.pos_ in ("VERB", "AUX") and not _face_to_face(tok):
            facts.extend(_verbal_meeting(tok, res, pat, article, norm))
        elif tok.lower_ in _SURFACE_VERBS:
            facts.extend(_surface_meeting(tok, res, pat, article, norm))
        elif tok.lemma_.lower() == "walk" and tok.pos_ == "VERB" and any(
                c.dep_ == "prep" and c.lower_ == "through" for c in tok.children) and any(
                c.dep_ in ("dobj", "obj") and (m := res.at(c.i)) is not None and m.actors[0].type == "Person"
                for c in tok.children):
            facts.extend(_verbal_meeting(tok, res, pat, article, norm))  # "Driscoll walked Zelensky through it"
        if tok.lower_ == "present" and (tok.pos_ == "ADJ" or tok.dep_ in ("acomp", "nsubj")):
            facts.extend(_same_talks(_present_at(tok, res, pat, article, norm, _last_participants(
                facts, norm.to_original(tok.sent.start_char), place=modality.location(tok)), chairs, facts), facts))
        elif tok.lemma_.lower() == "take" and tok.pos_ == "VERB" and any(
                c.dep_ == "dobj" and c.lower_ == "part" for c in tok.children):
            facts.extend(_same_talks(_took_part(tok, res, pat, article, norm, _last_participants(
                facts, norm.to_original(tok.sent.start_char))), facts))
        elif tok.lemma_.lower() in _JOIN_VERBS and tok.pos_ == "VERB" \
                and not (tok.dep_ == "acl" and tok.lemma_.lower() in _WITH_VERBS  # ("A, joined by B, met C": B
                         and tok.head.dep_ in ("nsubj", "nsubjpass")  # is part of the subject of "met")
                         and tok.head.lemma_.lower() not in pat.meeting_nouns):
            if tok.lemma_.lower() in ("bring", "sit", "accompany", "flank") and not _sits_in(tok):
                # everyone at the talks just described (but "sat in on the talks" are the talks just reported)
                earlier = _last_participants(facts, norm.to_original(tok.sent.start_char), everyone=True)
            else:
                named = _talks_place(tok)  # "the Istanbul talks": held there or none
                earlier = _last_participants(facts, place=named, only_there=bool(named))
            facts.extend(_same_talks(_joined(tok, res, pat, article, norm, earlier, chairs), facts))
        elif tok.lower_ in pat.meeting_nouns or (tok.lemma_.lower() in pat.meeting_nouns and tok.pos_ == "NOUN"):
            if tok.pos_ in ("NOUN", "PROPN") or tok.pos_ == "ADJ" and tok.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass"):
                facts.extend(_nominal_meeting(tok, res, pat, article, norm))  # "held a bilateral/ADJ with X"
        if tok.lemma_.lower() in _SIGN_VERBS and tok.pos_ == "VERB":
            facts.extend(_signed(tok, res, pat, article, norm))
        if tok.lower_ == "table" and tok.dep_ == "pobj" and tok.head.lower_ in ("at", "around", "across") \
                or tok.lower_ == "room" and tok.dep_ == "pobj" and tok.head.lower_ == "in" \
                and any(c.lower_ == "same" for c in tok.children):  # "sat in the same room"
            facts.extend(_at_the_table(tok, res, pat, article, norm, _last_participants(
                facts, norm.to_original(tok.sent.start_char))))
        if tok.lemma_.lower() in ("host", "convene", "organise", "organize") and tok.dep_ == "acl" and (
                tok.head.lower_ in _HOSTED_EVENTS
                                                                   or _is_meeting_noun(tok.head, pat)):
            facts.extend(_hosted_event(tok, res, pat, article, norm))
        if (tok.lemma_.lower() in pat.refuse_verbs or tok.lemma_.lower() == "turn" and any(
                c.dep_ == "prt" and c.lower_ == "down" for c in tok.children)) and tok.pos_ == "VERB":
            facts.extend(_declined_invitation(tok, res, pat, article, norm))
        if tok.pos_ == "VERB" and any(c.dep_ == "agent" for c in tok.children) and _is_proposal_verb(tok, pat):
            facts.extend(_drafted_at_talks(tok, res, pat, article, norm))
        if tok.lemma_.lower() in ("hand", "deliver") and tok.pos_ == "VERB":
            facts.extend(_handed(tok, res, pat, article, norm))
        if tok.lemma_.lower() in ("lead", "head") and tok.pos_ == "VERB":
            facts.extend(_led_talks(tok, res, pat, article, norm))
        if tok.lemma_.lower() == "include" and tok.pos_ == "VERB":
            facts.extend(_side_included(tok, res, pat, article, norm, _last_participants(facts, everyone=True)))
        if tok.lemma_.lower() in ("shuttle", "shuttling"):
            facts.extend(_shuttled(tok, res, pat, article, norm))
        if tok.lower_ == "presence" and tok.dep_ == "pobj" and tok.head.lower_ == "in":
            facts.extend(_presence(tok, facts, res, pat, article, norm))
        if _is_plan_noun(tok, pat):
            prop = _proposal(tok, res, pat, article, norm, plans)
            if prop is not None:
                facts.append(prop)
        elif tok.lemma_.lower() in ("propose", "offer") and tok.pos_ == "VERB":
            prop = _proposed_clause(tok, res, pat, article, norm, plans)
            if prop is not None:
                facts.append(prop)
    facts.extend(_hosted_talks(doc, facts, res, pat, article, norm))
    return carry_dates(_dedupe(_same_plans(facts)), doc, norm, article)


_LOOSE_PLANS = {"plan", "proposal", "initiative", "offer", "formula", "blueprint"}


def _face_to_face(tok: Token) -> bool:
    """True for "face" in "face to face", which the parse may take for the verb: an adverb, not "faced X"."""
    doc = tok.doc
    return tok.lower_.startswith("face") and (
        doc[tok.i + 1: tok.i + 3].text.lower().startswith("to face") or doc[max(0, tok.i - 2): tok.i].text.lower()
        == "face to")


def _head_word(plan: Plan) -> str:
    """Return the noun a plan's kind ends in: "proposal" for "counter-proposal" and "ceasefire proposal"."""
    return plan.kind.split()[-1].split("-")[-1]


def _same_head(described: Plan, bare: Plan) -> bool:
    """True if a bare plan noun can name the described plan: the same noun, or two loose words for a plan."""
    a, b = _head_word(described), _head_word(bare)
    return a == b or b in described.kind.split() or a in _LOOSE_PLANS and b in _LOOSE_PLANS  # "draft" of
    # "draft treaty"


def _same_plans(facts: list[Fact]) -> list[Fact]:
    """A bare "plan", "draft" or "proposal" of proposers who put forward a described plan in the same article is
    that plan: "a 12-point draft treaty ... Russia's draft", "his peace proposal ... Putin's plan"."""
    props = [f for f in facts if isinstance(f, Proposal)]
    described = [f for f in props if _described(f.plan)]
    out: list[Fact] = []
    for f in facts:
        if isinstance(f, Proposal) and f not in described:
            same = [d for d in described if set(d.proposers) & set(f.proposers) and _same_head(d.plan, f.plan)]
            if len({d.plan.key for d in same}) == 1:
                f = replace(f, plan=same[0].plan)
        out.append(f)
    return out



_SIGN_VERBS = {"sign", "ink", "initial"}


def _signed(verb: Token, res: Resolution, pat: Patterns, article: Article, norm: Normalized) -> list[Fact]:
    """"A and B signed the accord in Havana", "an agreement signed by A and B", "A signed a deal with B": people of
    two sides signing together met."""
    subjects, agents = _subjects(verb, res)
    people = agents or subjects  # "the agreement signed in Pretoria by A and B": the agents
    for by in [c for c in verb.children if c.dep_ == "agent"]:
        people = _listed(by, res, pat, people)
        # "signed by A for the government and B for the rebels": the parse breaks the list at the first "for"
        doc = verb.doc
        if any(f.lower_ == "for" for f in doc[by.i + 1: by.i + 8]):
            people += [a for m in res.mentions if by.i < m.start < verb.sent.end and m.kind == "name"
                       and doc[m.start - 1].lower_ == "and" and m.end < len(doc) and doc[m.end].lower_ == "for"
                       for a in m.actors if a.type == "Person"]
    withs = _with_objects(verb, res)
    for p in [t for t in verb.subtree if t.lower_ == "with" and t.dep_ == "prep"]:  # "signed ... with A and B"
        withs += _listed(p, res, pat)
    named = {a for m in res.mentions if m.kind != "pronoun" and verb.sent.start <= m.start < verb.sent.end
             for a in m.actors}
    people = [a for a in dict.fromkeys(people) if a.type == "Person" and a in named]  # not "the two men signed"
    withs = [a for a in dict.fromkeys(withs) if a.type == "Person" and a not in people]
    counterpart = any(p.dep_ == "prep" and p.lower_ == "with" and any(o.dep_ == "pobj" and o.pos_ == "PRON"
                                                                     for o in p.children) for p in verb.children)
    if (withs or counterpart) and people:  # "Macron, Scholz and Michel signed a statement with him": each with him
        pairs = [(a, b) for a in people for b in withs if not res.same_party(a, b)]
    else:
        pairs = [(a, b) for a, b in _pairs(people + withs, []) if not res.same_party(a, b)]
    watch = verb.head if verb.head.lemma_.lower() in ("watch", "witness") and (verb.dep_ in ("ccomp", "xcomp") or (
        verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children))) else None
    if watch is not None and people:  # "Trump watched A and B sign the accord, alongside C": all of them were there
        witnesses = _subjects(watch, res)[0] + _with_objects(watch, res, ("alongside",)) \
            + _with_objects(verb, res, ("alongside",))
        witnesses = [a for a in dict.fromkeys(witnesses) if a.type == "Person" and a not in people]
        pairs += [(a, b) for a, b in _pairs(witnesses, people) + _pairs(witnesses, []) if not res.same_party(a, b)]
    if not pairs:
        return []
    status, mode = modality.of_verb(verb, pat)
    if mode != "in person":
        return []
    return _meetings(pairs, verb, status, mode, "verb:sign", res, article, norm)


def _at_the_table(tok: Token, res: Resolution, pat: Patterns, article: Article, norm: Normalized,
                  earlier: tuple[Actor, ...] = ()) -> list[Fact]:
    """"A and B were at the negotiating table in London": people of two sides at one table met; "Also at the
    table was X": X sat with those of the meeting just reported."""
    verb = tok.head.head
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in ("be", "sit", "gather", "meet", "return"):
        return []
    people = _subjects(verb, res)[0]
    listed = _surface_subjects(verb, res)
    if set(people) <= set(listed):
        people = listed
    pairs = [(a, b) for a, b in _pairs(people, []) if not res.same_party(a, b)]
    if any(c.lower_ == "the" for c in tok.children) and any(c.lower_ in ("also", "too") for c in verb.children):
        pairs += [(a, b) for a in people for b in earlier if a != b and not res.same_party(a, b) and _same_level(a, b)]
    if not pairs:
        return []
    status, mode = modality.of_verb(verb, pat)
    return _meetings(pairs, tok, status, mode, "at-the-table", res, article, norm)


def _side_included(verb: Token, res: Resolution, pat: Patterns, article: Article, norm: Normalized,
                   earlier: tuple[Actor, ...]) -> list[Fact]:
    """"The American side included Ambassador X": X sat on that side of the meeting just reported."""
    side = next((c for c in verb.children if c.dep_ == "nsubj" and c.lower_ in ("side", "delegation", "team")), None)
    country = _side_country(side, res)
    if country is None or not earlier:
        return []
    members = actors_under([c for c in verb.children if c.dep_ in ("dobj", "obj")], res)
    members = [a for a in _listed(verb, res, pat, members) if a.type == "Person" and a not in earlier]
    others = [b for b in earlier if res.sides.get(b.key) not in (None, country)]
    pairs = [(a, b) for a in members for b in others]
    status, mode = modality.of_verb(verb, pat)
    return _meetings(pairs, verb, status, mode, "verb:include:side", res, article, norm) if pairs else []


_HOSTED_EVENTS = {"ceremony", "event", "gathering", "dinner", "lunch", "banquet", "reception", "breakfast"}


def _hosted_event(hosted: Token, res: Resolution, pat: Patterns, article: Article, norm: Normalized) -> list[Fact]:
    """"A and B signed the declaration in a ceremony hosted by X", "A flew to Paris for talks hosted by X": X met
    A and B."""
    event = hosted.head
    if event.dep_ != "pobj" or event.head.head.pos_ != "VERB":
        return []
    verb = event.head.head
    if not (event.head.lower_ in ("in", "at", "during") or event.head.lower_ == "for"
            and verb.lemma_.lower() in _TRAVEL):
        return []
    hosts = [a for a in actors_under([g for c in hosted.children if c.dep_ == "agent" for g in c.children], res)
             if a.type == "Person"]
    guests = [a for a in _subjects(verb, res)[0] if a.type == "Person" and a not in hosts]
    pairs = [p for p in _pairs(hosts, guests) if not res.same_party(*p)]
    status, mode = modality.of_verb(verb, pat)
    return _meetings(pairs, hosted, status, mode, "verb:host:event", res, article, norm) if pairs else []


def _shuttled(tok: Token, res: Resolution, pat: Patterns, article: Article, norm: Normalized) -> list[Fact]:
    """"X shuttled between A and B", "after a day of shuttling between A and B": the mediator met each side (the
    sides themselves did not meet)."""
    betweens = [p for p in tok.children if p.dep_ == "prep" and p.lower_ == "between"]
    if not betweens:
        return []
    sides: list[Actor] = []
    led: set[Actor] = set()
    for p in betweens:
        sides += actors_under([o for o in p.children], res) + _listed(p, res, pat)
        for o in p.subtree:  # "a Hamas delegation led by Khalil al-Hayya": the delegation, through its leader
            leaders = _led_by(o, res)
            sides += leaders
            if leaders and (g := res.at(o.i)) is not None and g.kind == "group":
                led.update(g.actors)
    sides = [a for a in sides if a not in led]
    verb = tok if tok.pos_ == "VERB" else next((t for t in tok.ancestors if t.pos_ in ("VERB", "AUX")), None)
    mediators = _subjects(verb, res)[0] if verb is not None else []
    if not mediators:  # "X announced the deal after a day of shuttling between A and B"
        outer = next((t for t in tok.ancestors if t.pos_ in ("VERB", "AUX") and any(
            c.dep_ in ("nsubj", "nsubjpass") for c in t.children)), None)
        mediators = _subjects(outer, res)[0] if outer is not None else []
    pairs = [(m, a) for m in mediators for a in dict.fromkeys(sides) if m != a]
    if not pairs:
        return []
    status, mode = modality.of_verb(verb, pat) if verb is not None else ("happened", "in person")
    return _meetings(pairs, tok, status, mode, "verb:shuttle", res, article, norm)


def _presence(noun: Token, facts: list[Fact], res: Resolution, pat: Patterns, article: Article,
              norm: Normalized) -> list[Fact]:
    """"A and B signed the accord in the presence of C and D": C and D met A and B (and whoever met there)."""
    of = [p for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"]
    present = actors_under([o for p in of for o in p.children], res)
    for p in of:
        present = _listed(p, res, pat, present)
    present += [a for c in noun.children if c.dep_ == "poss" and (m := res.at(c.i)) is not None
                and m.kind != "pronoun" for a in m.actors if a.type == "Person"]  # "in Albusaidi's presence"
    verb = next((t for t in noun.ancestors if t.pos_ in ("VERB", "AUX")), None)  # "at a hotel in the presence"
    if not present or verb is None:
        return []
    start = evidence(noun.sent, norm, article, "").start
    here = [a for f in facts if isinstance(f, Meeting) and f.evidence.start == start for a in f.participants]
    subjects, agents = _subjects(verb, res)
    others = [a for a in dict.fromkeys(here + (agents or subjects)) if a not in present]
    pairs = [(a, b) for a in present for b in others if not res.same_party(a, b)]
    if not pairs:
        return []
    status, mode = modality.of_verb(verb, pat)
    return _meetings(pairs, noun, status, mode, "presence", res, article, norm)


def _hosted_talks(doc: Doc, facts: list[Fact], res: Resolution, pat: Patterns, article: Article,
                  norm: Normalized) -> list[Fact]:
    """"A met B in Paris, in talks hosted by X": the host met everyone at the meeting of that sentence; so did
    those who attended it ("expanded talks, attended by A and B", "talks, which were attended by A")."""
    out: list[Fact] = []
    for tok in doc:
        attended = tok.lemma_.lower() in ("attend", "join") and (tok.dep_ in ("acl", "relcl") or tok.dep_ in (
            "advcl", "conj") and any(c.dep_ == "agent" for c in tok.children))
        talks = tok.head if _is_meeting_noun(tok.head, pat) else next(  # "held ... and then expanded/VERB talks,
            (o for v in [tok.head, *tok.head.conjuncts] for o in v.children  # attended/advcl by A": the parse
             if o.dep_ == "dobj" and _is_meeting_noun(o, pat)), None) if tok.dep_ in ("advcl", "conj") else None
        if not (tok.dep_ == "acl" and tok.lemma_.lower() in ("host", "chair", "mediate", "broker", "moderate")
                or attended) or talks is None:
            continue
        agents = _agent_phrases(tok)
        if attended:  # "attended on the Chinese side by A and on the Russian side by B"
            agents += [b for b in tok.subtree if b.lower_ == "by" and b.dep_ == "prep" and b not in agents]
        hosts = actors_under([g for a in agents for g in a.children], res)
        for by in agents:
            hosts = _listed(by, res, pat, hosts)
        start = evidence(tok.sent, norm, article, "").start
        here = [f for f in facts if isinstance(f, Meeting) and f.evidence.start == start]
        if not hosts or not here:
            continue
        others = list(dict.fromkeys(a for f in here for a in f.participants))
        sides = {**res.sides, **_named_sides(agents, res)}  # "on the Russian side by A and B"

        def same(a: Actor, b: Actor) -> bool:
            return res.same_party(a, b) or a.key in sides and sides.get(a.key) == sides.get(b.key)
        pairs = [(h, a) for h in hosts for a in others if h != a and _same_level(h, a)
                 and not (attended and same(h, a))]
        if attended:
            new = [h for h in hosts if h not in others]
            pairs += [(a, b) for i, a in enumerate(new) for b in new[i + 1:]
                      if a.key in sides and b.key in sides and sides[a.key] != sides[b.key]]
        status, mode = here[0].status, here[0].mode
        out.extend(replace(f, location=f.location or here[0].location, date=f.date or here[0].date)
                   for f in _meetings(pairs, tok.head, status, mode, f"hosted:{tok.lemma_.lower()}", res, article, norm))
    return out


_INVITATIONS = {"invitation", "request", "offer", "challenge", "overture"}


def _declined_invitation(verb: Token, res: Resolution, pat: Patterns, article: Article, norm: Normalized
                         ) -> list[Fact]:
    """"X declined an invitation from Y to attend", "turned down Y's request for a meeting": X refused to meet Y.
    A request counts only when it is one for a meeting or a visit, an offer or a challenge only when it is one to
    meet ("declined an offer from Y to meet"); an invitation always does."""
    nouns = [c for c in verb.children if c.dep_ in ("dobj", "obj") and c.lemma_.lower() in _INVITATIONS]
    if not nouns:
        return []
    noun = nouns[0]
    to_meet = any(c.dep_ in ("acl", "relcl") and c.lemma_.lower() in pat.meeting_verbs for c in noun.children)
    to_come = to_meet or any(c.dep_ == "acl" and c.lemma_.lower() in _TRAVEL for c in noun.children) or any(
        p.dep_ == "prep" and p.lower_ == "for" and _is_meeting_noun(o, pat)
        for p in [*noun.subtree, *verb.children] for o in p.children)  # "a request from A, an aide, for a meeting"
    if noun.lemma_.lower() in ("offer", "challenge", "overture") and not to_meet \
            or noun.lemma_.lower() == "request" and not to_come:
        return []  # not "declined a request for comment", "an offer to mediate"
    inviters = actors_under([c for c in noun.children if c.dep_ == "poss"], res)
    inviters += actors_under([o for p in noun.children if p.dep_ == "prep" and p.lower_ in ("from", "by")
                              for o in p.children if o.dep_ == "pobj"], res)
    deciders = _subjects(verb, res)[0]
    pairs = [(a, b) for a in deciders for b in dict.fromkeys(inviters) if a != b and a.type in ("Person", "Group")
             and b.type in ("Person", "Group")]
    if not pairs:
        return []
    return _meetings(pairs, verb, "refused", "in person", f"refused:{noun.lemma_.lower()}", res, article, norm)


def _named_by(verb: Token, res: Resolution, pat: Patterns) -> list[Actor]:
    """Return the actors of a passive verb's "by" phrases, also those of a list the parse broke ("by A, an aide,
    and his counterpart B")."""
    found: list[Actor] = []
    for by in _agent_phrases(verb):
        found = _listed(by, res, pat, found + actors_under(list(by.children), res))
    return list(dict.fromkeys(found))


def _led_talks(verb: Token, res: Resolution, pat: Patterns, article: Article, norm: Normalized) -> list[Fact]:
    """"The talks were led by A and his Afghan counterpart, B": the heads of the two sides met."""
    talks = [c for c in verb.children if c.dep_ == "nsubjpass" and _is_meeting_noun(c, pat)
             and any(d.lower_ in ("the", "their", "these", "those") for d in c.children)]
    if not talks:
        return _led_sides(verb, res, pat, article, norm)
    heads = [a for a in _named_by(verb, res, pat) if a.type == "Person"]
    pairs = [(a, b) for a, b in _pairs(heads, []) if not res.same_party(a, b)]
    if not pairs:
        return []
    status, mode = modality.of_verb(verb, pat)
    return _meetings(pairs, verb, status, mode, f"led:{verb.lemma_.lower()}", res, article, norm)


_SIDE_NOUNS = {"delegation", "side", "team", "one"}


def _led_sides(verb: Token, res: Resolution, pat: Patterns, article: Article, norm: Normalized) -> list[Fact]:
    """"Iran's delegation is led by A; the American side by B", "The Russian delegation was led by A, the
    Ukrainian one by B": the heads of the two sides met."""
    if not any(c.dep_ == "nsubjpass" and c.lemma_.lower() in _SIDE_NOUNS - {"one"} for c in verb.children):
        return []
    first = [a for a in _named_by(verb, res, pat) if a.type == "Person"]
    gapped = [t for t in verb.subtree if t.lower_ == "by" and t.dep_ == "prep" and t.head.lemma_.lower() in _SIDE_NOUNS
              and t.head.i > verb.i]
    second = [a for a in actors_under([o for b in gapped for o in b.children if o.dep_ == "pobj"], res)
              if a.type == "Person" and a not in first]
    pairs = [(a, b) for a in first for b in second if not res.same_party(a, b)]
    if not pairs:
        return []
    status, mode = modality.of_verb(verb, pat)
    return _meetings(pairs, verb, status, mode, f"led:{verb.lemma_.lower()}:sides", res, article, norm)


def _side_country(side: Token | None, res: Resolution) -> str | None:
    """Return the country "the American side" (or delegation, team) names by its demonym, else None."""
    if side is None:
        return None
    return next((res.demonyms[c.text] for c in side.children if c.text in res.demonyms), None)


def _named_sides(agents: list[Token], res: Resolution) -> dict[str, str]:
    """Return actor key -> country for those named "on the Chinese side by A" (the "by" under "the X side")."""
    out: dict[str, str] = {}
    for by in agents:
        side = by.head if by.head.lower_ == "side" else next(
            (o for p in by.head.children if p.dep_ == "prep" and p.lower_ == "on" for o in p.children
             if o.lower_ == "side"), None)  # "attended on the Chinese side/pobj by/agent A"
        country = _side_country(side, res)
        if country is None:
            continue
        for a in actors_under([g for g in by.children], res):
            out[a.key] = country
    return out


# ------------------------------------------------------------------ helpers

def evidence(sent: Span, norm: Normalized, article: Article, rule: str) -> Evidence:
    """Return the evidence for a fact read in ``sent``, with offsets in the original text."""
    start, end = norm.to_original(sent.start_char), norm.to_original(sent.end_char)
    text = article.text[start:end]
    stripped = text.rstrip()
    lead = len(text) - len(text.lstrip())
    return Evidence(sentence=stripped.strip(), start=start + lead, end=start + len(stripped), rule=rule)


def actors_under(heads: Iterable[Token], res: Resolution, exclude: Token | None = None) -> list[Actor]:
    """Return the actors mentioned in the subtrees of ``heads`` (not possessors, not inside ``exclude``)."""
    skip = {t.i for t in exclude.subtree} if exclude is not None else set()
    found: list[Actor] = []
    for head in heads:
        for tok in head.subtree:
            m = res.at(tok.i)
            if m is None or tok.i != m.root or tok.i in skip:
                continue
            if tok.i != head.i and (tok.dep_ in ("poss", "compound", "nmod") or tok.dep_ == "amod" and tok.i + 1 < len(
                    tok.doc) and tok.doc[tok.i + 1].lemma_.lower() in _PEOPLE_NOUNS):
                continue  # "Putin's aides", "Hamas negotiator X", "Trump/amod envoy Grenell": a modifier
            if _in_clause_below(tok, head) or _under_modifier(tok, head) or _owner_in_apposition(m, tok.doc, res):
                continue
            if m.kind == "group":  # "a Hamas delegation led by Khalil al-Hayya": the delegation, through its head
                leaders = _led_by(tok, res)
                if leaders:
                    found.extend(leaders)
                    continue
            found.extend(m.actors)
    return list(dict.fromkeys(found))


def _leader_phrases(tok: Token) -> list[Token]:
    """Return the "by" phrases naming who leads the group ``tok``: "a delegation, led by X", "the team headed by X"."""
    return [ag for c in tok.children if c.dep_ == "acl" and c.lemma_.lower() in ("lead", "head")
            for ag in c.children if ag.dep_ == "agent"]


def _led_by(tok: Token, res: Resolution) -> list[Actor]:
    """Return the people named as leading the group ``tok`` (see ``_leader_phrases``), also the last of a list
    the parse broke after an apposition: "led by A, Zelensky's chief of staff, and B, the secretary of ..."."""
    found = actors_under([o for ag in _leader_phrases(tok) for o in ag.children], res)
    doc = tok.doc
    for ag in _leader_phrases(tok):
        j = ag.right_edge.i + 1
        while j + 1 < len(doc) and doc[j].text == "," and doc[j + 1].lower_ == "and" \
                and any(a.dep_ == "appos" for a in [doc[j - 1], *doc[j - 1].ancestors]):  # after an apposition
            m = res.at(j + 2)
            if m is None or m.kind != "name" or m.start != j + 2 or doc[m.root].dep_ in ("nsubj", "nsubjpass"):
                break  # ("led by A, an aide, and B said ...": B speaks, he leads nothing)
            found += list(m.actors)
            j = doc[m.root].right_edge.i + 1
    return [a for a in dict.fromkeys(found) if a.type == "Person"]  # also "headed by A and B"


def _owner_in_apposition(m: Mention, doc: Doc, res: Resolution) -> bool:
    """True for the organisation in an apposition the parse broke: "A, then secretary of Iran's Supreme National
    Security Council, and B" (the council is whose secretary A was, not a guest)."""
    if any(a.type == "Person" for a in m.actors):
        return False
    k = m.start - 1
    while k >= 0 and (doc[k].lower_ in ("the", "'s") or doc[k].tag_ == "POS" or doc[k].pos_ == "PROPN"):
        k -= 1  # "of Iran's Supreme National Security Council"
    if k < 0 or doc[k].lower_ != "of":
        return False
    for j in range(k - 1, max(-1, k - 6), -1):
        if doc[j].text == ",":
            return j + 1 < len(doc) and doc[j + 1].lower_ in ("then", "former", "now", "the", "a", "an")
        if res.at(j) is not None and any(a.type == "Person" for a in res.at(j).actors):
            return False
    return False


def _under_modifier(tok: Token, head: Token) -> bool:
    """True if ``tok`` hangs under a place/time preposition or an apposition inside ``head``'s subtree.

    "Merz in Berlin", "Kushner, the son-in-law of Donald Trump": Berlin and
    Trump are not participants. Coordination and "with"/"between" stay open.
    """
    t, below = tok, None
    while t.i != head.i and t.head.i != t.i:
        if t.dep_ == "appos" and t.head.pos_ == "PROPN" and not any(
                c.dep_ == "conj" and c.i < t.i and (c.pos_ == "NOUN" or c.pos_ == "PROPN" and c.ent_type_ not in (
                    "PERSON", "ORG", "GPE", "NORP")) for c in t.head.children) \
                and not (below is not None and below.dep_ == "conj" and below.pos_ == "PROPN"
                         and any(c.dep_ == "cc" for c in t.children)
                         and t.doc[below.left_edge.i - 1].lower_ in (",", "and")
                         and any(w.text == "," for w in t.doc[t.i: below.left_edge.i])):
            # (but "A and the rebels' commander, B, shook hands": B names the commander, hung on A; and "hosted A,
            # then secretary of X, and Saudi adviser B": B is the second guest, hung on A's apposition)
            return True
        if t.dep_ in ("prep", "agent") and t.lower_ not in ("with", "between", "among", "by") \
                and not (t.lower_ == "of" and t.head.lower_ in ("group", "bunch", "team", "pair", "number")):
            return True  # but "a group of Moroccan diplomats" is the diplomats
        if t.dep_ in ("npadvmod", "advmod", "acl"):
            return True
        t, below = t.head, t
    return False


def _in_clause_below(tok: Token, head: Token) -> bool:
    """True if ``tok`` sits in a relative or adverbial clause inside ``head``'s subtree."""
    t = tok
    while t.i != head.i and t.head.i != t.i:
        if t.dep_ in ("relcl", "advcl", "ccomp", "acl") and t.pos_ in ("VERB", "AUX"):
            return True
        t = t.head
    return False


def _conj_heads(tok: Token) -> list[Token]:
    return [tok, *tok.conjuncts]


def _pairs(left: list[Actor], right: list[Actor]) -> list[tuple[Actor, ...]]:
    if right:
        return [(a, b) for a in left for b in right if a != b]
    return [(a, b) for i, a in enumerate(left) for b in left[i + 1:]]


def _own_words(verb: Token) -> list[Token]:
    """Return the verb's adverbs and the words of its prepositional phrases ("in separate meetings"), not those
    of clauses joined to it."""
    out = [c for c in verb.children if c.dep_ == "advmod"]
    for p in verb.children:
        if p.dep_ == "prep":
            out += [w for o in p.children if o.dep_ == "pobj" for w in o.subtree]
    return out


def _among(actors: list[Actor], res: Resolution, trigger: Token | None = None) -> list[tuple[Actor, ...]]:
    """Return the pairs among guests who met each other, unless they came as one party ("Trump's envoys A and B")
    or, with ``trigger``, its sentence says they were received apart ("in separate meetings")."""
    if trigger is not None and not any(t.lower_ == "together" for t in trigger.sent) and any(
            t.lower_ in ("separate", "separately", "respectively", "individually") for t in _own_words(trigger)):
        return []
    if trigger is not None and _kept_apart(trigger):
        return []
    return [p for p in _pairs(actors, []) if not res.same_party(*p)]


def _kept_apart(trigger: Token) -> bool:
    """True if the sentence goes on to say the guests never met: "hosted A and B, but the two ministers never sat in
    the same room", "..., though they did not meet"."""
    for t in trigger.doc[trigger.i + 1: trigger.sent.end]:
        if t.lemma_.lower() in ("sit", "meet", "talk") and t.pos_ == "VERB" \
                and any(c.dep_ == "neg" or c.lower_ == "never" for c in t.children):
            subj = [c for c in t.children if c.dep_ == "nsubj"]
            if any(c.lower_ == "they" or any(w.lower_ in ("two", "both") for w in c.subtree) for c in subj):
                return True
    return False


def _including(trigger: Token, res: Resolution, pat: Patterns) -> list[Actor]:
    """Return the names after "including" or "among them" that follow a plural object of ``trigger``: "met Arab
    leaders including A and B", "a meeting with leaders of eight countries, among them A, B and C"."""
    doc = trigger.doc
    end = min(trigger.sent.end, trigger.i + 25)
    for t in doc[trigger.i + 1: end]:
        if t.text in (";", "—") or t.pos_ == "VERB" and t.lower_ != "including" \
                and not (t.dep_ == "acl" and t.tag_ == "VBN"):  # "relatives of citizens abducted by North Korea"
            return []
        if t.lower_ == "including" or t.lower_ == "them" and doc[t.i - 1].lower_ == "among":
            if not any(w.lower_ in _PLURAL_ROLES or w.lower_ in pat.group_nouns or w.tag_ == "NNS"
                       for w in doc[trigger.i + 1: t.i]):
                return []
            stop = next((w.i for w in doc[t.i + 1: trigger.sent.end] if w.lower_ in ("who", "which", "whose", "where")
                         or w.text == ";"), trigger.sent.end)  # "among them A, who later said ...": the list ends
            listed = {a for m in res.mentions if t.i < m.start < stop for a in m.actors}
            return [a for a in _listed(t, res, pat) if a.type in ("Person", "Group") and a in listed]  # not "Raytheon"
    return []


def _gapped_objects(verb: Token) -> list[Token]:
    """Return the second object of "met A on Tuesday and then B", which the parse joins to the date or place."""
    return [c for p in verb.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"
            for c in o.conjuncts if c.pos_ == "PROPN" and any(a.lower_ in ("then", "later") for a in c.children)]


def _other_sides(actors: list[Actor], res: Resolution, trigger: Token, any_length: bool = False
                 ) -> list[tuple[Actor, ...]]:
    """Return the pairs among the guests of one meeting who act for different, known sides: "Burns held talks
    with Egypt's Kamel and Qatar's prime minister" (they met each other too), unless it says "separately"."""
    if len(actors) != 2 and not any_length or _in_headline(trigger) or any(_says_separate(t) for t in trigger.sent):
        return []  # a longer list is more often one side's team ("his counterparts from A, B and C")
    return [(a, b) for a, b in _pairs(actors, []) if a.key in res.sides and b.key in res.sides
            and res.sides[a.key] != res.sides[b.key]]


_SEPARATE = {"separate", "separately", "respectively", "each", "individually", "bilateral", "bilaterals", "one-on-one"}
_MEETING_WORDS = {"meeting", "meetings", "talks", "session", "sessions", "encounter", "discussions", "bilateral"}


def _says_separate(tok: Token) -> bool:
    """True for a word saying the meetings were apart ("separately", "bilateral talks"; not "bilateral trade")."""
    if tok.lower_ not in _SEPARATE:
        return False
    return tok.lower_ not in ("bilateral", "one-on-one") or tok.pos_ == "NOUN" or tok.head.lower_ in _MEETING_WORDS


def _is_joint(noun: Token) -> bool:
    """True for "a joint meeting", "three-way talks", "a trilateral session", "a roundtable" (one table)."""
    before = noun.doc[noun.left_edge.i: noun.i].text.lower().replace(" - ", "-")  # "three - way" as tokenised
    return noun.lower_ == "roundtable" or any(c.lower_ in ("joint", "trilateral") for c in noun.children) \
        or "three-way" in before or "four-way" in before


def _agent_phrases(verb: Token) -> list[Token]:
    """Return the passive verb's "by" phrases, also where the parse hung one on the verb's prepositional object:
    "was hosted at a working dinner by Guy Parmelin" (a place or time there gives no actor, so no harm).
    """
    direct = [c for c in verb.children if c.dep_ == "agent"]
    if direct:  # "flanked by A, his adviser, and by B": the second "by" hangs on the verb as a conjunct
        return direct + [c for c in verb.children if c.dep_ == "conj" and c.lower_ == "by"]
    if not any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return direct
    return [b for p in verb.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"
            for b in o.children if b.dep_ == "prep" and b.lower_ == "by"]


_REPORTING = {"say", "tell", "add", "report", "confirm", "announce", "note"}


def _subjects(verb: Token, res: Resolution, exclude: Token | None = None) -> tuple[list[Actor], list[Actor]]:
    """Return (subjects, agents): the verb's subjects, climbing to the clause that has them."""
    t = verb
    agents = actors_under([g for c in _agent_phrases(verb) for g in c.children], res)  # the verb's own "by" phrase
    for _ in range(4):
        if t.dep_ == "conj" and t.head.dep_ == "parataxis" and t.head.lemma_.lower() in _REPORTING \
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
            t = t.head.head  # "Putin held talks with X, the Kremlin said, and met Y": Putin met Y
            continue
        subj = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
        if not subj:  # "Lavrov, a Malian official said, floated a proposal": the parse made Lavrov the subject
            subj = [s for c in t.children if c.dep_ == "parataxis" and c.i < t.i and c.lemma_.lower() in _REPORTING
                    for s in c.children if s.dep_ == "nsubj" and s.i < c.i and any(
                        a.dep_ == "appos" and a.i > s.i and a.lemma_.lower() in _PEOPLE_NOUNS for a in s.children)]
        # "Driscoll and Army Chief of Staff General Randy George sat down": the parse hangs the first of two
        # subjects on the second as a modifier with its own "and"
        subj += [c for s in subj for c in hung_subjects(s)]
        if t is not verb or not subj:
            subj += [c for c in t.children if c.dep_ == "attr"] if t is not verb else []
        if t is verb and not subj and (m := res.at(verb.i - 1)) is not None and m.start > 0 \
                and (verb.doc[m.start - 1].ent_type_ == "DATE" or verb.doc[m.start - 1].lower_ in WEEKDAYS) \
                and verb.doc[m.root].dep_ == "pobj" \
                and all(a.type == "Person" for a in m.actors):
            return list(m.actors), agents  # "Earlier on Sunday Dar held talks": the parse took Dar for the date's
        actors = actors_under(subj, res, exclude if t is not verb else None)
        if actors:  # "the same five, joined by X, were received": X came with them
            actors += [a for c in subj for j in c.children if j.dep_ == "acl" and j.lemma_.lower() in _WITH_VERBS
                       for a in actors_under([g for ag in j.children if ag.dep_ == "agent" for g in ag.children], res)
                       if a not in actors]
        if not actors and t.dep_ == "relcl" and any(c.tag_ in ("WP", "WDT") for c in subj):
            actors = actors_under([t.head], res, exclude=t)  # "the U.S. president, who was hosted by X"
            if not actors:
                actors = _apposed_to(t.head, res)  # "drafted by A, then Biden's envoy, who met B"
            if any(c.lower_ == "who" for c in subj) and not any(a.type in ("Person", "Group") for a in actors):
                actors = _apposition_owner(t.head, res) or actors
        if actors and t is not verb:
            listed = _surface_subjects(t, res)
            if set(actors) <= set(listed):
                actors = listed  # "A, B, C and D arrived ... and were received by X": the list the parse broke
        if actors:
            # "X had visited A and was received by B": the subject is found up the coordination, the agent is
            # the verb's own
            return actors, agents
        if agents and not (t.dep_ == "conj" and any(c.dep_ == "auxpass" for c in t.children)) \
                and not (t.dep_ == "pcomp" and t.head.dep_ == "prep" and modality.preposition(t.head) in _TIME_PREPS):
            return actors, agents  # (but "X left after being received by Y": X is found up the clause)
        if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ not in ("to",) or c.dep_ == "advmod" and c.lower_
                                     in ("when", "after", "before", "while", "once", "since") for c in t.children):
            break  # "..., two days after A and B met C": the main clause's subject is not the meeting's
        if t.dep_ in ("xcomp", "advcl") and any(a.dep_ == "aux" and a.lower_ == "to" for a in t.children) \
                and t.head.i != t.i and t.i > t.head.i and t.head.lemma_.lower() in _CONTROL_VERBS \
                and (t.head.lemma_.lower() != "leave" or t.head.tag_ == "VBG"):  # "leaving X to meet", not "left X to"
            # object control: "sent Y to meet X", "leaving EU leaders to meet X": the object is the one who meets
            # (but "used the trip to meet X": a thing is no one)
            objs = [c for c in t.head.children if c.dep_ in ("dobj", "obj") and c.i < t.i]
            who = actors_under(objs, res)
            if who and all(a.type in ("Person", "Group") for a in who):
                return who, agents
            if any(o.lower_ in _PLURAL_ROLES or o.lemma_.lower() in _PEOPLE_NOUNS for o in objs):
                return [], agents  # people kg cannot name
        if t.dep_ == "acl" and t.head.dep_ in ("dobj", "obj") and t.head.head.i != t.head.i:
            t = t.head.head  # "X declined an invitation to meet Y": the invitation's verb has the subject
            continue
        if t.dep_ == "relcl" and any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ not in ("WP", "WDT")
                                     for c in t.children):
            break  # "X, whose government hosted the talks": the clause has a subject of its own, not X
        if t.dep_ in ("xcomp", "advcl", "conj", "acl", "pcomp", "relcl", "acomp") and t.head.i != t.i:
            if t.dep_ == "relcl" or t.dep_ == "acl" and res.at(t.head.i) is not None and (
                    t.tag_ == "VBD" or t.tag_ == "VBG" and t.i > 0 and t.doc[t.i - 1].text == ","
                    and all(a.type == "Person" for a in res.at(t.head.i).actors)):
                # ("Zelensky, speaking after talks with Erdogan, said": the participle's subject is Zelensky)
                # "X, the new ambassador, called/acl on Y": a finite verb the parse hung on its subject
                return actors_under([t.head], res, exclude=t), []
            if t.dep_ == "pcomp":
                if not (t.head.dep_ == "prep" and t.head.head.pos_ in ("VERB", "AUX") and (
                        modality.preposition(t.head) in _TIME_PREPS or t.head.lower_ == "by" and t.tag_ == "VBG")):
                    break  # "X insisted on meeting Y" has a subject, but no meeting ("opened the talks by
                    # meeting Y" has)
                t = t.head  # "X came to Geneva after visiting Y": the clause the preposition hangs on
            t = t.head
        else:
            break
    return [], agents


def _apposition_owner(tok: Token, res: Resolution) -> list[Actor]:
    """Return the person whose apposition ``tok`` ends: "A, a senior adviser to the president of the UAE, who met B"
    hangs "who" on the UAE, but "who" is a person: A."""
    owner = next((a.head for a in [tok, *tok.ancestors] if a.dep_ == "appos"), None)  # ("A, the EU coordinator, who")
    m = res.at(owner.i) if owner is not None else None
    return [a for a in m.actors if a.type == "Person"] if m is not None and m.kind != "pronoun" else []


def _apposed_to(noun: Token, res: Resolution) -> list[Actor]:
    """Return the person a role noun stands beside, as in "Amos Hochstein, then Biden's envoy, who ...": the name
    just before the comma that opens the noun's phrase (the parse does not always make it an apposition)."""
    if noun.lemma_.lower() not in _PEOPLE_NOUNS and noun.lower_ not in _PEOPLE:
        return []
    comma = noun.left_edge.i if noun.left_edge.text == "," else noun.left_edge.i - 1
    if comma < 1 or noun.doc[comma].text != "," or (m := res.at(comma - 1)) is None or m.kind == "pronoun":
        return []
    return [a for a in m.actors if a.type == "Person"]


def _at_side(prep: Token) -> bool:
    """"with X at his side", "with X beside him": X is on the side of the one who meets, not met."""
    return prep.lower_ == "with" and any(c.dep_ == "prep" and (c.lower_ == "beside" or c.lower_ in ("at", "by") and any(
        o.lower_ == "side" for o in c.children)) for c in prep.children)


def _with_objects(tok: Token, res: Resolution, preps: tuple[str, ...] = ("with",)) -> list[Actor]:
    """Return the actors after "with", also in "with A on Tuesday and with B on Monday"."""
    found = [p for p in tok.children if p.dep_ == "prep" and p.lower_ in preps]
    found += [c for p in found for c in p.conjuncts if c.lower_ in preps]
    # "held talks with A and with B": the parse made the second "with" a conjunct of the verb
    found += [c for c in tok.children if c.dep_ == "conj" and c.lower_ in preps and c not in found]
    found = [p for p in found if not _at_side(p)]
    if found:  # "talks with A in Tripoli and with B in Benghazi": the second "with" a conjunct of the place's "in"
        found += [c for p in tok.children if p.dep_ == "prep" and p.lower_ not in preps for c in p.conjuncts
                  if c.lower_ in preps and c not in found]
    return actors_under([o for p in found for o in p.children if o.dep_ == "pobj"
                         and not any(c.lower_ == "present" for c in o.children)], res)  # not "with A present"


# ------------------------------------------------------------------ meetings

def _verbal_meeting(verb: Token, res: Resolution, pat: Patterns, article: Article, norm: Normalized) -> list[Fact]:
    lemma = verb.lemma_.lower()
    subjects, agents = _subjects(verb, res, exclude=verb if verb.dep_ == "advcl" else None)
    objects = _with_objects(verb, res)
    subjects += [a for p in verb.children if p.dep_ == "prep" and _at_side(p) for a in actors_under(
        [o for o in p.children if o.dep_ == "pobj"], res) if a not in subjects]  # "With X at his side, Y received Z"
    if lemma == "face" and verb.tag_ == "VBG" and (seat := _seat_before(verb)) is not None:
        # "A sat alongside B and C, facing D and E": A, B and C sat across from D and E
        subjects = list(dict.fromkeys((subjects or _subjects(seat, res)[0]) + actors_under(
            [o for p in seat.children if p.lower_ in ("alongside", "beside", "with", "next")
             for o in p.subtree if o.dep_ == "pobj"], res)))
    if lemma not in pat.meeting_verbs_needing_with:
        objects += actors_under([c for c in verb.children if c.dep_ in ("dobj", "obj")], res)
        late = _object_read_as_subject(verb)
        if late:  # "Rubio held talks with Fidan and later met/conj Sybiha/nsubj": Rubio met Sybiha
            subjects, objects = _subjects(verb.head, res)[0], objects + actors_under(late, res)
    for c in verb.children:  # "held talks with Y" attaches "with" to the noun sometimes
        if c.dep_ == "prt" and lemma == "sit":
            objects += _with_objects(c, res)
    if lemma == "sit":  # "sat across (the table) from X", "sat opposite X"
        objects += _with_objects(verb, res, ("opposite", "across")) + _with_objects(verb, res, ("from",)) \
            if any(c.lower_ in ("across", "opposite") for c in verb.subtree if c.head.i in (verb.i, *(
                d.i for d in verb.children))) else []
        front = _inverted_across(verb, res)
        if front:  # "Across from Umerov sat Medinsky": the parse made both names subjects of "sat"
            subjects = [a for a in subjects if a not in front]
            objects += front
    if not objects and lemma in pat.meeting_verbs_needing_with:
        objects = _hung_with(verb, res)  # "sat down over breakfast at a hotel with A": "with" hung on the hotel
    with_tok = next((w for w in verb.doc[verb.i + 1: verb.i + 4] if w.lower_ == "with"), None)
    if with_tok is not None and objects:
        objects += _surface_objects(with_tok, res, pat)  # "sat down with A, X's chief of staff, and B, ..."
    listed = _surface_subjects(verb, res)
    if not agents and listed and (set(subjects) <= set(listed) or len(listed) > 1 and all(
            a.type in ("Country", "Organization") for a in subjects if a not in listed)):
        subjects = listed  # "Treasury Secretary A and Trade Representative B met ...", parsed as one noun phrase
    if agents:  # passive: "Y was received by X"
        for by in _agent_phrases(verb):  # "by European Council President A and Commission President B"
            agents = _listed(by, res, pat, agents)
        if not subjects:  # "The delegation, led by X, was received by A and B": the delegation through its head
            subjects = [a for c in verb.children if c.dep_ == "nsubjpass" for a in _led_by(c, res)]
        subjects, objects = agents, subjects
        if not objects:
            return []  # "was received by A and B" with no one named received: not A meeting B
    elif not subjects and verb.lower_ in _SURFACE_VERBS:  # "NATO Secretary General X hosted ..." parsed as a noun phrase
        before = [m for m in res.mentions if m.end == verb.i and m.kind != "pronoun"]
        subjects = list(before[-1].actors) if before else []
    withs = [p for p in verb.children if p.dep_ == "prep" and p.lower_ == "with"]
    together = len(subjects) > 1 and any(c.dep_ == "advmod" and c.lower_ == "together" for t in [verb, *withs]
                                         for c in t.children)
    facing = [p for p in verb.children if p.dep_ in ("prep", "prt") and p.lower_ in ("with", "across", "opposite")
              or p.dep_ == "prep" and p.lower_ == "from" and any(c.lower_ == "across" for c in verb.children)]
    each_other = len(subjects) > 1 and any(o.lower_ in ("other", "another") and o.dep_ == "pobj"
                                           for p in facing for o in p.subtree)  # "sat across from each other"
    shook = lemma == "shake" and len(subjects) > 1 and any(c.dep_ == "dobj" and c.lower_ == "hands"
                                                           for c in verb.children)  # "A and B shook hands"
    if lemma == "shake" and not objects:  # "Putin shook his hand", "shook Zelensky's hand": whose hand
        objects = actors_under([p for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() == "hand"
                                for p in c.children if p.dep_ == "poss"], res)
    each_other = each_other or shook
    if lemma in pat.meeting_verbs_needing_with and not objects and lemma not in ("talk", "speak") and not together \
            and not each_other:
        return []
    called_on = []
    if lemma == "call" and not any(c.dep_ == "ccomp" for c in verb.children):
        # "Tokayev called on Putin in the Kremlin": a courtesy visit (but "called on Putin to end the war" urges)
        heads = [o for p in verb.children if p.dep_ == "prep" and p.lower_ in ("on", "upon") for o in p.children]
        if any(c.lower_ in ("on", "upon") and (c.dep_ == "prt" or c.dep_ == "prep" and not any(c.children))
               for c in verb.children):
            heads += [c for c in verb.children if c.dep_ in ("dobj", "obj")  # "called on/prt Lourenço/dobj"
                      or c.dep_ == "oprd" and c.pos_ == "PROPN"]  # or /oprd
        called_on = [a for a in actors_under(heads, res) if a.type == "Person"]
        ends = [h.i for h in heads]  # the object itself, not the places and dates hung on it
        urged = any(t.lower_ == "to" and t.dep_ == "aux" and t.i - 1 in ends for t in verb.subtree)
        if called_on and not urged:  # "called on X to end the war" urges; "called on X in Delhi to talk" visits
            objects = called_on
        else:
            called_on = []
    if lemma == "call" and not called_on and any(
            c.dep_ in ("prt", "oprd", "ccomp") or c.dep_ == "xcomp" and not any(a.lower_ == "to" for a in c.children)
            or c.dep_ == "prep" and c.lower_ in ("for", "on", "off", "upon") for c in verb.children):
        return []  # "called for talks", "called on Russia", "called off", "called it a success"
    if lemma == "visit":
        # visiting a country or a city NER took for an organisation ("visited Kyiv, Warsaw and Paris") is not
        # meeting anyone; visiting a person or a group is
        objects = [a for a in objects if a.type in ("Person", "Group") or a.wikidata and a.type != "Country"]
        if not objects:
            return []
    if lemma not in pat.meeting_verbs_needing_with and lemma not in pat.call_verbs and not agents:
        objects = _listed(verb, res, pat, objects)  # coordination the parse broke: "welcomed A and her counterpart B"
    if not agents and lemma not in pat.call_verbs:
        objects += _including(verb, res, pat)
    objects = list(dict.fromkeys(objects))
    if not objects and not agents and any(c.dep_ in ("dobj", "obj") and _people_noun(c, pat) for c in verb.children):
        return []  # "A and B met a European delegation": they met people kg cannot name, not each other
    pairs = _pairs(subjects, objects)
    in_joint = any(p.dep_ == "prep" and p.lower_ in ("in", "at") and any(o.dep_ == "pobj" and _is_joint(o)
                                                                      for o in p.children) for p in verb.children)
    if lemma in ("host", "receive", "welcome") or in_joint and not agents:
        # "X hosted A and B", "A and B were received by X", "met A, B and C in a joint session": A, B and C met
        # each other too
        received = [c for c in verb.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
        came_together = [set(m.actors) for c in received
                         if (m := res.at(c.i)) is not None and m.kind == "pronoun" and len(m.actors) > 1]
        if came_together and any(j.dep_ == "acl" and j.lemma_.lower() in _WITH_VERBS for c in received
                                 for j in c.children):
            came_together.append(set(objects))  # "the same five, joined by X, were received": X came with them
        pairs += [p for p in _among(objects, res, verb)  # "received the two men": they came as one party
                  if not any(set(p) <= party for party in came_together)]
    elif not agents and lemma not in pat.call_verbs and lemma != "visit":  # "visited A in X and B in Y": apart
        pairs += _other_sides(objects, res, verb)
    sitting_in = [a for p in withs for c in p.children if c.dep_ == "pcomp" and c.lemma_.lower() == "sit"
                  for a in actors_under([n for n in c.children if n.dep_ in ("nsubj", "nsubjpass")], res)]
    if sitting_in and subjects and objects:  # "X was received by Y, with A and B sitting in": they were there too
        pairs += [(a, b) for a in sitting_in for b in dict.fromkeys(subjects + objects)
                  if a != b and not res.same_party(a, b)]
    gapped = [a for a in actors_under(_gapped_objects(verb), res) if a.type in ("Person", "Group")] \
        if not agents and lemma not in pat.call_verbs else []
    if gapped:  # "met A on Tuesday and then B": B apart from A
        pairs += [p for p in _pairs(subjects, gapped) if p not in pairs]
    alongside = _with_objects(verb, res, ("alongside",)) if lemma not in pat.call_verbs else []
    if alongside and subjects and objects:  # "A met B in Antalya, alongside C": C was at the meeting too
        pairs += [(a, b) for a in alongside for b in dict.fromkeys(subjects + objects)
                  if a != b and not res.same_party(a, b) and (a, b) not in pairs and (b, a) not in pairs]
    if (together and objects or each_other) and not agents:  # "A and B sat down together with C", "with each
        pairs += [p for p in _pairs(subjects, []) if not res.same_party(*p)]  # other": A and B met
    if not pairs:
        return []
    status, mode = modality.of_verb(verb, pat)
    if status == "happened" and verb.tag_ in ("VBZ", "VBP") and lemma not in pat.call_verbs \
            and not any(c.dep_ in ("aux", "auxpass") for c in verb.children) and _body_present(verb):
        status = "planned"  # the body reports the past; "when the two leaders meet on Thursday" is to come
    if lemma == "talk" and mode == "in person" and not any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children):
        return []
    face = lemma in ("speak", "talk") and mode == "in person" and (
        any(c.lower_ in ("directly", "privately") for c in verb.children)
        or "face to face" in verb.sent.text.lower() or "face-to-face" in verb.sent.text.lower()
        or any(t.lower_ == "presence" for t in verb.subtree))
    if called_on or face:
        mode = "in person"  # "Witkoff and Araghchi spoke directly for 45 minutes in the presence of the Omani minister"
    elif lemma in pat.call_verbs:
        if lemma == "speak" and mode == "in person":
            return []  # "X spoke with Y" alone does not say how; only calls are recorded
        mode = "video" if mode == "video" else "phone"
    rule = f"verb:{lemma}" + (":passive" if agents else "")
    found = _meetings(pairs, verb, status, mode, rule, res, article, norm)
    if subjects and not agents and lemma in ("visit", "meet", "host", "receive", "welcome"):
        # gapping: "visited Putin in Moscow in April and then Zelensky in Kyiv": the second object, with its own place
        for c in verb.children:
            if c.dep_ == "conj" and c.pos_ == "PROPN" and (m := res.at(c.i)) is not None \
                    and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children):
                gapped = [a for a in m.actors if a.type in ("Person", "Group") and a not in subjects]
                place = modality.location(c)
                found += [replace(f, location=place or f.location)
                          for f in _meetings(_pairs(subjects, gapped), verb, status, mode, rule, res, article, norm)]
    return found


def _seat_before(facing: Token) -> Token | None:
    """Return the "sat" that ", facing X" follows in its sentence ("sat alongside A, facing B"), wherever the
    parse hung the participle."""
    if facing.i == 0 or facing.doc[facing.i - 1].text != ",":
        return None
    if facing.head.lemma_.lower() in ("sit", "seat"):
        return facing.head
    return next((t for t in reversed(facing.doc[facing.sent.start: facing.i]) if t.lemma_.lower() in ("sit", "seat")
                 and t.pos_ == "VERB"), None)


def _hung_preps(verb: Token, word: str, res: Resolution) -> list[Token]:
    """Return the prepositions ``word`` the parse hung on a place or meal phrase of the verb rather than on the
    verb ("sat down over breakfast at a hotel with A", "seated at the head of a table between A and B"): reached
    from the verb through prepositions and their objects only, none of them an actor."""
    out = []
    for t in verb.subtree:
        if t.lower_ != word or t.dep_ != "prep" or t.head.i == verb.i:
            continue
        h = t.head
        while h.i != verb.i and h.dep_ in ("pobj", "prep") and res.at(h.i) is None and h.head.i != h.i:
            h = h.head
        if h.i == verb.i:
            out.append(t)
    return out


def _hung_with(verb: Token, res: Resolution) -> list[Actor]:
    """Return the actors after a "with" hung on a phrase of the verb (see ``_hung_preps``)."""
    return actors_under([o for t in _hung_preps(verb, "with", res) for o in t.children if o.dep_ == "pobj"], res)


def _inverted_across(verb: Token, res: Resolution) -> list[Actor]:
    """Return who "Across from X sat Y" puts X for: the subject the parse found before "sat", after "across"."""
    lead = next((c for c in verb.children if c.i < verb.i and c.lower_ in ("across", "opposite")), None)
    subj = [c for c in verb.children if c.dep_ == "nsubj"]
    if lead is None or not any(c.i > verb.i for c in subj):
        return []
    return actors_under([c for c in subj if lead.i < c.i < verb.i], res)


def _object_read_as_subject(verb: Token) -> list[Token]:
    """Return the "subjects" the parse put after a coordinated verb that has no object of its own: its objects."""
    if verb.dep_ != "conj" or verb.head.pos_ not in ("VERB", "AUX") or any(
            c.dep_ in ("dobj", "obj", "nsubjpass", "auxpass") for c in verb.children):
        return []
    subj = [c for c in verb.children if c.dep_ == "nsubj"]
    return subj if subj and all(c.i > verb.i for c in subj) else []


_TIME_PREPS = {"after", "before", "following", "since", "while", "upon", "without", "instead", "ahead"}


def _people_noun(tok: Token, pat: Patterns) -> bool:
    """True for a common noun naming people: "a European delegation", "executives", "the families of hostages"
    (not "met face to face", "met on the margins" parsed as an object)."""
    return tok.pos_ == "NOUN" and (tok.lemma_.lower() in _PEOPLE_NOUNS or tok.lower_ in _PEOPLE
                                   or tok.lower_ in pat.group_nouns)


def _in_headline(tok: Token) -> bool:
    """True if ``tok`` is in the article's first paragraph before the dateline (the headline's present tense)."""
    doc = tok.doc
    before = doc[:tok.sent.start].text if tok.sent.start else ""
    return "\n" not in before and "\n" in doc[tok.sent.end:].text  # a text of one paragraph has no headline


_TIME_STAMP = re.compile(r"\s*\d{1,2}[:.]\d{2}\b")


def _body_present(tok: Token) -> bool:
    """True if a present tense at ``tok`` tells what is to come: in the body ("when the two leaders meet on
    Thursday"), not in the headline's present nor in a live-blog entry's."""
    return not _in_headline(tok) and not _live_entry(tok)


def _live_entry(tok: Token) -> bool:
    """True if ``tok`` is in a paragraph opening with a time stamp ("10:05 — The talks begin."): a live blog's
    present tense tells what is happening, not what is to come."""
    text = tok.doc.text
    start = text.rfind("\n", 0, tok.sent.start_char) + 1
    return _TIME_STAMP.match(text, start) is not None


_SURFACE_VERBS = {"met", "hosted", "received", "welcomed", "visited",
                  "meets", "hosts", "receives", "welcomes", "visits", "greets"}  # "Anwar greets/NOUN Trump/VERB"
_CONTROL_VERBS = {"send", "dispatch", "ask", "invite", "urge", "press", "tell", "instruct", "encourage", "persuade",
                  "authorize", "authorise", "challenge", "allow", "leave"}  # "sent Y to meet X": Y meets
_WORDS = patterns_mod.word_sets()  # data/patterns/people.json
_PEOPLE_NOUNS = _WORDS["people_nouns"]
_PLURAL_ROLES = _WORDS["plural_roles"]
_PEOPLE = _PLURAL_ROLES | _WORDS["plural_nouns"]  # plural nouns for people
_SKIPPABLE = {"DET", "ADJ", "PROPN", "NOUN", "PRON", "NUM"}


def _surface_objects(verb: Token, res: Resolution, pat: Patterns) -> list[Actor]:
    """Return the actors named right after ``verb`` (see ``surface_list``)."""
    return surface_list(verb, res, pat)[0]


def surface_list(verb: Token, res: Resolution, pat: Patterns) -> tuple[list[Actor], list[Actor]]:
    """Return the actors named right after ``verb``, joined by "and" or commas, read off the token sequence.

    A fallback for parses that break long coordinations of titled names.
    Titles and other modifiers between names are skipped; a preposition,
    verb or possessive ends the list ("met A, the head of B's fund" gives A).
    """
    doc = verb.doc
    end = next((t.i for t in doc[verb.i:] if t.text in (".", "!", "?", ";") or "\n" in t.text), len(doc))
    found: list[Actor] = []
    modifiers: list[Actor] = []  # names read as modifiers: "Qatar's Emir X", "Hamas negotiator Y"
    i, skipped = verb.i + 1, 0
    if i < end and doc[i].lower_ == "with" and verb.lower_ != "with":
        i += 1  # "met with A and B"
    owners_of = False  # inside "the foreign ministers of Germany, France and Britain — ..."
    while i < end:
        if doc[i].text in ("—", "--", "–"):
            i, skipped, owners_of = i + 1, 0, False
            continue
        if owners_of and doc[i].lower_ in (",", "and"):
            i += 1
            continue
        if doc[i].lower_ in ("of", "from") and i > 0 and (doc[i - 1].lower_ in pat.role_nouns
                                                          or doc[i - 1].lower_ in _PLURAL_ROLES) \
                and any(t.text in ("—", "--", "–") or (m := res.at(t.i)) is not None and m.kind == "name"
                        and any(a.type == "Person" for a in m.actors) for t in doc[i: min(end, i + 12)]):
            # "the foreign ministers of Germany, France and Britain — A, B and C", "his counterparts from
            # Britain, France and Germany, A, B and C"
            i, owners_of = i + 1, True
            continue
        m = res.at(i)
        if m is not None and owners_of and not (m.kind == "name" and any(a.type == "Person" for a in m.actors)):
            modifiers.extend(m.actors)
            i = m.end
            continue
        if m is not None and owners_of:
            owners_of = False  # the list of countries has ended at a person's name
        if m is not None and m.kind != "pronoun" and m.start >= i - skipped:
            nxt = doc[m.end] if m.end < end else None
            if nxt is not None and skipped < 5 and not nxt.ent_type_ in ("DATE", "TIME") and (
                    nxt.pos_ in ("NOUN", "PROPN", "ADJ") and not (nxt.lower_.endswith("ly") and nxt.is_lower)
                    or nxt.lower_ in pat.role_nouns or nxt.tag_ == "POS"):  # not "met Trump briefly/NOUN"
                titled = next((n for j in (m.end, m.end + 1) if (n := res.at(j)) is not None and n.start == j), None)
                if m.kind in ("role", "named-role") and titled is not None and titled.actors == m.actors:
                    i, skipped = titled.start, 0  # "Emirati Foreign Minister/role Sheikh A": the title of the name
                    continue
                modifiers.extend(m.actors)  # "Hamas negotiator X", "U.S. envoy X", "Qatar's emir X"
                i, skipped = m.end + (nxt.tag_ == "POS"), skipped + (m.end - m.start)
                continue
            after = _after_apposition(doc, m.end, end)
            if found and after < end and doc[after].pos_ in ("VERB", "AUX"):
                break  # "..., and Defense Secretary Lloyd Austin is scheduled to ...": a new clause
            led = _led_by(doc[m.root], res) if m.kind == "group" else []
            found.extend(led or m.actors)  # "met a delegation led by X": the delegation, through its leader
            i, skipped = after, 0
            if i + 1 < end and doc[i].lower_ in ("in", "at") and doc[i + 1].ent_type_ in ("GPE", "LOC", "FAC"):
                j = i + 1  # "visited A in Kyiv and B in St Petersburg": a place after each name
                while j < end and doc[j].ent_type_ in ("GPE", "LOC", "FAC"):
                    j += 1
                if j < end and doc[j].lower_ in (",", "and"):
                    i = j
            if i < end and doc[i].text in ("—", "--", "–"):
                i += 1  # the end of "— A, B and C —"
            if i < end and doc[i].lower_ == ",":
                i += 1
            if i + 2 < end and doc[i].lower_ == "as" and doc[i + 1].lower_ == "well" and doc[i + 2].lower_ == "as":
                i += 3
                continue
            if i < end and doc[i].lower_ == "and":
                i += 1
            if i < end and doc[i - 1].lower_ in (",", "and"):
                continue
            break
        t = doc[i]
        if t.text == "," and i > 0 and (doc[i - 1].lower_ in pat.role_nouns or doc[i - 1].lower_ in _PLURAL_ROLES):
            i += 1  # "the foreign ministers, A and B"
            continue
        if (t.pos_ in _SKIPPABLE or t.lower_ in pat.role_nouns) and skipped < 5 and t.tag_ != "POS" \
                and t.lower_ not in ("who", "which", "that"):
            skipped += 1
            i += 1
            continue
        break
    return found, [a for a in modifiers if a not in found]


def _listed(tok: Token, res: Resolution, pat: Patterns, found: Iterable[Actor] = ()) -> list[Actor]:
    """Return ``found`` and the actors named right after ``tok`` (``surface_list``), less those read as
    modifiers ("Hamas negotiator X": Hamas)."""
    listed, modifiers = surface_list(tok, res, pat)
    return [a for a in dict.fromkeys([*found, *listed]) if a not in modifiers]


def _surface_subjects(verb: Token, res: Resolution) -> list[Actor]:
    """Return the names listed right before ``verb``, joined by "and" or commas, titles skipped."""
    doc = verb.doc
    i = verb.i - 1
    while i >= 0 and doc[i].pos_ in ("ADV", "AUX", "PART") and doc[i].lower_ not in ("not", "n't", "never"):
        i -= 1  # "A and B also met", "had met"
    if i >= 0 and doc[i].text == ",":
        i -= 1  # "..., Syria's intelligence chief, Hussein al-Salama, met"
        if res.at(i) is None:  # "A and B, President Donald Trump's son-in-law, met": over the apposition
            k = i
            while k > 0 and i - k < 12 and doc[k].text != "," and doc[k].pos_ not in ("VERB", "AUX"):
                k -= 1
            if doc[k].text == "," and (m := res.at(k - 1)) is not None and m.kind == "name":
                i = k - 1

    def modifier(k: int) -> bool:
        m = res.at(k)
        if doc[k].ent_type_ in ("DATE", "TIME"):
            return False  # "On Friday Blinken also met": the date is no title
        if doc[k].lower_ == "of" and 0 < k < len(doc) - 1 and doc[k - 1].is_title and doc[k + 1].is_title:
            return True  # "Secretary of State Marco Rubio"
        return (doc[k].pos_ in ("PROPN", "NOUN", "ADJ", "DET", "PART") or doc[k].tag_ == "POS") \
            and doc[k].lower_ != "and" and (m is None or m.kind == "named-role" or all(a.type != "Person" for a in m.actors))
    found: list[Actor] = []
    while i >= 0:
        m = res.at(i)
        if m is None or m.end != i + 1 or m.kind == "pronoun" and found:
            break
        found[:0] = list(m.actors)
        j = m.start - 1
        while j >= 0 and m.start - j <= 6 and modifier(j):
            j -= 1  # titles: "Trade Representative", "European Council President", "Syria's intelligence chief"
        if j >= 0 and doc[j].text == ",":  # an apposition opened before the name: "the head of X, NAME"
            k = j - 1
            while k >= 0 and j - k <= 7 and modifier(k):
                k -= 1
            if k >= 0 and doc[k].lower_ == "and":
                j = k
        if j >= 0 and doc[j].lower_ in ("and", ","):
            i = j - 1
            if i >= 0 and doc[i].text == ",":
                i -= 1
            continue
        if j >= 0 and doc[j].lower_ in ("after", "before", "since", "until", "once", "while", "when"):
            break  # "came after A and B met C": a clause opens there, whatever the parse made of it
        if j >= 0 and doc[j].pos_ in ("ADP", "VERB"):
            # "calls with A, B and C, and Vance spoke", "X, who has yet to meet with Y, met Z": the names
            # belong to the preposition or verb before them, not to this verb
            return []
        break
    return list(dict.fromkeys(found))


def _after_apposition(doc: Doc, i: int, end: int) -> int:
    """Return the index after ", the head of X's fund," following a name at ``i`` (or ``i`` if none)."""
    if i + 1 >= end or doc[i].text != ",":
        return i
    relative = doc[i + 1].lower_ in ("who", "whose")  # ", who leads the Ukrainian delegation,"
    if not relative and not (doc[i + 1].lower_ in ("the", "a", "an", "his", "her") or doc[i + 1].tag_ in ("NNP", "JJ")):
        return i
    for j in range(i + 1, min(end, i + 16)):
        if not relative and (doc[j].pos_ in ("VERB", "AUX") or doc[j].lower_ in ("who", "which", "whose")):
            return i
        if not relative and doc[j].ent_type_ == "PERSON" and doc[j].text != ",":
            k = j
            while k + 1 < end and doc[k + 1].ent_type_ == "PERSON":
                k += 1
            if not (k + 1 < end and (doc[k + 1].tag_ == "POS" or doc[k + 1].text in ("'s", "'"))):
                return i  # ", Jean-Noel Barrot and Johann Wadephul,": the list goes on (but ", Zelensky's chief
                # of staff," is an apposition)
        if doc[j].text == ",":
            return j  # at the closing comma: the caller steps over it and "and"
    return i


def _surface_meeting(tok: Token, res: Resolution, pat: Patterns, article: Article, norm: Normalized) -> list[Fact]:
    """"NATO Secretary General Jens Stoltenberg hosted A and B", parsed as a noun phrase: read names around the verb."""
    before = [m for m in res.mentions if m.end == tok.i and m.kind != "pronoun"]
    objects = _surface_objects(tok, res, pat)
    if not before or not objects:
        return []
    subjects = list(before[-1].actors)
    lemma = tok.lemma_.lower() if tok.lemma_.lower() in pat.meeting_verbs else tok.lower_
    if lemma in ("visited", "visit") and not any(a.type != "Country" for a in objects):
        return []
    pairs = _pairs(subjects, objects)
    if tok.lower_ in ("hosted", "received", "welcomed", "hosts", "receives", "welcomes"):
        pairs += _among(objects, res)
    status, mode = modality.of_verb(tok, pat)
    if status == "happened" and not tok.lower_.endswith("ed") and tok.lower_ != "met" and _body_present(tok):
        status = "planned"  # as for a verb the parse read: the body's present is to come
    return _meetings(pairs, tok, status, mode, f"surface:{tok.lower_}", res, article, norm)


def _possessors(noun: Token, res: Resolution) -> list[Actor]:
    """Return the actors named as the noun's possessor ("Zelensky's meeting", "his visit")."""
    return [a for c in noun.children if c.dep_ == "poss" and (m := res.at(c.i)) is not None for a in m.actors]


def _separate_withs(noun: Token, support: Token | None) -> bool:
    """True for "talks with A and with B": a second "with" of its own, so A and B were at separate meetings; also
    "meetings with A and B", in the plural."""
    if noun.lower_ in ("meetings", "sessions", "encounters"):
        return True
    withs = [p for t in (noun, support) if t is not None for p in t.children if p.dep_ in ("prep", "conj")
             and p.lower_ == "with"]
    return any(c.lower_ == "with" and c.dep_ == "conj" for p in withs for c in p.children) or len(withs) > 1 \
        or any(c.lower_ == "with" and c.dep_ == "conj" for c in noun.doc[noun.i: noun.sent.end]
               if c.head.lower_ == "with")


def _nominal_meeting(noun: Token, res: Resolution, pat: Patterns, article: Article, norm: Normalized) -> list[Fact]:
    if noun.dep_ == "compound":
        return []
    preps = _nominal_preps(noun)
    between = actors_under([o for p in preps if p.lower_ in ("between", "among") for o in p.children], res)
    withs = actors_under([o for p in preps if p.lower_ == "with" for o in p.children], res)
    withs += actors_under([o for p in preps if p.lower_ == "with" for c in p.conjuncts if c.lower_ == "with"
                           for o in c.children], res)  # "talks with A and with B"
    for p in preps:
        if p.lower_ == "with" and p.head.i == noun.i:
            withs = _listed(p, res, pat, withs)
        if p.lower_ in ("between", "among") and p.head.i == noun.i:
            between = _listed(p, res, pat, between)  # "between Vice Premier He Lifeng and EU trade commissioner
            # X": titles break parses
    if not between and not withs and noun.dep_ == "pobj" and noun.head.lower_ == "of" \
            and noun.head.head.lower_ in _MEASURES and noun.head.head.head.pos_ in ("VERB", "AUX"):
        # "followed five hours of talks that morning between Blinken and Wang Yi": the parse hangs "between" on the verb
        for p in noun.head.head.head.children:
            if p.dep_ == "prep" and p.lower_ == "between" and p.i > noun.i:
                between = _listed(p, res, pat, actors_under([p], res))
    owners = _possessors(noun, res)
    owners += [a for c in noun.children if c.dep_ == "compound" for p in c.children  # "Zelensky's Oval Office
               if p.dep_ == "poss" and (m := res.at(p.i)) is not None for a in m.actors]  # meeting with X"
    governing = pat.support_verbs | pat.cancel_verbs | pat.refuse_verbs | pat.planning_verbs
    held = noun
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ in _MEASURES:
        held = noun.head.head  # "held 30 minutes of talks with X", "several rounds of talks"
    support = held.head if held.dep_ in ("dobj", "obj") and held.head.lemma_.lower() in governing else None
    courtesy = noun.lemma_.lower() == "call" and any(c.lower_ == "courtesy" for c in noun.children)
    if courtesy:  # "paid a courtesy call on X": a visit, not a telephone call
        withs += actors_under([o for p in preps if p.lower_ == "on" for o in p.children], res)
        support = noun.head if noun.dep_ in ("dobj", "obj") and noun.head.pos_ == "VERB" else None
    if support is None and not courtesy:
        # the parse made the support verb a modifier of its own object: "Trump held/amod talks/ROOT with X"
        support = next((c for c in noun.children if c.dep_ in ("amod", "acl") and c.i < noun.i
                        and c.lemma_.lower() in pat.support_verbs and c.tag_ in ("VBD", "VBZ", "VBP", "VBN")), None)
        if support is not None and not any(c.dep_ == "nsubj" for c in support.children):
            before = _surface_subjects(support, res)
            owners += before
            if not before:
                support = None
    if support is not None:
        subj, _ = _subjects(support, res)
        listed = _surface_subjects(support, res)
        if listed and set(subj) <= set(listed):
            subj = listed  # "Grossi and Foreign Minister Abbas Araghchi held talks", parsed as one noun phrase
        if between and support.lemma_.lower() not in ("hold", "have", "begin", "start", "open", "conclude", "end") \
                and (support.lemma_.lower() != "host" or modality.of_noun(noun, pat, support)[0] != "happened"):
            subj = []  # "Umerov proposed / Erdogan offered to host a meeting between Putin and Zelensky": he would
            # arrange it, not sit in it (but "Barrack hosted the meeting between A and B" sat in it)
        owners += subj
        withs += _with_objects(support, res)
        for p in support.children:
            if p.dep_ == "prep" and p.lower_ == "with":  # "held a joint meeting on Thursday with A and B"
                withs = _listed(p, res, pat, withs)
        if noun.lower_ in _MEALS and support.lemma_.lower() in ("host", "hold"):
            # "hosted a dinner for X", "held a banquet in honour of X"
            for p in preps:  # also "hosted a dinner at the Chancellery for A, B and C"
                if p.lower_ == "for":
                    withs += _listed(p, res, pat, _with_objects(noun, res, ("for",)))
            withs += actors_under(
                [o for p in noun.children if p.lower_ == "in" for h in p.children if h.lower_ in ("honour", "honor")
                 for q in h.children if q.lower_ == "of" for o in q.children], res)
    if not owners and not between and support is None and not withs \
            and any(c.dep_ == "poss" and c.lower_ == "their" for c in noun.children):
        # "A and B discussed trade during their meeting in Ankara", "after their talks": the clause's subjects
        verb = next((t for t in noun.ancestors if t.pos_ in ("VERB", "AUX")), None)
        subj = _subjects(verb, res)[0] if verb is not None else []
        if len(subj) >= 2:
            between += subj  # they met each other
    frame = None
    if not owners and not between and support is None and withs and held.dep_ == "pobj" \
            and held.head.lower_ in _FRAME_PREPS:
        # "Witkoff flew to Jerusalem for a meeting with X", "began the day with a meeting with X",
        # "after talks with X in Ankara, Y flew on", "went into talks with X", "emerged from four hours of talks"
        frame = held.head.head
        if frame.dep_ == "npadvmod" and frame.pos_ == "NOUN":
            frame = frame.head  # "made a stop in Delhi the same day/npadvmod for talks with X": the parse hung "for" on the time
        if frame.pos_ in ("VERB", "AUX"):
            owners += _subjects(frame, res)[0]
        else:
            frame = None
    joined_for = not owners and not between and support is None and not withs and held.dep_ == "pobj" \
        and held.head.lower_ == "for" and held.head.head.lemma_.lower() == "join" and held.head.head.pos_ == "VERB"
    if joined_for:  # "Modi joined Ramaphosa and Lula on Saturday for a meeting of the IBSA grouping": all three met
        frame = held.head.head
        owners += _subjects(frame, res)[0]
        withs += _listed(frame, res, pat, actors_under([c for c in frame.children if c.dep_ in ("dobj", "obj")], res))
    trip = modality.trip_for(held)
    if not owners and not between and support is None and withs and trip is not None:
        # "a visit to Tehran by X for talks with Y has been postponed": the traveller
        owners += _with_objects(trip, res, ("by",)) + _possessors(trip, res)
    if withs or any(p.lower_ == "with" for p in preps) or support is not None and any(
            p.dep_ == "prep" and p.lower_ == "with" for p in support.children):  # "convened a roundtable ... with
        withs += _including(noun, res, pat)  # leaders including A, B and C"
    left = list(dict.fromkeys(between + owners))
    right = list(dict.fromkeys(withs))
    if not right and owners and not between and support is None:
        return []  # "Putin's talks" alone names one side only
    if not right and not between and any(
            p.lower_ == "with" and not any(o.lower_ in ("other", "another") for o in p.children)
            for t in (noun, support) if t is not None for p in t.children if p.dep_ == "prep"):
        return []  # "A and B had dinner with their Russian guest": with someone kg cannot name, not each other
    pairs = _pairs(left, right)
    if _is_joint(noun) or joined_for or noun.lower_ in _MEALS and support is not None \
            and support.lemma_.lower() == "host":
        pairs += _among(right, res)  # everyone at a joint meeting, or at one hosted dinner, met
    elif left and not _separate_withs(noun, support):  # ("talks with A and with B": two meetings)
        pairs += _other_sides(right, res, noun)
    if not pairs:
        return []
    status, mode = modality.of_noun(noun, pat, support)
    if status == "happened" and frame is not None and frame.tag_ in ("VBZ", "VBP") and _body_present(frame) \
            and noun.head.lower_ == "for" and frame.lemma_.lower() in _TRAVEL \
            and not any(c.dep_ in ("aux", "auxpass") for c in frame.children):
        status = "planned"  # "Xi travels to Budapest on Thursday for talks with Orban": the body's present is to come
    if courtesy:
        mode = "in person"
    rule = "noun:" + noun.lower_ + (":" + support.lemma_ if support is not None else "")
    return _meetings(pairs, noun, status, mode, rule, res, article, norm)


_MEASURES = {"minutes", "hours", "days", "rounds", "round", "weeks", "sessions", "year", "years", "months", "month",
             "morning", "afternoon", "evening", "night",
             "week", "day", "hour"}
_FRAME_PREPS = {"for", "on", "with", "after", "during", "following", "in", "at", "into", "from"}
_MEALS = {"dinner", "lunch", "breakfast", "banquet", "reception"}
_WITH_VERBS = {"join", "accompany"}
_JOIN_VERBS = {"attend", "chair", "join", "mediate", "moderate", "open", "host", "accompany", "bring", "flank",
               "sit", "seat"}


def _last_participants(facts: list[Fact], before: int = -1, everyone: bool = False, place: str = "",
                       only_there: bool = False) -> tuple[Actor, ...]:
    """Return everyone in the latest meeting that happened, to resolve "the talks" in a later sentence.

    With ``before`` (an offset in the original text), only a meeting read in the 600 characters before counts;
    with ``everyone``, the participants of all those meetings (both sides of talks told in several sentences);
    with ``place``, the latest meeting held there if there is one ("present at the talks in Kyiv"), and with
    ``only_there`` a meeting held there or none ("sat in on the Istanbul talks").
    """
    meetings = [f for f in facts if isinstance(f, Meeting) and f.happened_in_person
                and (before < 0 or before - 600 <= f.evidence.start <= before)]
    if place and only_there:
        meetings = [m for m in meetings if m.location == place]
    elif place:
        meetings = [m for m in meetings if m.location == place] or meetings
    if not meetings:
        return ()
    if everyone:
        return tuple(dict.fromkeys(a for m in meetings for a in m.participants))
    last = meetings[-1]
    same = [m for m in meetings if m.evidence.start == last.evidence.start and m.evidence.rule == last.evidence.rule]
    return tuple(dict.fromkeys(a for m in same for a in m.participants))


def _same_talks(found: list[Fact], facts: list[Fact]) -> list[Fact]:
    """Give meetings joined to "the talks" the place and date of the meeting they joined, when their sentence has none."""
    earlier = [f for f in facts if isinstance(f, Meeting) and f.happened_in_person]
    if not earlier:
        return found
    last = earlier[-1]
    return [replace(f, location=f.location or last.location, date=f.date or last.date)
            if isinstance(f, Meeting) else f for f in found]


def _same_level(a: Actor, b: Actor) -> bool:
    """True unless one is a country and the other is not: people at "talks between Russia and Ukraine" meet people."""
    return (a.type == "Country") == (b.type == "Country")


def _definite_meeting(noun: Token, pat: Patterns) -> bool:
    """True for "the talks", "that meeting": the meeting just reported (not "the summit" of many leaders)."""
    return _is_meeting_noun(noun, pat) \
        and noun.lemma_.lower() not in _GATHERINGS \
        and any(c.lower_ in ("the", "these", "those", "that") or c.lower_ == "their" and noun.dep_ in (
            "nsubj", "nsubjpass")  # "Their meeting was attended by X"
            or c.dep_ in ("poss", "compound") and c.lower_ in _PLURAL_ROLES | {"men", "women"}
            and any(d.lower_ == "the" for d in c.children)  # "joined the two leaders' talks"
            for c in noun.children)


_GATHERINGS = {"summit", "session", "conference", "forum", "reception", "banquet"}
_PARTS_OF_TALKS = {"minute", "part", "opening", "start", "beginning", "hour", "portion", "round", "session"}


def _joined(verb: Token, res: Resolution, pat: Patterns, article: Article, norm: Normalized,
            earlier: tuple[Actor, ...], chairs: list[Actor]) -> list[Fact]:
    """"X attended the talks", "the talks were chaired by X": X joins the latest meeting's participants.

    Without such talks named, one of the rules below reads the verb: brought together, joined by, sat between,
    at someone's side, brought along, joined by video, joined the talks between A and B.
    """
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and (
        _definite_meeting(c, pat) or c.lower_ in ("round", "session") and any(d.lower_ == "the" for d in c.children)
        or c.lower_ == "it" and _told_just_before(verb, pat))]  # "A met B. It was hosted by X"
    if not objects and verb.dep_ == "relcl" and _definite_meeting(verb.head, pat) and any(
            c.dep_ in ("nsubjpass", "dobj") and c.tag_ == "WDT" for c in verb.children):
        objects = [verb.head]  # "That meeting, which was hosted by X, produced no agreement"
    if not objects and _sits_in(verb):
        # "Rubio and Bondi sat in on the talks": they were at the meeting just reported
        # (or on a part of them: "sat in on the opening minutes")
        objects = [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "on"
                   for o in p.children if o.dep_ == "pobj" and (_definite_meeting(o, pat) or any(
                       d.lower_ == "the" for d in o.children) and o.lemma_.lower() in _PARTS_OF_TALKS)]
        if not any(p.dep_ == "prep" and p.lower_ == "on" for p in verb.children):
            objects = [verb]  # "Rubio sat in, as did X": on the talks just reported
    status, mode = modality.of_verb(verb, pat)
    if not objects and verb.lemma_.lower() == "join" and earlier and not any(c.dep_ == "agent" for c in verb.children):
        objects = _joined_them(verb, res, earlier)
    if verb.lemma_.lower() == "bring" and any(t.lower_ == "together" and t.dep_ in ("advmod", "prt")
                                              for t in verb.subtree if t.head.i in (verb.i, *(c.i for c in verb.children))):
        pairs = _brought_together(verb, res, pat)
        return _meetings(pairs, verb, status, mode, "verb:bring:together", res, article, norm)
    agents = _agent_phrases(verb) if any(c.dep_ == "agent" for c in verb.children) else []
    if not objects:
        lemma = verb.lemma_.lower()
        rule, pairs = "", []
        if lemma in ("join", "accompany", "flank") and agents and earlier and mode == "in person":
            rule, pairs = f"verb:{lemma}:passive", _joined_by(verb, agents, res, pat, earlier)
        elif lemma in ("sit", "seat") and not agents and mode == "in person" and (any(
                p.dep_ == "prep" and p.lower_ == "between" for p in verb.children) or _hung_preps(verb, "between", res)):
            rule, pairs = "verb:sit:between", _sat_between(verb, res, pat)
        elif lemma == "sit" and not agents and earlier and mode == "in person" and _across_the_table(verb, res):
            rule, pairs = "verb:sit:across", [(a, b) for a in actors_under(_after_the_verb(verb), res) for b in earlier
                                              if a != b and _same_level(a, b) and not res.same_party(a, b)]
        elif lemma in ("accompany", "sit", "flank") and not agents and earlier and mode == "in person":
            rule, pairs = f"verb:{lemma}:side", _at_their_side(verb, res, earlier)
        elif lemma == "bring" and earlier and mode == "in person":
            rule, pairs = "verb:bring", _brought_along(verb, res, pat, earlier)
        elif lemma == "join" and mode != "in person" and not any(c.dep_ in ("dobj", "nsubjpass")
                                                                 for c in verb.children):
            rule, pairs = "verb:join", [(a, b) for a in _subjects(verb, res)[0] for b in earlier if a != b]
        elif lemma == "attend" and earlier and mode == "in person" and not any(
                c.dep_ in ("dobj", "obj") for c in verb.children) and any(
                p.dep_ == "prep" and p.lower_ == "as" for p in verb.children):
            # "The US and Chinese ambassadors attended as observers": they were at the meeting just reported
            rule, pairs = "verb:attend:as", [(a, b) for a in _surface_subjects(verb, res) or _subjects(verb, res)[0]
                                             for b in earlier if a != b and _same_level(a, b)
                                             and not res.same_party(a, b) and a.type in ("Person", "Group")]
        elif lemma in ("join", "attend"):
            talks, named = _talks_between(verb, res, pat)
            if talks is not None and not any(a.type in ("Person", "Group") for a in _subjects(verb, res)[0]):
                return []
            if talks is not None:
                objects, earlier = [talks], named
        if rule:
            return _meetings(pairs, verb, status, mode, rule, res, article, norm)
    if not objects:
        return []
    passive = objects[0].dep_ == "nsubjpass" or objects[0].i == verb.head.i != verb.i and bool(agents)  # "talks,
    # which were hosted by X" (but "talks, which X hosted" has X for its subject)
    who = actors_under([g for c in agents for g in c.children], res) + \
        [a for c in agents for a in surface_list(c, res, pat)[0]] if passive \
        else _subjects(verb, res)[0]
    if not passive and who:  # "Secretary of State Marco Rubio and Attorney General Pam Bondi
        who = list(dict.fromkeys(_surface_subjects(verb, res) + who))  # sat in": the list the parse broke
        who += [a for a in _as_too(verb, "do", res) if a not in who]  # "A and B joined the meeting, as did C"
    if not earlier:
        chairs.extend(who)  # "The talks were chaired by X. Present at the talks were A and B."
        return []
    pairs = [(a, b) for a in who for b in earlier if a != b and _same_level(a, b) and not res.same_party(a, b)
             and a.type != "Organization"]
    pairs += _other_sides(who, res, verb, any_length=True)  # "Wang Yi and Vucevic joined the expanded round"
    if not pairs:
        return []
    return _meetings(pairs, objects[0], status, mode, f"verb:{verb.lemma_.lower()}:talks", res, article, norm)


def _told_just_before(verb: Token, pat: Patterns) -> bool:
    """True when the sentence before ``verb``'s reports a meeting, so "it" there can be that meeting."""
    start = verb.sent.start
    return start > 0 and any(t.lemma_.lower() in pat.meeting_verbs and t.pos_ == "VERB" or _is_meeting_noun(t, pat)
                             for t in verb.doc[start - 1].sent)


def _drafted_at_talks(verb: Token, res: Resolution, pat: Patterns, article: Article, norm: Normalized) -> list[Fact]:
    """"The plan was drawn up by A and B during three days of talks in Miami", "drafted by A and B at a meeting":
    those who drew it up together at talks met."""
    talks = [o for p in verb.children if p.dep_ == "prep" and p.lower_ in ("during", "at", "over", "in")
             for o in p.children if o.dep_ == "pobj"]
    talks += [g for o in talks for q in o.children if q.dep_ == "prep" and q.lower_ == "of"
              for g in q.children if g.dep_ == "pobj"]  # "during three days of talks"
    talks = [t for t in talks if _is_meeting_noun(t, pat) and t.lemma_.lower() not in _GATHERINGS]
    if not talks:
        return []
    people = [a for a in _named_by(verb, res, pat) if a.type in ("Person", "Group")]
    pairs = [p for p in _pairs(people, []) if not res.same_party(*p)]
    if not pairs:
        return []
    status, mode = modality.of_noun(talks[0], pat, None)
    return _meetings(pairs, talks[0], status, mode, "verb:draft:at-talks", res, article, norm)


_OFFICES = {"power", "presidency", "control", "command", "office", "chairmanship", "chair", "reins", "baton", "post"}


def _handed(verb: Token, res: Resolution, pat: Patterns, article: Article, norm: Normalized) -> list[Fact]:
    """"Gargash handed the letter to Araghchi in Tehran", "travelled to Tehran to hand Araghchi a proposal": a
    person putting something into another person's hands met him (what was handed may be a plan as well)."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    recipients = [c for c in verb.children if c.dep_ == "dative" and c.lower_ != "to"]
    if len(objects) > 1:  # "handed Araghchi a proposal" parsed with two objects: the first is the person
        recipients.append(min(objects, key=lambda o: o.i))
    recipients += [o for p in verb.children if p.dep_ in ("dative", "prep") and p.lower_ == "to"
                   for o in p.children if o.dep_ == "pobj"]
    if any(o.lemma_.lower() in _OFFICES for o in objects):
        return []  # "handed over the presidency to Medvedev": an office changed hands
    takers = [a for a in actors_under(recipients, res) if a.type == "Person"]
    subjects, agents = _subjects(verb, res)
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    givers = [a for a in (agents if passive else subjects) if a.type == "Person"]  # ("the plan, drawn up by A,
    # was handed to B": the passive's subject is the thing handed, and no one is named handing it)
    pairs = [(a, b) for a in givers for b in takers if a != b]
    status, mode = modality.of_verb(verb, pat)
    if not pairs or mode != "in person":
        return []
    return _meetings(pairs, verb, status, mode, f"verb:{verb.lemma_.lower()}", res, article, norm)


def _joined_them(verb: Token, res: Resolution, earlier: tuple[Actor, ...]) -> list[Token]:
    """"Guterres then joined them", "Ulyanov and Wang Qun joined the two men for the session": whom they joined
    were at the meeting just reported, and so were they. Returns the objects standing for that meeting."""
    joined = actors_under([c for c in verb.children if c.dep_ in ("dobj", "obj")], res)
    stance = any(p.dep_ == "prep" and p.lower_ == "in" and any(o.tag_ == "VBG" for o in p.children)
                 for p in verb.children)  # "Zelensky joined Macron in condemning the strike": no meeting
    if joined and set(joined) <= set(earlier) and not stance:
        return [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    return []


def _brought_together(verb: Token, res: Resolution, pat: Patterns) -> list[tuple[Actor, ...]]:
    """"The meeting brought together A and B", "Erdogan brought Putin and Zelensky together": they all met."""
    guests = actors_under([c for c in verb.children if c.dep_ in ("dobj", "obj")], res)
    guests = _listed(verb, res, pat, guests)
    subject = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subject or not (res.at(subject[0].i) is not None or subject[0].lemma_.lower() in pat.meeting_nouns
                           | _GATHERINGS):
        return []  # "Opposition to the tariffs has brought Macron and Meloni together": no meeting
    hosts = [a for a in _subjects(verb, res)[0] if a.type == "Person"]
    across = _brought_with(verb, res)
    if across:  # "brought together A and B with a Ukrainian team led by C": A and B sat across from C's side
        pairs = _pairs(hosts, guests + across) + [(a, b) for a in guests for b in across if a != b]
        return [p for p in pairs if not res.same_party(*p) and _same_level(*p)]
    return [p for p in _pairs(hosts, guests) + _pairs(guests, []) if not res.same_party(*p) and _same_level(*p)]


def _brought_with(verb: Token, res: Resolution) -> list[Actor]:
    """Return the other side of "brought together A with B": B, a group's leader and those it included
    ("with a Ukrainian team led by C, and including D")."""
    heads = [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "with" for o in p.children if o.dep_ == "pobj"]
    if not heads:
        return []
    side = actors_under(heads, res) + [a for h in heads for a in _led_by(h, res)]
    side += actors_under([o for t in verb.sent if t.lower_ == "including" and t.i > heads[0].i
                          for o in t.children if o.dep_ == "pobj"], res)
    return list(dict.fromkeys(side))


def _joined_by(verb: Token, agents: list[Token], res: Resolution, pat: Patterns, earlier: tuple[Actor, ...]
               ) -> list[tuple[Actor, ...]]:
    """"Biden was joined by Sullivan and Nuland": they sat with the other side of the meeting just reported."""
    who = actors_under([g for c in agents for g in c.children], res) + \
        [a for c in agents for a in surface_list(c, res, pat)[0]]
    who = [a for a in dict.fromkeys(who) if a not in earlier]
    joined = set(_subjects(verb, res)[0])  # whom they joined is their own side
    if joined and not joined & set(earlier):
        return []  # "Rubio's motorcade pulled in. He is accompanied by A and B": Rubio was not at the last meeting
    whole = len(joined) > 1 and set(earlier) <= joined  # "the two men were joined at dinner by X": both sides
    pairs = [(a, b) for a in who for b in earlier if a != b and (whole or b not in joined) and _same_level(a, b)
             and not res.same_party(a, b)]
    if verb.dep_ in ("acl", "advcl"):  # "a session ..., joined by Foreign Ministers A and B": across from each other
        pairs += _other_sides(who, res, verb, any_length=True)
    # gapping: "Biden was joined by A and B, and Putin by C and D": C and D sat with Putin, across from
    # Biden, A and B
    other, theirs = _gapped_side(verb, res, pat, earlier)
    if other is not None:
        mine = [a for a in dict.fromkeys([*joined, *who]) if a != other]
        pairs = [(a, b) for a, b in pairs if b != other or a not in theirs]
        pairs += [(c, m) for c in theirs for m in mine if c != m and not res.same_party(c, m)]
    return pairs


def _sat_between(verb: Token, res: Resolution, pat: Patterns) -> list[tuple[Actor, ...]]:
    """"Fidan sat between the two delegations, headed by A and B": he sat with both, and they faced each other."""
    between = [p for p in verb.children if p.dep_ == "prep" and p.lower_ == "between"] \
        or _hung_preps(verb, "between", res)  # "seated at the head of a table between A and B"
    sides = actors_under([o for p in between for o in p.children], res)
    for by in (by for p in between for o in p.children if o.dep_ == "pobj" for by in _leader_phrases(o)):
        sides = _listed(by, res, pat, sides)  # the list the parse broke: "headed by A, an aide ..., and B"
    sides = [a for a in dict.fromkeys(sides) if a.type in ("Person", "Group")]
    who = _subjects(verb, res)[0]
    return [p for p in _pairs(who, sides) + _pairs(sides, []) if not res.same_party(*p) and _same_level(*p)]


def _across_the_table(verb: Token, res: Resolution) -> bool:
    """True for "Across the table sat A and B" after talks just told: across from whom is left to the reader
    (but "Across from X sat Y" names X, see ``_inverted_across``)."""
    lead = next((c for c in verb.children if c.i < verb.i and c.lower_ in ("across", "opposite")), None)
    return lead is not None and bool(_after_the_verb(verb)) and not any(res.at(t.i) is not None for t in lead.subtree)


def _after_the_verb(verb: Token) -> list[Token]:
    """Return the subjects of an inverted "Across the table sat A and B" (the parse may make them objects)."""
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i for c in verb.children):
        return []
    return [c for c in verb.children if c.dep_ in ("nsubj", "dobj") and c.i > verb.i]


def _at_their_side(verb: Token, res: Resolution, earlier: tuple[Actor, ...]) -> list[tuple[Actor, ...]]:
    """"Wang Yi accompanied the Chinese leader", "Ryabkov sat at Lavrov's side", "Blinken sat beside Biden":
    they sat with that leader's side, across from the other."""
    leaders = actors_under([c for c in verb.children if c.dep_ in ("dobj", "obj")], res)
    for p in verb.children:
        if p.dep_ == "prep" and p.lower_ in ("beside", "alongside", "next", "at", "by", "with"):
            for o in p.subtree:
                if o.dep_ == "poss" and o.head.lower_ == "side" or p.lower_ in ("beside", "alongside", "next"):
                    if (m := res.at(o.i)) is not None:
                        leaders += list(m.actors)
        if p.dep_ == "prep" and p.lower_ == "on":  # "sat on the American side of the table"
            for o in p.children:
                country = _side_country(o if o.lower_ == "side" else None, res)
                if country is not None:
                    leaders += [a for a in earlier if res.sides.get(a.key) == country]
    leaders = [a for a in leaders if a in earlier]
    who = [a for a in _subjects(verb, res)[0] if a not in earlier]
    if not leaders or not who:
        return []
    return [(a, b) for a in who for b in earlier if b not in leaders and _same_level(a, b)
            and not res.same_party(a, b)]


def _brought_along(verb: Token, res: Resolution, pat: Patterns, earlier: tuple[Actor, ...]
                   ) -> list[tuple[Actor, ...]]:
    """"Trump was joined by A and B, while Putin brought C and D": C and D sat across from Trump's side."""
    joined = set(_subjects(verb, res)[0])
    who = [a for a in actors_under([c for c in verb.children if c.dep_ in ("dobj", "obj")], res)
           + _surface_objects(verb, res, pat) if a not in earlier]
    if not joined & set(earlier):
        return []
    return [(a, b) for a in dict.fromkeys(who) for b in earlier if b not in joined and _same_level(a, b)
            and not res.same_party(a, b)]


def _talks_between(verb: Token, res: Resolution, pat: Patterns) -> tuple[Token | None, tuple[Actor, ...]]:
    """"They joined talks between Scholz and Li": return those talks and the people named at them."""
    for talks in (c for c in verb.children if c.dep_ in ("dobj", "obj") and c.lemma_.lower() in pat.meeting_nouns):
        named = actors_under([o for p in talks.children if p.dep_ == "prep" and p.lower_ in ("between", "with")
                              for o in p.children], res)
        if named:
            return talks, tuple(named)
    return None, ()


def _as_too(verb: Token, lemma: str, res: Resolution) -> list[Actor]:
    """Return the actors of ", as did X" (``lemma`` "do") or ", as was X" ("be") hung on ``verb``: they did it too."""
    return actors_under([c for v in verb.children if v.dep_ == "advcl" and v.lemma_ == lemma
                         and any(m.lower_ == "as" for m in v.children) for c in v.children if c.dep_ == "nsubj"], res)


def _talks_place(verb: Token) -> str:
    """Return "Istanbul" for "sat in on / joined the Istanbul talks": talks the text names by their place."""
    heads = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    heads += [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "on" for o in p.children if o.dep_ == "pobj"]
    return next((c.text for h in heads for c in h.children if c.dep_ == "compound"
                 and c.ent_type_ in ("GPE", "LOC", "FAC")), "")


def _sits_in(verb: Token) -> bool:
    """True for "sat in (on the talks)"."""
    return verb.lemma_.lower() == "sit" and any(c.dep_ == "prt" and c.lower_ == "in" for c in verb.children)


def _took_part(verb: Token, res: Resolution, pat: Patterns, article: Article, norm: Normalized,
               earlier: tuple[Actor, ...]) -> list[Fact]:
    """"Ushakov, who also took part, said ...", "X took part in the talks": X sat with the other side of the meeting
    just reported (taking part in a summit, a war or an election is no meeting)."""
    ins = [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "in" for o in p.children if o.dep_ == "pobj"]
    if ins and not any(_definite_meeting(o, pat) for o in ins) or not earlier:
        return []
    who = [a for a in _subjects(verb, res)[0] if a not in earlier]
    pairs = [(a, b) for a in who for b in earlier if not res.same_party(a, b) and _same_level(a, b)]
    status, mode = modality.of_verb(verb, pat)
    return _meetings(pairs, verb, status, mode, "verb:take-part", res, article, norm) if mode == "in person" else []


def _gapped_side(verb: Token, res: Resolution, pat: Patterns, earlier: tuple[Actor, ...]
                 ) -> tuple[Actor | None, list[Actor]]:
    """Return the other leader and those named after ", and LEADER by" in the sentence of ``verb``."""
    doc, sent = verb.doc, verb.sent
    for t in doc[verb.i + 1: sent.end - 1]:
        m = res.at(t.i)
        if t.lower_ in ("and", ",", "while") and m is None and t.i + 1 < sent.end:
            nxt = res.at(t.i + 1)
            if nxt is None or len(nxt.actors) != 1 or nxt.actors[0] not in earlier or nxt.end >= sent.end:
                continue
            by = doc[nxt.end]
            if by.lower_ == "by":
                members = [a for a in _listed(by, res, pat) if a != nxt.actors[0]]
                if members:
                    return nxt.actors[0], members
    return None, []


def _is_meeting_noun(tok: Token, pat: Patterns) -> bool:
    """True for "talks", "meeting", "session" and the other meeting nouns, by word or lemma."""
    return tok.lower_ in pat.meeting_nouns or tok.lemma_.lower() in pat.meeting_nouns


def _talks_at(adj: Token, be: Token | None, pat: Patterns) -> list[Token]:
    """Return the meeting nouns after "present at": under "present" or, in some parses, the copula ("were present
    at the talks"); for "talks, at which X was also present", the talks the relative clause hangs on."""
    relative = be is not None and be.dep_ == "relcl"
    objects = [o for t in (adj, be) if t is not None for p in t.children
               if p.dep_ == "prep" and p.lower_ in ("at", "for", "during") and (p.i > adj.i or relative)
               for o in p.children if o.dep_ == "pobj"]
    objects = [be.head if relative and o.tag_ == "WDT" else o for o in objects]  # type: ignore[union-attr]
    return [o for o in objects if _is_meeting_noun(o, pat) or o.lemma_.lower() in _PRESENT_FOR]


_PRESENT_FOR = {"conversation", "discussion"}  # "was present for that conversation": so it was face to face


def _present_at(adj: Token, res: Resolution, pat: Patterns, article: Article, norm: Normalized,
                earlier: tuple[Actor, ...] = (), chairs: list[Actor] | None = None,
                facts: list[Fact] | None = None) -> list[Fact]:
    """"Present at the talks were A and B": everyone present met (parties named as one excepted).

    "X was also present at the talks" adds X to the latest meeting that happened.
    """
    be = adj.head if adj.head.lemma_ == "be" else next(
        (c for c in adj.children if c.lemma_ == "be" and c.dep_ in ("aux", "auxpass", "cop")), None)
    if be is None and adj.dep_ == "amod" and adj.head.dep_ == "pobj" and adj.head.head.lower_ == "with":
        # "X received Y, with council members A and B present at the meeting": A and B were there
        talks = _talks_at(adj, None, pat)
        present = _listed(adj.head.head, res, pat, actors_under([adj.head], res))
        present = [a for a in present if a not in earlier]
        pairs = [(a, b) for a in present for b in earlier if not res.same_party(a, b) and _same_level(a, b)]
        if not talks or not pairs:
            return []
        status, mode = modality.of_noun(talks[0], pat, None)
        return _meetings(pairs, talks[0], status, mode, "present-at", res, article, norm)
    talks = _talks_at(adj, be, pat)
    # "Also present were A and B": at the meeting just reported
    bare = not talks and be is not None and bool(earlier) and any(
        c.lower_ == "also" for t in (adj, be) for c in t.children) and not any(
        p.dep_ == "prep" and p.lower_ in ("at", "for", "during", "in", "on") for t in (adj, be) for p in t.children)
    if bare:
        talks = [adj]
    if not talks or be is None:
        return []
    named = actors_under([o for p in talks[0].children if p.dep_ == "prep" and p.lower_ in ("with", "between")
                          for o in p.children], res)
    if named:  # "present at the talks with Modi": the talks Modi had, not the last meeting reported
        held = [f for f in facts or [] if isinstance(f, Meeting) and f.happened_in_person and set(named) & set(f.participants)]
        last = held[-1].participants if held else ()
        earlier = tuple(dict.fromkeys([*named, *last]))
    present = actors_under([c for t in (be, adj) for c in t.children if c.dep_ in ("nsubj", "attr")
                            or c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN")], res)
    present += _as_too(be, "be", res)  # "..., as was X": X was there too
    present += actors_under([o for t in (adj, be) for a in t.children if a.dep_ == "prep" and a.lower_ == "along"
                             for w in a.children if w.lower_ == "with" for o in w.children], res)  # "along with X"
    rows: list[list[Actor]] = []  # the sides the sentence states, each of people of one side
    if be.i > adj.i:  # "Present at the talks were A, B and C": the names follow the verb
        present = list(dict.fromkeys(present + _surface_objects(be, res, pat)))  # lists the parse splits
        start = be.i
        for side in be.doc[be.i: be.sent.end]:  # "A and B on the American side and C on the Chinese side",
            # "A and B for Washington and C and D for Kyiv"
            if side.lower_ == "side" and side.head.lower_ == "on" or side.dep_ == "pobj" and side.head.lower_ == "for" \
                    and (side.ent_type_ in ("GPE", "NORP") or side.ent_type_ == "" and side.pos_ == "PROPN"
                         or (m := res.at(side.i)) is not None and m.actors[0].type == "Country"):
                rows.append([a for m in res.mentions if start < m.root < side.head.i for a in m.actors
                             if a.type != "Country"])
                if side.lower_ != "side" and side.ent_iob_ in ("B", "I"):  # "for the United States": to its end
                    while side.i + 1 < len(side.doc) and side.doc[side.i + 1].ent_iob_ == "I":
                        side = side.doc[side.i + 1]
                nxt = side.i + 1
                if nxt < len(be.doc) and be.doc[nxt].lower_ == "and":
                    present = list(dict.fromkeys(present + _surface_objects(be.doc[nxt], res, pat)))
                start = side.i
    pairs = [p for p in _among(present, res) if len(rows) < 2 or not any(set(p) <= set(row) for row in rows)]
    definite = bare or _definite_meeting(talks[0], pat) or be.dep_ == "relcl" and talks[0].i == be.head.i \
        or talks[0].lemma_.lower() in _PRESENT_FOR and any(c.lower_ in ("the", "that", "this") for c in talks[0].children)
    if chairs and definite:
        pairs += [(c, a) for c in chairs for a in present if c != a]
        chairs.clear()
    if definite and len(rows) > 1:  # with the sides stated, only those of the meeting just reported who act for
        # one of them were at these talks ("A and B on the American side and C on the Chinese side" after Biden
        # met Xi: Biden and Xi, not the British adviser met at breakfast)
        stated = {res.sides.get(a.key) for row in rows for a in row} - {None}
        earlier = tuple(b for b in earlier if res.sides.get(b.key) in stated)
    if definite:  # "the talks" are the meeting just reported: those present joined it
        pairs += [(a, b) for a in present for b in earlier if a != b and (a, b) not in pairs and (b, a) not in pairs
                  and not res.same_party(a, b) and _same_level(a, b)]
    if not pairs:
        return []
    status, mode = modality.of_noun(talks[0], pat, None)
    return _meetings(pairs, talks[0], status, mode, "present-at", res, article, norm)


def _nominal_preps(noun: Token) -> list[Token]:
    """Return the prepositions under a meeting noun, through nouns and prepositions only."""
    out, todo = [], list(noun.children)
    while todo:
        t = todo.pop()
        if t.dep_ == "prep" or t.dep_ == "conj" and t.pos_ == "ADP" and t.head.dep_ == "prep":
            out.append(t)  # (also "talks with A in Tripoli and with B in Benghazi": a conjunct of the "in")
            todo.extend(c for c in t.children if c.dep_ in ("pobj", "conj"))
        elif t.dep_ == "pobj" and t.pos_ in ("NOUN", "PROPN"):
            todo.extend(c for c in t.children if c.dep_ == "prep")
    return out


def _meetings(pairs: list[tuple[Actor, ...]], trigger: Token, status: str, mode: str, rule: str,
              res: Resolution, article: Article, norm: Normalized) -> list[Fact]:
    # a country meets only countries, and only at talks or when it meets ("Russia and Ukraine held talks", "the US,
    # Russia and Switzerland met"): hosting ("Qatar hosts US
    # envoys", "Oman hosted the talks") or a summit between a country and a bloc names no meeting of theirs
    talks = rule.startswith(("noun:talks", "noun:meeting", "noun:negotiation", "at-the-table")) or rule == "verb:meet"
    pairs = [p for p in pairs if not any(a.type == "Country" for a in p)
             or talks and all(a.type == "Country" for a in p) and not _in_headline(trigger)]  # ("US and Iran hold
    # talks" heads an article whose body names who met)
    ev = evidence(trigger.sent, norm, article, rule)
    place = modality.location(trigger)
    when = modality.date_of(trigger, article.date)
    return [Meeting(participants=p, evidence=ev, status=status, mode=mode, location=place, date=when)
            for p in pairs]


# ------------------------------------------------------------------ proposals

_KIND_ADJECTIVES = {"humanitarian", "nuclear", "economic", "political", "territorial", "military", "diplomatic",
                    "regional", "maritime", "electoral", "constitutional", "interim", "transitional", "bilateral",
                    "multilateral", "trilateral", "financial", "commercial", "permanent", "temporary", "partial",
                    "comprehensive", "counter"}
_NOT_KIND_WORDS = {"new", "latest", "revised", "initial", "final", "first", "second", "third", "detailed", "full",
                   "original", "earlier", "previous", "own", "broad", "broader", "comprehensive", "formal", "written",
                   "joint", "such", "same", "whole", "main", "key", "possible", "proposed", "modified", "updated",
                   "amended", "rival", "alternative", "separate", "other", "-"}


def _is_plan_noun(tok: Token, pat: Patterns) -> bool:
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ == "compound":
        return False
    if tok.lower_ == "platform" and any(w.lower_ in ("media", "social", "online", "messaging", "video")
                                         for w in tok.lefts):
        return False  # "his social media platform"
    if tok.lower_ in pat.plan_nouns or tok.lemma_.lower() in pat.plan_nouns:
        return True
    if tok.lemma_.lower() in ("treaty", "agreement", "accord", "deal", "resolution", "declaration", "text") \
            and any(c.lower_ == "draft" for c in tok.subtree if c.i < tok.i):
        return True  # "an eight-point draft treaty", "a draft peace agreement"
    if tok.lemma_.lower() in _DRAFTED_TEXTS and any(
            c.dep_ == "acl" and c.lemma_.lower() in ("draft", "draw", "prepare", "write") and c.tag_ == "VBN"
            and any(a.dep_ == "agent" for a in c.children) for c in tok.children):
        return True  # "a declaration, drafted by Indonesian negotiators": its authors proposed it
    counted = _POINTS.search(tok.doc[tok.left_edge.i: tok.i].text) if tok.i > tok.left_edge.i else None
    if tok.lemma_.lower() not in _NOT_POINT_PLANS and counted is not None \
            and (counted.group(1).isdigit() or counted.group(1).lower() in _NUMBER_WORDS):
        return True  # "an 11-point declaration", "the five-point consensus" (not "Putin's point men")
    return tok.lower_ == "paper" and any(c.lower_ in ("position", "peace", "concept") for c in tok.lefts)


_DRAFTED_TEXTS = {"declaration", "communique", "communiqué"}
_LENGTHS = {"page", "article", "word", "clause", "paragraph"}  # "a 181-page blueprint" is a blueprint
_NOT_POINT_PLANS = {"lead", "drop", "gap", "margin", "rise", "fall", "increase", "decline", "scale", "swing", "jump",
                    "advantage", "deficit", "cut", "hike"}  # "a 10-point lead in the polls"


def plan_of(noun: Token, article_id: str, plans: dict[tuple[str, int | None], Plan]) -> Plan:
    """Return the plan a plan noun phrase names; the same kind and point count in one article is one plan."""
    start = noun.left_edge.i
    while start < noun.i and noun.doc[start].dep_ in ("det", "poss", "case", "predet") or \
            noun.doc[start].head.dep_ == "poss":
        start += 1
    phrase = noun.doc[start: noun.i + 1].text
    m = _POINTS.search(phrase)
    count = None
    if m:
        raw = m.group(1).lower()
        count = int(raw) if raw.isdigit() else _NUMBER_WORDS.get(raw)
    kind_words = [c for c in noun.lefts if c.dep_ in ("compound", "amod", "nmod")
                  and (c.pos_ in ("NOUN", "X") or c.pos_ == "ADJ" and c.lower_ in _KIND_ADJECTIVES)
                  and c.lower_ not in _NOT_KIND_WORDS and not c.like_num and "point" not in c.lower_
                  and not (c.lemma_.lower() in _LENGTHS and any(n.dep_ == "nummod" or n.like_num for n in c.lefts))]
    kind = "".join(w.text_with_ws for w in kind_words).lower().strip() if kind_words else ""
    if noun.i > 1 and noun.doc[noun.i - 1].text == "-" and noun.doc[noun.i - 2].lower_ == "counter":
        kind = "counter-"  # "counter - proposal" as tokenised
    kind = re.sub(r"\s*-\s*", "-", f"{kind} {noun.lemma_.lower()}".strip()).replace("- ", "-")
    kind = re.sub(r"-{2,}", "-", kind)
    return _plan(kind, count, article_id, plans)


def _plan(kind: str, count: int | None, article_id: str, plans: dict[tuple[str, int | None], Plan]) -> Plan:
    """Return the article's plan of that kind and point count, made on first mention."""
    label = f"{count}-point {kind}" if count else kind
    key = ("", count) if count else (kind, None)
    if key not in plans:
        plans[key] = Plan(key=f"{article_id}-{slug(label)}", label=label, kind=kind, point_count=count)
    return plans[key]


def _proposal(noun: Token, res: Resolution, pat: Patterns, article: Article, norm: Normalized,
              plans: dict[tuple[str, int | None], Plan]) -> Proposal | None:
    head = noun.head
    proposers: list[Actor] = []
    rule = ""
    owners = [c for c in noun.children if c.dep_ == "poss" or (c.dep_ == "compound" and c.ent_type_ == "PERSON")]
    if owners:
        proposers = actors_under(owners, res) or [a for c in owners if (m := res.at(c.i)) for a in m.actors]
        rule = "plan:possessive"
    if owners and not proposers and any(c.lower_ == "whose" for c in owners):
        clause = next((t for t in [noun, *noun.ancestors] if t.dep_ == "relcl"), None)
        if clause is not None and (m := res.at(clause.head.i)) is not None:
            proposers, rule = list(m.actors), "plan:possessive"  # "X, whose ceasefire plan Kigali dismissed"
    if not proposers:
        by = [o for p in noun.children if p.dep_ == "prep" and p.lower_ in ("by", "from") for o in p.children
              if o.dep_ == "pobj"]
        proposers = actors_under(by, res)  # "a proposal from Araghchi", "an earlier proposal by Birhanu"
        rule = "plan:by" if proposers else rule
    if proposers and noun.dep_ == "nsubjpass" and _is_proposal_verb(head, pat):
        proposers = list(dict.fromkeys(proposers + _subjects(head, res)[1]))  # "Trump's plan was drawn up by A and
        # B": they drew up the plan that bears his name
    with_ = head if noun.dep_ == "pobj" else head.head if noun.dep_ == "nsubj" and head.dep_ == "pcomp" else None
    if not proposers and with_ is not None and with_.lower_ == "with" and with_.head.lemma_.lower() in _ANSWERS:
        proposers, rule = _subjects(with_.head, res)[0], f"verb:{with_.head.lemma_.lower()}:with"  # "answered with
        # a counter-proposal" (also "came back with a counter-proposal tying/pcomp X to Y")
    if not proposers and noun.dep_ == "pobj" and head.lower_ == "with" and head.head.lemma_.lower() in (
            "present", "offer") and any(c.dep_ in ("dobj", "obj") and res.at(c.i) is not None
                                        for c in head.head.children):
        proposers = _subjects(head.head, res)[0]  # "Michel presented Pashinyan with a peace plan"
        rule = f"verb:{head.head.lemma_.lower()}:with"
    if not proposers and noun.i + 3 < len(noun.doc) and _is_proposal_verb(noun.doc[noun.i + 1], pat) \
            and noun.doc[noun.i + 1].tag_ == "VBN" and not any(c.dep_ in ("acl", "relcl") for c in noun.children):
        # "a counter-proposal put forward by France", the participle parsed as anything but the noun's clause
        by = next((t for t in noun.doc[noun.i + 2: noun.i + 4] if t.lower_ == "by"), None)
        m = res.at(by.i + 1) if by is not None else None
        if m is not None and m.kind != "pronoun":
            proposers, rule = list(m.actors), f"verb:{noun.doc[noun.i + 1].lemma_.lower()}:passive"
    # "to hand Araghchi a proposal prepared by Witkoff": who wrote it (read below), not who carried it
    authored = any(c.dep_ == "acl" and _is_proposal_verb(c, pat) and any(a.dep_ == "agent" for a in c.children)
                   for c in noun.children)
    if not proposers and not authored and noun.dep_ in ("dobj", "obj", "nsubjpass") and _is_proposal_verb(head, pat):
        subj, agents = _subjects(head, res)
        proposers = agents if noun.dep_ == "nsubjpass" else subj
        rule = f"verb:{head.lemma_.lower()}" + (":passive" if noun.dep_ == "nsubjpass" else "")
    if not proposers:
        # "a plan drawn up by X and Y", "a plan, which was drawn up by X", "the framework that X and Y drew up"
        clauses = [c for c in noun.children if c.dep_ in ("acl", "relcl") or c.dep_ == "ccomp" and any(
            m.dep_ == "mark" and m.lower_ == "that" for m in c.children) and not any(  # "a plan that X drew up",
            o.dep_ in ("dobj", "obj") for o in c.children)]  # parsed as a clause the noun governs
        clauses += [c for c in noun.subtree if c.dep_ == "acl" and c.head.dep_ == "pobj" and c.head.head.head.i
                    == noun.i and any(a.dep_ == "agent" for a in c.children)]  # "a framework for a council drawn
        # up by X and Y"
        clauses += [c for c in noun.subtree if c.dep_ == "relcl" and c.head.i != noun.i and c not in clauses
                    and (any(a.dep_ == "agent" for a in c.children)  # "a plan to end the war, which was drawn up by X"
                         or c.head.dep_ == "pobj" and c.head.head.head.i == noun.i
                         and not any(a.dep_ in ("dobj", "obj") and a.tag_ not in ("WDT", "WP") for a in c.children))]  # "the plan for a force that
        # X and Y drew up"
        clauses += [cj for c in clauses for cj in c.conjuncts]
        for c in clauses:
            if not _is_proposal_verb(c, pat):
                continue
            agents = [a for a in c.children if a.dep_ == "agent"]
            found = actors_under([g for a in agents for g in a.children], res)
            for a in agents:
                found += surface_list(a, res, pat)[0]  # "by Obasanjo and former Kenyan President Kenyatta"
            rule = f"verb:{c.lemma_.lower()}:passive"
            if not found and c.dep_ in ("relcl", "ccomp"):
                found = actors_under([s for s in c.children if s.dep_ == "nsubj" and s.tag_ not in ("WDT", "WP")], res)
                listed = _surface_subjects(c, res)  # "that Bessent and Vice Premier He Lifeng worked out"
                found = listed if found and set(found) <= set(listed) else found
                rule = f"verb:{c.lemma_.lower()}:relative"
            if found or proposers:
                found += _with_objects(c, res)  # "drafted with Russian envoy Kirill Dmitriev", "drawn up with X"
            proposers = list(dict.fromkeys(proposers + found))
    elif noun.dep_ in ("dobj", "obj") and _is_proposal_verb(head, pat):
        for c in noun.children:  # "Ruto tabled a plan drawn up with Museveni"
            if c.dep_ == "acl" and _is_proposal_verb(c, pat):
                proposers = list(dict.fromkeys(proposers + _with_objects(c, res)))
    if not proposers:
        proposers = _relative_after(noun, res, pat)  # "the four-point proposal on the Palestinian question that Xi
        rule = "verb:relative" if proposers else rule  # put forward": the parse hung the clause on "question"
    if not proposers:
        return None
    named = noun.head if noun.dep_ == "appos" and _is_plan_noun(noun.head, pat) else noun  # "the X plan, a
    # 181-page blueprint drawn up by A": the plan the apposition describes
    plan = _definite_antecedent(named, plan_of(named, article.id, plans), plans)
    return Proposal(proposers=tuple(proposers), plan=plan, evidence=evidence(noun.sent, norm, article, rule))


def _relative_after(noun: Token, res: Resolution, pat: Patterns) -> list[Actor]:
    """Return the subject of "that X put forward" just after the plan noun (past a prepositional phrase) when the
    parse hung the relative clause on another noun."""
    doc = noun.doc
    for w in doc[noun.i + 1: min(noun.i + 8, noun.sent.end)]:
        if w.pos_ in ("VERB", "AUX") or w.text in (",", ";", "(") or _is_plan_noun(w, pat):
            return []
        if w.lower_ in ("that", "which") and w.dep_ in ("dobj", "obj"):
            verb = w.head
            if verb.i <= w.i or not _is_proposal_verb(verb, pat):
                return []
            subj = [c for c in verb.children if c.dep_ == "nsubj" and c.i > w.i]
            return actors_under(subj, res)
    return []


def _described(plan: Plan) -> bool:
    return bool(plan.point_count) or " " in plan.kind or "-" in plan.kind


def _definite_antecedent(noun: Token, plan: Plan, plans: dict[tuple[str, int | None], Plan]) -> Plan:
    """"The plan was drawn up by X" after "a 28-point plan": a definite bare plan noun is the one plan with that
    head the article described before it, whoever put that one forward."""
    if _described(plan) or any(c.dep_ == "poss" or c.dep_ in ("prep", "acl", "relcl") and c.i > noun.i
                               and c.lower_ not in ("by", "from") for c in noun.children) \
            or not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children):
        return plan  # "the plan for a reassurance force" is described in its own words
    earlier = [p for p in plans.values() if p.key != plan.key and _described(p) and _head_word(p) == _head_word(plan)]
    return earlier[-1] if len({p.key for p in earlier}) == 1 else plan


def _proposed_clause(verb: Token, res: Resolution, pat: Patterns, article: Article, norm: Normalized,
                     plans: dict[tuple[str, int | None], Plan]) -> Proposal | None:
    """A proposal with no plan noun: "X proposed that Ukraine withdraw ...", "X proposed turning the meeting into a
    forum", "X proposed a 12-year extension", "France offered to host the talks" (a meeting or plan noun as the
    object is read by the meeting and plan rules instead; "offered to meet Y" is a planned meeting)."""
    lemma = verb.lemma_.lower()
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj") and c.tag_ not in ("WDT", "WP")
               and c.lower_ not in ("that", "which", "what")]  # the relative pronoun of "talks that X offered to"
    if lemma == "offer":
        clause = [c for c in verb.children if (c.dep_ == "xcomp" or c.dep_ == "advcl" and any(  # "offered in
                      a.dep_ == "aux" and a.lower_ == "to" for a in c.children)) and c.lemma_.lower() not in _TRAVEL  # May to"
                  and (c.lemma_.lower() == "host" or c.lemma_.lower() not in pat.meeting_verbs | pat.call_verbs)]
        # "offered to host the talks" is a proposal (and a planned meeting); "offered to meet Y" only the latter
        kind = "offer"
        if not clause or objects:
            return None
    else:
        clause = [c for c in verb.children if c.dep_ == "ccomp" or c.dep_ == "xcomp" and c.tag_ == "VBG"]
        kind = "proposal"
        if objects and not clause:
            obj = objects[0]
            if obj.pos_ != "NOUN" or _is_plan_noun(obj, pat) or obj.lower_ in pat.meeting_nouns \
                    or obj.lemma_.lower() in pat.meeting_nouns or res.at(obj.i) is not None:
                return None
            clause = [obj]  # "the EU had proposed a 12-year extension"
            kind = f"{obj.lemma_.lower()} proposal"
        elif not clause or objects:
            return None
    subjects, agents = _subjects(verb, res)
    proposers = agents or subjects
    if not proposers:
        return None
    named = next((t for t in verb.doc[verb.i + 1: verb.sent.end] if _is_plan_noun(t, pat) and t.i >= 2
                  and verb.doc[t.i - 1].lower_ in ("a", "an") and verb.doc[t.i - 2].text == ","), None)
    if named is not None and kind in ("proposal", "offer"):  # "offered instead to resume talks in Istanbul, a
        kind = named.lemma_.lower()  # counter-proposal that ...": its name (but "proposed a transition
        # arrangement ..., an offer" is named by its object)
    return Proposal(proposers=tuple(proposers), plan=_plan(kind, None, article.id, plans),
                    evidence=evidence(verb.sent, norm, article, f"verb:{lemma}:clause"))


_TRAVEL = {"fly", "travel", "come", "go", "visit", "attend", "return", "stay", "leave"}
_ANSWERS = {"answer", "respond", "reply", "counter", "come", "return", "hit"}


def _is_proposal_verb(verb: Token, pat: Patterns) -> bool:
    lemma = verb.lemma_.lower()
    if lemma not in pat.proposal_verbs:
        return False
    if lemma == "put" and any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children):
        return True  # "a proposal Putin put to Trump"
    if lemma == "hand" and (any(c.dep_ == "dative" for c in verb.children)
                            or sum(c.dep_ == "dobj" for c in verb.children) > 1):
        return True  # "handed his counterpart a four-point framework"
    needed = pat.proposal_verbs_needing_particle.get(lemma)
    return needed is None or any(c.dep_ == "prt" and c.lower_ in needed for c in verb.children) or \
        any(c.lower_ in needed for c in verb.rights)


# ------------------------------------------------------------------ roles and tidying

def _role(role: StatedRole, doc: Doc, article: Article, norm: Normalized) -> Role:
    return Role(holder=role.holder, relation=role.relation, of=role.of, office=role.office,
                evidence=evidence(doc[role.token].sent, norm, article, "role:" + (role.relation or "office")))


def _dedupe(facts: list[Fact]) -> list[Fact]:
    """Drop repeats: the same pair met once per sentence; a plan proposed once per sentence."""
    seen: set[object] = set()
    out: list[Fact] = []
    for f in facts:
        if isinstance(f, Meeting):
            key: object = ("m", frozenset(a.key for a in f.participants), f.evidence.start)
        elif isinstance(f, Proposal):
            key = ("p", f.plan.key, f.evidence.start)
        else:
            key = ("r", f.holder.key, f.relation, f.of.key if f.of else "", f.office)
        if key in seen:
            continue
        seen.add(key)
        out.append(f)
    return out
