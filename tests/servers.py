"""Start and stop a real `kg serve` for the endpoint and browser tests."""
from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

KG = [sys.executable, "-m", "kg"]


def free_port_pair() -> int:
    """A port p such that p and p+1 are both free now."""
    for _ in range(50):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        if port >= 65535:
            continue
        with socket.socket() as s2:
            try:
                s2.bind(("127.0.0.1", port + 1))
            except OSError:
                continue
        return port
    raise RuntimeError("no free pair of ports")


def start_server(store_path: Path, *extra: str) -> tuple[subprocess.Popen, str, str]:
    port = free_port_pair()
    proc = subprocess.Popen([*KG, "serve", "--store", str(store_path), "--port", str(port), *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lines = []
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        lines.append(line)
        if "Ctrl-C" in line:
            return proc, f"http://127.0.0.1:{port}", f"http://127.0.0.1:{port + 1}"
    proc.kill()
    raise AssertionError(f"kg serve did not start: {''.join(lines)} {proc.stderr.read()}")


def stop_server(proc: subprocess.Popen) -> None:
    proc.terminate()
    proc.wait(timeout=20)
