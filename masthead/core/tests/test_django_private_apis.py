# mypy: disable-error-code="attr-defined"
# (this module reads Django's private attributes on purpose: django-stubs does not declare them)
"""Pins on every Django internal that core/ depends on (docs/architecture.md, "Django private APIs we depend on").

Each is undocumented and may change in any Django release without a deprecation period. These tests fail when one
changes its name, its signature or the call that makes it matter, so an upgrade stops here with the name of the
layer to revisit, not later with a server that quietly misbehaves. Behaviour is tested elsewhere (test_sqlite_turns,
test_threaded_django, test_csrf); these check the shape Django must keep for that code to be right.
"""

from __future__ import annotations

import inspect

import django
import django.db
from django.core.cache.backends.locmem import LocMemCache
from django.core.exceptions import RequestAborted
from django.core.handlers import asgi, base
from django.db import transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.sqlite3.base import DatabaseWrapper as SQLiteWrapper
from django.http import FileResponse, HttpResponse, HttpResponseBase
from django.middleware.csrf import CsrfViewMiddleware

from masthead.core.csrf import FetchMetadataCsrfMiddleware
from masthead.core.sqlite_backend.base import DatabaseWrapper as TurnsWrapper
from masthead.core.threaded_django import ThreadedDjango


def params(function: object) -> list[str]:
    return list(inspect.signature(function).parameters)  # type: ignore[arg-type]


def source(function: object) -> str:
    return inspect.getsource(function)  # type: ignore[arg-type]


def test_the_pins_were_written_against_django_5_2():
    # A new major or minor release: read each pin below against its source, then move this line.
    assert django.VERSION[:2] == (5, 2)


# --- core/threaded_django.py -------------------------------------------------------------------------------


def test_asgi_handler_init_only_loads_async_middleware():
    # ThreadedDjango calls BaseHandler.__init__ and load_middleware(is_async=False) itself, skipping
    # ASGIHandler.__init__: right only while that does nothing more than the async version of the same.
    assert issubclass(ThreadedDjango, asgi.ASGIHandler)
    assert params(asgi.ASGIHandler.__init__) == ["self"]
    body = source(asgi.ASGIHandler.__init__)
    assert "super().__init__()" in body
    assert "self.load_middleware(is_async=True)" in body
    assert len([line for line in body.splitlines()[1:] if line.strip()]) == 2
    # BaseHandler has no __init__ of its own (load_middleware sets its state): calling it takes no arguments.
    assert "__init__" not in vars(base.BaseHandler)
    assert params(base.BaseHandler.load_middleware) == ["self", "is_async"]
    assert params(base.BaseHandler.get_response) == ["self", "request"]


def test_read_body_and_create_request():
    assert inspect.iscoroutinefunction(asgi.ASGIHandler.read_body)
    assert params(asgi.ASGIHandler.read_body) == ["self", "receive"]
    assert params(asgi.ASGIHandler.create_request) == ["self", "scope", "body_file"]
    # (request, None) or (None, error response): ThreadedDjango._respond unpacks it so.
    assert "return self.request_class(scope, body_file), None" in source(asgi.ASGIHandler.create_request)
    assert params(asgi.get_script_prefix) == ["scope"]


def test_read_body_raises_request_aborted_when_the_client_leaves():
    # ThreadedDjango.__call__ catches RequestAborted from read_body to drop a request whose client left.
    body = source(asgi.ASGIHandler.read_body)
    assert 'message["type"] == "http.disconnect"' in body
    assert "raise RequestAborted()" in body
    assert asgi.RequestAborted is RequestAborted


def test_request_signals_keep_and_replace_the_threads_connections():
    # ThreadedDjango's threads keep their database connection between requests because Django checks each
    # connection's age and health at request_started and request_finished (close_old_connections), which
    # _respond sends (request_started) and response.close() sends (request_finished); it mirrors ASGIHandler.
    db_module = source(django.db)
    assert "signals.request_started.connect(close_old_connections)" in db_module
    assert "signals.request_finished.connect(close_old_connections)" in db_module
    assert "signals.request_started.asend(sender=self.__class__, scope=scope)" in source(asgi.ASGIHandler.handle)


def test_response_handler_class_is_what_request_finished_is_sent_with():
    # ThreadedDjango sets response._handler_class as ASGIHandler does; close() sends request_finished with it,
    # which closes the thread's database connections past their age.
    assert "response._handler_class = self.__class__" in source(asgi.ASGIHandler.run_get_response)
    assert "request_finished.send(sender=self._handler_class)" in source(HttpResponseBase.close)
    assert HttpResponse()._handler_class is None


def test_file_response_reads_in_block_size_pieces():
    assert isinstance(FileResponse.block_size, int)
    assert "self.block_size" in source(FileResponse._set_streaming_content)


