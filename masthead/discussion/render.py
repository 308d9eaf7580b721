"""Server-rendered HTML for comments: the page fragment (cached per thread version) and single comments.

The fragment holds nothing specific to one reader (no CSRF token, no "your comment" marks), so it can be cached
under the thread's version and reused for everyone; per-reader parts are rendered around it.
"""

from __future__ import annotations

from django.core.cache import cache
from django.template.loader import render_to_string

from masthead.discussion.models import Comment, Thread
from masthead.discussion.pages import Page, load_page

FRAGMENT_VERSION = 1  # bump when the comment templates change shape
FRAGMENT_TIMEOUT = 3600


def page_html(page: Page, thread: Thread, base_url: str, *, is_first: bool) -> str:
    return render_to_string(
        "discussion/_page.html", {"page": page, "thread": thread, "base_url": base_url, "is_first": is_first}
    )


def comment_html(comment: Comment) -> str:
    """One comment as it appears in a thread (used by the API and live events)."""
    return render_to_string("discussion/_comment.html", {"c": comment})


def root_html(comment: Comment) -> str:
    """A new top-level comment with its (empty) reply list, ready to prepend to the list."""
    return render_to_string("discussion/_root.html", {"item": {"root": comment, "replies": []}})


def first_page(thread: Thread, sort: str, limit: int, base_url: str) -> tuple[str, list[int]]:
    """The first page's HTML and its comment ids, cached under the thread's version."""
    key = f"discussion:first:{FRAGMENT_VERSION}:{thread.pk}:{thread.version}:{sort}:{limit}"
    cached = cache.get(key)
    if cached is not None and cached[2] == base_url:
        return cached[0], cached[1]
    page = load_page(thread.pk, sort, None, limit)
    html = page_html(page, thread, base_url, is_first=True)
    ids = page.comment_ids
    cache.set(key, (html, ids, base_url), timeout=FRAGMENT_TIMEOUT)
    return html, ids
