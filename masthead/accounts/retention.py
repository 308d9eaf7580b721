"""Network data is kept only as a keyed hash, and only for the publisher's retention period (default 90 days).

``do_clear_expired_networks`` blanks every ``network_hash`` column older than the period, in every app: it finds
the columns by name (a model with a ``network_hash`` field and a ``created_at`` or ``requested_at`` timestamp),
so a new app that stores network hashes the same way is covered without a change here. Bans keep their value
(a ban is an explicit, reviewed decision with its own expiry). Scheduling: docs/identity.md.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.apps import apps
from django.db import models
from django.utils import timezone

from masthead.accounts import links
from masthead.accounts.models import PrivacySettings

_DATE_FIELDS = ("created_at", "requested_at", "received_at")


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
    cleared = {}
    for model, date_field in network_columns():
        cleared[model._meta.label] = (
            model._default_manager.filter(**{f"{date_field}__lt": cutoff})
            .exclude(network_hash="").update(network_hash="")
        )
    cleared["accounts.EmailLink"] = links.purge_stale(moment)
    return cleared
