"""Whether a meeting happened (status), how (mode), where and when, from the parse around its trigger."""
from __future__ import annotations

from spacy.tokens import Token

from kg.dates import parse_date
from kg.patterns import Patterns

_PLACE_ENTS = ("GPE", "LOC", "FAC")
_PENCILLED = {"pencil", "pen", "slate"}  # "a meeting pencilled in for", besides the planning verbs of the patterns
_UNSETTLED = {"plan", "confirm", "schedule", "announce", "set", "fix", "finalise", "finalize", "decide", "arrange"}


def _governors(tok: Token, depth: int = 4) -> list[Token]:
    """Return ``tok`` and the verbs above it through xcomp, ccomp-less chains (plan to meet, agreed to hold)."""
    out = [tok]
    t = tok
    for _ in range(depth):
        if t.dep_ == "acl" and t.tag_ == "VBD" and t.head.pos_ == "PROPN":
            break  # "X, the ambassador, called/acl on Y, but ...": a finite verb hung on its own subject
        if t.dep_ == "relcl" and t.head.ent_type_ in ("DATE", "TIME") and any(
                c.dep_ == "advmod" and c.lower_ == "when" for c in t.children):
            break  # "prepared on Monday evening, when X was received by Y": the clause tells what happened then
        if t.dep_ == "relcl" and (t.head.pos_ == "NOUN" and t.head.ent_type_ not in ("PERSON", "ORG", "NORP")
                                  or t.head.ent_type_ in _PLACE_ENTS) and t.head.i != t.i:
            # (a name the tagger took for a common noun, "Guterres, who was received by X, was due to ...", is no
            # meeting whose fate the main clause tells)
            t = t.head  # "postponed a visit where he was due to meet X": the visit's fate is the meeting's
            out.append(t)
            continue
        if t.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in ("after", "when", "as", "since",
                                                                                 "while", "once", "before", "until",
                                                                                 "because", "although", "though")
                                     for c in t.children):
            break  # "..., after he received X": the clause carries its own tense
        if t.dep_ == "ccomp" and t.i < t.head.i and any(w.text == ";" for w in t.doc[t.i: t.head.i]):
            break  # "X flew to Ankara to meet Y; the Russian leader declined": a clause of its own, not declined
        if t.dep_ == "pcomp" and t.head.dep_ == "prep" and t.head.i != t.i:
            # "after visiting X", "without meeting X": the preposition, then the finite verb of the clause
            out.append(t.head)
            v = t.head.head
            while v.head.i != v.i and not (v.tag_ in ("VBD", "VBZ", "VBP", "MD") or any(
                    c.dep_ in ("aux", "auxpass") and c.lower_ != "to" for c in v.children)):
                v = v.head
            out.append(v)
            break
        if t.dep_ in ("xcomp", "dobj", "nsubj", "nsubjpass", "pobj", "prep", "conj", "advcl", "acl", "attr", "ccomp",
                      "acomp", "auxpass") \
                and t.head.i != t.i:
            t = t.head
            out.append(t)
        else:
            break
    return out


def _put_off(verb: Token) -> bool:
    """True for "put off" and "pushed back": postponed."""
    return verb.lemma_.lower() in ("put", "push") and any(
        c.dep_ in ("prt", "advmod") and c.lower_ in ("off", "back") for c in verb.children)


def _cancels(verb: Token, pat: Patterns) -> bool:
    """True for a verb that cancels or postpones: "cancelled", "called off" (not "called"), "put off"."""
    lemma = verb.lemma_.lower()
    return lemma in pat.cancel_verbs and (lemma != "call" or any(c.lower_ == "off" for c in verb.children)) \
        or _put_off(verb)


def preposition(prep: Token) -> str:
    """Return the word a preposition stands for: "instead" for "instead of", "ahead" for "ahead of"."""
    if prep.lower_ == "of":
        for t in [prep.head, *prep.children]:
            if t.lower_ in ("instead", "ahead"):
                return t.lower_
    return prep.lower_


