"""What the discussion asks of the apps above it, without importing them (``core.hooks``; filled in their
``AppConfig.ready()``). The moderation screen is in ``moderation_hook``, the page slots in ``slots``.

- ``comment_visible`` / ``comment_pending``: told inside the transaction when a comment becomes visible (posted
  visible, approved) or is held for review ([notifications]: followers' mail, the moderators' digest);
- ``reader_tier``: the identity tier (guest, verified, account, supporter, staff) of whoever makes a request,
  writing with an email address ([accounts]); None when no app tells, and moderation derives it from the comment;
- ``is_protected_name``: whether a guest's name is confusable with a staff member's, an author's or a role word
  ([accounts]); without the app, no name is protected.
"""

from __future__ import annotations

from django.http import HttpRequest

from masthead.core.hooks import Hook, Listeners
from masthead.discussion.models import Comment

comment_visible: Listeners[[Comment]] = Listeners("discussion.comment_visible")
comment_pending: Listeners[[Comment]] = Listeners("discussion.comment_pending")


def _unknown_tier(request: HttpRequest, email: str) -> str | None:
    return None


def _nothing_protected(name: str) -> bool:
    return False


reader_tier = Hook("discussion.reader_tier", _unknown_tier)
is_protected_name = Hook("discussion.is_protected_name", _nothing_protected)
