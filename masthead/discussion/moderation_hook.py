"""The single point where every comment write (create, edit, import) learns whether it may be shown.

The [moderation] app, above this one, fills the ``screen`` hook in its ``AppConfig.ready()`` with its pipeline
(normalise → rules → classifier → decision, see docs/moderation.md); without it a comment is shown as posted.
Then comes the publisher's pre-moderation switch. ``decide`` gets the comment as it is about to be saved (``pk``
is None on create); after the save the caller calls ``verdict.record(comment)`` so the decision, with its scores
and model version, is stored against the comment.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from masthead.core.hooks import Hook
from masthead.discussion.config import discussion_settings
from masthead.discussion.models import Comment


class RateLimited(Exception):
    """The author is writing faster than the publisher's limits allow; answer 429 with Retry-After."""

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


@dataclass(frozen=True)
class Screening:
    """What the moderation app decided about a comment about to be saved."""

    status: str  # one of Comment.Status: VISIBLE, PENDING or REJECTED
    reasons: tuple[str, ...] = ()
    retry_after: int | None = None  # set when the author is rate limited
    record: Callable[[Comment], None] | None = None  # stores the decision against the saved comment
    # The same decision as plain data (it pickles: a worker process may screen, the writer records it), for
    # ``record_screenings``, which stores many decisions at once.
    payload: object = None


def _shown_as_posted(comment: Comment, *, is_edit: bool, is_staff: bool, tier: str | None,
                     source: str | None = None, now: datetime | None = None) -> Screening:
    return Screening(Comment.Status.VISIBLE)


screen = Hook("discussion.screen", _shown_as_posted)


def _nothing_to_record(screenings: list[tuple[object, Comment | int]]) -> None:
    return None


# Stores many screenings' decisions (``Screening.payload``) against their saved comments (or their ids, when the
# caller has no object for them) at once: the import's batches. The moderation app fills it beside ``screen``.
record_screenings = Hook("discussion.record_screenings", _nothing_to_record)


@dataclass(frozen=True)
class Verdict:
    status: str  # one of Comment.Status: VISIBLE, PENDING or REJECTED
    reasons: tuple[str, ...] = field(default_factory=tuple)
    recorder: Callable[[Comment], None] | None = None
    payload: object = None  # the decision as plain data, for ``record_screenings`` (see Screening.payload)

    def record(self, comment: Comment) -> None:
        """Store the moderation decision against the saved comment (it needs the comment's id)."""
        if self.recorder is not None:
            self.recorder(comment)


def decide(comment: Comment, *, is_edit: bool, is_staff: bool = False, tier: str | None = None,
           source: str | None = None) -> Verdict:
    """Visible, pending or rejected, with the reasons (stored on the comment, shown only to staff).

    ``tier`` is the writer's identity tier when the request tells it (see ``readers.tier_of``); without it the
    moderation pipeline derives staff / account / guest from the comment. ``source="import"`` screens a comment
    brought from another system (no bans, rate limits or first-comment rules: it is history; pre-moderation does
    not apply, the caller decides from the source's own approval state).
    """
    screening = screen(comment, is_edit=is_edit, is_staff=is_staff, tier=tier, source=source)
    if screening.retry_after is not None:
        raise RateLimited("You are commenting too fast. Please wait a moment and try again.",
                          int(screening.retry_after or 1))
    status, reasons = screening.status, screening.reasons
    premoderated = source != "import" and discussion_settings().premoderation
    if status == Comment.Status.VISIBLE and not is_staff and premoderated:
        status = Comment.Status.PENDING
        reasons = (*reasons, "pre-moderation is on")
    return Verdict(status, reasons, screening.record, screening.payload)