def _present(verb: Token) -> bool:
    """Whether ``verb`` is in the present tense or progressive ("is flying", "flies")."""
    return verb.tag_ in ("VBZ", "VBP") or any(c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") for c in verb.children)


def _status(chain: list[Token], pat: Patterns) -> str:
    """Return cancelled, refused, negated, planned or happened; the first three win over planned."""
    for n, t in enumerate(chain[1:], 1):
        lemma = t.lemma_.lower()
        if _cancels(t, pat):
            return "cancelled"
        if lemma in pat.refuse_verbs:
            return "refused"
        if lemma in ("deny", "dismiss", "refute") and t.pos_ == "VERB":
            return "negated"  # "Iran denied a report that its envoy had met Musk"
        if chain[n - 1].dep_ in ("nsubj", "nsubjpass") and t.pos_ == "VERB":
            # "A meeting between X and Y, pencilled in for Friday, was postponed": the verb the subject shares
            for cj in t.conjuncts:
                if cj.i > t.i and not any(c.dep_ in ("nsubj", "nsubjpass") for c in cj.children) \
                        and cj.lemma_.lower() in pat.cancel_verbs and cj.lemma_.lower() != "call":
                    return "cancelled"
    for n, t in enumerate(chain[1:], 1):
        if chain[n - 1].dep_ == "xcomp" and t.lemma_.lower() in ("have", "be") and any(
                c.lower_ == "yet" for c in t.children):
            return "negated"  # "X has yet to meet Y", "is yet to hold talks"
    if chain[0].dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("until", "unless", "if") for c in
                                        chain[0].children):
        return "planned"  # "nothing would move forward until he and Putin met": not (yet) a meeting
    crossed = False  # past a coordination: "did not meet Xi, but joined talks with Y" keeps its own polarity
    told = False  # past a conjunct in the past tense: "launched a fund he first proposed, and held talks with X"
    for n, t in enumerate(chain):
        lemma = t.lemma_.lower()
        kids = list(t.children)
        if n > 0 and chain[n - 1].dep_ == "conj":
            crossed = True
            told = told or chain[n - 1].tag_ == "VBD"
        if told:
            continue  # what the verbs above plan or propose is not this clause's (its own tense says it happened)
        if t is not chain[0] and _cancels(t, pat):
            return "cancelled"
        if t is not chain[0] and lemma in pat.refuse_verbs:
            return "refused"
        if not crossed and any(c.dep_ == "neg" or c.lower_ in pat.negations and c.dep_ in ("neg", "det", "advmod")
                               for c in kids):
            if t is not chain[0] and lemma in _UNSETTLED:
                return "planned"  # "a meeting is not yet planned / has not been confirmed": still in prospect
            if t is chain[0] and any(c.dep_ == "aux" and c.lower_ in ("will", "would", "wo") for c in kids):
                return "refused"  # "he would not sit down with Putin until ...", "will not meet X": a refusal
                # (but "the meeting would not produce a deal" refuses nothing)
            return "negated"
        if t.dep_ == "prep" and n == 1 and chain[0].dep_ == "pcomp":
            word = preposition(t)
            if word in ("without", "instead"):
                return "negated"  # "left without meeting X", "instead of meeting X"
            if word == "ahead" or word == "before" and n + 1 < len(chain) and _present(chain[n + 1]):
                return "planned"  # "ahead of meeting X", "is flying to Riyadh before meeting X"
        if t is not chain[0] and lemma in ("call", "appeal", "press") and any(
                c.dep_ == "prep" and c.lower_ == "for" for c in kids):
            return "planned"  # "called for talks with Iran"
        if t is not chain[0] and lemma in pat.planning_verbs and not (lemma == "open" and t.pos_ == "VERB"):
            return "planned"
        if t is not chain[0] and lemma == "be" and any(c.dep_ in ("acomp", "attr") and c.lemma_.lower() in
                                                       pat.planning_verbs and c not in chain for c in kids):
            return "planned"  # "X is due in Moscow next month for a meeting with Y"
        if t.pos_ in ("VERB", "AUX") or t is chain[0]:
            if any(c.dep_ == "aux" and c.lower_ in pat.future_auxiliaries for c in kids):
                return "planned"
            if t.tag_ in ("VBZ", "VBP") and t.lemma_.lower() == "be" and any(c.dep_ == "xcomp" for c in kids):
                return "planned"  # "X is to meet Y"
        if any(c.dep_ == "amod" and c.lower_ in pat.planning_modifiers for c in kids):
            return "planned"
    return "happened"


