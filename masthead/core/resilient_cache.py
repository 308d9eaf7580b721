"""Django's Redis cache, carrying on in this process's memory while Redis cannot be reached.

Everything kept in the shared cache can be recomputed (pages' pieces, counters' versions, settings rows) or is a
count that may restart (rate limits, sign-in throttles), so losing Redis must not fail a page or a post. While Redis
is unreachable each call goes to a local-memory cache instead: reads miss or find what this process kept, writes
stay in this process, rate limits count per process. After a failure Redis is left alone for ``RETRY_SECONDS`` (so
readers do not each pay a refused connection), then tried again by the next call; once it answers, the local copy
is dropped and the keys this process wrote meanwhile are deleted from Redis, so an invalidation made during the
outage is not undone by an older value Redis kept (when Redis only became unreachable, rather than restarting
empty). Failures and the recovery are logged once each, not on every call.

Some values must never be read from one process's memory, nor outlive their invalidation in another process
(sessions, the signed-in user: core/shared_entries.py). They use the ``strict_*`` calls, which go to Redis or
nowhere: while Redis is unreachable a read misses and a write is skipped (a deletion is remembered, as above). And
each process that comes back from an outage increments a shared *outage epoch* in Redis before it reads anything
from it, so that an entry written before the outage (which an invalidation during the outage could not reach) is
recognised as older than the outage by every process.

docs/operations.md ("When Redis goes down") describes what readers and staff see meanwhile.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache

log = logging.getLogger(__name__)

T = TypeVar("T")

RETRY_SECONDS = 2.0
# Keys written during an outage, remembered to be deleted from Redis on its return; beyond this many the rest are
# left to expire (logged), so a long outage cannot grow the process's memory without bound.
REMEMBERED_KEYS = 10_000
FALLBACK_ENTRIES = 5_000
# Incremented in Redis by each process that comes back from an outage (see the module's docstring).
EPOCH_KEY = "outage-epoch"


class ResilientRedisCache(RedisCache):
    def __init__(self, server: str, params: dict[str, Any]) -> None:
        super().__init__(server, params)
        import redis  # Local: Django's own Redis backend loads the client only when it is configured, too

        self._unreachable: tuple[type[Exception], ...] = (redis.ConnectionError, redis.TimeoutError)
        self._fallback = LocMemCache(f"masthead-redis-fallback-{id(self)}", {
            "TIMEOUT": params.get("TIMEOUT", 300), "KEY_PREFIX": self.key_prefix, "VERSION": self.version,
            "OPTIONS": {"MAX_ENTRIES": FALLBACK_ENTRIES}})
        self._lock = threading.Lock()
        self._recovering = threading.Lock()
        self._down = False
        self._retry_at = 0.0
        self._written: set[tuple[str, int | None]] = set()
        self._overflowed = False

    @property
    def down(self) -> bool:
        """Whether the last call found Redis unreachable (until a call reaches it again)."""
        return self._down

    def _call(self, redis_call: Callable[[], T], local_call: Callable[[], T],
              written: list[tuple[str, int | None]] | None = None) -> T:
        if self._down and (time.monotonic() < self._retry_at or not self._recover()):
            return self._locally(local_call, written)
        try:
            return redis_call()
        except self._unreachable as error:
            self._lost(error)
            return self._locally(local_call, written)

    def _locally(self, local_call: Callable[[], T], written: list[tuple[str, int | None]] | None) -> T:
        if written:
            self._remember(written)
        return local_call()

    def _remember(self, written: Iterable[tuple[str, int | None]]) -> None:
        with self._lock:
            for entry in written:
                if len(self._written) >= REMEMBERED_KEYS:
                    self._overflowed = True
                    return
                self._written.add(entry)

    def _lost(self, error: Exception) -> None:
        with self._lock:
            first = not self._down
            self._down = True
            self._retry_at = time.monotonic() + RETRY_SECONDS
        if first:
            log.warning("Cache: Redis unreachable (%s); using this process's memory until it answers again",
                        type(error).__name__)

    def _recover(self) -> bool:
        """Try Redis again: delete from it the keys written during the outage (or ping it when there are none)
        before any value is read from it. True when it answered. One thread tries; the others carry on locally
        meanwhile, so none reads from Redis before the deletions are done."""
        if not self._recovering.acquire(blocking=False):
            return False
        try:
            return self._try_recover()
        finally:
            self._recovering.release()

    def _try_recover(self) -> bool:
        with self._lock:
            written, self._written = self._written, set()
            overflowed, self._overflowed = self._overflowed, False
        by_version: dict[int | None, list[str]] = {}
        for key, version in written:
            by_version.setdefault(version, []).append(key)
        try:
            if by_version:
                for version, keys in by_version.items():
                    super().delete_many(keys, version=version)
            # Before any read: entries kept from before the outage are older than it from now on (a raw INCR:
            # it starts a missing key at 1, where a Redis that restarted empty lost it).
            self._cache.get_client(write=True).incr(self.make_and_validate_key(EPOCH_KEY))
        except self._unreachable as error:  # still away: keep the keys for the next try
            self._remember(written)
            self._overflowed = self._overflowed or overflowed
            self._lost(error)
            return False
        with self._lock:
            was_down, self._down = self._down, False
        self._fallback.clear()
        if was_down:
            log.warning("Cache: Redis answers again; %d keys written during the outage deleted from it%s",
                        len(written), " (more were written: they expire on their own)" if overflowed else "")
        return True

    # Redis or nowhere: never this process's memory (core/shared_entries.py).

    def _reachable(self) -> bool:
        return not self._down or (time.monotonic() >= self._retry_at and self._recover())

    def strict_get_many(self, keys: list[str]) -> dict[str, Any] | None:
        """``get_many`` from Redis; None when Redis cannot be reached (nothing is read from this process)."""
        if not self._reachable():
            return None
        try:
            return super().get_many(keys)
        except self._unreachable as error:
            self._lost(error)
            return None

    def strict_set_many(self, data: dict[str, Any], timeout: int) -> bool:
        """``set_many`` in Redis; skipped (False) when Redis cannot be reached."""
        if not self._reachable():
            return False
        try:
            super().set_many(data, timeout)
        except self._unreachable as error:
            self._lost(error)
            return False
        return True

    def strict_incr(self, key: str, timeout: int) -> bool:
        """Increment ``key`` in Redis (from 0 when missing) and let it live ``timeout`` seconds; skipped (False)
        when Redis cannot be reached."""
        if not self._reachable():
            return False
        try:
            name = self.make_and_validate_key(key)
            with self._cache.get_client(write=True).pipeline() as pipeline:
                pipeline.incr(name)
                pipeline.expire(name, timeout)
                pipeline.execute()
        except self._unreachable as error:
            self._lost(error)
            return False
        return True

    def strict_delete_many(self, keys: list[str]) -> None:
        """``delete_many`` in Redis; when Redis cannot be reached, the keys are deleted from it on its return (and
        the outage epoch makes older entries stale meanwhile for every process that saw the outage)."""
        if self._reachable():
            try:
                super().delete_many(keys)
                return
            except self._unreachable as error:
                self._lost(error)
        self._remember((key, None) for key in keys)

    # Django's cache API, each call through _call. get_or_set, decr, get_many's helpers... use these.

    def add(self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None) -> bool:
        return self._call(lambda: super(ResilientRedisCache, self).add(key, value, timeout, version=version),
                          lambda: self._fallback.add(key, value, timeout, version=version),
                          [(key, version)])

    def get(self, key: Any, default: Any = None, version: int | None = None) -> Any:
        return self._call(lambda: super(ResilientRedisCache, self).get(key, default, version=version),
                          lambda: self._fallback.get(key, default, version=version))

    def set(self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None) -> None:
        self._call(lambda: super(ResilientRedisCache, self).set(key, value, timeout, version=version),
                   lambda: self._fallback.set(key, value, timeout, version=version), [(key, version)])

    def touch(self, key: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None) -> bool:
        return self._call(lambda: super(ResilientRedisCache, self).touch(key, timeout, version=version),
                          lambda: self._fallback.touch(key, timeout, version=version))

    def delete(self, key: Any, version: int | None = None) -> bool:
        return self._call(lambda: super(ResilientRedisCache, self).delete(key, version=version),
                          lambda: self._fallback.delete(key, version=version), [(key, version)])

    def get_many(self, keys: Any, version: int | None = None) -> dict[Any, Any]:
        return self._call(lambda: super(ResilientRedisCache, self).get_many(keys, version=version),
                          lambda: self._fallback.get_many(keys, version=version))

    def has_key(self, key: Any, version: int | None = None) -> bool:
        return self._call(lambda: super(ResilientRedisCache, self).has_key(key, version=version),
                          lambda: self._fallback.has_key(key, version=version))

    def incr(self, key: Any, delta: int = 1, version: int | None = None) -> int:
        return self._call(lambda: super(ResilientRedisCache, self).incr(key, delta, version=version),
                          lambda: self._fallback.incr(key, delta, version=version), [(key, version)])

    def set_many(self, data: dict[Any, Any], timeout: Any = DEFAULT_TIMEOUT, version: int | None = None) -> list[Any]:
        return self._call(
            lambda: super(ResilientRedisCache, self).set_many(data, timeout, version=version),
            lambda: self._fallback.set_many(data, timeout, version=version),
            [(key, version) for key in data])

    def delete_many(self, keys: Any, version: int | None = None) -> None:
        keys = list(keys)
        self._call(lambda: super(ResilientRedisCache, self).delete_many(keys, version=version),
                   lambda: self._fallback.delete_many(keys, version=version), [(key, version) for key in keys])

    def clear(self) -> None:
        self._call(lambda: super(ResilientRedisCache, self).clear(), self._fallback.clear)

