"""Core's one table: the leases that make each scheduled job run once per interval across all workers."""

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
