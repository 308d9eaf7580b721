"""The passages JSON API (django-ninja), thin over ``actions`` and ``reading``. Registered at /api/passages/.

Writes are cookie-authenticated like the discussion's, so they need the CSRF header. Input schemas accept only
what a client may set; an anchor is checked against the article's text (forged quotes, offsets or context are
refused with 400). Output never includes emails, network data or tokens.
"""

from __future__ import annotations

from typing import Annotated, Any

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from ninja import Field, Path, Router, Schema, Status
from ninja.errors import HttpError
from pydantic import ConfigDict

from masthead.discussion.actions import NewComment, thread_for_article
from masthead.discussion.api import CommentOut, ErrorOut, comment_out, csrf_reader
from masthead.discussion.readers import reader_from_request, remember_reader
from masthead.discussion.render import comment_html
from masthead.passages import actions, reading
from masthead.passages.anchoring import MAX_QUOTE
from masthead.passages.models import PassageAnchor
from masthead.passages.section import render_feedback
from masthead.publishing.models import Article

MAX_ID = 2**62
ObjectId = Annotated[int, Path(ge=1, le=MAX_ID)]
ERRORS = frozenset({400, 403, 404, 409, 413, 429})
router = Router(tags=["passages"])


class AnchorIn(Schema):
    model_config = ConfigDict(extra="forbid")

    revision: int = Field(ge=1, le=MAX_ID, description="The article revision the offsets refer to.")
    exact: str = Field(min_length=1, max_length=MAX_QUOTE, description="TextQuoteSelector.exact")
    prefix: str = Field("", max_length=64, description="TextQuoteSelector.prefix (up to 32 characters)")
    suffix: str = Field("", max_length=64, description="TextQuoteSelector.suffix (up to 32 characters)")
    start: int = Field(ge=0, le=10_000_000, description="TextPositionSelector.start (code points)")
    end: int = Field(ge=1, le=10_000_000, description="TextPositionSelector.end (code points)")


class PassageCommentIn(Schema):
    model_config = ConfigDict(extra="forbid")

    anchor: AnchorIn
    body: str = Field(description="Markdown (a small subset); at most 5,000 characters.")
    author_name: str = ""
    author_email: str = ""
    author_website: str = ""
    idempotency_key: str = ""
    question_id: int | None = Field(None, ge=1, le=MAX_ID)


class QuestionIn(Schema):
    model_config = ConfigDict(extra="forbid")

    anchor: AnchorIn
    text: str = Field(max_length=2000)


class PassageOut(Schema):
    id: int
    start: int
    end: int
    quote: str
    original_quote: str
    status: str
    revision: int


class PassageCommentOut(Schema):
    comment: CommentOut
    passage: PassageOut


class QuestionOut(Schema):
    id: int
    text: str
    passage: PassageOut


class MarkOut(Schema):
    id: int
    start: int
    end: int
    quote: str
    count: int
    comments: list[int]
    changed: bool
    question: dict[str, Any] | None


class OrphanOut(Schema):
    quote: str
    comments: list[int]


class MarksOut(Schema):
    revision: int
    text_length: int
    text_check: int
    passages: list[MarkOut]
    orphaned: list[OrphanOut]


class SpanCommentOut(Schema):
    id: int
    html: str


class SpanOut(Schema):
    quote: str
    changed: bool
    orphaned: bool
    question: dict[str, Any] | None
    comments: list[SpanCommentOut]


class FeedbackOut(Schema):
    count: int
    html: str


def _passage(anchor: PassageAnchor) -> dict[str, Any]:
    return {
        "id": anchor.pk, "start": anchor.start, "end": anchor.end, "quote": anchor.exact,
        "original_quote": anchor.original_exact, "status": anchor.status, "revision": anchor.revision,
    }


def _live_article(article_id: int) -> Article:
    article = get_object_or_404(Article, pk=article_id)
    if not article.is_live:
        raise HttpError(404, "No such article.")
    return article


@router.get("/articles/{article_id}/passages", response=MarksOut)
def passages(request: HttpRequest, article_id: ObjectId) -> dict[str, Any]:
    """The marked passages of an article's current revision, with comment counts."""
    return reading.marks(_live_article(article_id))


@router.get("/articles/{article_id}/feedback", response=FeedbackOut)
def feedback(request: HttpRequest, article_id: ObjectId) -> dict[str, Any]:
    """The "Inline feedback" list: passage comments with their quotes, newest first, as page HTML."""
    thread = thread_for_article(_live_article(article_id))
    return {"count": reading.feedback_count(thread), "html": str(render_feedback(request, thread, active=True))}


@router.get("/anchors/{anchor_id}/comments", response=SpanOut)
def anchor_comments(request: HttpRequest, anchor_id: ObjectId) -> dict[str, Any]:
    """The visible comments on a marked passage (every comment on the same span), as page HTML."""
    anchor = get_object_or_404(PassageAnchor.objects.select_related("article"), pk=anchor_id)
    if not anchor.article.is_live:
        raise HttpError(404, "No such passage.")
    question = getattr(anchor, "asked", None) if anchor.comment_id is None else None
    if question is None and not anchor.is_orphaned:
        asked = PassageAnchor.objects.filter(
            article_id=anchor.article_id, start=anchor.start, end=anchor.end, comment__isnull=True,
            asked__is_open=True,
        ).select_related("asked").first()
        question = asked.asked if asked is not None else None

    return {
        "quote": anchor.exact if not anchor.is_orphaned else anchor.original_exact,
        "changed": anchor.passage_changed,
        "orphaned": anchor.is_orphaned,
        "question": {"id": question.pk, "text": question.text} if question is not None else None,
        "comments": [
            {"id": c.pk, "html": comment_html(c).replace('id="comment-', 'id="passage-comment-', 1)}
            for c in reading.span_comments(anchor)
        ],
    }


@router.post(
    "/articles/{article_id}/comments",
    auth=csrf_reader,
    response={200: PassageCommentOut, 201: PassageCommentOut, ERRORS: ErrorOut},
)
def post_passage_comment(
    request: HttpRequest, response: HttpResponse, article_id: ObjectId, payload: PassageCommentIn
) -> Any:
    """Comment on a passage: a discussion comment plus its anchor, in one transaction (201; 200 on a replay)."""
    reader = reader_from_request(request)  # the reader csrf_reader authenticated (held on the request)
    article = _live_article(article_id)
    data = payload.dict()
    anchor = actions.AnchorData(**data.pop("anchor"))
    question_id = data.pop("question_id")
    with transaction.atomic():  # a PassageError is answered by the API's handler (api/api.py)
        result = actions.do_post_passage_comment(article, reader, anchor, NewComment(**data), question_id)
    remember_reader(response, reader, secure=settings.SESSION_COOKIE_SECURE)
    body = {
        "comment": comment_out(result.post.comment, with_html=True, to_author=True),
        "passage": _passage(result.anchor),
    }
    return Status(201 if result.post.created else 200, body)


@router.post("/articles/{article_id}/questions", auth=csrf_reader, response={201: QuestionOut, ERRORS: ErrorOut})
def ask_question(request: HttpRequest, article_id: ObjectId, payload: QuestionIn) -> Any:
    """Editors: mark a passage and ask readers a question about it."""
    reader = reader_from_request(request)  # the reader csrf_reader authenticated (held on the request)
    article = _live_article(article_id)
    with transaction.atomic():
        question = actions.do_ask_question(
            article, reader, request.user if request.user.is_authenticated else None,
            actions.AnchorData(**payload.anchor.dict()), payload.text
        )
    return Status(201, {"id": question.pk, "text": question.text, "passage": _passage(question.anchor)})
