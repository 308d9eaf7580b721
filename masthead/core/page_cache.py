"""An in-process cache of shared public pages, in front of Django (a pure ASGI layer).

Pages that ``masthead.core.cacheable`` marks as shared (``Cache-Control: public ... s-maxage=N``, no cookie set,
no ``Vary``) are kept per server process, and answered without entering Django, until the end of the whole
second in which they were rendered (N=1; ``cacheable.last_shared_second``): the same bound the origin gives
nginx's micro-cache in ``X-Accel-Expires``, so a new comment shows within a second through both layers together
and a held one never shows (shared pages never contain it).

Only what could be kept is held up. Requests carrying a personal cookie, unsafe methods and event streams (views
marked ``live.event_stream``, or a request that accepts ``text/event-stream``) go straight through, before any
waiting. A burst of misses for one page renders it once (single flight), but the others wait only until the
first answer's headers arrive: when they say it will not be kept (an error, a private or streamed answer), each
waiting request goes through on its own at once, so nothing that takes long to finish can hold anyone else.
"""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from masthead.core.asgi_layers import ASGIApp, LoopLocal, Message, Receive, RouteFacts, Scope, Send
from masthead.core.cacheable import last_shared_second, personal_cookie_names
from masthead.core.live import is_event_stream


@dataclass(frozen=True)
class Entry:
    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes
    etag: bytes | None
    expires: float


_CONDITIONS = (b"if-none-match", b"if-modified-since")


class Flight:
    """One page being rendered by its first request; the others for it wait until it lands.

    It lands as soon as its answer is known not to be kept (``kept`` stays False: the others go through on their
    own), or once the copy is stored, or when its render ends without one (its client left, or it finished as
    its second ended: ``kept`` is None and the others try again, one of them rendering).
    """

    def __init__(self) -> None:
        self.landed = asyncio.Event()
        self.kept: bool | None = None


def _header(headers: list[tuple[bytes, bytes]], name: bytes) -> bytes | None:
    for key, value in headers:
        if key.lower() == name:
            return value
    return None


def _shared_seconds(headers: list[tuple[bytes, bytes]]) -> float:
    """s-maxage of a response every reader may share, else 0."""
    if _header(headers, b"set-cookie") is not None or _header(headers, b"vary") is not None:
        return 0
    control = (_header(headers, b"cache-control") or b"").decode("latin-1").lower()
    directives = [part.strip() for part in control.split(",")]
    if "public" not in directives:
        return 0
    for directive in directives:
        if directive.startswith("s-maxage="):
            try:
                return max(0.0, float(directive.removeprefix("s-maxage=")))
            except ValueError:
                return 0
    return 0


