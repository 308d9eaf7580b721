"""Scheduled privacy work on the task queue: clearing expired network hashes once a day.

django-tasks has no cron, so the daily task enqueues its own next run (``run_after`` a day later) and
``masthead privacy_retention --schedule`` starts the chain once; a chain already waiting is never doubled.
"""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from masthead.accounts.retention import do_clear_expired_networks
from masthead.core.task_recovery import rerun_if_abandoned

DAY = timedelta(days=1)


@task()
def clear_expired_networks() -> dict[str, int]:
    with transaction.atomic():
        return do_clear_expired_networks()


def _waiting(task_path: str) -> bool:
    try:
        from django_tasks.base import TaskResultStatus
        from django_tasks_db.models import DBTaskResult
    except ImportError:  # pragma: no cover - another backend: no queue table to look at
        return False
    return DBTaskResult.objects.filter(task_path=task_path, status=TaskResultStatus.READY).exists()


def schedule_daily(delay: timedelta = DAY) -> bool:
    """Enqueue the next daily run unless one is already waiting; True when one was enqueued."""
    if _waiting(daily_retention.module_path):
        return False
    daily_retention.using(run_after=timezone.now() + delay).enqueue()
    return True


@task()
def daily_retention() -> dict[str, int]:
    with transaction.atomic():
        cleared = do_clear_expired_networks()
    schedule_daily()
    return cleared


# Clearing what has expired is the same however often it runs, and the chain never doubles (schedule_daily).
rerun_if_abandoned(clear_expired_networks)
rerun_if_abandoned(daily_retention)
