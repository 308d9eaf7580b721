"""The task worker: a thread inside `masthead serve` (embedded default), or `masthead worker` processes."""

from __future__ import annotations

import logging
import threading
import uuid

from django_tasks_db.management.commands.db_worker import Worker

log = logging.getLogger(__name__)


class EmbeddedWorker:
    """Runs the database task worker on a daemon thread and stops it between tasks."""

    def __init__(self, interval: float = 0.5) -> None:
        self.worker = Worker(
            queue_names=["*"],
            interval=interval,
            batch=False,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id=f"embedded-{uuid.uuid4().hex[:8]}",
            excluded_queue_names=[],
        )
        self.thread = threading.Thread(target=self._run, name="masthead-task-worker", daemon=True)

    def _run(self) -> None:
        try:
            self.worker.run()
        except Exception:
            log.exception("The embedded task worker stopped on an error")

    def start(self) -> None:
        self.thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self.worker.running = False
        self.thread.join(timeout)
