"""Django's model backend behind the password throttle (``throttle.py``): the admin login and anything else that
calls ``django.contrib.auth.authenticate`` is limited per account and per network, with backoff."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from masthead.accounts import throttle
from masthead.core.network import network_hash

# Set on the request when the throttle refused an attempt: the seconds to wait (the login pages say so).
RETRY_AFTER_ATTR = "sign_in_retry_after"


class ThrottledModelBackend(ModelBackend):
    def authenticate(self, request: HttpRequest | None, username: str | None = None, password: str | None = None,
                     **kwargs: object) -> User | None:
        model = get_user_model()
        if username is None:
            typed = kwargs.get(model.USERNAME_FIELD)
            username = typed if isinstance(typed, str) else None
        if username is None or password is None:
            return None
        user = model._default_manager.filter(**{model.USERNAME_FIELD: username}).first()
        attempt = throttle.Attempt(throttle.account_key(user, str(username)),
                                   network_hash(request) if request is not None else "")
        wait = throttle.reserve(attempt)
        if wait:
            if request is not None:
                setattr(request, RETRY_AFTER_ATTR, wait)
            raise PermissionDenied  # stops the other backends; authenticate() answers None
        found = super().authenticate(request, username=username, password=password, **kwargs)
        if found is not None:
            throttle.succeeded(attempt)
        return found
