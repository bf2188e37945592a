"""Score extracted facts against a gold set: precision, recall and F1 per relation, and every error.

Actors are matched by name, as a researcher reading the exported graph would:
a name and a gold name match when they fold to the same text (case, accents
and possessives ignored), name the same gazetteer actor through any alias or
demonym ("Putin's aides" = "Vladimir Putin's aides", "Russian delegation" =
"Russia's delegation"), or, for people outside the gazetteer, when one is the
other's surname ("Pashinyan" = "Nikol Pashinyan").

Relations scored: ``met`` (meetings that happened, unordered pairs),
``proposed`` (proposer and plan: same point count, or for plans without one a
shared kind word), ``not_met`` (a non-meeting event recorded for the pair)
and one row per modality case (``planned``, ``cancelled``, ``refused``,
``negated``, ``phone``, ``video``: pair and case). Place and date are
accuracies over the gold meetings that were found.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from kg.gazetteer import Gazetteer
from kg.gold import GoldArticle, GoldMeeting, GoldProposal
from kg.records import Actor, Extraction, Meeting, Plan, Proposal

MODALITY_CASES = ("planned", "cancelled", "refused", "negated", "phone", "video")
RELATIONS = ("met", "proposed", "not_met", *MODALITY_CASES)
_SPLITS = ("dev", "heldout", "all")
_KIND_SYNONYMS = {"counterproposal": "counter-proposal", "counteroffer": "counter-proposal", "truce": "ceasefire",
                  "road": "roadmap", "map": "roadmap", "plans": "plan", "proposals": "proposal"}
_KIND_STOP = {"a", "an", "the", "of", "for", "on", "to", "and", "new", "draft"}


def fold(name: str) -> str:
    """Return ``name`` lower-cased, without accents, possessives, articles or punctuation.

    >>> fold("Recep Tayyip Erdoğan"), fold("Putin's aides"), fold("the U.S. delegation")
    ('recep tayyip erdogan', 'putin aides', 'u s delegation')
    """
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"['\u2019]s\b", "", text).replace("'", "").replace("\u2019", "")
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    return re.sub(r"^(the|a|an) ", "", text)


class Names:
    """Decides whether two actor names refer to the same actor, using the gazetteer's aliases."""

    def __init__(self, gaz: Gazetteer) -> None:
        surface: dict[str, set[str]] = {}
        for key, actor in gaz.actors.items():
            for form in [actor.label, *gaz.aliases.get(key, []), *gaz.demonyms.get(key, [])]:
                if fold(form):
                    surface.setdefault(fold(form), set()).add(key)
        self._alias = {form: next(iter(keys)) for form, keys in surface.items() if len(keys) == 1}
        self._longest = max((len(f.split()) for f in self._alias), default=1)
        self._cache: dict[str, str] = {}

    def canon(self, name: str) -> str:
        """Return ``name`` with every gazetteer name in it replaced by the actor's key.

        Runs of words are replaced longest first, so "Vladimir Putin's aides"
        and "Putin's aides" both become "vladimir-putin aides".
        """
        if name not in self._cache:
            words = fold(name).split()
            out: list[str] = []
            i = 0
            while i < len(words):
                for n in range(min(self._longest, len(words) - i), 0, -1):
                    key = self._alias.get(" ".join(words[i:i + n]))
                    if key is not None:
                        out.append("@" + key)
                        i += n
                        break
                else:
                    out.append(words[i])
                    i += 1
            self._cache[name] = " ".join(out)
        return self._cache[name]

    def same(self, a: str, b: str) -> bool:
        """True if names ``a`` and ``b`` refer to the same actor."""
        ca, cb = self.canon(a), self.canon(b)
        if ca == cb:
            return True
        ta, tb = ca.split(), cb.split()
        if not ta or not tb or any(t.startswith("@") for t in ta + tb):
            return False
        short, long_ = sorted((ta, tb), key=len)
        if len(short) >= len(long_):
            return False
        if long_[-len(short):] == short:  # surname only
            return True
        return len(short) == 2 and short == [long_[0], long_[-1]]  # middle name left out


