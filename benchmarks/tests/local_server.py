"""A small HTTP/1.1 server on 127.0.0.1 for the harness's tests: it records what the load generators send and
answers as each test decides (a status, a delay, ``Connection: close``, or a dropped connection).

It runs on its own event loop in a thread of the test process; the load generators under test (wrk, the pacer)
run in their own processes, as in the harness, so the server's timing is not theirs.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPStatus
from types import TracebackType


@dataclass(frozen=True)
class Received:
    """One request as the server read it."""

    method: str
    target: str
    headers: dict[str, str]  # names lower-cased
    body: bytes
    arrived: float  # time.monotonic() once the whole request was read (one clock for every process here)
    connection: int  # which connection it came on, numbered from 1 in the order they were accepted


@dataclass(frozen=True)
class Answer:
    status: int = 200
    body: bytes = b"ok"
    delay: float = 0.0  # seconds before answering
    close: bool = False  # answer with "Connection: close", then close
    hang_up: bool = False  # answer as if keeping the connection, then close it (a keep-alive timeout)
    drop: bool = False  # close the connection without answering


class LocalServer:
    """``with LocalServer(answer) as server:`` serves ``server.url`` until the block ends.

    ``answer(request)`` decides each answer. With ``serial=True`` one request is answered at a time, in arrival
    order, like a server with a single worker: a slow answer holds up every request behind it.
    """

    def __init__(self, answer: Callable[[Received], Answer] = lambda _request: Answer(), *,
                 serial: bool = False) -> None:
        self._answer = answer
        self._serial = serial
        self.received: list[Received] = []
        self.port = 0
        self._ready = threading.Event()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None
        self._thread = threading.Thread(target=lambda: asyncio.run(self._main()), daemon=True)
        self._connections = 0
        self._writers: set[asyncio.StreamWriter] = set()
        self._lock = asyncio.Lock()  # binds to the server's loop when first used
        self._failure: BaseException | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> LocalServer:
        self._thread.start()
        if not self._ready.wait(10) or not self.port:
            raise RuntimeError(f"the test server did not start: {self._failure!r}")
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        if self._loop is not None and self._stop is not None:
            self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(10)
        if self._failure is not None and kind is None:
            raise RuntimeError("the test server failed") from self._failure

    async def _main(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._stop = asyncio.Event()
        try:
            server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        except OSError as exc:
            self._failure = exc
            self._ready.set()
            return
        self.port = server.sockets[0].getsockname()[1]
        self._ready.set()
        async with server:
            await self._stop.wait()
            for writer in list(self._writers):
                writer.close()
        # asyncio.run cancels the handlers still waiting for a request.

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._connections += 1
        connection = self._connections
        self._writers.add(writer)
        try:
            while (request := await self._read(reader, connection)) is not None:
                self.received.append(request)
                answer = self._answer(request)
                if self._serial:
                    async with self._lock:
                        await asyncio.sleep(answer.delay)
                else:
                    await asyncio.sleep(answer.delay)
                if answer.drop:
                    break
                reason = HTTPStatus(answer.status).phrase
                head = [f"HTTP/1.1 {answer.status} {reason}", f"Content-Length: {len(answer.body)}",
                        "Content-Type: text/plain"]
                if answer.close:
                    head.append("Connection: close")
                writer.write(("\r\n".join(head) + "\r\n\r\n").encode() + answer.body)
                await writer.drain()
                if answer.close or answer.hang_up:
                    break
        except (ConnectionError, asyncio.IncompleteReadError):
            pass  # the client went away: wrk stops mid-request at the end of its run
        except asyncio.CancelledError:
            pass  # the server is stopping while this request waits for its answer: end quietly
        except Exception as exc:  # a broken test server must fail the test, not hang it
            self._failure = exc
        finally:
            self._writers.discard(writer)
            writer.close()

    @staticmethod
    async def _read(reader: asyncio.StreamReader, connection: int) -> Received | None:
        line = await reader.readline()
        if not line.strip():
            return None
        method, target, _version = line.decode("latin-1").split()
        headers: dict[str, str] = {}
        while (line := await reader.readline()) not in (b"\r\n", b"\n", b""):
            name, _, value = line.decode("latin-1").partition(":")
            headers[name.strip().lower()] = value.strip()
        body = await reader.readexactly(int(headers.get("content-length", "0")))
        return Received(method, target, headers, body, time.monotonic(), connection)
