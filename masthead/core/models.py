"""Core's tables: the leases that make each scheduled job run once per interval across all workers, and the task
workers' heartbeats."""

from __future__ import annotations

from django.db import models


class JobLease(models.Model):
    """One row per (job, interval slot), taken by the worker that runs the job for that slot (core/schedule.py).

    The unique constraint is the whole mechanism: every worker tries to insert the row for the current slot in the
    transaction that runs the job; the database lets exactly one succeed, the others get a conflict and skip.
    Rows are kept (a small history: which worker ran what, when) and pruned after ``schedule.KEEP_LEASES``.
    """

    job = models.CharField(max_length=100)
    slot = models.DateTimeField(help_text="Start of the interval this run is for.")
    worker = models.CharField(max_length=100)
    started_at = models.DateTimeField()
    finished_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["job", "slot"], name="core_joblease_one_per_slot")]
        ordering = ["-slot", "job"]

    def __str__(self) -> str:
        return f"{self.job} @ {self.slot:%Y-%m-%d %H:%M} by {self.worker}"


class WorkerHeartbeat(models.Model):
    """The last time each task worker was seen alive (core/task_recovery.py): written by its scheduler thread every
    tick. A task left running by a worker not seen for ``TASK_WORKER_LOST_AFTER`` seconds was abandoned: its worker
    died (killed, the machine lost) and will never finish it."""

    worker_id = models.CharField(max_length=64, primary_key=True)
    seen_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.worker_id} seen {self.seen_at:%Y-%m-%d %H:%M:%S}"