def kind_words(kind: str) -> set[str]:
    """Return the content words of a plan kind, with spelling variants merged.

    >>> sorted(kind_words("a counterproposal on the truce"))
    ['ceasefire', 'counter-proposal']
    >>> sorted(kind_words("revised draft")), sorted(kind_words("draft treaty")), sorted(kind_words("counter-proposals"))
    (['draft', 'revised'], ['treaty'], ['counter-proposal'])
    """
    words = [_singular(w) for w in re.findall(r"[a-z]+(?:-[a-z]+)*", kind.lower())]
    out = {_KIND_SYNONYMS.get(w, w) for w in words if w not in _KIND_STOP}
    if words and words[-1] == "draft":
        out.add("draft")  # "a revised draft" is a draft; "draft" before a noun only says what stage it is at
    return out


def _singular(word: str) -> str:
    """Return a plural kind word in the singular: "counter-proposals", "demands" (not "terms", "talks").

    >>> _singular("counter-proposals"), _singular("proposals"), _singular("talks"), _singular("terms")
    ('counter-proposal', 'proposal', 'talks', 'terms')
    """
    for plural in ("proposals", "plans", "offers", "initiatives", "frameworks", "roadmaps", "drafts", "demands",
                   "ideas", "points"):
        if word.endswith(plural):
            return word[:-1]
    return word


def plan_matches(gold: GoldProposal, plan: Plan) -> bool:
    """True if an extracted plan is the gold plan: same point count, or a shared kind word when gold has none."""
    if gold.points is not None:
        return plan.point_count == gold.points
    return bool(kind_words(gold.kind) & kind_words(plan.kind + " " + plan.label))


@dataclass(frozen=True, slots=True)
class Score:
    """Counts and ratios for one relation on one split."""

    relation: str
    split: str
    gold: int
    found: int
    correct: int

    @property
    def precision(self) -> float | None:
        return self.correct / self.found if self.found else None

    @property
    def recall(self) -> float | None:
        return self.correct / self.gold if self.gold else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        """Return the counts and the ratios (None where undefined)."""
        return {**asdict(self), "precision": self.precision, "recall": self.recall, "f1": self.f1}


@dataclass(frozen=True, slots=True)
class Accuracy:
    """How many gold places or dates of found meetings were found right."""

    attribute: str
    split: str
    gold: int
    correct: int


@dataclass(frozen=True, slots=True)
class EvalError:
    """A gold fact not found (miss) or an extracted fact not in the gold set (false)."""

    kind: str  # miss | false
    relation: str
    article: str
    split: str
    item: str
    sentence: str = ""
    rule: str = ""
    found_as: str = ""  # for misses: what the pipeline made of the pair instead


@dataclass
class EvalReport:
    """The scores per relation and split, the place/date accuracies and the errors."""

    articles: dict[str, int]
    scores: list[Score]
    accuracies: list[Accuracy]
    errors: list[EvalError] = field(default_factory=list)

    def score(self, relation: str, split: str = "all") -> Score:
        """Return the score of ``relation`` on ``split``."""
        return next(s for s in self.scores if s.relation == relation and s.split == split)


@dataclass
class _Counts:
    gold: dict[str, int] = field(default_factory=dict)
    found: dict[str, int] = field(default_factory=dict)
    correct: dict[str, int] = field(default_factory=dict)
    place: list[int] = field(default_factory=lambda: [0, 0])
    date: list[int] = field(default_factory=lambda: [0, 0])

    def add(self, relation: str, gold: int, found: int, correct: int) -> None:
        for d, n in ((self.gold, gold), (self.found, found), (self.correct, correct)):
            d[relation] = d.get(relation, 0) + n


def evaluate(gold: list[GoldArticle], extractions: Iterable[Extraction], gaz: Gazetteer) -> EvalReport:
    """Score ``extractions`` (the facts kept for each gold article, in any order) against ``gold``."""
    names = Names(gaz)
    by_id = {e.article.id: e for e in extractions}
    counts = {s: _Counts() for s in _SPLITS}
    errors: list[EvalError] = []
    for g in gold:
        extraction = by_id.get(g.article.id, Extraction(g.article))
        for split in (g.split, "all"):
            _score_article(g, extraction, names, counts[split], errors if split == "all" else None)
    scores = [Score(rel, split, c.gold.get(rel, 0), c.found.get(rel, 0), c.correct.get(rel, 0))
              for rel in RELATIONS for split, c in counts.items()]
    accuracies = [Accuracy(attr, split, getattr(c, attr)[0], getattr(c, attr)[1])
                  for attr in ("place", "date") for split, c in counts.items()]
    articles = {s: sum(1 for g in gold if s in (g.split, "all")) for s in _SPLITS}
    return EvalReport(articles, scores, accuracies, errors)


def _pair_text(pair: Iterable[str]) -> str:
    return " – ".join(sorted(pair))


