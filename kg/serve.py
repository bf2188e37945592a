"""Serve a built store with Oxigraph's own SPARQL server, and a page of the ready-made queries.

The SPARQL endpoint, its YASGUI page and the protocol are Oxigraph's (``oxigraph serve-read-only``,
from the ``oxigraph`` package pinned to pyoxigraph's version). kg adds two things around it:

- a marker file beside the store while it is served, so that ``kg build`` refuses to write into a store
  a server is reading (a read-only RocksDB reader beside a writer is undefined behaviour);
- a small page on a second port that lists ``queries/*.rq`` with links opening each one in YASGUI.
"""
from __future__ import annotations

import html
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import IO

import pyoxigraph as ox

from kg import paths, queries
from kg.errors import StoreError
from kg.store import marker_path, serving

__all__ = ["Server", "oxigraph_command", "queries_page", "queries_server", "start", "stop", "yasgui_link"]


@dataclass(frozen=True)
class Server:
    """A running server: Oxigraph's process and where to reach it."""

    process: subprocess.Popen
    endpoint: str  # base URL: YASGUI at /, SPARQL at /query
    store: Path

    @property
    def query_url(self) -> str:
        return f"{self.endpoint}/query"


def oxigraph_command() -> str:
    """Return the path of Oxigraph's server binary, checked to match pyoxigraph's version.

    Raises:
        StoreError: the binary is missing or of another version.
    """
    found = Path(sys.executable).with_name("oxigraph")
    binary = str(found) if found.is_file() else shutil.which("oxigraph")
    if binary is None:
        raise StoreError("Oxigraph's server is not installed: pip install 'oxigraph==" + ox.__version__ + "'")
    out = subprocess.run([binary, "--version"], capture_output=True, text=True, check=False).stdout.split()
    version = out[-1] if out else "unknown"
    if version != ox.__version__:
        raise StoreError(f"{binary} is oxigraph {version} but pyoxigraph is {ox.__version__}; "
                         f"install the same version: pip install 'oxigraph=={ox.__version__}'")
    return binary


def _check_store(store: Path) -> None:
    if not (store / "CURRENT").is_file():
        raise StoreError(f"no kg store at {store}; build one first with: kg build PATH --store {store}")
    other = serving(store)
    if other is not None:
        raise StoreError(f"{store} is already served by kg serve (pid {other['pid']}) at {other['url']}")
    try:  # refuse a store a build is writing: its lock is held
        ox.Store(str(store)).flush()
    except OSError as e:
        if "lock" in str(e).lower():
            raise StoreError(f"store {store} is being written by another process (a running kg build?); "
                             "serve it when the build has finished") from e
        raise StoreError(f"cannot open store {store}: {e}") from e


def start(store: Path, host: str = "127.0.0.1", port: int = 7878, timeout_s: int = 30,
          wait_s: float = 20.0) -> Server:
    """Start ``oxigraph serve-read-only`` over ``store``: union default graph, query timeout, bound to host:port.

    Returns once the server answers. The marker file is written; :func:`stop` removes it.

    Raises:
        StoreError: no store, the store is being built or served, or the server did not come up.
    """
    store = Path(store)
    _check_store(store)
    cmd = [oxigraph_command(), "serve-read-only", "--location", str(store), "--bind", f"{host}:{port}",
           "--union-default-graph", "--timeout-s", str(timeout_s)]
    _check_port(host, port)
    url = f"http://{url_host(host)}:{port}"
    marker = marker_path(store)
    marker.write_text(json.dumps({"pid": os.getpid(), "url": url}), encoding="utf-8")  # before the server reads
    log = tempfile.TemporaryFile()  # not a pipe: a server that logs must never block on a full pipe
    try:
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=log, preexec_fn=_die_with_parent)
    except BaseException:
        marker.unlink(missing_ok=True)
        raise
    marker.write_text(json.dumps({"pid": os.getpid(), "server_pid": proc.pid, "url": url}), encoding="utf-8")
    try:
        _wait_until_up(proc, url, wait_s, log)
    except BaseException:  # not up, or interrupted while waiting: leave no server behind
        proc.terminate()
        proc.wait()
        marker.unlink(missing_ok=True)
        raise
    return Server(proc, url, store)


