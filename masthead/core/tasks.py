"""Enqueueing a task when the change that calls for it commits: the one way every app does it.

django-tasks 0.12 (the backport of Django's task API) has no enqueue-on-commit: ``Task.enqueue`` hands the task to
the backend at once, and an ``ENQUEUE_ON_COMMIT`` key in ``TASKS`` is read by nothing. The database backend would
write its queue row inside the caller's transaction, but the immediate backend (tests) would run the task there
and then, before the change it reads is committed, and a queue outside the database would keep a task whose change
rolled back. So the enqueue waits for ``transaction.on_commit``: a rolled-back change never runs its task, a
committed one gets its enqueue; outside a transaction it is enqueued at once (``core/tests/test_tasks_on_commit.py``).
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from django.db import transaction
from django_tasks.base import Task, TaskResultStatus


def enqueue_on_commit(task: Task[Any, Any], *args: Any, run_after: datetime | None = None,
                      robust: bool = False, **kwargs: Any) -> None:
    """Enqueue ``task(*args, **kwargs)`` once the current transaction commits (at once outside one).

    ``run_after`` defers it (the backend must support deferring). ``robust``: an enqueue that fails after the
    commit is logged instead of raised, for callers whose answer must not change once the change is made (a
    webhook that Stripe would otherwise send again).
    """
    bound = task.using(run_after=run_after) if run_after is not None else task

    def enqueue() -> None:
        bound.enqueue(*args, **kwargs)

    transaction.on_commit(enqueue, robust=robust)


def drop_waiting_tasks(mentioning: str) -> int:
    """Delete the tasks still waiting in the database queue whose arguments mention ``mentioning`` (lower case).

    For erasure (accounts/privacy/queued.py): no mail goes out to or about a reader once they are erased. The task
    API has no way to cancel, and the queue's table is core's, so the delete lives here. A task a worker has
    already claimed (no longer READY) is left alone: the status is checked again by the delete itself.
    Returns how many were dropped.
    """
    from django_tasks_db.models import DBTaskResult  # a model: imported once the apps are loaded

    if not mentioning:
        return 0
    waiting = DBTaskResult.objects.filter(status=TaskResultStatus.READY)
    ids = [pk for pk, args in waiting.values_list("pk", "args_kwargs")
           if mentioning in json.dumps(args, ensure_ascii=False).lower()]
    if not ids:
        return 0
    deleted, _ = waiting.filter(pk__in=ids).delete()
    return deleted
