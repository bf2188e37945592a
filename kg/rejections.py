"""The rejection report: every candidate the ontology refused at build time, kept beside the store.

One JSON object per line in ``<store>.rejected.jsonl``: the article, the
candidate triple, the rule it broke and the sentence it came from. Rebuilding
an article replaces its lines; other articles' lines stay.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from kg.errors import InputError
from kg.records import Violation


def path_for(store_dir: Path) -> Path:
    """Return where the rejection report of the store at ``store_dir`` lives.

    >>> path_for(Path("data/kg-store")).as_posix()
    'data/kg-store.rejected.jsonl'
    """
    return store_dir.with_name(store_dir.name + ".rejected.jsonl")


def as_record(v: Violation) -> dict[str, Any]:
    """Return a violation as plain data."""
    obj = v.triple.object
    return {"article": v.article_id, "subject": v.triple.subject, "predicate": v.triple.predicate,
            "object": getattr(obj, "value", obj), "object_datatype": getattr(obj, "datatype", ""),
            "rule": v.rule, "sentence": v.sentence}


def load(path: Path) -> list[dict[str, Any]]:
    """Return the records of a rejection report ([] when there is none)."""
    if not path.is_file():
        return []
    out = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            raise InputError(f"{path}:{lineno}: not a JSON line ({e.msg}); delete the file and rebuild") from e
        if not isinstance(rec, dict) or "article" not in rec:
            raise InputError(f"{path}:{lineno}: not a rejection record; delete the file and rebuild")
        out.append(rec)
    return out


def save(path: Path, rebuilt: Iterable[str], violations: Iterable[Violation]) -> int:
    """Replace the lines of the ``rebuilt`` articles with ``violations``; return how many lines the file has."""
    rebuilt = set(rebuilt)
    kept = [r for r in load(path) if r["article"] not in rebuilt]
    records = kept + [as_record(v) for v in violations]
    tmp = path.with_name(path.name + ".part")
    tmp.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    tmp.replace(path)
    return len(records)