def _pair_matches(names: Names, gold_pair: frozenset[str], found: tuple[str, str]) -> bool:
    a, b = sorted(gold_pair)
    x, y = found
    return (names.same(a, x) and names.same(b, y)) or (names.same(a, y) and names.same(b, x))


def _case(m: Meeting) -> str:
    return m.mode if m.status == "happened" else m.status


def _score_article(g: GoldArticle, ex: Extraction, names: Names, c: _Counts, errors: list[EvalError] | None) -> None:
    art, split = g.article.id, g.split
    meetings = [f for f in ex.facts if isinstance(f, Meeting)]

    def labels(m: Meeting) -> tuple[str, str]:
        a, b = (p.label for p in m.participants[:2])
        return a, b

    def err(kind: str, rel: str, item: str, sentence: str = "", rule: str = "", found_as: str = "") -> None:
        if errors is not None:
            errors.append(EvalError(kind, rel, art, split, item, sentence, rule, found_as))

    # met: unordered pairs that happened in person, one per article
    found_met = _first_by(lambda m: frozenset(names.canon(x) for x in labels(m)),
                          [m for m in meetings if m.happened_in_person and len(m.participants) == 2])
    matched_found: set[int] = set()
    correct = 0
    for gm in g.met:
        hit = next((i for i, m in enumerate(found_met) if i not in matched_found
                    and _pair_matches(names, gm.pair, labels(m))), None)
        if hit is None:
            other = next((m for m in meetings if _pair_matches(names, gm.pair, labels(m))), None)
            err("miss", "met", _pair_text(gm.pair), *(_hint(g, gm.pair, other)))
            continue
        matched_found.add(hit)
        correct += 1
        same_pair = [m for m in meetings if m.happened_in_person and _pair_matches(names, gm.pair, labels(m))]
        for attr, want, got in _attributes(gm, same_pair, c):
            err("miss", attr, f"{_pair_text(gm.pair)}: {want}", same_pair[0].evidence.sentence,
                same_pair[0].evidence.rule, found_as=got or "nothing")
    c.add("met", len(g.met), len(found_met), correct)
    for i, m in enumerate(found_met):
        if i not in matched_found:
            err("false", "met", _pair_text(labels(m)), m.evidence.sentence, m.evidence.rule)

    # non-meetings: pair level, then pair and case
    others = [m for m in meetings if not m.happened_in_person and len(m.participants) == 2]
    by_pair = _first_by(lambda m: frozenset(names.canon(x) for x in labels(m)), others)
    hits = {i for gn in g.not_met for i, m in enumerate(by_pair) if _pair_matches(names, gn.pair, labels(m))}
    c.add("not_met", len(g.not_met),
          len(by_pair), sum(1 for gn in g.not_met if any(_pair_matches(names, gn.pair, labels(m)) for m in by_pair)))
    for i, m in enumerate(by_pair):
        if i not in hits:
            err("false", "not_met", f"{_pair_text(labels(m))} ({_case(m)})", m.evidence.sentence, m.evidence.rule)
    by_case = _first_by(lambda m: (frozenset(names.canon(x) for x in labels(m)), _case(m)), others)
    for case in MODALITY_CASES:
        gold_case = [gn for gn in g.not_met if gn.label == case]
        found_case = [m for m in by_case if _case(m) == case]
        ok = [gn for gn in gold_case if any(_pair_matches(names, gn.pair, labels(m)) for m in found_case)]
        c.add(case, len(gold_case), len(found_case),
              sum(1 for m in found_case if any(_pair_matches(names, gn.pair, labels(m)) for gn in gold_case)))
        for gn in gold_case:
            if gn not in ok:
                other = next((m for m in meetings if _pair_matches(names, gn.pair, labels(m))), None)
                err("miss", case, _pair_text(gn.pair), *(_hint(g, gn.pair, other)))

    # proposals: one per (proposer, plan)
    found_prop = _first_by(lambda t: (names.canon(t[0].label), t[1].plan.key),
                           [(a, p) for p in ex.facts if isinstance(p, Proposal) for a in p.proposers])
    gold_prop = [(name, gp) for gp in g.proposed for name in gp.proposers]
    used: set[int] = set()
    for name, gp in gold_prop:
        hit = next((i for i, (a, p) in enumerate(found_prop) if i not in used and names.same(name, a.label)
                    and plan_matches(gp, p.plan)), None)
        if hit is None:
            guess = next((p for a, p in found_prop if names.same(name, a.label)), None)
            err("miss", "proposed", f"{name} → {_plan_text(gp)}",
                found_as=f"proposed {guess.plan.label}" if guess else "")
        else:
            used.add(hit)
    c.add("proposed", len(gold_prop), len(found_prop), len(used))
    for i, (a, p) in enumerate(found_prop):
        if i not in used:
            err("false", "proposed", f"{a.label} → {p.plan.label}", p.evidence.sentence, p.evidence.rule)


