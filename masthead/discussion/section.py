"""The discussion section under an article: the cached comment page plus the parts that belong to one reader
(the form with its CSRF token unless the page is shared, their votes, their recent comments, messages)."""

from __future__ import annotations

import functools
import json
import uuid
from typing import TYPE_CHECKING

from django.contrib import messages
from django.db import connection
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from masthead.core import prepared
from masthead.core.cacheable import is_shared
from masthead.core.personal_parts import personal_part
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
    # This reader's own parts (personal_part: filled per request when the page is kept as a skeleton for every
    # signed-in reader of this version). The fillers capture only the page's comment ids, never this reader.
    page_ids = tuple(ids)

    def votes_attr(req: HttpRequest) -> str:
        return escape(json.dumps(_my_votes(req, page_ids), separators=(",", ":")))

    def mine_attr(req: HttpRequest) -> str:
        return ",".join(str(cid) for cid in _mine(req, page_ids))

    def yours(req: HttpRequest) -> str:
        mine = _mine(req, page_ids)
        return render_to_string("discussion/_yours.html", {"my_page_comments": mine}) if mine else ""

    def flash(req: HttpRequest) -> str:
        shown = list(messages.get_messages(req))
        return render_to_string("discussion/_messages.html", {"messages_for_discussion": shown}) if shown else ""

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
        "reader_is_user": reader_from_request(request).user_id is not None,
        # A shared (cached) page must not hand every reader the same key: the script makes one per post.
        "idempotency_key": "" if is_shared(request) else personal_part(request, lambda _req: uuid.uuid4().hex),
        "mine_attr": mark_safe(personal_part(request, mine_attr)),
        "yours_html": mark_safe(personal_part(request, yours)),
        "my_votes_attr": mark_safe(personal_part(request, votes_attr)),
        "post_url": f"{prefix}comments",
        "vote_url": f"{prefix}vote",
        "events_url": f"{prefix}events",
        "fragment_url": f"{prefix}page",
        "api_base": "/api/discussion",
        "messages_html": mark_safe(personal_part(request, flash)),
        "slots": render_slots(request, thread),
    }
    return mark_safe(render_to_string("discussion/section.html", context, request=request))


def _my_votes(request: HttpRequest, ids: tuple[int, ...]) -> dict[str, int]:
    """This reader's votes on the comments shown: ``{"<comment id>": 1 or -1}``."""
    reader = reader_from_request(request)
    if not ids or not (has_reader_cookie(request) or reader.user_id is not None):
        return {}
    # Plain SQL: this runs for every signed-in page view, and the ORM's compilation cost more than the query;
    # prepared on PostgreSQL (core/prepared.py), one statement per number of comments shown.
    with connection.cursor() as cursor:
        prepared.execute(cursor, f"masthead_my_votes_{len(ids)}", _my_votes_sql(connection.vendor, len(ids)),
                         [reader.voter_key, *ids])
        return {str(cid): int(value) for cid, value in cursor.fetchall()}


@functools.lru_cache(maxsize=256)  # per database vendor and number of comments shown
def _my_votes_sql(vendor: str, count: int) -> str:
    quote = connection.ops.quote_name
    return (f"SELECT {quote('comment_id')}, {quote('value')} FROM {quote(Vote._meta.db_table)} "  # noqa: S608 - names from the model
            f"WHERE {quote('voter_key')} = %s AND {quote('comment_id')} IN ({', '.join(['%s'] * count)})")


def _mine(request: HttpRequest, ids: tuple[int, ...]) -> list[int]:
    """This reader's comments on the page that they may still change (their edit tokens), newest first."""
    on_page = set(ids)
    return [cid for cid in sorted(reader_from_request(request).edit_tokens, reverse=True) if cid in on_page]
