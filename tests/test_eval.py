"""kg eval: gold files are read strictly, and scores count what the real pipeline extracts."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kg import evaluate, gold, pipeline
from kg.errors import InputError

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "data" / "gold" / "gold.jsonl"

TEXT = ("Talks in Ankara\n\nANKARA, May 16, 2025 — Hakan Fidan met Rustem Umerov in Ankara on Friday. "
        "Putin refused to meet Zelensky. Erdogan put forward a three-stage ceasefire plan.")


def write_gold(tmp_path: Path, *records: dict) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def run_eval(resources: pipeline.Resources, path: Path) -> evaluate.EvalReport:
    items = gold.load(path)
    return evaluate.evaluate(items, pipeline.checked_extractions(resources, [g.article for g in items]),
                             resources.gazetteer)


def test_perfect_and_imperfect_gold(resources: pipeline.Resources, tmp_path: Path) -> None:
    right = {"id": "right", "text": TEXT, "split": "dev",
             "met": [{"pair": ["Hakan Fidan", "Rustem Umerov"], "place": "Ankara", "date": "2025-05-16"}],
             "not_met": [{"pair": ["Vladimir Putin", "Volodymyr Zelensky"], "status": "refused",
                          "mode": "in person"}],
             "proposed": [{"proposers": ["Recep Tayyip Erdogan"], "kind": "ceasefire plan", "points": None}]}
    wrong = {"id": "wrong", "text": TEXT, "split": "heldout",
             "met": [{"pair": ["Hakan Fidan", "Sergei Lavrov"]}],
             "not_met": [{"pair": ["Vladimir Putin", "Volodymyr Zelensky"], "status": "planned",
                          "mode": "in person"}],
             "proposed": [{"proposers": ["Volodymyr Zelensky"], "kind": "plan", "points": 12}]}
    report = run_eval(resources, write_gold(tmp_path, right, wrong))
    dev, held = report.score("met", "dev"), report.score("met", "heldout")
    assert (dev.gold, dev.found, dev.correct, dev.f1) == (1, 1, 1, 1.0)
    assert (held.gold, held.found, held.correct, held.precision, held.recall) == (1, 1, 0, 0.0, 0.0)
    assert report.score("refused", "dev").correct == 1 and report.score("planned", "heldout").correct == 0
    assert report.score("proposed", "dev").correct == 1 and report.score("proposed", "heldout").correct == 0
    assert report.score("met", "all").correct == 1
    assert [(a.gold, a.correct) for a in report.accuracies if a.split == "dev"] == [(1, 1), (1, 1)]
    kinds = {(e.kind, e.relation, e.article) for e in report.errors}
    assert ("miss", "met", "wrong") in kinds and ("false", "met", "wrong") in kinds
    assert ("miss", "planned", "wrong") in kinds and ("miss", "proposed", "wrong") in kinds
    false_met = next(e for e in report.errors if e.kind == "false" and e.relation == "met")
    assert false_met.sentence == "Hakan Fidan met Rustem Umerov in Ankara on Friday." and false_met.rule == "verb:meet"


def test_names_match_by_alias_surname_and_group_owner(resources: pipeline.Resources) -> None:
    names = evaluate.Names(resources.gazetteer)
    assert names.same("Erdogan", "Recep Tayyip Erdoğan")
    assert names.same("Putin's aides", "Vladimir Putin's aides")
    assert names.same("Russia's delegation", "Russian delegation")
    assert names.same("Pashinyan", "Nikol Pashinyan")
    assert names.same("Hanna Tetteh", "Hanna Serwaa Tetteh")  # a middle name written once
    assert not names.same("Hanna Tetteh", "Hanna Serwaa Mensah")
    assert not names.same("Putin's aides", "Vladimir Putin")
    assert not names.same("Jared Kushner", "Steve Witkoff")


@pytest.mark.parametrize("line,message", [
    ("{not json", "invalid JSON at column 2"),
    ("[1, 2]", "expected a JSON object"),
    ('{"id": "x"}', "needs 'file'"),
    ('{"id": "x", "text": "t", "split": "train"}', "split must be one of dev, heldout"),
    ('{"id": "x", "text": "t", "met": [{"pair": ["A"]}]}', "'pair' must be two different names"),
    ('{"id": "x", "text": "t", "not_met": [{"pair": ["A", "B"], "status": "maybe"}]}', "status must be one of"),
    ('{"id": "x", "text": "t", "proposed": [{"proposers": ["A"], "kind": "plan", "points": 0}]}',
     "'points' must be a positive integer"),
    ('{"id": "x", "text": "t", "met": [{"pair": ["A", "B"]}], "not_met": [{"pair": ["B", "A"]}]}',
     "both in 'met' and 'not_met'"),
    ('{"id": "x", "file": "missing.txt"}', "cannot read article file"),
])
def test_bad_gold_lines_name_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "g.jsonl"
    path.write_text('{"id": "ok", "text": "fine"}\n\n' + line + "\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        gold.load(path)
    assert f"{path}:3: " in str(err.value) and message in str(err.value)


def test_gold_file_problems(tmp_path: Path) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n", encoding="utf-8")
    with pytest.raises(InputError, match="no annotated articles"):
        gold.load(empty)
    with pytest.raises(InputError, match="cannot read gold file"):
        gold.load(tmp_path / "nope.jsonl")
    dup = tmp_path / "dup.jsonl"
    dup.write_text('{"id": "a", "text": "x"}\n{"id": "a", "text": "y"}\n', encoding="utf-8")
    with pytest.raises(InputError, match="appears twice"):
        gold.load(dup)


def test_cli_eval_json_and_exit_codes(tmp_path: Path) -> None:
    path = write_gold(tmp_path, {"id": "one", "text": TEXT, "met": [{"pair": ["Hakan Fidan", "Rustem Umerov"]}]})
    out = subprocess.run([sys.executable, "-m", "kg", "eval", str(path), "--format", "json"],
                         capture_output=True, text=True, check=True)
    data = json.loads(out.stdout)
    met = next(s for s in data["scores"] if s["relation"] == "met" and s["split"] == "all")
    assert (met["gold"], met["correct"], met["precision"]) == (1, 1, 1.0)
    bad = subprocess.run([sys.executable, "-m", "kg", "eval", str(tmp_path / "none.jsonl")],
                         capture_output=True, text=True)
    assert bad.returncode == 2 and "none.jsonl" in bad.stderr
    empty_split = subprocess.run([sys.executable, "-m", "kg", "eval", str(path), "--split", "heldout"],
                                 capture_output=True, text=True)
    assert empty_split.returncode == 2 and "no articles in split 'heldout'" in empty_split.stderr
