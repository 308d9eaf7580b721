"""A reader's data across every app: export it as JSON, or erase it. One provider module per domain.

Each provider has ``export(subject) -> list|dict`` and ``erase(subject, options) -> dict`` (counts). The reader's
page and the staff commands (``privacy_export``, ``privacy_erase``) both come through ``export_data`` and
``erase_data``, so a request received by mail is handled exactly like one made on the site.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.models import AnonymousUser, User
from django.utils import timezone

from masthead.accounts.tiers import normalize_email


@dataclass
class Subject:
    """Whom the request is about: a proved email, the account, and (from the reader's own browser) guest keys."""

    email: str
    user_id: int | None = None
    identity_id: int | None = None
    guest_author_keys: list[str] = field(default_factory=list)  # discussion Reader.author_key of this browser
    guest_voter_keys: list[str] = field(default_factory=list)  # discussion Reader.voter_key of this browser

    @property
    def account_key(self) -> str:
        return f"u:{self.user_id}" if self.user_id is not None else ""


@dataclass(frozen=True)
class EraseOptions:
    remove_comments: bool = False  # remove outright where possible, rather than leave anonymous tombstones


def subject_for(email: str = "", user: User | AnonymousUser | None = None, *, author_key: str = "",
                voter_key: str = "") -> Subject:
    from masthead.accounts.models import ReaderIdentity

    if not isinstance(user, User) or not user.is_authenticated:
        user = None
    email = normalize_email(email or (user.email if user is not None else ""))
    identity = None
    if user is not None:
        identity = ReaderIdentity.objects.filter(user=user).first()
    if identity is None and email:
        identity = ReaderIdentity.objects.filter(email=email).first()
    if user is None and identity is not None and identity.user_id is not None:
        user = identity.user
    return Subject(
        email=email,
        user_id=user.pk if user is not None else None,
        identity_id=identity.pk if identity is not None else None,
        guest_author_keys=[author_key] if author_key else [],
        guest_voter_keys=[voter_key] if voter_key else [],
    )


def _providers() -> list[tuple[str, Any]]:
    from masthead.accounts.privacy import accounts, discussion, funding, notifications, queued

    # Order matters for erasure: comments and votes first (they find the reader through the account), the
    # account last.
    return [("discussion", discussion), ("funding", funding), ("notifications", notifications),
            ("queued_tasks", queued), ("account", accounts)]


def export_data(subject: Subject) -> dict[str, Any]:
    data: dict[str, Any] = {"exported_at": timezone.now().isoformat(), "email": subject.email}
    for _name, provider in _providers():
        data.update(provider.export(subject))
    return data


def erase_data(subject: Subject, options: EraseOptions | None = None) -> dict[str, int]:
    """Erase everything that names the reader. Call inside a transaction (views and commands do)."""
    options = options or EraseOptions()
    counts: dict[str, int] = {}
    for _name, provider in _providers():
        counts.update(provider.erase(subject, options))
    return counts
