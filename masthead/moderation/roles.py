"""Staff roles for moderation, as Django groups: Moderators, Editors (from publishing) and Admins.

- moderate (approve, reject, see the queue): Moderators, Editors, Admins;
- ban and lift bans: Moderators, Admins;
- change settings and word rules, read the audit log: Admins.
Superusers may do everything. Roles are checked here, in one place, by the views and actions; the groups
themselves are defined in masthead.core.staff_roles.
"""

from __future__ import annotations

from typing import TypeGuard

from django.contrib.auth.models import User

from masthead.core.actors import Actor
from masthead.core.staff_roles import ADMINS, EDITORS, MODERATORS

_ALLOWED = {
    "moderate": {MODERATORS, EDITORS, ADMINS},
    "ban": {MODERATORS, ADMINS},
    "configure": {ADMINS},
}


def _groups(user: User) -> set[str]:
    cached = getattr(user, "_moderation_groups", None)
    if cached is None:
        cached = set(user.groups.values_list("name", flat=True))
        user._moderation_groups = cached  # type: ignore[attr-defined]  # a memo on this request's user object
    return cached


def can(user: Actor, what: str) -> TypeGuard[User]:
    if not isinstance(user, User) or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return user.is_staff and bool(_groups(user) & _ALLOWED[what])


def can_moderate(user: Actor) -> TypeGuard[User]:
    return can(user, "moderate")


def can_ban(user: Actor) -> TypeGuard[User]:
    return can(user, "ban")


def can_configure(user: Actor) -> TypeGuard[User]:
    return can(user, "configure")
