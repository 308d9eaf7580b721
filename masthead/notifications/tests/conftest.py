"""A real SMTP server (aiosmtpd on 127.0.0.1) and the real task worker (django-tasks-db, on a thread)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True)
def _publish_guest_comments(relaxed_moderation) -> None:
    """These tests are about mail: guests' comments publish at once unless a test turns pre-moderation on."""


@pytest.fixture
def smtp(mail_server) -> object:
    return mail_server


@pytest.fixture
def notify_settings(settings) -> object:
    """Short batching and retry times, so no test waits minutes; an https site address for RFC 8058."""
    settings.NOTIFICATIONS_BATCH_INTERVAL = 2
    settings.NOTIFICATIONS_GATHER_DELAY = 0.5
    settings.NOTIFICATIONS_RETRY_BASE = 0.2
    settings.NOTIFICATIONS_MAX_ATTEMPTS = 3
    settings.SITE_URL = "https://news.example"
    settings.ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost", "news.example"]
    return settings


def _run_worker() -> Iterator[object]:
    from masthead.core.worker import EmbeddedWorker

    embedded = EmbeddedWorker(interval=0.05)
    embedded.start()
    try:
        yield embedded
    finally:
        embedded.stop(timeout=10)


@pytest.fixture
def worker(transactional_db, notify_settings) -> Iterator[object]:
    """The same worker loop `masthead serve` runs, on a thread, polling often."""
    yield from _run_worker()


@pytest.fixture
def second_worker(worker) -> Iterator[object]:
    """Another worker on the same queue, as in a scaled deployment: tasks and mails must still run once."""
    yield from _run_worker()
