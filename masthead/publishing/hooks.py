"""What publishing asks of the apps above it, without importing them (``core.hooks``; filled in their
``AppConfig.ready()``):

- ``comment_counts``: visible comments per article id, for lists and feeds ([discussion]); none without it;
- ``conversation``: the article's discussion as its page shows it, a version (part of the page's ETag, so a
  new comment changes it) and a comment count ([discussion]);
- ``conversation_columns``: how the page version's query (page_version.py) reads the same version and count in
  its own round trip: a join on the article's row and the two columns ([discussion]); without it, ``conversation``
  is asked;
- ``edit_url``: where the article page's "Edit this article" link takes a member of staff, or "" for no link
  ([desk] sends writers to its writing screen); without it, the admin's change form for those who may change it;
- ``article_changed``: told, inside the save's transaction, after an article was saved, and whether its row was
  new in that transaction ([passages] re-finds the quoted passages in the new text; a new article has none).
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


class ConversationColumns(NamedTuple):
    """SQL for the page version's query: a LEFT JOIN on the article's row (alias ``a``), then the expressions of
    the conversation's version and comment count, NULL when the article has no conversation row yet."""

    join: str
    version: str
    comment_count: str


def _no_counts(article_ids: Iterable[int]) -> dict[int, int]:
    return {}


def _no_conversation(article: Article) -> Conversation:
    return Conversation(0, 0)


def _no_columns() -> ConversationColumns | None:
    return None


def _admin_edit_url(user: Any, article: Article) -> str:
    if user.is_authenticated and user.is_staff and user.has_perm("publishing.change_article"):
        return reverse("admin:publishing_article_change", args=[article.pk])
    return ""


comment_counts = Hook("publishing.comment_counts", _no_counts)
conversation = Hook("publishing.conversation", _no_conversation)
conversation_columns = Hook("publishing.conversation_columns", _no_columns)
edit_url = Hook("publishing.edit_url", _admin_edit_url)
article_changed: Listeners[[Article, bool]] = Listeners("publishing.article_changed")