# --- core/sqlite_backend ----------------------------------------------------------------------------------


def test_sqlite_transactions_begin_where_the_backend_takes_its_turn():
    # atomic() on SQLite begins through _start_transaction_under_autocommit (BEGIN <transaction_mode>): the
    # backend takes the writer's turn just before it.
    assert "force_begin_transaction_with_broken_autocommit=True" in source(transaction.Atomic.__enter__)
    assert "self._start_transaction_under_autocommit()" in source(BaseDatabaseWrapper.set_autocommit)
    begin = source(SQLiteWrapper._start_transaction_under_autocommit)
    assert 'f"BEGIN {self.transaction_mode}"' in begin
    assert params(SQLiteWrapper._start_transaction_under_autocommit) == ["self"]
    assert params(SQLiteWrapper.is_in_memory_db) == ["self"]


def test_commit_rollback_and_close_end_in_the_private_methods_the_backend_wraps():
    # The turn is given back in _commit, _rollback and _close: every way a transaction or connection ends.
    assert "self._commit()" in source(BaseDatabaseWrapper.commit)
    assert "self._rollback()" in source(BaseDatabaseWrapper.rollback)
    assert "self._close()" in source(BaseDatabaseWrapper.close)
    for name in ("_commit", "_rollback", "_close"):
        assert params(getattr(BaseDatabaseWrapper, name)) == ["self"]
        assert getattr(TurnsWrapper, name) is not getattr(SQLiteWrapper, name)  # still overridden here
    assert "wrap_database_errors" in dir(BaseDatabaseWrapper)


# --- core/csrf.py -----------------------------------------------------------------------------------------


def test_csrf_middleware_internals_the_fetch_metadata_policy_calls():
    assert issubclass(FetchMetadataCsrfMiddleware, CsrfViewMiddleware)
    assert params(CsrfViewMiddleware._accept) == ["self", "request"]
    assert params(CsrfViewMiddleware._reject) == ["self", "request", "reason"]
    assert params(CsrfViewMiddleware._origin_verified) == ["self", "request"]
    # The test client's opt-out, honoured the same way as Django's own check honours it.
    assert 'getattr(request, "_dont_enforce_csrf_checks", False)' in source(CsrfViewMiddleware.process_view)
    middleware = CsrfViewMiddleware(lambda request: HttpResponse())
    assert isinstance(middleware.allowed_origins_exact, set)
    assert isinstance(middleware.allowed_origin_subdomains, dict)


# --- core/personal_parts.py -------------------------------------------------------------------------------


def test_get_token_internals_the_filled_pages_token_repeats():
    # csrf_token() does what get_token() does when the request has a secret: marks the cookie to be sent again and
    # returns the secret masked the way _unmask_cipher_token reverses (tested in publishing's signed-in pages).
    from django.middleware import csrf

    assert 'request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True' in source(csrf.get_token)
    assert 'if "CSRF_COOKIE" in request.META:' in source(csrf.get_token)
    assert "return _mask_cipher_secret(csrf_secret)" in source(csrf.get_token)
    assert "(x + y) % len(chars)" in source(csrf._mask_cipher_secret)
    assert (csrf.CSRF_SECRET_LENGTH, len(csrf.CSRF_ALLOWED_CHARS)) == (32, 62)


def test_local_memory_cache_internals_the_byte_bound_keeps_in_step():
    """core/byte_bounded_cache.py: every write goes through ``_set`` (which culls through ``_cull`` and keeps the most
    recently used first), every removal of one key through ``_delete``, and ``incr`` stores without ``_set``."""
    for name in ("_set", "_cull", "_delete", "_has_expired"):
        assert callable(getattr(LocMemCache, name))
    assert params(LocMemCache._set) == ["self", "key", "value", "timeout"]
    assert "self._set(key, pickled, timeout)" in source(LocMemCache.set)
    assert "self._set(key, pickled, timeout)" in source(LocMemCache.add)
    assert "self._cull()" in source(LocMemCache._set)
    assert "move_to_end(key, last=False)" in source(LocMemCache._set)
    assert "self._delete(key)" in source(LocMemCache.get)
    assert "self._cache[key] = pickled" in source(LocMemCache.incr)
    cache = LocMemCache("pin-locmem", {})
    assert isinstance(cache._cache, dict)
    assert isinstance(cache._expire_info, dict)


def test_authentication_middleware_internals_the_one_read_user_repeats():
    """accounts/middleware.py: Django's middleware sets ``request.user`` lazily from its module's ``get_user``, which
    keeps the user in ``request._cached_user``; ours does the same, with the user read along with the session."""
    from django.contrib.auth import middleware

    assert "request._cached_user = auth.get_user(request)" in source(middleware.get_user)
    assert "request.user = SimpleLazyObject(lambda: get_user(request))" in source(
        middleware.AuthenticationMiddleware.process_request)
