"""The audit log: ``record`` is called by every moderation action (approve, reject, ban, settings change...)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User
from django.db.models import Model

from masthead.core.actors import Actor
from masthead.moderation.models import AuditLog


def record(actor: Actor, action: str, target: Model | tuple[str, object] | None = None, *, reason: str = "",
           **details: Any) -> AuditLog:
    """Write one entry. ``target`` is a model instance, a ``(type, id)`` pair, or None; ``actor`` a user or None."""
    if target is None:
        target_type, target_id = "", ""
    elif isinstance(target, tuple):
        target_type, target_id = str(target[0]), str(target[1])
    else:
        target_type, target_id = target._meta.model_name or "", str(target.pk)
    user = actor if isinstance(actor, User) else None
    return AuditLog.objects.create(
        actor=user,
        actor_name=user.get_username() if user is not None else "system",
        action=action,
        target_type=target_type,
        target_id=target_id,
        reason=reason[:500],
        details=details,
    )
