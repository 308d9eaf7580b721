"""Live events: publish from any thread (after commit), stream to readers as server-sent events.

The embedded default fans out inside the process. A scaled deployment swaps in a Redis pub/sub backend behind
the same two calls (``publish`` and ``subscribe``). Events carry only what is already public.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import threading
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.http import StreamingHttpResponse


@dataclass(frozen=True)
class Event:
    id: int
    name: str
    data: dict[str, Any]

    def encode(self) -> bytes:
        payload = json.dumps(self.data, separators=(",", ":"))
        return f"id: {self.id}\nevent: {self.name}\ndata: {payload}\n\n".encode()


class InProcessBroker:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._subscribers: dict[str, set[tuple[asyncio.AbstractEventLoop, asyncio.Queue[Event]]]] = {}
        self._ids = itertools.count(1)

    def publish(self, channel: str, name: str, data: dict[str, Any]) -> None:
        event = Event(next(self._ids), name, data)
        with self._lock:
            targets = list(self._subscribers.get(channel, ()))
        for loop, queue in targets:
            try:
                loop.call_soon_threadsafe(_offer, queue, event)
            except RuntimeError:  # the subscriber's loop has closed
                self._remove(channel, (loop, queue))

    def subscribe(self, channel: str) -> Subscription:
        """Register a queue for ``channel``; use as ``with broker.subscribe(ch) as queue: await queue.get()``."""
        return Subscription(self, channel)

    def _add(self, channel: str, entry: tuple[asyncio.AbstractEventLoop, asyncio.Queue[Event]]) -> None:
        with self._lock:
            self._subscribers.setdefault(channel, set()).add(entry)

    def subscriber_count(self, channel: str) -> int:
        with self._lock:
            return len(self._subscribers.get(channel, ()))

    def _remove(self, channel: str, entry: tuple[asyncio.AbstractEventLoop, asyncio.Queue[Event]]) -> None:
        with self._lock:
            subscribers = self._subscribers.get(channel)
            if subscribers is not None:
                subscribers.discard(entry)
                if not subscribers:
                    del self._subscribers[channel]


class Subscription:
    def __init__(self, broker: InProcessBroker, channel: str) -> None:
        self.broker = broker
        self.channel = channel
        self.queue: asyncio.Queue[Event] = asyncio.Queue(maxsize=256)
        self._entry: tuple[asyncio.AbstractEventLoop, asyncio.Queue[Event]] | None = None

    def __enter__(self) -> asyncio.Queue[Event]:
        self._entry = (asyncio.get_running_loop(), self.queue)
        self.broker._add(self.channel, self._entry)
        return self.queue

    def __exit__(self, *exc: object) -> None:
        if self._entry is not None:
            self.broker._remove(self.channel, self._entry)


def _offer(queue: asyncio.Queue[Event], event: Event) -> None:
    # A reader too slow to keep up loses the oldest events rather than holding memory; events are hints
    # ("N new comments", a new total) that the page can always re-fetch.
    if queue.full():
        queue.get_nowait()
    queue.put_nowait(event)


broker = InProcessBroker()


def publish_on_commit(channel: str, name: str, data: dict[str, Any] | Callable[[], dict[str, Any]]) -> None:
    """Publish once the surrounding transaction commits, so readers never see a rolled-back change. ``data`` may
    be a function, called after the commit: work such as rendering then runs outside the transaction (on SQLite,
    outside the database's one write lock). A failure there is logged; it never fails the committed request."""
    transaction.on_commit(lambda: broker.publish(channel, name, data() if callable(data) else data), robust=True)


HEARTBEAT_SECONDS = 20


async def _stream(channel: str, first: list[Event]) -> AsyncIterator[bytes]:
    with broker.subscribe(channel) as queue:
        yield b"retry: 3000\n\n"
        for event in first:
            yield event.encode()
        while True:
            try:
                event = await asyncio.wait_for(queue.get(), timeout=HEARTBEAT_SECONDS)
            except TimeoutError:
                yield b": keep-alive\n\n"
                continue
            yield event.encode()


def sse_response(channel: str, first: list[Event] | None = None) -> StreamingHttpResponse:
    """A server-sent-events response streaming ``channel``; ``first`` events are sent at once."""
    response = StreamingHttpResponse(_stream(channel, first or []), content_type="text/event-stream")
    response["Cache-Control"] = "no-cache, no-transform"
    response["X-Accel-Buffering"] = "no"  # nginx must not buffer the stream
    return response
