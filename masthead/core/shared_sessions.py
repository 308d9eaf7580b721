"""Sessions kept in the database and read from Redis: ``SESSION_ENGINE`` when ``REDIS_URL`` is set (settings.py).

Django's ``cached_db`` engine, made safe for several processes and for Redis outages (core/shared_entries.py): a
signed-in reader's request reads their session from Redis in one round trip instead of a database query, while
ending a session (signing out, ``flush``, ``cycle_key`` at sign-in) ends it in every process at once, including
when Redis is unreachable (then every process reads sessions from the database, never from its own memory).
"""

from __future__ import annotations

from typing import Any

from asgiref.sync import sync_to_async
from django.contrib.sessions.backends.db import SessionStore as DatabaseStore

from masthead.core.shared_entries import MISSING, SharedEntries


class SessionStore(DatabaseStore):
    entries = SharedEntries("session")

    def load(self) -> dict[str, Any]:
        key = self.session_key
        if not key:
            return {}
        value, token = self.entries.read(key)
        if value is not MISSING:
            return dict(value)
        row = self._get_session_from_db()  # type: ignore[attr-defined]  # Django's, not in the stubs
        if row is None:
            return {}
        data: dict[str, Any] = self.decode(row.session_data)
        self.entries.fill(key, data, token, self.get_expiry_age(expiry=row.expire_date))
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
