"""The import's writer on PostgreSQL, in-process: ``python -m benchmarks.writer_pg``.

``writer_cpu``'s counterpart for PostgreSQL (local server, trust auth on 127.0.0.1): reads the same generated WXR
export, migrates a template database once, and for each round creates a fresh database from it and runs the
importer's ``Loader`` (``--workers 1`` by default). Per comment it prints: the wall time, the writer's own CPU
(``time.process_time``), the worker's CPU, the time the writer waited for the worker's prepared comments, the
rest of the wall time (the writer waiting on the server: "wait"), and the server's CPU for the writer's
connections (read from ``/proc`` of their backends: the server is local). ``--calls`` also counts the database
calls and sums the wall time in each kind of statement (COPY included), which says where the waiting grows with
the import's size.

    python -m benchmarks.writer_pg --bench-dir /tmp/bench-pg --articles 1000 --comments 100000 --rounds 1
"""

from __future__ import annotations

import argparse
import os
import re
import secrets
import shutil
import subprocess
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path
from typing import Any

from benchmarks import masthead_server
from benchmarks.import_run import export_file

_TICKS = os.sysconf("SC_CLK_TCK")


def _proc_cpu(pid: int) -> float:
    """User + system CPU seconds of a local process (a server backend), 0 if it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / _TICKS


def _all_postgres_cpu() -> float:
    """CPU seconds of every live server process (the writer's backends, WAL writer, checkpointer...; another
    session's too: a shared server's figure is an upper bound)."""
    total = 0.0
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if (entry / "comm").read_text().startswith("postgres"):
                    total += _proc_cpu(int(entry.name))
            except OSError:
                continue
    return total


def _children_cpu() -> float:
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


_KIND = re.compile(r'^\s*(\w+)(?:.*?\b(?:FROM|INTO|UPDATE|TABLE)\s+"?(\w+)"?)?', re.S | re.I)


def _kind(sql: str) -> str:
    match = _KIND.match(sql)
    if match is None:
        return sql[:30]
    verb = match.group(1).upper()
    table = sql.split()[1].strip('"') if verb == "UPDATE" else match.group(2) or ""
    return f"{verb} {table}".strip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--bench-dir", type=Path, required=True)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--comments", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--calls", action="store_true", help="count the database calls and time them by kind")
    parser.add_argument("--no-gc", action="store_true",
                        help="the writer without Python's cyclic garbage collector (does its cost grow with size?)")
    args = parser.parse_args(argv)
    args.bench_dir.mkdir(parents=True, exist_ok=True)
    export = export_file(args.bench_dir, args.articles, args.comments // args.articles)
    suffix = os.getpid()
    template, name = f"writer_pg_template_{suffix}", f"writer_pg_{suffix}"
    data_dir = args.bench_dir / f"writer-pg-data-{suffix}"
    shutil.rmtree(data_dir, ignore_errors=True)
    data_dir.mkdir()
    os.environ.pop("REDIS_URL", None)
    os.environ.update({"MASTHEAD_DATA_DIR": str(data_dir), "DEBUG": "0", "LOG_LEVEL": "WARNING",
                       "DJANGO_SETTINGS_MODULE": "masthead.settings",
                       "DATABASE_URL": masthead_server.recreate_pg_database(template)})
    os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(40))
    try:
        subprocess.run([sys.executable, "-m", "masthead", "migrate", "--noinput", "-v", "0"], check=True)
        os.environ["DATABASE_URL"] = masthead_server.recreate_pg_database(name)
        return _rounds(args, export, template, name)
    finally:
        masthead_server.drop_pg_database(name)
        masthead_server.drop_pg_database(template)
        shutil.rmtree(data_dir, ignore_errors=True)


def _rounds(args: argparse.Namespace, export: Path, template: str, name: str) -> int:
    import django

    django.setup()
    import psycopg
    from django.db import connection, connections

    from masthead.core import bulk_insert
    from masthead.importing import preparing
    from masthead.importing.loader import Loader
    from masthead.importing.sources.wordpress import WordPressSource

    waited = [0.0]
    collect = preparing.AheadPreparer._collect

    def timed_collect(item: Any) -> Any:
        started = time.perf_counter()
        try:
            return collect(item)
        finally:
            waited[0] += time.perf_counter() - started

    preparing.AheadPreparer._collect = staticmethod(timed_collect)  # type: ignore[method-assign]
    backends: dict[int, float] = {}  # the writer's backends (by pid): their CPU when last seen

    def seen() -> None:
        if connection.connection is not None:
            pid = connection.connection.info.backend_pid
            backends[pid] = _proc_cpu(pid) or backends.get(pid, 0.0)

    commit = Loader._commit

    marks: list[tuple[int, float, float, float]] = []  # (comments committed, writer CPU, server CPU, load)
    step = max(1, args.comments // 5)

    def timed_commit(self: Loader) -> None:
        seen()  # before a commit may close nothing; the backend is read while it lives
        commit(self)
        seen()
        created = self.summary.count("comment", "created")
        if created >= (marks[-1][0] if marks else 0) + step:
            marks.append((created, time.process_time(), sum(backends.values()), os.getloadavg()[0]))

    Loader._commit = timed_commit  # type: ignore[method-assign]
    calls: Counter[str] = Counter()
    spent: dict[str, float] = defaultdict(float)

    def wrapper(execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any) -> Any:
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            kind = _kind(sql)
            calls[kind] += 1
            spent[kind] += time.perf_counter() - started

    write = bulk_insert._write

    def timed_write(cursor: Any, model: Any, fields: Any, rows: Any) -> None:
        started = time.perf_counter()
        try:
            write(cursor, model, fields, rows)
        finally:
            if len(rows) >= bulk_insert.COPY_FROM_ROWS:
                kind = f"COPY {model._meta.db_table}"
                calls[kind] += 1
                spent[kind] += time.perf_counter() - started

    if args.no_gc:
        import gc

        gc.disable()
    if args.calls:
        bulk_insert._write = timed_write
        connection.execute_wrappers.append(wrapper)
    for _ in range(args.rounds):
        connections.close_all()
        with psycopg.connect(masthead_server.PG_ADMIN_URL, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        backends.clear()
        marks.clear()
        marks.append((0, time.process_time(), 0.0, os.getloadavg()[0]))
        waited[0] = 0.0
        calls.clear()
        spent.clear()
        load = os.getloadavg()[0]
        children = _children_cpu()
        everything = _all_postgres_cpu()
        wall, cpu = time.perf_counter(), time.process_time()
        summary = Loader(WordPressSource(export, {}), workers=args.workers).run()
        seen()
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        worker = _children_cpu() - children
        created = summary.count("comment", "created") or 1
        server = sum(backends.values())
        everything = _all_postgres_cpu() - everything  # the writer's backends are still open: counted
        per = 1000 / created
        print(f"{created} comments; ms per comment: wall {wall * per:.4f}, writer CPU {cpu * per:.4f}, "
              f"wait on the server {(wall - cpu - waited[0]) * per:.4f}, wait on the worker {waited[0] * per:.4f}, "
              f"server CPU {server * per:.4f} (all server processes {everything * per:.4f}), "
              f"worker CPU {worker * per:.4f}; {wall:.1f} s; load {load:.2f} / "
              f"{os.getloadavg()[0]:.2f}", flush=True)
        for (before, cpu_before, server_before, _), (after, cpu_after, server_after, load_now) in pairwise(marks):
            share = 1000 / max(1, after - before)
            print(f"  comments {before:>8} to {after:>8}: writer CPU {(cpu_after - cpu_before) * share:.4f} ms a "
                  f"comment, server CPU {(server_after - server_before) * share:.4f}; load {load_now:.2f}")
        if args.calls:
            total = sum(calls.values())
            print(f"  database calls: {total} ({total / created:.4f} per comment)")
            for kind, seconds in sorted(spent.items(), key=lambda item: -item[1])[:14]:
                print(f"  {kind:<48} {calls[kind]:>7} calls {seconds:8.2f} s {seconds * per:.4f} ms/comment")
    connections.close_all()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
