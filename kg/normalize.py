"""Repair scraped text (lost apostrophes, fused words) while keeping original offsets.

Every repair is an insertion, so the normalised text maps back onto the
original one character at a time: ``Normalized.to_original(i)`` gives the
offset in the original text of normalised offset ``i``.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass
from functools import lru_cache

# Characters scrapers leave behind that parse worse than their plain forms;
# each is replaced one-for-one so offsets stay put.
_ONE_FOR_ONE = str.maketrans({
    "\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"',
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u200b": " ",
    "\ufeff": " ",
})

_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*")
_CAP_S = re.compile(r"(?:\b|(?<=\d))([A-Z][A-Za-z\-]*[a-z])s\b(?=[ \t]+[A-Za-z0-9])")
# a dateline whose dash was lost runs the year into the first word: "July 18, 2025Kenyan opposition veteran"
_DIGIT_WORD = re.compile(r"(?<![A-Za-z0-9])\d{1,4}(?=[A-Z][a-z])")
# ... or a date or name into the next name: "in mid-AugustFidan shuttled", "Witkoffwho" is handled elsewhere
_CAPS_RUN = re.compile(r"\b(?:[a-z]+-)?([A-Z][a-z]{2,})([A-Z][a-z]{2,})\b")
_LOWER_CAP = re.compile(r"\b([a-z]{3,})([A-Z][a-z]+)\b")  # "negotiatorsOtty Patiño": a dash was lost
_ACRONYM_WORD = re.compile(r"\b([A-Z]{2,})([a-z]{3,})\b")  # "for the ELNsat down"
_DATE_WORDS = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}


@dataclass(frozen=True, slots=True)
class Normalized:
    """Normalised text and, for each of its characters, the original offset."""

    text: str
    offsets: tuple[int, ...]  # len(text) + 1 entries; the last is len(original)

    def to_original(self, index: int) -> int:
        """Return the original offset of normalised offset ``index``.

        >>> n = normalize("Putins aides", names={"Putin"})
        >>> n.text, n.to_original(7), n.to_original(len(n.text))
        ("Putin's aides", 6, 12)
        """
        return self.offsets[index]


@lru_cache(maxsize=1)
def _zipf() -> Callable[[str], float]:
    from wordfreq import zipf_frequency

    return lambda w: zipf_frequency(w, "en")


def word_zipf(word: str) -> float:
    """Return how common ``word`` is in English (Zipf scale: 0 unknown, 7 "the")."""
    return _zipf()(word)


_PLURAL_VERBS = {"said", "say", "met", "held", "told", "have", "had", "were", "are", "will", "would", "could",
                 "took", "made", "sent", "gave", "agreed", "rejected", "want", "insist", "began"}


def split_fused(word: str, freq: Callable[[str], float] | None = None) -> int | None:
    """Return where a word fused by a lost dash splits, or None.

    Only lowercase words unknown to English word frequencies are split, and
    only into two common words.

    >>> split_fused("policyfrom"), split_fused("policy"), split_fused("Kremlin")
    (6, None, None)
    """
    if len(word) < 6 or not word.isalpha() or not word.islower():
        return None
    freq = freq or _zipf()
    if freq(word) > 1.0:
        return None
    best, best_score = None, 2.5
    for cut in range(2, len(word) - 1):
        left, right = word[:cut], word[cut:]
        score = min(freq(left), freq(right))
        if score > best_score:
            best, best_score = cut, score
    return best


def normalize(text: str, names: Collection[str] = (), not_names: Collection[str] = ()) -> Normalized:
    """Return ``text`` with lost apostrophes and dashes restored.

    ``names`` are known actor names (gazetteer aliases); a capitalised word
    ending in "s" whose stem is a known name, or a word used alone elsewhere
    in the text after a lowercase word, regains its apostrophe ("Trumps envoy"
    -> "Trump's envoy"); ``not_names`` (demonyms: "Russians") never do.
    A lowercase word that is no English word but two fused ones gets a
    dash back ("policyfrom" -> "policy \u2014 from"), and so does a year run into
    the next word, a word run into a name ("negotiatorsOtty") and an acronym
    run into a word ("ELNsat"). Two restored dashes around a short aside in
    one sentence become commas, which the parser reads as an aside.

    >>> normalize("In mid-AugustFidan shuttled", names={"Fidan"}).text
    'In mid-August \u2014 Fidan shuttled'
    >>> normalize("DOHA, Jan. 16, 2025Qatars prime minister", names={"Qatar"}).text
    "DOHA, Jan. 16, 2025 \u2014 Qatar's prime minister"
    """
    text = text.translate(_ONE_FOR_ONE)
    seen_alone = _standalone_capitalised(text) - set(not_names)
    known = set(names) - set(not_names)
    inserts: list[tuple[int, str]] = []
    for m in _CAP_S.finditer(text):
        stem = m.group(1)
        before = text[max(0, m.start() - 30): m.start()].split()
        # "United States" is a name, not a possessive; a capital after a full stop says nothing
        after_name = bool(before) and before[-1][:1].isupper() and before[-1][-1] not in ".!?:"
        # a common English plural ("Barracks", "Williams") needs its stem used alone in this text too
        common = _zipf()(stem.lower() + "s") >= 3.5
        nxt = [w.strip(".,;:!?") for w in text[m.end():m.end() + 30].split()[:1]]
        after_the = bool(before) and before[-1].lower() == "the"
        verb_next = bool(nxt) and (nxt[0] in _PLURAL_VERBS or after_the and nxt[0].islower() and nxt[0].endswith("ed"))
        if verb_next:
            continue  # "The Houthis answered", "the Palestinians have": a plural subject, not a possessive
        # a name of several words: "Sri Lankas president", "Saudi Arabias crown prince"
        longer = any(" ".join([*before[-k:], stem]) in known for k in (1, 2) if len(before) >= k)
        if (stem in known and (not common or stem in seen_alone)) or (stem in seen_alone and not after_name) \
                or longer:
            inserts.append((m.end(1), "'"))
    inserts += [(m.end(), " \u2014 ") for m in _DIGIT_WORD.finditer(text)]
    inserts += [(m.start(2), " \u2014 ") for m in _CAPS_RUN.finditer(text) if m.group(1) in _DATE_WORDS
                or m.group(2) in known or m.group(2) in seen_alone]
    inserts += [(m.start(2), " - ") for m in _LOWER_CAP.finditer(text) if word_zipf(m.group(1)) >= 2.5]
    inserts += [(m.start(2), " - ") for m in _ACRONYM_WORD.finditer(text) if word_zipf(m.group(2)) >= 3.0]
    name_words = {n for n in known if " " not in n} | seen_alone
    for m in _WORD.finditer(text):
        cut = split_fused(m.group())
        if cut is None:
            following = text[m.end():m.end() + 2].strip()
            cut = split_name_fused(m.group(), name_words, short=following[:1].islower())
        if cut is None:
            cut = split_name_tail(m.group())
        if cut is not None:
            inserts.append((m.start() + cut, " - "))
    # a restored dash the parser reads as a break, not as a hyphen that compounds its neighbours
    return _apply(text, [(at, " \u2014 " if piece == " - " else piece)
                         for at, piece in _parenthetical_commas(text, sorted(inserts))])


def _parenthetical_commas(text: str, inserts: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Make two restored dashes around a short aside commas, which the parser reads as an aside:
    "Takaichion her first trip since taking officeheld talks" -> "Takaichi, on her first trip ..., held talks"."""
    out = list(inserts)
    dashes = [k for k, (_, piece) in enumerate(out) if piece in (" - ", " \u2014 ")]
    for a, b in zip(dashes, dashes[1:]):
        between = text[out[a][0]:out[b][0]]
        if out[a][1] == out[b][1] == " - " and 2 <= len(between.split()) <= 12 \
                and not any(ch in between for ch in ".;:!?,\n"):
            out[a], out[b] = (out[a][0], ", "), (out[b][0], ", ")
    return out


