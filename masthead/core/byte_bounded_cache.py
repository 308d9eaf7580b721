"""Django's local-memory cache, bounded by the bytes it holds as well as by its number of entries.

``LocMemCache`` counts entries only (``MAX_ENTRIES``), which bounds a process's memory only when every value has
about the same size. Rendered discussion pages do not: a thread's first page is a few kB or tens of kB, and the
"View all comments" pages hold up to ten pages each. ``OPTIONS["MAX_BYTES"]`` bounds the sum of the stored (pickled)
values: when a new value would pass it, the least recently used entries go first, and a value larger than the
whole bound is not kept at all (it would only push everything else out). ``MAX_ENTRIES`` and ``CULL_FREQUENCY``
still apply as in Django's backend.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache

# Bytes held per cache name, beside Django's own per-name stores (every instance of one name shares them).
_sizes: dict[str, dict[str, int]] = {}
_totals: dict[str, list[int]] = {}


class ByteBoundedLocMemCache(LocMemCache):
    # Django's private store, which this class keeps in step (django-stubs declares none of it; the shape is pinned
    # in core/tests/test_django_private_apis.py): pickled values, most recently used first; deadlines; the lock.
    _cache: OrderedDict[str, bytes]
    _expire_info: dict[str, float | None]
    _lock: threading.Lock
    _cull_frequency: int

    def __init__(self, name: str, params: dict[str, Any]) -> None:
        super().__init__(name, params)
        self._max_bytes = int(params.get("OPTIONS", {}).get("MAX_BYTES", 0)) or None
        self._sizes = _sizes.setdefault(name, {})
        self._total = _totals.setdefault(name, [0])  # a list: shared and updated in place, under self._lock

    @property
    def held_bytes(self) -> int:
        """The size of the pickled values held now."""
        return self._total[0]

    def _set(self, key: str, value: bytes, timeout: float | None = DEFAULT_TIMEOUT) -> None:
        if self._max_bytes is not None and len(value) > self._max_bytes:
            self._delete(key)  # never keep an older value under the key in its place
            return
        self._forget_size(key)
        super()._set(key, value, timeout)  # type: ignore[misc]  # private: pinned in test_django_private_apis
        self._sizes[key] = len(value)
        self._total[0] += len(value)
        if self._max_bytes is not None:
            # Django's store keeps the most recently used first: the least recently used are at its end.
            while self._total[0] > self._max_bytes and len(self._cache) > 1:
                oldest, _ = self._cache.popitem()
                self._expire_info.pop(oldest, None)
                self._forget_size(oldest)

    def incr(self, key: str, delta: int = 1, version: int | None = None) -> int:
        value = super().incr(key, delta, version)
        full_key = self.make_and_validate_key(key, version=version)
        with self._lock:
            if full_key in self._cache:
                self._forget_size(full_key)
                self._sizes[full_key] = len(self._cache[full_key])
                self._total[0] += self._sizes[full_key]
        return value

    def _forget_size(self, key: str) -> None:
        self._total[0] -= self._sizes.pop(key, 0)

    def _cull(self) -> None:
        if self._cull_frequency == 0:
            self._cache.clear()
            self._expire_info.clear()
            self._sizes.clear()
            self._total[0] = 0
            return
        for _ in range(len(self._cache) // self._cull_frequency):
            key, _value = self._cache.popitem()
            del self._expire_info[key]
            self._forget_size(key)

    def _delete(self, key: str) -> bool:
        deleted: bool = super()._delete(key)  # type: ignore[misc]  # private: pinned in test_django_private_apis
        if deleted:
            self._forget_size(key)
        return deleted

    def clear(self) -> None:
        with self._lock:
            self._cache.clear()
            self._expire_info.clear()
            self._sizes.clear()
            self._total[0] = 0
