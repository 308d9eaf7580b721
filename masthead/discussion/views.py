"""Plain-form views (they work without JavaScript), the HTML fragments the script fetches, and the live stream.

Each view is thin: parse, call one action inside a transaction, redirect back to the comment's anchor.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from masthead.core.errors import answer_headers
from masthead.core.live import event_stream, sse_response
from masthead.discussion.actions import (
    DiscussionError,
    NewComment,
    check_can_modify,
    check_thread_readable,
    do_delete_comment,
    do_edit_comment,
    do_vote,
    submit_comment,
    thread_channel,
    with_form_key,
)
from masthead.discussion.config import discussion_settings
from masthead.discussion.models import Comment, Thread
from masthead.discussion.pages import Cursor, CursorError, load_page, normalize_sort, small_id
from masthead.discussion.readers import Reader, reader_from_request, remember_reader
from masthead.discussion.render import page_html


def _article_url(thread: Thread) -> str:
    if thread.article is None:
        raise Http404("No such discussion")
    return thread.article.get_absolute_url()


def _back(thread: Thread, sort: str, anchor: str) -> HttpResponseRedirect:
    # ``seen`` makes the address new after each change, so a browser fetches the article page afresh instead of
    # revalidating its copy from before the change (whose ETag now also follows votes, edits and, with this
    # reader's messages waiting, is never matched: core/personal_parts.reader_etag).
    return HttpResponseRedirect(
        f"{_article_url(thread)}?sort={normalize_sort(sort)}&seen={secrets.token_hex(4)}#{anchor}"
    )


def _int_or_none(raw: str) -> int | None:
    raw = raw.strip()
    if not raw:
        return None
    value = small_id(raw)
    if value is None:
        raise DiscussionError("Malformed comment reference.", 400, "bad_parent")
    return value


def _form_error(request: HttpRequest, thread: Thread, error: DiscussionError) -> HttpResponse:
    response = render(
        request,
        "discussion/form_error.html",
        {"error": error.message, "article_url": _article_url(thread), "data": request.POST},
        status=error.status,
    )
    answer_headers(response, error)
    return response


@require_POST
def post_comment(request: HttpRequest, thread_id: int) -> HttpResponse:
    thread = get_object_or_404(Thread.objects.select_related("article"), pk=thread_id)
    reader = reader_from_request(request)
    form = request.POST
    try:
        data = NewComment(
            body=form.get("body", ""),
            author_name=form.get("author_name", ""),
            author_email=form.get("author_email", ""),
            author_website=form.get("author_website", ""),
            parent_id=_int_or_none(form.get("parent", "")),
            quote=form.get("quote", ""),
            idempotency_key=form.get("idempotency_key", ""),
        )
        if not data.idempotency_key:  # without JavaScript: a double click or a resent form posts once
            data = with_form_key(thread, reader, data, timezone.now())
        result = submit_comment(thread, reader, data)  # checks, then its own short transaction
    except DiscussionError as error:
        return _form_error(request, thread, error)
    comment = result.comment
    if comment.status == Comment.Status.VISIBLE:
        response = _back(thread, form.get("sort", ""), f"comment-{comment.pk}")
    else:
        messages.info(request, "Thank you. Your comment is waiting for review and will appear once approved.")
        response = _back(thread, form.get("sort", ""), "comments")
    remember_reader(response, reader, secure=settings.SESSION_COOKIE_SECURE)
    return response


@require_POST
def vote(request: HttpRequest, thread_id: int) -> HttpResponse:
    """Vote buttons without JavaScript: ``vote=<comment id>:<1|-1>``; the same vote again withdraws it."""
    thread = get_object_or_404(Thread.objects.select_related("article"), pk=thread_id)
    reader = reader_from_request(request)
    raw = request.POST.get("vote", "")
    comment_part, _, value_part = raw.partition(":")
    comment_id = small_id(comment_part)
    if comment_id is None or value_part not in ("1", "-1"):
        return HttpResponse("Malformed vote.", status=400, content_type="text/plain")
    comment = get_object_or_404(Comment, pk=comment_id, thread=thread)
    try:
        with transaction.atomic():
            do_vote(comment, reader, int(value_part), toggle=True)
    except DiscussionError as error:
        messages.error(request, error.message)
    response = _back(thread, request.POST.get("sort", ""), f"comment-{comment.pk}")
    remember_reader(response, reader, secure=settings.SESSION_COOKIE_SECURE)
    return response


@require_GET
def fragment(request: HttpRequest, thread_id: int) -> HttpResponse:
    """A page of comments as HTML, for the script's sort switch and "load more"."""
    thread = get_object_or_404(Thread.objects.select_related("article"), pk=thread_id)
    try:
        check_thread_readable(thread)
    except DiscussionError as error:
        raise Http404(error.message) from None
    sort = normalize_sort(request.GET.get("sort"))
    after = None
    if request.GET.get("after"):
        try:
            after = Cursor.decode(request.GET["after"])
        except CursorError:
            return HttpResponse("Malformed cursor.", status=400, content_type="text/plain")
    size = discussion_settings().page_size
    # The thread version changes with everything the fragment shows, so it makes an exact validator.
    etag = f'"{thread.pk}-{thread.version}-{sort}-{after.encode() if after else ""}-{size}"'
    not_modified = get_conditional_response(request, etag=etag)
    if not_modified is not None:
        return not_modified
    page = load_page(thread.pk, sort, after, size)
    response = HttpResponse(page_html(page, thread, _article_url(thread), is_first=after is None))
    response["Cache-Control"] = "no-cache"
    response["ETag"] = etag
    return response


@event_stream
@require_GET
async def events(request: HttpRequest, thread_id: int) -> StreamingHttpResponse:
    """Server-sent events for one thread: each new visible comment, as rendered HTML."""
    if not await Thread.objects.filter(pk=thread_id).aexists():
        raise Http404("No such discussion")
    return sse_response(thread_channel(thread_id))


def _own_comment(request: HttpRequest, comment_id: int) -> tuple[Comment, Reader]:
    comment = get_object_or_404(Comment.objects.select_related("thread__article"), pk=comment_id)
    reader = reader_from_request(request)
    check_can_modify(comment, reader)
    return comment, reader


@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, comment_id: int) -> HttpResponse:
    try:
        comment, reader = _own_comment(request, comment_id)
        if request.method == "POST":
            with transaction.atomic():
                comment = do_edit_comment(comment, reader, request.POST.get("body", ""))
            if comment.status != Comment.Status.VISIBLE:
                messages.info(request, "Your edited comment is waiting for review.")
            return _back(comment.thread, "", f"comment-{comment.pk}")
    except DiscussionError as error:
        return render(request, "discussion/refused.html", {"error": error.message}, status=error.status)
    return render(request, "discussion/edit.html", {"comment": comment,
                                                    "article_url": _article_url(comment.thread)})


@require_http_methods(["GET", "POST"])
def delete(request: HttpRequest, comment_id: int) -> HttpResponse:
    try:
        comment, reader = _own_comment(request, comment_id)
        if request.method == "POST":
            with transaction.atomic():
                do_delete_comment(comment, reader)
            messages.info(request, "Your comment was deleted.")
            return _back(comment.thread, "", "comments")
    except DiscussionError as error:
        return render(request, "discussion/refused.html", {"error": error.message}, status=error.status)
    return render(request, "discussion/delete.html", {"comment": comment,
                                                      "article_url": _article_url(comment.thread)})
