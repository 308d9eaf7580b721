"""The audit log: ``record`` is called by every moderation action (approve, reject, ban, settings change...)."""

from __future__ import annotations

from typing import Any

from masthead.moderation.models import AuditLog


def record(actor: Any, action: str, target: Any = None, *, reason: str = "", **details: Any) -> AuditLog:
    """Write one entry. ``target`` is a model instance, a ``(type, id)`` pair, or None; ``actor`` a user or None."""
    if target is None:
        target_type, target_id = "", ""
    elif isinstance(target, tuple):
        target_type, target_id = str(target[0]), str(target[1])
    else:
        target_type, target_id = target._meta.model_name, str(target.pk)
    authenticated = actor is not None and getattr(actor, "is_authenticated", False)
    return AuditLog.objects.create(
        actor=actor if authenticated else None,
        actor_name=actor.get_username() if authenticated else "system",
        action=action,
        target_type=target_type,
        target_id=target_id,
        reason=reason[:500],
        details=details,
    )
