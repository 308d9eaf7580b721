"""Redis going away and coming back, piece by piece (drill 3 in test_drill_dependencies.py does it under load):
the shared cache carries on in the process's memory and returns to Redis by itself; live-event publishing drops
events instead of failing the request; a listener resumes when Redis is back.

A Redis of the test's own (never the machine's, which the suite shares), behind a TCP proxy that is cut and
restored: to the client Redis is unreachable, while it keeps its data, as in a network outage.
"""

from __future__ import annotations

import asyncio
import time
import uuid

import pytest
import redis as redis_client

from masthead.core import resilient_cache
from masthead.core.live import RedisBroker
from masthead.core.ratelimit import hit
from masthead.core.resilient_cache import ResilientRedisCache
from masthead.testing import private_services
from masthead.testing.loops import run as run_on_own_loop
from masthead.testing.private_services import PrivateRedis
from masthead.testing.processes import free_port

pytestmark = pytest.mark.skipif(not private_services.available()[0], reason=private_services.available()[1])


@pytest.fixture
def retry_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # Every call tries Redis again (in production it is left alone for RETRY_SECONDS after a failure).
    monkeypatch.setattr(resilient_cache, "RETRY_SECONDS", 0.0)


def _cache(port: int) -> ResilientRedisCache:
    return ResilientRedisCache(f"redis://127.0.0.1:{port}/0", {
        "KEY_PREFIX": f"outage-{uuid.uuid4().hex[:8]}",
        "OPTIONS": {"socket_connect_timeout": 1.0, "socket_timeout": 1.0}})


def test_the_cache_carries_on_in_memory_while_redis_is_unreachable_then_returns_to_it(redis_proxy, retry_at_once):
    cache = _cache(redis_proxy.port)
    cache.set("shared", "from redis", 60)
    assert cache.get("shared") == "from redis"

    redis_proxy.stop()
    assert cache.get("shared") is None  # a miss: the page recomputes it
    assert cache.down
    cache.set("local", "kept here", 60)
    assert cache.get("local") == "kept here"
    assert cache.get_or_set("computed", lambda: 42, 60) == 42
    assert cache.add("counter", 1, 60)
    assert cache.incr("counter") == 2
    assert cache.decr("counter") == 1
    assert cache.get_many(["local", "shared"]) == {"local": "kept here"}

    redis_proxy.start()
    assert cache.get("shared") == "from redis"  # Redis again, with what it kept
    assert not cache.down
    assert cache.get("local") is None  # the outage's local copy is dropped


def test_a_key_written_during_the_outage_is_deleted_from_redis_when_it_returns(redis_proxy, retry_at_once):
    # An invalidation made while Redis was away must not be undone by the older value Redis still holds.
    cache = _cache(redis_proxy.port)
    cache.set("topics", ["old list"], 300)
    cache.set("untouched", "still good", 300)
    redis_proxy.stop()
    cache.delete("topics")
    cache.set("campaign", "new", 300)
    redis_proxy.start()
    assert cache.get("topics") is None
    assert cache.get("campaign") is None  # written locally only: deleted from Redis too, recomputed on next read
    assert cache.get("untouched") == "still good"


def test_after_a_failure_redis_is_left_alone_for_a_moment(redis_proxy):
    cache = _cache(redis_proxy.port)
    redis_proxy.stop()
    assert cache.get("x") is None
    redis_proxy.start()
    cache.set("x", "local", 60)  # within RETRY_SECONDS: still in memory, no connection tried
    assert cache.down
    assert cache.get("x") == "local"


def test_rate_limits_count_in_memory_while_redis_is_unreachable(redis_proxy, retry_at_once, settings):
    settings.CACHES = {"default": {"BACKEND": "masthead.core.resilient_cache.ResilientRedisCache",
                                   "LOCATION": f"redis://127.0.0.1:{redis_proxy.port}/0",
                                   "KEY_PREFIX": f"outage-{uuid.uuid4().hex[:8]}"}}
    key = uuid.uuid4().hex
    assert hit("drill", key, limit=2, window=60).allowed
    redis_proxy.stop()
    first, second, third = (hit("drill", key, limit=2, window=60) for _ in range(3))
    assert first.allowed  # the count restarts in this process's memory...
    assert second.allowed
    assert not third.allowed  # ...and still limits
    assert third.retry_after > 0


def test_publishing_without_redis_drops_the_event_instead_of_failing():
    nowhere = f"redis://127.0.0.1:{free_port()}/0"  # nothing listens there: refused at once
    broker = RedisBroker(nowhere, f"masthead-test-{uuid.uuid4().hex[:8]}-live:")
    broker.publish("discussion:thread:1", "comment", {"id": 1})  # no exception
    broker.publish("discussion:thread:1", "comment", {"id": 2})


def test_a_listener_hears_events_again_once_redis_returns(private_redis: PrivateRedis):
    prefix = f"masthead-test-{uuid.uuid4().hex[:8]}-live:"
    publisher, listener = RedisBroker(private_redis.url, prefix), RedisBroker(private_redis.url, prefix)

    async def main() -> list[int]:
        heard: list[int] = []
        with listener.subscribe("discussion:thread:7") as queue:
            assert await asyncio.to_thread(listener.wait_listening, 15)
            private_redis.stop()
            publisher.publish("discussion:thread:7", "comment", {"id": 1})  # dropped, no exception
            private_redis.start()
            # The listener retries within RECONNECT_MAX_SECONDS; publish until it hears (bounded).
            deadline = time.monotonic() + 20
            while not heard and time.monotonic() < deadline:
                publisher.publish("discussion:thread:7", "comment", {"id": 2})
                try:
                    event = await asyncio.wait_for(queue.get(), 1)
                except TimeoutError:
                    continue
                heard.append(event.data["id"])
        return heard

    assert run_on_own_loop(main()) == [2]
    redis_client.Redis.from_url(private_redis.url).ping()
