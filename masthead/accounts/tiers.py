"""Which tier a reader is in: guest → verified → account → supporter, and staff. Computed, never stored.

- **guest**: no proof of anything (a display name, perhaps an email address typed into a form);
- **verified**: this browser proved ``email`` by a link (the session holds the identity's id, not the address);
- **account**: signed in (by an emailed link or a password);
- **supporter**: a proved address (verified or the account's) with a paid donation in the funding ledger;
- **staff**: ``is_staff``/superuser, or a member of Moderators, Editors or Admins.
"""

from __future__ import annotations

from django.contrib.auth.models import User
from django.http import HttpRequest

from masthead.accounts.confusables import STAFF_GROUPS
from masthead.accounts.models import ReaderIdentity
from masthead.core.actors import Actor
from masthead.discussion.readers import Tier
from masthead.funding.models import Donation

__all__ = ["Tier", "is_staff_user", "is_verified_email", "session_identity", "shows_supporter_badge", "tier_of"]

SESSION_IDENTITY = "accounts:verified-identity"


def normalize_email(email: str) -> str:
    return email.strip().lower()


def is_staff_user(user: Actor) -> bool:
    if not isinstance(user, User) or not user.is_active:
        return False
    if user.is_staff or user.is_superuser:
        return True
    return user.groups.filter(name__in=STAFF_GROUPS).exists()


def has_paid_donation(email: str) -> bool:
    """A paid donation from this address still counting in the ledger (a full refund or lost dispute does not)."""
    if not email:
        return False
    return Donation.objects.filter(donor_email__iexact=normalize_email(email), is_paid=True,
                                   net_amount__gt=0).exists()


def session_identity(request: HttpRequest) -> ReaderIdentity | None:
    """The identity this browser proved by a verification link, if any (and still verified)."""
    session = getattr(request, "session", None)
    identity_id = session.get(SESSION_IDENTITY) if session is not None else None
    if not isinstance(identity_id, int):
        return None
    return ReaderIdentity.objects.filter(pk=identity_id, verified_at__isnull=False).first()


def is_verified_email(email: str) -> bool:
    """Whether anyone ever proved ``email``. Not proof that *this* request comes from its owner: see ``tier_of``."""
    return bool(email) and ReaderIdentity.objects.filter(email=normalize_email(email),
                                                          verified_at__isnull=False).exists()


def _account_of(request_or_user: HttpRequest | Actor) -> User | None:
    """The signed-in account making the request (or the user given), else None."""
    # (A request built without the authentication middleware has no user.)
    user = getattr(request_or_user, "user", None) if isinstance(request_or_user, HttpRequest) else request_or_user
    return user if isinstance(user, User) and user.is_authenticated else None


def tier_of(request_or_user: HttpRequest | Actor, email: str = "") -> str:
    """The tier of whoever makes ``request`` (or of ``user``), writing with ``email`` (guests only)."""
    request = request_or_user if isinstance(request_or_user, HttpRequest) else None
    user = _account_of(request_or_user)
    if user is not None:
        if is_staff_user(user):
            return Tier.STAFF
        return Tier.SUPPORTER if has_paid_donation(user.email) else Tier.ACCOUNT
    if request is None or not email:
        return Tier.GUEST
    identity = session_identity(request)
    if identity is None or identity.email != normalize_email(email):
        return Tier.GUEST
    return Tier.SUPPORTER if has_paid_donation(identity.email) else Tier.VERIFIED


def shows_supporter_badge(request_or_user: HttpRequest | Actor, email: str = "") -> bool:
    """Supporters get a badge next to their name unless they chose to hide it."""
    if tier_of(request_or_user, email) != Tier.SUPPORTER:
        return False
    request = request_or_user if isinstance(request_or_user, HttpRequest) else None
    user = _account_of(request_or_user)
    if user is not None:
        identity = ReaderIdentity.objects.filter(user=user).first()
    else:
        identity = session_identity(request) if request is not None else None
    return identity is None or identity.show_supporter_badge
