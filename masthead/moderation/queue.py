"""The moderation queue's reads: one page of comments per tab, with everything a moderator needs beside each.

A page costs a fixed number of queries whatever its length or the queue's size: the comments (with article,
parent and account joined), their latest decisions, their open flags, and the authors' history, each one query
over an indexed column. Pages are keyset-paginated (time, id), never by offset.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.db.models import Count, Q

from masthead.discussion.models import Comment
from masthead.moderation.models import Flag, ModerationDecision

if TYPE_CHECKING:
    from masthead.discussion.models import Comment
    from masthead.moderation.models import Flag

PAGE_SIZE = 50
TABS = ("pending", "flagged", "rejected")


@dataclass
class QueueItem:
    comment: Comment
    decision: ModerationDecision | None = None
    flags: list[Flag] = field(default_factory=list)
    history: dict[str, int] = field(default_factory=dict)

    @property
    def author_key(self) -> str:
        return f"u:{self.comment.user_id}" if self.comment.user_id else self.comment.reader_key


def _reported() -> Any:
    """The comments the flagged tab lists: reported (an open flag) and still shown or waiting for a decision.

    A subquery on the open-flag index, not ``flags__resolved_at__isnull=True``: across the reverse relation that
    is a LEFT JOIN, and a comment nobody flagged has a NULL there too (every published comment was listed)."""

    open_flags = Flag.objects.filter(resolved_at__isnull=True).values("comment_id")
    return Comment.objects.filter(id__in=open_flags, status__in=[Comment.Status.VISIBLE, Comment.Status.PENDING])


def _comments(tab: str, after: int | None) -> Any:
    """Pending oldest first, rejected newest first, both on the (status, created_at) index; keyset by the last
    comment of the previous page (its time, then its id)."""

    base = Comment.objects.select_related("thread__article", "parent", "user")
    if tab == "flagged":
        rows = _reported().select_related("thread__article", "parent", "user").order_by("id")
        return rows.filter(id__gt=after) if after else rows
    newest_first = tab == "rejected"
    status = Comment.Status.REJECTED if newest_first else Comment.Status.PENDING
    rows = base.filter(status=status)
    rows = rows.order_by("-created_at", "-id") if newest_first else rows.order_by("created_at", "id")
    if after:
        last = Comment.objects.filter(pk=after).values_list("created_at", flat=True).first()
        if last is not None:
            if newest_first:
                rows = rows.filter(Q(created_at__lt=last) | Q(created_at=last, id__lt=after))
            else:
                rows = rows.filter(Q(created_at__gt=last) | Q(created_at=last, id__gt=after))
    return rows


def load(tab: str, after: int | None = None) -> tuple[list[QueueItem], int | None]:
    """One page of ``tab`` and the cursor of the next page (None at the end)."""

    comments = list(_comments(tab, after)[: PAGE_SIZE + 1])
    more = len(comments) > PAGE_SIZE
    comments = comments[:PAGE_SIZE]
    items = [QueueItem(comment) for comment in comments]
    if not items:
        return [], None
    by_id = {item.comment.pk: item for item in items}
    for decision in (ModerationDecision.objects.filter(comment_id__in=by_id)
                     .exclude(source=ModerationDecision.Source.MODERATOR).order_by("comment_id", "-created_at",
                                                                                     "-id")):
        item = by_id[decision.comment_id or 0]  # (filtered on comment_id: never None here)
        if item.decision is None:
            item.decision = decision
    for flag in Flag.objects.filter(comment_id__in=by_id, resolved_at__isnull=True).order_by("id"):
        by_id[flag.comment_id].flags.append(flag)
    authors = {item.author_key for item in items if item.author_key}
    history: dict[str, dict[str, int]] = defaultdict(dict)
    for row in (ModerationDecision.objects.filter(author_key__in=authors).values("author_key", "action")
                .annotate(n=Count("id")).order_by()):
        history[row["author_key"]][row["action"]] = row["n"]
    for item in items:
        item.history = history.get(item.author_key, {})
    return items, (comments[-1].pk if more else None)


def counts() -> dict[str, int]:
    return {
        "pending": Comment.objects.filter(status=Comment.Status.PENDING).count(),
        "flagged": _reported().count(),  # the rows the tab lists
        "rejected": Comment.objects.filter(status=Comment.Status.REJECTED).count(),
    }
