"""Demo discussions for `masthead demo`: a conversation written by us for each demo article that has one.

The text is plain data in ``demo_threads.py``, keyed by article slug, so every comment talks about its own story
(readers agreeing, disagreeing, asking the reporter, correcting with a link, replying to each other). An
article with no written discussion gets no comments, never borrowed ones. Guests only, with names in several
scripts and odd punctuation. Each comment goes through the moderation pipeline as an import (no rate limits or
first-comment hold, as for history), so whatever it would hold is held here too and its decision is recorded.
Rows are bulk-inserted with ids chosen here, so paths are known before insert.
"""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import timedelta
from typing import TextIO

from django.core.management.color import no_style
from django.db import connection
from django.db.models import Max
from django.utils import timezone

from masthead.core.markdown import RENDERER_VERSION, render_comment
from masthead.discussion.actions import thread_for_article
from masthead.discussion.config import discussion_settings
from masthead.discussion.demo_threads import THREADS, Written
from masthead.discussion.models import Comment, Thread, Vote, path_segment
from masthead.discussion.moderation_hook import Screening, screen
from masthead.publishing.models import Article

# The conversation is spread over at most this long after publication (or until now, if sooner).
SPREAD = timedelta(hours=30)


class _Ids:
    """Ids chosen here, after the highest existing one, so a path can be written in the same insert."""

    def __init__(self, model: type[Comment | Vote]) -> None:
        self.next = (model._default_manager.aggregate(top=Max("id"))["top"] or 0) + 1

    def take(self) -> int:
        value = self.next
        self.next += 1
        return value


def _place(comment: Comment, parent: Comment | None, max_depth: int) -> None:
    """Depth, root and path; a reply below the deepest level hangs at it, remembering whom it answers."""
    cid = comment.id
    if parent is None:
        comment.depth, comment.root_id, comment.path = 0, cid, path_segment(cid)
        return
    if parent.depth + 1 <= max_depth:
        comment.parent_id, comment.depth, prefix = parent.id, parent.depth + 1, parent.path
    else:
        prefix = parent.path[: max_depth * len(path_segment(0))]
        comment.parent_id, comment.depth = int(prefix[-len(path_segment(0)):]), max_depth
        comment.in_reply_to_id = parent.id
    comment.root_id, comment.path = parent.root_id, prefix + path_segment(cid)


def _votes(comments: list[Comment], rng: random.Random, vote_ids: _Ids) -> list[Vote]:
    votes: list[Vote] = []
    for comment in comments:
        if comment.status != Comment.Status.VISIBLE:
            continue
        # A few popular comments, many quiet ones.
        count = int(rng.paretovariate(1.6)) - 1 if rng.random() < 0.7 else 0
        for n in range(min(count, 40)):
            value = 1 if rng.random() < 0.8 else -1
            votes.append(Vote(id=vote_ids.take(), comment_id=comment.id, voter_key=f"demo:{comment.id}:{n}",
                              value=value))
            comment.score += value
            comment.upvotes += value == 1
            comment.downvotes += value == -1
    return votes


def _count_replies(comments: list[Comment]) -> None:
    below: dict[int, int] = defaultdict(int)
    for comment in comments:
        if comment.status == Comment.Status.VISIBLE:
            for ancestor in comment.ancestor_ids():
                below[ancestor] += 1
    for comment in comments:
        comment.reply_count = below.get(comment.id, 0)


def _build_thread(thread: Thread, written: list[Written], start: object, ids: _Ids, max_depth: int,
                  rng: random.Random) -> tuple[list[Comment], list[tuple[Comment, Screening]]]:
    span = min(max(timezone.now() - start, timedelta(minutes=30)), SPREAD)  # type: ignore[operator]
    comments: list[Comment] = []
    held: list[tuple[Comment, Screening]] = []
    for index, item in enumerate(written):
        parent = comments[item.parent] if item.parent is not None else None
        moment = start + span * (index + 1 + rng.random() * 0.5) / (len(written) + 1)
        reader_key = f"demo:{thread.article_id}:{item.name}"
        comment = Comment(
            id=ids.take(), thread=thread, author_name=item.name, body=item.body, body_html=render_comment(item.body),
            render_version=RENDERER_VERSION, created_at=moment, reader_key=reader_key, quote=item.quote,
        )
        # Screened by the moderation app (when installed) as an import: no rate limits, at the comment's moment.
        screening = screen(comment, is_edit=False, is_staff=False, tier=None, source="import", now=moment)
        comment.status, comment.moderation_reasons = screening.status, list(screening.reasons)
        _place(comment, parent, max_depth)
        comments.append(comment)
        if comment.status != Comment.Status.VISIBLE:
            held.append((comment, screening))
    return comments, held


def seed(stdout: TextIO) -> None:
    articles = list(Article.objects.live().filter(slug__in=THREADS).order_by("-published_at", "-id"))
    if not articles:
        stdout.write("Discussion demo skipped: no live demo articles.")
        return
    max_depth = discussion_settings().max_depth
    ids, vote_ids = _Ids(Comment), _Ids(Vote)
    total = held_total = seeded = 0
    for article in articles:
        thread = thread_for_article(article)
        if thread.comments.exists():
            continue
        rng = random.Random(f"masthead-demo-{article.slug}")
        start = article.published_at or timezone.now()  # live articles all have one
        comments, held = _build_thread(thread, THREADS[article.slug], start, ids, max_depth, rng)
        votes = _votes(comments, rng, vote_ids)
        _count_replies(comments)
        Comment.objects.bulk_create(comments, batch_size=500)
        Vote.objects.bulk_create(votes, batch_size=1000)
        for comment, screening in held:
            if screening.record is not None:
                screening.record(comment)
        visible = sum(1 for c in comments if c.status == Comment.Status.VISIBLE)
        Thread.objects.filter(pk=thread.pk).update(comment_count=visible, version=thread.version + 1)
        total += len(comments)
        held_total += len(held)
        seeded += 1
    # Ids were chosen here, so PostgreSQL's sequences must learn where they stand.
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), [Comment, Vote]):
            cursor.execute(statement)
    stdout.write(f"Discussions: {total} comments under {seeded} articles ({held_total} held by moderation).")
