"""Server-rendered HTML for comments: the page fragment (cached per thread version) and single comments.

The fragment holds nothing specific to one reader (no CSRF token, no "your comment" marks), so it can be cached
under the thread's version and reused for everyone; per-reader parts are rendered around it.
"""

from __future__ import annotations

from django.core.cache import BaseCache, caches
from django.template.loader import render_to_string

from masthead.discussion.models import Comment, Thread
from masthead.discussion.pages import Page, load_page

FRAGMENT_VERSION = 1  # bump when the comment templates change shape
FRAGMENT_TIMEOUT = 3600


MAX_EXPANDED_PAGES = 10  # "View all comments" without JavaScript grows the first page this far, then pages on


def _more_url(page: Page, base_url: str, expanded: int | None) -> str | None:
    """Where "View all comments" / "Load more" leads without JavaScript (the script uses the cursor instead).

    From the top of the thread the link expands the list (``pages=N+1``, landing on the last comment already
    read); past ``MAX_EXPANDED_PAGES``, or from a cursor page, it moves on with the cursor.
    """
    if page.next_cursor is None:
        return None
    if expanded is not None and expanded < MAX_EXPANDED_PAGES and page.threads:
        return f"{base_url}?sort={page.sort}&pages={expanded + 1}#comment-{page.threads[-1].root.pk}"
    return f"{base_url}?sort={page.sort}&after={page.next_cursor}#comments"


def page_html(page: Page, thread: Thread, base_url: str, *, is_first: bool, expanded: int | None = None) -> str:
    """``expanded``: how many pages from the top this one holds (None for a page after a cursor)."""
    return render_to_string(
        "discussion/_page.html",
        {
            "page": page,
            "thread": thread,
            "is_first": is_first,
            "more_url": _more_url(page, base_url, expanded),
            "more_label": "View all comments" if is_first and (expanded or 1) == 1 else "Load more comments",
        },
    )


def comment_html(comment: Comment) -> str:
    """One comment as it appears in a thread (used by the API and live events)."""
    return render_to_string("discussion/_comment.html", {"c": comment})


def root_html(comment: Comment) -> str:
    """A new top-level comment with its (empty) reply list, ready to prepend to the list."""
    return render_to_string("discussion/_root.html", {"item": {"root": comment, "replies": []}})


def first_page_key(thread_id: int, version: int, sort: str, page_size: int, pages: int) -> str:
    return f"discussion:first:{FRAGMENT_VERSION}:{thread_id}:{version}:{sort}:{page_size}:{pages}"


def fragment_cache() -> BaseCache:
    """Where rendered first pages are kept (settings.CACHES["fragments"]: bounded apart from small values)."""
    return caches["fragments"]


def first_page_keys(thread_id: int, versions: range, page_size: int) -> list[str]:
    """Every cache key a thread's first pages may sit under for these versions (for erasure: purge, not wait)."""
    from masthead.discussion.pages import SORTS

    return [
        first_page_key(thread_id, version, sort, page_size, pages)
        for version in versions
        for sort in SORTS
        for pages in range(1, MAX_EXPANDED_PAGES + 1)
    ]


def first_page(thread: Thread, sort: str, page_size: int, base_url: str, pages: int = 1) -> tuple[str, list[int]]:
    """The top ``pages`` pages' HTML and comment ids, cached under the thread's version."""
    key = first_page_key(thread.pk, thread.version, sort, page_size, pages)
    cached = fragment_cache().get(key)
    if cached is not None and cached[2] == base_url:
        return cached[0], cached[1]
    page = load_page(thread.pk, sort, None, page_size * pages)
    html = page_html(page, thread, base_url, is_first=True, expanded=pages)
    ids = page.comment_ids
    fragment_cache().set(key, (html, ids, base_url), timeout=FRAGMENT_TIMEOUT)
    return html, ids
