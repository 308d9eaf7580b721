"""Run `masthead` commands as real processes against their own data folder and database.

On SQLite the database is a file in the data folder; on PostgreSQL (when the suite runs with ``DATABASE_URL``)
each data folder gets its own database on the same server, created here and dropped afterwards, so the processes
never touch the test run's database.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

MASTHEAD = str(Path(sys.executable).with_name("masthead"))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def fresh_database() -> Iterator[str]:
    """Yields a DATABASE_URL for a new, empty PostgreSQL database, or "" on SQLite."""
    base = os.environ.get("DATABASE_URL", "")
    if not base:
        yield ""
        return
    import psycopg

    name = f"masthead_proc_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    parts = urlsplit(base)
    with psycopg.connect(base, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(base, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def masthead_env(data_dir: Path, database_url: str, **extra: str) -> dict[str, str]:
    """The environment of an operator's shell: no test settings, only the data folder and the database."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "DJANGO_ALLOW_ASYNC"))}
    env.pop("DATABASE_URL", None)
    env.pop("MASTHEAD_TEST_RUN_ID", None)
    env.update({"MASTHEAD_DATA_DIR": str(data_dir), "DJANGO_SETTINGS_MODULE": "masthead.settings"})
    if database_url:
        env["DATABASE_URL"] = database_url
    env.update(extra)
    return env


def run(args: list[str], env: dict[str, str], timeout: float = 60) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([MASTHEAD, *args], env=env, capture_output=True, text=True, timeout=timeout,
                            check=False)
    assert result.returncode == 0, f"masthead {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
    return result


def start(args: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    out = log.open("wb")
    return subprocess.Popen([MASTHEAD, *args], env=env, stdout=out, stderr=subprocess.STDOUT)


def wait_for_http(url: str, process: subprocess.Popen[bytes], log: Path, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"the server exited with {process.returncode}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.1)
    raise AssertionError(f"{url} did not answer within {timeout}s:\n{log.read_text()}")


def wait_until(condition: Callable[[], object], seconds: float, what: str) -> None:
    """Poll ``condition`` every tenth of a second; fail the test naming ``what`` after ``seconds``."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {seconds}s waiting for {what}")
        time.sleep(0.1)


def wait_for_file(path: Path, timeout: float = 15) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists() and path.stat().st_size:
            return path.read_text()
        time.sleep(0.1)
    raise AssertionError(f"{path} was not written within {timeout}s")


def kill_left(processes: list[subprocess.Popen[bytes]]) -> None:
    """SIGKILL whichever of ``processes`` still run (a test's clean-up after a failure) and reap them."""
    for process in processes:
        if process.poll() is None:
            process.kill()
            process.wait()


def stop(process: subprocess.Popen[bytes], timeout: float = 15) -> tuple[int, float]:
    """SIGTERM, then the exit status and how long the process took to exit (killed if it never does)."""
    started = time.monotonic()
    process.send_signal(signal.SIGTERM)
    try:
        code = process.wait(timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        raise
    return code, time.monotonic() - started



@contextmanager
def app_servers(count: int, env: dict[str, str], folder: Path, *, collected: bool = False, timeout: float = 30,
                clean_exit: bool = False) -> Iterator[list[str]]:
    """``count`` `masthead serve` processes (no worker) sharing ``env``'s data, each answering its /healthz within
    ``timeout`` seconds; yields their base URLs and stops them all afterwards. Static files are collected once
    first, unless ``collected`` says it was done: several servers collecting into one folder would race. With
    ``clean_exit``, each must then exit with status 0 on SIGTERM (the failure drills: a server that lost a
    dependency still stops cleanly)."""
    if not collected:
        run(["collectstatic", "--noinput"], env)
    processes: list[subprocess.Popen[bytes]] = []
    logs: list[Path] = []
    try:
        bases = []
        for n in range(count):
            port, log = free_port(), folder / f"serve-{n}.log"
            process = start(["serve", "--port", str(port), "--no-worker", "--no-collectstatic"], env, log)
            processes.append(process)
            logs.append(log)
            bases.append(f"http://127.0.0.1:{port}")
            wait_for_http(f"{bases[-1]}/healthz", process, log, timeout=timeout)
        yield bases
    finally:
        codes = [stop(process, timeout=30)[0] for process in processes]
    # Reached only when the block succeeded: a failure in it is the one to report.
    if clean_exit:
        assert codes == [0] * count, [log.read_text()[-3000:] for log in logs]

ENQUEUE = (
    "from masthead.core.tests.probe_tasks import leave_mark; "
    "import sys; leave_mark.enqueue(sys.argv[-2], sys.argv[-1])"
)


def enqueue_mark(env: dict[str, str], path: Path, text: str) -> None:
    """Enqueue the probe task from another process, as an app server would (autocommit: on commit is now)."""
    subprocess.run([sys.executable, "-c", f"import django; django.setup(); {ENQUEUE}", str(path), text],
                   env=env, check=True, timeout=60, capture_output=True)
