"""Drill: a `masthead worker` stopped by SIGTERM at any moment of its poll loop exits cleanly, status 0.

A deploy or `systemctl stop` sends SIGTERM whenever it comes. The worker spends its idle life in two places: the
sleep between polls and the poll itself (a locking query and its COMMIT, in a transaction). The package's own
handler exited at once from wherever the signal landed; landing just after psycopg had sent the poll's COMMIT and
before it read the answer left the connection busy, and the exit failed (status 1, "can't change 'autocommit'
now"): a rare race, once seen in CI.

1. Random moments: workers started with no interval or a tiny one (nearly all their time is polling) or a short
   one (sleeping, and the start-up delay), each sent SIGTERM after a random delay once its handlers are installed:
   every exit is status 0, with no traceback. Both databases. On the old handler about one try in twenty-five with
   no interval failed on PostgreSQL (4 of 101), so this half is a net, not a proof.
2. The worst moment, every time (PostgreSQL): the worker process sends itself SIGTERM from inside psycopg, right
   after a poll's COMMIT is sent and before its answer is read. The old handler failed this on every run.
3. A task in progress still runs to its end first, then the worker exits 0.

Bounded: every wait has a deadline. Figures are printed (run with -s to see them).
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest

from masthead.testing.processes import (
    fresh_database,
    kill_left,
    masthead_env,
    run,
    start,
    stop,
    wait_for_file,
    wait_until,
)

TRIES = 20
INTERVALS = ("0", "0", "0.005", "0.05")  # polling back to back (twice as often); a tiny sleep; a sleep, start-up delay
STARTED = "Starting worker worker_id="  # logged once the worker's signal handlers are installed


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    data_dir = tmp_path_factory.mktemp("masthead-data")
    with fresh_database() as database_url:
        env = masthead_env(data_dir, database_url)
        run(["migrate", "--noinput"], env, timeout=180)
        yield env


def _started(worker: subprocess.Popen[bytes], log: Path) -> bool:
    return worker.poll() is not None or STARTED in log.read_text()


def test_sigterm_at_random_moments_of_the_poll_loop_always_exits_0_without_a_traceback(env, tmp_path: Path):
    seed = random.randrange(1 << 30)
    rng = random.Random(seed)  # printed: a failing run's delays can be tried again
    started = time.monotonic()
    outcomes: list[tuple[str, int]] = []
    failures: list[str] = []
    workers: list[subprocess.Popen[bytes]] = []
    try:
        for n in range(TRIES):
            interval = INTERVALS[n % len(INTERVALS)]
            log = tmp_path / f"worker-{n}.log"
            worker = start(["worker", "--interval", interval], env, log)
            workers.append(worker)
            wait_until(partial(_started, worker, log), 30, f"worker {n} to start")
            delay = rng.uniform(0, 0.25)
            time.sleep(delay)
            code, seconds = stop(worker, timeout=15)
            text = log.read_text()
            outcomes.append((interval, code))
            if code != 0 or "Traceback" in text or seconds > 5:
                failures.append(f"try {n} (interval {interval}, SIGTERM {delay:.3f}s after the start): exit {code} "
                                f"after {seconds:.2f}s\n{text[-3000:]}")
    finally:
        kill_left(workers)

    print(f"\ndrill (worker SIGTERM at random moments): seed {seed}; tries {len(outcomes)}; "
          f"exit codes {dict(Counter(code for _, code in outcomes))}; "
          f"tries by interval {dict(Counter(interval for interval, _ in outcomes))}; "
          f"{time.monotonic() - started:.0f}s")
    assert failures == [], "\n\n".join(failures)
    assert len(outcomes) == TRIES


# Run in the worker process before `masthead worker`: the 3rd COMMIT of the main thread (always a poll's: the loop
# is the only thing committing there) sends SIGTERM to the process once psycopg has sent it, before the answer is
# read. The handler runs at once, there, with the connection busy: the moment the old handler could not survive.
SIGTERM_AFTER_COMMIT_SENT = """
import os, signal, sys, threading
from psycopg import _connection_base

original = _connection_base.BaseConnection._exec_command
commits = []

def exec_command(self, command, *args, **kwargs):
    gen = original(self, command, *args, **kwargs)
    if command != b"COMMIT" or threading.current_thread() is not threading.main_thread():
        return (yield from gen)
    commits.append(command)
    wait = next(gen)  # the COMMIT is sent; its answer is not read yet
    if len(commits) == 3:
        print("SIGTERM with the poll's COMMIT in flight", flush=True)
        os.kill(os.getpid(), signal.SIGTERM)
    try:
        while True:
            wait = gen.send((yield wait))
    except StopIteration as done:
        return done.value

_connection_base.BaseConnection._exec_command = exec_command
from masthead.cli import main
main(sys.argv[1:])
"""


@pytest.mark.skipif(not os.environ.get("DATABASE_URL"), reason="the in-flight COMMIT is psycopg's (PostgreSQL)")
def test_sigterm_while_the_polls_commit_is_in_flight_exits_0(env, tmp_path: Path):
    results = []
    for n in range(3):
        log = tmp_path / f"worker-{n}.log"
        with log.open("wb") as out:
            worker = subprocess.Popen([sys.executable, "-c", SIGTERM_AFTER_COMMIT_SENT, "worker", "--interval", "0"],
                                      env=env, stdout=out, stderr=subprocess.STDOUT)
        try:
            code = worker.wait(30)
        finally:
            kill_left([worker])
        text = log.read_text()
        assert "SIGTERM with the poll's COMMIT in flight" in text, text[-3000:]
        assert code == 0, text[-3000:]
        assert "Traceback" not in text, text[-3000:]
        results.append(code)
    print(f"\ndrill (worker SIGTERM with the poll's COMMIT in flight): exit codes {results}")


ENQUEUE_HOLD = (
    "import django, sys; django.setup(); "
    "from masthead.core.tests.probe_tasks import hold_then_mark; hold_then_mark.enqueue(*sys.argv[-4:])"
)
READ_ROW = (
    "import django, json; django.setup(); "
    "from django_tasks_db.models import DBTaskResult; "
    "row = DBTaskResult.objects.get(task_path='masthead.core.tests.probe_tasks.hold_then_mark'); "
    "print(json.dumps({'status': row.status}))"
)


def test_sigterm_during_a_task_lets_it_finish_then_exits_0(env, tmp_path: Path):
    begun, release, mark = tmp_path / "started", tmp_path / "release", tmp_path / "mark.txt"
    subprocess.run([sys.executable, "-c", ENQUEUE_HOLD, str(begun), str(release), str(mark), "finished"],
                   env=env, check=True, timeout=60, capture_output=True)
    log = tmp_path / "worker.log"
    worker = start(["worker", "--interval", "0.05"], env, log)
    try:
        assert wait_for_file(begun) == "started"
        worker.terminate()  # SIGTERM mid-task: the worker must not leave it
        time.sleep(0.5)
        assert worker.poll() is None, log.read_text()  # still running the task
        release.write_text("go")
        code = worker.wait(15)
    finally:
        kill_left([worker])
    assert code == 0, log.read_text()
    assert "Traceback" not in log.read_text()
    assert mark.read_text() == "finished"
    shown = subprocess.run([sys.executable, "-c", READ_ROW], env=env, check=True, timeout=60, capture_output=True,
                           text=True)
    assert json.loads(shown.stdout)["status"] == "SUCCESSFUL"
