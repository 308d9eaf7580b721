"""Server-rendered HTML for comments: the page fragment (cached per thread version) and single comments.

The fragment holds nothing specific to one reader (no CSRF token, no "your comment" marks), so it can be cached
under the thread's version and reused for everyone; per-reader parts are rendered around it.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict

from django.core.cache import BaseCache, caches
from django.template.loader import get_template, render_to_string
from django.utils.safestring import SafeString

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


# Every field _comment.html shows. A comment's HTML is kept per process under these values, so a page whose
# thread changed (a new comment, a vote) re-renders only the comments that changed, not all of them: with
# posts arriving every second the hot article's discussion was rendered from scratch each second in every
# process, and that render shared the GIL with the posts.
_SHOWN = ("id", "status", "depth", "parent_id", "author_name", "author_website", "in_reply_to_id", "created_at",
          "edited_at", "quote", "body_html", "upvotes", "downvotes", "score", "reply_count")
SHOWN_CACHE_ENTRIES = 1000  # about 1.5 kB each, enough for the pages read this minute: under 2 MB per process
_shown: OrderedDict[tuple[object, ...], SafeString] = OrderedDict()
_shown_lock = threading.Lock()


def _shown_key(comment: Comment) -> tuple[object, ...]:
    replied = comment.in_reply_to if comment.in_reply_to_id else None
    answered = (replied.status, replied.author_name) if replied is not None else None
    values = [getattr(comment, name) for name in _SHOWN]
    # The key keeps a digest of the body rather than the body itself (no second copy of every text in memory).
    values[_SHOWN.index("body_html")] = hashlib.blake2b(comment.body_html.encode(), digest_size=16).digest()
    return (FRAGMENT_VERSION, answered, *values)


def forget_shown_comments() -> None:
    """Drop this process's copies (erasure: a copy is never shown once its author's name changed, since the name
    is part of its key, but it should not stay in memory either)."""
    with _shown_lock:
        _shown.clear()


def shown_comment_html(comment: Comment) -> SafeString:
    """``comment_html``, from this process's copy when nothing the template shows has changed."""
    key = _shown_key(comment)
    with _shown_lock:
        held = _shown.get(key)
        if held is not None:
            _shown.move_to_end(key)
            return held
    html = SafeString(get_template("discussion/_comment.html").render({"c": comment}))  # autoescaped already
    with _shown_lock:
        _shown[key] = html
        while len(_shown) > SHOWN_CACHE_ENTRIES:
            _shown.popitem(last=False)
    return html


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
