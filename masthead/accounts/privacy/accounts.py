"""The reader's identity and account: export it; erase deletes it (links, claims, identity, and the account)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model

from masthead.accounts.models import EmailLink, ReaderIdentity
from masthead.accounts.privacy import EraseOptions, Subject
from masthead.accounts.tiers import is_staff_user


def export(subject: Subject) -> dict[str, Any]:
    identity = ReaderIdentity.objects.filter(pk=subject.identity_id).first() if subject.identity_id else None
    user = get_user_model().objects.filter(pk=subject.user_id).first() if subject.user_id else None
    account = None
    if user is not None:
        account = {"email": user.email, "display_name": user.get_full_name(), "joined": user.date_joined.isoformat(),
                   "has_password": user.has_usable_password(),
                   "last_sign_in": user.last_login.isoformat() if user.last_login else None}
    return {
        "identity": {
            "email": identity.email,
            "verified_at": identity.verified_at.isoformat() if identity.verified_at else None,
            "display_name": identity.display_name,
            "show_supporter_badge": identity.show_supporter_badge,
        } if identity is not None else None,
        "account": account,
    }


def erase(subject: Subject, options: EraseOptions) -> dict[str, int]:
    links = 0
    if subject.email:
        links, _ = EmailLink.objects.filter(email__iexact=subject.email).delete()
    identities, _ = ReaderIdentity.objects.filter(pk=subject.identity_id).delete() if subject.identity_id \
        else (0, {})
    users = 0
    if subject.user_id is not None:
        user = get_user_model().objects.filter(pk=subject.user_id).first()
        if user is not None and not is_staff_user(user):
            user.delete()  # comments were anonymised first; the sessions die with the account
            users = 1
    return {"links_deleted": links, "identities_deleted": identities, "accounts_deleted": users}
