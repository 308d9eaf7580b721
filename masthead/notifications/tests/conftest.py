"""A real SMTP server (aiosmtpd on 127.0.0.1) and the real task worker (django-tasks-db, on a thread)."""

from __future__ import annotations

import logging
import socket
import threading
from collections.abc import Iterator
from email.message import EmailMessage

import pytest
from aiosmtpd.controller import Controller

from masthead.notifications.tests.helpers import parse, wait_until

logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd logs every SMTP command


class Inbox:
    """What the SMTP server accepted. ``refuse`` answers the next DATA commands with that SMTP reply instead."""

    def __init__(self) -> None:
        self.received: list[tuple[str, list[str], bytes]] = []
        self.refuse: list[str] = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server: object, session: object, envelope: object) -> str:
        with self.lock:
            if self.refuse:
                return self.refuse.pop(0)
            self.received.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))  # type: ignore[attr-defined]
        return "250 Message accepted"

    @property
    def messages(self) -> list[EmailMessage]:
        with self.lock:
            return [parse(raw) for _, _, raw in self.received]

    def wait_for(self, count: int, timeout: float = 20.0) -> list[EmailMessage]:
        wait_until(lambda: len(self.received) >= count, timeout, f"{count} mail(s)")
        return self.messages


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(autouse=True)
def _publish_guest_comments(relaxed_moderation) -> None:
    """These tests are about mail: guests' comments publish at once unless a test turns pre-moderation on."""


@pytest.fixture
def smtp(settings) -> Iterator[Inbox]:
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    try:
        yield inbox
    finally:
        controller.stop()


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
