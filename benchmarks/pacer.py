"""An open-loop load generator for the posting goal: requests sent on a fixed schedule, whatever the answers.

wrk sends a connection's next request only after the previous answer (and its pause): a slow answer delays
the next request, so the rate sags and the slow moments are sampled less ("coordinated omission"), and every
connection fires at once when the run starts. The posting goal is a p99 at a *rate* (50 posts/s), so here each
request has a due time (start + i / rate); it is sent at that time on an idle keep-alive connection (or a new one)
and its latency is measured from the due time, so any queueing, on either side, counts.

    python -m benchmarks.pacer --url http://127.0.0.1:8000/api/... --rate 50 --seconds 10 \\
        --body '{"body": "comment {n}"}' --header 'Content-Type: application/json'

Prints one line, ``PACER_JSON {...}``, with the same figures as the wrk runs (requests, p50, p99, errors).
Loopback only, like every load of the harness.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from benchmarks import wrk

TIMEOUT_SECONDS = 10.0


@dataclass(frozen=True)
class Load:
    """Paced requests: ``rate`` per second for ``seconds``; "{n}" in the body becomes a unique number."""

    url: str
    rate: int
    seconds: int
    body: str
    headers: tuple[tuple[str, str], ...] = ()
    method: str = "POST"

    @property
    def connections(self) -> int:  # what the table shows: the most connections the run may open
        return self.rate


class _Connection:
    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader, self.writer = reader, writer

    async def exchange(self, request: bytes) -> int:
        """Send one request and read its whole answer; returns the status code."""
        self.writer.write(request)
        await self.writer.drain()
        status_line = await self.reader.readline()
        if not status_line:
            raise ConnectionError("closed by the server")
        status = int(status_line.split()[1])
        length, chunked, closing = 0, False, False
        while True:
            line = await self.reader.readline()
            if line in (b"\r\n", b"\n", b""):
                break
            name, _, value = line.decode("latin-1").partition(":")
            name, value = name.strip().lower(), value.strip().lower()
            if name == "content-length":
                length = int(value)
            elif name == "transfer-encoding" and "chunked" in value:
                chunked = True
            elif name == "connection" and value == "close":
                closing = True
        if chunked:
            while True:
                size = int((await self.reader.readline()).split(b";")[0], 16)
                await self.reader.readexactly(size + 2)
                if size == 0:
                    break
        elif length:
            await self.reader.readexactly(length)
        if closing:
            self.writer.close()
            raise _Closed(status)
        return status


class _Closed(Exception):
    def __init__(self, status: int) -> None:
        self.status = status


def _request(load: Load, n: str) -> bytes:
    parts = urlsplit(load.url)
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    body = load.body.replace("{n}", n).encode()
    head = [f"{load.method} {target} HTTP/1.1", f"Host: {parts.netloc}", f"Content-Length: {len(body)}"]
    head += [f"{k}: {v}" for k, v in load.headers]
    return ("\r\n".join(head) + "\r\n\r\n").encode() + body


async def _run(load: Load) -> dict[str, float | dict[str, int]]:
    parts = urlsplit(load.url)
    host, port = parts.hostname or "127.0.0.1", parts.port or 80
    idle: list[_Connection] = []
    latencies: list[float] = []
    errors = {"status": 0, "socket": 0, "timeout": 0}
    refused: dict[str, int] = {}  # status codes of the refused requests, for the logs
    run = f"{time.time_ns() // 1000 % 10**10}-"  # unique across runs: servers refuse repeated comments

    async def send(request: bytes) -> int:
        reused = idle.pop() if idle else None
        if reused is not None:
            try:
                status = await reused.exchange(request)
                idle.append(reused)
                return status
            except (ConnectionError, asyncio.IncompleteReadError):
                # The server closed this idle keep-alive connection (uvicorn after 5 s) as the request went
                # out: nothing was answered, so send it again on a new connection, as browsers do.
                reused.writer.close()
        connection = _Connection(*await asyncio.open_connection(host, port))
        status = await connection.exchange(request)
        idle.append(connection)
        return status

    async def one(n: int, due: float) -> None:
        try:
            status = await asyncio.wait_for(send(_request(load, run + str(n))), TIMEOUT_SECONDS)
        except _Closed as closed:
            status = closed.status
        except TimeoutError:
            errors["timeout"] += 1
            return
        except (OSError, ConnectionError, ValueError, IndexError, asyncio.IncompleteReadError):
            errors["socket"] += 1
            return
        latencies.append(time.perf_counter() - due)
        if status >= 400:
            errors["status"] += 1
            refused[str(status)] = refused.get(str(status), 0) + 1

    start = time.perf_counter()
    total = load.rate * load.seconds
    tasks = []
    for i in range(total):
        due = start + i / load.rate
        delay = due - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        tasks.append(asyncio.create_task(one(i + 1, due)))
    await asyncio.gather(*tasks)
    duration = time.perf_counter() - start
    latencies.sort()

    def percentile(p: float) -> float:
        return latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))] * 1000 if latencies else 0.0

    for connection in idle:
        connection.writer.close()
    return {"requests": len(latencies), "duration_s": duration, "p50_ms": percentile(50), "p99_ms": percentile(99),
            "max_ms": latencies[-1] * 1000 if latencies else 0.0, "refused": refused, **errors}


def start(load: Load) -> tuple[subprocess.Popen[str], Path]:
    """Run the pacer in its own process (like wrk), so the harness's own work never delays a due request."""
    wrk.check_local(load.url)
    args = [sys.executable, "-m", "benchmarks.pacer", "--url", load.url, "--rate", str(load.rate),
            "--seconds", str(load.seconds), "--body", load.body, "--method", load.method]
    for name, value in load.headers:
        args += ["--header", f"{name}: {value}"]
    cwd = Path(__file__).resolve().parents[1]
    return subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=cwd), cwd


def finish(proc: subprocess.Popen[str], _cwd: Path, load: Load) -> wrk.Result:
    output, _ = proc.communicate(timeout=load.seconds + 60)
    line = next((ln for ln in output.splitlines() if ln.startswith("PACER_JSON ")), None)
    if proc.returncode != 0 or line is None:
        raise RuntimeError(f"the pacer failed ({proc.returncode}):\n{output[-2000:]}")
    data = json.loads(line.removeprefix("PACER_JSON "))
    socket_errors = data["socket"] + data["timeout"]
    if data["refused"] or socket_errors:  # which errors, for the run's log (the table only counts them)
        print(f"  pacer errors: answers {data['refused']}, socket {data['socket']}, timeouts {data['timeout']}",
              flush=True)
    return wrk.Result(requests=data["requests"], rps=data["requests"] / (data["duration_s"] or 1.0),
                      p50_ms=data["p50_ms"], p99_ms=data["p99_ms"], errors=socket_errors + data["status"],
                      non_2xx=data["status"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.pacer", description=__doc__.split("\n", 1)[0])
    parser.add_argument("--url", required=True)
    parser.add_argument("--rate", type=int, required=True, help="requests per second")
    parser.add_argument("--seconds", type=int, required=True)
    parser.add_argument("--body", default="")
    parser.add_argument("--method", default="POST")
    parser.add_argument("--header", action="append", default=[], help="'Name: value', repeatable")
    args = parser.parse_args(argv)
    wrk.check_local(args.url)
    headers = tuple(tuple(part.strip() for part in h.split(":", 1)) for h in args.header)
    load = Load(url=args.url, rate=args.rate, seconds=args.seconds, body=args.body,
                headers=headers, method=args.method)
    print("PACER_JSON " + json.dumps(asyncio.run(_run(load))), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
