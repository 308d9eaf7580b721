"""Network data is kept only as a keyed hash, and only for the publisher's retention period (default 90 days).

``do_clear_expired_networks`` blanks every ``network_hash`` column older than the period, in every app, through
each owning app's ``do_clear_networks_before`` action (``CLEARERS``). ``network_columns`` finds the columns by
name (a model with a ``network_hash`` field and a ``created_at``, ``requested_at`` or ``received_at`` timestamp):
a test checks that the clearers cover every one, so an app that starts storing network hashes cannot be
forgotten. Bans keep their value (a ban is an explicit, reviewed decision with its own expiry). Scheduling:
docs/identity.md.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from django.apps import apps
from django.db import models
from django.utils import timezone

from masthead.accounts import links
from masthead.accounts.models import PrivacySettings
from masthead.discussion import actions as discussion
from masthead.moderation import actions as moderation
from masthead.notifications import actions as notifications

_DATE_FIELDS = ("created_at", "requested_at", "received_at")

CLEARERS: tuple[Callable[[datetime], dict[str, int]], ...] = (
    discussion.do_clear_networks_before,
    moderation.do_clear_networks_before,
    notifications.do_clear_networks_before,
)


def network_columns() -> list[tuple[type[models.Model], str]]:
    """Every model with a ``network_hash`` column, with the timestamp its age is measured by."""
    found = []
    for model in apps.get_models():
        names = {f.name for f in model._meta.concrete_fields}
        date_field = next((name for name in _DATE_FIELDS if name in names), None)
        if "network_hash" in names and date_field:
            found.append((model, date_field))
    return found


def do_clear_expired_networks(now: datetime | None = None) -> dict[str, int]:
    moment = now or timezone.now()
    cutoff = moment - timedelta(days=PrivacySettings.current().network_retention_days)
    cleared: dict[str, int] = {}
    for clear in CLEARERS:
        cleared.update(clear(cutoff))
    cleared["accounts.EmailLink"] = links.purge_stale(moment)
    return cleared
