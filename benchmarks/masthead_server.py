"""Masthead under test: a fresh data folder (and database), ``masthead migrate``, the bulk seeder, then
``masthead serve`` started exactly as an operator would start it, in a subprocess with its own environment.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.procs import Processes, free_port, wait_http

PG_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres"
# Another name keeps two runs on one PostgreSQL server apart (e.g. two checkouts benchmarking at once).
PG_DATABASE = os.environ.get("BENCH_PG_DATABASE", "masthead_bench")
BIN = Path(sys.executable).parent
# PostgreSQL runs the scaled shape (DESIGN.md): with Redis for the cache, sessions and live events. The machine's
# Redis, in a database of its own number; each run's keys start with a prefix of their own.
BENCH_REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/3")
WEBHOOK_SECRET = "whsec_masthead_benchmark_" + secrets.token_hex(8)

# Settings of the developer's shell that must not leak into the server under test.
_SCRUB = ("DATABASE_URL", "REDIS_URL", "MASTHEAD_DATA_DIR", "SECRET_KEY", "DEBUG", "WEB_CONCURRENCY", "PORT")


@dataclass
class Sizes:
    articles: int
    comments: int
    deep_thread: int


@dataclass
class Site:
    """A seeded Masthead data folder (and database) ready to serve."""

    database: str  # "sqlite" or "postgresql"
    env: dict[str, str]
    seed: dict[str, Any]
    seed_seconds: float
    notes: list[str] = field(default_factory=list)


def _pg_url(database: str) -> str:
    return PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{database}"


def recreate_pg_database(name: str = PG_DATABASE) -> str:
    """Drop and create a throwaway PostgreSQL database (trust auth on 127.0.0.1); returns its URL."""
    import psycopg  # installed with Masthead (psycopg[binary])

    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    return _pg_url(name)


def drop_pg_database(name: str = PG_DATABASE) -> None:
    import psycopg

    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def pg_version() -> str:
    import psycopg

    with psycopg.connect(PG_ADMIN_URL) as conn:
        row = conn.execute("SHOW server_version").fetchone()
    return f"PostgreSQL {row[0]}" if row else "PostgreSQL ?"


def pg_database_exists(name: str = PG_DATABASE) -> bool:
    import psycopg

    with psycopg.connect(PG_ADMIN_URL) as conn:
        return conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone() is not None


def _reusable(data_dir: Path, database: str, sizes: Sizes, pg_name: str) -> dict[str, Any] | None:
    """The seed of an earlier run with the same sizes whose data is still there, else None."""
    saved = data_dir / "seed.json"
    if not saved.exists():
        return None
    stored = json.loads(saved.read_text())
    if stored.get("sizes") != vars(sizes):
        return None
    if database == "postgresql" and not pg_database_exists(pg_name):
        return None
    return dict(stored["seed"])


def prepare(procs: Processes, bench_dir: Path, database: str, sizes: Sizes, *, reuse: bool = False,
            pg_name: str = PG_DATABASE) -> Site:
    """A data folder and database, migrated and seeded; returns the environment to serve it with.

    Fresh every time unless ``reuse``: then the data of an earlier run with the same sizes is kept (it also
    carries whatever that run's posting scenarios added) and only new migrations are applied.
    """
    data_dir = bench_dir / f"masthead-{database}"
    earlier = _reusable(data_dir, database, sizes, pg_name) if reuse else None
    if earlier is None:
        shutil.rmtree(data_dir, ignore_errors=True)  # the harness's own folder from an earlier run
    data_dir.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if k not in _SCRUB}
    env.update({
        "MASTHEAD_DATA_DIR": str(data_dir),
        "SECRET_KEY": secrets.token_urlsafe(40),
        "DEBUG": "0",
        "LOG_LEVEL": "WARNING",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        # No SMTP server in the benchmark: notification mail is composed, then dropped.
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
        "PYTHONDONTWRITEBYTECODE": "1",
        # The funding scenario signs its webhooks with this, as Stripe would with the endpoint's secret.
        "STRIPE_WEBHOOK_SECRET": WEBHOOK_SECRET,
    })
    if database == "postgresql":
        env["DATABASE_URL"] = _pg_url(pg_name) if earlier is not None else recreate_pg_database(pg_name)
        env["REDIS_URL"] = BENCH_REDIS_URL
        env["CACHE_KEY_PREFIX"] = f"masthead-bench-{secrets.token_hex(6)}"
    procs.check_run(f"migrate-{database}", [str(BIN / "masthead"), "migrate", "--noinput"], env=env)
    if earlier is not None:
        return Site(database, env, {**earlier, "reused": True}, 0.0)
    out = procs.check_run(
        f"seed-{database}",
        [sys.executable, "-m", "benchmarks.seed", "--articles", str(sizes.articles),
         "--comments", str(sizes.comments), "--deep-thread", str(sizes.deep_thread)],
        env=env, cwd=Path(__file__).resolve().parents[1], timeout=3600,
    )
    line = next(ln for ln in reversed(out.splitlines()) if ln.startswith("SEED_JSON "))
    seed = json.loads(line.removeprefix("SEED_JSON "))
    (data_dir / "seed.json").write_text(json.dumps({"sizes": vars(sizes), "seed": seed}))
    return Site(database, env, seed, float(seed.get("seconds", 0)))


def signed_in_reader(procs: Processes, site: Site) -> dict[str, Any]:
    """A supporter's session (``benchmarks/signin.py``) for the signed-in scenario: the cookie values to send."""
    out = procs.check_run(f"signin-{site.database}", [sys.executable, "-m", "benchmarks.signin",
                                                      site.seed["article_path"]],
                          env=site.env, cwd=Path(__file__).resolve().parents[1])
    line = next(ln for ln in reversed(out.splitlines()) if ln.startswith("SESSION_JSON "))
    return dict(json.loads(line.removeprefix("SESSION_JSON ")))


def start(procs: Processes, site: Site, *, workers: int) -> tuple[int, int]:
    """``masthead serve`` on a free port; returns (port, pid)."""
    port = free_port()
    proc = procs.start(
        f"masthead-{site.database}",
        [str(BIN / "masthead"), "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers)],
        env=site.env,
    )
    wait_http(f"http://127.0.0.1:{port}/healthz", proc=proc, timeout=120)
    return port, proc.pid
