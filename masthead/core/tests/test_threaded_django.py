"""core/threaded_django.py: Django's synchronous views on long-lived threads inside the ASGI server."""

from __future__ import annotations

import asyncio
import json

import pytest
from django.core.handlers.asgi import ASGIHandler
from django.db import connection

from masthead.core.tests.threaded_urls import BIG_PART, RENDERED
from masthead.core.threaded_django import ThreadedDjango
from masthead.testing.loops import run

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.urls("masthead.core.tests.threaded_urls")]


class Recorder:
    """Stands in for Django's ASGI handler and records what was routed to it."""

    def __init__(self) -> None:
        self.paths: list[str] = []
        self.django = ASGIHandler()

    async def __call__(self, scope, receive, send) -> None:
        self.paths.append(scope["path"])
        await self.django(scope, receive, send)


async def call(app, path: str, *, method: str = "GET", body: bytes = b"", query: bytes = b"",
               headers: list[tuple[bytes, bytes]] | None = None, pieces: int = 1, leave: bool = False,
               leave_after: float | None = None) -> dict:
    """One request through ``app``; the body arrives in ``pieces`` messages (or the client leaves half-way, or
    closes its connection ``leave_after`` seconds after sending the whole request)."""
    size = max(1, len(body) // pieces) if body else 1
    messages = [{"type": "http.request", "body": body[i:i + size], "more_body": i + size < len(body)}
                for i in range(0, len(body), size)] or [{"type": "http.request", "body": b"", "more_body": False}]
    if leave:
        messages = [{**messages[0], "more_body": True}, {"type": "http.disconnect"}]
    sent: list[dict] = []

    async def receive() -> dict:
        if messages:
            return messages.pop(0)
        await asyncio.sleep(3600 if leave_after is None else leave_after)  # a client waiting for its answer
        return {"type": "http.disconnect"}

    async def send(message: dict) -> None:
        sent.append(message)

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": method, "scheme": "http",
             "path": path, "raw_path": path.encode(), "root_path": "", "query_string": query,
             "headers": [(b"host", b"testserver"), *(headers or [])], "client": ("127.0.0.9", 4321),
             "server": ("testserver", 80)}
    await app(scope, receive, send)
    starts = [m for m in sent if m["type"] == "http.response.start"]
    bodies = [m for m in sent if m["type"] == "http.response.body"]
    return {
        "status": starts[0]["status"] if starts else None,
        "headers": starts[0]["headers"] if starts else [],
        "body": b"".join(m.get("body", b"") for m in bodies),
        "messages": sent,
    }


