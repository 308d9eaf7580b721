"""Recompute the denormalized counters from the rows they summarise (votes, visible replies, visible comments).

Counters are kept exact by F() updates in ``actions``; this is the repair tool after an import, a crash
between systems, or a manual database edit. It reports what it changed.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, F, Q

from masthead.discussion.models import Comment, Thread, Vote, path_ids


@dataclass
class Report:
    threads: int = 0
    comments_fixed: int = 0
    threads_fixed: int = 0


def reconcile_thread(thread_id: int) -> tuple[int, bool]:
    """Fix one thread; returns (comments changed, whether the thread row changed)."""
    votes: dict[int, tuple[int, int]] = {}
    for row in (
        Vote.objects.filter(comment__thread_id=thread_id)
        .values("comment_id")
        .annotate(up=Count("id", filter=Q(value=1)), down=Count("id", filter=Q(value=-1)))
    ):
        votes[row["comment_id"]] = (row["up"], row["down"])
    rows = list(
        Comment.objects.filter(thread_id=thread_id).values_list(
            "id", "path", "status", "score", "upvotes", "downvotes", "reply_count"
        )
    )
    replies: dict[int, int] = defaultdict(int)
    visible = 0
    for _, path, status, *_rest in rows:
        if status == Comment.Status.VISIBLE:
            visible += 1
            for ancestor in path_ids(path)[:-1]:
                replies[ancestor] += 1
    changed = 0
    with transaction.atomic():
        for comment_id, _path, _status, score, up, down, reply_count in rows:
            want_up, want_down = votes.get(comment_id, (0, 0))
            want = (want_up - want_down, want_up, want_down, replies.get(comment_id, 0))
            if want != (score, up, down, reply_count):
                Comment.objects.filter(pk=comment_id).update(
                    score=want[0], upvotes=want[1], downvotes=want[2], reply_count=want[3]
                )
                changed += 1
        thread_changed = bool(
            Thread.objects.filter(pk=thread_id).exclude(comment_count=visible).update(comment_count=visible)
        )
        if changed or thread_changed:
            Thread.objects.filter(pk=thread_id).update(version=F("version") + 1)
    return changed, thread_changed


def reconcile_all() -> Report:
    report = Report()
    for thread_id in Thread.objects.values_list("id", flat=True).iterator():
        changed, thread_changed = reconcile_thread(thread_id)
        report.threads += 1
        report.comments_fixed += changed
        report.threads_fixed += int(thread_changed)
    return report
