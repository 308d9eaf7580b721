"""The bridge the discussion app's moderation hook calls: a Comment about to be saved → a screening Decision.

    from masthead.moderation.comments import screen_comment, record_comment_decision
    decision, context = screen_comment(comment, is_edit=..., tier=...)   # before save
    ...save the comment with status=decision.comment_status...
    record_comment_decision(decision, comment, context)                   # after save (needs comment.pk)

The discussion app owns comments; this module only reads them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from masthead.core.network import keyed_hash
from masthead.moderation.models import Tier
from masthead.moderation.pipeline import Decision, ScreenContext, record, screen

if TYPE_CHECKING:
    from masthead.discussion.models import Comment


def email_hash(email: str) -> str:
    return keyed_hash(email.strip().casefold(), "email") if email else ""


def tier_of(comment: Comment, *, is_staff: bool = False) -> str:
    """The author's tier as far as the comment tells: staff, account holder, or guest (verified/supporter
    need the accounts and funding apps and are passed in by the caller when known)."""
    if is_staff:
        return Tier.STAFF
    return Tier.ACCOUNT if comment.user_id else Tier.GUEST


def has_published_before(comment: Comment) -> bool:
    from masthead.discussion.models import Comment

    earlier = Comment.objects.filter(status=Comment.Status.VISIBLE)
    if comment.pk:
        earlier = earlier.exclude(pk=comment.pk)
    if comment.user_id:
        return earlier.filter(user_id=comment.user_id).exists()
    if comment.reader_key:
        return earlier.filter(reader_key=comment.reader_key).exists()
    return False


def context_for(comment: Comment, *, is_edit: bool, is_staff: bool = False, tier: str | None = None,
                source: str | None = None) -> ScreenContext:
    return ScreenContext(
        tier=tier or tier_of(comment, is_staff=is_staff),
        source=source or ("edit" if is_edit else "create"),
        account_id=comment.user_id,
        email_hash=email_hash(comment.author_email),
        network_hash=comment.network_hash,
        reader_key="" if comment.user_id else comment.reader_key,
        approved_count=1 if has_published_before(comment) else 0,
    )


def screen_comment(comment: Comment, *, is_edit: bool, is_staff: bool = False, tier: str | None = None,
                   source: str | None = None) -> tuple[Decision, ScreenContext]:
    context = context_for(comment, is_edit=is_edit, is_staff=is_staff, tier=tier, source=source)
    return screen(comment.body, context), context


def record_comment_decision(decision: Decision, comment: Comment, context: ScreenContext) -> None:
    record(decision, "comment", comment.pk, context, comment=comment)
