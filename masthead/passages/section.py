"""HTML for the article page and the discussion: the passage marks' data, the "Inline feedback" filter and list.

Everything a reader wrote is rendered through autoescaping templates; comment bodies are the discussion's own
sanitized HTML (``discussion.render.comment_html``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from masthead.discussion.models import Thread
from masthead.passages import reading

if TYPE_CHECKING:
    from masthead.publishing.models import Article


def render_filter(request: HttpRequest, thread: Thread) -> str:
    """The discussion's filters slot: an "Inline feedback (N)" toggle, when there is any."""
    if not isinstance(thread, Thread) or thread.article_id is None:
        return ""
    count = reading.feedback_count(thread)
    if not count:
        return ""
    active = request.GET.get("filter") == "inline"
    return render_to_string(
        "passages/_filter.html",
        {"count": count, "active": active, "article_id": thread.article_id, "thread": thread},
    )


def render_marks(request: HttpRequest | None, article: Article) -> SafeString:
    user = getattr(request, "user", None)
    staff = bool(user is not None and user.is_authenticated and user.is_staff)
    data = dict(reading.marks(article))
    data.update({
        "article": article.pk,
        "api": f"/api/passages/articles/{article.pk}",
        "anchors_api": "/api/passages/anchors",
        "signed_in": bool(user is not None and user.is_authenticated),
        "staff": staff,
        "open": bool(article.discussion_open),
    })
    return mark_safe(render_to_string("passages/_marks.html", {"data": data, "article": article}, request=request))


def render_feedback(request: HttpRequest | None, thread: Thread, *, active: bool | None = None) -> SafeString:
    """The server-rendered "Inline feedback" list (shown by ``?filter=inline`` without JavaScript)."""
    if active is None:
        active = request is not None and request.GET.get("filter") == "inline"
    items = reading.feedback_items(thread)
    return mark_safe(render_to_string(
        "passages/_feedback.html", {"items": items, "active": active, "thread": thread}, request=request
    ))
