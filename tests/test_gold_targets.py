"""The gold set through the real pipeline: the issue's targets, and floors that catch regressions.

Targets (issue 3): on the held-out split, met F1 >= 0.90 with precision >= 0.90, proposed F1 >= 0.85.
The floors are the figures measured when they were last raised, minus a small margin; a change
that makes extraction worse on either split fails here.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from kg import evaluate, gold, pipeline
from kg.evaluate import EvalReport

GOLD = Path(__file__).resolve().parent.parent / "data" / "gold" / "gold.jsonl"

# measured 2026-12-02 on 468 articles (see README "Measuring extraction"); lower only with a reason in the commit
# (dev proposed recall was lowered from 0.79 when batches ac and ad, harder for proposals, joined dev; held-out
# met recall from 0.70 to 0.69 when held-out batch ag joined: recall 0.569 on arrival, the set's total 0.699; then
# to 0.68 when held-out batch an joined at recall 0.490; dev met recall from 0.86 to 0.84 when dev batches al and am
# joined at recall 0.595 and 0.662, and to 0.84 again when dev batches ao and ap joined at recall 0.574 and 0.721:
# the dev total went from 0.858 to 0.846; and to 0.82 when dev batches bb and bc joined at recall 0.480 and 0.568:
# the dev total went from 0.847 to 0.818 on arrival; raised at the end of that round to the figures below less a
# margin: dev met 0.947/0.834, dev proposed 0.921/0.779, held-out met 0.938/0.701, held-out proposed 0.946/0.790;
# raised again after the next round, which added dev batch bf: dev met 0.948/0.846, dev proposed 0.922/0.782,
# held-out met 0.942/0.709, held-out proposed 0.946/0.787)
FLOORS = {
    ("dev", "met"): (0.945, 0.84),  # (precision, recall)
    ("dev", "proposed"): (0.915, 0.775),
    ("heldout", "met"): (0.935, 0.70),
    ("heldout", "proposed"): (0.94, 0.78),
}


@pytest.fixture(scope="module")
def report(resources: pipeline.Resources) -> EvalReport:
    items = gold.load(GOLD)
    return evaluate.evaluate(items, pipeline.checked_extractions(resources, [g.article for g in items]),
                             resources.gazetteer)


def test_gold_set_shape() -> None:
    items = gold.load(GOLD)
    held = [g for g in items if g.split == "heldout"]
    new = [g for g in items if not g.article.id[0].isdigit()]  # written for the gold set, not the samples
    assert len(new) >= 40 and len(held) >= len(items) // 4 - 1  # a quarter of the whole set, give or take one
    assert sum(len(g.met) for g in items) >= 200 and sum(len(g.not_met) for g in items) >= 100


@pytest.mark.parametrize("split,relation", sorted(FLOORS))
def test_no_regression_below_floor(report: EvalReport, split: str, relation: str) -> None:
    s = report.score(relation, split)
    precision, recall = FLOORS[(split, relation)]
    assert (s.precision or 0) >= precision and (s.recall or 0) >= recall, s.as_dict()


def test_heldout_proposed_target(report: EvalReport) -> None:
    proposed = report.score("proposed", "heldout")
    assert (proposed.f1 or 0) >= 0.85, proposed.as_dict()


@pytest.mark.xfail(strict=True, reason="held-out met recall is below target (0.71 against the 0.90 an F1 of 0.90 "
                                       "needs at precision 0.90); see the README and the issue note")
def test_heldout_met_target(report: EvalReport) -> None:
    met = report.score("met", "heldout")
    assert (met.f1 or 0) >= 0.90 and (met.precision or 0) >= 0.90
