"""Driving wrk (benchmarks/wrk.py): the generated Lua script, the loopback-only rule, and short real runs of
Debian's wrk against a server on 127.0.0.1 that records what it is sent."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from benchmarks import wrk
from benchmarks.tests.local_server import Answer, LocalServer, Received

needs_wrk = pytest.mark.skipif(shutil.which("wrk") is None, reason="wrk is not installed: apt-get install wrk")
ANSWER_DELAY = 0.02  # seconds per answer: two connections then make at most 100 requests/s, so a run stays light


@pytest.mark.parametrize("url", [
    "http://192.0.2.10:8000/", "http://198.51.100.7/articles/", "http://bench.invalid/",
    "http://127.0.0.1@bench.invalid/", "http://127.0.0.1.bench.invalid/", "http://localhost.bench.invalid/",
])
def test_refuses_any_server_but_this_machine(url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="loopback"):
        wrk.check_local(url)
    # Refused before wrk is looked for: with no wrk on the PATH, a start that got past the check fails otherwise
    # (and starts nothing).
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(ValueError, match="loopback"):
        wrk.start(wrk.Load(url=url, seconds=1, connections=1))


@pytest.mark.parametrize("url", ["http://127.0.0.1:8000/articles/", "http://localhost/", "http://[::1]:8080/"])
def test_accepts_the_loopback(url: str) -> None:
    wrk.check_local(url)


_LUA_ESCAPES = {"a": 7, "b": 8, "f": 12, "n": 10, "r": 13, "t": 9, "v": 11, "\\": 92, '"': 34, "'": 39, "\n": 10}


def lua_string_bytes(literal: str) -> bytes:
    """The bytes a double-quoted Lua 5.1 string literal stands for (LuaJIT, wrk's Lua, reads it the same way);
    ValueError where Lua would refuse it (LuaJIT has no ``\\uXXXX`` escape, for one)."""
    if len(literal) < 2 or literal[0] != '"':
        raise ValueError("not a double-quoted literal")
    out, i, end = bytearray(), 1, len(literal) - 1
    while i < end:
        ch = literal[i]
        if ch in '"\n':
            raise ValueError(f"unescaped {ch!r} inside the literal")
        if ch != "\\":
            out += ch.encode()  # the script file is written as UTF-8
            i += 1
            continue
        digits = re.match(r"[0-9]{1,3}", literal[i + 1:])
        if digits:
            if int(digits.group()) > 255:
                raise ValueError(f"escape \\{digits.group()} is not a byte")
            out.append(int(digits.group()))
            i += 1 + len(digits.group())
        elif literal[i + 1] in _LUA_ESCAPES:
            out.append(_LUA_ESCAPES[literal[i + 1]])
            i += 2
        else:
            raise ValueError(f"invalid escape \\{literal[i + 1]}")
    if i != end or literal[end] != '"':
        raise ValueError("unterminated literal")
    return bytes(out)


@pytest.mark.parametrize("value", [
    'She said "no" twice', "back\\slash at the end\\", "two\nlines\r\nand a\ttab", 'a \\"mix\\" of \\n both',
    "café, naïve, 東京", "a control \x01, a delete \x7f", "digits after an escape: \x01" + "234", "",
])
def test_lua_string_stands_for_exactly_the_value(value: str) -> None:
    assert lua_string_bytes(wrk._lua_string(value)) == value.encode()


_STRING_CONSTANT = re.compile(r'^(?:([A-Z_]+)|wrk\.headers\[("[^"]*")\]) = ("(?:[^"\\\n]|\\.)*")$', re.M)


def string_constants(script: str) -> dict[str, bytes]:
    """The strings a generated script sets before its functions (``NAME = "..."``, ``wrk.headers["k"] = "v"``),
    as Lua reads them."""
    return {name or lua_string_bytes(header).decode(): lua_string_bytes(literal)
            for name, header, literal in _STRING_CONSTANT.findall(script)}


@pytest.mark.parametrize(("load", "expected"), [
    (wrk.Load(url="http://127.0.0.1:8000/api/threads/3/comments?sort=new", method="POST",
              body='{"body": "Line one,\nline \\"two\\" \\\\ {n}", "author_name": "Zoë {n}"}'),
     {"BODY": '{"body": "Line one,\nline \\"two\\" \\\\ {n}", "author_name": "Zoë {n}"}',
      "PATH": "/api/threads/3/comments?sort=new"}),
    (wrk.Load(url="http://127.0.0.1:8000/support/webhooks/stripe/", method="POST",
              bodies_file="/srv/bänch \"1\"/webhooks.txt", signed_header="Stripe-Signature"),
     {"FILE": '/srv/bänch "1"/webhooks.txt', "PATH": "/support/webhooks/stripe/",
      "SIGNED_HEADER": "Stripe-Signature"}),
    (wrk.Load(url="http://127.0.0.1:8000/articles/bench-{r}/", random_max=10), {"TEMPLATE": "/articles/bench-{r}/"}),
    (wrk.Load(url="http://127.0.0.1:8000/api/threads/2/comments", headers=(("Cookie", 'mh_reader="a\\b"'),)),
     {"Cookie": 'mh_reader="a\\b"'}),
])
def test_script_embeds_what_the_load_says(load: wrk.Load, expected: dict[str, str]) -> None:
    script = wrk.script_for(load)
    assert string_constants(script) == {name: value.encode() for name, value in expected.items()}
    assert "WRK_JSON" in script  # every script reports its figures in one line


@needs_wrk
def test_post_run_sends_each_body_and_header_exactly_with_its_own_number() -> None:
    # Every kind of character a Lua literal must escape, in the body (with the "{n}" to fill) and in a header.
    body = 'Quote "{n}" \\ back\\slash\nnew line\ttab, café ✓ {n}'
    header = 'say "cheese" \\ now'

    def number_of(request: Received) -> int:
        found = re.match(rb'Quote "([0-9]+)"', request.body)
        assert found is not None, request.body
        return int(found.group(1))

    def answer(request: Received) -> Answer:  # odd numbers are refused
        return Answer(status=500 if number_of(request) % 2 else 201, delay=ANSWER_DELAY)

    with LocalServer(answer) as server:
        load = wrk.Load(url=server.url + "/api/threads/3/comments?x=1", seconds=1, connections=2, threads=2,
                        method="POST", body=body, headers=(("Content-Type", "application/json"), ("X-Note", header)))
        result = wrk.run(load)

    received = server.received
    assert result.requests > 10
    numbers = [number_of(r) for r in received]
    assert len(set(numbers)) == len(numbers)  # one number per request, across both threads
    for request, n in zip(received, numbers, strict=True):
        assert request.body == body.replace("{n}", str(n)).encode()
        assert (request.method, request.target) == ("POST", "/api/threads/3/comments?x=1")
        assert request.headers["x-note"] == header
        assert request.headers["content-type"] == "application/json"
    # wrk counts what it saw answered before its time was up; a request in flight at the end is not counted.
    answered_500 = sum(n % 2 for n in numbers)
    assert 0 <= len(received) - result.requests <= load.connections
    assert 0 <= answered_500 - result.non_2xx <= load.connections
    assert result.non_2xx > 0
    assert result.errors == result.non_2xx  # no socket error: every error is an answer's status


@needs_wrk
def test_get_run_with_a_path_template_reports_requests_and_latency_in_milliseconds() -> None:
    with LocalServer(lambda _request: Answer(delay=ANSWER_DELAY)) as server:
        load = wrk.Load(url=server.url + "/articles/bench-{r}/", seconds=1, connections=2, threads=2,
                        random_max=5)
        proc, script = wrk.start(load)
        assert script.exists()
        result = wrk.finish(proc, script, load)

    assert not script.exists()  # the generated script is removed
    paths = [r.target for r in server.received]
    assert all(r.method == "GET" for r in server.received)
    assert set(paths) <= {f"/articles/bench-{i}/" for i in range(5)}
    assert len(set(paths)) > 1  # a random article per request
    assert 0 <= len(paths) - result.requests <= load.connections
    assert (result.errors, result.non_2xx) == (0, 0)
    # Each answer takes at least ANSWER_DELAY: p50 in milliseconds, and at most 2 / ANSWER_DELAY requests/s.
    assert ANSWER_DELAY * 1000 <= result.p50_ms <= result.p99_ms < 1000
    assert result.requests / 1.2 <= result.rps <= 2 / ANSWER_DELAY * 1.05
