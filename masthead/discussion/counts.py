"""Comment counts for article lists and feeds (one query for a whole page of articles)."""

from __future__ import annotations


def comment_counts(article_ids: list[int]) -> dict[int, int]:
    """Visible comments per article id. Filled by the [discussion] issue; empty until then."""
    return {}
