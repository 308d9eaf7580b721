"""Writes for ``masthead import`` beyond one comment at a time (``actions.do_import_comment``): a tombstone that
keeps an imported reply tree together, and the per-voter votes of a source that keeps its voters.

Like every import write, nothing here notifies anyone or sends a live event: the content is not new.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.db.models import Case, DateTimeField, F, Value, When

from masthead.core.network import keyed_hash
from masthead.discussion.actions import DiscussionError, ImportedComment, _imported_name, _place
from masthead.discussion.config import discussion_settings
from masthead.discussion.models import Comment, Thread, Vote


def imported_reader_key(email: str) -> str:
    """Who an imported address is, as ``do_import_comment`` keys the comments it wrote ("i:" + keyed hash): a
    vote cast under it is known as that reader's (never counted twice, never on their own comment)."""
    return "i:" + keyed_hash(email.casefold(), "imported-author")


def do_import_tombstone(thread: Thread, data: ImportedComment, parent: Comment | None) -> Comment:
    """A comment deleted at the source, its text gone, kept as a tombstone (as ``do_delete_comment`` leaves one
    here: name, date and vote totals stay, text, address and website go) so the replies below it keep their
    place. Not visible: no counts change. ``data.body`` is not used. The caller owns the transaction."""
    if data.upvotes < 0 or data.downvotes < 0:
        raise DiscussionError("Vote totals cannot be negative.", 400, "bad_vote")
    comment = Comment(thread=thread, author_name=_imported_name(data.author_name), body="", body_html="",
                      created_at=data.created_at, status=Comment.Status.DELETED,
                      moderation_reasons=["imported as deleted"], upvotes=data.upvotes, downvotes=data.downvotes,
                      score=data.upvotes - data.downvotes)
    with transaction.atomic():
        comment.save(force_insert=True)
        _place(comment, parent, discussion_settings().max_depth)
        comment.save(update_fields=["parent", "in_reply_to", "depth", "root_id", "path"])
    return comment


@dataclass(frozen=True)
class ImportedVote:
    voter_key: str  # imported_reader_key(email), or an account's "u:<id>"
    value: int  # 1 or -1
    created_at: datetime | None = None


def do_import_votes(comment: Comment, votes: list[ImportedVote], *, upvotes: int, downvotes: int) -> int:
    """Carry a source's voters of one imported comment: a vote per known voter (one per voter: a voter who has a
    vote on it here already keeps theirs), and the totals raised to the source's count of all its voters, the
    anonymous ones included (never lowered: votes cast here since the import stay). Returns the votes added.
    The caller owns the transaction."""
    if upvotes < 0 or downvotes < 0 or any(vote.value not in (1, -1) for vote in votes):
        raise ValueError("A vote is 1 or -1, and totals are not negative.")
    own = comment.reader_key
    existing = set(Vote.objects.filter(comment=comment).values_list("voter_key", flat=True))
    new: dict[str, ImportedVote] = {}
    for vote in votes:
        if vote.voter_key and vote.voter_key != own and vote.voter_key not in existing:
            new.setdefault(vote.voter_key, vote)
    made = Vote.objects.bulk_create(
        [Vote(comment=comment, voter_key=vote.voter_key, value=vote.value) for vote in new.values()]
    )
    dated = [(row.pk, vote.created_at) for row, vote in zip(made, new.values(), strict=True)
             if vote.created_at is not None and row.pk is not None]
    if dated:  # created_at is set on insert (auto_now_add): the source's dates in one statement
        Vote.objects.filter(pk__in=[pk for pk, _ in dated]).update(created_at=Case(
            *(When(pk=pk, then=Value(when)) for pk, when in dated), output_field=DateTimeField()))
    locked = Comment.objects.select_for_update().only("upvotes", "downvotes").get(pk=comment.pk)
    ups, downs = max(locked.upvotes, upvotes), max(locked.downvotes, downvotes)
    if (ups, downs) != (locked.upvotes, locked.downvotes):
        Comment.objects.filter(pk=comment.pk).update(upvotes=ups, downvotes=downs, score=ups - downs)
        Thread.objects.filter(pk=comment.thread_id).update(version=F("version") + 1)
    return len(made)
