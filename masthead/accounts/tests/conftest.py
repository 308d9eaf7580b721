"""Personas and a real SMTP server (aiosmtpd on 127.0.0.1) catching the link mails."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
import time_machine
from django.test import Client

# A fixed moment for tests whose rate windows, locks and link lifetimes must not depend on the day they run.
START = datetime(2026, 12, 4, 9, 0, tzinfo=UTC)


@pytest.fixture
def clock():
    """The clock stands still at ``START`` unless the test moves it (``clock.shift``)."""
    with time_machine.travel(START, tick=False) as traveller:
        yield traveller


@pytest.fixture
def inbox(mail_server) -> object:
    """The real SMTP server; ``inbox.last_link(address, "/account/link/")`` is the link a mail carries."""
    return mail_server



class Browser:
    """A reader's browser: cookies and CSRF, like a real one."""

    def __init__(self, remote_addr: str = "198.51.100.20", capture: Any = None) -> None:
        self.client = Client(enforce_csrf_checks=True, REMOTE_ADDR=remote_addr)
        self.capture = capture  # runs on-commit work (the mails) when a test's transaction never commits

    def csrf(self) -> str:
        if "csrftoken" not in self.client.cookies:
            self.client.get("/account/")
        return self.client.cookies["csrftoken"].value

    def post(self, url: str, data: dict | None = None, **extra: Any):
        payload = {"csrfmiddlewaretoken": self.csrf(), **(data or {})}
        if self.capture is None:
            return self.client.post(url, payload, **extra)
        with self.capture(execute=True):
            return self.client.post(url, payload, **extra)

    def get(self, url: str, **extra: Any):
        return self.client.get(url, **extra)

    def use_link(self, url: str, claim: bool = True):
        path = url.split("://", 1)[1].split("/", 1)[1]
        return self.post(f"/{path}", {"claim": "1"} if claim else {})


@pytest.fixture
def make_browser(django_capture_on_commit_callbacks):
    def make(remote_addr: str = "198.51.100.20") -> Browser:
        return Browser(remote_addr, capture=django_capture_on_commit_callbacks)

    return make


@pytest.fixture
def browser(make_browser) -> Browser:
    return make_browser()


@pytest.fixture(autouse=True)
def _publisher_holds_nothing_by_rule(relaxed_moderation) -> None:
    """These tests are about identity and privacy; the moderation rules have their own tests."""
