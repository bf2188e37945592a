"""Write a synthetic news corpus as JSON Lines for benchmarking ``kg build``.

Each article is 120-400 words of news-style text: sentences from the templates
in bench/templates.json (meetings, meetings that did not happen, proposals and
neutral filler) filled with actors from the project's gazetteer, mixed with
sentences taken from the sample corpus in data/articles. The output is the
same for the same N and seed, and is written one line at a time, so 100k
articles never sit in memory.

Usage:

    python bench/make_corpus.py 2000 corpus.jsonl --seed 1
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = Path(__file__).resolve().parent / "templates.json"
ACTORS = ROOT / "data" / "gazetteers" / "actors.jsonl"
COUNTRIES = ROOT / "data" / "gazetteers" / "countries.jsonl"
SAMPLES = ROOT / "data" / "articles"

MIN_WORDS, MAX_WORDS = 120, 400
# Share of each kind of sentence after the lead (which is always a meeting or a proposal).
MIX = (("meetings", 0.22), ("not_meetings", 0.10), ("proposals", 0.08), ("fillers", 0.25), ("sample", 0.35))
# Offices written before a name ("Russian President Vladimir Putin"); others get the bare name.
TITLED_ROLES = {"president", "prime minister", "foreign minister", "defence minister", "special envoy",
                "secretary general", "chancellor", "emir", "crown prince", "secretary of state",
                "supreme leader", "presidential envoy", "foreign policy aide"}
_DATELINE = re.compile(r"^[A-Z][A-Z .'-]+, [A-Z][a-z]+\.? \d{1,2}, \d{4} [—–-]+ ")
_SENTENCE_END = re.compile(r"(?<=[.!?\"])\s+(?=[A-Z\"])")


@dataclass(frozen=True, slots=True)
class Mention:
    """How an actor is written: in full the first time in an article, short after that."""

    full: str
    short: str


@dataclass(frozen=True, slots=True)
class Material:
    """Everything sentences are made from."""

    templates: dict[str, list[str]]
    actors: list[Mention]
    countries: list[tuple[str, str]]  # (name, demonym)
    samples: list[str]


def load_material(templates: Path = TEMPLATES, actors: Path = ACTORS, countries: Path = COUNTRIES,
                  samples: Path = SAMPLES) -> Material:
    """Return templates, gazetteer mentions, countries and sample-corpus sentences, read from their files."""
    tpl = json.loads(templates.read_text(encoding="utf-8"))
    country_rows = [json.loads(line) for line in countries.read_text(encoding="utf-8").splitlines() if line.strip()]
    actor_rows = [json.loads(line) for line in actors.read_text(encoding="utf-8").splitlines() if line.strip()]
    demonym = {c["id"]: (c.get("demonyms") or [""])[0] for c in country_rows}
    label = {r["id"]: r["label"] for r in country_rows + actor_rows}
    mentions = [_mention(r, demonym, label) for r in actor_rows if r["type"] in ("Person", "Organization")]
    pairs = [(c["label"], c["demonyms"][0]) for c in country_rows if c.get("demonyms")]
    return Material(templates=tpl, actors=mentions, countries=pairs, samples=sample_sentences(samples))


def _mention(row: dict, demonym: dict[str, str], label: dict[str, str]) -> Mention:
    name = row["label"]
    one_word = [a for a in row.get("aliases", []) if " " not in a and a[:1].isupper()]
    if row["type"] == "Organization":
        # "the African Union", but "NATO" and "Hamas"
        name = name if " " not in name else f"the {name}"
        return Mention(name, name)
    short = one_word[0] if one_word else name
    for role in row.get("roles", []):
        if role["role"] in TITLED_ROLES and not role.get("end"):
            of = demonym.get(role["of"]) or label.get(role["of"], "")
            if of:
                return Mention(f"{of} {role['role'].title()} {name}", short)
    return Mention(name, short)


def sample_sentences(folder: Path) -> list[str]:
    """Return the sentences of the sample articles (title lines and datelines dropped).

    >>> _SENTENCE_END.split('He left. "It was useful," she said. Then')
    ['He left.', '"It was useful," she said.', 'Then']
    """
    out: list[str] = []
    for path in sorted(folder.glob("*.txt")):
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        for paragraph in lines[1:]:
            paragraph = _DATELINE.sub("", paragraph)
            out.extend(s for s in _SENTENCE_END.split(paragraph) if len(s.split()) >= 4)
    return out


class _Slots(dict):
    """Slot values for one sentence, drawn from the generator the first time each is used."""

    def __init__(self, article: "_ArticleState", cast: list[Mention]):
        super().__init__()
        self.article, self.cast = article, cast

    def __missing__(self, key: str) -> str:
        a, rng, m = self.article, self.article.rng, self.article.material
        if key in ("A", "B", "C"):
            value = a.say(self.cast["ABC".index(key)])
        elif key == "PLACE":
            value = a.place if rng.random() < 0.6 else rng.choice(m.templates["places"])
        elif key == "VENUE":
            value = rng.choice(m.templates["venues"])
        elif key == "DAY":
            value = rng.choice(m.templates["weekdays"])
        elif key == "MONTH":
            value = rng.choice(m.templates["months"])
        elif key == "N":
            value = str(rng.choice((3, 5, 6, 10, 12, 14, 20, 21, 27, 28, 30)))
        elif key == "PCT":
            value = f"{rng.uniform(0.1, 9.9):.1f}"
        elif key == "HOURS":
            value = rng.choice(("two", "three", "four", "five", "six"))
        elif key == "QUOTE":
            value = rng.choice(m.templates["quotes"])
        elif key in ("COUNTRY", "DEMONYM"):
            name, dem = a.country
            self["COUNTRY"], self["DEMONYM"] = name, dem
            return self[key]
        else:
            raise KeyError(f"unknown slot {{{key}}} in bench/templates.json")
        self[key] = value
        return value


class _ArticleState:
    """One article being written: its cast, place, and who has been named in full."""

    def __init__(self, rng: random.Random, material: Material):
        self.rng, self.material = rng, material
        self.cast = rng.sample(material.actors, 4)
        self.place = rng.choice(material.templates["places"])
        self.country = rng.choice(material.countries)
        self.named: set[str] = set()

    def say(self, actor: Mention) -> str:
        if actor.full in self.named:
            return actor.short
        self.named.add(actor.full)
        return actor.full

    def sentence(self, kind: str) -> str:
        if kind == "sample":
            return self.rng.choice(self.material.samples)
        # mostly the article's own cast, sometimes someone new
        cast = [self.rng.choice(self.material.actors) if self.rng.random() < 0.15 else c
                for c in self.rng.sample(self.cast, 3)]
        text = self.rng.choice(self.material.templates[kind]).format_map(_Slots(self, cast))
        return text[0].upper() + text[1:]


def make_article(rng: random.Random, material: Material, index: int, seed: int) -> dict[str, str]:
    """Return one article as the JSON object kg reads (id, title, date, text)."""
    state = _ArticleState(rng, material)
    day = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(3 * 365))
    target = rng.randint(MIN_WORDS, MAX_WORDS)
    kinds, weights = zip(*MIX)
    month = material.templates["dateline_months"][day.month - 1]
    dateline = f"{state.place.upper()}, {month} {day.day}, {day.year} —"
    sentences = [state.sentence(rng.choice(("meetings", "meetings", "proposals")))]
    words = len(dateline.split()) + len(sentences[0].split())
    while words < target:
        s = state.sentence(rng.choices(kinds, weights)[0])
        n = len(s.split())
        if words + n > MAX_WORDS:
            if words >= MIN_WORDS:
                break
            continue
        sentences.append(s)
        words += n
    paragraphs: list[str] = []
    while sentences:
        take = rng.randint(1, 3)
        paragraphs.append(" ".join(sentences[:take]))
        sentences = sentences[take:]
    paragraphs[0] = f"{dateline} {paragraphs[0]}"
    a, b = state.cast[0].short, state.cast[1].short
    title = rng.choice(material.templates["titles"]).format(a=a, b=b, place=state.place)
    return {"id": f"syn-{seed}-{index:07d}", "title": title, "date": day.isoformat(),
            "text": "\n\n".join(paragraphs)}


def generate(n: int, seed: int = 0, material: Material | None = None) -> Iterator[dict[str, str]]:
    """Yield ``n`` articles, the same ones for the same seed."""
    material = material or load_material()
    rng = random.Random(seed)
    for i in range(n):
        yield make_article(rng, material, i, seed)


def write_corpus(n: int, out: Path, seed: int = 0) -> tuple[int, int]:
    """Write ``n`` articles to ``out`` (via a temporary file, so a partial corpus never looks finished).

    Returns the number of articles and of words (whitespace-separated, in the texts).
    """
    tmp = out.with_name(out.name + ".part")
    words = 0
    with tmp.open("w", encoding="utf-8") as fh:
        for article in generate(n, seed):
            words += len(article["text"].split())
            fh.write(json.dumps(article, ensure_ascii=False) + "\n")
    os.replace(tmp, out)
    return n, words


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("out", type=Path, help="JSON Lines file to write")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default: 0)")
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("N must be at least 1")
    n, words = write_corpus(args.n, args.out, args.seed)
    print(f"wrote {n} articles, {words} words to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
