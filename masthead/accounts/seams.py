"""What the accounts app answers for the apps below it, through the hooks they declare (registered in
``AccountsConfig.ready``; docs/architecture.md, "One direction")."""

from __future__ import annotations

from django.db.models import Model
from django.http import HttpRequest

from masthead.accounts.actions import do_mark_verified
from masthead.accounts.tiers import SESSION_IDENTITY, is_verified_email, session_identity, tier_of
from masthead.notifications.verification import IdentityBook


def request_tier(request: HttpRequest, email: str) -> str:
    """The tier of whoever makes ``request``, writing with ``email`` (the discussion's ``reader_tier``)."""
    return tier_of(request, email)


def _session_email(request: HttpRequest) -> str:
    identity = session_identity(request)
    return identity.email if identity is not None else ""


def _remember_in_session(request: HttpRequest, identity: Model) -> None:
    """``identity`` is the ``ReaderIdentity`` that ``do_mark_verified`` gave notifications."""
    request.session[SESSION_IDENTITY] = identity.pk


_BOOK = IdentityBook(is_verified=is_verified_email, mark_verified=do_mark_verified, session_email=_session_email,
                     remember_in_session=_remember_in_session)


def identity_book() -> IdentityBook:
    """Proved addresses as notifications ask about them (its ``identities`` hook)."""
    return _BOOK
