"""Who asks for a change, as the actions' signatures name it."""

from __future__ import annotations

from typing import TypeAlias

from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

# ``request.user`` as a view holds it (signed in or not), or None for the system (commands, tasks, the demo).
# Actions that need a role check it and narrow to User (e.g. moderation.actions.check_role).
Actor: TypeAlias = User | AnonymousUser | None


def signed_in_user(request: HttpRequest) -> User:
    """``request.user`` in a view that a decorator (``staff_member_required``, ``login_required``, a role check)
    already closed to anonymous visitors; PermissionDenied should one arrive anyway."""
    user = request.user
    if not isinstance(user, User) or not user.is_authenticated:
        raise PermissionDenied("Sign in first.")
    return user
