"""Timing and memory of whole processes, measured from outside.

Users feel the whole process (interpreter start, imports, work, exit), so
every figure is the wall time of a fresh subprocess.  Commands being compared
are run in turn within each repeat (A B A B ...), so drift on a shared
machine hits both sides alike and the ratios stay fair.
"""

from __future__ import annotations

import importlib.util
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path


class CommandFailed(RuntimeError):
    """A command that should have succeeded did not: the benchmark's figures would be meaningless."""


def run_once(command, *, ok=(0, 1)) -> float:
    """Wall seconds of one run; a shell string runs through /bin/sh (for `a && b` pipelines)."""
    shell = isinstance(command, str)
    start = time.perf_counter()
    done = subprocess.run(command, shell=shell, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if done.returncode not in ok:
        shown = command if shell else " ".join(map(str, command))
        raise CommandFailed(f"exit {done.returncode}: {shown}\n{done.stderr.decode(errors='replace')[-800:]}")
    return elapsed


def interleaved(commands: dict, repeats: int) -> dict[str, list[float]]:
    """`repeats` timings per command, taken in turn; one untimed warm-up each loads the page cache alike.

    `commands` maps a label to (command, accepted exit codes); a None command is skipped.
    """
    live = {label: spec for label, spec in commands.items() if spec[0] is not None}
    for command, ok in live.values():
        run_once(command, ok=ok)
    times: dict[str, list[float]] = {label: [] for label in live}
    for _ in range(repeats):
        for label, (command, ok) in live.items():
            times[label].append(run_once(command, ok=ok))
    return times


def median_ms(times: list[float]) -> float:
    return statistics.median(times) * 1000


def spread(times: list[float]) -> str:
    """'median (min–max)' in milliseconds."""
    return f"{median_ms(times):,.0f} ({min(times) * 1000:,.0f}–{max(times) * 1000:,.0f})"


_PROBE = """\
import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(usage.ru_maxrss, usage.ru_utime + usage.ru_stime)
"""


def peak_rss_and_cpu(command: list[str]) -> tuple[float, float]:
    """(MB, CPU seconds) of one run, from RUSAGE_CHILDREN in a fresh wrapper process.

    ru_maxrss is the largest single process among the command and its children,
    not a sum: forked workers share their parent's pages, so a sum would overstate.
    CPU is user+sys summed over all of them, which shows work done in parallel.
    """
    out = subprocess.run([sys.executable, "-c", _PROBE, *command], capture_output=True, text=True, check=True).stdout
    kb, cpu = out.split()
    return int(kb) / 1024, float(cpu)


def stale_bytecode(package: Path) -> tuple[int, int]:
    """(modules without an up-to-date .pyc, all modules) in `package`.

    With PYTHONDONTWRITEBYTECODE=1 such modules are compiled again on every
    run, which is part of what a cold start costs here; the report says so.
    """
    stale = total = 0
    for source in package.rglob("*.py"):
        total += 1
        cached = Path(importlib.util.cache_from_source(str(source)))
        try:
            header = cached.read_bytes()[:16]
        except OSError:
            stale += 1
            continue
        st, flags = source.stat(), int.from_bytes(header[4:8], "little")
        if flags:  # hash-based pyc (PEP 552): valid while the source hash matches
            fresh = header[8:16] == importlib.util.source_hash(source.read_bytes())
        else:
            fresh = (int.from_bytes(header[8:12], "little") == int(st.st_mtime) & 0xFFFFFFFF
                     and int.from_bytes(header[12:16], "little") == st.st_size & 0xFFFFFFFF)
        fresh = fresh and header[:4] == importlib.util.MAGIC_NUMBER
        stale += not fresh
    return stale, total


def bytecode_env_note() -> str:
    return "PYTHONDONTWRITEBYTECODE=1" if os.environ.get("PYTHONDONTWRITEBYTECODE") else "bytecode writes allowed"
