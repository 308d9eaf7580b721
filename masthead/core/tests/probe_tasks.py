"""A task for the worker tests: it leaves a file behind, so a test in another process can see that it ran."""

from __future__ import annotations

import time
from pathlib import Path

from django_tasks import task

from masthead.core.task_recovery import rerun_if_abandoned


@task()
def leave_mark(path: str, text: str) -> str:
    Path(path).write_text(text)
    return text


@task()
def hold_then_mark(started: str, release: str, path: str, text: str) -> str:
    """Says it started, waits (at most a minute) for ``release`` to exist, then leaves its mark: a task a test can
    kill its worker in the middle of."""
    Path(started).write_text("started")
    deadline = time.monotonic() + 60
    while not Path(release).exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    Path(path).write_text(text)
    return text


rerun_if_abandoned(hold_then_mark)
