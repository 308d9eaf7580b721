"""The session and its signed-in user in one round trip to Redis (core/shared_sessions.py ``read_along``,
accounts/middleware.py): the request's user is still exactly what Django's ``auth.get_user`` would give, a sign-out,
a password change or a deactivation in another process still ends it at once, and while Redis is unreachable both
come from the database.

Each "process" is a cache client of its own on one Redis of the test's own, behind a TCP proxy that is cut and
restored (as in test_shared_sessions.py); the database is the test's.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth.models import User
from django.db import connection
from django.http import HttpRequest
from django.test.utils import CaptureQueriesContext

from masthead.accounts import backends
from masthead.accounts.middleware import get_user
from masthead.core import resilient_cache, shared_sessions
from masthead.core.resilient_cache import ResilientRedisCache
from masthead.core.shared_entries import SharedEntries
from masthead.core.shared_sessions import SessionStore
from masthead.testing import private_services
from masthead.testing.tcp_proxy import TcpProxy

pytestmark = [pytest.mark.django_db,
              pytest.mark.skipif(not private_services.available()[0], reason=private_services.available()[1])]


@pytest.fixture(autouse=True)
def retry_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(resilient_cache, "RETRY_SECONDS", 0.0)


class Process:
    """One server process: its cache client, its session store and its users' entries on that client; ``reads``
    counts its round trips to Redis."""

    def __init__(self, port: int, prefix: str) -> None:
        self.cache = ResilientRedisCache(f"redis://127.0.0.1:{port}/0", {
            "KEY_PREFIX": prefix, "OPTIONS": {"socket_connect_timeout": 1.0, "socket_timeout": 1.0}})
        self.users = SharedEntries("auth-user", lambda: self.cache)
        self.store = type("Store", (SessionStore,), {"entries": SharedEntries("session", lambda: self.cache)})
        self.reads = 0
        strict_get_many = self.cache.strict_get_many

        def counted(keys: list[str]) -> dict[str, Any] | None:
            self.reads += 1
            return strict_get_many(keys)

        self.cache.strict_get_many = counted  # type: ignore[method-assign]


@pytest.fixture
def processes(redis_proxy: TcpProxy, monkeypatch: pytest.MonkeyPatch) -> list[Process]:
    prefix = f"one-read-{uuid.uuid4().hex[:8]}"
    monkeypatch.setattr(shared_sessions, "_ALONG_KEYS", {})  # nothing remembered from other tests
    return [Process(redis_proxy.port, prefix) for _ in range(3)]


@pytest.fixture
def as_process(monkeypatch: pytest.MonkeyPatch) -> Callable[[Process], None]:
    """Act as ``process`` from now on: the backend (and the post_save that ends a changed user) use its users."""
    return lambda process: monkeypatch.setattr(backends, "USERS", process.users)


@pytest.fixture(autouse=True)
def md5(settings) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _sign_in(process: Process, user: User) -> str:
    session = process.store()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    assert session.session_key
    return session.session_key


def _request(process: Process, key: str) -> tuple[Any, int, int]:
    """(the request's user, round trips to Redis, database queries) of one request with this session cookie."""
    request = HttpRequest()
    request.session = process.store(key)
    before = process.reads
    with CaptureQueriesContext(connection) as captured:
        user = get_user(request)
    return user, process.reads - before, len(captured)


def test_from_a_sessions_second_request_on_it_and_its_user_come_in_one_round_trip(processes, as_process):
    a, b, _ = processes
    as_process(b)
    ada = User.objects.create_user("ada", "ada@example.org", "first-password-1")
    key = _sign_in(a, ada)

    user, reads, queries = _request(b, key)  # nothing kept yet, and b has not seen this session
    assert (user.username, reads, queries) == ("ada", 2, 2)
    user, reads, queries = _request(b, key)
    assert (user.username, user.is_authenticated, reads, queries) == ("ada", True, 1, 0)
    assert user.get_session_auth_hash() == ada.get_session_auth_hash()
    assert not user._state.adding
    # The user's entry is used only inside that request's lookup: a lookup outside it reads Redis itself.
    before = b.reads
    found = backends.ThrottledModelBackend().get_user(ada.pk)
    assert found is not None
    assert found.username == "ada"
    assert b.reads == before + 1


def test_a_password_change_a_deactivation_or_a_sign_out_in_another_process_ends_the_user_read_along(
        processes, as_process):
    a, b, _ = processes
    ada = User.objects.create_user("ada", "ada@example.org", "first-password-1")
    grace = User.objects.create_user("grace", "grace@example.org", "first-password-1")
    as_process(b)
    first, second = _sign_in(a, ada), _sign_in(a, grace)
    for key in (first, second):
        _request(b, key)
        assert _request(b, key)[1:] == (1, 0)  # both kept, each read in one round trip

    as_process(a)
    ada.set_password("second-password-2")  # through process a
    ada.save()
    as_process(b)
    user, reads, _ = _request(b, first)
    assert (user.is_authenticated, reads) == (False, 1)  # the kept user is no longer used: its hash is the new one

    as_process(a)
    grace.is_active = False
    grace.save()
    as_process(b)
    assert not _request(b, second)[0].is_authenticated

    grace.is_active = True
    grace.save()
    third = _sign_in(a, grace)
    assert _request(b, third)[0].is_authenticated
    assert _request(b, third)[1:] == (1, 0)
    a.store(third).flush()  # signed out through process a
    assert not _request(b, third)[0].is_authenticated


def test_a_wrong_remembered_user_costs_a_round_trip_never_the_wrong_user(processes, as_process):
    a, b, _ = processes
    as_process(b)
    ada = User.objects.create_user("ada", "ada@example.org", "first-password-1")
    grace = User.objects.create_user("grace", "grace@example.org", "first-password-1")
    key = _sign_in(a, ada)
    _request(b, _sign_in(a, grace))  # grace's entry is kept in Redis
    _request(b, key)
    shared_sessions._ALONG_KEYS[key] = str(grace.pk)  # as if this session had named grace when b last read it
    user, reads, queries = _request(b, key)
    assert (user.username, reads, queries) == ("ada", 2, 0)
    assert _request(b, key)[1:] == (1, 0)  # and ada is remembered again


def test_while_redis_is_unreachable_both_come_from_the_database_and_a_deactivation_holds(
        processes, as_process, redis_proxy):
    a, b, c = processes
    ada = User.objects.create_user("ada", "ada@example.org", "first-password-1")
    key = _sign_in(a, ada)
    for process in (b, c):
        as_process(process)
        _request(process, key)
        assert _request(process, key)[1:] == (1, 0)

    redis_proxy.stop()
    as_process(b)
    user, _, queries = _request(b, key)
    assert (user.username, queries) == ("ada", 2)  # the session and the user, from the database
    assert _request(b, key)[2] == 2  # nothing kept in the process's memory
    as_process(a)
    ada.is_active = False  # deactivated through process a during the outage
    ada.save()
    as_process(b)
    assert not _request(b, key)[0].is_authenticated

    redis_proxy.start()
    # Redis still holds the user from before the outage; no process uses it, c (which never saw the outage)
    # included, whichever reads first.
    assert not _request(b, key)[0].is_authenticated
    as_process(c)
    assert not _request(c, key)[0].is_authenticated
