"""`masthead worker`, the task process of a scaled deployment, runs queued tasks and stops on SIGTERM."""

from __future__ import annotations

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