def split_name_fused(word: str, name_words: Collection[str], freq: Callable[[str], float] | None = None,
                     short: bool = False) -> int | None:
    """Return where a name fused with the next word splits ("Gangtalks" after "Qin Gang"), or None.

    The left part must be a known name word and the right part a common lowercase English word.

    >>> split_name_fused("Gangtalks", {"Gang"}), split_name_fused("Gangster", {"Gang"}), split_name_fused("Moscow", {"Mos"})
    (4, None, None)
    >>> split_name_fused("Takaichion", {"Takaichi"}, short=True), split_name_fused("Hassanin", {"Hassan"})
    (8, None)
    """
    if len(word) < 6 or not word.isalpha() or not word[0].isupper() or not word[1:].islower():
        return None
    freq = freq or _zipf()
    if freq(word.lower()) > 1.0:
        return None
    for cut in range(len(word) - 2, 2, -1):
        right = word[cut:]
        if word[:cut] in name_words and (len(right) > 2 and freq(right) >= 3.5 or short and right in _SHORT_WORDS):
            return cut  # "Takaichion her first trip": a known name and "on" (only before a lowercase word:
            # "Hassanin" stays a name)
    return None


_SHORT_WORDS = {"on", "in", "at", "to", "as", "of", "by", "is", "was"}


_FUSED_TAILS = ("the", "and", "who", "whom", "whose", "which", "was", "were", "has", "said", "says", "met",
                "held", "joined", "lasted", "told", "from", "with", "after", "before", "during", "while", "where",
                "when")


def split_name_tail(word: str, freq: Callable[[str], float] | None = None) -> int | None:
    """Return where an unknown capitalised word ends in a common word its lost dash fused on, or None:
    "Mbasogothe" ("Mbasogo" + "the"), "Saidovlasted", "Halljoined". Only a closed list of words that cannot
    end a name is split off, and at least four letters stay: "Medinsky", "Ferdinand", "Mehmet" stay whole.

    >>> split_name_tail("Mbasogothe"), split_name_tail("Halljoined"), split_name_tail("Medinsky")
    (7, 4, None)
    """
    if len(word) < 7 or not word.isalpha() or not word[0].isupper() or not word[1:].islower():
        return None
    freq = freq or _zipf()
    if freq(word.lower()) > 1.0:
        return None
    for tail in sorted(_FUSED_TAILS, key=len, reverse=True):
        cut = len(word) - len(tail)
        if word.endswith(tail) and cut >= 4:
            return cut
    return None


def _standalone_capitalised(text: str) -> set[str]:
    """Capitalised words not at a sentence start, as possessive stems."""
    return {m.group(1) for m in re.finditer(r"(?<=[a-z,] )([A-Z][a-z]{2,})\b(?!')", text)
            if not m.group(1).endswith("s")}


def _apply(text: str, inserts: list[tuple[int, str]]) -> Normalized:
    out: list[str] = []
    offsets: list[int] = []
    pos = 0
    for at, piece in inserts:
        out.append(text[pos:at])
        offsets.extend(range(pos, at))
        out.append(piece)
        offsets.extend([at] * len(piece))
        pos = at
    out.append(text[pos:])
    offsets.extend(range(pos, len(text) + 1))
    return Normalized("".join(out), tuple(offsets))
