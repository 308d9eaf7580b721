"""Writers take turns for SQLite's write lock instead of polling for it.

SQLite lets one transaction write at a time. Another writer that finds the lock taken waits in SQLite's busy
handler, which sleeps between tries (1, 2, 5, 10 ... then 100 ms at a time) and lets whoever asks at the right
moment go first. Under a steady stream of posts that made a few unlucky writers wait hundreds of milliseconds,
once more than a second, behind transactions of ten (docs/benchmarks.md, "Posting while readers read").

So before its ``BEGIN``, a transaction takes its turn: first a lock shared by the threads of the process (a
blocked thread wakes the moment the previous one ends), then an exclusive ``flock`` on a file beside the database,
shared by the processes. Only the one thread holding its process's lock asks for the ``flock``, and it asks
again every few milliseconds at most (not SQLite's 100), until the same ``timeout`` SQLite would give up after:
a writer behind a long migration in another process still gets "database is locked", not an endless wait.
``BEGIN`` then finds SQLite's lock free (a program outside Masthead writing to the same file is waited for by
SQLite's busy handler, as before). The kernel drops a process's ``flock`` when the process dies, so a crashed
writer never leaves the turn taken.
"""

from __future__ import annotations

import fcntl
import os
import sqlite3
import threading
import time
from typing import IO

TURN_FILE_SUFFIX = "-writer"
# Between two asks for another process's turn: from FIRST_PAUSE, doubling up to MAX_PAUSE (seconds).
FIRST_PAUSE = 0.0002
MAX_PAUSE = 0.002


def _locked() -> sqlite3.OperationalError:
    return sqlite3.OperationalError("database is locked (waited for the writers ahead)")


class WriterTurns:
    """The turns of one process for one database file."""

    def __init__(self, database_path: str) -> None:
        self.path = database_path + TURN_FILE_SUFFIX
        self._threads = threading.Lock()
        self._file: IO[bytes] | None = None

    def acquire(self, timeout: float) -> None:
        """Wait for this writer's turn; ``database is locked`` (as SQLite says it) after ``timeout`` seconds."""
        deadline = time.monotonic() + timeout
        if not self._threads.acquire(timeout=max(timeout, 0.001)):
            raise _locked()
        try:
            self._take_file_lock(deadline)
        except BaseException:
            self._threads.release()
            raise

    def _take_file_lock(self, deadline: float) -> None:
        fd = self._lock_file().fileno()
        pause = FIRST_PAUSE
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise _locked() from None
                time.sleep(pause)
                pause = min(pause * 2, MAX_PAUSE)

    def release(self) -> None:
        try:
            if self._file is not None:
                fcntl.flock(self._file.fileno(), fcntl.LOCK_UN)
        finally:
            self._threads.release()

    def _lock_file(self) -> IO[bytes]:
        # Opened once per process and kept: each open file is its own flock holder, and the threads of this
        # process already take turns on the thread lock.
        if self._file is None:
            self._file = open(self.path, "ab")  # noqa: SIM115 - kept open for the life of the process
        return self._file


_turns: dict[tuple[int, str], WriterTurns] = {}
_registry_lock = threading.Lock()


def turns_for(database_path: str) -> WriterTurns:
    """This process's turns for the file (a forked child gets its own: a copied lock could be held forever)."""
    key = (os.getpid(), os.path.abspath(database_path))
    with _registry_lock:
        turns = _turns.get(key)
        if turns is None:
            turns = _turns[key] = WriterTurns(key[1])
        return turns
