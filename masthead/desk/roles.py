"""Who may do what on the desk, decided here once (docs/desk.md, "Roles").

- write (open the desk, write and revise drafts, upload images): active staff with ``publishing.change_article``:
  Contributors, Editors, superusers;
- publish (publish now, schedule, unpublish, add correction notes): ``publishing.publish_article``: Editors and
  superusers. Moderators hold neither.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser, User


def can_write(user: User | AnonymousUser) -> bool:
    return bool(user.is_authenticated and user.is_active and getattr(user, "is_staff", False)
                and user.has_perm("publishing.change_article"))


def can_publish(user: User | AnonymousUser) -> bool:
    return can_write(user) and user.has_perm("publishing.publish_article")
