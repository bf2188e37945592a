"""Find SPARQL queries (by name in queries/, by path, or as text), run them over the union of article graphs."""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg import paths
from kg import vocab as V
from kg.errors import QueryError, UnknownQuery

__all__ = ["QueryError", "UnknownQuery", "Result", "available", "format_result", "is_update", "load_query", "run"]

_DESCRIBE = re.compile(r"^\s*((PREFIX|BASE)\b[^\n]*\n\s*)*DESCRIBE\s+\S", re.IGNORECASE)
_SPARQL_START = re.compile(r"^\s*(PREFIX|BASE|SELECT|CONSTRUCT|ASK|DESCRIBE|#)", re.IGNORECASE | re.MULTILINE)


def available(folder: Path = paths.QUERIES) -> dict[str, str]:
    """Return the canned queries' names and their one-line descriptions (first comment line)."""
    out = {}
    for p in sorted(folder.glob("*.rq")):
        first = next((ln.lstrip("# ").strip() for ln in p.read_text(encoding="utf-8").splitlines()
                      if ln.startswith("#")), "")
        out[p.stem] = first
    return out


def load_query(spec: str, folder: Path = paths.QUERIES) -> str:
    """Return query text for a name in ``folder``, a path to a .rq file, or SPARQL text itself.

    Raises:
        UnknownQuery: listing the available names.
    """
    candidate = Path(spec)
    if spec.endswith(".rq") and candidate.is_file():
        return candidate.read_text(encoding="utf-8")
    named = folder / f"{spec.removesuffix('.rq')}.rq"
    if "\n" not in spec and named.is_file():
        return named.read_text(encoding="utf-8")
    if is_update(spec) or (_SPARQL_START.search(spec) and "{" in spec) or _DESCRIBE.match(spec):
        return spec  # an update is refused by run(), with a message that says so
    known = ", ".join(available(folder)) or "none"
    raise UnknownQuery(f"no query named {spec!r} and it is not SPARQL text or a .rq file. Available: {known}")


@dataclass(frozen=True)
class Result:
    """A query result: rows of a SELECT, a boolean of an ASK, or triples of a CONSTRUCT/DESCRIBE."""

    variables: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    boolean: bool | None = None
    graph: bytes | None = None  # Turtle
    raw: object = None


def is_update(text: str) -> bool:
    """True if SPARQL text is an update (after its comments, BASE and PREFIX declarations).

    >>> is_update("BASE <http://x/> PREFIX a: <http://a/> DELETE WHERE { ?s ?p ?o }"), is_update("SELECT * {}")
    (True, False)
    """
    body = re.sub(r"(?m)#.*$", " ", text)
    body = re.sub(r"(?is)^\s*((BASE|PREFIX\s+[^\s:]*:)\s*<[^>]*>\s*)*", "", body)
    return re.match(r"\s*(INSERT|DELETE|DROP|CLEAR|LOAD|CREATE|ADD|MOVE|COPY|WITH)\b", body, re.IGNORECASE) is not None


def run(store: ox.Store, text: str, substitutions: dict[str, str] | None = None) -> Result:
    """Run a SPARQL query over the union of the article graphs.

    Raises:
        QueryError: the query is an update, does not parse (with line and column) or fails.
    """
    if is_update(text):
        raise QueryError("kg query is read-only: SPARQL updates (INSERT, DELETE, DROP, CLEAR, LOAD...) are refused")
    subs = {ox.Variable(k): _term(v) for k, v in (substitutions or {}).items()}
    try:
        res = store.query(text, use_default_graph_as_union=True, prefixes=dict(V.PREFIXES),
                          substitutions=subs or None)
    except SyntaxError as e:
        raise QueryError(f"SPARQL syntax error: {e}") from e
    except (OSError, ValueError, TypeError, RuntimeError) as e:
        raise QueryError(f"query failed: {e}") from e
    if isinstance(res, ox.QueryBoolean):
        return Result(boolean=bool(res))
    if isinstance(res, ox.QueryTriples):
        return Result(graph=ox.serialize(list(res), format=ox.RdfFormat.TURTLE, prefixes=dict(V.PREFIXES)))
    variables = tuple(v.value for v in res.variables)
    rows = tuple(tuple(_plain(sol[v]) for v in variables) for sol in res)
    return Result(variables=variables, rows=rows)


def _term(value: str) -> ox.NamedNode | ox.Literal:
    if value.startswith("<") and value.endswith(">"):
        return ox.NamedNode(value[1:-1])
    if re.match(r"^[a-z][a-z0-9]*:[^/]", value) and value.split(":", 1)[0] in V.PREFIXES:
        prefix, local = value.split(":", 1)
        return ox.NamedNode(V.PREFIXES[prefix] + local)
    if re.match(r"^https?://", value):
        return ox.NamedNode(value)
    return ox.Literal(value)


def _plain(t: object) -> str:
    if t is None:
        return ""
    value = getattr(t, "value", str(t))
    if isinstance(t, ox.NamedNode):
        for prefix, ns in V.PREFIXES.items():
            if value.startswith(ns) and prefix not in ("rdf", "rdfs", "xsd", "owl"):
                return f"{prefix}:{value[len(ns):]}"
    return str(value)


def format_result(result: Result, fmt: str = "table") -> str:
    """Return the result as a text table, CSV, TSV or JSON (Turtle for graphs)."""
    if result.graph is not None:
        return result.graph.decode("utf-8")
    if result.boolean is not None:
        return json.dumps({"boolean": result.boolean}) if fmt == "json" else str(result.boolean).lower()
    if fmt == "json":
        return json.dumps([dict(zip(result.variables, r)) for r in result.rows], ensure_ascii=False, indent=1)
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        w = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        w.writerow(result.variables)
        w.writerows(result.rows)
        return buf.getvalue().rstrip("\n")
    widths = [max([len(v), *(len(r[i]) for r in result.rows)]) for i, v in enumerate(result.variables)]

    def line(cells: tuple[str, ...]) -> str:
        return " | ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip()

    # one row per line: line breaks inside a cell (a headline joined to its sentence) become spaces
    result = Result(result.variables, tuple(tuple(re.sub(r"\s*[\r\n]+\s*", " ", c) for c in r) for r in result.rows))
    widths = [max([len(v), *(len(r[i]) for r in result.rows)]) for i, v in enumerate(result.variables)]

    out = [line(result.variables), "-+-".join("-" * w for w in widths)]
    out += [line(r) for r in result.rows]
    out.append(f"({len(result.rows)} row{'s' if len(result.rows) != 1 else ''})")
    return "\n".join(out)
