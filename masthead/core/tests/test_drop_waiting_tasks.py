"""``core.tasks.drop_waiting_tasks``: the one place that removes rows from the task queue (erasure uses it). It drops
the waiting tasks whose arguments mention a reader and leaves a task a worker has claimed, and every other one."""

from __future__ import annotations

import pytest
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from masthead.core.tasks import drop_waiting_tasks
from masthead.core.tests.probe_tasks import leave_mark

pytestmark = pytest.mark.django_db


def test_only_waiting_tasks_that_mention_the_address_are_dropped(tmp_path):
    mentioning = leave_mark.enqueue(str(tmp_path / "a"), "Mail for Zoë <zoe.queued@example.org>")
    other = leave_mark.enqueue(str(tmp_path / "b"), "Mail for someone.else@example.org")
    claimed = leave_mark.enqueue(str(tmp_path / "c"), "zoe.queued@example.org, already being sent")
    DBTaskResult.objects.filter(pk=claimed.id).update(status=TaskResultStatus.RUNNING)

    assert drop_waiting_tasks("zoe.queued@example.org") == 1
    remaining = {str(pk) for pk in DBTaskResult.objects.values_list("pk", flat=True)}
    assert remaining == {str(other.id), str(claimed.id)}
    assert str(mentioning.id) not in remaining
    assert drop_waiting_tasks("zoe.queued@example.org") == 0
    assert drop_waiting_tasks("") == 0
