"""The rejection report: refused candidates are kept beside the store and listed by kg rejected."""
from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from pathlib import Path

import pytest

from kg import ontology, pipeline, rejections, store
from kg.errors import InputError

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "data" / "articles" / "03_china_peace_plan_wang_yi.txt"


def test_refused_candidates_are_kept_and_listed(resources: pipeline.Resources, tmp_path: Path) -> None:
    # an ontology without gk:pointCount: every point count becomes an undeclared term and is refused
    ttl = (ROOT / "ontology" / "geopolitics.ttl").read_text(encoding="utf-8")
    start = ttl.index("gk:pointCount a ")
    stripped = tmp_path / "onto.ttl"
    stripped.write_text(ttl[:start] + ttl[ttl.index("\n\n", start):], encoding="utf-8")
    res = dataclasses.replace(resources, ontology=ontology.load(stripped))
    path = tmp_path / "kg"
    db = store.open_store(path)
    report = pipeline.build(res, [ARTICLE], db)
    db.flush()
    del db
    assert report.rejected
    rejections.save(rejections.path_for(path), report.article_ids, report.rejected)
    out = subprocess.run([sys.executable, "-m", "kg", "rejected", "--store", str(path), "--format", "json"],
                         capture_output=True, text=True, check=True)
    records = json.loads(out.stdout)
    assert records and all(r["article"] == "03_china_peace_plan_wang_yi" for r in records)
    assert any(r["predicate"].endswith("#pointCount") and "pointCount" in r["rule"] for r in records)
    assert all(r["sentence"] for r in records)
    # rebuilding the article with the full ontology replaces its entries
    rejections.save(rejections.path_for(path), ["03_china_peace_plan_wang_yi"], [])
    assert rejections.load(rejections.path_for(path)) == []


def test_other_articles_entries_survive_a_rebuild(tmp_path: Path) -> None:
    path = tmp_path / "kg.rejected.jsonl"
    path.write_text('{"article": "a", "rule": "r"}\n{"article": "b", "rule": "r"}\n', encoding="utf-8")
    assert rejections.save(path, ["a"], []) == 1
    assert [r["article"] for r in rejections.load(path)] == ["b"]


def test_damaged_report_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "kg.rejected.jsonl"
    path.write_text('{"article": "a"}\nnot json\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"kg.rejected.jsonl:2: not a JSON line"):
        rejections.load(path)
