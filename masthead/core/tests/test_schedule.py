"""Scheduled jobs run once per interval slot across all workers (core/schedule.py), on both databases.

Two worker loops, each the ``Scheduler`` every worker runs, on their own threads and database connections, tick
the same slots at the same moment (a barrier) with a controlled clock: each job runs exactly once per slot.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.utils import timezone

from masthead.core import schedule
from masthead.core.models import JobLease

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)  # a Monday morning; nothing depends on the real date
HOUR, DAY = timedelta(hours=1), timedelta(days=1)


def test_slots_are_counted_from_the_epoch():
    assert schedule.slot_start(START + timedelta(minutes=59), HOUR) == START
    assert schedule.slot_start(START, DAY) == datetime(2026, 3, 2, tzinfo=UTC)
    assert schedule.slot_start(START + 15 * HOUR, DAY) == datetime(2026, 3, 3, tzinfo=UTC)


def test_the_apps_register_retention_pruning_and_upkeep():
    names = {job.name: job.every for job in schedule.registered()}
    assert names == {"core.clear-expired-sessions": DAY, "core.requeue-abandoned-tasks": timedelta(minutes=1),
                     "accounts.privacy-retention": DAY, "notifications.prune": DAY,
                     "notifications.requeue-abandoned-mail": timedelta(minutes=5),
                     "funding.requeue-owed-receipts": timedelta(minutes=10)}
    assert list(schedule._on_start) == ["core.requeue-abandoned-tasks", "notifications.requeue-abandoned-mail"]


@pytest.mark.django_db(transaction=True)
def test_two_workers_ticking_the_same_slots_run_each_job_once_per_slot():
    runs: Counter[tuple[str, datetime]] = Counter()
    runners: Counter[str] = Counter()
    lock = threading.Lock()
    now = {"at": START}
    who = threading.local()

    def job(name: str):
        def run() -> None:
            with lock:
                runs[(name, schedule.slot_start(now["at"], HOUR if name == "hourly" else DAY))] += 1
                runners[who.name] += 1
            # Write in the job's transaction and take a moment, so the other worker's insert meets an open lease.
            JobLease.objects.filter(job="nothing").delete()
            time.sleep(0.05)
        return run

    jobs = [schedule.Job("hourly", HOUR, job("hourly")), schedule.Job("daily", DAY, job("daily"))]
    ticks = [START + i * timedelta(minutes=20) for i in range(9)] + [START + DAY, START + DAY + HOUR]
    barrier = threading.Barrier(2, timeout=60)
    failures: list[BaseException] = []

    def worker(name: str) -> None:
        who.name = name
        scheduler = schedule.Scheduler(name, clock=lambda: now["at"], jobs=jobs)
        try:
            for moment in ticks:
                barrier.wait()
                if name == "a":
                    now["at"] = moment
                barrier.wait()
                scheduler.run_once()
        except BaseException as error:  # reported by the main thread
            failures.append(error)
            barrier.abort()
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(name,)) for name in ("a", "b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert not failures, failures

    hourly_slots = {schedule.slot_start(moment, HOUR) for moment in ticks}
    daily_slots = {schedule.slot_start(moment, DAY) for moment in ticks}
    assert len(hourly_slots) == 5  # 09:00, 10:00, 11:00 and the next day's two
    assert len(daily_slots) == 2
    assert runs == Counter({**{("hourly", slot): 1 for slot in hourly_slots},
                            **{("daily", slot): 1 for slot in daily_slots}})
    leases = list(JobLease.objects.values_list("job", "slot", "worker"))
    assert sorted((job, slot) for job, slot, _ in leases) == sorted(runs)
    assert {worker for _, _, worker in leases} <= {"a", "b"}
    print(f"\nscheduled jobs: {len(ticks)} ticks x 2 workers, {sum(runs.values())} runs "
          f"(expected {len(hourly_slots) + len(daily_slots)}), by worker {dict(runners)}")


@pytest.mark.django_db(transaction=True)
def test_a_failed_job_leaves_its_slot_free_for_the_next_tick():
    attempts: list[int] = []

    def flaky() -> None:
        attempts.append(1)
        JobLease.objects.filter(job="none").delete()
        if len(attempts) == 1:
            raise RuntimeError("the first try fails")

    job = schedule.Job("flaky", HOUR, flaky)
    assert schedule.run_due(START, "a", [job]) == []
    assert not JobLease.objects.exists()  # rolled back with the job
    assert schedule.run_due(START + timedelta(minutes=1), "b", [job]) == ["flaky"]
    assert schedule.run_due(START + timedelta(minutes=2), "a", [job]) == []
    assert list(JobLease.objects.values_list("job", "worker")) == [("flaky", "b")]
    assert len(attempts) == 2


@pytest.mark.django_db
def test_the_registered_jobs_run_once_a_day():
    daily = [job for job in schedule.registered() if job.every == DAY]
    first = schedule.run_due(START, "a", daily)
    assert sorted(first) == ["accounts.privacy-retention", "core.clear-expired-sessions", "notifications.prune"]
    assert schedule.run_due(START + 14 * HOUR, "b", daily) == []
    assert sorted(schedule.run_due(START + DAY, "b", daily)) == sorted(first)
    assert JobLease.objects.filter(started_at__lte=timezone.now()).count() == 6


@pytest.mark.django_db(transaction=True)
def test_a_worker_arriving_while_another_runs_the_slot_skips_it_on_the_unique_lease():
    """The second worker's read sees no lease yet (the first has not committed): the insert's conflict stops it."""
    inside, ran = threading.Event(), []

    def slow() -> None:
        ran.append(threading.current_thread().name)
        JobLease.objects.filter(job="none").delete()
        inside.set()
        time.sleep(0.5)

    job = schedule.Job("slow", HOUR, slow)
    results: dict[str, bool] = {}

    def first() -> None:
        try:
            results["first"] = schedule.take_and_run(job, START, "first")
        finally:
            connection.close()

    thread = threading.Thread(target=first, name="first")
    thread.start()
    assert inside.wait(30)
    assert not JobLease.objects.filter(job="slow").exists()  # not committed yet: the read cannot tell
    results["second"] = schedule.take_and_run(job, START + timedelta(minutes=5), "second")
    thread.join(30)
    assert results == {"first": True, "second": False}
    assert ran == ["first"]