def _attributes(gm: GoldMeeting, found: list[Meeting], c: _Counts) -> list[tuple[str, str, str]]:
    """Count right places and dates of a found meeting; return (attribute, gold, found) for the wrong ones."""
    wrong = []
    if gm.place:
        c.place[0] += 1
        want = set(fold(gm.place).split())
        if any(m.location and (want <= set(fold(m.location).split()) or set(fold(m.location).split()) <= want)
               for m in found):
            c.place[1] += 1
        else:
            wrong.append(("place", gm.place, ", ".join(sorted({m.location for m in found if m.location}))))
    if gm.date:
        c.date[0] += 1
        if any(m.date == gm.date for m in found):
            c.date[1] += 1
        else:
            wrong.append(("date", gm.date, ", ".join(sorted({m.date for m in found if m.date}))))
    return wrong


def _first_by(key: Any, items: list[Any]) -> list[Any]:
    seen: dict[Any, Any] = {}
    for item in items:
        seen.setdefault(key(item), item)
    return list(seen.values())


def _plan_text(gp: GoldProposal) -> str:
    return f"{gp.points}-point {gp.kind}" if gp.points else gp.kind


def _hint(g: GoldArticle, pair: frozenset[str], other: Meeting | None) -> tuple[str, str, str]:
    """Return (sentence, rule, found_as) to show beside a miss."""
    if other is not None:
        return other.evidence.sentence, other.evidence.rule, f"{other.status}, {other.mode}"
    surnames = [fold(n).split()[-1] for n in pair]
    for sentence in re.split(r"(?<=[.!?])\s+|\n+", g.article.text):
        low = fold(sentence)
        if all(re.search(rf"\b{re.escape(s)}", low) for s in surnames):
            return sentence.strip(), "", ""
    return "", "", ""


# ------------------------------------------------------------------ output

def _ratio(x: float | None) -> str:
    return "—" if x is None else f"{x:.3f}"


def format_table(report: EvalReport, splits: tuple[str, ...] = _SPLITS, show_errors: bool = True) -> str:
    """Return the report as aligned text: scores, accuracies, then every error with its sentence."""
    n = report.articles
    lines = [f"gold articles: {n['all']} ({n['dev']} dev, {n['heldout']} heldout)", ""]
    head = ("relation", "split", "gold", "found", "correct", "precision", "recall", "F1")
    rows = [head] + [(s.relation, s.split, str(s.gold), str(s.found), str(s.correct), _ratio(s.precision),
                      _ratio(s.recall), _ratio(s.f1))
                     for s in report.scores if s.split in splits and (s.gold or s.found)]
    widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
    for k, r in enumerate(rows):
        lines.append("  ".join(c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))))
        if k == 0:
            lines.append("  ".join("-" * w for w in widths))
    lines.append("")
    for a in report.accuracies:
        if a.split in splits and a.gold:
            lines.append(f"met {a.attribute} ({a.split}): {a.correct}/{a.gold} right ({a.correct / a.gold:.3f})")
    if show_errors:
        shown = [e for e in report.errors if e.split in splits or "all" in splits]
        lines += ["", f"errors: {len(shown)}"]
        for e in shown:
            lines.append(f"{e.kind.upper():5} {e.relation:9} {e.article} [{e.split}]: {e.item}"
                         + (f"  (found as {e.found_as})" if e.found_as else "")
                         + (f"  [{e.rule}]" if e.rule else ""))
            if e.sentence:
                lines.append(f"      | {e.sentence}")
    return "\n".join(lines)


def as_json(report: EvalReport, splits: tuple[str, ...] = _SPLITS) -> dict[str, Any]:
    """Return the report as plain data for ``json.dumps``."""
    return {
        "articles": report.articles,
        "scores": [s.as_dict() for s in report.scores if s.split in splits],
        "accuracy": [asdict(a) for a in report.accuracies if a.split in splits],
        "errors": [asdict(e) for e in report.errors if e.split in splits or "all" in splits],
    }
