"""Server-rendered HTML for comments: the page fragment (cached per thread version) and single comments.

The fragment holds nothing specific to one reader (no CSRF token, no "your comment" marks), so it can be cached
for the thread's version and reused for everyone; per-reader parts are rendered around it.
"""

from __future__ import annotations

import functools
import hashlib
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any

from django.core.cache import BaseCache, caches
from django.template.loader import get_template, render_to_string
from django.utils.safestring import SafeString

from masthead.discussion.models import Comment, Thread
from masthead.discussion.pages import SORTS, Page, load_page

TEMPLATES = Path(__file__).parent / "templates"
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


COMMENT_TEMPLATE = "discussion/_comment.html"


def comment_html(comment: Comment) -> str:
    """One comment as it appears in a thread (used by the API and live events)."""
    return render_to_string(COMMENT_TEMPLATE, {"c": comment})


# A comment's HTML is kept per process, so a page whose thread changed (a new comment, a vote) re-renders only the
# comments that changed, not all of them: with posts arriving every second the hot article's discussion was
# rendered from scratch each second in every process, and that render shared the GIL with the posts. The key is
# the comment's whole row (every concrete field, long texts as digests), the whole row of the comment it answers
# and the template as loaded: a field added to the model or shown by the template can never be served stale.
# Bounded by count (each key holds a row's values: about 1 kB) and by the characters of the HTML held (a comment's
# HTML is 1-2 kB, a long one ten times that): together under about 2.5 MB per process.
SHOWN_CACHE_ENTRIES = 1000
SHOWN_CACHE_CHARS = 1_500_000
_shown: OrderedDict[tuple[object, ...], SafeString] = OrderedDict()
_shown_chars = [0]  # the characters of the HTML in _shown (a list: updated in place under the lock)
_shown_lock = threading.Lock()
_DIGESTED = frozenset({"body", "body_html", "quote", "moderation_reasons"})
_NOT_LOADED = object()


@functools.cache
def _columns(model: type[Comment]) -> tuple[tuple[str, bool], ...]:
    """Every concrete field's attribute name, and whether its value is keyed by a digest."""
    return tuple((field.attname, field.name in _DIGESTED) for field in model._meta.concrete_fields)


def _row_key(row: Comment) -> tuple[object, ...]:
    # A field the page query did not load (absent from the instance) is left out: the template cannot show it
    # without a query per comment (the query-count tests would fail), and once the query loads it, it is keyed.
    loaded = row.__dict__
    values: list[object] = []
    for attname, digested in _columns(type(row)):
        value = loaded.get(attname, _NOT_LOADED)
        if digested or isinstance(value, (list, dict)):
            # A digest, not a second copy of every text in memory (and lists/dicts are not hashable).
            value = hashlib.blake2b(repr(value).encode(), digest_size=16).digest()
        values.append(value)
    return tuple(values)


def _shown_key(comment: Comment) -> tuple[object, ...]:
    template = get_template(COMMENT_TEMPLATE)
    # The loaded template itself (its identity: the cached loader keeps one per process, a reloaded file is a new
    # object) stands for its source; the key holds a reference, so an identity is never reused.
    loaded = getattr(template, "template", template)
    replied = comment.in_reply_to if comment.in_reply_to_id else None
    return (loaded, _row_key(comment), _row_key(replied) if replied is not None else None)


def forget_shown_comments() -> None:
    """Drop this process's copies (erasure: a copy is never shown once its author's name changed, since the name
    is part of its key, but it should not stay in memory either)."""
    with _shown_lock:
        _shown.clear()
        _shown_chars[0] = 0


def shown_comment_html(comment: Comment) -> SafeString:
    """``comment_html``, from this process's copy when nothing the template shows has changed."""
    key = _shown_key(comment)
    with _shown_lock:
        held = _shown.get(key)
        if held is not None:
            _shown.move_to_end(key)
            return held
    html = SafeString(get_template(COMMENT_TEMPLATE).render({"c": comment}))  # autoescaped already
    if len(html) > SHOWN_CACHE_CHARS:
        return html  # larger than the whole bound: never kept
    with _shown_lock:
        replaced = _shown.pop(key, None)
        _shown_chars[0] += len(html) - (len(replaced) if replaced is not None else 0)
        _shown[key] = html
        while len(_shown) > SHOWN_CACHE_ENTRIES or _shown_chars[0] > SHOWN_CACHE_CHARS:
            _oldest, dropped = _shown.popitem(last=False)
            _shown_chars[0] -= len(dropped)
    return html


def root_html(comment: Comment) -> str:
    """A new top-level comment with its (empty) reply list, ready to prepend to the list."""
    return render_to_string("discussion/_root.html", {"item": {"root": comment, "replies": []}})


def posted_comment_html(comment: Comment) -> str:
    """A comment just posted, as its live event and the poster's answer both show it: rendered once per post, kept
    on the instance (the two used to render it each). Only for the comment of a post request, which nothing
    changes between the two."""
    html: str | None = comment.__dict__.get("_posted_html")
    if html is None:
        html = comment.__dict__["_posted_html"] = root_html(comment) if comment.depth == 0 else comment_html(comment)
    return html


@functools.cache
def templates_digest() -> str:
    """A digest of this app's templates as Django loads them (an override in the site's templates included): cached
    pages are keyed by it, so a deploy that changes how comments look never reads pages rendered before it, even
    from a cache shared with servers still on the old version. Computed once per process."""
    digest = hashlib.blake2b(digest_size=8)
    for path in sorted(TEMPLATES.rglob("*.html")):
        name = path.relative_to(TEMPLATES).as_posix()
        loaded: Any = get_template(name)  # the backend's wrapper; its .template is Django's own Template
        source: str = getattr(loaded, "template", loaded).source
        digest.update(name.encode() + b"\0" + source.encode() + b"\0")
    return digest.hexdigest()


def first_page_key(thread_id: int, sort: str, pages: int) -> str:
    """One key per thread, sort and length (under the templates' digest): the entry holds the thread version and
    page size it was rendered for, so a reader of another version renders it again and overwrites it; nothing is
    left under old versions' keys, and erasure deletes exactly the keys a thread can have."""
    return f"discussion:first:{templates_digest()}:{thread_id}:{sort}:{pages}"


def fragment_cache() -> BaseCache:
    """Where rendered first pages are kept (settings.CACHES["fragments"]: bounded apart from small values)."""
    return caches["fragments"]


def first_page_keys(thread_id: int) -> list[str]:
    """Every cache key a thread's first pages may sit under (erasure deletes them all: purge, not wait)."""
    return [first_page_key(thread_id, sort, pages) for sort in SORTS for pages in range(1, MAX_EXPANDED_PAGES + 1)]


def forget_first_pages(thread_ids: list[int]) -> None:
    fragment_cache().delete_many([key for thread_id in thread_ids for key in first_page_keys(thread_id)])


def first_page(thread: Thread, sort: str, page_size: int, base_url: str, pages: int = 1) -> tuple[str, list[int]]:
    """The top ``pages`` pages' HTML and comment ids, cached under the thread's version."""
    key = first_page_key(thread.pk, sort, pages)
    cached = fragment_cache().get(key)
    if cached is not None and cached[2:] == (base_url, thread.version, page_size):
        return cached[0], cached[1]
    page = load_page(thread.pk, sort, None, page_size * pages)
    html = page_html(page, thread, base_url, is_first=True, expanded=pages)
    ids = page.comment_ids
    fragment_cache().set(key, (html, ids, base_url, thread.version, page_size), timeout=FRAGMENT_TIMEOUT)
    return html, ids
