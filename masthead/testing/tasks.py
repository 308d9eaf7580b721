"""Running the database task queue inside a test."""

from __future__ import annotations

import uuid


def run_queue() -> None:
    """Run every task that is due in the database queue, then return (the queue's worker in batch mode)."""
    from django_tasks_db.management.commands.db_worker import Worker  # loaded by the tests that run the queue

    Worker(queue_names=["*"], interval=0.01, batch=True, backend_name="default", startup_delay=False,
           max_tasks=None, worker_id=f"test-{uuid.uuid4().hex[:8]}", excluded_queue_names=[]).run()
