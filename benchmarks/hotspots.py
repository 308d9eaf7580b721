"""Where one request's time goes: ``python -m benchmarks.hotspots PATH...`` in Masthead's environment.

The harness runs it (in a subprocess with the same data folder and database as the measured server) after the
loads, so the report can show, next to a goal that is not met, the functions the time is spent in. Requests go
through Django's full stack in-process (middleware, view, templates, database) under ``cProfile``; the HTTP
server and the network are not in the picture, which the wrk figures already cover.

Prints Markdown: milliseconds and queries per request, then the functions with the most time of their own and
Masthead's own functions with the most cumulative time.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOTS = (str(Path(__file__).resolve().parents[1]) + os.sep, sys.prefix + os.sep, sys.base_prefix + os.sep)


def _where(func: tuple[str, int, str]) -> str:
    filename, line, name = func
    if filename == "~":
        return name  # a builtin
    for root in ROOTS:
        filename = filename.removeprefix(root)
    filename = filename.split("site-packages" + os.sep)[-1]
    return f"{filename}:{line} {name}"


def queries_of_one_request(client: Any, path: str) -> list[str]:
    """The SQL one ``client.get(path)`` runs (Django's test client, in this process)."""
    from django.db import connection

    executed: list[str] = []

    def count(execute: Callable[..., Any], sql: str, params: Any, many: bool, context: dict[str, Any]) -> Any:
        executed.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        client.get(path)
    return executed


def profile(path: str, requests: int, top: int, cookie: str | None = None) -> str:
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    title = f"`{path}`"
    if cookie:  # a signed-in reader: "name=value" of the session cookie
        name, _, value = cookie.partition("=")
        client.cookies[name] = value
        title += ", signed in"
    for _ in range(10):  # warm caches, template loaders, imports
        status = client.get(path).status_code
    if status != 200:
        return f"#### {title}\n\n{path} answered {status}; not profiled.\n"
    executed = queries_of_one_request(client, path)
    profiler = cProfile.Profile()
    began = time.perf_counter()
    profiler.enable()
    for _ in range(requests):
        client.get(path)
    profiler.disable()
    elapsed = (time.perf_counter() - began) / requests * 1000
    stats = pstats.Stats(profiler)
    rows = stats.stats  # type: ignore[attr-defined]  # {func: (primitive calls, calls, own time, cumulative, callers)}
    own = sorted(rows.items(), key=lambda item: item[1][2], reverse=True)[:top]
    mine = sorted(((f, v) for f, v in rows.items() if f"{os.sep}masthead{os.sep}" in f[0]),
                  key=lambda item: item[1][3], reverse=True)[:top]
    lines = [
        f"#### {title}", "",
        f"{elapsed:.2f} ms per request under the profiler ({requests} requests, in-process), "
        f"{len(executed)} SQL queries per request.", "",
        "| own time per request (ms) | calls per request | function |", "|---:|---:|---|",
    ]
    lines += [f"| {v[2] / requests * 1000:.3f} | {v[1] / requests:.0f} | `{_where(f)}` |" for f, v in own]
    lines += ["", "| cumulative per request (ms) | Masthead function |", "|---:|---|"]
    lines += [f"| {v[3] / requests * 1000:.3f} | `{_where(f)}` |" for f, v in mine]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("--signed-in", action="append", default=[], metavar="PATH",
                        help="also profile PATH with --cookie (a signed-in reader's session); repeatable")
    parser.add_argument("--cookie", help="NAME=VALUE of the session cookie for --signed-in")
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.settings")
    import django

    django.setup()
    for path in args.paths:
        print(profile(path, args.requests, args.top))
    for path in args.signed_in:
        print(profile(path, args.requests, args.top, args.cookie))
    return 0


if __name__ == "__main__":
    sys.exit(main())
