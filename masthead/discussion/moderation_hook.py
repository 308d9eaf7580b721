"""The single point where every comment write (create, edit, import) learns whether it may be shown.

It runs the [moderation] pipeline (normalise → rules → classifier → decision, see docs/moderation.md) and then
the publisher's pre-moderation switch. ``decide`` gets the comment as it is about to be saved (``pk`` is None on
create); after the save the caller calls ``verdict.record(comment)`` so the decision, with its scores and model
version, is stored against the comment.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from masthead.discussion.config import discussion_settings
from masthead.discussion.models import Comment
from masthead.moderation.comments import record_comment_decision, screen_comment

if TYPE_CHECKING:
    from masthead.moderation.pipeline import Decision, ScreenContext


class RateLimited(Exception):
    """The author is writing faster than the publisher's limits allow; answer 429 with Retry-After."""

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


@dataclass(frozen=True)
class Verdict:
    status: str  # one of Comment.Status: VISIBLE, PENDING or REJECTED
    reasons: tuple[str, ...] = field(default_factory=tuple)
    decision: Decision | None = None
    context: ScreenContext | None = None

    def record(self, comment: Comment) -> None:
        """Store the moderation decision against the saved comment (it needs the comment's id)."""
        if self.decision is not None and self.context is not None:
            record_comment_decision(self.decision, comment, self.context)


def decide(comment: Comment, *, is_edit: bool, is_staff: bool = False, tier: str | None = None) -> Verdict:
    """Visible, pending or rejected, with the reasons (stored on the comment, shown only to staff).

    ``tier`` is the writer's identity tier when the request tells it (see accounts.tiers); without it the
    pipeline derives staff / account / guest from the comment.
    """
    decision, context = screen_comment(comment, is_edit=is_edit, is_staff=is_staff, tier=tier)
    if decision.rate_limited:
        raise RateLimited("You are commenting too fast. Please wait a moment and try again.",
                          int(decision.retry_after or 1))
    status = decision.comment_status
    reasons = tuple(decision.reasons)
    if status == Comment.Status.VISIBLE and not is_staff and discussion_settings().premoderation:
        status = Comment.Status.PENDING
        reasons = (*reasons, "pre-moderation is on")
    return Verdict(status, reasons, decision, context)
