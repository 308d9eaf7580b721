"""The task worker: a thread inside `masthead serve` (embedded default), or `masthead worker` processes.

Both run django-tasks-db's worker loop over the database queue (``TASKS`` in settings), so a task enqueued by
any app server is run by whichever worker claims it first (the claim is a locked row update, see
django_tasks_db). The embedded thread never installs signal handlers: `masthead serve` owns SIGTERM and stops
the thread between tasks; a `masthead worker` process runs ``ProcessWorker``, which stops on SIGTERM or SIGINT
between polls (or after the task in progress). Each worker also runs the scheduled jobs' ``Scheduler``
(core/schedule.py), whose database leases make every job run once per interval however many workers there
are. See docs/operations.md.
"""

from __future__ import annotations

import contextlib
import logging
import os
import random
import select
import signal
import threading
import uuid
from types import FrameType

from django.db import OperationalError, close_old_connections, connections
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.management.commands.db_worker import logger as tasks_db_log
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction, is_locked_database_exception

from masthead.core.schedule import Scheduler

log = logging.getLogger(__name__)

# After an unexpected error (the database restarting, say) the loop starts again after a pause that doubles
# up to this many seconds, rather than leaving the server running with no worker.
MAX_BACKOFF = 30.0


class EmbeddedWorker:
    """Runs the database task worker on a daemon thread, restarts it after errors, stops it between tasks."""

    def __init__(self, interval: float = 0.5) -> None:
        self.interval = interval
        self.worker_id = f"embedded-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.worker = self._new_worker()
        self._stopping = threading.Event()
        self.thread = threading.Thread(target=self._run, name="masthead-task-worker", daemon=True)
        self.scheduler = Scheduler(self.worker_id)  # scheduled jobs, once per interval across all workers

    def _new_worker(self) -> Worker:
        return Worker(
            queue_names=["*"],
            interval=self.interval,
            batch=False,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id=self.worker_id,
            excluded_queue_names=[],
        )

    def _run(self) -> None:
        backoff = 1.0
        try:
            while not self._stopping.is_set():
                try:
                    self.worker.run()
                    return  # run() returns only once ``running`` is cleared by stop()
                except Exception:
                    log.exception("The embedded task worker failed; restarting in %.0fs", backoff)
                    connections.close_all()  # a broken connection must not be reused by the next loop
                    if self._stopping.wait(backoff):
                        return
                    backoff = min(backoff * 2, MAX_BACKOFF)
                    self.worker = self._new_worker()
        finally:
            connections.close_all()

    def start(self) -> None:
        log.info("Embedded task worker %s started", self.worker_id)
        self.thread.start()
        self.scheduler.start()

    def stop(self, timeout: float = 10.0) -> bool:
        """Ask the loop to stop after the current task; True when the thread ended within ``timeout``."""
        self._stopping.set()
        self.worker.running = False
        self.scheduler.stop(timeout)
        self.thread.join(timeout)
        if self.thread.is_alive():
            log.warning("The embedded task worker is still running a task after %.0fs; leaving it", timeout)
            return False
        return True


class ProcessWorker(Worker):
    """django-tasks-db's worker loop for a `masthead worker` process, stopped by SIGTERM or SIGINT between polls.

    Why not the package's loop: its signal handler calls ``sys.exit`` at once when no task runs, so a signal that
    lands while the worker is inside its poll (the locking query, in a transaction) raises SystemExit in the middle
    of it; the PostgreSQL connection is left busy and the exit itself fails ("can't change 'autocommit' now"),
    status 1; a task just claimed is left running. Here the handler only clears ``running`` and wakes the sleep (a
    byte down a pipe: no lock, no I/O a signal could interrupt); the loop looks at ``running`` before each poll, so
    the poll in progress ends, a task it claimed runs to its end, and the process exits 0. A second signal still
    forces the exit at once (the package's handler, status 1). Queues: all (``masthead worker`` has no option).
    """

    def __init__(self, *, interval: float, worker_id: str, startup_delay: bool = True) -> None:
        super().__init__(queue_names=["*"], interval=interval, batch=False, backend_name="default",
                         startup_delay=startup_delay, max_tasks=None, worker_id=worker_id, excluded_queue_names=[])
        self.stopped_by: int | None = None
        self._wake_read, self._wake_write = os.pipe()
        os.set_blocking(self._wake_write, False)

    def shutdown(self, signum: int, frame: FrameType | None) -> None:
        if not self.running:
            super().shutdown(signum, frame)  # the second signal: exit now, even mid-task
            return
        self.running = False
        self.stopped_by = signum
        with contextlib.suppress(BlockingIOError):  # the pipe is full: the sleep is woken already
            os.write(self._wake_write, b"\0")

    def _sleep(self, seconds: float) -> None:
        if self.running:  # a signal from here on leaves its byte in the pipe: select returns at once
            select.select([self._wake_read], [], [], seconds)

    def _claim(self) -> DBTaskResult | None:
        """The package's poll: lock the next ready task and claim it, in one transaction (None: nothing to run)."""
        tasks = DBTaskResult.objects.ready().filter(backend_name=self.backend_name)
        with exclusive_transaction(tasks.db):
            try:
                task_result = tasks.get_locked()
                if task_result is not None:
                    task_result.claim(self.worker_id)
            except OperationalError as e:
                if not is_locked_database_exception(e):
                    raise
                task_result = None  # SQLite busy: try again after the interval
        return task_result

    def run(self) -> None:
        tasks_db_log.info("Starting worker worker_id=%s queues=%s", self.worker_id, ",".join(self.queue_names))
        if self.startup_delay and self.interval:
            self._sleep(random.random())  # workers started together do not all poll at once
        while self.running:
            close_old_connections()
            task_result = self._claim()
            if task_result is not None:
                self.run_task(task_result)
            close_old_connections()
            if task_result is None:
                self._sleep(self.interval)
        if self.stopped_by is not None:
            log.info("Task worker %s stopped (%s)", self.worker_id, signal.strsignal(self.stopped_by))
