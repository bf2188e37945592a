"""Dates in news text: datelines ("MOSCOW, Dec. 2, 2025 —") and meeting dates resolved against them."""
from __future__ import annotations

import datetime as dt
import re

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = {name: i + 1 for i, name in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"))}
_MONTHS.update({name[:3]: n for name, n in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
# "Dec. 2, 2025", "December 2 2025", "2 December 2025" at the start of an article
_DATELINE = re.compile(
    rf"\b(?:(?P<m1>{_MONTH_RE})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>(?:19|20)\d\d)"
    rf"|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH_RE})\.?,?\s+(?P<y2>(?:19|20)\d\d))",
    re.IGNORECASE)
_HEAD_CHARS = 400


def _make(year: int, month: int, day: int) -> str:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return ""


def dateline_date(text: str) -> str:
    """Return the ISO date of the dateline in the first lines of an article, or "".

    >>> dateline_date("Putin meets envoy\\n\\nMOSCOW, Dec. 2, 2025 — Russian President ...")
    '2025-12-02'
    >>> dateline_date("JEDDAH, 11 March 2025US Secretary"), dateline_date("No date here.")
    ('2025-03-11', '')
    """
    m = _DATELINE.search(text[:_HEAD_CHARS])
    if not m:
        return ""
    month = m.group("m1") or m.group("m2")
    day = m.group("d1") or m.group("d2")
    year = m.group("y1") or m.group("y2")
    return _make(int(year), _MONTHS[month.lower()], int(day))


def parse_date(text: str, article_date: str) -> str:
    """Return an ISO date for "Tuesday", "27 November 2025", "November 27", "yesterday"; "" if unknown.

    Weekdays are the most recent such day on or before the article date ("next Tuesday" the one after).

    >>> parse_date("on Tuesday", "2025-12-04"), parse_date("November 27, 2025", ""), parse_date("2 December", "2025-12-04")
    ('2025-12-02', '2025-11-27', '2025-12-02')
    >>> parse_date("Sept. 3", "2025-09-10"), parse_date("last week", "2025-09-10")
    ('2025-09-03', '')
    """
    low = text.lower()
    base = dt.date.fromisoformat(article_date) if article_date else None
    m = re.search(r"(\d{4})-(\d{2})-(\d{2})", low)
    if m:
        return m.group(0)
    month_m = re.search(rf"\b({_MONTH_RE})\b", low)
    if month_m:
        month = _MONTHS[month_m.group(1)]
        day = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\b", low)
        year = re.search(r"\b(19|20)\d{2}\b", low)
        y = int(year.group(0)) if year else (base.year if base else None)
        if day and y:
            return _make(y, month, int(day.group(1)))
        return ""
    if base is None:
        return ""
    if "yesterday" in low:
        return (base - dt.timedelta(days=1)).isoformat()
    if "today" in low or "tonight" in low or "this morning" in low:
        return base.isoformat()
    for n, name in enumerate(WEEKDAYS):
        if name in low:
            if "next" in low:
                return (base + dt.timedelta(days=(n - base.weekday()) % 7 or 7)).isoformat()
            return (base - dt.timedelta(days=(base.weekday() - n) % 7)).isoformat()
    return ""
