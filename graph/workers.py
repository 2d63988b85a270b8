"""Worker processes that fail alone: a file that crashes its worker, runs it out of memory or keeps
it past ``max_seconds`` fails by itself, the worker is replaced, and the batch goes on.

Each worker takes one file at a time over a pipe, so the parent always knows which file a dead
worker was reading. Workers are forked (from a fork server in a threaded parent such as the API),
limit their own address space to ``max_worker_memory``, and die with their parent: a parent-death
signal on Linux, and a watch on the parent's pid.
"""

import contextlib
import multiprocessing
import multiprocessing.connection
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

from ingest.limits import Limits, limit_message

__all__ = ["run_isolated"]

Task = tuple[str, str | None]  # (path, the sha256 stored for it)
Work = Callable[[str, str | None, Limits], Any]  # returns a result tuple whose first item is the path


def _die_with_parent(parent: int) -> None:
    """Exit when ``parent`` does: a parent-death signal when it forked us, and a watch on its pid
    (a worker forked by the fork server has the server as its parent)."""
    if sys.platform == "linux":
        import ctypes

        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(1, int(signal.SIGKILL))  # PR_SET_PDEATHSIG

    def watch() -> None:
        while True:
            try:
                os.kill(parent, 0)
            except ProcessLookupError:
                os._exit(1)
            except OSError:
                pass
            time.sleep(0.5)

    threading.Thread(target=watch, daemon=True, name="parent-watch").start()


def _serve(
    conn: Connection, work: Work, limits: Limits, failure: Callable[[str, str], Any], parent: int
) -> None:
    """A worker's loop: read a task, send its result, until the pipe closes or says stop."""
    _die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    if limits.max_worker_memory and sys.platform != "win32":
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (limits.max_worker_memory, limits.max_worker_memory))
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        path, sha = task
        try:
            result = work(path, sha, limits)
        except MemoryError:
            result = failure(
                path,
                limit_message(
                    path, "max_worker_memory", "ran out of memory reading it", limits.max_worker_memory
                ),
            )
        except RecursionError:
            result = failure(path, f"{path}: nested too deeply to read")
        except Exception as exc:  # a bug in a reader must fail its file, not the batch; say what it was
            result = failure(path, f"{path}: could not be read ({exc.__class__.__name__}: {exc})")
        try:
            conn.send(result)
        except (OSError, ValueError):
            return


@dataclass(slots=True)
class _Worker:
    process: BaseProcess
    conn: Connection
    index: int = -1  # the task it is reading, -1 when idle
    path: str = ""
    deadline: float = 0.0


def _context() -> Any:
    """Fork from a single-threaded parent (the command line); from a fork server in a threaded one
    (the API), where forking could copy a lock another thread holds."""
    if threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["graph.ingest"])
    return ctx


def _death(process: BaseProcess) -> str:
    process.join(1)
    code = process.exitcode
    if code is not None and code < 0:
        name = signal.Signals(-code).name
        hint = ", perhaps out of memory" if -code == signal.SIGKILL else ""
        return f"killed by {name}{hint}"
    return f"exit code {code}"


def run_isolated(
    tasks: Iterable[Task],
    workers: int,
    limits: Limits,
    work: Work,
    failure: Callable[[str, str], Any],
) -> Iterator[Any]:
    """``work(path, sha, limits)`` for every task in ``workers`` processes; results in task order.

    A task whose worker dies or runs past ``limits.max_seconds`` gives ``failure(path, message)``.
    At most a few tasks per worker are read ahead of the results taken, so a million files never
    sit in memory at once.
    """
    ctx = _context()
    pool: list[_Worker] = []

    def start() -> _Worker:
        parent, child = ctx.Pipe()
        p = ctx.Process(target=_serve, args=(child, work, limits, failure, os.getpid()), daemon=True)
        p.start()
        child.close()
        return _Worker(p, parent)

    def stop(w: _Worker, kill: bool) -> None:
        with contextlib.suppress(OSError, ValueError):
            if not kill:
                w.conn.send(None)
        w.conn.close()
        if kill:
            w.process.kill()
        w.process.join(1 if not kill else 5)
        if w.process.is_alive():
            w.process.kill()
            w.process.join(5)

    source = iter(tasks)
    queue: deque[tuple[int, Task]] = deque()
    done: dict[int, Any] = {}
    taken = next_out = 0
    exhausted = False
    ahead = 4 * workers
    try:
        pool = [start() for _ in range(workers)]
        while True:
            while not exhausted and taken - next_out < ahead:
                try:
                    queue.append((taken, next(source)))
                    taken += 1
                except StopIteration:
                    exhausted = True
            for w in pool:
                if w.index < 0 and queue:
                    w.index, (w.path, sha) = queue[0][0], queue.popleft()[1]
                    w.deadline = time.monotonic() + (limits.max_seconds or float("inf"))
                    w.conn.send((w.path, sha))
            while next_out in done:
                yield done.pop(next_out)
                next_out += 1
            busy = [w for w in pool if w.index >= 0]
            if not busy:
                if exhausted and not queue:
                    return
                continue
            timeout = max(0.0, min(w.deadline for w in busy) - time.monotonic())
            waits: list[Any] = [w.conn for w in busy] + [w.process.sentinel for w in busy]
            multiprocessing.connection.wait(waits, timeout=min(timeout, 3600))
            now = time.monotonic()
            for i, w in enumerate(pool):
                if w.index < 0:
                    continue
                result, dead = None, None
                try:
                    if w.conn.poll():
                        result = w.conn.recv()
                except (EOFError, OSError):
                    dead = f"{w.path}: the worker reading it stopped ({_death(w.process)})"
                if result is None and dead is None:
                    if not w.process.is_alive():
                        dead = f"{w.path}: the worker reading it stopped ({_death(w.process)})"
                    elif now >= w.deadline:
                        dead = limit_message(
                            w.path, "max_seconds", "took too long to read", limits.max_seconds
                        )
                if result is not None:
                    done[w.index] = result
                    w.index = -1
                elif dead is not None:
                    done[w.index] = failure(w.path, dead)
                    stop(w, kill=True)
                    pool[i] = start()
    finally:
        for w in pool:
            stop(w, kill=w.index >= 0)
