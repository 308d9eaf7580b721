"""Live events: publish from any thread (after commit), stream to readers as server-sent events.

The embedded default fans out inside the process. With ``REDIS_URL`` set, events go through Redis pub/sub: every
server process (several ``--workers``, several app servers) hears every event and hands it to the readers
connected to it, behind the same two calls (``publish`` and ``subscribe``). Events carry only what is already
public.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import logging
import threading
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.http import StreamingHttpResponse

log = logging.getLogger(__name__)

PUBLISH_TIMEOUT_SECONDS = 1.0
RECONNECT_MAX_SECONDS = 5.0


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
        self._deliver(channel, name, data)

    def _deliver(self, channel: str, name: str, data: dict[str, Any]) -> None:
        """Hand an event to this process's subscribers of ``channel``."""
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


class RedisBroker(InProcessBroker):
    """Publishes through Redis pub/sub; a listener thread in each process delivers what it hears locally.

    The listener starts with the process's first subscriber (a process nobody streams from only publishes)
    and lives as long as the process. If Redis goes away it reconnects, after 1, 2, 4, then every 5 seconds, so
    readers whose streams stayed open hear events again a few seconds after Redis returns, with no restart.
    Events published meanwhile are not delivered (publishing logs the outage once and carries on: the change
    itself is committed), as for a reader whose connection dropped: events are hints, and pages fetch the current
    state.
    """

    def __init__(self, url: str, prefix: str) -> None:
        super().__init__()
        import redis

        # The listener's connection waits for messages as long as it takes; publishing, on a request's thread,
        # gives up after a second when Redis hangs.
        self._redis = redis.Redis.from_url(url, socket_connect_timeout=PUBLISH_TIMEOUT_SECONDS)
        self._publisher = redis.Redis.from_url(url, socket_connect_timeout=PUBLISH_TIMEOUT_SECONDS,
                                               socket_timeout=PUBLISH_TIMEOUT_SECONDS)
        self._prefix = prefix
        self._listener: threading.Thread | None = None
        self._listening = threading.Event()  # subscribed to Redis (the tests wait for it)
        self._publish_failing = False

    def publish(self, channel: str, name: str, data: dict[str, Any]) -> None:
        import redis

        payload = json.dumps({"name": name, "data": data}, separators=(",", ":"))
        try:
            self._publisher.publish(self._prefix + channel, payload)
        except redis.RedisError as error:
            if not self._publish_failing:
                log.warning("Live events: cannot publish to Redis (%s); events are dropped until it answers",
                            type(error).__name__)
            self._publish_failing = True
            return
        if self._publish_failing:
            log.warning("Live events: publishing to Redis again")
            self._publish_failing = False

    def _add(self, channel: str, entry: tuple[asyncio.AbstractEventLoop, asyncio.Queue[Event]]) -> None:
        super()._add(channel, entry)
        with self._lock:
            if self._listener is None:
                self._listener = threading.Thread(target=self._listen, name="masthead-live", daemon=True)
                self._listener.start()

    def wait_listening(self, timeout: float) -> bool:
        return self._listening.wait(timeout)

    def _listen(self) -> None:
        import redis

        pause = 1.0
        while True:
            pubsub = self._redis.pubsub(ignore_subscribe_messages=True)
            try:
                pubsub.psubscribe(_glob_literal(self._prefix) + "*")
                self._listening.set()
                pause = 1.0
                for message in pubsub.listen():
                    self._hear(message)
            except redis.RedisError as error:
                log.warning("Live events: no Redis (%s); trying again in %.0f s", type(error).__name__, pause)
            finally:
                self._listening.clear()
                pubsub.close()
            time.sleep(pause)
            pause = min(pause * 2, RECONNECT_MAX_SECONDS)

    def _hear(self, message: dict[str, Any]) -> None:
        try:
            channel = message["channel"].decode()[len(self._prefix):]
            payload = json.loads(message["data"])
            self._deliver(channel, str(payload["name"]), payload["data"])
        except (KeyError, TypeError, ValueError, UnicodeDecodeError):
            log.warning("Live events: ignored a malformed message on %r", message.get("channel"))


def _glob_literal(text: str) -> str:
    """``text`` matched literally in a Redis channel pattern (a site prefix may hold ``*``, ``?`` or ``[``)."""
    return "".join("\\" + char if char in "*?[]\\" else char for char in text)


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


def _broker() -> InProcessBroker:
    from django.conf import settings

    if settings.REDIS_URL:
        return RedisBroker(settings.REDIS_URL, f"{settings.CACHE_KEY_PREFIX}-live:")
    return InProcessBroker()


broker = _broker()


def publish_on_commit(channel: str, name: str, data: dict[str, Any] | Callable[[], dict[str, Any]]) -> None:
    """Publish once the surrounding transaction commits, so readers never see a rolled-back change. ``data`` may
    be a function, called after the commit: work such as rendering then runs outside the transaction (on SQLite,
    outside the database's one write lock). A failure there is logged; it never fails the committed request."""
    transaction.on_commit(lambda: broker.publish(channel, name, data() if callable(data) else data), robust=True)


HEARTBEAT_SECONDS = 20


def event_stream(view: Callable[..., Any]) -> Callable[..., Any]:
    """Marks a view that answers with an event stream (``sse_response``). Requests for it go straight to Django,
    past the in-process page cache (core/page_cache.py): a stream never ends, so a copy could never be kept, and
    every reader of a page must get a stream of their own at once."""
    view.is_event_stream = True  # type: ignore[attr-defined]  # a mark the serving layers read
    return view


def is_event_stream(view: Callable[..., Any]) -> bool:
    return getattr(view, "is_event_stream", False) is True


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
