"""The discussion section under an article: the cached comment page plus the parts that belong to one reader
(the form with its CSRF token unless the page is shared, their votes, their recent comments, messages)."""

from __future__ import annotations

import json
import uuid
from typing import TYPE_CHECKING

from django.contrib import messages
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from masthead.core.cacheable import is_shared
from masthead.discussion.actions import page_thread
from masthead.discussion.config import discussion_settings
from masthead.discussion.models import Comment, Vote
from masthead.discussion.pages import SORTS, Cursor, CursorError, load_page, normalize_sort, small_id
from masthead.discussion.readers import has_reader_cookie, reader_from_request
from masthead.discussion.render import MAX_EXPANDED_PAGES, first_page, page_html
from masthead.discussion.slots import render_slots

if TYPE_CHECKING:
    from masthead.publishing.models import Article


def _thread_prefix(thread_id: int) -> str:
    """``/discussion/threads/<id>/``: one reverse() checks the URL shape, the rest is string work (hot path)."""
    return reverse("discussion:post", args=[thread_id]).removesuffix("comments")


def render_section(request: HttpRequest, article: Article) -> SafeString:
    thread = page_thread(article)
    thread.article = article  # slot renderers may read it: no second query
    options = discussion_settings()
    base_url = article.get_absolute_url()
    sort = normalize_sort(request.GET.get("sort"))
    after = None
    if request.GET.get("after"):
        try:
            after = Cursor.decode(request.GET["after"])
        except CursorError:
            after = None
    pages = small_id(request.GET.get("pages")) or 1
    pages = pages if pages <= MAX_EXPANDED_PAGES else 1
    if after is None:
        html, ids = first_page(thread, sort, options.page_size, base_url, pages)
    else:
        page = load_page(thread.pk, sort, after, options.page_size)
        html, ids = page_html(page, thread, base_url, is_first=False), page.comment_ids
    reader = reader_from_request(request)

    my_votes: dict[str, int] = {}
    if ids and (has_reader_cookie(request) or reader.user_id is not None):
        my_votes = {
            str(cid): value
            for cid, value in Vote.objects.filter(voter_key=reader.voter_key, comment_id__in=ids).values_list(
                "comment_id", "value"
            )
        }
    on_page = set(ids)
    mine = [cid for cid in sorted(reader.edit_tokens, reverse=True) if cid in on_page]

    reply_to = None
    replyto = small_id(request.GET.get("replyto"))
    if replyto is not None:
        reply_to = (
            Comment.objects.filter(pk=replyto, thread=thread, status=Comment.Status.VISIBLE)
            .only("id", "author_name", "body_html")
            .first()
        )

    prefix = _thread_prefix(thread.pk)
    context = {
        "thread": thread,
        "sort": sort,
        "sorts": list(SORTS.items()),
        "base_url": base_url,
        "page_html": mark_safe(html),
        "open": bool(article.discussion_open),
        "reply_to": reply_to,
        "later_page": after is not None,
        "reader_is_user": reader.user_id is not None,
        # A shared (cached) page must not hand every reader the same key: the script makes one per post.
        "idempotency_key": "" if is_shared(request) else uuid.uuid4().hex,
        "mine_ids": mine,
        "my_page_comments": mine,
        "my_votes_attr": json.dumps(my_votes, separators=(",", ":")),
        "post_url": f"{prefix}comments",
        "vote_url": f"{prefix}vote",
        "events_url": f"{prefix}events",
        "fragment_url": f"{prefix}page",
        "api_base": "/api/discussion",
        "messages_for_discussion": list(messages.get_messages(request)),
        "slots": render_slots(request, thread),
    }
    return mark_safe(render_to_string("discussion/section.html", context, request=request))
