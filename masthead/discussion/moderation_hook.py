"""The single point where every comment write (create, edit, import) learns whether it may be shown.

It runs the [moderation] pipeline (normalise → rules → classifier → decision, see docs/moderation.md) and then
the publisher's pre-moderation switch. ``decide`` gets the comment as it is about to be saved (``pk`` is None on
create); after the save the caller calls ``verdict.record(comment)`` so the decision, with its scores and model
version, is stored against the comment.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from masthead.discussion.config import discussion_settings
from masthead.discussion.models import Comment
from masthead.moderation.comments import record_comment_decision, screen_comment


class RateLimited(Exception):
    """The author is writing faster than the publisher's limits allow; answer 429 with Retry-After."""

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


@dataclass(frozen=True)
class Verdict:
    status: str  # one of Comment.Status: VISIBLE, PENDING or REJECTED
    reasons: tuple[str, ...] = field(default_factory=tuple)
    decision: Any = None
    context: Any = None

    def record(self, comment: Comment) -> None:
        """Store the moderation decision against the saved comment (it needs the comment's id)."""
        if self.decision is not None:
            record_comment_decision(self.decision, comment, self.context)


def decide(comment: Comment, *, is_edit: bool, is_staff: bool = False, tier: str | None = None,
           source: str | None = None) -> Verdict:
    """Visible, pending or rejected, with the reasons (stored on the comment, shown only to staff).

    ``tier`` is the writer's identity tier when the request tells it (see accounts.tiers); without it the
    pipeline derives staff / account / guest from the comment. ``source="import"`` screens a comment brought
    from another system (no bans, rate limits or first-comment rules: it is history; pre-moderation does not
    apply, the caller decides from the source's own approval state).
    """
    decision, context = screen_comment(comment, is_edit=is_edit, is_staff=is_staff, tier=tier, source=source)
    if decision.rate_limited:
        raise RateLimited("You are commenting too fast. Please wait a moment and try again.",
                          int(decision.retry_after or 1))
    status = decision.comment_status
    reasons = tuple(decision.reasons)
    premoderated = source != "import" and discussion_settings().premoderation
    if status == Comment.Status.VISIBLE and not is_staff and premoderated:
        status = Comment.Status.PENDING
        reasons = (*reasons, "pre-moderation is on")
    return Verdict(status, reasons, decision, context)
