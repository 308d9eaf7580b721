"""The task worker inside `masthead serve` survives a database error: it logs it, waits, and carries on."""

from __future__ import annotations

import logging
import time

import pytest
from django.db import connection
from django_tasks_db.models import DBTaskResult

from masthead.core.tests.probe_tasks import leave_mark
from masthead.core.worker import EmbeddedWorker
from masthead.testing.processes import wait_for_file


def rename_table(old: str, new: str) -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"ALTER TABLE {connection.ops.quote_name(old)} RENAME TO {connection.ops.quote_name(new)}")


@pytest.mark.django_db(transaction=True)
def test_worker_restarts_after_the_queue_table_vanishes_and_runs_tasks(tmp_path, caplog):
    caplog.set_level(logging.ERROR, logger="masthead.core.worker")
    table = DBTaskResult._meta.db_table
    rename_table(table, f"{table}_away")  # the loop's next query fails, as during a database restart
    worker = EmbeddedWorker(interval=0.1)
    worker.start()
    try:
        deadline = time.monotonic() + 10
        while not any("worker failed" in r.getMessage() for r in caplog.records) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert any("worker failed" in r.getMessage() for r in caplog.records)
    finally:
        rename_table(f"{table}_away", table)
    try:
        mark = tmp_path / "mark.txt"
        leave_mark.enqueue(str(mark), "after the restart")
        assert wait_for_file(mark) == "after the restart"
        assert worker.thread.is_alive()
    finally:
        assert worker.stop(timeout=5)
