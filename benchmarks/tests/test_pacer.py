"""The open-loop poster (benchmarks/pacer.py), run as the harness runs it (``start`` then ``finish``: its own
process) against a real server on 127.0.0.1 that records every request and answers as each test decides."""

from __future__ import annotations

import json
import sys
from typing import Any

import pytest

from benchmarks import pacer
from benchmarks.tests.local_server import Answer, LocalServer, Received
from benchmarks.wrk import Result

RATE = 20  # posts per second: 50 ms apart, far more than this machine's scheduling jitter
ON_TIME = 0.2  # seconds a post may arrive off its schedule (a busy machine); a burst or a closed loop is far off


def number(request: Received) -> str:
    """The "{n}" the pacer put into this request's body (the tests' bodies are ``{"n": "{n}"...}``)."""
    return json.loads(request.body)["n"]


def sequence(request: Received) -> int:
    """Which request of the run this was, from 1: the pacer numbers them "<run>-<i>"."""
    return int(number(request).rsplit("-", 1)[1])


def run(server: LocalServer, seconds: int, body: str = '{"n": "{n}"}', **fields: Any) -> Result:
    load = pacer.Load(url=server.url + "/api/threads/7/comments?via=bench", rate=RATE, seconds=seconds, body=body,
                      **fields)
    return pacer.finish(*pacer.start(load), load)


def test_sends_rate_times_seconds_posts_each_at_its_due_time() -> None:
    with LocalServer() as server:
        result = run(server, seconds=2)

    assert (result.requests, result.errors, result.non_2xx) == (2 * RATE, 0, 0)
    received = sorted(server.received, key=sequence)
    assert [sequence(r) for r in received] == list(range(1, 2 * RATE + 1))
    # Request i is sent at start + i / rate: evenly spread over the run, neither bunched at its start nor late.
    first = received[0].arrived
    lateness = [r.arrived - first - (sequence(r) - 1) / RATE for r in received]
    assert max(abs(late) for late in lateness) < ON_TIME, lateness
    assert 16 <= result.rps <= 2 * RATE / 1.9  # 40 posts over the two seconds the schedule spans (1.95 s)


def test_gives_each_post_its_own_number_and_sends_the_request_as_configured() -> None:
    body = '{"n": "{n}", "body": "Comment number {n}."}'
    headers = (("Content-Type", "application/json"), ("X-CSRFToken", "token-value"))
    with LocalServer() as server:
        run(server, seconds=1, body=body, headers=headers)

    received = server.received
    numbers = [number(r) for r in received]
    assert len(set(numbers)) == len(numbers) == RATE
    # "{n}" is replaced everywhere in the body by the same number: "<run>-<i>", the run part shared by the run.
    assert all(json.loads(r.body)["body"] == f"Comment number {number(r)}." for r in received)
    runs = {n.rsplit("-", 1)[0] for n in numbers}
    assert len(runs) == 1
    assert runs.pop().isdigit()
    for request in received:
        assert (request.method, request.target) == ("POST", "/api/threads/7/comments?via=bench")
        assert request.headers["host"] == f"127.0.0.1:{server.port}"
        assert request.headers["content-type"] == "application/json"
        assert request.headers["x-csrftoken"] == "token-value"
        assert int(request.headers["content-length"]) == len(request.body)


def test_a_stalled_answer_delays_the_posts_queued_behind_it_and_their_latency_shows_it() -> None:
    # One worker; the third post holds it for 0.6 s. The pacer keeps sending on schedule, so the 11 posts due
    # during the stall wait behind it: each latency, from its due time, includes that wait (600, 550, ... 50 ms).
    # A closed-loop client would have sent nothing during the stall, and shown one slow request in 20.
    def answer(request: Received) -> Answer:
        return Answer(delay=0.6 if sequence(request) == 3 else 0.0)

    with LocalServer(answer, serial=True) as server:
        result = run(server, seconds=1)

    assert (result.requests, result.errors) == (RATE, 0)
    received = sorted(server.received, key=sequence)
    first = received[0].arrived
    during_stall = [r for r in received if 3 < sequence(r) <= 14]
    assert all(abs(r.arrived - first - (sequence(r) - 1) / RATE) < ON_TIME for r in during_stall)
    assert 550 <= result.p99_ms < 2000  # the stalled post itself
    # 12 of 20 posts waited 50 ms or more: the median one (ascending, the 11th) 150 ms.
    assert result.p50_ms >= 100


def test_counts_error_answers_as_answered_errors_and_unanswered_posts_as_socket_errors() -> None:
    # Post i: every 4th is refused (503); every 5th (not 4th) loses its connection with no answer; every 6th (of
    # the others) is answered, with "Connection: close".
    def answer(request: Received) -> Answer:
        i = sequence(request)
        if i % 4 == 0:
            return Answer(status=503)
        if i % 5 == 0:
            return Answer(drop=True)
        return Answer(close=i % 6 == 0)

    with LocalServer(answer) as server:
        result = run(server, seconds=1)

    refused, dropped = [4, 8, 12, 16, 20], [5, 10, 15]
    assert result.requests == RATE - len(dropped)  # every answer counts: a refusal, and one closing its connection
    assert result.non_2xx == len(refused)
    assert result.errors == len(refused) + len(dropped)
    times_sent: dict[int, int] = {}
    for request in server.received:
        times_sent[sequence(request)] = times_sent.get(sequence(request), 0) + 1
    # A post that was answered is never sent again (it would be a second comment); one whose connection died
    # unanswered is sent at most once more, on a new connection.
    assert all(count == 1 for i, count in times_sent.items() if i not in dropped)
    assert all(1 <= times_sent[i] <= 2 for i in dropped)


def test_resends_a_post_on_a_new_connection_when_the_server_closed_the_idle_one() -> None:
    # A keep-alive connection the server closes while idle (uvicorn after 5 s; here after every third answer) is
    # only found closed when the next post goes out on it: that post is sent again, and counts as answered.
    with LocalServer(lambda request: Answer(hang_up=sequence(request) % 3 == 0)) as server:
        result = run(server, seconds=1)

    assert (result.requests, result.errors) == (RATE, 0)
    assert sorted(sequence(r) for r in server.received) == list(range(1, RATE + 1))
    # Each closed connection was replaced; the others carried several posts (kept alive).
    assert 1 + RATE // 3 <= len({r.connection for r in server.received}) < RATE


@pytest.mark.parametrize("url", ["http://192.0.2.10:8000/api/", "http://bench.invalid/", "http://127.0.0.1@bench.invalid/"])
def test_refuses_to_load_anything_but_this_machine(url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # Refused before the pacer's process is started: with no Python to start, a start that got past the check
    # fails otherwise (and sends nothing).
    monkeypatch.setattr(sys, "executable", "/nonexistent/python")
    with pytest.raises(ValueError, match="loopback"):
        pacer.start(pacer.Load(url=url, rate=1, seconds=1, body=""))
