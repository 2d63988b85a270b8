"""A local Bolt + Cypher server for tests and benchmarks: ArcadeDB with its Bolt plugin, from PyPI.

``arcadedb-embedded`` bundles a JRE and the ArcadeDB server with its Bolt plugin, so a real
Neo4j-compatible server can run without Docker or a Neo4j install. :class:`BoltServer` starts it in
a child process (this module run as ``python -m testkit.arcadedb``), on free loopback ports, with
a temporary data directory, waits until the child reports ready (it writes a ready file, and
``READY`` on its own line of stdout) and stops it with SIGTERM::

    with BoltServer() as server:
        store = Neo4jStore(server.uri, server.user, server.password, server.database)

The server listens on 127.0.0.1 only. When ``arcadedb-embedded`` is not installed, starting raises
:class:`~graph.errors.BackendUnavailable` saying how to install it.
"""

import argparse
import contextlib
import importlib
import importlib.util
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from types import FrameType
from typing import Any, Self

from graph.errors import BackendUnavailable

__all__ = ["DEFAULT_DATABASE", "DEFAULT_PASSWORD", "DEFAULT_USER", "BoltServer", "arcadedb_available", "main"]

DEFAULT_USER = "root"
DEFAULT_PASSWORD = "lineage-test-only"
DEFAULT_DATABASE = "lineage"
READY = "READY"
_PROJECT_ROOT = Path(__file__).resolve().parent.parent
_STOP_GRACE = 10.0  # seconds the child gives the server to stop before it exits anyway


def arcadedb_available() -> bool:
    """Whether the ``arcadedb_embedded`` package can be imported."""
    return importlib.util.find_spec("arcadedb_embedded") is not None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class _ExitedEarly(BackendUnavailable):
    """The server process ended before it was ready."""


def _tail(path: Path, lines: int = 30) -> str:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    return "\n".join(text.splitlines()[-lines:])


class BoltServer:
    """An ArcadeDB server with the Bolt plugin, in a child process, bound to 127.0.0.1.

    ``databases`` are created at start (the first is :attr:`database`). ``data_dir`` defaults to a
    temporary directory removed on :meth:`stop`; a given directory is kept. Ports default to free
    ones. ``heap`` is the JVM's maximum heap.
    """

    def __init__(
        self,
        data_dir: str | Path | None = None,
        *,
        databases: Sequence[str] = (DEFAULT_DATABASE,),
        password: str = DEFAULT_PASSWORD,
        heap: str = "512m",
        bolt_port: int | None = None,
        http_port: int | None = None,
        startup_timeout: float = 120.0,
    ) -> None:
        if not databases:
            msg = "at least one database name is needed"
            raise ValueError(msg)
        self.databases = tuple(databases)
        self.user = DEFAULT_USER
        self.password = password
        self.heap = heap
        self.startup_timeout = startup_timeout
        self._given_dir = Path(data_dir) if data_dir is not None else None
        self._want_bolt, self._want_http = bolt_port, http_port
        self.bolt_port = 0
        self.http_port = 0
        self.data_dir: Path | None = None
        self._own_dir = False
        self._proc: subprocess.Popen[bytes] | None = None

    # -- what clients need -----------------------------------------------------------------

    @property
    def database(self) -> str:
        return self.databases[0]

    @property
    def uri(self) -> str:
        if self._proc is None:
            msg = "the Bolt server is not running"
            raise BackendUnavailable(msg)
        return f"bolt://127.0.0.1:{self.bolt_port}"

    @property
    def auth(self) -> tuple[str, str]:
        return self.user, self.password

    @property
    def pid(self) -> int | None:
        """The server process (its JVM runs inside it), while running."""
        return self._proc.pid if self._proc is not None else None

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    # -- life cycle --------------------------------------------------------------------------

    def start(self) -> Self:
        """Start the server and wait until it accepts Bolt connections."""
        if self._proc is not None:
            return self
        if not arcadedb_available():
            msg = (
                "the local Bolt server needs the arcadedb-embedded package "
                "(pip install arcadedb-embedded); it is not installed"
            )
            raise BackendUnavailable(msg)
        if self._given_dir is not None:
            self._given_dir.mkdir(parents=True, exist_ok=True)
            self.data_dir, self._own_dir = self._given_dir, False
        else:
            self.data_dir, self._own_dir = Path(tempfile.mkdtemp(prefix="lineage-arcadedb-")), True
        # A free port can be taken before the child binds it: a child that exits while starting is
        # tried again on new ports (twice more), one that hangs is not.
        attempts = 1 if self._want_bolt or self._want_http else 3
        for attempt in range(attempts):
            try:
                self._spawn()
                return self
            except _ExitedEarly:
                if attempt == attempts - 1:
                    self._cleanup_dir()
                    raise
            except BaseException:
                self._cleanup_dir()
                raise
        return self

    def _spawn(self) -> None:
        assert self.data_dir is not None
        self.bolt_port = self._want_bolt or _free_port()
        self.http_port = self._want_http or _free_port()
        while self.http_port == self.bolt_port:
            self.http_port = _free_port()
        log = self.data_dir / "server.log"
        ready = self.data_dir / "ready"
        ready.unlink(missing_ok=True)
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(_PROJECT_ROOT), env.get("PYTHONPATH")) if p)
        env["ARCADE_PASSWORD"] = self.password  # not on the command line, where `ps` shows it
        cmd = [sys.executable, "-m", "testkit.arcadedb", "--bolt-port", str(self.bolt_port),
               "--http-port", str(self.http_port), "--root", str(self.data_dir / "databases"),
               "--heap", self.heap, "--ready-file", str(ready), *(a for db in self.databases for a in ("--database", db))]  # fmt: skip
        with log.open("wb") as out:
            # cwd: ArcadeDB writes its log/ folder into the working directory.
            proc = subprocess.Popen(
                cmd,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                cwd=self.data_dir,
                env=env,
            )
        deadline = time.monotonic() + self.startup_timeout
        try:
            while not ready.exists():
                if proc.poll() is not None:
                    msg = f"the ArcadeDB Bolt server exited with code {proc.returncode} while starting:\n{_tail(log)}"
                    raise _ExitedEarly(msg)
                if time.monotonic() > deadline:
                    msg = f"the ArcadeDB Bolt server did not start within {self.startup_timeout:.0f} s:\n{_tail(log)}"
                    raise BackendUnavailable(msg)
                time.sleep(0.1)
        except BaseException:  # never leave a half-started server behind (^C included)
            _terminate(proc, 10.0)
            raise
        self._proc = proc

    def stop(self, timeout: float = 30.0) -> None:
        """Stop the server (SIGTERM, then SIGKILL after ``timeout`` seconds) and drop a temporary data dir."""
        proc, self._proc = self._proc, None
        if proc is not None:
            _terminate(proc, timeout)
        self._cleanup_dir()

    def _cleanup_dir(self) -> None:
        if self._own_dir and self.data_dir is not None:
            shutil.rmtree(self.data_dir, ignore_errors=True)
            self.data_dir = None
            self._own_dir = False

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def __repr__(self) -> str:
        state = f"bolt://127.0.0.1:{self.bolt_port}" if self.running else "stopped"
        return f"BoltServer({state}, databases={list(self.databases)})"


