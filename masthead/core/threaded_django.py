"""Django's synchronous views on a fixed pool of long-lived threads, inside the ASGI server (a pure ASGI layer).

Django's own ASGI handler runs every request's synchronous middleware and view on a thread made for that request,
which opens its own database connection and closes it when the request ends, and it hands the request back and
forth between that thread and the event loop several times. On SQLite a new connection also starts with an empty
page cache, so every query reads its index pages again. Measured on the posting benchmark (docs/benchmarks.md):
a post alone took 25-30 ms through the server against 10 ms in-process.

Here synchronous views run the way a threaded WSGI server runs them: threads live as long as the process, each
keeps its database connection between requests (``CONN_MAX_AGE``; Django's ``close_old_connections`` still
replaces one that failed or grew too old), and a request goes to a thread once and comes back once with its
whole answer. Reads and writes have their own threads (``DJANGO_CONCURRENCY`` and ``DJANGO_WRITE_CONCURRENCY``),
each pool with a first come, first served queue. Few threads per process on purpose: threads share one GIL, and
SQLite gives the GIL up at every row it steps through, so each extra thread made a long result wait longer for
every row (a page of 27 comments took 2.5 times a page of 10 with four threads, 1.2 times with one).
Requests for asynchronous views (the live event streams) go to Django's ASGI handler, which serves them on the
event loop as before.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from asgiref.sync import iscoroutinefunction
from django.core import signals
from django.core.exceptions import RequestAborted
from django.core.handlers import base
from django.core.handlers.asgi import ASGIHandler, get_script_prefix
from django.http import FileResponse, HttpResponse, HttpResponseBase, HttpResponseServerError, StreamingHttpResponse
from django.urls import set_script_prefix

from masthead.core.asgi_layers import ASGIApp, Message, Receive, RouteFacts, Scope, Send

log = logging.getLogger(__name__)

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# A streamed answer (a static file, say) is handed to the event loop in pieces of about this size.
STREAM_PIECE = 256 * 1024
# How long a thread waits for the loop to take one piece (a client that reads nothing for this long is dropped,
# and a stopping server never keeps a thread, and so the process, waiting for longer).
HAND_OVER_SECONDS = 30.0


@dataclass
class Answer:
    start: Message
    body: bytes | None  # the whole body, or None when the response streams
    response: HttpResponseBase | None = None  # kept only for a streamed body


class ThreadedDjango(ASGIHandler):
    """Serves Django's synchronous views from ``threads`` long-lived threads; hands the rest to ``async_app``."""

    def __init__(self, async_app: ASGIApp, threads: int, write_threads: int = 1) -> None:
        if threads < 1 or write_threads < 1:
            raise ValueError("at least one thread is needed in each pool")
        base.BaseHandler.__init__(self)  # not ASGIHandler's: the middleware chain runs synchronously here
        self.load_middleware(is_async=False)
        self.async_app = async_app
        # Two queues: reads (GET, HEAD, OPTIONS) and writes. A post never waits behind page renders, which take
        # ten times as long (a popular page is rendered again each second), only for the CPU they share.
        self.pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="masthead-django")
        self.write_pool = ThreadPoolExecutor(max_workers=write_threads, thread_name_prefix="masthead-django-write")
        self._is_async_view = RouteFacts(iscoroutinefunction)  # the live event streams

    # An ASGI app of its own (asgi_layers' types); the base class is here only for Django's handler plumbing.
    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:  # type: ignore[override]
        if scope["type"] != "http" or self._is_async_view(scope):
            await self.async_app(scope, receive, send)
            return
        try:
            body_file = await self.read_body(receive)
        except RequestAborted:
            return  # the client left before its request was complete
        loop = asyncio.get_running_loop()
        reading = scope["method"] in SAFE_METHODS
        pool = self.pool if reading else self.write_pool
        left = threading.Event()
        # A read whose client goes away while it waits for a thread is not rendered at all: after a burst, the
        # queue would otherwise hold renders nobody will receive, and every request behind them waits for them
        # (readers of another page waited 0.7 s in the benchmarks after a load of random articles ended). Writes
        # always run: their client may have left after sending, and the write is what it asked for.
        watcher = asyncio.ensure_future(_note_disconnect(receive, left)) if reading else None
        try:
            answer = await loop.run_in_executor(pool, self._respond, scope, body_file, loop, send, left)
        finally:
            body_file.close()
            if watcher is not None:
                watcher.cancel()
        if answer is None:
            return  # streamed from the thread, or not rendered: the client left
        await send(answer.start)
        if answer.body is not None:
            await send({"type": "http.response.body", "body": answer.body})
            return
        assert answer.response is not None  # an asynchronous iterator, consumed on the loop
        try:
            async for part in answer.response:  # type: ignore[attr-defined]  # an async StreamingHttpResponse
                await send({"type": "http.response.body", "body": bytes(part), "more_body": True})
            await send({"type": "http.response.body"})
        finally:
            await loop.run_in_executor(pool, answer.response.close)

    # --- on a pool thread -------------------------------------------------------------------------------

    def _respond(self, scope: Scope, body_file: Any, loop: asyncio.AbstractEventLoop, send: Send,
                 left: threading.Event) -> Answer | None:
        if left.is_set():
            return None  # nobody to answer
        set_script_prefix(get_script_prefix(scope))
        signals.request_started.send(sender=self.__class__, scope=scope)
        try:
            request, response = self.create_request(scope, body_file)
            if request is not None:
                response = self.get_response(request)
        except Exception:  # get_response turns a view's errors into responses; this is anything before it
            log.exception("Request failed before reaching a view")
            response = HttpResponseServerError("Internal Server Error", content_type="text/plain")
        assert response is not None
        response._handler_class = self.__class__  # type: ignore[attr-defined]  # Django's handlers set it too
        start = {"type": "http.response.start", "status": response.status_code, "headers": _headers(response)}
        if isinstance(response, HttpResponse):  # not streaming
            body = response.content
            response.close()  # request_finished: this thread's connections are kept, or closed if past their age
            return Answer(start, body)
        if isinstance(response, StreamingHttpResponse) and response.is_async:
            return Answer(start, None, response)
        if isinstance(response, FileResponse):
            response.block_size = STREAM_PIECE // 4
        self._stream_from_thread(start, response, loop, send)
        return None

    @staticmethod
    def _stream_from_thread(start: Message, response: HttpResponseBase, loop: asyncio.AbstractEventLoop,
                            send: Send) -> None:
        """A synchronous iterator (a file) is read on this thread and handed over a piece at a time; each hand-over
        waits until the loop has sent it, so a slow client slows the reading, never fills the memory."""

        def deliver(messages: list[Message]) -> None:
            async def send_all() -> None:
                for message in messages:
                    await send(message)

            asyncio.run_coroutine_threadsafe(send_all(), loop).result(timeout=HAND_OVER_SECONDS)

        try:
            pending: list[Message] = [start]
            piece: list[bytes] = []
            size = 0
            for part in response:
                piece.append(bytes(part))
                size += len(part)
                if size >= STREAM_PIECE:
                    deliver([*pending, {"type": "http.response.body", "body": b"".join(piece), "more_body": True}])
                    pending, piece, size = [], [], 0
            deliver([*pending, {"type": "http.response.body", "body": b"".join(piece)}])
        except (OSError, TimeoutError):
            pass  # the client went away, or stopped reading, or the server is stopping
        finally:
            response.close()


async def _note_disconnect(receive: Receive, left: threading.Event) -> None:
    """Sets ``left`` when the client closes its connection: the request's body has been read, so the next
    message the server gives is ``http.disconnect`` (Django's own handler listens the same way)."""
    if (await receive())["type"] == "http.disconnect":
        left.set()


def _headers(response: HttpResponseBase) -> list[tuple[bytes, bytes]]:
    headers = [
        (name.encode("ascii") if isinstance(name, str) else bytes(name),
         value.encode("latin-1") if isinstance(value, str) else bytes(value))
        for name, value in response.items()
    ]
    headers.extend((b"Set-Cookie", morsel.OutputString().encode("ascii")) for morsel in response.cookies.values())
    return headers
