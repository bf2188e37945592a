"""Run one command in a fresh process and measure its wall time and the peak memory of its process tree.

Memory, two ways (Linux only; no psutil needed):

* ``tree_rss`` — every 0.2 s the RSS of the process and all its descendants
  (found through /proc/PID/task/*/children) is summed; the peak of that sum is
  kept. Worker processes count, which is what a machine has to provide. A sum of
  RSS counts pages shared by forked workers once per process, so it overstates;
  ``tree_pss`` (proportional set size, from /proc/PID/smaps_rollup, sampled every
  2 s) splits shared pages between the processes and does not.
* ``maxrss`` — ``ru_maxrss`` from ``os.wait4`` on the child: the exact peak of
  the single largest process in the tree, which sampling can miss by a few MiB.

The peak reported is max(tree_rss, maxrss).

Time: wall time with time.perf_counter from just before the process starts to
its exit, and CPU time (user + system) of the whole tree from ``os.wait4``. The
machine's busy time from /proc/stat over the same span, less the tree's CPU
time, is what other processes used: ``other_load`` gives it as a share of all
cores, so a number taken on a busy machine can be recognised as one.
"""
from __future__ import annotations

import os
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

PAGE = os.sysconf("SC_PAGE_SIZE")
TICK = os.sysconf("SC_CLK_TCK")
CPUS = os.cpu_count() or 1
MIB = 1024 * 1024
RSS_EVERY = 0.2  # reading smaps_rollup is costly: a sampler must not take the CPU it measures
PSS_EVERY = 10  # samples (every 2 s)


@dataclass
class Measured:
    """Wall time, exit status and memory peaks (MiB) of one command."""

    command: list[str]
    seconds: float
    cpu_seconds: float  # user + system, of the process and every descendant it waited for
    other_load: float  # share of all cores busy with other processes meanwhile (0 = idle machine)
    returncode: int
    tree_rss_mib: float
    tree_pss_mib: float
    maxrss_mib: float
    stdout: str
    stderr: str

    @property
    def peak_mib(self) -> float:
        return max(self.tree_rss_mib, self.maxrss_mib)


def _children(pid: int) -> list[int]:
    out: list[int] = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as fh:
                out.extend(int(c) for c in fh.read().split())
    except OSError:  # the process ended between listing and reading
        pass
    return out


def tree(pid: int) -> list[int]:
    """Return ``pid`` and all its live descendants."""
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        found.append(p)
        todo.extend(_children(p))
    return found


def _rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm") as fh:
            return int(fh.read().split()[1]) * PAGE
    except (OSError, IndexError, ValueError):
        return 0


def _pss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except (OSError, IndexError, ValueError):
        pass
    return 0


def machine_busy() -> float:
    """Return the seconds all cores have spent busy since boot (user, nice, system, irq, softirq, steal)."""
    with open("/proc/stat") as fh:
        fields = fh.readline().split()
    return sum(int(fields[i]) for i in (1, 2, 3, 6, 7, 8)) / TICK


def run(command: list[str], log_dir: Path, name: str, cwd: Path | None = None,
        env: dict[str, str] | None = None) -> Measured:
    """Run ``command`` to completion, sampling its tree's memory; stdout and stderr go to log_dir/name.*."""
    log_dir.mkdir(parents=True, exist_ok=True)
    out_path, err_path = log_dir / f"{name}.out", log_dir / f"{name}.err"
    peak_rss = peak_pss = 0
    with out_path.open("wb") as out, err_path.open("wb") as err:
        busy, own = machine_busy(), time.process_time()
        start = time.perf_counter()
        proc = subprocess.Popen(command, stdout=out, stderr=err, stdin=subprocess.DEVNULL, cwd=cwd, env=env)
        samples = 0
        while True:
            # wait4 rather than Popen.wait: it also returns the child's rusage (ru_maxrss)
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                seconds = time.perf_counter() - start
                busy = machine_busy() - busy - (time.process_time() - own)  # less this sampler's own CPU
                break
            pids = tree(proc.pid)
            peak_rss = max(peak_rss, sum(_rss(p) for p in pids))
            if samples % PSS_EVERY == 0:
                peak_pss = max(peak_pss, sum(_pss(p) for p in pids))
            samples += 1
            time.sleep(RSS_EVERY)
    proc.returncode = os.waitstatus_to_exitcode(status)
    cpu = usage.ru_utime + usage.ru_stime
    return Measured(command=command, seconds=seconds, cpu_seconds=cpu,
                    other_load=max(0.0, busy - cpu) / (seconds * CPUS), returncode=proc.returncode,
                    tree_rss_mib=peak_rss / MIB, tree_pss_mib=peak_pss / MIB,
                    maxrss_mib=usage.ru_maxrss / 1024,  # Linux reports KiB
                    stdout=out_path.read_text(encoding="utf-8", errors="replace"),
                    stderr=err_path.read_text(encoding="utf-8", errors="replace"))
