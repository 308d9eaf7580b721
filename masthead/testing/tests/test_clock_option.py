"""The suite's clock option (masthead/testing/clock.py) really moves the clock: in every pytest-xdist worker, on
threads, for ``datetime``, ``time`` and Django alike, and back to the run's clock after a test's own travel.

A pytest run is started on a small test file of its own, so these checks hold whatever clock this run has.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import time_machine
from django.utils import timezone

from masthead.testing.clock import MOVED_TO, REAL_START, parse_instant

_OBSERVER = '''
import json, os, threading, time
from datetime import UTC, date, datetime

import time_machine


def _seen():
    return {"time": time.time(), "now": datetime.now(UTC).isoformat(), "today": date.today().isoformat()}


def test_observe(tmp_path_factory, worker_id):
    on_thread = []
    thread = threading.Thread(target=lambda: on_thread.append(_seen()))
    thread.start()
    thread.join()
    with time_machine.travel(datetime(2001, 1, 1, tzinfo=UTC), tick=False):
        nested = _seen()
    seen = {"worker": worker_id, "main": _seen(), "thread": on_thread[0], "nested": nested, "after": _seen()}
    with open(os.environ["CLOCK_OBSERVATIONS"], "a") as out:
        out.write(json.dumps(seen) + "\\n")


def test_second(worker_id):
    test_observe(None, worker_id)
'''


def _run(tmp_path: Path, *args: str, env_clock: str | None = None) -> tuple[subprocess.CompletedProcess, list]:
    (tmp_path / "test_observe.py").write_text(_OBSERVER)
    observations = tmp_path / "seen.jsonl"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    env.pop("MASTHEAD_TEST_NOW", None)
    env["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"  # only the plugins named below: a quick start
    if env_clock is not None:
        env["MASTHEAD_TEST_NOW"] = env_clock
    env["CLOCK_OBSERVATIONS"] = str(observations)
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-c", os.devnull, "--rootdir", str(tmp_path), "-p", "no:cacheprovider",
         "-p", "xdist.plugin", "-p", "masthead.testing.clock", *args, str(tmp_path / "test_observe.py")],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120, check=False,
    )
    seen = [json.loads(line) for line in observations.read_text().splitlines()] if observations.exists() else []
    return result, seen


def _near(iso: str, instant: datetime, within: float = 60) -> bool:
    return abs((datetime.fromisoformat(iso) - instant).total_seconds()) < within


def test_the_clock_option_moves_every_worker_and_thread(tmp_path):
    instant = datetime(2027, 2, 28, 23, 59, 30, tzinfo=UTC)
    result, seen = _run(tmp_path, "-n", "2", "--clock=2027-02-28T23:59:30Z")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "clock moved to 2027-02-28T23:59:30+00:00" in result.stdout
    assert {s["worker"] for s in seen} == {"gw0", "gw1"}, "both workers ran a test"
    for s in seen:
        for where in ("main", "thread", "after"):
            assert _near(s[where]["now"], instant), (where, s)
            assert s[where]["today"] in ("2027-02-28", "2027-03-01")
            assert abs(s[where]["time"] - instant.timestamp()) < 60
        assert s["nested"]["now"] == "2001-01-01T00:00:00+00:00"  # a test's own travel wins, then gives it back


def test_the_environment_variable_moves_the_clock_and_ticks(tmp_path):
    result, seen = _run(tmp_path, env_clock="2026-12-05T00:00:00Z")
    assert result.returncode == 0, result.stdout + result.stderr
    first, second = seen
    assert _near(first["main"]["now"], datetime(2026, 12, 5, tzinfo=UTC))
    assert second["main"]["time"] > first["main"]["time"], "the moved clock still runs"


def test_the_option_wins_over_the_variable_and_a_bad_instant_stops_the_run(tmp_path):
    result, seen = _run(tmp_path, "--clock=2030-06-15T12:00:00+02:00", env_clock="2026-12-05T00:00:00Z")
    assert result.returncode == 0, result.stdout + result.stderr
    assert _near(seen[0]["main"]["now"], datetime(2030, 6, 15, 10, tzinfo=UTC))

    for bad in ("2027-01-31", "tomorrow"):
        folder = tmp_path / bad
        folder.mkdir()
        result, seen = _run(folder, "--clock", bad)
        assert result.returncode == 4  # a usage error...
        assert seen == []  # ...so no test ran at the real clock instead
        assert "--clock/MASTHEAD_TEST_NOW" in result.stderr


def test_named_clocks_are_worked_out_from_today():
    today = datetime(2026, 12, 4, 18, 30, tzinfo=UTC)
    assert parse_instant("month-end", today) == datetime(2026, 12, 31, 23, 59, 30, tzinfo=UTC)
    assert parse_instant("month-end", datetime(2027, 2, 10, tzinfo=UTC)) == datetime(2027, 2, 28, 23, 59, 30,
                                                                                     tzinfo=UTC)
    assert parse_instant("midnight", today) == datetime(2026, 12, 5, tzinfo=UTC)
    assert parse_instant("year-ahead", today) == datetime(2027, 12, 5, 18, 30, tzinfo=UTC)


def test_this_run_is_on_the_clock_it_was_given(pytestconfig):
    """In a run with ``--clock``, the code under test sees that clock; in a run without, the real one."""
    moved_to = pytestconfig.stash.get(MOVED_TO, None)
    if moved_to is None:
        assert not time_machine.escape_hatch.is_travelling()
    else:
        assert time_machine.escape_hatch.is_travelling()
        real = time_machine.escape_hatch.datetime.datetime.now(UTC)
        # The run has ticked on from the instant it was given, by as long as this process has been travelling.
        travelled = real - pytestconfig.stash[REAL_START]
        assert moved_to <= timezone.now() <= moved_to + travelled + timedelta(seconds=1)


def test_mid_month_holds_the_clock_at_noon_on_the_fifteenth_of_the_runs_month(pytestconfig, mid_month):
    run_clock = pytestconfig.stash.get(MOVED_TO, None)
    now = timezone.now()
    assert (now.day, now.hour, now.minute) == (15, 12, 0)
    assert now - mid_month < timedelta(seconds=30)  # still ticking from there
    if run_clock is not None:  # the run's month, or the next one if the run's clock has turned it since
        following = (run_clock.replace(day=1) + timedelta(days=32)).replace(day=1)
        assert (now.year, now.month) in {(run_clock.year, run_clock.month), (following.year, following.month)}
