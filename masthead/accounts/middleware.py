"""Django's authentication middleware, with the signed-in user read in the same Redis round trip as the session.

With Redis, the session store fetches the user's entry along with the session (core/shared_sessions.py); the
user lookup of this request reads it from there (``shared_entries.reads_from``) instead of asking Redis again.
Everything else, the session's password hash check included, is Django's own ``auth.get_user``.
"""

from __future__ import annotations

from django.contrib import auth
from django.contrib.auth.middleware import AuthenticationMiddleware as DjangoAuthenticationMiddleware
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from masthead.core.shared_entries import reads_from


def get_user(request: HttpRequest) -> AbstractBaseUser | AnonymousUser:
    if not hasattr(request, "_cached_user"):
        session = request.session
        with reads_from(lambda: getattr(session, "fetched_along", None)):
            request._cached_user = auth.get_user(request)  # type: ignore[attr-defined]  # Django's own cache name
    return request._cached_user  # type: ignore[attr-defined]  # set above


class AuthenticationMiddleware(DjangoAuthenticationMiddleware):
    def process_request(self, request: HttpRequest) -> None:
        super().process_request(request)
        request.user = SimpleLazyObject(lambda: get_user(request))  # type: ignore[assignment]  # as Django's
