"""The task worker: a thread inside `masthead serve` (embedded default), or `masthead worker` processes.

Both run django-tasks-db's worker loop over the database queue (``TASKS`` in settings), so a task enqueued by
any app server is run by whichever worker claims it first (the claim is a locked row update, see
django_tasks_db). The embedded thread never installs signal handlers: `masthead serve` owns SIGTERM and stops
the thread between tasks. Each worker also runs the scheduled jobs' ``Scheduler`` (core/schedule.py), whose
database leases make every job run once per interval however many workers there are. See docs/operations.md.
"""

from __future__ import annotations

import logging
import os
import threading
import uuid

from django.db import connections
from django_tasks_db.management.commands.db_worker import Worker

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
