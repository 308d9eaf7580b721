"""Sessions kept in the database and read from Redis: ``SESSION_ENGINE`` when ``REDIS_URL`` is set (settings.py).

Django's ``cached_db`` engine, made safe for several processes and for Redis outages (core/shared_entries.py): a
signed-in reader's request reads their session from Redis in one round trip instead of a database query, while
ending a session (signing out, ``flush``, ``cycle_key`` at sign-in) ends it in every process at once, including
when Redis is unreachable (then every process reads sessions from the database, never from its own memory).

The signed-in user's entry (accounts/backends.py) is read in the same round trip as the session (``read_along``,
registered by the accounts app): which user a session key belongs to is remembered per process from its last
read, so from a session's second request on in a process both come in one read. The remembered user only says
which entry to fetch along; the user the request gets is always the one the session read names (a wrong guess
costs the user's own read, as before).
"""

from __future__ import annotations

import contextlib
from typing import Any

from asgiref.sync import sync_to_async
from django.contrib.sessions.backends.db import SessionStore as DatabaseStore

from masthead.core.hooks import Hook
from masthead.core.shared_entries import MISSING, Fetched, SharedEntries


def _nothing_along() -> tuple[SharedEntries, str] | None:
    return None


# The entries read along with each session, and the session's field that names their key: (the users, the
# signed-in user's id). Registered by the accounts app.
read_along = Hook("core.session_read_along", _nothing_along)

# Session key -> the key of its entry read along, as this process last read it; the oldest go first beyond this.
_ALONG_KEYS: dict[str, str] = {}
MAX_ALONG_KEYS = 10_000


def _remember_along(session_key: str, along_key: object) -> None:
    if not isinstance(along_key, str | int):
        _ALONG_KEYS.pop(session_key, None)
        return
    _ALONG_KEYS[session_key] = str(along_key)
    if len(_ALONG_KEYS) > MAX_ALONG_KEYS:
        # Another thread may have removed it, or changed the dict meanwhile: then it stays for the next one.
        with contextlib.suppress(KeyError, RuntimeError, StopIteration):
            del _ALONG_KEYS[next(iter(_ALONG_KEYS))]


class SessionStore(DatabaseStore):
    entries = SharedEntries("session")
    # The entry fetched along with this session's read, for ``shared_entries.reads_from`` (the user lookup).
    fetched_along: Fetched | None = None

    def load(self) -> dict[str, Any]:
        key = self.session_key
        if not key:
            return {}
        along = read_along()
        along_key = _ALONG_KEYS.get(key) if along is not None else None
        if along is not None and along_key is not None:
            (value, token), self.fetched_along = self.entries.read_along(key, along[0], along_key)
        else:
            value, token = self.entries.read(key)
        if value is not MISSING:
            data: dict[str, Any] = dict(value)
        else:
            row = self._get_session_from_db()  # type: ignore[attr-defined]  # Django's, not in the stubs
            if row is None:
                return {}
            data = self.decode(row.session_data)
            self.entries.fill(key, data, token, self.get_expiry_age(expiry=row.expire_date))
        if along is not None:
            _remember_along(key, data.get(along[1]))
        return data

    def save(self, must_create: bool = False) -> None:
        super().save(must_create)
        if self.session_key:
            self.entries.forget(self.session_key)  # read again from the database, with what was just saved

    def delete(self, session_key: str | None = None) -> None:
        key = session_key if session_key is not None else self.session_key
        super().delete(session_key)
        if key:
            self.entries.invalidate(key)

    # The async API does the same (the database store's own would skip Redis).
    async def aload(self) -> dict[str, Any]:
        return await sync_to_async(self.load)()

    async def asave(self, must_create: bool = False) -> None:
        await sync_to_async(self.save)(must_create)

    async def adelete(self, session_key: str | None = None) -> None:
        await sync_to_async(self.delete)(session_key)

    async def aflush(self) -> None:
        await sync_to_async(self.flush)()
