"""The limit kg build is measured against: spaCy alone, with kg's model and settings, over kg's texts.

Two steps, each run by bench/run.py in its own process:

    python bench/raw_spacy.py prepare CORPUS.jsonl TEXTS.jsonl
        Read the corpus with kg's reader and write each article's text as kg
        normalises it before parsing (one {"text": ...} per line). Prints the
        batch size kg.pipeline.extract_all uses and the model kg loads, as JSON.

    python bench/raw_spacy.py pipe TEXTS.jsonl --batch-size 32 [--model NAME]
        Load the pipeline exactly as kg does (kg.nlp.load_nlp: same model, same
        excluded components, same gazetteer ruler and paragraph component) and
        run one nlp.pipe(..., as_tuples=True, batch_size=...) over the texts,
        consuming every Doc. Prints counts and timings as JSON.
"""
from __future__ import annotations

import argparse
import inspect
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # kg, when run from anywhere


def prepare(corpus: Path, out: Path) -> dict[str, object]:
    """Write kg's normalised texts of ``corpus`` to ``out``; return kg's batch size and model name."""
    from kg import gazetteer
    from kg.articles import read_inputs
    from kg.nlp import default_model
    from kg.normalize import normalize
    from kg.pipeline import extract_all
    from kg.records import Article

    gaz = gazetteer.load()
    names, demonyms = gaz.names(), gaz.demonym_set()
    n = 0
    tmp = out.with_name(out.name + ".part")
    with tmp.open("w", encoding="utf-8") as fh:
        for item in read_inputs([corpus]):
            if isinstance(item, Article):
                fh.write(json.dumps({"text": normalize(item.text, names, demonyms).text}, ensure_ascii=False) + "\n")
                n += 1
    tmp.replace(out)
    return {"articles": n, "batch_size": inspect.signature(extract_all).parameters["batch_size"].default,
            "model": default_model()}


def _texts(path: Path) -> Iterator[tuple[str, int]]:
    with path.open(encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            yield json.loads(line)["text"], i


def pipe(texts: Path, batch_size: int, model: str | None = None) -> dict[str, object]:
    """Parse every text with kg's pipeline; return counts and where the time went."""
    start = time.perf_counter()
    from kg import gazetteer
    from kg.nlp import load_nlp

    nlp = load_nlp(gazetteer.load(), model)
    loaded = time.perf_counter()
    docs = tokens = sentences = 0
    for doc, _ in nlp.pipe(_texts(texts), as_tuples=True, batch_size=batch_size):
        docs += 1
        tokens += len(doc)
        sentences += sum(1 for _ in doc.sents)  # touch the parse, as extraction does
    done = time.perf_counter()
    return {"articles": docs, "tokens": tokens, "sentences": sentences, "pipe_names": nlp.pipe_names,
            "load_seconds": loaded - start, "pipe_seconds": done - loaded}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="step", required=True)
    p = sub.add_parser("prepare", help="write kg's normalised texts")
    p.add_argument("corpus", type=Path)
    p.add_argument("out", type=Path)
    q = sub.add_parser("pipe", help="parse the texts with kg's pipeline")
    q.add_argument("texts", type=Path)
    q.add_argument("--batch-size", type=int, required=True)
    q.add_argument("--model", default=None)
    args = parser.parse_args(argv)
    if args.step == "prepare":
        result = prepare(args.corpus, args.out)
    else:
        result = pipe(args.texts, args.batch_size, args.model)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
