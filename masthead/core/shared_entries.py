"""Values every server process reads from Redis instead of the database, which must never outlive their
invalidation in any process: a signed-in reader's session (core/shared_sessions.py) and their user row
(accounts/backends.py). The database stays the authority; Redis only spares a query while it is reachable.

- Reads and writes go to Redis or nowhere (``ResilientRedisCache.strict_*``), never to the per-process memory the
  cache falls back to while Redis is unreachable: a process cannot keep serving a session that another process
  has since ended. While Redis is unreachable every read goes to the database.
- Each entry is stamped with two counters read (in the same round trip) before its row was read from the
  database, and is used only while both are unchanged: the entry's own *invalidation count*, which an
  invalidation (a sign-out, a password change, a deactivation) increments before it deletes the entry, and the
  *outage epoch* (core/resilient_cache.py), which each process that comes back from a Redis outage increments
  before it reads anything. So a request that read the old row just before an invalidation and writes it into
  Redis just after cannot bring it back, and an entry written before an outage, which an invalidation made
  during the outage could not reach, is ignored by every process from then on. The count lives longer than any
  entry can (twice the entries' lifetime).
- Entries live ``SHARED_ENTRY_SECONDS`` (60 s) at most: that bounds the one case the counters cannot cover, a
  process cut off from a Redis that the others still reach, which dies before it can reach it again
  (docs/operations.md).

With no Redis configured (one process, local memory) nothing is kept: every read goes to the database.

Two entries can be read in one round trip (``read_along``: a session and its signed-in user, core/shared_sessions.py):
the second entry's part of that read is a ``Fetched``, which ``read`` of the second entry uses, inside
``reads_from``, instead of a round trip of its own. It was read at the same instant as the first entry, so it obeys
the same rules (its counters were read before any database read that follows).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.cache import caches

from masthead.core.resilient_cache import EPOCH_KEY, ResilientRedisCache

MISSING: Any = object()
_UNREACHABLE = object()  # the read found no Redis: nothing may be written back either


@dataclass(frozen=True)
class Fetched:
    """What one read from Redis asked for and found (Redis leaves keys it does not hold out of ``found``)."""

    cache: ResilientRedisCache
    asked: frozenset[str]
    found: dict[str, Any]


# Where ``read`` looks for an entry fetched along with another one: set by ``reads_from`` for one call only.
_FETCHED: ContextVar[Callable[[], Fetched | None] | None] = ContextVar("masthead_fetched_along", default=None)


@contextmanager
def reads_from(source: Callable[[], Fetched | None]) -> Iterator[None]:
    """Inside, ``read`` uses what ``source()`` fetched (when it asked for all of an entry's keys on the same cache)
    instead of a round trip. Scoped to one call (the request's user lookup), so nothing read for one request can
    serve another."""
    token = _FETCHED.set(source)
    try:
        yield
    finally:
        _FETCHED.reset(token)


def _fetched(cache: ResilientRedisCache, keys: list[str]) -> dict[str, Any] | None:
    source = _FETCHED.get()
    fetched = source() if source is not None else None
    if fetched is not None and fetched.cache is cache and fetched.asked.issuperset(keys):
        return fetched.found
    return None


def default_cache() -> ResilientRedisCache | None:
    cache = caches["default"]
    return cache if isinstance(cache, ResilientRedisCache) else None


class SharedEntries:
    """Entries named ``<name>:<key>`` in the shared cache (and their invalidation counts ``<name>-ended:<key>``)."""

    def __init__(self, name: str, cache: Callable[[], ResilientRedisCache | None] = default_cache) -> None:
        self.name = name
        self._cache = cache

    def _keys(self, key: str) -> tuple[str, str]:
        return f"{self.name}:{key}", f"{self.name}-ended:{key}"

    @staticmethod
    def lifetime() -> int:
        return int(getattr(settings, "SHARED_ENTRY_SECONDS", 60))

    def read(self, key: str) -> tuple[Any, Any]:
        """(the value or ``MISSING``, a token to give ``fill`` with the value read from the database on a miss).
        One round trip to Redis."""
        cache = self._cache()
        if cache is None:
            return MISSING, _UNREACHABLE
        keys = [EPOCH_KEY, *self._keys(key)]
        found = _fetched(cache, keys)
        if found is None:
            found = cache.strict_get_many(keys)
        if found is None:
            return MISSING, _UNREACHABLE
        return self._stamped(found, key)

    def read_along(self, key: str, other: SharedEntries, other_key: str) -> tuple[tuple[Any, Any], Fetched | None]:
        """``read(key)``, and in the same round trip ``other``'s entry ``other_key``: the ``Fetched`` to read it
        from (``reads_from``), or None when it was not read (no Redis, or the two are on different caches)."""
        cache = self._cache()
        if cache is None or other._cache() is not cache:
            return self.read(key), None
        keys = [EPOCH_KEY, *self._keys(key), *other._keys(other_key)]
        found = cache.strict_get_many(keys)
        if found is None:
            return (MISSING, _UNREACHABLE), None
        return self._stamped(found, key), Fetched(cache, frozenset(keys), found)

    def _stamped(self, found: dict[str, Any], key: str) -> tuple[Any, Any]:
        entry_key, ended_key = self._keys(key)
        stamp = (found.get(EPOCH_KEY), found.get(ended_key))
        entry = found.get(entry_key)
        if isinstance(entry, tuple) and len(entry) == 2 and entry[0] == stamp:
            return entry[1], stamp
        return MISSING, stamp

    def fill(self, key: str, value: Any, token: Any, seconds: int | None = None) -> None:
        """Keep ``value``, read from the database after ``read`` gave ``token``, for the other processes."""
        cache = self._cache()
        if cache is None or token is _UNREACHABLE:
            return
        lifetime = self.lifetime() if seconds is None else min(seconds, self.lifetime())
        if lifetime > 0:
            cache.strict_set_many({self._keys(key)[0]: (token, value)}, lifetime)

    def forget(self, key: str) -> None:
        """The row was saved: read it from the database next time."""
        cache = self._cache()
        if cache is not None:
            cache.strict_delete_many([self._keys(key)[0]])

    def invalidate(self, key: str) -> None:
        """The entry ended (a sign-out, a password change): no process may use a copy read before now again."""
        cache = self._cache()
        if cache is None:
            return
        entry_key, ended_key = self._keys(key)
        # Unreachable: the entry is deleted when Redis answers again (and the outage epoch changes meanwhile).
        cache.strict_incr(ended_key, 2 * self.lifetime())
        cache.strict_delete_many([entry_key])
