"""Move the clock for a whole test run: ``--clock=2027-01-31T23:59:00Z`` or ``MASTHEAD_TEST_NOW=...``.

The value is an ISO 8601 instant with its offset, or one named relative to the real today, so that a make
target stays meaningful every day: ``month-end`` (23:59:30 UTC on the last day of this month), ``midnight``
(the coming midnight UTC) and ``year-ahead`` (this instant, 366 days on).

No test may depend on the day it runs. To prove it, the suite runs with the clock moved to the edges where
date code breaks (the last minute of a month, midnight UTC, a year ahead): ``make test-clock``. time-machine
patches the C functions behind ``time.time``, ``datetime.now`` and ``date.today`` for the whole process, so
the live server's threads see the moved clock too; each pytest-xdist worker starts its own traveller (the
option and the variable both reach the workers). The clock still ticks (``tick=True``); a test that needs an
exact instant nests its own ``time_machine.travel`` and gets the session clock back afterwards.

Not moved: ``time.monotonic`` (timeouts and sleeps), other processes (Chromium, ``masthead serve``/``worker``
started by a test, wrk) and the database servers' own ``now()``.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta

import pytest
import time_machine

ENV = "MASTHEAD_TEST_NOW"
_TRAVELLER = pytest.StashKey[time_machine.travel]()
MOVED_TO = pytest.StashKey[datetime]()
REAL_START = pytest.StashKey[datetime]()  # the real clock when the travel began


def _named(name: str, today: datetime) -> datetime | None:
    if name == "month-end":
        following = (today.replace(day=1) + timedelta(days=32)).replace(day=1)
        return (following - timedelta(days=1)).replace(hour=23, minute=59, second=30, microsecond=0)
    if name == "midnight":
        return (today + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    if name == "year-ahead":
        return today + timedelta(days=366)
    return None


def parse_instant(value: str, today: datetime | None = None) -> datetime:
    """An ISO 8601 instant with its offset (``Z`` or ``+hh:mm``; a naive one would be read in local time), or one
    of the names above, worked out from ``today`` (the real clock by default)."""
    named = _named(value.strip(), today or datetime.now(UTC))
    if named is not None:
        return named
    try:
        instant = datetime.fromisoformat(value.strip())
    except ValueError:
        raise pytest.UsageError(f"--clock/{ENV}: {value!r} is not an ISO 8601 date-time") from None
    if instant.tzinfo is None:
        raise pytest.UsageError(f"--clock/{ENV}: {value!r} has no offset; write e.g. 2027-01-31T23:59:00Z")
    return instant.astimezone(UTC)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--clock", default=None, metavar="INSTANT",
        help=f"run every test with the clock moved to INSTANT (ISO 8601 with offset, or month-end, midnight, "
             f"year-ahead); default ${ENV}",
    )


def pytest_configure(config: pytest.Config) -> None:
    value = config.getoption("clock") or os.environ.get(ENV, "")
    if not value.strip():
        return
    instant = parse_instant(value)
    config.stash[REAL_START] = datetime.now(UTC)
    traveller = time_machine.travel(instant, tick=True)
    traveller.start()
    config.stash[_TRAVELLER] = traveller
    config.stash[MOVED_TO] = instant


def pytest_unconfigure(config: pytest.Config) -> None:
    traveller = config.stash.get(_TRAVELLER, None)
    if traveller is not None:
        traveller.stop()
        del config.stash[_TRAVELLER]


def pytest_report_header(config: pytest.Config) -> str | None:
    instant = config.stash.get(MOVED_TO, None)
    return f"clock moved to {instant.isoformat()} (ticking)" if instant else None


def this_month(day: int, hour: int = 12) -> datetime:
    """A day of the run's current month (the run's clock may be moved: testing/clock.py), in UTC."""
    return datetime.now(UTC).replace(day=day, hour=hour, minute=0, second=0, microsecond=0)


def early_this_month() -> str:
    """A "received on" date that counts towards this month's total, as a form would send it."""
    return this_month(2).date().isoformat()
