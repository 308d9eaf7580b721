"""A Redis and a PostgreSQL of a test's own, which it may stop and start again (the failure drills).

The machine's own Redis and PostgreSQL serve every test run at once: a test that takes a dependency away must
never touch them. Each of these runs its server as a child process on a free loopback port, with its data in a
fresh temporary folder; ``stop()`` ends it by its PID and waits, ``start()`` starts it again on the same port
(PostgreSQL on the same data, Redis empty: it keeps nothing on disk), and ``close()`` (or leaving the ``with``
block, also on a failure) stops it and removes its folder.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from types import TracebackType
from typing import Self

from masthead.testing.processes import free_port

REDIS_SERVER = "/usr/bin/redis-server"
POSTGRES_BIN = Path("/usr/lib/postgresql/15/bin")


def available() -> tuple[bool, str]:
    """Whether both servers can be run here, and if not, why (a skip reason)."""
    if not os.access(REDIS_SERVER, os.X_OK):
        return False, f"{REDIS_SERVER} is not installed"
    if not os.access(POSTGRES_BIN / "postgres", os.X_OK):
        return False, f"PostgreSQL 15's server is not installed in {POSTGRES_BIN}"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return False, "running as root without a 'postgres' user to run PostgreSQL as"
    return True, ""


def _wait_for_port(port: int, process: subprocess.Popen[bytes], log: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"the server exited with {process.returncode}:\n{log.read_text()}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
            return
        time.sleep(0.05)
    raise AssertionError(f"nothing listened on port {port} within {timeout}s:\n{log.read_text()}")


def _end(process: subprocess.Popen[bytes] | None, sig: signal.Signals, timeout: float = 30) -> None:
    if process is None or process.poll() is not None:
        return
    process.send_signal(sig)
    try:
        process.wait(timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


class _PrivateServer:
    process: subprocess.Popen[bytes] | None = None
    folder: Path

    def __enter__(self) -> Self:
        try:
            self.start()
        except BaseException:
            self.close()  # __exit__ is not called when __enter__ fails
            raise
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    def start(self) -> None:
        raise NotImplementedError

    def stop(self) -> None:
        raise NotImplementedError

    def close(self) -> None:
        try:
            self.stop()
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None


class PrivateRedis(_PrivateServer):
    """redis-server on a free port, nothing saved to disk."""

    def __init__(self) -> None:
        self.port = free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="masthead-redis-"))
        self.url = f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        assert not self.running
        log = self.folder / "redis.log"
        self.process = subprocess.Popen(
            [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--dir", str(self.folder), "--logfile", str(log)],
            stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        _wait_for_port(self.port, self.process, log, timeout=15)

    def stop(self) -> None:
        _end(self.process, signal.SIGTERM)
        self.process = None


class PrivatePostgres(_PrivateServer):
    """A throwaway PostgreSQL cluster (initdb, trust authentication, user ``postgres``) on a free port, its
    socket in its own folder. PostgreSQL refuses to run as root: under root it runs as the ``postgres`` user."""

    def __init__(self) -> None:
        self.port = free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="masthead-pg-"))
        self.data = self.folder / "data"
        self._as: dict[str, int] = {}
        if os.geteuid() == 0:
            account = pwd.getpwnam("postgres")
            self._as = {"user": account.pw_uid, "group": account.pw_gid}
            os.chown(self.folder, account.pw_uid, account.pw_gid)
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/postgres"
        self._initialised = False

    def database_url(self, name: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"

    def _run(self, args: list[str], timeout: float) -> None:
        done = subprocess.run(args, capture_output=True, text=True, timeout=timeout, check=False,
                              extra_groups=[] if self._as else None, **self._as)  # type: ignore[call-overload]
        assert done.returncode == 0, f"{args[0]} failed:\n{done.stdout}\n{done.stderr}"

    def start(self) -> None:
        assert not self.running
        if not self._initialised:
            self._run([str(POSTGRES_BIN / "initdb"), "-A", "trust", "-U", "postgres", "-E", "UTF8",
                       "--no-sync", "-D", str(self.data)], timeout=120)
            self._initialised = True
        log = self.folder / "postgres.log"
        with log.open("ab") as out:
            self.process = subprocess.Popen(  # type: ignore[call-overload]
                [str(POSTGRES_BIN / "postgres"), "-D", str(self.data), "-p", str(self.port),
                 "-k", str(self.folder), "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off",
                 "-c", "max_connections=100"],
                stdout=out, stderr=subprocess.STDOUT, extra_groups=[] if self._as else None, **self._as)
        _wait_for_port(self.port, self.process, log, timeout=30)
        self._wait_accepting(timeout=30)

    def _wait_accepting(self, timeout: float) -> None:
        import psycopg

        deadline = time.monotonic() + timeout
        while True:
            try:
                psycopg.connect(self.url, connect_timeout=2).close()
                return
            except psycopg.OperationalError:  # "the database system is starting up"
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)

    def stop(self) -> None:
        # SIGINT is PostgreSQL's "fast" shutdown: open sessions are ended at once, as in a restart.
        _end(self.process, signal.SIGINT)
        self.process = None

    def create_database(self, name: str) -> str:
        import psycopg

        with psycopg.connect(self.url, autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        return self.database_url(name)
