"""``core.tasks.enqueue_on_commit``: a task enqueued in a transaction that rolls back is never run; one enqueued in
a transaction that commits is queued at the commit and run by the real worker loop (database queue)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from masthead.core.tasks import enqueue_on_commit
from masthead.core.tests.probe_tasks import leave_mark
from masthead.testing.tasks import run_queue


class Undo(Exception):
    pass


def enqueue_then_roll_back(path: str) -> None:
    with transaction.atomic():
        enqueue_on_commit(leave_mark, path, "should not exist")
        raise Undo


@pytest.mark.django_db(transaction=True)
def test_rolled_back_task_never_runs_committed_one_does(tmp_path):
    rolled_back, committed = tmp_path / "rolled-back.txt", tmp_path / "committed.txt"
    with pytest.raises(Undo):
        enqueue_then_roll_back(str(rolled_back))
    with transaction.atomic():
        enqueue_on_commit(leave_mark, str(committed), "ran")
        assert DBTaskResult.objects.count() == 0  # nothing is queued before the commit
    assert DBTaskResult.objects.count() == 1
    run_queue()
    assert committed.read_text() == "ran"
    assert not rolled_back.exists()
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"


@pytest.mark.django_db(transaction=True)
def test_inner_savepoint_rolled_back_drops_its_task_only(tmp_path):
    dropped, kept = tmp_path / "dropped.txt", tmp_path / "kept.txt"
    with transaction.atomic():
        enqueue_on_commit(leave_mark, str(kept), "kept")
        with pytest.raises(Undo):
            enqueue_then_roll_back(str(dropped))
    run_queue()
    assert kept.read_text() == "kept"
    assert not dropped.exists()


@pytest.mark.django_db(transaction=True)
def test_outside_a_transaction_it_is_queued_at_once_and_run_after_is_kept(tmp_path):
    later = timezone.now() + timedelta(hours=1)
    enqueue_on_commit(leave_mark, str(tmp_path / "later.txt"), "later", run_after=later)
    queued = DBTaskResult.objects.get()
    assert queued.run_after == later
    run_queue()
    assert not (tmp_path / "later.txt").exists()  # not due yet: the worker leaves it queued
    assert DBTaskResult.objects.get().status == "READY"


def test_settings_carry_no_option_the_task_backend_ignores(settings):
    assert "ENQUEUE_ON_COMMIT" not in settings.TASKS["default"]


@pytest.mark.django_db(transaction=True)
def test_a_backend_that_runs_at_once_waits_for_the_commit_too(settings, tmp_path):
    """The immediate backend (used by some apps' tests) runs a task inside ``enqueue``: only after the commit."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    rolled_back, committed = tmp_path / "rolled-back.txt", tmp_path / "committed.txt"
    with pytest.raises(Undo):
        enqueue_then_roll_back(str(rolled_back))
    with transaction.atomic():
        enqueue_on_commit(leave_mark, str(committed), "ran")
        assert not committed.exists()
    assert committed.read_text() == "ran"
    assert not rolled_back.exists()