def _die_with_parent() -> None:
    """In the server's process before exec: ask Linux to stop it when kg serve dies, even by SIGKILL."""
    try:
        import ctypes
        import signal

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: the marker still names the server's pid
        pass


def _check_port(host: str, port: int) -> None:
    try:
        with socket.create_server((host, port)):
            pass
    except OSError as e:
        raise StoreError(f"cannot listen on {host}:{port}: {e.strerror or e} (another server? choose --port)") from e


def _wait_until_up(proc: subprocess.Popen, url: str, wait_s: float, log: IO[bytes]) -> None:
    deadline = time.monotonic() + wait_s
    while True:
        if proc.poll() is not None:
            log.seek(0)
            err = log.read().decode("utf-8", "replace").strip()
            raise StoreError(f"oxigraph serve-read-only exited with {proc.returncode}: {err or 'no message'}")
        try:
            with urllib.request.urlopen(f"{url}/query?query=ASK%7B%7D", timeout=2):
                return
        except (urllib.error.URLError, OSError):
            if time.monotonic() > deadline:
                raise StoreError(f"oxigraph did not answer on {url} within {wait_s:.0f} s") from None
            time.sleep(0.1)


def stop(server: Server) -> None:
    """Stop the server and remove the marker."""
    server.process.terminate()
    try:
        server.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait()
    marker_path(server.store).unlink(missing_ok=True)


def url_host(host: str) -> str:
    if host in ("0.0.0.0", "::", ""):
        return "127.0.0.1"
    return f"[{host}]" if ":" in host else host


def yasgui_link(endpoint: str, query: str) -> str:
    """Return a link that opens ``query`` in Oxigraph's YASGUI page, aimed at its SPARQL endpoint.

    >>> yasgui_link("http://127.0.0.1:7878", "ASK {}")
    'http://127.0.0.1:7878/#query=ASK%20%7B%7D&endpoint=http%3A%2F%2F127.0.0.1%3A7878%2Fquery'
    """
    q = urllib.parse.quote(query, safe="")
    return f"{endpoint}/#query={q}&endpoint={urllib.parse.quote(endpoint + '/query', safe='')}"


def queries_page(endpoint: str, folder: Path = paths.QUERIES) -> str:
    """Return the HTML page listing the ready-made queries, each linked to YASGUI and to its text."""
    items = []
    for name, description in queries.available(folder).items():
        text = (folder / f"{name}.rq").read_text(encoding="utf-8")
        items.append(
            f'<li><a class="query" href="{html.escape(yasgui_link(endpoint, text))}">{html.escape(name)}</a>'
            f' <span class="desc">{html.escape(description)}</span>'
            f' (<a href="/{html.escape(name)}.rq">text</a>)</li>')
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>kg: ready-made queries</title>"
            "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto}li{margin:.5em 0}"
            ".desc{color:#444}</style></head><body>\n"
            f"<h1>Ready-made queries</h1>\n<p>SPARQL endpoint: <code>{html.escape(endpoint)}/query</code> "
            f"(<a href=\"{html.escape(endpoint)}/\">YASGUI</a>). Each link opens the query in YASGUI; "
            "press the run button to see its results. Named graphs are queried as one union: "
            "use <code>DISTINCT</code> or <code>GRAPH ?g</code> to count each fact once.</p>\n<ul>\n"
            + "\n".join(items) + "\n</ul></body></html>\n")


def queries_server(endpoint: str, host: str, port: int, folder: Path = paths.QUERIES) -> ThreadingHTTPServer:
    """Return an HTTP server (not started) for the query page at / and each query's text at /NAME.rq."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            path = urllib.parse.urlsplit(self.path).path
            if path in ("/", "/index.html"):
                self._send(200, "text/html; charset=utf-8", queries_page(endpoint, folder))
            elif path.endswith(".rq") and path[1:-3] in queries.available(folder):
                self._send(200, "application/sparql-query; charset=utf-8",
                           (folder / path[1:]).read_text(encoding="utf-8"))
            else:
                self._send(404, "text/plain; charset=utf-8", f"not found: {path}\n")

        def _send(self, status: int, ctype: str, body: str) -> None:
            data = body.encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    return ThreadingHTTPServer((host, port), Handler)
