"""Personas and a real SMTP server (aiosmtpd on 127.0.0.1) catching the link mails."""

from __future__ import annotations

import re
import socket
import time
from collections.abc import Iterator
from email import message_from_bytes
from email.message import Message

import pytest
from aiosmtpd.controller import Controller
from django.test import Client


class Inbox:
    def __init__(self) -> None:
        self.messages: list[Message] = []

    async def handle_DATA(self, server, session, envelope) -> str:
        self.messages.append(message_from_bytes(envelope.content))
        return "250 OK"

    def to(self, address: str) -> list[Message]:
        return [m for m in self.messages if m["To"] == address]

    def wait_for(self, address: str, count: int = 1, timeout: float = 5.0) -> list[Message]:
        deadline = time.monotonic() + timeout
        while len(self.to(address)) < count and time.monotonic() < deadline:
            time.sleep(0.02)
        return self.to(address)

    def last_link(self, address: str) -> str:
        body = self.wait_for(address)[-1].get_payload(decode=True).decode()
        return re.search(r"https?://\S+/account/link/\S+", body).group(0)


@pytest.fixture
def inbox(settings) -> Iterator[Inbox]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    handler = Inbox()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    try:
        yield handler
    finally:
        controller.stop()


class Browser:
    """A reader's browser: cookies and CSRF, like a real one."""

    def __init__(self, remote_addr: str = "198.51.100.20", capture: object = None) -> None:
        self.client = Client(enforce_csrf_checks=True, REMOTE_ADDR=remote_addr)
        self.capture = capture  # runs on-commit work (the mails) when a test's transaction never commits

    def csrf(self) -> str:
        if "csrftoken" not in self.client.cookies:
            self.client.get("/account/")
        return self.client.cookies["csrftoken"].value

    def post(self, url: str, data: dict | None = None, **extra: object):  # type: ignore[no-untyped-def]
        payload = {"csrfmiddlewaretoken": self.csrf(), **(data or {})}
        if self.capture is None:
            return self.client.post(url, payload, **extra)
        with self.capture(execute=True):  # type: ignore[operator]
            return self.client.post(url, payload, **extra)

    def get(self, url: str, **extra: object):  # type: ignore[no-untyped-def]
        return self.client.get(url, **extra)

    def use_link(self, url: str, claim: bool = True):  # type: ignore[no-untyped-def]
        path = url.split("://", 1)[1].split("/", 1)[1]
        return self.post(f"/{path}", {"claim": "1"} if claim else {})


@pytest.fixture
def make_browser(django_capture_on_commit_callbacks):  # type: ignore[no-untyped-def]
    def make(remote_addr: str = "198.51.100.20") -> Browser:
        return Browser(remote_addr, capture=django_capture_on_commit_callbacks)

    return make


@pytest.fixture
def browser(make_browser) -> Browser:  # type: ignore[no-untyped-def]
    return make_browser()


@pytest.fixture(autouse=True)
def _publisher_holds_nothing_by_rule(relaxed_moderation) -> None:
    """These tests are about identity and privacy; the moderation rules have their own tests."""
