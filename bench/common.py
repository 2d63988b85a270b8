"""Shared helpers for benchmarks: machine description, timing, peak memory, Markdown tables."""

import os
import platform
import resource
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = ["folder_mb", "machine", "peak_rss_mb", "process_peak_mb", "table", "timed"]


def machine() -> str:
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{platform.node() or 'host'}: {os.cpu_count()} × {cpu}, {mem:.0f} GiB, Python {platform.python_version()}"


def timed(fn: Callable[[], Any], repeat: int = 5) -> tuple[float, list[float]]:
    """Median wall time of ``fn`` over ``repeat`` runs (after one warm-up), and all runs."""
    fn()
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t)
    return statistics.median(runs), runs


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def table(rows: list[dict[str, Any]]) -> str:
    """Rows as a Markdown table (columns of the first row, "-" where a row has none); "(none)" without rows."""
    if not rows:
        return "(none)"
    cols = list(rows[0])
    out = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    out += ["| " + " | ".join(str(r.get(c, "-")) for c in cols) + " |" for r in rows]
    return "\n".join(out)


def process_peak_mb(pid: int) -> float | None:
    """The peak resident memory of another process (``VmHWM``), in MB; None where /proc has no such process."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    kb = next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:")), None)
    return None if kb is None else kb / 1024


def folder_mb(path: Path) -> float:
    """The size of the files under ``path``, in MB."""
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 2**20
