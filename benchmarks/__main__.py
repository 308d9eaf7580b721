"""``python -m benchmarks`` (``make bench``): seed, serve, load, compare, and write docs/benchmarks.md.

    python -m benchmarks                      # every scenario, SQLite, full sizes, 10 s per load
    python -m benchmarks --quick              # smoke run: small dataset, 3 s per load, fewer connections
    python -m benchmarks --database both --scenario article --scenario thread

Servers run one at a time; every process started is stopped by PID at the end, on error and on Ctrl-C or
SIGTERM. Peers and data live in ``$BENCH_DIR`` (default /tmp/masthead-bench), outside the repository.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

from benchmarks import import_run, masthead_server, report, wrk
from benchmarks.masthead_server import Sizes
from benchmarks.peers import apt_install, isso, nginx, wordpress
from benchmarks.procs import Processes
from benchmarks.scenarios import (
    POST_WHILE_FLOODED,
    POST_WHILE_READING,
    SCALING_PROCESSES,
    SCENARIOS,
    SIGNED_IN_PAGE,
    Bench,
    Config,
    bar_update_seconds,
    cache_diagnosis,
    check_signed_in_page,
    etag_of,
    fetch,
    freshness,
    isso_post_load,
    masthead_post_load,
    signed_in_headers,
    write_webhooks,
)

REPO = Path(__file__).resolve().parents[1]
DOC = REPO / "docs" / "benchmarks.md"
DB_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
# Outside the repository; a fixed name so peers installed once (Isso's virtualenv) are reused by later runs.
DEFAULT_BENCH_DIR = "/tmp/masthead-bench"  # noqa: S108
COMMENT_SCENARIOS = ("thread", "deep", "post", "microcache")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n", 1)[0])
    parser.add_argument("--quick", action="store_true", help="smoke run: small dataset, short loads")
    parser.add_argument("--scenario", action="append", choices=list(SCENARIOS), help="repeatable; default: all")
    parser.add_argument("--database", choices=["sqlite", "postgresql", "both"], default="sqlite")
    parser.add_argument("--seconds", type=int, help="per load (default 10, quick 3)")
    parser.add_argument("--post-seconds", type=int,
                        help="the posting goal's run, posts with readers reading (default 30, quick 3)")
    parser.add_argument("--connections", type=int, help="for Masthead and nginx (default 64, quick 32)")
    parser.add_argument("--peer-connections", type=int, default=8, help="for WordPress and Isso (default 8)")
    parser.add_argument("--readers", type=int, help="concurrent readers while posting (default 500, quick 100)")
    parser.add_argument("--reader-pause-ms", type=int, default=1000,
                        help="mean pause of each reader between pages in the reading-pace posting run (default 1000)")
    parser.add_argument("--post-rate", type=int, default=50, help="posts per second (default 50)")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads (default 2)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="`masthead serve --workers`")
    parser.add_argument("--articles", type=int, help="default 10,000 (quick 500)")
    parser.add_argument("--comments", type=int, help="default 1,000,000 (quick 20,000)")
    parser.add_argument("--deep-thread", type=int, help="default 100,000 (quick 10,000)")
    parser.add_argument("--wordpress-workers", type=int, default=4, help="php-fpm children (default 4)")
    parser.add_argument("--bench-dir", type=Path, default=Path(os.environ.get("BENCH_DIR", DEFAULT_BENCH_DIR)))
    parser.add_argument("--reuse-data", action="store_true",
                        help="keep the seeded data between runs (same sizes); for iterating, not for the record")
    parser.add_argument("--no-profile", action="store_true", help="skip the in-process profile of Masthead's pages")
    parser.add_argument("--no-write", action="store_true", help="print the results; leave docs/benchmarks.md")
    args = parser.parse_args(argv)
    if REPO in args.bench_dir.resolve().parents or args.bench_dir.resolve() == REPO:
        parser.error("--bench-dir must be outside the repository")
    return args


def _config(args: argparse.Namespace) -> Config:
    quick = args.quick
    return Config(
        seconds=args.seconds or (3 if quick else 10),
        post_seconds=args.post_seconds or (3 if quick else 30),
        connections=args.connections or (32 if quick else 64),
        peer_connections=args.peer_connections,
        readers=args.readers or (100 if quick else 500),
        reader_pause_ms=args.reader_pause_ms,
        post_rate=args.post_rate,
        threads=args.threads,
        workers=args.workers,
        quick=quick,
    )


def _sizes(args: argparse.Namespace) -> Sizes:
    quick = args.quick
    return Sizes(
        articles=args.articles or (500 if quick else 10_000),
        comments=args.comments or (20_000 if quick else 1_000_000),
        deep_thread=args.deep_thread or (10_000 if quick else 100_000),
    )


class Run:
    """One invocation: the servers it started, what it measured, and what it will report."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.selected = args.scenario or list(SCENARIOS)
        self.bench = Bench(_config(args))
        self.sizes = _sizes(args)
        self.bench_dir: Path = args.bench_dir.resolve()
        self.procs = Processes(self.bench_dir / "logs")
        self.extras: dict[str, Any] = {"load_start": report.load_average()}
        self.versions: list[str] = []
        self.notes: list[str] = []
        self.page: bytes | None = None
        self.profiles: list[str] = []
        self.article_path = "/articles/bench-0/"
        self.used_postgres = False
        self.used_wordpress = False
        self.imports: list[import_run.ImportResult] = []

    def wants(self, *scenarios: str) -> bool:
        return any(s in self.selected for s in scenarios)

    # --- Masthead ---------------------------------------------------------------------------------------

    def masthead(self, database: str) -> None:
        config = self.bench.config
        server = f"Masthead ({DB_NAMES[database]})"
        print(f"\n{server}: migrating and seeding {self.sizes}", flush=True)
        if database == "postgresql":
            self.used_postgres = True
            self.versions.append(masthead_server.pg_version())
        site = masthead_server.prepare(self.procs, self.bench_dir, database, self.sizes,
                                       reuse=self.args.reuse_data)
        seed = site.seed
        self.article_path = seed["article_path"]
        self.extras.setdefault("seed", "")
        self.extras["seed"] += (
            f"{'; ' if self.extras['seed'] else ''}{DB_NAMES[database]}: {seed['articles']:,} articles, "
            f"{seed.get('comments', 0):,} comments (deep thread {seed.get('deep_size', 0):,}) "
            + ("reused from an earlier run" if seed.get("reused") else f"in {seed['seconds']} s")
        )
        for key in ("articles", "comments", "deep_size"):
            self.extras[key] = min(self.extras.get(key, seed.get(key, 0)), seed.get(key, 0))
        missing = seed.get("discussion_skipped")
        if missing:
            print(f"  no comments seeded: {missing}", flush=True)
        session = masthead_server.signed_in_reader(self.procs, site) if self.wants("signed-in") else None
        port, pid = masthead_server.start(self.procs, site, workers=config.workers)
        base = f"http://127.0.0.1:{port}"
        try:
            status, page = fetch(base + self.article_path)
            if status != 200:
                raise RuntimeError(f"{base}{self.article_path} answered {status}")
            if self.page is None:
                self.page = page
            for _ in range(20):  # warm the caches and the workers' imports before measuring
                fetch(base + self.article_path)
            self._masthead_scenarios(server, base, port, pid, seed, missing)
            if session is not None:
                self._signed_in(server, base, pid, session, f"{config.workers} workers")
        finally:
            self.procs.stop_pid(pid)
        if session is not None and database == "postgresql":
            self._signed_in_scaling(server, site, session)
        if not self.args.no_profile:
            self._profile(server, site, session)

    def _signed_in(self, server: str, base: str, pid: int, session: dict[str, Any], note: str,
                   label: str = SIGNED_IN_PAGE) -> None:
        """The article page as a signed-in supporter reads it: the session cookie keeps every shared cache out."""
        url = base + self.article_path
        control = check_signed_in_page(url, session)
        for _ in range(20):  # this reader's first pages warm what is kept per version
            fetch(url, headers=dict(signed_in_headers(session)))
        self.bench.measure("signed-in", server, label, self.bench.load(url, headers=signed_in_headers(session)),
                           [pid], f"{note}; a supporter's session cookie (Cache-Control: {control})")

    def _signed_in_scaling(self, server: str, site: masthead_server.Site, session: dict[str, Any]) -> None:
        """The signed-in page with 1, 2 and 3 app server processes, each a fresh `masthead serve --workers N`."""
        for processes in SCALING_PROCESSES:
            port, pid = masthead_server.start(self.procs, site, workers=processes)
            try:
                base = f"http://127.0.0.1:{port}"
                for _ in range(20 * processes):  # every process renders its first copies before the load
                    fetch(base + self.article_path, headers=dict(signed_in_headers(session)))
                self._signed_in(server, base, pid, session, f"scaling: `masthead serve --workers {processes}`",
                                label=f"{SIGNED_IN_PAGE}, {processes} process{'es' if processes > 1 else ''}")
            finally:
                self.procs.stop_pid(pid)

    def _profile(self, server: str, site: masthead_server.Site, session: dict[str, Any] | None = None) -> None:
        """Where the time of the article page and the thread JSON goes (after the server stopped)."""
        paths = [self.article_path] + [site.seed[k] for k in ("thread_200_json",) if site.seed.get(k)]
        requests = "20" if self.bench.config.quick else "100"
        signed_in = ["--signed-in", self.article_path, "--cookie", f"{session['session_cookie']}={session['sessionid']}"
                     ] if session is not None else []
        print(f"  profiling {', '.join(paths)} in-process", flush=True)
        out = self.procs.check_run(
            f"profile-{site.database}",
            [sys.executable, "-m", "benchmarks.hotspots", "--requests", requests, *signed_in, *paths],
            env=site.env, cwd=REPO,
        )
        self.profiles.append(f"{server}:\n\n{out.strip()}")

    def _masthead_scenarios(self, server: str, base: str, port: int, pid: int, seed: dict[str, Any],
                            missing: str | None) -> None:
        bench = self.bench
        note = f"{bench.config.workers} workers"
        if self.wants("article"):
            bench.measure("article", server, "GET article page", bench.load(base + self.article_path), [pid],
                          note if not missing else f"{note}; no comments: {missing}")
            etag = etag_of(base + self.article_path)
            if etag:  # what a revalidating cache or browser costs: the conditional GET answered 304
                bench.measure("article", server, "GET article page, If-None-Match",
                              bench.load(base + self.article_path, headers=(("If-None-Match", etag),)), [pid],
                              "answered 304 Not Modified")
        for scenario in COMMENT_SCENARIOS:
            if missing and self.wants(scenario):
                bench.skip(scenario, f"{server}: {missing}")
        if missing:
            if self.wants("memory"):
                self._memory(server, base, pid)
            return
        if self.wants("thread") and seed.get("thread_200_json"):
            bench.measure("thread", server, "GET thread JSON, first page", bench.load(base + seed["thread_200_json"]),
                          [pid], "20 top-level comments with their replies")
        if self.wants("deep") and seed.get("thread_deep_json"):
            # A reader holding a personal cookie (one who has commented) is never answered from the page cache:
            # these rows measure the database work itself, which is what the thread's size could slow down.
            personal = (("Cookie", "mh_reader=benchmark-reader"),)
            # Eight connections, as against the peers: the rows compare one page's latency across thread sizes.
            # With 64 the server is saturated and every p99 is mostly the queue behind 63 others, which is the
            # same for both threads and only adds noise (the ratio moved between 0.95 and 1.57 across runs).
            deep_conns = self.args.peer_connections
            uncached = "uncached: a reader with a personal cookie"
            deep = f"deep thread ({seed['deep_size']:,} comments)"
            bench.measure("deep", server, "10-comment thread, first page",
                          bench.load(base + seed["thread_10_json"], headers=personal, connections=deep_conns),
                          [pid], uncached)
            bench.measure("deep", server, f"{deep}, first page",
                          bench.load(base + seed["thread_deep_json"], headers=personal, connections=deep_conns),
                          [pid], uncached)
            if seed.get("deep_cursor"):
                url = f"{base}{seed['thread_deep_json']}?after={seed['deep_cursor']}"
                bench.measure("deep", server, f"{deep}, load more 90% down",
                              bench.load(url, headers=personal, connections=deep_conns), [pid], uncached)
        if self.wants("microcache"):
            self._microcache(server, port, seed)
        if self.wants("post") and seed.get("post_path"):
            self._posting(server, base, pid, seed)
        if self.wants("memory"):
            self._memory(server, base, pid)
        if self.wants("funding"):
            if seed.get("funding_skipped") or not seed.get("webhook_path") or not seed.get("funding_json"):
                bench.skip("funding", f"{server}: {seed.get('funding_skipped', 'no webhook or totals URL')}")
            else:
                self._funding(server, base, pid, seed)

    def _posting(self, server: str, base: str, pid: int, seed: dict[str, Any]) -> None:
        """Posts at a steady rate while readers load the article page: first readers at a reading pace (each
        pauses about a second between pages: the goal's "500 readers"), then the same readers with no pause
        at all, which saturates the machine (a stress figure: every request then waits its turn on a full CPU)."""
        bench, config = self.bench, self.bench.config
        paced = bench.load(base + self.article_path, connections=config.readers, delay_ms=config.reader_pause_ms,
                           jitter=True, seconds=config.post_seconds)
        goal_run = masthead_post_load(bench, base + seed["post_path"], config.post_seconds)
        bench.measure_mixed("post", server, paced, goal_run, [pid],
                            reader_label=f"GET article page ({config.readers} readers, reading)",
                            writer_label=POST_WHILE_READING)
        flood = bench.load(base + self.article_path, connections=config.readers)
        bench.measure_mixed("post", server, flood, masthead_post_load(bench, base + seed["post_path"], config.seconds),
                            [pid],
                            reader_label=f"GET article page ({config.readers} connections, no pause)",
                            writer_label=POST_WHILE_FLOODED)

    def _funding(self, server: str, base: str, pid: int, seed: dict[str, Any]) -> None:
        """A burst of signed Stripe webhooks while readers load the article page (which shows the bar)."""
        bench, config = self.bench, self.bench.config
        bodies = self.bench_dir / "webhooks.txt"
        count = 600 if config.quick else 3000
        write_webhooks(str(bodies), masthead_server.WEBHOOK_SECRET, seed["campaign"], count)
        hooks = wrk.Load(url=base + seed["webhook_path"], seconds=config.seconds, connections=16,
                         threads=config.threads, method="POST", bodies_file=str(bodies),
                         signed_header="Stripe-Signature")
        readers = bench.load(base + self.article_path)
        bench.measure_mixed("funding", server, readers, hooks, [pid], reader_label="GET article page (readers)",
                            writer_label=f"POST Stripe webhook ({count:,} distinct)")
        try:
            seconds = bar_update_seconds(base, seed["funding_json"], seed["webhook_path"],
                                         masthead_server.WEBHOOK_SECRET, seed["campaign"])
        except (RuntimeError, OSError, ValueError, KeyError) as exc:
            self.notes.append(f"{server}: funding bar update not measured after the burst: {exc}")
            return
        self.extras[f"bar {server}"] = seconds
        print(f"  funding totals included a new donation {seconds} s after its webhook was sent", flush=True)

    def _memory(self, server: str, base: str, pid: int) -> None:
        bench = self.bench
        load = bench.load(base + "/articles/bench-{r}/", random_max=self.sizes.articles)
        bench.measure("memory", server, f"GET random article of {self.sizes.articles:,}", load, [pid],
                      "peak RSS of the largest process is the per-process figure")

    def _microcache(self, server: str, port: int, seed: dict[str, Any]) -> None:
        bench = self.bench
        peer = nginx.start_microcache(self.procs, self.bench_dir, port, {"article": self.article_path})
        try:
            cached = f"{server} + nginx micro-cache"
            diagnosis = cache_diagnosis(peer.urls["article"])
            self.extras[f"cache {server}"] = diagnosis
            print(f"  {diagnosis}", flush=True)
            bench.measure("microcache", cached, "GET article page", bench.load(peer.urls["article"]), peer.pids,
                          f"RSS is nginx's alone; {diagnosis}")
            if seed.get("post_path"):
                cache_base = peer.urls["article"].removesuffix(self.article_path)
                try:
                    delays = freshness(cache_base, self.article_path, cache_base + seed["post_path"])
                except (RuntimeError, OSError, ValueError) as exc:
                    self.notes.append(f"{server}: micro-cache freshness not measured: {exc}")
                else:
                    self.extras[f"freshness {server}"] = delays
                    print(f"  new comment visible through the micro-cache after {delays} s", flush=True)
            if seed.get("thread_200_json"):
                # The thread JSON sets no cookie: it shows what the same config does when the origin allows it.
                url = peer.urls["article"].removesuffix(self.article_path) + seed["thread_200_json"]
                diagnosis = cache_diagnosis(url)
                bench.measure("microcache", cached, "GET thread JSON, first page", bench.load(url), peer.pids,
                              f"RSS is nginx's alone; {diagnosis}")
        finally:
            for pid in peer.pids:
                self.procs.stop_pid(pid)

    # --- importing --------------------------------------------------------------------------------------

    def importing(self, database: str) -> None:
        """``masthead import wordpress`` of a generated export (articles x comments per article of the sizes)."""
        posts = self.sizes.articles
        per_post = max(1, self.sizes.comments // posts)
        print(f"\nImport ({DB_NAMES[database]}): generating a WXR of {posts:,} posts x {per_post} comments",
              flush=True)
        export = import_run.export_file(self.bench_dir, posts, per_post)
        if database == "postgresql":
            self.versions.append(masthead_server.pg_version())
        print(f"  importing {export.name} into a fresh site", flush=True)
        try:
            result = import_run.run_import(self.procs, self.bench_dir, database, export, posts, per_post)
        except (RuntimeError, OSError, subprocess.SubprocessError) as exc:
            self.bench.skip("import", f"{DB_NAMES[database]}: {exc}")
            return
        self.imports.append(result)
        print(f"  {result.comments:,} comments in {result.seconds} s ({result.rate:,.0f}/s), peak RSS "
              f"{result.peak_process / 1e6:.0f} MB largest process, {result.peak_total / 1e6:.0f} MB all", flush=True)

    # --- peers ------------------------------------------------------------------------------------------

    def peers(self) -> None:
        bench = self.bench
        if self.wants("article", "microcache") and self.page is not None:
            print("\nnginx serving Masthead's article page as a static file", flush=True)
            peer = nginx.start_static(self.procs, self.bench_dir, self.page, self.article_path)
            try:
                bench.measure("article", "nginx static (same bytes)", "GET article page", bench.load(
                    peer.urls["article"]), peer.pids, f"{len(self.page):,} bytes")
            finally:
                self._stop(peer.pids)
        if self.wants("article"):
            print("\nWordPress (Debian), php-fpm, nginx, MariaDB", flush=True)
            try:
                self.used_wordpress = True
                peer = wordpress.start(self.procs, self.bench_dir, children=self.args.wordpress_workers)
            except (RuntimeError, OSError) as exc:
                bench.skip("article", f"WordPress could not be set up: {exc}")
            else:
                self.versions.append(peer.name)
                self.notes.extend(peer.notes)
                try:
                    bench.measure("article", "WordPress", "GET article page", bench.load(
                        peer.urls["article"], peer=True), peer.pids, "all 200 comments on the page")
                finally:
                    self._stop(peer.pids)
        if self.wants("article", "thread", "post"):
            print("\nIsso under gunicorn", flush=True)
            try:
                peer = isso.start(self.procs, self.bench_dir)
            except (RuntimeError, OSError, subprocess.CalledProcessError) as exc:
                bench.skip("thread", f"Isso could not be set up: {exc}")
                return
            self.versions.append(peer.name)
            try:
                readers = bench.load(peer.urls["thread"], peer=True)
                if self.wants("article", "thread"):
                    bench.measure("thread", "Isso", "GET thread API (all 200)", readers, peer.pids, "2 workers")
                if self.wants("post"):  # as long as Masthead's posting goal run, to compare the two p99s
                    seconds = bench.config.post_seconds
                    bench.measure_mixed("post", "Isso", bench.load(peer.urls["thread"], peer=True, seconds=seconds),
                                        isso_post_load(bench, peer.urls["post"], seconds), peer.pids,
                                        reader_label="GET thread API (readers)", writer_label="POST comment (API)")
            finally:
                self._stop(peer.pids)

    def _stop(self, pids: list[int]) -> None:
        for pid in pids:
            self.procs.stop_pid(pid)

    # --- the whole run ----------------------------------------------------------------------------------

    def cleanup(self) -> None:
        self.procs.stop_all()
        if self.used_wordpress:
            wordpress.cleanup()
        if self.used_postgres and not self.args.reuse_data:
            try:
                masthead_server.drop_pg_database()
            except Exception as exc:  # cleanup must not hide the run's own error
                print(f"could not drop the PostgreSQL bench database: {exc}", file=sys.stderr)

    def execute(self) -> None:
        databases = ["sqlite", "postgresql"] if self.args.database == "both" else [self.args.database]
        served = [scenario for scenario in self.selected if scenario != "import"]
        try:
            for database in databases:
                if served:
                    self.masthead(database)
                if self.wants("import"):
                    self.importing(database)
            if served:
                self.peers()
        finally:
            self.cleanup()
        self.extras["load_end"] = report.load_average()

    def report(self, argv: list[str]) -> str:
        failing = [f"{row.server} / {row.label}: {row.result.errors}" for row in self.bench.rows
                   if row.result is not None and row.result.errors]
        if failing:
            self.notes.append("Errors (non-2xx answers, timeouts, socket errors) in: " + "; ".join(failing)
                              + f". The servers' output is in {self.bench_dir / 'logs'}.")
        # Only the load before the run says something about other work: the load at its end is mostly the run's
        # own servers and load generators (the last minute's average includes the peers' loads).
        load = self.extras.get("load_start", "?").split()[0]
        if load != "?" and float(load) > 0.5 * (os.cpu_count() or 1):
            self.notes.append(f"The machine was busy when the run started (load average {load} on {os.cpu_count()} "
                              "CPUs): other work may have shared the CPUs, so figures are lower and noisier than on "
                              "a quiet machine.")
        if self.bench.config.quick:
            self.notes.append("Quick smoke run (short loads, small dataset): the figures show the harness works, "
                              "not the steady-state rates; ratios still compare servers measured the same way.")
        return report.render(
            rows=self.bench.rows, skipped=self.bench.skipped, extras=self.extras,
            command=shlex.join(["python", "-m", "benchmarks", *argv]), info=report.machine(),
            versions=list(dict.fromkeys(self.versions)), notes=self.notes, quick=self.bench.config.quick,
            profiles=self.profiles, imports=import_run.lines(self.imports),
        )


def _raise_on_signal(signum: int, _frame: object) -> None:
    raise KeyboardInterrupt(f"signal {signum}")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = parse_args(argv)
    signal.signal(signal.SIGTERM, _raise_on_signal)  # so `finally` stops every server on SIGTERM too
    args.bench_dir.mkdir(parents=True, exist_ok=True)
    apt_install("wrk")  # the load generator, from Debian
    run = Run(args)
    try:
        run.execute()
    except KeyboardInterrupt:
        print("interrupted: every server started was stopped", file=sys.stderr)
        return 130
    block = run.report(argv)
    print("\n" + block)
    (run.bench_dir / "results.json").write_text(json.dumps(
        {"rows": [row.as_dict() for row in run.bench.rows], "skipped": run.bench.skipped, "extras": run.extras,
         "imports": [result.as_dict() for result in run.imports]},
        indent=2,
    ))
    if not args.no_write:
        report.write(DOC, block)
        print(f"\nwritten to {DOC.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
