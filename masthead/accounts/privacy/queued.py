"""Queued work that names the reader: tasks waiting in the database queue (mail about to be sent, say).

Tasks keep their arguments as JSON in django-tasks-db's table; any task still waiting whose arguments mention
the reader's address is dropped on erasure, so no mail goes out to (or about) them afterwards. The queue is
core's: the delete goes through ``core.tasks.drop_waiting_tasks``.
"""

from __future__ import annotations

from typing import Any

from masthead.accounts.privacy import EraseOptions, Subject
from masthead.core.tasks import drop_waiting_tasks


def export(subject: Subject) -> dict[str, Any]:
    return {}  # queued work is ours, not the reader's data; it is only removed on erasure


def erase(subject: Subject, options: EraseOptions) -> dict[str, int]:
    return {"queued_tasks_deleted": drop_waiting_tasks(subject.email.lower()) if subject.email else 0}