def _outside_clauses(top: Token) -> list[Token]:
    """Return ``top`` and the words below it that are not inside a relative, adverbial or complement clause below
    it (also "with the crown prince at the table and Erdogan joining by video link")."""
    out, todo = [], [top]
    while todo:
        t = todo.pop()
        if t is not top and t.dep_ in ("relcl", "advcl", "acl", "ccomp", "pcomp") and t.pos_ in ("VERB", "AUX"):
            continue
        out.append(t)
        todo.extend(t.children)
    return out


def _mode(chain: list[Token], pat: Patterns) -> str:
    for t in chain[:2]:
        # not "... and spoke by phone", not "at the palace, where the two opened a port by video link"
        own = [w for c in t.children if c.dep_ not in ("conj", "cc") for w in _outside_clauses(c)]
        words = {w.lower_ for w in own if w.dep_ in ("pobj", "compound", "amod", "advmod", "nmod")}
        words |= {t.lower_}
        if words & pat.video_words:
            return "video"
        if words & pat.phone_words:
            return "phone"
    return "in person"


def of_verb(verb: Token, pat: Patterns) -> tuple[str, str]:
    """Return (status, mode) of a verbal meeting trigger."""
    chain = _governors(verb, 6)
    if verb.tag_ == "VB" and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) \
            and not any(c.dep_ in ("aux", "auxpass") for c in verb.children) and verb.dep_ in ("ccomp", "acl") \
            and (verb.head.pos_ == "NOUN" or any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children)) \
            and _status(chain, pat) == "happened":
        return "planned", _mode(chain, pat)  # a subjunctive: "his request that Erdogan join the talks"
    if verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) \
            and any(c.dep_ == "nsubj" for c in verb.children) and _status(chain, pat) == "happened" \
            and not any(t.lower_ in ("time", "occasion") for t in (verb.head, verb.head.head)):  # "the first time for"
        return "planned", _mode(chain, pat)  # an infinitive with a subject of its own: "a desire for A and B to meet"
    return _status(chain, pat), _mode(chain, pat)


_TRIPS = {"visit", "trip", "journey", "mission", "tour", "stopover"}


