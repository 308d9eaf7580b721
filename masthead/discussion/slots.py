"""Named places in the discussion section that other apps fill, without editing discussion templates.

``notify_of`` (the [notifications] "Notify of" control) and ``filters`` (the [passages] "Inline feedback"
filter). An app registers a renderer in its ``AppConfig.ready``; each receives the request and the thread
and returns safe HTML (use ``render_to_string`` with an autoescaping template); ``thread.article`` is
loaded already.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from django.http import HttpRequest
from django.utils.safestring import SafeString, mark_safe

if TYPE_CHECKING:
    from masthead.discussion.models import Thread

SLOT_NAMES = ("notify_of", "filters")
_renderers: dict[str, list[Callable[[HttpRequest, Thread], str]]] = {name: [] for name in SLOT_NAMES}


def register_slot(name: str, renderer: Callable[[HttpRequest, Thread], str]) -> None:
    if name not in _renderers:
        raise ValueError(f"unknown discussion slot {name!r}; known: {', '.join(SLOT_NAMES)}")
    _renderers[name].append(renderer)


def render_slots(request: HttpRequest, thread: Thread) -> dict[str, SafeString]:
    return {
        name: mark_safe("".join(render(request, thread) for render in renderers))
        for name, renderers in _renderers.items()
    }
