"""Benchmark kg build against raw spaCy and pyoxigraph's bulk load, in one run on the same texts.

Every measurement runs in a fresh process (bench/measure.py explains how its
time and peak memory are taken). Results are printed as a table and a block of
ratios with their targets, and written to WORKDIR/results.json.

Usage:

    python bench/run.py [--articles 2000] [--big 20000] [--workdir DIR] [--skip-big] [--workers 2]
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import make_corpus
import measure

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent


@dataclass
class Row:
    """One measured command: what it processed, how long it took, its peak memory."""

    name: str
    articles: int
    words: int
    seconds: float | None = None  # wall time of the whole process, interpreter start to exit
    cpu: float | None = None  # CPU time (user + system) of the process tree
    startup: float | None = None  # wall time of the same command on the corpus's first article alone
    startup_cpu: float | None = None
    peak_mib: float | None = None
    other_load: float | None = None  # share of the machine other processes used meanwhile
    note: str = ""
    detail: dict = field(default_factory=dict)

    @property
    def work(self) -> float | None:
        """Wall seconds for all articles but the first, with start-up (imports, model, ontology) taken out."""
        if self.seconds is None or self.startup is None:
            return None
        return self.seconds - self.startup

    def rate(self, per: str = "articles", steady: bool = True, clock: str = "wall") -> float | None:
        """Articles (or words) per second: start-up excluded when ``steady`` and known, else the whole run.

        ``clock`` is "wall" or "cpu" (CPU seconds of the process tree).
        """
        total, start = (self.seconds, self.startup) if clock == "wall" else (self.cpu, self.startup_cpu)
        count = self.articles if per == "articles" else self.words
        if total is None:
            return None
        if steady and start is not None:
            first = 1 if per == "articles" else self.detail.get("first_words", 0)
            return (count - first) / (total - start) if total > start else None
        return count / total if total else None


@dataclass
class Ratio:
    name: str
    value: float | None
    target: str  # ">= 0.85", "<= 1.3" or "" when there is none
    basis: str

    @property
    def verdict(self) -> str:
        if self.value is None:
            return "n/a"
        if not self.target:
            return "info"
        op, limit = self.target.split()
        ok = self.value >= float(limit) if op == ">=" else self.value <= float(limit)
        return "PASS" if ok else "FAIL"


class Bench:
    """Runs the commands of one benchmark in WORKDIR, keeping logs, stores and corpora there."""

    def __init__(self, workdir: Path, seed: int):
        self.workdir, self.seed = workdir, seed
        self.logs, self.stores = workdir / "logs", workdir / "stores"
        kg = Path(sys.executable).parent / "kg"
        self.kg = [str(kg)] if kg.exists() else [sys.executable, "-m", "kg"]

    def corpus(self, n: int) -> tuple[Path, int, int]:
        """Return the corpus of ``n`` articles (generated once, then reused), its article and word counts."""
        path = self.workdir / f"corpus-{n}-seed{self.seed}.jsonl"
        if not path.exists():
            t = time.perf_counter()
            make_corpus.write_corpus(n, path, self.seed)
            log(f"generated {path.name} in {time.perf_counter() - t:.1f} s")
        return (path, *count_words(path))

    def first_article(self, corpus: Path) -> tuple[Path, int]:
        """Return a corpus of the first article of ``corpus`` alone, and its word count."""
        out = corpus.with_name(corpus.stem + "-first.jsonl")
        with corpus.open(encoding="utf-8") as fh:
            line = fh.readline()
        out.write_text(line, encoding="utf-8")
        return out, len(json.loads(line)["text"].split())

    def run(self, name: str, command: list[str]) -> measure.Measured:
        log(f"running {name}: {' '.join(command)}")
        m = measure.run(command, self.logs, name, cwd=ROOT)
        status = "" if m.returncode == 0 else f" (exit {m.returncode}; see {self.logs / name}.err)"
        log(f"  {m.seconds:.1f} s, peak {m.peak_mib:.0f} MiB{status}")
        return m

    def fresh_store(self, name: str) -> Path:
        path = self.stores / name
        shutil.rmtree(path, ignore_errors=True)
        path.with_name(name + ".rejected.jsonl").unlink(missing_ok=True)
        self.stores.mkdir(parents=True, exist_ok=True)
        return path

    def python(self, script: str, *args: str) -> list[str]:
        return [sys.executable, str(BENCH / script), *args]

    def json_output(self, m: measure.Measured) -> dict:
        if m.returncode != 0:
            raise SystemExit(f"{' '.join(m.command)} failed with exit {m.returncode}:\n{m.stderr[-2000:]}")
        return json.loads(m.stdout.strip().splitlines()[-1])

    def kg_build(self, name: str, corpus: Path, store: Path, *extra: str) -> measure.Measured:
        return self.run(name, [*self.kg, "build", str(corpus), "--store", str(store), "--quiet", *extra])


def count_words(path: Path) -> tuple[int, int]:
    """Return the number of articles and of whitespace-separated words in a JSONL corpus, streaming it."""
    articles = words = 0
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                articles += 1
                words += len(json.loads(line)["text"].split())
    return articles, words


def build_summary(stdout: str) -> dict[str, float]:
    """Return what kg build printed about itself: articles stored, triples written, its own build seconds.

    >>> build_summary("articles: 12\\nstore: s (2352 triples written in 0.7 s)\\nunchanged, skipped: 3")
    {'stored': 12, 'triples': 2352, 'build_seconds': 0.7, 'skipped': 3}
    """
    out: dict[str, float] = {}
    if m := re.search(r"^articles: (\d+)", stdout, re.M):
        out["stored"] = int(m.group(1))
    if m := re.search(r"\((\d+) triples written in ([\d.]+) s\)", stdout):
        out["triples"], out["build_seconds"] = int(m.group(1)), float(m.group(2))
    if m := re.search(r"^unchanged, skipped: (\d+)", stdout, re.M):
        out["skipped"] = int(m.group(1))
    return out


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def measure_all(args: argparse.Namespace) -> tuple[list[Row], list[Ratio], dict]:
    """Run every measurement; return the table rows, the ratios and the store-load block."""
    b = Bench(args.workdir, args.seed)
    corpus, n, words = b.corpus(args.articles)
    first, first_words = b.first_article(corpus)
    rows: dict[str, Row] = {}

    def row(name: str, m: measure.Measured | None, articles: int = n, words_: int = words, **kw) -> Row:
        r = Row(name, articles, words_, detail={"first_words": first_words})
        if m is not None:
            r.seconds, r.cpu, r.peak_mib, r.other_load = m.seconds, m.cpu_seconds, m.peak_mib, m.other_load
            r.detail.update(tree_rss_mib=m.tree_rss_mib, tree_pss_mib=m.tree_pss_mib, maxrss_mib=m.maxrss_mib,
                            returncode=m.returncode)
            if m.returncode != 0:
                r.note = f"exit {m.returncode}"
        start = kw.pop("start", None)
        if start is not None:
            r.startup, r.startup_cpu = start.seconds, start.cpu_seconds
        for k, v in kw.items():
            setattr(r, k, v)
        rows[name] = r
        return r

    # (a) raw spaCy over kg's normalised texts, with kg's model, components and batch size
    texts, texts1 = args.workdir / f"{corpus.stem}.texts.jsonl", args.workdir / f"{first.stem}.texts.jsonl"
    info = b.json_output(b.run("prepare", b.python("raw_spacy.py", "prepare", str(corpus), str(texts))))
    b.json_output(b.run("prepare-first", b.python("raw_spacy.py", "prepare", str(first), str(texts1))))
    pipe_args = ["--batch-size", str(info["batch_size"])] + (["--model", args.model] if args.model else [])
    raw1 = b.run("raw-first", b.python("raw_spacy.py", "pipe", str(texts1), *pipe_args))
    raw = b.run("raw", b.python("raw_spacy.py", "pipe", str(texts), *pipe_args))
    raw_out = b.json_output(raw)
    row("raw spaCy nlp.pipe", raw, start=raw1).detail.update(raw_out, model=info["model"],
                                                                     batch_size=info["batch_size"])
    model = ["--model", args.model] if args.model else []

    # (b) kg build, one process; (d) the same corpus again into the same store
    kg1 = b.kg_build("kg-first", first, b.fresh_store("kg-first"), *model)
    one_store = b.fresh_store("kg")
    kg = b.kg_build("kg", corpus, one_store, *model)
    row("kg build", kg, start=kg1).detail.update(build_summary(kg.stdout))
    again = b.kg_build("kg-rebuild", corpus, one_store, *model)
    r = row("kg build, unchanged rebuild", again)
    r.detail.update(build_summary(again.stdout))
    if "skipped" in r.detail:
        r.note = f"{r.detail['skipped']} skipped as unchanged, {r.detail.get('stored', '?')} rebuilt"

    # (c) kg build --workers N, when kg has the option
    help_text = b.run("kg-help", [*b.kg, "build", "--help"]).stdout
    workers_name = f"kg build --workers {args.workers}"
    if "--workers" in help_text:
        w = ["--workers", str(args.workers)]
        w1 = b.kg_build("kg-workers-first", first, b.fresh_store("kg-workers-first"), *model, *w)
        wm = b.kg_build("kg-workers", corpus, b.fresh_store("kg-workers"), *model, *w)
        row(workers_name, wm, start=w1).detail.update(build_summary(wm.stdout))
    else:
        row(workers_name, None, note="not available (kg build has no --workers)")

    # (e) the big corpus, for peak memory
    if not args.skip_big:
        big, big_n, big_words = b.corpus(args.big)
        bm = b.kg_build("kg-big", big, b.fresh_store("kg-big"), *model)
        row(f"kg build, {big_n} articles", bm, big_n, big_words, start=kg1).detail.update(
            build_summary(bm.stdout))

    # (f) store write rate: kg's own store writes vs pyoxigraph's bulk_load, same quads
    nq = args.workdir / "kg-export.nq"
    ex = b.run("export", [*b.kg, "export", "--format", "nquads", "--store", str(one_store), "--output", str(nq)])
    load: dict = {"export_seconds": ex.seconds}
    if ex.returncode == 0:
        for method in ("kg", "bulk"):
            target = b.fresh_store(f"load-{method}")
            m = b.run(f"load-{method}", b.python("load_store.py", method, str(nq), str(target)))
            out = b.json_output(m)
            out["quads_per_second"] = out["quads"] / out["seconds"] if out["seconds"] else None
            out["peak_mib"] = m.peak_mib
            load[method] = out
    return list(rows.values()), ratios(rows, load, args), load


def ratios(rows: dict[str, Row], load: dict, args: argparse.Namespace) -> list[Ratio]:
    """Return the ratios the issue sets targets for, each with the basis it was computed on."""
    def div(a: float | None, b: float | None) -> float | None:
        return a / b if a is not None and b else None

    raw, kg, again = rows["raw spaCy nlp.pipe"], rows["kg build"], rows["kg build, unchanged rebuild"]
    workers = rows[f"kg build --workers {args.workers}"]
    big = next((r for k, r in rows.items() if k.startswith("kg build, ") and k.endswith(" articles")), None)
    steady = "articles/s, start-up excluded from both (wall minus the same command on one article)"
    bulk, own = load.get("bulk", {}), load.get("kg", {})
    return [
        Ratio("kg build / raw spaCy throughput", div(kg.rate(), raw.rate()), ">= 0.85", steady),
        Ratio("  the same per CPU second (information)", div(kg.rate(clock="cpu"), raw.rate(clock="cpu")), "",
              "articles per CPU second of the process tree, start-up excluded; kg's store process, which checks "
              "and writes beside the parse, counts here"),
        Ratio(f"--workers {args.workers} / one process throughput", div(workers.rate(), kg.rate()), ">= 1.6", steady),
        Ratio(f"peak RSS {big.articles if big else args.big} / {kg.articles} articles",
              div(big.peak_mib, kg.peak_mib) if big else None, "<= 1.3", "peak RSS of the process tree"),
        Ratio("first build / unchanged rebuild time", div(kg.seconds, again.seconds), ">= 20",
              "whole wall time of each command, start-up included"),
        Ratio("kg write rate / bulk_load rate", div(own.get("quads_per_second"), bulk.get("quads_per_second")), "",
              f"quads/s into a fresh store: {own.get('method', 'kg writes')} vs Store.bulk_load"),
    ]


def fmt(value: float | None, spec: str) -> str:
    """Format a number, or "-" in the same width when there is none.

    >>> fmt(None, "8.1f"), fmt(2.25, "6.2f")
    ('       -', '  2.25')
    """
    if value is None:
        return "-".rjust(int(re.match(r"\d*", spec).group() or 0))
    return format(value, spec)


def report(rows: list[Row], rat: list[Ratio], load: dict) -> str:
    """Return the printed tables."""
    head = f"{'measurement':<32} {'articles':>8} {'words':>9} {'wall s':>7} {'start s':>7} {'cpu s':>7} " \
           f"{'articles/s':>10} {'words/s':>8} {'peak MiB':>8} {'other':>5}  note"
    lines = [head, "-" * len(head)]
    for r in rows:
        other = "-" if r.other_load is None else f"{r.other_load:.0%}"
        lines.append(f"{r.name:<32} {r.articles:>8} {r.words:>9} {fmt(r.seconds, '7.1f')} {fmt(r.startup, '7.1f')} "
                     f"{fmt(r.cpu, '7.1f')} {fmt(r.rate(), '10.2f')} {fmt(r.rate('words'), '8.0f')} "
                     f"{fmt(r.peak_mib, '8.0f')} {other:>5}  {r.note}")
    lines += ["", "wall s: the whole process. start s: the same command on the first article alone (imports, model,",
              "ontology, store open). articles/s and words/s leave start-up out: (count - first) / (wall - start);",
              "rows without a start-up run use the whole wall time. cpu s: user + system time of the process tree.",
              "peak MiB: summed RSS of the process tree. other: share of all cores other processes used meanwhile.", ""]
    busy = [r for r in rows if r.other_load is not None and r.other_load > 0.1]
    if busy:
        lines += [f"warning: other processes kept the machine busy during {', '.join(r.name for r in busy)};",
                  "         wall-clock numbers there are slower than on an idle machine "
                  "(the CPU-time ratio is steadier).", ""]
    if "bulk" in load:
        lines.append(f"{'store load (same quads, fresh store)':<52} {'quads':>8} {'graphs':>7} {'seconds':>8} "
                     f"{'quads/s':>9} {'RSS +MiB':>8}")
        for key in ("kg", "bulk"):
            d = load[key]
            lines.append(f"{d['method']:<52} {d['quads']:>8} {d['graphs']:>7} {d['seconds']:8.2f} "
                         f"{fmt(d['quads_per_second'], '9.0f')} {d['rss_growth_mib']:8.0f}")
        lines.append("")
    lines.append("ratios")
    for r in rat:
        target = r.target or "none"
        lines.append(f"  {r.name:<42} {fmt(r.value, '7.2f')}  target {target:<8} {r.verdict:<5} ({r.basis})")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000, help="articles in the main corpus (default: 2000)")
    parser.add_argument("--big", type=int, default=20000,
                        help="articles in the corpus for peak memory (default: 20000)")
    parser.add_argument("--workdir", type=Path, default=BENCH / "work", help="corpora, stores, logs, results.json")
    parser.add_argument("--skip-big", action="store_true", help="leave out the big corpus")
    parser.add_argument("--workers", type=int, default=2, help="for the kg build --workers row (default: 2)")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (default: 1)")
    parser.add_argument("--model", default=None, help="spaCy pipeline for kg and raw spaCy alike (default: kg's)")
    args = parser.parse_args(argv)
    if args.articles < 2:
        parser.error("--articles must be at least 2")
    args.workdir = args.workdir.resolve()
    args.workdir.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    rows, rat, load = measure_all(args)
    print(report(rows, rat, load))
    results = {
        "config": {k: str(v) if isinstance(v, Path) else v for k, v in vars(args).items()},
        "environment": {"python": platform.python_version(), "machine": platform.machine(),
                        "cpus": os.cpu_count()},
        "rows": [{**asdict(r), "work": r.work, "articles_per_second": r.rate(),
                  "words_per_second": r.rate("words"), "articles_per_second_with_startup": r.rate(steady=False),
                  "articles_per_cpu_second": r.rate(clock="cpu")}
                 for r in rows],
        "ratios": [{**asdict(r), "verdict": r.verdict} for r in rat],
        "store_load": load,
        "bench_seconds": time.perf_counter() - start,
    }
    (args.workdir / "results.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    log(f"results: {args.workdir / 'results.json'} (bench took {results['bench_seconds']:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
