"""Which addresses are verified: the seam between notifications and the [identity] work in ``accounts``.

Confirming a subscription proves the address. We record it here (``VerifiedEmail``) and, when the accounts app
is installed, in its ``ReaderIdentity`` (so the reader counts as "verified" for comments too), and we read
either. The accounts app sits above this one: it fills the ``identities`` hook in its ``AppConfig.ready()``;
without it notifications keep working on their own table.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Model
from django.http import HttpRequest
from django.utils import timezone

from masthead.core.hooks import Hook
from masthead.notifications.models import VerifiedEmail


@dataclass(frozen=True)
class IdentityBook:
    """What the accounts app tells and records about proved addresses."""

    is_verified: Callable[[str], bool]  # anyone ever proved the address there
    mark_verified: Callable[[str], Model]  # record a proof made through us; gives the identity
    session_email: Callable[[HttpRequest], str]  # the address this browser proved there, "" if none
    remember_in_session: Callable[[HttpRequest, Model], None]  # this browser counts as verified there too


def _no_identities() -> IdentityBook | None:
    return None


identities = Hook("notifications.identities", _no_identities)


def normalize_email(email: str) -> str:
    return email.strip().lower()


def is_verified(email: str) -> bool:
    if not email:
        return False
    if VerifiedEmail.objects.filter(email=normalize_email(email)).exists():
        return True
    book = identities()
    return bool(book is not None and book.is_verified(email))


def mark_verified(email: str) -> Model | None:
    """Record the proof; returns the accounts identity when that app records it too (else None)."""
    with transaction.atomic():
        VerifiedEmail.objects.get_or_create(email=normalize_email(email), defaults={"verified_at": timezone.now()})
        book = identities()
        return book.mark_verified(email) if book is not None else None


def session_email(request: HttpRequest) -> str:
    """The address this browser proved through the accounts app's verification (its session), if any."""
    book = identities()
    return normalize_email(book.session_email(request)) if book is not None else ""


def remember_in_session(request: HttpRequest, identity: Model | None) -> None:
    """Let this browser count as verified for the accounts app too (the same session key its own links set)."""
    book = identities()
    if book is None or identity is None or getattr(request, "session", None) is None:
        return
    book.remember_in_session(request, identity)
