"""Worker processes that fail alone (graph/workers.py): a crash, running out of memory or running
past the time limit fails that file, the others come back in order, and workers die with their parent."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from graph.workers import run_isolated
from ingest.limits import Limits


def _work(path: str, sha: str | None, limits: Limits) -> tuple[str, str | None, None, str | None]:
    name = Path(path).name
    if name == "crash":
        os.kill(os.getpid(), signal.SIGSEGV)
    if name == "hog":
        hog = [bytearray(50_000_000) for _ in range(100)]  # 5 GB, far past the address-space limit
        return path, str(len(hog)), None, None
    if name == "slow":
        time.sleep(60)
    if name == "bug":
        raise KeyError("status")
    return path, f"sha-{name}", None, None


def _failed(path: str, error: str) -> tuple[str, None, None, str]:
    return path, None, None, error


def test_a_crash_a_memory_hog_a_slow_file_and_a_bug_fail_alone() -> None:
    names = ["a", "crash", "b", "hog", "c", "slow", "d", "bug", "e"]
    limits = Limits(max_seconds=8, max_worker_memory=600_000_000)
    t = time.monotonic()
    results = list(run_isolated(((n, None) for n in names), 2, limits, _work, _failed))
    assert time.monotonic() - t < 30
    assert [r[0] for r in results] == names  # every file, in order
    by_name = {r[0]: r for r in results}
    for good in "abcde":
        assert by_name[good] == (good, f"sha-{good}", None, None)
    assert "crash: the worker reading it stopped (killed by SIGSEGV" in by_name["crash"][3]
    assert (
        "hog: ran out of memory reading it" in by_name["hog"][3] and "max_worker_memory" in by_name["hog"][3]
    )
    assert "slow: took too long to read (8 s; max_seconds" in by_name["slow"][3]
    assert by_name["bug"][3] == "bug: could not be read (KeyError: 'status')"


def _descendants(pid: int) -> set[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    out: set[int] = set()
    todo = [pid]
    while todo:
        for c in children.get(todo.pop(), []):
            out.add(c)
            todo.append(c)
    return out


def _cmdline(pid: int) -> bytes:
    try:
        return (Path("/proc") / str(pid) / "cmdline").read_bytes()
    except OSError:
        return b""


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_workers_die_with_their_parent(tmp_path: Path) -> None:
    script = (
        "import sys; from graph.workers import run_isolated; from ingest.limits import Limits\n"
        "from tests.graph.test_workers import _work, _failed\n"
        "print('go', flush=True)\n"
        "list(run_isolated(((n, None) for n in ['slow', 'slow', 'slow']), 2, Limits(max_seconds=120), _work, _failed))\n"
    )
    root = Path(__file__).resolve().parents[2]
    parent = subprocess.Popen([sys.executable, "-c", script], cwd=root, stdout=subprocess.PIPE)
    try:
        assert parent.stdout is not None and parent.stdout.readline().strip() == b"go"
        deadline = time.monotonic() + 60
        workers: set[int] = set()
        while time.monotonic() < deadline and len(workers) < 2:  # two workers, forked by the parent
            workers = {
                p for p in _descendants(parent.pid) if _alive(p) and b"resource_tracker" not in _cmdline(p)
            }
            time.sleep(0.1)
        assert len(workers) >= 2
        parent.kill()
        parent.wait()
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and any(_alive(p) for p in workers):
            time.sleep(0.1)
        assert not any(_alive(p) for p in workers)
    finally:
        if parent.poll() is None:
            parent.kill()
