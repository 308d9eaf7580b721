"""Subscriptions and mail records in the notifications app: export them, delete them on erasure.

The notifications app finds its own rows that name the address or link the account (``notifications.privacy``);
this provider only asks it.
"""

from __future__ import annotations

from typing import Any

from masthead.accounts.privacy import EraseOptions, Subject
from masthead.notifications.models import Subscription
from masthead.notifications.privacy import do_erase_reader, export_reader


def _subscriptions(subject: Subject) -> list[dict[str, Any]]:
    if not subject.email:
        return []
    return [
        {"discussion": s.thread.key, "kind": s.kind, "status": s.status, "name": s.name,
         "requested_at": s.requested_at.isoformat(),
         "confirmed_at": s.confirmed_at.isoformat() if s.confirmed_at else None}
        for s in Subscription.objects.filter(subscriber__email__iexact=subject.email).select_related("thread")
    ]


def export(subject: Subject) -> dict[str, Any]:
    # Subscriptions hang off the subscriber (cascade); the other rows are found by address or account.
    return {"subscriptions": _subscriptions(subject),
            "notification_records": export_reader(subject.email, subject.user_id)}


def erase(subject: Subject, options: EraseOptions) -> dict[str, int]:
    return {"subscriptions_deleted": do_erase_reader(subject.email, subject.user_id)}
