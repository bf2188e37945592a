"""Whether a meeting happened (status), how (mode), where and when, from the parse around its trigger."""
from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Token

from kg.patterns import Patterns

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december"]
_PLACE_ENTS = ("GPE", "LOC", "FAC")


def _governors(tok: Token, depth: int = 4) -> list[Token]:
    """Return ``tok`` and the verbs above it through xcomp, ccomp-less chains (plan to meet, agreed to hold)."""
    out = [tok]
    t = tok
    for _ in range(depth):
        if t.dep_ in ("xcomp", "dobj", "nsubj", "nsubjpass", "pobj", "prep", "conj", "advcl", "acl", "attr", "ccomp",
                      "acomp", "auxpass") \
                and t.head.i != t.i:
            t = t.head
            out.append(t)
        else:
            break
    return out


def _status(chain: list[Token], pat: Patterns) -> str:
    """Return cancelled, refused, negated, planned or happened; the first three win over planned."""
    for t in chain[1:]:
        lemma = t.lemma_.lower()
        if lemma in pat.cancel_verbs and (lemma != "call" or any(c.lower_ == "off" for c in t.children)):
            return "cancelled"
        if lemma in pat.refuse_verbs:
            return "refused"
    for t in chain:
        lemma = t.lemma_.lower()
        kids = list(t.children)
        if t is not chain[0] and lemma in pat.cancel_verbs and (lemma != "call" or any(c.lower_ == "off" for c in kids)):
            return "cancelled"
        if t is not chain[0] and lemma in pat.refuse_verbs:
            return "refused"
        if any(c.dep_ == "neg" or c.lower_ in pat.negations and c.dep_ in ("neg", "det", "advmod") for c in kids):
            return "negated"
        if t is not chain[0] and lemma in pat.planning_verbs:
            return "planned"
        if t.pos_ in ("VERB", "AUX") or t is chain[0]:
            if any(c.dep_ == "aux" and c.lower_ in pat.future_auxiliaries for c in kids):
                return "planned"
            if t.tag_ in ("VBZ", "VBP") and t.lemma_.lower() == "be" and any(c.dep_ == "xcomp" for c in kids):
                return "planned"  # "X is to meet Y"
        if any(c.dep_ == "amod" and c.lower_ in pat.planning_modifiers for c in kids):
            return "planned"
    return "happened"


def _mode(chain: list[Token], pat: Patterns) -> str:
    for t in chain[:2]:
        words = {w.lower_ for w in t.subtree if w.i != t.i and w.dep_ in ("pobj", "compound", "amod", "advmod", "nmod")}
        words |= {t.lower_}
        if words & pat.video_words:
            return "video"
        if words & pat.phone_words:
            return "phone"
    return "in person"


def of_verb(verb: Token, pat: Patterns) -> tuple[str, str]:
    """Return (status, mode) of a verbal meeting trigger."""
    chain = _governors(verb)
    return _status(chain, pat), _mode(chain, pat)


def of_noun(noun: Token, pat: Patterns, support: Token | None) -> tuple[str, str]:
    """Return (status, mode) of a nominal meeting trigger ("a meeting between", "held talks")."""
    chain = _governors(noun)
    if any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
        return "negated", _mode(chain, pat)
    return _status(chain, pat), _mode(chain, pat)


def location(trigger: Token) -> str:
    """Return where the meeting took place ("in Riyadh", "at the Kremlin"), or ""."""
    for t in [trigger, trigger.head]:
        for prep in t.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "at"):
                continue
            for obj in prep.children:
                if obj.dep_ == "pobj" and (obj.ent_type_ in (*_PLACE_ENTS, "ORG") or obj.pos_ == "PROPN"):
                    first = next((w.i for w in obj.subtree if w.dep_ != "det"), obj.i)
                    return obj.doc[first: obj.i + 1].text
    return ""


def date_of(trigger: Token, article_date: str) -> str:
    """Return the ISO date of a meeting stated near its trigger, resolved against the article date, or ""."""
    chain = _governors(trigger, 2)
    for t in chain:
        for w in t.subtree:
            if w.ent_type_ != "DATE" or w.ent_iob_ != "B":
                continue
            ent = next(e for e in w.doc.ents if e.start == w.i)
            if ent.root.head.i not in {c.i for c in chain} and ent.root.head.head.i not in {c.i for c in chain}:
                continue
            iso = parse_date(ent.text, article_date)
            if iso:
                return iso
    return ""


def parse_date(text: str, article_date: str) -> str:
    """Return an ISO date for "Tuesday", "27 November 2025", "November 27", "yesterday"; "" if unknown.

    >>> parse_date("on Tuesday", "2025-12-04"), parse_date("November 27, 2025", ""), parse_date("2 December", "2025-12-04")
    ('2025-12-02', '2025-11-27', '2025-12-02')
    """
    low = text.lower()
    base = dt.date.fromisoformat(article_date) if article_date else None
    m = re.search(r"(\d{4})-(\d{2})-(\d{2})", low)
    if m:
        return m.group(0)
    month = next((i + 1 for i, name in enumerate(_MONTHS) if re.search(rf"\b{name}\b", low)), None)
    if month:
        day = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\b", low)
        year = re.search(r"\b(19|20)\d{2}\b", low)
        y = int(year.group(0)) if year else (base.year if base else None)
        if day and y:
            try:
                return dt.date(y, month, int(day.group(1))).isoformat()
            except ValueError:
                return ""
        return ""
    if base is None:
        return ""
    if "yesterday" in low:
        return (base - dt.timedelta(days=1)).isoformat()
    if "today" in low:
        return base.isoformat()
    for n, name in enumerate(_WEEKDAYS):
        if name in low:
            back = (base.weekday() - n) % 7
            if "next" in low:
                return (base + dt.timedelta(days=(n - base.weekday()) % 7 or 7)).isoformat()
            return (base - dt.timedelta(days=back)).isoformat()
    return ""
