"""Django's model backend behind the password throttle (``throttle.py``): the admin login and anything else that
calls ``django.contrib.auth.authenticate`` is limited per account and per network, with backoff.

With Redis, the signed-in user of each request is read from it rather than the database (``get_user``), under the
rules of core/shared_entries.py: saving or deleting the user (a password change, a deactivation, a new sign-in's
``last_login``) invalidates the copy in every process at once (``forget_user``, on post_save and post_delete), so
the session's password hash check and the ``is_active`` check see the row as it is now."""

from __future__ import annotations

import functools

from django.contrib.auth import SESSION_KEY, get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from masthead.accounts import throttle
from masthead.core.network import network_hash
from masthead.core.shared_entries import MISSING, SharedEntries

USERS = SharedEntries("auth-user")

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

    def get_user(self, user_id: object) -> User | None:
        key = str(user_id)
        value, token = USERS.read(key)
        if value is not MISSING:
            names = list(value)
            # from_db builds the user from its values in field order, cheaper than keyword arguments; an entry
            # written by a version with other fields is read by name.
            user = (User.from_db("default", names, list(value.values())) if names == _user_attnames()
                    else User(**value))
            user._state.adding = False
            user._state.db = "default"
        else:
            found = super().get_user(user_id)
            if not isinstance(found, User):
                return None
            user = found
            USERS.fill(key, {field.attname: getattr(user, field.attname) for field in User._meta.concrete_fields},
                       token)
        return user if self.user_can_authenticate(user) else None


@functools.cache
def _user_attnames() -> list[str]:
    return [field.attname for field in User._meta.concrete_fields]


def users_along() -> tuple[SharedEntries, str]:
    """The users' entries, keyed by the session's user id: read in the session's round trip to Redis."""
    return USERS, SESSION_KEY


def forget_user(sender: type, instance: User, **kwargs: object) -> None:
    """post_save / post_delete of a user: no process may use its copy any more."""
    USERS.invalidate(str(instance.pk))
