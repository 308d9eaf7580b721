"""The discussion's JSON API (django-ninja): list, post, edit, delete, vote, counts. Thin over ``actions``.

Writes are authenticated by the reader's cookies, so every write checks CSRF with the site's policy
(masthead.core.csrf: Sec-Fetch-Site / Origin from browsers, else the ``X-CSRFToken`` header with the ``csrftoken``
cookie). Input schemas list only what a client may set; output schemas list every field
explicitly and never include emails, network hashes or tokens.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from django.conf import settings
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from ninja import Field, Path, Query, Router, Schema, Status
from ninja.errors import HttpError
from ninja.security import APIKeyCookie
from pydantic import ConfigDict

from masthead.core.cacheable import share_if_anonymous
from masthead.core.csrf import check_csrf
from masthead.core.json_answers import json_answer
from masthead.discussion.actions import (
    NewComment,
    check_thread_readable,
    do_delete_comment,
    do_edit_comment,
    do_vote,
    submit_comment,
)
from masthead.discussion.counts import comment_counts
from masthead.discussion.models import Comment, Thread
from masthead.discussion.pages import Cursor, CursorError, load_page
from masthead.discussion.readers import Reader, reader_from_request, remember_reader
from masthead.discussion.render import comment_html, posted_comment_html, root_html
from masthead.discussion.thread_lookup import thread_with_article

MAX_ID = 2**62
ObjectId = Annotated[int, Path(ge=1, le=MAX_ID)]


class CsrfReader(APIKeyCookie):
    """Cookie-authenticated writes: passes only the site's CSRF check, and yields the reader."""

    param_name = settings.CSRF_COOKIE_NAME

    def _get_key(self, request: HttpRequest) -> str | None:
        # ninja's own check builds Django's CsrfViewMiddleware; ours adds the tokenless browser policy.
        if not getattr(request, "_ninja_csrf_exempt", False) and check_csrf(request) is not None:
            raise HttpError(403, "CSRF check Failed")
        return request.COOKIES.get(self.param_name)

    def authenticate(self, request: HttpRequest, key: str | None) -> Reader:
        return reader_from_request(request)


router = Router(tags=["discussion"])
csrf_reader = CsrfReader()


class ErrorOut(Schema):
    detail: str
    code: str


class CommentOut(Schema):
    id: int
    parent_id: int | None
    root_id: int
    depth: int
    in_reply_to_id: int | None
    author_name: str
    author_website: str
    body_html: str
    quote: str
    status: str
    created_at: datetime
    edited_at: datetime | None
    score: int
    upvotes: int
    downvotes: int
    reply_count: int
    html: str = Field("", description="The comment rendered as on the page (for in-place insertion).")


class CommentPageOut(Schema):
    sort: str
    next: str | None
    comments: list[CommentOut]


class CommentIn(Schema):
    model_config = ConfigDict(extra="forbid")

    body: str = Field(description="Markdown (a small subset); at most 5,000 characters.")
    author_name: str = Field("", description="Guests: the name to show. Ignored for signed-in readers.")
    author_email: str = Field("", description="Guests: optional, never shown.")
    author_website: str = Field("", description="Guests: optional http(s) address.")
    parent_id: int | None = Field(None, ge=1, le=MAX_ID)
    quote: str = Field("", description="Part of the parent comment's text to quote.")
    idempotency_key: str = Field(
        "", description="Client-generated; a retry with the same key returns the first result."
    )


class CommentEditIn(Schema):
    model_config = ConfigDict(extra="forbid")

    body: str


class VoteIn(Schema):
    model_config = ConfigDict(extra="forbid")

    value: Literal[-1, 0, 1] = Field(description="1 up, -1 down, 0 withdraws.")


class VoteOut(Schema):
    score: int
    upvotes: int
    downvotes: int
    my_vote: int


class CountsOut(Schema):
    counts: dict[str, int]


def comment_out(comment: Comment, *, with_html: bool = False, to_author: bool = False,
                posted: bool = False) -> dict[str, Any]:
    # Others see the text of visible comments only (a held or rejected one with replies is a bare tombstone);
    # the author, answered right after posting or editing, also sees their own comment while it is held.
    shown = comment.status == Comment.Status.VISIBLE or (to_author and comment.status == Comment.Status.PENDING)
    html = ""
    if posted:  # the new comment of a post request: the HTML its live event showed (rendered once)
        html = posted_comment_html(comment)
    elif with_html:
        html = root_html(comment) if comment.depth == 0 else comment_html(comment)
    return {
        "id": comment.pk,
        "parent_id": comment.parent_id,
        "root_id": comment.root_id,
        "depth": comment.depth,
        "in_reply_to_id": comment.in_reply_to_id,
        "author_name": comment.author_name if shown else "",
        "author_website": comment.author_website if shown else "",
        "body_html": comment.body_html if shown else "",
        "quote": comment.quote if shown else "",
        "status": comment.status,
        "created_at": comment.created_at,
        "edited_at": comment.edited_at,
        "score": comment.score,
        "upvotes": comment.upvotes,
        "downvotes": comment.downvotes,
        "reply_count": comment.reply_count,
        "html": html,
    }


