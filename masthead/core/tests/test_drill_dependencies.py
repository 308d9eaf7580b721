"""Failure drills 3 and 4 of the scale-out issue: a shared dependency goes away during a load of reads and posts on
two `masthead serve` processes, and comes back. Each drill runs its own Redis or PostgreSQL (never the machine's,
which the rest of the suite is using), so it can stop it (masthead/testing/private_services.py).

3. Redis stopped: pages and posting carry on (the cache and the rate limits fall back to each process's memory,
   core/resilient_cache.py); live updates pause and resume when Redis returns, without a restart: a reader whose
   stream opened before the outage hears a comment posted after it.
4. PostgreSQL restarted: while it is down every request is answered, quickly, with a 503 and a Retry-After (not
   hung, not a 500); when it is back the servers serve again by themselves (the connection pool reconnects).

In both, every comment acknowledged (201) is in the database afterwards: lost = 0. PostgreSQL only (the SQLite run
covers the one-server shape, with no Redis or database server to lose). Bounded: every wait has a deadline. Figures
are printed (run with -s to see them).
"""

from __future__ import annotations

import os
import subprocess
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from masthead.testing import private_services
from masthead.testing.drill_load import Listener, Load, comments_found, count, longest, post, prepare_site
from masthead.testing.private_services import PrivatePostgres, PrivateRedis
from masthead.testing.processes import free_port, masthead_env, start, stop, wait_for_http

pytestmark = [
    pytest.mark.skipif(not os.environ.get("DATABASE_URL"),
                       reason="the scaled shape (PostgreSQL + Redis) runs in the PostgreSQL run"),
    pytest.mark.skipif(not private_services.available()[0], reason=private_services.available()[1]),
]

SERVERS = 2
HEALTHY_SECONDS = 2.0   # load before the outage
DOWN_SECONDS = 5.0      # how long the dependency stays away
# A request must never hang while a dependency is away: it is answered within the database pool's wait
# (DATABASE_POOL_TIMEOUT, 3 s here) plus the time to render the error; this bound says "not hung", with room for a
# loaded machine. The measured figure is printed.
NOT_HUNG_SECONDS = 15.0


@contextmanager
def _servers(env: dict[str, str], tmp_path: Path) -> Iterator[list[tuple[str, subprocess.Popen[bytes], Path]]]:
    servers = []
    try:
        for n in range(SERVERS):
            port, log = free_port(), tmp_path / f"serve-{n}.log"
            process = start(["serve", "--port", str(port), "--no-collectstatic"], env, log)
            servers.append((f"http://127.0.0.1:{port}", process, log))
        for base, process, log in servers:
            wait_for_http(f"{base}/readyz", process, log, timeout=60)
        yield servers
    finally:
        codes = [stop(process, timeout=30)[0] for _, process, _ in servers]
        assert codes == [0] * len(servers), [log.read_text()[-3000:] for _, _, log in servers]


def _env(tmp_path: Path, database_url: str, redis_url: str, **extra: str) -> dict[str, str]:
    return masthead_env(tmp_path / "data", database_url, REDIS_URL=redis_url, EMBEDDED_WORKER="false",
                        CACHE_KEY_PREFIX=f"masthead-drill-{uuid.uuid4().hex[:10]}", PAGE_CACHE="false", **extra)


def test_drill_3_redis_stopped_during_load(tmp_path: Path):
    started = time.monotonic()
    with PrivatePostgres() as postgres, PrivateRedis() as redis:
        env = _env(tmp_path, postgres.create_database("drill"), redis.url)
        site = prepare_site(env)
        with _servers(env, tmp_path) as servers:
            ready_at = time.monotonic()  # the rest is the drill itself
            bases = [base for base, _, _ in servers]
            # A reader streams from server 1; comments are posted through server 0 until it hears one (healthy).
            reader = Listener(f"{bases[1]}/discussion/threads/{site['thread']}/events")
            before = _post_until_heard(bases[0], site["thread"], reader, "before", seconds=20)
            assert before is not None, "the reader heard nothing while Redis was up"

            load = Load(bases, site["thread"], site["article"])
            load.start()
            time.sleep(HEALTHY_SECONDS)
            down_at = time.monotonic()
            redis.stop()
            time.sleep(DOWN_SECONDS)
            redis.start()
            up_at = time.monotonic()
            # Live updates resume, with no restart: the stream opened before the outage hears a comment posted
            # after Redis came back (each server's listener reconnects within its backoff, a few seconds).
            after = _post_until_heard(bases[0], site["thread"], reader, "after", seconds=30)
            resumed_after = time.monotonic() - up_at
            load.stop()

        healthy, down, back = (load.between(0, down_at), load.between(down_at, up_at),
                               load.between(up_at, time.monotonic()))
        acknowledged = load.acknowledged() + [before] + ([after] if after else [])
        lost = len(set(acknowledged) - comments_found(env, acknowledged))
    failures = [o for o in load.outcomes if o.status not in (200, 201)]
    print(f"\ndrill 3 (Redis stopped {DOWN_SECONDS:.0f}s under load, {SERVERS} servers): requests {len(load.outcomes)} "
          f"(healthy {len(healthy)}, Redis down {len(down)}, back {len(back)}); while down: reads 200 "
          f"{count(down, 'read', 200)}, posts acknowledged {count(down, 'post', 201)}, longest request "
          f"{longest(down):.2f}s; failures {len(failures)}; acknowledged posts {len(acknowledged)}, lost {lost}; "
          f"the reader's stream heard a comment posted after Redis returned: "
          f"{f'{resumed_after:.1f}s after' if after else 'no'}; "
          f"{time.monotonic() - started:.0f}s in all, "
          f"{time.monotonic() - ready_at:.0f}s after setup")
    assert not failures, failures[:5]
    assert count(down, "read", 200) > 0
    assert count(down, "post", 201) > 0  # posting carries on while Redis is away
    assert longest(down) < NOT_HUNG_SECONDS
    assert after is not None, "the reader's stream heard no comment posted after Redis came back"
    assert lost == 0


