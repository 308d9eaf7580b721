"""Comments and votes: export, and erase (anonymous tombstones, or removal where nothing hangs below).

The rows belong to the discussion (and moderation's copies to moderation): erasure calls their actions, which keep
counts, thread versions, open pages and cached pages right.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import Q, QuerySet

from masthead.accounts.models import CommentClaim
from masthead.accounts.privacy import EraseOptions, Subject
from masthead.discussion.actions import do_erase_comments, do_withdraw_votes
from masthead.discussion.imported import imported_reader_key
from masthead.discussion.models import Comment, Vote
from masthead.moderation.actions import do_forget_reader

if TYPE_CHECKING:
    from masthead.discussion.models import Comment, Vote

def comments_of(subject: Subject) -> QuerySet[Comment]:
    match = Q(pk__in=[])
    if subject.user_id is not None:
        match |= Q(user_id=subject.user_id)
    if subject.email:
        match |= Q(author_email__iexact=subject.email)
    if subject.identity_id is not None:
        match |= Q(pk__in=CommentClaim.objects.filter(identity_id=subject.identity_id).values("comment_id"))
    for key in subject.guest_author_keys:
        match |= Q(reader_key=key)
    return Comment.objects.filter(match)


def voter_keys(subject: Subject) -> list[str]:
    # Votes carried over by `masthead import` from a source that knew the voter's address are keyed by it.
    imported = imported_reader_key(subject.email) if subject.email else ""
    return [k for k in [subject.account_key, *subject.guest_voter_keys, imported] if k]


def votes_of(subject: Subject) -> QuerySet[Vote]:
    return Vote.objects.filter(voter_key__in=voter_keys(subject))


def export(subject: Subject) -> dict[str, Any]:
    comments = [
        {
            "id": c.pk,
            "discussion": c.thread.key,
            "article": c.thread.article.get_absolute_url() if c.thread.article is not None else "",
            "in_reply_to": c.parent_id,
            "author_name": c.author_name,
            "author_email": c.author_email,
            "author_website": c.author_website,
            "body": c.body,
            "quote": c.quote,
            "status": c.status,
            "created_at": c.created_at.isoformat(),
            "edited_at": c.edited_at.isoformat() if c.edited_at else None,
        }
        for c in comments_of(subject).select_related("thread__article").order_by("created_at", "pk")
    ]
    votes = [
        {"comment": v.comment_id, "value": v.value, "created_at": v.created_at.isoformat()}
        for v in votes_of(subject).order_by("created_at", "pk")
    ]
    return {"comments": comments, "votes": votes}


def erase(subject: Subject, options: EraseOptions) -> dict[str, int]:
    comments = list(comments_of(subject))
    votes = do_withdraw_votes(voter_keys(subject))
    flags = do_forget_reader([c.pk for c in comments], [subject.account_key, *subject.guest_author_keys])
    removed, tombstoned = do_erase_comments(comments, remove=options.remove_comments)
    return {"comments_removed": removed, "comments_anonymised": tombstoned, "votes_deleted": votes,
            "flags_deleted": flags}
