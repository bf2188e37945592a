"""The benchmark's parts work (timings are the benchmark's job, not the tests'): corpus, measurement, load rates."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kg import paths
from kg.articles import read_inputs
from kg.records import Article

BENCH = paths.ROOT / "bench"
sys.path.insert(0, str(BENCH))

import make_corpus  # noqa: E402
import measure  # noqa: E402
import run as bench_run  # noqa: E402


def test_the_corpus_is_deterministic_varied_and_readable_by_kg(tmp_path: Path) -> None:
    a, b, c = tmp_path / "a.jsonl", tmp_path / "b.jsonl", tmp_path / "c.jsonl"
    make_corpus.write_corpus(60, a, seed=7)
    make_corpus.write_corpus(60, b, seed=7)
    make_corpus.write_corpus(60, c, seed=8)
    assert a.read_bytes() == b.read_bytes() and a.read_bytes() != c.read_bytes()
    articles = [x for x in read_inputs([a]) if isinstance(x, Article)]
    assert len(articles) == 60 and len({x.id for x in articles}) == 60
    words = [len(x.text.split()) for x in articles]
    assert min(words) >= 100 and max(words) <= 450
    assert len({x.text for x in articles}) == 60
    assert sum("met" in x.text or "talks" in x.text for x in articles) >= 30


def test_measure_reports_time_cpu_and_the_peak_of_a_process_tree(tmp_path: Path) -> None:
    """A child that holds ~200 MiB in a grandchild: the tree's peak sees it, the parent's own RSS would not."""
    code = ("import subprocess, sys; subprocess.run([sys.executable, '-c', "
            "'x = bytearray(200 * 2**20); import time; time.sleep(1.5)'])")
    m = measure.run([sys.executable, "-c", code], tmp_path, "grandchild")
    assert m.returncode == 0 and m.seconds >= 1.5
    assert m.peak_mib >= 200
    assert m.cpu_seconds >= 0


def test_build_summary_reads_what_kg_build_prints(tmp_path: Path) -> None:
    out = subprocess.run([sys.executable, "-m", "kg", "build", str(sorted(paths.ARTICLES.glob("*.txt"))[0]), "--store",
                          str(tmp_path / "s"), "-q"], capture_output=True, text=True, timeout=300).stdout
    got = bench_run.build_summary(out)
    assert got["stored"] == 1 and got["triples"] > 50 and got["build_seconds"] > 0


def test_load_store_compares_kg_writes_with_bulk_load_on_the_same_quads(tmp_path: Path) -> None:
    built = tmp_path / "s"
    subprocess.run([sys.executable, "-m", "kg", "build", str(paths.ARTICLES), "--store", str(built), "-q"],
                   check=True, capture_output=True, timeout=300)
    nq = tmp_path / "all.nq"
    subprocess.run([sys.executable, "-m", "kg", "export", "--store", str(built), "--format", "nquads", "-o", str(nq)],
                   check=True, capture_output=True, timeout=300)
    quads = sum(1 for line in nq.read_text(encoding="utf-8").splitlines() if line.strip())
    results = {}
    for method in ("kg", "bulk"):
        out = subprocess.run([sys.executable, str(BENCH / "load_store.py"), method, str(nq), str(tmp_path / method)],
                             check=True, capture_output=True, text=True, timeout=300).stdout
        results[method] = json.loads(out)
    assert results["kg"]["quads"] == results["bulk"]["quads"] == quads
    assert results["kg"]["graphs"] == results["bulk"]["graphs"] == 12


@pytest.mark.parametrize("value,target,verdict", [(0.9, ">= 0.85", "PASS"), (0.8, ">= 0.85", "FAIL"),
                                                  (1.4, "<= 1.3", "FAIL"), (1.1, "<= 1.3", "PASS")])
def test_ratio_verdicts(value: float, target: str, verdict: str) -> None:
    assert bench_run.Ratio("r", value, target, "basis").verdict == verdict
