"""A thread that sends a writer's COPY batches on its own connection while the writer goes on building rows.

    with sending():            # on PostgreSQL: core/bulk_insert.py hands its COPY batches to a thread
        ...                    # a batch is queued, and the writer builds the next rows while the server takes it
        settle()               # every queued batch sent; the first one that failed raised here

A COPY of an import's comment rows spends most of its time in the server (four foreign keys checked per row, ten
indexes), which the writer only waited for. Here one thread per ``sending`` block sends the batches, in order, on
the writer's own connection (the same session, so the same transaction and savepoints: a batch is written exactly
where it would have been), and psycopg lets the writer's thread run while it waits on the socket. Nothing else
changes: the writer's next statement, whatever sends it (the ORM, a savepoint, its release), first waits for the
batches queued before it, so the server sees the statements in the order the writer made them; a batch that
failed is raised, as Django's ``DatabaseError``, in place of that next statement (inside the unit that queued it,
which rolls back as it would have), and the batches queued after it are dropped (the transaction is aborted
anyway). Rolling back to a savepoint is one statement the failure does not replace: what failed is rolled back
with it. Releasing a savepoint is the other: while batches are being sent, the release is queued after them and
the writer goes on (an import's unit ends there, and the next record is read meanwhile); when one of them fails,
the release is dropped, so the savepoint is still there, and the writer (``wait``) rolls back to it. The importer
does so before its next unit's first statement (``importing/loader.py``: ``Loader._settle``).

Only the thread that opened the block queues (another thread's inserts go the usual way); the queue is emptied
at every statement, so it holds at most the rows of the few inserts between two statements.
"""

from __future__ import annotations

import re
import threading
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections

_RELEASE = re.compile(r"\s*RELEASE\s+SAVEPOINT\s", re.IGNORECASE)
_local = threading.local()  # .sender: the CopySender of the block this thread opened


class CopySender:
    def __init__(self, alias: str = DEFAULT_DB_ALIAS) -> None:
        self.db = connections[alias]
        self._owner = threading.get_ident()
        self._lock = threading.Condition()
        self._jobs: deque[Callable[[], None]] = deque()
        self._pending = 0  # queued or being sent
        self._error: BaseException | None = None
        self._closed = False
        self._thread = threading.Thread(target=self._run, name="copy-sender", daemon=True)
        self._thread.start()

    def send(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        """Queue ``COPY ... FROM STDIN`` of ``rows`` (not to be changed afterwards) on this thread's connection."""
        self.db.ensure_connection()
        raw = self.db.connection

        def copy() -> None:
            with raw.cursor() as cursor, cursor.copy(sql) as stream:
                for row in rows:
                    stream.write_row(row)

        self._queue(copy)

    def busy(self) -> bool:
        """Whether batches are queued or being sent."""
        with self._lock:
            return self._pending > 0

    def _queue(self, job: Callable[[], None]) -> None:
        with self._lock:
            self._jobs.append(job)
            self._pending += 1
            self._lock.notify_all()

    def wait(self) -> BaseException | None:
        """Wait until every queued batch is sent; the first failure since the last wait, if any (cleared)."""
        with self._lock:
            while self._pending:
                self._lock.wait()
            error, self._error = self._error, None
        return error

    def settle(self) -> None:
        """Wait until every queued batch is sent; raise the first that failed, as Django's error for it."""
        error = self.wait()
        if error is not None:
            with self.db.wrap_database_errors:
                raise error

    def close(self) -> None:
        """Stop the thread once the queue is sent (a failure left unsettled is dropped: call ``settle`` first)."""
        with self._lock:
            self._closed = True
            self._lock.notify_all()
        self._thread.join()

    def _run(self) -> None:
        while True:
            with self._lock:
                while not self._jobs and not self._closed:
                    self._lock.wait()
                if not self._jobs:
                    return
                job = self._jobs.popleft()
                skip = self._error is not None
            try:
                if not skip:
                    job()
            except BaseException as error:  # handed to the writer's thread, raised there
                with self._lock:
                    self._error = error
            finally:
                with self._lock:
                    self._pending -= 1
                    self._lock.notify_all()

    def _before_statement(self, execute: Callable[..., Any], sql: str, params: Any, many: bool,
                          context: dict[str, Any]) -> Any:
        """Django's execute wrapper on the writer's connection: its statements wait for the batches before them."""
        if threading.get_ident() == self._owner:
            if self.busy() and _RELEASE.match(sql):
                # A savepoint's release, after batches still being sent: sent after them, and the writer goes on
                # (its result is nothing). Dropped, with the savepoint kept, when one of them fails.
                raw = self.db.connection
                self._queue(lambda: raw.execute(sql))
                return None
            error = self.wait()
            if error is not None and not sql.lstrip().upper().startswith("ROLLBACK"):
                with self.db.wrap_database_errors:
                    raise error
        return execute(sql, params, many, context)


def active() -> CopySender | None:
    """The sender of the ``sending`` block this thread opened, if any."""
    return getattr(_local, "sender", None)


@contextmanager
def sending(alias: str = DEFAULT_DB_ALIAS) -> Iterator[CopySender | None]:
    """Send this thread's COPY batches from a thread for the block (PostgreSQL; elsewhere it does nothing)."""
    db = connections[alias]
    if db.vendor != "postgresql" or active() is not None:
        yield None
        return
    sender = CopySender(alias)
    _local.sender = sender
    try:
        with db.execute_wrapper(sender._before_statement):
            yield sender
            sender.settle()
    finally:
        _local.sender = None
        sender.wait()  # interrupted: what was queued is sent (and rolled back with its unit) before the thread stops
        sender.close()


def settle() -> None:
    """Wait for this thread's queued batches, raising the first that failed (nothing to do outside ``sending``)."""
    sender = active()
    if sender is not None:
        sender.settle()
