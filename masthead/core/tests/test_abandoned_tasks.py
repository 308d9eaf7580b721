"""Tasks a killed worker left "running" (core/task_recovery.py): queued again when their app declared them safe to
run twice, marked failed otherwise; a live worker's task, however long, is never taken from it.

These tests read the queue's rows as a sweep finds them; core/tests/test_worker_command.py kills a real
`masthead worker` (SIGKILL) in the middle of a task and shows the next worker run it to the end at its start.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from masthead.core import task_recovery
from masthead.core.task_recovery import WorkerLost, beat, requeue_abandoned_tasks


def _running(task_path: str, worker: str, started_ago: timedelta) -> DBTaskResult:
    now = timezone.now()
    return DBTaskResult.objects.create(
        status=TaskResultStatus.RUNNING, task_path=task_path, args_kwargs={"args": [1], "kwargs": {}},
        worker_ids=[worker], started_at=now - started_ago, run_after=now - started_ago, backend_name="default",
        queue_name="default", priority=0)


@pytest.mark.django_db
def test_a_sweep_requeues_what_is_safe_fails_the_rest_and_leaves_live_workers_alone(settings):
    settings.TASK_WORKER_LOST_AFTER = 120
    long_ago = timedelta(minutes=10)
    beat("dead-worker", timezone.now() - long_ago)  # last seen ten minutes ago
    beat("live-worker")
    related = _running("masthead.publishing.tasks.refresh_related", "dead-worker", long_ago)
    fan_out = _running("masthead.notifications.tasks.fan_out_comment", "never-beat-worker", long_ago)
    mail = _running("masthead.notifications.tasks.retry_delivery", "dead-worker", long_ago)
    gone = _running("masthead.no_such_app.tasks.vanished", "dead-worker", long_ago)
    long_task = _running("masthead.publishing.tasks.refresh_related", "live-worker", long_ago)
    just_claimed = _running("masthead.publishing.tasks.refresh_related", "new-worker", timedelta(seconds=5))

    assert requeue_abandoned_tasks() == {"requeued": 2, "failed": 2}

    def row(result: DBTaskResult) -> DBTaskResult:
        return DBTaskResult.objects.get(pk=result.pk)

    for requeued in (related, fan_out):  # ready for the next worker to claim, its history kept
        assert row(requeued).status == TaskResultStatus.READY
        assert row(requeued).started_at is None
        assert row(requeued).worker_ids == requeued.worker_ids
    for failed in (mail, gone):  # not declared safe to run twice: failed, not running for ever
        assert row(failed).status == TaskResultStatus.FAILED
        assert row(failed).exception_class_path == "masthead.core.task_recovery.WorkerLost"
        assert "stopped while running this task" in row(failed).traceback
    assert row(long_task).status == TaskResultStatus.RUNNING  # its worker still beats
    assert row(just_claimed).status == TaskResultStatus.RUNNING  # too young to tell
    assert requeue_abandoned_tasks() == {"requeued": 0, "failed": 0}  # a second sweep changes nothing
    assert WorkerLost.__module__ == task_recovery.__name__


@pytest.mark.django_db
def test_the_mail_tasks_are_left_to_the_mail_recovery_and_the_safe_ones_are_declared():
    assert task_recovery.is_rerunnable("masthead.publishing.tasks.refresh_related")
    assert task_recovery.is_rerunnable("masthead.funding.tasks.send_receipt")
    assert task_recovery.is_rerunnable("masthead.accounts.tasks.daily_retention")
    for mail in ("retry_delivery", "send_digest", "send_moderation_digest", "process_subscription_request"):
        assert not task_recovery.is_rerunnable(f"masthead.notifications.tasks.{mail}")
    assert not task_recovery.is_rerunnable("masthead.no_such_app.tasks.vanished")
