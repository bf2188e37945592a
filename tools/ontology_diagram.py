"""Draw ontology/geopolitics.ttl as an SVG: classes as boxes (subclasses under their parent), object properties
as labelled arrows from domain to range.

    python tools/ontology_diagram.py [--output ontology/geopolitics.svg]
"""
from __future__ import annotations

import argparse
import sys
from html import escape
from pathlib import Path

import rdflib

ROOT = Path(__file__).resolve().parents[1]
GK = "https://w3id.org/geokg/ontology#"
BOX_W, BOX_H, GAP_X, ROW_Y = 130, 34, 26, 170


def local(term: rdflib.term.Node) -> str:
    return str(term).replace(GK, "gk:")


def draw(path: Path) -> str:
    """Return the SVG text for the ontology at ``path``."""
    g = rdflib.Graph().parse(path, format="turtle")
    classes = sorted({s for s in g.subjects(rdflib.RDF.type, rdflib.OWL.Class) if str(s).startswith(GK)}, key=str)
    parent = {c: next((p for p in g.objects(c, rdflib.RDFS.subClassOf) if str(p).startswith(GK)), None)
              for c in classes}
    roots = [c for c in classes if parent[c] is None]
    pos: dict[rdflib.term.Node, tuple[int, int]] = {}
    x = 20
    for r in roots:  # each root with its children below it
        kids = [c for c in classes if parent[c] == r]
        width = max(1, len(kids)) * (BOX_W + GAP_X)
        pos[r] = (x + (width - BOX_W - GAP_X) // 2, 40)
        for i, k in enumerate(kids):
            pos[k] = (x + i * (BOX_W + GAP_X), 40 + ROW_Y)
        x += width + GAP_X
    width = x + 20
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{ROW_Y + 230}" '
           'font-family="sans-serif" font-size="12">',
           '<defs><marker id="a" markerWidth="8" markerHeight="8" refX="8" refY="4" orient="auto">'
           '<path d="M0,0 L8,4 L0,8 z" fill="#555"/></marker></defs>',
           f'<text x="20" y="20" font-size="14" font-weight="bold">{escape(local(GK)[:-1] or "gk")} ontology: '
           'classes (boxes), subclass links (grey), object properties (blue, domain → range)</text>']
    for c, p in parent.items():
        if p is not None:
            (x1, y1), (x2, y2) = pos[c], pos[p]
            out.append(f'<line x1="{x1 + BOX_W // 2}" y1="{y1}" x2="{x2 + BOX_W // 2}" y2="{y2 + BOX_H}" '
                       'stroke="#aaa" stroke-width="1.5"/>')
    props = sorted(g.subjects(rdflib.RDF.type, rdflib.OWL.ObjectProperty), key=str)
    for n, prop in enumerate(props):
        dom, rng = g.value(prop, rdflib.RDFS.domain), g.value(prop, rdflib.RDFS.range)
        if dom not in pos or rng not in pos:
            continue
        (x1, y1), (x2, y2) = pos[dom], pos[rng]
        bend = 60 + 14 * (n % 6)
        sx, sy, ex, ey = x1 + BOX_W // 2, y1 + BOX_H, x2 + BOX_W // 2 + 6, y2 + BOX_H
        if dom == rng:
            path_d = f"M{sx - 20},{sy} C{sx - 50},{sy + bend} {sx + 50},{sy + bend} {sx + 20},{sy}"
            lx, ly = sx, sy + bend * 0.75
        else:
            path_d = f"M{sx},{sy} Q{(sx + ex) / 2},{max(sy, ey) + bend} {ex},{ey}"
            lx, ly = (sx + ex) / 2, max(sy, ey) + bend / 2
        out.append(f'<path d="{path_d}" fill="none" stroke="#36c" stroke-width="1" marker-end="url(#a)"/>')
        out.append(f'<text x="{lx:.0f}" y="{ly:.0f}" fill="#36c" text-anchor="middle">{escape(local(prop))}</text>')
    for c, (x1, y1) in pos.items():
        out.append(f'<rect x="{x1}" y="{y1}" width="{BOX_W}" height="{BOX_H}" rx="6" fill="#f4f4f4" stroke="#333"/>')
        out.append(f'<text x="{x1 + BOX_W // 2}" y="{y1 + 21}" text-anchor="middle">{escape(local(c))}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ontology", type=Path, default=ROOT / "ontology" / "geopolitics.ttl")
    ap.add_argument("--output", type=Path, default=None)
    args = ap.parse_args(argv)
    svg = draw(args.ontology)
    if args.output:
        args.output.write_text(svg, encoding="utf-8")
        print(f"wrote {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(svg)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
