"""Emailed links: a random 256-bit token in the link, only its SHA-256 in the database, used once, 15 minutes.

A link is consumed by a conditional UPDATE (``used_at IS NULL AND expires_at > now``) and the row count says
whether this request won; two clicks racing each other cannot both sign in.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone

from masthead.accounts.models import EmailLink


def link_lifetime() -> timedelta:
    return timedelta(minutes=getattr(settings, "ACCOUNTS_LINK_MINUTES", 15))


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue(purpose: str, email: str, *, next_url: str = "", claim: bool = False) -> str:
    """Store a new link for ``email`` and return its token (the only copy, which goes into the mail)."""
    token = secrets.token_urlsafe(32)
    now = timezone.now()
    EmailLink.objects.create(purpose=purpose, token_hash=hash_token(token), email=email, next_url=next_url,
                             claim_comments=claim, created_at=now, expires_at=now + link_lifetime())
    return token


def peek(token: str, purpose: str) -> EmailLink | None:
    """The usable link for ``token``, without using it (the confirmation page)."""
    if not token or len(token) > 100:
        return None
    return EmailLink.objects.filter(token_hash=hash_token(token), purpose=purpose, used_at__isnull=True,
                                    expires_at__gt=timezone.now()).first()


def consume(token: str, purpose: str) -> EmailLink | None:
    """Use the link once: the link when this call used it, None when unknown, expired or already used."""
    if not token or len(token) > 100:
        return None
    now = timezone.now()
    token_hash = hash_token(token)
    used = EmailLink.objects.filter(token_hash=token_hash, purpose=purpose, used_at__isnull=True,
                                    expires_at__gt=now).update(used_at=now)
    if used != 1:
        return None
    return EmailLink.objects.get(token_hash=token_hash)


def purge_stale(now: datetime | None = None) -> int:
    """Forget links a day after they expired: they name an address and are of no further use."""
    moment = now or timezone.now()
    deleted, _ = EmailLink.objects.filter(expires_at__lt=moment - timedelta(days=1)).delete()
    return deleted
