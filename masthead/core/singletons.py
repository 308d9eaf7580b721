"""A publisher's settings row (one row, ``pk=1``) read on every request, kept in each process.

Each process keeps the row it read, with the version token it read it under; the token lives in the shared cache
(local memory, or Redis when scaled), so a read costs one cache lookup and no query. Saving the row (or calling
``forget``) replaces the token, and every process reloads on its next read. A fresh random token rather than a
counter: after a cache flush no process can mistake an old number for the current one. A row that was never
saved reads as the model's defaults and is not written (a read path never writes).

The same scheme serves any value derived from a few rows that is read far more often than changed (moderation's
compiled word rules use ``VersionedValue`` directly).
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Generic, TypeVar

from django.core.cache import cache
from django.db import models, transaction

T = TypeVar("T")
M = TypeVar("M", bound=models.Model)

# Within ``steady()``: the version token of each value, read for all of them at once as it starts.
_STEADY: ContextVar[dict[str, str] | None] = ContextVar("singletons_steady", default=None)
_KEYS: set[str] = set()  # every VersionedValue's key, for that one read


@contextmanager
def steady() -> Iterator[None]:
    """Within it, every value's version is read once, all in one shared-cache lookup as it starts, and each value
    kept for the rest: for work that reads the same settings several times (a post reads the discussion and
    moderation settings; an import reads them for each of its comments), where a change saved meanwhile applies
    from the next post or batch on rather than part-way through it."""
    versions = {key: str(version) for key, version in cache.get_many(sorted(_KEYS)).items() if version is not None}
    token = _STEADY.set(versions)
    try:
        yield
    finally:
        _STEADY.reset(token)


class VersionedValue(Generic[T]):
    """``load()``'s result kept per process, valid while the shared cache holds the version token it was read under."""

    def __init__(self, key: str, load: Callable[[], T]) -> None:
        self.key = key
        self.load = load
        self._held: tuple[str, T] | None = None
        self._lock = threading.Lock()
        _KEYS.add(key)

    def _version(self) -> str:
        version = cache.get(self.key)
        if version is None:
            cache.add(self.key, uuid.uuid4().hex, timeout=None)
            version = cache.get(self.key)
        return str(version)

    def get(self) -> T:
        versions = _STEADY.get()
        held = self._held
        version = versions.get(self.key) if versions is not None else None
        if version is None:
            version = self._version()
            if versions is not None:
                versions[self.key] = version
        if held is not None and held[0] == version:
            return held[1]
        value = self.load()
        with self._lock:
            self._held = (version, value)
        return value

    def forget(self) -> None:
        """Every process reloads on its next read: now, and again when the current transaction commits (a process
        that read the old row between the two would otherwise keep it)."""
        self._bump()
        transaction.on_commit(self._bump)

    def _bump(self) -> None:
        cache.set(self.key, uuid.uuid4().hex, timeout=None)
        self._held = None


class SingletonRow(VersionedValue[M]):
    """The settings row ``pk=1`` of ``model``; its defaults, unsaved, until someone saves it."""

    def __init__(self, model: type[M], key: str) -> None:
        super().__init__(key, lambda: model._default_manager.filter(pk=1).first() or model(pk=1))
