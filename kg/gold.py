"""Read a hand-annotated gold set: one JSON object per article, facts named by actor name.

A gold line::

    {"id": "a01_istanbul", "split": "dev", "file": "articles/a01_istanbul.txt",
     "met": [{"pair": ["Hakan Fidan", "Rustem Umerov"], "place": "Istanbul", "date": "2025-05-16"}],
     "not_met": [{"pair": ["Vladimir Putin", "Volodymyr Zelensky"], "status": "refused", "mode": "in person"}],
     "proposed": [{"proposers": ["Russian delegation"], "kind": "memorandum", "points": null}],
     "note": "free text"}

``file`` is relative to the gold file; instead of it a line may carry ``text``
(and ``title``, ``date``) inline. Every problem is reported with the file and line.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.articles import make_article, read_txt
from kg.errors import InputError
from kg.records import Article

STATUSES = ("happened", "planned", "cancelled", "refused", "negated")
MODES = ("in person", "phone", "video")
SPLITS = ("dev", "heldout")


@dataclass(frozen=True, slots=True)
class GoldMeeting:
    """A meeting that happened: two participants, and where and when if the text says."""

    pair: frozenset[str]
    place: str = ""
    date: str = ""


@dataclass(frozen=True, slots=True)
class GoldNonMeeting:
    """A pair that must not be gk:met, with the status and mode the text gives."""

    pair: frozenset[str]
    status: str
    mode: str

    @property
    def label(self) -> str:
        """The modality case this is scored under: the status, or the mode of a call that happened."""
        return self.mode if self.status == "happened" else self.status


@dataclass(frozen=True, slots=True)
class GoldProposal:
    """Proposers putting forward one plan, identified by point count or kind."""

    proposers: tuple[str, ...]
    kind: str
    points: int | None = None
    topic: str = ""


@dataclass(frozen=True, slots=True)
class GoldArticle:
    """One annotated article."""

    article: Article
    split: str
    met: tuple[GoldMeeting, ...]
    not_met: tuple[GoldNonMeeting, ...]
    proposed: tuple[GoldProposal, ...]
    where: str  # "gold.jsonl:12"


def load(path: Path) -> list[GoldArticle]:
    """Return the annotated articles of a gold JSONL file; raise InputError naming the line on any problem."""
    try:
        lines = path.read_bytes().decode("utf-8-sig").splitlines()
    except OSError as e:
        raise InputError(f"{path}: cannot read gold file: {e.strerror or e}") from e
    except UnicodeDecodeError as e:
        raise InputError(f"{path}: gold file is not UTF-8 ({e.reason})") from e
    out = list(_parse(path, lines))
    if not out:
        raise InputError(f"{path}: gold file has no annotated articles")
    ids = [g.article.id for g in out]
    dup = next((i for i in ids if ids.count(i) > 1), None)
    if dup is not None:
        raise InputError(f"{path}: article id {dup!r} appears twice")
    return out


def _parse(path: Path, lines: list[str]) -> Iterator[GoldArticle]:
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            raise InputError(f"{where}: invalid JSON at column {e.colno}: {e.msg}") from e
        if not isinstance(obj, dict):
            raise InputError(f"{where}: expected a JSON object per line")
        try:
            yield _record(obj, path.parent, where)
        except (KeyError, TypeError, ValueError) as e:
            raise InputError(f"{where}: {e}") from e


def _record(obj: dict[str, Any], base: Path, where: str) -> GoldArticle:
    split = obj.get("split", "dev")
    if split not in SPLITS:
        raise ValueError(f"split must be one of {', '.join(SPLITS)}, not {split!r}")
    article = _article(obj, base, where)
    met = tuple(GoldMeeting(_pair(m), str(m.get("place") or ""), str(m.get("date") or ""))
                for m in _list(obj, "met"))
    not_met = tuple(_non_meeting(m) for m in _list(obj, "not_met"))
    proposed = tuple(_proposal(p) for p in _list(obj, "proposed"))
    clash = {m.pair for m in met} & {n.pair for n in not_met}
    if clash:
        raise ValueError(f"pair {' – '.join(sorted(next(iter(clash))))} is both in 'met' and 'not_met'")
    return GoldArticle(article, split, met, not_met, proposed, where)


def _article(obj: dict[str, Any], base: Path, where: str) -> Article:
    given = str(obj.get("id") or "")
    if "file" in obj:
        file = base / str(obj["file"])
        try:
            item = read_txt(file.read_bytes(), str(file), given_id=given or file.stem)
        except OSError as e:
            raise ValueError(f"cannot read article file {file}: {e.strerror or e}") from e
        if not isinstance(item, Article):
            raise ValueError(f"{item.source}: {item.message}")
        return item
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ValueError("each gold line needs 'file' (relative to the gold file) or a non-empty 'text'")
    return make_article(text, where, given_id=given, title=str(obj.get("title") or ""),
                        date=str(obj.get("date") or ""))


def _list(obj: dict[str, Any], key: str) -> list[dict[str, Any]]:
    value = obj.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise ValueError(f"'{key}' must be a list of objects")
    return value


def _pair(m: dict[str, Any]) -> frozenset[str]:
    pair = m.get("pair")
    if not isinstance(pair, list) or len(pair) != 2 or not all(isinstance(n, str) and n.strip() for n in pair) \
            or pair[0].strip() == pair[1].strip():
        raise ValueError(f"'pair' must be two different names, got {pair!r}")
    return frozenset(n.strip() for n in pair)


def _non_meeting(m: dict[str, Any]) -> GoldNonMeeting:
    status, mode = m.get("status", "planned"), m.get("mode", "in person")
    if status not in STATUSES:
        raise ValueError(f"status must be one of {', '.join(STATUSES)}, not {status!r}")
    if mode not in MODES:
        raise ValueError(f"mode must be one of {', '.join(MODES)}, not {mode!r}")
    if status == "happened" and mode == "in person":
        raise ValueError("a meeting that happened in person belongs in 'met', not 'not_met'")
    return GoldNonMeeting(_pair(m), status, mode)


def _proposal(p: dict[str, Any]) -> GoldProposal:
    proposers = p.get("proposers")
    if not isinstance(proposers, list) or not proposers or not all(isinstance(n, str) and n.strip() for n in proposers):
        raise ValueError(f"'proposers' must be a non-empty list of names, got {proposers!r}")
    points = p.get("points")
    if points is not None and (not isinstance(points, int) or isinstance(points, bool) or points < 1):
        raise ValueError(f"'points' must be a positive integer or null, got {points!r}")
    kind = p.get("kind")
    if not isinstance(kind, str) or not kind.strip():
        raise ValueError(f"'kind' must be a non-empty string, got {kind!r}")
    return GoldProposal(tuple(n.strip() for n in proposers), kind.strip().lower(), points, str(p.get("topic") or ""))
