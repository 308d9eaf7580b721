"""Who asks for a change, as the actions' signatures name it."""

from __future__ import annotations

from typing import TypeAlias

from django.contrib.auth.models import AnonymousUser, User

# ``request.user`` as a view holds it (signed in or not), or None for the system (commands, tasks, the demo).
# Actions that need a role check it and narrow to User (e.g. moderation.actions.check_role).
Actor: TypeAlias = User | AnonymousUser | None
