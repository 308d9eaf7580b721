"""The bridge the discussion app's moderation hook calls: a Comment about to be saved → a screening Decision.

``screen_for_discussion`` fills ``discussion.moderation_hook.screen`` (registered in ``ModerationConfig.ready``):
the discussion calls it before saving a comment, saves it with the status it gives, then calls the screening's
``record`` with the saved comment (the decision needs ``comment.pk``).

The discussion app owns comments; this module only reads them.
"""

from __future__ import annotations

import functools
from datetime import datetime
from typing import TYPE_CHECKING, Any, cast

from django.conf import settings

from masthead.core.network import keyed_hash
from masthead.discussion.models import Comment
from masthead.discussion.moderation_hook import Screening
from masthead.moderation.models import Tier
from masthead.moderation.pipeline import (
    Decision,
    ReadyDecision,
    ScreenContext,
    ready_decision,
    record,
    record_many,
    record_ready,
    screen_resolving,
)

if TYPE_CHECKING:
    from masthead.discussion.models import Comment


def email_hash(email: str) -> str:
    return _email_hash(email, settings.SECRET_KEY) if email else ""


@functools.lru_cache(maxsize=4096)  # an import's authors write many comments each: hashed once per process
def _email_hash(email: str, secret: str) -> str:  # by the secret too: a changed SECRET_KEY gives new hashes
    return keyed_hash(email.strip().casefold(), "email")


def tier_of(comment: Comment, *, is_staff: bool = False) -> str:
    """The author's tier as far as the comment tells: staff, account holder, or guest (verified/supporter
    need the accounts and funding apps and are passed in by the caller when known)."""
    if is_staff:
        return Tier.STAFF
    return Tier.ACCOUNT if comment.user_id else Tier.GUEST


def context_for(comment: Any, *, is_edit: bool, is_staff: bool = False, tier: str | None = None,
                source: str | None = None, now: datetime | None = None) -> ScreenContext:
    return ScreenContext(
        now=now,
        tier=tier or tier_of(comment, is_staff=is_staff),
        source=source or ("edit" if is_edit else "create"),
        account_id=comment.user_id,
        email_hash=email_hash(comment.author_email),
        network_hash=comment.network_hash,
        reader_key="" if comment.user_id else comment.reader_key,
        # Asked by the screening with the ban and the duplicate (one query); an import (the demo's history) is
        # screened as written, without a query per comment for its author.
        approved_count=0 if source == "import" else None,
        comment_id=comment.pk or None,
    )


def screen_comment(comment: Any, *, is_edit: bool, is_staff: bool = False, tier: str | None = None,
                   source: str | None = None, now: datetime | None = None) -> tuple[Decision, ScreenContext]:
    context = context_for(comment, is_edit=is_edit, is_staff=is_staff, tier=tier, source=source, now=now)
    return screen_resolving(comment.body, context)


def screen_for_discussion(comment: Comment, *, is_edit: bool, is_staff: bool, tier: str | None,
                          source: str | None = None, now: datetime | None = None) -> Screening:
    decision, context = screen_comment(comment, is_edit=is_edit, is_staff=is_staff, tier=tier, source=source,
                                       now=now)
    # An import records its decisions in bulk, later and perhaps in another process: its row is made ready here.
    payload = ready_decision(decision, "comment", context) if source == "import" else (decision, context)
    return Screening(decision.comment_status, tuple(decision.reasons), decision.retry_after,
                     lambda saved: record_comment_decision(decision, saved, context), payload=payload)


def record_comment_decision(decision: Decision, comment: Any, context: ScreenContext) -> None:
    record(decision, "comment", comment.pk, context, comment=comment, read_id=False)  # nobody reads it back


def record_comment_decisions(screenings: list[tuple[object, Comment | int]]) -> None:
    """Many decisions at once (``discussion.moderation_hook.record_screenings``): each payload is what
    ``screen_for_discussion`` gave (an import's ReadyDecision, else the Decision and its ScreenContext), with the
    comment saved with it or its id (an import's writer has no object for it: a ReadyDecision needs only the id,
    and a Decision's comment is read back)."""
    rows: list[tuple[Decision, ScreenContext, Comment]] = []
    ready: list[tuple[ReadyDecision, int]] = []
    for payload, saved in screenings:
        if isinstance(payload, ReadyDecision):
            ready.append((payload, saved if isinstance(saved, int) else saved.pk))
        else:
            decision, context = cast(tuple[Decision, ScreenContext], payload)
            comment = Comment.objects.get(pk=saved) if isinstance(saved, int) else saved
            rows.append((decision, context, comment))
    record_many(rows, "comment")
    record_ready(ready)
