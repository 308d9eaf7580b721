"""GDPR export and erasure of everything notifications hold about one address (for the [operations] commands)
or one reader (the accounts app's export and erasure: the address and the account)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db import models, transaction
from django.db.models import Q, QuerySet

from masthead.notifications import config
from masthead.notifications.models import Delivery, OutboxMail, Subscriber, Subscription, VerifiedEmail
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
    """Delete the address's subscriptions, notices, mail records, verification and the mails kept for it in the
    outbox (no SMTP configured); returns rows deleted."""
    email = normalize_email(email)
    with transaction.atomic():
        deleted = Delivery.objects.filter(to_email=email).delete()[0]
        deleted += OutboxMail.objects.filter(to__iexact=email).delete()[0]
        deleted += Subscriber.objects.filter(email=email).delete()[0]
        deleted += VerifiedEmail.objects.filter(email=email).delete()[0]
    return deleted


_SECRET_FIELDS = ("token", "hash", "secret", "key")


def reader_rows(email: str, user_id: int | None) -> list[tuple[str, QuerySet[Any]]]:
    """Every row of this app that names the address or links the account, by model name.

    Found from the fields (an email field, a link to the user model) rather than named, so a model added later
    is covered too."""
    email = normalize_email(email)
    found = []
    for model in apps.get_app_config("notifications").get_models():
        match = Q(pk__in=[])
        for f in model._meta.get_fields():
            if isinstance(f, models.EmailField) and email:
                match |= Q(**{f"{f.name}__iexact": email})
            if (isinstance(f, models.ForeignKey) and f.related_model is not None and user_id is not None
                    and f.related_model._meta.label == settings.AUTH_USER_MODEL):
                match |= Q(**{f.name: user_id})
        found.append((model._meta.model_name or model.__name__, model._default_manager.filter(match)))
    return found


def _row(instance: models.Model) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for f in instance._meta.concrete_fields:
        if any(word in f.name for word in _SECRET_FIELDS):
            continue  # tokens and hashes unlock things; they are not the reader's data
        value = getattr(instance, f.attname)
        data[f.name] = value.isoformat() if hasattr(value, "isoformat") else value
    return data


def export_reader(email: str, user_id: int | None) -> dict[str, list[dict[str, Any]]]:
    return {name: [_row(r) for r in rows] for name, rows in reader_rows(email, user_id)}


def do_erase_reader(email: str, user_id: int | None) -> int:
    """``do_erase_address``, then every other row naming the address or linking the account; rows deleted."""
    deleted = do_erase_address(email) if email else 0
    for _name, rows in reader_rows(email, user_id):
        deleted += rows.delete()[0]
    return deleted


RETENTION_DAYS = 90


def prune(days: int = RETENTION_DAYS, *, now: datetime | None = None) -> dict[str, int]:
    """Forget what is no longer needed: finished mail records and ended subscriptions older than ``days``, and
    requests never confirmed before their link expired. Run daily (`masthead notifications_prune`)."""
    from datetime import timedelta

    from django.utils import timezone


    now = now or timezone.now()
    cutoff = now - timedelta(days=days)
    finished = (Delivery.Status.SENT, Delivery.Status.FAILED, Delivery.Status.CANCELLED)
    with transaction.atomic():
        mails = Delivery.objects.filter(status__in=finished, created_at__lt=cutoff).delete()[0]
        ended = Subscription.objects.filter(status=Subscription.Status.ENDED, ended_at__lt=cutoff).delete()[0]
        unconfirmed = Subscription.objects.filter(
            status=Subscription.Status.PENDING,
            requested_at__lt=now - timedelta(seconds=config.confirm_max_age()),
        ).delete()[0]
        idle = Subscriber.objects.filter(subscriptions__isnull=True, created_at__lt=cutoff).delete()[0]
    return {"mails": mails, "ended": ended, "unconfirmed": unconfirmed, "subscribers": idle}
