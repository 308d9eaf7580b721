"""Sessions and signed-in users read from Redis (core/shared_sessions.py, core/shared_entries.py,
accounts/backends.py): ending a session, changing a password or deactivating an account holds in every process at
once, including while Redis is unreachable and after it returns.

Each "process" is a cache client of its own (``ResilientRedisCache``, with its own fallback memory) on one Redis
of the test's own, behind a TCP proxy that is cut and restored: to the clients Redis is unreachable while it keeps
its data, as in a network outage. The database is the test's.
"""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext

from masthead.accounts import backends
from masthead.accounts.backends import ThrottledModelBackend
from masthead.core import resilient_cache
from masthead.core.resilient_cache import ResilientRedisCache
from masthead.core.shared_entries import MISSING, SharedEntries
from masthead.core.shared_sessions import SessionStore
from masthead.testing import private_services
from masthead.testing.tcp_proxy import TcpProxy

pytestmark = [pytest.mark.django_db,
              pytest.mark.skipif(not private_services.available()[0], reason=private_services.available()[1])]


@pytest.fixture(autouse=True)
def retry_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # Every call tries Redis again (in production it is left alone for RETRY_SECONDS after a failure).
    monkeypatch.setattr(resilient_cache, "RETRY_SECONDS", 0.0)


@pytest.fixture
def processes(redis_proxy: TcpProxy):
    """Three processes' session stores on one Redis (the same key prefix, as every server of a site)."""
    prefix = f"sessions-{uuid.uuid4().hex[:8]}"

    def process() -> tuple[ResilientRedisCache, type[SessionStore]]:
        cache = ResilientRedisCache(f"redis://127.0.0.1:{redis_proxy.port}/0", {
            "KEY_PREFIX": prefix, "OPTIONS": {"socket_connect_timeout": 1.0, "socket_timeout": 1.0}})
        store = type("Store", (SessionStore,), {"entries": SharedEntries("session", lambda: cache)})
        return cache, store

    return [process() for _ in range(3)]


def _queries(load) -> tuple[Any, int]:
    with CaptureQueriesContext(connection) as captured:
        data = load()
    return data, len(captured)


def _signed_in(store: type[SessionStore]) -> str:
    session = store()
    session["_auth_user_id"] = "7"
    session["note"] = "signed in"
    session.create()
    assert session.session_key
    return session.session_key


def test_a_session_is_read_from_redis_and_a_sign_out_in_one_process_ends_it_in_the_others(processes):
    (_, a), (_, b), _ = processes
    key = _signed_in(a)
    assert _queries(b(key).load) == ({"_auth_user_id": "7", "note": "signed in"}, 1)  # from the database
    assert _queries(b(key).load) == ({"_auth_user_id": "7", "note": "signed in"}, 0)  # then from Redis

    changed = a(key)
    changed["note"] = "changed"
    changed.save()
    assert b(key).load()["note"] == "changed"  # a save in one process: the next read in another sees it

    a(key).flush()  # the sign-out
    assert _queries(b(key).load)[0] == {}
    assert b(key).load() == {}


def test_a_copy_read_just_before_the_sign_out_and_written_just_after_is_never_used(processes):
    (_, a), (_, b), _ = processes
    key = _signed_in(a)
    late = b(key)
    value, token = late.entries.read(key)  # b missed Redis and reads the database...
    assert value is MISSING
    row = late._get_session_from_db()
    assert row is not None
    a(key).flush()  # ...meanwhile a signs the reader out...
    late.entries.fill(key, late.decode(row.session_data), token)  # ...and b writes what it read
    assert b(key).load() == {}


def test_while_redis_is_unreachable_sessions_come_from_the_database_and_a_sign_out_holds(processes, redis_proxy):
    (_, a), (cache_b, b), (_, c) = processes
    key = _signed_in(a)
    assert b(key).load()["note"] == "signed in"  # kept in Redis
    redis_proxy.stop()
    assert _queries(b(key).load) == ({"_auth_user_id": "7", "note": "signed in"}, 1)
    assert _queries(b(key).load)[1] == 1  # nothing kept in the process's memory
    assert cache_b.down
    a(key).flush()  # signed out through another process during the outage
    assert b(key).load() == {}

    redis_proxy.start()
    # Redis still holds the copy from before the outage, which the sign-out could not reach. Whichever process
    # reads first after the outage (b here; a, which signed out, has not been back yet), none uses that copy,
    # including one that never saw the outage (c).
    assert _queries(b(key).load) == ({}, 1)
    assert not cache_b.down
    assert c(key).load() == {}


def test_a_password_change_or_deactivation_ends_the_kept_user_in_every_process(processes, monkeypatch, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    (cache_a, _), (cache_b, _), _ = processes
    entries = SharedEntries("auth-user", lambda: cache_b)
    monkeypatch.setattr(backends, "USERS", entries)
    backend = ThrottledModelBackend()
    user = User.objects.create_user("ada", "ada@example.org", "first-password-1")
    kept = user.get_session_auth_hash()

    read, queries = _queries(lambda: backend.get_user(user.pk))
    assert (read.username, queries) == ("ada", 1)
    read, queries = _queries(lambda: backend.get_user(user.pk))
    assert (read.get_session_auth_hash(), read.email, queries) == (kept, "ada@example.org", 0)  # from Redis
    assert read.is_authenticated
    assert not read._state.adding

    monkeypatch.setattr(entries, "_cache", lambda: cache_a)  # the password is changed through process a
    user.set_password("second-password-2")
    user.save()
    monkeypatch.setattr(entries, "_cache", lambda: cache_b)
    changed = backend.get_user(user.pk)
    assert changed is not None
    assert changed.get_session_auth_hash() != kept  # the old session's hash no longer matches

    monkeypatch.setattr(entries, "_cache", lambda: cache_a)
    user.is_active = False
    user.save()
    monkeypatch.setattr(entries, "_cache", lambda: cache_b)
    assert backend.get_user(user.pk) is None


def test_without_redis_nothing_is_kept(settings):
    # One process with its local-memory cache (the default install): sessions and users come from the database.
    session = SessionStore()
    session["note"] = "kept in the database only"
    session.create()
    assert SessionStore(session.session_key).load() == {"note": "kept in the database only"}
    assert _queries(SessionStore(session.session_key).load)[1] == 1
    SessionStore(session.session_key).flush()
    assert SessionStore(session.session_key).load() == {}
