"""Which addresses are verified. A stand-in the [identity] issue replaces: keep ``is_verified`` and
``mark_verified`` as the interface."""

from __future__ import annotations

from django.utils import timezone

from masthead.notifications.models import VerifiedEmail


def normalize_email(email: str) -> str:
    return email.strip().lower()


def is_verified(email: str) -> bool:
    return bool(email) and VerifiedEmail.objects.filter(email=normalize_email(email)).exists()


def mark_verified(email: str) -> None:
    VerifiedEmail.objects.get_or_create(email=normalize_email(email), defaults={"verified_at": timezone.now()})
