"""Failure drills 3 and 4 of the scale-out issue: a shared dependency goes away during the load of drill 2 (three
readers and two posters through nginx running deploy/nginx-scaled.conf, in front of three `masthead serve`), and
comes back. Each drill runs its own PostgreSQL, and drill 3 its own Redis (never the machine's, which the rest of
the suite is using), so it can stop them (masthead/testing/private_services.py, redis_fixtures.py).

3. Redis stopped: pages and posting carry on (the cache and the rate limits fall back to each process's memory,
   core/resilient_cache.py); live updates pause and resume when Redis returns, without a restart: a reader whose
   stream opened before the outage, on one server, hears a comment posted on another after it.
4. PostgreSQL restarted: while it is down every request is answered, quickly, with a 503 and a Retry-After (not
   hung, not a 500, not nginx's own 502: a server answering 503 is skipped, but when all are, nginx hands on the
   last 503); when it is back every server serves again by itself (the connection pool reconnects), checked on
   each server directly, since nginx would route around one that did not.

In both, every comment acknowledged (201) is in the database afterwards: lost = 0. PostgreSQL only (the SQLite run
covers the one-server shape, with no Redis or database server to lose). Bounded: every wait has a deadline. Figures
are printed (run with -s to see them).
"""

from __future__ import annotations

import os
import time
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from masthead.testing import nginx, private_services
from masthead.testing.drill_load import Listener, balanced_load, comments_found, count, longest, post, prepare_site
from masthead.testing.private_services import PrivatePostgres, PrivateRedis
from masthead.testing.processes import app_servers, masthead_env

pytestmark = [
    pytest.mark.skipif(not os.environ.get("DATABASE_URL"),
                       reason="the scaled shape (PostgreSQL + Redis) runs in the PostgreSQL run"),
    pytest.mark.skipif(not private_services.available()[0], reason=private_services.available()[1]),
    pytest.mark.skipif(not nginx.available(), reason="nginx is not installed (.ci/run installs it)"),
]

SERVERS = 3             # drill 2's shape
HEALTHY_SECONDS = 2.0   # load before the outage
DOWN_SECONDS = 5.0      # how long the dependency stays away
# A request must never hang while a dependency is away: it is answered within the database pool's wait
# (DATABASE_POOL_TIMEOUT, 3 s here) plus the time to render the error; through nginx a request that got a 503 may
# be passed to the next server (at most 3 tries), so this bound says "not hung", with room for a loaded machine.
# The measured figure is printed.
NOT_HUNG_SECONDS = 15.0


@contextmanager
def _behind_nginx(env: dict[str, str], tmp_path: Path) -> Iterator[tuple[list[str], str]]:
    """The app servers (their static files collected by prepare_site) and nginx in front: their addresses and
    nginx's."""
    with (app_servers(SERVERS, env, tmp_path, collected=True, timeout=60, clean_exit=True) as bases,
          nginx.balancer(tmp_path / "nginx", [int(base.rsplit(":", 1)[1]) for base in bases]) as front):
        yield bases, front


def _env(tmp_path: Path, database_url: str, redis_url: str, **extra: str) -> dict[str, str]:
    return masthead_env(tmp_path / "data", database_url, REDIS_URL=redis_url, EMBEDDED_WORKER="false",
                        CACHE_KEY_PREFIX=f"masthead-drill-{uuid.uuid4().hex[:10]}", PAGE_CACHE="false",
                        TRUSTED_PROXIES="127.0.0.1", **extra)


def test_drill_3_redis_stopped_during_load(tmp_path: Path, private_redis: PrivateRedis):
    started = time.monotonic()
    with PrivatePostgres() as postgres:
        env = _env(tmp_path, postgres.create_database("drill"), private_redis.url)
        site = prepare_site(env)
        with _behind_nginx(env, tmp_path) as (bases, front):
            ready_at = time.monotonic()  # the rest is the drill itself
            # A reader streams from server 1; comments are posted straight to server 0 until it hears one
            # (healthy): their events can only reach it through Redis.
            reader = Listener(f"{bases[1]}/discussion/threads/{site['thread']}/events")
            before = _post_until_heard(bases[0], site["thread"], reader, "before", seconds=20)
            assert before is not None, "the reader heard nothing while Redis was up"

            load = balanced_load(front, site)
            load.start()
            try:
                time.sleep(HEALTHY_SECONDS)
                down_at = time.monotonic()
                private_redis.stop()
                time.sleep(DOWN_SECONDS)
                private_redis.start()
                up_at = time.monotonic()
                # Live updates resume, with no restart: the stream opened before the outage hears a comment
                # posted after Redis came back (each server's listener reconnects within its backoff, seconds).
                after = _post_until_heard(bases[0], site["thread"], reader, "after", seconds=30)
                resumed_after = time.monotonic() - up_at
            finally:
                load.stop()
                if not private_redis.running:  # failed mid-outage: the module's next drill needs it
                    private_redis.start()

        healthy, down, back = (load.between(0, down_at), load.between(down_at, up_at),
                               load.between(up_at, time.monotonic()))
        acknowledged = load.acknowledged() + [before] + ([after] if after else [])
        lost = len(set(acknowledged) - comments_found(env, acknowledged))
    failures = [o for o in load.outcomes if o.status not in (200, 201)]
    print(f"\ndrill 3 (Redis stopped {DOWN_SECONDS:.0f}s under load through nginx, {SERVERS} servers): requests "
          f"{len(load.outcomes)} by {load.readers} readers + {load.posters} posters (healthy {len(healthy)}, Redis "
          f"down {len(down)}, back {len(back)}); while down: reads 200 {count(down, 'read', 200)}, posts "
          f"acknowledged {count(down, 'post', 201)}, longest request {longest(down):.2f}s; failures "
          f"{len(failures)}; acknowledged posts {len(acknowledged)}, lost {lost}; the reader's stream heard a "
          f"comment posted after Redis returned: {f'{resumed_after:.1f}s after' if after else 'no'}; "
          f"{time.monotonic() - started:.0f}s in all, {time.monotonic() - ready_at:.0f}s after setup")
    assert not failures, failures[:5]
    assert count(down, "read", 200) > 0
    assert count(down, "post", 201) > 0  # posting carries on while Redis is away
    assert count(back, "read", 200) > 0
    assert count(back, "post", 201) > 0
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