def trip_for(noun: Token) -> Token | None:
    """Return the trip a meeting noun is the purpose of: "a visit to Kabul by X for talks with Y"."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "for" and noun.head.head.lemma_.lower() in _TRIPS \
            and noun.head.head.pos_ == "NOUN":
        return noun.head.head
    return None


def of_noun(noun: Token, pat: Patterns, support: Token | None) -> tuple[str, str]:
    """Return (status, mode) of a nominal meeting trigger ("a meeting between", "held talks")."""
    trip = trip_for(noun)
    if trip is not None and (fate := of_noun(trip, pat, None)[0]) != "happened":
        return fate, "in person"  # "a visit to Kabul by X for talks with Y was called off"
    chain = _governors(noun)
    if any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
        return "negated", _mode(chain, pat)
    if any(c.dep_ == "acl" and c.tag_ == "VBN" and (c.lemma_.lower() in pat.planning_verbs
                                                      or c.lemma_.lower() in _PENCILLED) for c in noun.children) \
            and _status(chain, pat) == "happened":  # (but "a meeting scheduled for Friday was called off")
        return "planned", _mode(chain, pat)  # "a meeting scheduled for November", "pencilled in for Friday"
    if noun.dep_ in ("nsubj", "nsubjpass") and any(c.lower_ == "yet" for c in noun.head.children) \
            and noun.head.lemma_.lower() in ("have", "be"):  # "the meeting has yet to be confirmed / take place"
        unsettled = any(c.dep_ == "xcomp" and c.lemma_.lower() in _UNSETTLED for c in noun.head.children)
        return ("planned" if unsettled else "negated"), _mode(chain, pat)
    t = noun
    while t.dep_ in ("pobj", "prep") and t.head.i != t.i and t.head.pos_ in ("ADP", "NOUN", "ADV"):
        t = t.head  # "days before a second round of talks", "ahead of talks with X": still to come
        if t.dep_ == "prep" and preposition(t) in ("before", "ahead"):
            return "planned", _mode(chain, pat)
        if t.dep_ == "prep" and t.lower_ in ("after", "following") and t.head.pos_ in ("VERB", "AUX") \
                and t.head.tag_ in ("VBD", "VBN"):
            # "agreed on a ceasefire after talks with X": what came after is planned or agreed, the talks were held
            if not any(c.dep_ == "aux" and c.lower_ in pat.future_auxiliaries for c in t.head.children):
                return _status(chain[:chain.index(t) + 1] if t in chain else [noun], pat), _mode(chain, pat)
    return _status(chain, pat), _mode(chain, pat)


def location(trigger: Token) -> str:
    """Return where the meeting took place ("in Riyadh", "at the Kremlin"), or "".

    Looks at the trigger, the word it hangs from and its objects ("met Xi in
    Busan" attaches "in Busan" to Xi), and through a common noun to the name
    inside it ("at his palace in Jeddah" gives Jeddah).
    """
    holders = [trigger, trigger.head]
    holders += [c for c in trigger.children if c.dep_ in ("dobj", "obj", "attr")]
    holders += [o for p in trigger.children if p.dep_ == "prep" and p.lower_ == "with" or p.dep_ == "agent"
                for o in p.children if o.dep_ == "pobj"]  # also "was received by X in Kyiv"
    for t in holders:
        found = _place_under(t, 2)
        if found:
            return found
    return ""


def _place_under(t: Token, depth: int) -> str:
    for prep in t.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "at", "near", "on"):
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            if obj.ent_type_ in ("DATE", "TIME"):
                continue
            if obj.ent_type_ in (*_PLACE_ENTS, "ORG") or obj.pos_ == "PROPN":
                if prep.lower_ == "on" and obj.ent_type_ not in _PLACE_ENTS:
                    continue  # "on Tuesday", "on the sidelines"
                first = next((w.i for w in obj.subtree if w.dep_ != "det"), obj.i)
                if any(w.dep_ == "cc" for w in obj.doc[first: obj.i]):
                    continue  # "in the morning and Serbian President X": a misparse, no place
                return obj.doc[first: obj.i + 1].text
            if depth > 0 and obj.pos_ == "NOUN":
                found = _place_under(obj, depth - 1)
                if found:
                    return found
    return ""


def date_of(trigger: Token, article_date: str) -> str:
    """Return the ISO date of a meeting stated near its trigger, resolved against the article date, or ""."""
    chain = _governors(trigger, 2)
    for t in chain:
        for w in t.subtree:
            if w.ent_type_ != "DATE" or w.ent_iob_ != "B":
                continue
            end = w.i + 1
            while end < len(w.doc) and w.doc[end].ent_iob_ == "I":
                end += 1
            ent = w.doc[w.i:end]  # the entity that starts here (without rebuilding doc.ents for every date)
            if not _attached(ent.root, {c.i for c in chain}):
                continue
            iso = parse_date(ent.text, article_date)
            if iso:
                return iso
    return ""


def _attached(tok: Token, targets: set[int]) -> bool:
    """True if ``tok`` hangs from one of ``targets`` through modifiers only ("on Saturday morning")."""
    t = tok
    for _ in range(4):
        if t.head.i in targets:
            return True
        if t.dep_ not in ("compound", "pobj", "prep", "npadvmod", "nmod", "amod", "tmod", "advmod") or t.head.i == t.i:
            return False
        t = t.head
    return False
