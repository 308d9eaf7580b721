"""What readers see of passages: the marks over the article body and the "Inline feedback" list.

Both are cached under the article's ``updated_at`` and its thread's version (which the discussion bumps on every
visible comment change, and this app bumps when anchors move or questions change), so a page view costs one
small query when warm.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.cache import cache
from django.db.models import Q

from masthead.discussion.actions import page_thread
from masthead.discussion.models import Comment, Thread
from masthead.discussion.render import comment_html
from masthead.passages.actions import current_revision
from masthead.passages.anchoring import text_check
from masthead.passages.models import PassageAnchor

if TYPE_CHECKING:
    from masthead.publishing.models import Article

CACHE_SECONDS = 3600
MAX_FEEDBACK = 100  # passage comments listed by the "Inline feedback" filter


def _visible_comment_anchor_ids(article_id: int) -> list[int]:
    """The article's anchors whose comment is visible, found from the article's own anchors (few).

    Asked as one join filtered on the comment's status, SQLite's planner (without statistics) starts from the
    comments' status index and walks every visible comment of the site: 100 ms per article page with a million
    comments. Two indexed steps cost the same on any size.
    """
    pairs = list(PassageAnchor.objects.filter(article_id=article_id, comment__isnull=False)
                 .values_list("pk", "comment_id"))
    if not pairs:
        return []
    visible = set(Comment.objects.filter(pk__in=[comment for _, comment in pairs], status=Comment.Status.VISIBLE)
                  .values_list("pk", flat=True))
    return [pk for pk, comment in pairs if comment in visible]


def marks(article: Article) -> dict[str, Any]:
    """The passages to mark in the article body, grouped by span, with counts and any editor's question.

    ``{"revision", "text_length", "text_check", "passages": [{"id", "start", "end", "quote", "count", "comments",
    "changed", "question"}], "orphaned": [{"quote", "comments"}]}``. ``id`` is one anchor of the span, used to
    fetch the span's comments. Offsets are code points in ``article.body_text`` (see docs/passages.md).
    """
    key = f"passages:marks:v2:{article.pk}:{article.updated_at.timestamp()}:{page_thread(article).version}"
    data = cache.get(key)
    if data is not None:
        return data
    text = _text_facts(article)
    if not PassageAnchor.objects.filter(article_id=article.pk).exists():
        data = {**text, "passages": [], "orphaned": []}  # most articles: one more indexed query after a comment
        cache.set(key, data, CACHE_SECONDS)
        return data
    shown = Q(pk__in=_visible_comment_anchor_ids(article.pk)) | Q(comment__isnull=True, asked__is_open=True)
    rows = (
        PassageAnchor.objects.filter(article_id=article.pk).filter(shown)
        .select_related("asked").order_by("start", "end", "pk")
    )
    spans: dict[tuple[int, int], dict[str, Any]] = {}
    orphaned: list[dict[str, Any]] = []
    for row in rows:
        question = getattr(row, "asked", None) if row.comment_id is None else None
        if row.is_orphaned:
            if row.comment_id is not None:
                orphaned.append({"quote": row.original_exact, "comments": [row.comment_id]})
            continue
        span = spans.setdefault((row.start, row.end), {
            "id": row.pk, "start": row.start, "end": row.end, "quote": row.exact, "count": 0, "comments": [],
            "changed": False, "question": None,
        })
        if row.comment_id is not None:
            span["count"] += 1
            span["comments"].append(row.comment_id)
            span["changed"] = span["changed"] or row.passage_changed
        if question is not None:
            span["question"] = {"id": question.pk, "text": question.text}
    data = {**text, "passages": list(spans.values()), "orphaned": orphaned}
    cache.set(key, data, CACHE_SECONDS)
    return data


def _text_facts(article: Article) -> dict[str, Any]:
    """What the script needs to anchor new passages: the revision and a check of the text. They change only
    when the article is saved, so they are cached under its ``updated_at``, not under the thread version that
    every new comment bumps."""
    key = f"passages:text:v1:{article.pk}:{article.updated_at.timestamp()}"
    facts = cache.get(key)
    if facts is None:
        facts = {
            "revision": current_revision(article).number,
            "text_length": len(article.body_text),
            "text_check": text_check(article.body_text),
        }
        cache.set(key, facts, CACHE_SECONDS)
    return facts


def span_comments(anchor: PassageAnchor) -> list[Comment]:
    """Visible comments on the same span of the same article as ``anchor`` (oldest first)."""
    if anchor.is_orphaned:
        ids = [anchor.comment_id] if anchor.comment_id else []
    else:
        ids = list(
            PassageAnchor.objects.filter(
                article_id=anchor.article_id, start=anchor.start, end=anchor.end, comment__isnull=False
            ).exclude(status=PassageAnchor.Status.ORPHANED).values_list("comment_id", flat=True)
        )
    return list(
        Comment.objects.filter(pk__in=ids, status=Comment.Status.VISIBLE)
        .select_related("in_reply_to").order_by("created_at", "pk")
    )


def _feedback_anchor_ids(thread: Thread) -> list[int]:
    """The article's anchors with a visible comment, per thread version: the "Inline feedback" count and list
    both need them on the page's render after every new comment, and looked them up each on their own."""
    key = f"passages:feedback-ids:v1:{thread.pk}:{thread.version}"
    ids = cache.get(key)
    if ids is None:
        ids = _visible_comment_anchor_ids(thread.article_id) if thread.article_id is not None else []
        cache.set(key, ids, CACHE_SECONDS)
    return ids


def feedback_count(thread: Thread) -> int:
    return len(_feedback_anchor_ids(thread))


def feedback_items(thread: Thread) -> list[dict[str, Any]]:
    """The newest passage comments with their quotes, for the "Inline feedback" filter (cached per version)."""
    key = f"passages:feedback:v1:{thread.pk}:{thread.version}"
    items = cache.get(key)
    if items is not None:
        return items
    anchor_ids = _feedback_anchor_ids(thread)
    # Most articles have none: Django would still build the whole three-join query before finding the empty
    # list (5 ms of the hot page's render after every post).
    rows = (
        PassageAnchor.objects.filter(pk__in=anchor_ids)
        .select_related("comment", "comment__in_reply_to", "question")
        .order_by("-comment__created_at", "-pk")[:MAX_FEEDBACK]
    ) if anchor_ids else []
    items = [
        {
            "anchor": row.pk,
            "comment_id": row.comment_id,
            "quote": row.original_exact,
            "current": row.exact if row.exact != row.original_exact and not row.is_orphaned else "",
            "status": row.status,
            "orphaned": row.is_orphaned,
            "changed": row.passage_changed,
            "question": row.question.text if row.question else "",
            # The same comment is in the main list too: keep element ids unique on the page.
            "html": comment_html(row.comment).replace('id="comment-', 'id="feedback-comment-', 1),
        }
        for row in rows
        if row.comment is not None  # always: these anchors were chosen for their visible comment
    ]
    cache.set(key, items, CACHE_SECONDS)
    return items
