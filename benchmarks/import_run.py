"""The ``import`` scenario: ``masthead import wordpress`` of a generated WXR export into a fresh site, timed, with
the peak resident memory of the importer's process tree (the writer and its preparing workers) sampled.

The export is generated once per size into the bench folder (``wxr_generator``); each database gets a fresh data
folder (and a fresh PostgreSQL database), migrated, then the import runs exactly as an operator would run it.
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from benchmarks import masthead_server, report
from benchmarks.procs import MemorySampler, Processes
from benchmarks.wxr_generator import write_wxr

REPO = Path(__file__).resolve().parents[1]
PG_IMPORT_DATABASE = "masthead_bench_import"  # each run's database: this name, then the run's own suffix
GOAL_COMMENTS = 1_000_000
GOAL_SECONDS = 300.0  # the million comments in under 5 minutes
GOAL_PEAK_MB = 300.0


@dataclass
class ImportResult:
    database: str  # "SQLite" / "PostgreSQL"
    posts: int
    comments: int
    seconds: float
    cpu_seconds: float  # user + system time of the importer and its workers: steadier than wall time on a busy machine
    peak_total: int  # bytes: the sum over the importer's processes at the sampled peak
    peak_process: int  # bytes: the largest single process
    workers: int
    load_before: str
    load_after: str
    summary: str  # the import's own summary line for comments

    @property
    def rate(self) -> float:
        return self.comments / self.seconds if self.seconds else 0.0

    def as_dict(self) -> dict[str, object]:
        return {**asdict(self), "comments_per_second": round(self.rate, 1)}


def run_name(database: str, pid: int | None = None) -> str:
    """A name for one run's PostgreSQL database and data folder: the database and this process's id, so two runs
    at once (two checkouts benchmarking side by side) never drop each other's database."""
    return f"{database}_{os.getpid() if pid is None else pid}"


def export_file(bench_dir: Path, posts: int, per_post: int) -> Path:
    """The generated export for these sizes, written once and reused by later runs."""
    path = bench_dir / f"import-{posts}x{per_post}.xml"
    if not path.exists():
        partial = path.with_suffix(f".{os.getpid()}.partial")
        with partial.open("w", encoding="utf-8") as out:
            write_wxr(out, posts, per_post)
        partial.replace(path)
    return path


