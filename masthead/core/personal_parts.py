"""A page rendered once per version for many readers, with each reader's own parts filled in per request.

A signed-in reader's article page differs from every other signed-in reader's only in a few small parts: the
CSRF token of its forms, the idempotency key of the comment form, the reader's votes and recent comments, their
flash messages. Rendering the whole page for each of them (the article, its related list, the first page of
comments) cost most of the time of such a request. Instead the page is rendered once as a *skeleton*, in which
each personal part is a marker, kept per process for its version (publishing/views.py), and each request fills
the markers for its own reader.

The code that renders a personal part calls ``personal_part(request, filler)``: on an ordinary render it returns
``filler(request)``; while a skeleton is being built it records the filler and returns a marker in its place.
A filler must take everything personal from the request it is given, never from what it captured when the
skeleton was built (it may capture what every reader of the page shares: the ids of the comments shown).
Markers are letters and digits only, so escaping leaves them intact, and carry a random number drawn per process,
so no text a reader could have written (a comment) can contain one. CSRF tokens are found after the render: the
token inputs that Django's ``{% csrf_token %}`` wrote for the building request become markers too, so any
template's form is covered.

Such a page's ETag (``reader_etag``) is its version's and what its personal parts are read from in the request:
the account, the personal cookies (session, guest identity, edit tokens) and the CSRF secret. A page with flash
messages waiting is answered whole and without an ETag: the messages are shown once, so neither the copy that
showed them nor one from before may be revalidated as current.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from django.contrib import messages
from django.http import HttpRequest
from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_SECRET_LENGTH, get_token

from masthead.core.cacheable import personal_cookie_names

Filler = Callable[[HttpRequest], str]
T = TypeVar("T")

_PROCESS_NONCE = secrets.token_hex(12)
_CSRF_INPUT = re.compile(r'<input type="hidden" name="csrfmiddlewaretoken" value="([A-Za-z0-9]{64})">')
_CSRF_NAME = "csrf"


_CSRF_INDEX = {char: index for index, char in enumerate(CSRF_ALLOWED_CHARS)}
_UNBIASED = 256 - 256 % len(CSRF_ALLOWED_CHARS)  # random bytes below this map evenly onto the characters


def _random_chars(count: int) -> str:
    chars: list[str] = []
    while len(chars) < count:
        chars += [CSRF_ALLOWED_CHARS[byte % len(CSRF_ALLOWED_CHARS)]
                  for byte in secrets.token_bytes(count + 16) if byte < _UNBIASED]
    return "".join(chars[:count])


def csrf_token(request: HttpRequest) -> str:
    """Django's ``get_token`` (the same side effect: the cookie is sent again; the same masked format), with the
    mask drawn in one call to the system's random source rather than one per character (32), which was most of a
    filled page's time. A request without a valid secret yet gets Django's own (it sets a new cookie)."""
    secret = request.META.get("CSRF_COOKIE")
    if not isinstance(secret, str) or len(secret) != CSRF_SECRET_LENGTH or not all(c in _CSRF_INDEX for c in secret):
        return get_token(request)
    request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True
    mask = _random_chars(CSRF_SECRET_LENGTH)
    size = len(CSRF_ALLOWED_CHARS)
    pairs = zip(secret, mask, strict=True)
    return mask + "".join(CSRF_ALLOWED_CHARS[(_CSRF_INDEX[x] + _CSRF_INDEX[y]) % size] for x, y in pairs)


def _marker(index: int | str) -> str:
    return f"mhpersonal{_PROCESS_NONCE}x{index}x"


_MARKER = re.compile(f"mhpersonal{_PROCESS_NONCE}x([a-z0-9]+)x")


@dataclass
class Skeleton:
    """A page with markers where its personal parts go, and how to fill each one."""

    fillers: list[Filler] = field(default_factory=list)
    # The page split once at its markers: shared text, then (marker key, shared text) pairs, so that a fill joins
    # pieces instead of searching the whole page (~55 kB) for markers on every request.
    pieces: list[str] = field(default_factory=list)

    def add(self, filler: Filler) -> str:
        self.fillers.append(filler)
        return _marker(len(self.fillers) - 1)

    def finish(self, html: str) -> None:
        """Take the rendered page: the token inputs ``{% csrf_token %}`` wrote become markers as well. (Only the
        template tag writes such an input: comments are sanitized HTML without forms; and were one there, each
        reader would see their own token in it, nobody else's.)"""
        text = _CSRF_INPUT.sub(lambda match: match.group(0).replace(match.group(1), _marker(_CSRF_NAME)), html)
        self.pieces = _MARKER.split(text)  # [text, key, text, key, ..., text]: the group is kept

    def fill(self, request: HttpRequest) -> str:
        """The page for this request's reader: every marker replaced by what its filler gives for them."""
        values: dict[str, str] = {}
        pieces = self.pieces
        out = [pieces[0]]
        for index in range(1, len(pieces), 2):
            key = pieces[index]
            value = values.get(key)
            if value is None:
                value = values[key] = (csrf_token(request) if key == _CSRF_NAME
                                       else self.fillers[int(key)](request))
            out.append(value)
            out.append(pieces[index + 1])
        return "".join(out)


def personal_part(request: HttpRequest | None, filler: Filler) -> str:
    """``filler(request)``, or a marker for it when ``request`` is building a skeleton."""
    skeleton: Skeleton | None = getattr(request, "_personal_skeleton", None)
    if skeleton is not None:
        return skeleton.add(filler)
    if request is None:
        return ""
    return filler(request)


def reader_etag(request: HttpRequest, page_etag: str) -> str | None:
    """The ETag of this reader's copy of a page whose shared part has ``page_etag``; None when flash messages wait
    for this reader: then the page is answered in full (never 304) and sends no ETag, so its copy is never taken
    for a later page either.

    The reader's parts (their votes, their edit links, the CSRF token of the forms, their messages) are read from
    the account and the cookies: another account or guest on the same browser, a new session or a new CSRF secret
    (rotated at sign-in) makes another ETag, so a browser never revalidates a copy filled for someone else.
    """
    if len(messages.get_messages(request)):  # len() reads the messages without marking them shown
        return None
    user = getattr(request, "user", None)
    parts = (page_etag, user.pk if user is not None and user.is_authenticated else None,
             [request.COOKIES.get(name) for name in personal_cookie_names()], request.META.get("CSRF_COOKIE"))
    return '"' + hashlib.blake2b(repr(parts).encode(), digest_size=12).hexdigest() + '"'


def build(request: HttpRequest, render: Callable[[], str]) -> Skeleton:
    """Render a page as a skeleton: ``render`` runs with ``request`` marked as building one."""
    skeleton = Skeleton()
    request._personal_skeleton = skeleton  # type: ignore[attr-defined]  # read back by personal_part
    try:
        html = render()
    finally:
        del request._personal_skeleton  # type: ignore[attr-defined]  # set above
    skeleton.finish(html)
    return skeleton


class SkeletonCache(Generic[T]):
    """Skeletons of this process (with what goes with them), by key (a page's version and URL), each fresh until a
    deadline (monotonic seconds); the least recently used go first beyond ``max_entries``.

    One request at a time renders a key again: ``claim`` tells the first request that finds a key missing or past
    its deadline to render it (then ``put`` or ``release``), while the others meanwhile keep using the copy past
    its deadline, which has the same key, so the same version. On a busy machine a render can outlast the second
    its copy is fresh for; without this, every request would render again and none would find a fresh copy.
    """

    def __init__(self, max_entries: int) -> None:
        self.max_entries = max_entries
        self._entries: OrderedDict[Hashable, tuple[float, T]] = OrderedDict()
        self._rendering: set[Hashable] = set()
        self._lock = threading.Lock()

    def claim(self, key: Hashable, now: float) -> tuple[T | None, bool]:
        """(the copy to use or None, whether this request must render the key and then ``put`` or ``release``)."""
        with self._lock:
            found = self._entries.get(key)
            if found is not None:
                self._entries.move_to_end(key)
                if found[0] > now or key in self._rendering:
                    return found[1], False
            elif key in self._rendering:
                return None, False  # nothing to use yet: render for this request too, without keeping it
            self._rendering.add(key)
            return (found[1] if found is not None else None), True

    def put(self, key: Hashable, value: T, until: float) -> None:
        with self._lock:
            self._rendering.discard(key)
            self._entries[key] = (until, value)
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)

    def release(self, key: Hashable) -> None:
        """The render of ``key`` ended without a copy to keep (an error, or the page is gone)."""
        with self._lock:
            self._rendering.discard(key)

    def __len__(self) -> int:
        return len(self._entries)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._rendering.clear()
