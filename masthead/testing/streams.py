"""Reading server-sent-event streams in tests, as a plain HTTP client (curl, urllib) reads them.

No ``Accept: text/event-stream`` header is sent unless asked for: a stream must work for any client, not only for
a browser's EventSource.
"""

from __future__ import annotations

import json
import socket
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor


class EventStream:
    """Opens ``url`` (waiting at most ``timeout`` seconds for its headers) and reads its events on a thread."""

    def __init__(self, url: str, timeout: float = 10.0, headers: dict[str, str] | None = None) -> None:
        self.events: list[tuple[str, dict]] = []
        request = urllib.request.Request(url, headers=headers or {})  # noqa: S310 - the test server's http URL
        self.response = urllib.request.urlopen(request, timeout=timeout)  # noqa: S310
        assert self.response.headers["Content-Type"].startswith("text/event-stream")
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _read(self) -> None:
        name = None
        try:
            for raw in self.response:
                line = raw.decode().rstrip("\n")
                if line.startswith("event: "):
                    name = line[7:]
                elif line.startswith("data: ") and name:
                    self.events.append((name, json.loads(line[6:])))
        except (OSError, ValueError):
            return

    def wait_for(self, count: int, seconds: float = 5.0) -> list[tuple[str, dict]]:
        deadline = time.monotonic() + seconds
        while len(self.events) < count and time.monotonic() < deadline:
            time.sleep(0.02)
        return self.events

    def close(self) -> None:
        # Shut the socket itself: the reader thread is blocked on it, and the server notices the disconnect.
        try:
            sock = self.response.fp.raw._sock
            sock.shutdown(socket.SHUT_RDWR)
        except (AttributeError, OSError):
            pass
        self.thread.join(5)
        self.response.close()


def open_streams(url: str, count: int, timeout: float = 5.0) -> list[EventStream]:
    """``count`` readers open ``url`` at the same time; fails, naming how many, unless every one is answered
    within ``timeout`` seconds (all of them are closed again then)."""
    with ThreadPoolExecutor(max_workers=count) as pool:
        futures = [pool.submit(EventStream, url, timeout) for _ in range(count)]
        opened: list[EventStream] = []
        failures: list[BaseException] = []
        for future in futures:
            try:
                opened.append(future.result())
            except (OSError, TimeoutError) as error:  # urllib's timeout is an OSError (socket.timeout)
                failures.append(error)
    if failures:
        for stream in opened:
            stream.close()
        raise AssertionError(f"{len(failures)} of {count} readers got no answer within {timeout} s: {failures[0]!r}")
    return opened


def close_all(streams: list[EventStream]) -> None:
    for stream in streams:
        stream.close()
