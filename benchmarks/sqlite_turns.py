"""``python -m benchmarks.sqlite_turns [seconds]``: is Masthead's SQLite backend (writers take turns,
core/sqlite_backend) still worth its private-API overrides next to Django's own ``transaction_mode="IMMEDIATE"``?

Two processes of three threads each write short transactions (one insert, ~3 ms of work holding the write lock,
then a 4 ms pause) to one SQLite file in WAL mode, first through Django's SQLite backend with
``transaction_mode="IMMEDIATE"`` (SQLite's busy handler decides who goes next), then through Masthead's (a thread
lock and an ``flock`` decide, then the same ``BEGIN IMMEDIATE``). It prints each one's transactions and latency
(BEGIN to COMMIT, waiting included). Results are in docs/architecture.md ("SQLite writers take turns").
"""

from __future__ import annotations

import multiprocessing
import os
import sqlite3
import sys
import tempfile
import threading
import time
from pathlib import Path

ENGINES = ("django.db.backends.sqlite3", "masthead.core.sqlite_backend")
THREADS = 3
PROCESSES = 2


def _writer_process(engine: str, path: str, seconds: float, out: multiprocessing.Queue[list[float]]) -> None:
    import django
    from django.conf import settings

    settings.configure(
        DATABASES={"default": {"ENGINE": engine, "NAME": path, "OPTIONS": {
            "transaction_mode": "IMMEDIATE", "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"}}},
        INSTALLED_APPS=[], USE_TZ=True,
    )
    django.setup()
    from django.db import connection, connections, transaction

    latencies: list[float] = []
    lock = threading.Lock()

    def write_for(seconds: float) -> None:
        end = time.monotonic() + seconds
        mine: list[float] = []
        while time.monotonic() < end:
            started = time.perf_counter()
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute("INSERT INTO t (v) VALUES (%s)", [os.getpid()])
                sum(range(30_000))  # work done while holding the write lock
            mine.append(time.perf_counter() - started)
            time.sleep(0.004)
        connections.close_all()
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=write_for, args=(seconds,)) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    out.put(latencies)


def measure(engine: str, folder: Path, seconds: float) -> str:
    path = str(folder / f"{engine.rsplit('.', 1)[-1]}.sqlite3")
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v INTEGER)")
    db.commit()
    db.close()
    out: multiprocessing.Queue[list[float]] = multiprocessing.Queue()
    processes = [multiprocessing.Process(target=_writer_process, args=(engine, path, seconds, out))
                 for _ in range(PROCESSES)]
    for process in processes:
        process.start()
    latencies = sorted(value for _ in processes for value in out.get())
    for process in processes:
        process.join()

    def at(share: float) -> float:
        return latencies[min(len(latencies) - 1, int(share * len(latencies)))] * 1000

    return (f"{engine:30s} {len(latencies) / seconds:6.0f} transactions/s  p50 {at(0.5):5.1f}  p99 {at(0.99):5.1f}"
            f"  p99.9 {at(0.999):6.1f}  max {latencies[-1] * 1000:6.1f} ms")


def main() -> None:
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 15.0
    with tempfile.TemporaryDirectory(prefix="masthead-turns-") as folder:
        for engine in ENGINES:
            print(measure(engine, Path(folder), seconds), flush=True)


if __name__ == "__main__":
    main()
