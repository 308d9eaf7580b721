"""Servers started by the harness: each in its own process group, stopped by PID, measured through /proc.

Every process the harness starts is registered in one ``Processes`` object; ``stop_all`` ends them (SIGTERM,
then SIGKILL after a grace period) and runs on normal exit, on error and on SIGINT/SIGTERM (see ``__main__``).
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path


def free_port() -> int:
    """A TCP port nobody listens on right now (the kernel picks it)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_http(url: str, *, timeout: float = 60.0, proc: subprocess.Popen[bytes] | None = None) -> None:
    """Wait until ``url`` answers with any HTTP status (the server is up), or fail with a clear message."""
    deadline = time.monotonic() + timeout
    log_path = getattr(proc, "log_path", None)
    last: Exception | None = None
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            log = f" (its output: {log_path})" if log_path else ""
            raise RuntimeError(f"{proc.args!r} exited with {proc.returncode} before {url} answered{log}")
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except urllib.error.HTTPError:
            return  # any status means the server is listening
        except OSError as exc:
            last = exc
        time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {timeout:.0f} s ({last})")


def _children() -> dict[int, list[int]]:
    """Parent PID -> child PIDs for every process visible in /proc."""
    tree: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text()
        except OSError:
            continue
        # The command name may hold spaces and parentheses: the fields start after the last ')'.
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        tree.setdefault(ppid, []).append(int(entry.name))
    return tree


def tree_pids(roots: Iterable[int]) -> set[int]:
    """The given PIDs and all their descendants."""
    tree = _children()
    seen: set[int] = set()
    stack = list(roots)
    while stack:
        pid = stack.pop()
        if pid in seen:
            continue
        seen.add(pid)
        stack.extend(tree.get(pid, []))
    return seen


def memory_of(pid: int) -> tuple[int, int]:
    """(resident, anonymous resident) bytes of one process, from /proc/PID/status; zeros once it has ended.

    Resident memory includes file pages mapped by the process (SQLite's mmap of the database, shared
    libraries); the anonymous part is the process's own heap, which is what grows with leaks and caches.
    """
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0, 0
    fields = {}
    for line in status.splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "RssAnon"):
            fields[key] = int(value.split()[0]) * 1024
    return fields.get("VmRSS", 0), fields.get("RssAnon", 0)


def rss_bytes(pids: Iterable[int]) -> tuple[int, int, int]:
    """Over ``pids``: (sum of resident memory, largest process's resident, largest process's anonymous)."""
    total = largest = largest_anon = 0
    for pid in pids:
        resident, anon = memory_of(pid)
        total += resident
        largest = max(largest, resident)
        largest_anon = max(largest_anon, anon)
    return total, largest, largest_anon


@dataclass
class MemorySampler:
    """Samples the resident memory of process trees in a thread while a load runs; keeps the peaks."""

    roots: list[int]
    interval: float = 0.2
    peak_total: int = 0
    peak_process: int = 0
    peak_process_anon: int = 0
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def sample(self) -> None:
        total, largest, anon = rss_bytes(tree_pids(self.roots))
        self.peak_total = max(self.peak_total, total)
        self.peak_process = max(self.peak_process, largest)
        self.peak_process_anon = max(self.peak_process_anon, anon)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.sample()
            self._stop.wait(self.interval)

    def __enter__(self) -> MemorySampler:
        self.sample()
        self._thread = threading.Thread(target=self._run, name="rss-sampler", daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        self.sample()


@dataclass
class Processes:
    """The servers the harness started, in start order."""

    log_dir: Path
    started: list[tuple[str, subprocess.Popen[bytes]]] = field(default_factory=list)

    def start(
        self, name: str, args: list[str], *, env: Mapping[str, str] | None = None, cwd: Path | None = None
    ) -> subprocess.Popen[bytes]:
        """Start ``args`` in a new session (its own process group), output to ``<log_dir>/<name>.log``."""
        self.log_dir.mkdir(parents=True, exist_ok=True)
        log = (self.log_dir / f"{name}.log").open("ab")
        log.write(f"\n=== {time.strftime('%Y-%m-%d %H:%M:%S')} {' '.join(args)}\n".encode())
        log.flush()
        proc = subprocess.Popen(
            args, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            env=dict(env) if env is not None else None, cwd=cwd, start_new_session=True,
        )
        log.close()  # the child holds its own descriptor
        proc.log_path = self.log_dir / f"{name}.log"  # type: ignore[attr-defined]  # for error messages
        self.started.append((name, proc))
        return proc

    def check_run(self, name: str, args: list[str], *, env: Mapping[str, str] | None = None,
                  cwd: Path | None = None, timeout: float = 600) -> str:
        """Run a set-up command to completion (output kept in ``<log_dir>/<name>.log``); fail loudly."""
        self.log_dir.mkdir(parents=True, exist_ok=True)
        done = subprocess.run(
            args, capture_output=True, text=True, env=dict(env) if env is not None else None, cwd=cwd,
            timeout=timeout, check=False, stdin=subprocess.DEVNULL,
        )
        (self.log_dir / f"{name}.log").write_text(done.stdout + done.stderr)
        if done.returncode != 0:
            output = (done.stdout + done.stderr)[-3000:]
            raise RuntimeError(f"{name} failed ({done.returncode}): {' '.join(args)}\n{output}")
        return done.stdout

    def stop(self, proc: subprocess.Popen[bytes], *, grace: float = 10.0) -> None:
        """SIGTERM the process (its group: workers included), SIGKILL whatever is left after ``grace``."""
        if proc.poll() is None:
            # The group id is the leader's PID (start_new_session), so this reaches exactly our tree.
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGTERM)
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=grace)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)  # stragglers left in the group by a leader that exited
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=5)
        self.started = [(n, p) for n, p in self.started if p is not proc]

    def stop_pid(self, pid: int) -> None:
        """Stop the registered process with this PID (and its group)."""
        for _name, proc in list(self.started):
            if proc.pid == pid:
                self.stop(proc)

    def stop_all(self) -> None:
        """Stop everything still registered, newest first (front proxies before their origins)."""
        for _name, proc in reversed(list(self.started)):
            self.stop(proc)