def _post_until_heard(base: str, thread: int, reader: Listener, text: str, seconds: float) -> int | None:
    """Post through ``base`` until ``reader`` hears one of these comments; the id heard, or None at the deadline."""
    deadline = time.monotonic() + seconds
    posted: set[int] = set()
    while time.monotonic() < deadline:
        comment = post(base, thread, f"Comment {len(posted)} {text} the outage: the 7:40 is late.")
        if comment is not None:
            posted.add(comment)
        heard = reader.wait_for(posted, min(deadline, time.monotonic() + 2))
        if heard:
            return heard.pop()
        assert not reader.ended.is_set(), "the reader's stream ended"
    return None


def test_drill_4_postgresql_restarted_during_load(tmp_path: Path):
    started = time.monotonic()
    with PrivatePostgres() as postgres, PrivateRedis() as redis:
        env = _env(tmp_path, postgres.create_database("drill"), redis.url, DATABASE_POOL_TIMEOUT="3")
        site = prepare_site(env)
        with _servers(env, tmp_path) as servers:
            ready_at = time.monotonic()  # the rest is the drill itself
            bases = [base for base, _, _ in servers]
            load = Load(bases, site["thread"], site["article"])
            load.start()
            time.sleep(HEALTHY_SECONDS)
            postgres.stop()
            down_at = time.monotonic()
            time.sleep(DOWN_SECONDS)
            postgres.start()
            up_at = time.monotonic()
            # Recovered: every server answers reads and posts again, by itself, within a deadline.
            recovered_after = _wait_recovered(load, bases, up_at, seconds=30)
            time.sleep(1.0)
            load.stop()
        down, back = load.between(down_at, up_at), load.between(up_at, time.monotonic())
        acknowledged = load.acknowledged()
        lost = len(set(acknowledged) - comments_found(env, acknowledged))
    unclean = [o for o in down if o.status not in (200, 201, 503)]
    without_retry_after = [o for o in down if o.status == 503 and not o.retry_after]
    print(f"\ndrill 4 (PostgreSQL stopped {DOWN_SECONDS:.0f}s under load, {SERVERS} servers): requests "
          f"{len(load.outcomes)}; while down {len(down)}: 503 {sum(o.status == 503 for o in down)}, other "
          f"{len(unclean)}, longest request {longest(down):.2f}s; back {len(back)}, recovered "
          f"{'never' if recovered_after is None else f'{recovered_after:.1f}s'} after the restart; "
          f"acknowledged posts {len(acknowledged)}, lost {lost}; {time.monotonic() - started:.0f}s in all, "
          f"{time.monotonic() - ready_at:.0f}s after setup")
    assert not unclean, unclean[:5]
    assert sum(o.status == 503 for o in down) > 0
    assert not without_retry_after, without_retry_after[:3]
    assert longest(down) < NOT_HUNG_SECONDS
    assert recovered_after is not None, "the servers did not serve again after PostgreSQL came back"
    assert lost == 0


def _wait_recovered(load: Load, bases: list[str], since: float, seconds: float) -> float | None:
    """Seconds after ``since`` at which every server had answered a read (200) and a post (201) begun after it."""
    deadline = since + seconds
    while time.monotonic() < deadline:
        fresh = load.between(since, time.monotonic())
        if all(any(o.base == base and o.kind == kind and o.status == ok for o in fresh)
               for base in bases for kind, ok in (("read", 200), ("post", 201))):
            return time.monotonic() - since
        time.sleep(0.2)
    return None
