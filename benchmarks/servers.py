"""``python -m benchmarks.servers``: ``masthead serve`` against maintained servers running Masthead's WSGI app.

Issue 17 asks whether the home-made serving layers (``core/threaded_django.py``, ``concurrency.py``,
``page_cache.py`` behind uvicorn) still earn their place next to a threaded WSGI server (gunicorn's ``gthread``
worker, Granian in WSGI mode) and nginx's micro-cache (``deploy/nginx-microcache.conf``). The same seeded site
is served by each in turn, one at a time, and loaded the way ``python -m benchmarks`` loads Masthead:

- the article page (200 comments), anonymous (what a page cache may answer) and with a personal cookie
  (``mh_reader``: every request renders, so it measures the server and Django, not a cache);
- the thread JSON's first page, anonymous and with the personal cookie;
- posting at ``--post-rate`` on schedule (``benchmarks/pacer.py``) while ``--readers`` readers load the article
  page at a reading pace: the posting goal of docs/benchmarks.md.

    python -m benchmarks.servers                               # SQLite, every server, 10 s loads, 30 s posting
    python -m benchmarks.servers --database both --seconds 5 --post-seconds 15
    python -m benchmarks.servers --server serve --server gunicorn --server gunicorn+nginx

Servers (``--server``, repeatable): ``serve`` (``masthead serve``: uvicorn, threaded Django, page cache),
``serve-nocache`` (the same with ``PAGE_CACHE=0``), ``gunicorn`` (``-k gthread``), ``granian`` (``--interface
wsgi``), and any of them followed by ``+nginx`` (every request through the micro-cache in front of it). The WSGI
servers get a ``masthead worker`` process beside them for the tasks that posting enqueues (``masthead serve``
runs that worker embedded). Prints a table and writes the raw rows to ``$BENCH_DIR/servers.json``; results are
recorded by hand in docs/benchmarks.md ("Maintained servers against masthead serve").
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from benchmarks import masthead_server, report, wrk
from benchmarks.masthead_server import BIN, Site, Sizes
from benchmarks.peers import apt_install, nginx
from benchmarks.procs import Processes, free_port, wait_http
from benchmarks.scenarios import Bench, Config, fetch, masthead_post_load

REPO = Path(__file__).resolve().parents[1]
DEFAULT_BENCH_DIR = "/tmp/masthead-bench-servers"  # noqa: S108 - outside the repository, apart from `make bench`'s
SERVERS = ("serve", "gunicorn", "granian", "serve+nginx", "gunicorn+nginx")
KNOWN = ("serve", "serve-nocache", "gunicorn", "granian")
PERSONAL = (("Cookie", "mh_reader=benchmark-reader"),)
DB_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
# Its own throwaway PostgreSQL database, so a `make bench` running at the same time keeps its own.
PG_NAME = "masthead_bench_servers"
LOADS = ("article", "article-personal", "thread", "thread-personal", "post")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.servers", description=__doc__.split("\n", 1)[0])
    parser.add_argument("--server", action="append", help=f"repeatable; default: {', '.join(SERVERS)}")
    parser.add_argument("--load", action="append", choices=LOADS, help="repeatable; default: all")
    parser.add_argument("--rounds", type=int, default=1,
                        help="measure every server this many times, in reverse order every other round, so a "
                             "change in the machine's other work does not favour whoever went first (default 1)")
    parser.add_argument("--database", choices=["sqlite", "postgresql", "both"], default="sqlite")
    parser.add_argument("--seconds", type=int, default=10, help="per load (default 10)")
    parser.add_argument("--post-seconds", type=int, default=30, help="the posting run (default 30)")
    parser.add_argument("--connections", type=int, default=64, help="anonymous loads (default 64)")
    parser.add_argument("--personal-connections", type=int, default=8,
                        help="loads with a personal cookie, every request rendered (default 8)")
    parser.add_argument("--readers", type=int, default=500, help="readers while posting (default 500)")
    parser.add_argument("--reader-pause-ms", type=int, default=1000, help="mean pause between a reader's pages")
    parser.add_argument("--post-rate", type=int, default=50, help="posts per second (default 50)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="server processes (default: CPUs)")
    parser.add_argument("--threads", type=int, default=4,
                        help="threads per process for gunicorn gthread and Granian's blocking threads (default 4)")
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--comments", type=int, default=20_000)
    parser.add_argument("--deep-thread", type=int, default=10_000)
    parser.add_argument("--bench-dir", type=Path, default=Path(os.environ.get("BENCH_DIR", DEFAULT_BENCH_DIR)))
    parser.add_argument("--reuse-data", action="store_true", help="keep the seeded data between runs")
    args = parser.parse_args(argv)
    for name in args.server or []:
        if name.removesuffix("+nginx") not in KNOWN:
            parser.error(f"unknown server {name!r}: one of {', '.join(KNOWN)}, optionally with +nginx")
    return args


def collect_static(procs: Processes, site: Site) -> None:
    """What ``masthead serve`` does before it serves: hashed, compressed static files (so every server's pages
    are the same bytes, whichever starts first)."""
    code = ("import django; django.setup(); from django.core.management import call_command; "
            "from masthead.core.management.commands.serve import _use_manifest_storage; "
            "_use_manifest_storage(); call_command('collectstatic', interactive=False, verbosity=0)")
    env = {**site.env, "DJANGO_SETTINGS_MODULE": "masthead.settings"}
    procs.check_run(f"collectstatic-{site.database}", [sys.executable, "-c", code], env=env, cwd=REPO)


def start_origin(procs: Processes, site: Site, name: str, workers: int, threads: int) -> tuple[int, list[int]]:
    """One server on a free port; returns (port, the PIDs to stop and to measure)."""
    port = free_port()
    env = {**site.env, "PORT": str(port)}
    host = ["--host", "127.0.0.1"]
    if name in ("serve", "serve-nocache"):
        if name == "serve-nocache":
            env["PAGE_CACHE"] = "0"
        args = [str(BIN / "masthead"), "serve", *host, "--port", str(port), "--workers", str(workers),
                "--no-collectstatic"]
    elif name == "gunicorn":
        args = [str(BIN / "gunicorn"), "masthead.wsgi:application", "--worker-class", "gthread",
                "--workers", str(workers), "--threads", str(threads), "--bind", f"127.0.0.1:{port}",
                "--keep-alive", "5", "--backlog", "2048", "--log-level", "warning"]
    else:
        args = [str(BIN / "granian"), "--interface", "wsgi", "--workers", str(workers),
                "--blocking-threads", str(threads), *host, "--port", str(port), "--no-access-log",
                "--log-level", "warning", "masthead.wsgi:application"]
    if not Path(args[0]).exists():
        raise SystemExit(f"{args[0]} is not installed: pip install -e '.[bench-servers]'")
    proc = procs.start(f"{name}-{site.database}", args, env=env, cwd=REPO)
    pids = [proc.pid]
    if name in ("gunicorn", "granian"):  # the tasks posting enqueues; `masthead serve` runs this worker inside
        pids.append(procs.start(f"worker-{name}-{site.database}", [str(BIN / "masthead"), "worker"],
                                env=env, cwd=REPO).pid)
    wait_http(f"http://127.0.0.1:{port}/healthz", proc=proc, timeout=120)
    return port, pids


def measure_server(bench: Bench, procs: Processes, site: Site, name: str, args: argparse.Namespace) -> None:
    origin, _, front = name.partition("+")
    label = f"{name} ({DB_NAMES[site.database]})"
    port, pids = start_origin(procs, site, origin, args.workers, args.threads)
    seed = site.seed
    try:
        base = f"http://127.0.0.1:{port}"
        if front:
            peer = nginx.start_microcache(procs, args.bench_dir, port, {"article": seed["article_path"]})
            pids = [*peer.pids, *pids]
            base = peer.urls["article"].removesuffix(seed["article_path"])
        status, _ = fetch(base + seed["article_path"])
        if status != 200:
            raise RuntimeError(f"{label}: the article page answered {status}")
        for _ in range(20):  # each process's first requests import and warm what is left
            fetch(base + seed["article_path"])
            fetch(base + seed["thread_200_json"], headers=dict(PERSONAL))
        personal = args.personal_connections
        loads = args.load or LOADS
        if "article" in loads:
            bench.measure("servers", label, "GET article page, anonymous", bench.load(base + seed["article_path"]),
                          pids)
        if "article-personal" in loads:
            bench.measure("servers", label, "GET article page, personal cookie",
                          bench.load(base + seed["article_path"], headers=PERSONAL, connections=personal), pids)
        if "thread" in loads:
            bench.measure("servers", label, "GET thread JSON, anonymous", bench.load(base + seed["thread_200_json"]),
                          pids)
        if "thread-personal" in loads:
            bench.measure("servers", label, "GET thread JSON, personal cookie",
                          bench.load(base + seed["thread_200_json"], headers=PERSONAL, connections=personal), pids)
        if "post" not in loads:
            return
        config = bench.config
        readers = bench.load(base + seed["article_path"], connections=config.readers, delay_ms=config.reader_pause_ms,
                             jitter=True, seconds=config.post_seconds)
        bench.measure_mixed("servers", label, readers,
                            masthead_post_load(bench, base + seed["post_path"], config.post_seconds), pids,
                            reader_label=f"GET article page ({config.readers} readers, reading)",
                            writer_label="POST comment (API), readers reading")
    finally:
        for pid in reversed(pids):
            procs.stop_pid(pid)


def table(bench: Bench) -> str:
    lines = ["| server | request | conns | requests/s | p50 ms | p99 ms | errors | largest process |",
             "|---|---|---:|---:|---:|---:|---:|---:|"]
    for row in bench.rows:
        r = row.result
        if r is None:
            continue
        lines.append(f"| {row.server} | {row.label} | {row.connections} | {r.rps:,.1f} | {r.p50_ms:.2f} | "
                     f"{r.p99_ms:.1f} | {r.errors} | {row.rss_process / 2**20:.0f} MiB |")
    return "\n".join(lines)


def medians(bench: Bench) -> str:
    """Across rounds: each server and request's median requests/s and p99 (the rounds' figures in brackets)."""
    groups: dict[tuple[str, str], list[wrk.Result]] = {}
    for row in bench.rows:
        if row.result is not None:
            groups.setdefault((row.server, row.label), []).append(row.result)
    lines = ["| server | request | requests/s, median (rounds) | p99 ms, median (rounds) |", "|---|---|---|---|"]
    for (server, label), results in groups.items():
        rps = [r.rps for r in results]
        p99 = [r.p99_ms for r in results]
        lines.append(f"| {server} | {label} | {statistics.median(rps):,.1f} ({', '.join(f'{v:,.0f}' for v in rps)}) "
                     f"| {statistics.median(p99):.1f} ({', '.join(f'{v:.0f}' for v in p99)}) |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    args.bench_dir = args.bench_dir.resolve()
    if args.bench_dir == REPO or REPO in args.bench_dir.parents:
        raise SystemExit("--bench-dir must be outside the repository")
    args.bench_dir.mkdir(parents=True, exist_ok=True)
    apt_install("wrk")
    servers = args.server or list(SERVERS)
    bench = Bench(Config(seconds=args.seconds, post_seconds=args.post_seconds, connections=args.connections,
                         peer_connections=args.personal_connections, readers=args.readers,
                         reader_pause_ms=args.reader_pause_ms, post_rate=args.post_rate, threads=2,
                         workers=args.workers, quick=False))
    procs = Processes(args.bench_dir / "logs")
    sizes = Sizes(args.articles, args.comments, args.deep_thread)
    databases = ["sqlite", "postgresql"] if args.database == "both" else [args.database]
    load_start = report.load_average()
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    try:
        for database in databases:
            print(f"\n{DB_NAMES[database]}: migrating and seeding {sizes}", flush=True)
            site = masthead_server.prepare(procs, args.bench_dir, database, sizes, reuse=args.reuse_data,
                                           pg_name=PG_NAME)
            collect_static(procs, site)
            for round_ in range(args.rounds):
                for name in servers if round_ % 2 == 0 else reversed(servers):
                    print(f"\n{name} on {DB_NAMES[database]}", flush=True)
                    measure_server(bench, procs, site, name, args)
    except (KeyboardInterrupt, subprocess.SubprocessError) as exc:
        print(f"interrupted ({exc}): every server started was stopped", file=sys.stderr)
        return 130
    finally:
        procs.stop_all()
        if "postgresql" in databases and not args.reuse_data:
            masthead_server.drop_pg_database(PG_NAME)
    print(f"\n{started}; {args.workers} processes, {args.threads} threads (gunicorn, Granian); load average at "
          f"start / end: {load_start} / {report.load_average()}\n")
    print(table(bench))
    if args.rounds > 1:
        print("\n" + medians(bench))
    (args.bench_dir / "servers.json").write_text(json.dumps([row.as_dict() for row in bench.rows], indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
