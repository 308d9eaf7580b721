"""Password guessing, throttled per account and per network with exponential backoff; the owner keeps a way in.

Every password check (the admin login through ``backends.ThrottledModelBackend``, the reader's password
sign-in through ``actions.check_password_sign_in``) first *reserves* the attempt with ``reserve()``:

- each scope counts failures (for a day from the first): the account, and the network (``network_hash``);
- the first ``free`` failures of a scope cost nothing; after that every attempt must take the scope's lock,
  which lasts ``base * 2**(n - free - 1)`` seconds (capped) and is taken with an atomic ``cache.add``, so
  parallel requests cannot all slip through when a lock ends; an attempt refused by a lock does not count;
- the attempt counts as a failure as soon as it is reserved (a burst sees it at once); ``succeeded()`` takes it
  back (and clears the count kept for a familiar network).

A victim keeps a way in: the account scope counts failures *per familiar network* where the account signed in
before (remembered for 90 days after each sign-in, by password or emailed link), so a stranger's failures from
elsewhere never lock the owner out at home; readers can always ask for an emailed sign-in link, which no
password failure blocks. See docs/identity.md.
"""

from __future__ import annotations

import contextlib
import time
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import User
from django.core.cache import cache
from django.http import HttpRequest

from masthead.core.network import keyed_hash, network_hash

FAILURE_MEMORY = 24 * 3600
FAMILIAR_FOR = 90 * 24 * 3600


@dataclass(frozen=True)
class Attempt:
    account: str  # "u:<pk>" for an existing account, else a keyed hash of what was typed
    network: str  # network hash; "" when unknown (no request)


@dataclass(frozen=True)
class _Scope:
    key: str
    free: int
    max_lock: int
    cleared_by_success: bool = False


def account_key(user: User | None, typed: str) -> str:
    """One key per account whichever name was typed (username at the admin, address at the reader form)."""
    if user is not None:
        return f"u:{user.pk}"
    return "t:" + keyed_hash(typed.strip().lower(), "sign-in-account")


def address_key(email: str) -> str:
    """The key a familiar network is remembered under for emailed links (which know only the address)."""
    return "a:" + keyed_hash(email.strip().lower(), "email")


def _setting(name: str, default: int) -> int:
    return int(getattr(settings, name, default))


def _familiar_key(account: str, network: str) -> str:
    return f"pw:familiar:{account}:{network}"


def is_familiar(account: str, network: str) -> bool:
    return bool(network) and cache.get(_familiar_key(account, network)) is not None


def remember_network(account: str, network: str) -> None:
    """The account signed in from this network: strangers' failures elsewhere no longer lock it out here."""
    if network:
        cache.set(_familiar_key(account, network), 1, timeout=FAMILIAR_FOR)


def on_signed_in(sender: object, request: HttpRequest | None, user: User, **kwargs: object) -> None:
    """``user_logged_in``: remember the network for the account and its address (any sign-in: password, link)."""

    if request is None or not hasattr(request, "META"):  # a sign-in made in code may carry no request
        return
    network = network_hash(request)
    remember_network(account_key(user, ""), network)
    if user.email:
        remember_network(address_key(user.email), network)


def _scopes(attempt: Attempt) -> list[_Scope]:
    account_free = _setting("ACCOUNTS_PASSWORD_FREE_FAILURES", 5)
    account_cap = _setting("ACCOUNTS_PASSWORD_MAX_LOCK", 900)
    scopes = []
    if attempt.network:
        scopes.append(_Scope(f"net:{attempt.network}", _setting("ACCOUNTS_PASSWORD_NETWORK_FREE_FAILURES", 20),
                             _setting("ACCOUNTS_PASSWORD_NETWORK_MAX_LOCK", 3600)))
    if is_familiar(attempt.account, attempt.network):
        # The owner's usual network has its own count: failures from anywhere else do not lock it.
        scopes.append(_Scope(f"acct:{attempt.account}:{attempt.network}", account_free, account_cap, True))
    else:
        scopes.append(_Scope(f"acct:{attempt.account}", account_free, account_cap))
    return scopes


def _count(scope: _Scope) -> int:
    key = f"pw:fail:{scope.key}"
    if cache.add(key, 1, timeout=FAILURE_MEMORY):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=FAILURE_MEMORY)
        return 1


def _uncount(scope: _Scope) -> None:
    with contextlib.suppress(ValueError):
        cache.decr(f"pw:fail:{scope.key}")


def _take_lock(scope: _Scope, failures: int, now: float) -> int:
    """0 when this attempt may go ahead (it holds the lock now), else the seconds until the lock ends."""
    if failures <= scope.free:
        return 0
    seconds = min(_setting("ACCOUNTS_PASSWORD_LOCK_SECONDS", 60) * 2 ** min(failures - scope.free - 1, 20),
                  scope.max_lock)
    lock_key = f"pw:lock:{scope.key}"
    if cache.add(lock_key, now + seconds, timeout=seconds):
        return 0
    until = cache.get(lock_key)
    return max(1, int((until or now + 1) - now + 0.999))


def reserve(attempt: Attempt) -> int:
    """Count one password attempt; 0 when it may be checked, else the seconds to wait (nothing was counted)."""
    now = time.time()
    taken: list[_Scope] = []
    for scope in _scopes(attempt):
        wait = _take_lock(scope, _count(scope), now)
        if wait:
            _uncount(scope)
            for earlier in taken:  # an attempt refused anywhere is not a failure anywhere
                _uncount(earlier)
            return wait
        taken.append(scope)
    return 0


def succeeded(attempt: Attempt) -> None:
    """The password was right: the reserved failure is taken back; at a familiar network the count is cleared
    (elsewhere it is not, so a stranger's failures keep their backoff when the owner signs in somewhere)."""
    for scope in _scopes(attempt):
        if scope.cleared_by_success:
            cache.delete_many([f"pw:fail:{scope.key}", f"pw:lock:{scope.key}"])
        else:
            _uncount(scope)


def wait_message(seconds: int) -> str:
    minutes = max(1, (seconds + 59) // 60)
    when = "a minute" if minutes == 1 else f"{minutes} minutes"
    return f"Too many failed sign-in attempts. Please try again in {when}."
