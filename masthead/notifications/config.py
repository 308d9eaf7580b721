"""The notification settings (see docs/notifications.md), read at call time so tests and operators can change them."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings


def _seconds(name: str, default: float) -> timedelta:
    return timedelta(seconds=float(getattr(settings, name, default)))


def batch_interval() -> timedelta:
    """The shortest gap between two mails to one reader about one thread."""
    return _seconds("NOTIFICATIONS_BATCH_INTERVAL", 600)


def gather_delay() -> timedelta:
    """How long a first new comment waits for company before its mail goes out."""
    return _seconds("NOTIFICATIONS_GATHER_DELAY", 60)


def confirm_max_age() -> int:
    return int(getattr(settings, "NOTIFICATIONS_CONFIRM_MAX_AGE", 2 * 24 * 3600))


def requests_per_network() -> int:
    return int(getattr(settings, "NOTIFICATIONS_REQUESTS_PER_NETWORK", 10))


def mails_per_address() -> int:
    return int(getattr(settings, "NOTIFICATIONS_MAILS_PER_ADDRESS", 3))


def retry_base() -> float:
    """The first retry waits this long; each further one twice as long as the last."""
    return float(getattr(settings, "NOTIFICATIONS_RETRY_BASE", 60))


def max_attempts() -> int:
    return int(getattr(settings, "NOTIFICATIONS_MAX_ATTEMPTS", 6))


def site_url() -> str:
    return settings.SITE_URL.rstrip("/")
