"""Personas for the moderation tests: a new guest, a regular account holder, a supporter, staff."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import Group, User

from masthead.moderation.pipeline import ScreenContext


def new_guest(**fields: Any) -> ScreenContext:
    fields.setdefault("network_hash", "net-guest")
    fields.setdefault("reader_key", "g:guest-cookie")
    return ScreenContext(tier="guest", **fields)


def regular(**fields: Any) -> ScreenContext:
    """An account holder with earlier published comments: no first-comment review."""
    fields.setdefault("network_hash", "net-regular")
    fields.setdefault("account_id", 42)
    fields.setdefault("approved_count", 12)
    return ScreenContext(tier="account", **fields)


def supporter(**fields: Any) -> ScreenContext:
    fields.setdefault("network_hash", "net-supporter")
    fields.setdefault("account_id", 77)
    fields.setdefault("approved_count", 3)
    return ScreenContext(tier="supporter", **fields)


def staff_user(username: str, group: str | None) -> User:
    user = User.objects.create_user(username, password="pw-for-tests-only", is_staff=True)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user