def _terminate(proc: subprocess.Popen[bytes], timeout: float) -> None:
    if proc.poll() is not None:
        return
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)


# -- the launcher, run in the child process ----------------------------------------------------


def _serve(
    bolt_port: int,
    http_port: int,
    root: str,
    databases: list[str],
    heap: str,
    password: str,
    ready_file: str | None,
) -> None:
    # Imported by name: the package is optional and ships no type information.
    arcadedb: Any = importlib.import_module("arcadedb_embedded")
    jvm: Any = importlib.import_module("arcadedb_embedded.jvm")

    jvm.start_jvm(heap_size=heap)
    server: Any = arcadedb.create_server(
        root_path=root,
        root_password=password,
        config={
            "http_port": http_port,
            "host": "127.0.0.1",
            "server_plugins": "Bolt:com.arcadedb.bolt.BoltProtocolPlugin",
            "bolt_port": bolt_port,
        },
    )
    server.start()
    for name in databases:
        server.create_database(name)

    def on_term(signum: int, frame: FrameType | None) -> None:
        # Stop the server, then leave at once: with Bolt clients still connected their threads
        # keep the JVM (and so a plain sys.exit) alive for half a minute.
        def stop() -> None:
            with contextlib.suppress(Exception):
                server.stop()

        stopper = threading.Thread(target=stop, daemon=True)
        stopper.start()
        stopper.join(_STOP_GRACE)
        sys.stdout.flush()
        os._exit(0)

    signal.signal(signal.SIGTERM, on_term)
    signal.signal(signal.SIGINT, on_term)
    if ready_file:
        tmp = Path(ready_file + ".tmp")
        tmp.write_text(f"{bolt_port}\n", encoding="utf-8")
        tmp.replace(ready_file)
    sys.stdout.write(f"\n{READY}\n")  # a line of its own even after a Java log line with no newline
    sys.stdout.flush()
    while True:
        time.sleep(1)


def main(argv: Sequence[str] | None = None) -> None:
    """Run an ArcadeDB Bolt server in this process until SIGTERM (the child side of BoltServer)."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    p.add_argument("--bolt-port", type=int, required=True)
    p.add_argument("--http-port", type=int, required=True)
    p.add_argument("--root", required=True, help="directory holding the databases")
    p.add_argument("--database", action="append", default=[], help="database to create (repeatable)")
    p.add_argument("--heap", default="512m")
    p.add_argument("--ready-file", default=None, help="file written once the server accepts connections")
    args = p.parse_args(argv)
    password = os.environ.get("ARCADE_PASSWORD", DEFAULT_PASSWORD)
    _serve(
        args.bolt_port,
        args.http_port,
        args.root,
        args.database or [DEFAULT_DATABASE],
        args.heap,
        password,
        args.ready_file,
    )


if __name__ == "__main__":
    main()
