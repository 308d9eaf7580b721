"""The layers in front of Django in each server process: the concurrency bound, the page cache's single flight,
SQLite upkeep and the start-up warm-up."""

from __future__ import annotations

import asyncio
import sqlite3
import time
from pathlib import Path

import pytest
from django.db import connection, connections

from masthead.core import sqlite_upkeep
from masthead.core.concurrency import ConcurrencyLimit
from masthead.core.page_cache import SharedPageCache
from masthead.testing.loops import run


class SlowApp:
    """A real ASGI app that answers after ``delay`` seconds and records how many requests it ran at once."""

    def __init__(self, delay: float = 0.02, *, stream: bool = False) -> None:
        self.delay, self.stream = delay, stream
        self.running = self.most = 0

    async def __call__(self, scope, receive, send) -> None:
        self.running += 1
        self.most = max(self.most, self.running)
        try:
            if self.stream:  # like a live-event stream: starts at once, then goes on
                await send({"type": "http.response.start", "status": 200, "headers": []})
                await asyncio.sleep(self.delay)
                await send({"type": "http.response.body", "body": b"done"})
                return
            await asyncio.sleep(self.delay)
            await send({"type": "http.response.start", "status": 404, "headers": []})
            await send({"type": "http.response.body", "body": b"not here"})
        finally:
            self.running -= 1


async def _request(app, path: str = "/") -> list[dict]:
    sent: list[dict] = []

    async def receive() -> dict:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict) -> None:
        sent.append(message)

    scope = {"type": "http", "method": "GET", "path": path, "query_string": b"", "headers": []}
    await app(scope, receive, send)
    return sent


def test_at_most_the_limit_runs_at_once_and_every_request_is_answered():
    inner = SlowApp()
    app = ConcurrencyLimit(inner, 3)

    async def main() -> list[list[dict]]:
        return await asyncio.gather(*(_request(app) for _ in range(20)))

    answers = run(main())
    assert inner.most == 3
    assert all(answer[0]["status"] == 404 for answer in answers)


def test_a_streamed_answer_gives_its_slot_back_when_it_starts():
    inner = SlowApp(delay=0.2, stream=True)
    app = ConcurrencyLimit(inner, 1)

    async def main() -> None:
        await asyncio.gather(*(_request(app) for _ in range(5)))

    run(main())
    # Five streams through one slot all ran at once: each gave the slot back as it started streaming.
    assert inner.most == 5


def test_the_limit_works_on_each_new_event_loop():
    app = ConcurrencyLimit(SlowApp(delay=0.01), 1)

    async def two_at_once() -> tuple[list[dict], list[dict]]:  # the second waits: the semaphore is bound to this loop
        return await asyncio.gather(_request(app), _request(app))

    for _ in range(3):  # a test process starts a server, and its loop, many times
        assert [answer[0]["status"] for answer in run(two_at_once())] == [404, 404]


def test_the_page_cache_keeps_no_lock_for_urls_it_was_asked_for():
    app = SharedPageCache(SlowApp(delay=0.001))

    async def main() -> None:
        await asyncio.gather(*(_request(app, f"/nowhere/{n}/") for n in range(200)), _request(app, "/same/"),
                             _request(app, "/same/"))

    run(main())
    assert all(not flights for flights in app.flights.values.values())
    assert not app.entries  # 404s are never kept


@pytest.mark.django_db(transaction=True)
def test_the_sqlite_keeper_keeps_the_log_and_checkpoints_it_every_second():
    path = sqlite_upkeep.database_path()
    if connection.vendor != "sqlite":
        assert path is None
        assert sqlite_upkeep.start() is None  # nothing runs on PostgreSQL
        return
    assert path is not None
    thread = sqlite_upkeep.start()
    assert thread is not None
    assert thread.is_alive()
    assert sqlite_upkeep.start() is thread  # once per process and file

    from masthead.testing.articles import make_article

    database = Path(path)
    before = database.read_bytes()
    for n in range(30):
        make_article(f"Checkpoint {n}")
    connections.close_all()  # Django's connections close, as at the end of every request
    wal = Path(f"{path}-wal")
    # Without the keeper the last connection to close would have checkpointed and deleted the log.
    assert wal.exists()
    deadline = time.monotonic() + 5
    while database.read_bytes() == before and time.monotonic() < deadline:
        time.sleep(0.1)
    assert database.read_bytes() != before, "no checkpoint copied the new rows into the database file"
    with sqlite3.connect(path) as raw:
        assert raw.execute("SELECT count(*) FROM publishing_article WHERE headline LIKE 'Checkpoint %'"
                           ).fetchone()[0] == 30