def add_cpu_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of the in-process CPU benchmarks of the import (``prepare_cpu``, ``writer_cpu``)."""
    parser.add_argument("--bench-dir", type=Path, required=True)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--comments", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--profile", action="store_true")


def in_process_site(args: argparse.Namespace, folder: str) -> tuple[Path, Path]:
    """For an in-process CPU benchmark: the generated export of ``args``' size, and a fresh SQLite data folder
    ``folder`` in the bench folder, migrated, with this process's environment set to use it (Django not yet set
    up: the caller does it). Returns (export, data folder)."""
    args.bench_dir.mkdir(parents=True, exist_ok=True)
    export = export_file(args.bench_dir, args.articles, args.comments // args.articles)
    data_dir = args.bench_dir / folder
    shutil.rmtree(data_dir, ignore_errors=True)
    data_dir.mkdir()
    for name in ("DATABASE_URL", "REDIS_URL"):
        os.environ.pop(name, None)
    os.environ.update({"MASTHEAD_DATA_DIR": str(data_dir), "DEBUG": "0", "LOG_LEVEL": "WARNING",
                       "DJANGO_SETTINGS_MODULE": "masthead.settings"})
    os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(40))
    subprocess.run([sys.executable, "-m", "masthead", "migrate", "--noinput", "-v", "0"], check=True)
    return export, data_dir

def run_import(procs: Processes, bench_dir: Path, database: str, export: Path, posts: int, per_post: int,
               *, workers: int | None = None) -> ImportResult:
    data_dir = bench_dir / f"import-{run_name(database)}"
    pg_name = f"{PG_IMPORT_DATABASE}_{run_name(database)}" if database == "postgresql" else ""
    shutil.rmtree(data_dir, ignore_errors=True)
    data_dir.mkdir(parents=True)
    try:
        return _run_import(procs, data_dir, pg_name, database, export, posts, per_post, workers=workers)
    finally:  # also when the import failed or was interrupted: a run's database and folder are its own
        if pg_name:
            masthead_server.drop_pg_database(pg_name)
        shutil.rmtree(data_dir, ignore_errors=True)


def _run_import(procs: Processes, data_dir: Path, pg_name: str, database: str, export: Path, posts: int,
                per_post: int, *, workers: int | None) -> ImportResult:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL", "MASTHEAD_DATA_DIR")}
    env.update({"MASTHEAD_DATA_DIR": str(data_dir), "SECRET_KEY": secrets.token_urlsafe(40), "DEBUG": "0",
                "LOG_LEVEL": "WARNING", "PYTHONDONTWRITEBYTECODE": "1"})
    if pg_name:
        env["DATABASE_URL"] = masthead_server.recreate_pg_database(pg_name)
    masthead = [sys.executable, "-m", "masthead"]
    procs.check_run(f"import-migrate-{database}", [*masthead, "migrate", "--noinput"], env=env, cwd=REPO)
    command = [*masthead, "import", "wordpress", str(export), "--no-progress"]
    if workers is not None:
        command += ["--workers", str(workers)]
    log = procs.log_dir / f"import-{database}.log"
    procs.log_dir.mkdir(parents=True, exist_ok=True)
    load_before = report.load_average()
    started = time.perf_counter()
    with log.open("w") as out:
        proc = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env,
                                cwd=REPO, start_new_session=True)
        try:
            with MemorySampler([proc.pid], interval=0.5) as memory:
                _, status, usage = os.wait4(proc.pid, 0)  # the usage includes the workers it waited for
                code = proc.returncode = os.waitstatus_to_exitcode(status)
        finally:
            if proc.poll() is None:
                procs.started.append((f"import-{database}", proc))
                procs.stop(proc)
    seconds = time.perf_counter() - started
    output = log.read_text()
    if code != 0:
        raise RuntimeError(f"masthead import failed ({code}) on {database}:\n{output[-3000:]}")
    line = next((ln.strip() for ln in output.splitlines() if ln.startswith("comment ")), "comment ?")
    created = int(line.split()[1]) if line.split()[1:2] and line.split()[1].isdigit() else 0
    return ImportResult(
        database=masthead_server_name(database), posts=posts, comments=created, seconds=round(seconds, 1),
        cpu_seconds=round(usage.ru_utime + usage.ru_stime, 1),
        peak_total=memory.peak_total, peak_process=memory.peak_process,
        workers=workers if workers is not None else max(0, (os.cpu_count() or 1) - 1),
        load_before=load_before, load_after=report.load_average(), summary=line,
    )


def masthead_server_name(database: str) -> str:
    return {"sqlite": "SQLite", "postgresql": "PostgreSQL"}[database]


def lines(results: list[ImportResult]) -> list[str]:
    """The import table and its goal, for the results block."""
    if not results:
        return []
    out = ["", "Import (`masthead import wordpress` of a generated WXR export into a fresh site):", "",
           "| Database | Posts | Comments | Time | Comments/s | CPU time | Peak RSS, largest process | Peak RSS, all "
           "processes | Workers | Load before / after |",
           "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    for r in results:
        out.append(f"| {r.database} | {r.posts:,} | {r.comments:,} | {r.seconds:,.1f} s | {r.rate:,.0f} | "
                   f"{r.cpu_seconds:,.1f} s | "
                   f"{r.peak_process / 1e6:.0f} MB | {r.peak_total / 1e6:.0f} MB | {r.workers} | "
                   f"{r.load_before.split()[0]} / {r.load_after.split()[0]} |")
    out += ["", "Import goal (issue 18: a million comments in under 5 minutes, peak memory under 300 MB):", ""]
    for r in results:
        if not r.rate:
            continue
        at_goal = GOAL_COMMENTS / r.rate
        measured = r.comments >= GOAL_COMMENTS
        how = "measured" if measured else f"extrapolated from {r.comments:,} comments at the same rate"
        fast = at_goal < GOAL_SECONDS
        small = r.peak_total / 1e6 < GOAL_PEAK_MB
        out.append(f"- {r.database}: a million comments in {at_goal / 60:.1f} min ({how}): "
                   f"{'**met**' if fast else '**not met**'}; peak memory {r.peak_total / 1e6:.0f} MB for all the "
                   f"importer's processes ({r.peak_process / 1e6:.0f} MB the largest): "
                   f"{'**met**' if small else '**not met**'}"
                   + ("" if measured else " (memory stays flat with the export's size: see docs/import.md)")
                   + (f". CPU time {r.cpu_seconds * 1000 / r.comments:.2f} ms per comment (start-up included): "
                      f"on {os.cpu_count()} otherwise idle cores, at best "
                      f"{r.cpu_seconds / r.comments * GOAL_COMMENTS / (os.cpu_count() or 1) / 60:.1f} min "
                      "for a million" if r.comments else ""))
    return out
