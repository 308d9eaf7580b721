"""Talking to running `masthead serve` processes as a reader would: the live-events stream and the comment API
(the tests that run several servers: core/tests/test_live_across_processes.py, test_drill_scaled_shape.py)."""

from __future__ import annotations

import json
import queue
import threading
import time
import urllib.request
from typing import Any

CSRF = "livetestcsrftokenlivetestcsrftok"  # any 32 characters: the API compares the header with the cookie


def read_stream(url: str, events: queue.Queue[tuple[str, str, dict[str, Any]]], ready: threading.Event) -> None:
    """Reads a server-sent-events stream, putting (url, event name, data) on ``events``."""
    with urllib.request.urlopen(url, timeout=30) as response:
        name = ""
        for raw in response:
            line = raw.decode().rstrip("\n")
            if line.startswith("retry:"):
                ready.set()  # the server has subscribed this stream
            elif line.startswith("event: "):
                name = line.removeprefix("event: ")
            elif line.startswith("data: "):
                events.put((url, name, json.loads(line.removeprefix("data: "))))


def post_comment(base: str, thread_id: int, body: str) -> dict[str, Any]:
    """A guest's comment through the API of the server at ``base``; asserts it was accepted (201)."""
    request = urllib.request.Request(
        f"{base}/api/discussion/threads/{thread_id}/comments",
        data=json.dumps({"body": body, "author_name": "Ferry reader"}).encode(),
        headers={"Content-Type": "application/json", "Cookie": f"csrftoken={CSRF}", "X-CSRFToken": CSRF},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 201
        answer: dict[str, Any] = json.loads(response.read())
        return answer


def post_until_heard(base: str, thread_id: int, streams: list[str], text: str, *, seconds: float = 20,
                     ready_seconds: float = 15) -> tuple[dict[str, dict[int, dict[str, Any]]], list[int]]:
    """Open a reader's stream on each of ``streams``, then post through ``base`` until every stream has heard a
    comment event (at most three posts, within ``seconds``). Each process subscribes to Redis on its first
    reader, a moment after that reader's stream opens: a comment published before then would not reach it.

    Returns, per stream, the comment events heard (id -> data), and the ids posted."""
    events: queue.Queue[tuple[str, str, dict[str, Any]]] = queue.Queue()
    for url in streams:
        ready = threading.Event()
        threading.Thread(target=read_stream, args=(url, events, ready), daemon=True).start()
        assert ready.wait(ready_seconds), f"{url} did not start streaming"
    heard: dict[str, dict[int, dict[str, Any]]] = {url: {} for url in streams}
    posted: list[int] = []
    deadline = time.monotonic() + seconds
    while not all(heard.values()) and time.monotonic() < deadline:
        if len(posted) < 3:
            posted.append(post_comment(base, thread_id, f"Comment {len(posted)}: {text}")["id"])
        try:
            url, name, data = events.get(timeout=2)
        except queue.Empty:
            continue
        if name == "comment":
            heard[url][data["id"]] = data
    return heard, posted
