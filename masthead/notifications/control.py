"""The "Notify of" control, rendered into the discussion section's ``notify_of`` slot and by the template tag."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

if TYPE_CHECKING:
    from masthead.discussion.models import Thread


def render_control(request: HttpRequest | None, thread: Thread) -> SafeString:
    """Nothing personal goes in here: the article page is cached by ETag. ``?notify=replies`` (a link on a comment,
    ``href="?notify=replies#notify-of"``) preselects "replies to my comments"; it is part of the URL, so of the cache
    key too."""
    wanted = request.GET.get("notify") if request is not None else None
    context = {"thread": thread, "replies_first": wanted == "replies"}
    return mark_safe(render_to_string("notifications/control.html", context, request=request))
