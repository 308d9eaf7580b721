"""SQLite upkeep in each server process: write-ahead-log checkpoints off the request path.

Connections come and go (server threads keep theirs for ``DATABASE_CONN_MAX_AGE``, commands and the task worker
open their own; under Django's ASGI handler every request had its own). SQLite checkpoints the write-ahead log,
with fsyncs, in two places that then fall inside some reader's or writer's request: when the last connection to
the database closes (it also deletes the log), and in the commit that takes the log past ``wal_autocheckpoint``
pages. Profiles of the posting benchmark showed connections' close among the costliest steps of a request.

So each server process holds one connection open for its whole life (no request's connection is ever the last)
and a daemon thread runs a PASSIVE checkpoint on it every second: it copies what no reader still needs into the
database file without blocking readers or writers, and keeps the log small. ``wal_autocheckpoint`` stays as a
safety net, higher than a second of heavy writing needs (settings.py). Nothing runs on PostgreSQL.
"""

from __future__ import annotations

import logging
import sqlite3
import threading

from django.conf import settings

log = logging.getLogger(__name__)

INTERVAL_SECONDS = 1.0
SQLITE_ENGINES = ("masthead.core.sqlite_backend", "django.db.backends.sqlite3")

_started: dict[str, threading.Thread] = {}
_lock = threading.Lock()


def database_path() -> str | None:
    """The SQLite file of the default database, or None (another engine, or an in-memory database)."""
    db = settings.DATABASES["default"]
    name = str(db.get("NAME") or "")
    if db["ENGINE"] not in SQLITE_ENGINES or not name or name == ":memory:" or "mode=memory" in name:
        return None
    return name


def start() -> threading.Thread | None:
    """Open the keeper connection and start the checkpoint thread, once per process and database file."""
    path = database_path()
    if path is None:
        return None
    with _lock:
        if path in _started:
            return _started[path]
        keeper = sqlite3.connect(path, timeout=5, check_same_thread=False, isolation_level=None)
        # A connection joins the write-ahead log's set of users with its first read, not when it opens.
        keeper.execute("SELECT count(*) FROM sqlite_master").fetchone()
        thread = threading.Thread(target=_checkpoint_forever, args=(keeper,), name="masthead-sqlite-upkeep",
                                  daemon=True)
        thread.start()
        _started[path] = thread
        return thread


def _checkpoint_forever(keeper: sqlite3.Connection) -> None:
    failures = 0
    stop = threading.Event()  # never set: the thread is a daemon and ends with the process
    while not stop.wait(INTERVAL_SECONDS):
        try:
            keeper.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
            failures = 0
        except sqlite3.Error:
            failures += 1
            if failures in (1, 60):  # say it once, and again if it persists, without filling the log
                log.warning("SQLite checkpoint failed (%d in a row)", failures, exc_info=True)
