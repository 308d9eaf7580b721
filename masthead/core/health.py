"""What /healthz and /readyz check: each dependency on its own, cheaply, with short timeouts.

``/healthz`` reports every dependency. Only the database is *required*: without it no page can be rendered, so
the answer is 503 and the balancer should stop sending readers here. Redis, the task queue and the media store
are reported but not required, because pages and posting carry on without them (the cache falls back, live
updates pause, images go missing for a while): taking every app server out of the balancer because the shared
Redis is down would turn a degraded site into no site. Their failure makes the status ``degraded`` (200).

``/readyz`` is for the balancer's rotation: ready when the database answers, this version's migrations are all
applied (an app server started before `masthead migrate` stays out), and the process is not draining for a stop
(``DRAIN_SECONDS``, set by `masthead serve` on SIGTERM).
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.files.storage import storages
from django.db import connection
from django.db.models import Min
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max

if TYPE_CHECKING:
    import redis

# A probe must answer within the balancer's own timeout (a few seconds) even when a dependency hangs.
PROBE_TIMEOUT_SECONDS = 1.0
# Oldest waiting task beyond which the queue is reported "behind" (no worker running, or too few).
QUEUE_BEHIND_AFTER = timedelta(minutes=5)

draining = threading.Event()  # set by `masthead serve` when a stop begins: /readyz answers 503 from then on
_migrations_applied = False   # once true it stays true for the life of the process
_redis_lock = threading.Lock()
_redis_clients: dict[str, redis.Redis] = {}  # one per REDIS_URL (the tests change it), each with its own pool


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str
    required: bool = False

    def as_json(self) -> dict[str, object]:
        return {"status": "ok" if self.ok else "down", "detail": self.detail, "required": self.required}


def database() -> Check:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # any failure (refused, pool timeout, authentication) means "down"
        return Check("database", False, f"{connection.vendor}: {type(exc).__name__}", required=True)
    return Check("database", True, connection.vendor, required=True)


def _redis() -> redis.Redis:
    # Local: the redis client (some 60 modules) is loaded only by a server that has REDIS_URL and is probed;
    # the embedded shape never needs it, and every module loaded at start stays in each process's memory.
    import redis

    url = settings.REDIS_URL
    with _redis_lock:
        if url not in _redis_clients:
            _redis_clients[url] = redis.Redis.from_url(url, socket_connect_timeout=PROBE_TIMEOUT_SECONDS,
                                                       socket_timeout=PROBE_TIMEOUT_SECONDS)
        return _redis_clients[url]


def cache() -> Check | None:
    """Redis (cache, rate limits, live events), when configured; None with the in-process cache."""
    if not settings.REDIS_URL:
        return None
    import redis  # Local: see _redis

    try:
        _redis().ping()
    except (redis.RedisError, OSError) as exc:
        return Check("cache", False, f"redis: {type(exc).__name__}")
    return Check("cache", True, "redis")


def task_queue() -> Check:
    """The database queue answers, and its oldest due task has not waited too long (a worker is running)."""
    backend = settings.TASKS["default"]["BACKEND"]
    if backend != "django_tasks_db.DatabaseBackend":
        return Check("tasks", True, backend.rsplit(".", 1)[-1])

    now = timezone.now()
    try:
        # A task is due from its run_after, or from when it was enqueued when it has none (stored as the far
        # future: django_tasks_db's "no run_after").
        ready = DBTaskResult.objects.ready()
        due_since = [ready.filter(run_after=get_date_max()).aggregate(at=Min("enqueued_at"))["at"],
                     ready.filter(run_after__lte=now).aggregate(at=Min("run_after"))["at"]]
    except Exception as exc:  # the table is in the database: down with it, or not migrated
        return Check("tasks", False, f"database queue: {type(exc).__name__}")
    oldest = min((at for at in due_since if at is not None), default=None)
    if oldest is not None and now - oldest > QUEUE_BEHIND_AFTER:
        return Check("tasks", False, f"database queue: oldest due task waiting {int((now - oldest).total_seconds())}s")
    return Check("tasks", True, "database queue")


def media_storage() -> Check:
    """The bucket answers a HEAD request, or the media folder can be written."""
    storage = storages["default"]
    probe = getattr(storage, "check_reachable", None)  # media_storage.ObjectStorage (boto3 imported only then)
    if probe is not None:
        try:
            probe(timeout=PROBE_TIMEOUT_SECONDS)
        except OSError as exc:
            return Check("media", False, f"object storage: {exc}")
        return Check("media", True, "object storage")
    root = str(settings.MEDIA_ROOT)
    folder = root if os.path.isdir(root) else os.path.dirname(root)  # created by the first upload
    if not os.access(folder, os.W_OK):
        return Check("media", False, "local folder: not writable")
    return Check("media", True, "local folder")


def report() -> tuple[int, dict[str, object]]:
    """``/healthz``: (HTTP status, body)."""
    checks = [check for check in (database(), cache(), task_queue(), media_storage()) if check is not None]
    if any(check.required and not check.ok for check in checks):
        status, code = "error", 503
    elif all(check.ok for check in checks):
        status, code = "ok", 200
    else:
        status, code = "degraded", 200
    body: dict[str, object] = {"status": status}
    body.update({check.name: check.as_json() for check in checks})
    return code, body


def migrations_applied() -> bool:
    global _migrations_applied
    if not _migrations_applied:
        # Local: the migration machinery is needed only until the first ready answer.
        from django.db.migrations.executor import MigrationExecutor

        executor = MigrationExecutor(connection)
        _migrations_applied = not executor.migration_plan(executor.loader.graph.leaf_nodes())
    return _migrations_applied


def readiness() -> tuple[int, dict[str, object]]:
    """``/readyz``: (HTTP status, body)."""
    if draining.is_set():
        return 503, {"ready": False, "reason": "draining"}
    db = database()
    if not db.ok:
        return 503, {"ready": False, "reason": "database", "detail": db.detail}
    try:
        applied = migrations_applied()
    except Exception as exc:
        return 503, {"ready": False, "reason": "database", "detail": type(exc).__name__}
    if not applied:
        return 503, {"ready": False, "reason": "migrations", "detail": "run `masthead migrate`"}
    return 200, {"ready": True}
