"""core/sqlite_backend: SQLite writers take turns (a thread lock, then a file lock) instead of polling SQLite's
write lock. Each test uses its own SQLite file, so it runs the same in the SQLite and the PostgreSQL suites."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
import traceback

import pytest
from django.db import OperationalError
from django.db.utils import ConnectionHandler

from masthead.core.sqlite_backend import turns


def wrapper(path, timeout: float = 5.0):
    """A connection through Masthead's SQLite backend to ``path`` (not the test database)."""
    handler = ConnectionHandler({"default": {
        "ENGINE": "masthead.core.sqlite_backend", "NAME": str(path),
        "OPTIONS": {"transaction_mode": "IMMEDIATE", "timeout": timeout,
                    "init_command": "PRAGMA journal_mode=WAL;"},
    }})
    return handler["default"]


def begin(db) -> None:
    """What transaction.atomic does on SQLite when it opens the outermost block."""
    db.set_autocommit(False, force_begin_transaction_with_broken_autocommit=True)


def end(db, *, commit: bool = True) -> None:
    db.commit() if commit else db.rollback()
    db.set_autocommit(True)


@pytest.fixture(autouse=True)
def _own_files(django_db_blocker):
    with django_db_blocker.unblock():  # these connections never touch the test database
        yield


@pytest.fixture
def database(tmp_path):
    path = tmp_path / "turns.sqlite3"
    db = wrapper(path)
    db.ensure_connection()
    with db.cursor() as cursor:
        cursor.execute("CREATE TABLE note (n INTEGER)")
    db.close()
    return path


def test_a_writer_waits_for_its_turn_before_begin_and_goes_as_soon_as_the_other_ends(database):
    first, events = wrapper(database), []
    begin(first)
    with first.cursor() as cursor:
        cursor.execute("INSERT INTO note VALUES (1)")

    def second_writer() -> None:
        second = wrapper(database)
        second.ensure_connection()
        events.append("asking")
        begin(second)  # blocks in its turn, not in SQLite's busy handler
        events.append("begun")
        with second.cursor() as cursor:
            cursor.execute("INSERT INTO note VALUES (2)")
        end(second)
        second.close()

    thread = threading.Thread(target=second_writer)
    thread.start()
    time.sleep(0.3)
    assert events == ["asking"]  # still waiting while the first transaction is open
    assert thread.ident is not None
    waiting_in = traceback.extract_stack(sys._current_frames()[thread.ident])
    assert any(frame.filename == turns.__file__ and frame.name == "acquire" for frame in waiting_in), \
        "the second writer should wait for its turn, not in SQLite's busy handler"
    end(first)
    thread.join(5)
    assert events == ["asking", "begun"]
    with first.cursor() as cursor:
        cursor.execute("SELECT n FROM note ORDER BY n")
        assert [row[0] for row in cursor.fetchall()] == [1, 2]
    first.close()


def test_rollback_and_close_give_the_turn_back(database):
    db = wrapper(database, timeout=1)
    begin(db)
    end(db, commit=False)
    begin(db)
    db.close()  # in the middle of a transaction: SQLite rolls it back, the turn is released too
    other = wrapper(database, timeout=1)
    begin(other)  # would wait a second and fail if either turn were still taken
    end(other)
    other.close()


HOLDER = """
import sys, time
from masthead.core.sqlite_backend.turns import turns_for
turns = turns_for(sys.argv[1])
turns.acquire(5)
print("holding", flush=True)
time.sleep(float(sys.argv[2]))
turns.release()
"""


def _holder(path, seconds: float) -> subprocess.Popen:
    process = subprocess.Popen([sys.executable, "-c", HOLDER, str(path), str(seconds)], stdout=subprocess.PIPE,
                               text=True, env={**os.environ, "PYTHONPATH": os.getcwd()})
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "holding"
    return process


def test_another_process_holding_the_turn_is_waited_for_then_refused_after_the_timeout(database):
    holder = _holder(database, 3)
    try:
        db = wrapper(database, timeout=0.5)
        started = time.monotonic()
        with pytest.raises(OperationalError, match="database is locked"):
            begin(db)
        assert time.monotonic() - started >= 0.5
        db.set_autocommit(True)
        db.close()
    finally:
        holder.kill()
        holder.wait()
    # The kernel dropped the dead holder's lock: the turn is free again at once.
    db = wrapper(database, timeout=0.5)
    begin(db)
    end(db)
    db.close()


def test_a_short_turn_in_another_process_is_waited_for(database):
    holder = _holder(database, 0.3)
    try:
        db = wrapper(database, timeout=5)
        begin(db)
        with db.cursor() as cursor:
            cursor.execute("INSERT INTO note VALUES (3)")
        end(db)
        db.close()
    finally:
        holder.wait(5)


def test_each_process_has_its_own_turns(database, monkeypatch):
    mine = turns.turns_for(str(database))
    assert turns.turns_for(str(database)) is mine
    monkeypatch.setattr(turns.os, "getpid", lambda: -1)  # as in a forked child
    assert turns.turns_for(str(database)) is not mine
