"""Who may do what on the desk, decided here once (docs/desk.md, "Roles").

- write (open the desk, write and revise drafts, upload images): active staff with ``publishing.change_article``:
  Contributors, Editors, superusers;
- publish (publish now, schedule, unpublish, add correction notes, and change the words of a story that is
  scheduled or published, which is publishing too): ``publishing.publish_article``: Editors and superusers.
  Moderators hold neither.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from masthead.publishing.models import Article


def can_write(user: User | AnonymousUser) -> bool:
    return bool(user.is_authenticated and user.is_active and getattr(user, "is_staff", False)
                and user.has_perm("publishing.change_article"))


def can_publish(user: User | AnonymousUser) -> bool:
    return can_write(user) and user.has_perm("publishing.publish_article")


def can_change(user: User | AnonymousUser, article: Article) -> bool:
    """A draft is every writer's; a scheduled or published story only an editor's (their change goes out)."""
    return can_publish(user) if article.status != Article.Status.DRAFT else can_write(user)


def check_change(user: User | AnonymousUser, article: Article) -> None:
    if not can_change(user, article):
        raise PermissionDenied("This story is scheduled or published: only an editor may change it now.")


def edit_url(user: User | AnonymousUser, article: Article) -> str:
    """The article page's "Edit this article": the desk's writing screen for those who may open it (the same
    people the admin's change form was for); nobody else gets a link."""
    return reverse("desk:edit", args=[article.pk]) if can_write(user) else ""
