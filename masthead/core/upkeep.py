"""Core's own scheduled upkeep (registered in apps.py, run by core/schedule.py)."""

from __future__ import annotations

from importlib import import_module

from django.conf import settings


def clear_expired_sessions() -> None:
    """Django's `clearsessions`: delete sessions past their expiry (signed-out readers' rows pile up otherwise)."""
    import_module(settings.SESSION_ENGINE).SessionStore.clear_expired()
