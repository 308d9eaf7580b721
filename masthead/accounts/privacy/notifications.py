"""Subscriptions and pending addresses in the notifications app: export them, delete them on erasure.

The notifications app keys its rows by email address. This provider finds every model of that app with an email
field (and a ``user`` link, if any) rather than naming them, so subscription kinds the app adds later are
covered too. When the app offers its own erasure action (``erase_address``), that is used instead.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.db import models
from django.db.models import Q

from masthead.accounts.privacy import EraseOptions, Subject

_SECRET_FIELDS = ("token", "hash", "secret", "key")


def _querysets(subject: Subject) -> list[tuple[str, Any]]:
    try:
        config = apps.get_app_config("notifications")
    except LookupError:
        return []
    found = []
    for model in config.get_models():
        match = Q(pk__in=[])
        for f in model._meta.get_fields():
            if isinstance(f, models.EmailField) and subject.email:
                match |= Q(**{f"{f.name}__iexact": subject.email})
            if (isinstance(f, models.ForeignKey) and f.related_model is not None
                    and f.related_model._meta.label == "auth.User" and subject.user_id is not None):
                match |= Q(**{f.name: subject.user_id})
        found.append((model._meta.model_name or "", model._default_manager.filter(match)))
    return found


def _row(instance: models.Model) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for f in instance._meta.concrete_fields:
        if any(word in f.name for word in _SECRET_FIELDS):
            continue  # tokens and hashes unlock things; they are not the reader's data
        value = getattr(instance, f.attname)
        data[f.name] = value.isoformat() if hasattr(value, "isoformat") else value
    return data


def _subscriptions(subject: Subject) -> list[dict[str, Any]]:
    try:
        from masthead.notifications.models import Subscription
    except ImportError:  # pragma: no cover - the app always ships; kept so this provider stands alone
        return []
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
            "notification_records": {name: [_row(r) for r in qs] for name, qs in _querysets(subject)}}


def erase(subject: Subject, options: EraseOptions) -> dict[str, int]:
    try:
        # Not defined there (notifications.privacy.do_erase_address is): the generic erasure below always runs.
        from masthead.notifications.actions import erase_address  # type: ignore[attr-defined]
    except ImportError:
        erase_address = None
    if erase_address is not None and subject.email:
        erase_address(subject.email)
    deleted = 0
    for _name, qs in _querysets(subject):
        count, _ = qs.delete()
        deleted += count
    return {"subscriptions_deleted": deleted}