ERRORS = frozenset({400, 403, 404, 409, 413, 429})


@router.get("/threads/{thread_id}/comments", response=CommentPageOut)
def list_comments(
    request: HttpRequest,
    thread_id: ObjectId,
    sort: Literal["newest", "oldest", "votes"] = "newest",
    after: Annotated[str, Query(max_length=60)] = "",
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> HttpResponse:
    """A page of top-level comments in the chosen sort, each followed by its replies in display order."""
    share_if_anonymous(request)  # visible comments only: the same answer for every reader
    thread = _thread(thread_id)
    check_thread_readable(thread)  # a DiscussionError is answered by the API's handler (api/api.py)
    cursor = None
    if after:
        try:
            cursor = Cursor.decode(after)
        except CursorError:
            raise HttpError(400, "Malformed cursor.") from None
    page = load_page(thread.pk, sort, cursor, limit)
    comments = []
    for item in page.threads:
        comments.append(comment_out(item.root))
        comments.extend(comment_out(reply) for reply in item.replies)
    # Stored values in CommentPageOut's exact shape (comment_out): not validated field by field again.
    return json_answer(request, {"sort": page.sort, "next": page.next_cursor, "comments": comments})


@router.post(
    "/threads/{thread_id}/comments",
    auth=csrf_reader,
    response={200: CommentOut, 201: CommentOut, frozenset(ERRORS): ErrorOut},
)
def post_comment(request: HttpRequest, response: HttpResponse, thread_id: ObjectId, payload: CommentIn) -> Any:
    """Post a comment or a reply. 201 when created, 200 when the idempotency key replays an earlier post."""
    reader = reader_from_request(request)  # the reader csrf_reader authenticated (held on the request)
    thread = _thread(thread_id)
    result = submit_comment(thread, reader, NewComment(**payload.dict()))  # checks, then its own short transaction
    remember_reader(response, reader, secure=settings.SESSION_COOKIE_SECURE)
    return Status(201 if result.created else 200, comment_out(result.comment, with_html=True, to_author=True,
                                                                posted=result.created))


def _thread(thread_id: int) -> Thread:
    thread = thread_with_article(thread_id)  # one plain query (thread_lookup)
    if thread is None:
        raise Http404("No such discussion.")
    return thread


def _comment(comment_id: int) -> Comment:
    return get_object_or_404(Comment.objects.select_related("in_reply_to"), pk=comment_id)


@router.put("/comments/{comment_id}", auth=csrf_reader, response={200: CommentOut, frozenset(ERRORS): ErrorOut})
def edit_comment(request: HttpRequest, comment_id: ObjectId, payload: CommentEditIn) -> Any:
    """Edit your own comment within the edit window (guests: the edit cookie set when posting)."""
    with transaction.atomic():
        comment = do_edit_comment(_comment(comment_id), request.auth, payload.body)  # type: ignore[attr-defined]
    return Status(200, comment_out(comment, with_html=True, to_author=True))


@router.delete("/comments/{comment_id}", auth=csrf_reader, response={200: CommentOut, frozenset(ERRORS): ErrorOut})
def delete_comment(request: HttpRequest, comment_id: ObjectId) -> Any:
    """Delete your own comment within the edit window; one with replies stays as a tombstone."""
    with transaction.atomic():
        comment = do_delete_comment(_comment(comment_id), request.auth)  # type: ignore[attr-defined]
    return Status(200, comment_out(comment))


@router.post("/comments/{comment_id}/vote", auth=csrf_reader, response={200: VoteOut, frozenset(ERRORS): ErrorOut})
def vote(request: HttpRequest, response: HttpResponse, comment_id: ObjectId, payload: VoteIn) -> Any:
    """Vote up (1) or down (-1), or withdraw (0). One vote per reader per comment; one network's guests count up to
    the publisher's allowance (403 `network_voted`), and votes are rate-limited (429 with Retry-After)."""
    reader: Reader = request.auth  # type: ignore[attr-defined]
    with transaction.atomic():
        result = do_vote(_comment(comment_id), reader, payload.value)
    remember_reader(response, reader, secure=settings.SESSION_COOKIE_SECURE)
    return Status(200, result.__dict__)


@router.get("/counts", response=CountsOut)
def counts(
    request: HttpRequest, article: Annotated[list[Annotated[int, Field(ge=1, le=MAX_ID)]], Query(max_length=100)]
) -> dict[str, Any]:
    """Visible comment counts for up to 100 article ids (articles with no comments are 0)."""
    found = comment_counts(article)
    return {"counts": {str(article_id): found.get(article_id, 0) for article_id in article}}
