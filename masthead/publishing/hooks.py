"""What publishing asks of the apps above it, without importing them (``core.hooks``; filled in their
``AppConfig.ready()``):

- ``comment_counts``: visible comments per article id, for lists and feeds ([discussion]); none without it;
- ``conversation``: the article's discussion as its page shows it, a version (part of the page's ETag, so a
  new comment changes it) and a comment count ([discussion]);
- ``edit_url``: where the article page's "Edit this article" link takes a member of staff, or "" for no link
  ([desk] sends writers to its writing screen); without it, the admin's change form for those who may change it;
- ``article_changed``: told, inside the save's transaction, after an article was saved ([passages] re-finds the
  quoted passages in the new text).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, NamedTuple

from django.urls import reverse

from masthead.core.hooks import Hook, Listeners
from masthead.publishing.models import Article


class Conversation(NamedTuple):
    version: int
    comment_count: int


def _no_counts(article_ids: Iterable[int]) -> dict[int, int]:
    return {}


def _no_conversation(article: Article) -> Conversation:
    return Conversation(0, 0)


def _admin_edit_url(user: Any, article: Article) -> str:
    if user.is_authenticated and user.is_staff and user.has_perm("publishing.change_article"):
        return reverse("admin:publishing_article_change", args=[article.pk])
    return ""


comment_counts = Hook("publishing.comment_counts", _no_counts)
conversation = Hook("publishing.conversation", _no_conversation)
edit_url = Hook("publishing.edit_url", _admin_edit_url)
article_changed: Listeners[[Article]] = Listeners("publishing.article_changed")
