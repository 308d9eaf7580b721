"""GDPR export and erasure of everything notifications hold about one address (for the [operations] commands)."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from masthead.notifications.models import Delivery, Subscriber, Subscription, VerifiedEmail
from masthead.notifications.verification import normalize_email


def export_address(email: str) -> dict[str, Any]:
    email = normalize_email(email)
    verified = VerifiedEmail.objects.filter(email=email).values_list("verified_at", flat=True).first()
    subscriptions = Subscription.objects.filter(subscriber__email=email).select_related("thread")
    return {
        "email": email,
        "verified_at": verified.isoformat() if verified else None,
        "subscriptions": [
            {
                "thread": s.thread.key, "kind": s.kind, "status": s.status, "name": s.name,
                "requested_at": s.requested_at.isoformat(),
                "confirmed_at": s.confirmed_at.isoformat() if s.confirmed_at else None,
                "ended_at": s.ended_at.isoformat() if s.ended_at else None,
            }
            for s in subscriptions
        ],
        "mails": [
            {"kind": kind, "status": status, "sent_at": sent_at.isoformat() if sent_at else None}
            for kind, status, sent_at in Delivery.objects.filter(to_email=email).values_list("kind", "status",
                                                                                               "sent_at")
        ],
    }


def do_erase_address(email: str) -> int:
    """Delete the address's subscriptions, notices, mail records and verification; returns rows deleted."""
    email = normalize_email(email)
    with transaction.atomic():
        deleted = Delivery.objects.filter(to_email=email).delete()[0]
        deleted += Subscriber.objects.filter(email=email).delete()[0]
        deleted += VerifiedEmail.objects.filter(email=email).delete()[0]
    return deleted
