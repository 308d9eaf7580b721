"""Scheduled jobs (retention, pruning, upkeep) that run once per interval across all workers.

Apps register a job in their ``AppConfig.ready`` with ``register(name, every, run)``. Every task worker (the
thread inside `masthead serve`, each `masthead worker` process) runs a ``Scheduler`` that wakes every ``TICK``
seconds and, for each job, tries to take the lease of the current interval slot (slots are counted from the Unix
epoch, so a daily job's slot starts at 00:00 UTC): an insert into ``core_joblease``, unique per (job, slot), in
the same transaction as the job itself. The database lets exactly one worker's insert through; the others get a
conflict (on PostgreSQL they wait for the winner's commit first) and skip. If the job fails, its transaction,
lease included, rolls back, and the next tick of any worker tries again.

A database lease, not a Redis lock: it works in both shapes (one SQLite server, or many servers on PostgreSQL),
commits atomically with the job's writes, and leaves a record of which worker ran what. Jobs are short
statements (one DELETE or UPDATE per table); anything long should enqueue tasks instead.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.db import DatabaseError, IntegrityError, connections, transaction
from django.utils import timezone

from masthead.core import task_recovery
from masthead.core.models import JobLease

log = logging.getLogger(__name__)

TICK = 30.0  # seconds between a worker's looks at the schedule
KEEP_LEASES = timedelta(days=90)
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Job:
    name: str
    every: timedelta
    run: Callable[[], object]


_registry: dict[str, Job] = {}


def register(name: str, every: timedelta, run: Callable[[], object]) -> Job:
    """Add a job to every worker's schedule (call from ``AppConfig.ready``; registering again replaces it)."""
    if every < timedelta(minutes=1):
        raise ValueError("a scheduled job runs at most once a minute")
    job = Job(name, every, run)
    _registry[name] = job
    return job


def registered() -> list[Job]:
    return list(_registry.values())


_on_start: dict[str, Callable[[], object]] = {}


def register_on_start(name: str, run: Callable[[], object]) -> None:
    """Something every worker runs once as it starts, before its first look at the schedule: recovering what a
    worker that died left half done (notifications/recovery.py). Not leased: each starting worker runs it, so it
    must be safe to run twice and beside live workers."""
    _on_start[name] = run


def run_on_start() -> list[str]:
    """Run every start-up step; one that fails is logged and the others still run. Returns the names run."""
    ran = []
    for name, run in list(_on_start.items()):
        try:
            run()
        except Exception:
            log.exception("Start-up step %s failed", name)
            continue
        ran.append(name)
    return ran


def slot_start(now: datetime, every: timedelta) -> datetime:
    """The start of the interval ``now`` falls in, counted from the epoch (UTC)."""
    elapsed = now - EPOCH
    return EPOCH + every * (elapsed // every)


def take_and_run(job: Job, now: datetime, worker: str) -> bool:
    """Run ``job`` for the slot of ``now`` unless some worker already has: True when this call ran it."""
    slot = slot_start(now, job.every)
    if JobLease.objects.filter(job=job.name, slot=slot).exists():
        return False  # the common case, answered by a read: no write lock taken
    try:
        with transaction.atomic():
            try:
                with transaction.atomic():  # a savepoint: the conflict must not poison the outer transaction
                    JobLease.objects.create(job=job.name, slot=slot, worker=worker, started_at=timezone.now(),
                                            finished_at=timezone.now())
            except IntegrityError:
                return False  # another worker took this slot
            job.run()
            JobLease.objects.filter(job=job.name, slot=slot).update(finished_at=timezone.now())
    except DatabaseError:
        raise  # the database itself failed: the worker loop backs off
    except Exception:
        log.exception("Scheduled job %s failed; it will be tried again at the next tick", job.name)
        return False
    log.info("Scheduled job %s ran for the slot starting %s", job.name, slot.isoformat())
    return True


def run_due(now: datetime, worker: str, jobs: Iterable[Job] | None = None) -> list[str]:
    """Every job whose current slot nobody has taken yet: taken and run here. Returns the names run."""
    ran = [job.name for job in (registered() if jobs is None else jobs) if take_and_run(job, now, worker)]
    if ran:
        JobLease.objects.filter(slot__lt=now - KEEP_LEASES).delete()
    return ran


class Scheduler:
    """The loop each worker runs on a daemon thread: ``run_due`` every ``tick`` seconds until ``stop()``, each tick
    with the worker's heartbeat first (core/task_recovery.py: ``worker`` is the id the worker claims tasks under)."""

    def __init__(self, worker: str, *, tick: float = TICK, clock: Callable[[], datetime] = timezone.now,
                 jobs: Iterable[Job] | None = None) -> None:
        self.worker = worker
        self.tick = tick
        self.clock = clock
        self.jobs = None if jobs is None else list(jobs)
        self._stopping = threading.Event()
        self.thread = threading.Thread(target=self._loop, name="masthead-scheduler", daemon=True)

    def run_once(self) -> list[str]:
        return run_due(self.clock(), self.worker, self.jobs)

    def _loop(self) -> None:
        real = self.jobs is None  # the real schedule (tests may pass their own jobs)
        try:
            if real:
                self._beat()  # first: the start-up steps read which workers are alive
                run_on_start()
            while not self._stopping.is_set():
                try:
                    if real:
                        task_recovery.beat(self.worker)
                    self.run_once()
                except Exception:  # the database restarting, say: try again at the next tick
                    log.exception("The scheduler could not reach the database; trying again in %.0fs", self.tick)
                    connections.close_all()
                self._stopping.wait(self.tick)
        finally:
            connections.close_all()

    def _beat(self) -> None:
        try:
            task_recovery.beat(self.worker)
        except Exception:
            log.exception("The scheduler could not record this worker's heartbeat")
            connections.close_all()

    def start(self) -> None:
        self.thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self._stopping.set()
        self.thread.join(timeout)