@pytest.fixture
def app(settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    recorder = Recorder()
    threaded = ThreadedDjango(recorder, 2, write_threads=1)
    yield threaded, recorder
    threaded.pool.shutdown(wait=True)
    threaded.write_pool.shutdown(wait=True)


def test_a_request_reaches_the_view_whole_and_its_answer_comes_back_whole(app):
    threaded, recorder = app
    body = json.dumps({"text": "é" * 5000}).encode()
    answer = run(call(threaded, "/echo/", method="POST", body=body, query=b"q=%C3%A9t%C3%A9", pieces=7,
                      headers=[(b"x-probe", b"yes"), (b"cookie", b"probe=1"), (b"content-type", b"application/json")]))
    assert answer["status"] == 200
    got = json.loads(answer["body"])
    assert got == {"method": "POST", "path": "/echo/", "query": "été", "body": body.decode(), "header": "yes",
                   "cookie": "1", "remote": "127.0.0.9"}
    cookies = [value for name, value in answer["headers"] if name.lower() == b"set-cookie"]
    assert len(cookies) == 1
    assert cookies[0].startswith(b"answered=yes")
    assert b"HttpOnly" in cookies[0]
    assert (b"Content-Type", b"application/json") in answer["headers"]
    assert recorder.paths == []  # a synchronous view never goes to Django's ASGI handler


def test_views_run_on_the_pool_and_keep_their_thread_and_connection(app):
    threaded, _ = app
    seen = [json.loads(run(call(threaded, "/where/"))["body"]) for _ in range(6)]
    assert {answer["thread"].rsplit("_", 1)[0] for answer in seen} == {"masthead-django"}
    assert len({answer["thread"] for answer in seen}) <= 2
    if connection.vendor == "sqlite":  # PostgreSQL hands connections back to its pool after each request
        by_thread: dict[str, set[int]] = {}
        for answer in seen:
            by_thread.setdefault(answer["thread"], set()).add(answer["connection"])
        assert all(len(ids) == 1 for ids in by_thread.values()), by_thread


def test_at_most_the_pool_runs_views_at_once_and_everyone_is_answered(app):
    threaded, _ = app

    async def main() -> list[dict]:
        return await asyncio.gather(*(call(threaded, "/slow/") for _ in range(8)))

    answers = run(main())
    assert [answer["status"] for answer in answers] == [200] * 8
    assert len({answer["body"] for answer in answers}) == 2  # two threads served all eight


def test_a_write_never_queues_behind_reads(app):
    threaded, _ = app

    async def main() -> list[str]:
        order: list[str] = []

        async def read() -> None:
            await call(threaded, "/slow/", query=b"ms=100")
            order.append("read")

        async def write() -> None:
            await asyncio.sleep(0.01)  # after the reads have taken both read threads and queued the rest
            answer = await call(threaded, "/write/", method="POST")
            order.append(answer["body"].decode().rsplit("_", 1)[0])

        await asyncio.gather(*(read() for _ in range(6)), write())
        return order

    order = run(main())
    # Six reads of 100 ms on two threads take 300 ms. Queued behind the four waiting reads, the write would come
    # last; on its own thread it is answered before any of them, at worst after the two already running (on a
    # busy machine its first request, which starts the thread and opens its connection, can take longer
    # than what is left of theirs).
    assert order.index("masthead-django-write") <= 2, order
    assert order.count("read") == 6


def test_a_streamed_answer_and_a_file_arrive_whole(app, tmp_path):
    threaded, _ = app
    streamed = run(call(threaded, "/stream/"))
    assert streamed["status"] == 200
    assert streamed["body"] == BIG_PART * 10
    assert streamed["messages"][-1].get("more_body", False) is False
    data = bytes(range(256)) * 5000  # 1.25 MB, several pieces
    (tmp_path / "data.bin").write_bytes(data)
    sent = run(call(threaded, "/file/", query=f"name={tmp_path / 'data.bin'}".encode()))
    assert sent["status"] == 200
    assert sent["body"] == data


def test_a_synchronous_view_answering_with_an_asynchronous_iterator_streams_from_the_loop(app):
    threaded, recorder = app
    answer = run(call(threaded, "/async-parts/"))
    assert recorder.paths == []
    assert answer["status"] == 200
    assert answer["body"] == b"part 0;part 1;part 2;"
    assert answer["messages"][-1].get("more_body", False) is False


def test_asynchronous_views_go_to_djangos_asgi_handler(app):
    threaded, recorder = app
    answer = run(call(threaded, "/live/"))
    assert recorder.paths == ["/live/"]
    assert answer["status"] == 200
    assert answer["body"] == b"data: 0\n\ndata: 1\n\ndata: 2\n\n"


def test_a_failing_view_is_a_500_and_the_pool_goes_on(app):
    threaded, _ = app
    assert run(call(threaded, "/boom/"))["status"] == 500
    assert run(call(threaded, "/echo/"))["status"] == 200


def test_a_client_that_leaves_before_its_request_is_complete_gets_nothing_and_costs_no_thread(app):
    threaded, _ = app
    answer = run(call(threaded, "/echo/", method="POST", body=b"x" * 100, leave=True))
    assert answer["messages"] == []
    assert not threaded.pool._threads  # the pool never started a thread for it


def test_a_read_whose_client_left_while_it_waited_for_a_thread_is_not_rendered(app):
    threaded, _ = app
    RENDERED.clear()

    async def main() -> list[dict]:
        busy = [call(threaded, "/slow/", query=b"ms=250") for _ in range(2)]  # both read threads, 250 ms each

        async def queued(n: int, leave_after: float | None) -> dict:
            await asyncio.sleep(0.01)  # behind the two slow reads
            return await call(threaded, "/count/", query=f"n={n}".encode(), leave_after=leave_after)

        async def abandoned_write() -> dict:
            await asyncio.sleep(0.01)
            return await call(threaded, "/count/", method="POST", query=b"n=w", leave_after=0.0)

        return await asyncio.gather(*busy, queued(1, 0.01), queued(2, None), queued(3, 0.01), abandoned_write())

    slow_1, slow_2, left_1, stayed, left_3, write = run(main())
    assert slow_1["status"] == slow_2["status"] == stayed["status"] == 200
    assert left_1["messages"] == []  # nobody to answer, nothing sent
    assert left_3["messages"] == []
    # The reads whose clients closed their connection while queued never reached the view; the one that
    # stayed did, and so did the write (its client asked for it; leaving does not take it back).
    assert sorted(RENDERED) == ["GET 2", "POST w"]
    assert write["status"] == 200


def test_an_unknown_path_is_djangos_404(app):
    threaded, recorder = app
    assert run(call(threaded, "/nowhere/"))["status"] == 404
    assert recorder.paths == []
