"""Dates of meetings whose sentence states none, carried from the article around them.

News reports state the day of an event once ("met in Anchorage on Friday") and then go on without it
("The talks lasted nearly three hours"). A meeting that happened, in a sentence with no date at all, takes
the last day any earlier sentence names (not later than the article's date: "will meet next Thursday" is
no day of the news), or the article's date when none does; a headline takes the day of the article's first
dated meeting, else the first day the article names. A sentence that has a date kg could not resolve ("last
month", "in 2019") keeps its own meeting undated. The search back does not stop at such a sentence: on the
dev gold set that cost 63 right dates of 1353, because reports go back to the day's news after an aside.
Carried dates are marked (``Meeting.date_carried``) so that a researcher can tell them from stated ones.
"""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from kg.dates import parse_date
from kg.normalize import Normalized
from kg.records import Article, Fact, Meeting


def carry_dates(facts: list[Fact], doc: Doc, norm: Normalized, article: Article) -> list[Fact]:
    """Return ``facts`` with a carried date on each undated meeting that happened in a sentence with no date."""
    days: list[tuple[int, str, bool]] = []  # (original start, last day stated in the sentence, has any date)
    for sent in doc.sents:
        stated = [e for e in sent.ents if e.label_ == "DATE"]
        resolved = [d for d in (parse_date(e.text, article.date) for e in stated) if d
                    and (not article.date or d <= article.date)]  # not "will meet next Thursday"
        days.append((norm.to_original(sent.start_char), resolved[-1] if resolved else "", bool(stated)))
    dated = {start: has for start, _, has in days}
    head_end = len(article.title) if article.title and article.text.startswith(article.title) else 0
    lead = next((f.date for f in facts if isinstance(f, Meeting) and f.status == "happened" and f.date), "")

    def day_for(start: int) -> str:
        if start < head_end:  # the headline tells the article's news
            return lead or next((d for _, d, _ in days if d), article.date)
        return next((d for s, d, _ in reversed(days) if s < start and d), article.date)

    out: list[Fact] = []
    for f in facts:
        if isinstance(f, Meeting) and f.status == "happened" and not f.date \
                and not dated.get(f.evidence.start, True):
            day = day_for(f.evidence.start)
            if day:
                f = replace(f, date=day, date_carried=True)
        out.append(f)
    return out
