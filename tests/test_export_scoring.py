"""The issue's acceptance path: articles through `kg build` and `kg export --format turtle`, met pairs read back by
name from the Turtle, must be exactly the meetings the pipeline found (what `kg eval` scores)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import rdflib
from rdflib.namespace import RDFS

from kg import gold, pipeline
from kg.records import Meeting

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "data" / "gold" / "gold.jsonl"
GK = rdflib.Namespace("https://w3id.org/geokg/ontology#")


def test_turtle_export_carries_every_met_pair_by_name(resources: pipeline.Resources, tmp_path: Path) -> None:
    items = [g for g in gold.load(GOLD) if g.article.id.startswith(("l0", "o0"))][:6]
    assert items, "held-out batches l and o are in the gold set"
    folder = tmp_path / "in"
    folder.mkdir()
    for g in items:  # the article files as a user would hand them over
        (folder / f"{g.article.id}.txt").write_text(g.article.text, encoding="utf-8")
    store, out = tmp_path / "S", tmp_path / "kg.ttl"
    run = [sys.executable, "-m", "kg"]
    built = subprocess.run([*run, "build", str(folder), "--store", str(store), "--quiet"], capture_output=True,
                           text=True, timeout=600)
    assert built.returncode == 0, built.stderr
    exported = subprocess.run([*run, "export", "--store", str(store), "--format", "turtle", "--output", str(out)],
                              capture_output=True, text=True, timeout=600)
    assert exported.returncode == 0, exported.stderr

    g = rdflib.Graph().parse(out, format="turtle")
    label = {s: str(o) for s, o in g.subject_objects(RDFS.label)}
    from_turtle = {frozenset((label[a], label[b])) for a, b in g.subject_objects(GK.met)}

    arts = [gold_item.article for gold_item in items]
    from_pipeline = {frozenset(a.label for a in f.participants) for ex in pipeline.checked_extractions(resources, arts)
                     for f in ex.facts if isinstance(f, Meeting) and f.happened_in_person}
    assert from_turtle == from_pipeline
    assert len(from_turtle) >= 10  # a real set of meetings, not an empty export
