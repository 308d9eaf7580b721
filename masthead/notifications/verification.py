"""Which addresses are verified: the seam between notifications and the [identity] work in ``accounts``.

Confirming a subscription proves the address. We record it here (``VerifiedEmail``) and in the accounts app's
``ReaderIdentity`` (so the reader counts as "verified" for comments too), and we read either. If the accounts
functions are ever missing, notifications keep working on their own table.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from masthead.notifications.models import VerifiedEmail

if TYPE_CHECKING:
    from masthead.accounts.models import ReaderIdentity  # the optional accounts app, for its type only

log = logging.getLogger(__name__)


def normalize_email(email: str) -> str:
    return email.strip().lower()


def is_verified(email: str) -> bool:
    if not email:
        return False
    if VerifiedEmail.objects.filter(email=normalize_email(email)).exists():
        return True
    try:
        from masthead.accounts.tiers import is_verified_email
    except ImportError:
        return False
    return is_verified_email(email)


def mark_verified(email: str) -> ReaderIdentity | None:
    """Record the proof; returns the accounts identity when that app records it too (else None)."""
    with transaction.atomic():
        VerifiedEmail.objects.get_or_create(email=normalize_email(email), defaults={"verified_at": timezone.now()})
        try:
            from masthead.accounts.actions import do_mark_verified
        except ImportError:
            return None
        return do_mark_verified(email)


def session_email(request: HttpRequest) -> str:
    """The address this browser proved through the accounts app's verification (its session), if any."""
    try:
        from masthead.accounts.tiers import session_identity
    except ImportError:
        return ""
    identity = session_identity(request)
    return normalize_email(identity.email) if identity is not None else ""


def remember_in_session(request: HttpRequest, identity: ReaderIdentity | None) -> None:
    """Let this browser count as verified for the accounts app too (the same session key its own links set)."""
    if identity is None or getattr(request, "session", None) is None:
        return
    try:
        from masthead.accounts.tiers import SESSION_IDENTITY
    except ImportError:
        return
    request.session[SESSION_IDENTITY] = identity.pk
