"""Tasks a dead worker left "running": found by the worker's missing heartbeat, and run again when that is safe.

A worker that is killed mid-task (SIGKILL, the machine lost, the out-of-memory killer) leaves the task's queue row
marked running for ever: django-tasks-db has no lease on a claimed task, and nothing else would ever run it again.

- **Heartbeats.** Every worker (the thread inside `masthead serve`, each `masthead worker` process) writes its
  ``WorkerHeartbeat`` row from its scheduler thread at start and at every tick (``schedule.TICK``, 30 s). The row
  is keyed by the id the worker claims tasks under, so a running task names the worker that has it.
- **Abandoned.** A task is abandoned when it has been running for more than ``TASK_WORKER_LOST_AFTER`` seconds
  (default 120: four missed ticks) and the worker that claimed it has not been seen for as long (no heartbeat, or
  an older one). A live worker, however long its task, keeps beating, so its task is never taken from it.
- **Run again only when safe.** A task is put back on the queue (the same row, ready again: a worker claims it
  like any other) only if its app declared it safe to run twice with ``rerun_if_abandoned(task)``: running it
  again, even beside a run that somehow still goes on, leaves the same result (recomputing related articles, a
  fan-out whose notices and digests are unique, a receipt whose claim commits only with the SMTP server's
  acceptance: funding/receipts.py). Any other abandoned task is marked failed, with ``WorkerLost`` as its error,
  so it is not shown as running for ever; the notification mail tasks are such, and their own recovery
  (notifications/recovery.py) sends what is owed from the mail's state in the database, once.
- **When.** Each worker runs the sweep as it starts (``register_on_start``: a worker back after an outage finds
  what was abandoned long ago) and every minute as a scheduled job (a worker that never came back while others
  run). Running it twice at once is harmless: each row changes only if it is still the running row it was.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks.base import Task, TaskResultStatus

from masthead.core.models import WorkerHeartbeat

log = logging.getLogger(__name__)

EVERY = timedelta(minutes=1)
KEEP_HEARTBEATS = timedelta(days=7)  # the rows of workers gone for good are pruned after this

_rerunnable: set[str] = set()


class WorkerLost(Exception):
    """The error recorded on an abandoned task that is not safe to run again automatically."""


def rerun_if_abandoned(task: Task[Any, Any]) -> Task[Any, Any]:
    """Declare ``task`` safe to run twice: if its worker dies while running it, it is queued again. Call it in the
    module that defines the task (resolving an abandoned row's task imports that module, so the mark is read)."""
    _rerunnable.add(task.module_path)
    return task


def is_rerunnable(task_path: str) -> bool:
    try:
        import_string(task_path)  # its module declares it, if anywhere
    except ImportError:
        return False
    return task_path in _rerunnable


def lost_after() -> timedelta:
    return timedelta(seconds=settings.TASK_WORKER_LOST_AFTER)


def beat(worker_id: str, now: datetime | None = None) -> None:
    """This worker is alive (its scheduler thread calls this every tick)."""
    WorkerHeartbeat.objects.update_or_create(worker_id=worker_id[:64],
                                             defaults={"seen_at": now or timezone.now()})


def requeue_abandoned_tasks(now: datetime | None = None) -> dict[str, int]:
    """Queue again every abandoned task that is safe to run twice and mark the others failed; returns how many."""
    from django_tasks_db.models import DBTaskResult  # a model: imported once the apps are loaded

    now = now or timezone.now()
    cutoff = now - lost_after()
    alive = set(WorkerHeartbeat.objects.filter(seen_at__gt=cutoff).values_list("worker_id", flat=True))
    found = {"requeued": 0, "failed": 0}
    candidates = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING, started_at__lte=cutoff)
    for pk, task_path, started_at, worker_ids in candidates.values_list("pk", "task_path", "started_at",
                                                                        "worker_ids"):
        worker = worker_ids[-1] if worker_ids else ""
        if worker in alive:
            continue  # a long task of a live worker
        # Only if it is still the running row we read: a second sweep, or the task finishing, wins.
        same = DBTaskResult.objects.filter(pk=pk, status=TaskResultStatus.RUNNING, started_at=started_at)
        if is_rerunnable(task_path):
            changed = same.update(status=TaskResultStatus.READY, started_at=None)
            outcome = "requeued"
        else:
            changed = same.update(
                status=TaskResultStatus.FAILED, finished_at=now, return_value=None,
                exception_class_path=f"{WorkerLost.__module__}.{WorkerLost.__qualname__}",
                traceback=(f"WorkerLost: worker {worker or '(unknown)'} stopped while running this task (no "
                           f"heartbeat since before {cutoff.isoformat()}); not run again: it is not declared "
                           "safe to run twice (core/task_recovery.py)"))
            outcome = "failed"
        if changed:
            found[outcome] += 1
            log.warning("Task %s (%s) was left running by worker %s, which stopped: %s", pk, task_path,
                        worker or "(unknown)", "queued again" if outcome == "requeued" else "marked failed")
    WorkerHeartbeat.objects.filter(seen_at__lt=now - KEEP_HEARTBEATS).delete()
    return found
