"""Queued work that names the reader: tasks waiting in the database queue (mail about to be sent, say).

Tasks keep their arguments as JSON in django-tasks-db's table; any task still waiting whose arguments mention
the reader's address is dropped on erasure, so no mail goes out to (or about) them afterwards.
"""

from __future__ import annotations

import json
from typing import Any
from uuid import UUID

from masthead.accounts.privacy import EraseOptions, Subject


def _waiting_for(subject: Subject) -> list[UUID]:
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    if not subject.email:
        return []
    ids = []
    for pk, args in DBTaskResult.objects.filter(status=TaskResultStatus.READY).values_list("pk", "args_kwargs"):
        if subject.email in json.dumps(args, ensure_ascii=False).lower():
            ids.append(pk)
    return ids


def export(subject: Subject) -> dict[str, Any]:
    return {}  # queued work is ours, not the reader's data; it is only removed on erasure


def erase(subject: Subject, options: EraseOptions) -> dict[str, int]:
    from django_tasks_db.models import DBTaskResult

    deleted, _ = DBTaskResult.objects.filter(pk__in=_waiting_for(subject)).delete()
    return {"queued_tasks_deleted": deleted}
