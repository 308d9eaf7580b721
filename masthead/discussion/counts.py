"""Comment counts for article lists and feeds (one query for a whole page of articles)."""

from __future__ import annotations

from collections.abc import Iterable

from masthead.discussion.models import Thread


def comment_counts(article_ids: Iterable[int]) -> dict[int, int]:
    """Visible comments per article id (articles without a thread are absent: count 0)."""

    ids = list(article_ids)
    if not ids:
        return {}
    return dict(Thread.objects.filter(article_id__in=ids).values_list("article_id", "comment_count"))

