"""Comments and votes: export, and erase (anonymous tombstones, or removal where nothing hangs below)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import F, Q, QuerySet

from masthead.accounts.models import CommentClaim
from masthead.accounts.privacy import EraseOptions, Subject

if TYPE_CHECKING:
    from masthead.discussion.models import Comment, Vote


def comments_of(subject: Subject) -> QuerySet[Comment]:
    from masthead.discussion.models import Comment

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


def votes_of(subject: Subject) -> QuerySet[Vote]:
    from masthead.discussion.models import Vote

    keys = [k for k in [subject.account_key, *subject.guest_voter_keys] if k]
    return Vote.objects.filter(voter_key__in=keys)


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


def _forget_cached_pages(thread_versions: dict[int, int]) -> None:
    """Drop every cached first page of these threads, from the version before erasure up to now.

    The pages are cached under the thread's version, so an old entry would keep showing the reader's name
    until it expired; erasure must not leave one behind.
    """
    from masthead.discussion.config import discussion_settings
    from masthead.discussion.models import Thread
    from masthead.discussion.render import first_page_keys, forget_shown_comments, fragment_cache

    size = discussion_settings().page_size
    keys = []
    for thread_id, version in Thread.objects.filter(pk__in=thread_versions).values_list("pk", "version"):
        # Versions a little older than the erasure too: pages cached before the reader's last change.
        keys += first_page_keys(thread_id, range(max(1, thread_versions[thread_id] - 20), version + 1), size)

    def forget() -> None:
        for start in range(0, len(keys), 5000):
            fragment_cache().delete_many(keys[start : start + 5000])
        forget_shown_comments()

    forget()
    # Again after commit: a page rendered meanwhile from the not-yet-erased rows may have been cached.
    transaction.on_commit(forget, robust=True)


def _withdraw_votes(subject: Subject) -> int:
    from masthead.discussion.actions import bump_version
    from masthead.discussion.models import Comment

    count = 0
    for vote in votes_of(subject).select_for_update():
        Comment.objects.filter(pk=vote.comment_id).update(
            score=F("score") - vote.value,
            upvotes=F("upvotes") - (1 if vote.value == 1 else 0),
            downvotes=F("downvotes") - (1 if vote.value == -1 else 0),
        )
        thread_id = Comment.objects.filter(pk=vote.comment_id).values_list("thread_id", flat=True).first()
        vote.delete()
        if thread_id is not None:
            bump_version(thread_id)
        count += 1
    return count


def erase(subject: Subject, options: EraseOptions) -> dict[str, int]:
    from masthead.discussion.actions import do_delete_comment
    from masthead.discussion.models import Comment, Thread
    from masthead.discussion.readers import Reader
    from masthead.moderation.models import Flag, ModerationDecision

    comments = list(comments_of(subject).order_by("-depth", "-pk"))
    thread_ids = {c.thread_id for c in comments}
    thread_ids |= set(votes_of(subject).values_list("comment__thread_id", flat=True))
    before = dict(Thread.objects.filter(pk__in=thread_ids).values_list("pk", "version"))
    votes = _withdraw_votes(subject)

    # The discussion's own delete keeps counts, versions and live pages right; staff may delete any comment.
    eraser = Reader(user_id=None, is_staff=True, reader_id="privacy-erasure", network_hash="")
    removed = tombstoned = 0
    ids = [c.pk for c in comments]
    ModerationDecision.objects.filter(comment_id__in=ids).update(text="", author_key="")
    for comment in comments:
        if comment.status in (Comment.Status.VISIBLE, Comment.Status.PENDING):
            do_delete_comment(comment, eraser)
        Comment.objects.filter(pk=comment.pk).update(
            status=Comment.Status.DELETED, user=None, author_name="", author_email="", author_website="",
            network_hash="", reader_key="", body="", body_html="", quote="", moderation_reasons=[],
            edit_token_hash="", edit_token_expires=None, idempotency_key="",
        )
        has_replies = Comment.objects.filter(Q(parent_id=comment.pk)).exists()
        if options.remove_comments and not has_replies:
            Comment.objects.filter(pk=comment.pk).delete()
            removed += 1
        else:
            tombstoned += 1
    flag_keys = [k for k in [subject.account_key, *subject.guest_author_keys] if k]
    flags, _ = Flag.objects.filter(reader_key__in=flag_keys).delete()
    _forget_cached_pages(before)
    return {"comments_removed": removed, "comments_anonymised": tombstoned, "votes_deleted": votes,
            "flags_deleted": flags}
