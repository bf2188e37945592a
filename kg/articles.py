"""Read articles from .txt and .jsonl files, folders and stdin.

Readers yield ``Article`` records and, for input they cannot read,
``InputProblem`` records naming the file and line, so one bad file or line
never stops the others.
"""
from __future__ import annotations

import hashlib
import json
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from kg.dates import dateline_date
from kg.records import Article, InputProblem

SUFFIXES = (".txt", ".jsonl")
MAX_CHARS = 1_000_000  # spaCy's default max_length; longer articles are refused
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_ID_UNSAFE = re.compile(r"[^A-Za-z0-9._~-]+")

Item = Article | InputProblem


def content_hash(text: str) -> str:
    """Return the SHA-256 hex digest of an article text.

    >>> content_hash("")[:12]
    'e3b0c44298fc'
    """
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def article_id(given: str = "", url: str = "", text: str = "") -> str:
    """Return a stable id usable in an IRI: the given id, else one from the URL, else from the text.

    >>> article_id("AP 2025/11/27"), article_id(url="https://x.org/a")[:4], article_id(text="t")[:2]
    ('AP-2025-11-27', 'url-', 'h-')
    """
    if given.strip():
        return _ID_UNSAFE.sub("-", given.strip()).strip("-") or "h-" + content_hash(given)[:16]
    if url.strip():
        return "url-" + hashlib.sha256(url.strip().encode()).hexdigest()[:16]
    return "h-" + content_hash(text)[:16]


# C0 controls other than tab and newline become spaces (one for one, so offsets hold):
# they cannot be written in XML and only ever come from damaged input.
_CONTROLS = {c: " " for c in range(32) if chr(c) not in "\t\n"}


def make_article(text: str, source: str, *, given_id: str = "", url: str = "",
                 title: str = "", date: str = "") -> Article:
    """Return an Article; the title defaults to the first non-empty line, the date to the dateline's.

    Control characters become spaces.
    """
    text, title, url = (s.translate(_CONTROLS) for s in (text, title, url))
    if not title:
        title = next((line.strip() for line in text.splitlines() if line.strip()), "")
    date = date[:10] if _ISO_DATE.match(date or "") else dateline_date(text)
    return Article(id=article_id(given_id, url, text), text=text, title=title, url=url.strip(),
                   date=date, source=source, content_hash=content_hash("\x1f".join((title, date, url, source, text))))


def _decode(data: bytes, source: str) -> str | InputProblem:
    if b"\x00" in data[:8192]:
        return InputProblem(source, "binary file (contains NUL bytes); expected UTF-8 text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        return InputProblem(f"{source}:{line}",
                            f"invalid UTF-8 at byte {e.start} (line {line}); re-save the file as UTF-8")


def _checked_text(text: str, source: str) -> str | InputProblem:
    if not text.strip():
        return InputProblem(source, "empty article: no text")
    if len(text) > MAX_CHARS:
        return InputProblem(source, f"article too long ({len(text):,} characters, limit {MAX_CHARS:,}); split it")
    return text


def read_txt(data: bytes, source: str, given_id: str = "") -> Item:
    """Return the article in a plain-text file (first non-empty line is the title)."""
    if not data.strip():
        return InputProblem(source, "empty file")
    text = _decode(data, source)
    if isinstance(text, InputProblem):
        return text
    checked = _checked_text(text, source)
    if isinstance(checked, InputProblem):
        return checked
    return make_article(checked, source, given_id=given_id)


def read_jsonl(stream: BinaryIO, source: str) -> Iterator[Item]:
    """Yield one article per JSON line (``id``, ``url``, ``title``, ``date``, ``text``; only ``text`` required)."""
    seen_any = False
    for lineno, raw in enumerate(stream, start=1):
        where = f"{source}:{lineno}"
        if not raw.strip():
            continue
        seen_any = True
        line = _decode(raw, where)
        if isinstance(line, InputProblem):
            yield InputProblem(where, line.message.replace(" (line 1)", ""))
            continue
        try:
            obj = json.loads(line.rstrip("\r\n"))
        except json.JSONDecodeError as e:
            yield InputProblem(where, f"malformed JSON line: {e.msg} at column {e.colno}")
            continue
        if not isinstance(obj, dict):
            yield InputProblem(where, f"expected a JSON object with a 'text' field, got {type(obj).__name__}")
            continue
        text = obj.get("text")
        if not isinstance(text, str):
            yield InputProblem(where, "missing 'text' (a string); fields read: id, url, title, date, text")
            continue
        checked = _checked_text(text, where)
        if isinstance(checked, InputProblem):
            yield checked
            continue
        fields = {k: obj.get(k) for k in ("id", "url", "title", "date")}
        yield make_article(checked, where, given_id=str(fields["id"] or ""), url=str(fields["url"] or ""),
                           title=str(fields["title"] or ""), date=str(fields["date"] or ""))
    if not seen_any:
        yield InputProblem(source, "empty file")


def read_path(path: Path) -> Iterator[Item]:
    """Yield the articles in one file (by suffix) or, recursively, in a folder."""
    if str(path) == "-":
        yield from read_stdin()
        return
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
                       and not any(part.startswith(".") for part in p.relative_to(path).parts))
        if not files:
            yield InputProblem(str(path), f"no {' or '.join(SUFFIXES)} files in this folder")
        for f in files:
            # the id is the path inside the folder, so a/x.txt and b/x.txt stay two articles
            yield from _read_file(f, given_id=f.relative_to(path).with_suffix("").as_posix())
        return
    if not path.exists():
        yield InputProblem(str(path), "no such file or folder")
        return
    yield from _read_file(path, given_id=path.stem)


def _read_file(path: Path, given_id: str) -> Iterator[Item]:
    try:
        if path.suffix.lower() == ".jsonl":
            with path.open("rb") as stream:
                yield from read_jsonl(stream, str(path))
        else:
            yield read_txt(path.read_bytes(), str(path), given_id=given_id)
    except OSError as e:
        yield InputProblem(str(path), f"cannot read: {e.strerror or e}")


def read_stdin(stream: BinaryIO | None = None) -> Iterator[Item]:
    """Yield articles from stdin: JSON Lines if every line is an object, else one text article."""
    data = (stream or sys.stdin.buffer).read()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    lines = [line for line in data.splitlines() if line.strip()]
    if lines and all(line.lstrip().startswith(b"{") for line in lines):
        import io

        yield from read_jsonl(io.BytesIO(data), "<stdin>")
    else:
        yield read_txt(data, "<stdin>")


def read_inputs(paths: Iterable[Path | str]) -> Iterator[Item]:
    """Yield the articles (and problems) of every path in turn."""
    for p in paths:
        yield from read_path(Path(p))