def test_drill_4_postgresql_restarted_during_load(tmp_path: Path, private_redis: PrivateRedis):
    started = time.monotonic()
    with PrivatePostgres() as postgres:
        env = _env(tmp_path, postgres.create_database("drill"), private_redis.url, DATABASE_POOL_TIMEOUT="3")
        site = prepare_site(env)
        with _behind_nginx(env, tmp_path) as (bases, front):
            ready_at = time.monotonic()  # the rest is the drill itself
            load = balanced_load(front, site)
            load.start()
            probes: list[int] = []
            try:
                time.sleep(HEALTHY_SECONDS)
                postgres.stop()
                down_at = time.monotonic()
                time.sleep(DOWN_SECONDS)
                postgres.start()
                up_at = time.monotonic()
                # Recovered: every server answers a read and a post again, by itself, within a deadline.
                recovered_after = _wait_recovered(bases, site, probes, since=up_at, seconds=30)
                time.sleep(1.0)
            finally:
                load.stop()
        down, back = load.between(down_at, up_at), load.between(up_at, time.monotonic())
        acknowledged = load.acknowledged() + probes
        lost = len(set(acknowledged) - comments_found(env, acknowledged))
    unclean = [o for o in down if o.status not in (200, 201, 503)]
    without_retry_after = [o for o in down if o.status == 503 and not o.retry_after]
    print(f"\ndrill 4 (PostgreSQL stopped {DOWN_SECONDS:.0f}s under load through nginx, {SERVERS} servers): "
          f"requests {len(load.outcomes)} by {load.readers} readers + {load.posters} posters; while down "
          f"{len(down)}: 503 {sum(o.status == 503 for o in down)}, other {len(unclean)}, longest request "
          f"{longest(down):.2f}s; back {len(back)} (reads 200 {count(back, 'read', 200)}, posts 201 "
          f"{count(back, 'post', 201)}), every server recovered "
          f"{'never' if recovered_after is None else f'{recovered_after:.1f}s'} after the restart; "
          f"acknowledged posts {len(acknowledged)}, lost {lost}; {time.monotonic() - started:.0f}s in all, "
          f"{time.monotonic() - ready_at:.0f}s after setup")
    assert not unclean, unclean[:5]
    assert sum(o.status == 503 for o in down) > 0
    assert not without_retry_after, without_retry_after[:3]
    assert longest(down) < NOT_HUNG_SECONDS
    assert recovered_after is not None, "the servers did not serve again after PostgreSQL came back"
    assert count(back, "read", 200) > 0
    assert count(back, "post", 201) > 0
    assert lost == 0


def _wait_recovered(bases: list[str], site: dict, posted: list[int], since: float, seconds: float) -> float | None:
    """Seconds after ``since`` at which every server, asked directly, had answered a read (200) and a post (201);
    the posts acknowledged are added to ``posted``."""
    deadline = since + seconds
    pending = set(bases)
    while pending and time.monotonic() < deadline:
        for base in sorted(pending):
            if _reads(base, site["article"]) and (comment := post(base, site["thread"], "Back: the 7:40 runs.",
                                                                  timeout=5)) is not None:
                posted.append(comment)
                pending.discard(base)
        if pending:
            time.sleep(0.2)
    return None if pending else time.monotonic() - since


def _reads(base: str, article: str) -> bool:
    try:
        with urllib.request.urlopen(urllib.request.Request(f"{base}{article}",
                                                           headers={"Cookie": "sessionid=drill-probe"}),
                                    timeout=5) as answer:
            return answer.status == 200
    except OSError:
        return False
