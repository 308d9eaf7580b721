"""The single point where every comment write (create, edit, import) learns whether it may be shown.

Today it applies only the publisher's pre-moderation switch. The [moderation] pipeline (normalise → rules →
classifier → decision) replaces the body of ``decide`` and keeps its signature: the comment as it is about to be
saved (``pk`` is None on create), whether this is an edit, and who is writing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from masthead.discussion.config import discussion_settings
from masthead.discussion.models import Comment


@dataclass(frozen=True)
class Verdict:
    status: str  # one of Comment.Status: VISIBLE, PENDING or REJECTED
    reasons: tuple[str, ...] = field(default_factory=tuple)


def decide(comment: Comment, *, is_edit: bool, is_staff: bool = False) -> Verdict:
    """Visible, pending or rejected, with the reasons (stored on the comment, shown only to staff)."""
    if is_staff:
        return Verdict(Comment.Status.VISIBLE)
    if discussion_settings().premoderation:
        return Verdict(Comment.Status.PENDING, ("pre-moderation is on",))
    return Verdict(Comment.Status.VISIBLE)