def test_warm_up_loads_what_the_first_post_would_otherwise_load():
    from django.urls import clear_url_caches, get_resolver
    from django.urls.resolvers import _get_cached_resolver  # type: ignore[attr-defined]  # pinned private API

    from masthead.accounts.confusables import _prototypes, comparison_keys
    from masthead.core.warmup import warm_up
    from masthead.moderation.backends import _backend

    _prototypes.cache_clear()  # as in a new process: nothing loaded yet
    comparison_keys.cache_clear()
    _backend.cache_clear()
    clear_url_caches()
    warm_up()
    assert _prototypes.cache_info().currsize == 1
    assert _backend.cache_info().currsize == 1
    assert _get_cached_resolver.cache_info().currsize == 1  # the URL resolver, built and filled
    assert get_resolver()._populated  # type: ignore[attr-defined]  # Django's private flag


class SharedApp:
    """A real ASGI app answering every path with a small shared page (as Django does for anonymous readers)."""

    async def __call__(self, scope, receive, send) -> None:
        headers = [(b"cache-control", b"public, max-age=0, s-maxage=1"), (b"content-type", b"text/plain")]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": scope["path"].encode() * 100})


def test_the_page_cache_forgets_pages_past_their_second():
    app = SharedPageCache(SharedApp())

    async def main() -> None:
        for n in range(50):
            await _request(app, f"/articles/{n}/")

    run(main())
    assert len(app.entries) >= 1
    time.sleep(1.05)  # every copy is now past its second
    run(_request(app, "/articles/new/"))
    assert list(app.entries) == [("GET", "/articles/new/", b"", b"")]
    assert app.size == len(b"/articles/new/" * 100)


class CountingApp:
    """A real ASGI app that takes ``delay`` seconds over each answer, counting the answers it made and how many it
    was making at once. ``shared`` answers are pages every reader may share; the others are kept by nobody (an
    answer without caching headers: a stream, an error, a private page)."""

    def __init__(self, delay: float, *, shared: bool, stream: bool = False) -> None:
        self.delay, self.shared, self.stream = delay, shared, stream
        self.calls = self.running = self.most = 0

    async def __call__(self, scope, receive, send) -> None:
        self.calls += 1
        self.running += 1
        self.most = max(self.most, self.running)
        headers = [(b"cache-control", b"public, max-age=0, s-maxage=1")] if self.shared else []
        try:
            if not self.stream:
                await asyncio.sleep(self.delay)
            await send({"type": "http.response.start", "status": 200, "headers": headers})
            if self.stream:  # starts at once, then goes on, like a live-event stream
                await send({"type": "http.response.body", "body": b"retry: 3000\n\n", "more_body": True})
                await asyncio.sleep(self.delay)
            await send({"type": "http.response.body", "body": b"the answer"})
        finally:
            self.running -= 1


async def _requests(app, count: int, path: str = "/same/", headers: list | None = None) -> list[list[dict]]:
    async def one() -> list[dict]:
        sent: list[dict] = []

        async def receive() -> dict:
            return {"type": "http.request", "body": b"", "more_body": False}

        async def send(message: dict) -> None:
            sent.append(message)

        scope = {"type": "http", "method": "GET", "path": path, "query_string": b"", "headers": headers or []}
        await app(scope, receive, send)
        return sent

    return await asyncio.gather(*(one() for _ in range(count)))


def test_answers_the_cache_will_not_keep_never_wait_for_each_other():
    inner = CountingApp(0.3, shared=False, stream=True)
    app = SharedPageCache(inner)
    answers = run(_requests(app, 3))
    # Three readers of one URL whose answer is not shareable: all three were answered side by side, none waited
    # for the first to finish (a live stream never finishes).
    assert inner.most == 3
    assert [answer[-1]["body"] for answer in answers] == [b"the answer"] * 3
    assert not app.entries
    assert all(not flights for flights in app.flights.values.values())


def test_event_streams_pass_the_cache_by_route_and_by_accept_header():
    from masthead.discussion.views import events

    assert getattr(events, "is_event_stream", False)  # the route's view is marked
    # Even an answer that looks shareable is neither kept nor waited for on a stream's route.
    inner = CountingApp(0.2, shared=True, stream=True)
    app = SharedPageCache(inner)
    run(_requests(app, 3, "/discussion/threads/1/events"))
    assert (inner.calls, inner.most) == (3, 3)
    run(_requests(app, 3, "/support/live/1/"))
    assert (inner.calls, inner.most) == (6, 3)
    # Any path a client asks an event stream of.
    run(_requests(app, 3, "/elsewhere/", headers=[(b"accept", b"text/event-stream")]))
    assert (inner.calls, inner.most) == (9, 3)
    assert not app.entries


def test_a_burst_of_misses_for_a_shareable_page_renders_it_once():
    inner = CountingApp(0.05, shared=True)
    app = SharedPageCache(inner)
    time.sleep(1 - time.time() % 1 + 0.01)  # early in a second: the copy is kept until its end
    answers = run(_requests(app, 10))
    assert inner.calls == 1
    assert [answer[-1]["body"] for answer in answers] == [b"the answer"] * 10
    assert all(not flights for flights in app.flights.values.values())
