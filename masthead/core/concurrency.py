"""A bound on how many requests run Django's synchronous code at once in one server process (pure ASGI).

Under ASGI, Django runs every request's views and middleware on a thread of its own, with its own database
connection: nothing limits how many run at once. Sixty-four readers asking for uncached pages meant dozens of
threads taking turns on one GIL, each with its own SQLite page cache, for no more throughput: only more memory
(hundreds of MB per process in the benchmarks) and a longer wait for everyone.

Synchronous views now run on core/threaded_django.py's long-lived threads; this bound stays in front of Django's
ASGI handler, which serves the asynchronous views (the live event streams) and the synchronous middleware before
them. A request takes one of ``DJANGO_CONCURRENCY`` slots before it enters Django and gives it back when its
response starts: the synchronous work (middleware, view, templates, database) is what the slot covers. Waiting
costs nothing but a place in a first-come, first-served queue on the event loop. A streamed response (live
events) starts at once and holds no slot while it streams; answers from the in-process page cache never take one.
"""

from __future__ import annotations

import asyncio

from masthead.core.asgi_layers import ASGIApp, LoopLocal, Message, Receive, Scope, Send


class ConcurrencyLimit:
    def __init__(self, app: ASGIApp, limit: int) -> None:
        if limit < 1:
            raise ValueError("the concurrency limit must be at least 1")
        self.app = app
        self.limit = limit
        self._slots = LoopLocal(lambda: asyncio.Semaphore(limit))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        slots = self._slots.get()
        await slots.acquire()
        holding = True

        async def release_on_start(message: Message) -> None:
            nonlocal holding
            if holding and message["type"] == "http.response.start":
                holding = False
                slots.release()
            await send(message)

        try:
            await self.app(scope, receive, release_on_start)
        finally:
            if holding:
                slots.release()
