"""`masthead worker`, the task process of a scaled deployment, runs queued tasks and stops on SIGTERM; a task whose
worker was killed is run to the end by the next worker (core/task_recovery.py)."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time

from masthead.testing.processes import enqueue_mark, start, stop, wait_for_file


def test_worker_runs_queued_tasks_and_stops_on_sigterm(install, tmp_path):
    log = tmp_path / "worker.log"
    mark = tmp_path / "mark.txt"
    enqueue_mark(install.env, mark, "ran by masthead worker")  # queued before any worker runs
    process = start(["worker", "--interval", "0.2"], install.env, log)
    try:
        assert wait_for_file(mark) == "ran by masthead worker"
    finally:
        code, seconds = stop(process)

    assert code == 0, log.read_text()
    assert seconds < 5


READ_ROW = (
    "import django, json; django.setup(); "
    "from django_tasks_db.models import DBTaskResult; "
    "row = DBTaskResult.objects.get(task_path='masthead.core.tests.probe_tasks.hold_then_mark'); "
    "print(json.dumps({'status': row.status, 'workers': row.worker_ids}))"
)
ENQUEUE_HOLD = (
    "import django, sys; django.setup(); "
    "from masthead.core.tests.probe_tasks import hold_then_mark; hold_then_mark.enqueue(*sys.argv[-4:])"
)


def test_a_task_whose_worker_was_killed_is_run_to_the_end_by_the_next_worker(install, tmp_path):
    env = {**install.env, "TASK_WORKER_LOST_AFTER": "1"}
    started, release, mark = tmp_path / "started", tmp_path / "release", tmp_path / "mark.txt"
    subprocess.run([sys.executable, "-c", ENQUEUE_HOLD, str(started), str(release), str(mark), "finished"],
                   env=env, check=True, timeout=60, capture_output=True)
    first = start(["worker", "--interval", "0.2"], env, tmp_path / "first.log")
    try:
        assert wait_for_file(started) == "started"
    finally:
        first.send_signal(signal.SIGKILL)  # mid-task: the row stays "running" for ever without the recovery
        first.wait(30)
    release.write_text("go")
    time.sleep(1.5)  # longer than TASK_WORKER_LOST_AFTER: the killed worker's heartbeat and claim are older
    log = tmp_path / "second.log"
    second = start(["worker", "--interval", "0.2"], env, log)
    try:
        assert wait_for_file(mark) == "finished"
    finally:
        code, _ = stop(second)
    assert code == 0, log.read_text()
    assert "was left running by worker worker-" in log.read_text()
    shown = subprocess.run([sys.executable, "-c", READ_ROW], env=env, check=True, timeout=60, capture_output=True,
                           text=True)
    row = json.loads(shown.stdout)
    assert row["status"] == "SUCCESSFUL"
    assert len(row["workers"]) == 2  # claimed by the killed worker, then by the next
    assert row["workers"][0] != row["workers"][1]
