"""CPU time per signed-in request, in-process: ``python -m benchmarks.request_cpu ARTICLE_PATH`` in Masthead's
environment (the same data folder, database and ``REDIS_URL`` as a measured server).

Signs a supporter in (``benchmarks/signin.py``), then requests the page through Django's whole stack (middleware,
view, database, cache) with its test client and reports the process's CPU time per request
(``time.process_time``) and the SQL queries and cache calls of one request. Unlike requests/s from wrk, CPU time per
request hardly moves when other work shares the machine: it is the figure to compare changes by on a busy machine.
The HTTP server is not in it (uvicorn's share is the same for every page). On PostgreSQL the CPU time of the
database's server processes serving this database (read from /proc) is reported too: a query spared in the app
spares work there as well.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from typing import Any


def measure(path: str, requests: int, rounds: int) -> dict[str, Any]:
    from django.test import Client

    from benchmarks.hotspots import queries_of_one_request
    from benchmarks.signin import signed_in_reader

    session = signed_in_reader(path)
    client = Client(HTTP_HOST="127.0.0.1")
    client.cookies[session["session_cookie"]] = session["sessionid"]
    client.cookies["csrftoken"] = session["csrftoken"]
    for _ in range(20):  # warm the skeleton, template loaders, imports, the connection pool
        response = client.get(path)
    if response.status_code != 200 or b'autocomplete="nickname"' in response.content:
        raise SystemExit(f"{path} did not answer the signed-in page ({response.status_code})")
    executed = queries_of_one_request(client, path)
    best, database = [], []
    for _ in range(rounds):  # the lowest of a few rounds: the least disturbed by the rest of the machine
        began, began_db = time.process_time(), _database_cpu()
        for _ in range(requests):
            client.get(path)
        best.append((time.process_time() - began) / requests * 1000)
        database.append((_database_cpu() - began_db) / requests * 1000)
    return {"cpu_ms": min(best), "rounds_ms": best, "queries": executed, "database_ms": min(database)}


def _database_cpu() -> float:
    """Seconds of CPU used so far by the PostgreSQL server processes connected to this database (0 on SQLite)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return 0.0
    with connection.cursor() as cursor:
        cursor.execute("SELECT pid FROM pg_stat_activity WHERE datname = current_database()")
        pids = [row[0] for row in cursor.fetchall()]
    total = 0
    for pid in pids:
        try:
            fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()  # noqa: SIM115
        except OSError:  # not on this machine, or gone
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime (clock ticks)
    return total / os.sysconf("SC_CLK_TCK")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("path")
    parser.add_argument("--requests", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--show-queries", action="store_true")
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.settings")
    import django

    django.setup()
    from django.conf import settings

    result = measure(args.path, args.requests, args.rounds)
    print(f"{args.path}, signed in: {result['cpu_ms']:.3f} ms CPU per request (lowest of "
          f"{', '.join(f'{r:.3f}' for r in result['rounds_ms'])}; {args.requests} requests per round), "
          f"{len(result['queries'])} SQL queries per request, {result['database_ms']:.3f} ms CPU per request in the "
          f"database server; database {settings.DATABASES['default']['ENGINE']}, "
          f"session engine {settings.SESSION_ENGINE}, load average {os.getloadavg()[0]:.2f}")
    if args.show_queries:
        for sql in result["queries"]:
            print("  " + sql[:300])
    return 0


if __name__ == "__main__":
    sys.exit(main())