class SharedPageCache:
    def __init__(self, app: ASGIApp, *, max_entries: int = 256, max_bytes: int = 32 * 1024 * 1024) -> None:
        self.app = app
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self.entries: OrderedDict[tuple[Any, ...], Entry] = OrderedDict()
        self.size = 0
        self.flights: LoopLocal[dict[tuple[Any, ...], Flight]] = LoopLocal(dict)  # renders in flight
        self._stream_route = RouteFacts(is_event_stream)
        self.personal = {name.encode() for name in personal_cookie_names()}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (scope["type"] != "http" or scope["method"] not in ("GET", "HEAD") or self._is_personal(scope)
                or self._is_stream(scope)):
            await self.app(scope, receive, send)
            return
        key = (scope["method"], scope["path"], scope.get("query_string", b""), self._host(scope))
        while True:
            entry = self._fresh(key)
            if entry is not None:
                await self._answer(entry, scope, send)
                return
            flights = self.flights.get()
            flight = flights.get(key)
            if flight is None:
                flight = flights[key] = Flight()
                try:
                    await self._render(key, scope, receive, send, flight)
                finally:
                    self._land(key, flight, flight.kept)
                return
            await flight.landed.wait()
            if flight.kept is False:
                break  # not a page to keep: render it for this request too, at once
        await self.app(scope, receive, send)

    def _land(self, key: tuple[Any, ...], flight: Flight, kept: bool | None) -> None:
        """Wake the requests waiting on ``flight``; the next miss for ``key`` starts a new one (so no flight
        outlives its requests, nor is one kept per URL ever asked for)."""
        if flight.landed.is_set():
            return
        flight.kept = kept
        flights = self.flights.get()
        if flights.get(key) is flight:
            del flights[key]
        flight.landed.set()

    def _is_stream(self, scope: Scope) -> bool:
        accept = _header(scope.get("headers", []), b"accept") or b""
        return b"text/event-stream" in accept.lower() or self._stream_route(scope)

    def _is_personal(self, scope: Scope) -> bool:
        cookie = _header(scope.get("headers", []), b"cookie")
        if not cookie:
            return False
        names = {part.split(b"=", 1)[0].strip() for part in cookie.split(b";")}
        return bool(names & self.personal)

    @staticmethod
    def _host(scope: Scope) -> bytes:
        return _header(scope.get("headers", []), b"host") or b""

    def _fresh(self, key: tuple[Any, ...]) -> Entry | None:
        entry = self.entries.get(key)
        if entry is None:
            return None
        if entry.expires <= time.monotonic():
            self._drop(key)
            return None
        self.entries.move_to_end(key)
        return entry

    def _drop_expired(self) -> None:
        """Forget copies past their second, oldest first: with many pages each read once (an archive, a crawler)
        the cache holds about one second's worth of pages, not its whole size in dead ones."""
        now = time.monotonic()
        while self.entries:
            oldest = next(iter(self.entries))
            if self.entries[oldest].expires > now:
                return
            self._drop(oldest)

    def _drop(self, key: tuple[Any, ...]) -> None:
        entry = self.entries.pop(key, None)
        if entry is not None:
            self.size -= len(entry.body)

    async def _render(self, key: tuple[Any, ...], scope: Scope, receive: Receive, send: Send,
                      flight: Flight) -> None:
        """Pass the response through as it is produced, keeping a copy when it turns out to be shareable.

        A conditional request (a revalidating browser or nginx) is rendered without its conditions, so the
        full page fills the cache, and is then answered from the new copy: 304 when its ETag still matches.
        Were the conditions passed on, Django would answer 304, nothing would be kept, and every later
        revalidation would render again.
        """
        headers = scope.get("headers", [])
        conditional = any(name.lower() in _CONDITIONS for name, _ in headers)
        if conditional:
            scope = {**scope, "headers": [(k, v) for k, v in headers if k.lower() not in _CONDITIONS]}
        start: Message | None = None
        seconds = 0.0
        chunks: list[bytes] = []
        held: list[Message] = []  # a conditional request's answer, until it is known whether it was kept
        passing = not conditional
        rendered_at = time.time()  # before Django reads anything

        async def capture(message: Message) -> None:
            nonlocal start, seconds, passing
            if message["type"] == "http.response.start":
                start = message
                seconds = _shared_seconds(list(message.get("headers", [])))
                if not seconds or message["status"] != 200:
                    seconds = 0
                    passing = True  # never kept: the client gets it as it is (a 200 where it asked for 304)
                    self._land(key, flight, False)  # and nobody waits for it to finish
            elif message["type"] == "http.response.body" and seconds and start is not None:
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False):
                    self._land(key, flight, self._store(key, start, b"".join(chunks), rendered_at, seconds))
            if passing:
                for earlier in held:
                    await send(earlier)
                held.clear()
                await send(message)
            else:
                held.append(message)

        await self.app(scope, receive, capture)
        if held:
            entry = self.entries.get(key)
            if entry is not None:
                await self._answer(entry, {**scope, "headers": headers}, send)
            else:  # kept too briefly to store (rendered as its second ended) or too large
                for message in held:
                    await send(message)

    def _store(self, key: tuple[Any, ...], start: Message, body: bytes, rendered_at: float,
               seconds: float) -> bool | None:
        """Keep the page: True when kept, False when it never will be (too large), None when it was rendered
        too late in its second to be kept (the next request renders it again)."""
        if start["status"] != 200 or len(body) > self.max_bytes // 4:
            return False
        # Kept until the end of the last whole second it may be shared in (monotonic, so clock steps are harmless).
        remaining = min(seconds, last_shared_second(rendered_at) + 1 - time.time())
        if remaining <= 0:
            return None
        headers = [(k, v) for k, v in start.get("headers", []) if k.lower() != b"content-length"]
        self._drop(key)
        self._drop_expired()
        self.entries[key] = Entry(start["status"], headers, body, _header(headers, b"etag"),
                                  time.monotonic() + remaining)
        self.size += len(body)
        while self.entries and (len(self.entries) > self.max_entries or self.size > self.max_bytes):
            oldest = next(iter(self.entries))
            self._drop(oldest)
        return True

    async def _answer(self, entry: Entry, scope: Scope, send: Send) -> None:
        if entry.etag is not None and _matches(entry.etag, _header(scope.get("headers", []), b"if-none-match")):
            kept = (b"etag", b"cache-control", b"last-modified", b"x-accel-expires")
            headers = [(k, v) for k, v in entry.headers if k.lower() in kept]
            await send({"type": "http.response.start", "status": 304, "headers": headers})
            await send({"type": "http.response.body", "body": b""})
            return
        body = b"" if scope["method"] == "HEAD" else entry.body
        headers = [*entry.headers, (b"content-length", str(len(entry.body)).encode())]
        await send({"type": "http.response.start", "status": entry.status, "headers": headers})
        await send({"type": "http.response.body", "body": body})


def _matches(etag: bytes, if_none_match: bytes | None) -> bool:
    """Whether ``If-None-Match`` names this ETag (weak comparison, as for GET)."""
    if not if_none_match:
        return False
    if if_none_match.strip() == b"*":
        return True
    tags = {part.strip().removeprefix(b"W/") for part in if_none_match.split(b",")}
    return etag.removeprefix(b"W/") in tags
