"""/healthz names the dependency that is down (real Redis, real database, real S3 server); /readyz is for the
balancer. Process-level readiness (migrations, drain, a database that goes away) is in test_readiness.py."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from masthead.core.tests.probe_tasks import leave_mark
from masthead.testing.processes import free_port

pytestmark = pytest.mark.django_db

REDIS_UP = "redis://127.0.0.1:6379/0"


def _redis_caches(url: str) -> dict[str, dict[str, str]]:
    return {alias: {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url,
                    "KEY_PREFIX": f"healthz-test-{alias}"} for alias in ("default", "fragments")}


def test_healthz_reports_every_dependency(client, settings):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"] == {"status": "ok", "detail": body["database"]["detail"], "required": True}
    assert body["database"]["detail"] in {"sqlite", "postgresql"}
    assert body["tasks"]["status"] == "ok"
    assert body["media"] == {"status": "ok", "detail": "local folder", "required": False}
    assert "cache" not in body  # no Redis configured: each process's own memory, nothing to probe
    assert "no-cache" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]


@pytest.fixture
def caches_restored(settings):
    """Put the test caches back before the shared teardown clears them (it would FLUSHDB a real Redis)."""
    original = settings.CACHES
    yield
    settings.CACHES = original


def test_healthz_probes_redis_when_configured(client, settings):
    settings.REDIS_URL = REDIS_UP  # only the probe: the cache itself stays in memory (a FLUSHDB would be shared)
    body = client.get("/healthz").json()
    assert body["status"] == "ok"
    assert body["cache"] == {"status": "ok", "detail": "redis", "required": False}


def test_a_stopped_redis_is_named_and_the_site_stays_in_rotation(client, settings, caches_restored):
    closed = f"redis://127.0.0.1:{free_port()}/0"  # nothing listens there
    settings.REDIS_URL = closed
    settings.CACHES = _redis_caches(closed)
    response = client.get("/healthz")
    # Pages and posting carry on without Redis, so the server must not be taken out of the balancer for it.
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "degraded"
    assert body["cache"]["status"] == "down"
    assert body["cache"]["detail"] == "redis: ConnectionError"
    assert body["database"]["status"] == "ok"
    assert client.get("/readyz").status_code == 200


def test_a_stalled_task_queue_is_named(client, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "ENQUEUE_ON_COMMIT": False}}
    leave_mark.enqueue("/nonexistent/mark", "never run")
    assert DBTaskResult.objects.filter(status=TaskResultStatus.READY).count() == 1
    assert client.get("/healthz").json()["tasks"]["status"] == "ok"  # just enqueued: a worker has time
    DBTaskResult.objects.filter(status=TaskResultStatus.READY).update(
        enqueued_at=timezone.now() - timedelta(minutes=6))
    body = client.get("/healthz").json()
    assert body["status"] == "degraded"
    assert body["tasks"]["status"] == "down"
    assert body["tasks"]["detail"].startswith("database queue: oldest due task waiting 36")


def test_the_media_bucket_is_probed_and_its_outage_named(client, s3_media, s3_server):
    assert client.get("/healthz").json()["media"] == {"status": "ok", "detail": "object storage", "required": False}
    s3_server.stop()
    try:
        response = client.get("/healthz")
    finally:
        s3_server.start()
    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["media"]["status"] == "down"
    assert response.json()["media"]["detail"].startswith("object storage: The media store did not answer")


def test_readyz_is_ready_on_a_migrated_database(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"ready": True}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_and_readyz_refuse_post(client):
    assert client.post("/healthz").status_code == 405
    assert client.post("/readyz").status_code == 405


def test_healthz_answers_plain_http_probes_on_an_https_site(client, settings):
    settings.SECURE_SSL_REDIRECT = True  # what SECURE_HTTPS=true sets

    assert client.get("/healthz").status_code == 200
    assert client.get("/readyz").status_code == 200
    assert client.get("/").status_code == 301  # every page still moves to HTTPS
