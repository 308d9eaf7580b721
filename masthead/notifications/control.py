"""The "Notify of" control, rendered into the discussion section's ``notify_of`` slot and by the template tag."""

from __future__ import annotations

from typing import Any

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe


def render_control(request: Any, thread: Any) -> SafeString:
    # The same markup for every reader: the article page is cached by ETag, so nothing personal goes in here.
    return mark_safe(render_to_string("notifications/control.html", {"thread": thread}, request=request))
